//! Reading a deadline as conclusions write it: "trước ngày 15/5/2025", "trong tháng 6 năm
//! 2025", "cuối tháng 3", "chậm nhất Quý III/2025", "6 tháng đầu năm 2025", "thường xuyên".
//!
//! The words are folded (no diacritics, lower case), cut into tokens (numbers, words,
//! separators; spaces and emphasis marks dropped, so "25 / 8 /202 6" reads as 25/8/2026),
//! and scanned left to right for the shapes below. A year left out is taken from the
//! conclusion's date: the first such day or period that does not end before it ("cuối
//! tháng 3" in a conclusion of February 2024 is March 2024, in one of May 2024 March 2025).
//! The same scan finds the deadline inside a whole directive's sentence, so pasting a
//! conclusion can reuse it.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::tokens::{
    is_continuous, is_no_deadline, roman, tokenize, word, year_after, year_at, Tok,
};
use super::{last_day_of_month, Deadline};
use crate::domain::text::fold;

/// Why words could not be read as a deadline. The officer then sets the date by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeadlineError {
    /// Nothing in the words looks like a deadline ("trước Tết", "sớm").
    NotUnderstood,
    /// A day that does not exist: 31/4, 29/2 in a common year, month 13.
    ImpossibleDate { day: u32, month: u32, year: i32 },
    /// A quarter other than I to IV, a month other than 1 to 12.
    ImpossiblePeriod,
    /// A year outside 2000–2100, most likely a typing slip.
    ImplausibleYear(i32),
    /// The year is left out and there is no conclusion date to take it from.
    NoYear,
    /// Two different due dates in one item: the item should be split into sub-items.
    Several(NaiveDate, NaiveDate),
}

const FIRST_YEAR: i32 = 2000;
const LAST_YEAR: i32 = 2100;

/// Reads `words` as a deadline. `issued` is the conclusion's date, used for a year left
/// out and for deadlines counted from signing ("trong 30 ngày"). Empty words, "không" or
/// "-" are no deadline.
pub fn parse_deadline(words: &str, issued: Option<NaiveDate>) -> Result<Deadline, DeadlineError> {
    let kept = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let folded = fold(&kept);
    let tokens = tokenize(&folded);
    if tokens.is_empty() || is_no_deadline(&tokens) {
        return Ok(Deadline::None {});
    }
    let scan = Scan {
        t: &tokens,
        issued,
        words: kept.clone(),
    };
    let mut found: Vec<Deadline> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match scan.at(i)? {
            Some((deadline, next)) => {
                if deadline != (Deadline::None {}) {
                    found.push(deadline);
                }
                i = next;
            }
            None => i += 1,
        }
    }
    let mut dated = found.into_iter();
    match dated.next() {
        Some(first) => {
            if let Some(other) = dated.find(|d| d.due() != first.due()) {
                let (a, b) = (first.due(), other.due());
                if let (Some(a), Some(b)) = (a, b) {
                    return Err(DeadlineError::Several(a.min(b), a.max(b)));
                }
            }
            Ok(first)
        }
        None if is_continuous(&tokens) => Ok(Deadline::Continuous { words: kept }),
        None => Err(DeadlineError::NotUnderstood),
    }
}

struct Scan<'a> {
    t: &'a [Tok],
    issued: Option<NaiveDate>,
    words: String,
}

/// A deadline found and where the scan goes on; `Deadline::None {}` for words passed over.
type Found = Option<(Deadline, usize)>;

