//! Taking in what the server holds of one record: its leaf revisions this browser lacks,
//! against the version here and the merge base. A record changed only there takes the
//! server's version; changed here too, it is merged field by field, and what both changed
//! becomes a [`Conflict`] for the officer, never settled by the server's winner alone.

use serde_json::Value;

use super::conflict::{merge_fields, Branch, Conflict};
use super::docs::{self, body_of_doc, normalize, revisions, COLLECTION_FIELD};
use super::revs::RevEntry;
use super::state::SyncState;
use crate::domain::model::dataset::Dataset;

/// What taking in one record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pulled {
    /// Nothing changed here (revisions already held, or retired branches).
    Nothing,
    /// The server's version taken, or merged with this browser's without a conflict.
    Taken,
    Conflict,
    /// A document that is not a record this build reads (the reason goes to the report).
    Unreadable,
}

/// One fetched leaf revision.
struct Leaf {
    chain: Vec<String>,
    body: Option<Value>,
}

impl Leaf {
    fn rev(&self) -> &str {
        self.chain.first().map_or("", String::as_str)
    }

    fn branch(&self) -> Branch {
        Branch {
            chain: self.chain.clone(),
            body: self.body.clone(),
        }
    }
}

/// CouchDB's order of leaves: the longest history first, then the greater revision id.
fn rank(rev: &str) -> (u64, &str) {
    (docs::parse_rev(rev).map_or(0, |r| r.generation), rev)
}

fn wins(a: &str, b: &str) -> bool {
    rank(a) > rank(b)
}

/// Takes in record `id`: `listed`, every leaf the server holds of it; `fetched`, the
/// documents of the leaves this browser lacked.
pub(super) fn take_in(
    state: &mut SyncState,
    data: &mut Dataset,
    id: &str,
    listed: &[String],
    fetched: &[Value],
    unreadable: &mut Vec<(String, String)>,
) -> Pulled {
    let Some(collection) = fetched
        .iter()
        .find_map(|d| d[COLLECTION_FIELD].as_str())
        .map(str::to_owned)
        .or_else(|| state.revs.get(id).map(|e| e.collection.clone()))
    else {
        unreadable.push((id.to_owned(), "no collection named".into()));
        return Pulled::Unreadable;
    };
    let mut live = Vec::new();
    let mut dead = Vec::new();
    for doc in fetched {
        let chain = revisions(doc);
        if doc["_deleted"].as_bool() == Some(true) {
            dead.push(Leaf { chain, body: None });
            continue;
        }
        let Some(raw) = body_of_doc(doc) else {
            continue;
        };
        match normalize(&collection, id, &raw) {
            Ok(body) => live.push(Leaf {
                chain,
                body: Some(body),
            }),
            Err(e) => unreadable.push((id.to_owned(), format!("{e:?}"))),
        }
    }
    live.sort_by(|a, b| rank(b.rev()).cmp(&rank(a.rev())));
    let mut mine = docs::body(data, &collection, id);
    let original = state.revs.get(id).cloned();
    let original_base = original.as_ref().and_then(|o| o.synced_body(mine.as_ref()));

    if live.is_empty() {
        return take_deletion(state, data, &collection, id, &dead, mine.as_ref());
    }
    let mut outcome = Pulled::Nothing;
    for leaf in &live {
        let entry = state.revs.get(id).cloned();
        let dirty = match &entry {
            Some(e) => e.is_dirty(mine.as_ref()),
            None => mine.is_some(),
        };
        let theirs = leaf.body.clone();
        // From the version synced here, or from a branch whose version synced here was
        // retired by whoever settled a conflict on it (a deleted child of it is a leaf).
        let descends = entry.as_ref().is_some_and(|e| {
            leaf.chain.contains(&e.rev) || dead.iter().any(|d| d.chain.contains(&e.rev))
        });
        if (entry.is_none() && mine.is_none()) || (descends && !dirty) {
            if let Ok(written) = docs::write(data, &collection, id, theirs.as_ref()) {
                set_at(state, &collection, id, &leaf.chain, written.as_ref());
                mine = written;
                outcome = Pulled::Taken;
            }
            continue;
        }
        if mine == theirs {
            // The same version on both sides: nothing to put to anyone.
            let retire = sibling_leaf(entry.as_ref(), leaf, listed, mine.as_ref());
            let (parent, retire) = winner(leaf.branch(), retire);
            state.settle(&collection, id, &parent, retire, false, mine.as_ref());
            outcome = Pulled::Taken;
            continue;
        }
        // Changed on both sides. The merge base is the version this browser last synced
        // when the server's leaf descends from it; otherwise the common ancestor is not
        // kept here and every differing field goes to the officer.
        let base = original
            .as_ref()
            .filter(|o| leaf.chain.contains(&o.rev))
            .and(original_base.clone());
        let (parent, retire) = if descends {
            (leaf.branch(), Vec::new())
        } else {
            winner(
                leaf.branch(),
                sibling_leaf(entry.as_ref(), leaf, listed, mine.as_ref()),
            )
        };
        let (merged, fields) = match (&mine, &theirs) {
            (Some(m), Some(t)) => {
                let (merged, fields) = merge_fields(base.as_ref(), m, t);
                match normalize(&collection, id, &merged) {
                    Ok(merged) => (Some(merged), fields),
                    Err(_) => (Some(m.clone()), differing(m, t)),
                }
            }
            _ => (None, Vec::new()),
        };
        if let (Some(result), true) = (&merged, fields.is_empty()) {
            if docs::write(data, &collection, id, Some(result)).is_ok() {
                state.settle(&collection, id, &parent, retire, false, Some(result));
                mine = Some(result.clone());
                outcome = Pulled::Taken;
                continue;
            }
        }
        state.conflicts.insert(
            id.to_owned(),
            Conflict {
                collection: collection.clone(),
                id: id.to_owned(),
                base,
                mine,
                theirs,
                merged,
                fields,
                parent,
                retire,
            },
        );
        // Other leaves wait: read again once the officer's result is written.
        state.recheck.insert(id.to_owned());
        return Pulled::Conflict;
    }
    if let Some(e) = state.revs.get_mut(id) {
        e.learn(dead.iter().map(|d| d.rev().to_owned()));
    }
    outcome
}

