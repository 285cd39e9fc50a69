//! Reading the server's changes feed: each record with every leaf revision the server
//! holds of it, the revisions this browser lacks, and taking a fetched batch in.

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::pull::{take_in as take_in_record, Pulled};
use super::replicator::RunReport;
use super::state::SyncState;
use crate::domain::model::dataset::Dataset;

/// One changes row: a record and every leaf revision the server holds of it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    pub id: String,
    pub leaves: Vec<String>,
}

/// A page of the changes feed, read.
pub(super) struct Feed {
    pub rows: Vec<Row>,
    /// (id, revision) pairs to fetch.
    pub missing: Vec<(String, String)>,
    pub last_seq: Value,
    /// A full page: more may follow.
    pub more: bool,
    pub empty: bool,
}

/// Reads a `_changes` answer: design documents are left out, and records waiting for the
/// officer are read again once settled (`SyncState::recheck`).
pub(super) fn read(state: &mut SyncState, body: Value, batch: usize) -> Feed {
    let results = body["results"].as_array().cloned().unwrap_or_default();
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    for r in &results {
        let Some(id) = r["id"].as_str() else {
            continue;
        };
        if id.starts_with('_') {
            continue;
        }
        if state.conflicts.contains_key(id) {
            state.recheck.insert(id.to_owned());
            continue;
        }
        let leaves: Vec<String> = r["changes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c["rev"].as_str().map(str::to_owned))
            .collect();
        for rev in leaves.iter().filter(|rev| !state.revs.knows(id, rev)) {
            missing.push((id.to_owned(), rev.clone()));
        }
        rows.push(Row {
            id: id.to_owned(),
            leaves,
        });
    }
    Feed {
        rows,
        missing,
        last_seq: body["last_seq"].clone(),
        more: results.len() >= batch,
        empty: results.is_empty(),
    }
}

/// Takes in a `_bulk_get` answer for `rows`.
pub(super) fn take_in(
    data: &mut Dataset,
    state: &mut SyncState,
    rows: &[Row],
    body: &Value,
    report: &mut RunReport,
) {
    let mut fetched: FxHashMap<&str, Vec<Value>> = FxHashMap::default();
    for result in body["results"].as_array().into_iter().flatten() {
        let Some(id) = result["id"].as_str() else {
            continue;
        };
        // A revision the server no longer has (`error`, or PouchDB's `missing`) is skipped.
        let docs = result["docs"].as_array().into_iter().flatten();
        let oks = docs.filter_map(|d| d.get("ok").cloned());
        fetched.entry(id).or_default().extend(oks);
    }
    for row in rows {
        let Some(docs) = fetched.get(row.id.as_str()) else {
            continue;
        };
        let pulled = take_in_record(
            state,
            data,
            &row.id,
            &row.leaves,
            docs,
            &mut report.unreadable,
        );
        count(pulled, report);
    }
}

/// Takes in an `open_revs=all` answer for `id`: every leaf the server holds of it, those
/// this browser lacks taken in.
pub(super) fn recheck(
    data: &mut Dataset,
    state: &mut SyncState,
    id: &str,
    body: &Value,
    report: &mut RunReport,
) {
    state.recheck.remove(id);
    let docs: Vec<&Value> = body
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d.get("ok"))
        .collect();
    let leaves: Vec<String> = docs
        .iter()
        .filter_map(|d| d["_rev"].as_str().map(str::to_owned))
        .collect();
    let lacking: Vec<Value> = docs
        .into_iter()
        .filter(|d| d["_rev"].as_str().is_some_and(|r| !state.revs.knows(id, r)))
        .cloned()
        .collect();
    if lacking.is_empty() {
        return;
    }
    count(
        take_in_record(state, data, id, &leaves, &lacking, &mut report.unreadable),
        report,
    );
}

fn count(pulled: Pulled, report: &mut RunReport) {
    match pulled {
        Pulled::Taken => report.pulled += 1,
        Pulled::Conflict => report.conflicts += 1,
        Pulled::Nothing | Pulled::Unreadable => {}
    }
}
