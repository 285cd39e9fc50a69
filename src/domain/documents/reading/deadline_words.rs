//! The deadline an item sets, found in its words: the phrase from a deadline's marker to the
//! end of its clause, read by the deadline parser. A date that belongs to a document the item
//! cites ("Kết luận số 16-KL/BCĐ ngày 20/3/2026") is no deadline; a concrete deadline wins
//! over a frequency word said earlier ("thường xuyên phối hợp …, phấn đấu bàn giao vào cuối
//! tháng 5 năm 2025"): the deadline is what the item finally asks for.

use chrono::NaiveDate;

use crate::domain::followup::deadline::{parse_deadline, Deadline};
use crate::domain::text::fold;

/// Words that open a deadline's phrase, folded. "trước ", "tháng " and "từ ngày" count only
/// before a number ("trước 30/9/2026", "tháng 10 năm 2026 phải hoàn thành").
const MARKERS: [&str; 14] = [
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
    "truoc ",
    "thang ",
];

/// Markers of a day: they win over a period named earlier in the item ("Quý II/2027 báo
/// cáo trước ngày 05/7/2027").
fn strong(marker: &str) -> bool {
    matches!(
        marker,
        "truoc ngay" | "cham nhat" | "trong ngay" | "trong vong" | "truoc "
    )
}

/// Where `marker` first stands in `folded` as words of their own ("quy " only before a
/// quarter's number: "quy định" is no quarter; "truoc ", "thang ", "tu ngay" only before a
/// number).
fn marker_at(folded: &str, marker: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = folded[from..].find(marker) {
        let at = from + found;
        let starts_word = folded[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = folded[at + marker.len()..].trim_start();
        let fits = match marker {
            "quy " => after.starts_with(|c: char| c.is_ascii_digit() || matches!(c, 'i' | 'v')),
            // "kể từ ngày nhận đủ hồ sơ" names no day.
            "truoc " | "thang " | "tu ngay" => after.starts_with(|c: char| c.is_ascii_digit()),
            _ => true,
        };
        // "ngày 15 tháng 11 năm 2026" is a day, not the month "tháng 11".
        let a_days_month = marker == "thang "
            && folded[..at]
                .trim_end()
                .rsplit(' ')
                .next()
                .is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()));
        if starts_word && fits && !a_days_month {
            return Some(at);
        }
        from = at + marker.len();
    }
    None
}

/// `text` with the dates of the documents it cites blanked out, character for character:
/// "… Kết luận số 45-KL/TU ngày 03/6/2022 …", "Quyết định số 845/QĐ-UBND ngày 02 tháng 4
/// năm 2025" keep their number, lose their date.
pub fn without_cited_dates(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = fold(text).chars().collect();
    if folded.len() != chars.len() {
        return text.to_owned();
    }
    let folded: String = folded.into_iter().collect();
    let words: Vec<(usize, &str)> = word_spans(&folded);
    let mut out = chars.clone();
    for (k, (_, word)) in words.iter().enumerate() {
        let symbol = words
            .get(k + 1)
            .is_some_and(|(_, w)| w.chars().any(|c| c.is_ascii_digit()) && w.contains(['/', '-']));
        if *word != "so" || !symbol || words.get(k + 2).map(|(_, w)| *w) != Some("ngay") {
            continue;
        }
        // The date: "03/6/2022" or "02 tháng 4 năm 2025".
        let date_words = match words.get(k + 3) {
            Some((_, w)) if w.contains('/') => 1,
            Some(_) if words.get(k + 4).map(|(_, w)| *w) == Some("thang") => 5,
            _ => 0,
        };
        let Some(last) = words.get(k + 2 + date_words) else {
            continue;
        };
        let start = words[k + 2].0;
        let end = last.0 + last.1.chars().count();
        for c in out.iter_mut().take(end).skip(start) {
            if !c.is_whitespace() {
                *c = '_';
            }
        }
    }
    out.into_iter().collect()
}

/// The words of `folded` with the index of their first character, punctuation around them
/// dropped ("ngay 03/6/2022," gives "ngay" and "03/6/2022").
fn word_spans(folded: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut char_at = 0;
    for piece in folded.split(' ') {
        let trimmed = piece.trim_start_matches(['(', '"']);
        let lead = piece.chars().count() - trimmed.chars().count();
        let word = trimmed.trim_end_matches([',', ';', '.', ')', ':', '"']);
        out.push((char_at + lead, word));
        char_at += piece.chars().count() + 1;
    }
    out
}

/// The words of a deadline inside an item: the phrase from the deadline's marker to the end
/// of its clause ("trước ngày 30/4/2027" of "…trước ngày 30/4/2027, phục vụ …"), or only
/// "thường xuyên" when the item names no other deadline; empty when there is no marker.
pub fn deadline_words(text: &str) -> String {
    let masked = without_cited_dates(text);
    let folded = fold(&masked);
    let chars: Vec<char> = text.chars().collect();
    if folded.chars().count() != chars.len() {
        return String::new();
    }
    let found = |keep: &dyn Fn(&str) -> bool| {
        MARKERS
            .iter()
            .filter(|m| keep(m))
            .filter_map(|m| marker_at(&folded, m).map(|at| (at, *m)))
            .min()
    };
    let Some((byte, marker)) = found(&|m| strong(m))
        .or_else(|| found(&|m| m != "thuong xuyen"))
        .or_else(|| found(&|_| true))
    else {
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
    // The phrase ends with its clause: a line, a semicolon, a parenthesis, a comma or a full
    // stop ("(xong trước 30/9/2026)." ends at its parenthesis).
    let mut end = from.len();
    for (i, c) in from.char_indices() {
        let next = from[i + c.len_utf8()..].chars().next();
        let ends = match c {
            '\n' | ';' | '(' | ')' => true,
            ',' | '.' | ':' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if ends {
            end = i;
            break;
        }
    }
    // "tháng 10 năm 2026 phải hoàn thành": the month ends the phrase.
    let mut phrase = from[..end].trim().to_owned();
    if marker == "thang " {
        let taken: Vec<&str> = phrase.split(' ').collect();
        let n = if taken.get(2).is_some_and(|w| fold(w) == "nam") {
            4
        } else {
            2
        };
        phrase = taken[..n.min(taken.len())].join(" ");
    }
    format!("{number}{phrase}")
}

/// The deadline of an item: its phrase's own date first; else a day the whole item names
/// ("ngày 15/5/2027", not the date of a document it cites), not a bare year ("ngân sách năm
/// 2027" is no deadline).
pub fn item_deadline(text: &str, issued: Option<NaiveDate>) -> (String, Deadline) {
    let words = deadline_words(text);
    let deadline = parse_deadline(&words, issued)
        .ok()
        .filter(|d| *d != Deadline::None {})
        .or_else(|| {
            parse_deadline(&without_cited_dates(text), issued)
                .ok()
                .filter(|d| matches!(d, Deadline::Before { .. } | Deadline::On { .. }))
        })
        .unwrap_or(Deadline::None {});
    (words, deadline)
}

/// Whether deadline words carry their own year ("trước ngày 12/10/2026", "Quý I/2027").
pub fn has_year(words: &str) -> bool {
    words
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4)
}

#[cfg(test)]
#[path = "deadline_words_tests.rs"]
mod tests;
