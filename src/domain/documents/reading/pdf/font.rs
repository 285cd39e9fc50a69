//! A font as the text layer needs it: what each character code stands for (the font's
//! `ToUnicode` map, ISO 32000-1 9.10.3, or its encoding) and how wide its glyph is, to know
//! where the next one starts.

use rustc_hash::FxHashMap;

use super::file::File;
use super::object::{Dict, Lexer, Obj, Tok};

/// What a font's character codes mean and measure.
#[derive(Debug, Default)]
pub(super) struct Font {
    /// Codes of two bytes (composite fonts, `Type0`) rather than one.
    pub two_bytes: bool,
    /// Code → text, from `bfchar` entries and the arrays of `bfrange` ones.
    chars: FxHashMap<u32, Box<str>>,
    /// `bfrange` entries `lo hi <start>`: code `lo + i` stands for `start` with its last
    /// UTF-16 unit increased by `i`.
    ranges: Vec<(u32, u32, Vec<u16>)>,
    /// A simple font without a map: its codes read through this table (Windows-1252, with
    /// the font's `Differences`).
    encoding: Option<Vec<char>>,
    /// Widths of simple fonts, from `FirstChar`.
    widths: Vec<f32>,
    first_char: u32,
    /// Widths of composite fonts (`W`): single codes, and ranges of one width.
    cid_widths: FxHashMap<u32, f32>,
    cid_ranges: Vec<(u32, u32, f32)>,
    default_width: f32,
    /// Glyph space to text space (1/1000, or a Type 3 font's matrix).
    pub scale: f32,
}

/// Windows-1252 from 0x80 to 0x9f (the rest of the byte range is Latin-1).
const CP1252_HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";

fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9f => CP1252_HIGH
            .chars()
            .nth(usize::from(b - 0x80))
            .unwrap_or(' '),
        b => char::from(b),
    }
}

/// A glyph name of a `Differences` array as text: `uni1EA1`, `u1EA1`, a letter or a
/// digit's name, the few punctuation names of Latin text.
fn glyph_name(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let hex = name
        .strip_prefix("uni")
        .or_else(|| name.strip_prefix('u'))
        .filter(|h| (4..=6).contains(&h.len()));
    if let Some(c) = hex
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .and_then(char::from_u32)
    {
        return Some(c);
    }
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(c);
    }
    const DIGITS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    if let Some(d) = DIGITS.iter().position(|d| *d == name) {
        return char::from_digit(d as u32, 10);
    }
    Some(match name {
        "space" | "nbspace" => ' ',
        "period" => '.',
        "comma" => ',',
        "colon" => ':',
        "semicolon" => ';',
        "hyphen" | "minus" => '-',
        "endash" => '–',
        "emdash" => '—',
        "slash" => '/',
        "parenleft" => '(',
        "parenright" => ')',
        "quotesingle" | "quoteright" => '’',
        "quotedblleft" => '“',
        "quotedblright" => '”',
        "percent" => '%',
        "bullet" => '•',
        _ => return None,
    })
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| u16::from_be_bytes([p[0], p.get(1).copied().unwrap_or(0)]))
        .collect()
}

fn code(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0, |v, b| v << 8 | u32::from(*b))
}

impl Font {
    pub fn load(file: &File, dict: &Dict) -> Font {
        let subtype = file.key(dict, b"Subtype");
        let mut font = Font {
            scale: 0.001,
            default_width: 0.0,
            ..Font::default()
        };
        if subtype.name() == Some(b"Type0") {
            font.two_bytes = match file.key(dict, b"Encoding") {
                Obj::Stream(d, range) => file
                    .stream_data(&d, range)
                    .ok()
                    .and_then(|cmap| codespace_bytes(&cmap))
                    .is_none_or(|n| n >= 2),
                _ => true,
            };
            let descendant = file.resolve(
                file.key(dict, b"DescendantFonts")
                    .array()
                    .first()
                    .unwrap_or(&Obj::Null),
            );
            if let Some(d) = descendant.dict() {
                font.default_width = file.key(d, b"DW").num().unwrap_or(1000.0) as f32;
                font.cid_widths_from(file, &file.key(d, b"W"));
            }
        } else {
            font.first_char = file.key(dict, b"FirstChar").index().unwrap_or(0) as u32;
            font.widths = file
                .key(dict, b"Widths")
                .array()
                .iter()
                .map(|w| file.resolve(w).num().unwrap_or(0.0) as f32)
                .collect();
            let descriptor = file.key(dict, b"FontDescriptor");
            font.default_width = descriptor
                .dict()
                .and_then(|d| file.key(d, b"MissingWidth").num())
                .map_or(if font.widths.is_empty() { 500.0 } else { 0.0 }, |w| {
                    w as f32
                });
            if subtype.name() == Some(b"Type3") {
                let matrix = file.key(dict, b"FontMatrix");
                font.scale = matrix.array().first().and_then(Obj::num).unwrap_or(0.001) as f32;
            }
            font.encoding = Some(simple_encoding(file, &file.key(dict, b"Encoding")));
        }
        if let Obj::Stream(d, range) = file.key(dict, b"ToUnicode") {
            if let Ok(cmap) = file.stream_data(&d, range) {
                font.read_cmap(&cmap);
            }
        }
        font
    }

