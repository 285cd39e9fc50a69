//! Rotation: the recent hours, then a day each, at most ten, within the budget; a snapshot
//! never costs the data its room.

use proptest::prelude::*;

use super::*;
use crate::domain::sample::fixture::{now, sample};
use crate::storage::MemoryKv;

/// Vietnam's clock (UTC+7), where the sample's officers are.
fn vn() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap()
}

fn info(minutes_ago: i64, units: usize) -> SnapshotInfo {
    let at = now() - Duration::minutes(minutes_ago);
    SnapshotInfo {
        key: format!("{PREFIX}{}", at.timestamp_millis()),
        at,
        units,
        records: 1,
        parts: 1,
    }
}

#[test]
fn rotation_keeps_recent_hours_then_one_a_day_at_most_ten() {
    // One snapshot an hour for 20 days.
    let all: Vec<SnapshotInfo> = (0..20 * 24).map(|h| info(h * 60, 1_000)).collect();
    let kept = rotate(&all, now(), vn());
    assert_eq!(kept.len(), MAX_SNAPSHOTS);
    let kept: Vec<&SnapshotInfo> = all.iter().filter(|s| kept.contains(&s.key)).collect();
    let recent = kept
        .iter()
        .filter(|s| s.at >= now() - Duration::hours(RECENT_HOURS))
        .count();
    assert_eq!(recent, RECENT_KEPT);
    let mut days: Vec<_> = kept.iter().map(|s| local_day(s.at, vn())).collect();
    let older_days = days.split_off(RECENT_KEPT);
    let mut unique = older_days.clone();
    unique.dedup();
    assert_eq!(unique, older_days, "one a day beyond the recent hours");
}

#[test]
fn take_read_and_make_room() {
    let (data, _) = sample();
    let mut kv = MemoryKv::default();
    assert!(due(&kv, now()));
    let first = take(&mut kv, &data, now(), vn()).unwrap();
    assert_eq!(first.records, data.total_records());
    assert!(!due(&kv, now() + Duration::minutes(30)));
    assert!(due(&kv, now() + Duration::minutes(60)));
    take(&mut kv, &data, now() + Duration::minutes(61), vn()).unwrap();
    assert_eq!(list(&kv).len(), 2);
    assert_eq!(read(&kv, &first.key).unwrap(), data);
    assert!(drop_oldest(&mut kv));
    assert_eq!(list(&kv).len(), 1);
    assert!(read(&kv, &first.key).is_none());
    assert!(drop_oldest(&mut kv));
    assert!(!drop_oldest(&mut kv));
    assert_eq!(used_units(&kv), 0);
}

