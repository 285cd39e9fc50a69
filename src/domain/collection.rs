//! A keyed set of records of one kind, written to JSON as an array.
//!
//! The collection remembers which ids changed since the last time storage asked, so that
//! saving one edit rewrites only the part of storage that holds that record.

use std::collections::{BTreeMap, BTreeSet};

use serde::de::{Deserializer, Error as _};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use super::record::Record;

#[derive(Debug, Clone)]
pub struct Collection<T: Record> {
    items: BTreeMap<T::Id, T>,
    changed: BTreeSet<T::Id>,
}

impl<T: Record> Default for Collection<T> {
    fn default() -> Self {
        Self {
            items: BTreeMap::new(),
            changed: BTreeSet::new(),
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

    /// Inserts or replaces a record, marking it changed.
    pub fn upsert(&mut self, record: T) {
        self.changed.insert(record.id().clone());
        self.items.insert(record.id().clone(), record);
    }

    pub fn remove(&mut self, id: &T::Id) -> Option<T> {
        let removed = self.items.remove(id);
        if removed.is_some() {
            self.changed.insert(id.clone());
        }
        removed
    }

    /// Ids changed since the last call, as strings (storage does not need their type).
    pub fn take_changed(&mut self) -> Vec<String> {
        std::mem::take(&mut self.changed)
            .into_iter()
            .map(|id| id.to_string())
            .collect()
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
            changed: BTreeSet::new(),
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
