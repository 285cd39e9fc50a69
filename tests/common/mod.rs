//! What the session tests share: a fixed clock, the sample office stored once, tabs over one
//! in-memory store.
#![allow(dead_code)]

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use dondoc::domain::sample::sample_dataset;
use dondoc::domain::*;
use dondoc::storage::session::{SaveStatus, Session};
use dondoc::storage::{KeyValue, SharedKv};

pub fn now() -> DateTime<Utc> {
    "2026-11-23T03:00:00Z".parse().unwrap()
}

pub fn later(minutes: i64) -> DateTime<Utc> {
    now() + Duration::minutes(minutes)
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

pub fn hanoi() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap()
}

pub fn sample() -> Dataset {
    sample_dataset(today(), now(), &mut SeededIds::new(1))
}

/// A store holding the sample, saved once.
pub fn stored_sample() -> SharedKv {
    let kv = SharedKv::default();
    let (mut first, _) = Session::open(kv.handle(), "t", now(), hanoi());
    first.edit(|d| *d = sample());
    assert_eq!(first.flush(now(), hanoi()), &SaveStatus::Saved(Some(now())));
    kv
}

pub fn open(kv: &SharedKv) -> Session<SharedKv> {
    Session::open(kv.handle(), "t", now(), hanoi()).0
}

pub fn drop_snapshots(kv: &SharedKv) {
    let mut page = kv.handle();
    for key in page
        .keys()
        .into_iter()
        .filter(|k| k.starts_with("dondoc.snap"))
    {
        page.remove(&key);
    }
}

/// Text that does not compress: about `units` storage units' worth of letters.
pub fn noise(units: usize) -> String {
    let mut seed: u64 = 7;
    (0..units / 3)
        .map(|_| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            char::from(b'a' + (seed >> 59) as u8 % 26)
        })
        .collect()
}

pub fn nth_directive(data: &Dataset, n: usize) -> DirectiveId {
    data.directives.iter().nth(n).unwrap().id.clone()
}

pub fn set_text(s: &mut Session<SharedKv>, id: &DirectiveId, text: &str, at: DateTime<Utc>) {
    s.edit(|d| {
        let mut x = d.directives.get(id).unwrap().clone();
        x.text = text.to_owned();
        x.updated_at = at;
        d.directives.upsert(x);
    });
}

pub fn text_of(data: &Dataset, id: &DirectiveId) -> String {
    data.directives.get(id).unwrap().text.clone()
}

pub fn small_office_saved() -> Session<SharedKv> {
    let mut page = open(&SharedKv::default());
    page.edit(|d| {
        *d = sample();
        d.add_missing(generate::generate(
            generate::Scale::SMALL,
            3,
            today(),
            now(),
        ));
    });
    page.flush(now(), hanoi());
    page
}

/// Imports `incoming` into `tab` as a colleague's file, taking their version of every record
/// both changed.
pub fn import_theirs(tab: &mut Session<SharedKv>, incoming: &Dataset, at: DateTime<Utc>) {
    let plan = tab.plan_import(incoming, None);
    let planned_at = tab.revision();
    tab.import(
        incoming,
        &plan,
        planned_at,
        &|_: &str| Some(dondoc::domain::sharing::Resolution::TakeTheirs),
        "tệp của đồng nghiệp".into(),
        at,
        hanoi(),
    )
    .unwrap();
}

/// A small deterministic generator for the simulations (no randomness crate for tests).
pub struct Lcg(pub u64);

impl Lcg {
    /// The next number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}
