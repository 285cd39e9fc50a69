//! The network's replication state (`domain::network::SyncState`) kept beside the data:
//! its small part (checkpoint, conflicts, refusals, leaves to retire) under one key, the
//! revisions of every record in [`REV_SHARDS`] shards by id, each written only when a
//! record of it changed, one shard per step so no write holds the page long.

use std::collections::BTreeSet;

use serde_json::Value;

use super::kv::{KeyValue, WriteError};
use super::side;
use crate::domain::network::{
    HttpRequest, HttpResponse, RevEntry, RevStore, SyncState, WRITER_FIELD,
};

/// The small part of the state.
pub const NETWORK_KEY: &str = "dondoc.network";
/// Shards of the revisions: the large dataset's 70,000 records make a few hundred KB each.
pub const REV_SHARDS: usize = 64;

fn shard_key(n: usize) -> String {
    format!("{NETWORK_KEY}.revs.{n}")
}

/// The shard a record's revisions are kept in (FNV-1a of its id: stable across builds).
pub fn shard_of(id: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h % REV_SHARDS as u64) as usize
}

/// Reads the state: empty when nothing is stored (this browser never synced) or a part is
/// unreadable (the next run then takes the server's records in again and finds them equal).
pub fn read_state(kv: &impl KeyValue) -> SyncState {
    let Some(mut state) = side::read::<SyncState>(kv, NETWORK_KEY) else {
        return SyncState::default();
    };
    for n in 0..REV_SHARDS {
        if let Some(part) = side::read::<Vec<(String, RevEntry)>>(kv, &shard_key(n)) {
            for (id, entry) in part {
                state.revs.set(id, entry);
            }
        }
    }
    state
}

/// What of the state is waiting to be written: the small part, and the shards holding a
/// record whose revisions changed.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Unwritten {
    pub small: bool,
    pub shards: BTreeSet<usize>,
}

