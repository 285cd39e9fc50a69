//! Names of the model's enumerations, in both languages.

use super::format::{format_date, format_percent};
use super::Lang;
use crate::domain::{
    BodyKind, CapitalSource, Deadline, ExtensionMark, FollowUpState, InvestmentGroup, Light,
    MeetingKind, ObstacleCategory, Qualifier, ScheduleStatus, Tally, UnitKind,
};

pub fn unit_kind(kind: UnitKind, lang: Lang) -> &'static str {
    let (vi, en) = match kind {
        UnitKind::Department => ("Sở, ngành", "Department"),
        UnitKind::Province => ("UBND tỉnh", "Province"),
        UnitKind::District => ("Huyện (cũ)", "District (former)"),
        UnitKind::Commune => ("Xã, phường", "Commune or ward"),
        UnitKind::Investor => ("Chủ đầu tư", "Investor"),
        UnitKind::Company => ("Doanh nghiệp", "Company"),
        UnitKind::Group => ("Tổ, văn phòng", "Team or office"),
        UnitKind::Other => ("Khác", "Other"),
    };
    lang.pick(vi, en)
}

pub fn meeting_kind(kind: MeetingKind, lang: Lang) -> &'static str {
    let (vi, en) = match kind {
        MeetingKind::Meeting => ("Cuộc họp", "Meeting"),
        MeetingKind::WorkingSession => ("Buổi làm việc", "Working session"),
        MeetingKind::Conference => ("Hội nghị", "Conference"),
        MeetingKind::InspectionVisit => ("Kiểm tra hiện trường", "Inspection visit"),
    };
    lang.pick(vi, en)
}

pub fn schedule_status(status: ScheduleStatus, lang: Lang) -> &'static str {
    let (vi, en) = match status {
        ScheduleStatus::Completed => ("Hoàn thành, đưa vào sử dụng", "Completed and in operation"),
        ScheduleStatus::OnSchedule => ("Đúng tiến độ", "On schedule"),
        ScheduleStatus::BehindSchedule => ("Chậm tiến độ", "Behind schedule"),
        ScheduleStatus::InvestmentPreparation => ("Chuẩn bị đầu tư", "Investment preparation"),
    };
    lang.pick(vi, en)
}

pub fn light(light: Light, lang: Lang) -> &'static str {
    let (vi, en) = match light {
        Light::Green => ("Xanh", "Green"),
        Light::Amber => ("Vàng", "Amber"),
        Light::Red => ("Đỏ", "Red"),
    };
    lang.pick(vi, en)
}

pub fn obstacle_category(category: ObstacleCategory, lang: Lang) -> &'static str {
    let (vi, en) = match category {
        ObstacleCategory::SiteClearance => ("Đất đai, GPMB", "Land and site clearance"),
        ObstacleCategory::Legal => ("Pháp lý", "Legal"),
        ObstacleCategory::Access => ("Đường thi công", "Access road"),
        ObstacleCategory::Capital => ("Vốn", "Capital"),
        ObstacleCategory::Staffing => ("Nhân lực", "Staffing"),
        ObstacleCategory::Coordination => ("Phối hợp", "Coordination"),
        ObstacleCategory::Other => ("Khác", "Other"),
    };
    lang.pick(vi, en)
}

pub fn body_kind(kind: BodyKind, lang: Lang) -> &'static str {
    match kind {
        BodyKind::State => lang.pick(
            "Văn bản hành chính nhà nước (Quốc hiệu, tiêu ngữ)",
            "State document (national name and motto)",
        ),
        BodyKind::Party => lang.pick(
            "Văn bản của Đảng (ĐẢNG CỘNG SẢN VIỆT NAM)",
            "Party document (COMMUNIST PARTY OF VIET NAM)",
        ),
    }
}

