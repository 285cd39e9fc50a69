//! A district abolished on 01/07/2025 with its work handed to two communes: the boundary
//! days, what is handed over, counts before and after, a chain of mergers, joining two
//! records of one unit, and reading a colleague's file that still uses the old records.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::domain::followup::conclusion::RecordedStatus;
use crate::domain::followup::report_counts::ReportScope;
use crate::domain::followup::state::FollowUpState;
use crate::domain::sample::fixture::{conclusion, directive, now};
use crate::domain::units::handover::{Inherited, Role};
use crate::domain::units::org::UnitKind;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The effective day of the 2025 reorganisation.
fn end() -> NaiveDate {
    day(2025, 7, 1)
}

const OPEN: RecordedStatus = RecordedStatus::InProgress {};

fn unit(id: &str, name: &str, kind: UnitKind) -> Unit {
    Unit {
        name: name.into(),
        kind,
        ..Unit::blank(id.into(), DateTime::<Utc>::MIN_UTC)
    }
}

/// District "h" with directives due the day before, on and after the end; one done before
/// it, one cancelled before it, one done after it; coordinating on "c".
fn district() -> Dataset {
    let mut data = Dataset::default();
    data.units
        .upsert(unit("h", "UBND huyện Điện Biên", UnitKind::District));
    data.units
        .upsert(unit("x1", "UBND xã Mường Phăng", UnitKind::Commune));
    data.units
        .upsert(unit("x2", "UBND xã Thanh Nưa", UnitKind::Commune));
    data.units
        .upsert(unit("s", "Sở Xây dựng", UnitKind::Department));
    data.conclusions.upsert(conclusion("k", day(2025, 3, 1)));
    let due = |id, path, date: NaiveDate, status| directive(id, "k", path, "h", Some(date), status);
    data.directives
        .upsert(due("before", "1", day(2025, 6, 30), OPEN));
    data.directives.upsert(due("on", "2", end(), OPEN));
    data.directives
        .upsert(due("after", "3", day(2025, 7, 2), OPEN));
    data.directives.upsert(due(
        "done",
        "4",
        day(2025, 6, 20),
        RecordedStatus::Done {
            on: day(2025, 6, 30),
        },
    ));
    data.directives.upsert(due(
        "cancelled",
        "5",
        day(2025, 6, 20),
        RecordedStatus::Cancelled {
            on: day(2025, 5, 1),
            note: String::new(),
        },
    ));
    data.directives.upsert(due(
        "late",
        "6",
        day(2025, 6, 10),
        RecordedStatus::Done {
            on: day(2025, 7, 15),
        },
    ));
    let mut c = directive("coord", "k", "7", "s", Some(day(2025, 9, 30)), OPEN);
    c.coordinating_units = vec!["h".into()];
    data.directives.upsert(c);
    data
}

fn ids(list: &[(&Directive, Role)]) -> Vec<(String, Role)> {
    list.iter().map(|(d, r)| (d.id.to_string(), *r)).collect()
}

fn abolition(data: &Dataset) -> Succession {
    let mut s = Succession::new("h".into(), EndKind::Abolished);
    s.on = Some(end());
    s.successors = vec!["x1".into(), "x2".into()];
    s.all_to(data, &"x1".into());
    s
}

fn recorded(mut data: Dataset, s: &Succession) -> Dataset {
    let r = s.record(&data, now()).expect("recorded");
    data.units.upsert(r.unit);
    r.directives
        .into_iter()
        .for_each(|d| data.directives.upsert(d));
    data
}

#[test]
fn what_is_handed_over_at_the_boundary_days() {
    let data = district();
    let list = data.work_to_hand_over(&"h".into(), end());
    assert_eq!(
        ids(&list),
        vec![
            ("before".into(), Role::Lead),
            ("on".into(), Role::Lead),
            ("after".into(), Role::Lead),
            // Done on or after the end: the successor's to answer for.
            ("late".into(), Role::Lead),
            ("coord".into(), Role::Coordinating),
        ],
        "done the day before the end and cancelled before it stay with the district"
    );
}

