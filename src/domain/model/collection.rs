//! A keyed set of records of one kind, written to JSON as an array.
//!
//! The collection remembers which ids changed since the last time storage asked, so that
//! saving one edit rewrites only the part of storage that holds that record.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use serde::de::{Deserializer, Error as _};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::domain::model::record::Record;

/// A change of a collection: visible only inside the domain in the app's build, so a screen
/// changes data through a named domain verb and the compiler holds it. Tests (and the
/// `fixtures` feature the integration tests turn on) build their data with it directly.
macro_rules! domain_write {
    ($(#[$m:meta])* fn $($rest:tt)*) => {
        $(#[$m])*
        #[cfg(any(test, feature = "fixtures"))]
        pub fn $($rest)*
        $(#[$m])*
        #[cfg(not(any(test, feature = "fixtures")))]
        pub(in crate::domain) fn $($rest)*
    };
}

#[derive(Debug, Clone)]
pub struct Collection<T: Record> {
    items: BTreeMap<T::Id, T>,
    /// Ids changed since storage last asked, each with the time its record carried before
    /// the first of those changes (`None` for a record new here): the version this side
    /// started from, so a change saved meanwhile by another tab is told from ours.
    changed: BTreeMap<T::Id, Option<DateTime<Utc>>>,
    /// The version each record had before its first change since the last
    /// [`Collection::take_originals`] (`None`: new here), moved out as it was replaced (no
    /// copy): a synced record's merge base, set aside for the network.
    originals: BTreeMap<T::Id, Option<T>>,
}

/// What [`Collection::rebase`] did.
#[derive(Debug, Clone, PartialEq)]
pub struct Rebase<T> {
    /// Records taken from storage (changed elsewhere only, or new there).
    pub taken: usize,
    /// Records changed both here and elsewhere: (this side's version, the stored one). The
    /// stored one is kept, this side's is handed back to be shown, never dropped silently.
    pub conflicts: Vec<(T, T)>,
}

impl<T: Record> Default for Collection<T> {
    fn default() -> Self {
        Self {
            items: BTreeMap::new(),
            changed: BTreeMap::new(),
            originals: BTreeMap::new(),
        }
    }
}

/// Equality is about content only: two collections with the same records are equal whatever
/// either has left to save.
impl<T: Record> PartialEq for Collection<T> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl<T: Record> Collection<T> {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, id: &T::Id) -> Option<&T> {
        self.items.get(id)
    }

    pub fn contains(&self, id: &T::Id) -> bool {
        self.items.contains_key(id)
    }

    /// Records in id order (stable, not meaningful to a reader: views sort for themselves).
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.items.values()
    }

    /// Each record with the record of the same id in `other`, if any: one walk over both
    /// in id order, not a search per record.
    pub fn paired_with<'a>(
        &'a self,
        other: &'a Collection<T>,
    ) -> impl Iterator<Item = (&'a T, Option<&'a T>)> + 'a {
        let mut others = other.items.iter().peekable();
        self.items.iter().map(move |(id, record)| {
            while others.next_if(|(o, _)| *o < id).is_some() {}
            let same = others.next_if(|(o, _)| *o == id).map(|(_, r)| r);
            (record, same)
        })
    }

    domain_write! {
    /// Inserts or replaces a record, marking it changed.
    fn upsert(&mut self, record: T) {
        let id = record.id().clone();
        let before = self.items.insert(id.clone(), record);
        self.changed
            .entry(id.clone())
            .or_insert(before.as_ref().map(Record::updated_at));
        self.originals.entry(id).or_insert(before);
    }
    }

    /// Changes every record in place without marking it: for reading an older format's
    /// field into its current one while loading (the id must stay as it is).
    pub(crate) fn read_each(&mut self, f: impl FnMut(&mut T)) {
        self.items.values_mut().for_each(f);
    }

    domain_write! {
    /// Takes a record out, marking it changed.
    fn remove(&mut self, id: &T::Id) -> Option<T> {
        let removed = self.items.remove(id);
        if let Some(r) = &removed {
            self.changed
                .entry(id.clone())
                .or_insert(Some(r.updated_at()));
            self.originals
                .entry(id.clone())
                .or_insert_with(|| Some(r.clone()));
        }
        removed
    }
    }

    /// Ids changed since the last call, as strings (storage does not need their type).
    pub fn take_changed(&mut self) -> Vec<String> {
        std::mem::take(&mut self.changed)
            .into_keys()
            .map(|id| id.to_string())
            .collect()
    }

    /// The versions records had before their first change since the last call (`None`:
    /// new here), and forgets them.
    pub fn take_originals(&mut self) -> Vec<(String, Option<T>)> {
        std::mem::take(&mut self.originals)
            .into_iter()
            .map(|(id, r)| (id.to_string(), r))
            .collect()
    }

    /// Ids changed and not yet saved, as strings (the marks stay).
    pub fn changed_ids(&self) -> Vec<String> {
        self.changed.keys().map(|id| id.to_string()).collect()
    }

    /// Whether anything changed here since storage last asked.
    pub fn has_changes(&self) -> bool {
        !self.changed.is_empty()
    }

    /// Brings in `stored`, saved meanwhile by another tab, keeping what this side changed
    /// and has not saved yet. `pending` names records whose save failed earlier (their
    /// starting version is unknown, so any other version stored is a conflict).
    ///
    /// A record this side did not change becomes the stored one (a record gone from storage,
    /// as after an undo in the other tab, goes here too). A record this side changed stays
    /// this side's when storage still holds the version it started from; when storage holds
    /// another, both sides changed it: the stored one is kept and this side's is returned.
    pub fn rebase(&mut self, stored: Collection<T>, pending: &[String]) -> Rebase<T> {
        let mine = std::mem::take(&mut self.items);
        let mut changed = std::mem::take(&mut self.changed);
        for id in mine.keys() {
            if !changed.contains_key(id) && pending.contains(&id.to_string()) {
                changed.insert(id.clone(), None);
            }
        }
        let mut items = stored.items;
        let taken = items
            .iter()
            .filter(|(id, r)| !changed.contains_key(*id) && mine.get(*id) != Some(*r))
            .count();
        let mut conflicts = Vec::new();
        for (id, started_from) in changed {
            let Some(m) = mine.get(&id) else {
                // Removed here: it stays removed unless storage holds another version
                // than the one removed (changed elsewhere meanwhile: that change stays).
                if items
                    .get(&id)
                    .is_some_and(|s| started_from == Some(s.updated_at()))
                {
                    items.remove(&id);
                    self.changed.insert(id, started_from);
                }
                continue;
            };
            let unchanged_elsewhere = match items.get(&id) {
                None => true,
                Some(s) if s == m => {
                    continue;
                }
                Some(s) => started_from == Some(s.updated_at()),
            };
            if unchanged_elsewhere {
                items.insert(id.clone(), m.clone());
                self.changed.insert(id, started_from);
            } else if let Some(s) = items.get(&id) {
                conflicts.push((m.clone(), s.clone()));
            }
        }
        self.items = items;
        Rebase { taken, conflicts }
    }

    /// [`Collection::rebase`] over the part of the collection `within` selects: `stored`
    /// holds the stored records of that part, and every record outside it is left as it is
    /// (another tab's commit rewrote only some parts of storage; the rest is what this side
    /// last read or wrote).
    pub fn rebase_part(
        &mut self,
        stored: Collection<T>,
        within: &dyn Fn(&str) -> bool,
        pending: &[String],
    ) -> Rebase<T> {
        let ids: Vec<T::Id> = self
            .items
            .keys()
            .chain(self.changed.keys())
            .filter(|id| within(id.as_ref()))
            .cloned()
            .collect();
        let mut part = Collection::default();
        for id in ids {
            if let Some(record) = self.items.remove(&id) {
                part.items.insert(id.clone(), record);
            }
            if let Some(from) = self.changed.remove(&id) {
                part.changed.insert(id, from);
            }
        }
        let result = part.rebase(stored, pending);
        // One insert per record of the part: `append` would rebuild the whole map.
        self.items.extend(part.items);
        self.changed.extend(part.changed);
        result
    }

    /// Marks what replacing `before` by this collection changed (a record added, replaced
    /// or gone), each with the version it started from: `before`'s own mark when it had
    /// one, else the version `before` held. Marks this collection already has stay.
    pub fn mark_replacing(&mut self, before: &Collection<T>) {
        let started = |id: &T::Id| match before.changed.get(id) {
            Some(from) => *from,
            None => before.items.get(id).map(Record::updated_at),
        };
        for (id, r) in &self.items {
            if before.items.get(id) != Some(r) {
                self.changed
                    .entry(id.clone())
                    .or_insert_with(|| started(id));
            }
        }
        for id in before
            .items
            .keys()
            .filter(|id| !self.items.contains_key(*id))
        {
            self.changed
                .entry(id.clone())
                .or_insert_with(|| started(id));
        }
    }

    /// Builds a collection from a list, refusing a repeated id.
    pub fn from_records(records: Vec<T>) -> Result<Self, T::Id> {
        let mut items = BTreeMap::new();
        for record in records {
            let id = record.id().clone();
            if items.insert(id.clone(), record).is_some() {
                return Err(id);
            }
        }
        Ok(Self {
            items,
            changed: BTreeMap::new(),
            originals: BTreeMap::new(),
        })
    }
}

impl<T: Record> Serialize for Collection<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.items.values())
    }
}

impl<'de, T: Record> Deserialize<'de> for Collection<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let records = Vec::<T>::deserialize(deserializer)?;
        Collection::from_records(records).map_err(|id| {
            D::Error::custom(format!(
                "the id {id} appears twice in {}",
                T::KIND.collection()
            ))
        })
    }
}
