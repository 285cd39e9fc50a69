//! One question, one answer: what a directive shows wherever it is listed, as of a
//! reference date (the dashboard, Đôn đốc, a checklist, a unit's page, the report, the
//! brief, the letters, the sheets). Each place reads these facts and words them; none of
//! them decides again who leads, which deadline is in force or what state it is in.
//!
//! - **Lead**: the unit leading it on the reference date, or on the day it closed when that
//!   came first ([`Directive::lead_at`]): an inherited item is the successor's, what the old
//!   unit did or failed before its end stays its own.
//! - **Deadline**: the one it is judged against ([`Directive::deadline_judged`]): for an open
//!   item the deadline in force on the reference date (the latest extension granted by
//!   then), for one done the one in force on the day it was done. The original is shown
//!   beside it only as the extension's mark.
//! - **State**: computed against that deadline ([`Directive::state`]).
//! - **Order**: most urgent first ([`urgency_key`]).

use chrono::NaiveDate;

use crate::domain::followup::conclusion::Directive;
use crate::domain::followup::deadline::Deadline;
use crate::domain::followup::extension::ExtensionMark;
use crate::domain::followup::state::FollowUpState;
use crate::domain::model::ids::UnitId;
use crate::domain::units::handover::Inherited;

/// What every place shows of a directive as of a reference date.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectiveFacts<'a> {
    pub directive: &'a Directive,
    /// The unit the directive counts for.
    pub lead: Option<&'a UnitId>,
    /// Where that lead came from, when it is not the conclusion's own.
    pub inherited: Option<Inherited<'a>>,
    pub coordinating: Vec<&'a UnitId>,
    /// The deadline it is judged against, in force first.
    pub deadline: &'a Deadline,
    pub due: Option<NaiveDate>,
    pub state: FollowUpState,
    /// "Đã gia hạn": the original deadline and the one granted last by the reference date.
    pub extension: Option<ExtensionMark<'a>>,
}

impl Directive {
    /// The directive's facts as of `reference` (see the module's rules).
    pub fn facts(&self, reference: NaiveDate, due_soon_days: u64) -> DirectiveFacts<'_> {
        let deadline = self.deadline_judged(reference);
        DirectiveFacts {
            directive: self,
            lead: self.lead_at(reference),
            inherited: self.inherited_at(reference),
            coordinating: self.coordinating_at(reference),
            deadline,
            due: deadline.due(),
            state: self.state(reference, due_soon_days),
            extension: self.extension_mark(reference),
        }
    }
}

/// The order of urgency every list of directives uses: overdue first, then due soon, then
/// the rest by state; within a state the earliest due date first and those without a due
/// date last, then by number.
pub fn urgency_key(
    d: &Directive,
    reference: NaiveDate,
    due_soon_days: u64,
) -> (
    FollowUpState,
    bool,
    Option<NaiveDate>,
    crate::domain::DirectivePath,
) {
    let due = d.due_judged(reference);
    (
        d.state(reference, due_soon_days),
        due.is_none(),
        due,
        d.path.clone(),
    )
}

#[cfg(test)]
mod tests {
    use crate::domain::sample::fixture::sample;

    #[test]
    fn an_extended_item_shows_the_deadline_in_force_first() {
        let (data, today) = sample();
        let extended = data
            .directives
            .iter()
            .find(|d| !d.extensions.is_empty() && d.closed_on().is_none())
            .expect("the sample extends an open item");
        let facts = extended.facts(today, 7);
        let mark = facts.extension.expect("marked as extended");
        assert_eq!(facts.deadline, mark.current);
        assert_ne!(facts.deadline, &extended.deadline);
        assert_eq!(facts.due, mark.current.due());
    }

    #[test]
    fn an_inherited_item_counts_for_its_successor() {
        let (data, today) = sample();
        let inherited = data
            .directives
            .iter()
            .find(|d| d.inherited_at(today).is_some())
            .expect("the sample hands over an item");
        let facts = inherited.facts(today, 7);
        assert_ne!(facts.lead, inherited.lead_unit.as_ref());
        assert_eq!(
            facts.inherited.map(|i| i.from),
            inherited.lead_unit.as_ref()
        );
    }
}
