//! Steering committees and the units they direct.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::model::ids::{CommitteeId, UnitId};
use crate::domain::model::record::{record_impl, RecordKind};
use crate::domain::projects::progress::Capital;

/// A steering committee (Ban Chỉ đạo) for a list of key projects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Committee {
    pub id: CommitteeId,
    #[serde(with = "crate::domain::dates::stamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::dates::stamp")]
    pub updated_at: DateTime<Utc>,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_name: String,
    /// Head of the committee (Trưởng ban), name and position as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub head: String,
    /// The standing agency (Cơ quan thường trực), often the provincial People's Committee.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub standing_agency: String,
    /// The province's (or district's) public investment plan for a year, as reported to
    /// the committee: the figure a head quotes beside the key projects' own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub public_investment: Vec<DatedCapital>,
    /// Whether its documents are those of a state body or of a Party body: a steering
    /// committee of a Party committee issues Party documents.
    #[serde(default, skip_serializing_if = "BodyKind::is_state")]
    pub body_kind: BodyKind,
    /// Ids of the same committee recorded separately by a colleague and joined into this one
    /// at an import: their file, which still uses one of them, is read as this record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joined: Vec<CommitteeId>,
}

/// The two families of administrative documents: a state body's (Decree 30/2020/NĐ-CP:
/// national name and motto top right, "Số:") and a Party body's (the Party Central Office's
/// guidance: "ĐẢNG CỘNG SẢN VIỆT NAM" top right, "Số" without a colon).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    #[default]
    State,
    Party,
}

impl BodyKind {
    pub fn is_state(&self) -> bool {
        *self == BodyKind::State
    }
}

/// Capital figures as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedCapital {
    #[serde(with = "crate::domain::dates::day")]
    pub as_of: NaiveDate,
    pub capital: Capital,
}
record_impl!(Committee, CommitteeId, RecordKind::Committee, |c| c
    .short_name_or_name());

impl Committee {
    pub fn short_name_or_name(&self) -> String {
        if self.short_name.is_empty() {
            self.name.clone()
        } else {
            self.short_name.clone()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A provincial department (Sở) or agency.
    Department,
    /// A People's Committee of a province.
    Province,
    /// A district (huyện): abolished in 2025, still named by older conclusions.
    District,
    /// A commune or ward (xã, phường).
    Commune,
    /// A project management board or other public investor (chủ đầu tư).
    Investor,
    /// A company: private investor or contractor.
    Company,
    /// A working group or support team (tổ công tác, tổ giúp việc), or an office.
    Group,
    Other,
}

impl UnitKind {
    pub const ALL: [UnitKind; 8] = [
        UnitKind::Department,
        UnitKind::Province,
        UnitKind::District,
        UnitKind::Commune,
        UnitKind::Investor,
        UnitKind::Company,
        UnitKind::Group,
        UnitKind::Other,
    ];

    /// The kind a unit's name says it is; `Other` when it says nothing.
    pub fn guess(name: &str) -> UnitKind {
        let folded = crate::domain::text::fold(name);
        let starts = |prefixes: &[&str]| prefixes.iter().any(|p| folded.starts_with(p));
        if starts(&["ubnd tinh", "uy ban nhan dan tinh"]) {
            UnitKind::Province
        } else if starts(&["ubnd huyen", "uy ban nhan dan huyen"]) {
            UnitKind::District
        } else if starts(&["ubnd", "uy ban nhan dan"]) {
            UnitKind::Commune
        } else if starts(&["so ", "cuc ", "kho bac", "thanh tra", "bo "]) {
            UnitKind::Department
        } else if starts(&["ban qlda", "ban quan ly", "chu dau tu"]) {
            UnitKind::Investor
        } else if starts(&["cong ty", "cty", "tong cong ty", "lien danh"]) {
            UnitKind::Company
        } else if starts(&["to ", "van phong", "hoi dong"]) {
            UnitKind::Group
        } else {
            UnitKind::Other
        }
    }
}

/// A name the unit carried before, until the given date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormerName {
    pub name: String,
    /// Last day the old name was in use.
    #[serde(with = "crate::domain::dates::day")]
    pub until: NaiveDate,
}

/// How files of format 3 and earlier said a unit was merged into another: read as an
/// [`Ending`] with one successor, never written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merger {
    pub into: UnitId,
    #[serde(with = "crate::domain::dates::day")]
    pub on: NaiveDate,
}

