//! The draft read from a notice: its header fields, title, recipients and signer, and each
//! directive with its lead and coordinating units, responsible person and deadline (read by
//! the deadline parser, the notice's date supplying a missing year).

use chrono::NaiveDate;
use serde::Serialize;

use super::clean::clean_lines;
use super::header::{number_symbol, place_date, KindLine};
use super::structure::parts;
use super::units::{lead_unit_as_written, unit_name_as_read, units_named, ProjectIndex, UnitIndex};
use crate::domain::followup::deadline::{parse_deadline, Deadline};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{ProjectId, UnitId};
use crate::domain::text::fold;
use crate::domain::units::org::BodyKind;

/// How a field of a directive was found: read in its own words, guessed (taken from the
/// item it stands under, a unit not in the register, a year the notice's date supplied),
/// or missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Read,
    Guessed,
    Missing,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadDirective {
    pub path: String,
    pub text: String,
    /// The lead unit's name in the register, or as written when it is not there (None when
    /// the item names none).
    pub lead_unit: Option<String>,
    pub coordinating_units: Vec<String>,
    pub responsible_person: Option<String>,
    pub deadline_words: String,
    pub due: Option<NaiveDate>,
    /// The register's projects the item names.
    pub projects: Vec<String>,
    pub lead_mark: Mark,
    pub deadline_mark: Mark,
    /// The words the lead unit was read from, as written in the item.
    pub lead_words: Option<String>,
    /// The register's ids behind the names above (none for a unit not in the register).
    #[serde(skip)]
    pub lead_id: Option<UnitId>,
    #[serde(skip)]
    pub coordinating_ids: Vec<UnitId>,
    #[serde(skip)]
    pub project_ids: Vec<ProjectId>,
    /// The deadline as the parser understood the words.
    #[serde(skip)]
    pub deadline: Deadline,
    /// The clean lines the item was read from (indexes into `ReadNotice::lines`).
    #[serde(skip)]
    pub lines: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadNotice {
    /// "Kết luận", "Thông báo", "Thông báo kết luận", as the kind line names it ("" when
    /// the text has none).
    pub kind: String,
    pub number_symbol: String,
    pub date: Option<NaiveDate>,
    pub meeting_date: Option<NaiveDate>,
    pub issuing_body: String,
    /// A state body's or a Party body's document, as its header prints it (none when the
    /// text has neither the national name nor the Party's).
    pub body_kind: Option<BodyKind>,
    pub title: String,
    pub signer: String,
    pub signer_title: String,
    pub recipients: Vec<String>,
    pub directives: Vec<ReadDirective>,
    /// Lead units named by items but not in the register, as written, each once: for the
    /// officer to accept, merge with a unit of the register, or rename.
    pub new_units: Vec<String>,
    /// "Điện Biên" of "Điện Biên, ngày …".
    pub place: String,
    /// The body above the issuing one ("UBND TỈNH ĐIỆN BIÊN" over "VĂN PHÒNG").
    pub parent_body: String,
    /// The opening paragraph, then the assessment's.
    pub opening: String,
    pub assessment: String,
    pub closing: String,
    /// The signer's title as printed, line by line ("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH …").
    #[serde(skip)]
    pub signer_title_lines: Vec<String>,
    /// The text made plain, line by line, as the review screen shows it beside the draft.
    #[serde(skip)]
    pub lines: Vec<String>,
}

/// Why a text could not be read as a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotANotice {
    /// No numbered directive and no kind line: this text is no conclusion.
    NoDirectives,
}

/// Lines of the header that are the national name, the motto or the Party's name.
/// The kind of body a header's top-right line names: the national name and motto for a
/// state body, "ĐẢNG CỘNG SẢN VIỆT NAM" for a Party body.
pub fn body_kind_of_line(line: &str) -> Option<BodyKind> {
    let f = fold(line);
    if f.contains("cong hoa xa hoi chu nghia") || (f.contains("doc lap") && f.contains("hanh phuc"))
    {
        Some(BodyKind::State)
    } else if f.contains("dang cong san viet nam") {
        Some(BodyKind::Party)
    } else {
        None
    }
}

fn is_national(line: &str) -> bool {
    let f = fold(line);
    f.contains("cong hoa xa hoi chu nghia")
        || f.starts_with("doc lap")
        || f == "dang cong san viet nam"
}

/// "Ngày 15 tháng 4 năm 2025, …" or "Ngày 15/9/2026, …": the date a paragraph opens with.
fn opening_date(paragraph: &str) -> Option<NaiveDate> {
    let f = fold(paragraph);
    // "Ngày 15 …", "Chiều ngày 14/12/2026, …", "Sáng ngày …".
    let start = f.find("ngay ").filter(|&at| at <= 12)?;
    let rest = &f[start + "ngay ".len()..];
    let head: String = rest.chars().take(24).collect();
    let numbers: Vec<u32> = head
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .filter_map(|s| s.parse().ok())
        .collect();
    match numbers[..] {
        [d, m, y] => NaiveDate::from_ymd_opt(y as i32, m, d),
        _ => None,
    }
}