#[test]
fn nothing_is_handed_over_without_a_taker_for_every_directive() {
    let data = district();
    let mut s = Succession::new("h".into(), EndKind::Abolished);
    assert_eq!(s.problems(&data)[0].field.name(), "ended_on");
    s.on = Some(end());
    let fields: Vec<_> = s.problems(&data).iter().map(|p| p.field.name()).collect();
    assert!(fields.contains(&"successors") && fields.contains(&"taker"));
    s.successors = vec!["x1".into(), "x2".into()];
    s.takers.insert(
        "on".into(),
        Taker {
            to: Some("x2".into()),
            also: vec![],
        },
    );
    let open: Vec<_> = s
        .problems(&data)
        .into_iter()
        .map(|p| p.directive.map(|d| d.to_string()))
        .collect();
    assert_eq!(
        open.len(),
        4,
        "{open:?}: one per directive still without a taker"
    );
    assert!(s.record(&data, now()).is_err());
    // A unit outside the successors, itself, a merger into two: refused.
    s.takers.get_mut(&DirectiveId::from("on")).unwrap().to = Some("s".into());
    assert!(s
        .problems(&data)
        .iter()
        .any(|p| p.problem == Problem::NotASuccessor));
    s.successors.push("h".into());
    assert!(s
        .problems(&data)
        .iter()
        .any(|p| p.problem == Problem::SuccessorIsItself));
    let mut m = abolition(&data);
    m.kind = EndKind::Merged;
    assert!(m
        .problems(&data)
        .iter()
        .any(|p| p.problem == Problem::OneSuccessorForMerger));
}

#[test]
fn the_lead_passes_on_the_end_day_and_the_history_says_so() {
    let data = district();
    let mut s = abolition(&data);
    s.takers.insert(
        "after".into(),
        Taker {
            to: Some("x2".into()),
            also: vec!["x1".into()],
        },
    );
    let data = recorded(data, &s);
    let h = data.units.get(&"h".into()).unwrap();
    assert!(h.exists_on(day(2025, 6, 30)) && !h.exists_on(end()));
    let d = |id: &str| data.directives.get(&id.into()).unwrap();
    assert_eq!(d("before").lead_on(day(2025, 6, 30)), Some(&"h".into()));
    assert_eq!(d("before").lead_on(end()), Some(&"x1".into()));
    assert_eq!(
        d("before").lead_unit,
        Some("h".into()),
        "the conclusion's own lead unit stays as written"
    );
    assert_eq!(d("after").lead_on(end()), Some(&"x2".into()));
    assert_eq!(d("after").coordinating_on(end()), vec![&UnitId::from("x1")]);
    assert_eq!(d("coord").coordinating_on(end()), vec![&UnitId::from("x1")]);
    assert_eq!(
        d("coord").coordinating_on(day(2025, 6, 30)),
        vec![&UnitId::from("h")]
    );
    assert_eq!(
        d("before").lead_history(),
        vec![(None, &"h".into()), (Some(end()), &"x1".into())]
    );
    assert!(d("done").handovers.is_empty() && d("cancelled").handovers.is_empty());
    assert!(d("done").lead_history().is_empty());
    assert_eq!(
        d("before").inherited_at(day(2026, 1, 1)),
        Some(Inherited {
            from: &"h".into(),
            on: end()
        })
    );
    assert_eq!(d("before").inherited_at(day(2025, 6, 1)), None);
    // Recording it again is refused: the district has ended.
    assert!(abolition(&data)
        .problems(&data)
        .iter()
        .any(|p| p.problem == Problem::AlreadyEnded));
}

