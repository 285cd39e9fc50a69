//! Sending this browser's changes: every record whose version differs from the one last
//! synced (or taken out since), each as a new revision whose parent is the synced one, and
//! the losing leaves of settled conflicts, each retired by a deleted child. Written with
//! `new_edits: false`, so the server keeps the revision ids made here.

use std::collections::VecDeque;

use rustc_hash::FxHashSet;
use serde_json::{json, Value};

use super::docs::{all_bodies, body_hash, document, parse_rev, rev_hash};
use super::replicator::RunReport;
use super::revs::{fingerprint_of, RevEntry};
use super::state::{Refused, Retire, SyncState};
use crate::domain::model::dataset::Dataset;

/// Something to send.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Outgoing {
    /// A record's version here (`None`: taken out here).
    Record {
        id: String,
        collection: &'static str,
        body: Option<Value>,
        /// The body's hash (`docs::body_hash`), found once.
        hash: Option<u128>,
    },
    Retire(Retire),
}

impl Outgoing {
    pub fn id(&self) -> &str {
        match self {
            Outgoing::Record { id, .. } => id,
            Outgoing::Retire(r) => &r.id,
        }
    }

    /// The data's version of the record (the officer may have changed it while its
    /// revision was on its way).
    pub fn current(&self, data: &Dataset) -> Option<Value> {
        match self {
            Outgoing::Record { id, collection, .. } => super::docs::body(data, collection, id),
            Outgoing::Retire(r) => super::docs::body(data, &r.collection, &r.id),
        }
    }
}

/// A revision made for an outgoing item: its id, its document, and what marks it sent.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Made {
    pub item: Outgoing,
    pub rev: String,
    pub doc: Value,
}

/// What this browser has to send: settled conflicts' losing leaves first, then every record
/// changed since it was last synced, but those in an open conflict and those the server
/// refused in this very version.
pub(super) fn outgoing(data: &Dataset, state: &SyncState) -> VecDeque<Outgoing> {
    let mut queue: VecDeque<Outgoing> = state
        .retiring
        .iter()
        .cloned()
        .map(Outgoing::Retire)
        .collect();
    let bodies = all_bodies(data);
    let held = |id: &str, hash: Option<u128>| {
        state.conflicts.contains_key(id)
            || state
                .refused
                .get(id)
                .is_some_and(|r| r.version == version(hash))
    };
    let mut ids: Vec<&String> = bodies.keys().collect();
    ids.sort();
    for id in ids {
        let local = &bodies[id];
        let hash = Some(body_hash(&local.body));
        let dirty = state
            .revs
            .get(id)
            .is_none_or(|e| e.force || e.synced.as_deref() != hash.map(fingerprint_of).as_deref());
        if dirty && !held(id, hash) {
            queue.push_back(Outgoing::Record {
                id: id.clone(),
                collection: local.collection,
                body: Some(local.body.clone()),
                hash,
            });
        }
    }
    let present: FxHashSet<&str> = bodies.keys().map(String::as_str).collect();
    for (id, e) in state.revs.iter() {
        if e.synced.is_some() && !present.contains(id.as_str()) && !held(id, None) {
            let collection = crate::domain::model::record::RecordKind::ALL
                .iter()
                .map(|k| k.collection())
                .find(|c| *c == e.collection);
            if let Some(collection) = collection {
                queue.push_back(Outgoing::Record {
                    id: id.clone(),
                    collection,
                    body: None,
                    hash: None,
                });
            }
        }
    }
    queue
}

