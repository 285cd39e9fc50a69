//! Figures the dashboard quotes, computed from the dataset.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::domain::followup::conclusion::Directive;
use crate::domain::followup::state::FollowUpState;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::derived::ProjectFigures;
use crate::domain::model::ids::ProjectId;
use crate::domain::money::Vnd;
use crate::domain::projects::status::{schedule_verdict, BehindReason, ScheduleVerdict};
use crate::domain::projects::{
    changes_since_previous, LatestFigures, Obstacle, Project, ReportChanges, ScheduleStatus,
};
use crate::domain::sorting;
use crate::domain::units::org::DatedCapital;

/// An active project with no report for this many days is listed on the dashboard as not
/// reporting (about six weeks: a month's report plus the time it takes to arrive).
pub const STALE_REPORT_DAYS: u64 = 45;
/// The dashboard's "what changed" covers the reports of this many days (one month).
pub const RECENT_CHANGE_DAYS: u64 = 30;

/// The year's capital summed over the projects whose latest capital figures are of `year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CapitalTotals {
    pub projects: usize,
    pub plan: Vnd,
    pub allocated: Vnd,
    pub disbursed: Vnd,
}

impl CapitalTotals {
    pub fn disbursed_percent(&self) -> Option<f64> {
        Vnd::percent_of(self.disbursed, self.plan)
    }

    pub fn allocated_percent(&self) -> Option<f64> {
        Vnd::percent_of(self.allocated, self.plan)
    }
}

impl Dataset {
    pub fn latest_figures(&self, project: &Project) -> LatestFigures {
        LatestFigures::from_reports(
            self.progress_reports
                .iter()
                .filter(|r| r.project == project.id),
        )
    }

    /// The computed status of a project and the one shown first (the officer's decision if any).
    pub fn project_status(
        &self,
        project: &Project,
        today: NaiveDate,
        tolerance: f64,
    ) -> (ScheduleStatus, ScheduleStatus) {
        let computed = self.project_verdict(project, today, tolerance).status();
        (computed, project.effective_status(computed))
    }

    /// The computed status of a project with, when behind, the rule that fired.
    pub fn project_verdict(
        &self,
        project: &Project,
        today: NaiveDate,
        tolerance: f64,
    ) -> ScheduleVerdict {
        schedule_verdict(project, &self.latest_figures(project), today, tolerance)
    }