impl Unwritten {
    /// Everything (the first write, or after the state was replaced).
    pub fn all() -> Self {
        Unwritten {
            small: true,
            shards: (0..REV_SHARDS).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.small && self.shards.is_empty()
    }

    /// The records a request and its answer were about: their shards wait.
    pub fn touched(&mut self, request: &HttpRequest) {
        self.small = true;
        for id in ids_in(request.body.as_ref()) {
            self.shards.insert(shard_of(&id));
        }
    }

    pub fn record(&mut self, id: &str) {
        self.small = true;
        self.shards.insert(shard_of(id));
    }
}

/// The documents a request names: `_bulk_docs` (`docs[]._id`), `_bulk_get` (`docs[].id`)
/// and `_revs_diff` (its keys).
fn ids_in(body: Option<&Value>) -> Vec<String> {
    let Some(body) = body else {
        return Vec::new();
    };
    if let Some(docs) = body.get("docs").and_then(Value::as_array) {
        return docs
            .iter()
            .filter_map(|d| d.get("_id").or_else(|| d.get("id")))
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect();
    }
    body.as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// Writes one part of what waits (the small part first, then a shard); `Ok(true)` while
/// more waits. On a failure what was stored stays as it was and the part keeps waiting.
pub fn write_step(
    kv: &mut impl KeyValue,
    state: &SyncState,
    waiting: &mut Unwritten,
) -> Result<bool, WriteError> {
    if waiting.small {
        // The state without its revisions (they are in the shards).
        let small = SyncState {
            since: state.since.clone(),
            previous_since: state.previous_since.clone(),
            revs: RevStore::default(),
            conflicts: state.conflicts.clone(),
            refused: state.refused.clone(),
            retiring: state.retiring.clone(),
            recheck: state.recheck.clone(),
        };
        side::write(kv, NETWORK_KEY, &small)?;
        waiting.small = false;
    } else if let Some(n) = waiting.shards.first().copied() {
        let part: Vec<(&String, &RevEntry)> = state
            .revs
            .iter()
            .filter(|(id, _)| shard_of(id) == n)
            .collect();
        side::write(kv, &shard_key(n), &part)?;
        waiting.shards.remove(&n);
    }
    Ok(!waiting.is_empty())
}

/// Forgets the state (the officer leaves the network): every key removed.
pub fn remove_state(kv: &mut impl KeyValue) {
    kv.remove(NETWORK_KEY);
    for n in 0..REV_SHARDS {
        kv.remove(&shard_key(n));
    }
}

/// Whether the answer to `request` may change the data (records taken in): only pulled
/// documents do; every other answer changes the sync state alone.
pub fn answer_changes_data(request: &HttpRequest) -> bool {
    request.path.ends_with("/_bulk_get")
}

/// Signs every document a push sends with `account` (the account logged in), as the
/// server's write rule checks a unit's reports by it (`domain::network::WRITER_FIELD`).
pub fn sign_documents(request: &mut HttpRequest, account: &str) {
    if !request.path.ends_with("/_bulk_docs") || account.is_empty() {
        return;
    }
    let docs = request
        .body
        .as_mut()
        .and_then(|b| b.get_mut("docs"))
        .and_then(Value::as_array_mut);
    for doc in docs.into_iter().flatten() {
        if let Some(d) = doc.as_object_mut() {
            if !d.contains_key("_deleted") {
                d.insert(WRITER_FIELD.into(), Value::String(account.to_owned()));
            }
        }
    }
}

/// Takes the writer's signature off pulled documents: it is the server's, not a field of
/// the record (a record read with it would differ from the version it was synced at).
pub fn unsign_documents(answer: &mut HttpResponse) {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove(WRITER_FIELD);
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut answer.body);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::network::{Config, Replicator};
    use crate::storage::MemoryKv;

    #[test]
    fn the_state_is_read_back_as_written_shard_by_shard() {
        let mut state = SyncState::default();
        for i in 0..500 {
            let id = format!("rec-{i}");
            let chain = vec![format!("1-{:032x}", i)];
            state
                .revs
                .set(id, RevEntry::at("directives", &chain, None, None).unwrap());
        }
        state.since = Value::from("12-g1AAAA");
        let mut kv = MemoryKv::default();
        let mut waiting = Unwritten::all();
        let mut steps = 0;
        while write_step(&mut kv, &state, &mut waiting).unwrap() {
            steps += 1;
        }
        assert_eq!(steps, REV_SHARDS, "the small part, then one shard a step");
        assert_eq!(read_state(&kv), state);
        // One record changed: its shard alone waits.
        let mut one = Unwritten::default();
        one.record("rec-7");
        assert_eq!(one.shards.len(), 1);
        remove_state(&mut kv);
        assert_eq!(read_state(&kv), SyncState::default());
    }

    #[test]
    fn pushed_documents_are_signed_and_pulled_ones_unsigned() {
        let mut push = HttpRequest {
            method: crate::domain::network::Method::Post,
            path: "/d/_bulk_docs".into(),
            query: Vec::new(),
            headers: Vec::new(),
            body: Some(
                serde_json::json!({"docs": [{"_id": "a", "text": "x"}, {"_id": "b", "_deleted": true}], "new_edits": false}),
            ),
        };
        sign_documents(&mut push, "xa-muong-phang");
        let docs = &push.body.as_ref().unwrap()["docs"];
        assert_eq!(docs[0][WRITER_FIELD], "xa-muong-phang");
        assert!(
            docs[1].get(WRITER_FIELD).is_none(),
            "a deletion is not a report"
        );
        let mut pulled = HttpResponse {
            status: 200,
            body: serde_json::json!({"results": [{"docs": [{"ok": {"_id": "a", WRITER_FIELD: "x", "text": "t"}}]}]}),
        };
        unsign_documents(&mut pulled);
        assert!(!pulled.body.to_string().contains(WRITER_FIELD));
    }

    #[test]
    fn only_pulled_documents_change_the_data() {
        let data = crate::domain::Dataset::default();
        let state = SyncState::default();
        let mut run = Replicator::new(Config {
            db: "d".into(),
            replication_id: "r".into(),
            credentials: None,
            batch: 10,
        });
        let first = run.next_request(&data, &state).unwrap();
        assert!(!answer_changes_data(&first), "{}", first.path);
        let bulk_get = HttpRequest {
            path: "/d/_bulk_get".into(),
            ..first
        };
        assert!(answer_changes_data(&bulk_get));
        let mut w = Unwritten::default();
        w.touched(&HttpRequest {
            body: Some(serde_json::json!({"docs": [{"id": "a"}, {"id": "b"}]})),
            ..bulk_get
        });
        assert!(w.small && !w.shards.is_empty());
    }
}
