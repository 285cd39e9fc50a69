//! PDF objects (ISO 32000-1, 7.2–7.3) read from bytes: numbers, strings, names, arrays,
//! dictionaries and references. Nesting is bounded so that a crafted file cannot exhaust
//! the stack.

use std::ops::Range;

/// How deep arrays and dictionaries may nest (real files use a handful of levels).
const MAX_DEPTH: usize = 32;

/// An object of the file or of a content stream.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Obj {
    Null,
    Bool(bool),
    Num(f64),
    Str(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Dict),
    Ref(u32),
    /// A stream: its dictionary and where its raw bytes lie in the file.
    Stream(Dict, Range<usize>),
}

/// A dictionary, its keys in the file's order (few keys: a list is faster than a map).
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Dict(pub Vec<(Vec<u8>, Obj)>);

impl Dict {
    pub fn get(&self, key: &[u8]) -> &Obj {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map_or(&Obj::Null, |(_, v)| v)
    }
}

impl Obj {
    pub fn num(&self) -> Option<f64> {
        match self {
            Obj::Num(n) => Some(*n),
            _ => None,
        }
    }

    /// A non-negative whole number that fits a `usize` of any target.
    pub fn index(&self) -> Option<usize> {
        self.num()
            .filter(|n| *n >= 0.0 && *n <= f64::from(u32::MAX) && n.fract() == 0.0)
            .map(|n| n as usize)
    }

    pub fn name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }

    pub fn dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, _) => Some(d),
            _ => None,
        }
    }

    pub fn array(&self) -> &[Obj] {
        match self {
            Obj::Array(a) => a,
            _ => &[],
        }
    }
}

/// Something that is not a PDF object where one was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Bad;

/// A token of the PDF syntax.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok<'a> {
    Num(f64),
    Str(Vec<u8>),
    Name(Vec<u8>),
    Open,
    Close,
    DictOpen,
    DictClose,
    /// A keyword or an operator: `obj`, `R`, `Tj`, `true`, ...
    Word(&'a [u8]),
}

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Reads tokens and objects from `data`, starting at `pos`.
pub(super) struct Lexer<'a> {
    pub data: &'a [u8],
    pub pos: usize,
    /// Whether "1 0 R" is a reference (not in content streams, which have none).
    pub refs: bool,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8], pos: usize) -> Self {
        Lexer {
            data,
            pos,
            refs: true,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// Skips white space and comments.
    pub fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if is_space(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.peek().is_some_and(|b| b != b'\n' && b != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next token, or `None` at the end of the data.
    pub fn token(&mut self) -> Option<Tok<'a>> {
        self.skip_space();
        let b = self.peek()?;
        self.pos += 1;
        Some(match b {
            b'[' => Tok::Open,
            b']' => Tok::Close,
            b'<' if self.peek() == Some(b'<') => {
                self.pos += 1;
                Tok::DictOpen
            }
            b'>' if self.peek() == Some(b'>') => {
                self.pos += 1;
                Tok::DictClose
            }
            b'<' => Tok::Str(self.hex_string()),
            b'(' => Tok::Str(self.literal_string()),
            b'/' => Tok::Name(self.name()),
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let start = self.pos - 1;
                while self
                    .peek()
                    .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'))
                {
                    self.pos += 1;
                }
                Tok::Num(number(&self.data[start..self.pos]))
            }
            _ => {
                let start = self.pos - 1;
                while self
                    .peek()
                    .is_some_and(|b| !is_space(b) && !is_delimiter(b))
                {
                    self.pos += 1;
                }
                // A stray delimiter (")", ">", "{") is a word of its own.
                if self.pos == start {
                    self.pos += 1;
                }
                Tok::Word(&self.data[start..self.pos])
            }
        })
    }

    fn hex_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(d) = hex(b) {
                match high.take() {
                    Some(h) => out.push(h << 4 | d),
                    None => high = Some(d),
                }
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    fn literal_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' if depth == 0 => break,
                b')' => {
                    depth -= 1;
                    out.push(b);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(b) = self.peek().filter(|b| !is_space(*b) && !is_delimiter(*b)) {
            self.pos += 1;
            let escaped = (b == b'#')
                .then(|| {
                    let h = hex(*self.data.get(self.pos)?)?;
                    let l = hex(*self.data.get(self.pos + 1)?)?;
                    Some(h << 4 | l)
                })
                .flatten();
            match escaped {
                Some(v) => {
                    out.push(v);
                    self.pos += 2;
                }
                None => out.push(b),
            }
        }
        out
    }

    /// The object starting at the next token. `R` after two whole numbers makes a reference.
    pub fn object(&mut self, depth: usize) -> Result<Obj, Bad> {
        let tok = self.token().ok_or(Bad)?;
        self.object_from(tok, depth)
    }

    pub fn object_from(&mut self, tok: Tok<'a>, depth: usize) -> Result<Obj, Bad> {
        if depth > MAX_DEPTH {
            return Err(Bad);
        }
        Ok(match tok {
            Tok::Num(n) if !self.refs => Obj::Num(n),
            Tok::Num(n) => {
                // "12 0 R": look ahead, and step back when it is not a reference.
                let back = self.pos;
                if let (Some(Tok::Num(g)), Some(Tok::Word(b"R"))) = (self.token(), self.token()) {
                    let whole = |v: f64| v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX);
                    if whole(n) && whole(g) {
                        return Ok(Obj::Ref(n as u32));
                    }
                }
                self.pos = back;
                Obj::Num(n)
            }
            Tok::Str(s) => Obj::Str(s),
            Tok::Name(n) => Obj::Name(n),
            Tok::Open => {
                let mut items = Vec::new();
                loop {
                    match self.token().ok_or(Bad)? {
                        Tok::Close => break,
                        t => items.push(self.object_from(t, depth + 1)?),
                    }
                }
                Obj::Array(items)
            }
            Tok::DictOpen => {
                let mut entries = Vec::new();
                loop {
                    match self.token().ok_or(Bad)? {
                        Tok::DictClose => break,
                        Tok::Name(key) => {
                            let value = self.object(depth + 1)?;
                            entries.push((key, value));
                        }
                        _ => return Err(Bad),
                    }
                }
                Obj::Dict(Dict(entries))
            }
            Tok::Word(b"true") => Obj::Bool(true),
            Tok::Word(b"false") => Obj::Bool(false),
            Tok::Word(b"null") => Obj::Null,
            Tok::Close | Tok::DictClose | Tok::Word(_) => return Err(Bad),
        })
    }
}

/// A number as PDF writes it ("-.5", "3", "12.25"); writers' slips such as "--5" or
/// "1.2.3" read as what they start with.
fn number(text: &[u8]) -> f64 {
    let mut rest = text;
    let mut sign = 1.0;
    while let Some((&b, tail)) = rest.split_first().filter(|(b, _)| matches!(b, b'-' | b'+')) {
        if b == b'-' {
            sign = -sign;
        }
        rest = tail;
    }
    let mut value = 0.0f64;
    let mut scale = 0.0f64;
    for &b in rest {
        match b {
            b'0'..=b'9' if scale == 0.0 => value = value * 10.0 + f64::from(b - b'0'),
            b'0'..=b'9' => {
                value += f64::from(b - b'0') * scale;
                scale /= 10.0;
            }
            b'.' if scale == 0.0 => scale = 0.1,
            _ => break,
        }
    }
    sign * value
}
