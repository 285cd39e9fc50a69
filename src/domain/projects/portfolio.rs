//! The projects list as officers read it: filtered by status, investor, location, capital
//! source, group and text (without diacritics), sorted by any column or by how far behind
//! schedule (`ProjectSort::HowFarBehind`: a planned finish passed first, by more days late,
//! then the larger shortfall in points below the straight-line schedule; within the sort by
//! status, the behind projects come in this order too).

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::domain::model::dataset::Dataset;
use crate::domain::model::derived::ProjectFigures;
use crate::domain::model::ids::UnitId;
use crate::domain::projects::latest::LatestFigures;
use crate::domain::projects::project::{CapitalSource, InvestmentGroup, Project, ScheduleStatus};
use crate::domain::projects::status::{schedule_verdict, BehindReason};
use crate::domain::sorting;
use crate::domain::text::{fold, matches_folded};

/// The columns the list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectSort {
    #[default]
    Name,
    Investor,
    TotalInvestment,
    SiteClearance,
    ConstructionVolume,
    Disbursement,
    Status,
    /// Date of the latest report: the stalest first when ascending.
    LatestReport,
    /// How far behind schedule, the furthest first when ascending: projects shown as
    /// behind by a rule in [`BehindReason::further_behind_first`] order (a planned finish
    /// passed, by more days late; then the larger shortfall below the straight line), then
    /// those behind by the officer's decision alone; projects not shown as behind last, by
    /// name, whatever the direction.
    HowFarBehind,
}

impl ProjectSort {
    pub const ALL: [ProjectSort; 9] = [
        ProjectSort::Name,
        ProjectSort::Investor,
        ProjectSort::TotalInvestment,
        ProjectSort::SiteClearance,
        ProjectSort::ConstructionVolume,
        ProjectSort::Disbursement,
        ProjectSort::Status,
        ProjectSort::LatestReport,
        ProjectSort::HowFarBehind,
    ];
}

/// What the officer chose above the list. Empty choices filter nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectQuery {
    /// Words to find in the name, short name, location or investor, diacritics ignored.
    pub text: String,
    /// The status shown (the officer's decision where there is one).
    pub status: Option<ScheduleStatus>,
    pub investor: Option<UnitId>,
    /// A location exactly as the register writes it.
    pub location: Option<String>,
    pub capital_source: Option<CapitalSource>,
    pub group: Option<InvestmentGroup>,
    /// Archived projects are listed only when asked for.
    pub include_archived: bool,
    pub sort: ProjectSort,
    pub descending: bool,
}

/// One line of the list, with what its columns show.
#[derive(Debug, Clone)]
pub struct ProjectRow<'a> {
    pub project: &'a Project,
    pub latest: LatestFigures,
    pub computed: ScheduleStatus,
    /// Why the computed status is behind, when it is (the rule that fired).
    pub behind: Option<BehindReason>,
    pub shown: ScheduleStatus,
    pub investor_name: &'a str,
    pub latest_report: Option<NaiveDate>,
    /// The name and the investor's name folded, once per row: the sort compares them.
    name_key: String,
    investor_key: String,
}

