//! A notice's clean lines cut into its parts, in the order the notice has them: the header
//! (issuing body, number, place and date), the kind line and the title after it, the
//! opening and assessment paragraphs, the numbered items with their sub-items, the closing
//! paragraph, the recipients after "Nơi nhận:" and the signer's lines.

use super::header::{kind_line, KindLine};
use crate::domain::text::fold;

/// An item as numbered in the notice: "3", "3.2" (a "- ", "+" or "a)" sub-item numbered
/// in order under its item), with its text (continuation paragraphs joined with a line
/// break).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemText {
    pub path: String,
    /// The item's own mark as the notice prints it and officers cite it: "3.", "a)", "-",
    /// "+"; "II.3." when the notice has more than one section of items.
    pub label: String,
    pub text: String,
    /// Where it stands among the clean lines: its first line and the continuation lines.
    pub lines: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    pub header: Vec<String>,
    pub kind: Option<KindLine>,
    pub title: Vec<String>,
    /// Paragraphs before the first numbered item: the opening first.
    pub paragraphs: Vec<String>,
    pub items: Vec<ItemText>,
    pub closing: Option<String>,
    pub recipients: Vec<String>,
    /// What follows the recipients, or stands after the closing without them: the
    /// signer's title lines and name.
    pub signer: Vec<String>,
}

/// The number starting an item line: "3." or "3)" gives ("3", rest); "2.1." gives
/// ("2.1", rest).
fn numbered(line: &str) -> Option<(String, &str)> {
    let end = line
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(line.len());
    let (number, rest) = line.split_at(end);
    let rest = rest.strip_prefix(')').unwrap_or(rest);
    let number = number.trim_end_matches('.');
    let well_formed = !number.is_empty()
        && number.split('.').all(|p| !p.is_empty() && p.len() <= 3)
        && (line[..end].ends_with('.') || line[end..].starts_with(')'));
    (well_formed && rest.starts_with(' ')).then(|| (number.to_owned(), rest.trim_start()))
}

/// "I. ", "II. ", "IV. ": a section of the notice, not a directive.
fn roman_section(line: &str) -> bool {
    let head: String = line.chars().take_while(|c| "IVXL".contains(*c)).collect();
    !head.is_empty() && line[head.len()..].starts_with(". ")
}

/// A section that assesses what was done rather than assigns what is to be done.
fn is_assessment(heading: &str) -> bool {
    let f = fold(heading);
    let assigns = [
        "nhiem vu",
        "giai phap",
        "chi dao",
        "ket luan",
        "de nghi",
        "giao",
        "phan cong",
    ];
    let assesses = ["danh gia", "tinh hinh", "ket qua", "ton tai", "han che"];
    assesses.iter().any(|w| f.contains(w)) && !assigns.iter().any(|w| f.contains(w))
}

/// A sub-item line: "- ", "+ ", "a) ", "b) ".
#[cfg(test)]
fn sub_item(line: &str) -> Option<&str> {
    sub_item_marked(line).map(|(_, rest)| rest)
}

/// A sub-item line with its mark as written: ("-", rest), ("+", rest), ("a)", rest).
fn sub_item_marked(line: &str) -> Option<(&str, &str)> {
    if let Some(rest) = line.strip_prefix("- ") {
        return Some(("-", rest));
    }
    if let Some(rest) = line.strip_prefix("+ ") {
        return Some(("+", rest));
    }
    let mut chars = line.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(c), Some(')'), Some(' ')) if c.is_lowercase() && c.is_alphabetic() => {
            let mark = c.len_utf8() + 1;
            Some((&line[..mark], line[mark..].trim_start()))
        }
        _ => None,
    }
}

/// The kind of a sub-item's mark: every letter is one kind ("a)", "b)"), each bullet its own.
fn mark_kind(mark: &str) -> &str {
    if mark.ends_with(')') {
        ")"
    } else {
        mark
    }
}

/// Whether a line goes on from `previous` as part of one paragraph: the previous line does
/// not end a sentence (a PDF's line broken mid-sentence, "… phối hợp với" / "Sở Xây dựng …").
fn goes_on(previous: &str, line: &str) -> bool {
    !previous.trim_end().ends_with(['.', ';', ':', '!', '?'])
        && !line.starts_with(['-', '+', '•'])
        && numbered(line).is_none()
        && !roman_section(line)
}

/// The closing paragraph: the one asking the bodies concerned to carry out the conclusion
/// ("... thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.").
fn is_closing(line: &str) -> bool {
    let f = fold(line);
    f.contains("thong bao de")
        || f.contains("biet, thuc hien")
        || f.contains("biet va thuc hien")
        || f.contains("biet, phoi hop thuc hien")
        || f.contains("nghiem tuc thuc hien")
}

fn is_recipients(line: &str) -> bool {
    fold(line).starts_with("noi nhan")
}

