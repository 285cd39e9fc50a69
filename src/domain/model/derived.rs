//! What screens look up on every click, found once per version of the data instead of on
//! each click: each project's latest figures (the projects list and its summary, the dashboard's
//! counts and its lists of projects behind and not reporting), each conclusion's directives
//! (its checklist and the directive form under it) and the follow-up overview as of the last
//! reference date asked for. The session
//! keeps one [`Derived`] and empties it at every change of its data
//! (`Session::data_changed`); the shell finds them again after a save, after another tab's
//! commit is taken in and after start-up, each in a task of its own (`DataSignal::warm_up`).
//!
//! The latest update of each directive is not kept here: finding it for the whole log
//! takes 12 ms natively (36,000 updates on the large dataset, memory-bound), over 50 ms in
//! the browser on a slow minute, longer than reading the log for the hundred directives a
//! screen shows (`Dataset::last_updates_among`).

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::domain::followup::citation::Citations;
use crate::domain::followup::conclusion::{Directive, DirectivePath};
use crate::domain::followup::overview::KeptOverview;
use crate::domain::model::dataset::{in_document_order, paths_taken, ChecklistLine, Dataset};
use crate::domain::model::ids::{ConclusionId, DirectiveId, ProjectId};
use crate::domain::projects::latest::LatestFigures;

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
/// holder of the data keeps one (the session), empties it whenever the data changes, and
/// lends it only paired with that data ([`Derived::with`]).
#[derive(Debug, Default)]
pub struct Derived {
    project_figures: OnceCell<ProjectFigures>,
    /// Each conclusion's directives: a checklist or the directive form reads its own
    /// instead of walking every directive of the data (18,000 on the large dataset).
    by_conclusion: OnceCell<FxHashMap<ConclusionId, Vec<DirectiveId>>>,
    /// How each directive read with its notice's own labels is cited.
    citations: OnceCell<Citations>,
    /// The follow-up overview, with the reference date and due-soon days it is as of.
    follow_up: RefCell<Option<(AsOf, Rc<KeptOverview>)>>,
}

impl Derived {
    /// These lookups paired with the data they are of (the holder's own data).
    pub fn with<'a>(&'a self, data: &'a Dataset) -> Lookups<'a> {
        Lookups {
            data,
            derived: self,
        }
    }
}

/// The data with its lookups: each found on the first call after a change, then kept.
#[derive(Clone, Copy)]
pub struct Lookups<'a> {
    pub data: &'a Dataset,
    derived: &'a Derived,
}

