//! The follow-up report's counts at the period's boundaries, the ranking with ties, scopes
//! and an empty report.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::domain::followup::conclusion::{Conclusion, DirectivePath};
use crate::domain::followup::deadline::Deadline;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

const FROM: (u32, u32) = (11, 1);
const AS_OF: (u32, u32) = (11, 30);

fn now() -> DateTime<Utc> {
    DateTime::<Utc>::MIN_UTC
}

fn conclusion(id: &str, date: NaiveDate, committee: Option<&str>) -> Conclusion {
    Conclusion {
        committee: committee.map(Into::into),
        ..crate::domain::sample::fixture::conclusion(id, date)
    }
}

struct Builder {
    data: Dataset,
    n: usize,
}

impl Builder {
    fn new() -> Self {
        let mut data = Dataset::default();
        data.conclusions
            .upsert(conclusion("c1", day(10, 1), Some("bcd")));
        Builder { data, n: 0 }
    }

    fn add(&mut self, unit: &str, due: Option<NaiveDate>, status: RecordedStatus) -> String {
        self.n += 1;
        let id = format!("d{}", self.n);
        self.data.directives.upsert(Directive {
            id: id.as_str().into(),
            created_at: now(),
            updated_at: now(),
            conclusion: "c1".into(),
            path: DirectivePath::parse(&self.n.to_string()).unwrap(),
            label: String::new(),
            text: id.clone(),
            lead_unit: Some(unit.into()),
            coordinating_units: Vec::new(),
            responsible_person: String::new(),
            deadline: due.map_or(Deadline::None {}, |date| Deadline::On {
                date,
                words: String::new(),
            }),
            extensions: Vec::new(),
            handovers: Vec::new(),
            projects: Vec::new(),
            status,
        });
        id
    }

    fn report(&self, scope: &ReportScope) -> FollowUpReport<'_> {
        self.data
            .follow_up_report(scope, day(FROM.0, FROM.1), day(AS_OF.0, AS_OF.1), 7)
    }
}

fn done(on: NaiveDate) -> RecordedStatus {
    RecordedStatus::Done { on }
}

const OPEN: RecordedStatus = RecordedStatus::InProgress {};

#[test]
fn counts_at_the_period_boundaries() {
    let mut b = Builder::new();
    // Due on the first and the last day of the period: due in it; the days around: not.
    b.add("u", Some(day(11, 1)), done(day(11, 1)));
    b.add("u", Some(day(11, 30)), OPEN);
    b.add("u", Some(day(10, 31)), done(day(11, 2)));
    b.add("u", Some(day(12, 1)), OPEN);
    // Done on the due date: on time; the day after: late.
    b.add("u", Some(day(11, 10)), done(day(11, 10)));
    b.add("u", Some(day(11, 10)), done(day(11, 11)));
    // Done before the period began: not followed in it.
    b.add("u", Some(day(10, 20)), done(day(10, 19)));
    // Done only after the report's date: overdue as of it.
    b.add("u", Some(day(11, 15)), done(day(12, 2)));
    // Due the day before the report's date and still open: overdue.
    b.add("u", Some(day(11, 29)), OPEN);
    // No deadline: within term, never overdue.
    b.add("u", None, OPEN);
    // Closed elsewhere in the period: counted apart; before it: left out.
    b.add(
        "u",
        Some(day(11, 5)),
        RecordedStatus::Cancelled {
            on: day(11, 3),
            note: String::new(),
        },
    );
    b.add(
        "u",
        Some(day(11, 5)),
        RecordedStatus::Transferred {
            on: day(11, 4),
            note: String::new(),
        },
    );
    b.add(
        "u",
        Some(day(11, 5)),
        RecordedStatus::Transferred {
            on: day(10, 4),
            note: String::new(),
        },
    );
    let r = b.report(&ReportScope::Everything);
    let t = r.totals;
    assert_eq!(t.followed, 9, "{t:?}");
    // 11/1, 11/30, 11/10 twice, 11/15, 11/29.
    assert_eq!(t.due_in_period, 6);
    assert_eq!((t.done_on_time, t.done_late), (2, 2), "{t:?}");
    assert_eq!((t.within_term, t.overdue), (3, 2), "{t:?}");
    assert_eq!((t.cancelled, t.transferred), (1, 1));
    assert_eq!(t.done() + t.within_term + t.overdue, t.followed);
    let share = t.overdue_share().unwrap();
    assert!((share - 200.0 / 9.0).abs() < 1e-9, "{share}");
    assert_eq!(t.on_time_rate(), t.overdue_share(), "2 of 9 each");
    let attention: Vec<_> = r.attention.iter().map(|d| d.text.as_str()).collect();
    // Overdue (the earliest deadline first), then due soon: 11/30 and 12/1.
    assert_eq!(attention, vec!["d8", "d9", "d2", "d4"]);
}