/// How a unit ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndKind {
    /// Merged into another unit (a department into a merged department, a province into
    /// the merged province).
    Merged,
    /// Abolished, its work passed to several units (a district to its communes and the
    /// province's departments).
    Abolished,
}

/// The unit no longer exists on its own from `on`: its successors hold its work from that
/// day (the unit's last day is the day before).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    #[serde(with = "crate::domain::dates::day")]
    pub on: NaiveDate,
    pub kind: EndKind,
    pub successors: Vec<UnitId>,
}

/// A unit that receives directives: department, commune, district, investor, company.
/// Renamed or merged units keep their history so old conclusions stay readable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: UnitId,
    #[serde(with = "crate::domain::dates::stamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::dates::stamp")]
    pub updated_at: DateTime<Utc>,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_name: String,
    pub kind: UnitKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_names: Vec<FormerName>,
    /// Other names the unit is known by in documents ("Huyện X", "Ủy ban nhân dân huyện
    /// X"): found by search and by the notice reader, never shown as its name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<String>,
    /// The body it belongs to (cơ quan chủ quản), if the office records it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub parent: Option<UnitId>,
    /// Format 3 and earlier: read into `ended` when the dataset is loaded, never written.
    #[serde(
        default,
        skip_serializing,
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub merged_into: Option<Merger>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub ended: Option<Ending>,
    /// No longer offered in pickers; kept with everything that refers to it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
    /// Ids of duplicate records joined into this one: a colleague's file that still uses
    /// one of them is read as this unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joined: Vec<UnitId>,
    /// A contact person or phone number, as the office keeps it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
}
record_impl!(Unit, UnitId, RecordKind::Unit, |u| u
    .display_name()
    .to_owned());

impl Unit {
    pub fn display_name(&self) -> &str {
        if self.short_name.is_empty() {
            &self.name
        } else {
            &self.short_name
        }
    }

    /// "Sở Tài chính (STC)": how pickers list a unit, the full name first so a list reads
    /// one way, the short name beside it as officers also know it.
    pub fn full_and_short_name(&self) -> String {
        let short = self.short_name.trim();
        if short.is_empty() || short == self.name.trim() {
            self.name.clone()
        } else {
            format!("{} ({short})", self.name)
        }
    }