/// The notice's parts from its clean lines (blank lines kept as empty ones).
pub fn parts(lines: &[String]) -> Parts {
    let mut p = Parts::default();
    let kind_at = lines.iter().position(|l| kind_line(l).is_some());
    let body_from = match kind_at {
        Some(k) => {
            p.header = lines[..k]
                .iter()
                .filter(|l| !l.is_empty())
                .cloned()
                .collect();
            p.kind = kind_line(&lines[k]);
            // The title: the lines after the kind up to the first blank line (or the first
            // paragraph that opens with a date or a number).
            let mut i = k + 1;
            while i < lines.len() && lines[i].is_empty() {
                i += 1;
            }
            while i < lines.len() && !lines[i].is_empty() && numbered(&lines[i]).is_none() {
                if !p.title.is_empty() && fold(&lines[i]).starts_with("ngay ") {
                    break;
                }
                p.title.push(lines[i].clone());
                i += 1;
            }
            i
        }
        None => 0,
    };
    // The sub-items' kinds of mark from the outer one in ("-" then "+"), with how many
    // of each so far; the number the current section's items start after (a second
    // section numbering its items from 1 again goes on after the first's); the section.
    let mut kinds: Vec<(String, usize)> = Vec::new();
    let mut offset = 0;
    let mut last_top = 0;
    let mut section = String::new();
    let mut sections: Vec<String> = Vec::new();
    let mut item_sections: Vec<String> = Vec::new();
    let mut assessing = false;
    let mut in_recipients = false;
    let mut done = false;
    for (at, line) in lines.iter().enumerate().skip(body_from) {
        if line.is_empty() {
            continue;
        }
        if is_recipients(line) {
            in_recipients = true;
            let rest = line.split_once(':').map_or("", |(_, r)| r.trim());
            if !rest.is_empty() {
                p.recipients.push(rest.to_owned());
            }
            continue;
        }
        if in_recipients {
            if let Some(rest) = line.strip_prefix("- ") {
                p.recipients.push(rest.to_owned());
            } else {
                p.signer.push(line.clone());
            }
            continue;
        }
        if done {
            p.signer.push(line.clone());
            continue;
        }
        if is_closing(line) {
            p.closing = Some(line.clone());
            done = true;
            continue;
        }
        // "II. Nhiệm vụ thời gian tới": a section heading, not a directive. Under a section
        // that assesses ("I. Đánh giá kết quả"), numbered lines are the assessment's.
        if roman_section(line) {
            assessing = is_assessment(line);
            section = line.split('.').next().unwrap_or("").to_owned();
            offset = last_top;
            continue;
        }
        if assessing {
            p.paragraphs.push(line.clone());
            continue;
        }
        if let Some((number, rest)) = numbered(line) {
            kinds.clear();
            let mut parts: Vec<usize> = number.split('.').filter_map(|n| n.parse().ok()).collect();
            // Numbered again from 1 in a new section: the items go on after the last one.
            if parts.first().is_some_and(|&n| n > last_top) {
                offset = 0;
            }
            if let Some(first) = parts.first_mut() {
                *first += offset;
                last_top = last_top.max(*first);
            }
            let path = parts
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(".");
            let written = &line[..line.len() - rest.len()];
            if !section.is_empty() && !sections.contains(&section) {
                sections.push(section.clone());
            }
            item_sections.push(section.clone());
            p.items.push(ItemText {
                path,
                label: written.trim().to_owned(),
                text: rest.to_owned(),
                lines: vec![at],
            });
            continue;
        }
        if let (Some((mark, rest)), Some(top)) = (sub_item_marked(line), top_item(&p.items)) {
            // A kind of mark seen before closes the deeper ones; a new kind goes one deeper
            // (a "+" under a "-"), down to the fourth level.
            let kind = mark_kind(mark).to_owned();
            match kinds.iter().position(|(k, _)| *k == kind) {
                Some(level) => kinds.truncate(level + 1),
                None if kinds.len() < 3 => kinds.push((kind, 0)),
                None => {}
            }
            if let Some(last) = kinds.last_mut() {
                last.1 += 1;
            }
            let path = std::iter::once(top)
                .chain(kinds.iter().map(|(_, n)| n.to_string()))
                .collect::<Vec<_>>()
                .join(".");
            item_sections.push(String::new());
            p.items.push(ItemText {
                path,
                label: mark.to_owned(),
                text: rest.to_owned(),
                lines: vec![at],
            });
            continue;
        }
        match p.items.last_mut() {
            Some(item) => {
                // A line wrapped by a PDF goes on after an unfinished sentence: the same
                // paragraph. Otherwise a paragraph of its own, kept on a new line.
                let wrapped = goes_on(item.text.lines().last().unwrap_or(""), line);
                item.text.push(if wrapped { ' ' } else { '\n' });
                item.text.push_str(line);
                item.lines.push(at);
            }
            None => match p.paragraphs.last_mut() {
                // An opening broken into lines by a PDF is one paragraph (a header's
                // lines in capitals are not).
                Some(previous)
                    if goes_on(previous, line)
                        && numbered(previous).is_none()
                        && previous.chars().any(char::is_lowercase)
                        && at
                            .checked_sub(1)
                            .and_then(|b| lines.get(b))
                            .is_some_and(|l| !l.is_empty()) =>
                {
                    previous.push(' ');
                    previous.push_str(line);
                }
                _ => p.paragraphs.push(line.clone()),
            },
        }
    }
    // Items of more than one section are cited with their section: "II.3.", "III.1.".
    if sections.len() > 1 {
        for (item, section) in p.items.iter_mut().zip(&item_sections) {
            if !section.is_empty() {
                item.label = format!("{section}.{}", item.label);
            }
        }
    }
    p
}

/// The number of the last numbered item, which sub-items stand under.
fn top_item(items: &[ItemText]) -> Option<String> {
    items
        .last()
        .map(|i| i.path.split('.').next().unwrap_or("").to_owned())
}

#[cfg(test)]
#[path = "structure_tests.rs"]
mod tests;
