//! The follow-up report as a document: the overall counts with the overdue share first,
//! the table by lead unit in rank order, then every overdue and due-soon directive with
//! what its unit last reported (the reason it gives). Its tables, which are also the
//! Excel file's sheets, are made in `tables`.

use super::{recipient_lines, Block, DocLang, Document, Header};
use crate::domain::dates::dd_mm_yyyy;
use crate::domain::documents::letterhead::{Sending, Sent};
use crate::domain::documents::table::Cell;
use crate::domain::followup::report_counts::{FollowUpReport, ReportCounts, ReportScope};
use crate::domain::model::dataset::Dataset;

mod tables;

use tables::{attention_table, by_unit_table};
pub use tables::{report_counts_table, report_tables};

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
#[path = "follow_up_tests.rs"]
mod tests;
