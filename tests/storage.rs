//! Storage layout against an in-memory store with Chromium's quota rule.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate, Utc};
use dondoc::domain::generate::{generate, Scale};
use dondoc::domain::sample::sample_dataset;
use dondoc::domain::*;
use dondoc::storage::repo::{AsideReason, MANIFEST_KEY};
use dondoc::storage::{
    KeyValue, LoadOutcome, MemoryKv, Repository, SharedKv, WriteError, QUOTA_UNITS,
};

fn now() -> DateTime<Utc> {
    "2026-11-23T03:00:00Z".parse().unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn loaded<K: KeyValue>(repo: &mut Repository<K>) -> Dataset {
    match repo.load("t") {
        LoadOutcome::Loaded { dataset, .. } => *dataset,
        other => panic!("expected data, got {other:?}"),
    }
}

#[test]
fn an_empty_store_loads_empty() {
    let mut repo = Repository::new(MemoryKv::default());
    assert!(matches!(repo.load("t"), LoadOutcome::Empty));
}

#[test]
fn save_and_load_round_trip() {
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let mut repo = Repository::new(MemoryKv::default());
    repo.save(&mut data).unwrap();
    let kv = repo.kv().clone();
    let mut fresh = Repository::new(kv);
    assert_eq!(loaded(&mut fresh), data);
}

#[test]
fn one_edit_rewrites_one_shard() {
    let mut data = generate(Scale::PROVINCE, 3, today(), now());
    let mut repo = Repository::new(MemoryKv::default());
    let first = repo.save(&mut data).unwrap();
    assert!(first.shards_written > 50);

    let mut update = data.directive_updates.iter().next().unwrap().clone();
    update.text = "Đơn vị báo cáo qua điện thoại: đã xong.".into();
    data.directive_updates.upsert(update);
    let second = repo.save(&mut data).unwrap();
    assert_eq!(second.shards_written, 1);
    assert!(
        second.units_written * 20 < first.units_written,
        "{second:?} vs {first:?}"
    );

    assert_eq!(
        repo.save(&mut data).unwrap().shards_written,
        0,
        "nothing changed, nothing written"
    );
    let mut fresh = Repository::new(repo.kv().clone());
    assert_eq!(loaded(&mut fresh), data);
}

#[test]
fn province_data_fits_in_half_the_quota_and_large_data_fits() {
    let mut province = generate(Scale::PROVINCE, 3, today(), now());
    let mut repo = Repository::new(MemoryKv::with_quota(QUOTA_UNITS));
    repo.save(&mut province).unwrap();
    let used = repo.kv().used_units();
    println!("province dataset: {used} UTF-16 units in storage");
    assert!(used * 2 < QUOTA_UNITS, "province uses {used} units");

    let mut large = generate(Scale::LARGE, 3, today(), now());
    let mut repo = Repository::new(MemoryKv::with_quota(QUOTA_UNITS));
    repo.save(&mut large).unwrap();
    println!(
        "large dataset: {} UTF-16 units in storage",
        repo.kv().used_units()
    );
}

#[test]
fn a_write_past_the_quota_changes_nothing_stored_and_is_retried() {
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let mut repo = Repository::new(MemoryKv::default());
    repo.save(&mut data).unwrap();
    let before = repo.kv().map.clone();
    let used = repo.kv().used_units();

    // Quota just above what is stored: a large addition cannot fit.
    repo.kv_mut().quota_units = Some(used + 200);
    let extra = generate(Scale::SMALL, 9, today(), now());
    data.add_missing(extra);
    assert_eq!(repo.save(&mut data), Err(WriteError::Quota));
    assert_eq!(repo.kv().map, before, "storage is exactly as it was");

    // When room is made, the same changes are written by the next save.
    repo.kv_mut().quota_units = None;
    repo.save(&mut data).unwrap();
    let mut fresh = Repository::new(repo.kv().clone());
    assert_eq!(loaded(&mut fresh), data);
}

#[test]
fn a_damaged_value_is_set_aside_not_overwritten() {
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let mut repo = Repository::new(MemoryKv::default());
    repo.save(&mut data).unwrap();
    let mut kv = repo.kv().clone();
    let victim = kv
        .keys()
        .into_iter()
        .find(|k| k.starts_with("dondoc.d.directives."))
        .unwrap();
    let mut damaged = kv.get(&victim).unwrap();
    let half = damaged
        .char_indices()
        .nth(damaged.chars().count() / 2)
        .unwrap()
        .0;
    damaged.truncate(half);
    kv.set(&victim, &damaged).unwrap();
    let originals: Vec<(String, String)> = kv.map.clone().into_iter().collect();

    let mut repo = Repository::new(kv);
    match repo.load("20261123T0300") {
        LoadOutcome::SetAside(aside) => {
            assert!(matches!(aside.reason, AsideReason::Unreadable(_)));
            assert_eq!(aside.keys, originals.len());
        }
        other => panic!("{other:?}"),
    }
    for (key, value) in &originals {
        let moved = format!("dondoc.aside.20261123T0300.{}", &key["dondoc.d.".len()..]);
        assert_eq!(
            repo.kv().get(&moved).as_ref(),
            Some(value),
            "{key} kept byte for byte"
        );
    }
    let export = repo.aside_export().unwrap();
    assert!(
        export.contains("Nậm Rốm"),
        "readable parts are decoded in the download"
    );

    // The app goes on with new data; the aside copy is never touched.
    let mut fresh = Dataset::default();
    fresh.add_missing(sample_dataset(today(), now(), &mut SeededIds::new(2)));
    repo.save(&mut fresh).unwrap();
    for (key, value) in &originals {
        let moved = format!("dondoc.aside.20261123T0300.{}", &key["dondoc.d.".len()..]);
        assert_eq!(repo.kv().get(&moved).as_ref(), Some(value));
    }
}

#[test]
fn data_that_could_not_be_moved_aside_for_lack_of_room_is_neither_overwritten_nor_blocking() {
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let mut repo = Repository::new(MemoryKv::default());
    repo.save(&mut data).unwrap();
    let mut kv = repo.kv().clone();
    kv.set(MANIFEST_KEY, "{damaged").unwrap();
    let originals: Vec<(String, String)> = kv.map.clone().into_iter().collect();
    // Full: an aside copy's longer name does not fit, so every part stays where it is.
    kv.quota_units = Some(kv.used_units());
    let mut repo = Repository::new(kv);
    assert!(matches!(repo.load("20261123T0300"), LoadOutcome::SetAside(a) if a.keys == 0));
    repo.kv_mut().quota_units = None;

    let mut fresh = Dataset::default();
    fresh.add_missing(sample_dataset(today(), now(), &mut SeededIds::new(2)));
    repo.save(&mut fresh)
        .expect("the page's own unreadable manifest does not block it");
    for (key, value) in originals.iter().filter(|(k, _)| k != MANIFEST_KEY) {
        assert_eq!(
            repo.kv().get(key).as_ref(),
            Some(value),
            "{key} not overwritten"
        );
    }
    assert_eq!(loaded(&mut Repository::new(repo.kv().clone())), fresh);
}

#[test]
fn data_from_a_newer_version_is_set_aside_with_the_versions_named() {
    let mut kv = MemoryKv::default();
    let newer = SCHEMA_VERSION + 1;
    kv.set(
        "dondoc.d.manifest",
        &format!(
            r#"{{"format":"dondoc-storage","schema_version":{newer},"generation":1,"shards":{{}}}}"#
        ),
    )
    .unwrap();
    let mut repo = Repository::new(kv);
    match repo.load("s") {
        LoadOutcome::SetAside(aside) => {
            assert_eq!(
                aside.reason,
                AsideReason::Newer {
                    found: newer,
                    supported: SCHEMA_VERSION
                }
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(repo.kv().get("dondoc.aside.s.manifest").is_some());
}

#[test]
fn stored_data_of_version_1_is_migrated_on_load_and_rewritten() {
    // A synthetic version-1 store: one shard per collection, conclusions with nested directives.
    let fixture: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/fixtures/v1-dataset.json").unwrap())
            .unwrap();
    let mut kv = MemoryKv::default();
    let mut shards = serde_json::Map::new();
    for collection in ["units", "projects", "conclusions"] {
        let json = serde_json::to_string(&fixture[collection]).unwrap();
        kv.set(
            &format!("dondoc.d.{collection}.0.1"),
            &dondoc::storage::codec::encode(&json),
        )
        .unwrap();
        shards.insert(collection.into(), serde_json::json!([1]));
    }
    let manifest = serde_json::json!({"format": "dondoc-storage", "schema_version": 1, "generation": 1, "shards": shards});
    kv.set("dondoc.d.manifest", &manifest.to_string()).unwrap();

    let mut repo = Repository::new(kv);
    let mut data = match repo.load("m") {
        LoadOutcome::Loaded {
            dataset,
            migrated_from,
        } => {
            assert_eq!(migrated_from, Some(1));
            *dataset
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(data.directives.len(), 2);
    assert_eq!(data.directive_updates.len(), 1);
    assert!(
        repo.save(&mut data).unwrap().shards_written >= 4,
        "migrated data is rewritten in the new layout"
    );
    let mut fresh = Repository::new(repo.kv().clone());
    assert_eq!(loaded(&mut fresh), data);
    assert!(
        repo.kv().get("dondoc.d.conclusions.0.1").is_none(),
        "old parts removed"
    );
}

#[test]
fn leftovers_of_an_interrupted_save_are_cleaned_up_once_the_generation_passes_them() {
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let mut repo = Repository::new(MemoryKv::default());
    repo.save(&mut data).unwrap();
    let mut kv = repo.kv().clone();
    // A save of generation 2 stopped after writing this part, before its manifest.
    kv.set("dondoc.d.projects.0.2", "dz1:garbage").unwrap();
    let mut repo = Repository::new(kv);
    assert_eq!(loaded(&mut repo), data);
    assert!(
        repo.kv().get("dondoc.d.projects.0.2").is_some(),
        "it may be another tab writing now: kept"
    );
    let mut d = data.directives.iter().next().unwrap().clone();
    d.text = "Sửa".into();
    data.directives.upsert(d);
    repo.save(&mut data).unwrap();
    let mut fresh = Repository::new(repo.kv().clone());
    assert_eq!(loaded(&mut fresh), data);
    assert!(fresh.kv().get("dondoc.d.projects.0.2").is_none());
}

fn edit_directive(data: &mut Dataset, n: usize, text: &str) -> DirectiveId {
    let mut d = data.directives.iter().nth(n).unwrap().clone();
    d.text = text.to_owned();
    d.updated_at = now() + chrono::Duration::minutes(n as i64 + 1);
    let id = d.id.clone();
    data.directives.upsert(d);
    id
}

#[test]
fn two_tabs_saving_different_records_lose_nothing_and_never_break_storage() {
    let kv = SharedKv::default();
    let mut first = Repository::new(kv.clone());
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    first.save(&mut data).unwrap();

    let (mut tab_a, mut tab_b) = (Repository::new(kv.clone()), Repository::new(kv.clone()));
    let (LoadOutcome::Loaded { dataset: a, .. }, LoadOutcome::Loaded { dataset: b, .. }) =
        (tab_a.load("a"), tab_b.load("b"))
    else {
        panic!("both tabs load the data");
    };
    let (mut a, mut b) = (*a, *b);
    assert!(tab_a.changed_elsewhere().is_none(), "nothing changed yet");

    let in_b = edit_directive(&mut b, 1, "B đã lưu");
    tab_b.save(&mut b).unwrap();
    let in_a = edit_directive(&mut a, 2, "A chưa lưu");
    // Before saving, tab A finds B's commit and builds on it.
    let stored = tab_a.changed_elsewhere().expect("B's save is seen");
    let rebased = stored.rebase(&mut a, &Changes::new());
    assert!(rebased.conflicts.is_empty());
    tab_a.save(&mut a).unwrap();

    let mut fresh = Repository::new(kv.clone());
    let stored = loaded(&mut fresh);
    assert_eq!(stored.directives.get(&in_b).unwrap().text, "B đã lưu");
    assert_eq!(stored.directives.get(&in_a).unwrap().text, "A chưa lưu");
    assert_eq!(stored, a);
    // And B, told in turn, takes A's change.
    let stored = tab_b.changed_elsewhere().expect("A's save is seen");
    assert_eq!(stored.rebase(&mut b, &Changes::new()).taken, 1);
    assert_eq!(b, a);
}

#[test]
fn a_tab_opening_while_another_saves_leaves_its_parts_alone_and_then_takes_its_save() {
    // Another process's writes reach a tab in order, parts first and the manifest last: a
    // tab opening in between sees the parts without a manifest (found by the e2e test).
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let mut writer = Repository::new(MemoryKv::default());
    writer.save(&mut data).unwrap();
    let kv = SharedKv::default();
    let mut shared = kv.clone();
    for key in writer.kv().keys().iter().filter(|k| *k != MANIFEST_KEY) {
        shared.set(key, &writer.kv().get(key).unwrap()).unwrap();
    }
    let mut opening = Repository::new(kv.clone());
    assert!(matches!(opening.load("b"), LoadOutcome::Empty));
    assert!(opening.changed_elsewhere().is_none());
    shared
        .set(MANIFEST_KEY, &writer.kv().get(MANIFEST_KEY).unwrap())
        .unwrap();
    assert_eq!(
        opening.changed_elsewhere().map(|c| c.records),
        Some(data.clone())
    );
    assert_eq!(loaded(&mut Repository::new(kv)), data);
}

#[test]
fn a_tab_never_saves_over_data_it_could_not_read_and_writes_everything_again_when_erased() {
    let kv = SharedKv::default();
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let mut tab = Repository::new(kv.clone());
    tab.save(&mut data).unwrap();
    // A newer version of the app saves in a form this one does not read.
    let mut shared = kv.clone();
    let newer = kv
        .get(MANIFEST_KEY)
        .unwrap()
        .replace("\"schema_version\":", "\"schema_version\":99,\"was\":");
    shared.set(MANIFEST_KEY, &newer).unwrap();
    let before: Vec<(String, Option<String>)> = kv
        .keys()
        .into_iter()
        .map(|k| (k.clone(), kv.get(&k)))
        .collect();
    assert!(tab.changed_elsewhere().is_none(), "it cannot take it in");
    edit_directive(&mut data, 1, "Sửa trong thẻ cũ");
    assert_eq!(tab.save(&mut data), Err(WriteError::ChangedElsewhere));
    let after: Vec<(String, Option<String>)> = kv
        .keys()
        .into_iter()
        .map(|k| (k.clone(), kv.get(&k)))
        .collect();
    assert_eq!(before, after, "nothing stored changed");

    // Everything erased elsewhere: the tab's data is written in full again.
    for key in kv.keys() {
        shared.remove(&key);
    }
    tab.save(&mut data).unwrap();
    assert_eq!(loaded(&mut Repository::new(kv)), data);
}

#[test]
fn an_edit_whose_save_failed_survives_another_tabs_save_without_a_false_conflict() {
    let kv = SharedKv::default();
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    Repository::new(kv.clone()).save(&mut data).unwrap();
    let (mut tab_a, mut tab_b) = (Repository::new(kv.clone()), Repository::new(kv.clone()));
    let mut a = loaded(&mut tab_a);
    let mut b = loaded(&mut tab_b);

    let in_a = edit_directive(&mut a, 2, "A: lưu bị lỗi vì đầy bộ nhớ");
    let used = kv.used_units();
    kv.set_quota(Some(used + 10));
    assert_eq!(tab_a.save(&mut a), Err(WriteError::Quota));
    kv.set_quota(None);

    let in_b = edit_directive(&mut b, 1, "B: đã lưu");
    tab_b.save(&mut b).unwrap();
    let stored = tab_a.changed_elsewhere().expect("B's save is seen");
    let rebased = stored.rebase(&mut a, &Changes::new());
    assert!(rebased.conflicts.is_empty(), "only B changed what it saved");
    tab_a.save(&mut a).unwrap();
    let stored = loaded(&mut Repository::new(kv.clone()));
    assert_eq!(
        stored.directives.get(&in_a).unwrap().text,
        "A: lưu bị lỗi vì đầy bộ nhớ"
    );
    assert_eq!(stored.directives.get(&in_b).unwrap().text, "B: đã lưu");
}

/// A tab's view of the shared store that counts what it reads.
struct Counting {
    kv: SharedKv,
    reads: std::cell::Cell<usize>,
}

impl KeyValue for Counting {
    fn get(&self, key: &str) -> Option<String> {
        self.reads.set(self.reads.get() + 1);
        self.kv.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        self.kv.set(key, value)
    }
    fn remove(&mut self, key: &str) {
        self.kv.remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.kv.keys()
    }
}

#[test]
fn a_tab_takes_in_another_tabs_commit_by_reading_only_the_parts_it_rewrote() {
    let kv = SharedKv::default();
    let mut data = generate(Scale::PROVINCE, 3, today(), now());
    Repository::new(kv.clone()).save(&mut data).unwrap();
    let mut tab_a = Repository::new(Counting {
        kv: kv.clone(),
        reads: Default::default(),
    });
    let mut tab_b = Repository::new(kv.clone());
    let mut a = loaded(&mut tab_a);
    let mut b = loaded(&mut tab_b);
    let whole_read = tab_a.kv().reads.get();

    // A holds an unsaved edit; B edits another directive, removes an update and saves.
    let in_a = edit_directive(&mut a, 2, "A: chưa lưu");
    let in_b = edit_directive(&mut b, 7, "B: đã lưu");
    let gone = b.directive_updates.iter().next().unwrap().id.clone();
    b.directive_updates.remove(&gone);
    tab_b.save(&mut b).unwrap();

    let mut everything = a.clone();
    let expected = everything.rebase(loaded(&mut Repository::new(kv.clone())), &Changes::new());
    tab_a.kv().reads.set(0);
    let commit = tab_a.changed_elsewhere().expect("B's save is seen");
    let reads = tab_a.kv().reads.get();
    // The manifest and the two parts B rewrote, not the whole store.
    assert_eq!(reads, 3, "read {reads} keys of {whole_read}");
    assert_eq!(commit.rebase(&mut a, &Changes::new()), expected);
    assert_eq!(a, everything);
    assert_eq!(a.directives.get(&in_b).unwrap().text, "B: đã lưu");
    assert_eq!(a.directives.get(&in_a).unwrap().text, "A: chưa lưu");
    assert!(a.directive_updates.get(&gone).is_none());
    // A's save builds on B's commit: a fresh tab reads both.
    tab_a.save(&mut a).unwrap();
    assert_eq!(loaded(&mut Repository::new(kv)), a);
}
