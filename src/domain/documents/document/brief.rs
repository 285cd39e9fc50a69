//! The head's brief before a meeting: the dashboard on one or two A4 landscape pages,
//! readable in black and white. Projects behind schedule with why (the rule that made them
//! so, with its figures) and their main obstacle, the
//! year's disbursement with the projects lowest on it, and the directives still open before
//! the coming meeting. Each list is cut to what fits, saying how many more there are.

use chrono::{Datelike, NaiveDate};

use super::{Block, DocLang};
use crate::domain::dates::dd_mm_yyyy;
use crate::domain::documents::table::{Cell, Column, Table};
use crate::domain::followup::state::FollowUpState;
use crate::domain::model::dataset::Dataset;
use crate::domain::money::Vnd;
use crate::domain::projects::{Behind, BehindReason};
use crate::domain::sorting;

/// Lines per list: three lists of this many fit on two landscape pages at 11 pt.
pub const BRIEF_ROWS: usize = 10;

#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    pub title: String,
    /// "Số liệu đến ngày 01/12/2026".
    pub as_of: String,
    pub body: Vec<Block>,
}

fn more(n: usize, lang: DocLang) -> Option<Block> {
    (n > 0).then(|| {
        Block::Paragraph(match lang {
            DocLang::Vi => format!("… và {n} mục khác (xem trong ứng dụng)."),
            DocLang::En => format!("… and {n} more (see the app)."),
        })
    })
}

/// Why a project is behind, in the document's language and the officer's words: "quá thời
/// hạn hoàn thành 01/01/2026 (chậm 340 ngày)", "khối lượng 44,55% so với 61,37% theo tiến
/// độ đường thẳng". The screens say the same through `i18n::figures::behind_reason_text`.
pub fn behind_reason_words(reason: &BehindReason, lang: DocLang) -> String {
    match *reason {
        BehindReason::PastPlannedFinish { finish, days_late } => match lang {
            DocLang::Vi => format!(
                "quá thời hạn hoàn thành {} (chậm {days_late} ngày)",
                dd_mm_yyyy(finish)
            ),
            DocLang::En => format!(
                "past its planned finish date of {} ({days_late} days late)",
                dd_mm_yyyy(finish)
            ),
        },
        BehindReason::VolumeBelowSchedule { actual, expected } => {
            let (actual, expected) = (
                Cell::Percent(Some(actual)).display(lang),
                Cell::Percent(Some(expected)).display(lang),
            );
            match lang {
                DocLang::Vi => {
                    format!("khối lượng {actual} so với {expected} theo tiến độ đường thẳng")
                }
                DocLang::En => format!(
                    "construction volume {actual} against {expected} expected on the straight-line schedule"
                ),
            }
        }
    }
}

/// The reason beside a project shown as behind: the rule that fired, or the officer's
/// decision and its reason when "behind" is theirs alone.
pub(crate) fn why_behind(b: &Behind, lang: DocLang) -> String {
    match (&b.reason, &b.project.schedule_status) {
        (Some(r), _) => behind_reason_words(r, lang),
        (None, Some(decision)) => format!(
            "{}: {}",
            lang.pick("Cán bộ đánh giá", "Status set by the officer"),
            decision.reason
        ),
        (None, None) => String::new(),
    }
}

fn billions(v: Vnd, lang: DocLang) -> String {
    Cell::Billions(v).display(lang)
}

