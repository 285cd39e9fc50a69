//! Pieces of text placed on pages made into the lines a notice pasted would have: pieces
//! on one baseline form a line, left to right; a gap as wide as a space is a space, a wide
//! one (the two cells of a header laid out as a table) a tab, as Word copies a table row;
//! a taller gap between lines is a blank line. A line wrapped by the layout (the next
//! line's first word would not have fitted at its end) goes on after a space, so that a
//! paragraph is one line, as in the Word file. Page numbers and the lines repeated at the
//! top or bottom of every page (running headers and footers) are left out.

use super::content::Piece;

/// A gap wider than this many font sizes separates two cells (a tab).
const CELL_GAP: f32 = 1.2;
/// A gap wider than this many font sizes is a space between words.
const WORD_GAP: f32 = 0.15;
/// Lines further apart than this many font sizes have a blank line between them.
const PARAGRAPH_GAP: f32 = 1.75;
/// Lines at the top and at the bottom of a page looked at for headers and footers.
const EDGE_LINES: usize = 2;

/// A line of a page: its text, its baseline and its font size.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Line {
    pub y: f32,
    /// Where the line starts and ends.
    pub x: f32,
    pub end: f32,
    pub size: f32,
    pub text: String,
}

/// The lines of one page, top to bottom.
pub(super) fn lines(mut pieces: Vec<Piece>) -> Vec<Line> {
    pieces.retain(|p| !p.text.is_empty() && p.size > 0.0);
    pieces.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut groups: Vec<Vec<Piece>> = Vec::new();
    for piece in pieces {
        match groups.last_mut() {
            Some(group) if (group[0].y - piece.y).abs() <= 0.5 * group[0].size.min(piece.size) => {
                group.push(piece)
            }
            _ => groups.push(vec![piece]),
        }
    }
    groups
        .into_iter()
        .filter_map(|mut group| {
            group.sort_by(|a, b| a.x.total_cmp(&b.x));
            let line = Line {
                y: group[0].y,
                x: group[0].x,
                end: group.iter().map(|p| p.end).fold(f32::MIN, f32::max),
                size: group.iter().map(|p| p.size).fold(0.0, f32::max),
                text: join(&group),
            };
            (!line.text.is_empty()).then_some(line)
        })
        .collect()
}

/// The pieces of a line, left to right, with the spaces and tabs their gaps make.
fn join(pieces: &[Piece]) -> String {
    let mut text = String::new();
    let mut last: Option<&Piece> = None;
    let mut end = f32::MIN;
    for piece in pieces {
        if let Some(prev) = last {
            let size = prev.size.max(piece.size);
            // Bold made by drawing the same text twice, slightly apart.
            if piece.text == prev.text && (piece.x - prev.x).abs() < 0.2 * size {
                continue;
            }
            let gap = piece.x - end;
            if gap > CELL_GAP * size {
                text.truncate(text.trim_end().len());
                text.push('\t');
            } else if gap > WORD_GAP * size
                && !text.ends_with(char::is_whitespace)
                && !piece.text.starts_with(char::is_whitespace)
            {
                text.push(' ');
            }
        }
        if text.ends_with('\t') {
            text.push_str(piece.text.trim_start());
        } else {
            text.push_str(&piece.text);
        }
        end = end.max(piece.end);
        last = Some(piece);
    }
    text.trim().to_owned()
}

/// Whether a line is a page number: "3", "- 3 -", "Trang 3", "3/12", "Page 3 of 12".
fn is_page_number(text: &str, pages: usize) -> bool {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '/' | '|'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
    if matches!(words.first(), Some(&"trang" | &"page")) {
        words.remove(0);
    }
    let number = |w: &str| w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
    let first_ok = words
        .first()
        .and_then(|w| w.parse::<usize>().ok())
        .is_some_and(|n| n <= pages + 2);
    match words[..] {
        [n] => number(n) && first_ok,
        [n, m] => number(n) && number(m) && first_ok,
        [n, "of" | "trên" | "tr", m] => number(n) && number(m) && first_ok,
        _ => false,
    }
}

