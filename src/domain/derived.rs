//! What screens look up on every click, found once per version of the data instead of on
//! each click: each project's latest figures (the projects list, the dashboard's counts and
//! lists). The session keeps one [`Derived`] and empties it at every change of its data
//! (`Session::data_changed`).
//!
//! The latest update of each directive is not kept here: finding it for the whole log
//! takes 12 ms natively (36,000 updates on the large dataset, memory-bound), over 50 ms in
//! the browser on a slow minute, longer than reading the log for the hundred directives a
//! screen shows (`Dataset::last_updates_among`).

use std::cell::OnceCell;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::dataset::Dataset;
use super::ids::ProjectId;
use super::latest::LatestFigures;

/// Each project's latest figures (carried forward over partial reports) and the date of
/// its latest report: one pass over the reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectFigures(FxHashMap<ProjectId, (LatestFigures, NaiveDate)>);

impl ProjectFigures {
    pub fn of(data: &Dataset) -> Self {
        ProjectFigures(
            data.reports_by_project()
                .into_iter()
                .filter_map(|(id, reports)| {
                    let last = reports.last()?.as_of;
                    Some((id.clone(), (LatestFigures::from_reports(reports), last)))
                })
                .collect(),
        )
    }

    /// The project's latest figures (none known when it has no report).
    pub fn latest(&self, project: &ProjectId) -> LatestFigures {
        self.0.get(project).map(|(f, _)| *f).unwrap_or_default()
    }

    /// The date of the project's latest report.
    pub fn latest_report(&self, project: &ProjectId) -> Option<NaiveDate> {
        self.0.get(project).map(|(_, d)| *d)
    }
}

/// The lookups of one version of the data, each found when first asked for. Only the
/// holder of the data may keep one, and must empty it whenever the data changes.
#[derive(Debug, Default)]
pub struct Derived {
    project_figures: OnceCell<ProjectFigures>,
}

impl Derived {
    /// Each project's latest figures in `data` (the data this was made for).
    pub fn project_figures(&self, data: &Dataset) -> &ProjectFigures {
        self.project_figures
            .get_or_init(|| ProjectFigures::of(data))
    }

    /// Finds every lookup not found yet (done in a task of its own after a change).
    pub fn fill(&self, data: &Dataset) {
        self.project_figures(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::sample;

    #[test]
    fn project_figures_are_those_of_each_projects_reports() {
        let (data, _) = sample();
        let figures = ProjectFigures::of(&data);
        for p in data.projects.iter() {
            let reports = data.reports_of(&p.id);
            assert_eq!(figures.latest(&p.id), data.latest_figures(p), "{}", p.name);
            assert_eq!(
                figures.latest_report(&p.id),
                reports.iter().map(|r| r.as_of).max()
            );
        }
        assert_eq!(
            figures.latest(&"no such project".into()),
            LatestFigures::default()
        );
    }

    #[test]
    fn derived_finds_once_and_keeps() {
        let (data, _) = sample();
        let derived = Derived::default();
        derived.fill(&data);
        assert_eq!(derived.project_figures(&data), &ProjectFigures::of(&data));
    }
}
