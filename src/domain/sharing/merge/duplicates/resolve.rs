//! The file read through the joins: its ids of joined records read as the records here,
//! its matched children taking the ids here, and each join remembered.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::{Duplicate, IdMap, RecordKind};
use crate::domain::model::record::Record;
use crate::domain::text::fold;
use crate::domain::{Collection, CommitteeId, ConclusionId, Dataset, MeetingId, ProjectId, UnitId};

impl Dataset {
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
    pub(in crate::domain::sharing::merge) fn remember_joins(&mut self, joins: &[Duplicate]) {
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

/// The ids joined into the records of `c` earlier, mapped to those records.
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
