//! The review of a notice read (`ReadNotice`) before anything is stored: the conclusion and
//! its directives as editable drafts, the units not in the register with what the officer
//! decides for each (add it, under the name read or another, or take a unit already in the
//! register), and the records saving it adds, in one step.

use chrono::{DateTime, NaiveDate, Utc};

use super::notice::{Mark, ReadDirective, ReadNotice};
use crate::domain::draft::{date_text, DraftProblem, FieldError};
use crate::domain::followup::conclusion::{Conclusion, Directive, DirectivePath};
use crate::domain::followup::{ConclusionDraft, DirectiveDraft};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{IdSource, UnitId};
use crate::domain::sorting;
use crate::domain::text::fold;
use crate::domain::units::org::Unit;

/// A lead unit read that the register does not hold, and the officer's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUnit {
    /// As the notice writes it.
    pub as_read: String,
    pub choice: NewUnitChoice,
}

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
}

/// What saving the review adds: one conclusion, its directives, and the units accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub conclusion: Conclusion,
    pub directives: Vec<Directive>,
    pub units: Vec<Unit>,
}

impl Saved {
    /// Puts the records into `data`: one step, undone as one.
    pub fn add_to(self, data: &mut Dataset) {
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
            .map(|name| NewUnit {
                as_read: name.clone(),
                choice: NewUnitChoice::Add(name.clone()),
            })
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
        }
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
        let conclusion = match self.conclusion.to_conclusion(None, ids.next_id(), now) {
            Ok(c) => Some(c),
            Err(errors) => {
                problems.extend(errors.into_iter().map(|error| ReviewProblem {
                    place: Place::Conclusion,
                    error,
                }));
                None
            }
        };
        let number = fold(self.conclusion.number_symbol.trim());
        let repeated = !number.is_empty()
            && register
                .conclusions
                .iter()
                .any(|c| fold(c.number_symbol.trim()) == number);
        if repeated {
            problems.push(ReviewProblem {
                place: Place::Conclusion,
                error: FieldError {
                    field: "number_symbol",
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
                            Some(unit) => {
                                let id = unit.id.clone();
                                units.push(unit);
                                Some(id)
                            }
                            None => {
                                problems.push(ReviewProblem {
                                    place: Place::NewUnit(i),
                                    error: FieldError {
                                        field: "name",
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
                if let Some(k) = new_unit_index(&draft.lead_unit) {
                    draft.lead_unit = stands_for
                        .get(k)
                        .cloned()
                        .flatten()
                        .map(|u| u.to_string())
                        .unwrap_or_default();
                }
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
