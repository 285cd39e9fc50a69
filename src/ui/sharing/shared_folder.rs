//! The Data screen's "Thư mục chung" card: the office's shared file next to the app (over
//! HTTP, written with WebDAV) or on disk (a file the officer picks, in Chromium), read into
//! the usual import preview and published without overwriting anyone's work; and the check
//! at start-up that says in one line whether the file changed. The protocol is
//! `storage::shared`; this file carries its requests and shows its steps.

use std::collections::BTreeMap;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::import::{apply_previewed, Preview};
use super::preview::{preview_view, Replan};
use super::shared_io::{self as io, clock, file_name, remember, remembered, Carrier, Place};
use crate::domain::sharing::Officer;
use crate::domain::sharing::Resolution;
use crate::i18n::{shared as words, Msg};
use crate::storage::shared::{
    freshness, read_incoming, valid_file_name, FileVersion, Incoming, Next, Publish,
    READ_AGAIN_AFTER_MS,
};
use crate::ui::browser::{self, Settings};
use crate::ui::state::{use_state, AppState};

/// The card's state.
#[derive(Clone)]
enum Step {
    Idle,
    Busy(Msg),
    /// The file read, to take in after the preview.
    TakeIn(Box<Preview>, FileVersion),
    /// Publishing waits for the officer's choices on conflicts.
    Settle(Box<Preview>, Box<Incoming>, Publish),
    Done(Said),
    Failed(Said),
}

/// What the card says after a step, worded in the language shown (it may change after).
#[derive(Clone)]
enum Said {
    Msg(Msg),
    Published(crate::storage::shared::Published),
    Refusal(crate::storage::shared::Refusal),
    Missing,
}

impl Said {
    fn text(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Said::Msg(m) => m.text(lang).to_owned(),
            Said::Published(p) => words::published(p, lang),
            Said::Refusal(r) => words::refusal(r, lang),
            Said::Missing => words::freshness(&crate::storage::shared::Freshness::Missing, lang),
        }
    }
}

/// At start-up, over HTTP: whether the shared file changed since this browser took it in,
/// asked with a `HEAD` (the file itself is not downloaded).
pub fn check_at_start(state: AppState) {
    if !io::served_over_http() {
        return;
    }
    let name = file_name(&state.settings.get_untracked());
    leptos::task::spawn_local(async move {
        let Some(url) = io::address(&name) else {
            return;
        };
        let answer = io::http("HEAD", &url, None, None).await;
        state.shared.set(Some(freshness(&remembered(), &answer)));
    });
}

/// The one line after the check at start-up, on every screen when the file changed.
#[component]
pub fn SharedNotice() -> impl IntoView {
    let state = use_state();
    move || {
        let f = state.shared.get()?;
        use crate::storage::shared::Freshness::*;
        matches!(f, Changed | NeverTaken).then(|| {
            view! {
                <div class="banner info" role="status" id="shared-notice">
                    <p>{words::freshness(&f, state.lang.get())} " "
                        <a href=crate::route::Route::Data.href()>{state.t(Msg::SharedSeeIt)}</a></p>
                </div>
            }
        })
    }
}

/// This browser now holds `version` of the shared file at `place`.
fn took(state: AppState, place: Place, version: FileVersion) {
    if place == Place::Web {
        remember(version);
        state
            .shared
            .set(Some(crate::storage::shared::Freshness::Unchanged));
    }
}

/// Publishes: each request of the protocol carried in turn until it is done, fails, or
/// waits for the officer's choices.
async fn run(
    state: AppState,
    carrier: Carrier,
    name: String,
    mut publish: Publish,
    mut next: Next,
    step: RwSignal<Step>,
) {
    loop {
        next = match next {
            Next::ReadLater => {
                gloo_timers::future::TimeoutFuture::new(READ_AGAIN_AFTER_MS).await;
                Next::Read
            }
            Next::Read => {
                step.set(Step::Busy(Msg::SharedReading));
                let answer = carrier.read(&name, true).await;
                state.with_session_mut(|s| publish.read(s, answer, clock()))
            }
            Next::CheckLater => {
                gloo_timers::future::TimeoutFuture::new(READ_AGAIN_AFTER_MS).await;
                Next::Check
            }
            Next::Check => publish.checked(carrier.read(&name, true).await),
            Next::Settle(incoming) => {
                let preview = Preview::of_shared(name.clone(), (*incoming).clone(), false);
                step.set(Step::Settle(Box::new(preview), incoming, publish));
                return;
            }
            Next::Write { body, precondition } => {
                step.set(Step::Busy(Msg::SharedWriting));
                let answer = carrier.write(&name, &body, &precondition).await;
                publish.written(answer)
            }
            Next::Done(done) => {
                if let Some(v) = done.version.clone() {
                    took(state, carrier.place, v);
                }
                step.set(Step::Done(Said::Published(done)));
                return;
            }
            Next::Failed(r) => {
                step.set(Step::Failed(Said::Refusal(r)));
                return;
            }
        };
    }
}