impl Scan<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        word(self.t.get(i))
    }

    fn num(&self, i: usize) -> Option<u32> {
        match self.t.get(i) {
            Some(Tok::Num(n, len)) if *len <= 2 => Some(*n),
            _ => None,
        }
    }

    /// A deadline starting at token `i`, and where the scan goes on.
    fn at(&self, i: usize) -> Result<Found, DeadlineError> {
        if let Some(found) = self.half_year(i)? {
            return Ok(Some(found));
        }
        match self.word(i) {
            Some("ngay") => self.named_date(i + 1, i),
            Some("thang") => self.month(i + 1, i),
            Some("quy" | "q" | "quarter") => self.quarter(i + 1),
            Some("nam") => self.year(i),
            Some("trong") => self.counted(i + 1),
            _ => match self.t.get(i) {
                Some(Tok::Num(..)) => self.numeric_date(i, i),
                _ => Ok(None),
            },
        }
    }

    /// Whether the phrase ending before `start` says "before" ("trước ngày", "trước").
    fn before(&self, start: usize) -> bool {
        let back = |k: usize| start.checked_sub(k).and_then(|j| self.word(j));
        matches!(back(1), Some("truoc" | "before"))
            || (back(1) == Some("ngay") && back(2) == Some("truoc"))
    }

    /// "từ ngày 1/5 đến ngày 15/5": the first date is where the work starts, not its end.
    fn is_start_of_range(&self, start: usize) -> bool {
        let back = |k: usize| start.checked_sub(k).and_then(|j| self.word(j));
        back(1) == Some("tu") || (back(1) == Some("ngay") && back(2) == Some("tu"))
    }

    /// "ngày 15/5/2025" or "ngày 15 tháng 5 năm 2025".
    fn named_date(&self, i: usize, start: usize) -> Result<Found, DeadlineError> {
        if let (Some(day), Some("thang"), Some(month)) =
            (self.num(i), self.word(i + 1), self.num(i + 2))
        {
            let year = year_after(self.t, i + 3);
            let next = year.map_or(i + 3, |(_, n)| n);
            return self.day(day, month, year.map(|(y, _)| y), start, next);
        }
        match self.t.get(i) {
            Some(Tok::Num(..)) => self.numeric_date(i, start),
            _ => Ok(None),
        }
    }

    /// "15/5/2025", "15-5-2025", "15.5.2025", "25 / 8 /202 6", "15/5" (year from the
    /// conclusion); "6/2025" is a month.
    fn numeric_date(&self, i: usize, start: usize) -> Result<Found, DeadlineError> {
        let (Some(a), Some(Tok::Sep)) = (self.num(i), self.t.get(i + 1)) else {
            return Ok(None);
        };
        if let Some((year, next)) = year_at(self.t, i + 2).filter(|_| {
            matches!(self.t.get(i + 2), Some(Tok::Num(_, 4)))
                || matches!(self.t.get(i + 3), Some(Tok::Num(..)))
        }) {
            // "6/2025": a month and a year; "30/2020/NĐ-CP" is a document's number.
            let numbered = matches!(self.t.get(next), Some(Tok::Sep))
                && matches!(self.t.get(next + 1), Some(Tok::Word(_)));
            if a > 12 || numbered {
                return Ok(None);
            }
            return self.month_end(a, Some(year), next);
        }
        let Some(b) = self.num(i + 2) else {
            return Ok(None);
        };
        let year = match self.t.get(i + 3) {
            Some(Tok::Sep) => year_at(self.t, i + 4),
            _ => None,
        };
        let next = year.map_or(i + 3, |(_, n)| n);
        self.day(a, b, year.map(|(y, _)| y), start, next)
    }

    fn day(
        &self,
        day: u32,
        month: u32,
        year: Option<i32>,
        start: usize,
        next: usize,
    ) -> Result<Found, DeadlineError> {
        if self.is_start_of_range(start) {
            // Passed over whole, so its parts are not read as another deadline.
            return Ok(Some((Deadline::None {}, next)));
        }
        let date =
            match year {
                Some(year) => {
                    plausible(year)?;
                    NaiveDate::from_ymd_opt(year, month, day)
                        .ok_or(DeadlineError::ImpossibleDate { day, month, year })?
                }
                None => {
                    let issued = self.issued.ok_or(DeadlineError::NoYear)?;
                    // 29/2 may be up to four years on.
                    let first = (issued.year()..=issued.year() + 4)
                        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                        .find(|d| *d >= issued);
                    first.ok_or(DeadlineError::ImpossibleDate {
                        day,
                        month,
                        year: issued.year(),
                    })?
                }
            };
        let words = self.words.clone();
        let deadline = if self.before(start) {
            Deadline::Before { date, words }
        } else {
            Deadline::On { date, words }
        };
        Ok(Some((deadline, next)))
    }

    /// "tháng 6 năm 2025", "tháng 6/2025", "cuối tháng 6", "trong tháng 6"; "đầu tháng 6"
    /// is the 10th, "giữa tháng 6" the 15th.
    fn month(&self, i: usize, start: usize) -> Result<Found, DeadlineError> {
        let Some(month) = self.num(i) else {
            return Ok(None);
        };
        let year = year_after(self.t, i + 1);
        let next = year.map_or(i + 1, |(_, n)| n);
        let back = start.checked_sub(1).and_then(|j| self.word(j));
        match back {
            Some("dau") => self.day(10, month, year.map(|(y, _)| y), start, next),
            Some("giua") => self.day(15, month, year.map(|(y, _)| y), start, next),
            // "trước tháng 6": by the end of May.
            Some("truoc" | "before") => {
                let Some((deadline, next)) = self.month_end(month, year.map(|(y, _)| y), next)?
                else {
                    return Ok(None);
                };
                let first = deadline.due().and_then(|d| d.with_day(1));
                Ok(first.map(|date| {
                    let words = self.words.clone();
                    (Deadline::Before { date, words }, next)
                }))
            }
            _ => self.month_end(month, year.map(|(y, _)| y), next),
        }
    }

    fn month_end(
        &self,
        month: u32,
        year: Option<i32>,
        next: usize,
    ) -> Result<Found, DeadlineError> {
        if !(1..=12).contains(&month) {
            return Err(DeadlineError::ImpossiblePeriod);
        }
        let year = self.year_or_first(year, |y| last_day_of_month(y, month))?;
        Ok(Some((
            Deadline::Month {
                year,
                month,
                words: self.words.clone(),
            },
            next,
        )))
    }

    /// "Quý III/2025", "quý 3 năm 2025", "Q3/2025", "quý III" (year from the conclusion).
    fn quarter(&self, i: usize) -> Result<Found, DeadlineError> {
        let quarter = match self.t.get(i) {
            Some(Tok::Word(w)) => roman(w),
            Some(Tok::Num(n, 1)) => Some(*n),
            _ => None,
        };
        let Some(quarter) = quarter else {
            return Ok(None);
        };
        if !(1..=4).contains(&quarter) {
            return Err(DeadlineError::ImpossiblePeriod);
        }
        let year = year_after(self.t, i + 1);
        let next = year.map_or(i + 1, |(_, n)| n);
        let year =
            self.year_or_first(year.map(|(y, _)| y), |y| last_day_of_month(y, quarter * 3))?;
        Ok(Some((
            Deadline::Quarter {
                year,
                quarter,
                words: self.words.clone(),
            },
            next,
        )))
    }

    /// "6 tháng đầu năm 2025", "6 tháng cuối năm", "nửa đầu năm 2025".
    fn half_year(&self, i: usize) -> Result<Found, DeadlineError> {
        let after = match (self.t.get(i), self.word(i), self.word(i + 1)) {
            (Some(Tok::Num(6, _)), _, Some("thang")) => i + 2,
            (_, Some("nua"), _) => i + 1,
            _ => return Ok(None),
        };
        let half = match (self.word(after), self.word(after + 1)) {
            (Some("dau"), Some("nam")) => 1,
            (Some("cuoi" | "sau"), Some("nam")) => 2,
            _ => return Ok(None),
        };
        let year = year_at(self.t, after + 2);
        let next = year.map_or(after + 2, |(_, n)| n);
        let year = self.year_or_first(year.map(|(y, _)| y), |y| last_day_of_month(y, half * 6))?;
        Ok(Some((
            Deadline::HalfYear {
                year,
                half,
                words: self.words.clone(),
            },
            next,
        )))
    }

    /// "năm 2025", "trong năm 2025", "cuối năm" (the conclusion's year), "năm nay".
    fn year(&self, i: usize) -> Result<Found, DeadlineError> {
        let back = i.checked_sub(1).and_then(|j| self.word(j));
        let (year, next) = match (year_at(self.t, i + 1), self.word(i + 1), back) {
            (Some((y, n)), _, _) => (Some(y), n),
            (None, Some("nay"), _) => (None, i + 2),
            (None, _, Some("cuoi")) => (None, i + 1),
            _ => return Ok(None),
        };
        let year = self.year_or_first(year, |y| NaiveDate::from_ymd_opt(y, 12, 31))?;
        Ok(Some((
            Deadline::Year {
                year,
                words: self.words.clone(),
            },
            next,
        )))
    }

    /// "trong 30 ngày", "trong vòng 15 ngày làm việc", "trong 2 tuần", "trong 3 tháng"
    /// (counted from the conclusion's date).
    fn counted(&self, mut i: usize) -> Result<Found, DeadlineError> {
        if self.word(i) == Some("vong") {
            i += 1;
        }
        let Some(Tok::Num(n, len)) = self.t.get(i).cloned() else {
            return Ok(None);
        };
        if len > 3 || self.half_year(i)?.is_some() {
            return Ok(None);
        }
        let unit = self.word(i + 1);
        let working = self.word(i + 2) == Some("lam") && self.word(i + 3) == Some("viec");
        if !matches!(unit, Some("ngay" | "tuan" | "thang")) {
            return Ok(None);
        }
        let issued = self.issued.ok_or(DeadlineError::NoYear)?;
        let date = match unit {
            Some("ngay") if working => add_working_days(issued, n),
            Some("ngay") => issued.checked_add_days(Days::new(n.into())),
            Some("tuan") => issued.checked_add_days(Days::new(u64::from(n) * 7)),
            _ => issued.checked_add_months(Months::new(n)),
        }
        .ok_or(DeadlineError::ImplausibleYear(LAST_YEAR + 1))?;
        plausible(date.year())?;
        let next = i + if working { 4 } else { 2 };
        Ok(Some((
            Deadline::On {
                date,
                words: self.words.clone(),
            },
            next,
        )))
    }

    /// The year given, or the first year (from the conclusion's) whose period does not end
    /// before the conclusion's date.
    fn year_or_first(
        &self,
        year: Option<i32>,
        end: impl Fn(i32) -> Option<NaiveDate>,
    ) -> Result<i32, DeadlineError> {
        match year {
            Some(y) => plausible(y).map(|_| y),
            None => {
                let issued = self.issued.ok_or(DeadlineError::NoYear)?;
                let y = issued.year();
                Ok(if end(y).is_some_and(|e| e < issued) {
                    y + 1
                } else {
                    y
                })
            }
        }
    }
}

fn plausible(year: i32) -> Result<(), DeadlineError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(DeadlineError::ImplausibleYear(year))
    }
}

/// `n` working days (Monday to Friday) after `from`; public holidays are not known here,
/// so the officer corrects the date by hand around Tết.
fn add_working_days(from: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut date = from;
    let mut left = n.min(2000);
    while left > 0 {
        date = date.succ_opt()?;
        if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    Some(date)
}
