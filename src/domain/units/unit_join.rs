//! Two records of one unit joined (a unit typed twice in the register): every record that
//! names the duplicate names the kept unit instead, the duplicate's names become other names
//! of the kept unit and its id is remembered there, so a colleague's file that still uses
//! the old id reads as the kept unit (`Dataset::with_joined_resolved`).

use chrono::{DateTime, Utc};

use crate::domain::followup::conclusion::Directive;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::UnitId;
use crate::domain::sharing::validate::Problem;
use crate::domain::units::org::Unit;

impl Dataset {
    /// Units `absorbed` and `kept` are one unit typed twice: what joining them changes.
    /// Every record that names `absorbed` names `kept` instead; its names become other
    /// names of `kept` and its id is remembered there (a colleague's file that still uses
    /// it reads as `kept`). The caller removes `absorbed`.
    pub fn join_units(
        &self,
        kept: &UnitId,
        absorbed: &UnitId,
        now: DateTime<Utc>,
    ) -> Result<Joined, Problem> {
        self.join_stamped(kept, absorbed, Some(now))
    }

    /// [`Dataset::join_units`]; `now` `None` keeps every record's time (for reading a
    /// colleague's file in the register's terms, which changes nothing they wrote).
    fn join_stamped(
        &self,
        kept: &UnitId,
        absorbed: &UnitId,
        now: Option<DateTime<Utc>>,
    ) -> Result<Joined, Problem> {
        let stamp = |t: &mut DateTime<Utc>| {
            if let Some(now) = now {
                *t = now
            }
        };
        let (Some(k), Some(a)) = (self.units.get(kept), self.units.get(absorbed)) else {
            return Err(Problem::Missing {
                target: crate::domain::model::record::RecordKind::Unit,
                id: absorbed.to_string(),
            });
        };
        if kept == absorbed {
            return Err(Problem::SuccessorIsItself);
        }
        let swap = |u: &mut UnitId| {
            if u == absorbed {
                *u = kept.clone();
            }
        };
        let mut unit = k.clone();
        for name in a
            .all_names()
            .chain(a.former_names.iter().map(|f| f.name.as_str()))
        {
            let known = unit
                .all_names()
                .any(|n| crate::domain::text::fold(n) == crate::domain::text::fold(name));
            if !known {
                unit.other_names.push(name.to_owned());
            }
        }
        unit.joined.push(absorbed.clone());
        unit.joined.extend(a.joined.iter().cloned());
        if unit.contact.is_empty() {
            unit.contact = a.contact.clone();
        }
        stamp(&mut unit.updated_at);
        let mut units = vec![unit];
        for u in self
            .units
            .iter()
            .filter(|u| &u.id != kept && &u.id != absorbed)
        {
            let mut c = u.clone();
            if let Some(p) = c.parent.as_mut() {
                swap(p)
            }
            if let Some(e) = c.ended.as_mut() {
                e.successors.iter_mut().for_each(swap);
                e.successors.dedup();
            }
            if c != *u {
                stamp(&mut c.updated_at);
                units.push(c);
            }
        }
        let mut directives = Vec::new();
        for d in self.directives.iter() {
            let mut c = d.clone();
            if let Some(l) = c.lead_unit.as_mut() {
                swap(l)
            }
            c.coordinating_units.iter_mut().for_each(swap);
            let lead = c.lead_unit.clone();
            c.coordinating_units.retain(|u| Some(u) != lead.as_ref());
            let mut seen = Vec::new();
            c.coordinating_units.retain(|u| {
                let fresh = !seen.contains(u);
                seen.push(u.clone());
                fresh
            });
            for h in &mut c.handovers {
                swap(&mut h.from);
                swap(&mut h.to);
            }
            c.handovers.retain(|h| h.from != h.to);
            if c != *d {
                stamp(&mut c.updated_at);
                directives.push(c);
            }
        }
        let mut projects = Vec::new();
        for p in self.projects.iter() {
            let mut c = p.clone();
            if let Some(i) = c.investor.as_mut() {
                swap(i)
            }
            if c != *p {
                stamp(&mut c.updated_at);
                projects.push(c);
            }
        }
        let mut obstacles = Vec::new();
        for o in self.obstacles.iter() {
            let mut c = o.clone();
            if let Some(u) = c.responsible_unit.as_mut() {
                swap(u)
            }
            if c != *o {
                stamp(&mut c.updated_at);
                obstacles.push(c);
            }
        }
        let mut meetings = Vec::new();
        for m in self.meetings.iter() {
            let mut c = m.clone();
            c.attendee_units.iter_mut().for_each(swap);
            c.attendee_units.dedup();
            if c != *m {
                stamp(&mut c.updated_at);
                meetings.push(c);
            }
        }
        Ok(Joined {
            units,
            directives,
            projects,
            obstacles,
            meetings,
        })
    }