#[test]
fn the_ranking_says_who_is_late_and_leaves_units_with_nothing_due_apart() {
    let mut b = Builder::new();
    // All at 0% on time: "late" has two overdue, "tardy" one done late, "waiting" nothing
    // due yet (its deadline after the report's date), "slow" one overdue.
    b.add("late", Some(day(11, 10)), OPEN);
    b.add("late", Some(day(11, 12)), OPEN);
    b.add("tardy", Some(day(11, 10)), done(day(11, 13)));
    b.add("slow", Some(day(11, 10)), OPEN);
    b.add("waiting", Some(day(12, 30)), OPEN);
    let r = b.report(&ReportScope::Everything);
    let ranks: Vec<_> = r
        .by_unit
        .iter()
        .map(|l| (l.unit.as_str(), l.rank, l.tied))
        .collect();
    assert_eq!(
        ranks,
        vec![
            ("tardy", Some(1), false),
            ("slow", Some(2), false),
            ("late", Some(3), false),
            ("waiting", None, false)
        ]
    );
}

#[test]
fn units_are_ranked_by_on_time_rate_and_ties_are_named() {
    let mut b = Builder::new();
    for (unit, on_time, late_or_open) in [("a", 1, 1), ("b", 1, 1), ("c", 2, 0), ("d", 0, 1)] {
        for _ in 0..on_time {
            b.add(unit, Some(day(11, 10)), done(day(11, 9)));
        }
        for _ in 0..late_or_open {
            b.add(unit, Some(day(11, 10)), OPEN);
        }
    }
    let r = b.report(&ReportScope::Everything);
    let ranks: Vec<_> = r
        .by_unit
        .iter()
        .map(|l| (l.unit.as_str(), l.rank, l.tied))
        .collect();
    assert_eq!(
        ranks,
        vec![
            ("c", Some(1), false),
            ("a", Some(2), true),
            ("b", Some(2), true),
            ("d", Some(4), false)
        ]
    );
    assert_eq!(r.by_unit[1].counts.on_time_rate(), Some(50.0));
}

#[test]
fn scopes_and_an_empty_report() {
    let mut b = Builder::new();
    b.add("u", Some(day(11, 10)), OPEN);
    b.data
        .conclusions
        .upsert(conclusion("c2", day(12, 5), Some("bcd")));
    let everything = b.report(&ReportScope::Everything);
    assert_eq!(everything.totals.followed, 1);
    assert_eq!(
        b.report(&ReportScope::Committee("bcd".into()))
            .totals
            .followed,
        1
    );
    assert_eq!(
        b.report(&ReportScope::Committee("other".into())).totals,
        ReportCounts::default()
    );
    let empty = b.report(&ReportScope::Conclusions(vec!["c2".into()]));
    assert_eq!(empty.totals, ReportCounts::default());
    assert_eq!(empty.totals.overdue_share(), None);
    assert!(empty.by_unit.is_empty() && empty.attention.is_empty());
    // A conclusion issued after the report's date is not in it.
    let first = b.data.directives.iter().next().unwrap().clone();
    b.data.directives.upsert(Directive {
        conclusion: "c2".into(),
        id: "late".into(),
        ..first
    });
    assert_eq!(b.report(&ReportScope::Everything).totals.followed, 1);
}

#[test]
fn the_kind_of_body_follows_the_scope() {
    let (data, _) = crate::domain::sample::fixture::sample();
    assert_eq!(
        data.body_kind_of(&ReportScope::Everything),
        BodyKind::Party,
        "its one committee"
    );
    let state = data
        .conclusions
        .iter()
        .find(|c| c.number_symbol == "245/TB-VPUBND")
        .unwrap();
    assert_eq!(
        data.body_kind_of(&ReportScope::Conclusions(vec![state.id.clone()])),
        BodyKind::State
    );
    assert_eq!(
        Dataset::default().body_kind_of(&ReportScope::Everything),
        BodyKind::State
    );
}

#[test]
fn a_group_heading_is_followed_through_its_sub_items() {
    let mut b = Builder::new();
    let heading = b.add("u", None, OPEN);
    let mut sub = b
        .data
        .directives
        .get(&heading.as_str().into())
        .unwrap()
        .clone();
    sub.id = "sub".into();
    sub.path = DirectivePath::parse("1.1").unwrap();
    sub.deadline = Deadline::On {
        date: day(11, 20),
        words: String::new(),
    };
    b.data.directives.upsert(sub);
    let t = b.report(&ReportScope::Everything).totals;
    assert_eq!((t.followed, t.overdue), (1, 1));
}
