//! Values kept beside the data, compressed like it: what was last exchanged with other
//! officers (the merge's base) and the copy that undoes the last import.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::codec::{decode, encode};
use super::kv::{KeyValue, WriteError};

/// The merge's base: fingerprints of the versions exchanged, by record id.
pub const SYNC_KEY: &str = "dondoc.sync";
/// The data as it was before the last import, to undo it.
pub const UNDO_KEY: &str = "dondoc.undo";

/// Reads a side value; `None` when absent or unreadable (a side value is never essential).
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::merge::SyncBase;
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
}
