//! Records as typed in forms: text fields, read with the officer's number convention and
//! checked by the model's rules before anything is stored. A draft keeps what was typed, so
//! a rejected form loses nothing.

mod settings;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::domain::dates::{dd_mm_yyyy, parse_date, DateError};
use crate::domain::followup::deadline::DeadlineError;
use crate::domain::money::Vnd;
use crate::domain::number::{
    format_scaled, parse_billions, parse_decimal, DecimalMark, NumberError, BILLION_HUNDREDTHS,
};
use crate::domain::sharing::validate::{Problem, ValidationError};
use crate::domain::Field;

pub use settings::{OfficeSettings, SettingsDraft, MAX_DUE_SOON_DAYS};

#[derive(Debug, Clone, PartialEq)]
pub enum DraftProblem {
    Number(NumberError),
    /// A count typed with decimals.
    NotWhole,
    /// A required date is missing, or typed text is not a date.
    Date(DateError),
    /// A rule of the model (above total, percentage out of range, empty name...).
    Rule(Problem),
    /// Neither a figure nor a narrative was given.
    Nothing,
    /// A count above the largest allowed.
    TooMany(u32),
    /// A time of day that is not one ("25:00").
    Time,
    /// Deadline words that give no due date.
    Deadline(DeadlineError),
    /// A directive number that is not "3" or "3.2".
    NotAPath,
    /// A conclusion whose number and symbol the register already holds.
    AlreadyRegistered,
    /// A unit whose name another unit of the register already has.
    NameTaken,
    /// A cumulative figure lower than the project's earlier reports gave it (`before`, in
    /// the figure's own unit: billions for money): saved only once the officer confirms it
    /// is a correction.
    Dropped {
        before: f64,
        after: f64,
    },
}

/// A problem with one field of a form, named by the record's JSON field name.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub field: Field,
    pub problem: DraftProblem,
}

impl From<ValidationError> for FieldError {
    fn from(e: ValidationError) -> Self {
        FieldError {
            field: e.field,
            problem: DraftProblem::Rule(e.problem),
        }
    }
}

/// The code a choice is stored under in the data format ("state_budget", "a", "over").
pub fn code<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The choice stored under `code`; `None` for an empty or unknown code.
pub fn from_code<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
}

/// The id chosen in a picker; an empty choice is no reference.
pub(super) fn id_of<T: From<String>>(text: &str) -> Option<T> {
    Some(text.trim())
        .filter(|t| !t.is_empty())
        .map(|t| T::from(t.to_owned()))
}

/// An optional date as a form shows it, "" or dd/mm/yyyy; read back by
/// [`parse_date`], which also takes the other ways officers type a date.
pub fn date_text(date: Option<NaiveDate>) -> String {
    date.map(dd_mm_yyyy).unwrap_or_default()
}

/// Money in billions as the officer would type it back ("1.300", "3.355,9").
pub fn billions_text(vnd: Vnd, mark: DecimalMark) -> String {
    format_scaled(vnd.0 / BILLION_HUNDREDTHS, 2, mark)
}

/// Reads the fields of a draft, collecting one problem per wrong field.
pub(super) struct Reader {
    pub(super) mark: DecimalMark,
    pub(super) errors: Vec<FieldError>,
}

impl Reader {
    pub(super) fn new(mark: DecimalMark) -> Self {
        Reader {
            mark,
            errors: Vec::new(),
        }
    }

    pub(super) fn push(&mut self, field: Field, problem: DraftProblem) {
        self.errors.push(FieldError { field, problem });
    }

    pub(super) fn decimal(&mut self, field: Field, text: &str, decimals: u32) -> Option<f64> {
        match parse_decimal(text, self.mark, decimals) {
            Ok(v) => Some(v),
            Err(NumberError::Empty) => None,
            Err(e) => {
                self.push(field, DraftProblem::Number(e));
                None
            }
        }
    }

    /// A percentage, with or without its sign ("44,55" or "44,55 %"), as reports write it.
    pub(super) fn percent(&mut self, field: Field, text: &str) -> Option<f64> {
        let text = text.trim();
        self.decimal(field, text.strip_suffix('%').unwrap_or(text), 2)
    }

    pub(super) fn count(&mut self, field: Field, text: &str) -> Option<u32> {
        let value = self.decimal(field, text, 6)?;
        if value.fract() != 0.0 || value > f64::from(u32::MAX) {
            self.push(field, DraftProblem::NotWhole);
            return None;
        }
        Some(value as u32)
    }

    pub(super) fn money(&mut self, field: Field, text: &str) -> Option<Vnd> {
        match parse_billions(text, self.mark) {
            Ok(v) => Some(v),
            Err(NumberError::Empty) => None,
            Err(e) => {
                self.push(field, DraftProblem::Number(e));
                None
            }
        }
    }

    /// An optional date: empty is `None`, anything else must be a date.
    pub(super) fn date(&mut self, field: Field, text: &str) -> Option<NaiveDate> {
        match parse_date(text) {
            Ok(date) => Some(date),
            Err(DateError::Empty) => None,
            Err(e) => {
                self.push(field, DraftProblem::Date(e));
                None
            }
        }
    }

    /// A date that must be given.
    pub(super) fn required_date(&mut self, field: Field, text: &str) -> Option<NaiveDate> {
        match parse_date(text) {
            Ok(date) => Some(date),
            Err(e) => {
                self.push(field, DraftProblem::Date(e));
                None
            }
        }
    }

    /// A date of something that has happened (a report's figures, an update, an obstacle):
    /// one after `today` is refused, because it would stand as the latest news of a record.
    pub(super) fn not_after(&mut self, field: Field, date: Option<NaiveDate>, today: NaiveDate) {
        if date.is_some_and(|d| d > today) {
            self.push(field, DraftProblem::Rule(Problem::InFuture));
        }
    }

    /// The record is built; the model's own rules are checked on it.
    pub(super) fn finish<T>(
        mut self,
        record: T,
        rules: Vec<ValidationError>,
    ) -> Result<T, Vec<FieldError>> {
        for e in rules {
            let e = FieldError::from(e);
            if !self.errors.iter().any(|x| x.field == e.field) {
                self.errors.push(e);
            }
        }
        if self.errors.is_empty() {
            Ok(record)
        } else {
            Err(self.errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Qualifier;
    use crate::domain::{CapitalSource, InvestmentGroup, ObstacleCategory};

    #[test]
    fn codes_are_those_of_the_format() {
        assert_eq!(code(&CapitalSource::StateBudget), "state_budget");
        assert_eq!(code(&InvestmentGroup::A), "a");
        assert_eq!(code(&Qualifier::Nearly), "nearly");
        assert_eq!(
            from_code::<ObstacleCategory>("site_clearance"),
            Some(ObstacleCategory::SiteClearance)
        );
        assert_eq!(from_code::<InvestmentGroup>(""), None);
        assert_eq!(from_code::<InvestmentGroup>("z"), None);
    }

    #[test]
    fn money_is_written_back_as_it_is_read() {
        for (vnd, mark, text) in [
            (Vnd::billions(1_300, 0), DecimalMark::Comma, "1.300"),
            (Vnd::billions(1_300, 0), DecimalMark::Point, "1,300"),
            (Vnd::billions(3_355, 90), DecimalMark::Comma, "3.355,9"),
            (Vnd::billions(0, 5), DecimalMark::Point, "0.05"),
        ] {
            assert_eq!(billions_text(vnd, mark), text);
            assert_eq!(parse_billions(text, mark), Ok(vnd));
        }
    }
}
