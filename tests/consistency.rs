//! One question, one answer: for every unit, conclusion, meeting and directive, every place
//! that shows it (the dashboard, Đôn đốc, the report and its ranking, the brief, a unit's
//! page and letter, the checklist, the sheets, and a unit's or a conclusion's exported file
//! taken into an empty dataset) gives the same counts, the same lead and the same due date.
//!
//! The datasets are generated and then reorganised as offices do: a district ends and its
//! open work is handed to a commune, deadlines are extended before and after they pass,
//! meetings are recorded with and without a committee, a second committee issues some
//! conclusions, projects are archived, and a colleague's selection is imported.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Days, NaiveDate, Utc};
use dondoc::domain::documents::Cell;
use dondoc::domain::documents::{directives_table, Listed};
use dondoc::domain::documents::{head_brief, units_with_overdue, DocLang, Owed};
use dondoc::domain::followup::ReportScope;
use dondoc::domain::generate::{generate, Scale};
use dondoc::domain::sharing::Scope;
use dondoc::domain::units::Succession;
use dondoc::domain::units::{EndKind, UnitKind};
use dondoc::domain::*;
use proptest::prelude::*;

const SOON: u64 = 7;

fn now() -> DateTime<Utc> {
    "2026-12-07T03:00:00Z".parse().unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

/// What to do to a generated office before checking it.
#[derive(Debug, Clone, Copy)]
struct Twists {
    seed: u64,
    /// Every how many directives one is extended.
    extend_every: usize,
    /// How many days before today the district ends.
    ended_days_ago: u64,
    /// Whether the coming meeting names a committee.
    meeting_names_committee: bool,
    /// Every how many conclusions one is issued by the second committee.
    second_committee_every: usize,
}

fn word(s: &str) -> String {
    s.to_owned()
}

/// A generated office, reorganised.
fn office(t: Twists) -> Dataset {
    let mut data = generate(Scale::SMALL, t.seed, today(), now());
    let mut ids = SeededIds::new(t.seed ^ 0x5eed);
    let first_committee = data.committees.iter().next().unwrap().id.clone();

    // A second committee issues some conclusions; others name none, as generated.
    let second: CommitteeId = IdSource::next_id(&mut ids).as_str().into();
    let mut committee = data.committees.iter().next().unwrap().clone();
    committee.id = second.clone();
    committee.name = "Ban Chỉ đạo giải phóng mặt bằng".into();
    data.committees.upsert(committee);
    let conclusions: Vec<Conclusion> = data.conclusions.iter().cloned().collect();
    for (i, mut c) in conclusions.into_iter().enumerate() {
        if i % t.second_committee_every == 0 {
            c.committee = Some(second.clone());
        } else if i % 3 == 1 {
            c.committee = Some(first_committee.clone());
        }
        data.conclusions.upsert(c);
    }

    // The coming meeting, recorded, with or without its committee.
    let meeting_id: MeetingId = IdSource::next_id(&mut ids).as_str().into();
    let mut meeting = data.meetings.iter().next().unwrap().clone();
    meeting.id = meeting_id;
    meeting.date = today() + Days::new(7);
    meeting.next_meeting = None;
    meeting.committee = t.meeting_names_committee.then(|| first_committee.clone());
    data.meetings.upsert(meeting);

    // Extensions: some granted in time, some after the deadline passed, some after the
    // item was done, some still to come (granted after today).
    let directives: Vec<Directive> = data.directives.iter().cloned().collect();
    for (i, mut d) in directives.into_iter().enumerate() {
        let Some(due) = d.deadline.due() else {
            continue;
        };
        if i % t.extend_every != 0 {
            continue;
        }
        let granted_on = match i % 4 {
            0 => due - Days::new(5),
            1 => due + Days::new(10),
            2 => today() + Days::new(3),
            _ => due,
        };
        let new_due = due.max(granted_on) + Days::new(60 + (i as u64 % 90));
        d.extensions.push(Extension {
            deadline: Deadline::On {
                date: new_due,
                words: word("gia hạn"),
            },
            granted_on,
            document_ref: format!("Công văn số {i}/UBND-KT"),
            reason: String::new(),
        });
        data.directives.upsert(d);
    }

    // A project archived.
    let mut project = data.projects.iter().next().unwrap().clone();
    project.archived = true;
    data.projects.upsert(project);

    // A district ends and its open work goes to a commune.
    let district: UnitId = IdSource::next_id(&mut ids).as_str().into();
    let mut unit = data.units.iter().next().unwrap().clone();
    unit.id = district.clone();
    unit.name = "UBND huyện Điện Biên".into();
    unit.short_name = String::new();
    unit.kind = UnitKind::District;
    unit.other_names.clear();
    unit.former_names.clear();
    unit.ended = None;
    unit.merged_into = None;
    unit.joined.clear();
    unit.archived = false;
    data.units.upsert(unit);
    let directives: Vec<Directive> = data.directives.iter().cloned().collect();
    for (i, mut d) in directives.into_iter().enumerate() {
        if i % 5 == 2 {
            d.lead_unit = Some(district.clone());
            data.directives.upsert(d);
        } else if i % 7 == 3 {
            d.coordinating_units.push(district.clone());
            data.directives.upsert(d);
        }
    }
    let commune = data
        .units
        .iter()
        .find(|u| u.kind == UnitKind::Commune)
        .unwrap()
        .id
        .clone();
    let mut succession = Succession::new(district.clone(), EndKind::Abolished);
    succession.on = Some(today() - Days::new(t.ended_days_ago));
    succession.successors = vec![commune.clone()];
    succession.all_to(&data, &commune);
    let recorded = succession
        .record(&data, now())
        .expect("the hand-over is valid");
    data.units.upsert(recorded.unit);
    for d in recorded.directives {
        data.directives.upsert(d);
    }
    data.take_changes();
    assert!(validate(&data).is_empty(), "{:?}", validate(&data));
    data
}

/// A unit's counts as the units list, its page, Đôn đốc, the report, its letter and its
/// exported file each give them.
fn check_units(data: &Dataset) {
    let on = today();
    let overview = data.follow_up_overview(on, SOON);
    let by_unit_overview: BTreeMap<&UnitId, Tally> = overview.by_unit.iter().copied().collect();
    let by_unit_tally: BTreeMap<&UnitId, Tally> =
        data.tally_by_unit(on, SOON).into_iter().collect();
    let from = data.conclusions.iter().map(|c| c.date).min().unwrap();
    let report = data.follow_up_report(&ReportScope::Everything, from, on, SOON);
    let by_unit_report: BTreeMap<&UnitId, _> =
        report.by_unit.iter().map(|l| (l.unit, l.counts)).collect();
    let with_overdue: BTreeSet<&UnitId> =
        units_with_overdue(data, &ReportScope::Everything, on, SOON)
            .into_iter()
            .collect();

    for counts in data.unit_counts(on, SOON) {
        let u = &counts.unit.id;
        let name = counts.unit.name.as_str();
        // The unit's page.
        let (led, coordinated) = data.owed_by(u, on);
        let overdue = led
            .iter()
            .filter(|d| d.facts(on, SOON).state == FollowUpState::Overdue)
            .count();
        assert_eq!(
            (counts.lead, counts.overdue, counts.coordinating),
            (led.len(), overdue, coordinated.len()),
            "{name}: units list against its page"
        );
        // Đôn đốc's table and the tally by unit.
        let tally = Tally::of(led.iter().copied(), on, SOON);
        let all = |t: &Tally| t.total + t.cancelled + t.transferred;
        assert_eq!(
            by_unit_overview.get(u).map(all).unwrap_or(0),
            counts.lead,
            "{name}: Đôn đốc"
        );
        assert_eq!(
            by_unit_overview.get(u).map_or(0, |t| t.overdue),
            overdue,
            "{name}: Đôn đốc overdue"
        );
        assert_eq!(
            by_unit_tally.get(u).copied().unwrap_or_default(),
            tally,
            "{name}: tally by unit"
        );
        // The report's line and its ranking.
        let line = by_unit_report.get(u).copied().unwrap_or_default();
        assert_eq!(line.overdue, overdue, "{name}: report overdue");
        assert_eq!(
            line.done_on_time, tally.done_on_time,
            "{name}: report on time"
        );
        assert_eq!(line.done_late, tally.done_late, "{name}: report late");
        // The letters.
        assert_eq!(with_overdue.contains(u), overdue > 0, "{name}: letters");
        let owed = Owed::of(data, u, on, SOON);
        assert_eq!(
            owed.items
                .iter()
                .filter(|d| d.facts(on, SOON).state == FollowUpState::Overdue)
                .count(),
            overdue,
            "{name}: letter items"
        );
        assert!(
            owed.items.iter().all(|d| d.facts(on, SOON).lead == Some(u)),
            "{name}: letter leads"
        );
        // The unit's file taken into an empty dataset.
        let (file, _) = data.select(&Scope::Unit(u.clone()));
        assert!(validate(&file).is_empty(), "{name}: {:?}", validate(&file));
        let there = file
            .unit_counts(on, SOON)
            .into_iter()
            .find(|c| &c.unit.id == u)
            .expect("the unit travels with its file");
        assert_eq!(
            (there.lead, there.overdue, there.coordinating),
            (counts.lead, counts.overdue, counts.coordinating),
            "{name}: its exported file"
        );
        let (led_there, _) = file.owed_by(u, on);
        let ids = |l: &[&Directive]| l.iter().map(|d| d.id.clone()).collect::<BTreeSet<_>>();
        assert_eq!(
            ids(&led_there),
            ids(&led),
            "{name}: the same directives in its file"
        );
        for d in &led_there {
            let here = data.directives.get(&d.id).unwrap();
            assert_eq!(
                d.facts(on, SOON),
                here.facts(on, SOON),
                "{name}: facts in its file"
            );
        }
    }
}

/// A conclusion's counts on its checklist, in Đôn đốc, in the report over it, and in its
/// exported file.
fn check_conclusions(data: &Dataset) {
    let on = today();
    let overview: BTreeMap<&ConclusionId, Tally> = data
        .follow_up_overview(on, SOON)
        .by_conclusion
        .iter()
        .map(|(c, t)| (&c.id, *t))
        .collect();
    let tallies: BTreeMap<&ConclusionId, Tally> = data
        .tally_by_conclusion(on, SOON)
        .into_iter()
        .map(|(c, t)| (&c.id, t))
        .collect();
    let derived = Derived::default();
    let lookups = derived.with(data);
    for c in data.conclusions.iter() {
        let lines = lookups.checklist_of(&c.id);
        let checklist = Tally::of(
            lines.iter().filter(|l| !l.heading).map(|l| l.directive),
            on,
            SOON,
        );
        assert_eq!(
            overview.get(&c.id).copied().unwrap_or_default(),
            checklist,
            "{}: Đôn đốc",
            c.number_symbol
        );
        assert_eq!(
            tallies.get(&c.id).copied().unwrap_or_default(),
            checklist,
            "{}: tally",
            c.number_symbol
        );
        let from = c.date;
        let report = data.follow_up_report(
            &ReportScope::Conclusions(vec![c.id.clone()]),
            from,
            on,
            SOON,
        );
        assert_eq!(
            report.totals.overdue, checklist.overdue,
            "{}: report",
            c.number_symbol
        );
        assert_eq!(
            report.totals.done(),
            checklist.done(),
            "{}: report done",
            c.number_symbol
        );
        let (file, _) = data.select(&Scope::Conclusion(c.id.clone()));
        let kept = Derived::default();
        let there = kept.with(&file).checklist_of(&c.id);
        let there = Tally::of(
            there.iter().filter(|l| !l.heading).map(|l| l.directive),
            on,
            SOON,
        );
        assert_eq!(there, checklist, "{}: its exported file", c.number_symbol);
    }
}

/// The coming meeting's open directives in Đôn đốc, on its page and in the head's brief.
fn check_meetings(data: &Dataset) {
    let on = today();
    let coming = data.coming_meeting(on, SOON).expect("a meeting is coming");
    let overview = data
        .follow_up_overview(on, SOON)
        .coming
        .expect("Đôn đốc has it");
    let ids = |l: &[&Directive]| l.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&coming.open),
        ids(&overview.open),
        "Đôn đốc's coming meeting"
    );
    if let Some(m) = coming.meeting {
        assert_eq!(
            ids(&data.followed_up_at(m, on, SOON).expect("still to come")),
            ids(&coming.open),
            "the meeting's page"
        );
    }
    // What a meeting covers: everything open of conclusions issued before it by its
    // committee, or by none recorded.
    let committee = coming.meeting.and_then(|m| m.committee.as_ref());
    let expected: BTreeSet<DirectiveId> = data
        .followed()
        .into_iter()
        .filter(|d| !d.facts(on, SOON).state.is_closed())
        .filter(|d| {
            let c = data.conclusions.get(&d.conclusion).unwrap();
            let issued_by = c.committee.as_ref().or_else(|| {
                c.meeting
                    .as_ref()
                    .and_then(|m| data.meetings.get(m))
                    .and_then(|m| m.committee.as_ref())
            });
            c.date < coming.date
                && (committee.is_none() || issued_by.is_none() || issued_by == committee)
        })
        .map(|d| d.id.clone())
        .collect();
    assert_eq!(
        coming
            .open
            .iter()
            .map(|d| d.id.clone())
            .collect::<BTreeSet<_>>(),
        expected
    );
    assert!(!expected.is_empty());
    let overdue = coming
        .open
        .iter()
        .filter(|d| d.facts(on, SOON).state == FollowUpState::Overdue)
        .count();
    let brief = head_brief(data, on, 10.0, SOON, &|_| "", DocLang::Vi);
    let heading = format!("({}, trong đó {overdue} quá hạn)", coming.open.len());
    assert!(
        format!("{:?}", brief.body).contains(&heading),
        "the brief says {heading}"
    );
}

