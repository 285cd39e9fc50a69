//! The follow-up report as a document: the overall counts with the overdue share first,
//! the table by lead unit in rank order, then every overdue and due-soon directive with
//! what its unit last reported (the reason it gives).

use super::{recipient_lines, Block, DocLang, Document, Header};
use crate::domain::dates::dd_mm_yyyy;
use crate::domain::documents::letterhead::{Sending, Sent};
use crate::domain::documents::table::{About, Cell, Column, OnPaper, Table};
use crate::domain::followup::report_counts::{FollowUpReport, ReportCounts, ReportScope};
use crate::domain::model::dataset::Dataset;

/// The overall paragraph: "Trong kỳ theo dõi 9 nhiệm vụ …; tỷ lệ quá hạn 22,22%."
fn overall(t: &ReportCounts, lang: DocLang) -> String {
    let share = Cell::Percent(t.overdue_share()).display(lang);
    let mut text = match lang {
        DocLang::Vi => format!(
            "Trong kỳ theo dõi {} nhiệm vụ ({} nhiệm vụ đến hạn trong kỳ). Đã hoàn thành {} (đúng hạn {}, trễ hạn {}); chưa hoàn thành {}, trong đó trong hạn {}, quá hạn {}. Tỷ lệ nhiệm vụ quá hạn: {share}.",
            t.followed, t.due_in_period, t.done(), t.done_on_time, t.done_late,
            t.within_term + t.overdue, t.within_term, t.overdue
        ),
        DocLang::En => format!(
            "Directives tracked in the period: {} ({} of them due in the period). Done: {} ({} on time, {} late); not done: {}, of which {} not yet due and {} overdue. Overdue rate: {share}.",
            t.followed, t.due_in_period, t.done(), t.done_on_time, t.done_late,
            t.within_term + t.overdue, t.within_term, t.overdue
        ),
    };
    let apart: Vec<String> = [
        (
            t.transferred,
            lang.pick("đã chuyển nơi khác", "transferred elsewhere"),
        ),
        (t.cancelled, lang.pick("đã hủy", "cancelled")),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| match lang {
        DocLang::Vi => format!("{n} nhiệm vụ {what}"),
        DocLang::En => format!("{n} {what}"),
    })
    .collect();
    if !apart.is_empty() {
        let and = lang.pick(" và ", " and ");
        text.push_str(&match lang {
            DocLang::Vi => format!(" Không tính {}.", apart.join(and)),
            DocLang::En => format!(" Not counted: {}.", apart.join(and)),
        });
    }
    if t.extended > 0 {
        let late = match (lang, t.extended_late) {
            (_, 0) => String::new(),
            (DocLang::Vi, n) => format!(" (trong đó {n} nhiệm vụ xin gia hạn khi đã quá hạn)"),
            (DocLang::En, n) => format!(" (of which {n} requested after the deadline had passed)"),
        };
        text.push_str(&match lang {
            DocLang::Vi => format!(
                " Có {} nhiệm vụ được gia hạn{late}; các nhiệm vụ này được đánh giá theo hạn đã gia hạn.",
                t.extended
            ),
            DocLang::En => format!(
                " Deadlines extended: {}{late}; these directives are judged against their extended deadlines.",
                t.extended
            ),
        });
    }
    text
}

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

/// The ranking's rule as the report states it, with the ranks units share.
fn ranking_rule(report: &FollowUpReport<'_>, lang: DocLang) -> String {
    let (vi, en) = crate::domain::followup::RANKING_RULE;
    let mut text = lang.pick(vi, en).to_owned();
    let mut shared: Vec<usize> = report
        .by_unit
        .iter()
        .filter(|l| l.tied)
        .filter_map(|l| l.rank)
        .collect();
    shared.dedup();
    if !shared.is_empty() {
        let list = shared
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        text.push(' ');
        text.push_str(&match lang {
            DocLang::Vi => format!("Đồng hạng: hạng {list}."),
            DocLang::En => format!("Tied ranks: {list}."),
        });
    }
    text
}

