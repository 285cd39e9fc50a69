//! Values kept beside the data, compressed like it: what was last exchanged with other
//! officers (the merge's base) and the copy that undoes the last import.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::codec::{decode, encode};
use super::kv::{KeyValue, WriteError};
use crate::domain::sharing::SyncBase;
use crate::domain::Dataset;

/// The merge's base: fingerprints of the versions exchanged, by record id.
pub const SYNC_KEY: &str = "dondoc.sync";
/// The data as it was before the last import, to undo it.
pub const UNDO_KEY: &str = "dondoc.undo";
/// What that undo would undo and when (small: read at start-up instead of the whole copy).
pub const UNDO_HEAD_KEY: &str = "dondoc.undo.head";

/// Reads a side value; `None` when absent or unreadable (a side value is never essential).
/// What the kept copy undoes, as its label is stored beside it ("read:16-KL/BCĐ",
/// "snapshot:07/12/2026 09:00", or an imported file's name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoKind {
    /// A file imported (its name).
    Import(String),
    /// A backup restored (when it was taken, as shown).
    Restore(String),
    /// A pasted notice saved (its number and symbol).
    Read(String),
}

const RESTORE_PREFIX: &str = "snapshot:";
const READ_PREFIX: &str = "read:";

impl UndoKind {
    /// The label stored with the copy.
    pub fn label(&self) -> String {
        match self {
            UndoKind::Import(name) => name.clone(),
            UndoKind::Restore(when) => format!("{RESTORE_PREFIX}{when}"),
            UndoKind::Read(number) => format!("{READ_PREFIX}{number}"),
        }
    }

    /// The kind a stored label names.
    pub fn of_label(label: &str) -> UndoKind {
        if let Some(when) = label.strip_prefix(RESTORE_PREFIX) {
            UndoKind::Restore(when.to_owned())
        } else if let Some(number) = label.strip_prefix(READ_PREFIX) {
            UndoKind::Read(number.to_owned())
        } else {
            UndoKind::Import(label.to_owned())
        }
    }
}

pub fn read<T: DeserializeOwned>(kv: &impl KeyValue, key: &str) -> Option<T> {
    let stored = kv.get(key)?;
    let json = decode(&stored).ok()?;
    serde_json::from_str(&json).ok()
}

/// Writes a side value; on failure what was stored under `key` is left as it was.
pub fn write<T: Serialize>(kv: &mut impl KeyValue, key: &str, value: &T) -> Result<(), WriteError> {
    let json = serde_json::to_string(value).map_err(|e| WriteError::Unavailable(e.to_string()))?;
    kv.set(key, &encode(&json))
}

/// The data as it was before the last import or restore, kept (in storage when it fits)
/// to undo it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UndoImport {
    /// What was imported ("dondoc-ket-luan-16-kl-bcd-2026-11-23.json").
    pub label: String,
    pub at: DateTime<Utc>,
    pub data: Dataset,
    pub base: SyncBase,
}

/// What the stored undo would undo, kept apart so start-up need not decode the copy.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct UndoHead {
    label: String,
    at: DateTime<Utc>,
}

/// Stores the undo copy, then its head; when either does not fit, neither stays.
pub fn write_undo(kv: &mut impl KeyValue, undo: &UndoImport) {
    let head = UndoHead {
        label: undo.label.clone(),
        at: undo.at,
    };
    if write(kv, UNDO_KEY, undo).is_err() || write(kv, UNDO_HEAD_KEY, &head).is_err() {
        remove_undo(kv);
    }
}

/// What the stored undo would undo and when, without decoding the copy (a copy stored
/// before heads were kept apart is read whole). `None` when the copy itself is gone.
pub fn read_undo_head(kv: &impl KeyValue) -> Option<(String, DateTime<Utc>)> {
    if !kv.keys().iter().any(|k| k == UNDO_KEY) {
        return None;
    }
    let head: UndoHead = read(kv, UNDO_HEAD_KEY).or_else(|| read(kv, UNDO_KEY))?;
    Some((head.label, head.at))
}

pub fn read_undo(kv: &impl KeyValue) -> Option<UndoImport> {
    read(kv, UNDO_KEY)
}

pub fn remove_undo(kv: &mut impl KeyValue) {
    kv.remove(UNDO_KEY);
    kv.remove(UNDO_HEAD_KEY);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sharing::SyncBase;
    use crate::storage::MemoryKv;

    #[test]
    fn a_side_value_round_trips_and_a_failed_write_keeps_the_old_one() {
        let mut kv = MemoryKv::with_quota(400);
        let mut base = SyncBase::default();
        base.remember("a".into(), 7);
        write(&mut kv, SYNC_KEY, &base).unwrap();
        assert_eq!(read::<SyncBase>(&kv, SYNC_KEY), Some(base.clone()));
        let mut big = SyncBase::default();
        for i in 0..200 {
            big.remember(format!("record-{i}"), i);
        }
        assert_eq!(write(&mut kv, SYNC_KEY, &big), Err(WriteError::Quota));
        assert_eq!(read::<SyncBase>(&kv, SYNC_KEY), Some(base));
        assert_eq!(read::<SyncBase>(&kv, UNDO_KEY), None);
    }

    #[test]
    fn the_undo_head_is_read_without_the_copy_and_goes_with_it() {
        let at = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let undo = UndoImport {
            label: "dondoc-tat-ca-2026-11-23.json".into(),
            at,
            data: Dataset::default(),
            base: SyncBase::default(),
        };
        let mut kv = MemoryKv::default();
        write_undo(&mut kv, &undo);
        let head = Some((undo.label.clone(), at));
        assert_eq!(read_undo_head(&kv), head);
        kv.set(UNDO_KEY, "dz1:damaged").unwrap();
        assert_eq!(
            read_undo_head(&kv),
            head,
            "the copy is not read for the head"
        );
        assert!(read_undo(&kv).is_none());
        kv.remove(UNDO_KEY);
        assert_eq!(read_undo_head(&kv), None, "no head without its copy");
        remove_undo(&mut kv);
        assert_eq!(read_undo_head(&kv), None);
        // A copy stored before heads were kept apart still names itself.
        write(&mut kv, UNDO_KEY, &undo).unwrap();
        assert_eq!(read_undo_head(&kv), head);
        // When the copy does not fit, no head is left to offer an undo that cannot happen.
        let mut full = MemoryKv::with_quota(40);
        write_undo(&mut full, &undo);
        assert_eq!(read_undo_head(&full), None);
    }

    #[test]
    fn an_undo_label_reads_back_as_its_kind() {
        for kind in [
            UndoKind::Import("dondoc-ket-luan-16-kl-bcd-2026-12-07.json".into()),
            UndoKind::Restore("07/12/2026 09:00".into()),
            UndoKind::Read("16-KL/BCĐ".into()),
        ] {
            assert_eq!(UndoKind::of_label(&kind.label()), kind);
        }
    }
}
