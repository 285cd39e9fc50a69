//! The file's structure (ISO 32000-1, 7.5): the cross-reference tables or streams (with
//! their updates, `/Prev`), the trailer, objects found where the table says (in the file
//! or packed in object streams) and streams' data inflated within a budget.

use std::cell::{Cell, RefCell};

use miniz_oxide::inflate::{decompress_to_vec_zlib_with_limit, TINFLStatus};
use rustc_hash::FxHashMap;

use super::object::{is_space, Dict, Lexer, Obj, Tok};
use super::predict::predict;
use super::PdfProblem;

/// One stream inflates to at most this (a page's text is a few hundred KB at most).
const MAX_STREAM: usize = 16 * 1024 * 1024;
/// All streams of a file inflate to at most this together.
const MAX_INFLATED: usize = 96 * 1024 * 1024;
/// Cross-reference sections followed through `/Prev` (one per update of the file).
const MAX_SECTIONS: usize = 64;
/// References followed to reach an object (a reference to a reference ...).
const MAX_HOPS: usize = 8;

#[derive(Debug, Clone, Copy)]
enum Loc {
    /// At this offset of the file.
    At(usize),
    /// In the object stream numbered so.
    In(u32),
}

/// A PDF file opened: its table of objects and its trailer.
pub(super) struct File<'a> {
    pub data: &'a [u8],
    xref: FxHashMap<u32, Loc>,
    pub trailer: Dict,
    /// Object streams read so far: their objects by number.
    packed: RefCell<FxHashMap<u32, FxHashMap<u32, Obj>>>,
    /// Where each "N 0 obj" stands, found by reading the whole file: made the first time an
    /// object is not where the table says (a table a few bytes off, as some tools write).
    found: RefCell<Option<FxHashMap<u32, usize>>>,
    /// An object the file needs could not be read: its text would be incomplete.
    pub broken: Cell<bool>,
    inflated: Cell<usize>,
    /// How many objects are being fetched inside one another (a stream's length, an object
    /// stream's own stream): bounded, so that a file's references cannot loop.
    depth: Cell<usize>,
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

impl<'a> File<'a> {
    pub fn open(data: &'a [u8]) -> Result<Self, PdfProblem> {
        if find(&data[..data.len().min(1024)], b"%PDF-", 0).is_none() {
            return Err(PdfProblem::Damaged);
        }
        let tail = data.len().saturating_sub(2048);
        let at = data[tail..]
            .windows(9)
            .rposition(|w| w == b"startxref")
            .map(|i| i + tail + 9)
            .ok_or(PdfProblem::Damaged)?;
        let mut lexer = Lexer::new(data, at);
        let Some(Tok::Num(first)) = lexer.token() else {
            return Err(PdfProblem::Damaged);
        };
        let mut file = File {
            data,
            xref: FxHashMap::default(),
            trailer: Dict::default(),
            packed: RefCell::new(FxHashMap::default()),
            found: RefCell::new(None),
            broken: Cell::new(false),
            inflated: Cell::new(0),
            depth: Cell::new(0),
        };
        let mut next = Some(first as usize);
        let mut seen = Vec::new();
        while let Some(offset) = next.take() {
            if seen.contains(&offset) || seen.len() >= MAX_SECTIONS {
                break;
            }
            seen.push(offset);
            let trailer = match file.section(offset) {
                Ok(trailer) => trailer,
                // The newest table not where "startxref" says (a file shifted by a few
                // bytes): the last table in the file, if any.
                Err(PdfProblem::Damaged) if seen.len() == 1 => {
                    let last = data
                        .windows(5)
                        .rposition(|w| w == b"\nxref")
                        .ok_or(PdfProblem::Damaged)?;
                    file.section(last + 1)?
                }
                Err(e) => return Err(e),
            };
            if let Some(stream_at) = trailer.get(b"XRefStm").index() {
                // A file readable by old and new readers: the stream holds the rest.
                file.section(stream_at)?;
            }
            next = trailer.get(b"Prev").index();
            for (key, value) in trailer.0 {
                if file.trailer.get(&key) == &Obj::Null {
                    file.trailer.0.push((key, value));
                }
            }
        }
        if file.trailer.get(b"Encrypt") != &Obj::Null {
            return Err(PdfProblem::Encrypted);
        }
        Ok(file)
    }

    /// Reads the cross-reference section at `offset` (a table or a stream) into the
    /// table, the newest entry of an object winning; returns its trailer.
    fn section(&mut self, offset: usize) -> Result<Dict, PdfProblem> {
        let mut lexer = Lexer::new(self.data, offset);
        match lexer.token() {
            Some(Tok::Word(b"xref")) => self.table(&mut lexer),
            _ => {
                let Some(Obj::Stream(dict, range)) = self.object_at(offset, None) else {
                    return Err(PdfProblem::Damaged);
                };
                let data = self.stream_data(&dict, range)?;
                self.xref_stream(&dict, &data)?;
                Ok(dict)
            }
        }
    }

