//! Finding the file's records that are probably records here under another id, by the keys
//! officers recognise them by (see the rules in `duplicates`).

use std::collections::{BTreeMap, BTreeSet};

use super::Duplicate;
use crate::domain::model::record::Record;
use crate::domain::text::fold;
use crate::domain::{Collection, CommitteeId, Dataset, UnitId};

impl Dataset {
    /// The records of `incoming` that are probably records here under another id (see the
    /// module's rules): each record here is offered for at most one of the file's, and
    /// neither side's record is offered when the file also holds the other's id.
    pub fn probable_duplicates(&self, incoming: &Dataset) -> Vec<Duplicate> {
        let mut out = Vec::new();
        // Committees first: a conclusion or a meeting matches through them.
        let committees = matches(
            &self.committees,
            &incoming.committees,
            |c| names_of([c.name.as_str(), c.short_name.as_str()]),
            |c| names_of([c.name.as_str(), c.short_name.as_str()]),
            &mut out,
        );
        let committee = |id: &Option<CommitteeId>| {
            id.as_ref().map(|c| {
                committees
                    .get(c.as_str())
                    .cloned()
                    .unwrap_or_else(|| c.to_string())
            })
        };
        let units = matches(
            &self.units,
            &incoming.units,
            |u| names_of(u.all_names()),
            |u| names_of(u.all_names()),
            &mut out,
        );
        let unit = |id: &Option<UnitId>| {
            id.as_ref().map(|u| {
                units
                    .get(u.as_str())
                    .cloned()
                    .unwrap_or_else(|| u.to_string())
            })
        };
        let key = |name: &str, with: Option<String>| {
            vec![format!("{}|{}", fold(name), with.unwrap_or_default())]
        };
        matches(
            &self.projects,
            &incoming.projects,
            |p| key(&p.name, p.investor.as_ref().map(|u| u.to_string())),
            |p| key(&p.name, unit(&p.investor)),
            &mut out,
        );
        // "16 - KL/BCĐ" as typed by one officer is "16-KL/BCĐ" as typed by the other.
        let number = |n: &str| n.split_whitespace().collect::<String>();
        let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        matches(
            &self.meetings,
            &incoming.meetings,
            |m| key(&day(m.date), m.committee.as_ref().map(|c| c.to_string())),
            |m| key(&day(m.date), committee(&m.committee)),
            &mut out,
        );
        matches(
            &self.conclusions,
            &incoming.conclusions,
            |c| {
                key(
                    &number(&c.number_symbol),
                    c.committee.as_ref().map(|c| c.to_string()),
                )
            },
            |c| key(&number(&c.number_symbol), committee(&c.committee)),
            &mut out,
        );
        out
    }
}

/// Folded, non-empty names, each once.
fn names_of<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names.into_iter().map(fold).filter(|n| !n.is_empty()) {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// The records of `theirs` matching one of `mine` by a key, pushed to `out`; returns the
/// file's id → the id here of each match. What both call a record first (a unit's name)
/// is matched before any other name, so a unit is not taken for another that once bore
/// its name. A record of the file whose id is here, or one here whose id the file holds,
/// is not matched.
fn matches<T: Record>(
    here: &Collection<T>,
    file: &Collection<T>,
    key_mine: impl Fn(&T) -> Vec<String>,
    key_theirs: impl Fn(&T) -> Vec<String>,
    out: &mut Vec<Duplicate>,
) -> BTreeMap<String, String> {
    let mine: Vec<(&T, Vec<String>)> = here
        .iter()
        .filter(|r| !file.contains(r.id()))
        .map(|r| (r, key_mine(r)))
        .collect();
    let theirs: Vec<(&T, Vec<String>)> = file
        .iter()
        .filter(|r| !here.contains(r.id()))
        .map(|r| (r, key_theirs(r)))
        .collect();
    let mut taken: BTreeSet<&str> = BTreeSet::new();
    let mut found = BTreeMap::new();
    for keys in [1, usize::MAX] {
        let mut index: BTreeMap<&str, Vec<&T>> = BTreeMap::new();
        for (r, ks) in &mine {
            for k in ks.iter().take(keys) {
                index.entry(k.as_str()).or_default().push(r);
            }
        }
        for (r, ks) in &theirs {
            if found.contains_key(r.id().as_ref()) {
                continue;
            }
            let hit = ks.iter().take(keys).find_map(|k| {
                index
                    .get(k.as_str())
                    .and_then(|rs| rs.iter().find(|m| !taken.contains(m.id().as_ref())))
            });
            if let Some(m) = hit {
                taken.insert(m.id().as_ref());
                found.insert(r.id().to_string(), m.id().to_string());
                out.push(Duplicate {
                    kind: T::KIND,
                    incoming_id: r.id().to_string(),
                    existing_id: m.id().to_string(),
                    label: m.label(),
                });
            }
        }
    }
    found
}
