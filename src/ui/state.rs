//! The one owner of the application's state in the browser: signals over the
//! [`Session`](crate::storage::session::Session) that holds the data and its save and sharing
//! protocol (plain Rust, tested natively), the save timer, and the browser's events.
//!
//! Components read the dataset through [`AppState::data`] and change it only through
//! [`AppState::edit`], which marks the change and schedules a batched save: storage is
//! written at most once per [`SAVE_DELAY_MS`], never per keystroke, and at once when the
//! page is hidden or closed.

use chrono::{DateTime, NaiveDate, Utc};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use super::browser::{self, Settings};
use super::commit_lock;
pub use super::data_signal::DataSignal;
use super::data_signal::SessionCell;
use crate::domain::sharing::{Applied, Entry, ImportPlan, Resolution};
use crate::domain::sharing::{Officer, Scope};
use crate::domain::{Dataset, Record};
use crate::i18n::{Lang, Msg};
use crate::route::Route;
use crate::storage::local::LocalKv;
use crate::storage::repo::AsideReason;
pub use crate::storage::session::SaveStatus;
use crate::storage::session::{Heard, ImportRefused, Session};
use crate::storage::snapshots::SnapshotInfo;
use crate::storage::KeyValue;

pub const SAVE_DELAY_MS: u32 = 400;

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

fn measure(name: &str, f: &mut dyn FnMut()) {
    browser::timed(name, f)
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub data: DataSignal,
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
    /// Records this tab changed while another tab (or an import) changed them too.
    pub tab_conflicts: RwSignal<Vec<Entry>>,
    pub persistence: RwSignal<Persistence>,
    /// Whether the office's shared file changed since this browser took it in (checked at
    /// start-up when served over HTTP).
    pub shared: RwSignal<Option<crate::storage::shared::Freshness>>,
    /// Whether a file is being made (a step at a time): the download buttons wait, and the
    /// page says so.
    pub making: RwSignal<bool>,
    /// Bumped when a snapshot has been stored (the Data screen lists them).
    snapshots_changed: RwSignal<u64>,
    session: SessionCell,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
    snapshot_timer: StoredValue<Option<Timeout>, LocalStorage>,
    /// Where this browser stands with the province's network, once it syncs.
    pub link: RwSignal<Option<crate::domain::network::Link>>,
    /// Bumped after each run (the conflicts and refusals listed are read again).
    network_changed: RwSignal<u64>,
    syncing: StoredValue<bool>,
    sync_timer: StoredValue<Option<gloo_timers::callback::Interval>, LocalStorage>,
}

mod network;
mod units_side;
pub use network::CONTINUOUS_SECONDS;

