//! A snapshot taken a task at a time ([`Job`]): the dataset's JSON text written and
//! compressed in steps, then rotation, the stored text in parts, and the index.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::super::codec::{packed_units, utf16_len, Encoder};
use super::super::kv::KeyValue;
use super::{
    list, owner_of, part_keys, remove_snapshot, rotate, write_index, SnapshotError, SnapshotInfo,
    BUDGET_UNITS, PREFIX,
};
use crate::domain::{Collection, Dataset, Record, Visitor};

/// Text written out before it is compressed, per step: about 10 ms of work on an office PC.
pub const STEP_BYTES: usize = 256 * 1024;

/// Bytes of the stored text written per step, some 300,000 characters (localStorage
/// copies a value as it is set).
pub const PART_BYTES: usize = 768 * 1024;

/// A part left by a snapshot that was never finished (the page closed while it was being
/// stored) is removed once it is this old: younger ones may be another tab's, being stored.
const LEFT_PARTS_MINUTES: i64 = 60;

/// A snapshot taken in steps, so that no step holds the page: a large dataset takes about
/// a second to write out and compress in one go. The text is the dataset's own JSON form,
/// written record by record and compressed part by part ([`Job::step`]); the data must not
/// change meanwhile (the owner drops the job when it does: `Session`). Then it is stored a
/// part per step ([`Job::store_step`]), when the data may change: the snapshot is of the
/// moment its text was written.
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
    /// Records the text holds, counted when it is all written.
    records: usize,
    storing: Option<Storing>,
}

/// The stored text, and how far storing it has gone.
struct Storing {
    value: String,
    info: SnapshotInfo,
    /// The snapshots kept with the new one, once the others are removed.
    kept: Option<Vec<SnapshotInfo>>,
    /// Byte offsets in `value` where each part starts.
    starts: Vec<usize>,
    written: usize,
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
            records: 0,
            storing: None,
        }
    }

    /// Whether the text is all written: from then on the data may change.
    pub fn written(&self) -> bool {
        self.done
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
                self.records = data.total_records();
            }
        }
        self.encoder.push(&self.text);
        self.text.clear();
        self.done
    }

    /// Stores the snapshot of `data` written out in steps, and rotates the others, in one go.
    pub fn store(
        mut self,
        kv: &mut impl KeyValue,
        data: &Dataset,
    ) -> Result<SnapshotInfo, SnapshotError> {
        while !self.step(data) {}
        loop {
            if let Some(result) = self.store_step(kv) {
                return result;
            }
        }
    }

    /// The next step of storing, once [`Job::step`] has written the text: finishing the
    /// text; rotating (old snapshots rotation lets go are removed first, so the new one
    /// never needs more room than they free plus its own); each part; the index. `None`
    /// while steps remain. On failure what this snapshot wrote is removed.
    pub fn store_step(
        &mut self,
        kv: &mut impl KeyValue,
    ) -> Option<Result<SnapshotInfo, SnapshotError>> {
        let Some(storing) = &mut self.storing else {
            let encoder = std::mem::take(&mut self.encoder);
            self.storing = Some(Storing::of(encoder.finish(), self.at, self.records));
            return None;
        };
        let key = storing.info.key.clone();
        let Some(kept) = &mut storing.kept else {
            return match rotate_for(kv, &storing.info, self.offset) {
                Ok(kept) => {
                    storing.kept = Some(kept);
                    None
                }
                Err(e) => Some(Err(e)),
            };
        };
        if storing.written < storing.starts.len() {
            let i = storing.written;
            let end = storing
                .starts
                .get(i + 1)
                .copied()
                .unwrap_or(storing.value.len());
            let part = part_keys(&key, i + 1).last().expect("one key at least");
            if let Err(e) = kv.set(&part, &storing.value[storing.starts[i]..end]) {
                remove_snapshot(kv, &storing.info);
                return Some(Err(SnapshotError::Write(e)));
            }
            storing.written += 1;
            return None;
        }
        let mut all = std::mem::take(kept);
        all.insert(0, storing.info.clone());
        if let Err(e) = write_index(kv, &all) {
            remove_snapshot(kv, &storing.info);
            return Some(Err(SnapshotError::Write(e)));
        }
        Some(Ok(storing.info.clone()))
    }
}

impl Storing {
    fn of(value: String, at: DateTime<Utc>, records: usize) -> Self {
        let key = format!("{PREFIX}{}", at.timestamp_millis());
        // Parts cut at characters, about PART_BYTES each.
        let mut starts = vec![0];
        let mut next = PART_BYTES;
        while next < value.len() {
            while !value.is_char_boundary(next) {
                next += 1;
            }
            starts.push(next);
            next += PART_BYTES;
        }
        let parts = starts.len();
        let info = SnapshotInfo {
            units: part_keys(&key, parts).map(|k| utf16_len(&k)).sum::<usize>()
                + packed_units(&value),
            key,
            at,
            records,
            parts,
        };
        Storing {
            value,
            info,
            kept: None,
            starts,
            written: 0,
        }
    }
}

/// Removes the snapshots rotation lets go once `new` is added (and parts an unfinished
/// snapshot left long ago), and writes the index of those kept; returns them.
fn rotate_for(
    kv: &mut impl KeyValue,
    new: &SnapshotInfo,
    offset: FixedOffset,
) -> Result<Vec<SnapshotInfo>, SnapshotError> {
    if new.units > BUDGET_UNITS {
        return Err(SnapshotError::TooLarge { units: new.units });
    }
    let mut all = list(kv);
    all.push(new.clone());
    let keep = rotate(&all, new.at, offset);
    for old in all.iter().filter(|s| !keep.contains(&s.key)) {
        remove_snapshot(kv, old);
    }
    all.retain(|s| keep.contains(&s.key) && s.key != new.key);
    let left_before = (new.at - Duration::minutes(LEFT_PARTS_MINUTES)).timestamp_millis();
    for key in kv.keys() {
        let left = owner_of(&key).is_some_and(|(owner, millis)| {
            millis < left_before && !all.iter().any(|s| s.key == owner)
        });
        if left {
            kv.remove(&key);
        }
    }
    write_index(kv, &all).map_err(SnapshotError::Write)?;
    if !keep.contains(&new.key) {
        return Err(SnapshotError::TooLarge { units: new.units });
    }
    Ok(all)
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
