//! Several tabs (or windows) of the app on one browser share one storage. When another tab
//! saved while this one holds changes not yet saved, [`Dataset::rebase`] brings the stored
//! records in and keeps this tab's changes; a record both changed is never erased silently:
//! the version saved first stays, the later one is handed back, shown, and can be restored.

use std::any::Any;

use chrono::{DateTime, Utc};

use crate::domain::model::collection::Collection;
use crate::domain::model::dataset::{Changes, Dataset, VisitorMut};
use crate::domain::model::record::{Record, RecordKind};
use crate::domain::sharing::merge::{field_diffs, Change, Entry};

/// What bringing in another tab's save did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rebased {
    /// Records taken from the other tab's save.
    pub taken: usize,
    /// Records both tabs changed, field by field (mine = this tab, theirs = the stored one).
    pub conflicts: Vec<Entry>,
    /// This tab's versions of those records, to restore one if the officer wants it.
    pub mine: Dataset,
}

/// How much of a collection a stored part covers ([`Part::cover`]).
pub enum Cover<'a> {
    Nothing,
    All,
    /// The records whose id the test accepts.
    Some(Box<dyn Fn(&str) -> bool + 'a>),
}

/// The records another tab's commit may have changed: storage keeps each collection in
/// parts, and a commit rewrites only the parts holding what it changed.
pub trait Part {
    fn cover(&self, kind: RecordKind) -> Cover<'_>;
}

/// Every record.
pub struct Whole;

impl Part for Whole {
    fn cover(&self, _: RecordKind) -> Cover<'_> {
        Cover::All
    }
}

impl Dataset {
    /// The collection holding records of type `T`.
    pub fn collection<T: Record>(&self) -> &Collection<T> {
        let all: [&dyn Any; 11] = [
            &self.committees,
            &self.units,
            &self.projects,
            &self.progress_reports,
            &self.obstacles,
            &self.meetings,
            &self.conclusions,
            &self.directives,
            &self.directive_updates,
            &self.offices,
            &self.extension_requests,
        ];
        all.into_iter()
            .find_map(|c| c.downcast_ref::<Collection<T>>())
            .expect("every record type has its collection")
    }

    /// The collection holding records of type `T`, to change.
    pub fn collection_mut<T: Record>(&mut self) -> &mut Collection<T> {
        collection_mut(self)
    }

    /// Keeps a version this tab could not save (another tab or an import changed the record
    /// meanwhile), among the versions set aside to be shown and kept if wanted.
    pub fn set_aside<T: Record>(&mut self, mine: T) {
        self.collection_mut::<T>().upsert(mine);
    }

    /// Saves `record`, edited in a form opened on the version last changed at `opened`.
    /// When the stored record changed since (another tab, an import), nothing is saved:
    /// the difference and the form's version come back, to be shown and kept if wanted.
    pub fn save_edit<T: Record>(
        &mut self,
        record: T,
        opened: Option<DateTime<Utc>>,
    ) -> Result<(), Box<(Entry, T)>> {
        let collection = collection_mut::<T>(self);
        match (collection.get(record.id()), opened) {
            (Some(current), Some(opened))
                if current.updated_at() != opened && *current != record =>
            {
                let entry = conflict(&record, current);
                Err(Box::new((entry, record)))
            }
            _ => {
                collection.upsert(record);
                Ok(())
            }
        }
    }

    /// Whether records changed here wait to be saved.
    pub fn has_changes(&self) -> bool {
        struct Any(bool);
        impl crate::domain::model::dataset::Visitor for Any {
            fn visit<T: Record>(&mut self, c: &Collection<T>) {
                self.0 |= c.has_changes();
            }
        }
        let mut any = Any(false);
        self.visit(&mut any);
        any.0
    }

    /// Brings in `stored`, saved by another tab, keeping this tab's unsaved changes (see
    /// [`Collection::rebase`]); `pending` names records whose earlier save failed.
    pub fn rebase(&mut self, stored: Dataset, pending: &Changes) -> Rebased {
        self.rebase_part(stored, &Whole, pending)
    }

