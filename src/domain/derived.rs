//! What screens look up on every click, found once per version of the data instead of on
//! each click: each project's latest figures (the projects list, the dashboard's counts and
//! lists) and the follow-up overview as of the last reference date asked for. The session
//! keeps one [`Derived`] and empties it at every change of its data
//! (`Session::data_changed`).
//!
//! The latest update of each directive is not kept here: finding it for the whole log
//! takes 12 ms natively (36,000 updates on the large dataset, memory-bound), over 50 ms in
//! the browser on a slow minute, longer than reading the log for the hundred directives a
//! screen shows (`Dataset::last_updates_among`).

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::dataset::Dataset;
use super::followup_overview::KeptOverview;
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

/// A reference date and the due-soon days: what the follow-up overview is as of.
type AsOf = (NaiveDate, u64);

/// The lookups of one version of the data, each found when first asked for. Only the
/// holder of the data may keep one, and must empty it whenever the data changes.
#[derive(Debug, Default)]
pub struct Derived {
    project_figures: OnceCell<ProjectFigures>,
    /// The follow-up overview, with the reference date and due-soon days it is as of.
    follow_up: RefCell<Option<(AsOf, Rc<KeptOverview>)>>,
}

impl Derived {
    /// Each project's latest figures in `data` (the data this was made for).
    pub fn project_figures(&self, data: &Dataset) -> &ProjectFigures {
        self.project_figures
            .get_or_init(|| ProjectFigures::of(data))
    }

    /// The follow-up overview of `data` as of `reference` (the data this was made for):
    /// kept until the data changes or another date is asked for.
    pub fn follow_up(
        &self,
        data: &Dataset,
        reference: NaiveDate,
        due_soon_days: u64,
    ) -> Rc<KeptOverview> {
        let key = (reference, due_soon_days);
        if let Some((k, kept)) = &*self.follow_up.borrow() {
            if *k == key {
                return Rc::clone(kept);
            }
        }
        let kept = Rc::new(KeptOverview::from(
            data.follow_up_overview(reference, due_soon_days),
        ));
        *self.follow_up.borrow_mut() = Some((key, Rc::clone(&kept)));
        kept
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
        let (data, today) = sample();
        let derived = Derived::default();
        assert_eq!(derived.project_figures(&data), &ProjectFigures::of(&data));
        let first = derived.follow_up(&data, today, 7);
        assert_eq!(
            *first,
            KeptOverview::from(data.follow_up_overview(today, 7))
        );
        assert!(
            Rc::ptr_eq(&first, &derived.follow_up(&data, today, 7)),
            "kept"
        );
        // Another reference date, or other due-soon days: found again.
        let later = today + chrono::Days::new(40);
        let other = derived.follow_up(&data, later, 7);
        assert_eq!(
            *other,
            KeptOverview::from(data.follow_up_overview(later, 7))
        );
        assert_ne!(*other, *first);
        let soon = derived.follow_up(&data, later, 30);
        assert_eq!(
            *soon,
            KeptOverview::from(data.follow_up_overview(later, 30))
        );
    }
}
