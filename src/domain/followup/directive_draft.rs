//! A numbered directive of a conclusion as typed in the directive form. The deadline is
//! typed in the document's words; the due date understood is shown at once and can be
//! corrected by hand, the words kept beside it.

use chrono::{DateTime, NaiveDate, Utc};

use super::meeting_draft::ids;
use crate::domain::dates::parse_date;
use crate::domain::draft::{date_text, id_of, DraftProblem, FieldError, Reader};
use crate::domain::followup::conclusion::{
    Conclusion, Directive, DirectivePath, NumberChoices, RecordedStatus,
};
use crate::domain::followup::deadline::{parse_deadline, Deadline};
use crate::domain::number::DecimalMark;
use crate::domain::sharing::validate::Problem;
use crate::domain::Field;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DirectiveDraft {
    /// "3" or "3.2".
    pub path: String,
    /// The document's own mark for the item ("a)", "-", "II.1."), kept as read; empty
    /// for one typed in.
    pub label: String,
    pub text: String,
    pub lead_unit: String,
    pub coordinating_units: Vec<String>,
    pub responsible_person: String,
    /// The deadline as the document words it ("chậm nhất Quý III/2025").
    pub deadline_words: String,
    /// A due date the officer set by hand ("dd/mm/yyyy"), overriding what the words say.
    pub due_by_hand: String,
    pub projects: Vec<String>,
    /// A heading item ("4. UBND xã Tân Lập:"): it only introduces its sub-items, which carry
    /// the deadlines, so it has none of its own.
    pub heading: bool,
}

/// A deadline as a form takes it: the document's `words`, read against the date of the
/// document that set them (`issued`), unless a due date was set `by_hand` (typed as
/// [`parse_date`] reads it), which is kept as "on" that date with the words beside it.
pub(super) fn read_deadline(
    words: &str,
    by_hand: &str,
    issued: NaiveDate,
) -> Result<Deadline, DraftProblem> {
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if !by_hand.trim().is_empty() {
        return parse_date(by_hand)
            .map(|date| Deadline::On { date, words })
            .map_err(DraftProblem::Date);
    }
    parse_deadline(&words, Some(issued)).map_err(DraftProblem::Deadline)
}

impl DirectiveDraft {
    /// Gives unit `id` to the directive: as lead (leaving the coordinating units), or as a
    /// coordinating unit unless it already leads or coordinates.
    pub fn assign_unit(&mut self, id: &str, as_lead: bool) {
        if as_lead {
            self.coordinating_units.retain(|u| u != id);
            self.lead_unit = id.to_owned();
        } else if self.lead_unit != id && !self.coordinating_units.iter().any(|u| u == id) {
            self.coordinating_units.push(id.to_owned());
        }
    }

