//! The dataset's layout in key-value storage.
//!
//! - `dondoc.d.manifest`: plain JSON naming the schema version and, per collection, the
//!   generation of each of its parts (shards). It is the commit point.
//! - `dondoc.d.<collection>.<shard>.<generation>`: the records whose id hashes to that shard,
//!   as a JSON array packed by [`super::codec`].
//!
//! Saving rewrites only the shards holding changed records, under a new generation, then
//! writes the manifest, then removes the replaced shards. A write that fails removes what it
//! wrote and leaves the manifest, so storage stays exactly as it was.
//! A stored value that cannot be read is moved under `dondoc.aside.<stamp>.` and kept.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::codec::{decode, encode as encode_text};
use super::kv::{KeyValue, WriteError};
use super::shards::{default_shard_count, shard_index, shard_key, EncodeShards, Fill};
use crate::domain::model::{Cover, Part, Rebased};
use crate::domain::sharing::dataset_from_value;
use crate::domain::{Dataset, LoadError, RecordKind, FORMAT_NAME, SCHEMA_VERSION};

mod load;

pub(super) const PREFIX: &str = "dondoc.d.";
/// The commit point: another tab's save shows as a change of this key.
pub const MANIFEST_KEY: &str = "dondoc.d.manifest";
const MANIFEST: &str = MANIFEST_KEY;
const ASIDE_PREFIX: &str = "dondoc.aside.";
const STORAGE_FORMAT: &str = "dondoc-storage";

/// Chromium's localStorage quota per origin, in UTF-16 units (measured: writes past about
/// 5.2 million characters throw QuotaExceededError).
pub const QUOTA_UNITS: usize = 5_200_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Manifest {
    format: String,
    schema_version: u32,
    generation: u64,
    /// Per collection, the generation of each shard; 0 means the shard is empty (no key).
    shards: BTreeMap<String, Vec<u64>>,
}

/// Why stored data was set aside.
#[derive(Debug, Clone, PartialEq)]
pub enum AsideReason {
    Unreadable(String),
    Newer { found: u32, supported: u32 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    pub reason: AsideReason,
    pub keys: usize,
}

#[derive(Debug)]
pub enum LoadOutcome {
    Empty,
    Loaded {
        dataset: Box<Dataset>,
        migrated_from: Option<u32>,
    },
    /// The stored data could not be read; it was moved aside and the app starts empty.
    SetAside(SetAside),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SaveStats {
    pub shards_written: usize,
    pub units_written: usize,
}

/// Per collection, shard indices.
type ShardSet = BTreeMap<String, BTreeSet<usize>>;

/// Another tab's commit as this page read it: the stored records of the shards it
/// rewrote (of every shard when `shards` is `None`).
pub struct Commit {
    pub records: Dataset,
    shards: Option<ShardSet>,
    /// Shards per collection.
    counts: BTreeMap<String, usize>,
}

impl Commit {
    /// Brings the commit into `data`, keeping its unsaved changes (`Dataset::rebase_part`).
    pub fn rebase(mut self, data: &mut Dataset, pending: &crate::domain::Changes) -> Rebased {
        let stored = std::mem::take(&mut self.records);
        data.rebase_part(stored, &self, pending)
    }
}

impl Part for Commit {
    fn cover(&self, kind: RecordKind) -> Cover<'_> {
        let Some(rewritten) = &self.shards else {
            return Cover::All;
        };
        let Some(shards) = rewritten.get(kind.collection()) else {
            return Cover::Nothing;
        };
        let count = self.counts.get(kind.collection()).copied().unwrap_or(1);
        Cover::Some(Box::new(move |id| shards.contains(&shard_index(id, count))))
    }
}

/// The shards `next` rewrote since `before`, when both are in the current schema with the
/// same shards per collection (else `None`: the whole of `next` is read).
fn rewritten(before: &Manifest, next: &Manifest) -> Option<ShardSet> {
    let same_layout = before.format == next.format
        && before.schema_version == SCHEMA_VERSION
        && next.schema_version == SCHEMA_VERSION
        && before.shards.len() == next.shards.len()
        && before
            .shards
            .iter()
            .all(|(c, g)| next.shards.get(c).is_some_and(|n| n.len() == g.len()));
    if !same_layout {
        return None;
    }
    let mut out = ShardSet::new();
    for (collection, gens) in &next.shards {
        let old = &before.shards[collection];
        let changed: BTreeSet<usize> = (0..gens.len()).filter(|i| gens[*i] != old[*i]).collect();
        if !changed.is_empty() {
            out.insert(collection.clone(), changed);
        }
    }
    Some(out)
}

pub struct Repository<K: KeyValue> {
    kv: K,
    manifest: Option<Manifest>,
    rewrite_all: bool,
    /// The unreadable manifest this page found at load and could not move aside (storage
    /// full): its own to replace, unlike one saved elsewhere since.
    stuck_manifest: Option<String>,
}

impl<K: KeyValue> Repository<K> {
    pub fn new(kv: K) -> Self {
        Self {
            kv,
            manifest: None,
            rewrite_all: true,
            stuck_manifest: None,
        }
    }

    /// The next save writes every shard (after the whole dataset was replaced, as by an
    /// undo), so records no longer in the dataset leave storage too.
    pub fn rewrite_everything(&mut self) {
        self.rewrite_all = true;
    }

