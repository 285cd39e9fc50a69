//! The follow-up overview a follow-up officer works from every week: counts by computed
//! state per unit and per conclusion, what is overdue, what falls due soon, and what the
//! next meeting should ask about. Everything is computed against a reference date (today,
//! or any date a report is made "as of").

use chrono::{Days, NaiveDate};

use crate::domain::followup::conclusion::{Conclusion, Directive};
use crate::domain::followup::meeting::Meeting;
use crate::domain::followup::state::{FollowUpState, Tally};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{CommitteeId, ConclusionId, UnitId};
use crate::domain::sorting;
use crate::domain::text::fold;

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

/// A record found by the search box.
#[derive(Debug, Clone, Copy)]
pub enum Found<'a> {
    Meeting(&'a Meeting),
    Conclusion(&'a Conclusion),
    Directive(&'a Directive),
}

/// A record the search index points to.
#[derive(Debug, Clone, PartialEq)]
enum Hit {
    Meeting(crate::domain::MeetingId),
    Conclusion(crate::domain::ConclusionId),
    Directive(crate::domain::DirectiveId),
}

/// The folded words of every conclusion, directive and meeting, in the order results are
/// listed: built once per change of the data, so a keystroke only compares strings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchIndex(Vec<(Hit, String)>);

/// What a search found: the first results to show, and whether there are more.
#[derive(Debug, Clone, Default)]
pub struct SearchResults<'a> {
    pub shown: Vec<Found<'a>>,
    pub more: bool,
}

impl SearchIndex {
    /// Records whose words contain every word of `query`, diacritics and case ignored, in
    /// the index's order (conclusions, directives most urgent first, meetings); the first
    /// `limit` of them, and whether there are more. It stops at the first match past
    /// `limit`: a keystroke never scans more than it shows.
    pub fn find<'a>(&self, data: &'a Dataset, query: &str, limit: usize) -> SearchResults<'a> {
        let words = fold(query);
        if words.is_empty() {
            return SearchResults::default();
        }
        let words: Vec<&str> = words.split(' ').collect();
        let mut shown: Vec<Found<'a>> = self
            .0
            .iter()
            .filter(|(_, text)| words.iter().all(|w| text.contains(w)))
            .filter_map(|(hit, _)| match hit {
                Hit::Conclusion(id) => data.conclusions.get(id).map(Found::Conclusion),
                Hit::Directive(id) => data.directives.get(id).map(Found::Directive),
                Hit::Meeting(id) => data.meetings.get(id).map(Found::Meeting),
            })
            .take(limit + 1)
            .collect();
        let more = shown.len() > limit;
        shown.truncate(limit);
        SearchResults { shown, more }
    }
}

