//! Importing a file: the plan (each incoming record new, identical, mine, theirs or a
//! conflict against the sync base, rules in the parent module), checking the file's
//! records against the data, and applying the plan with the officer's choices.

use super::*;

fn plan_collection<T: Record>(
    mine: &Collection<T>,
    theirs: &Collection<T>,
    base: &SyncBase,
    based_on: Option<&BTreeMap<String, Fingerprint>>,
    out: &mut ImportPlan,
) {
    let mut touched = 0;
    for (record, existing) in theirs.paired_with(mine) {
        if existing.is_some_and(|m| m == record) {
            touched += 1;
            out.identical += 1;
            continue;
        }
        let id = record.id().to_string();
        let change = match existing {
            None => Change::New,
            Some(m) => {
                let theirs = fingerprint(record);
                // Theirs only when the sender's copy descends from the version held here:
                // told by the file when it says (`based_on`), else by what this side last
                // exchanged.
                let held = Some(fingerprint(m));
                let only_theirs = match based_on {
                    Some(map) => map.get(&id).copied() == held,
                    None => base.last(&id) == held,
                };
                if base.knows(&id, theirs) {
                    Change::Mine
                } else if only_theirs {
                    Change::Theirs
                } else {
                    Change::Conflict
                }
            }
        };
        if existing.is_some() {
            touched += 1;
        }
        let fields = match (existing, change) {
            (Some(m), Change::Theirs | Change::Mine | Change::Conflict) => field_diffs(
                &serde_json::to_value(m).unwrap_or(Value::Null),
                &serde_json::to_value(record).unwrap_or(Value::Null),
            ),
            _ => Vec::new(),
        };
        out.entries.push(Entry {
            kind: T::KIND,
            id,
            label: record.label(),
            change,
            mine_updated: existing.map(Record::updated_at),
            theirs_updated: record.updated_at(),
            fields,
        });
    }
    out.untouched += mine.len() - touched;
}

fn apply_collection<T: Record>(
    mine: &mut Collection<T>,
    theirs: &Collection<T>,
    decide: &dyn Fn(&str) -> Option<Resolution>,
    plan: &BTreeMap<&str, Change>,
    applied: &mut Applied,
) {
    for record in theirs.iter() {
        let id = record.id().to_string();
        let take = match plan.get(id.as_str()) {
            Some(Change::New) => {
                applied.added += 1;
                true
            }
            Some(Change::Theirs) => true,
            Some(Change::Conflict) => match decide(&id) {
                Some(Resolution::TakeTheirs) => true,
                Some(Resolution::NewerWins) => mine
                    .get(record.id())
                    .is_none_or(|m| record.updated_at() > m.updated_at()),
                _ => false,
            },
            _ => false,
        };
        if take {
            if plan.get(id.as_str()) != Some(&Change::New) {
                applied.replaced += 1;
            }
            mine.upsert(record.clone());
        } else if plan.get(id.as_str()) == Some(&Change::Conflict)
            || plan.get(id.as_str()) == Some(&Change::Mine)
        {
            applied.kept += 1;
        }
    }
}

impl Dataset {
    /// The rules `incoming`'s records break once imported here: checked with this data, so
    /// a selection that refers to records already here is fine, and one that refers to
    /// records found nowhere is not. Each record of the file is checked as it would be
    /// taken, in place of the one here (the file's version is what a conflict could bring).
    pub fn check_import(
        &self,
        incoming: &Dataset,
    ) -> Vec<crate::domain::sharing::validate::ValidationError> {
        crate::domain::sharing::validate::validate_incoming(&self.differing(incoming), self)
    }

