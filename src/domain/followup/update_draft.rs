//! What a unit reported on a directive, as the follow-up officer types it (often while on the
//! phone): the date, who reported, what, the report's reference, and a change of status.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::draft::{date_text, DraftProblem, FieldError, Reader};
use crate::domain::followup::conclusion::{Directive, DirectiveUpdate, RecordedStatus};
use crate::domain::model::dataset::Dataset;
use crate::domain::number::DecimalMark;
use crate::domain::sharing::validate::Problem;
use crate::domain::Field;

/// The status choices of the update form.
pub const STATUS_CODES: [&str; 5] = [
    "not_started",
    "in_progress",
    "done",
    "cancelled",
    "transferred",
];

#[derive(Debug, Clone, PartialEq)]
pub struct UpdateDraft {
    /// "dd/mm/yyyy".
    pub date: String,
    pub reported_by: String,
    pub text: String,
    pub document_ref: String,
    /// The report document's date, when it differs from the update's (may be empty).
    pub document_date: String,
    /// One of [`STATUS_CODES`], or empty for no change.
    pub status: String,
    /// The day the directive was done, when it is not the day of reporting (may be empty).
    pub done_on: String,
    /// Why it was cancelled or where it was transferred.
    pub note: String,
}

impl UpdateDraft {
    pub fn new(today: NaiveDate) -> Self {
        UpdateDraft {
            date: date_text(Some(today)),
            reported_by: String::new(),
            text: String::new(),
            document_ref: String::new(),
            document_date: String::new(),
            status: String::new(),
            done_on: String::new(),
            note: String::new(),
        }
    }

