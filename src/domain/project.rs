//! Key projects, their dated progress reports and their obstacles.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{CommitteeId, DirectiveId, ObstacleId, ProgressReportId, ProjectId, UnitId};
use super::money::{Amount, Vnd};
use super::record::{record_impl, RecordKind};

/// Size class under the Public Investment Law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvestmentGroup {
    National,
    A,
    B,
    C,
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
pub struct StatusDecision {
    pub status: ScheduleStatus,
    pub reason: String,
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
pub struct TrafficLight {
    pub light: Light,
    pub reason: String,
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub id: ProjectId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<CommitteeId>,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investor: Option<UnitId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<InvestmentGroup>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capital_source: Option<CapitalSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_investment: Option<Amount>,
    /// Phase as written ("giai đoạn II", "2026–2030").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phase: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_finish: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub leader_in_charge: String,
    /// The status the officer decided, shown beside the computed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_status: Option<StatusDecision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
pub struct SiteClearance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_total_ha: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_handed_over_ha: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub households_total: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub households_handed_over: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
pub struct Construction {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packages_total: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packages_under_construction: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contracts_signed: Option<u32>,
    /// Construction volume done, as % of the contract value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
pub struct Capital {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Vnd>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocated: Option<Vnd>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disbursed: Option<Vnd>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disbursed_percent: Option<f64>,
    /// Disbursement % in the same period of the previous year (cùng kỳ), where entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
pub struct ProgressReport {
    pub id: ProgressReportId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub project: ProjectId,
    /// The date the figures are as of (usually the 20th of the month).
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

/// What blocks a project, who must resolve it, since when, and whether it is resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Obstacle {
    pub id: ObstacleId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub project: ProjectId,
    pub category: ObstacleCategory,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible_unit: Option<UnitId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_on: Option<NaiveDate>,
    /// The directive that addresses it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

/// A figure and the date it was last reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dated<T> {
    pub value: T,
    pub as_of: NaiveDate,
}

/// The latest known value of each headline figure, carried forward from older reports when
/// the latest report did not give it (reports are partial).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LatestFigures {
    pub site_clearance: Option<Dated<SiteClearance>>,
    pub construction: Option<Dated<Construction>>,
    pub capital: Option<Dated<Capital>>,
}

/// Figures that can be laid over older ones field by field: a newer report's figure wins,
/// a figure it does not give is kept from before.
trait Overlay: Copy + Default + PartialEq {
    fn overlay(self, newer: Self) -> Self;
}

impl Overlay for SiteClearance {
    fn overlay(self, n: Self) -> Self {
        SiteClearance {
            area_total_ha: n.area_total_ha.or(self.area_total_ha),
            area_handed_over_ha: n.area_handed_over_ha.or(self.area_handed_over_ha),
            households_total: n.households_total.or(self.households_total),
            households_handed_over: n.households_handed_over.or(self.households_handed_over),
            percent: n.percent.or(self.percent),
        }
    }
}

impl Overlay for Construction {
    fn overlay(self, n: Self) -> Self {
        Construction {
            packages_total: n.packages_total.or(self.packages_total),
            packages_under_construction: n
                .packages_under_construction
                .or(self.packages_under_construction),
            contracts_signed: n.contracts_signed.or(self.contracts_signed),
            volume_percent: n.volume_percent.or(self.volume_percent),
        }
    }
}

impl Overlay for Capital {
    /// Capital figures belong to one year: a report of a new year starts afresh.
    fn overlay(self, n: Self) -> Self {
        if n.year.is_some() && self.year.is_some() && n.year != self.year {
            return n;
        }
        Capital {
            year: n.year.or(self.year),
            plan: n.plan.or(self.plan),
            allocated: n.allocated.or(self.allocated),
            disbursed: n.disbursed.or(self.disbursed),
            disbursed_percent: n.disbursed_percent.or(self.disbursed_percent),
            same_period_last_year_percent: n
                .same_period_last_year_percent
                .or(self.same_period_last_year_percent),
        }
    }
}

fn carry<T: Overlay>(slot: &mut Option<Dated<T>>, value: T, as_of: NaiveDate) {
    if value == T::default() {
        return;
    }
    *slot = Some(match slot.take() {
        Some(old) => Dated {
            value: old.value.overlay(value),
            as_of,
        },
        None => Dated { value, as_of },
    });
}

impl LatestFigures {
    /// `reports` in any order. Each figure is the latest one reported, field by field; the
    /// date is that of the latest report that gave any figure of the group.
    pub fn from_reports<'a>(reports: impl IntoIterator<Item = &'a ProgressReport>) -> Self {
        let mut sorted: Vec<&ProgressReport> = reports.into_iter().collect();
        sorted.sort_by_key(|r| (r.as_of, r.created_at));
        let mut out = LatestFigures::default();
        for r in sorted {
            carry(&mut out.site_clearance, r.site_clearance, r.as_of);
            carry(&mut out.construction, r.construction, r.as_of);
            carry(&mut out.capital, r.capital, r.as_of);
        }
        out
    }

    pub fn site_clearance_percent(&self) -> Option<f64> {
        self.site_clearance.and_then(|d| d.value.overall_percent())
    }

    pub fn volume_percent(&self) -> Option<f64> {
        self.construction.and_then(|d| d.value.volume_percent)
    }

    pub fn disbursement_percent(&self) -> Option<f64> {
        self.capital.and_then(|d| d.value.disbursement_percent())
    }
}

#[cfg(test)]
mod latest_tests {
    use super::*;
    use chrono::Datelike;

    fn report(day: u32, sc: Option<f64>, disbursed: Option<f64>) -> ProgressReport {
        ProgressReport {
            id: "r".into(),
            created_at: DateTime::<Utc>::MIN_UTC,
            updated_at: DateTime::<Utc>::MIN_UTC,
            project: "p".into(),
            as_of: NaiveDate::from_ymd_opt(2025, 1, day).unwrap(),
            site_clearance: SiteClearance {
                percent: sc,
                ..Default::default()
            },
            construction: Construction::default(),
            capital: Capital {
                disbursed_percent: disbursed,
                ..Default::default()
            },
            narrative: String::new(),
        }
    }

    #[test]
    fn figures_are_carried_forward_field_by_field() {
        let mut older = report(1, None, None);
        older.site_clearance = SiteClearance {
            area_total_ha: Some(93.7),
            area_handed_over_ha: Some(70.5),
            households_total: Some(514),
            households_handed_over: Some(359),
            percent: None,
        };
        let mut newer = report(20, None, None);
        newer.site_clearance.households_handed_over = Some(400);
        let latest = LatestFigures::from_reports([&newer, &older]);
        let sc = latest.site_clearance.unwrap().value;
        assert_eq!(sc.households_handed_over, Some(400));
        assert_eq!(
            sc.area_handed_over_ha,
            Some(70.5),
            "kept from the older report"
        );
        assert_eq!(latest.site_clearance.unwrap().as_of.day(), 20);
    }

    #[test]
    fn a_partial_report_does_not_blank_older_figures() {
        let reports = [
            report(1, Some(50.0), Some(10.0)),
            report(20, None, Some(30.0)),
        ];
        let latest = LatestFigures::from_reports(&reports);
        assert_eq!(latest.site_clearance_percent(), Some(50.0));
        assert_eq!(latest.site_clearance.unwrap().as_of.day0(), 0);
        assert_eq!(latest.disbursement_percent(), Some(30.0));
        assert_eq!(latest.volume_percent(), None);
    }
}
