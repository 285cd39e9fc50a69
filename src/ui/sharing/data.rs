//! The Data screen: export, import (previewed, merged, undoable), the sample, the
//! storage meter, set-aside data, and the data's own consistency check.

use leptos::prelude::*;

use super::import::ImportCard;
use crate::domain::sharing::export_reminder_due;
use crate::domain::{validate, RecordKind};
use crate::i18n::{format_decimal, format_percent, kind_count_label, problem_message, Msg};
use crate::storage::QUOTA_UNITS;
use crate::ui::projects::load_sample;
use crate::ui::settings::{MyUnitCard, SettingsCard};
use crate::ui::state::{export_all, use_state};
use crate::ui::widgets::download_aside;

#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_state();
    let confirm_sample = RwSignal::new(false);
    let sample_loaded = RwSignal::new(false);

    // When everything was last exported, and a reminder after a week or with storage
    // nearly full.
    let last_export = move || {
        let last = state.settings.with(|s| s.last_export_at);
        state.save_status.track();
        let remind = export_reminder_due(
            last,
            crate::ui::browser::now(),
            !state.data.with(|d| d.is_empty()),
            state.storage_used(),
            QUOTA_UNITS,
        );
        view! {
            <p class="small" id="last-export">{match last {
                Some(at) => format!("{}: {}", state.t(Msg::LastExportAt), crate::ui::browser::date_time(at)),
                None => state.t(Msg::NeverExported).to_owned(),
            }}</p>
            {remind.then(|| view! { <p class="notice error" role="status">{crate::i18n::windows::export_reminder(state.lang.get())}</p> })}
        }
    };

    let sample_click = move |_| {
        if state.data.with_untracked(|d| d.is_empty()) {
            load_sample();
            sample_loaded.set(true);
        } else {
            confirm_sample.set(true);
        }
    };

    let meter = move || {
        state.save_status.track();
        let used = state.storage_used();
        let lang = state.lang.get();
        let pct = used as f64 * 100.0 / QUOTA_UNITS as f64;
        view! {
            <p>
                {state.t(Msg::StorageUsed)} ": " <strong>{format_decimal(used as f64, 0, lang)}</strong> " "
                {state.t(Msg::StorageOf)} " " {format_decimal(QUOTA_UNITS as f64, 0, lang)} " " {state.t(Msg::Characters)}
                " (" {format_percent(pct, lang)} ")"
            </p>
            <meter min="0" max=QUOTA_UNITS.to_string() value=used.to_string() aria-label=state.t(Msg::StorageUsed)></meter>
        }
    };
    let counts = move || {
        let lang = state.lang.get();
        state.data.with(|d| {
            RecordKind::ALL
                .into_iter()
                .map(
                    |k| view! { <li>{kind_count_label(k, lang)} ": " <strong>{d.count(k)}</strong></li> },
                )
                .collect_view()
        })
    };
    let problems = move || {
        let lang = state.lang.get();
        let errors = state.data.with(validate);
        if errors.is_empty() {
            view! { <p class="muted">{Msg::ProblemsNone.text(lang)}</p> }.into_any()
        } else {
            view! { <ul>{errors.iter().map(|e| view! { <li>{problem_message(e, lang)}</li> }).collect_view()}</ul> }.into_any()
        }
    };

    view! {
        <h1>{move || state.t(Msg::DataTitle)}</h1>
        <section class="card">
            <h2>{move || state.t(Msg::ExportTitle)}</h2>
            <p class="small">{move || state.t(Msg::ExportHint)}</p>
            <button type="button" class="primary" on:click=move |_| export_all(&state)>{move || state.t(Msg::ExportAll)}</button>
            {last_export}
        </section>
        <ImportCard/>
        <super::shared_folder::SharedFolderCard/>
        <super::network::NetworkCard/>
        <section class="card">
            <h2>{move || state.t(Msg::SampleTitle)}</h2>
            <p class="small">{move || state.t(Msg::SampleHint)}</p>
            <button type="button" on:click=sample_click>{move || state.t(Msg::LoadSample)}</button>
            <Show when=move || confirm_sample.get()>
                <div class="notice" role="alertdialog" aria-labelledby="confirm-sample">
                    <p id="confirm-sample">{move || state.t(Msg::ConfirmSampleAdd)}</p>
                    <button type="button" class="primary" on:click=move |_| { load_sample(); confirm_sample.set(false); sample_loaded.set(true); }>{move || state.t(Msg::Confirm)}</button>
                    " "
                    <button type="button" on:click=move |_| confirm_sample.set(false)>{move || state.t(Msg::Cancel)}</button>
                </div>
            </Show>
            <p class="saved" role="status">{move || sample_loaded.get().then(|| state.t(Msg::SampleLoaded))}</p>
        </section>
        <super::backups::BackupsCard/>
        <SettingsCard/>
        <MyUnitCard/>
        <crate::ui::documents::LetterheadCard/>
        <section class="card">
            <h2>{move || state.t(Msg::StorageTitle)}</h2>
            <p class="small">{move || state.t(Msg::StorageHint)}</p>
            {meter}
            <ul class="plain columns">{counts}</ul>
            <Show when=move || state.has_aside()>
                <button type="button" on:click=move |_| download_aside(&state)>{move || state.t(Msg::AsideDownload)}</button>
            </Show>
        </section>
        <section class="card">
            <h2>{move || state.t(Msg::ValidationTitle)}</h2>
            {problems}
        </section>
    }
}
