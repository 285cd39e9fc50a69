//! Key projects and their obstacles (their dated progress reports: `progress`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::model::ids::{CommitteeId, DirectiveId, ObstacleId, ProjectId, UnitId};
use crate::domain::model::record::{record_impl, RecordKind};
use crate::domain::money::Amount;

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
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub committee: Option<CommitteeId>,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_name: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub investor: Option<UnitId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub group: Option<InvestmentGroup>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub capital_source: Option<CapitalSource>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub total_investment: Option<Amount>,
    /// Phase as written ("giai đoạn II", "2026–2030").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phase: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub planned_start: Option<NaiveDate>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub planned_finish: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub leader_in_charge: String,
    /// The status the officer decided, shown beside the computed one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub schedule_status: Option<StatusDecision>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub traffic_light: Option<TrafficLight>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
    /// Ids of the same project recorded separately by a colleague and joined into this one
    /// at an import: their file, which still uses one of them, is read as this record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joined: Vec<ProjectId>,
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
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub responsible_unit: Option<UnitId>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub since: Option<NaiveDate>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub resolved_on: Option<NaiveDate>,
    /// The directive that addresses it, if any.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub directive: Option<DirectiveId>,
}
record_impl!(Obstacle, ObstacleId, RecordKind::Obstacle, |o| o
    .description
    .chars()
    .take(60)
    .collect());
