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
use crate::domain::Dataset;
use crate::i18n::{Lang, Msg};
use crate::route::Route;
use crate::storage::local::LocalKv;
use crate::storage::repo::AsideReason;
use crate::storage::{KeyValue, LoadOutcome, Repository, WriteError};

pub const SAVE_DELAY_MS: u32 = 400;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saved(Option<DateTime<Utc>>),
    Pending,
    Failed(WriteError),
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
    repo: StoredValue<Repository<LocalKv>, LocalStorage>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
}

impl AppState {
    /// Reads settings and stored data; never fails (unreadable data is set aside).
    pub fn load(hash: &str) -> Self {
        let mut repo = Repository::new(LocalKv::open());
        let (dataset, aside, migrated_from) = match repo.load(&browser::stamp()) {
            LoadOutcome::Empty => (Dataset::default(), None, None),
            LoadOutcome::Loaded {
                dataset,
                migrated_from,
            } => (*dataset, None, migrated_from),
            LoadOutcome::SetAside(set_aside) => (Dataset::default(), Some(set_aside.reason), None),
        };
        let settings = Settings::load();
        let state = AppState {
            data: RwSignal::new(dataset),
            lang: RwSignal::new(settings.lang()),
            settings: RwSignal::new(settings),
            route: RwSignal::new(Route::parse(hash)),
            save_status: RwSignal::new(SaveStatus::Saved(None)),
            aside: RwSignal::new(aside),
            migrated_from: RwSignal::new(migrated_from),
            today: browser::today(),
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
        self.schedule_save();
        result
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

    /// Writes pending changes now.
    pub fn flush(&self) {
        self.timer.update_value(|timer| {
            if let Some(t) = timer.take() {
                t.cancel();
            }
        });
        let result = self
            .repo
            .try_update_value(|repo| self.data.try_update_untracked(|data| repo.save(data)))
            .flatten();
        match result {
            Some(Ok(_)) => self
                .save_status
                .set(SaveStatus::Saved(Some(browser::now()))),
            Some(Err(e)) => self.save_status.set(SaveStatus::Failed(e)),
            None => {}
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
    let text = state
        .data
        .with_untracked(|d| serde_json::to_string(d).unwrap_or_default());
    let name = format!(
        "dondoc-all-{}.json",
        crate::domain::dates::iso(browser::today())
    );
    browser::download(&name, "application/json", &text);
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
