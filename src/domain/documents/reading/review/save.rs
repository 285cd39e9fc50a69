//! Saving the review: the records it adds in one step, or every problem that stops it.

use chrono::{DateTime, Utc};

use super::{new_unit_index, NewUnitChoice, Review, NEW_MEETING};
use crate::domain::draft::{DraftProblem, FieldError};
use crate::domain::followup::conclusion::{Conclusion, Directive, DirectivePath};
use crate::domain::followup::meeting::Meeting;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{IdSource, UnitId};
use crate::domain::text::fold;
use crate::domain::units::org::Unit;
use crate::domain::Field;

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
