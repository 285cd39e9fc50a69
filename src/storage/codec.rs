//! Packing a JSON text into the fewest localStorage characters.
//!
//! Chromium counts localStorage in UTF-16 units (about 5.2 million per origin), and raw JSON
//! of a province's years of data is larger than that. So each stored part is deflated, and
//! the bytes are packed 15 bits per character into the range U+0020..U+801F, which holds no
//! surrogates and no control characters, so any browser keeps the string intact. This is
//! the same idea as lz-string's `compressToUTF16`. The zlib wrapper's checksum detects a
//! damaged value on read.

const TAG: &str = "dz1:";
const OFFSET: u32 = 0x20;
/// A stored part never inflates beyond this: protects against a crafted or damaged value.
const MAX_INFLATED: usize = 256 * 1024 * 1024;
/// Deflate level 4: on the province dataset 2% larger than level 6 in half the time, which
/// one edit saved feels (level 1 was 29% larger; see docs/performance.md).
const LEVEL: u8 = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    NotOurs,
    Damaged,
}

pub fn encode(json: &str) -> String {
    let mut packer = Packer::default();
    packer.push(&miniz_oxide::deflate::compress_to_vec_zlib(
        json.as_bytes(),
        LEVEL,
    ));
    packer.finish()
}

/// Zlib bytes as a stored value: the tag, their length, then 15 bits per character. Fed
/// in parts as they are compressed.
#[derive(Default)]
struct Packer {
    units: String,
    acc: u32,
    bits: u32,
    bytes: usize,
}

impl Packer {
    fn push(&mut self, bytes: &[u8]) {
        self.units.reserve(bytes.len() * 8 / 15 * 3 + 3);
        self.bytes += bytes.len();
        for &byte in bytes {
            self.acc = (self.acc << 8) | u32::from(byte);
            self.bits += 8;
            if self.bits >= 15 {
                self.bits -= 15;
                push_unit(&mut self.units, (self.acc >> self.bits) & 0x7FFF);
                self.acc &= (1 << self.bits) - 1;
            }
        }
    }

    fn finish(mut self) -> String {
        if self.bits > 0 {
            push_unit(&mut self.units, (self.acc << (15 - self.bits)) & 0x7FFF);
        }
        let head = format!("{TAG}{}:", self.bytes);
        let mut out = String::with_capacity(head.len() + self.units.len());
        out.push_str(&head);
        out.push_str(&self.units);
        out
    }
}

/// [`encode`] fed a text in parts, so that a long text is compressed and packed a part per
/// task (the snapshot of a province's data): the value it finishes with decodes to the
/// parts joined.
pub struct Encoder {
    compressor: Box<miniz_oxide::deflate::core::CompressorOxide>,
    /// Compressed bytes not packed yet.
    out: Vec<u8>,
    packer: Packer,
}

impl Default for Encoder {
    fn default() -> Self {
        use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
        // window_bits > 0: the zlib wrapper, with its checksum, as `encode` writes.
        let flags = create_comp_flags_from_zip_params(LEVEL.into(), 1, 0);
        Encoder {
            compressor: Box::new(CompressorOxide::new(flags)),
            out: vec![0; 64 * 1024],
            packer: Packer::default(),
        }
    }
}

impl Encoder {
    /// Compresses the next part of the text.
    pub fn push(&mut self, part: &[u8]) {
        self.run(part, miniz_oxide::deflate::core::TDEFLFlush::None);
    }

    /// The stored value of everything pushed.
    pub fn finish(mut self) -> String {
        self.run(&[], miniz_oxide::deflate::core::TDEFLFlush::Finish);
        self.packer.finish()
    }

    fn run(&mut self, mut input: &[u8], flush: miniz_oxide::deflate::core::TDEFLFlush) {
        use miniz_oxide::deflate::core::{compress, TDEFLFlush, TDEFLStatus};
        loop {
            let (status, read, wrote) = compress(&mut self.compressor, input, &mut self.out, flush);
            self.packer.push(&self.out[..wrote]);
            input = &input[read.min(input.len())..];
            match status {
                TDEFLStatus::Done => return,
                TDEFLStatus::Okay if input.is_empty() && !matches!(flush, TDEFLFlush::Finish) => {
                    return
                }
                TDEFLStatus::Okay => {}
                // Only a bad parameter or a use after Finish: neither happens here.
                _ => return,
            }
        }
    }
}

fn push_unit(out: &mut String, value: u32) {
    // Every value of 0..0x8000 plus the offset is a valid, non-surrogate scalar.
    if let Some(c) = char::from_u32(value + OFFSET) {
        out.push(c);
    }
}