pub fn follow_up_state(state: FollowUpState, lang: Lang) -> &'static str {
    let (vi, en) = match state {
        FollowUpState::Overdue => ("Quá hạn", "Overdue"),
        FollowUpState::DueSoon => ("Sắp đến hạn", "Due soon"),
        FollowUpState::OpenWithinTerm => ("Trong hạn", "Open, not yet due"),
        FollowUpState::NoDeadline => ("Không thời hạn", "No deadline"),
        FollowUpState::DoneLate => ("Hoàn thành trễ hạn", "Done late"),
        FollowUpState::DoneOnTime => ("Hoàn thành đúng hạn", "Done on time"),
        FollowUpState::Cancelled => ("Đã huỷ", "Cancelled"),
        FollowUpState::Transferred => ("Đã chuyển nơi khác", "Transferred elsewhere"),
    };
    lang.pick(vi, en)
}

pub fn investment_group(group: InvestmentGroup, lang: Lang) -> &'static str {
    let (vi, en) = match group {
        InvestmentGroup::National => ("Quan trọng quốc gia", "Nationally important"),
        InvestmentGroup::A => ("Nhóm A", "Group A"),
        InvestmentGroup::B => ("Nhóm B", "Group B"),
        InvestmentGroup::C => ("Nhóm C", "Group C"),
    };
    lang.pick(vi, en)
}

/// How a figure is qualified: "trên 981 tỷ đồng", "over 981 billion VND".
pub fn qualifier(q: Qualifier, lang: Lang) -> &'static str {
    let (vi, en) = match q {
        Qualifier::Over => ("trên", "over"),
        Qualifier::Nearly => ("gần", "nearly"),
        Qualifier::About => ("khoảng", "about"),
    };
    lang.pick(vi, en)
}

pub fn capital_source(source: CapitalSource, lang: Lang) -> &'static str {
    let (vi, en) = match source {
        CapitalSource::StateBudget => ("Ngân sách nhà nước", "State budget"),
        CapitalSource::Ppp => ("PPP", "PPP"),
        CapitalSource::Private => ("Vốn tư nhân", "Private capital"),
        CapitalSource::Foreign => ("Vốn nước ngoài (ODA)", "Foreign (ODA)"),
        CapitalSource::Mixed => ("Hỗn hợp", "Mixed"),
    };
    lang.pick(vi, en)
}

/// The recorded status chosen on the update form, by its code in the format.
pub fn recorded_status_code(code: &str, lang: Lang) -> &'static str {
    let (vi, en) = match code {
        "not_started" => ("Chưa thực hiện", "Not started"),
        "in_progress" => ("Đang thực hiện", "In progress"),
        "done" => ("Đã hoàn thành", "Done"),
        "cancelled" => (
            "Huỷ bỏ (giữ lại, không xoá)",
            "Cancelled (kept, not deleted)",
        ),
        "transferred" => ("Chuyển đơn vị hoặc kết luận khác", "Transferred elsewhere"),
        _ => ("Không đổi", "No change"),
    };
    lang.pick(vi, en)
}

/// What the app understood of a deadline's words, shown under them as they are typed.
pub fn deadline_understood(deadline: &Deadline, lang: Lang) -> String {
    match (deadline.due(), deadline, lang) {
        (Some(due), Deadline::Before { date, .. }, Lang::Vi) => format!(
            "→ Hạn cuối: {} (ngày trước {})",
            format_date(due),
            format_date(*date)
        ),
        (Some(due), Deadline::Before { date, .. }, Lang::En) => format!(
            "→ Due: {} (the day before {})",
            format_date(due),
            format_date(*date)
        ),
        (Some(due), _, Lang::Vi) => format!("→ Hạn cuối: {}", format_date(due)),
        (Some(due), _, Lang::En) => format!("→ Due: {}", format_date(due)),
        (None, Deadline::Continuous { .. }, _) => lang
            .pick(
                "→ Thường xuyên: không tính quá hạn",
                "→ Ongoing: never overdue",
            )
            .to_owned(),
        (None, _, _) => lang.pick("→ Không có thời hạn", "→ No deadline").to_owned(),
    }
}

