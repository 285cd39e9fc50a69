//! The app's lists as tables to hand on (Excel, CSV): the project register with its latest
//! figures and why a project is behind, and directives with their lead unit, deadline, computed state and last update.
//! Which words name a state is the caller's (the app's labels); what each column holds is
//! decided here.

use chrono::NaiveDate;

use crate::domain::dates::dd_mm_yyyy;
use crate::domain::documents::document::{why_behind, DocLang};
use crate::domain::documents::table::{About, Cell, Column, OnPaper, Table};
use crate::domain::followup::conclusion::{Conclusion, Directive};
use crate::domain::followup::state::FollowUpState;
use crate::domain::model::dataset::Dataset;
use crate::domain::projects::portfolio::ProjectRow;
use crate::domain::projects::project::ScheduleStatus;
use crate::domain::projects::Behind;

/// The register as listed, one line per project.
pub fn register_table(
    rows: &[ProjectRow<'_>],
    status_word: &dyn Fn(ScheduleStatus) -> &'static str,
    today: NaiveDate,
    lang: DocLang,
) -> Table {
    let l = |vi, en| lang.pick(vi, en);
    let rows_len = rows.len();
    let columns = vec![
        Column::new(l("STT", "No."), 6),
        Column::new(l("Dự án", "Project"), 40),
        Column::new(l("Chủ đầu tư", "Investor"), 30),
        Column::new(l("Địa điểm", "Location"), 16),
        // "trên", "gần", "khoảng": the figure is kept as a number, its qualifier beside it.
        Column::new(l("Ghi kèm tổng mức", "Total investment qualifier"), 10)
            .on_paper(OnPaper::WordBeforeNext),
        Column::new(
            l("Tổng mức đầu tư (tỷ đồng)", "Total investment (VND bn)"),
            14,
        ),
        Column::new(l("Năm kế hoạch vốn", "Capital plan year"), 10),
        Column::new(l("Kế hoạch vốn (tỷ đồng)", "Capital plan (VND bn)"), 14),
        Column::new(l("Đã giải ngân (tỷ đồng)", "Disbursed (VND bn)"), 14),
        Column::new(l("Tỷ lệ giải ngân", "Disbursement rate"), 10),
        Column::new(l("Diện tích đã bàn giao (ha)", "Area handed over (ha)"), 12),
        Column::new(l("Tổng diện tích (ha)", "Total area (ha)"), 12),
        Column::new(l("Số hộ đã bàn giao", "Households handed over"), 12),
        Column::new(l("Tổng số hộ", "Total households"), 10),
        Column::new(l("Tỷ lệ GPMB", "Site clearance rate"), 10),
        Column::new(l("Khối lượng thi công", "Construction volume"), 10),
        Column::new(l("Tiến độ", "Schedule status"), 16),
        Column::new(l("Báo cáo gần nhất", "Latest report"), 12),
        Column::new(l("Lý do chậm", "Reason for delay"), 30),
    ];
    let num = |x: Option<f64>| x.map_or(Cell::Empty, |v| Cell::Decimal(v, 2));
    let int = |x: Option<u32>| x.map_or(Cell::Empty, |v| Cell::Int(i64::from(v)));
    let money = |x: Option<crate::domain::money::Vnd>| x.map_or(Cell::Empty, Cell::Billions);
    let share = |x: Option<f64>| x.map_or(Cell::Empty, |v| Cell::Percent(Some(v)));
    let rows = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let p = r.project;
            let site = r.latest.site_clearance.map(|d| d.value).unwrap_or_default();
            let capital = r.latest.capital.as_ref().map(|d| &d.value);
            vec![
                Cell::Int(i as i64 + 1),
                Cell::text(p.display_name()),
                Cell::text(r.investor_name),
                Cell::text(p.location.clone()),
                Cell::text(
                    p.total_investment
                        .and_then(|a| a.qualifier)
                        .map_or("", |q| qualifier_word(q, lang)),
                ),
                money(p.total_investment.map(|a| a.vnd)),
                capital
                    .and_then(|c| c.year)
                    .map_or(Cell::Empty, |y| Cell::Int(i64::from(y))),
                money(capital.and_then(|c| c.plan)),
                money(capital.and_then(|c| c.disbursed)),
                share(r.latest.disbursement_percent()),
                num(site.area_handed_over_ha),
                num(site.area_total_ha),
                int(site.households_handed_over),
                int(site.households_total),
                share(r.latest.site_clearance_percent()),
                share(r.latest.volume_percent()),
                Cell::text(status_word(r.shown)),
                Cell::date(r.latest_report),
                Cell::Text(if r.shown == ScheduleStatus::BehindSchedule {
                    why_behind(
                        &Behind {
                            project: p,
                            reason: r.behind,
                            obstacle: None,
                        },
                        lang,
                    )
                } else {
                    String::new()
                }),
            ]
        })
        .collect();
    Table {
        name: l("Danh mục dự án", "Projects").to_owned(),
        columns,
        rows,
        about: About {
            what: l("Danh mục dự án trọng điểm", "Key projects").to_owned(),
            scope: match lang {
                DocLang::Vi => format!("{rows_len} dự án"),
                DocLang::En => format!("{rows_len} projects"),
            },
            period: None,
            as_of: Some(today),
        },
    }
}

