//! Times of a province's sync against PouchDB Server, printed (not a check: run on demand
//! with `cargo test --release --test network speed -- --ignored --nocapture`).

use std::time::Instant;

use chrono::NaiveDate;
use dondoc::domain::generate::{generate, Scale};
use dondoc::domain::Dataset;

use super::browser::Browser;
use super::server::Server;

#[test]
#[ignore = "a measurement, run on demand"]
fn speed_of_a_provinces_first_replica_and_a_days_changes() {
    let server = Server::start();
    server.create("province");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let now = "2026-11-23T03:00:00Z".parse().unwrap();
    let mut a = Browser::new(
        &server,
        "province",
        "a",
        generate(Scale::PROVINCE, 3, today, now),
    );
    let mut b = Browser::new(&server, "province", "b", Dataset::default());
    let t = Instant::now();
    let pushed = a.synced();
    let push = t.elapsed();
    let t = Instant::now();
    let pulled = b.synced();
    let pull = t.elapsed();
    assert!(a.data == b.data);
    // The first run after the big push reads its echo in the changes feed; the second
    // round is a day's work once the browsers are in step.
    let mut rounds = Vec::new();
    for round in 0..2 {
        let ids: Vec<_> = a
            .data
            .directives
            .iter()
            .skip(50 * round)
            .take(50)
            .map(|d| d.id.clone())
            .collect();
        for id in &ids {
            let mut d = a.data.directives.get(id).unwrap().clone();
            d.text.push_str(" (cập nhật)");
            a.edit(|data| data.directives.upsert(d));
        }
        let t = Instant::now();
        let pushed = a.synced();
        let push = t.elapsed();
        let t = Instant::now();
        let pulled = b.synced();
        let pull = t.elapsed();
        assert!(a.data == b.data);
        assert_eq!((pushed.pushed, pulled.pulled), (50, 50));
        rounds.push(format!(
            "50 changes pushed {:.2} s ({} requests), pulled {:.2} s ({} requests)",
            push.as_secs_f64(),
            pushed.requests,
            pull.as_secs_f64(),
            pulled.requests
        ));
    }
    println!(
        "province, {} records: first push {:.1} s ({} requests), first pull {:.1} s ({} \
         requests); {}",
        a.data.total_records(),
        push.as_secs_f64(),
        pushed.requests,
        pull.as_secs_f64(),
        pulled.requests,
        rounds.join("; then "),
    );
}
