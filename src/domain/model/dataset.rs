//! The whole of an office's data: one versioned value, the unit of export and storage.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::followup::conclusion::{Conclusion, Directive, DirectivePath, DirectiveUpdate};
use crate::domain::followup::meeting::Meeting;
use crate::domain::model::collection::Collection;
use crate::domain::model::ids::{ConclusionId, DirectiveId, ProjectId};
use crate::domain::model::record::{Record, RecordKind};
use crate::domain::projects::progress::ProgressReport;
use crate::domain::projects::project::{Obstacle, Project};
use crate::domain::sorting;
use crate::domain::units::org::{Committee, Unit};

/// The schema version this build writes. Older versions are migrated on load
/// (see [`crate::domain::sharing::migrate`]); newer ones are refused.
pub const SCHEMA_VERSION: u32 = 7;

/// The name written in every file, so a Dondoc file can be told from any other JSON.
pub const FORMAT_NAME: &str = "dondoc";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub format: String,
    pub schema_version: u32,
    #[serde(default)]
    pub committees: Collection<Committee>,
    #[serde(default)]
    pub units: Collection<Unit>,
    #[serde(default)]
    pub projects: Collection<Project>,
    #[serde(default)]
    pub progress_reports: Collection<ProgressReport>,
    #[serde(default)]
    pub obstacles: Collection<Obstacle>,
    #[serde(default)]
    pub meetings: Collection<Meeting>,
    #[serde(default)]
    pub conclusions: Collection<Conclusion>,
    #[serde(default)]
    pub directives: Collection<Directive>,
    #[serde(default)]
    pub directive_updates: Collection<DirectiveUpdate>,
    /// The office's letterhead: one record (see [`crate::domain::documents::Office`]).
    #[serde(default)]
    pub offices: Collection<crate::domain::documents::Office>,
    /// Units' requests for more time, and the office's answers.
    #[serde(default)]
    pub extension_requests: Collection<crate::domain::followup::ExtensionRequest>,
    /// An export's envelope (see [`crate::domain::sharing::share::ExportInfo`]): read with the records, so a
    /// broken one is refused, and taken out by `parse_dataset` (never kept, never written).
    #[serde(default, rename = "export", skip_serializing)]
    pub envelope: crate::domain::sharing::share::Envelope,
}

impl Default for Dataset {
    fn default() -> Self {
        Self {
            format: FORMAT_NAME.to_owned(),
            schema_version: SCHEMA_VERSION,
            committees: Collection::default(),
            units: Collection::default(),
            projects: Collection::default(),
            progress_reports: Collection::default(),
            obstacles: Collection::default(),
            meetings: Collection::default(),
            conclusions: Collection::default(),
            directives: Collection::default(),
            directive_updates: Collection::default(),
            offices: Collection::default(),
            extension_requests: Collection::default(),
            envelope: Default::default(),
        }
    }
}

/// Ids changed since storage last asked, per kind of record.
pub type Changes = BTreeMap<RecordKind, Vec<String>>;

/// Counts of an incoming file's records against what is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub new: usize,
    pub identical: usize,
    pub differing: usize,
}

/// Code that works on every collection whatever its record type (storage, counts).
pub trait Visitor {
    fn visit<T: Record>(&mut self, collection: &Collection<T>);
}

pub trait VisitorMut {
    fn visit<T: Record>(&mut self, collection: &mut Collection<T>);
}

/// One line of a conclusion's checklist.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChecklistLine<'a> {
    pub directive: &'a Directive,
    /// A group heading, followed up through its sub-items.
    pub heading: bool,
    pub last_update: Option<&'a DirectiveUpdate>,
}

/// The group headings among `items`, directives of one conclusion or of several (see
/// [`Dataset::headings`]).
/// The numbers `items` (a conclusion's directives) use, but that of `except` (the
/// directive being corrected, whose own number stays free for it).
pub fn paths_taken(items: &[&Directive], except: Option<&DirectiveId>) -> Vec<DirectivePath> {
    items
        .iter()
        .filter(|d| Some(&d.id) != except)
        .map(|d| d.path.clone())
        .collect()
}