/// A line's text without a page number at its end ("Thông báo số 245 - Trang 2" on page
/// 2): what a running header repeats.
fn without_page_number(text: &str, page: usize) -> &str {
    let trimmed = text.trim_end();
    let digits = trimmed.len() - trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && trimmed[trimmed.len() - digits..].parse::<usize>().ok() == Some(page) {
        trimmed[..trimmed.len() - digits].trim_end()
    } else {
        trimmed
    }
}

/// The pages' lines as one text: page numbers and running headers and footers left out.
pub(super) fn text(mut pages: Vec<Vec<Line>>) -> String {
    let count = pages.len();
    for page in &mut pages {
        for _ in 0..EDGE_LINES {
            if page.first().is_some_and(|l| is_page_number(&l.text, count)) {
                page.remove(0);
            }
            if page.last().is_some_and(|l| is_page_number(&l.text, count)) {
                page.pop();
            }
        }
    }
    if count >= 2 {
        let edges = |page: &Vec<Line>, i: usize| -> Vec<String> {
            let n = page.len();
            page.iter()
                .enumerate()
                .filter(|(k, _)| *k < EDGE_LINES || *k + EDGE_LINES >= n)
                .map(|(_, l)| without_page_number(&l.text, i + 1).to_owned())
                .collect()
        };
        let all: Vec<Vec<String>> = pages.iter().enumerate().map(|(i, p)| edges(p, i)).collect();
        let needed = 2.max(count - 1);
        for (i, page) in pages.iter_mut().enumerate() {
            let n = page.len();
            let mut k = 0;
            page.retain(|line| {
                let at_edge = k < EDGE_LINES || k + EDGE_LINES >= n;
                k += 1;
                if !at_edge {
                    return true;
                }
                let key = without_page_number(&line.text, i + 1);
                let on = all.iter().filter(|e| e.iter().any(|t| t == key)).count();
                on < needed
            });
        }
    }
    let right = pages
        .iter()
        .flatten()
        .map(|l| l.end)
        .fold(f32::MIN, f32::max);
    let mut out = String::new();
    let mut prev: Option<&Line> = None;
    for (i, page) in pages.iter().enumerate() {
        for (k, line) in page.iter().enumerate() {
            if let Some(p) = prev {
                let same_page = k > 0;
                let gap = p.y - line.y;
                let blank = same_page && gap > PARAGRAPH_GAP * p.size.max(line.size);
                let near = !same_page || (gap > 0.0 && !blank);
                if near && wrapped(p, line, right) {
                    out.push(' ');
                } else {
                    if blank {
                        out.push('\n');
                    }
                    out.push('\n');
                }
            } else if i > 0 {
                out.push('\n');
            }
            out.push_str(&line.text);
            prev = Some(line);
        }
    }
    if prev.is_some() {
        out.push('\n');
    }
    out
}

/// Whether `next` goes on the paragraph of `line`: its first word would not have fitted at
/// the end of `line` before the right margin `right`, and it does not start an item.
fn wrapped(line: &Line, next: &Line, right: f32) -> bool {
    if line.text.contains('\t') || next.text.contains('\t') || (line.size - next.size).abs() > 0.5 {
        return false;
    }
    let first = next.text.split(' ').next().unwrap_or("");
    let chars = next.text.chars().count().max(1) as f32;
    let word = (next.end - next.x) / chars * first.chars().count() as f32;
    let fits = line.end + 0.3 * line.size + word <= right;
    !fits && !starts_item(&next.text)
}

/// Whether a line starts an item or a sub-item: "3.", "12)", "a)", "II.", "-", "+", "•".
fn starts_item(text: &str) -> bool {
    let first = text.split(' ').next().unwrap_or("");
    if first.starts_with(['-', '+', '•', '*', '–', '\u{f0b7}']) {
        return true;
    }
    let Some(label) = first.strip_suffix(['.', ')']) else {
        return false;
    };
    let label = label.split('.').next().unwrap_or("");
    (!label.is_empty() && label.len() <= 2 && label.chars().all(|c| c.is_ascii_digit()))
        || (label.chars().count() == 1 && label.chars().all(char::is_lowercase))
        || (!label.is_empty() && label.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
