//! The session's whole-data changes: an import from a colleague's file, a notice read into
//! the data, a restored snapshot and the undo of any of them (each keeps what it replaced),
//! and the export of a file with what it descends from (rules in the parent module).

use chrono::{DateTime, FixedOffset, Utc};

use super::*;
use crate::domain::sharing::Duplicate;

impl<K: KeyValue> Session<K> {
    /// What importing `incoming` would do, before anything is written. `based_on`: what
    /// the file says its records descend from, when it says.
    pub fn plan_import(
        &self,
        incoming: &Dataset,
        based_on: Option<&std::collections::BTreeMap<String, u64>>,
    ) -> ImportPlan {
        self.plan_import_joining(incoming, based_on, &[])
    }

    /// [`Session::plan_import`] with `joins`, chosen among the plan's probable duplicates,
    /// joined to the records here.
    pub fn plan_import_joining(
        &self,
        incoming: &Dataset,
        based_on: Option<&std::collections::BTreeMap<String, u64>>,
        joins: &[Duplicate],
    ) -> ImportPlan {
        self.data
            .plan_import_joining(incoming, &self.sync_base, based_on, joins)
    }

    /// Applies an import planned by [`Session::plan_import`], keeping the data as it was
    /// to undo it in one step. Nothing changes if a conflict has no resolution.
    #[allow(clippy::too_many_arguments)]
    pub fn import(
        &mut self,
        incoming: &Dataset,
        plan: &ImportPlan,
        planned_at: u64,
        decide: &dyn Fn(&str) -> Option<Resolution>,
        label: String,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Result<Applied, ImportRefused> {
        self.sync_from_elsewhere(now);
        // Another tab saved (or this one changed) since the preview: what the officer saw
        // is not what would happen. Nothing is applied; the caller plans again.
        if self.revision != planned_at {
            return Err(ImportRefused::Changed);
        }
        let mut data = Dataset::clone(&self.data);
        let mut base = self.sync_base.clone();
        let applied = data
            .apply_import_joining(incoming, plan, decide, &mut base)
            .map_err(ImportRefused::Unresolved)?;
        self.replace_with_undo(data, base, label, now, offset);
        Ok(applied)
    }

    /// Stores a conclusion read from a notice, its directives and the units accepted, in
    /// one step that [`Session::undo_import`] reverses.
    pub fn add_read_notice(
        &mut self,
        saved: Saved,
        label: String,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) {
        self.sync_from_elsewhere(now);
        let mut data = Dataset::clone(&self.data);
        saved.add_to(&mut data);
        let base = self.sync_base.clone();
        self.replace_with_undo(data, base, label, now, offset);
    }

    /// Replaces the data, keeping what it was to undo it; records it changed keep the
    /// version they started from (see the module's rules), and the whole of storage is
    /// rewritten (records may have gone).
    fn replace_with_undo(
        &mut self,
        mut data: Dataset,
        base: SyncBase,
        label: String,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) {
        self.sync_from_elsewhere(now);
        data.mark_replacing(&self.data);
        let undo = UndoImport {
            label,
            at: now,
            data: {
                self.data_changed();
                Rc::unwrap_or_clone(std::mem::replace(&mut self.data, Rc::new(data)))
                    .without_pending_changes()
            },
            base: std::mem::replace(&mut self.sync_base, base),
        };
        // Kept in memory whatever happens; in storage too when it fits.
        side::write_undo(self.repo.kv_mut(), &undo);
        self.undo_head = Some((undo.label.clone(), undo.at));
        self.undo = Some(undo);
        self.repo.rewrite_everything();
        self.write_sync_base();
        self.mark_pending();
        self.flush(now, offset);
    }

    /// The snapshots kept in this browser, newest first.
    pub fn snapshots(&self) -> Vec<SnapshotInfo> {
        snapshots::list(self.repo.kv())
    }

    /// What restoring snapshot `key` would do, before anything is changed.
    pub fn snapshot_preview(&self, key: &str) -> Option<(Dataset, ImportPlan)> {
        let snapshot = snapshots::read(self.repo.kv(), key)?;
        let plan = self.data.plan_import(&snapshot, &SyncBase::default());
        Some((snapshot, plan))
    }

    /// Puts the data back as it was in a snapshot; undone like an import.
    pub fn restore_snapshot(
        &mut self,
        snapshot: Dataset,
        label: String,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) {
        let base = self.sync_base.clone();
        self.replace_with_undo(snapshot, base, label, now, offset);
    }

    /// Puts the data back as it was before the last import or restore. `false` when the
    /// copy to undo with is gone or unreadable (given up for room, undone in another tab,
    /// damaged): then nothing changes and the undo is no longer offered.
    pub fn undo_import(&mut self, now: DateTime<Utc>, offset: FixedOffset) -> bool {
        self.sync_from_elsewhere(now);
        let undo = self.undo.take().or_else(|| side::read_undo(self.repo.kv()));
        self.undo_head = None;
        let Some(undo) = undo else {
            side::remove_undo(self.repo.kv_mut());
            return false;
        };
        let mut data = undo.data;
        data.mark_replacing(&self.data);
        self.data_changed();
        self.data = Rc::new(data);
        self.sync_base = undo.base;
        self.write_sync_base();
        self.repo.rewrite_everything();
        side::remove_undo(self.repo.kv_mut());
        self.mark_pending();
        self.flush(now, offset);
        true
    }

    fn write_sync_base(&mut self) {
        let _ = side::write(self.repo.kv_mut(), SYNC_KEY, &self.sync_base);
    }

    /// The file for `scope` in its envelope; its records are remembered as exchanged.
    /// `today`: the officer's date, for the file's name.
    pub fn export(
        &mut self,
        scope: Scope,
        officer: Officer,
        now: DateTime<Utc>,
        today: chrono::NaiveDate,
    ) -> Exported {
        let file = self.export_one_of_many(scope, officer, now, today);
        self.remember_exchanged();
        file
    }

    /// What was exported is kept as exchanged (after [`Session::export_one_of_many`]).
    pub fn remember_exchanged(&mut self) {
        self.write_sync_base();
    }

    /// [`Session::export`] of one file among many (every unit's package): its records
    /// remembered as exchanged in memory, written once by [`Session::remember_exchanged`].
    pub fn export_one_of_many(
        &mut self,
        scope: Scope,
        officer: Officer,
        now: DateTime<Utc>,
        today: chrono::NaiveDate,
    ) -> Exported {
        let (file, label) = self.data.select(&scope);
        let info = ExportInfo {
            based_on: self.sync_base.based_on(&file),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            exported_at: now,
            exported_by: officer,
            scope: scope.clone(),
            scope_label: label.clone(),
            package_at: None,
        };
        let text = serde_json::to_string(&ExportFile {
            data: &file,
            export: &info,
        })
        .unwrap_or_default();
        self.sync_base.record_all(&file);
        Exported {
            name: file_name(&scope, &label, today),
            text,
        }
    }

    /// The reply of `unit` (its updates and requests since its package was made, `since`),
    /// as a file named for the unit and the day, unlike the package it answers.
    pub fn export_reply(
        &mut self,
        unit: &crate::domain::UnitId,
        since: DateTime<Utc>,
        officer: Officer,
        now: DateTime<Utc>,
        today: chrono::NaiveDate,
    ) -> Exported {
        let file = self.data.unit_reply(unit, since);
        let label = self.data.unit_name(unit);
        let info = ExportInfo {
            based_on: self.sync_base.based_on(&file),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            exported_at: now,
            exported_by: officer,
            scope: Scope::Unit(unit.clone()),
            scope_label: label.clone(),
            package_at: Some(since),
        };
        let text = serde_json::to_string(&ExportFile {
            data: &file,
            export: &info,
        })
        .unwrap_or_default();
        Exported {
            name: crate::domain::sharing::reply_file_name(&label, today),
            text,
        }
    }
}