/// A conclusion's directives in the order of their numbers (1, 1.1, 1.2, 2, …).
pub fn in_document_order(items: &mut [&Directive]) {
    sorting::sort_by(items, |a, b| a.path.cmp(&b.path));
}

pub fn headings_among<'a>(items: &[&'a Directive]) -> rustc_hash::FxHashSet<&'a DirectiveId> {
    let parents: rustc_hash::FxHashSet<(&ConclusionId, &[u16])> = items
        .iter()
        .flat_map(|d| {
            let parts = d.path.parts();
            (1..parts.len()).map(move |k| (&d.conclusion, &parts[..k]))
        })
        .collect();
    items
        .iter()
        .filter(|d| {
            d.deadline == crate::domain::Deadline::None {}
                && parents.contains(&(&d.conclusion, d.path.parts()))
        })
        .map(|d| &d.id)
        .collect()
}

impl Dataset {
    /// Calls the visitor once per collection, in storage order.
    pub fn visit(&self, v: &mut impl Visitor) {
        v.visit(&self.committees);
        v.visit(&self.units);
        v.visit(&self.projects);
        v.visit(&self.progress_reports);
        v.visit(&self.obstacles);
        v.visit(&self.meetings);
        v.visit(&self.conclusions);
        v.visit(&self.directives);
        v.visit(&self.directive_updates);
        v.visit(&self.offices);
        v.visit(&self.extension_requests);
    }

    pub fn visit_mut(&mut self, v: &mut impl VisitorMut) {
        v.visit(&mut self.committees);
        v.visit(&mut self.units);
        v.visit(&mut self.projects);
        v.visit(&mut self.progress_reports);
        v.visit(&mut self.obstacles);
        v.visit(&mut self.meetings);
        v.visit(&mut self.conclusions);
        v.visit(&mut self.directives);
        v.visit(&mut self.directive_updates);
        v.visit(&mut self.offices);
        v.visit(&mut self.extension_requests);
    }

    /// Records of every kind together.
    pub fn total_records(&self) -> usize {
        RecordKind::ALL.iter().map(|k| self.count(*k)).sum()
    }

    pub fn count(&self, kind: RecordKind) -> usize {
        struct Count(RecordKind, usize);
        impl Visitor for Count {
            fn visit<T: Record>(&mut self, c: &Collection<T>) {
                if T::KIND == self.0 {
                    self.1 = c.len();
                }
            }
        }
        let mut count = Count(kind, 0);
        self.visit(&mut count);
        count.1
    }

    pub fn is_empty(&self) -> bool {
        RecordKind::ALL.iter().all(|k| self.count(*k) == 0)
    }

    /// The ids changed and not yet saved, per kind (the marks stay).
    pub fn changed_ids(&self) -> Changes {
        struct Peek(Changes);
        impl Visitor for Peek {
            fn visit<T: Record>(&mut self, c: &Collection<T>) {
                let ids = c.changed_ids();
                if !ids.is_empty() {
                    self.0.insert(T::KIND, ids);
                }
            }
        }
        let mut peek = Peek(Changes::new());
        self.visit(&mut peek);
        peek.0
    }

    /// Hands the ids changed since the last call to storage, and forgets them.
    pub fn take_changes(&mut self) -> Changes {
        struct Take(Changes);
        impl VisitorMut for Take {
            fn visit<T: Record>(&mut self, c: &mut Collection<T>) {
                let ids = c.take_changed();
                if !ids.is_empty() {
                    self.0.insert(T::KIND, ids);
                }
            }
        }
        let mut take = Take(Changes::new());
        self.visit_mut(&mut take);
        take.0
    }