/// Reads the file and shows what taking it in would do.
async fn take_in(state: AppState, carrier: Carrier, name: String, step: RwSignal<Step>) {
    step.set(Step::Busy(Msg::SharedReading));
    let answer = carrier.read(&name, true).await;
    if answer.status == 404 {
        step.set(Step::Failed(Said::Missing));
        return;
    }
    if let Some(r) = crate::storage::shared::Refusal::of_status(answer.status) {
        step.set(Step::Failed(Said::Refusal(r)));
        return;
    }
    let read = state.read_session(|s| {
        read_incoming(
            s,
            answer.body.as_deref().unwrap_or_default(),
            answer.version.clone(),
        )
    });
    match read {
        Err(r) => step.set(Step::Failed(Said::Refusal(r))),
        Ok(incoming) if !incoming.plan.changes_anything() => {
            took(state, carrier.place, answer.version);
            step.set(Step::Done(Said::Msg(Msg::SharedNothingNew)));
        }
        Ok(incoming) => {
            let preview = Preview::of_shared(name, incoming, false);
            step.set(Step::TakeIn(Box::new(preview), answer.version));
        }
    }
}

#[component]
pub fn SharedFolderCard() -> impl IntoView {
    let state = use_state();
    let web = io::served_over_http();
    let disk = io::disk_supported();
    let step = RwSignal::new(Step::Idle);
    // How many reads and publications have ended, on the card for whoever waits for the
    // next one (an assistive tool, a test): the outcome's text alone may be the last one's.
    let outcomes = RwSignal::new(0u32);
    Effect::new(move |_| {
        if matches!(step.get(), Step::Done(_) | Step::Failed(_)) {
            outcomes.update(|n| *n += 1);
        }
    });
    let choices = RwSignal::new(BTreeMap::<String, Resolution>::new());
    let handle = StoredValue::new_local(None::<JsValue>);
    let handle_name = RwSignal::new(None::<String>);
    // The officer's choice of place is remembered in this browser's settings.
    let on_disk = move || !web || state.settings.with(|s| s.shared_on_disk);
    let place = Memo::new(move |_| if on_disk() { Place::Disk } else { Place::Web });
    let choose = move |p: Place| {
        state.set_settings(Settings {
            shared_on_disk: p == Place::Disk,
            ..state.settings.get_untracked()
        })
    };
    let name = move || file_name(&state.settings.get());
    let carrier = move || Carrier {
        place: place.get_untracked(),
        handle,
    };
    let officer = move || state.officer();
    // A file picked on an earlier visit: offered again (the browser asks for permission).
    if disk {
        leptos::task::spawn_local(async move {
            if let Some(h) = io::kept_handle().await {
                handle_name.set(Some(io::handle_name(&h)));
                handle.set_value(Some(h));
            }
        });
    }
    let ready = move || match place.get() {
        Place::Web => true,
        Place::Disk => handle_name.get().is_some(),
    };
    let with_permission = move |then: fn(AppState, Carrier, String, RwSignal<Step>, Officer)| {
        let c = carrier();
        let n = name();
        let o = officer();
        leptos::task::spawn_local(async move {
            if c.place == Place::Disk {
                let Some(h) = c.handle.get_value() else {
                    return;
                };
                if !io::permitted(&h, false).await && !io::permitted(&h, true).await {
                    step.set(Step::Failed(Said::Msg(Msg::SharedNoPermission)));
                    return;
                }
            }
            then(state, c, n, step, o);
        });
    };
    let on_take_in = move |_| {
        choices.set(BTreeMap::new());
        step.set(Step::Busy(Msg::SharedReading));
        with_permission(|state, c, n, step, _| {
            leptos::task::spawn_local(take_in(state, c, n, step));
        });
    };
    let on_publish = move |_| {
        choices.set(BTreeMap::new());
        step.set(Step::Busy(Msg::SharedReading));
        with_permission(|state, c, n, step, o| {
            let label = state.t(Msg::SharedTitle).to_owned();
            let (p, next) = Publish::start(o, label);
            leptos::task::spawn_local(run(state, c, n, p, next, step));
        });
    };
    let pick = move |create: bool| {
        leptos::task::spawn_local(async move {
            if let Some(h) = io::pick(create).await {
                io::keep_handle(&h).await;
                handle_name.set(Some(io::handle_name(&h)));
                handle.set_value(Some(h));
                choose(Place::Disk);
                step.set(Step::Idle);
            }
        });
    };
    let forget = move |_| {
        leptos::task::spawn_local(async move {
            io::forget_handle().await;
            handle.set_value(None);
            handle_name.set(None);
        });
    };
    let shown = move || {
        let lang = state.lang.get();
        match step.get() {
            Step::Idle => None,
            Step::Busy(m) => {
                Some(view! { <p role="status" class="muted">{state.t(m)}</p> }.into_any())
            }
            Step::Done(said) => Some(
                view! { <p role="status" class="saved" id="shared-done">{said.text(lang)}</p> }.into_any(),
            ),
            Step::Failed(said) => Some(
                view! { <p role="alert" class="notice error" id="shared-failed">{said.text(lang)}</p> }
                    .into_any(),
            ),
            Step::TakeIn(p, version) => {
                let from = p
                    .info
                    .as_ref()
                    .map(|i| words::published_by(i, &browser::date_time(i.exported_at), lang));
                let at = carrier().place;
                let replan: Replan = {
                    let version = version.clone();
                    std::sync::Arc::new(move |p| step.set(Step::TakeIn(Box::new(p), version.clone())))
                };
                let apply = move |p: &Preview, decided: BTreeMap<String, Resolution>| {
                    match apply_previewed(p, &decided) {
                        Ok(_) => {
                            took(state, at, version.clone());
                            step.set(Step::Done(Said::Msg(Msg::SharedTaken)));
                        }
                        Err(Some(again)) => step.set(Step::TakeIn(again, version.clone())),
                        Err(None) => {}
                    }
                };
                let cancel = move || step.set(Step::Idle);
                Some(view! { <p class="small" id="shared-from">{from}</p> {preview_view(*p, choices, apply, cancel, Some(replan))} }.into_any())
            }
            Step::Settle(p, incoming, publish) => {
                let c = carrier();
                let n = name();
                let apply = move |_: &Preview, decided: BTreeMap<String, Resolution>| {
                    let mut publish = publish.clone();
                    let next = state.with_session_mut(|s| {
                        publish.settled(s, &incoming, &|id| decided.get(id).copied(), clock())
                    });
                    leptos::task::spawn_local(run(state, c, n.clone(), publish, next, step));
                };
                let cancel = move || step.set(Step::Idle);
                Some(
                    view! {
                        <p class="notice" role="status">{state.t(Msg::SharedSettle)}</p>
                        {preview_view(*p, choices, apply, cancel, None)}
                    }
                    .into_any(),
                )
            }
        }
    };
    let name_input = RwSignal::new(file_name(&state.settings.get_untracked()));
    let name_ok = move || valid_file_name(name_input.get().trim());
    let save_name = move |_| {
        let typed = name_input.get_untracked().trim().to_owned();
        if valid_file_name(&typed) {
            state.set_settings(Settings {
                shared_file_name: Some(typed),
                ..state.settings.get_untracked()
            });
            check_at_start(state);
        }
    };
    let status_line = move || {
        (place.get() == Place::Web)
            .then(|| {
                state
                    .shared
                    .get()
                    .map(|f| words::freshness(&f, state.lang.get()))
            })
            .flatten()
    };
    view! {
        <section class="card" id="shared-folder" data-outcomes=move || outcomes.get()>
            <h2>{move || state.t(Msg::SharedTitle)}</h2>
            <p class="small">{move || state.t(Msg::SharedHint)}</p>
            {web.then(|| view! {
                <div class="field">
                    <label for="shared-name">{move || state.t(Msg::SharedFileName)}</label>
                    <input id="shared-name" type="text" autocomplete="off" aria-describedby="shared-name-problem"
                        aria-invalid=move || (!name_ok()).to_string()
                        prop:value=move || name_input.get() on:input=move |ev| name_input.set(event_target_value(&ev))
                        on:change=save_name/>
                    <span class="problem" id="shared-name-problem" role="status">{move || (!name_ok()).then(|| state.t(Msg::SharedNameRule))}</span>
                </div>
                <p class="small" id="shared-address">{move || state.t(Msg::SharedAddress)} " " <code>{move || io::address(&name()).unwrap_or_default()}</code></p>
            })}
            {disk.then(|| view! {
                <p class="actions">
                    {web.then(|| view! {
                        <label class="check"><input type="radio" name="shared-place" prop:checked=move || place.get() == Place::Web on:change=move |_| choose(Place::Web)/> {move || state.t(Msg::SharedOnServer)}</label>
                        <label class="check"><input type="radio" name="shared-place" prop:checked=move || place.get() == Place::Disk on:change=move |_| choose(Place::Disk)/> {move || state.t(Msg::SharedOnDisk)}</label>
                    })}
                </p>
                <Show when=move || place.get() == Place::Disk>
                    <p class="actions">
                        <button type="button" id="shared-pick" on:click=move |_| pick(false)>{move || state.t(Msg::SharedPick)}</button>
                        <button type="button" id="shared-create" on:click=move |_| pick(true)>{move || state.t(Msg::SharedCreate)}</button>
                        {move || handle_name.get().map(|n| view! {
                            <span class="small">{state.t(Msg::SharedPicked)} " " <strong>{n}</strong></span>
                            " " <button type="button" class="small" on:click=forget>{state.t(Msg::SharedForget)}</button>
                        })}
                    </p>
                </Show>
            })}
            {(!web && !disk).then(|| view! { <p class="muted">{move || state.t(Msg::SharedUnsupported)}</p> })}
            <p class="small" id="shared-status" role="status">{status_line}</p>
            <Show when=move || ready() && (web || disk)>
                <p class="actions">
                    <button type="button" id="shared-take" on:click=on_take_in>{move || state.t(Msg::SharedTakeIn)}</button>
                    <button type="button" class="primary" id="shared-publish" on:click=on_publish>{move || state.t(Msg::SharedPublish)}</button>
                </p>
            </Show>
            {shown}
        </section>
    }
}
