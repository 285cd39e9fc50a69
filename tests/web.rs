//! Storage and components in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): real localStorage, its real quota, the real DOM.
#![cfg(target_arch = "wasm32")]

use chrono::{DateTime, NaiveDate, Utc};
use dondoc::domain::generate::{generate, Scale};
use dondoc::domain::sample::sample_dataset;
use dondoc::domain::{Dataset, SeededIds};
use dondoc::storage::local::LocalKv;
use dondoc::storage::{KeyValue, LoadOutcome, Repository, WriteError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn now() -> DateTime<Utc> {
    "2026-11-23T03:00:00Z".parse().unwrap()
}

fn clear() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

fn snapshot(kv: &LocalKv) -> Vec<(String, usize)> {
    let mut all: Vec<_> = kv
        .keys()
        .into_iter()
        .map(|k| (k.clone(), kv.get(&k).map_or(0, |v| v.len())))
        .collect();
    all.sort();
    all
}

#[wasm_bindgen_test]
fn local_storage_round_trip() {
    clear();
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let mut repo = Repository::new(LocalKv::open());
    repo.save(&mut data).unwrap();
    let mut fresh = Repository::new(LocalKv::open());
    match fresh.load("t") {
        LoadOutcome::Loaded {
            dataset,
            migrated_from,
        } => {
            assert_eq!(migrated_from, None);
            assert_eq!(*dataset, data);
        }
        other => panic!("{other:?}"),
    }
    clear();
}

/// Fills localStorage until Chromium refuses, with values of decreasing size.
fn fill_to_quota(kv: &mut LocalKv) {
    let mut n = 0;
    for size in [1_000_000, 100_000, 10_000, 1_000, 100] {
        let filler = "x".repeat(size);
        while kv.set(&format!("filler.{n}"), &filler).is_ok() {
            n += 1;
        }
    }
}

#[wasm_bindgen_test]
fn a_quota_failure_keeps_storage_and_reports_it() {
    clear();
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let mut repo = Repository::new(LocalKv::open());
    repo.save(&mut data).unwrap();
    fill_to_quota(repo.kv_mut());
    let before = snapshot(repo.kv());

    let extra: Dataset = generate(Scale::SMALL, 7, today(), now());
    let added = data.add_missing(extra);
    assert!(added > 100);
    assert_eq!(
        repo.save(&mut data),
        Err(WriteError::Quota),
        "the browser's QuotaExceededError is reported as such"
    );
    assert_eq!(
        snapshot(repo.kv()),
        before,
        "nothing stored was changed by the failed save"
    );

    // The stored data still loads as it was before the failed save.
    let mut fresh = Repository::new(LocalKv::open());
    match fresh.load("t") {
        LoadOutcome::Loaded { dataset, .. } => assert_eq!(dataset.projects.len(), 6),
        other => panic!("{other:?}"),
    }
    // Once there is room, the changes kept in memory are written.
    for key in repo
        .kv()
        .keys()
        .into_iter()
        .filter(|k| k.starts_with("filler."))
    {
        repo.kv_mut().remove(&key);
    }
    repo.save(&mut data).unwrap();
    let mut fresh = Repository::new(LocalKv::open());
    match fresh.load("t") {
        LoadOutcome::Loaded { dataset, .. } => assert_eq!(*dataset, data),
        other => panic!("{other:?}"),
    }
    clear();
}

#[wasm_bindgen_test]
fn a_corrupt_value_is_kept_aside() {
    clear();
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let mut repo = Repository::new(LocalKv::open());
    repo.save(&mut data).unwrap();
    let mut kv = LocalKv::open();
    let victim = kv
        .keys()
        .into_iter()
        .find(|k| k.starts_with("dondoc.d.projects."))
        .unwrap();
    kv.set(&victim, "not what we wrote").unwrap();

    let mut repo = Repository::new(LocalKv::open());
    assert!(matches!(repo.load("s1"), LoadOutcome::SetAside(_)));
    let moved = format!("dondoc.aside.s1.{}", &victim["dondoc.d.".len()..]);
    assert_eq!(repo.kv().get(&moved).as_deref(), Some("not what we wrote"));
    assert!(repo.kv().get(&victim).is_none());
    assert!(repo.aside_export().unwrap().contains("not what we wrote"));
    clear();
}

fn text_of(host: &web_sys::HtmlElement) -> String {
    host.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_app_mounts_loads_stored_data_and_switches_language() {
    clear();
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    Repository::new(LocalKv::open()).save(&mut data).unwrap();

    let window = web_sys::window().unwrap();
    window.location().set_hash("/").unwrap();
    let document = window.document().unwrap();
    let host: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(document.create_element("div").unwrap());
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), dondoc::ui::App);

    let text = text_of(&host);
    assert!(text.contains("Tổng quan"), "Vietnamese first: {text}");
    assert!(
        text.contains("1.461 tỷ đồng"),
        "stored data is shown: {text}"
    );

    let button = document.query_selector("button.lang").unwrap().unwrap();
    let button: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(button);
    button.click();
    gloo_timers::future::TimeoutFuture::new(50).await;
    let text = text_of(&host);
    assert!(text.contains("Dashboard"), "{text}");
    assert!(text.contains("1,461 billion VND"), "{text}");
    assert_eq!(
        document
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    let settings = LocalKv::open().get("dondoc.settings").unwrap_or_default();
    assert!(
        settings.contains("\"en\""),
        "the choice is remembered: {settings}"
    );
    drop(handle);
    host.remove();
    clear();
}

#[wasm_bindgen_test]
fn a_quota_failure_during_an_import_leaves_storage_as_it_was() {
    use dondoc::domain::sharing::{Resolution, SyncBase};
    use dondoc::storage::side::{self, SYNC_KEY};
    clear();
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let mut repo = Repository::new(LocalKv::open());
    repo.save(&mut data).unwrap();
    let mut base = SyncBase::default();
    base.record_all(&data);
    side::write(repo.kv_mut(), SYNC_KEY, &base).unwrap();
    fill_to_quota(repo.kv_mut());
    let before = snapshot(repo.kv());

    // A colleague's file: a generated office's data, every record new here.
    let incoming: Dataset = generate(Scale::SMALL, 9, today(), now());
    let plan = data.plan_import(&incoming, &base);
    let mut merged = data.clone();
    let mut merged_base = base.clone();
    merged
        .apply_import(
            &incoming,
            &plan,
            &|_| Some(Resolution::TakeTheirs),
            &mut merged_base,
        )
        .unwrap();
    // What the app writes for an import: the merge base beside the data, then the data.
    assert_eq!(
        side::write(repo.kv_mut(), SYNC_KEY, &merged_base),
        Err(WriteError::Quota)
    );
    assert_eq!(repo.save(&mut merged), Err(WriteError::Quota));
    assert_eq!(snapshot(repo.kv()), before, "nothing stored changed");
    assert_eq!(side::read::<SyncBase>(repo.kv(), SYNC_KEY), Some(base));
    let mut fresh = Repository::new(LocalKv::open());
    match fresh.load("t") {
        LoadOutcome::Loaded { dataset, .. } => assert_eq!(*dataset, data),
        other => panic!("{other:?}"),
    }
    clear();
}

#[wasm_bindgen_test]
fn snapshot_rotation_stays_within_its_budget_and_gives_way_to_the_data() {
    use dondoc::storage::snapshots::{self, BUDGET_UNITS, MAX_SNAPSHOTS};
    clear();
    let mut kv = LocalKv::open();
    let mut data: Dataset = generate(Scale::SMALL, 3, today(), now());
    // A snapshot each hour for three days.
    for hour in 0..72 {
        let at = now() + chrono::Duration::hours(hour);
        assert!(snapshots::due(&kv, at));
        snapshots::take(
            &mut kv,
            &data,
            at,
            chrono::FixedOffset::east_opt(7 * 3600).unwrap(),
        )
        .unwrap();
        let kept = snapshots::list(&kv);
        assert!(kept.len() <= MAX_SNAPSHOTS);
        assert!(
            snapshots::used_units(&kv) <= BUDGET_UNITS + 1_000,
            "index aside"
        );
        assert_eq!(kept[0].at, at, "the newest is kept");
    }
    let kept = snapshots::list(&kv).len();
    assert!(
        (5..=MAX_SNAPSHOTS).contains(&kept),
        "{kept} kept: recent hours and days"
    );
    let newest = &snapshots::list(&kv)[0];
    assert_eq!(snapshots::read(&kv, &newest.key).unwrap(), data);

    // The data needs the room: snapshots give it up, oldest first, and the save succeeds.
    let mut repo = Repository::new(kv);
    fill_to_quota(repo.kv_mut());
    let added = data.add_missing(generate(Scale::SMALL, 4, today(), now()));
    assert!(added > 0);
    let mut result = repo.save(&mut data);
    assert_eq!(result, Err(WriteError::Quota));
    while result == Err(WriteError::Quota) && snapshots::drop_oldest(repo.kv_mut()) {
        result = repo.save(&mut data);
    }
    assert_eq!(result.map(|_| ()), Ok(()));
    assert!(snapshots::list(repo.kv()).len() < kept);
    clear();
}
