//! The follow-up overview a follow-up officer works from every week: counts by computed
//! state per unit and per conclusion, what is overdue, what falls due soon, and what the
//! next meeting should ask about. Everything is computed against a reference date (today,
//! or any date a report is made "as of"). The search box is in `search`.

use chrono::{Days, NaiveDate};

use crate::domain::followup::conclusion::{Conclusion, Directive};
use crate::domain::followup::meeting::Meeting;
use crate::domain::followup::state::{FollowUpState, Tally};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{CommitteeId, ConclusionId, UnitId};
use crate::domain::sorting;
use crate::domain::text::fold;

mod search;

pub use search::{Found, SearchIndex, SearchResults};

/// The follow-up overview's two windows of what falls due: this week and this month.
pub const DUE_WITHIN_WEEK_DAYS: u64 = 7;
pub const DUE_WITHIN_MONTH_DAYS: u64 = 30;

/// The next planned meeting and the directives still open from the committee's earlier
/// conclusions (those dated before it).
#[derive(Debug, Clone)]
pub struct ComingMeeting<'a> {
    pub date: NaiveDate,
    /// The recorded meeting on that date, if it is recorded already.
    pub meeting: Option<&'a Meeting>,
    pub open: Vec<&'a Directive>,
}

/// A unit as the units list shows it: what it leads (followed up one by one: group
/// headings left out), how much of that is overdue, and how many it coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitCounts<'a> {
    pub unit: &'a crate::domain::units::org::Unit,
    pub lead: usize,
    pub overdue: usize,
    pub coordinating: usize,
}

