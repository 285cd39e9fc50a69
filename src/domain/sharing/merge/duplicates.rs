//! Two officers often type the same thing separately: the records then have different ids,
//! and an import would add "new" records that are the ones already here. Officers recognise
//! them by a committee's name, a unit's name or a name it is known by, a project's name
//! and investor, a meeting's date and committee, a conclusion's number and symbol with its
//! committee (text compared folded: case, diacritics and spaces do not matter).
//!
//! Such a record of the file is a probable [`Duplicate`]; nothing is joined unless the
//! officer chooses to. Joining maps the file's id to the one here before the import: every
//! record of the file that refers to it refers to the record here, the file's record itself
//! is not added, and its id is remembered on the record here (`joined`), so the same file
//! imported again reads the same way and changes nothing. Under a joined conclusion, the
//! file's directive numbered as one here is that directive (and so, under a joined project
//! or directive, a report of the same date, an obstacle of the same description and an
//! update of the same date and text): they are compared as usual, not added twice.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::RecordKind;
use crate::domain::model::record::Record;
use crate::domain::text::fold;
use crate::domain::{Collection, CommitteeId, ConclusionId, Dataset, MeetingId, ProjectId, UnitId};

/// A record of the file that is probably one already here under another id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub kind: RecordKind,
    pub incoming_id: String,
    pub existing_id: String,
    /// The record here as officers know it ("16-KL/BCĐ", "Sở Xây dựng").
    pub label: String,
}

/// The file's ids read as ids of records here, by kind.
#[derive(Debug, Default)]
struct IdMap(BTreeMap<(RecordKind, String), String>);

impl IdMap {
    fn insert(&mut self, kind: RecordKind, from: &str, to: &str) {
        if from != to {
            self.0.insert((kind, from.to_owned()), to.to_owned());
        }
    }

    fn get(&self, kind: RecordKind, id: &str) -> Option<&str> {
        self.0.get(&(kind, id.to_owned())).map(String::as_str)
    }

    fn has(&self, kind: RecordKind, id: &str) -> bool {
        self.get(kind, id).is_some()
    }

    /// The ids of records here that file records were read as, by kind.
    fn targets(&self) -> BTreeSet<(RecordKind, &str)> {
        self.0
            .iter()
            .map(|((kind, _), to)| (*kind, to.as_str()))
            .collect()
    }

    /// The file's records of `theirs` whose parent (of kind `parent`) is mapped, matched to
    /// the record here under the record it maps to with the same key (`key`: the parent's
    /// id and what tells the children apart), each record here at most once.
    fn children<T: Record>(
        &mut self,
        here: &Collection<T>,
        theirs: &Collection<T>,
        parent: RecordKind,
        key: impl Fn(&T) -> (&str, String),
    ) {
        let targets: BTreeSet<&str> = self
            .0
            .iter()
            .filter(|((k, _), _)| *k == parent)
            .map(|(_, to)| to.as_str())
            .collect();
        let mut index: BTreeMap<(String, String), String> = BTreeMap::new();
        for r in here.iter().filter(|r| !theirs.contains(r.id())) {
            let (of, k) = key(r);
            if targets.contains(of) {
                index.insert((of.to_owned(), k), r.id().to_string());
            }
        }
        let mut found = Vec::new();
        for r in theirs.iter().filter(|r| !here.contains(r.id())) {
            let (of, k) = key(r);
            let Some(to) = self.get(parent, of) else {
                continue;
            };
            if let Some(existing) = index.remove(&(to.to_owned(), k)) {
                found.push((r.id().to_string(), existing));
            }
        }
        for (from, to) in found {
            self.insert(T::KIND, &from, &to);
        }
    }

    /// Rewrites `id` in place when it is mapped.
    fn swap<I: From<String> + AsRef<str>>(&self, kind: RecordKind, id: &mut I) {
        if let Some(to) = self.get(kind, id.as_ref()) {
            *id = I::from(to.to_owned());
        }
    }

    fn swap_some<I: From<String> + AsRef<str>>(&self, kind: RecordKind, id: &mut Option<I>) {
        if let Some(id) = id.as_mut() {
            self.swap(kind, id);
        }
    }

    /// Rewrites each id of a list, keeping the first of two that became one.
    fn swap_all<I: From<String> + AsRef<str> + PartialEq + Clone>(
        &self,
        kind: RecordKind,
        ids: &mut Vec<I>,
    ) {
        ids.iter_mut().for_each(|id| self.swap(kind, id));
        dedup_keep_first(ids);
    }
}