    fn cid_widths_from(&mut self, file: &File, w: &Obj) {
        let items: Vec<Obj> = w.array().iter().map(|o| file.resolve(o)).collect();
        let mut i = 0;
        while i + 1 < items.len() {
            let Some(first) = items[i].index() else {
                break;
            };
            match &items[i + 1] {
                Obj::Array(ws) => {
                    for (k, width) in ws.iter().enumerate() {
                        let width = width.num().unwrap_or(0.0) as f32;
                        self.cid_widths
                            .insert((first as u32).saturating_add(k as u32), width);
                    }
                    i += 2;
                }
                last => {
                    let width = items.get(i + 2).and_then(Obj::num).unwrap_or(0.0) as f32;
                    if let Some(last) = last.index() {
                        self.cid_ranges.push((first as u32, last as u32, width));
                    }
                    i += 3;
                }
            }
        }
    }

    /// Reads a `ToUnicode` CMap's `bfchar` and `bfrange` entries.
    fn read_cmap(&mut self, cmap: &[u8]) {
        let mut lexer = Lexer::new(cmap, 0);
        let mut section: &[u8] = b"";
        let mut operands: Vec<Obj> = Vec::new();
        while let Some(tok) = lexer.token() {
            match tok {
                Tok::Word(w) if w.starts_with(b"begin") => {
                    section = w;
                    operands.clear();
                }
                Tok::Word(_) => operands.clear(),
                tok => {
                    let Ok(obj) = lexer.object_from(tok, 0) else {
                        continue;
                    };
                    operands.push(obj);
                    self.entry(section, &mut operands);
                }
            }
        }
    }

    /// Takes the entry the operands make once they are complete.
    fn entry(&mut self, section: &[u8], operands: &mut Vec<Obj>) {
        let needed = match section {
            b"beginbfchar" => 2,
            b"beginbfrange" => 3,
            _ => {
                operands.clear();
                return;
            }
        };
        if operands.len() < needed {
            return;
        }
        match &operands[..] {
            [Obj::Str(src), dst] => {
                let text = match dst {
                    Obj::Str(d) => String::from_utf16_lossy(&utf16(d)),
                    Obj::Name(n) => glyph_name(n).map(String::from).unwrap_or_default(),
                    _ => String::new(),
                };
                self.chars.insert(code(src), text.into());
            }
            [Obj::Str(lo), Obj::Str(hi), Obj::Str(d)] if code(hi) >= code(lo) => {
                self.ranges.push((code(lo), code(hi), utf16(d)));
            }
            [Obj::Str(lo), Obj::Str(hi), Obj::Array(items)] => {
                let (lo, hi) = (code(lo), code(hi));
                let count = (hi.saturating_sub(lo) as usize).saturating_add(1);
                for (i, item) in items.iter().enumerate().take(count) {
                    if let Obj::Str(d) = item {
                        let text = String::from_utf16_lossy(&utf16(d));
                        self.chars.insert(lo + i as u32, text.into());
                    }
                }
            }
            _ => {}
        }
        operands.clear();
    }

    /// What the code stands for, appended to `out`.
    pub fn text(&self, code: u32, out: &mut String) {
        if let Some(t) = self.chars.get(&code) {
            out.push_str(t);
            return;
        }
        if let Some((lo, _, start)) = self
            .ranges
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
        {
            let mut units = start.clone();
            if let Some(last) = units.last_mut() {
                *last = last.wrapping_add((code - lo) as u16);
            }
            out.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')));
            return;
        }
        if let Some(table) = &self.encoding {
            if let Some(c) = table.get(code as usize) {
                out.push(*c);
            }
        }
    }

    /// The glyph's width in glyph space (thousandths of the font size).
    pub fn width(&self, code: u32) -> f32 {
        if self.two_bytes {
            if let Some(w) = self.cid_widths.get(&code) {
                return *w;
            }
            return self
                .cid_ranges
                .iter()
                .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
                .map_or(self.default_width, |r| r.2);
        }
        code.checked_sub(self.first_char)
            .and_then(|i| self.widths.get(i as usize))
            .copied()
            .unwrap_or(self.default_width)
    }
}

/// The byte length of the codes of an embedded encoding CMap (its first `codespacerange`).
fn codespace_bytes(cmap: &[u8]) -> Option<usize> {
    let mut lexer = Lexer::new(cmap, 0);
    while let Some(tok) = lexer.token() {
        if tok == Tok::Word(b"begincodespacerange") {
            if let Some(Tok::Str(lo)) = lexer.token() {
                return Some(lo.len());
            }
        }
    }
    None
}

/// A simple font's code → character table: Windows-1252 (as WinAnsiEncoding, and close
/// enough for the standard encoding's letters), with the font's `Differences`.
fn simple_encoding(file: &File, encoding: &Obj) -> Vec<char> {
    let mut table: Vec<char> = (0..=255u8).map(cp1252).collect();
    if let Some(d) = encoding.dict() {
        let mut at = 0usize;
        for item in file.key(d, b"Differences").array() {
            match item {
                Obj::Num(_) => at = item.index().unwrap_or(256),
                Obj::Name(n) => {
                    if let (Some(slot), Some(c)) = (table.get_mut(at), glyph_name(n)) {
                        *slot = c;
                    }
                    at = at.saturating_add(1);
                }
                _ => {}
            }
        }
    }
    table
}