    /// The records of `incoming` that differ from this data's (new here, or another
    /// version): a record the same here changes nothing by being imported.
    pub fn differing(&self, incoming: &Dataset) -> Dataset {
        struct Differ<'a> {
            here: &'a Dataset,
            out: Dataset,
        }
        impl crate::domain::model::dataset::Visitor for Differ<'_> {
            fn visit<T: Record>(&mut self, c: &Collection<T>) {
                let here = self.here.collection::<T>();
                let out = self.out.collection_mut::<T>();
                for (r, _) in c.paired_with(here).filter(|(r, h)| *h != Some(*r)) {
                    out.upsert(r.clone());
                }
            }
        }
        let mut differ = Differ {
            here: self,
            out: Dataset::default(),
        };
        incoming.visit(&mut differ);
        differ.out.take_changes();
        differ.out
    }

    /// An entry's record named so an officer can find it: a directive with its conclusion
    /// ("16-KL/BCĐ · 4"), an update with its directive ("16-KL/BCĐ · 4 · 20/11/2026").
    /// Looked up in `incoming` first, then here.
    pub fn entry_name(&self, e: &Entry, incoming: &Dataset) -> String {
        let directive = |id: &str| {
            let id = crate::domain::DirectiveId::from(id);
            let find = |d: &Dataset| d.directives.get(&id).cloned();
            find(incoming).or_else(|| find(self))
        };
        let conclusion = |d: &crate::domain::Directive| {
            let find = |data: &Dataset| {
                data.conclusions
                    .get(&d.conclusion)
                    .map(|c| c.number_symbol.clone())
            };
            find(incoming).or_else(|| find(self)).unwrap_or_default()
        };
        match e.kind {
            RecordKind::Directive => directive(&e.id)
                .map(|d| format!("{} · {}", conclusion(&d), e.label))
                .unwrap_or_else(|| e.label.clone()),
            RecordKind::DirectiveUpdate => {
                let id = crate::domain::DirectiveUpdateId::from(e.id.as_str());
                let find = |d: &Dataset| {
                    d.directive_updates
                        .get(&id)
                        .map(|u| u.directive.to_string())
                };
                find(incoming)
                    .or_else(|| find(self))
                    .and_then(|id| directive(&id))
                    .map(|d| format!("{} · {} · {}", conclusion(&d), d.path, e.label))
                    .unwrap_or_else(|| e.label.clone())
            }
            _ => e.label.clone(),
        }
    }

    /// What importing `incoming` would do here, given what was last exchanged.
    pub fn plan_import(&self, incoming: &Dataset, base: &SyncBase) -> ImportPlan {
        self.plan_import_from(incoming, base, None)
    }

    /// [`Dataset::plan_import`] for a file that says which version of each record the
    /// sender's copy descends from (`ExportInfo::based_on`).
    pub fn plan_import_from(
        &self,
        incoming: &Dataset,
        base: &SyncBase,
        based_on: Option<&BTreeMap<String, Fingerprint>>,
    ) -> ImportPlan {
        struct Planner<'a> {
            incoming: &'a Dataset,
            base: &'a SyncBase,
            based_on: Option<&'a BTreeMap<String, Fingerprint>>,
            out: ImportPlan,
        }
        impl Visitor for Planner<'_> {
            fn visit<T: Record>(&mut self, mine: &Collection<T>) {
                let theirs = self.incoming.collection::<T>();
                plan_collection(mine, theirs, self.base, self.based_on, &mut self.out);
            }
        }
        let mut planner = Planner {
            incoming,
            base,
            based_on,
            out: ImportPlan::default(),
        };
        self.visit(&mut planner);
        let mut plan = planner.out;
        self.status_against_updates_here(incoming, base, &mut plan);
        plan
    }

    /// A directive whose status the sender changed while this side recorded an update of it
    /// (not yet exchanged) that states another status or came later: taking theirs would
    /// leave the item's status and its latest update disagreeing, so it is a conflict.
    fn status_against_updates_here(
        &self,
        incoming: &Dataset,
        base: &SyncBase,
        plan: &mut ImportPlan,
    ) {
        let mut theirs: BTreeMap<String, &mut Entry> = plan
            .entries
            .iter_mut()
            .filter(|e| e.kind == RecordKind::Directive && e.change == Change::Theirs)
            .filter(|e| e.fields.iter().any(|f| f.field == "status"))
            .map(|e| (e.id.clone(), e))
            .collect();
        if theirs.is_empty() {
            return;
        }
        for update in self.directive_updates.iter() {
            let Some(entry) = theirs.get_mut(update.directive.as_str()) else {
                continue;
            };
            let unexchanged = !base.0.contains_key(update.id.as_str())
                && !incoming.directive_updates.contains(&update.id);
            let Some(their_status) = incoming
                .directives
                .get(&update.directive)
                .map(|d| &d.status)
            else {
                continue;
            };
            let disagrees = update.status.as_ref().is_some_and(|s| s != their_status)
                || update.updated_at > entry.theirs_updated;
            if unexchanged && disagrees {
                entry.change = Change::Conflict;
            }
        }
    }

    /// What importing `incoming` (as the file gives it) would do here: read in this data's
    /// terms (records joined earlier), with the probable duplicates it holds, and `joins`,
    /// chosen among them, joined. Nothing is joined that is not in `joins`.
    pub fn plan_import_joining(
        &self,
        incoming: &Dataset,
        base: &SyncBase,
        based_on: Option<&BTreeMap<String, Fingerprint>>,
        joins: &[Duplicate],
    ) -> ImportPlan {
        let read = self.resolve_incoming(incoming, &[]);
        let duplicates = self.probable_duplicates(&read);
        let joins: Vec<Duplicate> = joins
            .iter()
            .filter(|j| duplicates.contains(j))
            .cloned()
            .collect();
        let read = if joins.is_empty() {
            read
        } else {
            self.resolve_incoming(incoming, &joins)
        };
        let mut plan = self.plan_import_from(&read, base, based_on);
        plan.duplicates = duplicates;
        plan.joins = joins;
        plan
    }

    /// Applies a plan made by [`Dataset::plan_import_joining`] for `incoming` as the file
    /// gives it (see [`Dataset::apply_import`]).
    pub fn apply_import_joining(
        &mut self,
        incoming: &Dataset,
        plan: &ImportPlan,
        decide: &dyn Fn(&str) -> Option<Resolution>,
        base: &mut SyncBase,
    ) -> Result<Applied, Unresolved> {
        let read = self.resolve_incoming(incoming, &plan.joins);
        self.apply_import(&read, plan, decide, base)
    }

    /// Applies `plan` (made by [`Dataset::plan_import`] for `incoming`), settling each
    /// conflict by `decide(id)`. If any conflict has no resolution nothing is changed.
    /// The base then holds the file's version of each of its records, and each record
    /// here the plan joins a duplicate into remembers its id.
    pub fn apply_import(
        &mut self,
        incoming: &Dataset,
        plan: &ImportPlan,
        decide: &dyn Fn(&str) -> Option<Resolution>,
        base: &mut SyncBase,
    ) -> Result<Applied, Unresolved> {
        let applied = self.apply_records(incoming, plan, decide)?;
        self.remember_joins(&plan.joins);
        base.record_all(incoming);
        Ok(applied)
    }

    /// [`Dataset::apply_import`] without remembering the exchange (to check a file).
    fn apply_records(
        &mut self,
        incoming: &Dataset,
        plan: &ImportPlan,
        decide: &dyn Fn(&str) -> Option<Resolution>,
    ) -> Result<Applied, Unresolved> {
        let open: Vec<String> = plan
            .conflicts()
            .filter(|e| decide(&e.id).is_none())
            .map(|e| e.label.clone())
            .collect();
        if !open.is_empty() {
            return Err(Unresolved(open));
        }
        let changes: BTreeMap<&str, Change> = plan
            .entries
            .iter()
            .map(|e| (e.id.as_str(), e.change))
            .collect();
        struct Applier<'a> {
            incoming: &'a Dataset,
            decide: &'a dyn Fn(&str) -> Option<Resolution>,
            changes: BTreeMap<&'a str, Change>,
            applied: Applied,
        }
        impl VisitorMut for Applier<'_> {
            fn visit<T: Record>(&mut self, mine: &mut Collection<T>) {
                let theirs = self.incoming.collection::<T>();
                apply_collection(mine, theirs, self.decide, &self.changes, &mut self.applied);
            }
        }
        let mut applier = Applier {
            incoming,
            decide,
            changes,
            applied: Applied::default(),
        };
        self.visit_mut(&mut applier);
        let applied = applier.applied;
        Ok(applied)
    }
}