    /// A unit's own report: "who reported" is the unit's officer as their settings name them
    /// ("Lò Thị Hoa, UBND xã Mường Phăng"); the office's officer, noting what a unit said on
    /// the phone, fills it in instead.
    pub fn reported_by_unit(today: NaiveDate, officer: &str, unit: &str) -> Self {
        let who: Vec<&str> = [officer.trim(), unit.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        UpdateDraft {
            reported_by: who.join(", "),
            ..UpdateDraft::new(today)
        }
    }

    /// Whether the status chosen asks for a note: why it was cancelled, where it went.
    pub fn needs_note(&self) -> bool {
        matches!(self.status.as_str(), "cancelled" | "transferred")
    }

    /// Reads the draft against `today` (an update cannot come from the future). A status
    /// change alone is enough; otherwise what was reported must be written.
    pub fn to_update(
        &self,
        directive: &Directive,
        id: String,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<DirectiveUpdate, Vec<FieldError>> {
        let mut r = Reader::new(DecimalMark::Comma);
        let date = r.required_date(Field::Date, &self.date);
        r.not_after(Field::Date, date, today);
        let on = date.unwrap_or(today);
        let document_date = r.date(Field::DocumentDate, &self.document_date);
        r.not_after(Field::DocumentDate, document_date, today);
        // Done on a day of its own, reported later: never after the report.
        let done_on = r.date(Field::DoneOn, &self.done_on);
        r.not_after(Field::DoneOn, done_on, on);
        let note = self.note.trim().to_owned();
        let status = match self.status.as_str() {
            "not_started" => Some(RecordedStatus::NotStarted {}),
            "in_progress" => Some(RecordedStatus::InProgress {}),
            "done" => Some(RecordedStatus::Done {
                on: done_on.unwrap_or(on),
            }),
            "cancelled" => Some(RecordedStatus::Cancelled { on, note }),
            "transferred" => Some(RecordedStatus::Transferred { on, note }),
            _ => None,
        }
        .filter(|s| *s != directive.status);
        let text = self.text.trim().to_owned();
        if text.is_empty() && status.is_none() {
            r.push(Field::Text, DraftProblem::Rule(Problem::Empty));
        }
        let update = DirectiveUpdate {
            id: id.into(),
            created_at: now,
            updated_at: now,
            directive: directive.id.clone(),
            date: on,
            reported_by: self.reported_by.trim().to_owned(),
            text,
            document_ref: self.document_ref.trim().to_owned(),
            document_date,
            status,
        };
        r.finish(update, Vec::new())
    }
}

impl Dataset {
    /// Adds an update to a directive's log and, when it changes the status, the directive's
    /// recorded status with it. Nothing is removed: a cancelled or transferred directive
    /// stays, shown as such.
    pub fn record_update(&mut self, update: DirectiveUpdate, now: DateTime<Utc>) {
        if let Some(status) = &update.status {
            if let Some(mut d) = self.directives.get(&update.directive).cloned() {
                d.status = status.clone();
                d.updated_at = now;
                self.directives.upsert(d);
            }
        }
        self.directive_updates.upsert(update);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_units_own_report_names_its_officer_and_unit() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let d = UpdateDraft::reported_by_unit(today, " Lò Thị Hoa ", "UBND xã Mường Phăng");
        assert_eq!(d.reported_by, "Lò Thị Hoa, UBND xã Mường Phăng");
        assert_eq!(
            UpdateDraft::reported_by_unit(today, "", "UBND xã A").reported_by,
            "UBND xã A"
        );
    }
    use crate::domain::followup::deadline::Deadline;
    use crate::domain::followup::state::FollowUpState;
    use crate::domain::sample::fixture::now;
    use crate::domain::DirectivePath;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn only_cancelling_and_transferring_ask_for_a_note() {
        let mut draft = UpdateDraft::new(day(20));
        for code in [
            "",
            "not_started",
            "in_progress",
            "done",
            "cancelled",
            "transferred",
        ] {
            draft.status = code.into();
            assert_eq!(
                draft.needs_note(),
                matches!(code, "cancelled" | "transferred"),
                "{code}"
            );
        }
    }

    fn directive() -> Directive {
        Directive {
            id: "d".into(),
            created_at: now(),
            updated_at: now(),
            conclusion: "c".into(),
            path: DirectivePath::parse("3.1").unwrap(),
            label: String::new(),
            text: "Hoàn thành kiểm đếm".into(),
            lead_unit: None,
            coordinating_units: Vec::new(),
            responsible_person: String::new(),
            deadline: Deadline::On {
                date: day(18),
                words: "ngày 18/11/2026".into(),
            },
            extensions: Vec::new(),
            handovers: Vec::new(),
            projects: Vec::new(),
            status: RecordedStatus::InProgress {},
        }
    }

    #[test]
    fn a_phoned_in_report_that_finishes_the_directive() {
        let mut data = Dataset::default();
        let d = directive();
        data.directives.upsert(d.clone());
        let draft = UpdateDraft {
            reported_by: "Anh Lò Văn B, UBND xã".into(),
            text: "Đã kiểm đếm xong 155 hộ".into(),
            document_ref: "Báo cáo số 45/BC-UBND".into(),
            status: "done".into(),
            ..UpdateDraft::new(day(20))
        };
        let update = draft.to_update(&d, "u".into(), day(23), now()).unwrap();
        assert_eq!(update.status, Some(RecordedStatus::Done { on: day(20) }));
        data.record_update(update, now());
        let after = data.directives.get(&d.id).unwrap();
        assert_eq!(after.state(day(23), 7), FollowUpState::DoneLate);
        assert_eq!(data.directive_updates.len(), 1);
    }

    #[test]
    fn something_must_be_said_and_not_from_the_future() {
        let d = directive();
        let errors = UpdateDraft::new(day(24))
            .to_update(&d, "u".into(), day(23), now())
            .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.name()).collect();
        assert_eq!(fields, vec!["date", "text"]);
        let same_status = UpdateDraft {
            status: "in_progress".into(),
            ..UpdateDraft::new(day(23))
        };
        assert!(
            same_status
                .to_update(&d, "u".into(), day(23), now())
                .is_err(),
            "choosing the status it already has is no change"
        );
        let cancel = UpdateDraft {
            status: "cancelled".into(),
            note: "Chuyển sang Kết luận 20-KL/BCĐ".into(),
            ..UpdateDraft::new(day(23))
        };
        let u = cancel.to_update(&d, "u".into(), day(23), now()).unwrap();
        assert!(
            matches!(u.status, Some(RecordedStatus::Cancelled { ref note, .. }) if note.contains("20-KL"))
        );
    }
}
