//! Backups inside the browser: rotating snapshots of the whole dataset, each under
//! `dondoc.snap.<millis>`, listed in `dondoc.snap.index`.
//!
//! Rotation keeps the snapshots of the last [`RECENT_HOURS`] hours (at most
//! [`RECENT_KEPT`]) and the newest of each day, at most [`MAX_SNAPSHOTS`] in all
//! and together within [`BUDGET_UNITS`], a share of the quota left for the data itself. A
//! snapshot is taken at most once an hour. When the data needs the room, snapshots give it
//! up, oldest first ([`drop_oldest`]).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::codec::{decode, utf16_len, Encoder};
use super::kv::{KeyValue, WriteError};
use super::repo::QUOTA_UNITS;
use crate::domain::{parse_dataset, Collection, Dataset, Record, Visitor};

const PREFIX: &str = "dondoc.snap.";
const INDEX: &str = "dondoc.snap.index";
pub const MAX_SNAPSHOTS: usize = 10;
/// Snapshots together use at most 30% of the quota.
pub const BUDGET_UNITS: usize = QUOTA_UNITS * 3 / 10;
pub const RECENT_HOURS: i64 = 6;
pub const RECENT_KEPT: usize = 4;
/// A new snapshot is taken when the newest is older than this.
pub const EVERY_MINUTES: i64 = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotInfo {
    pub key: String,
    pub at: DateTime<Utc>,
    /// UTF-16 units stored.
    pub units: usize,
    /// Records it holds.
    pub records: usize,
}

/// Why no snapshot was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    /// The data alone is larger than the budget for snapshots.
    TooLarge {
        units: usize,
    },
    Write(WriteError),
}

/// The snapshots kept, newest first.
pub fn list(kv: &impl KeyValue) -> Vec<SnapshotInfo> {
    let mut infos: Vec<SnapshotInfo> = kv
        .get(INDEX)
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    // Checked against the list of keys: reading each value would copy every snapshot.
    let keys: std::collections::BTreeSet<String> = kv
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    infos.retain(|i| keys.contains(&i.key));
    infos.sort_by_key(|s| std::cmp::Reverse(s.at));
    infos
}

/// Whether a snapshot is due: none yet, or the newest is older than [`EVERY_MINUTES`].
pub fn due(kv: &impl KeyValue, now: DateTime<Utc>) -> bool {
    list(kv)
        .first()
        .is_none_or(|newest| now - newest.at >= Duration::minutes(EVERY_MINUTES))
}

/// The day of `at` on the officer's clock (`offset`: the browser's time zone), so "the
/// newest of each day" is of the days the officer lived.
fn local_day(at: DateTime<Utc>, offset: FixedOffset) -> NaiveDate {
    at.with_timezone(&offset).date_naive()
}

/// Which snapshots rotation keeps (by key), given all of them, the time now and the
/// browser's time zone.
pub fn rotate(all: &[SnapshotInfo], now: DateTime<Utc>, offset: FixedOffset) -> Vec<String> {
    let mut sorted: Vec<&SnapshotInfo> = all.iter().collect();
    sorted.sort_by_key(|s| std::cmp::Reverse(s.at));
    let recent_from = now - Duration::hours(RECENT_HOURS);
    let mut chosen: Vec<&SnapshotInfo> = Vec::new();
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut recent_kept = 0;
    for s in sorted {
        // Newest first, so the first seen of a day is that day's newest: always kept, so
        // a day keeps its snapshot after its hours have left the recent window.
        let day = local_day(s.at, offset);
        let newest_of_day = !days.contains(&day);
        if newest_of_day {
            days.push(day);
        }
        let recent = s.at >= recent_from;
        if newest_of_day || (recent && recent_kept < RECENT_KEPT) {
            recent_kept += usize::from(recent);
            chosen.push(s);
        }
    }
    let mut used = 0;
    let mut kept = Vec::new();
    for s in chosen.into_iter().take(MAX_SNAPSHOTS) {
        if used + s.units > BUDGET_UNITS {
            break;
        }
        used += s.units;
        kept.push(s.key.clone());
    }
    kept
}

fn write_index(kv: &mut impl KeyValue, infos: &[SnapshotInfo]) -> Result<(), WriteError> {
    kv.set(
        INDEX,
        &serde_json::to_string(infos).expect("an index always serializes"),
    )
}