/// Compares two optional values with unknown ones always last, whatever the direction.
fn unknown_last<T: PartialOrd>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let o = a.partial_cmp(&b).unwrap_or(Ordering::Equal);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Rows shown as behind by a rule, furthest first (reversed when `descending`); then those
/// behind by the officer's decision alone; then the rest (see [`ProjectSort::HowFarBehind`]).
fn how_far_behind(a: &ProjectRow, b: &ProjectRow, descending: bool) -> Ordering {
    let rank = |r: &ProjectRow| match (r.shown == ScheduleStatus::BehindSchedule, r.behind) {
        (true, Some(reason)) => (0, Some(reason)),
        (true, None) => (1, None),
        (false, _) => (2, None),
    };
    let ((ra, a), (rb, b)) = (rank(a), rank(b));
    ra.cmp(&rb).then_with(|| match (a, b) {
        (Some(a), Some(b)) => {
            let o = a.further_behind_first(&b);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        _ => Ordering::Equal,
    })
}

impl ProjectQuery {
    fn compare(&self, a: &ProjectRow, b: &ProjectRow) -> Ordering {
        let d = self.descending;
        let by_name = || a.name_key.cmp(&b.name_key);
        let primary = match self.sort {
            ProjectSort::Name => {
                let o = by_name();
                return if d { o.reverse() } else { o };
            }
            ProjectSort::Investor => unknown_last(
                Some(&a.investor_key).filter(|s| !s.is_empty()),
                Some(&b.investor_key).filter(|s| !s.is_empty()),
                d,
            ),
            ProjectSort::TotalInvestment => unknown_last(
                a.project.total_investment.map(|x| x.vnd),
                b.project.total_investment.map(|x| x.vnd),
                d,
            ),
            ProjectSort::SiteClearance => unknown_last(
                a.latest.site_clearance_percent(),
                b.latest.site_clearance_percent(),
                d,
            ),
            ProjectSort::ConstructionVolume => {
                unknown_last(a.latest.volume_percent(), b.latest.volume_percent(), d)
            }
            ProjectSort::Disbursement => unknown_last(
                a.latest.disbursement_percent(),
                b.latest.disbursement_percent(),
                d,
            ),
            ProjectSort::Status => unknown_last(Some(a.shown), Some(b.shown), d)
                .then_with(|| how_far_behind(a, b, false)),
            ProjectSort::LatestReport => unknown_last(a.latest_report, b.latest_report, d),
            ProjectSort::HowFarBehind => how_far_behind(a, b, d),
        };
        primary.then_with(by_name)
    }
}

impl Dataset {
    /// The list's rows for `query`, in its order.
    pub fn query_projects(
        &self,
        query: &ProjectQuery,
        today: NaiveDate,
        tolerance: f64,
    ) -> Vec<ProjectRow<'_>> {
        self.query_projects_with(&ProjectFigures::of(self), query, today, tolerance)
    }

    /// [`Dataset::query_projects`] with each project's figures already found.
    pub fn query_projects_with(
        &self,
        figures: &ProjectFigures,
        query: &ProjectQuery,
        today: NaiveDate,
        tolerance: f64,
    ) -> Vec<ProjectRow<'_>> {
        let text = fold(&query.text);
        let mut rows: Vec<ProjectRow> = self
            .projects
            .iter()
            .filter(|p| query.include_archived || !p.archived)
            .filter(|p| query.investor.is_none() || p.investor == query.investor)
            .filter(|p| query.location.as_ref().is_none_or(|l| *l == p.location))
            .filter(|p| query.capital_source.is_none() || p.capital_source == query.capital_source)
            .filter(|p| query.group.is_none() || p.group == query.group)
            .filter_map(|p| {
                let investor_name = p
                    .investor
                    .as_ref()
                    .and_then(|u| self.units.get(u))
                    .map_or("", |u| u.display_name());
                if !text.is_empty() {
                    let haystack = fold(&format!(
                        "{} {} {} {}",
                        p.name, p.short_name, p.location, investor_name
                    ));
                    if !matches_folded(&haystack, &query.text) {
                        return None;
                    }
                }
                let latest = figures.latest(&p.id);
                let verdict = schedule_verdict(p, &latest, today, tolerance);
                let computed = verdict.status();
                let shown = p.effective_status(computed);
                if query.status.is_some_and(|s| s != shown) {
                    return None;
                }
                let latest_report = figures.latest_report(&p.id);
                Some(ProjectRow {
                    project: p,
                    latest,
                    computed,
                    behind: verdict.behind(),
                    shown,
                    investor_name,
                    latest_report,
                    name_key: fold(p.display_name()),
                    investor_key: fold(investor_name),
                })
            })
            .collect();
        sorting::sort_by(&mut rows, |a, b| query.compare(a, b));
        rows
    }

    /// The distinct locations of the register, in alphabetical order (for the filter).
    pub fn project_locations(&self) -> Vec<&str> {
        let mut locations: Vec<&str> = self
            .projects
            .iter()
            .map(|p| p.location.as_str())
            .filter(|l| !l.trim().is_empty())
            .collect();
        sorting::sort_by_cached_key(&mut locations, |l| fold(l));
        locations.dedup();
        locations
    }

    /// The units that are the investor of some project, by name (for the filter).
    pub fn project_investors(&self) -> Vec<(&UnitId, &str)> {
        let mut investors: Vec<_> = self
            .projects
            .iter()
            .filter_map(|p| p.investor.as_ref())
            .filter_map(|id| self.units.get(id).map(|u| (&u.id, u.display_name())))
            .collect();
        sorting::sort_by_cached_key(&mut investors, |(_, name)| fold(name));
        investors.dedup_by_key(|(id, _)| *id);
        investors
    }
}

