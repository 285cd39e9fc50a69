//! Tests of the Excel writer: what it writes, read back from the zip.

use super::*;
use crate::domain::documents::table::Column;
use crate::domain::money::Vnd;

fn part(zip: &[u8], name: &str) -> String {
    let parts = super::super::zip::read(zip);
    let (_, data) = parts.iter().find(|(n, _)| n == name).expect(name);
    String::from_utf8(data.clone()).unwrap()
}

#[test]
fn columns_are_named_as_excel_names_them() {
    assert_eq!(column_name(0), "A");
    assert_eq!(column_name(25), "Z");
    assert_eq!(column_name(26), "AA");
    assert_eq!(column_name(27), "AB");
    assert_eq!(column_name(701), "ZZ");
    assert_eq!(column_name(702), "AAA");
}

#[test]
fn dates_are_excel_serials() {
    assert_eq!(serial(NaiveDate::from_ymd_opt(1900, 3, 1).unwrap()), 61);
    assert_eq!(serial(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()), 46357);
}

#[test]
fn a_cell_holds_at_most_what_excel_allows() {
    let mut out = String::new();
    text_cell(&mut out, "A1", &"ạ".repeat(CELL_CHARS + 10), Style::Text);
    assert_eq!(out.matches('ạ').count(), CELL_CHARS);
}

#[test]
fn sheet_names_are_cut_cleaned_and_unique() {
    let taken = vec!["Theo đơn vị".to_owned()];
    assert_eq!(sheet_name("theo đơn vị", &taken), "theo đơn vị (2)");
    assert_eq!(sheet_name("a/b:c", &[]), "a-b-c");
    assert_eq!(sheet_name("", &[]), "Sheet");
    assert_eq!(sheet_name("History", &[]), "History (1)");
    assert_eq!(sheet_name("'trích'", &[]), "trích");
    let quote_at_31 = format!("{}'x", "a".repeat(30));
    assert_eq!(sheet_name(&quote_at_31, &[]), "a".repeat(30));
    let long = "Ủy ban nhân dân xã Mường Phăng huyện Điện Biên";
    assert!(sheet_name(long, &[]).chars().count() <= 31);
}

#[test]
fn cells_keep_their_kind() {
    let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let t = Table {
        about: Default::default(),
        name: "Dự án".into(),
        columns: vec![Column::new("Tên", 30), Column::new("Vốn", 12)],
        rows: vec![
            vec![
                Cell::text("Cầu <Mới>"),
                Cell::Billions(Vnd::billions(3_355, 90)),
            ],
            vec![Cell::Date(d), Cell::Percent(Some(22.5))],
        ],
    };
    let file = xlsx(&[t], DocLang::Vi, d);
    let parts = super::super::zip::read(&file);
    let sheet = String::from_utf8(
        parts
            .iter()
            .find(|(n, _)| n == "xl/worksheets/sheet1.xml")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    assert!(sheet.contains(r#"<c r="A3" s="0" t="inlineStr"><is><t>Cầu &lt;Mới&gt;</t></is></c>"#));
    assert!(sheet.contains(r#"<c r="B3" s="3"><v>3355.9</v></c>"#));
    assert!(sheet.contains(r#"<c r="A4" s="2"><v>46357</v></c>"#));
    assert!(sheet.contains(r#"<c r="B4" s="4"><v>0.225</v></c>"#));
    assert!(sheet.contains(r#"state="frozen""#));
    assert!(sheet.contains(r#"<col min="1" max="1" width="30" customWidth="1"/>"#));
    let workbook = String::from_utf8(
        parts
            .iter()
            .find(|(n, _)| n == "xl/workbook.xml")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    assert!(workbook.contains(r#"<sheet name="Dự án" sheetId="1" r:id="rId1"/>"#));
}

#[test]
fn spaces_are_kept_where_a_reader_could_drop_them() {
    let mut out = String::new();
    text_cell(&mut out, "A1", " hai  dòng\nba ", Style::Text);
    assert!(
        out.contains(r#"<t xml:space="preserve"> hai  dòng"#),
        "{out}"
    );
}

#[test]
fn long_text_wraps_into_as_many_lines_as_it_takes() {
    assert_eq!(wrapped_lines("", 10), 1);
    assert_eq!(wrapped_lines("Sở Xây dựng", 20), 1);
    // "Đôn đốc các" fills 11, "chủ đầu tư" the next line.
    assert_eq!(wrapped_lines("Đôn đốc các chủ đầu tư", 11), 2);
    assert_eq!(wrapped_lines("một\nhai", 40), 2);
    assert_eq!(wrapped_lines(&"x".repeat(25), 10), 3);
    assert_eq!(per_line(50.0, 1.0), 54);
}

#[test]
fn a_sheet_has_its_title_a_header_on_every_page_and_rows_that_show_their_text() {
    let d = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let long = "Khẩn trương hoàn thành công tác bồi thường, giải phóng mặt bằng ".repeat(4);
    let t = Table {
        name: "16-KL-BCĐ".into(),
        columns: vec![Column::new("STT", 6), Column::new("Nội dung", 30)],
        rows: vec![
            vec![Cell::Int(1), Cell::text(long.trim())],
            vec![Cell::Int(2), Cell::text("Ngắn.")],
        ],
        about: crate::domain::documents::table::About {
            what: "Danh sách nhiệm vụ".into(),
            scope: "Kết luận 16-KL/BCĐ".into(),
            ..Default::default()
        },
    };
    let file = xlsx(&[t], DocLang::Vi, d);
    let sheet = part(&file, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("Danh sách nhiệm vụ — Kết luận 16-KL/BCĐ — số liệu đến ngày 07/12/2026"));
    assert!(sheet.contains(r#"<mergeCell ref="A1:B1"/>"#));
    assert!(sheet
        .contains(r#"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#));
    assert!(sheet.contains(r#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#));
    assert!(sheet.contains(
        r#"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
    ));
    // 255 characters at 32 a line: 8 lines of 15 points; the short row keeps the default.
    assert!(
        sheet.contains(r#"<row r="3" ht="120" customHeight="1">"#),
        "{sheet}"
    );
    assert!(sheet.contains(r#"<row r="4">"#));
    assert!(
        sheet.contains(r#"<c r="A4" s="5"><v>2</v></c>"#),
        "a rank or a count is a number"
    );
    let workbook = part(&file, "xl/workbook.xml");
    assert!(workbook.contains(
        r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'16-KL-BCĐ'!$2:$2</definedName>"#
    ));
    let sheets = xlsx(
        &[Table {
            name: "Bà's".into(),
            ..Table::default()
        }],
        DocLang::En,
        d,
    );
    assert!(part(&sheets, "xl/workbook.xml").contains("'Bà''s'!$2:$2"));
    assert!(part(&sheets, "xl/worksheets/sheet1.xml").contains("Bà's — figures as of 07/12/2026"));
}