/// Every directive's lead, due date and state as the dashboard, Đôn đốc, the sheets, the
/// report and the brief give them.
fn check_directives(data: &Dataset) {
    let on = today();
    let followed = data.followed();
    // The dashboard's overdue list and Đôn đốc's are the directives whose facts say overdue.
    let overdue: BTreeSet<&DirectiveId> = followed
        .iter()
        .filter(|d| d.facts(on, SOON).state == FollowUpState::Overdue)
        .map(|d| &d.id)
        .collect();
    let dashboard: BTreeSet<&DirectiveId> = data
        .directives_in_state(FollowUpState::Overdue, on, SOON)
        .into_iter()
        .map(|d| &d.id)
        .collect();
    let overview = data.follow_up_overview(on, SOON);
    let dondoc: BTreeSet<&DirectiveId> = overview.overdue.iter().map(|d| &d.id).collect();
    assert_eq!(dashboard, overdue, "dashboard");
    assert_eq!(dondoc, overdue, "Đôn đốc");

    // The sheet of every directive: lead by name and due date from the facts.
    let table = directives_table(
        data,
        Listed::All,
        followed.iter().copied(),
        on,
        SOON,
        &|_| "",
        DocLang::Vi,
    );
    for (row, d) in table.rows.iter().zip(&followed) {
        let facts = d.facts(on, SOON);
        let lead = facts.lead.map(|u| data.unit_name(u)).unwrap_or_default();
        assert_eq!(row[5], Cell::Text(lead), "sheet lead of {}", d.path);
        assert_eq!(row[7], Cell::date(facts.due), "sheet due of {}", d.path);
    }

    // The report's list of what needs attention uses the same facts.
    let from = data.conclusions.iter().map(|c| c.date).min().unwrap();
    let report = data.follow_up_report(&ReportScope::Everything, from, on, SOON);
    for d in &report.attention {
        let s = d.facts(on, SOON).state;
        assert!(
            matches!(s, FollowUpState::Overdue | FollowUpState::DueSoon),
            "report attention {}",
            d.path
        );
    }
    assert_eq!(report.totals.overdue, overdue.len(), "report totals");
}

fn check(data: &Dataset) {
    check_units(data);
    check_conclusions(data);
    check_meetings(data);
    check_directives(data);
}

#[test]
fn every_place_agrees_on_a_reorganised_office() {
    for meeting_names_committee in [true, false] {
        let data = office(Twists {
            seed: 7,
            extend_every: 3,
            ended_days_ago: 160,
            meeting_names_committee,
            second_committee_every: 4,
        });
        assert!(data.directives.iter().any(|d| !d.handovers.is_empty()));
        check(&data);
    }
}

#[test]
fn every_place_agrees_on_the_sample() {
    let data = dondoc::domain::sample::sample_dataset(today(), now(), &mut SeededIds::new(3));
    check_units(&data);
    check_conclusions(&data);
    check_directives(&data);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn every_place_agrees_on_random_offices(
        seed in 0u64..10_000,
        extend_every in 1usize..6,
        ended_days_ago in 0u64..900,
        meeting_names_committee in any::<bool>(),
        second_committee_every in 2usize..6,
    ) {
        let data = office(Twists { seed, extend_every, ended_days_ago, meeting_names_committee, second_committee_every });
        check(&data);
    }
}
