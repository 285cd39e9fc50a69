//! The follow-up state of a directive, computed against a reference date (normally today).
//!
//! What was recorded (done on a date, in progress...) is kept apart from what is computed,
//! and these categories are those Vietnamese follow-up systems report.

use chrono::{Days, NaiveDate};

use crate::domain::followup::conclusion::{Directive, RecordedStatus};
use crate::domain::followup::deadline::Deadline;
use crate::domain::sorting;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FollowUpState {
    Overdue,
    DueSoon,
    OpenWithinTerm,
    NoDeadline,
    DoneLate,
    DoneOnTime,
    Cancelled,
    Transferred,
}

impl FollowUpState {
    pub const ALL: [FollowUpState; 8] = [
        FollowUpState::Overdue,
        FollowUpState::DueSoon,
        FollowUpState::OpenWithinTerm,
        FollowUpState::NoDeadline,
        FollowUpState::DoneLate,
        FollowUpState::DoneOnTime,
        FollowUpState::Cancelled,
        FollowUpState::Transferred,
    ];

    pub fn is_done(self) -> bool {
        matches!(self, FollowUpState::DoneOnTime | FollowUpState::DoneLate)
    }

    /// Nothing more is expected: done, cancelled or transferred.
    pub fn is_closed(self) -> bool {
        self.is_done() || matches!(self, FollowUpState::Cancelled | FollowUpState::Transferred)
    }
}

/// Days ahead of a due date within which an open directive counts as due soon (7 by default).
pub const DEFAULT_DUE_SOON_DAYS: u64 = 7;

pub fn follow_up_state(
    status: &RecordedStatus,
    deadline: &Deadline,
    reference: NaiveDate,
    due_soon_days: u64,
) -> FollowUpState {
    let due = deadline.due();
    match status {
        RecordedStatus::Done { on } => match due {
            Some(due) if *on > due => FollowUpState::DoneLate,
            _ => FollowUpState::DoneOnTime,
        },
        RecordedStatus::Cancelled { .. } => FollowUpState::Cancelled,
        RecordedStatus::Transferred { .. } => FollowUpState::Transferred,
        RecordedStatus::NotStarted {} | RecordedStatus::InProgress {} => match due {
            None => FollowUpState::NoDeadline,
            Some(due) if reference > due => FollowUpState::Overdue,
            Some(due)
                if reference
                    .checked_add_days(Days::new(due_soon_days))
                    .is_none_or(|soon| soon >= due) =>
            {
                FollowUpState::DueSoon
            }
            Some(_) => FollowUpState::OpenWithinTerm,
        },
    }
}

impl Directive {
    pub fn state(&self, reference: NaiveDate, due_soon_days: u64) -> FollowUpState {
        follow_up_state(
            &self.status,
            self.deadline_judged(reference),
            reference,
            due_soon_days,
        )
    }
}

/// `items` in the order a unit's list reads: overdue first, then due soon, then the rest,
/// the soonest deadline first within each and those without a deadline last.
pub fn urgency_order(
    mut items: Vec<&Directive>,
    reference: NaiveDate,
    due_soon_days: u64,
) -> Vec<&Directive> {
    sorting::sort_by_cached_key(&mut items, |x| {
        crate::domain::followup::facts::urgency_key(x, reference, due_soon_days)
    });
    items
}

/// The directives of a checklist counted by computed state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tally {
    /// The directives still followed here: cancelled and transferred ones are counted
    /// apart, because the share done is of what this checklist still owes.
    pub total: usize,
    pub done_on_time: usize,
    pub done_late: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub cancelled: usize,
    /// Passed to another body or document, which follows it from then on.
    pub transferred: usize,
}