#[test]
fn counts_stay_with_the_district_before_the_end_and_follow_the_work_after() {
    let data = recorded(district(), &abolition(&district()));
    let count = |on: NaiveDate| {
        let mut by: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
        for c in data.unit_counts(on, 7) {
            by.insert(c.unit.id.to_string(), (c.lead, c.overdue));
        }
        by
    };
    let before = count(day(2025, 6, 30));
    // "before", "on", "after", "done", "cancelled", "late": all the district's until its end.
    assert_eq!(before["h"], (6, 0));
    assert_eq!(before["x1"], (0, 0));
    let after = count(day(2025, 12, 31));
    // Done (30/6) and cancelled (1/5) before the end stay the district's.
    assert_eq!(after["h"].0, 2);
    assert_eq!(
        after["x1"],
        (4, 3),
        "inherited: before, on, late (done late) and after"
    );
    // The follow-up report of a period before the end counts the district; after, the commune.
    let scope = ReportScope::Everything;
    let first_half = data.follow_up_report(&scope, day(2025, 1, 1), day(2025, 6, 30), 7);
    let mut units: Vec<_> = first_half
        .by_unit
        .iter()
        .map(|l| l.unit.to_string())
        .collect();
    units.sort();
    assert_eq!(units, vec!["h", "s"]);
    let h = &first_half
        .by_unit
        .iter()
        .find(|l| l.unit.as_str() == "h")
        .unwrap()
        .counts;
    // Due 10/06 and done only on 15/07: it was the district's failure on 30/06.
    assert_eq!((h.done_late, h.overdue, h.within_term), (1, 1, 3));
    let second_half = data.follow_up_report(&scope, end(), day(2025, 12, 31), 7);
    let line = |id: &str| second_half.by_unit.iter().find(|l| l.unit.as_str() == id);
    assert!(
        line("h").is_none(),
        "nothing of the district's closed in the second half"
    );
    let x1 = line("x1").expect("the commune counted for what it inherited");
    assert_eq!(x1.counts.followed, 4);
    // The overview and the letters follow the lead as of their date.
    let overview = data.follow_up_overview(day(2025, 12, 31), 7);
    let tally = |id: &str| {
        overview
            .by_unit
            .iter()
            .find(|(u, _)| u.as_str() == id)
            .map(|(_, t)| *t)
    };
    assert_eq!(
        tally("h").map(|t| t.overdue),
        Some(0),
        "only what it closed itself"
    );
    assert_eq!(tally("x1").map(|t| t.overdue), Some(3));
    // A unit's page lists what the counts count.
    for on in [day(2025, 6, 30), day(2025, 12, 31)] {
        for c in data.unit_counts(on, 7) {
            let (led, coordinated) = data.owed_by(&c.unit.id, on);
            assert_eq!((led.len(), coordinated.len()), (c.lead, c.coordinating));
        }
    }
    let (x1_led, _) = data.owed_by(&"x1".into(), day(2025, 12, 31));
    assert!(x1_led
        .iter()
        .all(|d| d.inherited_at(day(2025, 12, 31)).is_some()));
    let owed =
        crate::domain::documents::document::letter_owed(&data, &"x1".into(), day(2025, 12, 31), 7);
    assert_eq!(owed.len(), 3, "the three still open, all overdue");
    let states: Vec<_> = owed.iter().map(|d| d.state(day(2025, 12, 31), 7)).collect();
    assert!(states.iter().all(|s| *s == FollowUpState::Overdue));
}

#[test]
fn a_chain_of_mergers_passes_the_work_along() {
    // District h into commune x1 on 01/07/2025, then x1 into x2 on 01/01/2026.
    let data = district();
    let data = recorded(data.clone(), &abolition(&data));
    let mut next = Succession::new("x1".into(), EndKind::Merged);
    next.on = Some(day(2026, 1, 1));
    next.successors = vec!["x2".into()];
    next.all_to(&data, &"x2".into());
    let handed = data.work_to_hand_over(&"x1".into(), day(2026, 1, 1));
    assert_eq!(
        handed.len(),
        4,
        "what x1 inherited and had not closed: {:?}",
        ids(&handed)
    );
    let data = recorded(data, &next);
    let d = data.directives.get(&"before".into()).unwrap();
    assert_eq!(d.lead_on(day(2025, 6, 30)), Some(&"h".into()));
    assert_eq!(d.lead_on(day(2025, 12, 31)), Some(&"x1".into()));
    assert_eq!(d.lead_on(day(2026, 1, 1)), Some(&"x2".into()));
    assert_eq!(d.lead_history().len(), 3);
    assert_eq!(
        d.inherited_at(day(2026, 2, 1))
            .map(|i| (i.from.as_str(), i.on)),
        Some(("h", day(2026, 1, 1)))
    );
    // "late" was done on 15/07/2025, while x1 held it: it stays x1's.
    let late = data.directives.get(&"late".into()).unwrap();
    assert_eq!(late.lead_at(day(2026, 6, 1)), Some(&"x1".into()));
    // A successor that had ended by the day it would take over is refused.
    let mut s = Succession::new("s".into(), EndKind::Merged);
    s.on = Some(day(2026, 3, 1));
    s.successors = vec!["x1".into()];
    assert!(s
        .problems(&data)
        .iter()
        .any(|p| p.problem == Problem::SuccessorEnded));
}

