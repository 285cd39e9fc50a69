//! The domain as a whole: sample data, JSON round-trip, validation messages, migration.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Days, NaiveDate, Utc};
use dondoc::domain::generate::{generate, Scale};
use dondoc::domain::sample::sample_dataset;
use dondoc::domain::*;
use dondoc::i18n::{load_error_message, problem_message, Lang};

fn now() -> DateTime<Utc> {
    "2026-11-23T03:00:00Z".parse().unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn sample() -> Dataset {
    sample_dataset(today(), now(), &mut SeededIds::new(1))
}

#[test]
fn the_sample_is_valid_and_complete() {
    let data = sample();
    assert_eq!(validate(&data), vec![], "the sample breaks no rule");
    assert_eq!(data.projects.len(), 6);
    // Two of this season's, one of early 2025 naming the abolished district, one naming a
    // district whose end the office has still to record.
    assert_eq!(data.conclusions.len(), 4);
    assert!(data.directives.len() >= 8);
    assert_eq!(data.meetings.len(), 2);
    assert!(data.progress_reports.len() >= 6);
}

#[test]
fn the_sample_shows_every_follow_up_state_and_deadline_kind_whatever_the_day() {
    let mut day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    while day < NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() {
        let data = sample_dataset(day, now(), &mut SeededIds::new(2));
        assert_eq!(validate(&data), vec![], "valid on {day}");
        let states: std::collections::BTreeSet<_> = data
            .directives
            .iter()
            .map(|d| d.state(day, DEFAULT_DUE_SOON_DAYS))
            .collect();
        for expected in [
            FollowUpState::DoneOnTime,
            FollowUpState::DoneLate,
            FollowUpState::OpenWithinTerm,
            FollowUpState::Overdue,
            FollowUpState::DueSoon,
            FollowUpState::NoDeadline,
            FollowUpState::Transferred,
        ] {
            assert!(states.contains(&expected), "{expected:?} missing on {day}");
        }
        let kinds: std::collections::BTreeSet<_> = data
            .directives
            .iter()
            .map(|d| {
                serde_json::to_value(&d.deadline).unwrap()["kind"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        for kind in [
            "none",
            "continuous",
            "before",
            "on",
            "month",
            "quarter",
            "half_year",
            "year",
        ] {
            assert!(
                kinds.contains(kind),
                "deadline kind {kind} missing on {day}"
            );
        }
        day = day + Days::new(13);
    }
}

#[test]
fn loading_the_sample_twice_adds_and_never_overwrites() {
    let mut data = sample();
    let before = data.clone();
    let second = sample_dataset(today(), now(), &mut SeededIds::new(99));
    let added = data.add_missing(second.clone());
    assert_eq!(
        added,
        RecordKind::ALL
            .iter()
            .map(|k| second.count(*k))
            .sum::<usize>()
    );
    for p in before.projects.iter() {
        assert_eq!(data.projects.get(&p.id), Some(p));
    }
    assert_eq!(
        data.add_missing(second),
        0,
        "adding the same records again adds nothing"
    );
}

#[test]
fn json_round_trip_keeps_everything() {
    for data in [sample(), generate(Scale::SMALL, 5, today(), now())] {
        let text = serde_json::to_string(&data).unwrap();
        let back = parse_dataset(&text).unwrap();
        assert_eq!(back.migrated_from, None);
        assert_eq!(back.dataset, data);
    }
}

#[test]
fn money_is_an_exact_integer_in_the_json() {
    let text = serde_json::to_string(&sample()).unwrap();
    assert!(
        text.contains("\"vnd\":1300000000000"),
        "1,300 billion VND as integer đồng"
    );
}

#[test]
fn validation_names_record_and_field_in_both_languages() {
    let mut data = sample();
    let mut report = data
        .progress_reports
        .iter()
        .find(|r| r.site_clearance.area_total_ha.is_some())
        .unwrap()
        .clone();
    report.site_clearance.area_handed_over_ha = Some(500.0);
    report.construction.volume_percent = Some(140.0);
    data.progress_reports.upsert(report);
    let mut project = data.projects.iter().next().unwrap().clone();
    project.planned_start = NaiveDate::from_ymd_opt(2040, 1, 1);
    project.investor = Some("no-such-unit".into());
    let label = project.display_name().to_owned();
    data.projects.upsert(project);

    let errors = validate(&data);
    let vi: Vec<String> = errors
        .iter()
        .map(|e| problem_message(e, Lang::Vi))
        .collect();
    let en: Vec<String> = errors
        .iter()
        .map(|e| problem_message(e, Lang::En))
        .collect();
    assert_eq!(errors.len(), 4, "{en:#?}");
    assert!(
        vi.iter()
            .any(|m| m.contains("diện tích đã bàn giao (ha) lớn hơn diện tích cần thu hồi (ha)")),
        "{vi:#?}"
    );
    assert!(
        en.iter()
            .any(|m| m.contains("construction volume (%) is 140%, must be between 0 and 100")),
        "{en:#?}"
    );
    assert!(
        en.iter().any(|m| m.contains(&format!(
            "Project “{label}”: planned start is after the planned finish"
        ))),
        "{en:#?}"
    );
    assert!(
        vi.iter()
            .any(|m| m
                .contains("chủ đầu tư trỏ tới đơn vị không có trong dữ liệu (mã no-such-unit)")),
        "{vi:#?}"
    );
}

#[test]
fn a_version_1_file_is_migrated() {
    let text = std::fs::read_to_string("tests/fixtures/v1-dataset.json").unwrap();
    let loaded = parse_dataset(&text).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    let data = loaded.dataset;
    assert_eq!(data.schema_version, SCHEMA_VERSION);
    assert_eq!(validate(&data), vec![]);
    let project = data.projects.get(&"p-1".into()).unwrap();
    assert_eq!(
        project.total_investment,
        Some(Amount {
            vnd: Vnd(981_250_000_000),
            qualifier: Some(Qualifier::Over)
        })
    );
    assert_eq!(data.directives.len(), 2);
    let d1 = data.directives.get(&"d-1".into()).unwrap();
    assert_eq!(d1.conclusion, "c-1".into());
    assert_eq!(d1.deadline.due(), NaiveDate::from_ymd_opt(2024, 5, 14));
    let updates = data.updates_of(&"d-1".into());
    assert_eq!(updates.len(), 1);
    assert_eq!(updates[0].text, "Đã thẩm định xong");
    assert_eq!(d1.state(today(), 7), FollowUpState::DoneOnTime);
}

#[test]
fn a_version_2_file_reads_as_it_is_and_says_it_was_older() {
    let text = r#"{"format":"dondoc","schema_version":2,"units":[
        {"id":"a","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","name":"A","kind":"other"}]}"#;
    let loaded = parse_dataset(text).unwrap();
    assert_eq!(loaded.migrated_from, Some(2));
    assert_eq!(loaded.dataset.schema_version, SCHEMA_VERSION);
    assert_eq!(loaded.dataset.units.len(), 1);
    assert_eq!(validate(&loaded.dataset), vec![]);
}

#[test]
fn unreadable_texts_get_clear_messages() {
    let err = parse_dataset("{\n  \"format\": \"dondoc\",\n  oops").unwrap_err();
    assert_eq!(err, LoadError::NotJson { line: 3, column: 3 });
    assert!(load_error_message(&err, Lang::Vi).contains("dòng 3, cột 3"));
    assert_eq!(parse_dataset("[1, 2]").unwrap_err(), LoadError::NotDondoc);
    assert_eq!(
        parse_dataset("{\"format\":\"other\"}").unwrap_err(),
        LoadError::NotDondoc
    );
    let newer = parse_dataset("{\"format\":\"dondoc\",\"schema_version\":99}").unwrap_err();
    assert_eq!(
        newer,
        LoadError::Newer {
            found: 99,
            supported: SCHEMA_VERSION
        }
    );
    assert!(load_error_message(&newer, Lang::En).contains("newer Dondoc (format 99)"));
    let bad =
        parse_dataset("{\"format\":\"dondoc\",\"schema_version\":2,\"projects\":[{\"id\":1}]}")
            .unwrap_err();
    assert!(matches!(bad, LoadError::Unreadable(_)), "{bad:?}");
    let dup = r#"{"format":"dondoc","schema_version":2,"units":[
        {"id":"a","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","name":"A","kind":"other"},
        {"id":"a","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","name":"B","kind":"other"}]}"#;
    let dup = parse_dataset(dup).unwrap_err();
    let said = load_error_message(&dup, Lang::Vi);
    assert!(
        said.starts_with("Tệp có dữ liệu không đọc được ở dòng 3: Đơn vị (mã «a»), trường «mã bản ghi (id)»: mã này bị trùng"),
        "{said}"
    );
    // A huge value is not repeated; the message stays short and names record, field, line.
    let huge = "9".repeat(1_000_000);
    let text = format!(
        r#"{{"format":"dondoc","schema_version":2,"units":[
        {{"id":"a","created_at":"{huge}","updated_at":"2024-01-01T00:00:00Z","name":"A","kind":"other"}}]}}"#
    );
    let said = load_error_message(&parse_dataset(&text).unwrap_err(), Lang::Vi);
    assert!(
        said.chars().count() <= 300,
        "{} characters",
        said.chars().count()
    );
    assert!(
        said.contains("dòng 2") && said.contains("Đơn vị thứ 1") && said.contains("«a»"),
        "{said}"
    );
    let english = load_error_message(&parse_dataset(&text).unwrap_err(), Lang::En);
    assert!(
        english.contains("line 2") && english.contains("Unit no. 1"),
        "{english}"
    );
    assert!(
        !said.contains("invalid") && !said.contains("expected"),
        "no parser English: {said}"
    );
}

