//! The follow-up report as a document: the overall counts with the overdue share first,
//! the table by lead unit in rank order, then every overdue and due-soon directive with
//! what its unit last reported (the reason it gives).

use super::{recipient_lines, Block, DocLang, Document, Header, Letterhead};
use crate::domain::dataset::Dataset;
use crate::domain::dates::dd_mm_yyyy;
use crate::domain::number::{format_scaled, DecimalMark};
use crate::domain::org::BodyKind;
use crate::domain::report::{FollowUpReport, ReportCounts};

fn percent(value: Option<f64>, lang: DocLang) -> String {
    let mark = match lang {
        DocLang::Vi => DecimalMark::Comma,
        DocLang::En => DecimalMark::Point,
    };
    value.map_or_else(
        || "—".to_owned(),
        |v| format!("{}%", format_scaled((v * 100.0).round() as i64, 2, mark)),
    )
}

/// The overall paragraph: "Trong kỳ theo dõi 9 nhiệm vụ …; tỷ lệ quá hạn 22,22%."
fn overall(t: &ReportCounts, lang: DocLang) -> String {
    let share = percent(t.overdue_share(), lang);
    let mut text = match lang {
        DocLang::Vi => format!(
            "Trong kỳ theo dõi {} nhiệm vụ ({} nhiệm vụ đến hạn trong kỳ). Đã hoàn thành {} (đúng hạn {}, trễ hạn {}); chưa hoàn thành {}, trong đó trong hạn {}, quá hạn {}. Tỷ lệ nhiệm vụ quá hạn: {share}.",
            t.followed, t.due_in_period, t.done(), t.done_on_time, t.done_late,
            t.within_term + t.overdue, t.within_term, t.overdue
        ),
        DocLang::En => format!(
            "In the period {} directives were followed ({} due within it). Done: {} ({} on time, {} late); not done: {}, of which {} within term and {} overdue. Overdue share: {share}.",
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
    text
}

/// The report over `report` as issued by the standing office `from`.
pub fn follow_up_report_document(
    data: &Dataset,
    report: &FollowUpReport<'_>,
    from: &Letterhead,
    lang: DocLang,
) -> Document {
    let body_kind = from.body_kind;
    let (national_name, motto) = super::national_name(body_kind, lang);
    let t = &report.totals;
    let unit_name = |id| {
        data.units
            .get(id)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    };
    let units = report
        .by_unit
        .iter()
        .map(|l| {
            let rank = if l.tied {
                format!("{} ({})", l.rank, lang.pick("đồng hạng", "tied"))
            } else {
                l.rank.to_string()
            };
            let c = &l.counts;
            vec![
                rank,
                unit_name(l.unit),
                c.followed.to_string(),
                c.done_on_time.to_string(),
                c.done_late.to_string(),
                c.overdue.to_string(),
                c.within_term.to_string(),
                percent(c.on_time_rate(), lang),
            ]
        })
        .collect();
    let last = data.last_updates();
    let attention: Vec<Vec<String>> = report
        .attention
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let number = data.number_of(d);
            let due = d.deadline.due().map(dd_mm_yyyy).unwrap_or_default();
            let deadline = match (d.deadline.words(), due.as_str()) {
                ("", due) => due.to_owned(),
                (words, "") => words.to_owned(),
                (words, due) => format!("{words} ({due})"),
            };
            let update = last
                .get(&d.id)
                .map(|u| format!("{}: {}", dd_mm_yyyy(u.date), u.text))
                .unwrap_or_default();
            vec![
                (i + 1).to_string(),
                format!("{number}, {}", d.path),
                d.text.clone(),
                d.lead_unit.as_ref().map(unit_name).unwrap_or_default(),
                deadline,
                update,
            ]
        })
        .collect();
    let unit_head = [
        lang.pick("Hạng", "Rank"),
        lang.pick("Đơn vị chủ trì", "Lead unit"),
        lang.pick("Được giao", "Assigned"),
        lang.pick("Đúng hạn", "On time"),
        lang.pick("Trễ hạn", "Late"),
        lang.pick("Quá hạn", "Overdue"),
        lang.pick("Trong hạn", "Within term"),
        lang.pick("Tỷ lệ đúng hạn", "On-time rate"),
    ];
    let attention_head = [
        lang.pick("STT", "No."),
        lang.pick("Kết luận, mục", "Conclusion, item"),
        lang.pick("Nội dung", "Directive"),
        lang.pick("Đơn vị chủ trì", "Lead unit"),
        lang.pick("Thời hạn", "Deadline"),
        lang.pick("Cập nhật gần nhất", "Last update"),
    ];
    let mut body = vec![
        Block::Heading(lang.pick("1. Kết quả chung", "1. Overall").to_owned()),
        Block::Paragraph(overall(t, lang)),
        Block::Heading(
            lang.pick("2. Theo đơn vị chủ trì", "2. By lead unit")
                .to_owned(),
        ),
        Block::Table {
            head: unit_head.map(str::to_owned).to_vec(),
            rows: units,
            numeric: vec![false, false, true, true, true, true, true, true],
        },
        Block::Heading(
            lang.pick(
                "3. Nhiệm vụ quá hạn và sắp đến hạn",
                "3. Overdue and due-soon directives",
            )
            .to_owned(),
        ),
    ];
    if attention.is_empty() {
        body.push(Block::Paragraph(
            lang.pick(
                "Không có nhiệm vụ quá hạn hay sắp đến hạn.",
                "No directive is overdue or due soon.",
            )
            .to_owned(),
        ));
    } else {
        body.push(Block::Table {
            head: attention_head.map(str::to_owned).to_vec(),
            rows: attention,
            numeric: vec![true, false, false, false, false, false],
        });
    }
    let (start, end) = (dd_mm_yyyy(report.from), dd_mm_yyyy(report.as_of));
    Document {
        body_kind,
        header: Header {
            parent_body: String::new(),
            issuing_body: from.office.trim().to_uppercase(),
            // The number is given when the report is registered: left for the office.
            number: match (lang, body_kind) {
                (DocLang::En, _) => "No.        /BC".to_owned(),
                (DocLang::Vi, BodyKind::State) => "Số:        /BC".to_owned(),
                (DocLang::Vi, BodyKind::Party) => "Số        -BC".to_owned(),
            },
            national_name,
            motto,
            place_date: super::place_date_line("", report.as_of, lang),
            regarding: String::new(),
        },
        kind: lang.pick("BÁO CÁO", "REPORT").to_owned(),
        subject: match lang {
            DocLang::Vi => format!(
                "Tình hình thực hiện các kết luận của Ban Chỉ đạo (từ ngày {start} đến ngày {end})"
            ),
            DocLang::En => {
                format!("Implementation of the steering committee's conclusions ({start} to {end})")
            }
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
        signer_title: Vec::new(),
        signer_name: from.signer.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::ReportScope;
    use crate::domain::sample::fixture::sample;

    #[test]
    fn the_report_document_puts_the_overdue_share_first_and_ranks_units() {
        let (data, today) = sample();
        let report = data.follow_up_report(
            &ReportScope::Everything,
            today - chrono::Days::new(90),
            today,
            7,
        );
        let from = Letterhead {
            office: "Văn phòng Ban Chỉ đạo".into(),
            body_kind: BodyKind::Party,
            signer: "Nguyễn Văn C".into(),
        };
        let doc = follow_up_report_document(&data, &report, &from, DocLang::Vi);
        assert_eq!(doc.kind, "BÁO CÁO");
        assert_eq!(doc.header.issuing_body, "VĂN PHÒNG BAN CHỈ ĐẠO");
        assert_eq!(doc.header.number, "Số        -BC");
        let Block::Paragraph(overall) = &doc.body[1] else {
            panic!("{:?}", doc.body[1])
        };
        assert!(overall.contains("Tỷ lệ nhiệm vụ quá hạn: "), "{overall}");
        assert!(
            overall.contains("Không tính 1 nhiệm vụ đã chuyển nơi khác"),
            "{overall}"
        );
        let Block::Table { rows, .. } = &doc.body[3] else {
            panic!("{:?}", doc.body[3])
        };
        assert_eq!(rows.len(), report.by_unit.len());
        assert!(rows[0][0].starts_with('1'));
        let Some(Block::Table { rows, .. }) = doc.body.last() else {
            panic!("the sample has overdue directives")
        };
        assert_eq!(rows.len(), report.attention.len());
        assert!(rows[0][1].contains("16-KL/BCĐ"), "{:?}", rows[0]);
    }

    #[test]
    fn percentages_follow_the_language() {
        assert_eq!(percent(Some(200.0 / 9.0), DocLang::Vi), "22,22%");
        assert_eq!(percent(Some(50.0), DocLang::En), "50%");
        assert_eq!(percent(None, DocLang::Vi), "—");
    }
}
