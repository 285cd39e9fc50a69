//! Thousands of broken PDFs through the PDF reader, made by cutting and mutating the test
//! notices' real PDFs (bytes flipped, ranges deleted, repeated and swapped, numbers changed,
//! keywords broken): none panics or hangs, and each gives text or a `PdfProblem`.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use dondoc::domain::documents::{pdf_text, PdfProblem};

const FILES: usize = 3_000;

/// A small, seeded xorshift: the same corpus on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const WORDS: [&[u8]; 12] = [
    b"obj",
    b"endobj",
    b"stream",
    b"endstream",
    b"R",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"9999999999",
    b"-1",
    b"/Kids",
];

fn mutate(rng: &mut Rng, file: &[u8]) -> Vec<u8> {
    let mut out = file.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = out.len().max(1);
        let at = rng.below(len);
        match rng.below(7) {
            0 => out.truncate(at),
            1 => {
                for _ in 0..1 + rng.below(8) {
                    let i = rng.below(out.len().max(1));
                    if let Some(b) = out.get_mut(i) {
                        *b = rng.next() as u8;
                    }
                }
            }
            2 => {
                let end = (at + rng.below(400)).min(out.len());
                out.drain(at.min(end)..end);
            }
            3 => {
                let end = (at + rng.below(400)).min(out.len());
                let copy = out[at.min(end)..end].to_vec();
                let to = rng.below(out.len().max(1));
                out.splice(to..to, copy);
            }
            4 => {
                // A digit changed: offsets, lengths, counts and references go wrong.
                let digits: Vec<usize> = (0..out.len())
                    .filter(|i| out[*i].is_ascii_digit())
                    .collect();
                if !digits.is_empty() {
                    let i = digits[rng.below(digits.len())];
                    out[i] = b'0' + rng.below(10) as u8;
                }
            }
            5 => {
                let word = WORDS[rng.below(WORDS.len())];
                let to = rng.below(out.len().max(1));
                out.splice(to..to, word.iter().copied());
            }
            _ => out.truncate(out.len().saturating_sub(rng.below(64))),
        }
    }
    out
}

#[test]
fn broken_pdfs_give_text_or_a_problem_never_a_panic_or_a_hang() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let files: Vec<Vec<u8>> = [
        "notices/245-TB-VPUBND.pdf",
        "notices/01-kl-34-bcd-9-thang.pdf",
        "notices/02-tb-118-vpubnd-him-lam.pdf",
    ]
    .iter()
    .map(|f| std::fs::read(format!("{dir}/{f}")).unwrap())
    .collect();
    let mut rng = Rng(0x5eed_0fd0);
    let mut counts = [0usize; 5];
    let mut slowest = Duration::ZERO;
    for i in 0..FILES {
        let file = mutate(&mut rng, &files[i % files.len()]);
        let start = Instant::now();
        let result = pdf_text(&file);
        slowest = slowest.max(start.elapsed());
        let k = match result {
            Ok(_) => 0,
            Err(PdfProblem::NoText) => 1,
            Err(PdfProblem::Encrypted) => 2,
            Err(PdfProblem::Damaged) => 3,
            Err(PdfProblem::TooLarge) => 4,
        };
        counts[k] += 1;
    }
    eprintln!("{FILES} broken PDFs: text, no text, encrypted, damaged, too large: {counts:?}; slowest {slowest:?}");
    assert!(counts[3] > FILES / 10, "{counts:?}");
    assert!(slowest < Duration::from_secs(5), "{slowest:?}");
}
