//! The whole of an office's data: one versioned value, the unit of export and storage.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::collection::Collection;
use super::conclusion::{Conclusion, Directive, DirectiveUpdate};
use super::ids::{ConclusionId, DirectiveId, ProjectId};
use super::meeting::Meeting;
use super::org::{Committee, Unit};
use super::project::{Obstacle, ProgressReport, Project};
use super::record::{Record, RecordKind};

/// The schema version this build writes. Older versions are migrated on load
/// (see [`super::migrate`]); newer ones are refused.
pub const SCHEMA_VERSION: u32 = 2;

/// The name written in every file, so a Dondoc file can be told from any other JSON.
pub const FORMAT_NAME: &str = "dondoc";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
        fn add<T: Record>(into: &mut Collection<T>, from: Collection<T>) -> usize {
            let mut added = 0;
            for record in from.iter() {
                if !into.contains(record.id()) {
                    into.upsert(record.clone());
                    added += 1;
                }
            }
            added
        }
        add(&mut self.committees, other.committees)
            + add(&mut self.units, other.units)
            + add(&mut self.projects, other.projects)
            + add(&mut self.progress_reports, other.progress_reports)
            + add(&mut self.obstacles, other.obstacles)
            + add(&mut self.meetings, other.meetings)
            + add(&mut self.conclusions, other.conclusions)
            + add(&mut self.directives, other.directives)
            + add(&mut self.directive_updates, other.directive_updates)
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
        let mut out = ImportSummary::default();
        cmp(&self.committees, &incoming.committees, &mut out);
        cmp(&self.units, &incoming.units, &mut out);
        cmp(&self.projects, &incoming.projects, &mut out);
        cmp(&self.progress_reports, &incoming.progress_reports, &mut out);
        cmp(&self.obstacles, &incoming.obstacles, &mut out);
        cmp(&self.meetings, &incoming.meetings, &mut out);
        cmp(&self.conclusions, &incoming.conclusions, &mut out);
        cmp(&self.directives, &incoming.directives, &mut out);
        cmp(
            &self.directive_updates,
            &incoming.directive_updates,
            &mut out,
        );
        out
    }

    /// A project's reports, oldest first.
    pub fn reports_of(&self, project: &ProjectId) -> Vec<&ProgressReport> {
        let mut reports: Vec<_> = self
            .progress_reports
            .iter()
            .filter(|r| &r.project == project)
            .collect();
        reports.sort_by_key(|r| r.as_of);
        reports
    }

    /// A conclusion's directives in document order.
    pub fn directives_of(&self, conclusion: &ConclusionId) -> Vec<&Directive> {
        let mut items: Vec<_> = self
            .directives
            .iter()
            .filter(|d| &d.conclusion == conclusion)
            .collect();
        items.sort_by(|a, b| a.path.cmp(&b.path));
        items
    }

    /// A directive's follow-up log, oldest first.
    pub fn updates_of(&self, directive: &DirectiveId) -> Vec<&DirectiveUpdate> {
        let mut items: Vec<_> = self
            .directive_updates
            .iter()
            .filter(|u| &u.directive == directive)
            .collect();
        items.sort_by_key(|u| (u.date, u.created_at));
        items
    }
}