/// Which directives a sheet lists, for its name and its title.
#[derive(Debug, Clone, Copy)]
pub enum Listed<'a> {
    /// All followed directives.
    All,
    /// Those of one conclusion.
    Conclusion(&'a Conclusion),
    /// Those a unit leads (the unit's name).
    LedBy(&'a str),
}

/// `directives` as listed (those followed one by one, not headings), with their computed
/// state as of `today`.
pub fn directives_table<'a>(
    data: &Dataset,
    listed: Listed<'_>,
    directives: impl IntoIterator<Item = &'a Directive>,
    today: NaiveDate,
    due_soon_days: u64,
    state_word: &dyn Fn(FollowUpState) -> &'static str,
    lang: DocLang,
) -> Table {
    let rows = directive_rows(data, directives, 0, today, due_soon_days, state_word, lang);
    directives_sheet(listed, rows, today, lang)
}

/// Directives a sheet's rows are made for at a time when it is made in steps, each step
/// reading the data afresh (a few milliseconds natively; all 18,000 of the large dataset
/// take about 60 ms).
pub const SHEET_ROWS_PER_STEP: usize = 1_000;

/// The sheet of directives listed as `listed`, with `rows` ([`directive_rows`]).
pub fn directives_sheet(
    listed: Listed<'_>,
    rows: Vec<Vec<Cell>>,
    today: NaiveDate,
    lang: DocLang,
) -> Table {
    let l = |vi, en| lang.pick(vi, en);
    let columns = vec![
        Column::new(l("STT", "No."), 6),
        Column::new(l("Kết luận", "Conclusion"), 16),
        Column::new(l("Ngày kết luận", "Conclusion date"), 12),
        Column::new(l("Mục", "Item"), 6),
        Column::new(l("Nội dung", "Directive"), 50),
        Column::new(l("Đơn vị chủ trì", "Lead unit"), 28),
        Column::new(l("Đơn vị phối hợp", "Coordinating units"), 28),
        Column::new(l("Hạn", "Due"), 12),
        Column::new(l("Thời hạn ghi", "Deadline as written"), 18),
        Column::new(l("Tình trạng", "Status"), 14),
        Column::new(l("Ngày cập nhật", "Updated"), 12),
        Column::new(l("Cập nhật gần nhất", "Last update"), 40),
    ];
    let what = l("Danh sách nhiệm vụ", "Directives");
    let (name, what, scope) = match listed {
        Listed::All => (what.to_owned(), what, String::new()),
        Listed::Conclusion(c) => (
            c.number_symbol.clone(),
            what,
            match lang {
                DocLang::Vi => format!("Kết luận {} ngày {}", c.number_symbol, dd_mm_yyyy(c.date)),
                DocLang::En => format!(
                    "Conclusion {} dated {}",
                    c.number_symbol,
                    dd_mm_yyyy(c.date)
                ),
            },
        ),
        Listed::LedBy(unit) => (
            unit.to_owned(),
            l("Danh sách nhiệm vụ chủ trì", "Directives as lead unit"),
            unit.to_owned(),
        ),
    };
    Table {
        name,
        columns,
        rows,
        about: About {
            what: what.to_owned(),
            scope,
            period: None,
            as_of: Some(today),
        },
    }
}

