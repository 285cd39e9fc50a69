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
use crate::domain::Field;

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
            self.push(Field::Id, Problem::Empty);
        }
    }

    pub(super) fn push(&mut self, field: Field, problem: Problem) {
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

    pub(super) fn text(&mut self, field: Field, value: &str) {
        if value.trim().is_empty() {
            self.push(field, Problem::Empty);
        }
    }

    pub(super) fn reference<T: Record>(
        &mut self,
        field: Field,
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

    pub(super) fn percent(&mut self, field: Field, value: Option<f64>) {
        if let Some(value) = value {
            if !(0.0..=100.0).contains(&value) {
                self.push(field, Problem::PercentOutOfRange { value });
            }
        }
    }

    pub(super) fn non_negative(&mut self, field: Field, value: Option<f64>) {
        if value.is_some_and(|v| v.is_nan() || v < 0.0) {
            self.push(field, Problem::Negative);
        }
    }

    pub(super) fn not_above<N: PartialOrd>(
        &mut self,
        field: Field,
        part: Option<N>,
        total_field: Field,
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
        field: Field,
        earlier: Option<NaiveDate>,
        later_field: Field,
        later: Option<NaiveDate>,
    ) {
        if let (Some(a), Some(b)) = (earlier, later) {
            if a > b {
                self.push(field, Problem::DateAfter { later_field });
            }
        }
    }

    pub(super) fn project(&mut self, p: &Project) {
        self.text(Field::Name, &p.name);
        self.order(
            Field::PlannedStart,
            p.planned_start,
            Field::PlannedFinish,
            p.planned_finish,
        );
        if p.total_investment.is_some_and(|a| a.vnd.0 < 0) {
            self.push(Field::TotalInvestment, Problem::Negative);
        }
    }

    /// The office's letterhead: an issuing body, number patterns marking the number once,
    /// signers with a title and a name.
    pub(super) fn office(&mut self, o: &crate::domain::documents::Office) {
        self.text(Field::IssuingBody, &o.issuing_body);
        for (field, pattern) in [
            (Field::ReportNumber, &o.report_number),
            (Field::LetterNumber, &o.letter_number),
        ] {
            if crate::domain::documents::read_pattern(pattern).as_ref() != Some(pattern) {
                self.push(field, Problem::NumberPattern);
            }
        }
        if o.signers
            .iter()
            .any(|s| s.title.is_empty() || s.name.trim().is_empty())
        {
            self.push(Field::Signers, Problem::SignerTooShort);
        }
    }

    pub(super) fn obstacle(&mut self, o: &Obstacle) {
        self.text(Field::Description, &o.description);
        self.order(Field::Since, o.since, Field::ResolvedOn, o.resolved_on);
    }

    pub(super) fn conclusion(&mut self, c: &Conclusion) {
        self.text(Field::NumberSymbol, &c.number_symbol);
        self.text(Field::Title, &c.title);
    }

    pub(super) fn meeting(&mut self, m: &Meeting) {
        self.order(
            Field::Date,
            Some(m.date),
            Field::NextMeeting,
            m.next_meeting,
        );
    }

    pub(super) fn site_clearance(&mut self, sc: &SiteClearance) {
        self.non_negative(Field::SiteClearanceAreaTotalHa, sc.area_total_ha);
        self.non_negative(Field::SiteClearanceAreaHandedOverHa, sc.area_handed_over_ha);
        self.not_above(
            Field::SiteClearanceAreaHandedOverHa,
            sc.area_handed_over_ha,
            Field::SiteClearanceAreaTotalHa,
            sc.area_total_ha,
        );
        self.not_above(
            Field::SiteClearanceHouseholdsHandedOver,
            sc.households_handed_over,
            Field::SiteClearanceHouseholdsTotal,
            sc.households_total,
        );
        self.percent(Field::SiteClearancePercent, sc.percent);
    }

    pub(super) fn construction(&mut self, c: &Construction) {
        self.not_above(
            Field::ConstructionPackagesUnderConstruction,
            c.packages_under_construction,
            Field::ConstructionPackagesTotal,
            c.packages_total,
        );
        self.not_above(
            Field::ConstructionContractsSigned,
            c.contracts_signed,
            Field::ConstructionPackagesTotal,
            c.packages_total,
        );
        self.percent(Field::ConstructionVolumePercent, c.volume_percent);
    }

    pub(super) fn capital(&mut self, c: &Capital) {
        for (field, value) in [
            (Field::CapitalPlan, c.plan),
            (Field::CapitalAllocated, c.allocated),
            (Field::CapitalDisbursed, c.disbursed),
        ] {
            if value.is_some_and(|v| v.0 < 0) {
                self.push(field, Problem::Negative);
            }
        }
        self.not_above(
            Field::CapitalDisbursed,
            c.disbursed,
            Field::CapitalPlan,
            c.plan,
        );
        self.percent(Field::CapitalDisbursedPercent, c.disbursed_percent);
        self.percent(
            Field::CapitalSamePeriodLastYearPercent,
            c.same_period_last_year_percent,
        );
    }
}
