//! A unit that ended (merged or abolished in the 2025 reorganisation): its work handed to
//! the units that took over, directive by directive, and who owes a directive on a date.
//! The officer's record of the end is `succession::Succession`.
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

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::followup::conclusion::Directive;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::UnitId;
use crate::domain::sorting;

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
        crate::domain::followup::extension::closed_on(&self.status)
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

    /// Whether `unit` took part in the directive on any day: named by the conclusion, or
    /// given or giving a part of it in a hand-over. What is sent to a unit carries all of
    /// these, so the receiver counts what the sender's screen counts on every date.
    pub fn ever_involves(&self, unit: &UnitId) -> bool {
        self.lead_unit.as_ref() == Some(unit)
            || self.coordinating_units.contains(unit)
            || self
                .handovers
                .iter()
                .any(|h| &h.from == unit || &h.to == unit)
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
    ) -> Option<(
        NaiveDate,
        crate::domain::followup::report_counts::ReportCounts,
    )> {
        let last_day = self.units.get(unit)?.ended.as_ref()?.on.pred_opt()?;
        let from = self.conclusions.iter().map(|c| c.date).min()?;
        let report = self.follow_up_report(
            &crate::domain::followup::report_counts::ReportScope::Everything,
            from,
            last_day,
            crate::domain::followup::state::DEFAULT_DUE_SOON_DAYS,
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