impl Dataset {
    /// Every unit of the register by name, with its counts: one pass over the directives.
    pub fn unit_counts(&self, reference: NaiveDate, due_soon_days: u64) -> Vec<UnitCounts<'_>> {
        let mut by_unit: rustc_hash::FxHashMap<&UnitId, (usize, usize, usize)> = Default::default();
        for d in self.followed() {
            if let Some(u) = d.lead_at(reference) {
                let c = by_unit.entry(u).or_default();
                c.0 += 1;
                if d.state(reference, due_soon_days) == FollowUpState::Overdue {
                    c.1 += 1;
                }
            }
            for u in d.coordinating_at(reference) {
                by_unit.entry(u).or_default().2 += 1;
            }
        }
        let mut units: Vec<UnitCounts> = self
            .units
            .iter()
            .map(|unit| {
                let (lead, overdue, coordinating) =
                    by_unit.get(&unit.id).copied().unwrap_or_default();
                UnitCounts {
                    unit,
                    lead,
                    overdue,
                    coordinating,
                }
            })
            .collect();
        sorting::sort_by(&mut units, |a, b| a.unit.name.cmp(&b.unit.name));
        units
    }

    /// Lead units with their tally, most overdue first.
    pub fn tally_by_unit(&self, reference: NaiveDate, due_soon_days: u64) -> Vec<(&UnitId, Tally)> {
        let mut by_unit: rustc_hash::FxHashMap<&UnitId, Vec<&Directive>> = Default::default();
        for d in self.followed() {
            if let Some(u) = d.lead_at(reference) {
                by_unit.entry(u).or_default().push(d);
            }
        }
        let mut units: Vec<(&UnitId, Tally)> = self
            .units
            .iter()
            .map(|u| {
                let items = by_unit.get(&u.id).into_iter().flatten().copied();
                (&u.id, Tally::of(items, reference, due_soon_days))
            })
            .filter(|(_, t)| t.total > 0)
            .collect();
        sorting::sort_by_cached_key(&mut units, |(id, t)| {
            (
                std::cmp::Reverse(t.overdue),
                std::cmp::Reverse(t.due_soon),
                self.units.get(id).map(|u| fold(u.display_name())),
            )
        });
        units
    }

    /// Conclusions with their tally, the latest first.
    pub fn tally_by_conclusion(
        &self,
        reference: NaiveDate,
        due_soon_days: u64,
    ) -> Vec<(&Conclusion, Tally)> {
        // Grouped once: asking each conclusion for its directives would scan them all each time.
        let mut by_conclusion: rustc_hash::FxHashMap<&ConclusionId, Vec<&Directive>> =
            Default::default();
        for d in self.followed() {
            by_conclusion.entry(&d.conclusion).or_default().push(d);
        }
        let mut list: Vec<_> = self
            .conclusions
            .iter()
            .map(|c| {
                let items = by_conclusion.get(&c.id).into_iter().flatten().copied();
                (c, Tally::of(items, reference, due_soon_days))
            })
            .collect();
        sorting::sort_by_key(&mut list, |(c, _)| std::cmp::Reverse(c.date));
        list
    }

    /// Open directives whose due date falls after `reference` and within `days` of it,
    /// soonest first (the follow-up overview asks for [`DUE_WITHIN_WEEK_DAYS`] and
    /// [`DUE_WITHIN_MONTH_DAYS`]).
    pub fn due_within(&self, reference: NaiveDate, days: u64) -> Vec<&Directive> {
        let end = reference + Days::new(days);
        let mut items: Vec<_> = self
            .followed()
            .into_iter()
            .filter(|d| {
                matches!(
                    d.state(reference, days),
                    FollowUpState::DueSoon | FollowUpState::OpenWithinTerm
                ) && d
                    .due_on(reference)
                    .is_some_and(|due| due >= reference && due <= end)
            })
            .collect();
        sorting::sort_by_cached_key(&mut items, |d| (d.due_on(reference), d.path.clone()));
        items
    }

    /// The committee that issued a conclusion: its own, else that of the meeting it
    /// concluded.
    pub fn committee_of<'a>(&'a self, c: &'a Conclusion) -> Option<&'a CommitteeId> {
        c.committee.as_ref().or_else(|| {
            c.meeting
                .as_ref()
                .and_then(|m| self.meetings.get(m))
                .and_then(|m| m.committee.as_ref())
        })
    }

    /// Whether a meeting on `date` of `committee` follows up conclusion `c`: one issued
    /// before the meeting by the same committee. Where either side does not record its
    /// committee (an office with one committee seldom does, and files from older versions
    /// never did), the conclusion counts for the meeting: an open item is never left out of
    /// the head's brief because a field was left blank.
    pub fn meeting_covers(
        &self,
        date: NaiveDate,
        committee: Option<&CommitteeId>,
        c: &Conclusion,
    ) -> bool {
        c.date < date
            && match (committee, self.committee_of(c)) {
                (Some(m), Some(c)) => m == c,
                _ => true,
            }
    }

    /// The conclusions a meeting on `date` follows up, by id (see [`Dataset::meeting_covers`]).
    pub fn covered_by_meeting(
        &self,
        date: NaiveDate,
        committee: Option<&CommitteeId>,
    ) -> rustc_hash::FxHashSet<&ConclusionId> {
        self.conclusions
            .iter()
            .filter(|c| self.meeting_covers(date, committee, c))
            .map(|c| &c.id)
            .collect()
    }

    /// The next planned meeting on or after `reference` with the directives it must ask
    /// about: open ones of the conclusions it covers ([`Dataset::meeting_covers`]), most
    /// urgent first. `followed` are the followed directives with their state on
    /// `reference` (the follow-up overview has them already).
    pub fn coming_meeting_among<'a>(
        &'a self,
        reference: NaiveDate,
        due_soon_days: u64,
        followed: &[(&'a Directive, FollowUpState)],
    ) -> Option<ComingMeeting<'a>> {
        let date = self.next_meeting_date(reference)?;
        let meeting = self.meetings.iter().find(|m| m.date == date);
        let committee = meeting.and_then(|m| m.committee.as_ref());
        let open = self.open_for_meeting(date, committee, reference, due_soon_days, followed);
        Some(ComingMeeting {
            date,
            meeting,
            open,
        })
    }

    /// The open directives (as of `reference`) a meeting on `date` of `committee` must ask
    /// about, most urgent first.
    fn open_for_meeting<'a>(
        &'a self,
        date: NaiveDate,
        committee: Option<&CommitteeId>,
        reference: NaiveDate,
        due_soon_days: u64,
        followed: &[(&'a Directive, FollowUpState)],
    ) -> Vec<&'a Directive> {
        let covered = self.covered_by_meeting(date, committee);
        let mut open: Vec<&Directive> = followed
            .iter()
            .filter(|(d, state)| !state.is_closed() && covered.contains(&d.conclusion))
            .map(|(d, _)| *d)
            .collect();
        sorting::sort_by_cached_key(&mut open, |d| {
            crate::domain::followup::facts::urgency_key(d, reference, due_soon_days)
        });
        open
    }

    /// The open directives a meeting still to come follows up, as of `reference` (its page
    /// shows how many; the same rule as the coming meeting's list and the head's brief).
    /// None for a meeting already held: what it followed up was what was open on its day.
    pub fn followed_up_at(
        &self,
        meeting: &Meeting,
        reference: NaiveDate,
        due_soon_days: u64,
    ) -> Option<Vec<&Directive>> {
        if meeting.date < reference {
            return None;
        }
        let followed: Vec<_> = self
            .followed()
            .into_iter()
            .map(|d| (d, d.state(reference, due_soon_days)))
            .collect();
        Some(self.open_for_meeting(
            meeting.date,
            meeting.committee.as_ref(),
            reference,
            due_soon_days,
            &followed,
        ))
    }

    /// The next planned meeting on or after `reference`, with the open directives of the
    /// conclusions it covers (see [`Dataset::coming_meeting_among`]).
    pub fn coming_meeting(
        &self,
        reference: NaiveDate,
        due_soon_days: u64,
    ) -> Option<ComingMeeting<'_>> {
        let followed: Vec<_> = self
            .followed()
            .into_iter()
            .map(|d| (d, d.state(reference, due_soon_days)))
            .collect();
        self.coming_meeting_among(reference, due_soon_days, &followed)
    }
}

#[cfg(test)]
#[path = "tallies_tests.rs"]
mod tests;
