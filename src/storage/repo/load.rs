//! Reading what is stored: the manifest, then each shard it names; a value that cannot be
//! read, with everything else of the data, moved aside and kept (and offered as a file);
//! parts a failed save left behind removed (layout and rules in the parent module).

use super::*;

impl<K: KeyValue> Repository<K> {
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

    pub(super) fn read(&self, manifest_text: &str) -> Result<(Dataset, Option<u32>), AsideReason> {
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
    pub(super) fn read_shards(
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
    pub(super) fn remove_uncommitted(&mut self, manifest: Option<&Manifest>) {
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
    pub(super) fn set_aside(&mut self, stamp: &str) -> usize {
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

    pub(super) fn highest_stored_generation(&self) -> u64 {
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
}
