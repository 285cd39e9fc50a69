//! Word and Excel files, written from the domain's descriptions: a document
//! (`domain::document`) becomes a .docx, tables (`domain::table`) an .xlsx. Both are zip
//! packages of XML parts (ECMA-376); the writers are small because they write only what
//! the office's documents use (see ARCHITECTURE.md for why not docx-rs or rust_xlsxwriter).
//! Each is made a step at a time where the caller pauses between steps (`steps`): the
//! large dataset's sheets and letters are megabytes of XML.

mod docx;
mod steps;
mod xlsx;
mod zip;

pub use docx::{docx, docx_in_steps};
pub use steps::{run, Pause, Steps, STEP_BYTES};
pub use xlsx::{xlsx, xlsx_in_steps};
pub use zip::Zip;

/// A file of several: every unit's package with its letter.
pub const ZIP_MIME: &str = "application/zip";

pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Text as XML character data: the five markup characters escaped, and the characters
/// XML 1.0 cannot hold (control characters but tab and line breaks) left out.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// [`escape`] written onto `out` (most text needs nothing and is copied whole).
pub(crate) fn escape_into(out: &mut String, text: &str) {
    let plain = |c: char| {
        !matches!(c, '&' | '<' | '>' | '"' | '\u{FFFE}' | '\u{FFFF}')
            && (c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
    };
    // Most text needs nothing: checked byte by byte (a byte 0xEF may begin U+FFFE or
    // U+FFFF, which XML cannot hold, and is then looked at as characters).
    let plain_byte = |b: u8| {
        !matches!(b, b'&' | b'<' | b'>' | b'"' | 0xEF)
            && (b >= b' ' || matches!(b, b'\t' | b'\n' | b'\r'))
    };
    if text.bytes().all(plain_byte) || text.chars().all(plain) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if plain(c) => out.push(c),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escape_keeps_vietnamese_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            super::escape("Điện Biên <&> \"x\"\u{0}\u{1b}\tend"),
            "Điện Biên &lt;&amp;&gt; &quot;x&quot;\tend"
        );
    }
}