impl Tally {
    /// Counts one directive in its state: cancelled and transferred items stand apart.
    pub(crate) fn add(&mut self, state: FollowUpState) {
        match state {
            FollowUpState::Cancelled => self.cancelled += 1,
            FollowUpState::Transferred => self.transferred += 1,
            _ => self.total += 1,
        }
        match state {
            FollowUpState::DoneOnTime => self.done_on_time += 1,
            FollowUpState::DoneLate => self.done_late += 1,
            FollowUpState::Overdue => self.overdue += 1,
            FollowUpState::DueSoon => self.due_soon += 1,
            _ => {}
        }
    }

    pub fn of<'a>(
        items: impl IntoIterator<Item = &'a Directive>,
        reference: NaiveDate,
        due_soon_days: u64,
    ) -> Tally {
        let mut t = Tally::default();
        for d in items {
            t.add(d.state(reference, due_soon_days));
        }
        t
    }

    pub fn done(&self) -> usize {
        self.done_on_time + self.done_late
    }

    /// The share done, as a percentage; none for an empty checklist.
    pub fn done_percent(&self) -> Option<f64> {
        (self.total > 0).then(|| self.done() as f64 * 100.0 / self.total as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn on(date: NaiveDate) -> Deadline {
        Deadline::On {
            date,
            words: String::new(),
        }
    }

    fn directive(status: RecordedStatus, due: NaiveDate) -> Directive {
        let now = chrono::DateTime::<chrono::Utc>::MIN_UTC;
        Directive {
            id: "x".into(),
            created_at: now,
            updated_at: now,
            conclusion: "c".into(),
            path: crate::domain::DirectivePath::parse("1").unwrap(),
            label: String::new(),
            text: "t".into(),
            lead_unit: None,
            coordinating_units: Vec::new(),
            responsible_person: String::new(),
            deadline: on(due),
            extensions: Vec::new(),
            handovers: Vec::new(),
            projects: Vec::new(),
            status,
        }
    }

    #[test]
    fn urgency_order_puts_overdue_first_and_no_deadline_last() {
        let today = d(2026, 12, 1);
        let open = RecordedStatus::InProgress {};
        let mut none = directive(open.clone(), today);
        none.deadline = Deadline::None {};
        let later = directive(open.clone(), d(2027, 3, 1));
        let sooner = directive(open.clone(), d(2027, 1, 20));
        let soon = directive(open.clone(), d(2026, 12, 5));
        let late = directive(open.clone(), d(2026, 11, 1));
        let later_late = directive(open, d(2026, 11, 20));
        let order = urgency_order(
            vec![&none, &later, &soon, &sooner, &later_late, &late],
            today,
            7,
        );
        let dues: Vec<_> = order.iter().map(|x| x.deadline.due()).collect();
        assert_eq!(
            dues,
            vec![
                Some(d(2026, 11, 1)),
                Some(d(2026, 11, 20)),
                Some(d(2026, 12, 5)),
                Some(d(2027, 1, 20)),
                Some(d(2027, 3, 1)),
                None
            ]
        );
    }

    #[test]
    fn boundaries() {
        let due = d(2025, 5, 14);
        let open = RecordedStatus::InProgress {};
        let st =
            |status: &RecordedStatus, reference| follow_up_state(status, &on(due), reference, 7);
        assert_eq!(
            st(&open, due),
            FollowUpState::DueSoon,
            "due today is not yet overdue"
        );
        assert_eq!(st(&open, d(2025, 5, 15)), FollowUpState::Overdue);
        assert_eq!(st(&open, d(2025, 5, 7)), FollowUpState::DueSoon);
        assert_eq!(st(&open, d(2025, 5, 6)), FollowUpState::OpenWithinTerm);
        assert_eq!(
            st(&RecordedStatus::Done { on: due }, d(2026, 1, 1)),
            FollowUpState::DoneOnTime
        );
        assert_eq!(
            st(&RecordedStatus::Done { on: d(2025, 5, 15) }, due),
            FollowUpState::DoneLate
        );
        let cancelled = RecordedStatus::Cancelled {
            on: due,
            note: String::new(),
        };
        assert_eq!(st(&cancelled, d(2026, 1, 1)), FollowUpState::Cancelled);
        assert_eq!(
            follow_up_state(&open, &Deadline::None {}, d(2030, 1, 1), 7),
            FollowUpState::NoDeadline
        );
    }

    #[test]
    fn a_tally_counts_done_on_time_and_late_apart() {
        let make = directive;
        let due = d(2026, 11, 18);
        let items = [
            make(RecordedStatus::Done { on: due }, due),
            make(
                RecordedStatus::Done {
                    on: d(2026, 11, 19),
                },
                due,
            ),
            make(RecordedStatus::InProgress {}, due),
            make(RecordedStatus::NotStarted {}, d(2026, 11, 25)),
        ];
        let t = Tally::of(&items, d(2026, 11, 23), 7);
        assert_eq!(
            (t.total, t.done_on_time, t.done_late, t.overdue, t.due_soon),
            (4, 1, 1, 1, 1)
        );
        assert_eq!(t.done_percent(), Some(50.0));
        assert_eq!(Tally::default().done_percent(), None);
    }

    #[test]
    fn cancelled_and_transferred_items_are_counted_apart_from_the_share_done() {
        let due = d(2026, 11, 18);
        let make = |status: RecordedStatus| directive(status, due);
        let items = [
            make(RecordedStatus::Done { on: due }),
            make(RecordedStatus::InProgress {}),
            make(RecordedStatus::Transferred {
                on: due,
                note: "Sở Tài chính".into(),
            }),
            make(RecordedStatus::Cancelled {
                on: due,
                note: String::new(),
            }),
        ];
        let t = Tally::of(&items, d(2026, 11, 23), 7);
        assert_eq!(
            (t.total, t.done(), t.transferred, t.cancelled),
            (2, 1, 1, 1)
        );
        assert_eq!(t.done_percent(), Some(50.0), "1 of the 2 still followed");
        let closed_elsewhere = Tally::of(&items[2..], d(2026, 11, 23), 7);
        assert_eq!(closed_elsewhere.done_percent(), None);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    fn day(offset: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(offset)
    }

    fn deadline() -> impl Strategy<Value = Deadline> {
        prop_oneof![
            Just(Deadline::None {}),
            Just(Deadline::Continuous {
                words: "thường xuyên".into()
            }),
            (-400i64..400).prop_map(|o| Deadline::On {
                date: day(o),
                words: String::new()
            }),
            (-400i64..400).prop_map(|o| Deadline::Before {
                date: day(o),
                words: String::new()
            }),
            (2025i32..2028, 1u32..13).prop_map(|(year, month)| Deadline::Month {
                year,
                month,
                words: String::new()
            }),
            (2025i32..2028, 1u32..5).prop_map(|(year, quarter)| Deadline::Quarter {
                year,
                quarter,
                words: String::new()
            }),
        ]
    }

    proptest! {
        /// A finished item is never overdue and never "due soon", whatever the dates;
        /// an open item past its due date always is overdue.
        #[test]
        fn done_is_never_overdue(
            deadline in deadline(),
            done_offset in -500i64..500,
            reference_offset in -500i64..500,
            soon in 0u64..60,
        ) {
            let reference = day(reference_offset);
            let done = RecordedStatus::Done { on: day(done_offset) };
            let state = follow_up_state(&done, &deadline, reference, soon);
            prop_assert!(state.is_done(), "{state:?}");
            let open = follow_up_state(&RecordedStatus::InProgress {}, &deadline, reference, soon);
            match deadline.due() {
                Some(due) if reference > due => prop_assert_eq!(open, FollowUpState::Overdue),
                Some(_) => prop_assert!(matches!(open, FollowUpState::DueSoon | FollowUpState::OpenWithinTerm)),
                None => prop_assert_eq!(open, FollowUpState::NoDeadline),
            }
        }
    }
}
