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

use super::codec::{decode, utf16_len};
use super::kv::{KeyValue, WriteError};
use super::repo::QUOTA_UNITS;
use crate::domain::sorting;
use crate::domain::{parse_dataset, Dataset};

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
    /// Keys its text is stored under: `key`, then `key.1`, `key.2`… (each written in a
    /// task of its own). Snapshots stored before there were parts have one.
    #[serde(default = "one_part", skip_serializing_if = "is_one")]
    pub parts: usize,
}

fn one_part() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

/// The keys of a snapshot's parts.
fn part_keys(key: &str, parts: usize) -> impl Iterator<Item = String> + '_ {
    (0..parts.max(1)).map(move |i| match i {
        0 => key.to_owned(),
        i => format!("{key}.{i}"),
    })
}

fn remove_snapshot(kv: &mut impl KeyValue, info: &SnapshotInfo) {
    for key in part_keys(&info.key, info.parts) {
        kv.remove(&key);
    }
}

/// The snapshot a stored key belongs to (`dondoc.snap.<millis>`), and its time.
fn owner_of(key: &str) -> Option<(&str, i64)> {
    let rest = key.strip_prefix(PREFIX)?;
    let millis = rest.split('.').next()?;
    Some((&key[..PREFIX.len() + millis.len()], millis.parse().ok()?))
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
    sorting::sort_by_key(&mut infos, |s| std::cmp::Reverse(s.at));
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
    sorting::sort_by_key(&mut sorted, |s| std::cmp::Reverse(s.at));
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

#[path = "snapshots_job.rs"]
mod job;
pub use job::{Job, PART_BYTES, STEP_BYTES};

/// The dataset a snapshot holds.
pub fn read(kv: &impl KeyValue, key: &str) -> Option<Dataset> {
    let parts = list(kv)
        .into_iter()
        .find(|s| s.key == key)
        .map_or(1, |s| s.parts);
    let mut stored = String::new();
    for part in part_keys(key, parts) {
        stored.push_str(&kv.get(&part)?);
    }
    let text = decode(&stored).ok()?;
    parse_dataset(&text).ok().map(|l| l.dataset)
}

/// Removes the oldest snapshot to make room for the data; false when there is none.
pub fn drop_oldest(kv: &mut impl KeyValue) -> bool {
    let mut all = list(kv);
    let Some(oldest) = all.pop() else {
        return false;
    };
    remove_snapshot(kv, &oldest);
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