    /// A unit named on the spot while typing a directive: the kind guessed from how
    /// Vietnamese units are named ("Sở …", "UBND xã …", "Ban QLDA …", "Công ty …").
    pub fn named(name: &str, id: UnitId, now: DateTime<Utc>) -> Option<Unit> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return None;
        }
        Some(Unit {
            kind: UnitKind::guess(&name),
            name,
            ..Unit::blank(id, now)
        })
    }

    /// A unit with nothing but its id and times, to build others from.
    pub fn blank(id: UnitId, now: DateTime<Utc>) -> Unit {
        Unit {
            id,
            created_at: now,
            updated_at: now,
            name: String::new(),
            short_name: String::new(),
            kind: UnitKind::Other,
            former_names: Vec::new(),
            other_names: Vec::new(),
            parent: None,
            merged_into: None,
            ended: None,
            archived: false,
            joined: Vec::new(),
            contact: String::new(),
        }
    }

    /// Whether the unit still exists on `date` (its successors hold its work from the
    /// day it ended).
    pub fn exists_on(&self, date: NaiveDate) -> bool {
        self.ended.as_ref().is_none_or(|e| date < e.on)
    }

    /// Whether pickers offer it: not archived, not ended.
    pub fn offered(&self) -> bool {
        !self.archived && self.ended.is_none()
    }

    /// Every name the unit is or was known by: its name, short name, former names and
    /// other names (for search and for reading notices).
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain((!self.short_name.is_empty()).then_some(self.short_name.as_str()))
            .chain(self.former_names.iter().map(|f| f.name.as_str()))
            .chain(self.other_names.iter().map(String::as_str))
    }

    /// Format 3 and earlier: a merger read as an ending with one successor.
    pub fn read_legacy_merger(&mut self) {
        if let Some(m) = self.merged_into.take() {
            self.ended.get_or_insert(Ending {
                on: m.on,
                kind: EndKind::Merged,
                successors: vec![m.into],
            });
        }
    }

    /// The short name, or the name it carried on `date` when it was renamed since (an old
    /// conclusion's checklist reads as the document was written).
    pub fn display_name_on(&self, date: NaiveDate) -> &str {
        let on = self.name_on(date);
        if on != self.name {
            on
        } else {
            self.display_name()
        }
    }

    /// The name the unit carried on a date (for reading an old conclusion).
    pub fn name_on(&self, date: NaiveDate) -> &str {
        self.former_names
            .iter()
            .filter(|f| date <= f.until)
            .min_by_key(|f| f.until)
            .map_or(self.name.as_str(), |f| f.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pickers_show_the_full_name_with_the_short_one_beside() {
        let now = DateTime::<Utc>::MIN_UTC;
        let mut u = Unit::named("Sở Tài chính", "u".into(), now).unwrap();
        assert_eq!(u.full_and_short_name(), "Sở Tài chính");
        u.short_name = "STC".into();
        assert_eq!(u.full_and_short_name(), "Sở Tài chính (STC)");
    }

    #[test]
    fn a_unit_named_on_the_spot_gets_its_kind_from_its_name() {
        let cases = [
            ("Sở Xây dựng", UnitKind::Department),
            ("UBND tỉnh Điện Biên", UnitKind::Province),
            ("UBND xã Tân Lập", UnitKind::Commune),
            ("Ủy ban nhân dân phường Him Lam", UnitKind::Commune),
            ("UBND huyện Điện Biên", UnitKind::District),
            ("Ban QLDA giao thông", UnitKind::Investor),
            ("Công ty cổ phần Phát triển Hạ tầng ABC", UnitKind::Company),
            ("Tổ công tác GPMB", UnitKind::Group),
            ("Điện lực Điện Biên", UnitKind::Other),
        ];
        for (name, kind) in cases {
            assert_eq!(UnitKind::guess(name), kind, "{name}");
        }
        let now = DateTime::<Utc>::MIN_UTC;
        let unit = Unit::named("  Sở   Tài chính ", "u".into(), now).unwrap();
        assert_eq!(unit.name, "Sở Tài chính");
        assert!(Unit::named("   ", "u".into(), now).is_none());
    }

    #[test]
    fn a_renamed_unit_keeps_its_old_name_for_old_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let unit = Unit {
            name: "UBND xã Mường Phăng".into(),
            kind: UnitKind::Commune,
            former_names: vec![
                FormerName {
                    name: "UBND huyện Điện Biên".into(),
                    until: d(2025, 6, 30),
                },
                FormerName {
                    name: "UBND huyện Điện Biên (cũ)".into(),
                    until: d(2020, 1, 1),
                },
            ],
            ..Unit::blank("u".into(), DateTime::<Utc>::MIN_UTC)
        };
        assert_eq!(unit.name_on(d(2019, 5, 1)), "UBND huyện Điện Biên (cũ)");
        assert_eq!(unit.name_on(d(2024, 5, 1)), "UBND huyện Điện Biên");
        assert_eq!(unit.name_on(d(2025, 7, 1)), "UBND xã Mường Phăng");
    }
}
