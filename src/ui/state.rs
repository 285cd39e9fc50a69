//! The one owner of the application's state, and the one place that persists it.
//!
//! Components read the dataset through [`AppState::data`] and change it only through
//! [`AppState::edit`], which marks the change and schedules a batched save: storage is
//! written at most once per [`SAVE_DELAY_MS`], never per keystroke, and at once when the
//! page is hidden or closed.

use chrono::{DateTime, NaiveDate, Utc};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use super::browser::{self, Settings};
use crate::domain::merge::{Applied, Entry, ImportPlan, Resolution, SyncBase, Unresolved};
use crate::domain::share::{file_name, ExportFile, ExportInfo, Officer, Scope};
use crate::domain::{Dataset, Record};
use crate::i18n::{Lang, Msg};
use crate::route::Route;
use crate::storage::local::LocalKv;
use crate::storage::repo::{AsideReason, MANIFEST_KEY};
use crate::storage::side::{self, UndoImport, SYNC_KEY, UNDO_HEAD_KEY};
use crate::storage::snapshots::{self, SnapshotInfo};
use crate::storage::{KeyValue, LoadOutcome, Repository, WriteError};

pub const SAVE_DELAY_MS: u32 = 400;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saved(Option<DateTime<Utc>>),
    Pending,
    Failed(WriteError),
}

/// What the browser answered when asked to keep this site's storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    Asking,
    Granted,
    /// The browser may clear the data when the disk is short of space.
    NotGranted,
    /// This browser (or a page opened from a file) offers no such promise.
    Unsupported,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub data: RwSignal<Dataset>,
    pub lang: RwSignal<Lang>,
    /// This browser's preferences and the office's rules (tolerance, due-soon days).
    pub settings: RwSignal<Settings>,
    pub route: RwSignal<Route>,
    pub save_status: RwSignal<SaveStatus>,
    /// Why stored data was set aside at start-up, if it was.
    pub aside: RwSignal<Option<AsideReason>>,
    /// The version stored data was migrated from at start-up, if it was.
    pub migrated_from: RwSignal<Option<u32>>,
    pub today: NaiveDate,
    /// What the last import was, while it can be undone.
    pub undo_label: RwSignal<Option<(String, DateTime<Utc>)>>,
    /// Records this tab changed while another tab (or an import) changed them too: the
    /// other version was kept; this tab's is held in `tab_versions` until the officer
    /// restores or dismisses it.
    pub tab_conflicts: RwSignal<Vec<Entry>>,
    tab_versions: StoredValue<Dataset, LocalStorage>,
    pub persistence: RwSignal<Persistence>,
    no_room_for_snapshots: StoredValue<bool, LocalStorage>,
    undo: StoredValue<Option<UndoImport>, LocalStorage>,
    /// What was last exchanged with other officers, record by record.
    sync_base: StoredValue<SyncBase, LocalStorage>,
    repo: StoredValue<Repository<LocalKv>, LocalStorage>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
}

impl AppState {
    /// Reads settings and stored data; never fails (unreadable data is set aside).
    pub fn load(hash: &str) -> Self {
        let mut repo = Repository::new(LocalKv::open());
        let loaded = browser::timed("dondoc-load", || repo.load(&browser::stamp()));
        let (dataset, aside, migrated_from) = match loaded {
            LoadOutcome::Empty => (Dataset::default(), None, None),
            LoadOutcome::Loaded {
                dataset,
                migrated_from,
            } => (*dataset, None, migrated_from),
            LoadOutcome::SetAside(set_aside) => (Dataset::default(), Some(set_aside.reason), None),
        };
        let settings = Settings::load();
        let sync_base: SyncBase = side::read(repo.kv(), SYNC_KEY).unwrap_or_default();
        let undo_head = side::read_undo_head(repo.kv());
        let state = AppState {
            data: RwSignal::new(dataset),
            lang: RwSignal::new(settings.lang()),
            settings: RwSignal::new(settings),
            route: RwSignal::new(Route::parse(hash)),
            save_status: RwSignal::new(SaveStatus::Saved(None)),
            aside: RwSignal::new(aside),
            migrated_from: RwSignal::new(migrated_from),
            today: browser::today(),
            undo_label: RwSignal::new(undo_head),
            // Decoded from storage only when the officer undoes.
            undo: StoredValue::new_local(None),
            tab_conflicts: RwSignal::new(Vec::new()),
            tab_versions: StoredValue::new_local(Dataset::default()),
            persistence: RwSignal::new(Persistence::Asking),
            no_room_for_snapshots: StoredValue::new_local(false),
            sync_base: StoredValue::new_local(sync_base),
            repo: StoredValue::new_local(repo),
            timer: StoredValue::new_local(None),
        };
        if migrated_from.is_some() {
            state.flush();
        }
        state
    }

