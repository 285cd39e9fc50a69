//! The office's documents described plainly, in the order of the page: what they say and
//! which part of the administrative layout each line is, for the print view (and the Word
//! writer) to lay out. The rules of the layout that decide words live here:
//! Decree 30/2020/NĐ-CP, Appendix I, for state bodies; the Party Central Office's guidance
//! for Party bodies.
//!
//! One file per document: the conclusion notice (`notice`), the follow-up report
//! (`follow_up`), the reminder letters (`letter`), the head's brief (`brief`) and a unit's
//! package cover letter (`cover`).

use chrono::{Datelike, NaiveDate};

use crate::domain::documents::table::Table;
use crate::domain::followup::conclusion::{Conclusion, Directive};
use crate::domain::model::dataset::Dataset;
use crate::domain::units::org::BodyKind;

mod brief;
mod cover;
mod follow_up;
mod letter;
mod notice;
pub(crate) use brief::why_behind;
pub use brief::{behind_reason_words, head_brief, Brief, BRIEF_ROWS};
pub use cover::{package_cover_letter, package_paths, units_with_open_items};
pub use follow_up::{follow_up_report_document, report_counts_table, report_tables};
pub use letter::{
    each_reminder_letter, owed as letter_owed, reminder_letter, reminder_letters,
    units_with_overdue, Owed,
};
pub use notice::{conclusion_notice, conclusion_notice_with, NoticeKind};

/// The language a document is written in: Vietnamese, or English for partners and donors.
/// What was recorded (titles, directives, names) is printed as recorded in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocLang {
    Vi,
    En,
}

impl DocLang {
    pub(crate) fn pick(self, vi: &'static str, en: &'static str) -> &'static str {
        match self {
            DocLang::Vi => vi,
            DocLang::En => en,
        }
    }
}

/// The top of the first page.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Top left, upright: the body the issuing body belongs to (may be empty).
    pub parent_body: String,
    /// Top left, bold, with a short rule under it.
    pub issuing_body: String,
    /// Under the issuing body: "Số: 16-KL/BCĐ" (state) or "Số 16-KL/BCĐ" (Party).
    pub number: String,
    /// Top right, bold: the national name, or the Party's name (with a rule under it).
    pub national_name: &'static str,
    /// Under the national name for state bodies, bold, with a rule of its length under it.
    pub motto: Option<&'static str>,
    /// Under the right block, italic: "Điện Biên, ngày 20 tháng 9 năm 2026".
    pub place_date: String,
    /// A letter's subject under its number, upright: "V/v đôn đốc …" (empty otherwise).
    pub regarding: String,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Justified, with a first-line indent.
    Paragraph(String),
    /// A bold line heading a part of the body ("1. Kết quả chung").
    Heading(String),
    /// A letter's addressee, centred: "Kính gửi: UBND xã Mường Phăng."
    Addressee(String),
    /// A table with its header row; numbers are aligned right.
    Table(Table),
    /// A numbered item as recorded ("2.1."), `depth` 1 for a top-level item.
    Item {
        label: String,
        text: String,
        depth: usize,
    },
}

/// A document of the office, from its header to its signature.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub body_kind: BodyKind,
    pub header: Header,
    /// Bold, uppercase, centred: "KẾT LUẬN", "THÔNG BÁO".
    pub kind: String,
    /// Bold, centred, a short rule under it: what the document is about.
    pub subject: String,
    pub body: Vec<Block>,
    /// "Nơi nhận:", bold italic, bottom left.
    pub recipients_heading: &'static str,
    /// Each "- " line of the list, ending ";" and the last ".".
    pub recipients: Vec<String>,
    /// Bottom right, bold, uppercase: "TM. BAN CHỈ ĐẠO", "CHÁNH VĂN PHÒNG".
    pub signer_title: Vec<String>,
    /// Bold, under the space for the signature.
    pub signer_name: String,
}

impl Conclusion {
    /// The committee's kind of body unless the conclusion says otherwise.
    pub fn body_kind_in(&self, data: &Dataset) -> BodyKind {
        self.body_kind.unwrap_or_else(|| {
            self.committee
                .as_ref()
                .and_then(|c| data.committees.get(c))
                .map(|c| c.body_kind)
                .unwrap_or_default()
        })
    }
}

/// The number line: a state body writes "Số:", a Party body "Số" without a colon; a number
/// below 10 takes a leading 0 ("Số: 05/TB-VPUBND").
pub fn number_line(number_symbol: &str, kind: BodyKind, lang: DocLang) -> String {
    let text = number_symbol.trim();
    let digits = text.chars().take_while(|c| c.is_ascii_digit()).count();
    let padded = if digits == 1 {
        format!("0{text}")
    } else {
        text.to_owned()
    };
    match (lang, kind) {
        (DocLang::En, _) => format!("No. {padded}"),
        (DocLang::Vi, BodyKind::State) => format!("Số: {padded}"),
        (DocLang::Vi, BodyKind::Party) => format!("Số {padded}"),
    }
}

