//! A unit's request for more time as typed (đề nghị gia hạn): the day it asks until, why, the
//! unit's request document, and the day it asked. Read against the directive's deadline in
//! force on that day; the office's answer comes later (see `extension_request`).

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::draft::{date_text, DraftProblem, FieldError, Reader};
use crate::domain::followup::conclusion::Directive;
use crate::domain::followup::extension_request::ExtensionRequest;
use crate::domain::number::DecimalMark;
use crate::domain::sharing::validate::Problem;
use crate::domain::Field;

#[derive(Debug, Clone, PartialEq)]
pub struct ExtensionRequestDraft {
    /// "dd/mm/yyyy": the day the unit asks to be given until.
    pub until: String,
    pub reason: String,
    /// The unit's request document (may be empty).
    pub document_ref: String,
    /// "dd/mm/yyyy": the day it asked.
    pub asked_on: String,
}

impl ExtensionRequestDraft {
    pub fn new(today: NaiveDate) -> Self {
        ExtensionRequestDraft {
            until: String::new(),
            reason: String::new(),
            document_ref: String::new(),
            asked_on: date_text(Some(today)),
        }
    }

    /// Reads the draft for `directive` as of `today`: the day asked until is required and
    /// later than the deadline in force on the day asked; the reason is required; a request
    /// is not asked in the future. The unit asking is the directive's lead on that day.
    pub fn to_request(
        &self,
        directive: &Directive,
        id: String,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ExtensionRequest, Vec<FieldError>> {
        let mut r = Reader::new(DecimalMark::Comma);
        let asked_on = r.required_date(Field::AskedOn, &self.asked_on);
        r.not_after(Field::AskedOn, asked_on, today);
        let on = asked_on.unwrap_or(today);
        let until = r.required_date(Field::Until, &self.until);
        if let (Some(until), Some(due)) = (until, directive.due_on(on)) {
            if until <= due {
                r.push(Field::Until, DraftProblem::Rule(Problem::NotLater));
            }
        }
        let reason = self.reason.trim().to_owned();
        if reason.is_empty() {
            r.push(Field::Reason, DraftProblem::Rule(Problem::Empty));
        }
        let unit = directive.lead_at(on).cloned();
        if unit.is_none() {
            r.push(Field::LeadUnit, DraftProblem::Rule(Problem::Empty));
        }
        let (Some(asked_on), Some(until), Some(unit)) = (asked_on, until, unit) else {
            return Err(r.errors);
        };
        let request = ExtensionRequest {
            id: id.into(),
            created_at: now,
            updated_at: now,
            directive: directive.id.clone(),
            unit,
            asked_on,
            until,
            reason,
            document_ref: self.document_ref.trim().to_owned(),
            decision: None,
        };
        r.finish(request, Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::{now, sample};
    use crate::domain::FollowUpState;

    fn fields(e: Vec<FieldError>) -> Vec<&'static str> {
        e.into_iter().map(|e| e.field.name()).collect()
    }

    #[test]
    fn a_request_is_read_against_the_deadline_in_force_and_waits_for_an_answer() {
        let (mut data, today) = sample();
        let x = data
            .followed()
            .into_iter()
            .find(|d| d.state(today, 7) == FollowUpState::Overdue && d.lead_at(today).is_some())
            .unwrap()
            .clone();
        let due = x.due_on(today).unwrap();
        let mut draft = ExtensionRequestDraft::new(today);
        draft.until = date_text(Some(today + chrono::Days::new(30)));
        draft.reason = "  Chờ phê duyệt phương án  ".into();
        draft.document_ref = "Công văn số 45/UBND".into();
        let request = draft.to_request(&x, "rq".into(), today, now()).unwrap();
        assert_eq!(request.reason, "Chờ phê duyệt phương án");
        assert_eq!(Some(&request.unit), x.lead_at(today));
        assert_eq!(request.asked_on, today);
        assert!(request.is_waiting());
        data.extension_requests.upsert(request);
        assert_eq!(data.waiting_requests().len(), 1);

        let fails = |d: &ExtensionRequestDraft| {
            fields(d.to_request(&x, "rq".into(), today, now()).unwrap_err())
        };
        let mut wrong = draft.clone();
        wrong.until = date_text(Some(due));
        wrong.reason = " ".into();
        assert_eq!(fails(&wrong), vec!["until", "reason"]);
        let mut wrong = draft.clone();
        wrong.until = String::new();
        wrong.asked_on = date_text(Some(today + chrono::Days::new(1)));
        assert_eq!(fails(&wrong), vec!["asked_on", "until"]);
        let mut wrong = draft.clone();
        wrong.until = "31/02/2027".into();
        assert_eq!(fails(&wrong), vec!["until"]);
    }
}
