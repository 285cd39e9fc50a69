//! The interface: a thin shell over the domain. Components read the dataset from the one
//! [`state::AppState`] and call domain functions; they hold no business rules.
//!
//! One folder per area of the domain, each with its screens and forms and a `mod.rs` that
//! says what they read and what other screens use: `projects`, `followup`, `units`,
//! `sharing`, `documents`. Here, the shell every screen shares: the app and its router
//! (this file), `state`, `data_signal`, `commit_lock`, `browser`, `form`, `date_box`,
//! `widgets`, and `settings` (the Data screen's settings card, kept beside the `Settings`
//! that `state` and `browser` hold).

mod documents;
mod followup;
mod projects;
mod sharing;
mod units;

mod browser;
mod commit_lock;
mod data_signal;
mod date_box;
mod form;
mod pick;
mod settings;
pub mod state;
mod widgets;

use leptos::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::route::{Form, Route};
use crate::storage::WriteError;
use state::{use_state, AppState, SaveStatus};

/// Starts the app in the page (called by the binary's `main`).
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The whole application. Public so component tests can mount it.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load(&current_hash());
    provide_context(state);
    // A unit's browser opens on the unit's list.
    if state.route.get_untracked() == Route::Dashboard {
        if let Some(unit) = untrack(|| state.reporting_unit()) {
            let to = Route::Unit(unit.to_string());
            if let Some(w) = web_sys::window() {
                let _ = w.location().replace(&to.href());
            }
            state.route.set(to);
        }
    }
    provide_context(documents::ReadUndone(RwSignal::new(false)));

    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        state.route.set(Route::parse(&current_hash()));
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| state.flush_now());
    // Not needed for the first screen: asked in a task after it is drawn.
    widgets::next_task(move || {
        browser::ask_persistent_storage(move |got| state.persistence.set(got));
        sharing::check_at_start(state);
        // A browser in the province's network syncs once it is open, and on its own after
        // if the officer asked for it.
        if let Some(point) = untrack(|| state.network_point()) {
            state.sync_now(None);
            state.sync_continuously(point.continuous);
        }
    });
    // After the first screen is on show.
    state.warm_up(100);
    // Another tab of the app saved: its change appears here without a reload.
    let on_storage =
        window_event_listener(leptos::ev::storage, move |ev| state.on_storage(ev.key()));
    on_cleanup(move || {
        on_hash.remove();
        on_hide.remove();
        on_storage.remove();
    });
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
            doc.set_title(&format!("Dondoc · {}", Msg::AppTagline.text(lang)));
        }
    });

    view! {
        <a class="skip" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(m) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main")) {
                use wasm_bindgen::JsCast;
                if let Ok(m) = m.dyn_into::<web_sys::HtmlElement>() { let _ = m.focus(); }
            }
        }>{move || state.t(Msg::Skip)}</a>
        <Header/>
        <Banners/>
        <sharing::TabConflicts/>
        <main id="main" tabindex="-1">{move || page(state.route.get())}</main>
        <documents::MakingFile/>
    }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Dashboard => projects::Dashboard().into_any(),
        Route::Projects => projects::ProjectList().into_any(),
        Route::Project(id) => projects::ProjectPage(projects::ProjectPageProps { id }).into_any(),
        Route::New(Form::Project) => {
            projects::ProjectForm(projects::ProjectFormProps { id: None }).into_any()
        }
        Route::Edit(Form::Project, id) => {
            projects::ProjectForm(projects::ProjectFormProps { id: Some(id) }).into_any()
        }
        Route::New(Form::Meeting) => {
            followup::MeetingForm(followup::MeetingFormProps { id: None }).into_any()
        }
        Route::Edit(Form::Meeting, id) => {
            followup::MeetingForm(followup::MeetingFormProps { id: Some(id) }).into_any()
        }
        Route::New(Form::Conclusion) => {
            followup::ConclusionForm(followup::ConclusionFormProps { id: None }).into_any()
        }
        Route::Edit(Form::Conclusion, id) => {
            followup::ConclusionForm(followup::ConclusionFormProps { id: Some(id) }).into_any()
        }
        Route::Meetings => followup::MeetingList().into_any(),
        Route::Meeting(id) => followup::MeetingPage(followup::MeetingPageProps { id }).into_any(),
        Route::Conclusions => followup::ConclusionList().into_any(),
        Route::Conclusion(id) => {
            followup::ConclusionPage(followup::ConclusionPageProps { id }).into_any()
        }
        Route::ReadConclusion => documents::ReadConclusionPage().into_any(),
        Route::FollowUp => followup::FollowUpPage().into_any(),
        Route::Report => followup::ReportPage().into_any(),
        Route::Units => units::UnitList().into_any(),
        Route::Unit(id) => units::UnitPage(units::UnitPageProps { id }).into_any(),
        Route::Data => sharing::DataPage().into_any(),
        Route::NotFound(_) => widgets::NotFound().into_any(),
    }
}