/// The table by lead unit, in rank order (units with nothing due last, unranked).
fn by_unit_table(data: &Dataset, report: &FollowUpReport<'_>, lang: DocLang) -> Table {
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
fn attention_table(data: &Dataset, report: &FollowUpReport<'_>, lang: DocLang) -> Table {
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
                Cell::Text(super::deadline_words(d, report.as_of, lang)),
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

/// What a report covers, as its subject and its sheets' titles say it: nothing said over
/// everything; "Ban Chỉ đạo …", or "Kết luận số 16-KL/BCĐ, 245/TB-VPUBND".
pub fn scope_words(data: &Dataset, scope: &ReportScope, lang: DocLang) -> String {
    match scope {
        ReportScope::Everything => String::new(),
        ReportScope::Committee(id) => data
            .committees
            .get(id)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        ReportScope::Conclusions(ids) => {
            let numbers: Vec<&str> = ids
                .iter()
                .filter_map(|id| data.conclusions.get(id))
                .map(|c| c.number_symbol.as_str())
                .collect();
            let word = match (lang, numbers.len()) {
                (DocLang::Vi, _) => "Kết luận số",
                (DocLang::En, 1) => "Conclusion",
                (DocLang::En, _) => "Conclusions",
            };
            format!("{word} {}", numbers.join(", "))
        }
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

/// The report over `report` as issued by the standing office `from`.
pub fn follow_up_report_document(
    data: &Dataset,
    report: &FollowUpReport<'_>,
    from: &Sending,
    lang: DocLang,
) -> Document {
    let body_kind = from.body_kind;
    let (national_name, motto) = super::national_name(body_kind, lang);
    let t = &report.totals;
    let by_unit = by_unit_table(data, report, lang);
    let attention = attention_table(data, report, lang);
    let mut body = vec![
        Block::Heading(
            lang.pick("1. Kết quả chung", "1. Overall results")
                .to_owned(),
        ),
        Block::Paragraph(overall(t, lang)),
        Block::Heading(
            lang.pick("2. Theo đơn vị chủ trì", "2. By lead unit")
                .to_owned(),
        ),
        Block::Paragraph(ranking_rule(report, lang)),
        Block::Table(by_unit),
        Block::Heading(
            lang.pick(
                "3. Nhiệm vụ quá hạn và sắp đến hạn",
                "3. Overdue and due-soon directives",
            )
            .to_owned(),
        ),
    ];
    if attention.rows.is_empty() {
        body.push(Block::Paragraph(
            lang.pick(
                "Không có nhiệm vụ quá hạn hay sắp đến hạn.",
                "No directive is overdue or due soon.",
            )
            .to_owned(),
        ));
    } else {
        body.push(Block::Table(attention));
    }
    let (start, end) = (dd_mm_yyyy(report.from), dd_mm_yyyy(report.as_of));
    let (signer_title, signer_name) = from.signature();
    Document {
        body_kind,
        header: Header {
            parent_body: from.parent_body(),
            issuing_body: from.issuing_body(),
            number: from.number_line(Sent::Report, lang),
            national_name,
            motto,
            place_date: super::place_date_line(&from.office.place_name, report.as_of, lang),
            regarding: String::new(),
        },
        kind: lang.pick("BÁO CÁO", "REPORT").to_owned(),
        subject: match (lang, scope_words(data, &report.scope, lang)) {
            (DocLang::Vi, s) if s.is_empty() => format!(
                "Tình hình thực hiện các kết luận của Ban Chỉ đạo (từ ngày {start} đến ngày {end})"
            ),
            (DocLang::Vi, s) => {
                format!("Tình hình thực hiện {s} (từ ngày {start} đến ngày {end})")
            }
            (DocLang::En, s) if s.is_empty() => {
                format!("Implementation of the steering committee's conclusions ({start} to {end})")
            }
            (DocLang::En, s) => format!("Implementation of {s} ({start} to {end})"),
        },
        body,
        recipients_heading: lang.pick("Nơi nhận:", "Recipients:"),
        recipients: recipient_lines(&[
            lang.pick(
                "Trưởng Ban Chỉ đạo (để báo cáo)",
                "Head of the committee (for information)",
            )
            .to_owned(),
            lang.pick("Lưu: VT", "File").to_owned(),
        ]),
        signer_title,
        signer_name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let from =
            crate::domain::documents::letterhead::test_sending(crate::domain::BodyKind::Party);
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
        let from =
            crate::domain::documents::letterhead::test_sending(crate::domain::BodyKind::Party);
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
            rows.iter().all(
                |r| matches!(r[0], Cell::Int(_)) || r[0].display(DocLang::Vi) == "Chưa đến hạn"
            ),
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
}
