//! Conclusions, their numbered directives and each directive's follow-up log.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::followup::deadline::Deadline;
use crate::domain::followup::extension::Extension;
use crate::domain::model::ids::{
    CommitteeId, ConclusionId, DirectiveId, DirectiveUpdateId, MeetingId, ProjectId, UnitId,
};
use crate::domain::model::record::{record_impl, RecordKind};
use crate::domain::units::org::BodyKind;

/// A written conclusion (Kết luận / Thông báo kết luận) issued after a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conclusion {
    pub id: ConclusionId,
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
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
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
    /// The body the issuing body belongs to, printed above it ("TỈNH ỦY ĐIỆN BIÊN").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parent_body: String,
    /// Where it was issued, as the date line says it ("Điện Biên").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// State or Party document, when it differs from its committee's.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub body_kind: Option<BodyKind>,
    /// The opening paragraph: who met, when, what was reported.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub opening: String,
    /// The closing line after the directives ("… thông báo để các cơ quan, đơn vị biết,
    /// thực hiện.").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub closing: String,
    /// Ids of the same conclusion recorded separately by a colleague and joined into this one
    /// at an import: their file, which still uses one of them, is read as this record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joined: Vec<ConclusionId>,
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

    /// The item this one is a sub-item of: 2.1 → 2; none for a top-level item.
    pub fn parent(&self) -> Option<DirectivePath> {
        (self.0.len() > 1).then(|| DirectivePath(self.0[..self.0.len() - 1].to_vec()))
    }

    /// The next item at the same level: 2.1 → 2.2.
    pub fn next_sibling(&self) -> DirectivePath {
        let mut parts = self.0.clone();
        if let Some(last) = parts.last_mut() {
            *last = last.saturating_add(1);
        }
        DirectivePath(parts)
    }

    /// The first sub-item: 2 → 2.1; none below the fourth level.
    pub fn first_child(&self) -> Option<DirectivePath> {
        (self.0.len() < MAX_DEPTH).then(|| {
            let mut parts = self.0.clone();
            parts.push(1);
            DirectivePath(parts)
        })
    }
}

/// Conclusions number at most four levels deep ("I.", "1.", "a)", "-").
const MAX_DEPTH: usize = 4;

/// The numbers offered for the directive typed after `last`, as the document's structure
/// goes on: the next item at the same level (2.1 → 2.2), a sub-item of it (2.1 → 2.1.1), or
/// back to the next item above (2.1 → 3). Each is the first at its level that no
/// directive of the conclusion (`taken`) already has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberChoices {
    pub same_level: DirectivePath,
    pub sub_item: Option<DirectivePath>,
    pub level_up: Option<DirectivePath>,
}

impl NumberChoices {
    pub fn after(last: Option<&DirectivePath>, taken: &[DirectivePath]) -> NumberChoices {
        let free = |mut p: DirectivePath| {
            while taken.contains(&p) {
                p = p.next_sibling();
            }
            p
        };
        let Some(last) = last else {
            return NumberChoices {
                same_level: free(DirectivePath(vec![1])),
                sub_item: None,
                level_up: None,
            };
        };
        NumberChoices {
            same_level: free(last.next_sibling()),
            sub_item: last.first_child().map(free),
            level_up: last.parent().map(|p| free(p.next_sibling())),
        }
    }

