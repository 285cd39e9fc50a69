//! A date typed in a form, as officers write it: day, month, year, whatever the browser's
//! language (an `<input type="date">` follows the browser's: an English Chrome shows
//! mm/dd/yyyy beside the app's dd/mm/yyyy, and "12/07/2026" there is 7 December).
//!
//! The rule:
//! - day, month and year in that order, separated by "/", "-", "." or "," with spaces
//!   allowed around them: "7/12/2026", "07/12/2026", "07-12-2026", "07.12.2026",
//!   "7 / 12 / 2026";
//! - or the eight digits alone, "07122026" (a phone's number pad has no "/");
//! - or the year first, "2026-12-07", as a date is pasted from a file or a spreadsheet;
//! - a two-digit year is of this century: "7/12/26" is 7 December 2026 (the office's
//!   meetings, deadlines and projects are all after 2000); a year of three digits is a slip;
//! - a year outside 1900–2199 is taken for a slip ("0026", "20266");
//! - a day the month does not have (31/02/2026), or a month other than 1–12 (13/13/2026,
//!   or a month-first "12/25/2026"), is refused with what is wrong.
//!
//! Shown back, a date is always dd/mm/yyyy ([`super::dd_mm_yyyy`]).

use chrono::{Datelike, NaiveDate};

use crate::domain::followup::deadline::last_day_of_month;

/// Why typed text is not a date; each says what the officer can do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Nothing typed.
    Empty,
    /// Not day, month and year ("hôm qua", "7/12", "7/12/2026/1").
    Layout,
    /// A year of three digits, or outside 1900–2199, as typed.
    Year(String),
    /// A month other than 1 to 12.
    Month(u32),
    /// A day the month does not have; `days` is how many it has.
    Day {
        day: u32,
        month: u32,
        year: i32,
        days: u32,
    },
}

const FIRST_YEAR: i32 = 1900;
const LAST_YEAR: i32 = 2199;

fn is_separator(c: char) -> bool {
    matches!(c, '/' | '-' | '.' | ',') || c.is_whitespace()
}

/// Reads a date typed as officers write it (the rule is in the module's doc).
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    if !text.chars().all(|c| c.is_ascii_digit() || is_separator(c)) {
        return Err(DateError::Layout);
    }
    let groups: Vec<&str> = text.split(is_separator).filter(|g| !g.is_empty()).collect();
    let (day, month, year) = match groups[..] {
        [all] if all.len() == 8 || all.len() == 6 => (&all[..2], &all[2..4], &all[4..]),
        [year, month, day] if year.len() == 4 => (day, month, year),
        [day, month, year] => (day, month, year),
        _ => return Err(DateError::Layout),
    };
    if day.len() > 2 || month.len() > 2 {
        return Err(DateError::Layout);
    }
    let year_value = match (year.len(), year.parse::<i32>()) {
        (2, Ok(y)) => 2000 + y,
        (4, Ok(y)) if (FIRST_YEAR..=LAST_YEAR).contains(&y) => y,
        _ => return Err(DateError::Year(year.to_owned())),
    };
    // One or two digits each: they parse.
    let (day, month) = (day.parse().unwrap_or(0), month.parse().unwrap_or(0));
    if !(1..=12).contains(&month) {
        return Err(DateError::Month(month));
    }
    NaiveDate::from_ymd_opt(year_value, month, day).ok_or(DateError::Day {
        day,
        month,
        year: year_value,
        days: last_day_of_month(year_value, month).map_or(0, |d| d.day()),
    })
}