/// Words that open a deadline's phrase, folded.
const MARKERS: [&str; 12] = [
    "truoc ngay",
    "trong ngay",
    "cham nhat",
    "trong thang",
    "trong quy",
    "quy ",
    "cuoi thang",
    "thuong xuyen",
    "thang dau nam",
    "trong nam",
    "trong vong",
    "tu ngay",
];

/// Where `marker` first stands in `folded` as words of their own ("quy " only before a
/// quarter's number: "quy định" is no quarter).
fn marker_at(folded: &str, marker: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = folded[from..].find(marker) {
        let at = from + found;
        let starts_word = folded[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = folded[at + marker.len()..].trim_start();
        let quarter = marker != "quy "
            || after.starts_with(|c: char| c.is_ascii_digit() || matches!(c, 'i' | 'v'));
        if starts_word && quarter {
            return Some(at);
        }
        from = at + marker.len();
    }
    None
}

/// The words of a deadline inside an item: the phrase from the first deadline marker to the
/// end of its clause ("trước ngày 30/4/2027" of "…trước ngày 30/4/2027, phục vụ …"), or
/// only "thường xuyên" of "thường xuyên kiểm tra …"; empty when there is no marker.
fn deadline_words(text: &str) -> String {
    let folded = fold(text);
    let chars: Vec<char> = text.chars().collect();
    if folded.chars().count() != chars.len() {
        return String::new();
    }
    // A day ("trước ngày", "chậm nhất") wins over a period named earlier in the item
    // ("Quý II/2027 báo cáo trước ngày 05/7/2027").
    let strong = |m: &&str| matches!(*m, "truoc ngay" | "cham nhat" | "trong ngay" | "trong vong");
    let found = |keep: &dyn Fn(&&str) -> bool| {
        MARKERS
            .iter()
            .filter(|m| keep(m))
            .filter_map(|m| marker_at(&folded, m).map(|at| (at, *m)))
            .min()
    };
    let Some((byte, marker)) = found(&strong).or_else(|| found(&|_| true)) else {
        return String::new();
    };
    let at = folded[..byte].chars().count();
    if marker == "thuong xuyen" {
        return chars[at..at + marker.chars().count()].iter().collect();
    }
    let from: String = chars[at..].iter().collect();
    // "6 tháng đầu năm": the number before "tháng" belongs to it.
    let number = if marker == "thang dau nam" {
        let before: String = chars[..at].iter().collect();
        before
            .trim_end()
            .rsplit(' ')
            .next()
            .filter(|w| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty())
            .map(|w| format!("{w} "))
            .unwrap_or_default()
    } else {
        String::new()
    };
    // The phrase ends with its clause: a line, a semicolon, a comma or a full stop.
    let mut end = from.len();
    for (i, c) in from.char_indices() {
        let next = from[i + c.len_utf8()..].chars().next();
        let ends = match c {
            '\n' | ';' | '(' => true,
            ',' | '.' | ':' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if ends {
            end = i;
            break;
        }
    }
    format!("{number}{}", from[..end].trim())
}

/// "giao đồng chí Phó Chủ tịch UBND tỉnh chịu trách nhiệm": who answers for the item.
fn responsible_person(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let start = lower.find("đồng chí ")? + "đồng chí ".len();
    let end = lower[start..]
        .find(" chịu trách nhiệm")
        .or_else(|| lower[start..].find(" trực tiếp"))
        .map_or(lower.len(), |e| start + e);
    text.get(start..end)
        .map(|s| s.trim().trim_end_matches(',').to_owned())
}

/// Reads `text` (a notice as pasted) against the register's `units`.
pub fn read_notice(text: &str, register: &Dataset) -> Result<ReadNotice, NotANotice> {
    let units = &register.units;
    let index = UnitIndex::new(units);
    let project_index = ProjectIndex::new(&register.projects);
    let lines = clean_lines(text);
    let p = parts(&lines);
    if p.items.is_empty() {
        return Err(NotANotice::NoDirectives);
    }
    let number_at = p.header.iter().position(|l| number_symbol(l).is_some());
    let number = number_at
        .and_then(|i| number_symbol(&p.header[i]))
        .unwrap_or_default();
    let place_and_date = p.header.iter().find_map(|l| place_date(l));
    // Printed top right: a header laid out as a table may give it on the body's line.
    let body_kind = p.header.iter().find_map(|l| body_kind_of_line(l));
    let date = place_and_date.as_ref().map(|(_, d)| *d);
    let body_lines: Vec<&String> = p.header[..number_at.unwrap_or(p.header.len())]
        .iter()
        .filter(|l| !is_national(l) && place_date(l).is_none() && l.as_str() != "*")
        .collect();
    // "ỦY BAN NHÂN DÂN" over "TỈNH ĐIỆN BIÊN" is one body's name on two lines.
    let one_name = body_lines.len() == 2 && {
        let second = fold(body_lines[1]);
        ["tinh ", "huyen ", "xa ", "phuong ", "thanh pho ", "thi xa "]
            .iter()
            .any(|w| second.starts_with(w))
    };
    let (parent_body, issuing_body) = match body_lines.len() {
        0 => (String::new(), String::new()),
        1 => (String::new(), body_lines[0].clone()),
        _ if one_name => (
            String::new(),
            format!("{} {}", body_lines[0], body_lines[1]),
        ),
        _ => (
            body_lines[0].clone(),
            body_lines[1..]
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
    };
    let name_of = |id: &UnitId| units.get(id).map(|u| u.name.clone()).unwrap_or_default();
    let mut directives: Vec<ReadDirective> = Vec::new();
    let mut new_units: Vec<String> = Vec::new();
    for item in &p.items {
        let top = item.path.split('.').next().unwrap_or("");
        // A sub-item takes its item's unit when the item only names the unit ("UBND xã …:").
        let parent = directives
            .iter()
            .find(|d| d.path == top && item.path != top)
            .filter(|d| d.text.trim_end().ends_with(':'));
        let lead = lead_unit_as_written(&item.text, &index);
        let new_unit = lead
            .is_none()
            .then(|| unit_name_as_read(&item.text))
            .flatten();
        if let Some(name) = &new_unit {
            if !new_units.contains(name) {
                new_units.push(name.clone());
            }
        }
        let (lead_unit, lead_id, lead_words, lead_mark) = match (&lead, &new_unit, parent) {
            (Some((id, written)), _, _) => (
                Some(name_of(id)),
                Some((*id).clone()),
                Some(written.clone()),
                Mark::Read,
            ),
            (None, Some(name), _) => (Some(name.clone()), None, Some(name.clone()), Mark::Guessed),
            (None, None, Some(d)) => (
                d.lead_unit.clone(),
                d.lead_id.clone(),
                None,
                if d.lead_unit.is_some() {
                    Mark::Guessed
                } else {
                    Mark::Missing
                },
            ),
            (None, None, None) => (None, None, None, Mark::Missing),
        };
        let coordinating_ids: Vec<UnitId> = fold(&item.text)
            .find("phoi hop")
            .map(|_| {
                let after = item
                    .text
                    .to_lowercase()
                    .find("phối hợp")
                    .map_or("", |i| &item.text[i..]);
                units_named(after, &index)
                    .into_iter()
                    .filter(|id| Some(*id) != lead_id.as_ref())
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let words = deadline_words(&item.text);
        // The phrase's own date first; else a day the whole item names ("ngày 15/5/2027"),
        // not a bare year ("ngân sách năm 2027" is no deadline).
        let deadline = parse_deadline(&words, date)
            .ok()
            .filter(|d| *d != Deadline::None {})
            .or_else(|| {
                parse_deadline(&item.text, date)
                    .ok()
                    .filter(|d| matches!(d, Deadline::Before { .. } | Deadline::On { .. }))
            })
            .unwrap_or(Deadline::None {});
        let due = deadline.due();
        let deadline_mark = match (&deadline, due) {
            (Deadline::None {}, _) => Mark::Missing,
            // A year the notice's date supplied, or a month without its day: guessed.
            (_, Some(_)) if !has_year(&words) => Mark::Guessed,
            _ => Mark::Read,
        };
        let projects = project_index.named(&item.text);
        directives.push(ReadDirective {
            path: item.path.clone(),
            text: item.text.clone(),
            lead_unit,
            coordinating_units: coordinating_ids.iter().map(name_of).collect(),
            responsible_person: responsible_person(&item.text),
            deadline_words: words,
            due,
            projects: projects.iter().map(|p| p.name.clone()).collect(),
            lead_mark,
            deadline_mark,
            lead_words,
            lead_id,
            coordinating_ids,
            project_ids: projects.iter().map(|p| p.id.clone()).collect(),
            deadline,
            lines: item.lines.clone(),
        });
    }
    let (title_lines, name): (Vec<&String>, Vec<&String>) = p.signer.iter().partition(|l| {
        l.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            || l.contains("(kiêm)")
    });
    Ok(ReadNotice {
        kind: match p.kind {
            Some(KindLine::Conclusion) => "Kết luận",
            Some(KindLine::Notice) => "Thông báo",
            Some(KindLine::NoticeOfConclusion) => "Thông báo kết luận",
            None => "",
        }
        .to_owned(),
        number_symbol: number,
        date,
        meeting_date: p.paragraphs.first().and_then(|s| opening_date(s)),
        issuing_body,
        body_kind,
        title: p.title.join(" "),
        signer: name.last().map(|s| s.to_string()).unwrap_or_default(),
        signer_title: title_lines
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        signer_title_lines: title_lines.iter().map(|s| s.to_string()).collect(),
        recipients: p.recipients,
        directives,
        new_units,
        place: place_and_date.map(|(place, _)| place).unwrap_or_default(),
        parent_body,
        opening: p.paragraphs.first().cloned().unwrap_or_default(),
        assessment: p.paragraphs.get(1..).unwrap_or(&[]).join("\n"),
        closing: p.closing.unwrap_or_default(),
        lines,
    })
}

/// Whether deadline words carry their own year ("trước ngày 12/10/2026", "Quý I/2027").
fn has_year(words: &str) -> bool {
    words
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4)
}

#[cfg(test)]
#[path = "notice_tests.rs"]
mod tests;