/// The rows of a directives sheet for `directives`, numbered from `first + 1`: the whole
/// list, or a part of it when the sheet is made in steps ([`SHEET_ROWS_PER_STEP`]).
pub fn directive_rows<'a>(
    data: &Dataset,
    directives: impl IntoIterator<Item = &'a Directive>,
    first: usize,
    today: NaiveDate,
    due_soon_days: u64,
    state_word: &dyn Fn(FollowUpState) -> &'static str,
    lang: DocLang,
) -> Vec<Vec<Cell>> {
    let unit = |id: &crate::domain::model::ids::UnitId| data.unit_name(id);
    let directives: Vec<&Directive> = directives.into_iter().collect();
    let ids = directives.iter().map(|d| &d.id).collect();
    let last = data.last_updates_among(&ids);
    let cited = crate::domain::followup::Citations::of(data);
    directives
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let conclusion = data.conclusions.get(&d.conclusion);
            let update = last.get(&d.id);
            vec![
                Cell::Int((first + i) as i64 + 1),
                Cell::text(data.number_of(d)),
                Cell::date(conclusion.map(|c| c.date)),
                Cell::Text(cited.of_directive(d)),
                Cell::text(d.text.clone()),
                Cell::Text(d.lead_at(today).map(unit).unwrap_or_default()),
                Cell::Text(
                    d.coordinating_at(today)
                        .into_iter()
                        .map(unit)
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                Cell::date(d.due_judged(today)),
                Cell::Text(crate::domain::documents::document::deadline_words(
                    d, today, lang,
                )),
                Cell::text(state_word(d.state(today, due_soon_days))),
                Cell::date(update.map(|u| u.date)),
                Cell::Text(update.map(|u| u.text.clone()).unwrap_or_default()),
            ]
        })
        .collect()
}

/// A total investment's qualifier as documents write it.
pub fn qualifier_word(q: crate::domain::money::Qualifier, lang: DocLang) -> &'static str {
    use crate::domain::money::Qualifier;
    match q {
        Qualifier::Over => lang.pick("trên", "over"),
        Qualifier::Nearly => lang.pick("gần", "nearly"),
        Qualifier::About => lang.pick("khoảng", "about"),
    }
}

/// A file's name: "dondoc-bao-cao-2026-12-01.docx".
pub fn file_name(stem: &str, made: NaiveDate, extension: &str) -> String {
    let slug: String = crate::domain::text::fold(stem)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "dondoc-{slug}-{}.{extension}",
        crate::domain::dates::iso(made)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::projects::portfolio::ProjectQuery;
    use crate::domain::sample::fixture::sample;

    #[test]
    fn the_register_has_a_line_per_project_with_typed_figures() {
        let (data, today) = sample();
        let rows = data.query_projects(&ProjectQuery::default(), today, 10.0);
        let t = register_table(&rows, &|_| "x", today, DocLang::Vi);
        assert_eq!(t.rows.len(), rows.len());
        assert!(t.rows.iter().all(|r| r.len() == t.columns.len()));
        assert!(
            t.rows
                .iter()
                .any(|r| matches!(r[5], Cell::Billions(_)) && matches!(r[17], Cell::Date(_))),
            "money as billions, the report date as a date"
        );
        for (r, line) in rows.iter().zip(&t.rows) {
            let why = line[18].display(DocLang::Vi);
            assert_eq!(
                r.shown == ScheduleStatus::BehindSchedule,
                !why.is_empty(),
                "{why}"
            );
        }
    }

    #[test]
    fn directives_carry_state_lead_unit_and_last_update() {
        let (data, today) = sample();
        let all = data.followed();
        let t = directives_table(
            &data,
            Listed::All,
            all.iter().copied(),
            today,
            7,
            &|s| {
                if s == FollowUpState::Overdue {
                    "Quá hạn"
                } else {
                    "khác"
                }
            },
            DocLang::Vi,
        );
        assert_eq!(t.rows.len(), all.len());
        let overdue = t
            .rows
            .iter()
            .find(|r| r[9] == Cell::text("Quá hạn"))
            .expect("the sample has an overdue directive");
        assert_ne!(overdue[5], Cell::text(""), "its lead unit");
        assert!(matches!(overdue[7], Cell::Date(_)));
        assert!(t.rows.iter().any(|r| matches!(r[10], Cell::Date(_))));
    }

    #[test]
    fn a_sheet_made_a_part_at_a_time_is_the_sheet_made_at_once() {
        let (data, today) = sample();
        let all = data.followed();
        let state = |_| "x";
        let whole = directives_table(
            &data,
            Listed::All,
            all.iter().copied(),
            today,
            7,
            &state,
            DocLang::En,
        );
        let mut rows = Vec::new();
        for (k, part) in all.chunks(3).enumerate() {
            rows.extend(directive_rows(
                &data,
                part.iter().copied(),
                3 * k,
                today,
                7,
                &state,
                DocLang::En,
            ));
        }
        assert_eq!(
            directives_sheet(Listed::All, rows, today, DocLang::En),
            whole
        );
        assert!(
            whole.rows.iter().any(|r| matches!(r[10], Cell::Date(_))),
            "the latest updates"
        );
    }

    #[test]
    fn file_names_are_plain_ascii() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(
            file_name("Báo cáo", day, "docx"),
            "dondoc-bao-cao-2026-12-01.docx"
        );
        assert_eq!(
            file_name("Kết luận 16-KL/BCĐ", day, "docx"),
            "dondoc-ket-luan-16-kl-bcd-2026-12-01.docx"
        );
    }
}