    /// The label in the current language (tracked: the view updates when it changes).
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.settings
            .update(|s| s.lang = Some(lang.code().to_owned()));
        self.settings.with_untracked(Settings::save);
    }

    /// Replaces the settings and keeps them in this browser.
    pub fn set_settings(&self, settings: Settings) {
        settings.save();
        self.settings.set(settings);
    }

    /// Points below the straight-line trajectory still counted on schedule (tracked).
    pub fn tolerance(&self) -> f64 {
        self.settings.with(Settings::tolerance_points)
    }

    /// Days before a deadline that count as "due soon" (tracked).
    pub fn due_soon_days(&self) -> u64 {
        self.settings.with(Settings::due_soon_days)
    }

    /// Changes the dataset and schedules a save.
    pub fn edit<R>(&self, f: impl FnOnce(&mut Dataset) -> R) -> R {
        let result = self
            .data
            .try_update(f)
            .expect("the app state lives as long as the app");
        self.forget_undo();
        self.schedule_save();
        result
    }

    /// The undo of the last import or restore is offered only until the data changes again
    /// (here or in another tab): undoing later would throw away what was done since.
    fn forget_undo(&self) {
        if self.undo_label.get_untracked().is_some() {
            self.undo.set_value(None);
            self.undo_label.set(None);
            self.repo
                .update_value(|repo| side::remove_undo(repo.kv_mut()));
        }
    }

    fn schedule_save(&self) {
        if !matches!(self.save_status.get_untracked(), SaveStatus::Failed(_)) {
            self.save_status.set(SaveStatus::Pending);
        }
        let state = *self;
        self.timer.update_value(|timer| {
            if timer.is_none() {
                *timer = Some(Timeout::new(SAVE_DELAY_MS, move || state.flush()));
            }
        });
    }

    /// Saves a record edited in a form opened on the version changed at `opened` (`None`
    /// for a new record). When another tab or an import changed it since, the other
    /// version stays and this one is set aside and shown: returns false.
    pub fn save_edit<T: Record>(&self, record: T, opened: Option<DateTime<Utc>>) -> bool {
        match self.edit(|d| d.save_edit(record, opened)) {
            Ok(()) => true,
            Err(refused) => {
                let (entry, mine) = *refused;
                self.set_aside_version(entry, |v| v.collection_mut::<T>().upsert(mine));
                false
            }
        }
    }

    fn set_aside_version(&self, entry: Entry, keep: impl FnOnce(&mut Dataset)) {
        self.tab_versions.update_value(keep);
        self.tab_conflicts.update(|c| {
            c.retain(|e| e.id != entry.id);
            c.push(entry);
        });
    }

    /// Brings in what another tab saved, keeping this tab's unsaved changes; records both
    /// changed are set aside and shown. Runs on the other tab's storage event and before
    /// every save, so a save never overwrites another tab's.
    pub fn sync_from_elsewhere(&self) {
        let Some(stored) = self
            .repo
            .try_update_value(|repo| repo.changed_elsewhere())
            .flatten()
        else {
            return;
        };
        let Some(result) = self
            .data
            .try_update(|d| d.rebase(stored, &crate::domain::Changes::new()))
        else {
            return;
        };
        for entry in result.conflicts {
            let id = entry.id.clone();
            let now = browser::now();
            self.set_aside_version(entry, |v| {
                v.restore_version(&result.mine, &id, now);
            });
        }
        if self.data.with_untracked(Dataset::has_changes) {
            self.schedule_save();
        }
    }

    /// Puts this tab's set-aside version of record `id` back in place of the other one.
    pub fn keep_tab_version(&self, id: &str) {
        let versions = self.tab_versions.with_value(Clone::clone);
        self.edit(|d| d.restore_version(&versions, id, browser::now()));
        self.dismiss_tab_version(id);
    }

    pub fn dismiss_tab_version(&self, id: &str) {
        self.tab_conflicts.update(|c| c.retain(|e| e.id != id));
    }

    /// Another tab wrote `key` (`None`: storage was cleared).
    pub fn on_storage(&self, key: Option<String>) {
        match key.as_deref() {
            Some(SYNC_KEY) => {
                let base = self
                    .repo
                    .with_value(|r| side::read(r.kv(), SYNC_KEY))
                    .unwrap_or_default();
                self.sync_base.set_value(base);
            }
            // Written after the copy and removed with it: the copy itself is read on undo.
            Some(UNDO_HEAD_KEY) => {
                self.undo_label
                    .set(self.repo.with_value(|r| side::read_undo_head(r.kv())));
                self.undo.set_value(None);
            }
            Some(browser::SETTINGS_KEY) => {
                let settings = Settings::load();
                self.lang.set(settings.lang());
                self.settings.set(settings);
            }
            Some(MANIFEST_KEY) => self.sync_from_elsewhere(),
            // Everything cleared elsewhere (or an unknown change): look at it all again.
            None => {
                self.undo_label
                    .set(self.repo.with_value(|r| side::read_undo_head(r.kv())));
                self.undo.set_value(None);
                self.sync_from_elsewhere();
            }
            Some(_) => {}
        }
    }

    /// Writes pending changes now.
    pub fn flush(&self) {
        self.timer.update_value(|timer| {
            if let Some(t) = timer.take() {
                t.cancel();
            }
        });
        self.sync_from_elsewhere();
        let now = browser::now();
        let result = self
            .repo
            .try_update_value(|repo| {
                self.data.try_update_untracked(|data| {
                    let mut result = browser::timed("dondoc-save", || repo.save(data));
                    // The data comes first: the undo copy and then snapshots give up their
                    // room, oldest first; no snapshot is taken again this session.
                    if result == Err(WriteError::Quota) {
                        side::remove_undo(repo.kv_mut());
                        self.no_room_for_snapshots.set_value(true);
                        result = repo.save(data);
                    }
                    while result == Err(WriteError::Quota) && snapshots::drop_oldest(repo.kv_mut())
                    {
                        result = repo.save(data);
                    }
                    // Only after a save that wrote something (a page closing unchanged takes none).
                    let wrote = matches!(&result, Ok(stats) if stats.shards_written > 0);
                    if wrote
                        && !self.no_room_for_snapshots.get_value()
                        && snapshots::due(repo.kv(), now)
                    {
                        let taken = browser::timed("dondoc-snapshot", || {
                            snapshots::take(repo.kv_mut(), data, now, browser::utc_offset(now))
                        });
                        // No room for it: not tried again this session.
                        if taken.is_err() {
                            self.no_room_for_snapshots.set_value(true);
                        }
                    }
                    result
                })
            })
            .flatten();
        match result {
            Some(Ok(_)) => self
                .save_status
                .set(SaveStatus::Saved(Some(browser::now()))),
            Some(Err(e)) => self.save_status.set(SaveStatus::Failed(e)),
            None => {}
        }
    }

    /// What importing `incoming` would do, before anything is written.
    /// `based_on`: what the file says its records descend from, when it says.
    pub fn plan_import(
        &self,
        incoming: &Dataset,
        based_on: Option<&std::collections::BTreeMap<String, u64>>,
    ) -> ImportPlan {
        let base = self.sync_base.with_value(Clone::clone);
        self.data
            .with_untracked(|d| d.plan_import_from(incoming, &base, based_on))
    }

    /// Applies an import planned by [`AppState::plan_import`], keeping the data as it was
    /// to undo it in one click. Nothing changes if a conflict has no resolution.
    pub fn import(
        &self,
        incoming: &Dataset,
        plan: &ImportPlan,
        decide: &dyn Fn(&str) -> Option<Resolution>,
        label: String,
    ) -> Result<Applied, Unresolved> {
        self.sync_from_elsewhere();
        let mut data = self.data.get_untracked();
        let mut base = self.sync_base.with_value(Clone::clone);
        let applied = data.apply_import(incoming, plan, decide, &mut base)?;
        self.replace_with_undo(data, base, label, false);
        Ok(applied)
    }

    /// Stores a conclusion read from a notice, its directives and the units accepted, in one
    /// step that [`AppState::undo_import`] reverses.
    pub fn add_read_notice(&self, saved: crate::domain::reading::review::Saved, label: String) {
        self.sync_from_elsewhere();
        let mut data = self.data.get_untracked();
        saved.add_to(&mut data);
        let base = self.sync_base.with_value(Clone::clone);
        self.replace_with_undo(data, base, label, false);
    }

    /// Replaces the data (an import, a restored snapshot), keeping what it was to undo it.
    /// `rewrite`: records may have gone, so every part of storage is rewritten.
    fn replace_with_undo(&self, data: Dataset, base: SyncBase, label: String, rewrite: bool) {
        self.sync_from_elsewhere();
        let undo = UndoImport {
            label,
            at: browser::now(),
            data: self.data.get_untracked(),
            base: self.sync_base.with_value(Clone::clone),
        };
        // Kept in memory whatever happens; in storage too when it fits.
        self.repo
            .update_value(|repo| side::write_undo(repo.kv_mut(), &undo));
        self.undo_label.set(Some((undo.label.clone(), undo.at)));
        self.undo.set_value(Some(undo));
        self.data.set(data);
        if rewrite {
            self.repo.update_value(|repo| repo.rewrite_everything());
        }
        self.set_sync_base(base);
        self.flush();
    }

    /// The snapshots kept in this browser, newest first (tracked: follows saves).
    pub fn snapshots(&self) -> Vec<SnapshotInfo> {
        self.save_status.track();
        self.repo.with_value(|repo| snapshots::list(repo.kv()))
    }

    /// What restoring snapshot `key` would do, before anything is changed.
    pub fn snapshot_preview(&self, key: &str) -> Option<(Dataset, ImportPlan)> {
        let snapshot = self
            .repo
            .with_value(|repo| snapshots::read(repo.kv(), key))?;
        let plan = self
            .data
            .with_untracked(|d| d.plan_import(&snapshot, &SyncBase::default()));
        Some((snapshot, plan))
    }

    /// Puts the data back as it was in a snapshot; undone like an import.
    pub fn restore_snapshot(&self, snapshot: Dataset, label: String) {
        let base = self.sync_base.with_value(Clone::clone);
        self.replace_with_undo(snapshot, base, label, true);
    }

    /// Puts the data back as it was before the last import. `false` when the copy to undo
    /// with is gone or unreadable (given up for room, undone in another tab, damaged): then
    /// nothing changes and the undo is no longer offered.
    pub fn undo_import(&self) -> bool {
        self.sync_from_elsewhere();
        let in_memory = self.undo.try_update_value(Option::take).flatten();
        let stored = || self.repo.with_value(|r| side::read_undo(r.kv()));
        let Some(undo) = in_memory.or_else(stored) else {
            self.undo_label.set(None);
            self.repo
                .update_value(|repo| side::remove_undo(repo.kv_mut()));
            return false;
        };
        self.data.set(undo.data);
        self.set_sync_base(undo.base);
        self.repo.update_value(|repo| {
            repo.rewrite_everything();
            side::remove_undo(repo.kv_mut());
        });
        self.undo_label.set(None);
        self.flush();
        true
    }

    fn set_sync_base(&self, base: SyncBase) {
        self.repo.update_value(|repo| {
            let _ = side::write(repo.kv_mut(), SYNC_KEY, &base);
        });
        self.sync_base.set_value(base);
    }

    /// Downloads `scope` as a file in its envelope, and remembers its records as exchanged.
    pub fn export(&self, scope: Scope) {
        let (file, label) = self.data.with_untracked(|d| d.select(&scope));
        let settings = self.settings.get_untracked();
        let now = browser::now();
        let based_on = self.sync_base.with_value(|b| b.based_on(&file));
        let info = ExportInfo {
            based_on,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            exported_at: now,
            exported_by: Officer {
                name: settings.officer_name.clone(),
                office: settings.office.clone(),
            },
            scope: scope.clone(),
            scope_label: label.clone(),
        };
        let text = serde_json::to_string(&ExportFile {
            data: &file,
            export: &info,
        })
        .unwrap_or_default();
        browser::download(
            &file_name(&scope, &label, browser::today()),
            "application/json",
            &text,
        );
        let mut base = self.sync_base.with_value(Clone::clone);
        base.record_all(&file);
        self.set_sync_base(base);
        if scope == Scope::All {
            self.set_settings(Settings {
                last_export_at: Some(now),
                ..settings
            });
        }
    }

    /// Storage used by everything this origin keeps, in UTF-16 units.
    pub fn storage_used(&self) -> usize {
        self.repo.with_value(|repo| repo.kv().used_units())
    }

    pub fn aside_export(&self) -> Option<String> {
        self.repo.with_value(|repo| repo.aside_export())
    }

    pub fn has_aside(&self) -> bool {
        self.repo.with_value(|repo| repo.has_aside())
    }
}

/// Offers everything in memory as a file: the way out when storage fails.
pub fn export_all(state: &AppState) {
    state.export(Scope::All);
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
