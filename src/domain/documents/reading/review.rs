//! The review of a notice read (`ReadNotice`) before anything is stored: the conclusion and
//! its directives as editable drafts, the units not in the register with what the officer
//! decides for each (add it, under the name read or another, or take a unit already in the
//! register), and the records saving it adds, in one step.

use chrono::{DateTime, NaiveDate, Utc};

use super::notice::{Mark, ReadDirective, ReadNotice};
use crate::domain::draft::{date_text, DraftProblem, FieldError};
use crate::domain::followup::conclusion::{Conclusion, Directive, DirectivePath};
use crate::domain::followup::meeting::Meeting;
use crate::domain::followup::MeetingDraft;
use crate::domain::followup::{ConclusionDraft, DirectiveDraft};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::ConclusionId;
use crate::domain::model::ids::{IdSource, UnitId};
use crate::domain::sorting;
use crate::domain::text::fold;
use crate::domain::units::org::{Unit, UnitKind};
use crate::domain::Field;

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

/// The unit that does `unit`'s work on `date`: itself while it exists, else its first
/// successor (followed along a chain of ends), with the units passed over and their end
/// days. A unit that ended with no successor recorded stays as it is.
pub fn successor_on(
    register: &Dataset,
    unit: &UnitId,
    date: NaiveDate,
) -> (UnitId, Vec<(UnitId, NaiveDate)>) {
    let mut now = unit.clone();
    let mut passed = Vec::new();
    while let Some(end) = register
        .units
        .get(&now)
        .and_then(|u| u.ended.as_ref())
        .filter(|e| e.on <= date)
    {
        let Some(next) = end.successors.first() else {
            break;
        };
        if passed.iter().any(|(u, _)| u == next) || next == unit {
            break;
        }
        passed.push((now.clone(), end.on));
        now = next.clone();
    }
    (now, passed)
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

/// What saving the review adds: one conclusion, its directives, and the units accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The meeting recorded with the notice, when the officer chose to.
    pub meeting: Option<Meeting>,
    pub conclusion: Conclusion,
    pub directives: Vec<Directive>,
    pub units: Vec<Unit>,
}

impl Saved {
    /// Puts the records into `data`: one step, undone as one.
    pub fn add_to(self, data: &mut Dataset) {
        if let Some(meeting) = self.meeting {
            data.meetings.upsert(meeting);
        }
        for unit in self.units {
            data.units.upsert(unit);
        }
        data.conclusions.upsert(self.conclusion);
        for directive in self.directives {
            data.directives.upsert(directive);
        }
    }
}

