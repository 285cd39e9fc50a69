//! The draft read from a notice: its header fields, title, recipients and signer, and each
//! directive with its lead and coordinating units, responsible person and deadline (read by
//! the deadline parser, the notice's date supplying a missing year).

use chrono::NaiveDate;
use serde::Serialize;

use super::clean::clean_lines;
use super::deadline_words::{has_year, item_deadline};
use super::header::{header_cells, number_symbol, place_date, KindLine};
use super::leads::{class_named, covered, place_lead, sentence_lead, UnitClass};
use super::structure::parts;
use super::units::{lead_unit_as_written, unit_name_as_read, units_named, ProjectIndex, UnitIndex};
use crate::domain::followup::deadline::Deadline;
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
    /// The order among the notice's items ("3", "3.1"): unique, what the stored path is.
    pub path: String,
    /// The item's own mark as the notice prints it and officers cite it ("3.", "a)", "-",
    /// "+", "II.1." when the notice has several sections of items).
    pub label: String,
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
    /// The class of units the item is addressed to ("Các chủ đầu tư …"), and the
    /// register's units it covers, by name: the officer may split the item into one
    /// directive per unit (`ReadNotice::split_directive`).
    pub unit_class: Option<UnitClass>,
    pub covers: Vec<String>,
    #[serde(skip)]
    pub covers_ids: Vec<UnitId>,
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
    // A header laid out in two columns may arrive with both on one line.
    let header: Vec<String> = p.header.iter().flat_map(|l| header_cells(l)).collect();
    let number_at = header.iter().position(|l| number_symbol(l).is_some());
    let number = number_at
        .and_then(|i| number_symbol(&header[i]))
        .unwrap_or_default();
    let place_and_date = header.iter().find_map(|l| place_date(l));
    // Printed top right: a header laid out as a table may give it on the body's line.
    let body_kind = header.iter().find_map(|l| body_kind_of_line(l));
    let date = place_and_date.as_ref().map(|(_, d)| *d);
    let body_lines: Vec<&String> = header[..number_at.unwrap_or(header.len())]
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
    // The sentence before the list, naming who it is for: the lead of items naming none.
    let for_whom = p
        .paragraphs
        .last()
        .and_then(|para| sentence_lead(para, &index));
    for item in &p.items {
        let above = item.path.rsplit_once('.').map(|(above, _)| above);
        // A sub-item takes its item's unit when the item only names the unit ("UBND xã …:").
        let parent = directives
            .iter()
            .find(|d| Some(d.path.as_str()) == above)
            .filter(|d| d.text.trim_end().ends_with(':'));
        let projects = project_index.named(&item.text);
        let project_ids: Vec<ProjectId> = projects.iter().map(|p| p.id.clone()).collect();
        let place = place_lead(&item.text, &index);
        let lead = lead_unit_as_written(&item.text, &index).or_else(|| {
            place
                .as_ref()
                .and_then(|(id, _, written)| id.map(|id| (id, written.clone())))
        });
        let unit_class = lead.is_none().then(|| class_named(&item.text)).flatten();
        let covers_ids = unit_class
            .map(|c| covered(c, &project_ids, register))
            .unwrap_or_default();
        let new_unit = (lead.is_none() && unit_class.is_none())
            .then(|| {
                place
                    .as_ref()
                    .map(|(_, name, _)| name.clone())
                    .or_else(|| unit_name_as_read(&item.text))
            })
            .flatten();
        // Naming none, it is for whom the sentence before the list names.
        let from_sentence = (lead.is_none() && new_unit.is_none() && unit_class.is_none())
            .then_some(for_whom.as_ref())
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
            (None, None, Some(d)) if d.lead_unit.is_some() => {
                (d.lead_unit.clone(), d.lead_id.clone(), None, Mark::Guessed)
            }
            (None, None, _) => match from_sentence {
                Some((Some(id), _)) => {
                    (Some(name_of(id)), Some((*id).clone()), None, Mark::Guessed)
                }
                Some((None, name)) => {
                    if !new_units.contains(name) {
                        new_units.push(name.clone());
                    }
                    (Some(name.clone()), None, None, Mark::Guessed)
                }
                None => (None, None, None, Mark::Missing),
            },
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
        let (words, deadline) = item_deadline(&item.text, date);
        let due = deadline.due();
        let deadline_mark = match (&deadline, due) {
            (Deadline::None {}, _) => Mark::Missing,
            // A year the notice's date supplied, or a month without its day: guessed.
            (_, Some(_)) if !has_year(&words) => Mark::Guessed,
            _ => Mark::Read,
        };
        directives.push(ReadDirective {
            path: item.path.clone(),
            label: item.label.clone(),
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
            unit_class,
            covers: covers_ids.iter().map(name_of).collect(),
            covers_ids,
            lead_id,
            coordinating_ids,
            project_ids,
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

#[cfg(test)]
#[path = "notice_tests.rs"]
mod tests;
