//! A unit that ended (merged or abolished in the 2025 reorganisation) and its work handed to
//! the units that took over, directive by directive; and who owes a directive on a date.
//!
//! Rules:
//! - A unit ends on a day (`Ending::on`): it owes its directives until the day before, its
//!   successors from that day. The conclusion's own `lead_unit` and `coordinating_units`
//!   are never rewritten: each hand-over is recorded beside them.
//! - What it must hand over: every followed directive it leads or coordinates on its last
//!   day and did not close (done, cancelled, transferred) before the ending day. One closed
//!   before stays its own and is not handed over.
//! - The lead passes to exactly one successor, which the officer names for every directive
//!   (all to one in one step, or one by one): nothing is handed over silently. Other
//!   successors may join as coordinators. A coordinating place passes as coordinating.
//! - On a reference date a directive counts for the unit leading it then, or on the day it
//!   closed when that came first: what the old unit did or failed before its end stays in
//!   its own counts and in reports of periods before the date; later ones count the
//!   inherited item for the successor.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::conclusion::Directive;
use super::dataset::Dataset;
use super::ids::{DirectiveId, UnitId};
use super::org::{EndKind, Ending, Unit};
use super::sorting;
use super::validate::Problem;

/// How a unit takes part in a directive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Lead,
    Coordinating,
}

/// Part of a directive's work passed from a unit that ended to one that took over, from
/// the day the old unit ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handover {
    pub from: UnitId,
    pub to: UnitId,
    pub role: Role,
    #[serde(with = "crate::domain::dates::day")]
    pub on: NaiveDate,
}

/// A directive whose lead is not the one the conclusion named: where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inherited<'a> {
    /// The lead the conclusion named.
    pub from: &'a UnitId,
    /// The day the last hand-over took effect.
    pub on: NaiveDate,
}

impl Directive {
    /// The day the directive was done, cancelled or transferred.
    pub fn closed_on(&self) -> Option<NaiveDate> {
        super::extension::closed_on(&self.status)
    }

    fn handovers_in_order(&self) -> Vec<&Handover> {
        let mut list: Vec<&Handover> = self.handovers.iter().collect();
        sorting::sort_by_key(&mut list, |h| h.on);
        list
    }

    /// The lead on `date`: the conclusion's, passed along every hand-over in effect by then.
    pub fn lead_on(&self, date: NaiveDate) -> Option<&UnitId> {
        let mut lead = self.lead_unit.as_ref();
        // Most directives were never handed over: nothing to sort (lists ask this of every
        // directive on every click).
        if self.handovers.is_empty() {
            return lead;
        }
        for h in self.handovers_in_order() {
            if h.on <= date && h.role == Role::Lead && lead == Some(&h.from) {
                lead = Some(&h.to);
            }
        }
        lead
    }

    /// The coordinating units on `date`, after the hand-overs in effect by then.
    pub fn coordinating_on(&self, date: NaiveDate) -> Vec<&UnitId> {
        let mut units: Vec<&UnitId> = self.coordinating_units.iter().collect();
        if self.handovers.is_empty() {
            return units;
        }
        for h in self.handovers_in_order() {
            if h.on <= date && h.role == Role::Coordinating {
                units.retain(|u| *u != &h.from);
                if !units.contains(&&h.to) {
                    units.push(&h.to);
                }
            }
        }
        units
    }

    /// The day whose units a count on `reference` uses: the reference, or the day the
    /// directive closed when that came first.
    pub fn owed_on(&self, reference: NaiveDate) -> NaiveDate {
        self.closed_on().map_or(reference, |c| c.min(reference))
    }

    /// The unit a count on `reference` puts the directive under.
    pub fn lead_at(&self, reference: NaiveDate) -> Option<&UnitId> {
        self.lead_on(self.owed_on(reference))
    }

    pub fn coordinating_at(&self, reference: NaiveDate) -> Vec<&UnitId> {
        self.coordinating_on(self.owed_on(reference))
    }

    /// Whether `unit` coordinates the directive as counted on `reference`.
    pub fn coordinates_at(&self, unit: &UnitId, reference: NaiveDate) -> bool {
        if self.handovers.is_empty() {
            return self.coordinating_units.contains(unit);
        }
        self.coordinating_at(reference).contains(&unit)
    }

    /// Whether `unit` takes part in the directive as counted on `reference`.
    pub fn involves_at(&self, unit: &UnitId, reference: NaiveDate) -> bool {
        self.lead_at(reference) == Some(unit) || self.coordinates_at(unit, reference)
    }

