//! A page's content streams played for their text (ISO 32000-1, 9.3–9.4): where each
//! glyph is drawn, through the text and transformation matrices, and what it stands for.
//! Glyphs drawn one after the other on a baseline are gathered into pieces; where pieces
//! stand decides lines, spaces and order later (`layout`), not the order of drawing.

use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::file::File;
use super::font::Font;
use super::object::{is_space, Dict, Lexer, Obj, Tok};
use super::PdfProblem;

/// Form XObjects drawn inside one another at most this deep.
const MAX_FORM_DEPTH: usize = 8;
/// Saved graphics states (`q`) kept at most.
const MAX_SAVED: usize = 64;
/// Content bytes played for the whole file at most (a form drawn many times counts each
/// time).
const MAX_PLAYED: usize = 128 * 1024 * 1024;

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b`.
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// Text drawn in one go on a baseline: from `x` to `end`, at height `y`, in user space.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Piece {
    pub x: f32,
    pub end: f32,
    pub y: f32,
    /// The font's size on the page.
    pub size: f32,
    pub text: String,
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

/// Plays content streams, gathering the pieces of text of one page.
pub(super) struct Player<'f, 'a> {
    file: &'f File<'a>,
    /// Fonts loaded, by object number (shared by the pages).
    fonts: &'f mut FxHashMap<u32, Rc<Font>>,
    played: &'f mut usize,
    pub pieces: Vec<Piece>,
    state: State,
    saved: Vec<State>,
    /// `q` past `MAX_SAVED`, counted so that their `Q` restore nothing.
    unsaved: usize,
    tm: Matrix,
    tlm: Matrix,
    /// Marked content open: the text it stands for (`ActualText`) and whether a glyph
    /// already gave it.
    marked: Vec<Option<(String, bool)>>,
    /// The text of the glyph being drawn (kept to save an allocation a glyph).
    glyph: String,
}

/// A text string of the file (UTF-16 with its mark, or PDFDocEncoding, close to Latin-1).
pub(super) fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xfe, 0xff]) {
        Some(rest) => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

/// A glyph's text as the notice needs it: ligatures as their letters, no control
/// characters, non-breaking spaces as spaces.
fn push_clean(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            '\u{a0}' | '\t' => out.push(' '),
            '\u{ad}' | '\u{feff}' | '\u{200b}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

impl<'f, 'a> Player<'f, 'a> {
    pub fn new(
        file: &'f File<'a>,
        fonts: &'f mut FxHashMap<u32, Rc<Font>>,
        played: &'f mut usize,
    ) -> Self {
        Player {
            file,
            fonts,
            played,
            pieces: Vec::new(),
            state: State {
                ctm: IDENTITY,
                font: None,
                size: 0.0,
                char_spacing: 0.0,
                word_spacing: 0.0,
                scale: 1.0,
                leading: 0.0,
                rise: 0.0,
            },
            saved: Vec::new(),
            unsaved: 0,
            tm: IDENTITY,
            tlm: IDENTITY,
            marked: Vec::new(),
            glyph: String::new(),
        }
    }

    /// Plays `content` with `resources`, forms `depth` deep.
    pub fn play(
        &mut self,
        content: &[u8],
        resources: &Dict,
        depth: usize,
    ) -> Result<(), PdfProblem> {
        *self.played = self.played.saturating_add(content.len());
        if *self.played > MAX_PLAYED {
            return Err(PdfProblem::TooLarge);
        }
        let mut lexer = Lexer::new(content, 0);
        lexer.refs = false;
        let mut operands: Vec<Obj> = Vec::new();
        while let Some(tok) = lexer.token() {
            match tok {
                Tok::Word(b"ID") => {
                    skip_inline_image(&mut lexer);
                    operands.clear();
                }
                Tok::Word(op) => {
                    self.operator(op, &operands, resources, depth)?;
                    operands.clear();
                }
                tok => match lexer.object_from(tok, 0) {
                    Ok(obj) if operands.len() < 32 => operands.push(obj),
                    _ => operands.clear(),
                },
            }
        }
        Ok(())
    }

    fn operator(
        &mut self,
        op: &[u8],
        args: &[Obj],
        resources: &Dict,
        depth: usize,
    ) -> Result<(), PdfProblem> {
        let n = |i: usize| args.get(i).and_then(Obj::num).unwrap_or(0.0) as f32;
        let matrix = || [n(0), n(1), n(2), n(3), n(4), n(5)];
        match op {
            b"q" if self.saved.len() < MAX_SAVED => self.saved.push(self.state.clone()),
            b"q" => self.unsaved += 1,
            b"Q" if self.unsaved > 0 => self.unsaved -= 1,
            b"Q" => {
                if let Some(s) = self.saved.pop() {
                    self.state = s;
                }
            }
            b"cm" if args.len() == 6 => self.state.ctm = mul(&matrix(), &self.state.ctm),
            b"BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            b"Tf" => {
                self.state.size = n(1);
                self.state.font = args
                    .first()
                    .and_then(Obj::name)
                    .and_then(|name| self.font(resources, name));
            }
            b"Tc" => self.state.char_spacing = n(0),
            b"Tw" => self.state.word_spacing = n(0),
            b"Tz" => self.state.scale = n(0) / 100.0,
            b"TL" => self.state.leading = n(0),
            b"Ts" => self.state.rise = n(0),
            b"Td" => self.next_line(n(0), n(1)),
            b"TD" => {
                self.state.leading = -n(1);
                self.next_line(n(0), n(1));
            }
            b"Tm" if args.len() == 6 => {
                self.tm = matrix();
                self.tlm = self.tm;
            }
            b"T*" => self.next_line(0.0, -self.state.leading),
            b"Tj" | b"'" | b"\"" => {
                if op == b"\"" {
                    self.state.word_spacing = n(0);
                    self.state.char_spacing = n(1);
                }
                if op != b"Tj" {
                    self.next_line(0.0, -self.state.leading);
                }
                if let Some(Obj::Str(s)) = args.last() {
                    self.show(s);
                }
            }
            b"TJ" => {
                for item in args.first().map_or(&[][..], Obj::array) {
                    match item {
                        Obj::Str(s) => self.show(s),
                        Obj::Num(adjust) => {
                            let tx =
                                -(*adjust as f32) / 1000.0 * self.state.size * self.state.scale;
                            self.tm[4] += tx * self.tm[0];
                            self.tm[5] += tx * self.tm[1];
                        }
                        _ => {}
                    }
                }
            }
            b"BMC" => self.marked.push(None),
            b"BDC" => {
                let props = match args.get(1) {
                    Some(Obj::Name(name)) => {
                        let all = self.file.key(resources, b"Properties");
                        all.dict()
                            .map(|d| self.file.key(d, name))
                            .unwrap_or(Obj::Null)
                    }
                    Some(other) => other.clone(),
                    None => Obj::Null,
                };
                let actual = props
                    .dict()
                    .and_then(|d| match self.file.key(d, b"ActualText") {
                        Obj::Str(s) => Some((text_string(&s), false)),
                        _ => None,
                    });
                if self.marked.len() < MAX_SAVED {
                    self.marked.push(actual);
                }
            }
            b"EMC" => {
                self.marked.pop();
            }
            b"Do" if depth < MAX_FORM_DEPTH => {
                if let Some(name) = args.first().and_then(Obj::name) {
                    self.form(resources, name, depth)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn next_line(&mut self, tx: f32, ty: f32) {
        let l = &self.tlm;
        self.tlm = [
            l[0],
            l[1],
            l[2],
            l[3],
            tx * l[0] + ty * l[2] + l[4],
            tx * l[1] + ty * l[3] + l[5],
        ];
        self.tm = self.tlm;
    }

    fn font(&mut self, resources: &Dict, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = self.file.key(resources, b"Font");
        let entry = fonts.dict()?.get(name).clone();
        if let Obj::Ref(number) = entry {
            if let Some(font) = self.fonts.get(&number) {
                return Some(font.clone());
            }
            let font = Rc::new(Font::load(self.file, self.file.get(number).dict()?));
            self.fonts.insert(number, font.clone());
            return Some(font);
        }
        Some(Rc::new(Font::load(self.file, entry.dict()?)))
    }

    fn form(&mut self, resources: &Dict, name: &[u8], depth: usize) -> Result<(), PdfProblem> {
        let xobjects = self.file.key(resources, b"XObject");
        let Some(Obj::Stream(dict, range)) = xobjects.dict().map(|d| self.file.key(d, name)) else {
            return Ok(());
        };
        if self.file.key(&dict, b"Subtype").name() != Some(b"Form") {
            return Ok(());
        }
        let Ok(data) = self.file.stream_data(&dict, range) else {
            return Ok(());
        };
        let own = self.file.key(&dict, b"Resources");
        let matrix = self.file.key(&dict, b"Matrix");
        let m: Vec<f32> = matrix
            .array()
            .iter()
            .filter_map(Obj::num)
            .map(|v| v as f32)
            .collect();
        let saved = (self.state.clone(), self.tm, self.tlm);
        if let [a, b, c, d, e, f] = m[..] {
            self.state.ctm = mul(&[a, b, c, d, e, f], &self.state.ctm);
        }
        let result = self.play(&data, own.dict().unwrap_or(resources), depth + 1);
        (self.state, self.tm, self.tlm) = saved;
        result
    }

    /// Draws the glyphs of `bytes` in the current font, moving along the baseline.
    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.state.font.clone() else {
            return;
        };
        let s = &self.state;
        let step = if font.two_bytes { 2 } else { 1 };
        for chunk in bytes.chunks(step) {
            let code = chunk.iter().fold(0u32, |v, b| v << 8 | u32::from(*b));
            let space = step == 1 && code == 32;
            let advance = (font.width(code) * font.scale * s.size
                + s.char_spacing
                + if space { s.word_spacing } else { 0.0 })
                * s.scale;
            let m = mul(&self.tm, &s.ctm);
            let x = m[4] + s.rise * m[2];
            let y = m[5] + s.rise * m[3];
            let size = s.size * m[3];
            let end = x + advance * m[0];
            self.tm[4] += advance * self.tm[0];
            self.tm[5] += advance * self.tm[1];
            let upright =
                m[0] > 0.0 && m[3] > 0.0 && m[1].abs() <= 0.1 * m[0] && m[2].abs() <= 0.1 * m[3];
            if !upright || !x.is_finite() || !y.is_finite() || !end.is_finite() {
                continue;
            }
            let goes_on = self.pieces.last().is_some_and(|last| {
                (last.y - y).abs() < 0.01 * size.max(1.0)
                    && (x - last.end).abs() <= 0.05 * size
                    && (last.size - size).abs() < 0.5
            });
            if !goes_on {
                self.pieces.push(Piece {
                    x,
                    end,
                    y,
                    size,
                    text: String::new(),
                });
            }
            let Some(piece) = self.pieces.last_mut() else {
                continue;
            };
            piece.end = end;
            match self.marked.iter_mut().rev().find_map(Option::as_mut) {
                Some((actual, given)) => {
                    if !*given {
                        push_clean(actual, &mut piece.text);
                        *given = true;
                    }
                }
                None => {
                    self.glyph.clear();
                    font.text(code, &mut self.glyph);
                    push_clean(&self.glyph, &mut piece.text);
                }
            }
        }
    }
}

/// Skips an inline image's data, from after `ID` to after its `EI`.
fn skip_inline_image(lexer: &mut Lexer) {
    let data = lexer.data;
    let mut at = lexer.pos + 1;
    while at + 2 <= data.len() {
        if &data[at..at + 2] == b"EI"
            && is_space(data[at - 1])
            && data.get(at + 2).is_none_or(|b| is_space(*b))
        {
            lexer.pos = at + 2;
            return;
        }
        at += 1;
    }
    lexer.pos = data.len();
}