#[cfg(test)]
#[path = "portfolio_tests.rs"]
mod tests;

#[cfg(test)]
mod properties {
    use chrono::{DateTime, Utc};
    use proptest::prelude::*;

    use super::*;
    use crate::domain::generate::{generate, Scale};

    fn query_strategy(data: &Dataset) -> impl Strategy<Value = ProjectQuery> {
        let investors: Vec<UnitId> = data
            .project_investors()
            .into_iter()
            .map(|(id, _)| id.clone())
            .collect();
        let locations: Vec<String> = data
            .project_locations()
            .into_iter()
            .map(str::to_owned)
            .collect();
        (
            prop::option::of(prop::sample::select(investors)),
            prop::option::of(prop::sample::select(locations)),
            prop::option::of(prop::sample::select(CapitalSource::ALL.to_vec())),
            prop::option::of(prop::sample::select(InvestmentGroup::ALL.to_vec())),
            prop::option::of(prop::sample::select(ScheduleStatus::ALL.to_vec())),
            prop::sample::select(vec!["", "duong", "du an", "xa", "khu"]),
            prop::sample::select(ProjectSort::ALL.to_vec()),
            any::<bool>(),
        )
            .prop_map(
                |(investor, location, capital_source, group, status, text, sort, descending)| {
                    ProjectQuery {
                        text: text.to_owned(),
                        status,
                        investor,
                        location,
                        capital_source,
                        group,
                        include_archived: false,
                        sort,
                        descending,
                    }
                },
            )
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    /// A district's generated register, made once.
    fn data() -> &'static Dataset {
        static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
        DATA.get_or_init(|| {
            let now: DateTime<Utc> = "2026-11-23T03:00:00Z".parse().unwrap();
            generate(Scale::SMALL, 7, today(), now)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Filters combine as "and": every row meets every chosen filter, and dropping a
        /// filter never loses a row; the sort never changes which rows are shown.
        #[test]
        fn filters_combine_and_sorting_only_orders(query in query_strategy(data())) {
            let data = data();
            let today = today();
            let ids = |q: &ProjectQuery| {
                let mut v: Vec<_> = data
                    .query_projects(q, today, 10.0)
                    .iter()
                    .map(|r| r.project.id.clone())
                    .collect();
                v.sort();
                v
            };
            let rows = data.query_projects(&query, today, 10.0);
            for r in &rows {
                let p = r.project;
                prop_assert!(query.investor.is_none() || p.investor == query.investor);
                prop_assert!(query.location.as_ref().is_none_or(|l| *l == p.location));
                prop_assert!(query.capital_source.is_none() || p.capital_source == query.capital_source);
                prop_assert!(query.group.is_none() || p.group == query.group);
                prop_assert!(query.status.is_none_or(|s| s == r.shown));
                prop_assert!(!p.archived);
            }
            let shown = ids(&query);
            for loosen in 0..5 {
                let mut wider = query.clone();
                match loosen {
                    0 => wider.investor = None,
                    1 => wider.location = None,
                    2 => wider.capital_source = None,
                    3 => wider.group = None,
                    _ => wider.text.clear(),
                }
                let wider_ids = ids(&wider);
                prop_assert!(shown.iter().all(|id| wider_ids.contains(id)));
            }
            let resorted = ProjectQuery { sort: ProjectSort::Name, descending: false, ..query.clone() };
            prop_assert_eq!(ids(&resorted), shown);
        }
    }
}
