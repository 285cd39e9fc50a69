//! The projects list: the text search without diacritics, each filter, archived projects,
//! sorting with unknown figures last.

use super::*;
use crate::domain::projects::status::BehindReason;
use crate::domain::projects::status::DEFAULT_TOLERANCE_POINTS;
use crate::domain::sample::fixture::sample;

fn names(data: &Dataset, query: &ProjectQuery, today: NaiveDate) -> Vec<String> {
    data.query_projects(query, today, DEFAULT_TOLERANCE_POINTS)
        .iter()
        .map(|r| r.project.display_name().to_owned())
        .collect()
}

#[test]
fn text_without_diacritics_finds_projects() {
    let (data, today) = sample();
    let q = |text: &str| ProjectQuery {
        text: text.into(),
        ..Default::default()
    };
    assert_eq!(names(&data, &q("nam rom"), today).len(), 1);
    assert_eq!(
        names(&data, &q("NẬM RỐM"), today),
        names(&data, &q("nam rom"), today)
    );
    assert!(names(&data, &q("khong co du an nay"), today).is_empty());
    assert_eq!(
        names(&data, &q(""), today).len(),
        data.active_projects().count()
    );
}

#[test]
fn each_filter_narrows_and_empty_choices_do_not() {
    let (data, today) = sample();
    let all = names(&data, &ProjectQuery::default(), today);
    let (investor, _) = data.project_investors()[0];
    let by_investor = names(
        &data,
        &ProjectQuery {
            investor: Some(investor.clone()),
            ..Default::default()
        },
        today,
    );
    assert!(!by_investor.is_empty() && by_investor.len() < all.len());
    let location = data.project_locations()[0].to_owned();
    let by_location = data.query_projects(
        &ProjectQuery {
            location: Some(location.clone()),
            ..Default::default()
        },
        today,
        DEFAULT_TOLERANCE_POINTS,
    );
    assert!(by_location.iter().all(|r| r.project.location == location));
    assert!(!by_location.is_empty());
    let behind = data.query_projects(
        &ProjectQuery {
            status: Some(ScheduleStatus::BehindSchedule),
            ..Default::default()
        },
        today,
        DEFAULT_TOLERANCE_POINTS,
    );
    assert_eq!(behind.len(), 4);
    for source in [CapitalSource::StateBudget, CapitalSource::Ppp] {
        let rows = data.query_projects(
            &ProjectQuery {
                capital_source: Some(source),
                ..Default::default()
            },
            today,
            DEFAULT_TOLERANCE_POINTS,
        );
        assert!(rows
            .iter()
            .all(|r| r.project.capital_source == Some(source)));
    }
    let group_b = data.query_projects(
        &ProjectQuery {
            group: Some(InvestmentGroup::B),
            ..Default::default()
        },
        today,
        DEFAULT_TOLERANCE_POINTS,
    );
    assert!(group_b
        .iter()
        .all(|r| r.project.group == Some(InvestmentGroup::B)));
}

#[test]
fn archived_projects_are_listed_only_when_asked() {
    let (mut data, today) = sample();
    let mut p = data.projects.iter().next().unwrap().clone();
    p.archived = true;
    data.projects.upsert(p);
    let active = names(&data, &ProjectQuery::default(), today).len();
    let with_archived = names(
        &data,
        &ProjectQuery {
            include_archived: true,
            ..Default::default()
        },
        today,
    )
    .len();
    assert_eq!(active + 1, with_archived);
}

#[test]
fn sorting_keeps_unknown_figures_last_both_ways() {
    let (data, today) = sample();
    for descending in [false, true] {
        let rows = data.query_projects(
            &ProjectQuery {
                sort: ProjectSort::Disbursement,
                descending,
                ..Default::default()
            },
            today,
            DEFAULT_TOLERANCE_POINTS,
        );
        let values: Vec<_> = rows
            .iter()
            .map(|r| r.latest.disbursement_percent())
            .collect();
        let known: Vec<f64> = values.iter().map_while(|v| *v).collect();
        assert!(
            values[known.len()..].iter().all(Option::is_none),
            "{values:?}"
        );
        assert!(known.len() >= 2);
        assert!(known.windows(2).all(|w| if descending {
            w[0] >= w[1]
        } else {
            w[0] <= w[1]
        }));
    }
    let by_name = names(&data, &ProjectQuery::default(), today);
    let mut sorted = by_name.clone();
    sorted.sort_by_key(|n| fold(n));
    assert_eq!(by_name, sorted);
}

#[test]
fn how_far_behind_puts_passed_finishes_first_then_the_largest_shortfall() {
    let (mut data, today) = sample();
    // An on-schedule project the officer decided is behind: after those behind by a rule.
    let decided = data
        .query_projects(&ProjectQuery::default(), today, DEFAULT_TOLERANCE_POINTS)
        .into_iter()
        .find(|r| r.computed == ScheduleStatus::OnSchedule)
        .map(|r| r.project.clone())
        .expect("the sample has a project on schedule");
    let mut p = decided.clone();
    p.decide_status(
        Some(ScheduleStatus::BehindSchedule),
        "Chưa có đường thi công",
        today,
    )
    .unwrap();
    data.projects.upsert(p);
    for descending in [false, true] {
        let rows = data.query_projects(
            &ProjectQuery {
                sort: ProjectSort::HowFarBehind,
                descending,
                ..Default::default()
            },
            today,
            DEFAULT_TOLERANCE_POINTS,
        );
        let seen: Vec<_> = rows
            .iter()
            .map(|r| (r.project.display_name(), r.shown, r.behind))
            .collect();
        let by_rule: Vec<BehindReason> = rows.iter().map_while(|r| r.behind).collect();
        assert_eq!(by_rule.len(), 4, "{seen:?}");
        assert!(by_rule.windows(2).all(|w| {
            let o = w[0].further_behind_first(&w[1]);
            if descending {
                o != Ordering::Less
            } else {
                o != Ordering::Greater
            }
        }));
        assert_eq!(rows[4].project.id, decided.id, "{seen:?}");
        assert!(rows[5..]
            .iter()
            .all(|r| r.shown != ScheduleStatus::BehindSchedule));
    }
}