#[component]
fn Header() -> impl IntoView {
    let state = use_state();
    let items = [
        (Route::Dashboard, Msg::NavDashboard),
        (Route::Projects, Msg::NavProjects),
        (Route::Meetings, Msg::NavMeetings),
        (Route::Conclusions, Msg::NavConclusions),
        (Route::FollowUp, Msg::NavFollowUp),
        (Route::Report, Msg::NavReport),
        (Route::Units, Msg::NavUnits),
        (Route::Data, Msg::NavData),
    ];
    let links = items
        .into_iter()
        .map(|(route, msg)| {
            let href = route.href();
            let current = {
                let route = route.clone();
                move || (state.route.get().section() == route).then_some("page")
            };
            view! { <li><a href=href aria-current=current>{move || state.t(msg)}</a></li> }
        })
        .collect_view();
    let other = move || match state.lang.get() {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    view! {
        <header class="top">
            <div class="brand">
                <a href="#/" class="logo">"Dondoc"</a>
                <span class="tagline">{move || state.t(Msg::AppTagline)}</span>
            </div>
            <SaveState/>
            <NetworkLink/>
            <button type="button" class="lang" title=move || state.t(Msg::SwitchLanguageLabel)
                aria-label=move || format!("{} ({})", state.t(Msg::SwitchLanguage), state.t(Msg::SwitchLanguageLabel))
                on:click=move |_| state.set_lang(other())>
                {move || state.t(Msg::SwitchLanguage)}
            </button>
            <nav aria-label=move || state.t(Msg::MainNav)>
                <ul>{links}</ul>
            </nav>
        </header>
    }
}

/// Where this browser stands with the province's network, once it syncs: a link to
/// Dữ liệu → Mạng đồng bộ.
#[component]
fn NetworkLink() -> impl IntoView {
    let state = use_state();
    move || {
        let link = state.link.get()?;
        let text = crate::i18n::network::link_text(&link, &browser::saved_at, state.lang.get());
        let class = match link {
            crate::domain::network::Link::SyncedAt(_) | crate::domain::network::Link::Syncing => {
                "save-state"
            }
            _ => "save-state pending",
        };
        Some(view! { <a class=class id="network-link" href=Route::Data.href()>{text}</a> })
    }
}

/// Where the data stands against storage, on every screen, as a document editor says it.
#[component]
fn SaveState() -> impl IntoView {
    let state = use_state();
    let text = move || match state.save_status.get() {
        SaveStatus::Saved(None) => state.t(Msg::SavedHere).to_owned(),
        SaveStatus::Saved(Some(at)) => {
            format!("{} {}", state.t(Msg::SavedAt), browser::saved_at(at))
        }
        SaveStatus::Pending => state.t(Msg::Unsaved).to_owned(),
        SaveStatus::Failed(_) => state.t(Msg::NotSaved).to_owned(),
    };
    let class = move || match state.save_status.get() {
        SaveStatus::Saved(_) => "save-state",
        SaveStatus::Pending => "save-state pending",
        SaveStatus::Failed(_) => "save-state failed",
    };
    view! { <p class=class role="status" aria-live="polite" data-testid="save-state">{text}</p> }
}

/// Save problems and set-aside data, shown on every screen until dealt with.
#[component]
fn Banners() -> impl IntoView {
    let state = use_state();
    let save_failed = move || match state.save_status.get() {
        SaveStatus::Failed(e) => Some(view! {
            <div class="banner error" role="alert">
                <p>
                    <strong>{move || state.t(match e { WriteError::Quota => Msg::SaveFailedQuota, WriteError::ChangedElsewhere => Msg::SaveFailedElsewhere, WriteError::Unavailable(_) => Msg::SaveFailedUnavailable })}</strong>
                    " " {move || state.t(Msg::SaveFailed)}
                </p>
                <button type="button" on:click=move |_| state::export_all(&state)>{move || state.t(Msg::ExportAll)}</button>
                <button type="button" on:click=move |_| state.flush()>{move || state.t(Msg::TryAgain)}</button>
            </div>
        }),
        _ => None,
    };
    let aside = move || {
        state.aside.get().map(|reason| {
            let detail = move || match &reason {
                crate::storage::repo::AsideReason::Newer { found, supported } => crate::i18n::load_error_message(
                    &crate::domain::LoadError::Newer { found: *found, supported: *supported },
                    state.lang.get(),
                ),
                crate::storage::repo::AsideReason::Unreadable(_) => state.t(Msg::AsideUnreadable).to_owned(),
            };
            view! {
                <div class="banner warn" role="alert">
                    <p><strong>{move || state.t(Msg::AsideTitle)}</strong>" " {detail} " " {move || state.t(Msg::AsideBody)}</p>
                    <button type="button" on:click=move |_| widgets::download_aside(&state)>{move || state.t(Msg::AsideDownload)}</button>
                </div>
            }
        })
    };
    let migrated = move || {
        state.migrated_from.get().map(|v| view! {
            <div class="banner info" role="status"><p>{move || format!("{} {v}.", state.t(Msg::Migrated))}</p></div>
        })
    };
    view! { {save_failed} {aside} {migrated} <sharing::SharedNotice/> }
}