    /// Where the lead counted on `reference` came from, when it is not the conclusion's.
    pub fn inherited_at(&self, reference: NaiveDate) -> Option<Inherited<'_>> {
        let first = self.lead_unit.as_ref()?;
        let now = self.lead_at(reference)?;
        if now == first {
            return None;
        }
        let on = self
            .handovers
            .iter()
            .filter(|h| h.role == Role::Lead && &h.to == now)
            .map(|h| h.on)
            .max()?;
        Some(Inherited { from: first, on })
    }

    /// The lead's history: the conclusion's lead, then each unit it passed to and from when
    /// ("giao cho UBND huyện X, từ 01/07/2025 chuyển cho UBND xã Y"). Empty when the lead
    /// never changed.
    pub fn lead_history(&self) -> Vec<(Option<NaiveDate>, &UnitId)> {
        let Some(first) = self.lead_unit.as_ref() else {
            return Vec::new();
        };
        let mut steps = vec![(None, first)];
        let mut lead = first;
        for h in self.handovers_in_order() {
            if h.role == Role::Lead && &h.from == lead {
                lead = &h.to;
                steps.push((Some(h.on), lead));
            }
        }
        if steps.len() == 1 {
            steps.clear();
        }
        steps
    }
}

impl Dataset {
    /// What `unit`, ending on `on`, must hand over: the followed directives it leads or
    /// coordinates on its last day and did not close before `on`, with its part in each,
    /// in the order of their conclusions and numbers.
    pub fn work_to_hand_over(&self, unit: &UnitId, on: NaiveDate) -> Vec<(&Directive, Role)> {
        let last_day = on.pred_opt().unwrap_or(on);
        let mut list: Vec<(&Directive, Role)> = self
            .followed()
            .into_iter()
            .filter(|d| d.closed_on().is_none_or(|c| c >= on))
            .filter_map(|d| {
                if d.lead_on(last_day) == Some(unit) {
                    Some((d, Role::Lead))
                } else if d.coordinating_on(last_day).contains(&unit) {
                    Some((d, Role::Coordinating))
                } else {
                    None
                }
            })
            .collect();
        self.sort_by_document(&mut list, |(d, _)| d);
        list
    }

    /// How a unit that ended did until its last day, as the follow-up report counts it as
    /// of that day (something done only later was still owed then): that day and the
    /// counts. `None` for a unit that has not ended.
    pub fn record_before_end(
        &self,
        unit: &UnitId,
    ) -> Option<(NaiveDate, super::report::ReportCounts)> {
        let last_day = self.units.get(unit)?.ended.as_ref()?.on.pred_opt()?;
        let from = self.conclusions.iter().map(|c| c.date).min()?;
        let report = self.follow_up_report(
            &super::report::ReportScope::Everything,
            from,
            last_day,
            super::followup::DEFAULT_DUE_SOON_DAYS,
        );
        let counts = report
            .by_unit
            .iter()
            .find(|l| l.unit == unit)
            .map(|l| l.counts)
            .unwrap_or_default();
        Some((last_day, counts))
    }

    /// What `unit` owes as counted on `reference`: the followed directives it leads, then
    /// those it coordinates, inherited ones included and those handed over left out (the
    /// lists of a unit's page and its table; the same rule as [`Dataset::unit_counts`]).
    pub fn owed_by(
        &self,
        unit: &UnitId,
        reference: NaiveDate,
    ) -> (Vec<&Directive>, Vec<&Directive>) {
        let followed = self.followed();
        let led = followed
            .iter()
            .copied()
            .filter(|d| d.lead_at(reference) == Some(unit))
            .collect();
        let coordinated = followed
            .into_iter()
            .filter(|d| d.coordinates_at(unit, reference))
            .collect();
        (led, coordinated)
    }

    /// The directives handed over by `unit`, with the part each successor took, in the
    /// order of their conclusions and numbers.
    pub fn handed_over_by(&self, unit: &UnitId) -> Vec<(&Directive, Vec<&Handover>)> {
        let mut list: Vec<_> = self
            .followed()
            .into_iter()
            .filter_map(|d| {
                let hs: Vec<&Handover> = d.handovers.iter().filter(|h| &h.from == unit).collect();
                (!hs.is_empty()).then_some((d, hs))
            })
            .collect();
        self.sort_by_document(&mut list, |(d, _)| d);
        list
    }

    /// Sorts items of directives by their conclusion's date, then their number.
    fn sort_by_document<T>(&self, list: &mut [T], directive: impl Fn(&T) -> &Directive) {
        let key = |d: &Directive| {
            (
                self.conclusions.get(&d.conclusion).map(|c| c.date),
                d.path.clone(),
            )
        };
        sorting::sort_by_key(list, |a| key(directive(a)));
    }
}

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
    pub field: &'static str,
    pub problem: Problem,
}