#[test]
fn two_records_of_one_unit_are_joined_with_everything_that_refers_to_them() {
    let mut data = district();
    data.units
        .upsert(unit("h2", "Huyện Điện Biên", UnitKind::District));
    let mut d = directive("dup", "k", "8", "h2", None, OPEN);
    d.coordinating_units = vec!["h".into()];
    data.directives.upsert(d);
    let mut d = directive("dup2", "k", "9", "s", None, OPEN);
    d.coordinating_units = vec!["h2".into(), "h".into()];
    data.directives.upsert(d);
    assert!(data.unit_is_referred_to(&"h2".into()));
    let joined = data.join_units(&"h".into(), &"h2".into(), now()).unwrap();
    data.apply_join(&"h2".into(), joined);
    assert!(!data.units.contains(&"h2".into()));
    let h = data.units.get(&"h".into()).unwrap();
    assert_eq!(h.other_names, vec!["Huyện Điện Biên".to_owned()]);
    assert_eq!(h.joined, vec![UnitId::from("h2")]);
    let dup = data.directives.get(&"dup".into()).unwrap();
    assert_eq!(dup.lead_unit, Some("h".into()));
    assert!(
        dup.coordinating_units.is_empty(),
        "not lead and coordinator at once"
    );
    let dup2 = data.directives.get(&"dup2".into()).unwrap();
    assert_eq!(dup2.coordinating_units, vec![UnitId::from("h")]);
    assert!(
        crate::domain::validate(&data).is_empty(),
        "{:?}",
        crate::domain::validate(&data)
    );
    assert_eq!(
        data.unit_named("huyen dien bien").map(|u| u.id.as_str()),
        Some("h")
    );
    assert_eq!(
        data.unit_for_id(&"h2".into()).map(|u| u.id.as_str()),
        Some("h")
    );
    assert_eq!(
        data.join_units(&"h".into(), &"h".into(), now()),
        Err(Problem::SuccessorIsItself)
    );
}

#[test]
fn a_colleagues_file_naming_the_joined_record_reads_as_the_kept_unit() {
    let mut mine = district();
    mine.units
        .upsert(unit("h2", "Huyện Điện Biên", UnitKind::District));
    let theirs = {
        let mut t = mine.clone();
        t.directives
            .upsert(directive("new", "k", "10", "h2", None, OPEN));
        t
    };
    let joined = mine.join_units(&"h".into(), &"h2".into(), now()).unwrap();
    mine.apply_join(&"h2".into(), joined);
    let read = mine.with_joined_resolved(&theirs);
    assert!(!read.units.contains(&"h2".into()));
    assert_eq!(
        read.directives.get(&"new".into()).unwrap().lead_unit,
        Some("h".into())
    );
    assert_eq!(
        read.directives.get(&"new".into()).unwrap().updated_at,
        now(),
        "their record keeps its time"
    );
    let plan = mine.plan_import(&read, &Default::default());
    let mut merged = mine.clone();
    merged
        .apply_import(
            &read,
            &plan,
            &|_| Some(crate::domain::sharing::merge::Resolution::KeepMine),
            &mut Default::default(),
        )
        .unwrap();
    assert!(!merged.units.contains(&"h2".into()));
    assert_eq!(merged.directives.len(), mine.directives.len() + 1);
    assert!(crate::domain::validate(&merged).is_empty());
}

#[test]
fn a_version_3_merger_reads_as_an_ending_with_one_successor() {
    let text = r#"{"format":"dondoc","schema_version":3,"units":[
        {"id":"a","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","name":"Sở Giao thông vận tải","kind":"department","merged_into":{"into":"b","on":"2025-03-01"}},
        {"id":"b","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","name":"Sở Xây dựng","kind":"department"}]}"#;
    let loaded = crate::domain::parse_dataset(text).unwrap();
    assert_eq!(loaded.migrated_from, Some(3));
    let a = loaded.dataset.units.get(&"a".into()).unwrap();
    assert_eq!(
        a.ended,
        Some(Ending {
            on: day(2025, 3, 1),
            kind: EndKind::Merged,
            successors: vec!["b".into()]
        })
    );
    let written = serde_json::to_string(&loaded.dataset).unwrap();
    assert!(!written.contains("merged_into") && written.contains("\"ended\""));
    let again = crate::domain::parse_dataset(&written).unwrap().dataset;
    assert_eq!(again.units.get(&"a".into()).unwrap().ended, a.ended);
}

