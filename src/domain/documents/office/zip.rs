//! The zip container that Word and Excel files are (ECMA-376 Part 2, the "Open Packaging
//! Conventions", on PKWARE's APPNOTE): each part deflated by miniz_oxide, which the app
//! already carries for its backups; CRC-32 from a table built at compile time.

use chrono::{Datelike, NaiveDate};

/// The CRC-32 of ISO-HDLC (the zip one), one byte at a time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
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
        table[n] = c;
        n += 1;
    }
    table
};

pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |c, b| {
        CRC_TABLE[((c ^ u32::from(*b)) & 0xFF) as usize] ^ (c >> 8)
    })
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

    pub fn add(&mut self, name: &str, data: &[u8]) {
        let deflated = miniz_oxide::deflate::compress_to_vec(data, 6);
        let entry = Entry {
            name: name.to_owned(),
            crc: crc32(data),
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
    }

    #[test]
    fn what_is_written_reads_back() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut zip = Zip::new(day);
        zip.add("[Content_Types].xml", "<Types/>".as_bytes());
        zip.add("word/document.xml", "Điện Biên ".repeat(200).as_bytes());
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