/// What recording a succession changes: the unit, ended, and the directives handed over.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub unit: Unit,
    pub directives: Vec<Directive>,
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
            target: super::record::RecordKind::Unit,
            id: id.to_string(),
        };
        let Some(unit) = data.units.get(&self.unit) else {
            push("unit", missing(&self.unit));
            return out;
        };
        if unit.ended.is_some() {
            push("ended", Problem::AlreadyEnded);
        }
        let Some(on) = self.on else {
            push("ended_on", Problem::Empty);
            return out;
        };
        if self.successors.is_empty() {
            push("successors", Problem::Empty);
        }
        if self.kind == EndKind::Merged && self.successors.len() > 1 {
            push("successors", Problem::OneSuccessorForMerger);
        }
        for s in &self.successors {
            match data.units.get(s) {
                None => push("successors", missing(s)),
                Some(_) if s == &self.unit => push("successors", Problem::SuccessorIsItself),
                Some(u) if !u.exists_on(on) => push("successors", Problem::SuccessorEnded),
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
                None => push("taker", Problem::Empty),
                Some(t) if !self.successors.contains(t) => push("taker", Problem::NotASuccessor),
                Some(_) => {}
            }
            if taker.also.iter().any(|u| !self.successors.contains(u)) {
                push("also", Problem::NotASuccessor);
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

impl Dataset {
    /// Units `absorbed` and `kept` are one unit typed twice: what joining them changes.
    /// Every record that names `absorbed` names `kept` instead; its names become other
    /// names of `kept` and its id is remembered there (a colleague's file that still uses
    /// it reads as `kept`). The caller removes `absorbed`.
    pub fn join_units(
        &self,
        kept: &UnitId,
        absorbed: &UnitId,
        now: DateTime<Utc>,
    ) -> Result<Joined, Problem> {
        self.join_stamped(kept, absorbed, Some(now))
    }

    /// [`Dataset::join_units`]; `now` `None` keeps every record's time (for reading a
    /// colleague's file in the register's terms, which changes nothing they wrote).
    fn join_stamped(
        &self,
        kept: &UnitId,
        absorbed: &UnitId,
        now: Option<DateTime<Utc>>,
    ) -> Result<Joined, Problem> {
        let stamp = |t: &mut DateTime<Utc>| {
            if let Some(now) = now {
                *t = now
            }
        };
        let (Some(k), Some(a)) = (self.units.get(kept), self.units.get(absorbed)) else {
            return Err(Problem::Missing {
                target: super::record::RecordKind::Unit,
                id: absorbed.to_string(),
            });
        };
        if kept == absorbed {
            return Err(Problem::SuccessorIsItself);
        }
        let swap = |u: &mut UnitId| {
            if u == absorbed {
                *u = kept.clone();
            }
        };
        let mut unit = k.clone();
        for name in a
            .all_names()
            .chain(a.former_names.iter().map(|f| f.name.as_str()))
        {
            let known = unit
                .all_names()
                .any(|n| super::text::fold(n) == super::text::fold(name));
            if !known {
                unit.other_names.push(name.to_owned());
            }
        }
        unit.joined.push(absorbed.clone());
        unit.joined.extend(a.joined.iter().cloned());
        if unit.contact.is_empty() {
            unit.contact = a.contact.clone();
        }
        stamp(&mut unit.updated_at);
        let mut units = vec![unit];
        for u in self
            .units
            .iter()
            .filter(|u| &u.id != kept && &u.id != absorbed)
        {
            let mut c = u.clone();
            if let Some(p) = c.parent.as_mut() {
                swap(p)
            }
            if let Some(e) = c.ended.as_mut() {
                e.successors.iter_mut().for_each(swap);
                e.successors.dedup();
            }
            if c != *u {
                stamp(&mut c.updated_at);
                units.push(c);
            }
        }
        let mut directives = Vec::new();
        for d in self.directives.iter() {
            let mut c = d.clone();
            if let Some(l) = c.lead_unit.as_mut() {
                swap(l)
            }
            c.coordinating_units.iter_mut().for_each(swap);
            let lead = c.lead_unit.clone();
            c.coordinating_units.retain(|u| Some(u) != lead.as_ref());
            let mut seen = Vec::new();
            c.coordinating_units.retain(|u| {
                let fresh = !seen.contains(u);
                seen.push(u.clone());
                fresh
            });
            for h in &mut c.handovers {
                swap(&mut h.from);
                swap(&mut h.to);
            }
            c.handovers.retain(|h| h.from != h.to);
            if c != *d {
                stamp(&mut c.updated_at);
                directives.push(c);
            }
        }
        let mut projects = Vec::new();
        for p in self.projects.iter() {
            let mut c = p.clone();
            if let Some(i) = c.investor.as_mut() {
                swap(i)
            }
            if c != *p {
                stamp(&mut c.updated_at);
                projects.push(c);
            }
        }
        let mut obstacles = Vec::new();
        for o in self.obstacles.iter() {
            let mut c = o.clone();
            if let Some(u) = c.responsible_unit.as_mut() {
                swap(u)
            }
            if c != *o {
                stamp(&mut c.updated_at);
                obstacles.push(c);
            }
        }
        let mut meetings = Vec::new();
        for m in self.meetings.iter() {
            let mut c = m.clone();
            c.attendee_units.iter_mut().for_each(swap);
            c.attendee_units.dedup();
            if c != *m {
                stamp(&mut c.updated_at);
                meetings.push(c);
            }
        }
        Ok(Joined {
            units,
            directives,
            projects,
            obstacles,
            meetings,
        })
    }

    /// Applies a join: the changed records in, the absorbed unit out.
    pub fn apply_join(&mut self, absorbed: &UnitId, joined: Joined) {
        joined.units.into_iter().for_each(|r| self.units.upsert(r));
        joined
            .directives
            .into_iter()
            .for_each(|r| self.directives.upsert(r));
        joined
            .projects
            .into_iter()
            .for_each(|r| self.projects.upsert(r));
        joined
            .obstacles
            .into_iter()
            .for_each(|r| self.obstacles.upsert(r));
        joined
            .meetings
            .into_iter()
            .for_each(|r| self.meetings.upsert(r));
        self.units.remove(absorbed);
    }

    /// Whether any record refers to the unit (then it is never deleted, only archived).
    pub fn unit_is_referred_to(&self, unit: &UnitId) -> bool {
        let u = Some(unit);
        self.directives.iter().any(|d| {
            d.lead_unit.as_ref() == u
                || d.coordinating_units.contains(unit)
                || d.handovers.iter().any(|h| &h.from == unit || &h.to == unit)
        }) || self.projects.iter().any(|p| p.investor.as_ref() == u)
            || self
                .obstacles
                .iter()
                .any(|o| o.responsible_unit.as_ref() == u)
            || self
                .meetings
                .iter()
                .any(|m| m.attendee_units.contains(unit))
            || self.units.iter().any(|x| {
                x.parent.as_ref() == u
                    || x.ended
                        .as_ref()
                        .is_some_and(|e| e.successors.contains(unit))
            })
    }

    /// `incoming` (a colleague's file) read in this register's terms: a unit this register
    /// joined into another is that other unit there too, whatever the file still calls it.
    /// The file's records keep their times, so the import compares them as they were.
    pub fn with_joined_resolved<'a>(&self, incoming: &'a Dataset) -> std::borrow::Cow<'a, Dataset> {
        let pairs: Vec<(&Unit, &UnitId)> = self
            .units
            .iter()
            .flat_map(|u| u.joined.iter().map(move |j| (u, j)))
            .filter(|(_, j)| incoming.unit_is_referred_to(j) || incoming.units.contains(j))
            .collect();
        if pairs.is_empty() {
            return std::borrow::Cow::Borrowed(incoming);
        }
        let mut data = incoming.clone();
        for (kept, absorbed) in pairs {
            let theirs = data.units.get(&kept.id).cloned();
            if !data.units.contains(absorbed) {
                let mut stand_in = kept.clone();
                stand_in.id = absorbed.clone();
                data.units.upsert(stand_in);
            }
            if theirs.is_none() {
                data.units.upsert(kept.clone());
            }
            if let Ok(joined) = data.join_stamped(&kept.id, absorbed, None) {
                data.apply_join(absorbed, joined);
            }
            // Their version of the unit as they sent it (or this register's, if they
            // did not send it): the join only rewrote what refers to it.
            data.units.upsert(theirs.unwrap_or_else(|| kept.clone()));
        }
        std::borrow::Cow::Owned(data)
    }

    /// The unit of the register an id names: itself, or the unit a duplicate with that id
    /// was joined into.
    pub fn unit_for_id(&self, id: &UnitId) -> Option<&Unit> {
        self.units
            .get(id)
            .or_else(|| self.units.iter().find(|u| u.joined.contains(id)))
    }
}

/// The records a join changes (see [`Dataset::join_units`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Joined {
    pub units: Vec<Unit>,
    pub directives: Vec<Directive>,
    pub projects: Vec<super::project::Project>,
    pub obstacles: Vec<super::project::Obstacle>,
    pub meetings: Vec<super::meeting::Meeting>,
}

#[cfg(test)]
#[path = "succession_tests.rs"]
mod tests;
