//! A progress report as typed in the report form.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::draft::{DraftProblem, FieldError, Reader};
use crate::domain::model::ids::ProjectId;
use crate::domain::number::DecimalMark;
use crate::domain::projects::progress::{Capital, Construction, ProgressReport, SiteClearance};
use crate::domain::sharing::validate::validate_report;
use crate::domain::Field;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportDraft {
    /// A date as typed: "07/12/2026", or any layout `dates::parse_date` reads.
    pub as_of: String,
    pub households_total: String,
    pub households_handed_over: String,
    pub area_total_ha: String,
    pub area_handed_over_ha: String,
    pub packages_total: String,
    pub packages_under_construction: String,
    pub contracts_signed: String,
    pub volume_percent: String,
    pub plan_billions: String,
    pub allocated_billions: String,
    pub disbursed_billions: String,
    /// Disbursement % in the same period of the previous year, as the report quotes it.
    pub same_period_last_year_percent: String,
    pub narrative: String,
    /// The officer confirms that figures lower than the earlier reports' are a correction.
    pub confirm_drop: bool,
}

/// The form field a cumulative figure is typed in.
fn field_of(m: crate::domain::projects::latest::Measure) -> Field {
    use crate::domain::projects::latest::Measure;
    match m {
        Measure::HouseholdsHandedOver => Field::SiteClearanceHouseholdsHandedOver,
        Measure::AreaHandedOverHa => Field::SiteClearanceAreaHandedOverHa,
        Measure::VolumePercent => Field::ConstructionVolumePercent,
        _ => Field::CapitalDisbursed,
    }
}

impl ReportDraft {
    /// Reads and checks the draft against `today`: figures cannot be "as of" a day that has
    /// not come. The report is built only when nothing is wrong.
    pub fn to_report(
        &self,
        mark: DecimalMark,
        project: &ProjectId,
        id: String,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ProgressReport, Vec<FieldError>> {
        let mut r = Reader::new(mark);
        let as_of = r.required_date(Field::AsOf, &self.as_of);
        r.not_after(Field::AsOf, as_of, today);
        let site_clearance = SiteClearance {
            households_total: r.count(Field::SiteClearanceHouseholdsTotal, &self.households_total),
            households_handed_over: r.count(
                Field::SiteClearanceHouseholdsHandedOver,
                &self.households_handed_over,
            ),
            area_total_ha: r.decimal(Field::SiteClearanceAreaTotalHa, &self.area_total_ha, 4),
            area_handed_over_ha: r.decimal(
                Field::SiteClearanceAreaHandedOverHa,
                &self.area_handed_over_ha,
                4,
            ),
            percent: None,
        };
        let construction = Construction {
            packages_total: r.count(Field::ConstructionPackagesTotal, &self.packages_total),
            packages_under_construction: r.count(
                Field::ConstructionPackagesUnderConstruction,
                &self.packages_under_construction,
            ),
            contracts_signed: r.count(Field::ConstructionContractsSigned, &self.contracts_signed),
            volume_percent: r.percent(Field::ConstructionVolumePercent, &self.volume_percent),
        };
        let mut capital = Capital {
            year: None,
            plan: r.money(Field::CapitalPlan, &self.plan_billions),
            allocated: r.money(Field::CapitalAllocated, &self.allocated_billions),
            disbursed: r.money(Field::CapitalDisbursed, &self.disbursed_billions),
            disbursed_percent: None,
            same_period_last_year_percent: r.percent(
                Field::CapitalSamePeriodLastYearPercent,
                &self.same_period_last_year_percent,
            ),
        };
        // Capital figures belong to the year of the report's date.
        if !capital.is_empty() {
            capital.year = as_of.map(|d| chrono::Datelike::year(&d));
        }
        let report = ProgressReport {
            id: id.as_str().into(),
            created_at: now,
            updated_at: now,
            project: project.clone(),
            as_of: as_of.unwrap_or(NaiveDate::MIN),
            site_clearance,
            construction,
            capital,
            narrative: self.narrative.trim().to_owned(),
        };
        if r.errors.is_empty()
            && report.site_clearance.is_empty()
            && report.construction.is_empty()
            && report.capital.is_empty()
            && report.narrative.is_empty()
        {
            r.push(Field::Narrative, DraftProblem::Nothing);
        }
        let rules = validate_report(&report);
        r.finish(report, rules)
    }
}

impl ReportDraft {
    /// [`ReportDraft::to_report`], then against the project's `earlier` reports: a
    /// cumulative figure lower than theirs is refused, on its field, until the officer
    /// confirms the correction ([`ReportDraft::confirm_drop`]).
    pub fn to_report_after<'a>(
        &self,
        earlier: impl IntoIterator<Item = &'a ProgressReport>,
        mark: DecimalMark,
        project: &ProjectId,
        id: String,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ProgressReport, Vec<FieldError>> {
        let report = self.to_report(mark, project, id, today, now)?;
        if self.confirm_drop {
            return Ok(report);
        }
        let dropped: Vec<FieldError> = crate::domain::projects::latest::drops(earlier, &report)
            .into_iter()
            .map(|c| FieldError {
                field: field_of(c.measure),
                problem: DraftProblem::Dropped {
                    before: c.before.unwrap_or_default(),
                    after: c.after,
                },
            })
            .collect();
        if dropped.is_empty() {
            Ok(report)
        } else {
            Err(dropped)
        }
    }

