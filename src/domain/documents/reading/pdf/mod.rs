//! The text of a PDF file (a notice from the e-office system, saved by Word or LibreOffice)
//! as a notice pasted would give it: its text layer read in plain Rust, page by page, line
//! by line (`layout`), Vietnamese composed. The file's structure (`file`: cross-reference
//! tables and streams, object streams), its objects (`object`), fonts and their maps to
//! Unicode (`font`) and the pages' drawing (`content`) are read within fixed bounds: a
//! crafted or damaged file gives a `PdfProblem`, never a panic or an endless loop.

mod content;
mod file;
mod font;
mod layout;
mod object;
mod predict;

use rustc_hash::{FxHashMap, FxHashSet};

use file::File;
use object::{Dict, Obj};

/// Why a PDF gave no text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfProblem {
    /// Pages without text: a scan, or text drawn as pictures.
    NoText,
    /// Protected by a password or encryption.
    Encrypted,
    /// Not a PDF, cut short, or damaged.
    Damaged,
    /// More pages or data than a notice can have.
    TooLarge,
}

/// A notice has a few pages; a file of more is something else.
pub const MAX_PAGES: usize = 200;
/// Page tree nodes visited at most (pages and the nodes grouping them).
const MAX_NODES: usize = 4 * MAX_PAGES + 64;

/// The text of the PDF file `bytes`.
pub fn pdf_text(bytes: &[u8]) -> Result<String, PdfProblem> {
    let file = File::open(bytes)?;
    let root = file.key(&file.trailer, b"Root");
    let tree = root
        .dict()
        .map(|d| file.key(d, b"Pages"))
        .ok_or(PdfProblem::Damaged)?;
    let pages = pages(&file, tree)?;
    if pages.is_empty() {
        return Err(PdfProblem::Damaged);
    }
    let mut fonts = FxHashMap::default();
    let mut played = 0;
    let mut damaged = false;
    let mut all = Vec::with_capacity(pages.len());
    for (page, resources) in pages {
        let streams = match file.key(&page, b"Contents") {
            Obj::Array(items) => items.iter().map(|s| file.resolve(s)).collect(),
            one => vec![one],
        };
        let mut data = Vec::new();
        for stream in streams {
            let Obj::Stream(dict, range) = stream else {
                continue;
            };
            match file.stream_data(&dict, range) {
                Ok(bytes) => {
                    data.extend_from_slice(&bytes);
                    data.push(b'\n');
                }
                Err(PdfProblem::TooLarge) => return Err(PdfProblem::TooLarge),
                Err(_) => damaged = true,
            }
        }
        let mut player = content::Player::new(&file, &mut fonts, &mut played);
        player.play(&data, &resources, 0)?;
        all.push(layout::lines(player.pieces));
    }
    let text = crate::domain::decode::compose(&layout::text(all));
    // Part of the text missing is worse than none: the officer is told the file is damaged.
    if damaged || file.broken.get() {
        return Err(PdfProblem::Damaged);
    }
    match text.trim().is_empty() {
        true => Err(PdfProblem::NoText),
        false => Ok(text),
    }
}

/// The pages in their order, each with its resources (inherited from the tree's nodes
/// when the page has none of its own).
fn pages(file: &File, tree: Obj) -> Result<Vec<(Dict, Dict)>, PdfProblem> {
    if let Some(count) = tree.dict().and_then(|d| file.key(d, b"Count").index()) {
        if count > MAX_PAGES {
            return Err(PdfProblem::TooLarge);
        }
    }
    let mut out = Vec::new();
    let mut seen = FxHashSet::default();
    let mut stack = vec![(tree, Dict::default())];
    let mut visited = 0;
    while let Some((node, inherited)) = stack.pop() {
        visited += 1;
        if visited > MAX_NODES {
            return Err(PdfProblem::TooLarge);
        }
        let node = match node {
            Obj::Ref(n) if !seen.insert(n) => continue,
            node => file.resolve(&node),
        };
        let Some(dict) = node.dict() else {
            continue;
        };
        let resources = match file.key(dict, b"Resources") {
            Obj::Dict(own) => own,
            _ => inherited,
        };
        let kids = file.key(dict, b"Kids");
        if file.key(dict, b"Type").name() == Some(b"Pages") || !kids.array().is_empty() {
            if stack.len() + kids.array().len() > MAX_NODES {
                return Err(PdfProblem::TooLarge);
            }
            for kid in kids.array().iter().rev() {
                stack.push((kid.clone(), resources.clone()));
            }
        } else {
            out.push((dict.clone(), resources));
            if out.len() > MAX_PAGES {
                return Err(PdfProblem::TooLarge);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod pdf_tests;
