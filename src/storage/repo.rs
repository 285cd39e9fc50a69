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
use crate::domain::migrate::dataset_from_value;
use crate::domain::tabs::{Cover, Part, Rebased};
use crate::domain::{Dataset, LoadError, RecordKind, FORMAT_NAME, SCHEMA_VERSION};

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

    /// Reads the stored dataset. `stamp` names the aside area if the data cannot be read.
    pub fn load(&mut self, stamp: &str) -> LoadOutcome {
        let Some(text) = self.kv.get(MANIFEST) else {
            self.remove_uncommitted(None);
            return LoadOutcome::Empty;
        };
        match self.read(&text) {
            Ok((dataset, migrated_from)) => {
                let manifest: Option<Manifest> = serde_json::from_str(&text).ok();
                self.remove_uncommitted(manifest.as_ref());
                self.rewrite_all = migrated_from.is_some();
                self.manifest = manifest;
                LoadOutcome::Loaded {
                    dataset: Box::new(dataset),
                    migrated_from,
                }
            }
            Err(reason) => {
                let keys = self.set_aside(stamp);
                self.stuck_manifest = self.kv.get(MANIFEST);
                self.manifest = None;
                self.rewrite_all = true;
                LoadOutcome::SetAside(SetAside { reason, keys })
            }
        }
    }

    fn read(&self, manifest_text: &str) -> Result<(Dataset, Option<u32>), AsideReason> {
        let unreadable = |what: String| AsideReason::Unreadable(what);
        let manifest: Manifest = serde_json::from_str(manifest_text)
            .map_err(|e| unreadable(format!("manifest: {e}")))?;
        if manifest.format != STORAGE_FORMAT {
            return Err(unreadable("manifest: unknown format".into()));
        }
        if manifest.schema_version > SCHEMA_VERSION {
            return Err(AsideReason::Newer {
                found: manifest.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        self.read_shards(&manifest, None)
    }

    /// Reads the shards `manifest` names (only those in `only`, when given).
    fn read_shards(
        &self,
        manifest: &Manifest,
        only: Option<&ShardSet>,
    ) -> Result<(Dataset, Option<u32>), AsideReason> {
        let unreadable = |what: String| AsideReason::Unreadable(what);
        let mut texts: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (collection, generations) in &manifest.shards {
            let parts = texts.entry(collection.clone()).or_default();
            let wanted = |shard: &usize| {
                only.is_none_or(|o| o.get(collection).is_some_and(|s| s.contains(shard)))
            };
            for (shard, generation) in generations
                .iter()
                .enumerate()
                .filter(|(s, g)| **g > 0 && wanted(s))
            {
                let key = shard_key(collection, shard, *generation);
                let stored = self
                    .kv
                    .get(&key)
                    .ok_or_else(|| unreadable(format!("{key} is missing")))?;
                parts.push(decode(&stored).map_err(|e| unreadable(format!("{key}: {e:?}")))?);
            }
        }
        if manifest.schema_version == SCHEMA_VERSION {
            let mut fill = Fill {
                texts: &texts,
                error: None,
            };
            let mut dataset = Dataset::default();
            dataset.visit_mut(&mut fill);
            return match fill.error {
                Some(e) => Err(unreadable(e)),
                None => Ok((dataset, None)),
            };
        }
        // An older layout: assemble the old JSON form and let the domain migrate it.
        let mut root = serde_json::Map::new();
        root.insert("format".into(), Value::from(FORMAT_NAME));
        root.insert(
            "schema_version".into(),
            Value::from(manifest.schema_version),
        );
        for (collection, parts) in &texts {
            let mut all = Vec::new();
            for part in parts {
                match serde_json::from_str::<Value>(part) {
                    Ok(Value::Array(items)) => all.extend(items),
                    _ => return Err(unreadable(format!("{collection}: not a list"))),
                }
            }
            root.insert(collection.clone(), Value::Array(all));
        }
        match dataset_from_value(Value::Object(root)) {
            Ok(loaded) => Ok((loaded.dataset, loaded.migrated_from)),
            Err(LoadError::Newer { found, supported }) => {
                Err(AsideReason::Newer { found, supported })
            }
            Err(e) => Err(unreadable(format!("{e:?}"))),
        }
    }

    /// Removes parts left by a save that never committed. Only parts of a generation the
    /// manifest has already reached: a newer one may belong to another tab writing right
    /// now (its parts are stored before its manifest), and removing them would break its save.
    fn remove_uncommitted(&mut self, manifest: Option<&Manifest>) {
        let committed = manifest.map_or(0, |m| m.generation);
        let live: BTreeSet<String> = manifest
            .into_iter()
            .flat_map(|m| {
                m.shards.iter().flat_map(|(c, gens)| {
                    gens.iter()
                        .enumerate()
                        .filter(|(_, g)| **g > 0)
                        .map(move |(i, g)| shard_key(c, i, *g))
                })
            })
            .collect();
        let generation = |key: &str| key.rsplit('.').next().and_then(|g| g.parse::<u64>().ok());
        for key in self.kv.keys() {
            let stale = generation(&key).is_some_and(|g| g <= committed);
            if key.starts_with(PREFIX) && key != MANIFEST && stale && !live.contains(&key) {
                self.kv.remove(&key);
            }
        }
    }

    /// Moves every stored data key under the aside prefix; returns how many were moved.
    fn set_aside(&mut self, stamp: &str) -> usize {
        let mut moved = 0;
        for key in self.kv.keys().into_iter().filter(|k| k.starts_with(PREFIX)) {
            let Some(value) = self.kv.get(&key) else {
                continue;
            };
            let target = format!("{ASIDE_PREFIX}{stamp}.{}", &key[PREFIX.len()..]);
            // Free the space first so the copy cannot hit the quota; put it back on failure.
            self.kv.remove(&key);
            if self.kv.set(&target, &value).is_ok() {
                moved += 1;
            } else {
                let _ = self.kv.set(&key, &value);
            }
        }
        moved
    }

    fn highest_stored_generation(&self) -> u64 {
        self.kv
            .keys()
            .iter()
            .filter(|k| k.starts_with(PREFIX))
            .filter_map(|k| k.rsplit('.').next()?.parse::<u64>().ok())
            .max()
            .unwrap_or(0)
    }

    /// Everything set aside, as one JSON document to download: decoded where possible.
    pub fn aside_export(&self) -> Option<String> {
        let mut out = serde_json::Map::new();
        for key in self
            .kv
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(ASIDE_PREFIX))
        {
            let Some(raw) = self.kv.get(&key) else {
                continue;
            };
            let value = decode(&raw)
                .ok()
                .and_then(|text| serde_json::from_str::<Value>(&text).ok())
                .or_else(|| serde_json::from_str::<Value>(&raw).ok())
                .unwrap_or(Value::String(raw));
            out.insert(key, value);
        }
        (!out.is_empty())
            .then(|| serde_json::to_string_pretty(&Value::Object(out)).unwrap_or_default())
    }

    pub fn has_aside(&self) -> bool {
        self.kv.keys().iter().any(|k| k.starts_with(ASIDE_PREFIX))
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