    /// Whether the draft has figures lower than the earlier reports' (the form then offers
    /// the confirmation).
    pub fn drops_below<'a>(
        &self,
        earlier: impl IntoIterator<Item = &'a ProgressReport>,
        mark: DecimalMark,
        project: &ProjectId,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> bool {
        let unconfirmed = ReportDraft {
            confirm_drop: false,
            ..self.clone()
        };
        unconfirmed
            .to_report_after(earlier, mark, project, "draft".into(), today, now)
            .is_err_and(|e| {
                e.iter()
                    .any(|e| matches!(e.problem, DraftProblem::Dropped { .. }))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::DateError;
    use crate::domain::money::Vnd;

    fn draft() -> ReportDraft {
        ReportDraft {
            as_of: "2025-08-20".into(),
            ..Default::default()
        }
    }

    fn check(d: &ReportDraft, mark: DecimalMark) -> Result<ProgressReport, Vec<FieldError>> {
        d.to_report(
            mark,
            &"p".into(),
            "r".into(),
            today(),
            DateTime::<Utc>::MIN_UTC,
        )
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 8, 25).unwrap()
    }

    #[test]
    fn figures_cannot_be_as_of_a_day_to_come() {
        let d = ReportDraft {
            as_of: "2025-08-26".into(),
            narrative: "Đang kiểm đếm".into(),
            ..draft()
        };
        assert_eq!(
            check(&d, DecimalMark::Comma).unwrap_err(),
            vec![FieldError {
                field: Field::AsOf,
                problem: DraftProblem::Rule(crate::domain::sharing::validate::Problem::InFuture)
            }]
        );
        let today = ReportDraft {
            as_of: "2025-08-25".into(),
            ..d
        };
        assert!(check(&today, DecimalMark::Comma).is_ok());
    }

    #[test]
    fn a_partial_report_in_vietnamese_notation() {
        let d = ReportDraft {
            households_total: "514".into(),
            households_handed_over: "359".into(),
            area_total_ha: "93,7".into(),
            area_handed_over_ha: "70,5".into(),
            plan_billions: "1.300".into(),
            disbursed_billions: "1.098,24".into(),
            ..draft()
        };
        let r = check(&d, DecimalMark::Comma).unwrap();
        assert_eq!(r.site_clearance.area_total_ha, Some(93.7));
        assert_eq!(r.capital.plan, Some(Vnd::billions(1_300, 0)));
        assert_eq!(r.capital.disbursed, Some(Vnd::billions(1_098, 24)));
        assert_eq!(r.capital.year, Some(2025));
        assert!(
            r.construction.is_empty(),
            "what was not typed stays unknown"
        );
    }

    #[test]
    fn each_wrong_field_is_named() {
        let d = ReportDraft {
            households_total: "100".into(),
            households_handed_over: "120".into(),
            volume_percent: "140".into(),
            packages_total: "2,5".into(),
            plan_billions: "abc".into(),
            ..draft()
        };
        let errors = check(&d, DecimalMark::Comma).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.name()).collect();
        assert!(
            fields.contains(&"site_clearance.households_handed_over"),
            "{errors:?}"
        );
        assert!(fields.contains(&"construction.volume_percent"));
        assert!(fields.contains(&"construction.packages_total"));
        assert!(fields.contains(&"capital.plan"));
    }

    #[test]
    fn a_date_and_something_reported_are_required() {
        let errors = check(&ReportDraft::default(), DecimalMark::Point).unwrap_err();
        assert_eq!(
            errors[0],
            FieldError {
                field: Field::AsOf,
                problem: DraftProblem::Date(DateError::Empty)
            }
        );
        let errors = check(&draft(), DecimalMark::Point).unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError {
                field: Field::Narrative,
                problem: DraftProblem::Nothing
            }]
        );
        let only_text = ReportDraft {
            narrative: "Đang kiểm đếm".into(),
            ..draft()
        };
        assert!(check(&only_text, DecimalMark::Point).is_ok());
    }

