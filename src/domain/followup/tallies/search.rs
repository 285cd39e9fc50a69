//! The search box: the folded words of every conclusion, directive and meeting, indexed once
//! per change of the data, and what a query finds in them.

use chrono::NaiveDate;

use crate::domain::followup::conclusion::{Conclusion, Directive};
use crate::domain::followup::meeting::Meeting;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::UnitId;
use crate::domain::sorting;
use crate::domain::text::fold;

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
    use crate::domain::followup::state::FollowUpState;
    use crate::domain::sample::fixture::sample;

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