    pub fn kv(&self) -> &K {
        &self.kv
    }

    pub fn kv_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    /// What another writer (another tab) committed since this repository last read or
    /// wrote: the caller rebases its data on it (`Dataset::rebase_part`), and the next save
    /// builds on that commit instead of overwriting it. Only the shards the commit rewrote
    /// are read when this page holds the commit before it in the same layout. `None` when
    /// nothing changed elsewhere, or when what is stored cannot be read by this version
    /// (then it is left alone).
    pub fn changed_elsewhere(&mut self) -> Option<Commit> {
        let text = self.kv.get(MANIFEST)?;
        let stored: Manifest = serde_json::from_str(&text).ok()?;
        if self.manifest.as_ref() == Some(&stored) {
            return None;
        }
        let rewritten = self.manifest.as_ref().and_then(|m| rewritten(m, &stored));
        let (records, migrated_from) = match &rewritten {
            Some(shards) => self.read_shards(&stored, Some(shards)).ok()?,
            None => self.read(&text).ok()?,
        };
        if migrated_from.is_some() {
            return None;
        }
        let counts = stored
            .shards
            .iter()
            .map(|(c, g)| (c.clone(), g.len()))
            .collect();
        self.manifest = Some(stored);
        Some(Commit {
            records,
            shards: rewritten,
            counts,
        })
    }

    /// Writes what changed since the last successful save. On failure nothing stored has
    /// changed, and the same changes are retried by the next call.
    pub fn save(&mut self, dataset: &mut Dataset) -> Result<SaveStats, WriteError> {
        // The dataset keeps its change marks (with the version each record started from)
        // until the save succeeds, so a failed save loses nothing of them.
        let pending = dataset.changed_ids();
        if pending.is_empty() && !self.rewrite_all && self.manifest.is_some() {
            return Ok(SaveStats::default());
        }
        // Build only on the commit this tab has read: another tab or another version of the
        // app may have saved since in a form this one could not take in (changed_elsewhere).
        match self.kv.get(MANIFEST) {
            Some(text) if Some(&text) == self.stuck_manifest.as_ref() => {}
            Some(text) => {
                let stored = serde_json::from_str::<Manifest>(&text).ok();
                if stored.is_none() || stored != self.manifest {
                    return Err(WriteError::ChangedElsewhere);
                }
            }
            // Erased elsewhere: everything this tab holds is written again.
            None if self.manifest.is_some() => self.manifest = None,
            None => {}
        }
        let old = self.manifest.clone();
        // A first or full write starts above every part left in storage (parts that could
        // not be set aside, another tab's save in progress), so it never overwrites one.
        let generation = match &old {
            Some(m) => m.generation + 1,
            None => self.highest_stored_generation() + 1,
        };
        let mut next = Manifest {
            format: STORAGE_FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            generation,
            shards: old.as_ref().map(|m| m.shards.clone()).unwrap_or_default(),
        };
        let mut targets: Vec<(RecordKind, usize)> = Vec::new();
        for kind in RecordKind::ALL {
            let count = default_shard_count(kind);
            let gens = next
                .shards
                .entry(kind.collection().to_owned())
                .or_insert_with(|| vec![0; count]);
            let count = gens.len();
            if self.rewrite_all || old.is_none() {
                targets.extend((0..count).map(|s| (kind, s)));
            } else if let Some(ids) = pending.get(&kind) {
                let shards: BTreeSet<usize> = ids.iter().map(|id| shard_index(id, count)).collect();
                targets.extend(shards.into_iter().map(|s| (kind, s)));
            }
        }

        let mut written: Vec<String> = Vec::new();
        let mut replaced: Vec<String> = Vec::new();
        let mut stats = SaveStats::default();
        for kind in RecordKind::ALL {
            let shards: BTreeSet<usize> = targets
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, s)| *s)
                .collect();
            if shards.is_empty() {
                continue;
            }
            let collection = kind.collection();
            let gens = next
                .shards
                .get_mut(collection)
                .expect("every kind has an entry");
            // Every target shard of the collection from one pass over it.
            let mut encode = EncodeShards {
                kind,
                count: gens.len(),
                shards,
                json: BTreeMap::new(),
            };
            dataset.visit(&mut encode);
            for shard in encode.shards {
                if gens[shard] > 0 {
                    replaced.push(shard_key(collection, shard, gens[shard]));
                }
                match encode.json.remove(&shard) {
                    Some(json) => {
                        let key = shard_key(collection, shard, generation);
                        let value = encode_text(&json);
                        if let Err(e) = self.kv.set(&key, &value) {
                            self.roll_back(&written);
                            return Err(e);
                        }
                        stats.units_written += value.chars().count();
                        stats.shards_written += 1;
                        written.push(key);
                        gens[shard] = generation;
                    }
                    None => gens[shard] = 0,
                }
            }
        }
        let manifest_text = serde_json::to_string(&next).expect("a manifest always serializes");
        if let Err(e) = self.kv.set(MANIFEST, &manifest_text) {
            self.roll_back(&written);
            return Err(e);
        }
        for key in replaced {
            self.kv.remove(&key);
        }
        self.manifest = Some(next);
        self.stuck_manifest = None;
        dataset.take_changes();
        self.rewrite_all = false;
        Ok(stats)
    }

    fn roll_back(&mut self, written: &[String]) {
        for key in written {
            self.kv.remove(key);
        }
    }
}
