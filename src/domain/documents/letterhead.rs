//! The office's letterhead, set once and kept with the data (it is the office's, so it
//! travels in its exports): the parent and issuing bodies, the place on the date line, the
//! number-and-symbol pattern of each kind of document it sends, and who signs. What one
//! document is sent with (the signer chosen, its number) is a [`Sending`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::document::DocLang;
use crate::domain::model::ids::OfficeId;
use crate::domain::model::record::{record_impl, RecordKind};
use crate::domain::units::org::BodyKind;

/// The one office record's id: a dataset holds one office, the one that sends its
/// documents.
pub const OFFICE_ID: &str = "office";

/// Where the number goes in a pattern: "…/BC-VPBCĐ".
pub const NUMBER_MARK: char = '…';

/// The office that follows up for the committee (Văn phòng), as its documents head it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub id: OfficeId,
    #[serde(with = "crate::domain::dates::stamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::dates::stamp")]
    pub updated_at: DateTime<Utc>,
    /// Top left, upright: "UBND TỈNH ĐIỆN BIÊN", "TỈNH ỦY ĐIỆN BIÊN".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parent_body: String,
    /// Top left, bold: the issuing office, "VĂN PHÒNG BAN CHỈ ĐẠO".
    pub issuing_body: String,
    /// The place (địa danh) on the date line: "Điện Biên".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place_name: String,
    /// The number and symbol of a report, the number marked "…": "…/BC-VPBCĐ".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub report_number: String,
    /// The number and symbol of a letter (công văn): "…/VPBCĐ-TH", "…-CV/VPTU".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub letter_number: String,
    /// Numbers are given by the registry (văn thư) when a document is issued: the office's
    /// documents leave them blank.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub registry_numbers: bool,
    /// Who may sign, the first signing unless another is chosen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signers: Vec<Signer>,
}
record_impl!(Office, OfficeId, RecordKind::Office, |o| o
    .issuing_body
    .clone());

/// One signer as the bottom right of a document shows them: the authority and title lines
/// ("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"), then the name under the signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    pub title: Vec<String>,
    pub name: String,
}

/// The kinds of document the office numbers itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    Report,
    Letter,
}

/// Signing for another: on behalf of the collective (TM.), for the head (KT.), by order
/// (TL.), each written before the title of the one signed for.
pub const AUTHORITIES: [&str; 4] = ["TM.", "KT.", "TL.", "TUQ."];

impl Signer {
    /// "Lò Văn Tiến (KT. CHÁNH VĂN PHÒNG, PHÓ CHÁNH VĂN PHÒNG)": how a choice list names it.
    pub fn choice_label(&self) -> String {
        format!("{} ({})", self.name, self.title.join(", "))
    }

    /// The line as the settings write it: the block top to bottom, "/" between lines.
    pub fn line(&self) -> String {
        let mut parts = self.title.clone();
        parts.push(self.name.clone());
        parts.join(" / ")
    }
}

/// Why a signer's line cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignerProblem {
    /// A title and a name are needed at least.
    TooShort,
    /// "KT. CHÁNH VĂN PHÒNG" is followed by the signer's own title.
    OwnTitleMissing,
}

/// Reads a signer from "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG / Lò Văn Tiến": the lines
/// of the block top to bottom, the last the name; titles are written in capitals.
pub fn read_signer(line: &str) -> Result<Signer, SignerProblem> {
    let parts: Vec<&str> = line
        .split('/')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let Some((name, titles)) = parts.split_last() else {
        return Err(SignerProblem::TooShort);
    };
    if titles.is_empty() {
        return Err(SignerProblem::TooShort);
    }
    let on_behalf = AUTHORITIES
        .iter()
        .any(|a| titles[0].to_uppercase().starts_with(a));
    if on_behalf && titles.len() < 2 {
        return Err(SignerProblem::OwnTitleMissing);
    }
    Ok(Signer {
        title: titles.iter().map(|t| t.to_uppercase()).collect(),
        name: (*name).to_owned(),
    })
}

impl Office {
    /// An office named `name` and nothing else set yet.
    pub fn named(name: &str, now: DateTime<Utc>) -> Office {
        Office {
            id: OFFICE_ID.into(),
            created_at: now,
            updated_at: now,
            parent_body: String::new(),
            issuing_body: name.to_owned(),
            place_name: String::new(),
            report_number: String::new(),
            letter_number: String::new(),
            registry_numbers: false,
            signers: Vec::new(),
        }
    }

