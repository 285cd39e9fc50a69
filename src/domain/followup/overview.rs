//! The follow-up overview screen's figures in one pass: each directive's computed state is
//! found once, and the counts, the lists (overdue, due this week and this month, open before
//! the coming meeting) and the tables by unit and by conclusion are read from it. Asking the
//! dataset for each of them in turn walked every directive seven times on a click.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use chrono::{Days, NaiveDate};

use crate::domain::followup::conclusion::{Conclusion, Directive};
use crate::domain::followup::state::{FollowUpState, Tally};
use crate::domain::followup::tallies::{
    ComingMeeting, DUE_WITHIN_MONTH_DAYS, DUE_WITHIN_WEEK_DAYS,
};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{ConclusionId, DirectiveId, MeetingId, UnitId};
use crate::domain::sorting;
use crate::domain::text::fold;

/// What the follow-up overview shows as of a reference date.
#[derive(Debug, Clone)]
pub struct FollowUpOverview<'a> {
    /// Directives followed one by one, counted by computed state.
    pub counts: BTreeMap<FollowUpState, usize>,
    /// Overdue, the earliest due date first.
    pub overdue: Vec<&'a Directive>,
    /// Open and falling due within [`DUE_WITHIN_WEEK_DAYS`], soonest first.
    pub week: Vec<&'a Directive>,
    /// Open and falling due within [`DUE_WITHIN_MONTH_DAYS`], soonest first.
    pub month: Vec<&'a Directive>,
    pub coming: Option<ComingMeeting<'a>>,
    /// Lead units with their tally, most overdue first.
    pub by_unit: Vec<(&'a UnitId, Tally)>,
    /// Conclusions with their tally, the latest first.
    pub by_conclusion: Vec<(&'a Conclusion, Tally)>,
}

/// The earliest due date first, then by number (each due date found once, not at every
/// comparison).
fn soonest(items: Vec<&Directive>, reference: NaiveDate) -> Vec<&Directive> {
    let mut keyed: Vec<_> = items
        .into_iter()
        .map(|d| (d.due_on(reference), d))
        .collect();
    sorting::sort_by(&mut keyed, |(a_due, a), (b_due, b)| {
        (a_due, &a.path).cmp(&(b_due, &b.path))
    });
    keyed.into_iter().map(|(_, d)| d).collect()
}

impl Dataset {
    /// The follow-up overview as of `reference`: one walk over the directives.
    pub fn follow_up_overview(
        &self,
        reference: NaiveDate,
        due_soon_days: u64,
    ) -> FollowUpOverview<'_> {
        let followed: Vec<(&Directive, FollowUpState)> = self
            .followed()
            .into_iter()
            .map(|d| (d, d.state(reference, due_soon_days)))
            .collect();
        let mut counts = BTreeMap::new();
        let mut by_unit: HashMap<&UnitId, Tally> = HashMap::default();
        let mut by_conclusion: HashMap<&ConclusionId, Tally> = HashMap::default();
        let mut overdue = Vec::new();
        let mut month = Vec::new();
        let month_end = reference + Days::new(DUE_WITHIN_MONTH_DAYS);
        for &(d, state) in &followed {
            *counts.entry(state).or_insert(0) += 1;
            if let Some(u) = d.lead_at(reference) {
                by_unit.entry(u).or_default().add(state);
            }
            by_conclusion.entry(&d.conclusion).or_default().add(state);
            match state {
                FollowUpState::Overdue => overdue.push(d),
                // Open and not past due: due on or after the reference date.
                FollowUpState::DueSoon | FollowUpState::OpenWithinTerm
                    if d.due_on(reference).is_some_and(|due| due <= month_end) =>
                {
                    month.push(d)
                }
                _ => {}
            }
        }
        // The earliest due date first (each found once, not at every comparison).
        let overdue = soonest(overdue, reference);
        let month = soonest(month, reference);
        let week_end = reference + Days::new(DUE_WITHIN_WEEK_DAYS);
        let week = month
            .iter()
            .copied()
            .filter(|d| d.due_on(reference).is_some_and(|due| due <= week_end))
            .collect();

        let coming = self.coming_meeting_among(reference, due_soon_days, &followed);

        let mut by_unit: Vec<(&UnitId, Tally)> = self
            .units
            .iter()
            .filter_map(|u| by_unit.get(&u.id).map(|t| (&u.id, *t)))
            .filter(|(_, t)| t.total > 0)
            .collect();
        sorting::sort_by_cached_key(&mut by_unit, |(id, t)| {
            (
                std::cmp::Reverse(t.overdue),
                std::cmp::Reverse(t.due_soon),
                self.units.get(id).map(|u| fold(u.display_name())),
            )
        });
        let mut by_conclusion: Vec<(&Conclusion, Tally)> = self
            .conclusions
            .iter()
            .map(|c| (c, by_conclusion.get(&c.id).copied().unwrap_or_default()))
            .collect();
        sorting::sort_by_key(&mut by_conclusion, |(c, _)| std::cmp::Reverse(c.date));

        FollowUpOverview {
            counts,
            overdue,
            week,
            month,
            coming,
            by_unit,
            by_conclusion,
        }
    }
}

