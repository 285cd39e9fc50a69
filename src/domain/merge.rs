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
//! After an import the base holds the file's version of each of its records, so importing
//! the same file twice changes nothing the second time, and a conflict resolved as "keep
//! mine" reaches the other side as a change of mine on the next exchange.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::collection::Collection;
use super::dataset::{Dataset, Visitor, VisitorMut};
use super::record::{Record, RecordKind};
use super::sorting;

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
        impl super::dataset::Visitor for Pick<'_> {
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
        impl super::dataset::Visitor for Remember<'_> {
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
        self.entries
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

pub(super) fn field_diffs(mine: &Value, theirs: &Value) -> Vec<FieldDiff> {
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

fn plan_collection<T: Record>(
    mine: &Collection<T>,
    theirs: &Collection<T>,
    base: &SyncBase,
    based_on: Option<&BTreeMap<String, Fingerprint>>,
    out: &mut ImportPlan,
) {
    let mut touched = 0;
    for (record, existing) in theirs.paired_with(mine) {
        if existing.is_some_and(|m| m == record) {
            touched += 1;
            out.identical += 1;
            continue;
        }
        let id = record.id().to_string();
        let change = match existing {
            None => Change::New,
            Some(m) => {
                let theirs = fingerprint(record);
                // Theirs only when the sender's copy descends from the version held here:
                // told by the file when it says (`based_on`), else by what this side last
                // exchanged.
                let held = Some(fingerprint(m));
                let only_theirs = match based_on {
                    Some(map) => map.get(&id).copied() == held,
                    None => base.last(&id) == held,
                };
                if base.knows(&id, theirs) {
                    Change::Mine
                } else if only_theirs {
                    Change::Theirs
                } else {
                    Change::Conflict
                }
            }
        };
        if existing.is_some() {
            touched += 1;
        }
        let fields = match (existing, change) {
            (Some(m), Change::Theirs | Change::Mine | Change::Conflict) => field_diffs(
                &serde_json::to_value(m).unwrap_or(Value::Null),
                &serde_json::to_value(record).unwrap_or(Value::Null),
            ),
            _ => Vec::new(),
        };
        out.entries.push(Entry {
            kind: T::KIND,
            id,
            label: record.label(),
            change,
            mine_updated: existing.map(Record::updated_at),
            theirs_updated: record.updated_at(),
            fields,
        });
    }
    out.untouched += mine.len() - touched;
}

fn apply_collection<T: Record>(
    mine: &mut Collection<T>,
    theirs: &Collection<T>,
    decide: &dyn Fn(&str) -> Option<Resolution>,
    plan: &BTreeMap<&str, Change>,
    applied: &mut Applied,
) {
    for record in theirs.iter() {
        let id = record.id().to_string();
        let take = match plan.get(id.as_str()) {
            Some(Change::New) => {
                applied.added += 1;
                true
            }
            Some(Change::Theirs) => true,
            Some(Change::Conflict) => match decide(&id) {
                Some(Resolution::TakeTheirs) => true,
                Some(Resolution::NewerWins) => mine
                    .get(record.id())
                    .is_none_or(|m| record.updated_at() > m.updated_at()),
                _ => false,
            },
            _ => false,
        };
        if take {
            if plan.get(id.as_str()) != Some(&Change::New) {
                applied.replaced += 1;
            }
            mine.upsert(record.clone());
        } else if plan.get(id.as_str()) == Some(&Change::Conflict)
            || plan.get(id.as_str()) == Some(&Change::Mine)
        {
            applied.kept += 1;
        }
    }
}

impl Dataset {
    /// The rules `incoming`'s records break once imported here: checked with this data, so
    /// a selection that refers to records already here is fine, and one that refers to
    /// records found nowhere is not. Each record of the file is checked as it would be
    /// taken, in place of the one here (the file's version is what a conflict could bring).
    pub fn check_import(&self, incoming: &Dataset) -> Vec<super::validate::ValidationError> {
        super::validate::validate_incoming(&self.differing(incoming), self)
    }

    /// The records of `incoming` that differ from this data's (new here, or another
    /// version): a record the same here changes nothing by being imported.
    pub fn differing(&self, incoming: &Dataset) -> Dataset {
        struct Differ<'a> {
            here: &'a Dataset,
            out: Dataset,
        }
        impl super::dataset::Visitor for Differ<'_> {
            fn visit<T: Record>(&mut self, c: &Collection<T>) {
                let here = self.here.collection::<T>();
                let out = self.out.collection_mut::<T>();
                for (r, _) in c.paired_with(here).filter(|(r, h)| *h != Some(*r)) {
                    out.upsert(r.clone());
                }
            }
        }
        let mut differ = Differ {
            here: self,
            out: Dataset::default(),
        };
        incoming.visit(&mut differ);
        differ.out.take_changes();
        differ.out
    }

    /// An entry's record named so an officer can find it: a directive with its conclusion
    /// ("16-KL/BCĐ · 4"), an update with its directive ("16-KL/BCĐ · 4 · 20/11/2026").
    /// Looked up in `incoming` first, then here.
    pub fn entry_name(&self, e: &Entry, incoming: &Dataset) -> String {
        let directive = |id: &str| {
            let id = super::DirectiveId::from(id);
            let find = |d: &Dataset| d.directives.get(&id).cloned();
            find(incoming).or_else(|| find(self))
        };
        let conclusion = |d: &super::Directive| {
            let find = |data: &Dataset| {
                data.conclusions
                    .get(&d.conclusion)
                    .map(|c| c.number_symbol.clone())
            };
            find(incoming).or_else(|| find(self)).unwrap_or_default()
        };
        match e.kind {
            RecordKind::Directive => directive(&e.id)
                .map(|d| format!("{} · {}", conclusion(&d), e.label))
                .unwrap_or_else(|| e.label.clone()),
            RecordKind::DirectiveUpdate => {
                let id = super::DirectiveUpdateId::from(e.id.as_str());
                let find = |d: &Dataset| {
                    d.directive_updates
                        .get(&id)
                        .map(|u| u.directive.to_string())
                };
                find(incoming)
                    .or_else(|| find(self))
                    .and_then(|id| directive(&id))
                    .map(|d| format!("{} · {} · {}", conclusion(&d), d.path, e.label))
                    .unwrap_or_else(|| e.label.clone())
            }
            _ => e.label.clone(),
        }
    }

    /// What importing `incoming` would do here, given what was last exchanged.
    pub fn plan_import(&self, incoming: &Dataset, base: &SyncBase) -> ImportPlan {
        self.plan_import_from(incoming, base, None)
    }

    /// [`Dataset::plan_import`] for a file that says which version of each record the
    /// sender's copy descends from (`ExportInfo::based_on`).
    pub fn plan_import_from(
        &self,
        incoming: &Dataset,
        base: &SyncBase,
        based_on: Option<&BTreeMap<String, Fingerprint>>,
    ) -> ImportPlan {
        struct Planner<'a> {
            incoming: &'a Dataset,
            base: &'a SyncBase,
            based_on: Option<&'a BTreeMap<String, Fingerprint>>,
            out: ImportPlan,
        }
        impl Visitor for Planner<'_> {
            fn visit<T: Record>(&mut self, mine: &Collection<T>) {
                let theirs = self.incoming.collection::<T>();
                plan_collection(mine, theirs, self.base, self.based_on, &mut self.out);
            }
        }
        let mut planner = Planner {
            incoming,
            base,
            based_on,
            out: ImportPlan::default(),
        };
        self.visit(&mut planner);
        planner.out
    }

    /// Applies `plan` (made by [`Dataset::plan_import`] for `incoming`), settling each
    /// conflict by `decide(id)`. If any conflict has no resolution nothing is changed.
    /// The base then holds the file's version of each of its records.
    pub fn apply_import(
        &mut self,
        incoming: &Dataset,
        plan: &ImportPlan,
        decide: &dyn Fn(&str) -> Option<Resolution>,
        base: &mut SyncBase,
    ) -> Result<Applied, Unresolved> {
        let applied = self.apply_records(incoming, plan, decide)?;
        base.record_all(incoming);
        Ok(applied)
    }

    /// [`Dataset::apply_import`] without remembering the exchange (to check a file).
    fn apply_records(
        &mut self,
        incoming: &Dataset,
        plan: &ImportPlan,
        decide: &dyn Fn(&str) -> Option<Resolution>,
    ) -> Result<Applied, Unresolved> {
        let open: Vec<String> = plan
            .conflicts()
            .filter(|e| decide(&e.id).is_none())
            .map(|e| e.label.clone())
            .collect();
        if !open.is_empty() {
            return Err(Unresolved(open));
        }
        let changes: BTreeMap<&str, Change> = plan
            .entries
            .iter()
            .map(|e| (e.id.as_str(), e.change))
            .collect();
        struct Applier<'a> {
            incoming: &'a Dataset,
            decide: &'a dyn Fn(&str) -> Option<Resolution>,
            changes: BTreeMap<&'a str, Change>,
            applied: Applied,
        }
        impl VisitorMut for Applier<'_> {
            fn visit<T: Record>(&mut self, mine: &mut Collection<T>) {
                let theirs = self.incoming.collection::<T>();
                apply_collection(mine, theirs, self.decide, &self.changes, &mut self.applied);
            }
        }
        let mut applier = Applier {
            incoming,
            decide,
            changes,
            applied: Applied::default(),
        };
        self.visit_mut(&mut applier);
        let applied = applier.applied;
        Ok(applied)
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
