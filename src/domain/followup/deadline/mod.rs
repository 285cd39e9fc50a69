//! A directive's deadline: the due date the office follows up against, and the words the
//! conclusion used, kept side by side because the words are what the unit was told.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

mod parse;
#[cfg(test)]
mod parse_tests;
mod tokens;

pub use parse::{parse_deadline, DeadlineError};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum Deadline {
    /// The directive names no deadline (a general exhortation).
    None {},
    /// "thường xuyên", "kịp thời": continuous or recurring work, never overdue.
    Continuous { words: String },
    /// "trước ngày 15/5/2025": before the 15th leaves the 14th as the last day, as real
    /// follow-up systems record it.
    Before {
        #[serde(with = "crate::domain::dates::day")]
        date: NaiveDate,
        words: String,
    },
    /// "ngày 20/8/2025", "trong ngày 20/8/2025", or a date the officer set by hand.
    On {
        #[serde(with = "crate::domain::dates::day")]
        date: NaiveDate,
        words: String,
    },
    /// "trong tháng 6 năm 2025", "cuối tháng 6": the last day of the month.
    Month {
        year: i32,
        month: u32,
        words: String,
    },
    /// "chậm nhất Quý III/2025": the last day of the quarter.
    Quarter {
        year: i32,
        quarter: u32,
        words: String,
    },
    /// "6 tháng đầu năm 2025" (half 1) or "6 tháng cuối năm" (half 2).
    HalfYear { year: i32, half: u32, words: String },
    /// "năm 2025": the last day of the year.
    Year { year: i32, words: String },
}

impl Deadline {
    /// The last day on which doing the work still counts as on time.
    pub fn due(&self) -> Option<NaiveDate> {
        match *self {
            Deadline::None {} | Deadline::Continuous { .. } => None,
            Deadline::Before { date, .. } => date.checked_sub_days(Days::new(1)),
            Deadline::On { date, .. } => Some(date),
            Deadline::Month { year, month, .. } => last_day_of_month(year, month),
            Deadline::Quarter { year, quarter, .. } => (1..=4)
                .contains(&quarter)
                .then(|| last_day_of_month(year, quarter * 3))
                .flatten(),
            Deadline::HalfYear { year, half, .. } => (1..=2)
                .contains(&half)
                .then(|| last_day_of_month(year, half * 6))
                .flatten(),
            Deadline::Year { year, .. } => NaiveDate::from_ymd_opt(year, 12, 31),
        }
    }

    /// The deadline as the document wrote it.
    pub fn words(&self) -> &str {
        match self {
            Deadline::None {} => "",
            Deadline::Continuous { words }
            | Deadline::Before { words, .. }
            | Deadline::On { words, .. }
            | Deadline::Month { words, .. }
            | Deadline::Quarter { words, .. }
            | Deadline::HalfYear { words, .. }
            | Deadline::Year { words, .. } => words,
        }
    }

    /// A deadline of a kind that can never be overdue.
    pub fn is_open_ended(&self) -> bool {
        self.due().is_none()
    }
}

pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    next.pred_opt().filter(|d| d.year() == year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn w() -> String {
        "…".into()
    }

    #[test]
    fn due_dates_follow_the_office_rules() {
        assert_eq!(
            Deadline::Before {
                date: d(2025, 5, 15),
                words: w()
            }
            .due(),
            Some(d(2025, 5, 14))
        );
        assert_eq!(
            Deadline::Before {
                date: d(2025, 3, 1),
                words: w()
            }
            .due(),
            Some(d(2025, 2, 28))
        );
        assert_eq!(
            Deadline::On {
                date: d(2025, 8, 20),
                words: w()
            }
            .due(),
            Some(d(2025, 8, 20))
        );
        assert_eq!(
            Deadline::Month {
                year: 2025,
                month: 6,
                words: w()
            }
            .due(),
            Some(d(2025, 6, 30))
        );
        assert_eq!(
            Deadline::Month {
                year: 2024,
                month: 2,
                words: w()
            }
            .due(),
            Some(d(2024, 2, 29))
        );
        assert_eq!(
            Deadline::Month {
                year: 2025,
                month: 12,
                words: w()
            }
            .due(),
            Some(d(2025, 12, 31))
        );
        assert_eq!(
            Deadline::Quarter {
                year: 2025,
                quarter: 3,
                words: w()
            }
            .due(),
            Some(d(2025, 9, 30))
        );
        assert_eq!(
            Deadline::HalfYear {
                year: 2025,
                half: 1,
                words: w()
            }
            .due(),
            Some(d(2025, 6, 30))
        );
        assert_eq!(
            Deadline::Year {
                year: 2025,
                words: w()
            }
            .due(),
            Some(d(2025, 12, 31))
        );
        assert_eq!(
            Deadline::Continuous {
                words: "thường xuyên".into()
            }
            .due(),
            None
        );
        assert_eq!(Deadline::None {}.due(), None);
    }

    #[test]
    fn impossible_periods_have_no_due_date() {
        assert_eq!(
            Deadline::Month {
                year: 2025,
                month: 13,
                words: w()
            }
            .due(),
            None
        );
        assert_eq!(
            Deadline::Quarter {
                year: 2025,
                quarter: 5,
                words: w()
            }
            .due(),
            None
        );
        assert_eq!(
            Deadline::HalfYear {
                year: 2025,
                half: 0,
                words: w()
            }
            .due(),
            None
        );
    }

    #[test]
    fn the_json_form_names_the_kind_and_keeps_the_words() {
        let d = Deadline::Quarter {
            year: 2025,
            quarter: 3,
            words: "chậm nhất Quý III/2025".into(),
        };
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"quarter","year":2025,"quarter":3,"words":"chậm nhất Quý III/2025"}"#
        );
        assert_eq!(serde_json::from_str::<Deadline>(&json).unwrap(), d);
    }
}