/// The due date beside a deadline's words ("hạn cuối 27/11/2026" under "trước ngày
/// 28/11/2026"), left out when the words already say that date.
pub fn due_note(deadline: &Deadline, lang: Lang) -> Option<String> {
    let due = deadline.due()?;
    let words = deadline.words();
    let said = [format_date(due), due.format("%-d/%-m/%Y").to_string()]
        .iter()
        .any(|d| words.contains(d.as_str()));
    (!said).then(|| format!("{} {}", lang.pick("hạn cuối", "due"), format_date(due)))
}

/// A deadline as a list shows it: the words, with the due date when the words do not say it.
pub fn deadline_text(deadline: &Deadline, lang: Lang) -> String {
    let words = deadline.words();
    match (words.is_empty(), due_note(deadline, lang)) {
        (true, Some(note)) => note,
        (false, Some(note)) => format!("{words} ({note})"),
        (_, None) => words.to_owned(),
    }
}

/// The dates an extension mark shows: "hạn gốc 31/03/2026 → 30/06/2026 (Công văn số
/// 112/UBND-KT)", with how many times when more than once and whether one was asked for
/// after the deadline had passed.
pub fn extension_note(mark: &ExtensionMark<'_>, lang: Lang) -> String {
    let when = |d: &Deadline| match d.due() {
        Some(due) => format_date(due),
        None if d.words().is_empty() => lang.pick("không thời hạn", "no deadline").to_owned(),
        None => d.words().to_owned(),
    };
    let mut note = format!(
        "{} {} → {}",
        lang.pick("hạn gốc", "originally"),
        when(mark.original),
        when(mark.current)
    );
    if !mark.document_ref.is_empty() {
        note.push_str(&format!(" ({})", mark.document_ref));
    }
    if mark.times > 1 {
        note.push_str(&match lang {
            Lang::Vi => format!(", {} lần gia hạn", mark.times),
            Lang::En => format!(", extended {} times", mark.times),
        });
    }
    if mark.late {
        note.push_str(lang.pick(
            "; có lần xin gia hạn khi đã quá hạn",
            "; at least one was requested after the deadline had passed",
        ));
    }
    note
}

/// The share done of what is still followed: "3/9 (33,33%): 1 đúng hạn, 2 trễ hạn", with
/// what is no longer followed here said apart after it.
pub fn done_share(t: &Tally, lang: Lang) -> String {
    let share = match t.done_percent() {
        None => "0".to_owned(),
        Some(pct) => format!(
            "{}/{} ({}): {} {}, {} {}",
            t.done(),
            t.total,
            format_percent(pct, lang),
            t.done_on_time,
            lang.pick("đúng hạn", "on time"),
            t.done_late,
            lang.pick("trễ hạn", "late"),
        ),
    };
    match set_apart(t.transferred, t.cancelled, lang) {
        Some(apart) => format!("{share} · {apart}"),
        None => share,
    }
}

/// "không tính 1 đã chuyển nơi khác": directives counted apart from the share done.
pub fn set_apart(transferred: usize, cancelled: usize, lang: Lang) -> Option<String> {
    let parts: Vec<String> = [
        (transferred, FollowUpState::Transferred),
        (cancelled, FollowUpState::Cancelled),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, s)| format!("{n} {}", follow_up_state(s, lang).to_lowercase()))
    .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "{} {}",
            lang.pick("không tính", "not counted:"),
            parts.join(", ")
        )
    })
}

