//! The dataset as components read it: held by the session (in [`AppState`]'s
//! `StoredValue`), tracked through a revision that every change bumps, with the lookups the
//! session keeps for it and their refill after a change.
//!
//! [`AppState`]: super::state::AppState

use chrono::NaiveDate;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use super::browser;
use crate::domain::model::Lookups;
use crate::domain::Dataset;
use crate::storage::local::LocalKv;
use crate::storage::session::Session;

pub(super) type SessionCell = StoredValue<Session<LocalKv>, LocalStorage>;

/// The dataset held by the session, read like a signal (the same `with` /
/// `with_untracked`).
#[derive(Clone, Copy)]
pub struct DataSignal {
    session: SessionCell,
    revision: RwSignal<u64>,
}

impl DataSignal {
    pub(super) fn new(session: SessionCell) -> Self {
        DataSignal {
            session,
            revision: RwSignal::new(0),
        }
    }

    pub fn with<R>(&self, f: impl FnOnce(&Dataset) -> R) -> R {
        self.revision.track();
        self.with_untracked(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&Dataset) -> R) -> R {
        self.session.with_value(|s| f(s.data()))
    }

    /// The dataset as it is now, held over several tasks (a file made in steps reads one
    /// version of the data, whatever changes meanwhile). Untracked.
    pub fn shared(&self) -> std::rc::Rc<Dataset> {
        self.session.with_value(|s| s.shared_data())
    }

    /// The dataset with what screens look up in it, found once per version of the data.
    pub fn with_lookups<R>(&self, f: impl FnOnce(Lookups) -> R) -> R {
        self.revision.track();
        self.with_lookups_untracked(f)
    }

    /// [`DataSignal::with_lookups`] without tracking (for event handlers).
    pub fn with_lookups_untracked<R>(&self, f: impl FnOnce(Lookups) -> R) -> R {
        self.session.with_value(|s| f(s.lookups()))
    }

    /// The session's data changed: the views that read it are drawn again.
    pub(super) fn changed(&self) {
        self.revision.update(|n| *n += 1);
    }

    /// Finds, each in a task of its own after `delay_ms`, what screens look up on each
    /// click (each project's figures and each conclusion's directives, then the follow-up
    /// overview as of `today`), unless a
    /// screen already needed it: the next click after a change finds it ready.
    pub(super) fn warm_up(&self, today: NaiveDate, due_soon_days: u64, delay_ms: u32) {
        let session = self.session;
        Timeout::new(delay_ms, move || {
            session.with_value(|s| {
                browser::timed("dondoc-warm-up", || {
                    let found = s.lookups();
                    found.project_figures();
                    found.directive_ids_by_conclusion();
                });
            });
            Timeout::new(0, move || {
                session.with_value(|s| {
                    // Not over one the follow-up page keeps as of another date.
                    let found = s.lookups();
                    if !found.has_follow_up() {
                        browser::timed("dondoc-warm-up", || {
                            found.follow_up(today, due_soon_days);
                        });
                    }
                })
            })
            .forget();
        })
        .forget();
    }
}