impl AppState {
    /// Reads settings and stored data; never fails (unreadable data is set aside).
    pub fn load(hash: &str) -> Self {
        let now = browser::now();
        let (session, opened) = Session::open_measured(
            LocalKv::open(),
            &browser::stamp(),
            now,
            browser::utc_offset(now),
            measure,
        );
        let settings = Settings::load();
        let undo_head = session.undo_head().cloned();
        let status = session.status().clone();
        let session = StoredValue::new_local(session);
        AppState {
            data: DataSignal::new(session),
            lang: RwSignal::new(settings.lang()),
            settings: RwSignal::new(settings),
            route: RwSignal::new(Route::parse(hash)),
            save_status: RwSignal::new(status),
            aside: RwSignal::new(opened.aside),
            migrated_from: RwSignal::new(opened.migrated_from),
            today: browser::today(),
            undo_label: RwSignal::new(undo_head),
            tab_conflicts: RwSignal::new(Vec::new()),
            persistence: RwSignal::new(Persistence::Asking),
            shared: RwSignal::new(None),
            making: RwSignal::new(false),
            snapshots_changed: RwSignal::new(0),
            session,
            timer: StoredValue::new_local(None),
            snapshot_timer: StoredValue::new_local(None),
            link: RwSignal::new(None),
            network_changed: RwSignal::new(0),
            syncing: StoredValue::new(false),
            sync_timer: StoredValue::new_local(None),
        }
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

    fn due_soon_days_untracked(&self) -> u64 {
        self.settings.with_untracked(Settings::due_soon_days)
    }

    /// Runs `f` on the session, then brings the signals up to date with it.
    fn with_session<R>(&self, data_changed: bool, f: impl FnOnce(&mut Session<LocalKv>) -> R) -> R {
        let result = self
            .session
            .try_update_value(f)
            .expect("the app state lives as long as the app");
        self.session.with_value(|s| {
            let status = s.status().clone();
            if self.save_status.with_untracked(|old| *old != status) {
                self.save_status.set(status);
            }
            let head = s.undo_head().cloned();
            if self.undo_label.with_untracked(|old| *old != head) {
                self.undo_label.set(head);
            }
            if self
                .tab_conflicts
                .with_untracked(|old| old.as_slice() != s.tab_conflicts())
            {
                self.tab_conflicts.set(s.tab_conflicts().to_vec());
            }
        });
        if data_changed {
            self.data.changed();
        }
        result
    }

    /// Changes the dataset and schedules a save.
    pub fn edit<R>(&self, f: impl FnOnce(&mut Dataset) -> R) -> R {
        let result = self.with_session(true, |s| s.edit(f));
        self.schedule_save();
        result
    }

    fn schedule_save(&self) {
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
        let saved = self.with_session(true, |s| s.save_edit(record, opened));
        self.schedule_save();
        saved
    }

    /// Puts this tab's set-aside version of record `id` back in place of the other one.
    pub fn keep_tab_version(&self, id: &str) {
        self.with_session(true, |s| s.keep_tab_version(id, browser::now()));
        self.schedule_save();
    }

    pub fn dismiss_tab_version(&self, id: &str) {
        self.with_session(false, |s| s.dismiss_tab_version(id));
    }

    /// Another tab wrote `key` (`None`: storage was cleared).
    pub fn on_storage(&self, key: Option<String>) {
        if key.as_deref() == Some(browser::SETTINGS_KEY) {
            let settings = Settings::load();
            self.lang.set(settings.lang());
            self.settings.set(settings);
            return;
        }
        let mut heard = Heard::default();
        self.with_session(false, |s| heard = s.heard(key.as_deref(), browser::now()));
        if heard.data {
            // The screen is drawn again in a task of its own: taking the commit in and
            // drawing the screen each stay well under the 50 ms a task may hold the page.
            let state = *self;
            Timeout::new(0, move || {
                state.data.changed();
                state.warm_up(0);
            })
            .forget();
        }
        if heard.save_due {
            self.schedule_save();
        }
    }

    /// Writes pending changes as soon as this tab holds the commit lock.
    pub fn flush(&self) {
        self.timer.update_value(|timer| {
            if let Some(t) = timer.take() {
                t.cancel();
            }
        });
        let state = *self;
        commit_lock::with_commit_lock(move || state.commit());
    }

    /// Writes pending changes now, without waiting for the other tabs: when the page is
    /// going away, there is no later.
    pub fn flush_now(&self) {
        self.timer.update_value(|timer| {
            if let Some(t) = timer.take() {
                t.cancel();
            }
        });
        self.commit();
    }

    /// Takes in another tab's commit, then writes this tab's changes on it.
    fn commit(&self) {
        let now = browser::now();
        let mut synced = false;
        self.with_session(false, |s| {
            synced = s.sync_from_elsewhere(now);
            s.flush(now, browser::utc_offset(now));
        });
        if synced {
            self.data.changed();
        }
        self.continue_snapshot();
        self.warm_up(0);
    }

    /// Finds, after `delay_ms`, what screens look up on each click ([`DataSignal::warm_up`]).
    pub fn warm_up(&self, delay_ms: u32) {
        self.data
            .warm_up(self.today, self.due_soon_days_untracked(), delay_ms);
    }

    /// Writes the hourly snapshot a step per task while one is due (no task holds the page).
    fn continue_snapshot(&self) {
        if !self.session.with_value(|s| s.snapshot_due()) {
            return;
        }
        let state = *self;
        self.snapshot_timer.update_value(|timer| {
            if timer.is_none() {
                *timer = Some(Timeout::new(0, move || {
                    state.snapshot_timer.update_value(|t| *t = None);
                    let more = state
                        .session
                        .try_update_value(|s| s.snapshot_step())
                        .unwrap_or(false);
                    if more {
                        state.continue_snapshot();
                    } else {
                        state.snapshots_changed.update(|n| *n += 1);
                    }
                }));
            }
        });
    }

    /// Reads the session (the shared file's protocol plans on it).
    pub fn read_session<R>(&self, f: impl FnOnce(&Session<LocalKv>) -> R) -> R {
        self.session.with_value(f)
    }

    /// A step of the shared file's protocol that may take records in and export (the
    /// views follow, and the save is scheduled).
    pub fn with_session_mut<R>(&self, f: impl FnOnce(&mut Session<LocalKv>) -> R) -> R {
        let result = self.with_session(true, f);
        self.schedule_save();
        result
    }

    /// What importing `incoming` would do, before anything is written, and the data's
    /// version it was planned on. `based_on`: what the file says its records descend
    /// from, when it says.
    pub fn plan_import(
        &self,
        incoming: &Dataset,
        based_on: Option<&std::collections::BTreeMap<String, u64>>,
    ) -> (ImportPlan, u64) {
        self.session
            .with_value(|s| (s.plan_import(incoming, based_on), s.revision()))
    }

    /// [`AppState::plan_import`] with `joins`, chosen among the probable duplicates, joined
    /// to the records here.
    pub fn plan_import_joining(
        &self,
        incoming: &Dataset,
        based_on: Option<&std::collections::BTreeMap<String, u64>>,
        joins: &[crate::domain::sharing::Duplicate],
    ) -> (ImportPlan, u64) {
        self.session.with_value(|s| {
            (
                s.plan_import_joining(incoming, based_on, joins),
                s.revision(),
            )
        })
    }

    /// Applies an import planned by [`AppState::plan_import`], keeping the data as it was
    /// to undo it in one click. Nothing changes if a conflict has no resolution.
    pub fn import(
        &self,
        incoming: &Dataset,
        plan: &ImportPlan,
        planned_at: u64,
        decide: &dyn Fn(&str) -> Option<Resolution>,
        label: String,
    ) -> Result<Applied, ImportRefused> {
        let now = browser::now();
        self.with_session(true, |s| {
            s.import(
                incoming,
                plan,
                planned_at,
                decide,
                label,
                now,
                browser::utc_offset(now),
            )
        })
    }

    /// Stores a conclusion read from a notice, its directives and the units accepted, in one
    /// step that [`AppState::undo_import`] reverses.
    pub fn add_read_notice(&self, saved: crate::domain::documents::Saved, label: String) {
        let now = browser::now();
        self.with_session(true, |s| {
            s.add_read_notice(saved, label, now, browser::utc_offset(now))
        });
    }

    /// The snapshots kept in this browser, newest first (tracked: follows saves).
    pub fn snapshots(&self) -> Vec<SnapshotInfo> {
        self.save_status.track();
        self.snapshots_changed.track();
        self.session.with_value(|s| s.snapshots())
    }

    /// What restoring snapshot `key` would do, before anything is changed.
    pub fn snapshot_preview(&self, key: &str) -> Option<(Dataset, ImportPlan)> {
        self.session.with_value(|s| s.snapshot_preview(key))
    }

    /// Puts the data back as it was in a snapshot; undone like an import.
    pub fn restore_snapshot(&self, snapshot: Dataset, label: String) {
        let now = browser::now();
        self.with_session(true, |s| {
            s.restore_snapshot(snapshot, label, now, browser::utc_offset(now))
        });
    }

    /// Puts the data back as it was before the last import (see `Session::undo_import`).
    pub fn undo_import(&self) -> bool {
        let now = browser::now();
        self.with_session(true, |s| s.undo_import(now, browser::utc_offset(now)))
    }

    /// The officer named in exports and publications, from this browser's settings.
    pub fn officer(&self) -> Officer {
        self.settings.with_untracked(|s| Officer {
            name: s.officer_name.clone(),
            office: s.office.clone(),
        })
    }

    /// Downloads `scope` as a file in its envelope, and remembers its records as exchanged.
    pub fn export(&self, scope: Scope) {
        let settings = self.settings.get_untracked();
        let officer = self.officer();
        let now = browser::now();
        let all = scope == Scope::All;
        let file = self.with_session(false, |s| s.export(scope, officer, now, browser::today()));
        browser::download(&file.name, "application/json", &file.text);
        if all {
            self.set_settings(Settings {
                last_export_at: Some(now),
                ..settings
            });
        }
    }

    /// Storage used by everything this origin keeps, in UTF-16 units.
    pub fn storage_used(&self) -> usize {
        self.session.with_value(|s| s.repo().kv().used_units())
    }

    pub fn aside_export(&self) -> Option<String> {
        self.session.with_value(|s| s.repo().aside_export())
    }

    pub fn has_aside(&self) -> bool {
        self.session.with_value(|s| s.repo().has_aside())
    }
}

/// Offers everything in memory as a file: the way out when storage fails.
pub fn export_all(state: &AppState) {
    state.export(Scope::All);
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
