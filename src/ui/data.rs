//! The Data screen: export, import (new records only, after a preview), the sample, the
//! storage meter, set-aside data, and the data's own consistency check.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dashboard::load_sample;
use super::settings::SettingsCard;
use super::state::{export_all, use_state};
use super::widgets::download_aside;
use crate::domain::{parse_dataset, validate, Dataset, ImportSummary, RecordKind};
use crate::i18n::{
    format_decimal, format_percent, kind_label, load_error_message, problem_message, Msg,
};
use crate::storage::QUOTA_UNITS;

/// Files above this are refused before being read: three provinces' data is about 30 MB of
/// JSON, and a larger text would make the page itself run out of memory.
const MAX_IMPORT_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// A file read and checked, waiting for the officer's go-ahead.
#[derive(Clone)]
enum ImportState {
    Idle,
    Rejected(Vec<String>),
    Preview {
        incoming: Box<Dataset>,
        summary: ImportSummary,
        migrated_from: Option<u32>,
    },
    Done(usize),
}

#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_state();
    let import = RwSignal::new(ImportState::Idle);
    let confirm_sample = RwSignal::new(false);
    let sample_loaded = RwSignal::new(false);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > MAX_IMPORT_BYTES {
            import.set(ImportState::Rejected(vec![state
                .t(Msg::ImportTooLarge)
                .to_owned()]));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let lang = state.lang.get_untracked();
            let next = match text.map(|t| parse_dataset(&t)) {
                None => ImportState::Rejected(vec![lang
                    .pick("Không đọc được tệp.", "The file could not be read.")
                    .into()]),
                Some(Err(e)) => ImportState::Rejected(vec![load_error_message(&e, lang)]),
                Some(Ok(loaded)) => {
                    let errors = validate(&loaded.dataset);
                    if errors.is_empty() {
                        let summary = state.data.with_untracked(|d| d.compare(&loaded.dataset));
                        ImportState::Preview {
                            incoming: Box::new(loaded.dataset),
                            summary,
                            migrated_from: loaded.migrated_from,
                        }
                    } else {
                        ImportState::Rejected(
                            errors
                                .iter()
                                .take(50)
                                .map(|e| problem_message(e, lang))
                                .collect(),
                        )
                    }
                }
            };
            import.set(next);
        });
    };

    let import_view = move || match import.get() {
        ImportState::Idle => None,
        ImportState::Rejected(messages) => Some(
            view! {
                <div class="notice error" role="alert">
                    <p>{state.t(Msg::ImportProblems)}</p>
                    <ul>{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
        ),
        ImportState::Preview {
            incoming,
            summary,
            migrated_from,
        } => {
            let apply = move |_| {
                if let ImportState::Preview { incoming, .. } = import.get_untracked() {
                    let added = state.edit(|d| d.add_missing(*incoming));
                    import.set(ImportState::Done(added));
                }
            };
            let counts = RecordKind::ALL
                .into_iter()
                .filter(|k| incoming.count(*k) > 0)
                .map(|k| format!("{}: {}", kind_label(k, state.lang.get()), incoming.count(k)))
                .collect::<Vec<_>>()
                .join(" · ");
            Some(
                view! {
                    <div class="notice" role="status">
                        <h3>{state.t(Msg::ImportPreviewTitle)}</h3>
                        <p class="small">{counts}</p>
                        {migrated_from.map(|v| view! { <p>{state.t(Msg::ImportMigrated)} " " {v} {state.t(Msg::ImportMigratedEnd)}</p> })}
                        <ul>
                            <li><strong>{summary.new}</strong> " " {state.t(Msg::ImportPreviewNew)}</li>
                            <li><strong>{summary.identical}</strong> " " {state.t(Msg::ImportPreviewSame)}</li>
                            <li><strong>{summary.differing}</strong> " " {state.t(Msg::ImportPreviewDiffer)}</li>
                        </ul>
                        <button type="button" class="primary" disabled=summary.new == 0 on:click=apply>{state.t(Msg::ImportApply)}</button>
                        " "
                        <button type="button" on:click=move |_| import.set(ImportState::Idle)>{state.t(Msg::Cancel)}</button>
                    </div>
                }
                .into_any(),
            )
        }
        ImportState::Done(n) => Some(
            view! { <p class="notice" role="status">{state.t(Msg::ImportDone)} " (" {n} ")"</p> }
                .into_any(),
        ),
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
                    |k| view! { <li>{kind_label(k, lang)} ": " <strong>{d.count(k)}</strong></li> },
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
        </section>
        <section class="card">
            <h2>{move || state.t(Msg::ImportTitle)}</h2>
            <label class="file">
                {move || state.t(Msg::ImportFile)}
                <input type="file" accept=".json,application/json" on:change=on_file/>
            </label>
            {import_view}
        </section>
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
        <SettingsCard/>
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
