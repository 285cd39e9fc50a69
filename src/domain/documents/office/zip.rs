//! The zip container that Word and Excel files are (ECMA-376 Part 2, the "Open Packaging
//! Conventions", on PKWARE's APPNOTE): each part deflated by miniz_oxide, which the app
//! already carries for its backups, a step at a time ([`Steps`]: the same bytes as in one
//! go); CRC-32 from a table built at compile time.

use chrono::{Datelike, NaiveDate};
use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};

use super::steps::{Steps, STEP_BYTES};

/// The CRC-32 of ISO-HDLC (the zip one), eight tables for eight bytes at a time
/// ("slicing by 8"): a sheet of 18,000 directives is 20 MB of XML, and one byte at a time
/// took 45 ms of it.
const CRC_TABLES: [[u32; 256]; 8] = {
    let mut tables = [[0u32; 256]; 8];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        tables[0][n] = c;
        n += 1;
    }
    let mut t = 1;
    while t < 8 {
        let mut n = 0;
        while n < 256 {
            let prev = tables[t - 1][n];
            tables[t][n] = (prev >> 8) ^ tables[0][(prev & 0xFF) as usize];
            n += 1;
        }
        t += 1;
    }
    tables
};

/// The CRC-32 of `bytes`.
#[cfg(test)]
pub fn crc32(bytes: &[u8]) -> u32 {
    !crc32_more(!0, bytes)
}

/// The running CRC-32 register `c` (starting at `!0`, read out inverted) after `bytes` more.
fn crc32_more(mut c: u32, bytes: &[u8]) -> u32 {
    let t = &CRC_TABLES;
    let mut chunks = bytes.chunks_exact(8);
    for b in &mut chunks {
        let lo = c ^ u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        c = t[7][(lo & 0xFF) as usize]
            ^ t[6][((lo >> 8) & 0xFF) as usize]
            ^ t[5][((lo >> 16) & 0xFF) as usize]
            ^ t[4][(lo >> 24) as usize]
            ^ t[3][b[4] as usize]
            ^ t[2][b[5] as usize]
            ^ t[1][b[6] as usize]
            ^ t[0][b[7] as usize];
    }
    for b in chunks.remainder() {
        c = t[0][((c ^ u32::from(*b)) & 0xFF) as usize] ^ (c >> 8);
    }
    c
}

/// `data` deflated raw (no zlib wrapper) at `level`, [`STEP_BYTES`] of it per step, with
/// its CRC-32. The compressor decides alike however its input is cut: the bytes are those
/// of `compress_to_vec` in one go (tested).
async fn deflate(data: &[u8], level: u8, steps: &mut Steps<'_>) -> (Vec<u8>, u32) {
    let mut compressor = Box::new(CompressorOxide::new(create_comp_flags_from_zip_params(
        level.into(),
        0,
        0,
    )));
    let mut out = Vec::with_capacity(data.len() / 4 + 64);
    let mut buffer = vec![0u8; 64 * 1024];
    let mut crc = !0u32;
    let mut chunks = data.chunks(STEP_BYTES);
    let mut next = chunks.next();
    loop {
        // An empty part is still finished once.
        let chunk = next.unwrap_or_default();
        next = chunks.next();
        let flush = match next {
            Some(_) => TDEFLFlush::None,
            None => TDEFLFlush::Finish,
        };
        crc = crc32_more(crc, chunk);
        let mut input = chunk;
        loop {
            let (status, read, wrote) = compress(&mut compressor, input, &mut buffer, flush);
            out.extend_from_slice(&buffer[..wrote]);
            input = &input[read.min(input.len())..];
            match status {
                TDEFLStatus::Okay if input.is_empty() && next.is_some() => break,
                TDEFLStatus::Okay => {}
                // Done; or a bad parameter or a use after Finish, which cannot happen here.
                _ => return (out, !crc),
            }
        }
        steps.did(chunk.len()).await;
    }
}

/// How hard a part is deflated: the usual level for a document's parts; a faster one for
/// a part over a megabyte (a sheet of 18,000 directives: 70 ms instead of 240 ms, for a
/// file 1.6 MB instead of 1.2 MB).
fn level(size: usize) -> u8 {
    if size > 1 << 20 {
        2
    } else {
        6
    }
}

struct Entry {
    name: String,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

/// A zip file written part by part; `finish` adds the central directory.
pub struct Zip {
    out: Vec<u8>,
    entries: Vec<Entry>,
    /// MS-DOS date of every part: the day the document was made.
    dos_date: u16,
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

const VERSION: u16 = 20;
/// Bit 11: names are UTF-8.
const FLAGS: u16 = 1 << 11;
const DEFLATE: u16 = 8;

impl Zip {
    pub fn new(made: NaiveDate) -> Zip {
        let year = (made.year() - 1980).clamp(0, 127) as u16;
        Zip {
            out: Vec::new(),
            entries: Vec::new(),
            dos_date: (year << 9) | ((made.month() as u16) << 5) | made.day() as u16,
        }
    }