    /// The pattern set for a kind, or the usual one of its kind of body.
    pub fn pattern(&self, sent: Sent, kind: BodyKind) -> String {
        let set = match sent {
            Sent::Report => &self.report_number,
            Sent::Letter => &self.letter_number,
        };
        if !set.trim().is_empty() {
            return set.trim().to_owned();
        }
        match (sent, kind) {
            (Sent::Report, BodyKind::State) => "…/BC",
            (Sent::Report, BodyKind::Party) => "…-BC",
            (Sent::Letter, BodyKind::State) => "…/VP",
            (Sent::Letter, BodyKind::Party) => "…-CV/VP",
        }
        .to_owned()
    }
}

/// A number pattern is readable when it marks where the number goes, once ("..." counts).
pub fn read_pattern(typed: &str) -> Option<String> {
    let text = typed.trim().replace("...", "…");
    (text.is_empty() || text.matches(NUMBER_MARK).count() == 1).then_some(text)
}

/// The number written into its pattern, with the decree's leading 0 below 10 ("05/BC-VP");
/// with no number, the space the registry fills in by hand.
pub fn number_in(pattern: &str, number: Option<u32>) -> String {
    let written = match number {
        Some(n) if n < 10 => format!("0{n}"),
        Some(n) => n.to_string(),
        None => "        ".to_owned(),
    };
    pattern.replacen(NUMBER_MARK, &written, 1)
}

/// What one document is sent with: the office's letterhead, the kind of body it writes as,
/// the signer chosen and its number (none: left to the registry).
#[derive(Debug, Clone, PartialEq)]
pub struct Sending {
    pub office: Office,
    pub body_kind: BodyKind,
    pub signer: Option<Signer>,
    pub number: Option<u32>,
}

/// Why a document cannot be sent as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendingProblem {
    /// Numbers are not the registry's and none was given.
    NumberMissing,
    /// A number that is not a whole number above zero.
    NumberNotWhole,
}

/// A document's number as typed: nothing is none (left to the registry, if the office
/// says so); otherwise a whole number above zero ("125", "05").
pub fn read_number(typed: &str) -> Result<Option<u32>, SendingProblem> {
    match typed.trim() {
        "" => Ok(None),
        t => match t.parse::<u32>() {
            Ok(n) if n > 0 => Ok(Some(n)),
            _ => Err(SendingProblem::NumberNotWhole),
        },
    }
}

impl Sending {
    /// The "Số:" line of a document of kind `sent`.
    pub fn number_line(&self, sent: Sent, lang: DocLang) -> String {
        let pattern = self.office.pattern(sent, self.body_kind);
        let text = number_in(&pattern, self.number);
        match (lang, self.body_kind) {
            (DocLang::En, _) => format!("No. {text}"),
            (DocLang::Vi, BodyKind::State) => format!("Số: {text}"),
            (DocLang::Vi, BodyKind::Party) => format!("Số {text}"),
        }
    }

    /// Whether the document can go as it is: a number is given or left to the registry.
    pub fn problem(&self) -> Option<SendingProblem> {
        number_problem(Some(&self.office), self.number)
    }

    /// The signature block's title lines (uppercase) and the name.
    pub fn signature(&self) -> (Vec<String>, String) {
        match &self.signer {
            Some(s) => (
                s.title.iter().map(|t| t.trim().to_uppercase()).collect(),
                s.name.trim().to_owned(),
            ),
            None => (Vec::new(), String::new()),
        }
    }

    /// The issuing office as the header writes it.
    pub fn issuing_body(&self) -> String {
        self.office.issuing_body.trim().to_uppercase()
    }

    pub fn parent_body(&self) -> String {
        self.office.parent_body.trim().to_uppercase()
    }
}

impl crate::domain::Dataset {
    /// The office's letterhead, once set.
    pub fn office(&self) -> Option<&Office> {
        self.offices
            .get(&OFFICE_ID.into())
            .or_else(|| self.offices.iter().next())
    }
}

/// Whether a document of `office` numbered `number` can go: a number is given, or the
/// office leaves numbers to its registry (an office not set up yet does not).
pub fn number_problem(office: Option<&Office>, number: Option<u32>) -> Option<SendingProblem> {
    (number.is_none() && !office.is_some_and(|o| o.registry_numbers))
        .then_some(SendingProblem::NumberMissing)
}

