//! A table as the office hands it on: typed cells under named columns. One table feeds a
//! printed document (each cell written in the document's language), an Excel sheet
//! (numbers as numbers, dates as dates) and a CSV file.

use chrono::NaiveDate;

use crate::domain::dates::dd_mm_yyyy;
use crate::domain::documents::document::DocLang;
use crate::domain::documents::office::{run, Steps};
use crate::domain::money::{Vnd, ONE_BILLION};
use crate::domain::number::{format_scaled, DecimalMark};

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A count or a rank.
    Int(i64),
    /// A percentage (22.22 is 22,22%), or "—" when there is nothing to divide.
    Percent(Option<f64>),
    /// Money, shown in billions of đồng to the hundredth (trailing zeros dropped, as the
    /// app writes figures).
    Billions(Vnd),
    /// A measured figure (hectares, households) with its number of decimals.
    Decimal(f64, u8),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    pub fn date(date: Option<NaiveDate>) -> Cell {
        date.map_or(Cell::Empty, Cell::Date)
    }

    /// Right-aligned when printed.
    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            Cell::Int(_) | Cell::Percent(_) | Cell::Billions(_) | Cell::Decimal(..)
        )
    }

    /// The cell as a reader of the document in `lang` writes it.
    pub fn display(&self, lang: DocLang) -> String {
        let mark = match lang {
            DocLang::Vi => DecimalMark::Comma,
            DocLang::En => DecimalMark::Point,
        };
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Percent(None) => "—".to_owned(),
            Cell::Percent(Some(p)) => {
                format!("{}%", format_scaled((p * 100.0).round() as i64, 2, mark))
            }
            Cell::Billions(v) => format_scaled(hundredths_of_billion(*v), 2, mark),
            Cell::Decimal(x, decimals) => {
                let scale = 10f64.powi(i32::from(*decimals));
                format_scaled((x * scale).round() as i64, u32::from(*decimals), mark)
            }
            Cell::Date(d) => dd_mm_yyyy(*d),
            Cell::Empty => String::new(),
        }
    }

    /// The cell in a CSV file for other tools: a point for decimals, no grouping, the
    /// percentage as its number, dates as dd/mm/yyyy.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Percent(None) | Cell::Empty => String::new(),
            Cell::Percent(Some(p)) => format!("{:.2}", p),
            // Exact to the đồng (at least two decimals): a column summed in Excel gives the
            // total the screen shows, not the sum of rounded lines.
            Cell::Billions(v) => {
                let sign = if v.0 < 0 { "-" } else { "" };
                let (whole, part) = (
                    v.0.unsigned_abs() / 1_000_000_000,
                    v.0.unsigned_abs() % 1_000_000_000,
                );
                let digits = format!("{part:09}");
                let digits = digits.trim_end_matches('0');
                let digits = if digits.len() < 2 {
                    &format!("{part:09}")[..2]
                } else {
                    digits
                };
                format!("{sign}{whole}.{digits}")
            }
            Cell::Decimal(x, decimals) => format!("{:.*}", usize::from(*decimals), x),
            Cell::Date(d) => dd_mm_yyyy(*d),
        }
    }
}

/// Hundredths of a billion đồng, rounded half away from zero.
fn hundredths_of_billion(v: Vnd) -> i64 {
    let unit = ONE_BILLION / 100;
    let half = unit / 2;
    if v.0 >= 0 {
        (v.0 + half) / unit
    } else {
        (v.0 - half) / unit
    }
}

/// How a column shows on paper, where a page is narrower than a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnPaper {
    Shown,
    /// In the sheet only (the deadline's words beside its date).
    Hidden,
    /// Written before the next column's text: "12/11/2026: Đã kiểm đếm 96/155 hộ."
    BeforeNext,
    /// A word qualifying the next column's figure, written before it: "trên 27.130,00".
    WordBeforeNext,
}

/// A column: its heading, how wide it is (characters in a sheet; shares of the line on
/// paper) and how it shows on paper.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub head: String,
    pub width: u8,
    pub on_paper: OnPaper,
}

impl Column {
    pub fn new(head: &str, width: u8) -> Column {
        Column {
            head: head.to_owned(),
            width,
            on_paper: OnPaper::Shown,
        }
    }

    pub fn on_paper(self, on_paper: OnPaper) -> Column {
        Column { on_paper, ..self }
    }
}

/// A cell as printed: its text and whether it is a number (aligned right).
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedCell {
    pub text: String,
    pub numeric: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// What the table is (an Excel sheet's name, at most 31 characters there).
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// What a sheet of it says above its header row.
    pub about: About,
}

