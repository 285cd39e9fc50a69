//! A deadline extension (gia hạn) as the officer types it from the granting document: the
//! new deadline in the document's words (read by the deadline parser against the day it was
//! granted, and correctable by hand), the day, the document's reference and the reason.

use chrono::{DateTime, NaiveDate, Utc};

use super::directive_draft::read_deadline;
use crate::domain::draft::{date_text, DraftProblem, FieldError, Reader};
use crate::domain::followup::conclusion::Directive;
use crate::domain::followup::deadline::Deadline;
use crate::domain::followup::extension::Extension;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::DirectiveId;
use crate::domain::number::DecimalMark;
use crate::domain::sharing::validate::Problem;
use crate::domain::Field;

#[derive(Debug, Clone, PartialEq)]
pub struct ExtensionDraft {
    /// The new deadline as the granting document words it ("trước ngày 30/6/2026").
    pub deadline_words: String,
    /// A due date set by hand ("dd/mm/yyyy"), overriding what the words say.
    pub due_by_hand: String,
    /// "dd/mm/yyyy": the granting document's date.
    pub granted_on: String,
    pub document_ref: String,
    pub reason: String,
}

impl ExtensionDraft {
    pub fn new(today: NaiveDate) -> Self {
        ExtensionDraft {
            deadline_words: String::new(),
            due_by_hand: String::new(),
            granted_on: date_text(Some(today)),
            document_ref: String::new(),
            reason: String::new(),
        }
    }

    /// The new deadline the words (or the hand-set date) give, read against the day it
    /// was granted (a year left out is that of the granting document); none while the
    /// words are empty.
    pub fn deadline(&self) -> Option<Result<Deadline, DraftProblem>> {
        if self.deadline_words.trim().is_empty() && self.due_by_hand.trim().is_empty() {
            return None;
        }
        let granted = crate::domain::dates::parse_date(&self.granted_on).ok()?;
        Some(read_deadline(
            &self.deadline_words,
            &self.due_by_hand,
            granted,
        ))
    }

    /// Reads and checks the draft for `directive`, of a conclusion issued on `issued`, as of
    /// `today` (see [`Directive::extension_problems`]). The granting document is required:
    /// an extension stands on a document, not on a word.
    pub fn to_extension(
        &self,
        directive: &Directive,
        issued: NaiveDate,
        today: NaiveDate,
    ) -> Result<Extension, Vec<FieldError>> {
        let mut r = Reader::new(DecimalMark::Comma);
        let granted_on = r.required_date(Field::GrantedOn, &self.granted_on);
        let deadline = match self.deadline() {
            None if granted_on.is_some() => {
                r.push(Field::Deadline, DraftProblem::Rule(Problem::Empty));
                None
            }
            None => None,
            Some(Ok(d)) => Some(d),
            Some(Err(problem)) => {
                let field = if self.due_by_hand.trim().is_empty() {
                    Field::Deadline
                } else {
                    Field::DueByHand
                };
                r.push(field, problem);
                None
            }
        };
        let document_ref = self.document_ref.trim().to_owned();
        if document_ref.is_empty() {
            r.push(Field::DocumentRef, DraftProblem::Rule(Problem::Empty));
        }
        let (Some(granted_on), Some(deadline)) = (granted_on, deadline) else {
            return Err(r.errors);
        };
        let extension = Extension {
            deadline,
            granted_on,
            document_ref,
            reason: self.reason.trim().to_owned(),
        };
        for (field, problem) in directive.extension_problems(&extension, issued, today) {
            r.push(field, DraftProblem::Rule(problem));
        }
        r.finish(extension, Vec::new())
    }
}

