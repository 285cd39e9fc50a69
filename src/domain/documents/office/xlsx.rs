//! An Excel file (.xlsx, SpreadsheetML of ECMA-376) of tables, a sheet each: numbers as
//! numbers, dates as dates shown dd/mm/yyyy, money in billions of đồng, percentages as
//! percentages; the header row bold and frozen, columns as wide as the table says.
//! Text is written inline in its cell (no shared-strings part), which Excel and
//! LibreOffice both read.

use chrono::NaiveDate;

use std::fmt::Write;

use super::zip::Zip;
use super::{escape, escape_into};
use crate::domain::documents::table::{Cell, Table};
use crate::domain::money::ONE_BILLION;

/// The cell styles of `styles.xml`, by their index in `cellXfs`.
#[derive(Clone, Copy)]
enum Style {
    Text = 0,
    Head = 1,
    Date = 2,
    Billions = 3,
    Percent = 4,
    Int = 5,
}

const STYLES: &str = r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Arial"/></font><font><b/><sz val="11"/><name val="Arial"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"##;

/// "A", "B", …, "Z", "AA", … for column `index` from 0.
fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// A date as Excel's serial number: days since 30 December 1899.
fn serial(date: NaiveDate) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    (date - epoch).num_days()
}

/// Excel holds at most this many characters in a cell; longer text is cut there.
const CELL_CHARS: usize = 32_767;

fn text_cell(out: &mut String, at: &str, text: &str, style: Style) {
    let _ = write!(
        out,
        r#"<c r="{at}" s="{}" t="inlineStr"><is><t xml:space="preserve">"#,
        style as u8
    );
    match text.char_indices().nth(CELL_CHARS) {
        Some((cut, _)) => escape_into(out, &text[..cut]),
        None => escape_into(out, text),
    }
    out.push_str("</t></is></c>");
}

fn number_cell(out: &mut String, at: &str, value: f64, style: Style) {
    // Not a number or infinite: Excel has no such value; the cell stays empty.
    if value.is_finite() {
        let _ = write!(out, r#"<c r="{at}" s="{}"><v>{value}</v></c>"#, style as u8);
    }
}

fn cell_xml(out: &mut String, at: &str, cell: &Cell) {
    match cell {
        Cell::Text(t) => text_cell(out, at, t, Style::Text),
        Cell::Int(n) => number_cell(out, at, *n as f64, Style::Int),
        Cell::Percent(Some(p)) => number_cell(out, at, p / 100.0, Style::Percent),
        Cell::Billions(v) => number_cell(out, at, v.0 as f64 / ONE_BILLION as f64, Style::Billions),
        Cell::Decimal(x, _) => number_cell(out, at, *x, Style::Billions),
        Cell::Date(d) => number_cell(out, at, serial(*d) as f64, Style::Date),
        Cell::Percent(None) | Cell::Empty => {}
    }
}

fn sheet_xml(table: &Table) -> String {
    let mut out = String::with_capacity(256 + table.rows.len() * 64 * table.columns.len().max(1));
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>"#);
    for (i, c) in table.columns.iter().enumerate() {
        let _ = write!(
            out,
            r#"<col min="{0}" max="{0}" width="{1}" customWidth="1"/>"#,
            i + 1,
            c.width.max(4)
        );
    }
    out.push_str(r#"</cols><sheetData><row r="1">"#);
    let names: Vec<String> = (0..table.columns.len()).map(column_name).collect();
    let mut at = String::new();
    for (c, name) in table.columns.iter().zip(&names) {
        at.clear();
        let _ = write!(at, "{name}1");
        text_cell(&mut out, &at, &c.head, Style::Head);
    }
    out.push_str("</row>");
    for (r, row) in table.rows.iter().enumerate() {
        let n = r + 2;
        let _ = write!(out, r#"<row r="{n}">"#);
        for (c, name) in row.iter().zip(&names) {
            at.clear();
            let _ = write!(at, "{name}{n}");
            cell_xml(&mut out, &at, c);
        }
        out.push_str("</row>");
    }
    out.push_str("</sheetData></worksheet>");
    out
}

/// A sheet's name as Excel allows it: at most 31 characters, none of `[]:*?/\`, not
/// empty, and unlike the names before it.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    let cut: String = clean.trim().chars().take(31).collect();
    // A name may not begin or end with an apostrophe; "History" is Excel's own.
    let cut = cut.trim_matches('\'').trim();
    let base = match cut {
        "" => "Sheet".to_owned(),
        name if name.eq_ignore_ascii_case("history") => format!("{name} (1)"),
        name => name.to_owned(),
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == candidate.to_lowercase())
    {
        let suffix = format!(" ({n})");
        let keep = 31 - suffix.chars().count();
        candidate = base.chars().take(keep).collect::<String>() + &suffix;
        n += 1;
    }
    candidate
}

/// The Excel file of `tables`, made on `made`.
pub fn xlsx(tables: &[Table], made: NaiveDate) -> Vec<u8> {
    let mut names: Vec<String> = Vec::new();
    for t in tables {
        let name = sheet_name(&t.name, &names);
        names.push(name);
    }
    let overrides: String = (1..=tables.len())
        .map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#))
        .collect();
    let sheets: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(
                r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#,
                escape(n),
                i + 1,
                i + 1
            )
        })
        .collect();
    let rels: String = (1..=tables.len())
        .map(|i| format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#))
        .collect();
    let mut zip = Zip::new(made);
    zip.add(
        "[Content_Types].xml",
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{overrides}</Types>"#).as_bytes(),
    );
    zip.add(
        "_rels/.rels",
        br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    zip.add(
        "xl/workbook.xml",
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>{sheets}</sheets></workbook>"#).as_bytes(),
    );
    zip.add(
        "xl/_rels/workbook.xml.rels",
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#).as_bytes(),
    );
    zip.add("xl/styles.xml", STYLES.as_bytes());
    for (i, t) in tables.iter().enumerate() {
        zip.add(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            sheet_xml(t).as_bytes(),
        );
    }
    zip.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::documents::table::Column;
    use crate::domain::money::Vnd;

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
        let file = xlsx(&[t], d);
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
        assert!(sheet.contains(r#"<c r="A2" s="0" t="inlineStr"><is><t xml:space="preserve">Cầu &lt;Mới&gt;</t></is></c>"#));
        assert!(sheet.contains(r#"<c r="B2" s="3"><v>3355.9</v></c>"#));
        assert!(sheet.contains(r#"<c r="A3" s="2"><v>46357</v></c>"#));
        assert!(sheet.contains(r#"<c r="B3" s="4"><v>0.225</v></c>"#));
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
}