/// The new revision for `item`, with the history the server needs to place it.
pub(super) fn make(item: Outgoing, state: &SyncState) -> Made {
    let (id, collection, parent_chain, parent_hashes, body, body_hash) = match &item {
        Outgoing::Record {
            id,
            collection,
            body,
            hash,
        } => {
            let e = state.revs.get(id);
            (
                id.clone(),
                collection.to_string(),
                e.map(RevEntry::chain).unwrap_or_default(),
                e.map(RevEntry::hashes).unwrap_or_default(),
                body.clone(),
                *hash,
            )
        }
        Outgoing::Retire(r) => {
            let hashes = r
                .branch
                .chain
                .iter()
                .filter_map(|c| parse_rev(c).map(|p| p.hash.to_owned()))
                .collect();
            (
                r.id.clone(),
                r.collection.clone(),
                r.branch.chain.clone(),
                hashes,
                None,
                None,
            )
        }
    };
    let parent = parent_chain.first().map(String::as_str);
    let generation = parent.and_then(parse_rev).map_or(0, |p| p.generation) + 1;
    let hash = rev_hash(parent, body_hash);
    let rev = format!("{generation}-{hash}");
    let mut ids = vec![Value::String(hash)];
    ids.extend(
        parent_hashes
            .into_iter()
            .take(super::revs::REVS_KEPT)
            .map(Value::String),
    );
    let mut doc = document(&id, &collection, body.as_ref());
    doc["_rev"] = Value::String(rev.clone());
    doc["_revisions"] = json!({ "start": generation, "ids": ids });
    Made { item, rev, doc }
}

/// Marks `made` as on the server; the data now holds `current`.
pub(super) fn sent(made: &Made, state: &mut SyncState, current: Option<&Value>) {
    let hash = parse_rev(&made.rev).map_or("", |r| r.hash).to_owned();
    match &made.item {
        Outgoing::Record {
            id,
            collection,
            body,
            ..
        } => {
            let entry = match state.revs.get(id) {
                Some(e) => e.child(&hash, body.as_ref(), current),
                None => match RevEntry::at(
                    collection,
                    std::slice::from_ref(&made.rev),
                    body.as_ref(),
                    current,
                ) {
                    Some(e) => e,
                    None => return,
                },
            };
            state.revs.set(id.clone(), entry);
            state.refused.remove(id);
        }
        Outgoing::Retire(r) => {
            if let Some(e) = state.revs.get_mut(&r.id) {
                e.learn([r.branch.rev().to_owned(), made.rev.clone()]);
            }
            state.retiring.retain(|x| x != r);
        }
    }
}

/// Keeps `made` as refused, with the server's reason.
pub(super) fn refused(made: &Made, error: &str, reason: &str, state: &mut SyncState) {
    match &made.item {
        Outgoing::Record {
            id,
            collection,
            hash,
            ..
        } => {
            state.refused.insert(
                id.clone(),
                Refused {
                    collection: collection.to_string(),
                    id: id.clone(),
                    error: error.to_owned(),
                    reason: reason.to_owned(),
                    version: version(*hash),
                },
            );
        }
        Outgoing::Retire(r) => {
            state.retiring.retain(|x| x != r);
            state.refused.insert(
                r.id.clone(),
                Refused {
                    collection: r.collection.clone(),
                    id: r.id.clone(),
                    error: error.to_owned(),
                    reason: reason.to_owned(),
                    version: String::new(),
                },
            );
        }
    }
}

/// A refused version's name: its fingerprint (or a deletion's).
fn version(hash: Option<u128>) -> String {
    hash.map_or_else(|| "deleted".to_owned(), fingerprint_of)
}

/// Reads a `_bulk_docs` answer: marks what was written and keeps what was refused; `false`
/// when the server asked for a login for some document (`unauthorized`: the session ran
/// out, or a rule wants a named account), which is not a refusal: it is sent again after
/// the login.
pub(super) fn written(
    data: &Dataset,
    state: &mut SyncState,
    docs: &[Made],
    body: &Value,
    report: &mut RunReport,
) -> bool {
    // With `new_edits: false` CouchDB answers `[]` when all were written, and lists only
    // the documents it refused; PouchDB Server may list successes too.
    let mut logged_in = true;
    let mut errors: rustc_hash::FxHashMap<&str, (&str, &str)> = Default::default();
    for r in body.as_array().into_iter().flatten() {
        if let (Some(id), Some(error)) = (r["id"].as_str(), r["error"].as_str()) {
            errors.insert(id, (error, r["reason"].as_str().unwrap_or("")));
        }
    }
    for m in docs {
        match errors.get(m.item.id()) {
            Some(("unauthorized", _)) => logged_in = false,
            Some((error, reason)) => {
                refused(m, error, reason, state);
                report.refused += 1;
            }
            None => {
                sent(m, state, m.item.current(data).as_ref());
                report.pushed += 1;
            }
        }
    }
    logged_in
}
