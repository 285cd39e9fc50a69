//! The review of a notice read (`ReadNotice`) before anything is stored: the conclusion and
//! its directives as editable drafts, the units not in the register with what the officer
//! decides for each (add it, under the name read or another, or take a unit already in the
//! register), and the records saving it adds, in one step. Made from what was read in
//! `from_read`; saved in `save`.

use chrono::NaiveDate;

use super::notice::{Mark, ReadDirective};
use crate::domain::followup::{ConclusionDraft, DirectiveDraft, MeetingDraft};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{ConclusionId, UnitId};
use crate::domain::sorting;
use crate::domain::text::fold;
use crate::domain::units::org::UnitKind;

mod from_read;
mod save;

pub use from_read::successor_on;
pub use save::{Place, ReviewProblem, Saved};

/// A lead unit read that the register does not hold, and the officer's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUnit {
    /// As the notice writes it (or as the officer typed it in a picker).
    pub as_read: String,
    pub choice: NewUnitChoice,
    /// The kind of unit added (a code of the format), guessed from the name.
    pub kind: String,
    /// The body it belongs to (a unit id of the register, or empty).
    pub parent: String,
}

impl NewUnit {
    /// A unit to add under `name`, its kind guessed from the name.
    pub fn named(name: &str) -> NewUnit {
        NewUnit {
            as_read: name.to_owned(),
            choice: NewUnitChoice::Add(name.to_owned()),
            kind: crate::domain::draft::code(&UnitKind::guess(name)),
            parent: String::new(),
        }
    }
}

/// The meeting choice that records the meeting the opening describes (`Review::new_meeting`).
pub const NEW_MEETING: &str = "new";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewUnitChoice {
    /// Added to the register under this name (the name read, or as the officer renamed it).
    Add(String),
    /// The same as a unit already in the register.
    SameAs(UnitId),
    /// Not added: the directives it leads are saved without a lead unit.
    Leave,
}

/// The draft lead unit of a directive led by new unit `i` ("new:0").
pub fn new_unit_ref(i: usize) -> String {
    format!("new:{i}")
}

fn new_unit_index(lead: &str) -> Option<usize> {
    lead.strip_prefix("new:")?.parse().ok()
}

/// One directive on the review screen: what was read (marks, where in the text) and the
/// draft the officer edits.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewItem {
    pub read: ReadDirective,
    pub draft: DirectiveDraft,
    /// Units the item names that had ended by the notice's date, each with the day it
    /// ended: their successors are proposed in their place (the lead marked guessed).
    pub ended: Vec<(UnitId, NaiveDate)>,
}