/// The overview kept between clicks: ids and tallies, owned (the session keeps one per
/// version of the data and reference date, see `derived::Derived`); what a screen lists is
/// looked up by id when drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptOverview {
    pub counts: BTreeMap<FollowUpState, usize>,
    pub overdue: Vec<DirectiveId>,
    pub week: Vec<DirectiveId>,
    /// The coming meeting's date, the meeting recorded on that date, and what is open
    /// from before it.
    pub coming: Option<(NaiveDate, Option<MeetingId>, Vec<DirectiveId>)>,
    pub by_unit: Vec<(UnitId, Tally)>,
    pub by_conclusion: Vec<(ConclusionId, Tally)>,
}

impl From<FollowUpOverview<'_>> for KeptOverview {
    fn from(o: FollowUpOverview<'_>) -> Self {
        let ids = |items: Vec<&Directive>| items.into_iter().map(|d| d.id.clone()).collect();
        KeptOverview {
            counts: o.counts,
            overdue: ids(o.overdue),
            week: ids(o.week),
            coming: o
                .coming
                .map(|c| (c.date, c.meeting.map(|m| m.id.clone()), ids(c.open))),
            by_unit: o.by_unit.into_iter().map(|(u, t)| (u.clone(), t)).collect(),
            by_conclusion: o
                .by_conclusion
                .into_iter()
                .map(|(c, t)| (c.id.clone(), t))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::generate::{generate, Scale};
    use crate::domain::sample::fixture::sample;
    use chrono::TimeZone;

    fn ids(items: &[&Directive]) -> Vec<String> {
        items.iter().map(|d| d.id.to_string()).collect()
    }

    /// The one pass says what each question asked on its own says.
    fn agrees_with_the_questions_one_by_one(data: &Dataset, on: NaiveDate, soon: u64) {
        let o = data.follow_up_overview(on, soon);
        assert_eq!(o.counts, data.directive_state_counts(on, soon), "{on}");
        assert_eq!(
            ids(&o.overdue),
            ids(&data.directives_in_state(FollowUpState::Overdue, on, soon))
        );
        assert_eq!(
            ids(&o.week),
            ids(&data.due_within(on, DUE_WITHIN_WEEK_DAYS)),
            "{on}"
        );
        assert_eq!(
            ids(&o.month),
            ids(&data.due_within(on, DUE_WITHIN_MONTH_DAYS)),
            "{on}"
        );
        let coming = data.coming_meeting(on, soon);
        assert_eq!(
            o.coming.as_ref().map(|c| c.date),
            coming.as_ref().map(|c| c.date)
        );
        assert_eq!(
            o.coming.as_ref().map(|c| ids(&c.open)),
            coming.as_ref().map(|c| ids(&c.open))
        );
        assert_eq!(o.by_unit, data.tally_by_unit(on, soon));
        let by_conclusion = |l: &[(&Conclusion, Tally)]| -> Vec<(String, Tally)> {
            l.iter().map(|(c, t)| (c.id.to_string(), *t)).collect()
        };
        assert_eq!(
            by_conclusion(&o.by_conclusion),
            by_conclusion(&data.tally_by_conclusion(on, soon))
        );
    }

    #[test]
    fn the_overview_in_one_pass_agrees_with_each_question_on_the_sample() {
        let (data, today) = sample();
        for days in [-400i64, -30, -7, -1, 0, 1, 7, 30, 400] {
            let on = today
                .checked_add_signed(chrono::Duration::days(days))
                .unwrap();
            for soon in [0, 7, 14] {
                agrees_with_the_questions_one_by_one(&data, on, soon);
            }
        }
        let o = data.follow_up_overview(today, 7);
        assert!(!o.overdue.is_empty() && o.coming.is_some() && !o.by_unit.is_empty());
    }

    #[test]
    fn the_overview_in_one_pass_agrees_on_a_generated_district() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
        let now = chrono::Utc.with_ymd_and_hms(2026, 6, 15, 9, 0, 0).unwrap();
        let data = generate(Scale::SMALL, 7, today, now);
        for days in [-90i64, 0, 5, 45] {
            let on = today
                .checked_add_signed(chrono::Duration::days(days))
                .unwrap();
            agrees_with_the_questions_one_by_one(&data, on, 7);
        }
    }
}