/// Where a problem stands: the conclusion's heading, a directive (by index), a new unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Conclusion,
    /// The meeting recorded with the notice.
    Meeting,
    Directive(usize),
    NewUnit(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewProblem {
    pub place: Place,
    pub error: FieldError,
}

impl Review {
    /// The review of `read` against the register it was read with.
    pub fn new(read: &ReadNotice, register: &Dataset) -> Review {
        let committee = match register.committees.len() {
            1 => register
                .committees
                .iter()
                .next()
                .map(|c| c.id.to_string())
                .unwrap_or_default(),
            _ => String::new(),
        };
        let meeting = read
            .meeting_date
            .and_then(|day| register.meetings.iter().find(|m| m.date == day))
            .map(|m| m.id.to_string())
            .unwrap_or_default();
        let conclusion = ConclusionDraft {
            committee,
            meeting,
            number_symbol: read.number_symbol.clone(),
            date: date_text(read.date),
            issuing_body: read.issuing_body.clone(),
            title: read.title.clone(),
            signer: read.signer.clone(),
            // One line per printed line, as the conclusion form keeps it.
            signer_title: read.signer_title_lines.join("\n"),
            recipients: read.recipients.join("\n"),
            assessment: read.assessment.clone(),
            parent_body: read.parent_body.clone(),
            place: read.place.clone(),
            // As the header prints it; the committee's when it prints neither.
            body_kind: read
                .body_kind
                .as_ref()
                .map(crate::domain::draft::code)
                .unwrap_or_default(),
            opening: read.opening.clone(),
            closing: read.closing.clone(),
        };
        let new_units: Vec<NewUnit> = read
            .new_units
            .iter()
            .map(|name| NewUnit::named(name))
            .collect();
        let heads: Vec<&str> = read
            .directives
            .iter()
            .filter(|d| {
                let top = format!("{}.", d.path);
                read.directives.iter().any(|s| s.path.starts_with(&top))
            })
            .map(|d| d.path.as_str())
            .collect();
        let items: Vec<ReviewItem> = read
            .directives
            .iter()
            .map(|d| {
                let lead = match (&d.lead_id, &d.lead_unit) {
                    (Some(id), _) => id.to_string(),
                    (None, Some(name)) => read
                        .new_units
                        .iter()
                        .position(|n| n == name)
                        .map(new_unit_ref)
                        .unwrap_or_default(),
                    (None, None) => String::new(),
                };
                let heading = heads.contains(&d.path.as_str());
                // The words alone may give another date than the whole item gave the reader
                // (two dates in one sentence): the date read is kept, set as by hand.
                let from_words =
                    crate::domain::followup::deadline::parse_deadline(&d.deadline_words, read.date)
                        .ok()
                        .and_then(|x| x.due());
                let by_hand = (!heading && from_words != d.due).then_some(d.due).flatten();
                // A unit that had ended by the notice's date cannot be given new work: its
                // successor is proposed, and the officer sees why.
                let mut read_item = d.clone();
                let mut ended = Vec::new();
                let mut lead = lead;
                let mut coordinating: Vec<String> = Vec::new();
                if let Some(day) = read.date {
                    if let Some(id) = &d.lead_id {
                        let (now, passed) = successor_on(register, id, day);
                        if !passed.is_empty() {
                            lead = now.to_string();
                            read_item.lead_mark = Mark::Guessed;
                            ended.extend(passed);
                        }
                    }
                    for id in &d.coordinating_ids {
                        let (now, passed) = successor_on(register, id, day);
                        ended.extend(passed);
                        let now = now.to_string();
                        if now != lead && !coordinating.contains(&now) {
                            coordinating.push(now);
                        }
                    }
                } else {
                    coordinating = d.coordinating_ids.iter().map(|u| u.to_string()).collect();
                }
                ReviewItem {
                    read: read_item,
                    ended,
                    draft: DirectiveDraft {
                        path: d.path.clone(),
                        label: d.label.clone(),
                        text: d.text.clone(),
                        lead_unit: lead,
                        coordinating_units: coordinating,
                        responsible_person: d.responsible_person.clone().unwrap_or_default(),
                        deadline_words: d.deadline_words.clone(),
                        due_by_hand: date_text(by_hand),
                        projects: d.project_ids.iter().map(|p| p.to_string()).collect(),
                        heading,
                    },
                }
            })
            .collect();
        Review {
            kind: read.kind.clone(),
            first_leads: items.iter().map(|i| i.draft.lead_unit.clone()).collect(),
            conclusion,
            items,
            new_units,
            lines: read.lines.clone(),
            new_meeting: super::opening::meeting_in_opening(&read.opening, read.meeting_date),
        }
    }

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

    /// The records saving adds to `register`, or every problem that stops it (nothing is
    /// stored then).
    pub fn save(
        &self,
        register: &Dataset,
        ids: &mut impl IdSource,
        now: DateTime<Utc>,
    ) -> Result<Saved, Vec<ReviewProblem>> {
        let mut problems = Vec::new();
        let mut heading = self.conclusion.clone();
        let meeting = if heading.meeting == NEW_MEETING {
            match self.new_meeting.to_meeting(None, ids.next_id(), now) {
                Ok(mut m) => {
                    // The notice's committee holds the meeting.
                    m.committee = crate::domain::draft::id_of(&heading.committee);
                    heading.meeting = m.id.to_string();
                    Some(m)
                }
                Err(errors) => {
                    heading.meeting.clear();
                    problems.extend(errors.into_iter().map(|error| ReviewProblem {
                        place: Place::Meeting,
                        error,
                    }));
                    None
                }
            }
        } else {
            None
        };
        let conclusion = match heading.to_conclusion(None, ids.next_id(), now) {
            Ok(c) => Some(c),
            Err(errors) => {
                problems.extend(errors.into_iter().map(|error| ReviewProblem {
                    place: Place::Conclusion,
                    error,
                }));
                None
            }
        };
        if self.same_number_in(register).is_some() {
            problems.push(ReviewProblem {
                place: Place::Conclusion,
                error: FieldError {
                    field: Field::NumberSymbol,
                    problem: DraftProblem::AlreadyRegistered,
                },
            });
        }
        // The units accepted, each once, and what every "new:i" stands for.
        let mut units: Vec<Unit> = Vec::new();
        let mut stands_for: Vec<Option<UnitId>> = Vec::new();
        for (i, new) in self.new_units.iter().enumerate() {
            let id = match &new.choice {
                NewUnitChoice::Leave => None,
                NewUnitChoice::SameAs(id) => Some(id.clone()),
                NewUnitChoice::Add(name) => match register.unit_named(name) {
                    Some(existing) => Some(existing.id.clone()),
                    None => match units.iter().find(|u| fold(&u.name) == fold(name)) {
                        Some(u) => Some(u.id.clone()),
                        None => match Unit::named(name, ids.next_id().into(), now) {
                            Some(mut unit) => {
                                if let Some(kind) = crate::domain::draft::from_code(&new.kind) {
                                    unit.kind = kind;
                                }
                                unit.parent = crate::domain::draft::id_of(&new.parent);
                                let id = unit.id.clone();
                                units.push(unit);
                                Some(id)
                            }
                            None => {
                                problems.push(ReviewProblem {
                                    place: Place::NewUnit(i),
                                    error: FieldError {
                                        field: Field::Name,
                                        problem: DraftProblem::Rule(
                                            crate::domain::sharing::validate::Problem::Empty,
                                        ),
                                    },
                                });
                                None
                            }
                        },
                    },
                },
            };
            stands_for.push(id);
        }
        let mut directives: Vec<Directive> = Vec::new();
        if let Some(conclusion) = &conclusion {
            let mut taken: Vec<DirectivePath> = Vec::new();
            for (i, item) in self.items.iter().enumerate() {
                let mut draft = item.draft.clone();
                let resolve = |unit: &str| match new_unit_index(unit) {
                    Some(k) => stands_for
                        .get(k)
                        .cloned()
                        .flatten()
                        .map(|u| u.to_string())
                        .unwrap_or_default(),
                    None => unit.to_owned(),
                };
                draft.lead_unit = resolve(&draft.lead_unit);
                let mut coordinating: Vec<String> = Vec::new();
                for unit in draft.coordinating_units.iter().map(|u| resolve(u)) {
                    if !unit.is_empty() && unit != draft.lead_unit && !coordinating.contains(&unit)
                    {
                        coordinating.push(unit);
                    }
                }
                draft.coordinating_units = coordinating;
                match draft.to_directive(conclusion, &taken, None, ids.next_id(), now) {
                    Ok(d) => {
                        taken.push(d.path.clone());
                        directives.push(d);
                    }
                    Err(errors) => problems.extend(errors.into_iter().map(|error| ReviewProblem {
                        place: Place::Directive(i),
                        error,
                    })),
                }
            }
        }
        match conclusion {
            Some(conclusion) if problems.is_empty() => Ok(Saved {
                meeting,
                conclusion,
                directives,
                units,
            }),
            _ => Err(problems),
        }
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
