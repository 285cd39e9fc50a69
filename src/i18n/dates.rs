//! A date box's words in each language: what to type, what is wrong with what was typed,
//! and the date understood, in words, so "12/07/2026" cannot be taken for 7 December.

use chrono::{Datelike, NaiveDate, Weekday};

use super::Lang;
use crate::domain::dates::{month_in_english, DateError};

/// What a date box shows while empty: the layout to type.
pub fn date_placeholder(lang: Lang) -> &'static str {
    lang.pick("nn/tt/nnnn", "dd/mm/yyyy")
}

/// The calendar button beside a date box (described by the box's label).
pub fn pick_on_calendar(lang: Lang) -> &'static str {
    lang.pick("Chọn trên lịch", "Pick on a calendar")
}

/// Why typed text is not a date, and how to type it.
pub fn date_message(e: &DateError, lang: Lang) -> String {
    match (e, lang) {
        (DateError::Empty, Lang::Vi) => {
            "Chưa có ngày: gõ theo dạng nn/tt/nnnn, ví dụ 07/12/2026.".to_owned()
        }
        (DateError::Empty, Lang::En) => {
            "No date yet: type it as dd/mm/yyyy, for example 07/12/2026.".to_owned()
        }
        (DateError::Layout, Lang::Vi) => {
            "Không đọc được ngày: gõ ngày/tháng/năm theo dạng nn/tt/nnnn, ví dụ 07/12/2026."
                .to_owned()
        }
        (DateError::Layout, Lang::En) => {
            "Not a date: type day/month/year as dd/mm/yyyy, for example 07/12/2026.".to_owned()
        }
        (DateError::Year(y), Lang::Vi) => {
            format!("Năm “{y}” có vẻ gõ nhầm: gõ năm đủ bốn chữ số, ví dụ 2026.")
        }
        (DateError::Year(y), Lang::En) => {
            format!("The year “{y}” looks like a typing slip: type all four digits, for example 2026.")
        }
        (DateError::Month(m), Lang::Vi) => format!(
            "Không có tháng {m}: tháng từ 1 đến 12, và ngày gõ trước tháng (nn/tt/nnnn)."
        ),
        (DateError::Month(m), Lang::En) => format!(
            "There is no month {m}: months run from 1 to 12, and the day comes before the month (dd/mm/yyyy)."
        ),
        (
            DateError::Day {
                day,
                month,
                year,
                days,
            },
            Lang::Vi,
        ) => format!("Tháng {month}/{year} không có ngày {day} (tháng này có {days} ngày)."),
        (
            DateError::Day {
                day,
                month,
                year,
                days,
            },
            Lang::En,
        ) => format!(
            "{} {year} has no day {day} (it has {days} days).",
            month_in_english(*month)
        ),
    }
}

/// The date in words with its weekday: "Thứ Hai, ngày 7 tháng 12 năm 2026", "Monday 7
/// December 2026".
pub fn date_in_words(date: NaiveDate, lang: Lang) -> String {
    let (d, m, y) = (date.day(), date.month(), date.year());
    let weekday = weekday_name(date.weekday(), lang);
    match lang {
        Lang::Vi => format!("{weekday}, ngày {d} tháng {m} năm {y}"),
        Lang::En => format!("{weekday} {d} {} {y}", month_in_english(m)),
    }
}

fn weekday_name(day: Weekday, lang: Lang) -> &'static str {
    match day {
        Weekday::Mon => lang.pick("Thứ Hai", "Monday"),
        Weekday::Tue => lang.pick("Thứ Ba", "Tuesday"),
        Weekday::Wed => lang.pick("Thứ Tư", "Wednesday"),
        Weekday::Thu => lang.pick("Thứ Năm", "Thursday"),
        Weekday::Fri => lang.pick("Thứ Sáu", "Friday"),
        Weekday::Sat => lang.pick("Thứ Bảy", "Saturday"),
        Weekday::Sun => lang.pick("Chủ nhật", "Sunday"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::parse_date;

    #[test]
    fn a_day_the_month_lacks_is_named_with_its_month() {
        let e = parse_date("31/02/2026").unwrap_err();
        assert_eq!(
            date_message(&e, Lang::Vi),
            "Tháng 2/2026 không có ngày 31 (tháng này có 28 ngày)."
        );
        assert_eq!(
            date_message(&e, Lang::En),
            "February 2026 has no day 31 (it has 28 days)."
        );
        let e = parse_date("13/13/2026").unwrap_err();
        assert!(date_message(&e, Lang::Vi).starts_with("Không có tháng 13"));
        assert!(date_message(&e, Lang::En).starts_with("There is no month 13"));
        let e = parse_date("hôm qua").unwrap_err();
        assert!(date_message(&e, Lang::Vi).contains("nn/tt/nnnn"));
        assert!(date_message(&e, Lang::En).contains("dd/mm/yyyy"));
    }

    #[test]
    fn a_date_in_words_says_its_weekday_and_month() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(
            date_in_words(date, Lang::Vi),
            "Thứ Hai, ngày 7 tháng 12 năm 2026"
        );
        assert_eq!(date_in_words(date, Lang::En), "Monday 7 December 2026");
        let sunday = NaiveDate::from_ymd_opt(2026, 7, 12).unwrap();
        assert_eq!(date_in_words(sunday, Lang::En), "Sunday 12 July 2026");
    }
}