#[test]
fn the_province_dataset_has_the_promised_size() {
    let data = generate(Scale::PROVINCE, 1, today(), now());
    assert_eq!(data.projects.len(), 300);
    assert_eq!(data.progress_reports.len(), 3_600);
    assert_eq!(data.meetings.len(), 600);
    assert_eq!(data.conclusions.len(), 600);
    assert_eq!(data.directives.len(), 6_000);
    assert_eq!(data.directive_updates.len(), 12_000);
    assert_eq!(validate(&data), vec![]);
}

#[test]
fn generated_data_holds_nothing_dated_after_the_day_it_is_generated_for() {
    use dondoc::domain::RecordedStatus;
    for scale in [Scale::SMALL, Scale::PROVINCE, Scale::LARGE] {
        let data = generate(scale, 2, today(), now());
        let mut dates: Vec<(&str, chrono::NaiveDate)> = Vec::new();
        dates.extend(data.progress_reports.iter().map(|r| ("report", r.as_of)));
        dates.extend(data.meetings.iter().map(|m| ("meeting", m.date)));
        dates.extend(data.conclusions.iter().map(|c| ("conclusion", c.date)));
        dates.extend(data.directive_updates.iter().map(|u| ("update", u.date)));
        dates.extend(
            data.obstacles
                .iter()
                .filter_map(|o| o.since.map(|d| ("obstacle", d))),
        );
        dates.extend(data.directives.iter().filter_map(|d| match d.status {
            RecordedStatus::Done { on } => Some(("done", on)),
            _ => None,
        }));
        let late: Vec<_> = dates.iter().filter(|(_, d)| *d > today()).collect();
        assert!(
            late.is_empty(),
            "{} dated after today, first {:?}",
            late.len(),
            late.first()
        );
        // An update comes after its conclusion was issued.
        for u in data.directive_updates.iter() {
            let d = data.directives.get(&u.directive).unwrap();
            assert!(u.date >= data.conclusions.get(&d.conclusion).unwrap().date);
        }
    }
}

#[test]
fn comparing_a_file_counts_new_identical_and_differing_records() {
    let mine = sample();
    let mut theirs = mine.clone();
    let mut project = theirs.projects.iter().next().unwrap().clone();
    project.location = "khác".into();
    theirs.projects.upsert(project);
    theirs.add_missing(generate(Scale::SMALL, 3, today(), now()));
    let summary = mine.compare(&theirs);
    let total: usize = RecordKind::ALL.iter().map(|k| theirs.count(*k)).sum();
    assert_eq!(summary.differing, 1);
    assert_eq!(summary.new + summary.identical + summary.differing, total);
    assert_eq!(
        mine.compare(&mine).identical,
        RecordKind::ALL
            .iter()
            .map(|k| mine.count(*k))
            .sum::<usize>()
    );
}
