//! A text file's bytes as text, in the encodings an office PC writes: UTF-8 with or without
//! its byte-order mark, UTF-16 little- or big-endian (Notepad's "Unicode"); and Vietnamese
//! letters typed or drawn as a base letter and combining marks composed into one character
//! each (as NFC would, for the letters of Vietnamese), so that the reader and the search see
//! the same letters whatever the text came through.

/// Why a file's bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeProblem {
    /// Neither UTF-8 nor UTF-16 (a file saved as "ANSI", or not a text file): the first
    /// line that cannot be read.
    NotUnicode { line: usize },
}

/// The text of a file's `bytes`: UTF-8 (a byte-order mark dropped), or UTF-16 with its
/// byte-order mark, or without one when the text starts with an ASCII character (a text
/// never starts with a NUL byte).
pub fn decode_text(bytes: &[u8]) -> Result<String, DecodeProblem> {
    let utf16 = match bytes {
        [0xff, 0xfe, rest @ ..] => Some((rest, false)),
        [0xfe, 0xff, rest @ ..] => Some((rest, true)),
        [a, 0, ..] if *a != 0 && a.is_ascii() => Some((bytes, false)),
        [0, b, ..] if *b != 0 && b.is_ascii() => Some((bytes, true)),
        _ => None,
    };
    if let Some((rest, big)) = utf16 {
        return from_utf16(rest, big);
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => Err(DecodeProblem::NotUnicode {
            line: line_at(&bytes[..e.valid_up_to()]),
        }),
    }
}

/// The line (from 1) that the end of `before` is on.
fn line_at(before: &[u8]) -> usize {
    before.iter().filter(|b| **b == b'\n').count() + 1
}

fn from_utf16(bytes: &[u8], big_endian: bool) -> Result<String, DecodeProblem> {
    let units = bytes.chunks(2).map(|p| match (p, big_endian) {
        ([a, b], true) => Ok(u16::from_be_bytes([*a, *b])),
        ([a, b], false) => Ok(u16::from_le_bytes([*a, *b])),
        _ => Err(()),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut line = 1;
    let mut pending: Option<u16> = None;
    for unit in units {
        let Ok(unit) = unit else {
            return Err(DecodeProblem::NotUnicode { line });
        };
        let c = match (pending.take(), unit) {
            (None, 0xd800..=0xdbff) => {
                pending = Some(unit);
                continue;
            }
            (Some(high), 0xdc00..=0xdfff) => char::from_u32(
                0x10000 + ((u32::from(high) - 0xd800) << 10) + (u32::from(unit) - 0xdc00),
            ),
            (None, u) => char::from_u32(u32::from(u)),
            (Some(_), _) => None,
        };
        let Some(c) = c else {
            return Err(DecodeProblem::NotUnicode { line });
        };
        if c == '\n' {
            line += 1;
        }
        text.push(c);
    }
    if pending.is_some() {
        return Err(DecodeProblem::NotUnicode { line });
    }
    Ok(text)
}

/// The vowels that take a tone mark, and each with its five tones (grave, acute, hook
/// above, tilde, dot below).
const VOWELS: &str = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
const TONED: [&str; 24] = [
    "àáảãạ",
    "ằắẳẵặ",
    "ầấẩẫậ",
    "èéẻẽẹ",
    "ềếểễệ",
    "ìíỉĩị",
    "òóỏõọ",
    "ồốổỗộ",
    "ờớởỡợ",
    "ùúủũụ",
    "ừứửữự",
    "ỳýỷỹỵ",
    "ÀÁẢÃẠ",
    "ẰẮẲẴẶ",
    "ẦẤẨẪẬ",
    "ÈÉẺẼẸ",
    "ỀẾỂỄỆ",
    "ÌÍỈĨỊ",
    "ÒÓỎÕỌ",
    "ỒỐỔỖỘ",
    "ỜỚỞỠỢ",
    "ÙÚỦŨỤ",
    "ỪỨỬỮỰ",
    "ỲÝỶỸỴ",
];
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// A letter with a circumflex, a breve or a horn added.
fn modified(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('a', '\u{302}') => 'â',
        ('a', '\u{306}') => 'ă',
        ('e', '\u{302}') => 'ê',
        ('o', '\u{302}') => 'ô',
        ('o', '\u{31b}') => 'ơ',
        ('u', '\u{31b}') => 'ư',
        ('A', '\u{302}') => 'Â',
        ('A', '\u{306}') => 'Ă',
        ('E', '\u{302}') => 'Ê',
        ('O', '\u{302}') => 'Ô',
        ('O', '\u{31b}') => 'Ơ',
        ('U', '\u{31b}') => 'Ư',
        ('d', '\u{335}') => 'đ',
        ('D', '\u{335}') => 'Đ',
        _ => return None,
    })
}

/// `text` with each Vietnamese letter written as a base letter and combining marks (in any
/// order) made one character; other marks are kept as they are.
pub fn compose(text: &str) -> String {
    if !text.chars().any(is_mark) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let mut base = c;
        let mut tone = None;
        let mut others = Vec::new();
        while let Some(&m) = chars.peek().filter(|m| is_mark(**m)) {
            chars.next();
            if let Some(b) = modified(base, m) {
                base = b;
            } else if let Some(t) = TONES
                .iter()
                .position(|t| *t == m)
                .filter(|_| tone.is_none())
            {
                tone = Some(t);
            } else {
                others.push(m);
            }
        }
        if let Some(t) = tone {
            match VOWELS.chars().position(|v| v == base) {
                Some(v) => base = TONED[v].chars().nth(t).unwrap_or(base),
                None => others.insert(0, TONES[t]),
            }
        }
        out.push(base);
        out.extend(others);
    }
    out
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