pub fn decode(stored: &str) -> Result<String, DecodeError> {
    let rest = stored.strip_prefix(TAG).ok_or(DecodeError::NotOurs)?;
    let (len, body) = rest.split_once(':').ok_or(DecodeError::Damaged)?;
    let len: usize = len.parse().map_err(|_| DecodeError::Damaged)?;
    let mut bytes = Vec::with_capacity(len);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in body.chars() {
        let value = (c as u32)
            .checked_sub(OFFSET)
            .filter(|v| *v < 0x8000)
            .ok_or(DecodeError::Damaged)?;
        acc = (acc << 15) | value;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bytes.len() < len {
        return Err(DecodeError::Damaged);
    }
    bytes.truncate(len);
    String::from_utf8(inflate(&bytes)?).map_err(|_| DecodeError::Damaged)
}

/// Inflates a zlib stream (checksum checked) into an output sized for JSON's usual ratio
/// from the start: the library's own loop starts at twice the input and doubles, zeroing
/// and copying at each step (about a sixth of the province's start-up read).
fn inflate(mut input: &[u8]) -> Result<Vec<u8>, DecodeError> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
        | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out = vec![0; input.len().saturating_mul(8).clamp(1024, MAX_INFLATED)];
    let mut state = Box::<DecompressorOxide>::default();
    let mut at = 0;
    loop {
        let (status, read, written) = decompress(&mut state, input, &mut out, at, flags);
        at += written;
        match status {
            TINFLStatus::Done => {
                out.truncate(at);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput if out.len() < MAX_INFLATED && read <= input.len() => {
                input = &input[read..];
                let grown = out.len().saturating_mul(2).min(MAX_INFLATED);
                out.resize(grown, 0);
            }
            _ => return Err(DecodeError::Damaged),
        }
    }
}

/// How many localStorage units a string takes (UTF-16 code units, as the quota counts).
/// [`utf16_len`] of a value [`encode`] or [`Encoder`] made, counted faster: every
/// character of it is one UTF-16 unit.
pub fn packed_units(value: &str) -> usize {
    value.chars().count()
}

pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_encoded_in_parts_decodes_to_the_parts_joined() {
        let text: String = (0..40_000)
            .map(|i| format!("{{\"id\":\"{i}\",\"name\":\"Dự án số {}\"}},", i * 7 % 1000))
            .collect();
        let mut encoder = Encoder::default();
        for part in text.as_bytes().chunks(100_003) {
            encoder.push(part);
        }
        let value = encoder.finish();
        assert_eq!(decode(&value).unwrap(), text);
        assert!(value.len() < text.len() / 4, "compressed");
        // The same value as in one go, counted the fast way alike.
        assert_eq!(value, encode(&text));
        assert_eq!(packed_units(&value), utf16_len(&value));
        assert_eq!(decode(&Encoder::default().finish()).unwrap(), "");
    }
    use proptest::prelude::*;

    #[test]
    fn round_trips_and_shrinks_json() {
        let json = serde_json::to_string(&vec!["giải phóng mặt bằng"; 500]).unwrap();
        let stored = encode(&json);
        assert_eq!(decode(&stored).unwrap(), json);
        assert!(
            utf16_len(&stored) * 10 < utf16_len(&json),
            "repetitive JSON packs at least 10×"
        );
        assert!(stored
            .chars()
            .all(|c| (0x20..=0x801F).contains(&(c as u32))));
    }

    #[test]
    fn damage_is_detected() {
        let stored = encode("{\"a\":1}");
        assert_eq!(decode("{\"a\":1}"), Err(DecodeError::NotOurs));
        let mut chars: Vec<char> = stored.chars().collect();
        let last = chars.len() - 2;
        chars[last] = if chars[last] == 'x' { 'y' } else { 'x' };
        let damaged: String = chars.into_iter().collect();
        assert_eq!(decode(&damaged), Err(DecodeError::Damaged));
        let truncated: String = stored.chars().take(stored.chars().count() - 2).collect();
        assert_eq!(decode(&truncated), Err(DecodeError::Damaged));
        assert_eq!(decode("dz1:999:\u{1}"), Err(DecodeError::Damaged));
    }

    proptest! {
        #[test]
        fn any_text_round_trips(text in ".{0,400}") {
            prop_assert_eq!(decode(&encode(&text)).unwrap(), text);
        }

        #[test]
        fn no_input_makes_decode_panic(text in "dz1:[0-9]{0,4}:.{0,60}") {
            let _ = decode(&text);
        }
    }
}