/// The brief as of `today`.
pub fn head_brief(
    data: &Dataset,
    today: NaiveDate,
    tolerance: f64,
    due_soon_days: u64,
    state_word: &dyn Fn(FollowUpState) -> &'static str,
    lang: DocLang,
) -> Brief {
    let l = |vi, en| lang.pick(vi, en);
    let unit_name = |id: Option<&crate::domain::model::ids::UnitId>| {
        id.and_then(|u| data.units.get(u))
            .map(|u| u.display_name().to_owned())
            .unwrap_or_default()
    };
    let mut body = Vec::new();

    // 1. Behind schedule, with the main obstacle.
    let behind = data.behind_with_obstacles(today, tolerance);
    body.push(Block::Heading(match lang {
        DocLang::Vi => format!("1. Dự án chậm tiến độ ({})", behind.len()),
        DocLang::En => format!("1. Projects behind schedule ({})", behind.len()),
    }));
    let rows: Vec<Vec<Cell>> = behind
        .iter()
        .take(BRIEF_ROWS)
        .enumerate()
        .map(|(i, b)| {
            let (p, obstacle) = (b.project, b.obstacle);
            let latest = data.latest_figures(p);
            let share = |x: Option<f64>| x.map_or(Cell::Empty, |v| Cell::Percent(Some(v)));
            let obstacle = obstacle.map_or_else(String::new, |o| {
                let who = unit_name(o.responsible_unit.as_ref());
                match (who.is_empty(), o.since) {
                    (true, _) => o.description.clone(),
                    (false, Some(since)) => format!(
                        "{} ({who}, {} {})",
                        o.description,
                        l("từ", "since"),
                        dd_mm_yyyy(since)
                    ),
                    (false, None) => format!("{} ({who})", o.description),
                }
            });
            vec![
                Cell::Int(i as i64 + 1),
                Cell::text(p.display_name()),
                Cell::Text(unit_name(p.investor.as_ref())),
                share(latest.site_clearance_percent()),
                share(latest.volume_percent()),
                share(latest.disbursement_percent()),
                Cell::Text(why_behind(b, lang)),
                Cell::Text(obstacle),
            ]
        })
        .collect();
    if rows.is_empty() {
        body.push(Block::Paragraph(
            l(
                "Không có dự án chậm tiến độ.",
                "No project is behind schedule.",
            )
            .to_owned(),
        ));
    } else {
        body.push(Block::Table(Table {
            about: Default::default(),
            name: l("Chậm tiến độ", "Behind schedule").to_owned(),
            columns: vec![
                Column::new(l("STT", "No."), 4),
                Column::new(l("Dự án", "Project"), 22),
                Column::new(l("Chủ đầu tư", "Investor"), 15),
                Column::new(l("GPMB", "Site clearance"), 8),
                Column::new(l("Thi công", "Construction"), 8),
                Column::new(l("Giải ngân", "Disbursed"), 8),
                Column::new(l("Lý do chậm", "Reason for delay"), 20),
                Column::new(l("Vướng mắc chính", "Main obstacle"), 27),
            ],
            rows,
        }));
    }
    body.extend(more(behind.len().saturating_sub(BRIEF_ROWS), lang));

    // 2. The year's disbursement.
    let year = today.year();
    let totals = data.portfolio_capital(year);
    body.push(Block::Heading(match lang {
        DocLang::Vi => format!("2. Giải ngân vốn năm {year}"),
        DocLang::En => format!("2. Disbursement of the {year} capital plan"),
    }));
    let share = Cell::Percent(totals.disbursed_percent()).display(lang);
    let mut said = match lang {
        DocLang::Vi => format!(
            "Kế hoạch vốn năm {year} của {} dự án: {} tỷ đồng; đã giải ngân {} tỷ đồng, đạt {share} kế hoạch.",
            totals.projects,
            billions(totals.plan, lang),
            billions(totals.disbursed, lang)
        ),
        DocLang::En => format!(
            "The {year} capital plan of {} projects: VND {} billion; VND {} billion disbursed, {share} of the plan.",
            totals.projects,
            billions(totals.plan, lang),
            billions(totals.disbursed, lang)
        ),
    };
    if let Some(last) = data.same_period_last_year(today) {
        let then = Cell::Percent(last.disbursed_percent()).display(lang);
        said.push_str(&match lang {
            DocLang::Vi => format!(" Cùng kỳ năm trước: {then}."),
            DocLang::En => format!(" Same period last year: {then}."),
        });
    }
    body.push(Block::Paragraph(said));
    let mut lowest: Vec<_> = data
        .project_facts(today, tolerance)
        .into_iter()
        .filter_map(|f| {
            let c = f.latest.capital.as_ref().map(|d| d.value)?;
            (c.year == Some(year) && c.plan.is_some_and(|p| p.0 > 0))
                .then(|| (f.project, c, f.latest.disbursement_percent()))
        })
        .collect();
    sorting::sort_by(&mut lowest, |a, b| {
        a.2.unwrap_or(0.0)
            .partial_cmp(&b.2.unwrap_or(0.0))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.0.display_name().cmp(b.0.display_name()))
    });
    let rows: Vec<Vec<Cell>> = lowest
        .iter()
        .take(BRIEF_ROWS / 2)
        .enumerate()
        .map(|(i, (p, c, pct))| {
            vec![
                Cell::Int(i as i64 + 1),
                Cell::text(p.display_name()),
                c.plan.map_or(Cell::Empty, Cell::Billions),
                c.disbursed.map_or(Cell::Empty, Cell::Billions),
                Cell::Percent(*pct),
            ]
        })
        .collect();
    if !rows.is_empty() {
        body.push(Block::Table(Table {
            about: Default::default(),
            name: l("Giải ngân thấp nhất", "Lowest disbursement").to_owned(),
            columns: vec![
                Column::new(l("STT", "No."), 4),
                Column::new(l("Dự án giải ngân thấp nhất", "Lowest disbursement"), 40),
                Column::new(l("Kế hoạch vốn (tỷ đồng)", "Plan (VND bn)"), 12),
                Column::new(l("Đã giải ngân (tỷ đồng)", "Disbursed (VND bn)"), 12),
                Column::new(l("Tỷ lệ", "Rate"), 8),
            ],
            rows,
        }));
    }

    // 3. What is still open before the coming meeting.
    match data.coming_meeting(today, due_soon_days) {
        None => {
            body.push(Block::Heading(
                l("3. Nhiệm vụ chưa hoàn thành", "3. Directives not yet done").to_owned(),
            ));
            body.push(Block::Paragraph(
                l(
                    "Chưa có lịch họp tới trong ứng dụng.",
                    "No coming meeting is recorded in the app.",
                )
                .to_owned(),
            ));
        }
        Some(coming) => {
            let overdue = coming
                .open
                .iter()
                .filter(|d| d.state(today, due_soon_days) == FollowUpState::Overdue)
                .count();
            body.push(Block::Heading(match lang {
                DocLang::Vi => format!(
                    "3. Nhiệm vụ chưa hoàn thành trước cuộc họp ngày {} ({}, trong đó {overdue} quá hạn)",
                    dd_mm_yyyy(coming.date),
                    coming.open.len()
                ),
                DocLang::En => format!(
                    "3. Directives open before the meeting of {} ({}, {overdue} overdue)",
                    dd_mm_yyyy(coming.date),
                    coming.open.len()
                ),
            }));
            let cited = crate::domain::followup::Citations::of(data);
            let rows: Vec<Vec<Cell>> = coming
                .open
                .iter()
                .take(BRIEF_ROWS)
                .enumerate()
                .map(|(i, d)| {
                    vec![
                        Cell::Int(i as i64 + 1),
                        Cell::Text(format!("{}, {}", data.number_of(d), cited.of_directive(d))),
                        Cell::text(d.text.clone()),
                        Cell::Text(unit_name(d.lead_at(today))),
                        Cell::date(d.due_judged(today)),
                        Cell::text(state_word(d.state(today, due_soon_days))),
                    ]
                })
                .collect();
            if !rows.is_empty() {
                body.push(Block::Table(Table {
                    about: Default::default(),
                    name: l("Trước cuộc họp", "Before the meeting").to_owned(),
                    columns: vec![
                        Column::new(l("STT", "No."), 4),
                        Column::new(l("Kết luận, mục", "Conclusion, item"), 14),
                        Column::new(l("Nội dung", "Directive"), 44),
                        Column::new(l("Đơn vị chủ trì", "Lead unit"), 20),
                        Column::new(l("Hạn", "Due"), 9),
                        Column::new(l("Tình trạng", "Status"), 10),
                    ],
                    rows,
                }));
            }
            body.extend(more(coming.open.len().saturating_sub(BRIEF_ROWS), lang));
        }
    }
    Brief {
        title: l(
            "TÓM TẮT TÌNH HÌNH CÁC DỰ ÁN TRỌNG ĐIỂM VÀ VIỆC THỰC HIỆN KẾT LUẬN",
            "SUMMARY OF KEY PROJECTS AND THE IMPLEMENTATION OF CONCLUSIONS",
        )
        .to_owned(),
        as_of: match lang {
            DocLang::Vi => format!("Số liệu đến ngày {}", dd_mm_yyyy(today)),
            DocLang::En => format!("Figures as of {}", dd_mm_yyyy(today)),
        },
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::sample;

    #[test]
    fn the_brief_holds_the_three_lists_of_the_dashboard() {
        let (data, today) = sample();
        let brief = head_brief(&data, today, 10.0, 7, &|_| "x", DocLang::Vi);
        let headings: Vec<&str> = brief
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some(h.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(headings.len(), 3, "{headings:?}");
        let behind = data.behind_with_obstacles(today, 10.0);
        assert!(headings[0].contains(&format!("({})", behind.len())));
        assert!(headings[1].contains(&today.year().to_string()));
        if !behind.is_empty() {
            let Block::Table(t) = &brief.body[1] else {
                panic!("{:?}", brief.body[1])
            };
            assert_eq!(t.rows.len(), behind.len().min(BRIEF_ROWS));
            if let Some(o) = behind[0].obstacle {
                assert!(t.rows[0][7].display(DocLang::Vi).contains(&o.description));
            }
            let why = behind_reason_words(&behind[0].reason.unwrap(), DocLang::Vi);
            assert_eq!(t.rows[0][6].display(DocLang::Vi), why);
        }
        assert_eq!(
            brief.as_of,
            format!("Số liệu đến ngày {}", dd_mm_yyyy(today))
        );
    }

    #[test]
    fn why_behind_is_said_in_the_officers_words() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let late = BehindReason::PastPlannedFinish {
            finish: d(2026, 1, 1),
            days_late: 340,
        };
        assert_eq!(
            behind_reason_words(&late, DocLang::Vi),
            "quá thời hạn hoàn thành 01/01/2026 (chậm 340 ngày)"
        );
        assert_eq!(
            behind_reason_words(&late, DocLang::En),
            "past its planned finish date of 01/01/2026 (340 days late)"
        );
        let low = BehindReason::VolumeBelowSchedule {
            actual: 44.0,
            expected: 61.0,
        };
        assert_eq!(
            behind_reason_words(&low, DocLang::Vi),
            "khối lượng 44% so với 61% theo tiến độ đường thẳng"
        );
        assert_eq!(
            behind_reason_words(&low, DocLang::En),
            "construction volume 44% against 61% expected on the straight-line schedule"
        );
    }

    #[test]
    fn long_lists_are_cut_and_say_how_many_more() {
        use crate::domain::generate::{generate, Scale};
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let now = today.and_hms_opt(8, 0, 0).unwrap().and_utc();
        let data = generate(Scale::LARGE, 7, today, now);
        let brief = head_brief(&data, today, 10.0, 7, &|_| "x", DocLang::En);
        for b in &brief.body {
            if let Block::Table(t) = b {
                assert!(t.rows.len() <= BRIEF_ROWS, "{}", t.name);
            }
        }
        let behind = data.behind_with_obstacles(today, 10.0).len();
        if behind > BRIEF_ROWS {
            assert!(brief.body.iter().any(|b| matches!(b, Block::Paragraph(p) if p.contains(&format!("and {} more", behind - BRIEF_ROWS)))));
        }
    }
}