    /// Applies a join: the changed records in, the absorbed unit out.
    pub fn apply_join(&mut self, absorbed: &UnitId, joined: Joined) {
        joined.units.into_iter().for_each(|r| self.units.upsert(r));
        joined
            .directives
            .into_iter()
            .for_each(|r| self.directives.upsert(r));
        joined
            .projects
            .into_iter()
            .for_each(|r| self.projects.upsert(r));
        joined
            .obstacles
            .into_iter()
            .for_each(|r| self.obstacles.upsert(r));
        joined
            .meetings
            .into_iter()
            .for_each(|r| self.meetings.upsert(r));
        self.units.remove(absorbed);
    }

    /// Whether any record refers to the unit (then it is never deleted, only archived).
    pub fn unit_is_referred_to(&self, unit: &UnitId) -> bool {
        let u = Some(unit);
        self.directives.iter().any(|d| {
            d.lead_unit.as_ref() == u
                || d.coordinating_units.contains(unit)
                || d.handovers.iter().any(|h| &h.from == unit || &h.to == unit)
        }) || self.projects.iter().any(|p| p.investor.as_ref() == u)
            || self
                .obstacles
                .iter()
                .any(|o| o.responsible_unit.as_ref() == u)
            || self
                .meetings
                .iter()
                .any(|m| m.attendee_units.contains(unit))
            || self.units.iter().any(|x| {
                x.parent.as_ref() == u
                    || x.ended
                        .as_ref()
                        .is_some_and(|e| e.successors.contains(unit))
            })
    }

    /// `incoming` (a colleague's file) read in this register's terms: a unit this register
    /// joined into another is that other unit there too, whatever the file still calls it.
    /// The file's records keep their times, so the import compares them as they were.
    pub fn with_joined_resolved<'a>(&self, incoming: &'a Dataset) -> std::borrow::Cow<'a, Dataset> {
        let pairs: Vec<(&Unit, &UnitId)> = self
            .units
            .iter()
            .flat_map(|u| u.joined.iter().map(move |j| (u, j)))
            .filter(|(_, j)| incoming.unit_is_referred_to(j) || incoming.units.contains(j))
            .collect();
        if pairs.is_empty() {
            return std::borrow::Cow::Borrowed(incoming);
        }
        let mut data = incoming.clone();
        for (kept, absorbed) in pairs {
            let theirs = data.units.get(&kept.id).cloned();
            if !data.units.contains(absorbed) {
                let mut stand_in = kept.clone();
                stand_in.id = absorbed.clone();
                data.units.upsert(stand_in);
            }
            if theirs.is_none() {
                data.units.upsert(kept.clone());
            }
            if let Ok(joined) = data.join_stamped(&kept.id, absorbed, None) {
                data.apply_join(absorbed, joined);
            }
            // Their version of the unit as they sent it (or this register's, if they
            // did not send it): the join only rewrote what refers to it.
            data.units.upsert(theirs.unwrap_or_else(|| kept.clone()));
        }
        std::borrow::Cow::Owned(data)
    }

    /// The unit of the register an id names: itself, or the unit a duplicate with that id
    /// was joined into.
    pub fn unit_for_id(&self, id: &UnitId) -> Option<&Unit> {
        self.units
            .get(id)
            .or_else(|| self.units.iter().find(|u| u.joined.contains(id)))
    }
}

/// The records a join changes (see [`Dataset::join_units`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Joined {
    pub units: Vec<Unit>,
    pub directives: Vec<Directive>,
    pub projects: Vec<crate::domain::projects::project::Project>,
    pub obstacles: Vec<crate::domain::projects::project::Obstacle>,
    pub meetings: Vec<crate::domain::followup::meeting::Meeting>,
}
