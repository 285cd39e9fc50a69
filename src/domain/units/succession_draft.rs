//! A unit's end as typed on its page: merged or abolished, from a date, the successors, and
//! for each open directive the successor that takes it. The rules are
//! [`Succession`]'s; this reads the form's texts into one and names each problem by its
//! field, or by the directive it concerns.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::domain::draft::{code, from_code, id_of, DraftProblem, FieldError, Reader};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{DirectiveId, UnitId};
use crate::domain::number::DecimalMark;
use crate::domain::units::handover::Role;
use crate::domain::units::org::EndKind;
use crate::domain::units::succession::{Recorded, Succession, SuccessionProblem, Taker};
use crate::domain::Field;

#[derive(Debug, Clone, PartialEq)]
pub struct SuccessionDraft {
    /// "merged" or "abolished".
    pub kind: String,
    /// "dd/mm/yyyy": the first day the successors hold the work.
    pub on: String,
    /// Ids of the successors, in the order picked.
    pub successors: Vec<String>,
    /// Who takes each directive, as chosen so far.
    pub takers: BTreeMap<DirectiveId, Taker>,
}

impl Default for SuccessionDraft {
    fn default() -> Self {
        SuccessionDraft {
            kind: code(&EndKind::Abolished),
            on: String::new(),
            successors: Vec::new(),
            takers: BTreeMap::new(),
        }
    }
}

impl SuccessionDraft {
    /// The succession the form describes, and the problems of its texts (a date that is not
    /// one, an unknown kind).
    fn read(&self, unit: &UnitId) -> (Succession, Vec<FieldError>) {
        let mut r = Reader::new(DecimalMark::Comma);
        let kind = from_code::<EndKind>(&self.kind);
        if kind.is_none() {
            r.push(
                Field::Ended,
                DraftProblem::Rule(crate::domain::sharing::validate::Problem::Empty),
            );
        }
        let on = r.date(Field::EndedOn, &self.on);
        let mut s = Succession::new(unit.clone(), kind.unwrap_or(EndKind::Abolished));
        s.on = on;
        s.successors = self
            .successors
            .iter()
            .filter_map(|id| id_of::<UnitId>(id))
            .collect();
        // A successor taken off the list takes nothing any more.
        let named = |u: &UnitId| s.successors.contains(u);
        s.takers = self
            .takers
            .iter()
            .map(|(d, t)| {
                let taker = Taker {
                    to: t.to.clone().filter(named),
                    also: t.also.iter().filter(|u| named(u)).cloned().collect(),
                };
                (d.clone(), taker)
            })
            .filter(|(_, t)| t.to.is_some() || !t.also.is_empty())
            .collect();
        (s, r.errors)
    }