/// What a date box holds once the officer leaves it: the date as dd/mm/yyyy when the text
/// is one, else the text as typed (so the problem stays beside it and nothing is lost).
pub fn tidy_date(text: &str) -> String {
    match parse_date(text) {
        Ok(date) => super::dd_mm_yyyy(date),
        Err(_) => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::{d_m_yyyy, dd_mm_yyyy, iso};
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_ways_officers_write_a_date() {
        let seventh_december = ymd(2026, 12, 7);
        for typed in [
            "7/12/2026",
            "07/12/2026",
            "07-12-2026",
            "07.12.2026",
            "7.12.2026",
            "7/12/26",
            " 07 / 12 / 2026 ",
            "07122026",
            "071226",
            "2026-12-07",
            "2026/12/7",
            "07/12/2026.",
        ] {
            assert_eq!(parse_date(typed), Ok(seventh_december), "{typed:?}");
        }
        assert_eq!(parse_date("29/02/2024"), Ok(ymd(2024, 2, 29)));
        assert_eq!(parse_date("1/1/1900"), Ok(ymd(1900, 1, 1)));
        assert_eq!(parse_date("31/12/2199"), Ok(ymd(2199, 12, 31)));
    }

    #[test]
    fn what_is_not_a_date_says_why() {
        for (typed, why) in [
            ("", DateError::Empty),
            ("   ", DateError::Empty),
            ("hôm qua", DateError::Layout),
            ("7/12", DateError::Layout),
            ("7/12/2026/1", DateError::Layout),
            ("7a/12/2026", DateError::Layout),
            ("007/12/2026", DateError::Layout),
            ("7/012/2026", DateError::Layout),
            ("712026", DateError::Month(20)),
            ("7122026", DateError::Layout),
            ("7/12/202", DateError::Year("202".into())),
            ("7/12/20266", DateError::Year("20266".into())),
            ("7/12/0026", DateError::Year("0026".into())),
            ("7/12/2200", DateError::Year("2200".into())),
            ("13/13/2026", DateError::Month(13)),
            ("12/25/2026", DateError::Month(25)),
            ("1/0/2026", DateError::Month(0)),
            (
                "31/02/2026",
                DateError::Day {
                    day: 31,
                    month: 2,
                    year: 2026,
                    days: 28,
                },
            ),
            (
                "29/2/2025",
                DateError::Day {
                    day: 29,
                    month: 2,
                    year: 2025,
                    days: 28,
                },
            ),
            (
                "31/4/2026",
                DateError::Day {
                    day: 31,
                    month: 4,
                    year: 2026,
                    days: 30,
                },
            ),
            (
                "0/4/2026",
                DateError::Day {
                    day: 0,
                    month: 4,
                    year: 2026,
                    days: 30,
                },
            ),
        ] {
            assert_eq!(parse_date(typed), Err(why), "{typed:?}");
        }
    }

    #[test]
    fn a_box_left_shows_the_date_as_dd_mm_yyyy() {
        assert_eq!(tidy_date("7.12.26"), "07/12/2026");
        assert_eq!(tidy_date("2026-12-07"), "07/12/2026");
        assert_eq!(tidy_date("31/02/2026"), "31/02/2026");
        assert_eq!(tidy_date(""), "");
    }

    proptest! {
        #[test]
        fn every_date_shown_reads_back(days in 0i64..109_572) {
            let date = ymd(1900, 1, 1) + chrono::Days::new(days as u64);
            prop_assert_eq!(parse_date(&dd_mm_yyyy(date)), Ok(date));
            prop_assert_eq!(parse_date(&d_m_yyyy(date)), Ok(date));
            prop_assert_eq!(parse_date(&iso(date)), Ok(date));
            let dotted = format!("{:02}.{:02}.{}", date.day(), date.month(), date.year());
            prop_assert_eq!(parse_date(&dotted), Ok(date));
            let digits = dd_mm_yyyy(date).replace('/', "");
            prop_assert_eq!(parse_date(&digits), Ok(date));
        }

        #[test]
        fn this_century_reads_with_two_digits(days in 0i64..36_524) {
            let date = ymd(2000, 1, 1) + chrono::Days::new(days as u64);
            let short = format!("{}/{}/{:02}", date.day(), date.month(), date.year() % 100);
            prop_assert_eq!(parse_date(&short), Ok(date));
        }

        #[test]
        fn any_text_is_read_without_panic(text in "\\PC{0,24}") {
            if let Ok(date) = parse_date(&text) {
                prop_assert!((FIRST_YEAR..=LAST_YEAR).contains(&date.year()));
                prop_assert_eq!(parse_date(&tidy_date(&text)), Ok(date));
            }
        }

        #[test]
        fn any_three_numbers_are_a_date_or_say_which_part_is_wrong(
            d in 0u32..40, m in 0u32..15, y in 1900i32..2200,
        ) {
            let typed = format!("{d}/{m}/{y}");
            match NaiveDate::from_ymd_opt(y, m, d) {
                Some(date) => prop_assert_eq!(parse_date(&typed), Ok(date)),
                None if !(1..=12).contains(&m) => prop_assert_eq!(parse_date(&typed), Err(DateError::Month(m))),
                None => prop_assert!(
                    matches!(parse_date(&typed), Err(DateError::Day { day, month, .. }) if day == d && month == m),
                    "{}", typed
                ),
            }
        }
    }
}