/// What a table lists, over what, for which period and as of which day: the title row of
/// its sheet ("Danh sách nhiệm vụ — Kết luận 16-KL/BCĐ — số liệu đến ngày 07/12/2026").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct About {
    /// What the table lists, in full; the table's name when empty.
    pub what: String,
    /// Over what: a conclusion, a unit; nothing said when empty.
    pub scope: String,
    /// The period its figures cover, first and last day.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The day its figures are as of; the day the file is made when none.
    pub as_of: Option<NaiveDate>,
}

impl Table {
    /// The table with what its sheet says above the header.
    pub fn about(self, about: About) -> Table {
        Table { about, ..self }
    }

    /// The title row of its sheet in `lang`, for a file made on `made`: what, scope,
    /// period, as of, joined by dashes.
    pub fn title(&self, made: NaiveDate, lang: DocLang) -> String {
        let a = &self.about;
        let what = if a.what.is_empty() {
            &self.name
        } else {
            &a.what
        };
        let mut parts = vec![what.clone()];
        if !a.scope.is_empty() {
            parts.push(a.scope.clone());
        }
        if let Some((from, to)) = a.period {
            let (from, to) = (dd_mm_yyyy(from), dd_mm_yyyy(to));
            parts.push(match lang {
                DocLang::Vi => format!("từ ngày {from} đến ngày {to}"),
                DocLang::En => format!("from {from} to {to}"),
            });
        }
        let as_of = dd_mm_yyyy(a.as_of.unwrap_or(made));
        parts.push(match lang {
            DocLang::Vi => format!("số liệu đến ngày {as_of}"),
            DocLang::En => format!("figures as of {as_of}"),
        });
        parts.retain(|p| !p.trim().is_empty());
        parts.join(" — ")
    }

    /// The table as a page shows it in `lang`: its columns' headings and widths, and each
    /// row's cells, with [`OnPaper`] applied.
    pub fn on_paper(&self, lang: DocLang) -> (Vec<(String, u8)>, Vec<Vec<PrintedCell>>) {
        let columns = self
            .columns
            .iter()
            .filter(|c| c.on_paper == OnPaper::Shown)
            .map(|c| (c.head.clone(), c.width))
            .collect();
        let rows = self
            .rows
            .iter()
            .map(|row| {
                let mut out = Vec::new();
                let mut before = String::new();
                let mut joint = ": ";
                for (cell, column) in row.iter().zip(&self.columns) {
                    match column.on_paper {
                        OnPaper::Hidden => {}
                        OnPaper::BeforeNext => (before, joint) = (cell.display(lang), ": "),
                        OnPaper::WordBeforeNext => (before, joint) = (cell.display(lang), " "),
                        OnPaper::Shown => {
                            let text = cell.display(lang);
                            let text = match (before.is_empty(), text.is_empty()) {
                                (true, _) => text,
                                (false, true) => std::mem::take(&mut before),
                                (false, false) => {
                                    format!("{}{joint}{text}", std::mem::take(&mut before))
                                }
                            };
                            out.push(PrintedCell {
                                text,
                                numeric: cell.is_numeric(),
                            });
                        }
                    }
                }
                out
            })
            .collect();
        (columns, rows)
    }

    /// The table as CSV: UTF-8 with a byte-order mark (so Excel reads Vietnamese), commas,
    /// fields quoted when they hold a comma, a quote or a line break, lines ending CRLF.
    pub fn to_csv(&self) -> Vec<u8> {
        run(self.csv_in_steps(&mut Steps::none()))
    }

