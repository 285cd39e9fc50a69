//! The checker the rules write to: the record being checked, and one rule per kind of
//! field (text present, a reference found, a percentage, an order of dates) and per record
//! (a project's, an obstacle's, a report's figures).

use chrono::NaiveDate;

use super::{Find, Problem, ValidationError};
use crate::domain::followup::conclusion::Conclusion;
use crate::domain::followup::meeting::Meeting;
use crate::domain::model::record::{Record, RecordKind};
use crate::domain::projects::progress::{Capital, Construction, SiteClearance};
use crate::domain::projects::project::{Obstacle, Project};

/// The record being checked, named only when a problem is found (naming every record of a
/// province's data would cost more than checking it).
trait Named {
    fn kind(&self) -> RecordKind;
    fn id_text(&self) -> String;
    fn label_text(&self) -> String;
}

impl<T: Record> Named for T {
    fn kind(&self) -> RecordKind {
        T::KIND
    }
    fn id_text(&self) -> String {
        self.id().to_string()
    }
    fn label_text(&self) -> String {
        self.label()
    }
}

#[derive(Default)]
pub(super) struct Checker<'a> {
    pub(super) errors: Vec<ValidationError>,
    record: Option<&'a dyn Named>,
}

impl<'a> Checker<'a> {
    pub(super) fn on<T: Record>(&mut self, record: &'a T) {
        self.record = Some(record);
        // The schema asks for at least one character: a record nothing can refer to.
        if record.id().as_ref().trim().is_empty() {
            self.push("id", Problem::Empty);
        }
    }

    pub(super) fn push(&mut self, field: &'static str, problem: Problem) {
        let (kind, id, label) = match self.record {
            Some(r) => (r.kind(), r.id_text(), r.label_text()),
            None => (RecordKind::Committee, String::new(), String::new()),
        };
        self.errors.push(ValidationError {
            kind,
            id,
            label,
            field,
            problem,
        });
    }

    pub(super) fn text(&mut self, field: &'static str, value: &str) {
        if value.trim().is_empty() {
            self.push(field, Problem::Empty);
        }
    }

    pub(super) fn reference<T: Record>(
        &mut self,
        field: &'static str,
        find: &impl Find,
        id: Option<&T::Id>,
    ) {
        if let Some(id) = id {
            if find.find::<T>(id).is_none() {
                self.push(
                    field,
                    Problem::Missing {
                        target: T::KIND,
                        id: id.to_string(),
                    },
                );
            }
        }
    }

    pub(super) fn percent(&mut self, field: &'static str, value: Option<f64>) {
        if let Some(value) = value {
            if !(0.0..=100.0).contains(&value) {
                self.push(field, Problem::PercentOutOfRange { value });
            }
        }
    }

    pub(super) fn non_negative(&mut self, field: &'static str, value: Option<f64>) {
        if value.is_some_and(|v| v.is_nan() || v < 0.0) {
            self.push(field, Problem::Negative);
        }
    }

    pub(super) fn not_above<N: PartialOrd>(
        &mut self,
        field: &'static str,
        part: Option<N>,
        total_field: &'static str,
        total: Option<N>,
    ) {
        if let (Some(part), Some(total)) = (part, total) {
            if part > total {
                self.push(field, Problem::AboveTotal { total_field });
            }
        }
    }

    pub(super) fn order(
        &mut self,
        field: &'static str,
        earlier: Option<NaiveDate>,
        later_field: &'static str,
        later: Option<NaiveDate>,
    ) {
        if let (Some(a), Some(b)) = (earlier, later) {
            if a > b {
                self.push(field, Problem::DateAfter { later_field });
            }
        }
    }

    pub(super) fn project(&mut self, p: &Project) {
        self.text("name", &p.name);
        self.order(
            "planned_start",
            p.planned_start,
            "planned_finish",
            p.planned_finish,
        );
        if p.total_investment.is_some_and(|a| a.vnd.0 < 0) {
            self.push("total_investment", Problem::Negative);
        }
    }

    pub(super) fn obstacle(&mut self, o: &Obstacle) {
        self.text("description", &o.description);
        self.order("since", o.since, "resolved_on", o.resolved_on);
    }

    pub(super) fn conclusion(&mut self, c: &Conclusion) {
        self.text("number_symbol", &c.number_symbol);
        self.text("title", &c.title);
    }

    pub(super) fn meeting(&mut self, m: &Meeting) {
        self.order("date", Some(m.date), "next_meeting", m.next_meeting);
    }

    pub(super) fn site_clearance(&mut self, sc: &SiteClearance) {
        self.non_negative("site_clearance.area_total_ha", sc.area_total_ha);
        self.non_negative("site_clearance.area_handed_over_ha", sc.area_handed_over_ha);
        self.not_above(
            "site_clearance.area_handed_over_ha",
            sc.area_handed_over_ha,
            "site_clearance.area_total_ha",
            sc.area_total_ha,
        );
        self.not_above(
            "site_clearance.households_handed_over",
            sc.households_handed_over,
            "site_clearance.households_total",
            sc.households_total,
        );
        self.percent("site_clearance.percent", sc.percent);
    }

    pub(super) fn construction(&mut self, c: &Construction) {
        self.not_above(
            "construction.packages_under_construction",
            c.packages_under_construction,
            "construction.packages_total",
            c.packages_total,
        );
        self.not_above(
            "construction.contracts_signed",
            c.contracts_signed,
            "construction.packages_total",
            c.packages_total,
        );
        self.percent("construction.volume_percent", c.volume_percent);
    }

    pub(super) fn capital(&mut self, c: &Capital) {
        for (field, value) in [
            ("capital.plan", c.plan),
            ("capital.allocated", c.allocated),
            ("capital.disbursed", c.disbursed),
        ] {
            if value.is_some_and(|v| v.0 < 0) {
                self.push(field, Problem::Negative);
            }
        }
        self.not_above("capital.disbursed", c.disbursed, "capital.plan", c.plan);
        self.percent("capital.disbursed_percent", c.disbursed_percent);
        self.percent(
            "capital.same_period_last_year_percent",
            c.same_period_last_year_percent,
        );
    }
}
