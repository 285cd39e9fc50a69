//! The revisions this browser keeps, per record: the revision its synced version has, a
//! bounded list of that revision's ancestors, the revisions of other branches it has taken
//! in, and the merge base (the body as last synced), kept beside the data in storage.
//!
//! Field names are one letter: the store holds one entry per record of the data, and
//! localStorage is counted. Measured by `tests/network/size.rs` after a first push of the
//! large generated dataset (69,801 records, three times a province): 8.6 MB of JSON,
//! 3.7 MB compressed as storage keeps it, about 39% of localStorage's quota beside the
//! data's 55%; a province's, a third of that, about 13%. Each ancestor kept adds 35 bytes
//! to a record synced again after a change (a record written once keeps none).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::docs::parse_rev;

/// Ancestors kept per record, and other branches' revisions remembered: enough for the
/// server to place a new revision on its tree after many edits between two syncs.
pub const REVS_KEPT: usize = 20;

/// Every record's revisions, by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RevStore(BTreeMap<String, RevEntry>);

/// One record's revisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevEntry {
    /// The record's collection (`"directives"`).
    #[serde(rename = "c")]
    pub collection: String,
    /// The revision of the version last synced (`N-<32 hex>`).
    #[serde(rename = "r")]
    pub rev: String,
    /// The hashes of its ancestors, parent first (their generations count down from `rev`'s).
    #[serde(rename = "a", default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<String>,
    /// A fingerprint of the version last synced (`None`: that revision is a deletion): the
    /// data's version is changed here when its fingerprint differs.
    #[serde(rename = "h", default)]
    pub synced: Option<String>,
    /// The merge base: the version last synced, kept only while the data's differs from it
    /// (set aside when the data changes, [`super::SyncState::keep_bases`]). A synced
    /// record is not stored twice.
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Value>,
    /// Revisions of other branches already taken in (conflicts settled, leaves retired).
    #[serde(rename = "k", default, skip_serializing_if = "Vec::is_empty")]
    pub known: Vec<String>,
    /// Sent as a new revision even if the data's version is the one synced (a settled
    /// conflict's result, built on the winning leaf).
    #[serde(rename = "f", default, skip_serializing_if = "std::ops::Not::not")]
    pub force: bool,
}

/// A version's fingerprint, as [`RevEntry::synced`] keeps it: 64 bits of its body's hash.
pub fn fingerprint(body: &Value) -> String {
    fingerprint_of(super::docs::body_hash(body))
}

pub(super) fn fingerprint_of(body_hash: u128) -> String {
    format!("{:016x}", (body_hash >> 64) as u64)
}

impl RevEntry {
    /// An entry at the revision whose history is `chain` (full revision ids, newest first),
    /// whose body is `synced`, while the data holds `current`.
    pub fn at(
        collection: &str,
        chain: &[String],
        synced: Option<&Value>,
        current: Option<&Value>,
    ) -> Option<Self> {
        let rev = chain.first()?.clone();
        let ancestors = chain[1..]
            .iter()
            .take(REVS_KEPT)
            .filter_map(|r| parse_rev(r).map(|r| r.hash.to_owned()))
            .collect();
        Some(Self {
            collection: collection.to_owned(),
            rev,
            ancestors,
            synced: synced.map(fingerprint),
            base: synced.filter(|s| current != Some(*s)).cloned(),
            known: Vec::new(),
            force: false,
        })
    }

    pub fn generation(&self) -> u64 {
        parse_rev(&self.rev).map_or(0, |r| r.generation)
    }

    /// The revision and its kept ancestors as full ids, newest first.
    pub fn chain(&self) -> Vec<String> {
        let g = self.generation();
        std::iter::once(self.rev.clone())
            .chain(
                self.ancestors
                    .iter()
                    .enumerate()
                    .map(|(i, h)| format!("{}-{h}", g.saturating_sub(i as u64 + 1))),
            )
            .collect()
    }

    /// The hashes of the revision and its ancestors, newest first (a `_revisions.ids`).
    pub fn hashes(&self) -> Vec<String> {
        let own = parse_rev(&self.rev).map(|r| r.hash.to_owned());
        own.into_iter()
            .chain(self.ancestors.iter().cloned())
            .collect()
    }

    /// Whether this browser already holds `rev` or something made from it.
    pub fn knows(&self, rev: &str) -> bool {
        self.rev == rev
            || self.known.iter().any(|k| k == rev)
            || self.chain().iter().any(|r| r == rev)
    }

    /// Whether the data's version (`None`: taken out) differs from the one last synced.
    pub fn is_dirty(&self, body: Option<&Value>) -> bool {
        self.force || self.synced != body.map(fingerprint)
    }

    /// The version last synced, when this browser has it: kept as the base, or the data's
    /// own when it has not changed since.
    pub fn synced_body(&self, current: Option<&Value>) -> Option<Value> {
        match &self.base {
            Some(b) => Some(b.clone()),
            None if self.synced == current.map(fingerprint) => current.cloned(),
            None => None,
        }
    }

    /// The entry once `hash` (a child of `rev`) is synced with `synced` as its body.
    pub fn child(&self, hash: &str, synced: Option<&Value>, current: Option<&Value>) -> Self {
        let mut ancestors = self.hashes();
        ancestors.truncate(REVS_KEPT);
        Self {
            collection: self.collection.clone(),
            rev: format!("{}-{hash}", self.generation() + 1),
            ancestors,
            synced: synced.map(fingerprint),
            base: synced.filter(|s| current != Some(*s)).cloned(),
            known: self.known.clone(),
            force: false,
        }
    }

    /// Remembers revisions of another branch as taken in.
    pub fn learn(&mut self, revs: impl IntoIterator<Item = String>) {
        for rev in revs {
            if !self.knows(&rev) {
                self.known.push(rev);
            }
        }
        let over = self.known.len().saturating_sub(REVS_KEPT);
        self.known.drain(..over);
    }
}

impl RevStore {
    pub fn get(&self, id: &str) -> Option<&RevEntry> {
        self.0.get(id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut RevEntry> {
        self.0.get_mut(id)
    }

    pub fn set(&mut self, id: String, entry: RevEntry) {
        self.0.insert(id, entry);
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &RevEntry)> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether this browser already holds `rev` of `id`.
    pub fn knows(&self, id: &str, rev: &str) -> bool {
        self.0.get(id).is_some_and(|e| e.knows(rev))
    }
}
