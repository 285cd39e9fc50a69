//! An Excel file (.xlsx, SpreadsheetML of ECMA-376) of tables, a sheet each: numbers as
//! numbers, dates as dates shown dd/mm/yyyy, money in billions of đồng, percentages as
//! percentages; a title row (what, scope, period, as of) above the header row, which is
//! bold, frozen and printed on every page; columns as wide as the table says, long text
//! wrapped in rows tall enough to show it; printed landscape on A4, fitted to the page's
//! width. Text is written inline in its cell (no shared-strings part), which Excel and
//! LibreOffice both read.

use chrono::NaiveDate;

use std::fmt::Write;

use super::steps::{run, Steps};
use super::zip::Zip;
use super::{escape, escape_into};
use crate::domain::documents::document::DocLang;
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
    Title = 6,
}

const STYLES: &str = concat!(
    r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"##,
    r##"<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts>"##,
    r##"<fonts count="3"><font><sz val="11"/><name val="Arial"/></font><font><b/><sz val="11"/><name val="Arial"/></font><font><b/><sz val="13"/><name val="Arial"/></font></fonts>"##,
    r##"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill></fills>"##,
    r##"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right><top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border></borders>"##,
    r##"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7">"##,
    r##"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"##,
    r##"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"##,
    r##"<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>"##,
    r##"<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>"##,
    r##"<xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>"##,
    r##"<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>"##,
    r##"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>"##,
    r##"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"##
);

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
    // Spaces kept as typed only where a reader could drop them (at either end, doubled,
    // tabs and line breaks): most cells go without the attribute, a sixth of a long sheet.
    let keep = text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace)
        || text.contains("  ")
        || text.contains(['\t', '\n', '\r']);
    let space = if keep { r#" xml:space="preserve""# } else { "" };
    let _ = write!(
        out,
        r#"<c r="{at}" s="{}" t="inlineStr"><is><t{space}>"#,
        style as u8
    );
    // A text of no more bytes than the limit has no more characters either.
    let cut = if text.len() > CELL_CHARS {
        text.char_indices().nth(CELL_CHARS)
    } else {
        None
    };
    match cut {
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
        Cell::Text(t) if !t.is_empty() => text_cell(out, at, t, Style::Text),
        Cell::Int(n) => number_cell(out, at, *n as f64, Style::Int),
        Cell::Percent(Some(p)) => number_cell(out, at, p / 100.0, Style::Percent),
        Cell::Billions(v) => number_cell(out, at, v.0 as f64 / ONE_BILLION as f64, Style::Billions),
        Cell::Decimal(x, _) => number_cell(out, at, *x, Style::Billions),
        Cell::Date(d) => number_cell(out, at, serial(*d) as f64, Style::Date),
        // An empty cell keeps its border on paper.
        Cell::Text(_) | Cell::Percent(None) | Cell::Empty => {
            let _ = write!(out, r#"<c r="{at}" s="{}"/>"#, Style::Text as u8);
        }
    }
}

/// Points a line of 11-point text takes in a row; the title's 13-point line takes more.
const LINE_POINTS: f64 = 15.0;
const TITLE_LINE_POINTS: f64 = 18.0;
/// The tallest row Excel allows, in points.
const MAX_ROW_POINTS: f64 = 409.0;

/// Characters of text that fit on one line of a column `width` wide, or `share` of that
/// for wider letters (bold, larger). Excel's width is in widths of the digit 0; Vietnamese
/// text in Arial fits about 1.15 letters to it (seen in LibreOffice's print), the cell's
/// padding takes about one: counted a little short, so that a row is never too low.
fn per_line(width: f64, share: f64) -> usize {
    ((width * 1.1 - 1.0) * share).floor().max(1.0) as usize
}

/// Lines `text` takes when wrapped at `per_line` characters, word by word as a spreadsheet
/// wraps it, a word longer than a line cut across lines.
fn wrapped_lines(text: &str, per_line: usize) -> usize {
    // No more bytes than a line holds characters: one line (most cells).
    if text.len() <= per_line && !text.contains('\n') {
        return 1;
    }
    text.split('\n')
        .map(|para| {
            let (mut lines, mut used) = (1, 0);
            for word in para.split(' ').filter(|w| !w.is_empty()) {
                let n = word.chars().count();
                if used > 0 && used + 1 + n <= per_line {
                    used += 1 + n;
                    continue;
                }
                if used > 0 {
                    lines += 1;
                }
                used = n;
                while used > per_line {
                    lines += 1;
                    used -= per_line;
                }
            }
            lines
        })
        .sum()
}

/// A row's `ht` attributes for `lines` lines of `points` each: nothing for one line (the
/// sheet's default), a custom height for more, at most the tallest Excel allows.
fn row_height(out: &mut String, lines: usize, points: f64) {
    if lines > 1 {
        let ht = (lines as f64 * points).min(MAX_ROW_POINTS);
        let _ = write!(out, r#" ht="{ht}" customHeight="1""#);
    }
}

/// The page as printed: landscape A4 (paper 9), fitted to the width of one page and as
/// many pages down as it takes, margins in inches (2 cm left for the binding, 1.5 cm
/// elsewhere), "Trang 2/5" at the foot.
fn page_setup(out: &mut String, lang: DocLang) {
    let page = lang.pick("Trang", "Page");
    let _ = write!(
        out,
        r#"<printOptions horizontalCentered="1"/><pageMargins left="0.79" right="0.59" top="0.59" bottom="0.59" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>&amp;C{page} &amp;P/&amp;N</oddFooter></headerFooter>"#
    );
}

/// The sheet of `table`: its title in row 1 (across every column), its header in row 2
/// (frozen, and repeated on each printed page by the workbook's print titles), its rows
/// from row 3, each as tall as its longest wrapped text. Written a step at a time.
async fn sheet_xml(table: &Table, title: &str, lang: DocLang, steps: &mut Steps<'_>) -> String {
    let mut out = String::with_capacity(1024 + table.rows.len() * 96 * table.columns.len().max(1));
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>"#);
    let widths: Vec<f64> = table
        .columns
        .iter()
        .map(|c| f64::from(c.width.max(4)))
        .collect();
    for (i, w) in widths.iter().enumerate() {
        let _ = write!(
            out,
            r#"<col min="{0}" max="{0}" width="{w}" customWidth="1"/>"#,
            i + 1
        );
    }
    out.push_str("</cols><sheetData>");
    let names: Vec<String> = (0..table.columns.len()).map(column_name).collect();
    // The title across the table's width (or the first column's when there is one).
    let across = widths.iter().sum::<f64>().max(20.0);
    out.push_str(r#"<row r="1""#);
    row_height(
        &mut out,
        wrapped_lines(title, per_line(across, 0.8)),
        TITLE_LINE_POINTS,
    );
    out.push('>');
    text_cell(&mut out, "A1", title, Style::Title);
    out.push_str(r#"</row><row r="2""#);
    let head_lines = table
        .columns
        .iter()
        .zip(&widths)
        .map(|(c, w)| wrapped_lines(&c.head, per_line(*w, 0.9)))
        .max()
        .unwrap_or(1);
    row_height(&mut out, head_lines, LINE_POINTS);
    out.push('>');
    let mut at = String::new();
    for (c, name) in table.columns.iter().zip(&names) {
        at.clear();
        let _ = write!(at, "{name}2");
        text_cell(&mut out, &at, &c.head, Style::Head);
    }
    out.push_str("</row>");
    let per_lines: Vec<usize> = widths.iter().map(|w| per_line(*w, 1.0)).collect();
    for (r, row) in table.rows.iter().enumerate() {
        let n = r + 3;
        let before = out.len();
        let lines = row
            .iter()
            .zip(&per_lines)
            .map(|(c, per)| match c {
                Cell::Text(t) => wrapped_lines(t, *per),
                _ => 1,
            })
            .max()
            .unwrap_or(1);
        let _ = write!(out, r#"<row r="{n}""#);
        row_height(&mut out, lines, LINE_POINTS);
        out.push('>');
        for (c, name) in row.iter().zip(&names) {
            at.clear();
            let _ = write!(at, "{name}{n}");
            cell_xml(&mut out, &at, c);
        }
        out.push_str("</row>");
        steps.did(out.len() - before).await;
    }
    out.push_str("</sheetData>");
    if let Some(last) = names.last().filter(|_| names.len() > 1) {
        let _ = write!(
            out,
            r#"<mergeCells count="1"><mergeCell ref="A1:{last}1"/></mergeCells>"#
        );
    }
    page_setup(&mut out, lang);
    out.push_str("</worksheet>");
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

/// The workbook's print titles: each sheet's header row (row 2) on every printed page.
fn print_titles(names: &[String]) -> String {
    let mut out = String::from("<definedNames>");
    for (i, n) in names.iter().enumerate() {
        let quoted = format!("'{}'!$2:$2", n.replace('\'', "''"));
        let _ = write!(
            out,
            r#"<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{}</definedName>"#,
            escape(&quoted)
        );
    }
    out.push_str("</definedNames>");
    out
}

/// The Excel file of `tables`, made on `made`, titled in `lang`.
pub fn xlsx(tables: &[Table], lang: DocLang, made: NaiveDate) -> Vec<u8> {
    run(xlsx_in_steps(tables, lang, made, &mut Steps::none()))
}

/// [`xlsx`] made a step at a time: the same bytes.
pub async fn xlsx_in_steps(
    tables: &[Table],
    lang: DocLang,
    made: NaiveDate,
    steps: &mut Steps<'_>,
) -> Vec<u8> {
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
        steps,
    )
    .await;
    zip.add(
        "_rels/.rels",
        br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        steps,
    )
    .await;
    zip.add(
        "xl/workbook.xml",
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>{sheets}</sheets>{}</workbook>"#, if names.is_empty() { String::new() } else { print_titles(&names) }).as_bytes(),
        steps,
    )
    .await;
    zip.add(
        "xl/_rels/workbook.xml.rels",
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#).as_bytes(),
        steps,
    )
    .await;
    zip.add("xl/styles.xml", STYLES.as_bytes(), steps).await;
    for (i, t) in tables.iter().enumerate() {
        let sheet = sheet_xml(t, &t.title(made, lang), lang, steps).await;
        zip.add(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            sheet.as_bytes(),
            steps,
        )
        .await;
    }
    zip.finish()
}

#[cfg(test)]
#[path = "xlsx_tests.rs"]
mod tests;
