//! Key projects, their dated progress reports and their obstacles.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{CommitteeId, DirectiveId, ObstacleId, ProgressReportId, ProjectId, UnitId};
use super::money::{Amount, Vnd};
use super::record::{record_impl, RecordKind};

pub use super::latest::{
    changes_since_previous, Dated, LatestFigures, Measure, MeasureChange, ReportChanges,
};

/// Size class under the Public Investment Law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvestmentGroup {
    National,
    A,
    B,
    C,
}

impl InvestmentGroup {
    pub const ALL: [InvestmentGroup; 4] = [
        InvestmentGroup::National,
        InvestmentGroup::A,
        InvestmentGroup::B,
        InvestmentGroup::C,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapitalSource {
    StateBudget,
    Ppp,
    Private,
    Foreign,
    Mixed,
}

impl CapitalSource {
    pub const ALL: [CapitalSource; 5] = [
        CapitalSource::StateBudget,
        CapitalSource::Ppp,
        CapitalSource::Private,
        CapitalSource::Foreign,
        CapitalSource::Mixed,
    ];
}

/// The schedule status officers quote: "2 completed, 4 on schedule, 9 behind".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleStatus {
    Completed,
    OnSchedule,
    BehindSchedule,
    InvestmentPreparation,
}

impl ScheduleStatus {
    pub const ALL: [ScheduleStatus; 4] = [
        ScheduleStatus::Completed,
        ScheduleStatus::OnSchedule,
        ScheduleStatus::BehindSchedule,
        ScheduleStatus::InvestmentPreparation,
    ];
}

/// A status the officer set by hand, with the written reason and the day it was decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusDecision {
    pub status: ScheduleStatus,
    pub reason: String,
    #[serde(with = "crate::domain::dates::day")]
    pub on: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    Green,
    Amber,
    Red,
}

/// The officer's traffic-light judgement, recorded beside the figures, never instead of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrafficLight {
    pub light: Light,
    pub reason: String,
    #[serde(with = "crate::domain::dates::day")]
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub id: ProjectId,
    #[serde(with = "crate::domain::dates::stamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::dates::stamp")]
    pub updated_at: DateTime<Utc>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub committee: Option<CommitteeId>,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_name: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub investor: Option<UnitId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub group: Option<InvestmentGroup>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub capital_source: Option<CapitalSource>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub total_investment: Option<Amount>,
    /// Phase as written ("giai đoạn II", "2026–2030").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phase: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub planned_start: Option<NaiveDate>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub planned_finish: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub leader_in_charge: String,
    /// The status the officer decided, shown beside the computed one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub schedule_status: Option<StatusDecision>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub traffic_light: Option<TrafficLight>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
}
record_impl!(Project, ProjectId, RecordKind::Project, |p| p
    .display_name()
    .to_owned());

impl Project {
    pub fn display_name(&self) -> &str {
        if self.short_name.is_empty() {
            &self.name
        } else {
            &self.short_name
        }
    }
}

/// Site clearance figures: area in hectares and households, total and handed over.
/// `percent` is the reported figure, kept only where the parts are not known.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteClearance {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub area_total_ha: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub area_handed_over_ha: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub households_total: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub households_handed_over: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
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
        deserialize_with = "crate::domain::record::present"
    )]
    pub packages_total: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub packages_under_construction: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub contracts_signed: Option<u32>,
    /// Construction volume done, as % of the contract value.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
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
        deserialize_with = "crate::domain::record::present"
    )]
    pub year: Option<i32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub plan: Option<Vnd>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub allocated: Option<Vnd>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub disbursed: Option<Vnd>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub disbursed_percent: Option<f64>,
    /// Disbursement % in the same period of the previous year (cùng kỳ), where entered.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObstacleCategory {
    SiteClearance,
    Legal,
    Access,
    Capital,
    Staffing,
    Coordination,
    Other,
}

impl ObstacleCategory {
    pub const ALL: [ObstacleCategory; 7] = [
        ObstacleCategory::SiteClearance,
        ObstacleCategory::Legal,
        ObstacleCategory::Access,
        ObstacleCategory::Capital,
        ObstacleCategory::Staffing,
        ObstacleCategory::Coordination,
        ObstacleCategory::Other,
    ];
}

/// What blocks a project, who must resolve it, since when, and whether it is resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Obstacle {
    pub id: ObstacleId,
    #[serde(with = "crate::domain::dates::stamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::dates::stamp")]
    pub updated_at: DateTime<Utc>,
    pub project: ProjectId,
    pub category: ObstacleCategory,
    pub description: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub responsible_unit: Option<UnitId>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub since: Option<NaiveDate>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub resolved_on: Option<NaiveDate>,
    /// The directive that addresses it, if any.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::record::present"
    )]
    pub directive: Option<DirectiveId>,
}
record_impl!(Obstacle, ObstacleId, RecordKind::Obstacle, |o| o
    .description
    .chars()
    .take(60)
    .collect());

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
