//! The officer's record of a unit's end, as chosen on the unit's page: the unit, how it
//! ended, and for each directive it must hand over the successor taking the lead and those
//! joining as coordinators; checked, then recorded as hand-overs (rules in `handover`).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::followup::conclusion::Directive;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{DirectiveId, UnitId};
use crate::domain::sharing::validate::Problem;
use crate::domain::units::handover::{Handover, Role};
use crate::domain::units::org::{EndKind, Ending, Unit};
use crate::domain::Field;

/// Who takes one directive: the successor taking the old unit's part in it, and others
/// joining as coordinators.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Taker {
    pub to: Option<UnitId>,
    pub also: Vec<UnitId>,
}

/// The officer's record of a unit's end, as chosen on the unit's page.
#[derive(Debug, Clone, PartialEq)]
pub struct Succession {
    pub unit: UnitId,
    pub kind: EndKind,
    pub on: Option<NaiveDate>,
    pub successors: Vec<UnitId>,
    pub takers: BTreeMap<DirectiveId, Taker>,
}

/// A problem with a succession: on a field of the form, or on one directive's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct SuccessionProblem {
    pub directive: Option<DirectiveId>,
    pub field: Field,
    pub problem: Problem,
}

/// What recording a succession changes: the unit, ended, and the directives handed over.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub unit: Unit,
    pub directives: Vec<Directive>,
}

impl Dataset {
    /// A unit's end as the officer recorded it: the unit ended and its directives handed
    /// over, in one change.
    pub fn record_succession(&mut self, recorded: Recorded) {
        self.units.upsert(recorded.unit);
        for d in recorded.directives {
            self.directives.upsert(d);
        }
    }

    /// The unit of the register known by `name` (any of its names), else one added under
    /// it with `id`: its id, the name it is listed under, and whether it was added. None
    /// for a name that is no unit's name (blank).
    pub fn find_or_add_unit(
        &mut self,
        name: &str,
        id: UnitId,
        now: DateTime<Utc>,
    ) -> Option<(UnitId, String, bool)> {
        if let Some(u) = self.unit_named(name) {
            return Some((u.id.clone(), u.full_and_short_name(), false));
        }
        let unit = Unit::named(name, id, now)?;
        let found = (unit.id.clone(), unit.name.clone(), true);
        self.units.upsert(unit);
        Some(found)
    }
}

impl Succession {
    pub fn new(unit: UnitId, kind: EndKind) -> Self {
        Succession {
            unit,
            kind,
            on: None,
            successors: Vec::new(),
            takers: BTreeMap::new(),
        }
    }

    /// Every directive to one successor in one step (their coordinators kept).
    pub fn all_to(&mut self, data: &Dataset, successor: &UnitId) {
        let Some(on) = self.on else { return };
        for (d, _) in data.work_to_hand_over(&self.unit, on) {
            let taker = self.takers.entry(d.id.clone()).or_default();
            taker.to = Some(successor.clone());
            taker.also.retain(|u| u != successor);
        }
    }

    /// Every problem, none when it can be recorded.
    pub fn problems(&self, data: &Dataset) -> Vec<SuccessionProblem> {
        let mut out = self.unit_problems(data);
        if let (Some(on), true) = (self.on, data.units.contains(&self.unit)) {
            let work = data.work_to_hand_over(&self.unit, on);
            out.extend(self.taker_problems(work.iter().map(|(d, _)| &d.id)));
        }
        out
    }

    /// The problems of the unit, the date and the successors (no pass over the directives).
    pub fn unit_problems(&self, data: &Dataset) -> Vec<SuccessionProblem> {
        let mut out = Vec::new();
        let mut push = |field, problem| {
            out.push(SuccessionProblem {
                directive: None,
                field,
                problem,
            })
        };
        let missing = |id: &UnitId| Problem::Missing {
            target: crate::domain::model::record::RecordKind::Unit,
            id: id.to_string(),
        };
        let Some(unit) = data.units.get(&self.unit) else {
            push(Field::Unit, missing(&self.unit));
            return out;
        };
        if unit.ended.is_some() {
            push(Field::Ended, Problem::AlreadyEnded);
        }
        let Some(on) = self.on else {
            push(Field::EndedOn, Problem::Empty);
            return out;
        };
        if self.successors.is_empty() {
            push(Field::Successors, Problem::Empty);
        }
        if self.kind == EndKind::Merged && self.successors.len() > 1 {
            push(Field::Successors, Problem::OneSuccessorForMerger);
        }
        for s in &self.successors {
            match data.units.get(s) {
                None => push(Field::Successors, missing(s)),
                Some(_) if s == &self.unit => push(Field::Successors, Problem::SuccessorIsItself),
                Some(u) if !u.exists_on(on) => push(Field::Successors, Problem::SuccessorEnded),
                Some(_) => {}
            }
        }
        out
    }

    /// The problems of each directive to hand over (`work`: their ids, as
    /// [`Dataset::work_to_hand_over`] lists them): a taker missing, or not a successor.
    pub fn taker_problems<'a>(
        &self,
        work: impl Iterator<Item = &'a DirectiveId>,
    ) -> Vec<SuccessionProblem> {
        let mut out = Vec::new();
        for id in work {
            let mut push = |field, problem| {
                out.push(SuccessionProblem {
                    directive: Some(id.clone()),
                    field,
                    problem,
                })
            };
            let taker = self.takers.get(id).cloned().unwrap_or_default();
            match &taker.to {
                None => push(Field::Taker, Problem::Empty),
                Some(t) if !self.successors.contains(t) => {
                    push(Field::Taker, Problem::NotASuccessor)
                }
                Some(_) => {}
            }
            if taker.also.iter().any(|u| !self.successors.contains(u)) {
                push(Field::Also, Problem::NotASuccessor);
            }
        }
        out
    }

    /// The unit ended and its directives handed over, or every problem (nothing changes).
    pub fn record(
        &self,
        data: &Dataset,
        now: DateTime<Utc>,
    ) -> Result<Recorded, Vec<SuccessionProblem>> {
        let problems = self.problems(data);
        let (Some(on), Some(unit), true) =
            (self.on, data.units.get(&self.unit), problems.is_empty())
        else {
            return Err(problems);
        };
        let mut ended = unit.clone();
        ended.ended = Some(Ending {
            on,
            kind: self.kind,
            successors: self.successors.clone(),
        });
        ended.updated_at = now;
        let directives = data
            .work_to_hand_over(&self.unit, on)
            .into_iter()
            .map(|(d, role)| {
                let taker = self.takers.get(&d.id).cloned().unwrap_or_default();
                let mut d = d.clone();
                let hand = |to: UnitId, role| Handover {
                    from: self.unit.clone(),
                    to,
                    role,
                    on,
                };
                d.handovers.extend(taker.to.map(|to| hand(to, role)));
                let lead = d.lead_on(on).cloned();
                for u in taker.also {
                    if Some(&u) != lead.as_ref() {
                        d.handovers.push(hand(u, Role::Coordinating));
                    }
                }
                d.updated_at = now;
                d
            })
            .collect();
        Ok(Recorded {
            unit: ended,
            directives,
        })
    }
}

#[cfg(test)]
#[path = "succession_tests.rs"]
mod tests;