    /// Each active project with its latest figures and status, in one pass over
    /// the reports (the dashboard's counts and lists read these).
    pub fn project_facts(&self, today: NaiveDate, tolerance: f64) -> Vec<ProjectFacts<'_>> {
        self.project_facts_with(&ProjectFigures::of(self), today, tolerance)
    }

    /// [`Dataset::project_facts`] with each project's figures already found.
    pub fn project_facts_with(
        &self,
        figures: &ProjectFigures,
        today: NaiveDate,
        tolerance: f64,
    ) -> Vec<ProjectFacts<'_>> {
        self.active_projects()
            .map(|project| {
                let latest = figures.latest(&project.id);
                let verdict = schedule_verdict(project, &latest, today, tolerance);
                ProjectFacts {
                    project,
                    shown: project.effective_status(verdict.status()),
                    behind: verdict.behind(),
                    latest,
                }
            })
            .collect()
    }

    /// Active projects per status shown: "2/15 completed · 4/15 on schedule · 9/15 behind".
    pub fn status_counts(
        &self,
        figures: &ProjectFigures,
        today: NaiveDate,
        tolerance: f64,
    ) -> BTreeMap<ScheduleStatus, usize> {
        let mut counts = BTreeMap::new();
        for f in self.project_facts_with(figures, today, tolerance) {
            *counts.entry(f.shown).or_insert(0) += 1;
        }
        counts
    }

    /// Active projects shown as behind schedule, each with why (the rule that fired) and its
    /// main open obstacle (the longest-standing unresolved one), furthest behind first.
    pub fn behind_with_obstacles(&self, today: NaiveDate, tolerance: f64) -> Vec<Behind<'_>> {
        self.behind_with_obstacles_with(&ProjectFigures::of(self), today, tolerance)
    }

    /// [`Dataset::behind_with_obstacles`] with each project's figures already found.
    pub fn behind_with_obstacles_with(
        &self,
        figures: &ProjectFigures,
        today: NaiveDate,
        tolerance: f64,
    ) -> Vec<Behind<'_>> {
        let mut main: BTreeMap<&ProjectId, &Obstacle> = BTreeMap::new();
        for o in self.obstacles.iter().filter(|o| o.resolved_on.is_none()) {
            let slot = main.entry(&o.project).or_insert(o);
            if (o.since.is_none(), o.since) < (slot.since.is_none(), slot.since) {
                *slot = o;
            }
        }
        let mut behind: Vec<_> = self
            .project_facts_with(figures, today, tolerance)
            .into_iter()
            .filter(|f| f.shown == ScheduleStatus::BehindSchedule)
            .map(|f| Behind {
                project: f.project,
                reason: f.behind,
                obstacle: main.get(&f.project.id).copied(),
            })
            .collect();
        // Furthest behind first (the brief prints the first rows only), those behind by the
        // officer's decision alone after, then by name.
        sorting::sort_by(&mut behind, |a, b| {
            let by_reason = match (&a.reason, &b.reason) {
                (Some(x), Some(y)) => x.further_behind_first(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            by_reason.then_with(|| a.project.display_name().cmp(b.project.display_name()))
        });
        behind
    }

    /// Active (not archived) projects.
    pub fn active_projects(&self) -> impl Iterator<Item = &Project> {
        self.projects.iter().filter(|p| !p.archived)
    }

    /// The year's capital across the portfolio, from each project's latest report of `year`.
    pub fn portfolio_capital(&self, year: i32) -> CapitalTotals {
        self.portfolio_capital_as_of(year, NaiveDate::MAX)
    }

    /// The year's capital across the portfolio as known on `as_of`: each project's latest
    /// report of `year` dated on or before it.
    pub fn portfolio_capital_as_of(&self, year: i32, as_of: NaiveDate) -> CapitalTotals {
        let mut totals = CapitalTotals::default();
        let mut latest: BTreeMap<&str, (NaiveDate, crate::domain::projects::progress::Capital)> =
            BTreeMap::new();
        for r in self.progress_reports.iter().filter(|r| {
            r.capital.year == Some(year) && r.capital.plan.is_some() && r.as_of <= as_of
        }) {
            let slot = latest
                .entry(r.project.as_str())
                .or_insert((r.as_of, r.capital));
            if slot.0 <= r.as_of {
                *slot = (r.as_of, r.capital);
            }
        }
        for (_, capital) in latest.values() {
            totals.projects += 1;
            totals.plan.0 += capital.plan.map_or(0, |v| v.0);
            totals.allocated.0 += capital.allocated.map_or(0, |v| v.0);
            totals.disbursed.0 += capital.disbursed.map_or(0, |v| v.0);
        }
        totals
    }

    /// The portfolio's capital in the same period of the previous year (its reports dated up
    /// to the same day a year earlier), where such reports were entered.
    pub fn same_period_last_year(&self, today: NaiveDate) -> Option<CapitalTotals> {
        let a_year_ago = today.checked_sub_months(chrono::Months::new(12))?;
        let totals = self.portfolio_capital_as_of(today.year() - 1, a_year_ago);
        (totals.projects > 0).then_some(totals)
    }

    /// The latest public-investment figures reported to any committee.
    pub fn latest_public_investment(&self) -> Option<&DatedCapital> {
        self.committees
            .iter()
            .flat_map(|c| c.public_investment.iter())
            .max_by_key(|d| d.as_of)
    }

    pub fn directive_state_counts(
        &self,
        today: NaiveDate,
        due_soon_days: u64,
    ) -> BTreeMap<FollowUpState, usize> {
        let mut counts = BTreeMap::new();
        for d in self.followed() {
            *counts.entry(d.state(today, due_soon_days)).or_insert(0) += 1;
        }
        counts
    }

    /// Directives in one follow-up state, soonest (or most overdue) due date first.
    pub fn directives_in_state(
        &self,
        state: FollowUpState,
        today: NaiveDate,
        due_soon_days: u64,
    ) -> Vec<&Directive> {
        let mut items: Vec<_> = self
            .followed()
            .into_iter()
            .filter(|d| d.state(today, due_soon_days) == state)
            .collect();
        sorting::sort_by_cached_key(&mut items, |d| (d.due_judged(today), d.path.clone()));
        items
    }

    /// The next planned meeting date on or after `today`, from meetings' "next meeting" and
    /// meetings already recorded for a future date.
    pub fn next_meeting_date(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.meetings
            .iter()
            .flat_map(|m| [Some(m.date), m.next_meeting])
            .flatten()
            .filter(|d| *d >= today)
            .min()
    }

    /// Active projects whose latest report is older than `days` (or that have none): the
    /// dashboard asks with [`STALE_REPORT_DAYS`].
    pub fn projects_without_recent_report(
        &self,
        figures: &ProjectFigures,
        today: NaiveDate,
        days: u64,
    ) -> Vec<&Project> {
        let cutoff = today - chrono::Days::new(days);
        self.active_projects()
            .filter(|p| figures.latest_report(&p.id).is_none_or(|d| d < cutoff))
            .collect()
    }

    /// Active projects whose reports of the last `days` changed a figure, latest first: the
    /// dashboard asks with [`RECENT_CHANGE_DAYS`].
    pub fn recent_changes(&self, today: NaiveDate, days: u64) -> Vec<(&Project, ReportChanges)> {
        let cutoff = today - chrono::Days::new(days);
        let mut by_project = self.reports_by_project();
        let mut list: Vec<_> = self
            .active_projects()
            .filter_map(|p| {
                let changes = changes_since_previous(by_project.remove(&p.id).unwrap_or_default())?;
                (changes.latest >= cutoff && !changes.changes.is_empty()).then_some((p, changes))
            })
            .collect();
        sorting::sort_by_key(&mut list, |(p, c)| {
            (std::cmp::Reverse(c.latest), p.display_name().to_owned())
        });
        list
    }
}