/// Keeps the first of each repeated item (a lead named again as coordinating after a join).
fn dedup_keep_first<T: PartialEq + Clone>(items: &mut Vec<T>) {
    let mut seen: Vec<T> = Vec::new();
    items.retain(|x| {
        let fresh = !seen.contains(x);
        if fresh {
            seen.push(x.clone());
        }
        fresh
    });
}

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

    /// `incoming` read in this data's terms: the ids of records joined here earlier (kept in
    /// `joined`) and those `joins` joins now are read as the records they were joined into,
    /// the joined records of the file left out (see the module's rules). The file's records
    /// keep their times, so the import compares them as they were.
    pub fn resolve_incoming<'a>(
        &self,
        incoming: &'a Dataset,
        joins: &[Duplicate],
    ) -> Cow<'a, Dataset> {
        let units = self.with_joined_resolved(incoming);
        let mut map = IdMap::default();
        remembered(&self.committees, |c| &c.joined, &mut map);
        remembered(&self.projects, |p| &p.joined, &mut map);
        remembered(&self.meetings, |m| &m.joined, &mut map);
        remembered(&self.conclusions, |c| &c.joined, &mut map);
        for j in joins {
            map.insert(j.kind, &j.incoming_id, &j.existing_id);
        }
        map.0.retain(|(kind, from), _| units.holds(*kind, from));
        if map.0.is_empty() {
            return units;
        }
        self.map_children(&units, &mut map);
        let mut data = units.into_owned();
        data.rewrite_ids(&map);
        let mapped = map.targets();
        same_when_unchanged(&self.directives, &mut data.directives, &mapped);
        same_when_unchanged(&self.progress_reports, &mut data.progress_reports, &mapped);
        same_when_unchanged(&self.obstacles, &mut data.obstacles, &mapped);
        same_when_unchanged(
            &self.directive_updates,
            &mut data.directive_updates,
            &mapped,
        );
        Cow::Owned(data)
    }

    /// Whether a record of `kind` with id `id` is here, or referred to by a record here.
    fn holds(&self, kind: RecordKind, id: &str) -> bool {
        match kind {
            RecordKind::Committee => {
                let id = CommitteeId::from(id);
                self.committees.contains(&id)
                    || self
                        .conclusions
                        .iter()
                        .any(|c| c.committee.as_ref() == Some(&id))
                    || self
                        .meetings
                        .iter()
                        .any(|m| m.committee.as_ref() == Some(&id))
                    || self
                        .projects
                        .iter()
                        .any(|p| p.committee.as_ref() == Some(&id))
            }
            RecordKind::Unit => {
                let id = UnitId::from(id);
                self.units.contains(&id) || self.unit_is_referred_to(&id)
            }
            RecordKind::Project => {
                let id = ProjectId::from(id);
                self.projects.contains(&id)
                    || self.progress_reports.iter().any(|r| r.project == id)
                    || self.obstacles.iter().any(|o| o.project == id)
                    || self.directives.iter().any(|d| d.projects.contains(&id))
                    || self.meetings.iter().any(|m| m.projects.contains(&id))
            }
            RecordKind::Meeting => {
                let id = MeetingId::from(id);
                self.meetings.contains(&id)
                    || self
                        .conclusions
                        .iter()
                        .any(|c| c.meeting.as_ref() == Some(&id))
            }
            RecordKind::Conclusion => {
                let id = ConclusionId::from(id);
                self.conclusions.contains(&id) || self.directives.iter().any(|d| d.conclusion == id)
            }
            _ => false,
        }
    }

    /// Under a mapped conclusion, project or directive, the file's records that are ones
    /// here (same number; same date; same description; same date and text) are mapped too.
    fn map_children(&self, incoming: &Dataset, map: &mut IdMap) {
        use RecordKind as K;
        let (here, theirs) = (self, incoming);
        map.children(&here.directives, &theirs.directives, K::Conclusion, |d| {
            (d.conclusion.as_str(), d.path.to_string())
        });
        map.children(
            &here.progress_reports,
            &theirs.progress_reports,
            K::Project,
            |r| (r.project.as_str(), r.as_of.to_string()),
        );
        map.children(&here.obstacles, &theirs.obstacles, K::Project, |o| {
            (o.project.as_str(), fold(&o.description))
        });
        map.children(
            &here.directive_updates,
            &theirs.directive_updates,
            K::Directive,
            |u| {
                (
                    u.directive.as_str(),
                    format!("{} {}", u.date, fold(&u.text)),
                )
            },
        );
    }

    /// Every id `map` names read as the one it maps to: a joined committee, unit, project,
    /// meeting or conclusion of the file is left out (the record here stands for it), a
    /// matched directive, report, obstacle or update takes the id here, and every
    /// reference follows.
    fn rewrite_ids(&mut self, map: &IdMap) {
        use RecordKind as K;
        /// Applies `f` (references, and the id of a matched record) to each record of `c`;
        /// with `drop`, a mapped record is left out instead.
        fn each<T: Record>(c: &mut Collection<T>, map: &IdMap, drop: bool, f: impl Fn(&mut T)) {
            let records: Vec<T> = c.iter().cloned().collect();
            for r in records {
                if drop && map.has(T::KIND, r.id().as_ref()) {
                    c.remove(r.id());
                    continue;
                }
                let mut changed = r.clone();
                f(&mut changed);
                if changed.id() != r.id() {
                    c.remove(r.id());
                }
                if changed != r {
                    c.upsert(changed);
                }
            }
        }
        each(&mut self.committees, map, true, |_| {});
        each(&mut self.units, map, true, |u| {
            map.swap_some(K::Unit, &mut u.parent);
            if let Some(m) = u.merged_into.as_mut() {
                map.swap(K::Unit, &mut m.into);
            }
            if let Some(e) = u.ended.as_mut() {
                map.swap_all(K::Unit, &mut e.successors);
            }
        });
        each(&mut self.projects, map, true, |p| {
            map.swap_some(K::Committee, &mut p.committee);
            map.swap_some(K::Unit, &mut p.investor);
        });
        each(&mut self.progress_reports, map, false, |r| {
            map.swap(K::ProgressReport, &mut r.id);
            map.swap(K::Project, &mut r.project);
        });
        each(&mut self.obstacles, map, false, |o| {
            map.swap(K::Obstacle, &mut o.id);
            map.swap(K::Project, &mut o.project);
            map.swap_some(K::Unit, &mut o.responsible_unit);
            map.swap_some(K::Directive, &mut o.directive);
        });
        each(&mut self.meetings, map, true, |m| {
            map.swap_some(K::Committee, &mut m.committee);
            map.swap_all(K::Unit, &mut m.attendee_units);
            map.swap_all(K::Project, &mut m.projects);
        });
        each(&mut self.conclusions, map, true, |c| {
            map.swap_some(K::Committee, &mut c.committee);
            map.swap_some(K::Meeting, &mut c.meeting);
        });
        each(&mut self.directives, map, false, |d| {
            map.swap(K::Directive, &mut d.id);
            map.swap(K::Conclusion, &mut d.conclusion);
            map.swap_some(K::Unit, &mut d.lead_unit);
            map.swap_all(K::Unit, &mut d.coordinating_units);
            let lead = d.lead_unit.clone();
            d.coordinating_units.retain(|u| Some(u) != lead.as_ref());
            for h in &mut d.handovers {
                map.swap(K::Unit, &mut h.from);
                map.swap(K::Unit, &mut h.to);
            }
            d.handovers.retain(|h| h.from != h.to);
            map.swap_all(K::Project, &mut d.projects);
        });
        each(&mut self.directive_updates, map, false, |u| {
            map.swap(K::DirectiveUpdate, &mut u.id);
            map.swap(K::Directive, &mut u.directive);
        });
    }

    /// Remembers each join on the record here (its `joined`), so the file's id reads as it
    /// from now on. The record's time is kept: the join is how this register reads a
    /// colleague's ids, not a change of what the record says.
    pub(super) fn remember_joins(&mut self, joins: &[Duplicate]) {
        fn add<T: Record, I: From<String> + PartialEq>(
            c: &mut Collection<T>,
            existing: &str,
            incoming: &str,
            joined: impl Fn(&mut T) -> &mut Vec<I>,
        ) where
            T::Id: From<String>,
        {
            if let Some(mut r) = c.get(&T::Id::from(existing.to_owned())).cloned() {
                let id = I::from(incoming.to_owned());
                let list = joined(&mut r);
                if !list.contains(&id) {
                    list.push(id);
                    c.upsert(r);
                }
            }
        }
        for j in joins {
            let (to, from) = (j.existing_id.as_str(), j.incoming_id.as_str());
            match j.kind {
                RecordKind::Committee => add(&mut self.committees, to, from, |c| &mut c.joined),
                RecordKind::Unit => add(&mut self.units, to, from, |u| &mut u.joined),
                RecordKind::Project => add(&mut self.projects, to, from, |p| &mut p.joined),
                RecordKind::Meeting => add(&mut self.meetings, to, from, |m| &mut m.joined),
                RecordKind::Conclusion => add(&mut self.conclusions, to, from, |c| &mut c.joined),
                _ => {}
            }
        }
    }
}

/// The ids joined into the records of `c` earlier, mapped to those records.
/// A file's record matched to one here (a directive of a joined conclusion with the same
/// number, …) is that record: typed on both sides, each copy has its own times. Saying the
/// same thing, it takes the times here, so it is identical, not a change on both sides; saying
/// something else, it is compared as usual.
fn same_when_unchanged<T: Record>(
    here: &Collection<T>,
    theirs: &mut Collection<T>,
    mapped: &BTreeSet<(RecordKind, &str)>,
) {
    let matched: Vec<T> = theirs
        .iter()
        .filter(|r| mapped.contains(&(T::KIND, r.id().as_ref())))
        .cloned()
        .collect();
    for record in matched {
        let Some(mine) = here.get(record.id()) else {
            continue;
        };
        let mut same = record.clone();
        same.take_times_of(mine);
        if &same == mine {
            theirs.upsert(same);
        }
    }
}

fn remembered<T: Record, I: AsRef<str>>(
    c: &Collection<T>,
    joined: impl Fn(&T) -> &Vec<I>,
    map: &mut IdMap,
) {
    for r in c.iter() {
        for j in joined(r) {
            map.insert(T::KIND, j.as_ref(), r.id().as_ref());
        }
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