/// Takes a snapshot of `data` and rotates the others, in one go (see [`Job`] for the same
/// in steps).
pub fn take(
    kv: &mut impl KeyValue,
    data: &Dataset,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Result<SnapshotInfo, SnapshotError> {
    let mut job = Job::new(now, offset);
    while !job.step(data) {}
    job.store(kv, data)
}

/// Text written out before it is compressed, per step: about 10 ms of work on an office PC.
pub const STEP_BYTES: usize = 256 * 1024;

/// A snapshot taken in steps, so that no step holds the page: a large dataset takes about
/// a second to write out and compress in one go. The text is the dataset's own JSON form,
/// written record by record and compressed part by part. The data must not change between
/// the first step and [`Job::store`]: the owner drops the job when it does (`Session`).
pub struct Job {
    at: DateTime<Utc>,
    /// The clock the rotation's days are counted on.
    offset: FixedOffset,
    encoder: Encoder,
    text: Vec<u8>,
    /// The collection being written (in [`Dataset::visit`] order) and its next record.
    collection: usize,
    record: usize,
    done: bool,
}

impl Job {
    pub fn new(at: DateTime<Utc>, offset: FixedOffset) -> Self {
        Job {
            at,
            offset,
            encoder: Encoder::default(),
            text: Vec::with_capacity(STEP_BYTES + 64 * 1024),
            collection: 0,
            record: 0,
            done: false,
        }
    }

    /// Writes out and compresses the next part of `data`; true when all of it is done.
    pub fn step(&mut self, data: &Dataset) -> bool {
        if self.done {
            return true;
        }
        if self.collection == 0 && self.record == 0 {
            self.text.extend_from_slice(b"{\"format\":");
            serde_json::to_writer(&mut self.text, &data.format).expect("a string serializes");
            self.text.extend_from_slice(
                format!(",\"schema_version\":{}", data.schema_version).as_bytes(),
            );
        }
        while self.text.len() < STEP_BYTES && !self.done {
            let mut part = Part {
                index: 0,
                job: &mut *self,
                found: false,
            };
            data.visit(&mut part);
            if !part.found {
                self.text.push(b'}');
                self.done = true;
            }
        }
        self.encoder.push(&self.text);
        self.text.clear();
        self.done
    }

    /// Stores the snapshot of `data` written out in steps, and rotates the others. Old
    /// snapshots rotation lets go are removed before the new one is written, so the new one
    /// never needs more room than they free plus its own.
    pub fn store(
        mut self,
        kv: &mut impl KeyValue,
        data: &Dataset,
    ) -> Result<SnapshotInfo, SnapshotError> {
        let offset = self.offset;
        while !self.step(data) {}
        let value = self.encoder.finish();
        let now = self.at;
        let key = format!("{PREFIX}{}", now.timestamp_millis());
        let info = SnapshotInfo {
            units: utf16_len(&key) + utf16_len(&value),
            key: key.clone(),
            at: now,
            records: data.total_records(),
        };
        if info.units > BUDGET_UNITS {
            return Err(SnapshotError::TooLarge { units: info.units });
        }
        let mut all = list(kv);
        all.push(info.clone());
        let keep = rotate(&all, now, offset);
        for old in all.iter().filter(|s| !keep.contains(&s.key)) {
            kv.remove(&old.key);
        }
        all.retain(|s| keep.contains(&s.key) && s.key != key);
        write_index(kv, &all).map_err(SnapshotError::Write)?;
        if !keep.contains(&key) {
            return Err(SnapshotError::TooLarge { units: info.units });
        }
        kv.set(&key, &value).map_err(SnapshotError::Write)?;
        all.insert(0, info.clone());
        if let Err(e) = write_index(kv, &all) {
            kv.remove(&key);
            return Err(SnapshotError::Write(e));
        }
        Ok(info)
    }
}

/// Writes records of the job's current collection until the step's text is full.
struct Part<'a> {
    index: usize,
    job: &'a mut Job,
    found: bool,
}

impl Visitor for Part<'_> {
    fn visit<T: Record>(&mut self, collection: &Collection<T>) {
        let index = self.index;
        self.index += 1;
        if index != self.job.collection || self.found {
            return;
        }
        self.found = true;
        let job = &mut *self.job;
        if job.record == 0 {
            job.text.extend_from_slice(b",\"");
            job.text.extend_from_slice(T::KIND.collection().as_bytes());
            job.text.extend_from_slice(b"\":[");
        }
        for record in collection.iter().skip(job.record) {
            if job.record > 0 {
                job.text.push(b',');
            }
            serde_json::to_writer(&mut job.text, record).expect("a record serializes");
            job.record += 1;
            if job.text.len() >= STEP_BYTES {
                return;
            }
        }
        job.text.push(b']');
        job.collection += 1;
        job.record = 0;
    }
}

/// The dataset a snapshot holds.
pub fn read(kv: &impl KeyValue, key: &str) -> Option<Dataset> {
    let text = decode(&kv.get(key)?).ok()?;
    parse_dataset(&text).ok().map(|l| l.dataset)
}

/// Removes the oldest snapshot to make room for the data; false when there is none.
pub fn drop_oldest(kv: &mut impl KeyValue) -> bool {
    let mut all = list(kv);
    let Some(oldest) = all.pop() else {
        return false;
    };
    kv.remove(&oldest.key);
    if all.is_empty() {
        kv.remove(INDEX);
    } else {
        let _ = write_index(kv, &all);
    }
    true
}

/// Units all snapshots use, the index included.
pub fn used_units(kv: &impl KeyValue) -> usize {
    kv.keys()
        .iter()
        .filter(|k| k.starts_with(PREFIX))
        .map(|k| utf16_len(k) + kv.get(k).map_or(0, |v| utf16_len(&v)))
        .sum()
}

#[cfg(test)]
#[path = "snapshots_tests.rs"]
mod tests;