impl Dataset {
    /// Adds `extension` to the directive's extensions, the original deadline and the earlier
    /// extensions kept. Returns false (nothing changed) when the directive is not there.
    pub fn grant_extension(
        &mut self,
        directive: &DirectiveId,
        extension: Extension,
        now: DateTime<Utc>,
    ) -> bool {
        let Some(d) = self.directives.get(directive) else {
            return false;
        };
        let extended = d.extended(extension, now);
        self.directives.upsert(extended);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::followup::state::FollowUpState;
    use crate::domain::sample::fixture::now;
    use crate::domain::RecordedStatus;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn open_directive() -> Directive {
        Directive {
            id: "d".into(),
            created_at: now(),
            updated_at: now(),
            conclusion: "c".into(),
            path: crate::domain::DirectivePath::parse("2").unwrap(),
            label: String::new(),
            text: "Hoàn thành kiểm đếm".into(),
            lead_unit: None,
            coordinating_units: Vec::new(),
            responsible_person: String::new(),
            deadline: Deadline::Before {
                date: day(4, 1),
                words: "trước ngày 01/4/2026".into(),
            },
            extensions: Vec::new(),
            handovers: Vec::new(),
            projects: Vec::new(),
            status: RecordedStatus::InProgress {},
        }
    }

    fn draft(words: &str, granted: &str, reference: &str) -> ExtensionDraft {
        ExtensionDraft {
            deadline_words: words.into(),
            due_by_hand: String::new(),
            granted_on: granted.into(),
            document_ref: reference.into(),
            reason: "  Chờ ý kiến của Bộ  ".into(),
        }
    }

    fn fields(e: Vec<FieldError>) -> Vec<&'static str> {
        e.into_iter().map(|e| e.field.name()).collect()
    }

    #[test]
    fn the_words_are_read_against_the_day_granted() {
        let x = open_directive();
        let e = draft("cuối tháng 6", "2026-03-20", "Công văn số 112/UBND-KT")
            .to_extension(&x, day(1, 5), day(5, 1))
            .unwrap();
        assert_eq!(e.deadline.due(), Some(day(6, 30)));
        assert_eq!(e.deadline.words(), "cuối tháng 6");
        assert_eq!(e.reason, "Chờ ý kiến của Bộ");
        let mut by_hand = draft("cuối tháng 6", "2026-03-20", "CV 112");
        by_hand.due_by_hand = "2026-07-15".into();
        let e = by_hand.to_extension(&x, day(1, 5), day(5, 1)).unwrap();
        assert_eq!(e.deadline.due(), Some(day(7, 15)));
        assert_eq!(e.deadline.words(), "cuối tháng 6", "the words kept beside");
    }

    #[test]
    fn a_wrong_draft_names_each_field_and_changes_nothing() {
        let x = open_directive();
        let issued = day(1, 5);
        let today = day(5, 1);
        let fails = |d: ExtensionDraft| fields(d.to_extension(&x, issued, today).unwrap_err());
        assert_eq!(fails(draft("", "2026-03-20", "CV 1")), vec!["deadline"]);
        assert_eq!(fails(draft("sớm", "2026-03-20", "CV 1")), vec!["deadline"]);
        assert_eq!(
            fails(draft("cuối tháng 6", "", "")),
            vec!["granted_on", "document_ref"]
        );
        assert_eq!(
            fails(draft("cuối tháng 3", "2026-03-20", "CV 1")),
            vec!["deadline"],
            "31/3 is not later than the 31/3 in force"
        );
        assert_eq!(
            fails(draft("cuối tháng 6", "2026-05-02", "CV 1")),
            vec!["granted_on"]
        );
        let mut bad_hand = draft("cuối tháng 6", "2026-03-20", "CV 1");
        bad_hand.due_by_hand = "30/6".into();
        assert_eq!(fails(bad_hand), vec!["due_by_hand"]);
    }

    #[test]
    fn granting_keeps_the_original_and_the_state_follows_the_new_deadline() {
        let mut data = crate::domain::Dataset::default();
        let x = open_directive();
        data.directives.upsert(x.clone());
        let e = draft("cuối tháng 6", "2026-04-03", "CV 112")
            .to_extension(&x, day(1, 5), day(5, 1))
            .unwrap();
        assert_eq!(x.state(day(4, 2), 7), FollowUpState::Overdue);
        assert!(data.grant_extension(&x.id, e, now()));
        let y = data.directives.get(&x.id).unwrap();
        assert_eq!(y.deadline, x.deadline);
        assert_eq!(y.state(day(4, 2), 7), FollowUpState::Overdue);
        assert_eq!(y.state(day(4, 3), 7), FollowUpState::OpenWithinTerm);
        assert!(y.extension_history()[0].granted_late, "asked after 31/3");
        assert!(!data.grant_extension(&"none".into(), y.extensions[0].clone(), now()));
    }
}
