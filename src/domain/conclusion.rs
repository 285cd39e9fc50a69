//! Conclusions, their numbered directives and each directive's follow-up log.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::deadline::Deadline;
use super::ids::{
    CommitteeId, ConclusionId, DirectiveId, DirectiveUpdateId, MeetingId, ProjectId, UnitId,
};
use super::record::{record_impl, RecordKind};

/// A written conclusion (Kết luận / Thông báo kết luận) issued after a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conclusion {
    pub id: ConclusionId,
    #[serde(with = "crate::domain::dates::stamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::dates::stamp")]
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<CommitteeId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<MeetingId>,
    /// Number and symbol, such as "16-KL/BCĐ".
    pub number_symbol: String,
    #[serde(with = "crate::domain::dates::day")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub issuing_body: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signer: String,
    /// As printed above the signature ("CHÁNH VĂN PHÒNG").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signer_title: String,
    /// The "Nơi nhận:" list, one line per recipient.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessment: String,
}
record_impl!(Conclusion, ConclusionId, RecordKind::Conclusion, |c| c
    .number_symbol
    .clone());

/// A directive's place in its conclusion: `3`, or `3.2` for the second sub-item of item 3.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DirectivePath(Vec<u16>);

impl DirectivePath {
    pub fn parse(text: &str) -> Option<Self> {
        let parts: Option<Vec<u16>> = text
            .trim()
            .trim_end_matches('.')
            .split('.')
            .map(|p| p.trim().parse::<u16>().ok().filter(|n| *n > 0))
            .collect();
        parts
            .filter(|p| !p.is_empty() && p.len() <= 4)
            .map(DirectivePath)
    }

    pub fn parts(&self) -> &[u16] {
        &self.0
    }
}

impl std::fmt::Display for DirectivePath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl Serialize for DirectivePath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DirectivePath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        DirectivePath::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "\"{text}\" is not a directive number such as 3 or 3.2"
            ))
        })
    }
}

/// What the office recorded about a directive. The follow-up state shown to officers is
/// computed from this and the deadline (see [`super::followup`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum RecordedStatus {
    NotStarted,
    InProgress,
    Done {
        #[serde(with = "crate::domain::dates::day")]
        on: NaiveDate,
    },
    Cancelled {
        #[serde(with = "crate::domain::dates::day")]
        on: NaiveDate,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
    /// Handed over to another unit or another conclusion; kept, never deleted.
    Transferred {
        #[serde(with = "crate::domain::dates::day")]
        on: NaiveDate,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Directive {
    pub id: DirectiveId,
    #[serde(with = "crate::domain::dates::stamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::dates::stamp")]
    pub updated_at: DateTime<Utc>,
    pub conclusion: ConclusionId,
    pub path: DirectivePath,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_unit: Option<UnitId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coordinating_units: Vec<UnitId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub responsible_person: String,
    pub deadline: Deadline,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<ProjectId>,
    pub status: RecordedStatus,
}
record_impl!(Directive, DirectiveId, RecordKind::Directive, |d| d
    .path
    .to_string());

/// One entry in a directive's follow-up log: what a unit reported, when, by whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectiveUpdate {
    pub id: DirectiveUpdateId,
    #[serde(with = "crate::domain::dates::stamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::dates::stamp")]
    pub updated_at: DateTime<Utc>,
    pub directive: DirectiveId,
    #[serde(with = "crate::domain::dates::day")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reported_by: String,
    pub text: String,
    /// Reference of the report document ("Báo cáo số 45/BC-SXD").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub document_ref: String,
    /// The status this update recorded, if it changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RecordedStatus>,
}
record_impl!(
    DirectiveUpdate,
    DirectiveUpdateId,
    RecordKind::DirectiveUpdate,
    |u| crate::domain::dates::dd_mm_yyyy(u.date)
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directive_paths_parse_print_and_sort_in_document_order() {
        let p = |s| DirectivePath::parse(s).unwrap();
        assert_eq!(p("3.2").to_string(), "3.2");
        assert_eq!(p(" 4. ").to_string(), "4");
        assert!(p("3") < p("3.1"));
        assert!(p("3.2") < p("10"));
        assert!(p("9") < p("10"));
        for bad in ["", "a", "3..2", "0", "-1", "1.2.3.4.5"] {
            assert_eq!(DirectivePath::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_bad_path_in_a_file_is_a_clear_error() {
        let err = serde_json::from_str::<DirectivePath>("\"x.1\"").unwrap_err();
        assert!(err.to_string().contains("is not a directive number"));
    }
}