    fn table(&mut self, lexer: &mut Lexer) -> Result<Dict, PdfProblem> {
        loop {
            match lexer.token() {
                Some(Tok::Num(start)) => {
                    let Some(Tok::Num(count)) = lexer.token() else {
                        return Err(PdfProblem::Damaged);
                    };
                    let (start, count) = (start as u32, count as usize);
                    for i in 0..count {
                        let (Some(Tok::Num(at)), Some(Tok::Num(_)), Some(Tok::Word(kind))) =
                            (lexer.token(), lexer.token(), lexer.token())
                        else {
                            return Err(PdfProblem::Damaged);
                        };
                        let number = start.saturating_add(i as u32);
                        if kind == b"n" && at > 0.0 {
                            self.xref.entry(number).or_insert(Loc::At(at as usize));
                        }
                    }
                }
                Some(Tok::Word(b"trailer")) => {
                    return match lexer.object(0) {
                        Ok(Obj::Dict(d)) => Ok(d),
                        _ => Err(PdfProblem::Damaged),
                    };
                }
                _ => return Err(PdfProblem::Damaged),
            }
        }
    }

    fn xref_stream(&mut self, dict: &Dict, data: &[u8]) -> Result<(), PdfProblem> {
        let widths: Vec<usize> = dict
            .get(b"W")
            .array()
            .iter()
            .filter_map(Obj::index)
            .collect();
        let [w0, w1, w2] = widths[..] else {
            return Err(PdfProblem::Damaged);
        };
        let row = w0 + w1 + w2;
        if row == 0 || w0 > 8 || w1 > 8 || w2 > 8 {
            return Err(PdfProblem::Damaged);
        }
        let size = dict.get(b"Size").index().unwrap_or(0);
        let index: Vec<usize> = match dict.get(b"Index") {
            Obj::Array(a) => a.iter().filter_map(Obj::index).collect(),
            _ => vec![0, size],
        };
        let field = |bytes: &[u8]| bytes.iter().fold(0usize, |v, b| v << 8 | *b as usize);
        let mut rows = data.chunks_exact(row);
        for pair in index.chunks_exact(2) {
            for i in 0..pair[1] {
                let Some(r) = rows.next() else {
                    return Ok(());
                };
                let kind = if w0 == 0 { 1 } else { field(&r[..w0]) };
                let a = field(&r[w0..w0 + w1]);
                let number = (pair[0].saturating_add(i)) as u32;
                let loc = match kind {
                    1 => Loc::At(a),
                    2 => Loc::In(a as u32),
                    _ => continue,
                };
                self.xref.entry(number).or_insert(loc);
            }
        }
        Ok(())
    }

    /// The indirect object at `offset` ("12 0 obj ... endobj"), with its stream if any.
    fn object_at(&self, offset: usize, number: Option<u32>) -> Option<Obj> {
        let mut lexer = Lexer::new(self.data, offset);
        let (Some(Tok::Num(n)), Some(Tok::Num(_)), Some(Tok::Word(b"obj"))) =
            (lexer.token(), lexer.token(), lexer.token())
        else {
            return None;
        };
        if number.is_some_and(|want| f64::from(want) != n) {
            return None;
        }
        let obj = lexer.object(0).ok()?;
        let Obj::Dict(dict) = obj else {
            return Some(obj);
        };
        let mut after = Lexer::new(self.data, lexer.pos);
        if after.token() != Some(Tok::Word(b"stream")) {
            return Some(Obj::Dict(dict));
        }
        // The data starts after the end of the "stream" line.
        let mut start = after.pos;
        if self.data.get(start) == Some(&b'\r') {
            start += 1;
        }
        if self.data.get(start) == Some(&b'\n') {
            start += 1;
        }
        let declared = match dict.get(b"Length") {
            Obj::Ref(r) if number != Some(*r) => self.get(*r).index(),
            o => o.index(),
        };
        let fits = declared.filter(|len| {
            let Some(end) = start.checked_add(*len) else {
                return false;
            };
            let mut l = Lexer::new(self.data, end);
            end <= self.data.len() && l.token() == Some(Tok::Word(b"endstream"))
        });
        let end = match fits {
            Some(len) => start + len,
            None => {
                let mut end = find(self.data, b"endstream", start)?;
                while end > start && is_space(self.data[end - 1]) {
                    end -= 1;
                }
                end
            }
        };
        Some(Obj::Stream(dict, start..end))
    }

    /// The object numbered `number` (`Null` when there is none).
    pub fn get(&self, number: u32) -> Obj {
        if self.depth.get() >= MAX_HOPS {
            self.broken.set(true);
            return Obj::Null;
        }
        self.depth.set(self.depth.get() + 1);
        let obj = self.fetch(number);
        self.depth.set(self.depth.get() - 1);
        obj
    }

