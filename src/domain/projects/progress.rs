//! A project's dated progress reports and their figures: site clearance (hectares and
//! households), construction volume, capital (the year's plan and what is disbursed).
//! Percentages are computed from their parts; a reported one is kept only where the parts
//! are not known.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::model::ids::{ProgressReportId, ProjectId};
use crate::domain::model::record::{record_impl, RecordKind};
use crate::domain::money::Vnd;

/// Site clearance figures: area in hectares and households, total and handed over.
/// `percent` is the reported figure, kept only where the parts are not known.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteClearance {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub area_total_ha: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub area_handed_over_ha: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub households_total: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub households_handed_over: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub percent: Option<f64>,
}

impl SiteClearance {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Area handed over as a percentage of the area to acquire, computed from the parts.
    pub fn area_percent(&self) -> Option<f64> {
        match (self.area_handed_over_ha, self.area_total_ha) {
            (Some(done), Some(total)) if total > 0.0 => Some(done * 100.0 / total),
            _ => None,
        }
    }

    pub fn households_percent(&self) -> Option<f64> {
        match (self.households_handed_over, self.households_total) {
            (Some(done), Some(total)) if total > 0 => {
                Some(f64::from(done) * 100.0 / f64::from(total))
            }
            _ => None,
        }
    }

    /// The figure officers quote: by area where known, else by households, else as reported.
    pub fn overall_percent(&self) -> Option<f64> {
        self.area_percent()
            .or(self.households_percent())
            .or(self.percent)
    }
}

/// Construction packages (gói thầu) and the volume done.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Construction {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub packages_total: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub packages_under_construction: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub contracts_signed: Option<u32>,
    /// Construction volume done, as % of the contract value.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub volume_percent: Option<f64>,
}

impl Construction {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The year's capital: assigned plan, allocated, disbursed.
/// `disbursed_percent` is the reported figure, kept only where the plan is not known.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capital {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub year: Option<i32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub plan: Option<Vnd>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub allocated: Option<Vnd>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub disbursed: Option<Vnd>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub disbursed_percent: Option<f64>,
    /// Disbursement % in the same period of the previous year (cùng kỳ), where entered.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub same_period_last_year_percent: Option<f64>,
}

impl Capital {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    pub fn disbursement_percent(&self) -> Option<f64> {
        match (self.disbursed, self.plan) {
            (Some(d), Some(p)) => Vnd::percent_of(d, p),
            _ => self.disbursed_percent,
        }
    }

    pub fn allocation_percent(&self) -> Option<f64> {
        Vnd::percent_of(self.allocated?, self.plan?)
    }
}

/// A dated progress report. Reports are partial: each carries only what is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressReport {
    pub id: ProgressReportId,
    #[serde(with = "crate::domain::dates::stamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::dates::stamp")]
    pub updated_at: DateTime<Utc>,
    pub project: ProjectId,
    /// The date the figures are as of (usually the 20th of the month).
    #[serde(with = "crate::domain::dates::day")]
    pub as_of: NaiveDate,
    #[serde(default, skip_serializing_if = "SiteClearance::is_empty")]
    pub site_clearance: SiteClearance,
    #[serde(default, skip_serializing_if = "Construction::is_empty")]
    pub construction: Construction,
    #[serde(default, skip_serializing_if = "Capital::is_empty")]
    pub capital: Capital,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub narrative: String,
}
impl ProgressReport {
    /// Whether the report gives any figure (a report can carry only its narrative).
    pub fn has_figures(&self) -> bool {
        !(self.site_clearance.is_empty() && self.construction.is_empty() && self.capital.is_empty())
    }
}

record_impl!(
    ProgressReport,
    ProgressReportId,
    RecordKind::ProgressReport,
    |r| crate::domain::dates::dd_mm_yyyy(r.as_of)
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_clearance_percentages_come_from_their_parts() {
        let sc = SiteClearance {
            area_total_ha: Some(93.7),
            area_handed_over_ha: Some(70.5),
            households_total: Some(514),
            households_handed_over: Some(359),
            percent: None,
        };
        assert!((sc.area_percent().unwrap() - 75.24).abs() < 0.01);
        assert!((sc.households_percent().unwrap() - 69.84).abs() < 0.01);
        assert_eq!(sc.overall_percent(), sc.area_percent());
    }

    #[test]
    fn reported_percent_is_used_only_without_parts() {
        let sc = SiteClearance {
            percent: Some(95.07),
            ..Default::default()
        };
        assert_eq!(sc.overall_percent(), Some(95.07));
        let cap = Capital {
            disbursed_percent: Some(84.48),
            ..Default::default()
        };
        assert_eq!(cap.disbursement_percent(), Some(84.48));
        let cap = Capital {
            plan: Some(Vnd::billions(100, 0)),
            disbursed: Some(Vnd::billions(25, 0)),
            disbursed_percent: Some(99.0),
            ..Default::default()
        };
        assert_eq!(cap.disbursement_percent(), Some(25.0));
    }

    #[test]
    fn zero_totals_give_no_percentage() {
        let sc = SiteClearance {
            area_total_ha: Some(0.0),
            area_handed_over_ha: Some(0.0),
            ..Default::default()
        };
        assert_eq!(sc.area_percent(), None);
    }
}