    /// A unit added without saying its role (Enter in the new unit's field) leads when the
    /// directive has no lead yet, and coordinates otherwise.
    pub fn new_unit_leads(&self) -> bool {
        self.lead_unit.is_empty()
    }

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
            label: d.label.clone(),
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
            // Whether it heads sub-items is known from its conclusion (`Dataset::headings`).
            heading: false,
        }
    }

    /// The empty form for the directive typed after `last` (none: after the conclusion's
    /// last one in document order) among the conclusion's `directives`: numbered as the
    /// structure goes on (after a heading, its first sub-item), and a sub-item starts with
    /// its heading's units, as "4. UBND xã Tân Lập:" is followed by its "- " items.
    pub fn next_after(
        last: Option<&Directive>,
        last_is_heading: bool,
        directives: &[&Directive],
    ) -> Self {
        let taken: Vec<DirectivePath> = directives.iter().map(|d| d.path.clone()).collect();
        let last = last.or_else(|| {
            directives
                .iter()
                .copied()
                .max_by(|a, b| a.path.cmp(&b.path))
        });
        let choices = NumberChoices::after(last.map(|d| &d.path), &taken);
        let mut draft = DirectiveDraft::default();
        draft.renumber(choices.suggested(last_is_heading), directives);
        draft
    }

    /// Gives the draft another number. Units it took from its old heading follow it to the
    /// new heading's (none at the top level); units the officer chose stay.
    pub fn renumber(&mut self, path: &DirectivePath, directives: &[&Directive]) {
        let heading_units = |p: Option<DirectivePath>| -> (String, Vec<String>) {
            p.and_then(|p| directives.iter().find(|d| d.path == p))
                .map(|h| {
                    (
                        h.lead_unit
                            .as_ref()
                            .map(|u| u.to_string())
                            .unwrap_or_default(),
                        h.coordinating_units.iter().map(|u| u.to_string()).collect(),
                    )
                })
                .unwrap_or_default()
        };
        let old = heading_units(DirectivePath::parse(&self.path).and_then(|p| p.parent()));
        let untouched = self.lead_unit.is_empty() && self.coordinating_units.is_empty()
            || (self.lead_unit.clone(), self.coordinating_units.clone()) == old;
        if untouched {
            (self.lead_unit, self.coordinating_units) = heading_units(path.parent());
        }
        self.path = path.to_string();
    }

    /// The deadline the words and the hand-set date give, against the conclusion's date.
    pub fn deadline(&self, issued: NaiveDate) -> Result<Deadline, DraftProblem> {
        read_deadline(&self.deadline_words, &self.due_by_hand, issued)
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
            None => r.push(Field::Path, DraftProblem::NotAPath),
            Some(p) if taken.contains(p) => {
                r.push(Field::Path, DraftProblem::Rule(Problem::Repeated))
            }
            _ => {}
        }
        let text = self.text.trim().to_owned();
        if text.is_empty() {
            r.push(Field::Text, DraftProblem::Rule(Problem::Empty));
        }
        let deadline = match self.deadline(conclusion.date) {
            _ if self.heading => Deadline::None {},
            Ok(d) => d,
            Err(problem) => {
                let field = if self.due_by_hand.trim().is_empty() {
                    Field::Deadline
                } else {
                    Field::DueByHand
                };
                r.push(field, problem);
                Deadline::None {}
            }
        };
        let lead_unit = id_of(&self.lead_unit);
        let directive = Directive {
            id: base.map(|b| b.id.clone()).unwrap_or_else(|| id.into()),
            created_at: base.map_or(now, |b| b.created_at),
            updated_at: now,
            conclusion: conclusion.id.clone(),
            path: path.unwrap_or_else(|| DirectivePath::parse("1").expect("1 is a path")),
            label: self.label.trim().to_owned(),
            text,
            coordinating_units: ids::<crate::domain::UnitId>(&self.coordinating_units)
                .into_iter()
                .filter(|u| Some(u) != lead_unit.as_ref())
                .collect(),
            lead_unit,
            responsible_person: self.responsible_person.trim().to_owned(),
            deadline,
            // Editing the item as written keeps what was recorded about it later.
            extensions: base.map(|b| b.extensions.clone()).unwrap_or_default(),
            handovers: base.map(|b| b.handovers.clone()).unwrap_or_default(),
            projects: ids(&self.projects),
            status: base.map_or(RecordedStatus::NotStarted {}, |b| b.status.clone()),
        };
        r.finish(directive, Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::sample::fixture::now;

    #[test]
    fn a_new_unit_leads_until_there_is_a_lead_and_never_holds_two_roles() {
        let mut d = DirectiveDraft::default();
        assert!(d.new_unit_leads());
        d.assign_unit("a", false);
        d.assign_unit("a", false);
        assert_eq!(d.coordinating_units, ["a"]);
        assert!(d.new_unit_leads());
        // Made lead, it leaves the coordinating units.
        d.assign_unit("a", true);
        assert_eq!((d.lead_unit.as_str(), d.coordinating_units.len()), ("a", 0));
        assert!(!d.new_unit_leads());
        // The lead is not also coordinating; another unit is.
        d.assign_unit("a", false);
        d.assign_unit("b", false);
        assert_eq!(d.coordinating_units, ["b"]);
        // A new lead replaces the old one, which is not kept anywhere.
        d.assign_unit("b", true);
        assert_eq!((d.lead_unit.as_str(), d.coordinating_units.len()), ("b", 0));
    }

    fn conclusion() -> Conclusion {
        crate::domain::sample::fixture::conclusion(
            "c",
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        )
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
        assert_eq!(d.status, RecordedStatus::NotStarted {});
    }

    #[test]
    fn a_date_set_by_hand_wins_and_keeps_the_words() {
        let mut d = draft("1", "cuối năm");
        d.due_by_hand = "20/12/2026".into();
        let x = d
            .to_directive(&conclusion(), &[], None, "d".into(), now())
            .unwrap();
        assert_eq!(x.deadline.due(), NaiveDate::from_ymd_opt(2026, 12, 20));
        assert_eq!(x.deadline.words(), "cuối năm");
        assert_eq!(
            DirectiveDraft::from_directive(&x, conclusion().date).due_by_hand,
            "20/12/2026"
        );
    }

    fn stored(path: &str, lead: &str) -> Directive {
        let mut d = draft(path, "")
            .to_directive(&conclusion(), &[], None, format!("d{path}"), now())
            .unwrap();
        d.lead_unit = (!lead.is_empty()).then(|| lead.into());
        d.coordinating_units = Vec::new();
        d
    }

    #[test]
    fn a_heading_has_no_deadline_and_its_sub_items_take_its_unit() {
        let mut h = draft("4", "trong tháng 12");
        h.heading = true;
        let heading = h
            .to_directive(&conclusion(), &[], None, "h".into(), now())
            .unwrap();
        assert_eq!(
            heading.deadline,
            Deadline::None {},
            "the words are left to its items"
        );
        let one = stored("1", "");
        let all = [&one, &heading];
        let next = DirectiveDraft::next_after(Some(&heading), true, &all);
        assert_eq!(next.path, "4.1");
        assert_eq!(next.lead_unit, "u1");
        assert_eq!(next.coordinating_units, vec!["u2".to_owned()]);
        // After 4.1, 4.2 goes on with the same unit; going back up to 5 drops it.
        let sub = stored("4.1", "u1");
        let all = [&one, &heading, &sub];
        let mut after_sub = DirectiveDraft::next_after(Some(&sub), false, &all);
        assert_eq!(
            (after_sub.path.as_str(), after_sub.lead_unit.as_str()),
            ("4.2", "u1")
        );
        after_sub.renumber(&DirectivePath::parse("5").unwrap(), &all);
        assert_eq!(
            (after_sub.path.as_str(), after_sub.lead_unit.as_str()),
            ("5", "")
        );
        // A unit the officer chose is kept whatever the number.
        let mut chosen = DirectiveDraft::next_after(Some(&sub), false, &all);
        chosen.lead_unit = "u9".into();
        chosen.renumber(&DirectivePath::parse("5").unwrap(), &all);
        assert_eq!(chosen.lead_unit, "u9");
        assert_eq!(DirectiveDraft::next_after(None, false, &[]).path, "1");
    }

    #[test]
    fn problems_are_named() {
        let taken = [DirectivePath::parse("1").unwrap()];
        let mut d = draft("1", "Sở Tài chính");
        d.text.clear();
        let errors = d
            .to_directive(&conclusion(), &taken, None, "d".into(), now())
            .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.name()).collect();
        assert_eq!(fields, vec!["path", "text", "deadline"]);
        let bad = draft("a.b", "")
            .to_directive(&conclusion(), &[], None, "d".into(), now())
            .unwrap_err();
        assert_eq!(bad[0].problem, DraftProblem::NotAPath);
    }
}