    fn fetch(&self, number: u32) -> Obj {
        let obj = match self.xref.get(&number) {
            Some(Loc::At(at)) => self
                .object_at(*at, Some(number))
                .or_else(|| self.object_at(self.find_object(number)?, Some(number))),
            Some(Loc::In(stream)) => {
                if !self.packed.borrow().contains_key(stream) {
                    let objects = self.unpack(*stream).unwrap_or_default();
                    self.packed.borrow_mut().insert(*stream, objects);
                }
                let packed = self.packed.borrow();
                packed
                    .get(stream)
                    .and_then(|objects| objects.get(&number))
                    .cloned()
            }
            // Not in the table: the null object (ISO 32000-1, 7.3.10).
            None => return Obj::Null,
        };
        obj.unwrap_or_else(|| {
            self.broken.set(true);
            Obj::Null
        })
    }

    /// Where "`number` 0 obj" stands in the file, the last one winning (as updates do).
    fn find_object(&self, number: u32) -> Option<usize> {
        let mut found = self.found.borrow_mut();
        let index = found.get_or_insert_with(|| {
            let mut index = FxHashMap::default();
            let data = self.data;
            let mut from = 0;
            while let Some(at) = find(data, b" obj", from) {
                from = at + 4;
                // Back over "N G": digits, a space, digits.
                let mut i = at;
                let digits = |i: &mut usize| {
                    let end = *i;
                    while *i > 0 && data[*i - 1].is_ascii_digit() {
                        *i -= 1;
                    }
                    *i < end
                };
                if !digits(&mut i) || i == 0 || data[i - 1] != b' ' {
                    continue;
                }
                i -= 1;
                if !digits(&mut i) {
                    continue;
                }
                let text = std::str::from_utf8(&data[i..at]).unwrap_or("");
                if let Some(n) = text.split(' ').next().and_then(|n| n.parse().ok()) {
                    index.insert(n, i);
                }
            }
            index
        });
        index.get(&number).copied()
    }

    /// The objects of an object stream, by number.
    fn unpack(&self, stream: u32) -> Option<FxHashMap<u32, Obj>> {
        let Some(Loc::At(at)) = self.xref.get(&stream) else {
            return None;
        };
        let Some(Obj::Stream(dict, range)) = self.object_at(*at, Some(stream)) else {
            return None;
        };
        let data = self.stream_data(&dict, range).ok()?;
        let count = dict.get(b"N").index()?;
        let first = dict.get(b"First").index()?;
        let mut header = Lexer::new(&data, 0);
        let mut objects = FxHashMap::default();
        for _ in 0..count {
            let (Some(Tok::Num(n)), Some(Tok::Num(off))) = (header.token(), header.token()) else {
                break;
            };
            let mut lexer = Lexer::new(&data, first.saturating_add(off as usize));
            if let Ok(obj) = lexer.object(0) {
                objects.entry(n as u32).or_insert(obj);
            }
        }
        Some(objects)
    }

    /// `obj`, or the object it refers to.
    pub fn resolve(&self, obj: &Obj) -> Obj {
        let mut obj = obj.clone();
        for _ in 0..MAX_HOPS {
            match obj {
                Obj::Ref(n) => obj = self.get(n),
                other => return other,
            }
        }
        Obj::Null
    }

    /// The value of `key` in `dict`, resolved.
    pub fn key(&self, dict: &Dict, key: &[u8]) -> Obj {
        self.resolve(dict.get(key))
    }

    /// A stream's data, its filters undone. A filter this reader does not know gives
    /// `Damaged`; too much data gives `TooLarge`.
    pub fn stream_data(
        &self,
        dict: &Dict,
        range: std::ops::Range<usize>,
    ) -> Result<Vec<u8>, PdfProblem> {
        let raw = self.data.get(range).ok_or(PdfProblem::Damaged)?;
        let filters = match self.key(dict, b"Filter") {
            Obj::Name(n) => vec![n],
            Obj::Array(a) => a
                .iter()
                .filter_map(|f| f.name().map(<[u8]>::to_vec))
                .collect(),
            _ => Vec::new(),
        };
        let params = match self.key(dict, b"DecodeParms") {
            Obj::Array(a) => a.first().map(|p| self.resolve(p)).unwrap_or(Obj::Null),
            p => p,
        };
        let mut data = raw.to_vec();
        for filter in filters.iter().take(4) {
            data = match filter.as_slice() {
                b"FlateDecode" | b"Fl" => {
                    let left = MAX_INFLATED.saturating_sub(self.inflated.get());
                    let out = match decompress_to_vec_zlib_with_limit(&data, MAX_STREAM.min(left)) {
                        Ok(out) => out,
                        Err(e) if e.status == TINFLStatus::HasMoreOutput => {
                            return Err(PdfProblem::TooLarge)
                        }
                        // What inflated before a damaged end (as other readers do).
                        Err(e) => e.output,
                    };
                    self.inflated.set(self.inflated.get() + out.len());
                    predict(out, params.dict())?
                }
                _ => return Err(PdfProblem::Damaged),
            };
        }
        Ok(data)
    }
}