    /// What `unit` must hand over on the date typed, with its part in each; nothing before
    /// a date is typed.
    pub fn work<'a>(
        &self,
        data: &'a Dataset,
        unit: &UnitId,
    ) -> Vec<(&'a crate::domain::Directive, Role)> {
        match self.read(unit).0.on {
            Some(on) => data.work_to_hand_over(unit, on),
            None => Vec::new(),
        }
    }

    /// The problems of the form's fields (unit, date, successors), named by field; no pass
    /// over the directives.
    pub fn field_problems(&self, data: &Dataset, unit: &UnitId) -> Vec<FieldError> {
        let (s, mut fields) = self.read(unit);
        for p in s.unit_problems(data) {
            if !fields.iter().any(|f| f.field == p.field) {
                fields.push(FieldError {
                    field: p.field,
                    problem: DraftProblem::Rule(p.problem),
                });
            }
        }
        fields
    }

    /// The problems of each directive of `work` (the ids [`SuccessionDraft::work`] lists).
    pub fn taker_problems<'a>(
        &self,
        unit: &UnitId,
        work: impl Iterator<Item = &'a DirectiveId>,
    ) -> Vec<SuccessionProblem> {
        self.read(unit).0.taker_problems(work)
    }

    /// Every problem: those of the form's fields (named by field), then those of single
    /// directives (named by directive). None when it can be recorded.
    pub fn problems(
        &self,
        data: &Dataset,
        unit: &UnitId,
    ) -> (Vec<FieldError>, Vec<SuccessionProblem>) {
        let work = self.work(data, unit);
        (
            self.field_problems(data, unit),
            self.taker_problems(unit, work.iter().map(|(d, _)| &d.id)),
        )
    }

    /// Every directive to one successor in one step.
    pub fn all_to(&mut self, data: &Dataset, unit: &UnitId, successor: &UnitId) {
        let (mut s, _) = self.read(unit);
        s.takers = std::mem::take(&mut self.takers);
        s.all_to(data, successor);
        self.takers = s.takers;
    }

    /// The successor picked to take `directive`, or nobody.
    pub fn set_taker(&mut self, directive: &DirectiveId, to: Option<UnitId>) {
        let taker = self.takers.entry(directive.clone()).or_default();
        if let Some(to) = &to {
            taker.also.retain(|u| u != to);
        }
        taker.to = to;
    }

    /// Another successor joins `directive` as a coordinator, or leaves it.
    pub fn set_also(&mut self, directive: &DirectiveId, unit: &UnitId, on: bool) {
        let taker = self.takers.entry(directive.clone()).or_default();
        taker.also.retain(|u| u != unit);
        if on && taker.to.as_ref() != Some(unit) {
            taker.also.push(unit.clone());
        }
    }

    /// The successor chosen for `directive`, while it is still among the successors.
    pub fn taker_of(&self, directive: &DirectiveId) -> Option<UnitId> {
        let to = self.takers.get(directive)?.to.clone()?;
        self.successors.contains(&to.to_string()).then_some(to)
    }

    /// Whether `unit` joins `directive` as a coordinator.
    pub fn joins(&self, directive: &DirectiveId, unit: &UnitId) -> bool {
        self.takers
            .get(directive)
            .is_some_and(|t| t.also.contains(unit))
    }

    /// The unit ended and its directives handed over, or every problem (nothing changes).
    pub fn record(
        &self,
        data: &Dataset,
        unit: &UnitId,
        now: DateTime<Utc>,
    ) -> Result<Recorded, (Vec<FieldError>, Vec<SuccessionProblem>)> {
        let problems = self.problems(data, unit);
        if !problems.0.is_empty() || !problems.1.is_empty() {
            return Err(problems);
        }
        self.read(unit)
            .0
            .record(data, now)
            .map_err(|rows| (Vec::new(), rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::{now, sample};

    fn tuan_giao(data: &Dataset) -> (UnitId, UnitId, UnitId) {
        let id = |name| data.unit_named(name).unwrap().id.clone();
        (
            id("UBND huyện Tuần Giáo"),
            id("UBND xã Tuần Giáo"),
            id("UBND xã Quài Tở"),
        )
    }

    #[test]
    fn the_form_names_each_problem_and_records_nothing_until_all_are_taken() {
        let (data, _) = sample();
        let (district, commune, other) = tuan_giao(&data);
        let mut d = SuccessionDraft {
            on: "1/7".into(),
            ..SuccessionDraft::default()
        };
        let (fields, _) = d.problems(&data, &district);
        let names: Vec<_> = fields.iter().map(|f| f.field.name()).collect();
        assert_eq!(names, vec!["ended_on"], "{fields:?}");
        assert!(d.work(&data, &district).is_empty(), "no date, no list");
        d.on = "01/07/2025".into();
        let (fields, rows) = d.problems(&data, &district);
        assert_eq!(
            fields.iter().map(|f| f.field.name()).collect::<Vec<_>>(),
            vec!["successors"]
        );
        assert_eq!(rows.len(), 2, "both open directives wait for a taker");
        d.successors = vec![commune.to_string(), other.to_string()];
        assert_eq!(d.work(&data, &district).len(), 2);
        let first = d.work(&data, &district)[0].0.id.clone();
        d.set_taker(&first, Some(other.clone()));
        assert_eq!(d.problems(&data, &district).1.len(), 1);
        assert!(d.record(&data, &district, now()).is_err());
        d.all_to(&data, &district, &commune);
        d.set_also(&first, &other, true);
        assert_eq!(d.problems(&data, &district), (Vec::new(), Vec::new()));
        let recorded = d.record(&data, &district, now()).unwrap();
        assert_eq!(recorded.directives.len(), 2);
        assert!(recorded.directives.iter().all(|x| x
            .lead_on(chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap())
            == Some(&commune)));
        assert!(d.joins(&first, &other));
        // Quài Tở taken off the list: it joins nothing; one taken off that was to take
        // something leaves that directive to be chosen again.
        d.successors = vec![commune.to_string()];
        d.kind = "merged".into();
        assert_eq!(d.problems(&data, &district), (Vec::new(), Vec::new()));
        let one = d.record(&data, &district, now()).unwrap();
        assert!(one.directives.iter().all(|x| x.handovers.len() == 1));
        d.successors = vec![other.to_string()];
        assert_eq!(d.taker_of(&first), None);
        assert_eq!(d.problems(&data, &district).1.len(), 2);
    }

    #[test]
    fn a_merger_takes_one_successor() {
        let (data, _) = sample();
        let (district, commune, other) = tuan_giao(&data);
        let d = SuccessionDraft {
            kind: "merged".into(),
            on: "2025-07-01".into(),
            successors: vec![commune.to_string(), other.to_string()],
            takers: BTreeMap::new(),
        };
        let (fields, _) = d.problems(&data, &district);
        assert_eq!(fields[0].field.name(), "successors");
        assert_eq!(
            fields[0].problem,
            DraftProblem::Rule(crate::domain::sharing::validate::Problem::OneSuccessorForMerger)
        );
    }
}