#[test]
fn the_sample_shows_a_district_abolished_into_two_communes() {
    let (data, today) = crate::domain::sample::fixture::sample();
    let district = data
        .unit_named("UBND huyện Điện Biên")
        .expect("the district");
    let ended = district.ended.as_ref().expect("abolished");
    assert_eq!(
        (ended.on, ended.kind, ended.successors.len()),
        (end(), EndKind::Abolished, 2)
    );
    let handed = data.handed_over_by(&district.id);
    let numbers: Vec<String> = handed.iter().map(|(d, _)| d.path.to_string()).collect();
    assert_eq!(
        numbers,
        vec!["2", "3", "4", "5"],
        "items 2 to 5 of 05-KL/BCĐ in order; item 1 was done before"
    );
    let commune = data.unit_named("Xã Mường Phăng").unwrap();
    let inherited: Vec<_> = data
        .followed()
        .into_iter()
        .filter(|d| d.lead_at(today) == Some(&commune.id) && d.inherited_at(today).is_some())
        .collect();
    assert_eq!(inherited.len(), 1);
    assert_eq!(inherited[0].state(today, 7), FollowUpState::Overdue);
    // How the district did before it ended: its own item, done on time.
    let own: Vec<_> = data
        .followed()
        .into_iter()
        .filter(|d| d.lead_at(today) == Some(&district.id))
        .collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].state(today, 7), FollowUpState::DoneOnTime);
    let (last_day, before) = data.record_before_end(&district.id).unwrap();
    assert_eq!(last_day, day(2025, 6, 30));
    assert_eq!(
        (
            before.followed,
            before.done_on_time,
            before.done_late,
            before.overdue,
            before.within_term
        ),
        (4, 1, 0, 1, 2),
        "on its last day: one done on time, one overdue, two within term"
    );
    assert_eq!(data.record_before_end(&commune.id), None);
    // The renamed department reads by its old name in the 2025 conclusion.
    let dept = data
        .unit_named("Sở Nông nghiệp và Phát triển nông thôn")
        .unwrap();
    assert_eq!(
        dept.name_on(day(2025, 2, 20)),
        "Sở Nông nghiệp và Phát triển nông thôn"
    );
    assert_eq!(dept.name_on(today), "Sở Nông nghiệp và Môi trường");
    // The notice reader finds the district by its other name.
    let index = crate::domain::documents::reading::units::UnitIndex::new(&data.units);
    let found = crate::domain::documents::reading::units::lead_unit_as_written(
        "Ủy ban nhân dân huyện Điện Biên khẩn trương hoàn thành",
        &index,
    );
    assert_eq!(found.map(|(id, _)| id), Some(&district.id));
    assert!(crate::domain::validate(&data).is_empty());
}

#[test]
fn a_unit_typed_on_a_form_is_found_by_any_of_its_names_or_added_once() {
    let (mut data, _) = crate::domain::sample::fixture::sample();
    let now = crate::domain::sample::fixture::now();
    let before = data.units.len();
    let district = data.unit_named("Huyện Điện Biên").unwrap().id.clone();
    let found = data.find_or_add_unit("ủy ban nhân dân huyện điện biên", "x1".into(), now);
    assert_eq!(
        found.map(|(id, _, added)| (id, added)),
        Some((district, false))
    );
    let added = data
        .find_or_add_unit("Ban Quản lý dự án mới", "x2".into(), now)
        .unwrap();
    assert!(added.2);
    assert_eq!(data.units.len(), before + 1);
    let again = data
        .find_or_add_unit("ban quan ly du an moi", "x3".into(), now)
        .unwrap();
    assert_eq!((again.0, again.2), (added.0, false));
    assert_eq!(data.find_or_add_unit("  ", "x4".into(), now), None);
    assert_eq!(data.units.len(), before + 1);
}
