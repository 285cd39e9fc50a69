//! The text of a Word file (.docx) as a notice pasted would give it: each paragraph a
//! line, a table's cells of a row on one line, tabs and line breaks kept. The file is a zip
//! package (read here, inflated by miniz_oxide) holding `word/document.xml`, whose text is
//! in `<w:t>` elements.

use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// Why a file could not be read as a Word document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip package (or a damaged one).
    NotAZip,
    /// A zip, but without a Word document inside.
    NoDocument,
    /// The document would inflate beyond what a notice can be.
    TooLarge,
}

/// A notice's document is far below this once inflated.
const MAX_XML: usize = 32 * 1024 * 1024;

fn le16(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?) as usize)
}

fn le32(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?) as usize)
}

/// The bytes of the part `name` in the zip `zip`.
fn part(zip: &[u8], name: &str) -> Result<Vec<u8>, DocxError> {
    // The end record sits in the last 22 bytes, or before a comment of up to 65535.
    let low = zip.len().saturating_sub(22 + 65_535);
    let end = (low..=zip.len().saturating_sub(22))
        .rev()
        .find(|&i| le32(zip, i) == Some(0x0605_4b50))
        .ok_or(DocxError::NotAZip)?;
    let count = le16(zip, end + 10).ok_or(DocxError::NotAZip)?;
    let mut at = le32(zip, end + 16).ok_or(DocxError::NotAZip)?;
    for _ in 0..count {
        if le32(zip, at) != Some(0x0201_4b50) {
            return Err(DocxError::NotAZip);
        }
        let field = |off: usize| le16(zip, at.saturating_add(off)).ok_or(DocxError::NotAZip);
        let (method, name_len, extra, comment) = (field(10)?, field(28)?, field(30)?, field(32)?);
        let size = le32(zip, at.saturating_add(20)).ok_or(DocxError::NotAZip)?;
        let local = le32(zip, at.saturating_add(42)).ok_or(DocxError::NotAZip)?;
        let name_at = at.saturating_add(46);
        let entry = zip
            .get(name_at..name_at.saturating_add(name_len))
            .ok_or(DocxError::NotAZip)?;
        if entry == name.as_bytes() {
            if le32(zip, local) != Some(0x0403_4b50) {
                return Err(DocxError::NotAZip);
            }
            let data_at = local
                .saturating_add(30)
                .saturating_add(le16(zip, local.saturating_add(26)).ok_or(DocxError::NotAZip)?)
                .saturating_add(le16(zip, local.saturating_add(28)).ok_or(DocxError::NotAZip)?);
            let data = zip
                .get(data_at..data_at.saturating_add(size))
                .ok_or(DocxError::NotAZip)?;
            return match method {
                0 => Ok(data.to_vec()),
                8 => decompress_to_vec_with_limit(data, MAX_XML).map_err(|e| {
                    if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                        DocxError::TooLarge
                    } else {
                        DocxError::NotAZip
                    }
                }),
                _ => Err(DocxError::NotAZip),
            };
        }
        at = name_at
            .saturating_add(name_len)
            .saturating_add(extra)
            .saturating_add(comment);
    }
    Err(DocxError::NoDocument)
}

/// XML character data with its entities read.
fn unescape(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|s| *s <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e => e
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The text of `document.xml`: paragraphs as lines, a row's cells joined by a tab.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    let mut in_text = false;
    while let Some(lt) = rest.find('<') {
        if in_text {
            unescape(&rest[..lt], &mut out);
        }
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let closing = tag.starts_with('/');
        let empty = tag.ends_with('/');
        match (name, closing) {
            ("w:t", false) => in_text = !empty,
            ("w:t", true) => in_text = false,
            ("w:tab", false) => out.push('\t'),
            ("w:br" | "w:cr", false) => out.push('\n'),
            ("w:p", true) => out.push('\n'),
            ("w:p", false) if empty => out.push('\n'),
            ("w:tc", true) => {
                // The cell's last paragraph ended a line: the row goes on after a tab.
                if out.ends_with('\n') {
                    out.pop();
                }
                out.push('\t');
            }
            ("w:tr", true) => {
                while out.ends_with('\t') {
                    out.pop();
                }
                out.push('\n');
            }
            _ => {}
        }
        rest = &rest[lt + gt + 1..];
    }
    out
}

/// The text of the Word file `bytes`.
pub fn docx_text(bytes: &[u8]) -> Result<String, DocxError> {
    let xml = part(bytes, "word/document.xml")?;
    let xml = String::from_utf8_lossy(&xml);
    Ok(text_of(&xml))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::documents::document::{conclusion_notice, DocLang};
    use crate::domain::documents::office::docx;
    use crate::domain::sample::fixture::sample;

    #[test]
    fn the_text_of_a_word_file_reads_back() {
        let (data, today) = sample();
        let c = crate::domain::sample::fixture::conclusion_16(&data);
        let file = docx(
            &[conclusion_notice(&data, c, DocLang::Vi)],
            DocLang::Vi,
            today,
        );
        let text = docx_text(&file).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert!(lines.contains(&"KẾT LUẬN"), "{text}");
        assert!(
            lines.contains(&"Số 16-KL/BCĐ") || text.contains("Số 16-KL/BCĐ"),
            "{text}"
        );
        assert!(text.contains("3.1. Hoàn thành kiểm đếm"), "{text}");
        assert!(text.contains("Nơi nhận:"));
    }

    #[test]
    fn a_notice_saved_as_word_by_libreoffice_reads_as_its_text_does() {
        let (data, _) = sample();
        let word = include_bytes!("../../../../tests/fixtures/notices/245-TB-VPUBND.docx");
        let text = include_str!("../../../../tests/fixtures/notices/245-TB-VPUBND.txt");
        let from_word = crate::domain::documents::reading::notice::read_notice(
            &docx_text(word).unwrap(),
            &data,
        );
        let from_text = crate::domain::documents::reading::notice::read_notice(text, &data);
        assert!(from_text.is_ok());
        assert_eq!(from_word, from_text);
    }

    #[test]
    fn entities_tabs_and_tables() {
        let xml = r#"<w:body><w:p><w:r><w:t>A &amp; B &#273;&#x1EA1;</w:t><w:tab/><w:t xml:space="preserve"> c</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:body>"#;
        assert_eq!(text_of(xml), "A & B đạ\t c\nx\ty\n\n");
    }

    #[test]
    fn what_is_not_a_word_file_is_refused() {
        assert_eq!(docx_text(b"hello"), Err(DocxError::NotAZip));
        assert_eq!(docx_text(&[]), Err(DocxError::NotAZip));
        let (data, today) = sample();
        let c = data.conclusions.iter().next().unwrap();
        let file = docx(
            &[conclusion_notice(&data, c, DocLang::Vi)],
            DocLang::Vi,
            today,
        );
        assert!(docx_text(&file[..file.len() / 2]).is_err(), "cut in half");
        let xlsx = crate::domain::documents::office::xlsx(
            &[],
            crate::domain::documents::document::DocLang::Vi,
            today,
        );
        assert_eq!(docx_text(&xlsx), Err(DocxError::NoDocument));
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_read_without_a_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            let _ = docx_text(&bytes);
        }

        #[test]
        fn any_xml_text_reads_without_a_panic(xml in "\\PC{0,300}") {
            let _ = text_of(&xml);
        }
    }
}
