//! A numbered directive of a conclusion as typed in the directive form. The deadline is
//! typed in the document's words; the due date understood is shown at once and can be
//! corrected by hand, the words kept beside it.

use chrono::{DateTime, NaiveDate, Utc};

use super::meeting::ids;
use super::{date_text, id_of, DraftProblem, FieldError, Reader};
use crate::domain::conclusion::{Conclusion, Directive, DirectivePath, RecordedStatus};
use crate::domain::deadline::{parse_deadline, Deadline};
use crate::domain::number::DecimalMark;
use crate::domain::validate::Problem;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DirectiveDraft {
    /// "3" or "3.2".
    pub path: String,
    pub text: String,
    pub lead_unit: String,
    pub coordinating_units: Vec<String>,
    pub responsible_person: String,
    /// The deadline as the document words it ("chậm nhất Quý III/2025").
    pub deadline_words: String,
    /// A due date the officer set by hand ("YYYY-MM-DD"), overriding what the words say.
    pub due_by_hand: String,
    pub projects: Vec<String>,
}

impl DirectiveDraft {
    /// The draft of a stored directive of a conclusion dated `issued`.
    pub fn from_directive(d: &Directive, issued: NaiveDate) -> Self {
        let by_hand = match &d.deadline {
            // A date set by hand is kept as "on" that date with the words beside it; show
            // it as a correction only when the words alone would not give it.
            Deadline::On { date, words } => {
                let understood = parse_deadline(words, Some(issued))
                    .ok()
                    .and_then(|x| x.due());
                (understood != Some(*date)).then_some(*date)
            }
            _ => None,
        };
        DirectiveDraft {
            path: d.path.to_string(),
            text: d.text.clone(),
            lead_unit: d
                .lead_unit
                .as_ref()
                .map(|u| u.to_string())
                .unwrap_or_default(),
            coordinating_units: d.coordinating_units.iter().map(|u| u.to_string()).collect(),
            responsible_person: d.responsible_person.clone(),
            deadline_words: d.deadline.words().to_owned(),
            due_by_hand: date_text(by_hand),
            projects: d.projects.iter().map(|p| p.to_string()).collect(),
        }
    }

    /// The deadline the words and the hand-set date give, against the conclusion's date.
    pub fn deadline(&self, issued: NaiveDate) -> Result<Deadline, DraftProblem> {
        let words = self
            .deadline_words
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !self.due_by_hand.trim().is_empty() {
            return NaiveDate::parse_from_str(self.due_by_hand.trim(), "%Y-%m-%d")
                .map(|date| Deadline::On { date, words })
                .map_err(|_| DraftProblem::Date);
        }
        parse_deadline(&words, Some(issued)).map_err(DraftProblem::Deadline)
    }

    /// Reads and checks the draft. `taken` are the numbers other directives of the
    /// conclusion already use. Editing (`base` given) keeps the id, creation time and status.
    pub fn to_directive(
        &self,
        conclusion: &Conclusion,
        taken: &[DirectivePath],
        base: Option<&Directive>,
        id: String,
        now: DateTime<Utc>,
    ) -> Result<Directive, Vec<FieldError>> {
        let mut r = Reader::new(DecimalMark::Comma);
        let path = DirectivePath::parse(&self.path);
        match &path {
            None => r.push("path", DraftProblem::NotAPath),
            Some(p) if taken.contains(p) => r.push("path", DraftProblem::Rule(Problem::Repeated)),
            _ => {}
        }
        let text = self.text.trim().to_owned();
        if text.is_empty() {
            r.push("text", DraftProblem::Rule(Problem::Empty));
        }
        let deadline = match self.deadline(conclusion.date) {
            Ok(d) => d,
            Err(problem) => {
                let field = if self.due_by_hand.trim().is_empty() {
                    "deadline"
                } else {
                    "due_by_hand"
                };
                r.push(field, problem);
                Deadline::None
            }
        };
        let lead_unit = id_of(&self.lead_unit);
        let directive = Directive {
            id: base.map(|b| b.id.clone()).unwrap_or_else(|| id.into()),
            created_at: base.map_or(now, |b| b.created_at),
            updated_at: now,
            conclusion: conclusion.id.clone(),
            path: path.unwrap_or_else(|| DirectivePath::parse("1").expect("1 is a path")),
            text,
            coordinating_units: ids::<crate::domain::UnitId>(&self.coordinating_units)
                .into_iter()
                .filter(|u| Some(u) != lead_unit.as_ref())
                .collect(),
            lead_unit,
            responsible_person: self.responsible_person.trim().to_owned(),
            deadline,
            projects: ids(&self.projects),
            status: base.map_or(RecordedStatus::NotStarted, |b| b.status.clone()),
        };
        r.finish(directive, Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::sample::fixture::now;

    fn conclusion() -> Conclusion {
        Conclusion {
            id: "c".into(),
            created_at: now(),
            updated_at: now(),
            committee: None,
            meeting: None,
            number_symbol: "16-KL/BCĐ".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            issuing_body: String::new(),
            title: "Kết luận".into(),
            signer: String::new(),
            signer_title: String::new(),
            recipients: Vec::new(),
            assessment: String::new(),
        }
    }

    fn draft(path: &str, words: &str) -> DirectiveDraft {
        DirectiveDraft {
            path: path.into(),
            text: "Hoàn thành kiểm đếm".into(),
            lead_unit: "u1".into(),
            coordinating_units: vec!["u2".into(), "u1".into()],
            deadline_words: words.into(),
            ..Default::default()
        }
    }

    #[test]
    fn words_give_the_due_date_and_are_kept() {
        let d = draft("3.2", "trước ngày 15/12/2026")
            .to_directive(&conclusion(), &[], None, "d".into(), now())
            .unwrap();
        assert_eq!(d.deadline.due(), NaiveDate::from_ymd_opt(2026, 12, 14));
        assert_eq!(d.deadline.words(), "trước ngày 15/12/2026");
        assert_eq!(d.path.to_string(), "3.2");
        assert_eq!(
            d.coordinating_units.len(),
            1,
            "the lead unit is not also coordinating"
        );
        assert_eq!(d.status, RecordedStatus::NotStarted);
    }

    #[test]
    fn a_date_set_by_hand_wins_and_keeps_the_words() {
        let mut d = draft("1", "cuối năm");
        d.due_by_hand = "2026-12-20".into();
        let x = d
            .to_directive(&conclusion(), &[], None, "d".into(), now())
            .unwrap();
        assert_eq!(x.deadline.due(), NaiveDate::from_ymd_opt(2026, 12, 20));
        assert_eq!(x.deadline.words(), "cuối năm");
        assert_eq!(
            DirectiveDraft::from_directive(&x, conclusion().date).due_by_hand,
            "2026-12-20"
        );
    }

    #[test]
    fn problems_are_named() {
        let taken = [DirectivePath::parse("1").unwrap()];
        let mut d = draft("1", "Sở Tài chính");
        d.text.clear();
        let errors = d
            .to_directive(&conclusion(), &taken, None, "d".into(), now())
            .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["path", "text", "deadline"]);
        let bad = draft("a.b", "")
            .to_directive(&conclusion(), &[], None, "d".into(), now())
            .unwrap_err();
        assert_eq!(bad[0].problem, DraftProblem::NotAPath);
    }
}