    /// The one to offer first: a heading's first sub-item, else the next at the same level.
    pub fn suggested(&self, last_is_heading: bool) -> &DirectivePath {
        match (&self.sub_item, last_is_heading) {
            (Some(sub), true) => sub,
            _ => &self.same_level,
        }
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
/// computed from this and the deadline (see [`crate::domain::followup::state`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum RecordedStatus {
    // Empty braces, not unit variants: so a field the format lacks beside the tag is
    // refused, as it is everywhere else.
    NotStarted {},
    InProgress {},
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
#[serde(deny_unknown_fields)]
pub struct Directive {
    pub id: DirectiveId,
    #[serde(with = "crate::domain::dates::stamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::dates::stamp")]
    pub updated_at: DateTime<Utc>,
    pub conclusion: ConclusionId,
    /// The directive's place in its conclusion's order ("3", "3.2"): unique, what the app
    /// sorts and nests by.
    pub path: DirectivePath,
    /// The item's own mark as the document prints it and officers cite it ("3.", "a)",
    /// "-", "II.1."); empty when typed in without one (the path is shown then).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub text: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub lead_unit: Option<UnitId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coordinating_units: Vec<UnitId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub responsible_person: String,
    /// The deadline the conclusion set, never overwritten: later documents extend it.
    pub deadline: Deadline,
    /// The extensions granted (gia hạn), in the order they were recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<Extension>,
    /// The work handed to the units that took over one that ended, in the order recorded:
    /// `lead_unit` and `coordinating_units` stay as the conclusion wrote them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handovers: Vec<crate::domain::units::handover::Handover>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<ProjectId>,
    pub status: RecordedStatus,
}
record_impl!(Directive, DirectiveId, RecordKind::Directive, |d| d
    .path
    .to_string());

impl Directive {
    /// How officers cite the directive: the document's own mark when it has one ("a)"),
    /// else its path ("3.2").
    pub fn cited(&self) -> String {
        if self.label.is_empty() {
            self.path.to_string()
        } else {
            self.label.clone()
        }
    }
}

/// One entry in a directive's follow-up log: what a unit reported, when, by whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// The report document's date, when it is not the day of the update.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub document_date: Option<NaiveDate>,
    /// The status this update recorded, if it changed it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
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
    use proptest::prelude::*;

    fn p(s: &str) -> DirectivePath {
        DirectivePath::parse(s).unwrap()
    }

    #[test]
    fn the_next_number_follows_the_structure() {
        let taken = [p("1"), p("2"), p("2.1")];
        let c = NumberChoices::after(Some(&p("2.1")), &taken);
        assert_eq!(c.same_level, p("2.2"));
        assert_eq!(c.sub_item, Some(p("2.1.1")));
        assert_eq!(c.level_up, Some(p("3")));
        assert_eq!(c.suggested(false), &p("2.2"));
        let heading = NumberChoices::after(Some(&p("2")), &taken[..2]);
        assert_eq!(
            heading.suggested(true),
            &p("2.1"),
            "a heading goes on with its first sub-item"
        );
        assert_eq!(heading.level_up, None);
        let first = NumberChoices::after(None, &[]);
        assert_eq!(first.suggested(false), &p("1"));
        let deepest = NumberChoices::after(Some(&p("1.1.1.1")), &[]);
        assert_eq!(deepest.sub_item, None);
        assert_eq!(deepest.suggested(true), &p("1.1.1.2"));
    }

    #[test]
    fn a_number_already_used_is_never_offered() {
        // 2.2 was typed earlier out of order.
        let taken = [p("1"), p("2"), p("2.1"), p("2.2"), p("3")];
        let c = NumberChoices::after(Some(&p("2.1")), &taken);
        assert_eq!(c.same_level, p("2.3"));
        assert_eq!(c.level_up, Some(p("4")));
    }

    proptest! {
        #[test]
        fn every_choice_is_free_and_at_its_level(
            raw in proptest::collection::vec(proptest::collection::vec(1u16..6, 1..4), 0..12),
            last in proptest::collection::vec(1u16..6, 1..4),
        ) {
            let taken: Vec<DirectivePath> = raw.into_iter().map(DirectivePath).collect();
            let last = DirectivePath(last);
            let c = NumberChoices::after(Some(&last), &taken);
            prop_assert!(!taken.contains(&c.same_level));
            prop_assert_eq!(c.same_level.parent(), last.parent());
            prop_assert!(c.same_level > last);
            if let Some(sub) = &c.sub_item {
                prop_assert!(!taken.contains(sub));
                prop_assert_eq!(sub.parent(), Some(last.clone()));
            }
            if let Some(up) = &c.level_up {
                prop_assert!(!taken.contains(up));
                prop_assert_eq!(up.parts().len() + 1, last.parts().len());
                prop_assert!(up > &last);
            }
        }
    }

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
