//! How a collection is cut into shards: which shard holds a record (a stable hash of its
//! id), how shards are named, and how their records are encoded and read back.

use std::collections::{BTreeMap, BTreeSet};

use super::repo::PREFIX;
use crate::domain::model::{Visitor, VisitorMut};
use crate::domain::{Collection, Record, RecordKind};

/// How many shards a collection is split into: enough that saving one edit re-encodes a
/// small part even at province scale, few enough that a small office has few keys.
pub(super) fn default_shard_count(kind: RecordKind) -> usize {
    match kind {
        RecordKind::Committee | RecordKind::Unit | RecordKind::Office => 1,
        RecordKind::Project
        | RecordKind::Obstacle
        | RecordKind::Meeting
        | RecordKind::Conclusion => 4,
        RecordKind::ProgressReport | RecordKind::Directive => 16,
        RecordKind::DirectiveUpdate => 64,
        RecordKind::ExtensionRequest => 4,
    }
}

/// FNV-1a: stable across versions and platforms, which the layout depends on.
pub(super) fn shard_index(id: &str, count: usize) -> usize {
    let mut hash = Fnv::default();
    hash.bytes(id.as_bytes());
    (hash.0 % count as u64) as usize
}

const FNV_PRIME: u64 = 0x0100_0000_01b3;

struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }
}

pub(super) fn shard_key(collection: &str, shard: usize, generation: u64) -> String {
    format!("{PREFIX}{collection}.{shard}.{generation}")
}

/// Serializes the records of the target shards of one collection; an empty shard has none.
pub(super) struct EncodeShards {
    pub kind: RecordKind,
    pub count: usize,
    pub shards: BTreeSet<usize>,
    pub json: BTreeMap<usize, String>,
}

impl Visitor for EncodeShards {
    fn visit<T: Record>(&mut self, collection: &Collection<T>) {
        if T::KIND != self.kind {
            return;
        }
        let mut by_shard: BTreeMap<usize, Vec<&T>> = BTreeMap::new();
        for record in collection.iter() {
            let shard = shard_index(record.id().as_ref(), self.count);
            if self.shards.contains(&shard) {
                by_shard.entry(shard).or_default().push(record);
            }
        }
        for (shard, records) in by_shard {
            if let Ok(json) = serde_json::to_string(&records) {
                self.json.insert(shard, json);
            }
        }
    }
}

/// Fills each collection from its decoded shards (current schema only).
pub(super) struct Fill<'a> {
    pub texts: &'a BTreeMap<String, Vec<String>>,
    pub error: Option<String>,
}

impl VisitorMut for Fill<'_> {
    fn visit<T: Record>(&mut self, collection: &mut Collection<T>) {
        let Some(parts) = self.texts.get(T::KIND.collection()) else {
            return;
        };
        let mut records = Vec::new();
        for part in parts {
            match serde_json::from_str::<Vec<T>>(part) {
                Ok(items) => records.extend(items),
                Err(e) => {
                    self.error
                        .get_or_insert(format!("{}: {e}", T::KIND.collection()));
                    return;
                }
            }
        }
        match Collection::from_records(records) {
            Ok(c) => *collection = c,
            Err(id) => {
                self.error
                    .get_or_insert(format!("{}: id {id} repeated", T::KIND.collection()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_shard_of_an_id_is_fnv_1a_and_never_changes() {
        // The stored layout depends on it: the published FNV-1a value of "a".
        let mut hash = super::Fnv::default();
        hash.bytes(b"a");
        assert_eq!(hash.0, 0xaf63_dc4c_8601_ec8c);
        assert_eq!(super::shard_index("a", 16), 0xc);
    }
}
