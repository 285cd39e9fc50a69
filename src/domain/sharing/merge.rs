//! Importing another officer's file without ever losing an update on either side.
//!
//! Each browser keeps a [`SyncBase`]: for every record it has exchanged (exported or
//! imported), fingerprints of the last few versions exchanged, the latest last. Against
//! it, an incoming record is
//! - **new** (no record with its id here),
//! - **identical** (same content),
//! - **mine** (the file holds a version this side has already exchanged: only this side
//!   changed it since, or the file is older, so mine is kept),
//! - **theirs** (this side still holds the version last exchanged and the file's is one
//!   it has never seen: only the other side changed it, so theirs is taken),
//! - a **conflict** (both changed it, or it was never exchanged and differs): never
//!   resolved without the officer's choice.
//!
//! A record of the file that is probably one here under another id (typed separately by
//! two officers) is offered as a [`Duplicate`], joined only by the officer's choice
//! (`duplicates`).
//!
//! After an import the base holds the file's version of each of its records, so importing
//! the same file twice changes nothing the second time, and a conflict resolved as "keep
//! mine" reaches the other side as a change of mine on the next exchange.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::model::collection::Collection;
use crate::domain::model::dataset::{Dataset, Visitor, VisitorMut};
use crate::domain::model::record::{Record, RecordKind};
use crate::domain::sorting;

mod duplicates;
mod import;

pub use duplicates::Duplicate;

/// A 64-bit FNV-1a hash of a record's JSON form.
pub type Fingerprint = u64;

pub fn fingerprint<T: Serialize>(record: &T) -> Fingerprint {
    let bytes = serde_json::to_vec(record).unwrap_or_default();
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The versions this browser exchanged of each record, by id, the latest last.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncBase(pub BTreeMap<String, Vec<Fingerprint>>);

/// How many exchanged versions of a record are remembered.
const HISTORY: usize = 4;

impl SyncBase {
    pub fn remember(&mut self, id: String, fp: Fingerprint) {
        let seen = self.0.entry(id).or_default();
        if seen.last() != Some(&fp) {
            seen.retain(|x| *x != fp);
            seen.push(fp);
            if seen.len() > HISTORY {
                seen.remove(0);
            }
        }
    }

    fn last(&self, id: &str) -> Option<Fingerprint> {
        self.0.get(id).and_then(|v| v.last().copied())
    }

    fn knows(&self, id: &str, fp: Fingerprint) -> bool {
        self.0.get(id).is_some_and(|v| v.contains(&fp))
    }

    /// For each record of `data`, the version last exchanged, if any: written in an export
    /// so the receiver can tell a change made only by the sender from one made on both
    /// sides, whatever the receiver's own exchanges (a backup export included).
    pub fn based_on(&self, data: &Dataset) -> BTreeMap<String, Fingerprint> {
        struct Pick<'a>(&'a SyncBase, BTreeMap<String, Fingerprint>);
        impl crate::domain::model::dataset::Visitor for Pick<'_> {
            fn visit<T: Record>(&mut self, c: &Collection<T>) {
                for r in c.iter() {
                    let id = r.id().to_string();
                    if let Some(fp) = self.0.last(&id) {
                        self.1.insert(id, fp);
                    }
                }
            }
        }
        let mut pick = Pick(self, BTreeMap::new());
        data.visit(&mut pick);
        pick.1
    }

    /// Remembers every record of `data` as exchanged in its present version (after an
    /// export, or after an import for the file's records).
    pub fn record_all(&mut self, data: &Dataset) {
        struct Remember<'a>(&'a mut SyncBase);
        impl crate::domain::model::dataset::Visitor for Remember<'_> {
            fn visit<T: Record>(&mut self, c: &Collection<T>) {
                for r in c.iter() {
                    self.0.remember(r.id().to_string(), fingerprint(r));
                }
            }
        }
        data.visit(&mut Remember(self));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    New,
    Identical,
    Theirs,
    Mine,
    Conflict,
}

/// One field that differs, as JSON text ("" when the field is absent on that side).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDiff {
    pub field: String,
    pub mine: String,
    pub theirs: String,
}

/// An incoming record and what importing it would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: RecordKind,
    pub id: String,
    pub label: String,
    pub change: Change,
    pub mine_updated: Option<DateTime<Utc>>,
    pub theirs_updated: DateTime<Utc>,
    /// The fields that differ (for changed records and conflicts).
    pub fields: Vec<FieldDiff>,
}

/// Everything an import would do, computed before anything is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportPlan {
    /// The file's records that would change something here (not those identical here).
    pub entries: Vec<Entry>,
    /// The file's records identical to the ones here: counted, not listed (a colleague's
    /// whole file is mostly these).
    pub identical: usize,
    /// Records here that the file does not contain.
    pub untouched: usize,
    /// The file's records that are probably records here under another id, offered to
    /// join (read before any of `joins`).
    pub duplicates: Vec<Duplicate>,
    /// The duplicates the officer chose to join, which this plan was made with.
    pub joins: Vec<Duplicate>,
}

impl ImportPlan {
    pub fn count(&self, change: Change) -> usize {
        match change {
            Change::Identical => self.identical,
            _ => self.entries.iter().filter(|e| e.change == change).count(),
        }
    }

    pub fn conflicts(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.change == Change::Conflict)
    }

    /// Whether applying would change anything here.
    pub fn changes_anything(&self) -> bool {
        !self.joins.is_empty()
            || self
                .entries
                .iter()
                .any(|e| matches!(e.change, Change::New | Change::Theirs | Change::Conflict))
    }
}

/// How a conflict is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    KeepMine,
    TakeTheirs,
    /// The version saved last wins (mine when both were saved at the same instant).
    NewerWins,
}

/// A conflict left without a resolution: nothing was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved(pub Vec<String>);

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Applied {
    pub added: usize,
    pub replaced: usize,
    pub kept: usize,
}

pub(in crate::domain) fn field_diffs(mine: &Value, theirs: &Value) -> Vec<FieldDiff> {
    let empty = serde_json::Map::new();
    let (m, t) = (
        mine.as_object().unwrap_or(&empty),
        theirs.as_object().unwrap_or(&empty),
    );
    let text = |v: Option<&Value>| match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let mut keys: Vec<&String> = m.keys().chain(t.keys()).collect();
    sorting::sort(&mut keys);
    keys.dedup();
    keys.into_iter()
        .filter(|k| k.as_str() != "updated_at" && m.get(*k) != t.get(*k))
        .map(|k| FieldDiff {
            field: k.clone(),
            mine: text(m.get(k)),
            theirs: text(t.get(k)),
        })
        .collect()
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "merge/duplicates_tests.rs"]
mod duplicates_tests;