impl<'a> Lookups<'a> {
    /// Each project's latest figures.
    pub fn project_figures(&self) -> &'a ProjectFigures {
        self.derived
            .project_figures
            .get_or_init(|| ProjectFigures::of(self.data))
    }

    /// The follow-up overview as of `reference`: kept until the data changes or another
    /// date is asked for.
    pub fn follow_up(&self, reference: NaiveDate, due_soon_days: u64) -> Rc<KeptOverview> {
        let key = (reference, due_soon_days);
        if let Some((k, kept)) = &*self.derived.follow_up.borrow() {
            if *k == key {
                return Rc::clone(kept);
            }
        }
        let kept = Rc::new(KeptOverview::from(
            self.data.follow_up_overview(reference, due_soon_days),
        ));
        *self.derived.follow_up.borrow_mut() = Some((key, Rc::clone(&kept)));
        kept
    }

    /// How `d` is cited outside its conclusion ("4.a"; its path when read without labels).
    pub fn citation(&self, d: &Directive) -> String {
        self.derived
            .citations
            .get_or_init(|| Citations::of(self.data))
            .of_directive(d)
    }

    /// The ids of each conclusion's directives: one walk over the directives.
    pub fn directive_ids_by_conclusion(&self) -> &'a FxHashMap<ConclusionId, Vec<DirectiveId>> {
        self.derived.by_conclusion.get_or_init(|| {
            let mut index: FxHashMap<ConclusionId, Vec<DirectiveId>> = FxHashMap::default();
            for d in self.data.directives.iter() {
                index
                    .entry(d.conclusion.clone())
                    .or_default()
                    .push(d.id.clone());
            }
            index
        })
    }

    /// A conclusion's directives in document order (as `Dataset::directives_of`).
    pub fn directives_of(&self, conclusion: &ConclusionId) -> Vec<&'a Directive> {
        let index = self.directive_ids_by_conclusion();
        let mut items: Vec<&Directive> = index.get(conclusion).map_or_else(Vec::new, |ids| {
            ids.iter()
                .filter_map(|id| self.data.directives.get(id))
                .collect()
        });
        in_document_order(&mut items);
        items
    }

    /// The numbers a conclusion's directives use, but `except`'s (as
    /// `Dataset::directive_paths_taken`).
    pub fn directive_paths_taken(
        &self,
        conclusion: &ConclusionId,
        except: Option<&DirectiveId>,
    ) -> Vec<DirectivePath> {
        paths_taken(&self.directives_of(conclusion), except)
    }

    /// A conclusion's checklist (as `Dataset::checklist_of`).
    pub fn checklist_of(&self, conclusion: &ConclusionId) -> Vec<ChecklistLine<'a>> {
        self.data.checklist_from(self.directives_of(conclusion))
    }

    /// Whether a follow-up overview is kept (as of any date).
    pub fn has_follow_up(&self) -> bool {
        self.derived.follow_up.borrow().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::sample;

    #[test]
    fn a_conclusions_directives_and_checklist_are_those_the_data_gives() {
        let (mut data, _) = sample();
        let check = |data: &Dataset| {
            let derived = Derived::default();
            let found = derived.with(data);
            for c in data.conclusions.iter() {
                assert_eq!(found.directives_of(&c.id), data.directives_of(&c.id));
                assert_eq!(found.checklist_of(&c.id), data.checklist_of(&c.id));
                let first = data.directives_of(&c.id).first().map(|d| d.id.clone());
                for except in [None, first.as_ref()] {
                    let mut ours = found.directive_paths_taken(&c.id, except);
                    let mut theirs = data.directive_paths_taken(&c.id, except);
                    crate::domain::sorting::sort(&mut ours);
                    crate::domain::sorting::sort(&mut theirs);
                    assert_eq!(ours, theirs);
                }
            }
            let unknown = ConclusionId::from("no-such-conclusion".to_owned());
            assert!(found.directives_of(&unknown).is_empty());
        };
        check(&data);
        // A directive moved to another conclusion and one removed: a new version of the
        // data, with lookups of its own.
        let ids: Vec<_> = data
            .directives
            .iter()
            .map(|d| d.id.clone())
            .take(2)
            .collect();
        let (moved, removed) = (ids[0].clone(), ids[1].clone());
        let other = data.conclusions.iter().last().unwrap().id.clone();
        let mut d = data.directives.get(&moved).unwrap().clone();
        d.conclusion = other;
        data.directives.upsert(d);
        data.directives.remove(&removed);
        check(&data);
    }

    #[test]
    fn project_figures_are_those_of_each_projects_reports() {
        let (mut data, _) = sample();
        // One project without any report.
        let bare = data.projects.iter().next().unwrap().id.clone();
        let its: Vec<_> = data
            .reports_of(&bare)
            .iter()
            .map(|r| r.id.clone())
            .collect();
        assert!(!its.is_empty());
        for id in its {
            data.progress_reports.remove(&id);
        }
        let figures = ProjectFigures::of(&data);
        assert_eq!(figures.latest_report(&bare), None);
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
        let found = derived.with(&data);
        assert_eq!(found.project_figures(), &ProjectFigures::of(&data));
        assert!(
            std::ptr::eq(found.project_figures(), found.project_figures()),
            "kept"
        );
        assert!(!found.has_follow_up());
        let first = found.follow_up(today, 7);
        assert!(found.has_follow_up());
        assert!(Rc::ptr_eq(&first, &found.follow_up(today, 7)), "kept");
        // What is kept is what the overview says, by id.
        let o = data.follow_up_overview(today, 7);
        let ids = |items: &[&crate::domain::Directive]| -> Vec<_> {
            items.iter().map(|d| d.id.clone()).collect()
        };
        assert_eq!(first.counts, o.counts);
        assert!(!first.overdue.is_empty());
        assert_eq!(first.overdue, ids(&o.overdue));
        assert_eq!(first.week, ids(&o.week));
        let coming = o.coming.as_ref().unwrap();
        assert_eq!(
            first.coming,
            Some((
                coming.date,
                coming.meeting.map(|m| m.id.clone()),
                ids(&coming.open)
            ))
        );
        let units: Vec<_> = o.by_unit.iter().map(|(u, t)| ((*u).clone(), *t)).collect();
        assert_eq!(first.by_unit, units);
        let conclusions: Vec<_> = o
            .by_conclusion
            .iter()
            .map(|(c, t)| (c.id.clone(), *t))
            .collect();
        assert_eq!(first.by_conclusion, conclusions);
        // Another reference date, or other due-soon days: found again.
        let later = today + chrono::Days::new(40);
        let other = found.follow_up(later, 7);
        assert_eq!(
            *other,
            KeptOverview::from(data.follow_up_overview(later, 7))
        );
        assert_ne!(*other, *first);
        let soon = found.follow_up(later, 30);
        assert_eq!(
            *soon,
            KeptOverview::from(data.follow_up_overview(later, 30))
        );
    }
}
