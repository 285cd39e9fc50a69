//! Headings that name a window of days: the number comes from the domain's constant, so
//! the words say what the rule counts (a heading writing "7" beside a rule of 10 would
//! mislead).

use super::Lang;
use crate::domain::followup::{DUE_WITHIN_MONTH_DAYS, DUE_WITHIN_WEEK_DAYS};
use crate::domain::projects::{RECENT_CHANGE_DAYS, STALE_REPORT_DAYS};
use crate::domain::sharing::EXPORT_REMINDER_DAYS;

fn due_within(days: u64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đến hạn trong {days} ngày tới"),
        Lang::En => format!("Due in the next {days} days"),
    }
}

/// Đôn đốc's "this week" list.
pub fn due_this_week(lang: Lang) -> String {
    due_within(DUE_WITHIN_WEEK_DAYS, lang)
}

/// Đôn đốc's "this month" list.
pub fn due_this_month(lang: Lang) -> String {
    due_within(DUE_WITHIN_MONTH_DAYS, lang)
}

/// The dashboard's projects without a recent report.
pub fn no_recent_report(lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Dự án chưa có báo cáo trong {STALE_REPORT_DAYS} ngày"),
        Lang::En => format!("Projects with no report in the last {STALE_REPORT_DAYS} days"),
    }
}

/// The dashboard's changes of the recent reports.
pub fn recent_changes(lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            format!("Thay đổi so với báo cáo trước (báo cáo trong {RECENT_CHANGE_DAYS} ngày qua)")
        }
        Lang::En => format!(
            "Changes since the previous report (reports from the last {RECENT_CHANGE_DAYS} days)"
        ),
    }
}

/// The Data screen's reminder to export.
pub fn export_reminder(lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Nên xuất toàn bộ dữ liệu ra tệp ngay để có bản sao ngoài trình duyệt (lần xuất gần nhất đã quá {EXPORT_REMINDER_DAYS} ngày, chưa có, hoặc bộ nhớ sắp đầy)."),
        Lang::En => format!("Export all data to a file now to keep a copy outside the browser (the last full export is over {EXPORT_REMINDER_DAYS} days old or has never been made, or storage is nearly full)."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_say_the_rules_numbers() {
        assert_eq!(due_this_week(Lang::Vi), "Đến hạn trong 7 ngày tới");
        assert_eq!(due_this_month(Lang::En), "Due in the next 30 days");
        assert_eq!(
            no_recent_report(Lang::Vi),
            "Dự án chưa có báo cáo trong 45 ngày"
        );
        assert!(recent_changes(Lang::Vi).contains("30 ngày qua"));
        assert!(export_reminder(Lang::En).contains("over 7 days"));
    }
}