/// This browser's synced revision when it is still a leaf beside `leaf` on the server
/// (both were sent from the same parent): it loses or wins with `leaf`.
fn sibling_leaf(
    entry: Option<&RevEntry>,
    leaf: &Leaf,
    listed: &[String],
    mine: Option<&Value>,
) -> Option<Branch> {
    let e = entry?;
    (listed.contains(&e.rev) && !leaf.chain.contains(&e.rev)).then(|| Branch {
        chain: e.chain(),
        body: e.synced_body(mine),
    })
}

/// The winning revision of `theirs` and `ours` (when both are leaves), and the losers.
fn winner(theirs: Branch, ours: Option<Branch>) -> (Branch, Vec<Branch>) {
    match ours {
        Some(o) if wins(o.rev(), theirs.rev()) => (o, vec![theirs]),
        Some(o) => (theirs, vec![o]),
        None => (theirs, Vec::new()),
    }
}

fn differing(m: &Value, t: &Value) -> Vec<String> {
    merge_fields(None, m, t).1
}

/// Records that the data holds `body`, the version at `chain`'s head.
fn set_at(
    state: &mut SyncState,
    collection: &str,
    id: &str,
    chain: &[String],
    body: Option<&Value>,
) {
    let known = state
        .revs
        .get(id)
        .map(|e| e.known.clone())
        .unwrap_or_default();
    if let Some(mut e) = RevEntry::at(collection, chain, body, body) {
        e.known = known;
        state.revs.set(id.to_owned(), e);
    }
}

/// Only deleted leaves were missing: the record was taken out there (when the deletion
/// descends from the version synced here), or they are retired branches.
fn take_deletion(
    state: &mut SyncState,
    data: &mut Dataset,
    collection: &str,
    id: &str,
    dead: &[Leaf],
    mine: Option<&Value>,
) -> Pulled {
    let entry = state.revs.get(id).cloned();
    let Some(e) = entry else {
        // Never held here: remembered as taken out, so it is not fetched again.
        if let Some(d) = dead.first() {
            set_at(state, collection, id, &d.chain, None);
        }
        return Pulled::Nothing;
    };
    let Some(d) = dead.iter().find(|d| d.chain.contains(&e.rev)) else {
        if let Some(e) = state.revs.get_mut(id) {
            e.learn(dead.iter().map(|d| d.rev().to_owned()));
        }
        return Pulled::Nothing;
    };
    if !e.is_dirty(mine) || mine.is_none() {
        if docs::write(data, collection, id, None).is_err() {
            return Pulled::Unreadable;
        }
        set_at(state, collection, id, &d.chain, None);
        return Pulled::Taken;
    }
    state.conflicts.insert(
        id.to_owned(),
        Conflict {
            collection: collection.to_owned(),
            id: id.to_owned(),
            base: e.synced_body(mine),
            mine: mine.cloned(),
            theirs: None,
            merged: None,
            fields: Vec::new(),
            parent: d.branch(),
            retire: Vec::new(),
        },
    );
    Pulled::Conflict
}
