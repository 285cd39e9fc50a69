//! The follow-up report's document and tables against the sample.

use super::tables::attention_columns;
use super::*;
use crate::domain::documents::table::{Cell, Table};
use crate::domain::followup::report_counts::ReportScope;
use crate::domain::sample::fixture::sample;

#[test]
fn the_excel_file_has_its_three_tables_even_when_nothing_is_late() {
    let (data, today) = sample();
    let long_ago = today - chrono::Days::new(3650);
    let report = data.follow_up_report(&ReportScope::Everything, long_ago, long_ago, 7);
    let tables = report_tables(&data, &report, DocLang::Vi);
    assert_eq!(tables.len(), 3);
    assert!(tables[2].rows.is_empty());
    assert_eq!(
        tables[2].columns.len(),
        attention_columns(DocLang::Vi).len()
    );
}

#[test]
fn a_report_on_one_conclusion_says_so_in_its_subject_and_sheets() {
    let (data, today) = sample();
    let c = data
        .conclusions
        .iter()
        .find(|c| c.number_symbol == "16-KL/BCĐ")
        .unwrap();
    let scope = ReportScope::Conclusions(vec![c.id.clone()]);
    let report = data.follow_up_report(&scope, today - chrono::Days::new(30), today, 7);
    let from = crate::domain::documents::letterhead::test_sending(crate::domain::BodyKind::Party);
    let doc = follow_up_report_document(&data, &report, &from, DocLang::Vi);
    assert!(
        doc.subject
            .starts_with("Tình hình thực hiện Kết luận số 16-KL/BCĐ (từ ngày"),
        "{}",
        doc.subject
    );
    for t in report_tables(&data, &report, DocLang::Vi) {
        assert_eq!(t.about.scope, "Kết luận số 16-KL/BCĐ");
    }
}

#[test]
fn the_counts_table_holds_the_headline_figures() {
    let (data, today) = sample();
    let report = data.follow_up_report(&ReportScope::Everything, today, today, 7);
    let t = report_counts_table(&report, DocLang::En);
    assert_eq!(t.rows[1][1], Cell::Date(today));
    assert_eq!(t.rows[7][1], Cell::Int(report.totals.overdue as i64));
    assert_eq!(t.rows[8][1], Cell::Percent(report.totals.overdue_share()));
}

#[test]
fn the_report_document_puts_the_overdue_share_first_and_ranks_units() {
    let (data, today) = sample();
    let report = data.follow_up_report(
        &ReportScope::Everything,
        today - chrono::Days::new(90),
        today,
        7,
    );
    let from = crate::domain::documents::letterhead::test_sending(crate::domain::BodyKind::Party);
    let doc = follow_up_report_document(&data, &report, &from, DocLang::Vi);
    assert_eq!(doc.kind, "BÁO CÁO");
    assert!(doc
        .subject
        .starts_with("Tình hình thực hiện các kết luận của Ban Chỉ đạo"));
    assert_eq!(doc.header.issuing_body, "VĂN PHÒNG BAN CHỈ ĐẠO");
    // Left to the registry, the number's space stays before the symbol.
    assert_eq!(doc.header.number, "Số         -BC");
    assert!(doc.header.place_date.starts_with("Điện Biên, ngày "));
    assert_eq!(doc.signer_title, vec!["CHÁNH VĂN PHÒNG"]);
    assert_eq!(doc.signer_name, "Nguyễn Văn C");
    let Block::Paragraph(overall) = &doc.body[1] else {
        panic!("{:?}", doc.body[1])
    };
    assert!(overall.contains("Tỷ lệ nhiệm vụ quá hạn: "), "{overall}");
    assert!(
        overall.contains("Không tính 1 nhiệm vụ đã chuyển nơi khác"),
        "{overall}"
    );
    let Block::Paragraph(rule) = &doc.body[3] else {
        panic!("{:?}", doc.body[3])
    };
    assert!(
        rule.starts_with("Xếp hạng theo tỷ lệ hoàn thành đúng hạn"),
        "{rule}"
    );
    let Block::Table(Table { rows, .. }) = &doc.body[4] else {
        panic!("{:?}", doc.body[4])
    };
    assert!(
        rows.iter()
            .all(|r| matches!(r[0], Cell::Int(_)) || r[0].display(DocLang::Vi) == "Chưa đến hạn"),
        "ranks are numbers"
    );
    assert_eq!(rows.len(), report.by_unit.len());
    assert!(rows[0][0].display(DocLang::Vi).starts_with('1'));
    let Some(Block::Table(Table { rows, .. })) = doc.body.last() else {
        panic!("the sample has overdue directives")
    };
    assert_eq!(rows.len(), report.attention.len());
    assert!(
        // The oldest overdue: the district's item of 2025, now a commune's.
        rows[0][1].display(DocLang::Vi).contains("05-KL/BCĐ"),
        "{:?}",
        rows[0]
    );
}
