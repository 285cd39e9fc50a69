//! This office's settings as typed: the tolerance of the schedule rule and the days before a
//! deadline that count as "due soon".

use super::{FieldError, Reader};
use crate::domain::draft::DraftProblem;
use crate::domain::number::DecimalMark;
use crate::domain::sharing::validate::Problem;
use crate::domain::Field;

/// The largest number of days "due soon" may look ahead.
pub const MAX_DUE_SOON_DAYS: u32 = 90;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SettingsDraft {
    pub officer_name: String,
    pub office: String,
    /// Percentage points below the straight-line trajectory still counted on schedule.
    pub tolerance_points: String,
    pub due_soon_days: String,
}

/// Settings read from a valid draft.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeSettings {
    pub officer_name: String,
    pub office: String,
    pub tolerance_points: f64,
    pub due_soon_days: u32,
}

impl SettingsDraft {
    pub fn read(&self, mark: DecimalMark) -> Result<OfficeSettings, Vec<FieldError>> {
        let mut r = Reader::new(mark);
        let tolerance = r.decimal(Field::TolerancePoints, &self.tolerance_points, 1);
        if tolerance.is_some_and(|t| t > 100.0) {
            r.push(
                Field::TolerancePoints,
                DraftProblem::Rule(Problem::PercentOutOfRange {
                    value: tolerance.unwrap_or_default(),
                }),
            );
        }
        let days = r.count(Field::DueSoonDays, &self.due_soon_days);
        if days.is_some_and(|d| d > MAX_DUE_SOON_DAYS) {
            r.push(Field::DueSoonDays, DraftProblem::TooMany(MAX_DUE_SOON_DAYS));
        }
        for (field, value) in [
            (Field::TolerancePoints, &self.tolerance_points),
            (Field::DueSoonDays, &self.due_soon_days),
        ] {
            if value.trim().is_empty() {
                r.push(field, DraftProblem::Rule(Problem::Empty));
            }
        }
        let settings = OfficeSettings {
            officer_name: self.officer_name.trim().to_owned(),
            office: self.office.trim().to_owned(),
            tolerance_points: tolerance.unwrap_or_default(),
            due_soon_days: days.unwrap_or_default(),
        };
        r.finish(settings, Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(tolerance: &str, days: &str) -> SettingsDraft {
        SettingsDraft {
            tolerance_points: tolerance.into(),
            due_soon_days: days.into(),
            ..Default::default()
        }
    }

    #[test]
    fn tolerance_and_days_within_their_limits() {
        let ok = draft("7,5", "10").read(DecimalMark::Comma).unwrap();
        assert_eq!(ok.tolerance_points, 7.5);
        assert_eq!(ok.due_soon_days, 10);
        assert!(draft("0", "0").read(DecimalMark::Point).is_ok());
        let fields = |d: SettingsDraft| -> Vec<&'static str> {
            d.read(DecimalMark::Comma)
                .unwrap_err()
                .iter()
                .map(|e| e.field.name())
                .collect()
        };
        assert_eq!(fields(draft("150", "7")), vec!["tolerance_points"]);
        assert_eq!(fields(draft("10", "91")), vec!["due_soon_days"]);
        assert_eq!(fields(draft("10", "2,5")), vec!["due_soon_days"]);
        assert_eq!(
            fields(draft("", "")),
            vec!["tolerance_points", "due_soon_days"]
        );
        assert_eq!(fields(draft("-1", "7")), vec!["tolerance_points"]);
    }
}
