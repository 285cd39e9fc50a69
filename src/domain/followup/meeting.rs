//! Meetings, working sessions, conferences and inspection visits of a committee.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::model::ids::{CommitteeId, MeetingId, ProjectId, UnitId};
use crate::domain::model::record::{record_impl, RecordKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// cuộc họp
    Meeting,
    /// buổi làm việc
    WorkingSession,
    /// hội nghị
    Conference,
    /// buổi kiểm tra (site visit)
    InspectionVisit,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 4] = [
        MeetingKind::Meeting,
        MeetingKind::WorkingSession,
        MeetingKind::Conference,
        MeetingKind::InspectionVisit,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: MeetingId,
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
    pub kind: MeetingKind,
    #[serde(with = "crate::domain::dates::day")]
    pub date: NaiveDate,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub time: Option<NaiveTime>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub chair: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_chairs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendee_units: Vec<UnitId>,
    /// People attending, as written ("đồng chí Nguyễn Văn A, Giám đốc Sở Xây dựng").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<ProjectId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Planned date of the next meeting, when one was set.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub next_meeting: Option<NaiveDate>,
    /// Ids of the same meeting recorded separately by a colleague and joined into this one
    /// at an import: their file, which still uses one of them, is read as this record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joined: Vec<MeetingId>,
}
record_impl!(Meeting, MeetingId, RecordKind::Meeting, |m| {
    crate::domain::dates::dd_mm_yyyy(m.date)
});