impl ReviewItem {
    /// The lead unit's mark, "read" no longer once the officer chose another unit.
    pub fn lead_mark(&self, original: &str) -> Mark {
        if self.draft.lead_unit != original {
            Mark::Read
        } else {
            self.read.lead_mark
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// The kind of notice read ("Thông báo"), shown beside the draft.
    pub kind: String,
    pub conclusion: ConclusionDraft,
    pub items: Vec<ReviewItem>,
    pub new_units: Vec<NewUnit>,
    /// The lead units as first read (a unit id, a "new:i" or empty), to tell an officer's
    /// choice from the reader's.
    pub first_leads: Vec<String>,
    /// The text made plain, line by line.
    pub lines: Vec<String>,
    /// The meeting the opening describes, recorded with the notice when the officer picks
    /// [`NEW_MEETING`] as its meeting.
    pub new_meeting: MeetingDraft,
}

impl Review {
    /// The conclusion of the register with the same number and symbol, if any: saving is
    /// refused then, and the review says so as soon as the text is read.
    pub fn same_number_in(&self, register: &Dataset) -> Option<ConclusionId> {
        let number = fold(self.conclusion.number_symbol.trim());
        if number.is_empty() {
            return None;
        }
        register
            .conclusions
            .iter()
            .find(|c| fold(c.number_symbol.trim()) == number)
            .map(|c| c.id.clone())
    }

    /// Whether item `i` names a class of units ("các chủ đầu tư") covering some of the
    /// register's, and can be split into one directive per unit (not a heading, not at the
    /// deepest level, no sub-items of its own).
    pub fn can_split(&self, i: usize) -> bool {
        let Some(item) = self.items.get(i) else {
            return false;
        };
        let under = format!("{}.", item.draft.path);
        item.read.unit_class.is_some()
            && !item.read.covers_ids.is_empty()
            && !item.draft.heading
            && item.draft.path.split('.').count() < 4
            && !self.items.iter().any(|o| o.draft.path.starts_with(&under))
    }

    /// Splits item `i` as the officer chose: it stays as the document writes it, a heading,
    /// and each unit its class covers gets a sub-item with the same text and deadline (as
    /// edited so far) and that unit as lead. Returns whether it did.
    pub fn split_item(&mut self, i: usize) -> bool {
        if !self.can_split(i) {
            return false;
        }
        let whole = self.items[i].clone();
        let pieces: Vec<ReviewItem> = whole
            .read
            .covers_ids
            .iter()
            .enumerate()
            .map(|(k, unit)| {
                let mut x = whole.clone();
                let unit = unit.to_string();
                x.draft.path = format!("{}.{}", whole.draft.path, k + 1);
                x.draft.label = String::new();
                x.draft.coordinating_units.retain(|c| *c != unit);
                x.draft.lead_unit = unit;
                x.read.lead_mark = Mark::Read;
                x.read.unit_class = None;
                x.read.covers.clear();
                x.read.covers_ids.clear();
                x
            })
            .collect();
        let leads: Vec<String> = pieces.iter().map(|p| p.draft.lead_unit.clone()).collect();
        let item = &mut self.items[i];
        item.draft.heading = true;
        item.draft.lead_unit = String::new();
        item.read.unit_class = None;
        // Its units are its sub-items': nothing is missing on the heading.
        item.read.lead_mark = Mark::Read;
        self.first_leads[i] = String::new();
        self.items.splice(i + 1..i + 1, pieces);
        self.first_leads.splice(i + 1..i + 1, leads);
        true
    }

    /// A unit typed in a picker that the register does not hold, to be added when the notice
    /// is saved: its reference for a directive's lead or coordinating units ("new:2"), the
    /// same one when it was already added under that name. `None` for an empty name.
    pub fn add_unit(&mut self, name: &str) -> Option<String> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return None;
        }
        let folded = fold(&name);
        let at = match self
            .new_units
            .iter()
            .position(|u| fold(&u.as_read) == folded)
        {
            Some(at) => {
                if self.new_units[at].choice == NewUnitChoice::Leave {
                    self.new_units[at].choice = NewUnitChoice::Add(name);
                }
                at
            }
            None => {
                self.new_units.push(NewUnit::named(&name));
                self.new_units.len() - 1
            }
        };
        Some(new_unit_ref(at))
    }

    /// How many directives have each mark for their lead unit and their deadline.
    pub fn marks(&self) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for (i, item) in self.items.iter().enumerate() {
            let first = self.first_leads.get(i).map_or("", String::as_str);
            // A heading item has no deadline of its own: nothing to mark.
            let deadline = (!item.draft.heading).then_some(item.read.deadline_mark);
            for mark in std::iter::once(item.lead_mark(first)).chain(deadline) {
                match mark {
                    Mark::Read => counts.0 += 1,
                    Mark::Guessed => counts.1 += 1,
                    Mark::Missing => counts.2 += 1,
                }
            }
        }
        counts
    }
}

/// How many meetings the review offers to link the notice to.
pub const MEETINGS_OFFERED: usize = 30;

/// The meetings a notice dated `day` most likely came from, nearest in date first (those
/// before it before those after, on equal distance), at most [`MEETINGS_OFFERED`]: a
/// province's register holds hundreds, and a notice follows its meeting within weeks.
pub fn meetings_near(register: &Dataset, day: NaiveDate) -> Vec<&crate::domain::Meeting> {
    let mut all: Vec<&crate::domain::Meeting> = register.meetings.iter().collect();
    sorting::sort_by_key(&mut all, |m| {
        ((m.date - day).num_days().abs(), m.date > day, m.date)
    });
    all.truncate(MEETINGS_OFFERED);
    all
}

/// The due date a directive's draft gives, as the review screen shows it beside the words.
pub fn due_of(draft: &DirectiveDraft, issued: Option<NaiveDate>) -> Option<NaiveDate> {
    if draft.heading {
        return None;
    }
    draft.deadline(issued?).ok().and_then(|d| d.due())
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
