//! Who an item is for when it does not name a unit of the register at its start: a bare
//! place ("Xã Nà Tấu tập trung …" is that commune's People's Committee), the sentence before
//! the list ("… đề nghị UBND xã Mường Phăng và các cơ quan liên quan thực hiện các nội dung
//! sau:"), or a class of units ("Các chủ đầu tư …", "Các sở, ngành …") that the officer may
//! split into one directive per unit it covers.

use serde::Serialize;

use super::units::{lead_unit_as_written, unit_name_as_read, UnitIndex};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{ProjectId, UnitId};
use crate::domain::sorting;
use crate::domain::text::fold;
use crate::domain::units::org::UnitKind;

/// A class of units an item is addressed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitClass {
    /// "Các chủ đầu tư": the investors of the projects the item names (of all the register's
    /// projects when it names none).
    Investors,
    /// "Các sở, ngành", "các sở, ban, ngành": the register's departments.
    Departments,
}

/// How many words open an item before who it is for: "Giao", "Đề nghị", "Đối với".
fn opening_words(folded: &str) -> usize {
    let words: Vec<&str> = folded.split(' ').take(2).collect();
    match words[..] {
        ["giao", "cho", ..] | ["de", "nghi", ..] | ["yeu", "cau", ..] | ["doi", "voi", ..] => 2,
        ["giao", ..] => 1,
        _ => 0,
    }
}

/// The class of units an item opens with, if any.
pub fn class_named(text: &str) -> Option<UnitClass> {
    let folded = fold(text.lines().next().unwrap_or(""));
    let rest: String = folded
        .split(' ')
        .skip(opening_words(&folded))
        .collect::<Vec<_>>()
        .join(" ")
        .replace(',', "");
    if rest.starts_with("cac chu dau tu") || rest.starts_with("chu dau tu cac du an") {
        Some(UnitClass::Investors)
    } else if ["cac so nganh", "cac so ban nganh", "cac so nganh lien quan"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        Some(UnitClass::Departments)
    } else {
        None
    }
}

/// The register's units a class covers, by name: for investors, those of `projects` (of all
/// the register's projects when none is named), for departments, every department.
pub fn covered(class: UnitClass, projects: &[ProjectId], register: &Dataset) -> Vec<UnitId> {
    let mut ids: Vec<UnitId> = match class {
        UnitClass::Investors => register
            .projects
            .iter()
            .filter(|p| {
                if projects.is_empty() {
                    !p.archived
                } else {
                    projects.contains(&p.id)
                }
            })
            .filter_map(|p| p.investor.clone())
            .collect(),
        UnitClass::Departments => register
            .units
            .iter()
            .filter(|u| u.kind == UnitKind::Department)
            .map(|u| u.id.clone())
            .collect(),
    };
    sorting::sort_by_cached_key(&mut ids, |id| {
        register
            .units
            .get(id)
            .map(|u| fold(&u.name))
            .unwrap_or_default()
    });
    ids.dedup();
    ids
}

/// Words naming a place whose People's Committee a bare place means, folded.
const PLACES: [&str; 5] = ["xa", "phuong", "huyen", "thi xa", "thi tran"];

/// "Xã Nà Tấu tập trung …", "Thành phố Điện Biên Phủ bố trí …": the place's People's
/// Committee, from the register when it is there ("UBND xã Thanh Nưa"), else its name as a
/// notice writes it ("UBND xã Nà Tấu"), with the words it was read from.
pub fn place_lead<'a>(
    text: &str,
    index: &UnitIndex<'a>,
) -> Option<(Option<&'a UnitId>, String, String)> {
    let first_line = text.lines().next().unwrap_or("");
    let words: Vec<&str> = first_line.split_whitespace().collect();
    let at = opening_words(&fold(first_line));
    let kind_len = if fold(words.get(at..at + 2)?.join(" ").as_str()) == "thanh pho" {
        2
    } else {
        let two = words.get(at..at + 2).map(|w| fold(&w.join(" ")));
        if two.as_deref().is_some_and(|w| PLACES.contains(&w)) {
            2
        } else if PLACES.contains(&fold(words.get(at)?).as_str()) {
            1
        } else {
            return None;
        }
    };
    let kind = words[at..at + kind_len].join(" ").to_lowercase();
    let mut name: Vec<&str> = Vec::new();
    for word in &words[at + kind_len..] {
        let bare = word.trim_end_matches([',', ':', ';', '.']);
        if !bare.starts_with(char::is_uppercase) {
            break;
        }
        name.push(bare);
        if bare.len() != word.len() {
            break;
        }
    }
    if name.is_empty() {
        return None;
    }
    let written = format!("{} {}", words[at..at + kind_len].join(" "), name.join(" "));
    let committee = format!("UBND {kind} {}", name.join(" "));
    match lead_unit_as_written(&committee, index) {
        Some((id, _)) => Some((Some(id), committee, written)),
        None => Some((None, committee, written)),
    }
}

/// The unit the sentence before the list asks to carry it out ("… đề nghị UBND xã Mường
/// Phăng và các cơ quan liên quan tập trung thực hiện các nội dung sau:"): from the register
/// when it is there, else as written; none when the sentence asks no one.
pub fn sentence_lead<'a>(
    paragraph: &str,
    index: &UnitIndex<'a>,
) -> Option<(Option<&'a UnitId>, String)> {
    if !paragraph.trim_end().ends_with(':') {
        return None;
    }
    let lower = paragraph.to_lowercase();
    let at = ["đề nghị ", "yêu cầu "]
        .iter()
        .filter_map(|w| lower.find(w).map(|i| i + w.len()))
        .min()?;
    let rest = paragraph.get(at..)?;
    // It asks them to carry out what follows ("… thực hiện các nội dung sau:"), not only
    // mentions a proposal ("nghe đề nghị của Sở Xây dựng, … kết luận:").
    let asks = fold(rest);
    if !["thuc hien", "trien khai", "noi dung", "sau:", "nhiem vu"]
        .iter()
        .any(|w| asks.contains(w))
    {
        return None;
    }
    if let Some((id, _)) = lead_unit_as_written(rest, index) {
        return Some((Some(id), String::new()));
    }
    if let Some((id, name, _)) = place_lead(rest, index) {
        return Some((id, name));
    }
    // The sentence is no heading of its own: its unit's name ends at the first comma.
    unit_name_as_read(rest.trim_end().trim_end_matches(':')).map(|name| (None, name))
}

#[cfg(test)]
#[path = "leads_tests.rs"]
mod tests;