    /// [`Table::to_csv`] written a step at a time: the same bytes.
    pub async fn csv_in_steps(&self, steps: &mut Steps<'_>) -> Vec<u8> {
        let mut out = String::from("\u{feff}");
        let head = self.columns.iter().map(|c| c.head.clone());
        let lines = std::iter::once(head.collect::<Vec<_>>()).chain(
            self.rows
                .iter()
                .map(|r| r.iter().map(Cell::plain).collect()),
        );
        for line in lines {
            let before = out.len();
            let fields: Vec<String> = line.iter().map(|f| csv_field(f)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
            steps.did(out.len() - before).await;
        }
        out.into_bytes()
    }
}

fn csv_field(text: &str) -> String {
    // A leading = + - @ (or a tab or carriage return before one) would be run as a formula
    // by a spreadsheet: kept as text.
    let guarded = match text.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => format!("'{text}"),
        Some('-') if text.parse::<f64>().is_err() => format!("'{text}"),
        _ => text.to_owned(),
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_written_in_the_documents_language() {
        let c = Cell::Billions(Vnd::billions(3_355, 90));
        assert_eq!(c.display(DocLang::Vi), "3.355,9");
        assert_eq!(c.display(DocLang::En), "3,355.9");
        assert_eq!(c.plain(), "3355.90");
        assert_eq!(
            Cell::Percent(Some(200.0 / 9.0)).display(DocLang::Vi),
            "22,22%"
        );
        assert_eq!(Cell::Percent(None).display(DocLang::En), "—");
        assert_eq!(Cell::Decimal(12.5, 2).display(DocLang::Vi), "12,5");
        let d = NaiveDate::from_ymd_opt(2026, 2, 5).unwrap();
        assert_eq!(Cell::Date(d).display(DocLang::En), "05/02/2026");
        assert!(Cell::Int(3).is_numeric() && !Cell::Date(d).is_numeric());
    }

    #[test]
    fn on_paper_a_column_is_hidden_or_joined_to_the_next() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
        let t = Table {
            about: Default::default(),
            name: "x".into(),
            columns: vec![
                Column::new("STT", 4),
                Column::new("Ghi", 10).on_paper(OnPaper::Hidden),
                Column::new("Ngày", 10).on_paper(OnPaper::BeforeNext),
                Column::new("Cập nhật", 30),
            ],
            rows: vec![
                vec![
                    Cell::Int(1),
                    Cell::text("x"),
                    Cell::Date(d),
                    Cell::text("Đã xong."),
                ],
                vec![Cell::Int(2), Cell::Empty, Cell::Empty, Cell::text("Chưa.")],
                vec![Cell::Int(3), Cell::Empty, Cell::Date(d), Cell::Empty],
            ],
        };
        let (columns, rows) = t.on_paper(DocLang::Vi);
        assert_eq!(
            columns,
            vec![("STT".to_owned(), 4), ("Cập nhật".to_owned(), 30)]
        );
        let texts: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![
                vec!["1", "12/11/2026: Đã xong."],
                vec!["2", "Chưa."],
                vec!["3", "12/11/2026"]
            ]
        );
        assert!(rows[0][0].numeric && !rows[0][1].numeric);
    }

    #[test]
    fn a_title_says_what_over_what_for_when_and_as_of_when() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        let t = Table {
            about: Default::default(),
            name: "16-KL-BCĐ".into(),
            ..Table::default()
        };
        assert_eq!(
            t.title(day(7), DocLang::Vi),
            "16-KL-BCĐ — số liệu đến ngày 07/12/2026"
        );
        let t = t.about(About {
            what: "Danh sách nhiệm vụ".into(),
            scope: "Kết luận 16-KL/BCĐ".into(),
            period: None,
            as_of: Some(day(5)),
        });
        assert_eq!(
            t.title(day(7), DocLang::Vi),
            "Danh sách nhiệm vụ — Kết luận 16-KL/BCĐ — số liệu đến ngày 05/12/2026"
        );
        let t = t.about(About {
            what: "By unit".into(),
            period: Some((day(1), day(5))),
            ..About::default()
        });
        assert_eq!(
            t.title(day(7), DocLang::En),
            "By unit — from 01/12/2026 to 05/12/2026 — figures as of 07/12/2026"
        );
    }

    #[test]
    fn money_shows_in_hundredths_and_travels_exact_in_csv() {
        assert_eq!(Cell::Billions(Vnd(4_999_999)).plain(), "0.004999999");
        assert_eq!(Cell::Billions(Vnd(5_000_000)).plain(), "0.005");
        assert_eq!(Cell::Billions(Vnd(-1_250_000_000)).plain(), "-1.25");
        assert_eq!(Cell::Billions(Vnd(27_130_000_000_000)).plain(), "27130.00");
        assert_eq!(Cell::Billions(Vnd(3_355_900_000_000)).plain(), "3355.90");
    }

    #[test]
    fn csv_starts_with_the_bom_and_quotes_what_it_must() {
        let t = Table {
            about: Default::default(),
            name: "x".into(),
            columns: vec![Column::new("Tên", 10), Column::new("Số", 5)],
            rows: vec![
                vec![Cell::text("Cầu \"Mới\", nhánh 2"), Cell::Int(-3)],
                vec![Cell::text("=HYPERLINK(1)"), Cell::Empty],
                vec![Cell::text("- gạch đầu dòng"), Cell::Empty],
            ],
        };
        let csv = String::from_utf8(t.to_csv()).unwrap();
        assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
        assert_eq!(
            csv,
            "\u{feff}Tên,Số\r\n\"Cầu \"\"Mới\"\", nhánh 2\",-3\r\n'=HYPERLINK(1),\r\n'- gạch đầu dòng,\r\n"
        );
    }
}