impl Dataset {
    /// [`SearchIndex::find`] over this dataset, as of `reference`.
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        reference: NaiveDate,
        due_soon_days: u64,
    ) -> SearchResults<'_> {
        self.search_index(reference, due_soon_days)
            .find(self, query, limit)
    }

    /// The index [`SearchIndex::find`] searches, its directives ordered by urgency as of
    /// `reference` (overdue first, the earliest deadline first within each state), so a
    /// search lists the most urgent first without sorting what it found.
    pub fn search_index(&self, reference: NaiveDate, due_soon_days: u64) -> SearchIndex {
        let unit_names = |ids: &mut dyn Iterator<Item = &UnitId>| {
            ids.filter_map(|u| self.units.get(u))
                .map(|u| u.all_names().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let conclusions = self.conclusions.iter().map(|c| {
            let text = format!(
                "{} {} {} {}",
                c.number_symbol, c.title, c.issuing_body, c.assessment
            );
            (Hit::Conclusion(c.id.clone()), fold(&text))
        });
        let mut by_urgency: Vec<&Directive> = self.directives.iter().collect();
        sorting::sort_by_cached_key(&mut by_urgency, |d| {
            crate::domain::followup::facts::urgency_key(d, reference, due_soon_days)
        });
        let directives = by_urgency.into_iter().map(|d| {
            let number = self
                .conclusions
                .get(&d.conclusion)
                .map_or("", |c| c.number_symbol.as_str());
            let units = unit_names(
                &mut d
                    .lead_unit
                    .iter()
                    .chain(d.coordinating_units.iter())
                    .chain(d.handovers.iter().map(|h| &h.to)),
            );
            let extended = d.extensions.iter().map(|e| e.deadline.words());
            let text = format!(
                "{number} {} {} {} {} {} {units}",
                d.path,
                d.text,
                d.deadline.words(),
                extended.collect::<Vec<_>>().join(" "),
                d.responsible_person
            );
            (Hit::Directive(d.id.clone()), fold(&text))
        });
        let meetings = self.meetings.iter().map(|m| {
            let text = format!(
                "{} {} {} {} {}",
                m.place,
                m.chair,
                m.summary,
                m.attendees.join(" "),
                crate::domain::dates::dd_mm_yyyy(m.date)
            );
            (Hit::Meeting(m.id.clone()), fold(&text))
        });
        SearchIndex(conclusions.chain(directives).chain(meetings).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::sample;

    #[test]
    fn units_with_overdue_work_come_first() {
        let (data, today) = sample();
        let units = data.tally_by_unit(today, 7);
        assert!(!units.is_empty());
        assert!(units[0].1.overdue >= units.last().unwrap().1.overdue);
        let total: usize = units
            .iter()
            .map(|(_, t)| t.total + t.transferred + t.cancelled)
            .sum();
        let led = data
            .followed()
            .iter()
            .filter(|d| d.lead_unit.is_some())
            .count();
        assert_eq!(
            total, led,
            "every led directive counted once, group headings not"
        );
    }

    #[test]
    fn unit_counts_agree_with_the_tally_of_each_units_directives() {
        let (data, today) = sample();
        let counts = data.unit_counts(today, 7);
        assert_eq!(counts.len(), data.units.len());
        let followed = data.followed();
        for c in &counts {
            let led: Vec<_> = followed
                .iter()
                .copied()
                .filter(|x| x.lead_at(today) == Some(&c.unit.id))
                .collect();
            assert_eq!(c.lead, led.len());
            assert_eq!(c.overdue, Tally::of(led, today, 7).overdue);
            let coordinating = followed
                .iter()
                .filter(|x| x.coordinating_at(today).contains(&&c.unit.id))
                .count();
            assert_eq!(c.coordinating, coordinating);
        }
        assert!(counts.iter().any(|c| c.overdue > 0) && counts.iter().any(|c| c.coordinating > 0));
        assert!(counts.windows(2).all(|w| w[0].unit.name <= w[1].unit.name));
    }

    #[test]
    fn a_conclusion_share_done_leaves_out_what_was_transferred() {
        let (data, today) = sample();
        let (_, t) = data
            .tally_by_conclusion(today, 7)
            .into_iter()
            .find(|(c, _)| c.number_symbol == "245/TB-VPUBND")
            .unwrap();
        assert_eq!((t.total, t.transferred, t.cancelled), (2, 1, 0));
        assert_eq!(
            t.done_percent(),
            Some(0.0),
            "0 of the 2 it still follows, not 0 of 3"
        );
    }

    #[test]
    fn what_falls_due_soon_is_open_and_in_the_window() {
        let (data, today) = sample();
        let week = data.due_within(today, DUE_WITHIN_WEEK_DAYS);
        let month = data.due_within(today, DUE_WITHIN_MONTH_DAYS);
        assert!(week.len() <= month.len());
        for d in &month {
            let due = d.due_on(today).unwrap();
            assert!(due >= today && due <= today + Days::new(30));
            assert!(!d.state(today, 7).is_done());
        }
        assert!(week.iter().all(|d| month.iter().any(|m| m.id == d.id)));
    }

    #[test]
    fn the_coming_meeting_lists_what_is_still_open() {
        let (data, today) = sample();
        let coming = data.coming_meeting(today, 7).unwrap();
        assert!(coming.date >= today);
        assert!(!coming.open.is_empty());
        assert!(coming.open.iter().all(|d| !d.state(today, 7).is_closed()));
    }

    #[test]
    fn search_ignores_diacritics_across_kinds() {
        let (data, today) = sample();
        let search = |q: &str, limit| data.search(q, limit, today, 7).shown;
        let found = search("kiem dem", 50);
        assert!(found.iter().any(|f| matches!(f, Found::Directive(_))));
        let by_number = search("16-kl", 50);
        assert!(matches!(by_number.first(), Some(Found::Conclusion(_))));
        assert!(search("   ", 50).is_empty());
        assert!(search("khong co gi nhu the nay", 50).is_empty());
        let two = data.search("muong phang", 2, today, 7);
        assert_eq!(two.shown.len(), 2);
        assert!(two.more, "more matches than shown are said");
        assert!(!data.search("muong phang", 500, today, 7).more);
    }

    #[test]
    fn directives_found_come_most_urgent_first() {
        let (data, today) = sample();
        let found = data.search("ubnd", 500, today, 7);
        let states: Vec<FollowUpState> = found
            .shown
            .iter()
            .filter_map(|f| match f {
                Found::Directive(d) => Some(d.state(today, 7)),
                _ => None,
            })
            .collect();
        assert!(states.len() > 3, "{states:?}");
        assert!(states.contains(&FollowUpState::Overdue));
        assert!(states.windows(2).all(|w| w[0] <= w[1]), "{states:?}");
        // The first few are the first few of the whole ordered list.
        let ids = |r: &SearchResults| -> Vec<String> {
            r.shown
                .iter()
                .map(|f| match f {
                    Found::Directive(d) => d.id.to_string(),
                    Found::Conclusion(c) => c.id.to_string(),
                    Found::Meeting(m) => m.id.to_string(),
                })
                .collect()
        };
        for limit in [1, 3, 7] {
            let few = data.search("ubnd", limit, today, 7);
            assert!(few.more);
            assert_eq!(ids(&few), ids(&found)[..limit].to_vec(), "limit {limit}");
        }
    }
}
