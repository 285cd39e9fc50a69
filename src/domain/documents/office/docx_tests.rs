//! Tests of the Word writer: what it writes, read back from the zip.

use super::*;
use crate::domain::documents::document::conclusion_notice;
use crate::domain::sample::fixture::sample;
use crate::domain::units::org::BodyKind;

fn part(zip: &[u8], name: &str) -> String {
    let parts = super::super::zip::read(zip);
    let (_, data) = parts.iter().find(|(n, _)| n == name).expect(name);
    String::from_utf8(data.clone()).unwrap()
}

#[test]
fn the_notice_goes_into_word_with_its_header_and_signer() {
    let (data, today) = sample();
    let c = crate::domain::sample::fixture::conclusion_16(&data);
    let doc = conclusion_notice(&data, c, DocLang::Vi);
    let file = docx(std::slice::from_ref(&doc), DocLang::Vi, today);
    let xml = part(&file, "word/document.xml");
    assert!(xml.contains(">ĐẢNG CỘNG SẢN VIỆT NAM<"), "Party header");
    assert!(xml.contains(">Số 16-KL/BCĐ<"));
    assert!(xml.contains(">KẾT LUẬN<"));
    assert!(xml.contains(&format!(">{}<", escape(&doc.signer_name))));
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
    assert!(xml.contains(r#"w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#));
    assert!(xml.contains("<w:titlePg/>"), "no number on page 1");
    assert!(part(&file, "word/header1.xml").contains(" PAGE "));
    assert!(part(&file, "word/styles.xml").contains("Times New Roman"));
}

/// The children of every `tag` element are in the order of `order` (the schema's
/// sequence; Word refuses or drops what is out of order, LibreOffice does not mind).
fn in_schema_order(xml: &str, tag: &str, order: &[&str]) {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    for chunk in xml.split(&open).skip(1) {
        let inner = &chunk[..chunk.find(&close).unwrap_or(chunk.len())];
        let mut last = 0;
        for piece in inner.split('<').skip(1) {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == ':')
                .collect();
            let Some(at) = order.iter().position(|o| *o == name) else {
                continue;
            };
            assert!(at >= last, "{name} out of order in <{tag}>: {inner}");
            last = at;
        }
    }
}

#[test]
fn properties_are_written_in_the_schemas_order() {
    let (data, today) = sample();
    let report = data.follow_up_report(
        &crate::domain::followup::report_counts::ReportScope::Everything,
        today - chrono::Days::new(90),
        today,
        7,
    );
    let from = crate::domain::documents::letterhead::test_sending(BodyKind::Party);
    let notice = conclusion_notice(&data, data.conclusions.iter().next().unwrap(), DocLang::Vi);
    let report = crate::domain::documents::document::follow_up_report_document(
        &data,
        &report,
        &from,
        DocLang::Vi,
    );
    let xml = part(
        &docx(&[report, notice], DocLang::Vi, today),
        "word/document.xml",
    );
    in_schema_order(
        &xml,
        "w:rPr",
        &[
            "w:rFonts", "w:b", "w:i", "w:color", "w:sz", "w:szCs", "w:u", "w:lang",
        ],
    );
    in_schema_order(
        &xml,
        "w:pPr",
        &[
            "w:keepNext",
            "w:pBdr",
            "w:spacing",
            "w:ind",
            "w:jc",
            "w:sectPr",
        ],
    );
    in_schema_order(
        &xml,
        "w:tblPr",
        &["w:tblW", "w:tblBorders", "w:tblLayout", "w:tblCellMar"],
    );
    in_schema_order(&xml, "w:tcPr", &["w:tcW", "w:tcBorders"]);
    in_schema_order(
        &xml,
        "w:sectPr",
        &[
            "w:headerReference",
            "w:pgSz",
            "w:pgMar",
            "w:pgNumType",
            "w:titlePg",
        ],
    );
    assert!(
        xml.contains(r#"<w:u w:val="single"/></w:rPr>"#),
        "the Party name underlined, last"
    );
    assert!(
        xml.contains("</w:p><w:sectPr>"),
        "the body ends on a paragraph"
    );
}

#[test]
fn several_documents_are_sections_of_one_file() {
    let (data, today) = sample();
    let docs: Vec<Document> = data
        .conclusions
        .iter()
        .take(2)
        .map(|c| conclusion_notice(&data, c, DocLang::En))
        .collect();
    let xml = part(&docx(&docs, DocLang::En, today), "word/document.xml");
    assert_eq!(xml.matches("<w:sectPr>").count(), 2);
    assert_eq!(xml.matches(r#"<w:pgNumType w:start="1"/>"#).count(), 2);
}

#[test]
fn what_an_officer_typed_cannot_break_the_file() {
    let (data, today) = sample();
    let mut doc = conclusion_notice(
        &data,
        &data.conclusions.iter().next().unwrap().clone(),
        DocLang::Vi,
    );
    doc.subject = "A <b> & \"c\" \u{1} end".into();
    let xml = part(&docx(&[doc], DocLang::Vi, today), "word/document.xml");
    assert!(xml.contains("A &lt;b&gt; &amp; &quot;c&quot;  end"));
}
