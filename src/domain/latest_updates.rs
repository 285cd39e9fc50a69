//! The latest update of each directive, found once per version of the data: screens that
//! list directives with their latest update (the follow-up overview, a unit's page, the
//! reminder letter) look it up instead of reading the whole follow-up log on each click.
//! The session keeps one per version of its data (`Session::latest_updates`).

use rustc_hash::FxHashMap;

use super::conclusion::DirectiveUpdate;
use super::dataset::Dataset;
use super::ids::{DirectiveId, DirectiveUpdateId};

/// Which update is the latest of each directive that has one: the latest date, and of the
/// same date the latest recorded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LatestUpdates(FxHashMap<DirectiveId, DirectiveUpdateId>);

impl LatestUpdates {
    /// One pass over the log of `data`.
    pub fn of(data: &Dataset) -> Self {
        LatestUpdates(
            data.last_updates()
                .into_iter()
                .map(|(d, u)| (d.clone(), u.id.clone()))
                .collect(),
        )
    }

    /// The latest update of `directive` in `data` (the data this was found in).
    pub fn get<'a>(
        &self,
        data: &'a Dataset,
        directive: &DirectiveId,
    ) -> Option<&'a DirectiveUpdate> {
        self.0
            .get(directive)
            .and_then(|u| data.directive_updates.get(u))
    }

    /// The latest update of each of `directives` that has one.
    pub fn among<'a, 'b>(
        &self,
        data: &'a Dataset,
        directives: impl IntoIterator<Item = &'b DirectiveId>,
    ) -> FxHashMap<&'a DirectiveId, &'a DirectiveUpdate> {
        directives
            .into_iter()
            .filter_map(|d| {
                let u = self.get(data, d)?;
                Some((&u.directive, u))
            })
            .collect()
    }

    /// How many directives have an update.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::generate::{generate, Scale};
    use proptest::prelude::*;

    fn small() -> Dataset {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let now = chrono::DateTime::from_timestamp(1_782_000_000, 0).unwrap();
        generate(Scale::SMALL, 1, today, now)
    }

    #[test]
    fn finds_what_the_log_says_for_a_generated_office() {
        let data = small();
        let latest = LatestUpdates::of(&data);
        let all = data.last_updates();
        assert!(!all.is_empty());
        assert_eq!(latest.len(), all.len());
        for x in data.directives.iter() {
            assert_eq!(
                latest.get(&data, &x.id).map(|u| &u.id),
                all.get(&x.id).map(|u| &u.id)
            );
        }
        let some: Vec<&DirectiveId> = data.directives.iter().map(|x| &x.id).step_by(3).collect();
        let among = latest.among(&data, some.iter().copied());
        let set = some.iter().copied().collect();
        let expected = data.last_updates_among(&set);
        assert_eq!(
            among
                .iter()
                .map(|(k, u)| (*k, &u.id))
                .collect::<std::collections::BTreeMap<_, _>>(),
            expected.iter().map(|(k, u)| (*k, &u.id)).collect()
        );
    }

    proptest! {
        /// Updates on the same directive in any order, some on the same day: the latest
        /// date wins, and of one day the one recorded last.
        #[test]
        fn the_latest_date_then_the_latest_recorded(days in proptest::collection::vec((0u32..5, 0i64..5), 1..12)) {
            let mut data = small();
            let directive = data.directives.iter().next().unwrap().id.clone();
            let template = data.directive_updates.iter().next().unwrap().clone();
            data.directive_updates = Default::default();
            for (i, (day, minute)) in days.iter().enumerate() {
                let mut u = template.clone();
                u.id = format!("u{i}").as_str().into();
                u.directive = directive.clone();
                u.date = chrono::NaiveDate::from_ymd_opt(2026, 3, 1 + day).unwrap();
                u.created_at = chrono::DateTime::from_timestamp(1_770_000_000 + minute * 60 + i as i64, 0).unwrap();
                data.directive_updates.upsert(u);
            }
            let latest = LatestUpdates::of(&data);
            let found = latest.get(&data, &directive).unwrap();
            let best = data.directive_updates.iter().max_by_key(|u| (u.date, u.created_at)).unwrap();
            prop_assert_eq!(&found.id, &best.id);
        }
    }
}
