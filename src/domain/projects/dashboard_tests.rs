//! The dashboard's figures on the sample, one by one.

use chrono::{DateTime, Datelike, Utc};

use super::*;
use crate::domain::model::ids::SeededIds;
use crate::domain::sample::sample_dataset;

#[test]
fn dashboard_figures_of_the_sample() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let now: DateTime<Utc> = "2026-11-23T03:00:00Z".parse().unwrap();
    let data = sample_dataset(today, now, &mut SeededIds::new(4));
    let capital = data.portfolio_capital(today.year());
    assert_eq!(
        capital.projects, 5,
        "the expressway has no capital this year"
    );
    assert_eq!(capital.plan, Vnd::billions(810, 0));
    let last_year = data.same_period_last_year(today).unwrap();
    assert_eq!(last_year.projects, 4, "entered for four projects");
    let pct = last_year.disbursed_percent().unwrap();
    assert!((pct - 58.8).abs() < 0.01, "{pct}");
    assert_eq!(
        data.same_period_last_year(today - chrono::Months::new(24)),
        None,
        "nothing entered two years back"
    );
    let province = data.latest_public_investment().unwrap();
    let pct = province.capital.disbursement_percent().unwrap();
    assert!((pct - 43.54).abs() < 0.01, "{pct}");
    assert_eq!(
        data.next_meeting_date(today),
        Some(today + chrono::Days::new(12))
    );
    let stale: Vec<_> = data
        .projects_without_recent_report(&ProjectFigures::of(&data), today, 45)
        .iter()
        .map(|p| p.display_name().to_owned())
        .collect();
    assert_eq!(stale, vec!["Him Lam giai đoạn II".to_owned()]);
    let statuses = data.status_counts(
        &ProjectFigures::of(&data),
        today,
        crate::domain::projects::status::DEFAULT_TOLERANCE_POINTS,
    );
    assert_eq!(statuses.get(&ScheduleStatus::BehindSchedule), Some(&4));
    assert_eq!(statuses.get(&ScheduleStatus::OnSchedule), Some(&1));
    assert_eq!(
        statuses.get(&ScheduleStatus::InvestmentPreparation),
        Some(&1)
    );
    let behind = data.behind_with_obstacles(
        today,
        crate::domain::projects::status::DEFAULT_TOLERANCE_POINTS,
    );
    assert_eq!(behind.len(), 4);
    assert!(
        behind.iter().all(|b| b.obstacle.is_some()),
        "each behind project in the sample has an open obstacle"
    );
    assert!(
        behind.iter().all(|b| b.reason.is_some()),
        "each behind project in the sample is behind by a rule, which says why"
    );
    assert!(
        behind.windows(2).all(|w| {
            let (a, b) = (w[0].reason.as_ref().unwrap(), w[1].reason.as_ref().unwrap());
            a.further_behind_first(b) != std::cmp::Ordering::Greater
        }),
        "furthest behind first"
    );
    let counts = data.directive_state_counts(today, 7);
    let headings = data.headings();
    assert_eq!(headings.len(), 1, "16-KL/BCĐ item 3 heads 3.1 and 3.2");
    assert_eq!(
        counts.values().sum::<usize>(),
        data.directives.len() - headings.len()
    );
    assert_eq!(
        data.directives_in_state(FollowUpState::Overdue, today, 7)
            .len(),
        counts[&FollowUpState::Overdue]
    );
}
