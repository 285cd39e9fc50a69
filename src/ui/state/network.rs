//! The page's side of a province's network (Dữ liệu → Mạng đồng bộ): a run performed with
//! the browser's `fetch` (the session cookie kept by the browser), each answer taken in by
//! the session, the state then written a part per task; runs on their own while the page
//! is open when the officer asks for it.

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::AppState;
use crate::domain::network::Link;
use crate::domain::network::{
    Config, Credentials, HttpRequest, HttpResponse, Replicator, Side, BATCH,
};
use crate::ui::browser::{self, NetworkPoint};

/// Seconds between runs while the page is open, when the officer asked for continuous sync.
pub const CONTINUOUS_SECONDS: u32 = 30;

impl AppState {
    /// Where this browser syncs, once set.
    pub fn network_point(&self) -> Option<NetworkPoint> {
        self.settings.with(|s| s.network.clone())
    }

    /// One run now (none when one is going on): logs in first when `credentials` are given.
    pub fn sync_now(&self, credentials: Option<Credentials>) {
        let Some(point) = self.network_point() else {
            return;
        };
        if self.syncing.get_value() {
            return;
        }
        self.syncing.set_value(true);
        self.link.set(Some(Link::Syncing));
        let state = *self;
        leptos::task::spawn_local(async move {
            let link = run(state, &point, credentials).await;
            // The state's parts that changed are written a task each.
            while state.with_session(false, |s| s.network_write_step()) {
                browser::next_task().await;
            }
            state.link.set(Some(link));
            state.network_changed.update(|n| *n += 1);
            state.syncing.set_value(false);
        });
    }

    /// How many times the network's state changed in this page: runs ended, conflicts
    /// settled (tracked).
    pub fn network_version(&self) -> u64 {
        self.network_changed.get()
    }

    /// Runs every [`CONTINUOUS_SECONDS`] while the page is open (or stops them).
    pub fn sync_continuously(&self, on: bool) {
        let state = *self;
        self.sync_timer.update_value(|t| {
            *t = on.then(|| {
                Interval::new(CONTINUOUS_SECONDS * 1000, move || {
                    if state.link.get_untracked() != Some(Link::NeedsLogin) {
                        state.sync_now(None);
                    }
                })
            });
        });
    }

    /// The conflicts waiting and the writes refused, with the version they were read at
    /// (tracked: lists redraw after each run).
    pub fn network_lists(
        &self,
    ) -> (
        Vec<crate::domain::network::Conflict>,
        Vec<crate::domain::network::Refused>,
    ) {
        self.network_changed.track();
        self.with_session(false, |s| {
            let st = s.sync_state();
            (
                st.conflicts().cloned().collect(),
                st.refused().cloned().collect(),
            )
        })
    }

    /// The officer's answer to a conflict: written to the data, sent on the next run.
    pub fn settle_sync_conflict(&self, id: &str, pick: &dyn Fn(&str) -> Side) -> bool {
        let ok = self.with_session(true, |s| s.settle_sync_conflict(id, pick).is_ok());
        self.schedule_save();
        while self.with_session(false, |s| s.network_write_step()) {}
        self.network_changed.update(|n| *n += 1);
        ok
    }

    /// Leaves the network: the address and the replication state forgotten, the data kept.
    pub fn leave_network(&self) {
        self.sync_continuously(false);
        self.with_session(false, |s| s.leave_network());
        let mut settings = self.settings.get_untracked();
        settings.network = None;
        self.set_settings(settings);
        self.link.set(None);
        self.network_changed.update(|n| *n += 1);
    }
}

/// A whole run; how it ended.
async fn run(state: AppState, point: &NetworkPoint, credentials: Option<Credentials>) -> Link {
    let mut replicator = Replicator::new(Config {
        db: point.db.clone(),
        replication_id: point.replication_id.clone(),
        credentials,
        batch: BATCH,
    });
    // Nothing changed here since the last run: pull only (no hashing of every record).
    let (started_at, unchanged) =
        state.with_session(false, |s| (s.local_changes(), s.unchanged_since_last_run()));
    if unchanged {
        replicator = replicator.pull_only();
    }
    // The screens are redrawn and the data saved once the run ends (or is cut), not after
    // each page of records taken in: a first replica is a hundred pages.
    let mut changed = false;
    let mut reached = true;
    while let Some(request) =
        state.with_session(false, |s| s.sync_request(&mut replicator, &point.account))
    {
        let Some(answer) = fetch(&point.address, &request).await else {
            reached = false;
            break;
        };
        changed |= state.with_session(false, |s| s.sync_answer(&mut replicator, &request, answer));
    }
    if changed {
        state.data.changed();
        state.schedule_save();
    }
    if reached && replicator.status() == crate::domain::network::Status::Done {
        state.with_session(false, |s| s.run_ended(started_at));
    }
    Link::after(&replicator.status(), reached, browser::now())
}

/// One request to the server at `base` (the office's address for CouchDB); `None` when no
/// answer came (offline, the server down, or a CORS refusal).
async fn fetch(base: &str, request: &HttpRequest) -> Option<HttpResponse> {
    let init = web_sys::RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_cache(web_sys::RequestCache::NoStore);
    // The session cookie CouchDB sets at login goes with every request.
    init.set_credentials(web_sys::RequestCredentials::Include);
    let headers = web_sys::Headers::new().ok()?;
    for (k, v) in &request.headers {
        let _ = headers.set(k, v);
    }
    if let Some(body) = &request.body {
        init.set_body(&JsValue::from_str(&serde_json::to_string(body).ok()?));
    }
    init.set_headers(&headers);
    let url = format!("{}{}", base.trim_end_matches('/'), request.path_and_query());
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    let status = response.status();
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    let body = text
        .as_string()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(serde_json::Value::Null);
    Some(HttpResponse { status, body })
}