    /// Adds every record of `other` whose id is not yet here; returns how many were added.
    /// Records already present are left untouched: this never overwrites.
    pub fn add_missing(&mut self, other: Dataset) -> usize {
        fn add<T: Record>(into: &mut Collection<T>, from: &Collection<T>) -> usize {
            let mut added = 0;
            for record in from.iter() {
                if !into.contains(record.id()) {
                    into.upsert(record.clone());
                    added += 1;
                }
            }
            added
        }
        struct Adder<'a> {
            from: &'a Dataset,
            added: usize,
        }
        impl VisitorMut for Adder<'_> {
            fn visit<T: Record>(&mut self, into: &mut Collection<T>) {
                self.added += add(into, self.from.collection::<T>());
            }
        }
        let mut adder = Adder {
            from: &other,
            added: 0,
        };
        self.visit_mut(&mut adder);
        adder.added
    }

    /// How the records of `incoming` relate to this dataset, before anything is written.
    pub fn compare(&self, incoming: &Dataset) -> ImportSummary {
        fn cmp<T: Record>(mine: &Collection<T>, theirs: &Collection<T>, out: &mut ImportSummary) {
            for record in theirs.iter() {
                match mine.get(record.id()) {
                    None => out.new += 1,
                    Some(existing) if existing == record => out.identical += 1,
                    Some(_) => out.differing += 1,
                }
            }
        }
        struct Comparer<'a> {
            mine: &'a Dataset,
            out: ImportSummary,
        }
        impl Visitor for Comparer<'_> {
            fn visit<T: Record>(&mut self, theirs: &Collection<T>) {
                cmp(self.mine.collection::<T>(), theirs, &mut self.out);
            }
        }
        let mut comparer = Comparer {
            mine: self,
            out: ImportSummary::default(),
        };
        incoming.visit(&mut comparer);
        comparer.out
    }

    /// A project's reports, oldest first.
    pub fn reports_of(&self, project: &ProjectId) -> Vec<&ProgressReport> {
        let mut reports: Vec<_> = self
            .progress_reports
            .iter()
            .filter(|r| &r.project == project)
            .collect();
        sorting::sort_by_key(&mut reports, |r| r.as_of);
        reports
    }

    /// Every project's reports, oldest first, found in one pass over the log (lists and
    /// counts use it instead of asking [`Dataset::reports_of`] once per project).
    pub fn reports_by_project(&self) -> BTreeMap<&ProjectId, Vec<&ProgressReport>> {
        let mut by_project: BTreeMap<&ProjectId, Vec<&ProgressReport>> = BTreeMap::new();
        for r in self.progress_reports.iter() {
            by_project.entry(&r.project).or_default().push(r);
        }
        for reports in by_project.values_mut() {
            sorting::sort_by_key(reports, |r| r.as_of);
        }
        by_project
    }

    /// A unit's full name, as documents and sheets write it (empty for an unknown id).
    pub fn unit_name(&self, id: &crate::domain::model::ids::UnitId) -> String {
        self.units
            .get(id)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    }

    /// The unit called `name` (its name, short name or a former name), ignoring diacritics,
    /// case and spacing, so a unit added on the spot is not added twice.
    pub fn unit_named(&self, name: &str) -> Option<&Unit> {
        let wanted = crate::domain::text::fold(name);
        self.units.iter().find(|u| {
            u.all_names()
                .any(|n| crate::domain::text::fold(n) == wanted)
        })
    }

    /// Directives that only introduce sub-items ("3. UBND xã Mường Phăng:" over 3.1 and
    /// 3.2: sub-items and no deadline of their own): they head a group and are followed up
    /// through their sub-items, not counted themselves.
    pub fn headings(&self) -> rustc_hash::FxHashSet<&DirectiveId> {
        headings_among(&self.directives.iter().collect::<Vec<_>>())
    }

    /// The directives that are followed up one by one: all but group headings.
    pub fn followed(&self) -> Vec<&Directive> {
        let headings = self.headings();
        self.directives
            .iter()
            .filter(|d| !headings.contains(&d.id))
            .collect()
    }

    /// A conclusion's directives followed up one by one, in document order (headings are
    /// found among the conclusion's own directives: a heading's sub-items are its own).
    pub fn followed_of(&self, conclusion: &ConclusionId) -> Vec<&Directive> {
        let items = self.directives_of(conclusion);
        let headings = headings_among(&items);
        items
            .into_iter()
            .filter(|d| !headings.contains(&d.id))
            .collect()
    }

    /// A conclusion's checklist: its directives in document order, each with whether it is
    /// a group heading and its latest update. Reads the conclusion's directives and one pass
    /// of the log, never the whole dataset's headings.
    ///
    /// Kept as the reference the lookups are checked against: screens ask `Lookups`.
    #[cfg(test)]
    pub(in crate::domain) fn checklist_of(
        &self,
        conclusion: &ConclusionId,
    ) -> Vec<ChecklistLine<'_>> {
        self.checklist_from(self.directives_of(conclusion))
    }

    /// The checklist of `items`, a conclusion's directives in document order.
    pub fn checklist_from<'a>(&'a self, items: Vec<&'a Directive>) -> Vec<ChecklistLine<'a>> {
        let headings = headings_among(&items);
        let ids: rustc_hash::FxHashSet<&DirectiveId> = items.iter().map(|d| &d.id).collect();
        let last = self.last_updates_among(&ids);
        items
            .into_iter()
            .map(|directive| ChecklistLine {
                heading: headings.contains(&directive.id),
                last_update: last.get(&directive.id).copied(),
                directive,
            })
            .collect()
    }

    /// The latest update of each directive of `ids` that has one (one pass over the log).
    pub fn last_updates_among<'a>(
        &'a self,
        ids: &rustc_hash::FxHashSet<&DirectiveId>,
    ) -> rustc_hash::FxHashMap<&'a DirectiveId, &'a DirectiveUpdate> {
        latest_of_each(
            self.directive_updates
                .iter()
                .filter(|u| ids.contains(&u.directive)),
        )
    }

    /// The number and symbol of the conclusion a directive belongs to ("16-KL/BCĐ").
    pub fn number_of(&self, directive: &Directive) -> &str {
        self.conclusions
            .get(&directive.conclusion)
            .map_or("", |c| c.number_symbol.as_str())
    }

    /// The numbers the directives of `conclusion` use, but that of `except` (the directive
    /// being corrected, whose own number stays free for it).
    ///
    /// Kept as the reference the lookups are checked against: screens ask `Lookups`.
    #[cfg(test)]
    pub(in crate::domain) fn directive_paths_taken(
        &self,
        conclusion: &ConclusionId,
        except: Option<&DirectiveId>,
    ) -> Vec<DirectivePath> {
        paths_taken(&self.directives_of(conclusion), except)
    }

    /// Walks every directive: screens read a conclusion's directives from the lookups kept
    /// per version of the data (`Lookups::directives_of`), the one query path they have.
    pub(in crate::domain) fn directives_of(&self, conclusion: &ConclusionId) -> Vec<&Directive> {
        let mut items: Vec<_> = self
            .directives
            .iter()
            .filter(|d| &d.conclusion == conclusion)
            .collect();
        in_document_order(&mut items);
        items
    }

    /// The latest update of every directive that has one (for lists: one pass over the log).
    pub fn last_updates(&self) -> rustc_hash::FxHashMap<&DirectiveId, &DirectiveUpdate> {
        latest_of_each(self.directive_updates.iter())
    }

    /// A directive's follow-up log, oldest first.
    pub fn updates_of(&self, directive: &DirectiveId) -> Vec<&DirectiveUpdate> {
        let mut items: Vec<_> = self
            .directive_updates
            .iter()
            .filter(|u| &u.directive == directive)
            .collect();
        sorting::sort_by_key(&mut items, |u| latest_key(u));
        items
    }
}

/// The order of a directive's log: by the day reported, then by when it was recorded. The
/// latest update is the last in this order (one rule for every list, report and file).
pub fn latest_key(u: &DirectiveUpdate) -> (chrono::NaiveDate, chrono::DateTime<chrono::Utc>) {
    (u.date, u.created_at)
}

/// The latest update of each directive among `updates`.
fn latest_of_each<'a>(
    updates: impl Iterator<Item = &'a DirectiveUpdate>,
) -> rustc_hash::FxHashMap<&'a DirectiveId, &'a DirectiveUpdate> {
    let mut last: rustc_hash::FxHashMap<&DirectiveId, &DirectiveUpdate> = Default::default();
    for u in updates {
        let slot = last.entry(&u.directive).or_insert(u);
        if latest_key(u) >= latest_key(slot) {
            *slot = u;
        }
    }
    last
}

#[cfg(test)]
#[path = "dataset_tests.rs"]
mod tests;