    /// [`Dataset::rebase`] over the records `part` covers: `stored` holds the stored
    /// records of that part, everything outside it stays as it is here.
    pub fn rebase_part(&mut self, stored: Dataset, part: &dyn Part, pending: &Changes) -> Rebased {
        struct Step<'a> {
            stored: Dataset,
            part: &'a dyn Part,
            pending: &'a Changes,
            out: Rebased,
        }
        impl VisitorMut for Step<'_> {
            fn visit<T: Record>(&mut self, c: &mut Collection<T>) {
                let stored = std::mem::take(collection_mut::<T>(&mut self.stored));
                let none = Vec::new();
                let pending = self.pending.get(&T::KIND).unwrap_or(&none);
                let result = match self.part.cover(T::KIND) {
                    Cover::Nothing => return,
                    Cover::All => c.rebase(stored, pending),
                    Cover::Some(within) => c.rebase_part(stored, &within, pending),
                };
                self.out.taken += result.taken;
                for (mine, theirs) in result.conflicts {
                    self.out.conflicts.push(conflict(&mine, &theirs));
                    collection_mut::<T>(&mut self.out.mine).upsert(mine);
                }
            }
        }
        let mut step = Step {
            stored,
            part,
            pending,
            out: Rebased::default(),
        };
        self.visit_mut(&mut step);
        step.out
    }

    /// Marks what replacing `before` by this dataset changed (see
    /// [`Collection::mark_replacing`]): after an import, a restore or an undo, another
    /// tab's later commit then cannot take back what the replacement changed unseen.
    pub fn mark_replacing(&mut self, before: &Dataset) {
        struct Mark<'a>(&'a Dataset);
        impl VisitorMut for Mark<'_> {
            fn visit<T: Record>(&mut self, c: &mut Collection<T>) {
                c.mark_replacing(self.0.collection::<T>());
            }
        }
        self.visit_mut(&mut Mark(before));
    }

    /// Puts back `from`'s version of record `id` (one a conflict set aside), as changed now.
    pub fn restore_version(&mut self, from: &Dataset, id: &str, now: DateTime<Utc>) -> bool {
        struct Put<'a> {
            from: &'a Dataset,
            id: &'a str,
            now: DateTime<Utc>,
            done: bool,
        }
        impl VisitorMut for Put<'_> {
            fn visit<T: Record>(&mut self, c: &mut Collection<T>) {
                if let Some(r) = self
                    .from
                    .collection::<T>()
                    .iter()
                    .find(|r| r.id().to_string() == self.id)
                {
                    let mut r = r.clone();
                    let newest = c
                        .get(r.id())
                        .map_or(self.now, |s| s.updated_at().max(self.now));
                    r.touch(newest + chrono::Duration::milliseconds(1));
                    c.upsert(r);
                    self.done = true;
                }
            }
        }
        let mut put = Put {
            from,
            id,
            now,
            done: false,
        };
        self.visit_mut(&mut put);
        put.done
    }
}

/// A record two sides changed, field by field (mine = this tab's version).
fn conflict<T: Record>(mine: &T, theirs: &T) -> Entry {
    Entry {
        kind: T::KIND,
        id: mine.id().to_string(),
        label: mine.label(),
        change: Change::Conflict,
        mine_updated: Some(mine.updated_at()),
        theirs_updated: theirs.updated_at(),
        fields: field_diffs(
            &serde_json::to_value(mine).unwrap_or_default(),
            &serde_json::to_value(theirs).unwrap_or_default(),
        ),
    }
}

fn collection_mut<T: Record>(d: &mut Dataset) -> &mut Collection<T> {
    let all: [&mut dyn Any; 11] = [
        &mut d.committees,
        &mut d.units,
        &mut d.projects,
        &mut d.progress_reports,
        &mut d.obstacles,
        &mut d.meetings,
        &mut d.conclusions,
        &mut d.directives,
        &mut d.directive_updates,
        &mut d.offices,
        &mut d.extension_requests,
    ];
    all.into_iter()
        .find_map(|c| c.downcast_mut::<Collection<T>>())
        .expect("every record type has its collection")
}

#[cfg(test)]
#[path = "tabs_tests.rs"]
mod tests;