#[test]
fn a_snapshot_that_does_not_fit_leaves_storage_as_it_was() {
    let (data, _) = sample();
    let mut kv = MemoryKv::default();
    take(&mut kv, &data, now(), vn()).unwrap();
    let before = kv.map.clone();
    let used = kv.used_units();
    kv.quota_units = Some(used + 100);
    let result = take(&mut kv, &data, now() + Duration::minutes(90), vn());
    assert!(matches!(
        result,
        Err(SnapshotError::Write(WriteError::Quota))
    ));
    assert_eq!(list(&kv).len(), 1);
    assert_eq!(
        kv.map.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn rotation_stays_within_count_and_budget_and_keeps_the_newest(
        ages in prop::collection::vec((0i64..60 * 24 * 40, 1usize..BUDGET_UNITS / 3), 1..40)
    ) {
        let mut all: Vec<SnapshotInfo> = ages.iter().map(|(m, u)| info(*m, *u)).collect();
        all.sort_by_key(|s| std::cmp::Reverse(s.at));
        all.dedup_by(|a, b| a.key == b.key);
        let kept = rotate(&all, now(), vn());
        prop_assert!(kept.len() <= MAX_SNAPSHOTS);
        let units: usize = all.iter().filter(|s| kept.contains(&s.key)).map(|s| s.units).sum();
        prop_assert!(units <= BUDGET_UNITS);
        prop_assert_eq!(kept.first(), Some(&all[0].key), "the newest is always kept");
        // Keeping is stable: rotating what was kept keeps all of it.
        let again: Vec<SnapshotInfo> = all.iter().filter(|s| kept.contains(&s.key)).cloned().collect();
        prop_assert_eq!(rotate(&again, now(), vn()), kept);
    }
}

#[test]
fn hourly_snapshots_keep_the_recent_hours_and_the_last_of_each_earlier_day() {
    let (data, _) = sample();
    let mut kv = MemoryKv::default();
    for h in 0..72 {
        take(&mut kv, &data, now() + Duration::hours(h), vn()).unwrap();
    }
    let kept = list(&kv);
    let last = now() + Duration::hours(71);
    let recent = kept
        .iter()
        .filter(|s| last - s.at < Duration::hours(RECENT_HOURS))
        .count();
    assert_eq!(recent, RECENT_KEPT);
    let older: Vec<NaiveDate> = kept
        .iter()
        .skip(recent)
        .map(|s| local_day(s.at, vn()))
        .collect();
    assert_eq!(older.len(), 3, "the three earlier days: {kept:?}");
    assert!(kept
        .iter()
        .skip(recent)
        .all(|s| s.at.with_timezone(&vn()).format("%H").to_string() == "23"));
}

#[test]
fn a_snapshot_taken_in_steps_reads_back_as_the_data_it_was_taken_of() {
    use crate::domain::generate::{generate, Scale};
    let (sample, _) = sample();
    let province = generate(Scale::PROVINCE, 4, sample_today(), now());
    for data in [Dataset::default(), sample, province] {
        let mut job = Job::new(now(), vn());
        let mut steps = 1;
        while !job.step(&data) {
            steps += 1;
        }
        let mut kv = MemoryKv::default();
        let info = job.store(&mut kv, &data).unwrap();
        assert_eq!(info.records, data.total_records());
        let back = read(&kv, &info.key).expect("the snapshot reads back");
        assert_eq!(
            serde_json::to_string(&back).unwrap(),
            serde_json::to_string(&data).unwrap()
        );
        // The province's text (some 11 MB) is written out a part per step.
        if data.total_records() > 10_000 {
            assert!(steps > 20, "{steps} steps");
        }
    }
}

fn sample_today() -> NaiveDate {
    now().date_naive()
}

#[test]
fn a_large_snapshot_is_stored_a_part_per_step_and_reads_back_whole() {
    use crate::domain::generate::{generate, Scale};
    let data = generate(Scale::PROVINCE, 4, sample_today(), now());
    let mut kv = MemoryKv::default();
    let mut job = Job::new(now(), vn());
    while !job.step(&data) {}
    let mut steps = 0;
    let info = loop {
        let before = kv.map.len();
        steps += 1;
        match job.store_step(&mut kv) {
            None => assert!(kv.map.len() <= before + 1, "one part per step"),
            Some(result) => break result.unwrap(),
        }
    };
    assert!(info.parts > 1, "{} parts", info.parts);
    assert_eq!(
        steps,
        info.parts + 3,
        "finish, rotate, the parts, the index"
    );
    assert_eq!(
        used_units(&kv),
        info.units + utf16_len(INDEX) + utf16_len(&kv.map[INDEX])
    );
    assert_eq!(read(&kv, &info.key).unwrap(), data);
    // A part missing: the snapshot is not read as something else.
    let mut damaged = kv.clone();
    damaged.map.remove(&format!("{}.1", info.key));
    assert!(read(&damaged, &info.key).is_none());
    // Giving the room back removes every part.
    assert!(drop_oldest(&mut kv));
    assert!(kv.map.is_empty(), "{:?}", kv.map.keys().collect::<Vec<_>>());
}

#[test]
fn parts_left_by_a_snapshot_never_finished_go_once_they_are_an_hour_old() {
    let (data, _) = sample();
    let mut kv = MemoryKv::default();
    let old = format!(
        "{PREFIX}{}",
        (now() - Duration::hours(2)).timestamp_millis()
    );
    let recent = format!(
        "{PREFIX}{}",
        (now() - Duration::minutes(5)).timestamp_millis()
    );
    for key in [&old, &format!("{old}.1"), &recent, &format!("{recent}.1")] {
        kv.map.insert(key.clone(), "dz1:…".into());
    }
    take(&mut kv, &data, now(), vn()).unwrap();
    assert!(!kv.map.contains_key(&old) && !kv.map.contains_key(&format!("{old}.1")));
    // Maybe another tab's, being stored right now.
    assert!(kv.map.contains_key(&recent) && kv.map.contains_key(&format!("{recent}.1")));
    assert_eq!(list(&kv).len(), 1);
}

#[test]
fn an_index_written_before_parts_existed_still_reads() {
    let (data, _) = sample();
    let mut kv = MemoryKv::default();
    let info = take(&mut kv, &data, now(), vn()).unwrap();
    assert_eq!(info.parts, 1);
    assert!(!kv.map[INDEX].contains("parts"), "one part is not written");
    assert_eq!(list(&kv)[0], info);
    assert_eq!(read(&kv, &info.key).unwrap(), data);
}