/// The button under a long list: "Hiện thêm 100 dòng (còn 1.700)".
pub fn show_more_rows(next: usize, left: usize, lang: Lang) -> String {
    let (next, left) = (
        super::format_decimal(next as f64, 0, lang),
        super::format_decimal(left as f64, 0, lang),
    );
    match lang {
        Lang::Vi => format!("Hiện thêm {next} dòng (còn {left})"),
        Lang::En if next == "1" => format!("Show 1 more row ({left} left)"),
        Lang::En => format!("Show {next} more rows ({left} left)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_show_more_button_counts_in_each_language() {
        assert_eq!(
            show_more_rows(50, 1_750, Lang::Vi),
            "Hiện thêm 50 dòng (còn 1.750)"
        );
        assert_eq!(
            show_more_rows(50, 1_750, Lang::En),
            "Show 50 more rows (1,750 left)"
        );
    }
    use chrono::NaiveDate;

    #[test]
    fn the_due_date_is_shown_only_when_the_words_do_not_say_it() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let on = Deadline::On {
            date: d(18),
            words: "trong ngày 18/11/2026".into(),
        };
        assert_eq!(deadline_text(&on, Lang::Vi), "trong ngày 18/11/2026");
        let before = Deadline::Before {
            date: d(28),
            words: "trước ngày 28/11/2026".into(),
        };
        assert_eq!(
            deadline_text(&before, Lang::Vi),
            "trước ngày 28/11/2026 (hạn cuối 27/11/2026)"
        );
        let by_hand = Deadline::On {
            date: d(5),
            words: String::new(),
        };
        assert_eq!(deadline_text(&by_hand, Lang::En), "due 05/11/2026");
        let short = Deadline::On {
            date: d(5),
            words: "ngày 5/11/2026".into(),
        };
        assert_eq!(deadline_text(&short, Lang::Vi), "ngày 5/11/2026");
        let messy = Deadline::On {
            date: d(25),
            words: "25 / 11 /202 6".into(),
        };
        assert_eq!(
            deadline_text(&messy, Lang::Vi),
            "25 / 11 /202 6 (hạn cuối 25/11/2026)",
            "typed with stray spaces, the date is shown clean"
        );
        assert_eq!(deadline_text(&Deadline::None {}, Lang::Vi), "");
    }

    #[test]
    fn an_extension_mark_gives_the_original_and_current_dates() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let original = Deadline::Before {
            date: d(4, 1),
            words: "trước ngày 01/4/2026".into(),
        };
        let current = Deadline::Month {
            year: 2026,
            month: 6,
            words: "trong tháng 6".into(),
        };
        let mut mark = ExtensionMark {
            original: &original,
            current: &current,
            times: 1,
            late: false,
            document_ref: "CV 112",
        };
        assert_eq!(
            extension_note(&mark, Lang::Vi),
            "hạn gốc 31/03/2026 → 30/06/2026 (CV 112)"
        );
        mark.times = 2;
        mark.late = true;
        mark.document_ref = "";
        assert_eq!(
            extension_note(&mark, Lang::En),
            "originally 31/03/2026 → 30/06/2026, extended 2 times; at least one was requested after the deadline had passed"
        );
        let none = Deadline::None {};
        mark.original = &none;
        assert!(extension_note(&mark, Lang::Vi).starts_with("hạn gốc không thời hạn → "));
    }

    #[test]
    fn the_share_done_says_what_it_leaves_out() {
        let t = Tally {
            total: 2,
            done_on_time: 1,
            transferred: 1,
            ..Default::default()
        };
        assert_eq!(
            done_share(&t, Lang::Vi),
            "1/2 (50%): 1 đúng hạn, 0 trễ hạn · không tính 1 đã chuyển nơi khác"
        );
        assert_eq!(
            done_share(
                &Tally {
                    transferred: 0,
                    ..t
                },
                Lang::En
            ),
            "1/2 (50%): 1 on time, 0 late"
        );
        let closed = Tally {
            cancelled: 2,
            ..Default::default()
        };
        assert_eq!(
            set_apart(closed.transferred, closed.cancelled, Lang::En).as_deref(),
            Some("not counted: 2 cancelled")
        );
    }
}