impl Sending {
    /// What a document over `scope` is sent with: the office's letterhead (before one is
    /// set, the office named as documents usually name it), the kind of body the scope's
    /// committee is, the office's signer at `signer` (the first by default) and `number`.
    pub fn of(
        data: &crate::domain::Dataset,
        scope: &crate::domain::followup::ReportScope,
        signer: Option<usize>,
        number: Option<u32>,
        lang: DocLang,
    ) -> Sending {
        let office = data.office().cloned().unwrap_or_else(|| {
            let name = lang.pick("Văn phòng Ban Chỉ đạo", "Office of the Steering Committee");
            Office::named(name, DateTime::<Utc>::UNIX_EPOCH)
        });
        let signer = office
            .signers
            .get(signer.unwrap_or_default())
            .or(office.signers.first())
            .cloned();
        Sending {
            body_kind: data.body_kind_of(scope),
            office,
            signer,
            number,
        }
    }
}

/// A sending for tests: a state office with two signers, the first chosen, no number.
#[cfg(test)]
pub(crate) fn test_sending(body_kind: BodyKind) -> Sending {
    let mut office = Office::named("Văn phòng Ban Chỉ đạo", Utc::now());
    office.place_name = "Điện Biên".into();
    office.registry_numbers = true;
    office.signers = vec![
        read_signer("CHÁNH VĂN PHÒNG / Nguyễn Văn C").unwrap(),
        read_signer("KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG / Lò Văn Tiến").unwrap(),
    ];
    Sending {
        signer: office.signers.first().cloned(),
        office,
        body_kind,
        number: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn office() -> Office {
        let mut o = Office::named("Văn phòng Ban Chỉ đạo", Utc::now());
        o.report_number = "…/BC-VPBCĐ".into();
        o.signers = vec![
            read_signer("CHÁNH VĂN PHÒNG / Nguyễn Văn An").unwrap(),
            read_signer("kt. chánh văn phòng / phó chánh văn phòng / Lò Văn Tiến").unwrap(),
        ];
        o
    }

    #[test]
    fn a_signer_reads_top_to_bottom_with_titles_in_capitals() {
        let s = &office().signers[1];
        assert_eq!(s.title, vec!["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]);
        assert_eq!(s.name, "Lò Văn Tiến");
        assert_eq!(read_signer(&s.line()).as_ref(), Ok(s));
        assert_eq!(read_signer("Nguyễn Văn An"), Err(SignerProblem::TooShort));
        assert_eq!(read_signer(" / "), Err(SignerProblem::TooShort));
        assert_eq!(
            read_signer("TL. TRƯỞNG BAN / Nguyễn Văn An"),
            Err(SignerProblem::OwnTitleMissing)
        );
    }

    #[test]
    fn numbers_fill_the_pattern_or_leave_the_registry_its_space() {
        let mut sending = Sending {
            office: office(),
            body_kind: BodyKind::State,
            signer: None,
            number: Some(7),
        };
        assert_eq!(
            sending.number_line(Sent::Report, DocLang::Vi),
            "Số: 07/BC-VPBCĐ"
        );
        sending.number = Some(12);
        assert_eq!(
            sending.number_line(Sent::Report, DocLang::En),
            "No. 12/BC-VPBCĐ"
        );
        assert_eq!(sending.problem(), None);
        sending.number = None;
        assert_eq!(sending.problem(), Some(SendingProblem::NumberMissing));
        sending.office.registry_numbers = true;
        assert_eq!(sending.problem(), None);
        // No letterhead set yet: a number must be typed.
        assert_eq!(
            number_problem(None, None),
            Some(SendingProblem::NumberMissing)
        );
        assert_eq!(number_problem(None, Some(3)), None);
        sending.body_kind = BodyKind::Party;
        assert_eq!(
            sending.number_line(Sent::Letter, DocLang::Vi),
            "Số         -CV/VP"
        );
    }

    #[test]
    fn a_number_is_whole_and_above_zero() {
        assert_eq!(read_number(" 05 "), Ok(Some(5)));
        assert_eq!(read_number(""), Ok(None));
        for wrong in ["0", "-3", "12a", "1,5"] {
            assert_eq!(read_number(wrong), Err(SendingProblem::NumberNotWhole));
        }
    }

    #[test]
    fn a_pattern_marks_its_number_once() {
        assert_eq!(read_pattern(" .../BC-VP "), Some("…/BC-VP".into()));
        assert_eq!(read_pattern(""), Some(String::new()));
        assert_eq!(read_pattern("BC-VP"), None);
        assert_eq!(read_pattern("…/…"), None);
    }
}
