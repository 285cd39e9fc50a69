//! The follow-up report's tables: its counts, the table by lead unit and the directives to
//! chase, as its Excel file's sheets and its document's tables.

use super::scope_words;
use crate::domain::documents::document::{deadline_words, DocLang};
use crate::domain::documents::table::{About, Cell, Column, OnPaper, Table};
use crate::domain::followup::report_counts::FollowUpReport;
use crate::domain::model::dataset::Dataset;

/// The columns of a list of directives to chase: the deadline's date apart from its words
/// ("Quý IV/2026"), the last update's date apart from what it said.
pub(crate) fn attention_columns(lang: DocLang) -> Vec<Column> {
    vec![
        Column::new(lang.pick("STT", "No."), 8),
        Column::new(lang.pick("Kết luận, mục", "Conclusion, item"), 14),
        Column::new(lang.pick("Nội dung", "Directive"), 36),
        Column::new(lang.pick("Đơn vị chủ trì", "Lead unit"), 18),
        Column::new(lang.pick("Hạn", "Due"), 17),
        Column::new(lang.pick("Thời hạn ghi", "Deadline as written"), 16).on_paper(OnPaper::Hidden),
        Column::new(lang.pick("Ngày cập nhật", "Updated"), 12).on_paper(OnPaper::BeforeNext),
        Column::new(lang.pick("Cập nhật gần nhất", "Last update"), 34),
    ]
}

/// The report's overall counts as a table (the first sheet of its Excel file).
pub fn report_counts_table(report: &FollowUpReport<'_>, lang: DocLang) -> Table {
    let t = &report.totals;
    let n = |v: usize| Cell::Int(v as i64);
    let l = |vi, en| Cell::text(lang.pick(vi, en));
    Table {
        about: Default::default(),
        name: lang.pick("Tổng hợp", "Summary").to_owned(),
        columns: vec![
            Column::new(lang.pick("Chỉ tiêu", "Figure"), 40),
            Column::new(lang.pick("Giá trị", "Value"), 14),
        ],
        rows: vec![
            vec![l("Từ ngày", "From"), Cell::Date(report.from)],
            vec![l("Đến ngày", "As of"), Cell::Date(report.as_of)],
            vec![l("Nhiệm vụ theo dõi", "Directives tracked"), n(t.followed)],
            vec![
                l("Đến hạn trong kỳ", "Due in the period"),
                n(t.due_in_period),
            ],
            vec![l("Hoàn thành đúng hạn", "Done on time"), n(t.done_on_time)],
            vec![l("Hoàn thành trễ hạn", "Done late"), n(t.done_late)],
            vec![
                l("Chưa hoàn thành, trong hạn", "Not done, not yet due"),
                n(t.within_term),
            ],
            vec![
                l("Chưa hoàn thành, quá hạn", "Not done, overdue"),
                n(t.overdue),
            ],
            vec![
                l("Tỷ lệ quá hạn", "Overdue rate"),
                Cell::Percent(t.overdue_share()),
            ],
            vec![
                l(
                    "Đã chuyển nơi khác (không tính)",
                    "Transferred (not counted)",
                ),
                n(t.transferred),
            ],
            vec![
                l("Đã hủy (không tính)", "Cancelled (not counted)"),
                n(t.cancelled),
            ],
            vec![l("Được gia hạn", "Deadline extended"), n(t.extended)],
            vec![
                l(
                    "Trong đó xin gia hạn khi đã quá hạn",
                    "Of which requested after the deadline had passed",
                ),
                n(t.extended_late),
            ],
        ],
    }
}

/// The table by lead unit, in rank order (units with nothing due last, unranked).
pub(super) fn by_unit_table(data: &Dataset, report: &FollowUpReport<'_>, lang: DocLang) -> Table {
    let rows = report
        .by_unit
        .iter()
        .map(|l| {
            let c = &l.counts;
            let count = |n: usize| Cell::Int(n as i64);
            vec![
                // A number, so the column sorts; a tie is said in the rule's paragraph.
                match l.rank {
                    Some(rank) => Cell::Int(rank as i64),
                    None => Cell::text(lang.pick("Chưa đến hạn", "Nothing due yet")),
                },
                Cell::Text(data.unit_name(l.unit)),
                count(c.followed),
                count(c.done_on_time),
                count(c.done_late),
                count(c.overdue),
                count(c.within_term),
                Cell::Percent(c.ranking_rate()),
            ]
        })
        .collect();
    Table {
        about: Default::default(),
        name: lang.pick("Theo đơn vị", "By unit").to_owned(),
        columns: vec![
            Column::new(lang.pick("Hạng", "Rank"), 14),
            Column::new(lang.pick("Đơn vị chủ trì", "Lead unit"), 36),
            Column::new(lang.pick("Được giao", "Assigned"), 10),
            Column::new(lang.pick("Đúng hạn", "On time"), 10),
            Column::new(lang.pick("Trễ hạn", "Late"), 10),
            Column::new(lang.pick("Quá hạn", "Overdue"), 10),
            Column::new(lang.pick("Trong hạn", "Not yet due"), 10),
            Column::new(
                lang.pick(
                    "Tỷ lệ đúng hạn (trên số đã đến hạn)",
                    "On-time rate (of those due)",
                ),
                12,
            ),
        ],
        rows,
    }
}

/// Every overdue and due-soon directive with its lead unit, deadline and last update.
pub(super) fn attention_table(data: &Dataset, report: &FollowUpReport<'_>, lang: DocLang) -> Table {
    let last = data.last_updates_among(&report.attention.iter().map(|d| &d.id).collect());
    let cited = crate::domain::followup::Citations::of(data);
    let rows = report
        .attention
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let update = last.get(&d.id);
            vec![
                Cell::Int(i as i64 + 1),
                Cell::Text(format!("{}, {}", data.number_of(d), cited.of_directive(d))),
                Cell::text(d.text.clone()),
                Cell::Text(
                    d.lead_at(report.as_of)
                        .map(|u| data.unit_name(u))
                        .unwrap_or_default(),
                ),
                Cell::date(d.due_judged(report.as_of)),
                Cell::Text(deadline_words(d, report.as_of, lang)),
                Cell::date(update.map(|u| u.date)),
                Cell::Text(update.map(|u| u.text.clone()).unwrap_or_default()),
            ]
        })
        .collect();
    Table {
        about: Default::default(),
        name: lang
            .pick("Quá hạn, sắp đến hạn", "Overdue, due soon")
            .to_owned(),
        columns: attention_columns(lang),
        rows,
    }
}

/// The report's Excel file: its counts, the table by unit and the directives to chase,
/// always all three (a table with no rows when nothing is overdue or due soon).
pub fn report_tables(data: &Dataset, report: &FollowUpReport<'_>, lang: DocLang) -> Vec<Table> {
    let about = |vi: &str, en: &str| About {
        what: match lang {
            DocLang::Vi => format!("Báo cáo tình hình thực hiện kết luận: {vi}"),
            DocLang::En => format!("Implementation of conclusions: {en}"),
        },
        scope: scope_words(data, &report.scope, lang),
        period: Some((report.from, report.as_of)),
        as_of: Some(report.as_of),
    };
    vec![
        report_counts_table(report, lang).about(about("tổng hợp", "summary")),
        by_unit_table(data, report, lang).about(about("theo đơn vị chủ trì", "by lead unit")),
        attention_table(data, report, lang).about(about(
            "nhiệm vụ quá hạn và sắp đến hạn",
            "overdue and due-soon directives",
        )),
    ]
}