/// An active project with what the lists and counts read of it.
#[derive(Debug, Clone)]
pub struct ProjectFacts<'a> {
    pub project: &'a Project,
    pub latest: LatestFigures,
    /// The status shown: the officer's decision where there is one.
    pub shown: ScheduleStatus,
    /// Why the computed status is behind, when it is.
    pub behind: Option<BehindReason>,
}

/// A project shown as behind schedule, as the dashboard and the head's brief list it.
#[derive(Debug, Clone, Copy)]
pub struct Behind<'a> {
    pub project: &'a Project,
    /// The rule that made the computed status behind; `None` when "behind" is the officer's
    /// decision alone (its reason is then the decision's).
    pub reason: Option<BehindReason>,
    pub obstacle: Option<&'a Obstacle>,
}

#[cfg(test)]
#[path = "dashboard_tests.rs"]
mod tests;

/// A headline figure followed over time on the project page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    SiteClearance,
    ConstructionVolume,
    Disbursement,
}

impl Dataset {
    /// The dated values of one figure from a project's reports, oldest first (reports that
    /// do not give the figure are skipped, not read as zero).
    /// Disbursement is a share of one year's plan, so only the latest year's is followed.
    pub fn series(&self, project: &Project, figure: Figure) -> Vec<(NaiveDate, f64)> {
        let reports: Vec<_> = self
            .progress_reports
            .iter()
            .filter(|r| r.project == project.id)
            .collect();
        let capital_year = reports
            .iter()
            .filter(|r| r.capital.disbursement_percent().is_some())
            .max_by_key(|r| r.as_of)
            .and_then(|r| r.capital.year);
        let mut points: Vec<_> = reports
            .into_iter()
            .filter(|r| figure != Figure::Disbursement || r.capital.year == capital_year)
            .filter_map(|r| {
                let value = match figure {
                    Figure::SiteClearance => r.site_clearance.overall_percent(),
                    Figure::ConstructionVolume => r.construction.volume_percent,
                    Figure::Disbursement => r.capital.disbursement_percent(),
                };
                value.map(|v| (r.as_of, v))
            })
            .collect();
        sorting::sort_by_key(&mut points, |p| p.0);
        points
    }
}

#[cfg(test)]
mod series_tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::domain::model::ids::SeededIds;
    use crate::domain::sample::sample_dataset;

    #[test]
    fn recent_changes_are_the_projects_that_reported_lately() {
        let (data, today) = crate::domain::sample::fixture::sample();
        let recent = data.recent_changes(today, 30);
        assert!(!recent.is_empty());
        assert!(recent.windows(2).all(|w| w[0].1.latest >= w[1].1.latest));
        assert!(recent
            .iter()
            .all(|(_, c)| c.latest >= today - chrono::Days::new(30) && !c.changes.is_empty()));
        let nam_rom = recent
            .iter()
            .find(|(p, _)| p.short_name == "Nậm Rốm")
            .expect("Nậm Rốm reported within 30 days");
        assert!(nam_rom.1.previous.is_some());
    }

    #[test]
    fn a_report_with_only_its_narrative_keeps_the_project_among_recent_changes() {
        let (mut data, today) = crate::domain::sample::fixture::sample();
        let changed = |data: &Dataset| {
            data.recent_changes(today, 30)
                .into_iter()
                .find(|(p, _)| p.short_name == "Nậm Rốm")
                .map(|(_, c)| c)
        };
        let before = changed(&data).expect("Nậm Rốm reported within 30 days");
        let project = data
            .projects
            .iter()
            .find(|p| p.short_name == "Nậm Rốm")
            .unwrap()
            .id
            .clone();
        let mut words = data
            .progress_reports
            .iter()
            .find(|r| r.project == project)
            .unwrap()
            .clone();
        words.id = "words-only".into();
        words.as_of = today;
        words.site_clearance = Default::default();
        words.construction = Default::default();
        words.capital = Default::default();
        words.narrative = "Đang chi trả bồi thường".into();
        data.progress_reports.upsert(words);
        assert_eq!(changed(&data), Some(before));
    }

    #[test]
    fn series_skip_reports_without_the_figure() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let now: DateTime<Utc> = "2026-11-23T03:00:00Z".parse().unwrap();
        let data = sample_dataset(today, now, &mut SeededIds::new(4));
        let sports = data
            .projects
            .iter()
            .find(|p| p.short_name == "Trung tâm TDTT")
            .unwrap();
        let clearance = data.series(sports, Figure::SiteClearance);
        assert_eq!(
            clearance.len(),
            1,
            "only the older report gave site clearance"
        );
        let disbursement = data.series(sports, Figure::Disbursement);
        assert_eq!(
            disbursement.len(),
            2,
            "last year's report is not on this year's disbursement line"
        );
        let volume = data.series(sports, Figure::ConstructionVolume);
        assert_eq!(
            volume.iter().map(|p| p.1).collect::<Vec<_>>(),
            vec![6.5, 10.0]
        );
        assert!(volume[0].0 < volume[1].0);
    }
}
