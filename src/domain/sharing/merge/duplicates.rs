//! Two officers often type the same thing separately: the records then have different ids,
//! and an import would add "new" records that are the ones already here. Officers recognise
//! them by a committee's name, a unit's name or a name it is known by, a project's name
//! and investor, a meeting's date and committee, a conclusion's number and symbol with its
//! committee (text compared folded: case, diacritics and spaces do not matter).
//!
//! Such a record of the file is a probable [`Duplicate`]; nothing is joined unless the
//! officer chooses to. Joining maps the file's id to the one here before the import: every
//! record of the file that refers to it refers to the record here, the file's record itself
//! is not added, and its id is remembered on the record here (`joined`), so the same file
//! imported again reads the same way and changes nothing. Under a joined conclusion, the
//! file's directive numbered as one here is that directive (and so, under a joined project
//! or directive, a report of the same date, an obstacle of the same description and an
//! update of the same date and text): they are compared as usual, not added twice.
//!
//! Found in `find`; the file read through the joins in `resolve`.

use std::collections::{BTreeMap, BTreeSet};

use super::RecordKind;
use crate::domain::model::record::Record;
use crate::domain::Collection;

mod find;
mod resolve;

/// A record of the file that is probably one already here under another id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub kind: RecordKind,
    pub incoming_id: String,
    pub existing_id: String,
    /// The record here as officers know it ("16-KL/BCĐ", "Sở Xây dựng").
    pub label: String,
}

/// The file's ids read as ids of records here, by kind.
#[derive(Debug, Default)]
struct IdMap(BTreeMap<(RecordKind, String), String>);

impl IdMap {
    fn insert(&mut self, kind: RecordKind, from: &str, to: &str) {
        if from != to {
            self.0.insert((kind, from.to_owned()), to.to_owned());
        }
    }

    fn get(&self, kind: RecordKind, id: &str) -> Option<&str> {
        self.0.get(&(kind, id.to_owned())).map(String::as_str)
    }

    fn has(&self, kind: RecordKind, id: &str) -> bool {
        self.get(kind, id).is_some()
    }

    /// The ids of records here that file records were read as, by kind.
    fn targets(&self) -> BTreeSet<(RecordKind, &str)> {
        self.0
            .iter()
            .map(|((kind, _), to)| (*kind, to.as_str()))
            .collect()
    }

    /// The file's records of `theirs` whose parent (of kind `parent`) is mapped, matched to
    /// the record here under the record it maps to with the same key (`key`: the parent's
    /// id and what tells the children apart), each record here at most once.
    fn children<T: Record>(
        &mut self,
        here: &Collection<T>,
        theirs: &Collection<T>,
        parent: RecordKind,
        key: impl Fn(&T) -> (&str, String),
    ) {
        let targets: BTreeSet<&str> = self
            .0
            .iter()
            .filter(|((k, _), _)| *k == parent)
            .map(|(_, to)| to.as_str())
            .collect();
        let mut index: BTreeMap<(String, String), String> = BTreeMap::new();
        for r in here.iter().filter(|r| !theirs.contains(r.id())) {
            let (of, k) = key(r);
            if targets.contains(of) {
                index.insert((of.to_owned(), k), r.id().to_string());
            }
        }
        let mut found = Vec::new();
        for r in theirs.iter().filter(|r| !here.contains(r.id())) {
            let (of, k) = key(r);
            let Some(to) = self.get(parent, of) else {
                continue;
            };
            if let Some(existing) = index.remove(&(to.to_owned(), k)) {
                found.push((r.id().to_string(), existing));
            }
        }
        for (from, to) in found {
            self.insert(T::KIND, &from, &to);
        }
    }

    /// Rewrites `id` in place when it is mapped.
    fn swap<I: From<String> + AsRef<str>>(&self, kind: RecordKind, id: &mut I) {
        if let Some(to) = self.get(kind, id.as_ref()) {
            *id = I::from(to.to_owned());
        }
    }

    fn swap_some<I: From<String> + AsRef<str>>(&self, kind: RecordKind, id: &mut Option<I>) {
        if let Some(id) = id.as_mut() {
            self.swap(kind, id);
        }
    }

    /// Rewrites each id of a list, keeping the first of two that became one.
    fn swap_all<I: From<String> + AsRef<str> + PartialEq + Clone>(
        &self,
        kind: RecordKind,
        ids: &mut Vec<I>,
    ) {
        ids.iter_mut().for_each(|id| self.swap(kind, id));
        dedup_keep_first(ids);
    }
}

/// Keeps the first of each repeated item (a lead named again as coordinating after a join).
fn dedup_keep_first<T: PartialEq + Clone>(items: &mut Vec<T>) {
    let mut seen: Vec<T> = Vec::new();
    items.retain(|x| {
        let fresh = !seen.contains(x);
        if fresh {
            seen.push(x.clone());
        }
        fresh
    });
}
