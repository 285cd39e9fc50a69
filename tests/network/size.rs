//! How much room the revisions take beside the data: the large generated dataset (three
//! times a province) pushed once to a server that takes everything, then its sync state
//! measured as JSON and compressed as storage keeps it. Printed with `--nocapture`.

use std::time::Instant;

use chrono::NaiveDate;
use dondoc::domain::generate::{generate, Scale};
use dondoc::domain::network::{
    Config, HttpRequest, HttpResponse, Replicator, Status, SyncState, REVS_KEPT,
};
use serde_json::{json, Value};

/// A server that holds nothing and takes every document.
fn accept_all(request: &HttpRequest) -> HttpResponse {
    let tail = request.path.rsplit('/').next().unwrap_or("");
    let (status, body) = if request.path.contains("/_local/") {
        (404, json!({"error": "not_found", "reason": "missing"}))
    } else if tail == "_changes" {
        (200, json!({"results": [], "last_seq": 0}))
    } else if tail == "_revs_diff" {
        let asked = request.body.clone().unwrap_or(Value::Null);
        let missing: serde_json::Map<String, Value> = asked
            .as_object()
            .into_iter()
            .flatten()
            .map(|(id, revs)| (id.clone(), json!({ "missing": revs })))
            .collect();
        (200, Value::Object(missing))
    } else {
        (201, json!([]))
    };
    HttpResponse { status, body }
}

fn compressed(bytes: &[u8]) -> usize {
    miniz_oxide::deflate::compress_to_vec(bytes, 6).len()
}

#[test]
fn the_revisions_kept_for_the_large_dataset_fit_beside_it() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let now = "2026-11-23T03:00:00Z".parse().unwrap();
    let mut data = generate(Scale::LARGE, 3, today, now);
    let mut state = SyncState::default();
    let config = Config {
        db: "large".into(),
        replication_id: "size".into(),
        credentials: None,
        batch: 200,
    };
    let started = Instant::now();
    let mut run = Replicator::new(config);
    while let Some(request) = run.next_request(&data, &state) {
        let answer = accept_all(&request);
        run.receive(&mut data, &mut state, answer);
    }
    let push = started.elapsed();
    assert_eq!(run.status(), Status::Done);
    assert_eq!(state.revs.len(), data.total_records());

    let data_json = serde_json::to_vec(&data).unwrap();
    let state_json = serde_json::to_vec(&state).unwrap();
    let (d, s) = (compressed(&data_json), compressed(&state_json));
    // After many edits each record also keeps up to REVS_KEPT ancestors of 33 bytes each.
    let worst_ancestors = data.total_records() * REVS_KEPT * 35;
    // localStorage holds about 5.2 million UTF-16 units per origin; storage packs 15 bits
    // of compressed bytes in each (src/storage/codec.rs).
    let quota = 5_200_000.0 * 15.0 / 8.0;
    println!(
        "large dataset in localStorage: data {:.0}% of the quota, sync state {:.0}% more",
        100.0 * d as f64 / quota,
        100.0 * s as f64 / quota
    );
    println!(
        "large dataset: {} records; data {} KB JSON, {} KB compressed; sync state after a \
         first push {} KB JSON, {} KB compressed ({:.0}% of the data's); at most {} KB more \
         of ancestors; first push through the replicator {:.1} s in this build",
        data.total_records(),
        data_json.len() / 1024,
        d / 1024,
        state_json.len() / 1024,
        s / 1024,
        100.0 * s as f64 / d as f64,
        worst_ancestors / 1024,
        push.as_secs_f64()
    );
    // Ids, revisions and fingerprints only (merge bases are kept only for records changed
    // since their sync): well under the data itself.
    assert!(s < d, "sync state {s} bytes against the data's {d}");
}
