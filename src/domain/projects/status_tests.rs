//! Why a project is behind: one test per rule that makes it so, the order "how far behind",
//! and the property that a project is behind exactly when it has a reason.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::domain::projects::progress::Construction;
use crate::domain::projects::Dated;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn project(start: Option<NaiveDate>, finish: Option<NaiveDate>) -> Project {
    Project {
        planned_start: start,
        planned_finish: finish,
        ..super::tests_support::project()
    }
}

fn volume(v: Option<f64>) -> LatestFigures {
    LatestFigures {
        construction: v.map(|v| Dated {
            value: Construction {
                volume_percent: Some(v),
                ..Default::default()
            },
            as_of: d(2025, 1, 1),
        }),
        ..Default::default()
    }
}

#[test]
fn a_planned_finish_passed_says_the_finish_and_the_days_late() {
    let p = project(Some(d(2025, 1, 1)), Some(d(2026, 1, 1)));
    // 100% clearance and 80% disbursed do not matter: the finish has passed.
    let v = schedule_verdict(&p, &volume(Some(90.0)), d(2026, 12, 7), 10.0);
    assert_eq!(
        v,
        ScheduleVerdict::Behind(BehindReason::PastPlannedFinish {
            finish: d(2026, 1, 1),
            days_late: 340
        })
    );
    assert_eq!(v.status(), ScheduleStatus::BehindSchedule);
    let next_day = schedule_verdict(&p, &volume(None), d(2026, 1, 2), 10.0);
    assert_eq!(
        next_day.behind(),
        Some(BehindReason::PastPlannedFinish {
            finish: d(2026, 1, 1),
            days_late: 1
        }),
        "a finish passed is the reason even with no volume reported"
    );
    assert_eq!(
        schedule_verdict(&p, &volume(Some(100.0)), d(2026, 12, 7), 10.0),
        ScheduleVerdict::Completed
    );
}

#[test]
fn a_volume_below_the_straight_line_says_both_percentages() {
    let p = project(Some(d(2025, 1, 1)), Some(d(2025, 12, 31)));
    let mid = d(2025, 7, 2); // 50% of the planned duration
    let v = schedule_verdict(&p, &volume(Some(39.5)), mid, 10.0);
    assert_eq!(
        v.behind(),
        Some(BehindReason::VolumeBelowSchedule {
            actual: 39.5,
            expected: 50.0
        })
    );
    assert_eq!(v.behind().unwrap().shortfall_points(), Some(10.5));
    assert_eq!(
        schedule_verdict(&p, &volume(Some(40.0)), mid, 10.0),
        ScheduleVerdict::OnSchedule,
        "exactly at the tolerance is not behind, and has no reason"
    );
}

#[test]
fn only_the_rule_that_fired_is_the_reason() {
    // Past its finish and far below the line: rule 3 fires first, rule 4 is not said.
    let p = project(Some(d(2025, 1, 1)), Some(d(2025, 12, 31)));
    let v = schedule_verdict(&p, &volume(Some(5.0)), d(2026, 1, 10), 10.0);
    assert!(matches!(
        v.behind(),
        Some(BehindReason::PastPlannedFinish { days_late: 10, .. })
    ));
}

#[test]
fn further_behind_first_puts_a_passed_finish_first_then_the_larger_shortfall() {
    let late = |days| BehindReason::PastPlannedFinish {
        finish: d(2026, 1, 1),
        days_late: days,
    };
    let low = |actual, expected| BehindReason::VolumeBelowSchedule { actual, expected };
    let mut reasons = [
        low(50.0, 61.0),
        late(3),
        low(10.0, 80.0),
        late(340),
        low(44.0, 61.0),
    ];
    reasons.sort_by(BehindReason::further_behind_first);
    assert_eq!(
        reasons,
        [
            late(340),
            late(3),
            low(10.0, 80.0),
            low(44.0, 61.0),
            low(50.0, 61.0)
        ]
    );
}

fn date_strategy() -> impl Strategy<Value = NaiveDate> {
    (0i64..2000).prop_map(|n| d(2022, 1, 1) + chrono::Days::new(n as u64))
}

proptest! {
    /// A project is "Chậm tiến độ" if and only if it has a reason, and the reason's figures
    /// are those of its rule.
    #[test]
    fn behind_if_and_only_if_there_is_a_reason(
        start in prop::option::of(date_strategy()),
        finish in prop::option::of(date_strategy()),
        v in prop::option::of(prop_oneof![Just(0.0), 0.0f64..=100.0, Just(100.0)]),
        today in date_strategy(),
        tolerance in prop_oneof![Just(0.0), 0.0f64..30.0],
    ) {
        let p = project(start, finish);
        let latest = volume(v);
        let verdict = schedule_verdict(&p, &latest, today, tolerance);
        let status = computed_status(&p, &latest, today, tolerance);
        prop_assert_eq!(verdict.status(), status);
        prop_assert_eq!(status == ScheduleStatus::BehindSchedule, verdict.behind().is_some());
        match verdict.behind() {
            Some(BehindReason::PastPlannedFinish { finish: f, days_late }) => {
                prop_assert_eq!(Some(f), finish);
                prop_assert!(f < today && days_late == (today - f).num_days());
            }
            Some(BehindReason::VolumeBelowSchedule { actual, expected }) => {
                prop_assert_eq!(Some(actual), v);
                prop_assert!(actual + tolerance < expected);
                prop_assert!(finish.is_some_and(|f| f >= today));
            }
            None => {}
        }
    }
}
