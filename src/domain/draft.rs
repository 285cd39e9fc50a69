//! A progress report as typed in a form: text fields, read with the officer's number
//! convention and checked by the model's rules before anything is stored. The draft keeps
//! what was typed, so a rejected form loses nothing.

use chrono::{DateTime, NaiveDate, Utc};

use super::ids::ProjectId;
use super::money::Vnd;
use super::number::{parse_billions, parse_decimal, DecimalMark, NumberError};
use super::project::{Capital, Construction, ProgressReport, SiteClearance};
use super::validate::{validate_report, Problem};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportDraft {
    /// "YYYY-MM-DD", as a date input gives it.
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
    pub narrative: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DraftProblem {
    Number(NumberError),
    /// A count typed with decimals.
    NotWhole,
    /// The date is missing or not a date.
    Date,
    /// A rule of the model (above total, percentage out of range...).
    Rule(Problem),
    /// Neither a figure nor a narrative was given.
    Nothing,
}

/// A problem with one field of the form, named by the report's JSON field name.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub field: &'static str,
    pub problem: DraftProblem,
}

struct Reader {
    mark: DecimalMark,
    errors: Vec<FieldError>,
}

impl Reader {
    fn decimal(&mut self, field: &'static str, text: &str, decimals: u32) -> Option<f64> {
        match parse_decimal(text, self.mark, decimals) {
            Ok(v) => Some(v),
            Err(NumberError::Empty) => None,
            Err(e) => {
                self.errors.push(FieldError {
                    field,
                    problem: DraftProblem::Number(e),
                });
                None
            }
        }
    }

    fn count(&mut self, field: &'static str, text: &str) -> Option<u32> {
        let value = self.decimal(field, text, 6)?;
        if value.fract() != 0.0 || value > f64::from(u32::MAX) {
            self.errors.push(FieldError {
                field,
                problem: DraftProblem::NotWhole,
            });
            return None;
        }
        Some(value as u32)
    }

    fn money(&mut self, field: &'static str, text: &str) -> Option<Vnd> {
        match parse_billions(text, self.mark) {
            Ok(v) => Some(v),
            Err(NumberError::Empty) => None,
            Err(e) => {
                self.errors.push(FieldError {
                    field,
                    problem: DraftProblem::Number(e),
                });
                None
            }
        }
    }
}

impl ReportDraft {
    /// Reads and checks the draft; the report is built only when nothing is wrong.
    pub fn to_report(
        &self,
        mark: DecimalMark,
        project: &ProjectId,
        id: String,
        now: DateTime<Utc>,
    ) -> Result<ProgressReport, Vec<FieldError>> {
        let mut r = Reader {
            mark,
            errors: Vec::new(),
        };
        let as_of = NaiveDate::parse_from_str(self.as_of.trim(), "%Y-%m-%d").ok();
        if as_of.is_none() {
            r.errors.push(FieldError {
                field: "as_of",
                problem: DraftProblem::Date,
            });
        }
        let site_clearance = SiteClearance {
            households_total: r.count("site_clearance.households_total", &self.households_total),
            households_handed_over: r.count(
                "site_clearance.households_handed_over",
                &self.households_handed_over,
            ),
            area_total_ha: r.decimal("site_clearance.area_total_ha", &self.area_total_ha, 4),
            area_handed_over_ha: r.decimal(
                "site_clearance.area_handed_over_ha",
                &self.area_handed_over_ha,
                4,
            ),
            percent: None,
        };
        let construction = Construction {
            packages_total: r.count("construction.packages_total", &self.packages_total),
            packages_under_construction: r.count(
                "construction.packages_under_construction",
                &self.packages_under_construction,
            ),
            contracts_signed: r.count("construction.contracts_signed", &self.contracts_signed),
            volume_percent: r.decimal("construction.volume_percent", &self.volume_percent, 2),
        };
        let plan = r.money("capital.plan", &self.plan_billions);
        let capital = Capital {
            year: as_of
                .map(|d| chrono::Datelike::year(&d))
                .filter(|_| plan.is_some()),
            plan,
            allocated: r.money("capital.allocated", &self.allocated_billions),
            disbursed: r.money("capital.disbursed", &self.disbursed_billions),
            disbursed_percent: None,
            same_period_last_year_percent: None,
        };
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
            r.errors.push(FieldError {
                field: "narrative",
                problem: DraftProblem::Nothing,
            });
        }
        r.errors
            .extend(validate_report(&report).into_iter().map(|e| FieldError {
                field: e.field,
                problem: DraftProblem::Rule(e.problem),
            }));
        if r.errors.is_empty() {
            Ok(report)
        } else {
            Err(r.errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ReportDraft {
        ReportDraft {
            as_of: "2025-08-20".into(),
            ..Default::default()
        }
    }

    fn check(d: &ReportDraft, mark: DecimalMark) -> Result<ProgressReport, Vec<FieldError>> {
        d.to_report(mark, &"p".into(), "r".into(), DateTime::<Utc>::MIN_UTC)
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
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
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
                field: "as_of",
                problem: DraftProblem::Date
            }
        );
        let errors = check(&draft(), DecimalMark::Point).unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError {
                field: "narrative",
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
}
