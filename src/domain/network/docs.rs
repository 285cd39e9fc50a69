//! Records as CouchDB documents, and revision ids.
//!
//! A record is one document: `_id` its id, `collection` the collection's name in the file
//! format (`"directives"`), and the record's own fields as the export file writes them. A
//! record taken out of the data has no tombstone in the `Dataset`: it is a record the
//! revision store knows as synced and the data no longer holds, sent as `_deleted: true`.

use rustc_hash::FxHashMap;
use serde_json::{Map, Value};

use crate::domain::model::collection::Collection;
use crate::domain::model::dataset::{Dataset, Visitor, VisitorMut};
use crate::domain::model::record::Record;

/// The field naming a document's collection.
pub const COLLECTION_FIELD: &str = "collection";

/// A record's body as stored in a document (the export file's JSON of it).
pub(super) fn body_of<T: Record>(record: &T) -> Value {
    serde_json::to_value(record).unwrap_or(Value::Null)
}

/// The record's fields of a document: its own `_` fields and its collection taken out.
pub(super) fn body_of_doc(doc: &Value) -> Option<Value> {
    let fields: Map<String, Value> = doc
        .as_object()?
        .iter()
        .filter(|(k, _)| !k.starts_with('_') && k.as_str() != COLLECTION_FIELD)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Some(Value::Object(fields))
}

/// A document for a record's body (or a deletion when `body` is `None`).
pub(super) fn document(id: &str, collection: &str, body: Option<&Value>) -> Value {
    let mut doc = Map::new();
    doc.insert("_id".into(), Value::String(id.to_owned()));
    doc.insert(
        COLLECTION_FIELD.into(),
        Value::String(collection.to_owned()),
    );
    match body.and_then(Value::as_object) {
        Some(fields) => doc.extend(fields.iter().map(|(k, v)| (k.clone(), v.clone()))),
        None => {
            doc.insert("_deleted".into(), Value::Bool(true));
        }
    }
    Value::Object(doc)
}

/// A record of the data, as its document's body.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Local {
    pub collection: &'static str,
    pub body: Value,
}

/// Every record of `data` as a body, by id.
pub(super) fn all_bodies(data: &Dataset) -> FxHashMap<String, Local> {
    struct Take(FxHashMap<String, Local>);
    impl Visitor for Take {
        fn visit<T: Record>(&mut self, c: &Collection<T>) {
            for r in c.iter() {
                let local = Local {
                    collection: T::KIND.collection(),
                    body: body_of(r),
                };
                self.0.insert(r.id().to_string(), local);
            }
        }
    }
    let mut take = Take(FxHashMap::default());
    data.visit(&mut take);
    take.0
}

/// The body of the record `id` of `collection` in `data`, if it holds it.
pub(super) fn body(data: &Dataset, collection: &str, id: &str) -> Option<Value> {
    struct Find<'a>(&'a str, &'a str, Option<Value>);
    impl Visitor for Find<'_> {
        fn visit<T: Record>(&mut self, c: &Collection<T>) {
            if T::KIND.collection() == self.0 {
                self.2 = c.get(&T::Id::from(self.1)).map(body_of);
            }
        }
    }
    let mut find = Find(collection, id, None);
    data.visit(&mut find);
    find.2
}

/// Why a document could not become a record here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    UnknownCollection(String),
    /// The body does not read as a record of its collection (the message says why).
    Body(String),
}