    #[test]
    fn a_percentage_may_carry_its_sign() {
        let d = ReportDraft {
            volume_percent: "44,55%".into(),
            same_period_last_year_percent: "34,05 %".into(),
            ..draft()
        };
        let r = check(&d, DecimalMark::Comma).unwrap();
        assert_eq!(r.construction.volume_percent, Some(44.55));
        assert_eq!(r.capital.same_period_last_year_percent, Some(34.05));
        let over = ReportDraft {
            volume_percent: "150%".into(),
            ..draft()
        };
        let errors = check(&over, DecimalMark::Comma).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field.name(), "construction.volume_percent");
        assert!(
            matches!(errors[0].problem, DraftProblem::Rule(_)),
            "the range is said, not 'not a number': {errors:?}"
        );
    }

    #[test]
    fn the_english_reading_of_the_same_text_differs() {
        let d = ReportDraft {
            plan_billions: "1,300".into(),
            ..draft()
        };
        assert_eq!(
            check(&d, DecimalMark::Point).unwrap().capital.plan,
            Some(Vnd::billions(1_300, 0))
        );
        assert_eq!(
            check(&d, DecimalMark::Comma).unwrap().capital.plan,
            Some(Vnd::billions(1, 30)),
            "1,3 tỷ in Vietnamese"
        );
    }

    #[test]
    fn a_cumulative_figure_going_down_is_saved_only_when_confirmed() {
        let now = DateTime::<Utc>::MIN_UTC;
        let today = NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
        let project: ProjectId = "p".into();
        let first = ReportDraft {
            as_of: "2025-07-20".into(),
            disbursed_billions: "37".into(),
            households_handed_over: "120".into(),
            ..Default::default()
        }
        .to_report(DecimalMark::Comma, &project, "r1".into(), today, now)
        .unwrap();
        let lower = ReportDraft {
            disbursed_billions: "21,4".into(),
            households_handed_over: "130".into(),
            ..draft()
        };
        let errors = lower
            .to_report_after(
                [&first],
                DecimalMark::Comma,
                &project,
                "r2".into(),
                today,
                now,
            )
            .unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field.name(), "capital.disbursed");
        assert_eq!(
            errors[0].problem,
            DraftProblem::Dropped {
                before: 37.0,
                after: 21.4
            }
        );
        assert!(lower.drops_below([&first], DecimalMark::Comma, &project, today, now));
        let confirmed = ReportDraft {
            confirm_drop: true,
            ..lower.clone()
        };
        let saved = confirmed
            .to_report_after(
                [&first],
                DecimalMark::Comma,
                &project,
                "r2".into(),
                today,
                now,
            )
            .unwrap();
        let marks = crate::domain::projects::latest::reports_with_drops(&[&first, &saved]);
        assert_eq!(marks.len(), 1);
        assert_eq!(marks[0].0.id, saved.id);
        // A new year's plan starts again: no drop across years.
        let next_year = ReportDraft {
            as_of: "2026-01-20".into(),
            disbursed_billions: "2".into(),
            ..Default::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        assert!(next_year
            .to_report_after(
                [&first],
                DecimalMark::Comma,
                &project,
                "r3".into(),
                today,
                now
            )
            .is_ok());
    }
}
