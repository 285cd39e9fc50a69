//! A document laid out as the print view lays it: the header's two blocks side by side,
//! the kind and subject, the body's blocks, the recipients beside the signer; several
//! documents each a section of `document.xml`.

use super::{
    cell, rule, table, widths, Align, Para, Run, BODY, CENTER, INDENT, NS, SECTION, TEXT_WIDTH,
};
use crate::domain::documents::document::{Block, DocLang, Document};
use crate::domain::documents::office::steps::Steps;
use crate::domain::documents::table::Table;
use crate::domain::units::org::BodyKind;

/// A table of data, a step at a time (the report's list of what needs chasing runs to
/// thousands of rows).
async fn data_table(t: &Table, lang: DocLang, steps: &mut Steps<'_>) -> String {
    let (columns, printed) = t.on_paper(lang);
    let widths = widths(&columns);
    let small = BODY.size(12);
    let p = |align, text: &str, run: Run| Para { align, ..CENTER }.xml(&run.xml(text));
    let head: String = columns
        .iter()
        .zip(&widths)
        .map(|((h, _), w)| cell(*w, &p(Align::Center, h, small.bold()), true))
        .collect();
    let mut rows = vec![head];
    for row in &printed {
        let row: String = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                let align = if c.numeric { Align::Right } else { Align::Left };
                cell(*w, &p(align, &c.text, small), true)
            })
            .collect();
        steps.did(row.len()).await;
        rows.push(row);
    }
    // An empty paragraph after the table: Word needs one before the next table.
    table(&widths, &rows, true, 1)
        + &Para {
            after: 120,
            ..CENTER
        }
        .xml("")
}

fn header(doc: &Document) -> String {
    let h = &doc.header;
    // The decree's 12–13 pt national name fits on one line at 12 pt in 62% of the width.
    let (left, right) = (TEXT_WIDTH * 38 / 100, TEXT_WIDTH - TEXT_WIDTH * 38 / 100);
    let mut issuer = String::new();
    if !h.parent_body.is_empty() {
        issuer.push_str(&CENTER.xml(&BODY.size(13).xml(&h.parent_body)));
    }
    issuer.push_str(&CENTER.xml(&BODY.size(13).bold().xml(&h.issuing_body)));
    if doc.body_kind == BodyKind::Party {
        issuer.push_str(&CENTER.xml(&BODY.size(13).xml("*")));
    } else {
        issuer.push_str(&rule(left, left * 2 / 5));
    }
    issuer.push_str(
        &Para {
            before: 120,
            ..CENTER
        }
        .xml(&BODY.size(13).xml(&h.number)),
    );
    if !h.regarding.is_empty() {
        issuer.push_str(&CENTER.xml(&BODY.size(12).xml(&h.regarding)));
    }
    let name_run = BODY.size(12).bold();
    let mut nation = CENTER.xml(&match h.motto {
        Some(_) => name_run.xml(h.national_name),
        None => name_run.underline().xml(h.national_name),
    });
    if let Some(motto) = h.motto {
        nation.push_str(&CENTER.xml(&BODY.bold().underline().xml(motto)));
    }
    nation.push_str(
        &Para {
            before: 240,
            ..CENTER
        }
        .xml(&BODY.italic().xml(&h.place_date)),
    );
    let row = cell(left, &issuer, false) + &cell(right, &nation, false);
    table(&[left, right], &[row], false, 0)
}

async fn body(doc: &Document, lang: DocLang, steps: &mut Steps<'_>) -> String {
    let justified = Para {
        align: Align::Both,
        indent: INDENT,
        before: 0,
        after: 120,
        keep_next: false,
    };
    let mut out = String::new();
    if !doc.kind.is_empty() {
        let size = if doc.body_kind == BodyKind::Party {
            15
        } else {
            14
        };
        out.push_str(
            &Para {
                before: 360,
                keep_next: true,
                ..CENTER
            }
            .xml(&BODY.size(size).bold().xml(&doc.kind)),
        );
    }
    if !doc.subject.is_empty() {
        out.push_str(
            &Para {
                keep_next: true,
                before: if doc.kind.is_empty() { 360 } else { 0 },
                ..CENTER
            }
            .xml(&BODY.bold().xml(&doc.subject)),
        );
        if doc.body_kind == BodyKind::Party {
            out.push_str(&CENTER.xml(&BODY.xml("-----")));
        } else {
            out.push_str(&rule(TEXT_WIDTH, TEXT_WIDTH / 4));
        }
        out.push_str(
            &Para {
                after: 120,
                ..CENTER
            }
            .xml(""),
        );
    }
    for block in &doc.body {
        let before = out.len();
        out.push_str(&match block {
            Block::Paragraph(text) => justified.xml(&BODY.xml(text)),
            Block::Heading(text) => Para {
                indent: 0,
                before: 120,
                keep_next: true,
                ..justified
            }
            .xml(&BODY.bold().xml(text)),
            Block::Addressee(text) => Para {
                before: 360,
                after: 240,
                ..CENTER
            }
            .xml(&BODY.xml(text)),
            Block::Item { label, text, .. } => {
                justified.xml(&(BODY.bold().xml(label) + &BODY.xml(&format!(" {text}"))))
            }
            Block::Table(t) => data_table(t, lang, steps).await,
        });
        steps.did(out.len() - before).await;
    }
    out
}

fn foot(doc: &Document) -> String {
    let half = TEXT_WIDTH / 2;
    let left_para = Para {
        align: Align::Left,
        ..CENTER
    };
    let mut recipients = Para {
        before: 240,
        ..left_para
    }
    .xml(&BODY.size(12).bold().italic().xml(doc.recipients_heading));
    for line in &doc.recipients {
        recipients.push_str(&left_para.xml(&BODY.size(11).xml(line)));
    }
    let mut signer = String::new();
    for (i, line) in doc.signer_title.iter().enumerate() {
        let before = if i == 0 { 240 } else { 0 };
        signer.push_str(&Para { before, ..CENTER }.xml(&BODY.bold().xml(line)));
    }
    signer.push_str(
        &Para {
            before: 1440,
            ..CENTER
        }
        .xml(&BODY.bold().xml(&doc.signer_name)),
    );
    let row = cell(half, &recipients, false) + &cell(TEXT_WIDTH - half, &signer, false);
    table(&[half, TEXT_WIDTH - half], &[row], false, 0)
}

/// The body of `document.xml`: each document a section.
pub(super) async fn document_xml(
    docs: &[Document],
    lang: DocLang,
    steps: &mut Steps<'_>,
) -> String {
    let mut out = String::new();
    for (i, doc) in docs.iter().enumerate() {
        out.push_str(&header(doc));
        out.push_str(&body(doc, lang, steps).await);
        out.push_str(&foot(doc));
        // A paragraph after the signature's table: the body must not end on a table.
        out.push_str(r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>"#);
        if i + 1 < docs.len() {
            // A section ends with a paragraph carrying its properties; the next one
            // starts on a new page.
            out.push_str(&format!(
                r#"<w:p><w:pPr><w:sectPr>{SECTION}</w:sectPr></w:pPr></w:p>"#
            ));
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{out}<w:sectPr>{SECTION}</w:sectPr></w:body></w:document>"#
    )
}
