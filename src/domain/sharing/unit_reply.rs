//! The units' side of a round trip by file: the office sends a unit its package (its list,
//! `Dataset::select(&Scope::Unit)`), the unit records progress and asks for more time, and
//! sends back a reply holding only that; the office takes replies in, several at once,
//! keeping from each only what the unit may say about its own list.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{DirectiveId, UnitId};
use crate::domain::model::record::Record;
use crate::domain::sharing::share::Scope;

/// What the office takes from one unit's reply, and what it leaves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplyIntake {
    /// The unit's updates and requests on directives of its list.
    pub taken: Dataset,
    /// Updates and requests on directives outside the unit's list (left out).
    pub outside_list: usize,
    /// Records of other kinds the file carried (left out: a unit changes only its reports
    /// and requests).
    pub other_records: usize,
    /// Updates and requests the office already holds as they are (a reply taken twice).
    pub already_held: usize,
    /// When the unit's package was made, as the reply says.
    pub package_at: Option<DateTime<Utc>>,
    /// Directives of the unit's list the office changed after that package was made (the
    /// unit reported on an older version of them; its reports are still taken).
    pub changed_since_package: usize,
}

impl Dataset {
    /// The directives on `unit`'s list: what its package carries (led, coordinating,
    /// inherited, with their headings).
    pub fn unit_list(&self, unit: &UnitId) -> BTreeSet<DirectiveId> {
        self.unit_directives(unit).map(|d| d.id.clone()).collect()
    }

    /// The reply of `unit`: the updates and extension requests made or changed since its
    /// package was made (`since`) on directives of its list, and nothing else.
    pub fn unit_reply(&self, unit: &UnitId, since: DateTime<Utc>) -> Dataset {
        let list = self.unit_list(unit);
        let mut reply = Dataset::default();
        for u in self
            .directive_updates
            .iter()
            .filter(|u| u.updated_at > since && list.contains(&u.directive))
        {
            reply.directive_updates.upsert(u.clone());
        }
        for r in self
            .extension_requests
            .iter()
            .filter(|r| r.updated_at > since && list.contains(&r.directive))
        {
            reply.extension_requests.upsert(r.clone());
        }
        reply.directive_updates.take_changed();
        reply.extension_requests.take_changed();
        reply
    }

    /// What the office takes from `reply`, a file from `unit`: its updates and requests on
    /// directives of the unit's list as the office's data has it; everything else is left
    /// out and counted.
    /// `package_at`: when the unit's package was made, as the reply's envelope says.
    pub fn reply_intake(
        &self,
        reply: &Dataset,
        unit: &UnitId,
        package_at: Option<DateTime<Utc>>,
    ) -> ReplyIntake {
        let list = self.unit_list(unit);
        let mut intake = ReplyIntake {
            package_at,
            ..ReplyIntake::default()
        };
        for u in reply.directive_updates.iter() {
            if !list.contains(&u.directive) {
                intake.outside_list += 1;
            } else if self.directive_updates.get(&u.id) == Some(u) {
                intake.already_held += 1;
            } else {
                intake.taken.directive_updates.upsert(u.clone());
            }
        }
        for r in reply.extension_requests.iter() {
            if !list.contains(&r.directive) || &r.unit != unit {
                intake.outside_list += 1;
            } else if self.extension_requests.get(&r.id) == Some(r) {
                intake.already_held += 1;
            } else {
                intake.taken.extension_requests.upsert(r.clone());
            }
        }
        if let Some(at) = package_at {
            intake.changed_since_package = self
                .unit_directives(unit)
                .filter(|d| d.updated_at > at)
                .count();
        }
        intake.other_records =
            reply.total_records() - reply.directive_updates.len() - reply.extension_requests.len();
        intake.taken.directive_updates.take_changed();
        intake.taken.extension_requests.take_changed();
        intake
    }
}

/// The unit a file is the reply of: an export of a unit holding only updates and
/// extension requests (a package or a whole export is not a reply).
pub fn reply_of(loaded: &crate::domain::sharing::Loaded) -> Option<UnitId> {
    let data = &loaded.dataset;
    let only_reports = data.total_records() > 0
        && data.total_records() == data.directive_updates.len() + data.extension_requests.len();
    match loaded.export.as_ref().map(|e| &e.scope) {
        Some(Scope::Unit(unit)) if only_reports => Some(unit.clone()),
        _ => None,
    }
}

/// Several replies taken together, for one preview and one undo: a record two files carry
/// is taken once (the later version, when they differ).
pub fn replies_together(intakes: &[ReplyIntake]) -> Dataset {
    let mut all = Dataset::default();
    for i in intakes {
        for u in i.taken.directive_updates.iter() {
            keep_later(&mut all.directive_updates, u);
        }
        for r in i.taken.extension_requests.iter() {
            keep_later(&mut all.extension_requests, r);
        }
    }
    all.directive_updates.take_changed();
    all.extension_requests.take_changed();
    all
}

impl ReplyIntake {
    /// Nothing to take: every report already held, or nothing on the unit's list.
    pub fn is_empty(&self) -> bool {
        self.taken.total_records() == 0
    }
}

fn keep_later<T: Record>(into: &mut crate::domain::Collection<T>, record: &T) {
    if into
        .get(record.id())
        .is_none_or(|kept| kept.updated_at() < record.updated_at())
    {
        into.upsert(record.clone());
    }
}