    /// Adds the part `name` holding `data`, deflated a step at a time.
    pub async fn add(&mut self, name: &str, data: &[u8], steps: &mut Steps<'_>) {
        let (deflated, crc) = deflate(data, level(data.len()), steps).await;
        let entry = Entry {
            name: name.to_owned(),
            crc,
            compressed: deflated.len() as u32,
            size: data.len() as u32,
            offset: self.out.len() as u32,
        };
        let out = &mut self.out;
        u32le(out, 0x0403_4b50);
        u16le(out, VERSION);
        u16le(out, FLAGS);
        u16le(out, DEFLATE);
        u16le(out, 0); // time: midnight
        u16le(out, self.dos_date);
        u32le(out, entry.crc);
        u32le(out, entry.compressed);
        u32le(out, entry.size);
        u16le(out, name.len() as u16);
        u16le(out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&deflated);
        self.entries.push(entry);
    }

    pub fn finish(mut self) -> Vec<u8> {
        let start = self.out.len() as u32;
        let out = &mut self.out;
        for e in &self.entries {
            u32le(out, 0x0201_4b50);
            u16le(out, VERSION);
            u16le(out, VERSION);
            u16le(out, FLAGS);
            u16le(out, DEFLATE);
            u16le(out, 0);
            u16le(out, self.dos_date);
            u32le(out, e.crc);
            u32le(out, e.compressed);
            u32le(out, e.size);
            u16le(out, e.name.len() as u16);
            u16le(out, 0); // extra
            u16le(out, 0); // comment
            u16le(out, 0); // disk
            u16le(out, 0); // internal attributes
            u32le(out, 0); // external attributes
            u32le(out, e.offset);
            out.extend_from_slice(e.name.as_bytes());
        }
        let size = out.len() as u32 - start;
        let count = self.entries.len() as u16;
        u32le(out, 0x0605_4b50);
        u16le(out, 0);
        u16le(out, 0);
        u16le(out, count);
        u16le(out, count);
        u32le(out, size);
        u32le(out, start);
        u16le(out, 0);
        self.out
    }
}

/// Reads back what [`Zip`] wrote (names and contents, in order), for tests.
#[cfg(test)]
pub fn read(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let le16 = |at: usize| u16::from_le_bytes([zip[at], zip[at + 1]]) as usize;
    let le32 = |at: usize| u32::from_le_bytes(zip[at..at + 4].try_into().unwrap()) as usize;
    let end = zip.len() - 22;
    assert_eq!(le32(end), 0x0605_4b50, "end of central directory");
    let (count, mut at) = (le16(end + 10), le32(end + 16));
    let mut parts = Vec::new();
    for _ in 0..count {
        assert_eq!(le32(at), 0x0201_4b50);
        let (crc, csize, size) = (le32(at + 16), le32(at + 20), le32(at + 24));
        let name_len = le16(at + 28);
        let local = le32(at + 42);
        let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(le32(local), 0x0403_4b50);
        let data_at = local + 30 + le16(local + 26) + le16(local + 28);
        let data = miniz_oxide::inflate::decompress_to_vec(&zip[data_at..data_at + csize]).unwrap();
        assert_eq!(data.len(), size);
        assert_eq!(crc32(&data) as usize, crc, "{name}");
        parts.push((name, data));
        at += 46 + name_len;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_zip_one() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        // Eight bytes at a time gives what one at a time gives, whatever the length.
        let bytes: Vec<u8> = (0..300u32).map(|i| (i * 37 % 251) as u8).collect();
        for n in [1, 7, 8, 9, 16, 17, 299] {
            let one_by_one = !bytes[..n].iter().fold(!0u32, |c, b| {
                CRC_TABLES[0][((c ^ u32::from(*b)) & 0xFF) as usize] ^ (c >> 8)
            });
            assert_eq!(crc32(&bytes[..n]), one_by_one, "{n} bytes");
        }
    }

    #[test]
    fn a_part_deflated_in_steps_is_deflated_as_in_one_go() {
        use super::super::steps::{run, yield_once};
        // Short, a step and a little, and over a megabyte (the faster level).
        let text: String = (0..60_000)
            .map(|i| format!("<row r=\"{i}\"><c>Dự án số {}</c></row>", i * 7 % 1000))
            .collect();
        for size in [0, 10, STEP_BYTES + 17, text.len()] {
            let data = &text.as_bytes()[..size];
            let mut steps = Steps::pausing(yield_once);
            let (deflated, crc) = run(deflate(data, level(size), &mut steps));
            assert_eq!(
                deflated,
                miniz_oxide::deflate::compress_to_vec(data, level(size)),
                "{size} bytes"
            );
            assert_eq!(crc, crc32(data));
            assert_eq!(steps.pauses(), size / STEP_BYTES, "{size} bytes");
        }
        assert!(text.len() > 1 << 20, "a part deflated at the faster level");
    }

    #[test]
    fn what_is_written_reads_back() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut zip = Zip::new(day);
        super::super::steps::run(async {
            let steps = &mut Steps::none();
            zip.add("[Content_Types].xml", "<Types/>".as_bytes(), steps)
                .await;
            zip.add(
                "word/document.xml",
                "Điện Biên ".repeat(200).as_bytes(),
                steps,
            )
            .await;
        });
        let bytes = zip.finish();
        let parts = read(&bytes);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].0, "[Content_Types].xml");
        assert_eq!(parts[1].1, "Điện Biên ".repeat(200).as_bytes());
        // The date of every part: 2026-12-01 in MS-DOS form.
        assert_eq!(
            u16::from_le_bytes([bytes[12], bytes[13]]),
            (46 << 9) | (12 << 5) | 1
        );
    }
}
