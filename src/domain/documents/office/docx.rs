//! A Word file (.docx, WordprocessingML of ECMA-376) of one or more documents, laid out as
//! the print view lays them: A4 portrait, margins 20/15/20/30 mm, Times New Roman 14 pt,
//! the header's two blocks side by side, page numbers from page 2. Several documents (the
//! letters to every overdue unit) are sections of one file, each from a new page with its
//! own page numbers. The elements (runs, paragraphs, rules, tables) are here; a document
//! laid out of them in `layout`; the package's parts around it here.

use chrono::NaiveDate;

use super::escape;
use super::steps::{run, Steps};
use super::zip::Zip;
use crate::domain::documents::document::{DocLang, Document};

mod layout;

use layout::document_xml;

/// The width the text may take: 210 mm less 30 mm and 15 mm, in twentieths of a point.
const TEXT_WIDTH: u32 = 9355;
/// A first-line indent of 1.27 cm.
const INDENT: u32 = 720;

#[derive(Default, Clone, Copy)]
struct Run {
    bold: bool,
    italic: bool,
    underline: bool,
    /// Half-points: 28 is 14 pt.
    size: u32,
}

const BODY: Run = Run {
    bold: false,
    italic: false,
    underline: false,
    size: 28,
};

impl Run {
    fn bold(self) -> Run {
        Run { bold: true, ..self }
    }
    fn italic(self) -> Run {
        Run {
            italic: true,
            ..self
        }
    }
    fn underline(self) -> Run {
        Run {
            underline: true,
            ..self
        }
    }
    fn size(self, pt: u32) -> Run {
        Run {
            size: pt * 2,
            ..self
        }
    }

    fn xml(self, text: &str) -> String {
        // In the schema's order: b, i, sz, szCs, u (Word drops properties out of order).
        let mut props = String::new();
        if self.bold {
            props.push_str("<w:b/>");
        }
        if self.italic {
            props.push_str("<w:i/>");
        }
        if self.size != BODY.size {
            props.push_str(&format!(
                r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#,
                self.size
            ));
        }
        if self.underline {
            props.push_str(r#"<w:u w:val="single"/>"#);
        }
        let mut out = String::new();
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push_str("<w:r><w:br/></w:r>");
            }
            out.push_str(&format!(
                r#"<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                escape(line)
            ));
        }
        out
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Center,
    Right,
    Both,
}

#[derive(Clone, Copy)]
struct Para {
    align: Align,
    indent: u32,
    before: u32,
    after: u32,
    keep_next: bool,
}

const CENTER: Para = Para {
    align: Align::Center,
    indent: 0,
    before: 0,
    after: 0,
    keep_next: false,
};

impl Para {
    fn xml(self, runs: &str) -> String {
        let jc = match self.align {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
        };
        let keep = if self.keep_next { "<w:keepNext/>" } else { "" };
        format!(
            r#"<w:p><w:pPr>{keep}<w:spacing w:before="{}" w:after="{}"/><w:ind w:firstLine="{}"/><w:jc w:val="{jc}"/></w:pPr>{runs}</w:p>"#,
            self.before, self.after, self.indent
        )
    }
}

/// A short centred rule: an empty paragraph with a bottom border, indented to `width`.
fn rule(cell_width: u32, width: u32) -> String {
    let side = cell_width.saturating_sub(width) / 2;
    format!(
        r#"<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/><w:ind w:left="{side}" w:right="{side}"/></w:pPr></w:p>"#
    )
}

fn cell(width: u32, content: &str, borders: bool) -> String {
    let borders = if borders {
        ""
    } else {
        r#"<w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/></w:tcBorders>"#
    };
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{borders}</w:tcPr>{content}</w:tc>"#
    )
}

fn table(widths: &[u32], rows: &[String], borders: bool, header_rows: usize) -> String {
    let grid: String = widths
        .iter()
        .map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#))
        .collect();
    let border = if borders {
        r#"<w:tblBorders><w:top w:val="single" w:sz="4" w:color="000000"/><w:left w:val="single" w:sz="4" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:color="000000"/><w:right w:val="single" w:sz="4" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:color="000000"/></w:tblBorders>"#
    } else {
        ""
    };
    let rows: String = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let head = if i < header_rows {
                "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
            } else {
                "<w:trPr><w:cantSplit/></w:trPr>"
            };
            format!("<w:tr>{head}{r}</w:tr>")
        })
        .collect();
    let total: u32 = widths.iter().sum();
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/>{border}<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"#
    )
}

/// Column widths in proportion to the table's own, filling the text width.
fn widths(columns: &[(String, u8)]) -> Vec<u32> {
    let sum: u32 = columns.iter().map(|(_, w)| u32::from((*w).max(1))).sum();
    columns
        .iter()
        .map(|(_, w)| TEXT_WIDTH * u32::from((*w).max(1)) / sum.max(1))
        .collect()
}

/// A4 portrait, the decree's margins, page numbers restarting at 1 and shown from page 2.
const SECTION: &str = r#"<w:headerReference w:type="default" r:id="rIdPageNumber"/><w:headerReference w:type="first" r:id="rIdFirst"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:pgNumType w:start="1"/><w:titlePg/>"#;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn styles(lang: DocLang) -> String {
    let tag = match lang {
        DocLang::Vi => "vi-VN",
        DocLang::En => "en-GB",
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="{tag}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#
    )
}

const PAGE_NUMBER: &str = r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;

/// The Word file of `docs`, made on `made`.
pub fn docx(docs: &[Document], lang: DocLang, made: NaiveDate) -> Vec<u8> {
    run(docx_in_steps(docs, lang, made, &mut Steps::none()))
}

/// [`docx`] made a step at a time: the same bytes.
pub async fn docx_in_steps(
    docs: &[Document],
    lang: DocLang,
    made: NaiveDate,
    steps: &mut Steps<'_>,
) -> Vec<u8> {
    let document = document_xml(docs, lang, steps).await;
    let styles = styles(lang);
    let header = |inner: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {NS}>{inner}</w:hdr>"#
        )
    };
    let (numbered, first) = (header(PAGE_NUMBER), header("<w:p/>"));
    let parts: [(&str, &[u8]); 7] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        (
            "word/_rels/document.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdPageNumber" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#,
        ),
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/header1.xml", numbered.as_bytes()),
        ("word/header2.xml", first.as_bytes()),
    ];
    let mut zip = Zip::new(made);
    for (name, part) in parts {
        zip.add(name, part, steps).await;
    }
    zip.finish()
}

#[cfg(test)]
#[path = "docx_tests.rs"]
mod tests;
