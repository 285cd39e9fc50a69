//! A record changed on two sides: merged field by field against the merge base, what both
//! changed put to the officer, and the officer's answer written as a child of the winning
//! revision, the losing leaves retired (a deleted child each). Nothing here picks a side.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::sharing::merge::{field_diffs, FieldDiff};

/// A revision a settled conflict builds on or retires: its history and its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Branch {
    /// Full revision ids, newest first.
    pub chain: Vec<String>,
    /// The body at that revision (`None`: a deletion).
    pub body: Option<Value>,
}

impl Branch {
    pub fn rev(&self) -> &str {
        self.chain.first().map_or("", String::as_str)
    }
}

/// A record both sides changed, waiting for the officer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub collection: String,
    pub id: String,
    /// The body both started from, when this browser knows it (the merge base).
    pub base: Option<Value>,
    /// This browser's version (`None`: taken out here).
    pub mine: Option<Value>,
    /// The other side's (`None`: taken out there).
    pub theirs: Option<Value>,
    /// The field-by-field merge: every field only one side changed taken from that side,
    /// the fields both changed taken from mine until the officer says otherwise.
    pub merged: Option<Value>,
    /// The fields both sides changed, differently.
    pub fields: Vec<String>,
    /// The revision the result is written on (the winning leaf).
    pub parent: Branch,
    /// The losing leaves, each retired by a deleted child.
    pub retire: Vec<Branch>,
}

/// Which side a field (or a whole record, when one side took it out) is taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

impl Conflict {
    /// The fields both changed, as the import preview shows them.
    pub fn diffs(&self) -> Vec<FieldDiff> {
        match (&self.mine, &self.theirs) {
            (Some(m), Some(t)) => field_diffs(m, t)
                .into_iter()
                .filter(|d| self.fields.contains(&d.field))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The officer's result: the merge with each field both changed taken from the side
    /// `pick` names; a record one side took out is kept or left out as `pick("")` says.
    pub fn result(&self, pick: &dyn Fn(&str) -> Side) -> Option<Value> {
        let (Some(m), Some(t), Some(merged)) = (&self.mine, &self.theirs, &self.merged) else {
            return match pick("") {
                Side::Mine => self.mine.clone(),
                Side::Theirs => self.theirs.clone(),
            };
        };
        let mut out = merged.as_object().cloned().unwrap_or_default();
        for f in &self.fields {
            let from = match pick(f) {
                Side::Mine => m,
                Side::Theirs => t,
            };
            match from.get(f) {
                Some(v) => out.insert(f.clone(), v.clone()),
                None => out.remove(f),
            };
        }
        Some(Value::Object(out))
    }
}

/// The three-way merge of one record's fields: a field only one side changed since `base`
/// takes that side's value; both sides' same value is taken; fields changed differently
/// on both sides are named (and hold mine). With no base, every differing field is named.
/// `updated_at` takes the later time: it moves on every edit and is not the officer's.
pub(super) fn merge_fields(
    base: Option<&Value>,
    mine: &Value,
    theirs: &Value,
) -> (Value, Vec<String>) {
    let empty = Map::new();
    let m = mine.as_object().unwrap_or(&empty);
    let t = theirs.as_object().unwrap_or(&empty);
    let b = base.and_then(Value::as_object);
    let mut keys: Vec<&String> = m.keys().chain(t.keys()).collect();
    if let Some(b) = b {
        keys.extend(b.keys());
    }
    keys.sort();
    keys.dedup();
    let mut out = Map::new();
    let mut both = Vec::new();
    for k in keys {
        let (mv, tv) = (m.get(k), t.get(k));
        let take = if mv == tv {
            mv
        } else if k == "updated_at" {
            later(mv, tv)
        } else {
            match b.map(|b| b.get(k)) {
                Some(bv) if bv == mv => tv,
                Some(bv) if bv == tv => mv,
                _ => {
                    both.push(k.clone());
                    mv
                }
            }
        };
        if let Some(v) = take {
            out.insert(k.clone(), v.clone());
        }
    }
    (Value::Object(out), both)
}

fn later<'a>(a: Option<&'a Value>, b: Option<&'a Value>) -> Option<&'a Value> {
    let time = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|t| t.with_timezone(&Utc))
    };
    if time(b) > time(a) {
        b
    } else {
        a
    }
}

/// Conflicts waiting for the officer, by record id.
pub type Conflicts = BTreeMap<String, Conflict>;