/// Writes `body` as the record `id` of `collection`, or takes the record out when `None`;
/// returns the body as this build writes it (numbers and absent fields as the record's
/// own serde makes them), the one compared with later to tell a change.
pub(super) fn write(
    data: &mut Dataset,
    collection: &str,
    id: &str,
    body: Option<&Value>,
) -> Result<Option<Value>, Unreadable> {
    struct Write<'a> {
        collection: &'a str,
        id: &'a str,
        body: Option<&'a Value>,
        done: Option<Result<Option<Value>, Unreadable>>,
    }
    impl VisitorMut for Write<'_> {
        fn visit<T: Record>(&mut self, c: &mut Collection<T>) {
            if T::KIND.collection() != self.collection {
                return;
            }
            self.done = Some(match self.body {
                Some(body) => match serde_json::from_value::<T>(body.clone()) {
                    Ok(record) if record.id().as_ref() == self.id => {
                        let written = body_of(&record);
                        c.upsert(record);
                        Ok(Some(written))
                    }
                    Ok(_) => Err(Unreadable::Body("its id is not the document's".into())),
                    Err(e) => Err(Unreadable::Body(e.to_string())),
                },
                None => {
                    c.remove(&T::Id::from(self.id));
                    Ok(None)
                }
            });
        }
    }
    let mut w = Write {
        collection,
        id,
        body,
        done: None,
    };
    data.visit_mut(&mut w);
    w.done
        .unwrap_or_else(|| Err(Unreadable::UnknownCollection(collection.to_owned())))
}

/// `body` as this build writes the record (see [`write`]), or why it is not one.
pub(super) fn normalize(collection: &str, id: &str, body: &Value) -> Result<Value, Unreadable> {
    let mut scratch = Dataset::default();
    write(&mut scratch, collection, id, Some(body)).map(|b| b.unwrap_or(Value::Null))
}

/// A revision id, `N-<32 hex>`: its generation and its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Rev<'a> {
    pub generation: u64,
    pub hash: &'a str,
}

pub(super) fn parse_rev(rev: &str) -> Option<Rev<'_>> {
    let (n, hash) = rev.split_once('-')?;
    Some(Rev {
        generation: n.parse().ok()?,
        hash,
    })
}

/// FNV-1a over 128 bits (the import fingerprint's hash, wider): revision ids and version
/// fingerprints need to differ, not to resist an attacker, and no hashing crate is added to
/// the app for them.
struct Fnv(u128);

impl Fnv {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

    fn eat(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u128::from(*b)).wrapping_mul(Self::PRIME);
        }
    }
}

impl std::io::Write for Fnv {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.eat(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The hash of a body written with every object's keys in order, so two equal bodies agree
/// whatever order their maps hold.
pub(super) fn body_hash(body: &Value) -> u128 {
    let mut h = Fnv(Fnv::OFFSET);
    canonical(body, &mut h);
    h.0
}

/// The hash of a new revision: deterministic from its parent and its content (`body_hash`,
/// `None` for a deletion), so a run stopped after sending it makes the same revision again
/// and the server already has it.
pub(super) fn rev_hash(parent: Option<&str>, body: Option<u128>) -> String {
    let mut h = Fnv(Fnv::OFFSET);
    h.eat(parent.unwrap_or("").as_bytes());
    h.eat(&[0]);
    match body {
        Some(b) => h.eat(&b.to_le_bytes()),
        None => h.eat(b"deleted"),
    }
    format!("{:032x}", h.0)
}

fn canonical(v: &Value, out: &mut Fnv) {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.eat(b"{");
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.eat(b",");
                }
                let _ = serde_json::to_writer(&mut *out, k);
                out.eat(b":");
                canonical(&map[k], out);
            }
            out.eat(b"}");
        }
        Value::Array(items) => {
            out.eat(b"[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.eat(b",");
                }
                canonical(item, out);
            }
            out.eat(b"]");
        }
        other => {
            let _ = serde_json::to_writer(&mut *out, other);
        }
    }
}

/// The revision ids of a document's `_revisions` (`{start, ids}`), newest first.
pub(super) fn revisions(doc: &Value) -> Vec<String> {
    let r = &doc["_revisions"];
    let Some(start) = r["start"].as_u64() else {
        return doc["_rev"]
            .as_str()
            .map(str::to_owned)
            .into_iter()
            .collect();
    };
    r["ids"]
        .as_array()
        .map(|ids| {
            ids.iter()
                .enumerate()
                .filter_map(|(i, h)| {
                    Some(format!("{}-{}", start.checked_sub(i as u64)?, h.as_str()?))
                })
                .collect()
        })
        .unwrap_or_default()
}