/// "Điện Biên, ngày 05 tháng 02 năm 2026": days below 10 and the months January and
/// February take a leading 0 (Decree 30), so a date cannot be altered by hand.
pub fn place_date_line(place: &str, date: NaiveDate, lang: DocLang) -> String {
    let (d, m, y) = (date.day(), date.month(), date.year());
    let said = match lang {
        DocLang::Vi => {
            let month = if m < 3 {
                format!("{m:02}")
            } else {
                m.to_string()
            };
            format!("ngày {d:02} tháng {month} năm {y}")
        }
        DocLang::En => format!("{d} {} {y}", crate::domain::dates::month_in_english(m)),
    };
    match place.trim() {
        "" => said,
        place => format!("{place}, {said}"),
    }
}

/// The top right of the first page for each kind of body.
pub fn national_name(kind: BodyKind, lang: DocLang) -> (&'static str, Option<&'static str>) {
    match kind {
        BodyKind::State => (
            lang.pick(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "SOCIALIST REPUBLIC OF VIET NAM",
            ),
            Some(lang.pick(
                "Độc lập - Tự do - Hạnh phúc",
                "Independence - Freedom - Happiness",
            )),
        ),
        BodyKind::Party => (
            lang.pick("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIET NAM"),
            None,
        ),
    }
}

/// Each recipient of a "Nơi nhận:" list without the dash before it and the punctuation
/// after it, as the document's list and a screen's one line both start from.
pub fn recipient_names(recipients: &[String]) -> Vec<&str> {
    recipients
        .iter()
        .map(|r| {
            r.trim()
                .trim_start_matches(['-', '+'])
                .trim()
                .trim_end_matches([';', ',', '.'])
                .trim_end()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// The "Nơi nhận:" list on one line of a screen: "Như trên; Lưu: VT".
pub fn recipients_line(recipients: &[String]) -> String {
    recipient_names(recipients).join("; ")
}

/// The "Nơi nhận:" list as printed: each line after "- ", ending ";", the last ".".
pub(crate) fn recipient_lines(recipients: &[String]) -> Vec<String> {
    let kept = recipient_names(recipients);
    let last = kept.len().saturating_sub(1);
    kept.iter()
        .enumerate()
        .map(|(i, r)| format!("- {r}{}", if i == last { "." } else { ";" }))
        .collect()
}

/// A directive's deadline as a document writes it: the conclusion's words, and each
/// extension granted by `as_of` with its new due day and the granting document
/// ("Quý I/2026; gia hạn đến 30/06/2026 (Công văn số 112/UBND-KT)").
pub fn deadline_words(d: &Directive, as_of: NaiveDate, lang: DocLang) -> String {
    let mut words = d.deadline.words().to_owned();
    for step in d.extension_history() {
        let e = step.extension;
        if e.granted_on > as_of {
            continue;
        }
        let due = e.deadline.due().map(crate::domain::dates::dd_mm_yyyy);
        let mut line = format!(
            "{}{}",
            lang.pick("gia hạn đến ", "extended to "),
            due.unwrap_or_else(|| e.deadline.words().to_owned())
        );
        if !e.document_ref.is_empty() {
            line.push_str(&format!(" ({})", e.document_ref));
        }
        if !words.is_empty() {
            words.push_str("; ");
        }
        words.push_str(&line);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_on_one_line_have_one_separator_each() {
        let list = vec![
            "- Như trên;".to_owned(),
            "Thường trực Tỉnh ủy; ".to_owned(),
            "- Lưu: VT.".to_owned(),
        ];
        assert_eq!(
            recipients_line(&list),
            "Như trên; Thường trực Tỉnh ủy; Lưu: VT"
        );
        assert_eq!(
            recipient_lines(&list),
            vec!["- Như trên;", "- Thường trực Tỉnh ủy;", "- Lưu: VT."]
        );
    }

    #[test]
    fn numbers_and_dates_follow_the_decree() {
        assert_eq!(
            number_line("5-KL/BCĐ", BodyKind::Party, DocLang::Vi),
            "Số 05-KL/BCĐ"
        );
        assert_eq!(
            number_line(" 12/TB-UBND", BodyKind::State, DocLang::Vi),
            "Số: 12/TB-UBND"
        );
        assert_eq!(
            number_line("5/TB-UBND", BodyKind::State, DocLang::En),
            "No. 05/TB-UBND"
        );
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            place_date_line("Điện Biên", d(2026, 9, 20), DocLang::Vi),
            "Điện Biên, ngày 20 tháng 9 năm 2026"
        );
        assert_eq!(
            place_date_line("Điện Biên", d(2026, 2, 5), DocLang::Vi),
            "Điện Biên, ngày 05 tháng 02 năm 2026"
        );
        assert_eq!(
            place_date_line("", d(2026, 12, 1), DocLang::Vi),
            "ngày 01 tháng 12 năm 2026"
        );
        assert_eq!(
            place_date_line("Điện Biên", d(2026, 9, 20), DocLang::En),
            "Điện Biên, 20 September 2026"
        );
    }

    #[test]
    fn recipients_end_as_a_list_does() {
        let lines = recipient_lines(&[
            "- Thường trực Tỉnh ủy,".into(),
            " ".into(),
            "Lưu: VT".into(),
        ]);
        assert_eq!(lines, vec!["- Thường trực Tỉnh ủy;", "- Lưu: VT."]);
        assert!(recipient_lines(&[]).is_empty());
    }
}
