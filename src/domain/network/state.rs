//! What a browser keeps between runs, beside its data: where the last pull stopped, the
//! revisions, the conflicts waiting for the officer, the writes the server refused and the
//! losing leaves still to retire. Saved with the data after every answer handled, so a run
//! stopped anywhere starts again from here.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::conflict::{Branch, Conflict, Conflicts, Side};
use super::docs::{self, Unreadable};
use super::revs::{fingerprint, RevEntry, RevStore};
use crate::domain::model::dataset::{Changes, Dataset};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    /// Where the last pull stopped in the server's changes feed: opaque, kept and sent back
    /// as the server gave it (CouchDB 3 gives strings, PouchDB Server numbers).
    pub since: Value,
    /// The value before it: the server's checkpoint still says it when a run stopped
    /// between saving here and saving there.
    #[serde(default)]
    pub previous_since: Value,
    pub revs: RevStore,
    #[serde(default)]
    pub conflicts: Conflicts,
    #[serde(default)]
    pub refused: BTreeMap<String, Refused>,
    /// Losing leaves of settled conflicts, to be retired on the next push.
    #[serde(default)]
    pub retiring: Vec<Retire>,
    /// Records whose leaves on the server are read again at the next run (once no conflict
    /// is open on them): a feed row passed over while the officer had a conflict open, or
    /// leaves left aside when one stopped the taking in. The feed will not show them again
    /// unless the record changes, and a settled result may be a revision already there.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub recheck: BTreeSet<String>,
}

impl Default for SyncState {
    fn default() -> Self {
        Self {
            since: Value::from(0),
            previous_since: Value::Null,
            revs: RevStore::default(),
            conflicts: Conflicts::new(),
            refused: BTreeMap::new(),
            retiring: Vec::new(),
            recheck: BTreeSet::new(),
        }
    }
}

/// A write the server refused (its `validate_doc_update`, or the account's rights): shown
/// to the officer with the server's reason, and not sent again until the record changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Refused {
    pub collection: String,
    pub id: String,
    /// The server's error (`"forbidden"`, `"unauthorized"`).
    pub error: String,
    /// The server's reason, as written by the rule that refused it.
    pub reason: String,
    /// The refused version (a hash of its body): a later edit is sent again.
    pub version: String,
}

/// A losing leaf to retire with a deleted child.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Retire {
    pub collection: String,
    pub id: String,
    pub branch: Branch,
}

impl SyncState {
    /// The conflicts waiting for the officer, in id order.
    pub fn conflicts(&self) -> impl Iterator<Item = &Conflict> {
        self.conflicts.values()
    }

    /// The writes the server refused, in id order.
    pub fn refused(&self) -> impl Iterator<Item = &Refused> {
        self.refused.values()
    }

    /// Settles the conflict on `id` with the officer's choices (`pick`, see
    /// [`Conflict::result`]): the result is written to the data and sent on the next push
    /// as a child of the winning revision, each losing leaf retired.
    pub fn resolve(
        &mut self,
        data: &mut Dataset,
        id: &str,
        pick: &dyn Fn(&str) -> Side,
    ) -> Result<(), Unreadable> {
        let Some(conflict) = self.conflicts.get(id) else {
            return Ok(());
        };
        let result = conflict.result(pick);
        let conflict = conflict.clone();
        let result = docs::write(data, &conflict.collection, id, result.as_ref())?;
        self.conflicts.remove(id);
        // Sent even when the result is the winner's body: a change that reached the server
        // while the conflict was open is then seen again, not skipped.
        let (parent, retire) = (&conflict.parent, conflict.retire.clone());
        self.settle(
            &conflict.collection,
            id,
            parent,
            retire,
            true,
            result.as_ref(),
        );
        Ok(())
    }

    /// Records that the data now holds `result`, built on `parent`, and queues `retire`.
    pub(super) fn settle(
        &mut self,
        collection: &str,
        id: &str,
        parent: &Branch,
        retire: Vec<Branch>,
        force: bool,
        result: Option<&Value>,
    ) {
        let known = self
            .revs
            .get(id)
            .map(|e| e.known.clone())
            .unwrap_or_default();
        let Some(mut entry) = RevEntry::at(collection, &parent.chain, parent.body.as_ref(), result)
        else {
            return;
        };
        entry.known = known;
        if let Some(old) = self.revs.get(id) {
            if !parent.chain.contains(&old.rev) {
                entry.learn([old.rev.clone()]);
            }
        }
        entry.learn(retire.iter().map(|b| b.rev().to_owned()));
        entry.force = force || !retire.is_empty();
        self.revs.set(id.to_owned(), entry);
        self.retiring
            .extend(retire.into_iter().map(|branch| Retire {
                collection: collection.to_owned(),
                id: id.to_owned(),
                branch,
            }));
    }

    /// Sets aside, as their merge base, the synced versions of records the data is about to
    /// lose: `before` is the data before a change, `changed` the ids that change named
    /// (`Dataset::take_changes`). Without it a record changed on both sides still comes to
    /// the officer, but with every differing field, not only those both sides changed.
    pub fn keep_bases(&mut self, before: &Dataset, changed: &Changes) {
        for (kind, ids) in changed {
            for id in ids {
                let Some(e) = self.revs.get_mut(id) else {
                    continue;
                };
                if e.base.is_some() {
                    continue;
                }
                let Some(body) = docs::body(before, kind.collection(), id) else {
                    continue;
                };
                if e.synced.as_deref() == Some(&fingerprint(&body)) {
                    e.base = Some(body);
                }
            }
        }
    }
}
