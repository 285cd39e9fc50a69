//! The words of a deadline as tokens (numbers with how many digits were typed, words,
//! separators, stops), and the small shapes read from them: a year however typed, a Roman
//! quarter, "no deadline", work that recurs.

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    /// A run of digits: its value (saturated) and how many digits were typed.
    Num(u32, usize),
    Word(String),
    /// "/", "-" or "." between parts of a date.
    Sep,
    /// Anything else that ends a phrase (",", ";", "(", ":").
    Stop,
}

pub(super) fn tokenize(folded: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = folded.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let (mut value, mut len) = (0u32, 0usize);
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                value = value.saturating_mul(10).saturating_add(d);
                len += 1;
                chars.next();
            }
            out.push(Tok::Num(value, len));
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_alphabetic()) {
                word.push(c);
                chars.next();
            }
            out.push(Tok::Word(word));
        } else {
            chars.next();
            match c {
                '/' | '-' | '.' | '–' => out.push(Tok::Sep),
                // Emphasis marks and quotes from pasted documents, and spaces.
                '*' | '_' | '"' | '\'' | '“' | '”' | '‘' | '’' | '`' => {}
                c if c.is_whitespace() => {}
                _ => out.push(Tok::Stop),
            }
        }
    }
    // A trailing full stop ends the sentence, not a date.
    while out.last() == Some(&Tok::Sep) {
        out.pop();
    }
    out
}

pub(super) fn word(t: Option<&Tok>) -> Option<&str> {
    match t {
        Some(Tok::Word(w)) => Some(w),
        _ => None,
    }
}

pub(super) fn is_no_deadline(tokens: &[Tok]) -> bool {
    matches!(tokens, [Tok::Stop] | [Tok::Sep])
        || matches!(word(tokens.first()), Some("khong") if tokens.len() <= 3)
}

/// "thường xuyên", "kịp thời", "định kỳ", "hằng tháng", "liên tục": work that recurs or
/// never ends, so it is never overdue.
pub(super) fn is_continuous(tokens: &[Tok]) -> bool {
    tokens.windows(2).any(|w| {
        matches!(
            (word(w.first()), word(w.get(1))),
            (Some("thuong"), Some("xuyen"))
                | (Some("kip"), Some("thoi"))
                | (Some("dinh"), Some("ky"))
                | (Some("lien"), Some("tuc"))
                | (
                    Some("hang" | "hng"),
                    Some("tuan" | "thang" | "quy" | "nam" | "ngay")
                )
        )
    }) || tokens
        .iter()
        .any(|t| matches!(word(Some(t)), Some("ongoing" | "regularly" | "continuous")))
}

/// A year as typed: four digits, two digits (20xx), or four digits split by a stray space
/// ("202 6").
pub(super) fn year_at(t: &[Tok], i: usize) -> Option<(i32, usize)> {
    match (t.get(i), t.get(i + 1)) {
        (Some(Tok::Num(a, la)), Some(Tok::Num(b, lb))) if *la < 4 && la + lb == 4 => {
            Some(((*a * 10u32.pow(*lb as u32) + *b) as i32, i + 2))
        }
        (Some(Tok::Num(y, 4)), _) => Some((*y as i32, i + 1)),
        (Some(Tok::Num(y, 2)), _) => Some((2000 + *y as i32, i + 1)),
        _ => None,
    }
}

/// A year after a month or quarter: "/2025", "-2025", "năm 2025".
pub(super) fn year_after(t: &[Tok], i: usize) -> Option<(i32, usize)> {
    match (t.get(i), word(t.get(i))) {
        (Some(Tok::Sep), _) => year_at(t, i + 1),
        (_, Some("nam")) => year_at(t, i + 1),
        _ => None,
    }
}

pub(super) fn roman(w: &str) -> Option<u32> {
    Some(match w {
        "i" => 1,
        "ii" => 2,
        "iii" => 3,
        "iv" => 4,
        "v" => 5,
        _ => return None,
    })
}
