//! Importing a colleague's file: picked or dropped, checked before anything is written,
//! previewed (new, changed on their side, changed on mine, changed on both, identical,
//! untouched), each probable duplicate joined to the record here or kept beside it, each
//! conflict settled field by field by the officer, applied, and undone in one click.

use std::collections::BTreeMap;

use crate::storage::side::UndoKind;
use leptos::prelude::*;

use super::preview::{preview_view, Replan};
use crate::domain::sharing::{Applied, ExportInfo, ImportPlan, Resolution};
use crate::domain::{parse_dataset, Dataset};
use crate::i18n::{load_error_message, problem_message, Msg};
use crate::storage::session::ImportRefused;
use crate::ui::browser::date_time;
use crate::ui::state::use_state;

/// Files above this are refused before being read: three provinces' data is about 30 MB of
/// JSON, and a larger text would make the page itself run out of memory.
const MAX_IMPORT_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// A file read and checked, waiting for the officer's go-ahead.
#[derive(Clone)]
pub(super) struct Preview {
    pub name: String,
    pub incoming: std::sync::Arc<Dataset>,
    pub plan: std::sync::Arc<ImportPlan>,
    /// The data's version the plan was made on (`Session::revision`).
    pub planned_at: u64,
    /// Planned again because the data changed after the first preview.
    pub replanned: bool,
    pub migrated_from: Option<u32>,
    pub info: Option<ExportInfo>,
    /// Several units' replies taken together: each unit's, taken or left out.
    pub replies: Vec<super::replies::UnitReply>,
}

impl Preview {
    /// The preview of a shared file read by `storage::shared`.
    pub fn of_shared(name: String, i: crate::storage::shared::Incoming, replanned: bool) -> Self {
        Preview {
            name,
            incoming: i.dataset.into(),
            plan: i.plan.into(),
            planned_at: i.planned_at,
            replanned,
            migrated_from: i.migrated_from,
            info: i.info,
            replies: Vec::new(),
        }
    }
}

#[derive(Clone)]
enum ImportState {
    Idle,
    Rejected(Vec<String>),
    Preview(Box<Preview>),
    Done(Applied),
    Undone,
    UndoGone,
}

/// One file is read as any file; several at once are units' replies, taken together.
fn read_files(mut files: Vec<web_sys::File>, import: RwSignal<ImportState>) {
    if files.len() < 2 {
        if let Some(file) = files.pop() {
            read_file(file, import);
        }
        return;
    }
    let state = use_state();
    leptos::task::spawn_local(async move {
        let next = match super::replies::read_replies(state, files).await {
            Err(problems) => ImportState::Rejected(problems),
            Ok(replies) => {
                ImportState::Preview(Box::new(super::replies::preview_of(state, replies)))
            }
        };
        import.set(next);
    });
}

/// Reads and checks a file; the result replaces the card's state.
fn read_file(file: web_sys::File, import: RwSignal<ImportState>) {
    let state = use_state();
    let lang = state.lang.get_untracked();
    if file.size() > MAX_IMPORT_BYTES {
        import.set(ImportState::Rejected(vec![Msg::ImportTooLarge
            .text(lang)
            .to_owned()]));
        return;
    }
    let name = file.name();
    leptos::task::spawn_local(async move {
        // As bytes: copied into the app as they are, a large file's text is not converted
        // to the browser's strings and back.
        // UTF-8 or UTF-16 (a file saved by Notepad as "Unicode").
        let text = crate::ui::browser::file_bytes(&file)
            .await
            .map(|bytes| crate::domain::decode::decode_text(&bytes));
        let next = crate::ui::browser::timed("dondoc-import-check", || {
            let text = match text {
                None => return ImportState::Rejected(vec![Msg::FileUnreadable.text(lang).into()]),
                Some(Err(p)) => {
                    return ImportState::Rejected(vec![crate::i18n::decode_problem_message(
                        &p, lang,
                    )])
                }
                Some(Ok(text)) => text,
            };
            match parse_dataset(&text) {
                Err(e) => ImportState::Rejected(vec![load_error_message(&e, lang)]),
                Ok(loaded) => {
                    let errors = state
                        .data
                        .with_untracked(|d| d.check_import(&loaded.dataset));
                    if errors.is_empty() {
                        let info = loaded.export;
                        let based_on = ExportInfo::based_on(info.as_ref());
                        let (plan, planned_at) = state.plan_import(&loaded.dataset, based_on);
                        ImportState::Preview(Box::new(Preview {
                            name,
                            incoming: loaded.dataset.into(),
                            plan: plan.into(),
                            planned_at,
                            replanned: false,
                            migrated_from: loaded.migrated_from,
                            info,
                            replies: Vec::new(),
                        }))
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
            }
        });
        import.set(next);
    });
}

/// Applies a previewed import with the officer's choices: what it did, or the preview made
/// again when another tab saved meanwhile (the officer looks again), or `None` when a
/// conflict is left unsettled.
pub(super) fn apply_previewed(
    p: &Preview,
    decided: &BTreeMap<String, Resolution>,
) -> Result<Applied, Option<Box<Preview>>> {
    let state = use_state();
    let was_empty = state.data.with_untracked(|d| d.is_empty());
    let result = state.import(
        &p.incoming,
        &p.plan,
        p.planned_at,
        &|id| decided.get(id).copied(),
        p.name.clone(),
    );
    match result {
        Ok(applied) => {
            // A unit's package opened in a browser with no data of its own: this browser is
            // the unit's, and its reply will carry what it adds from now on.
            if let (true, Some(info)) = (was_empty, &p.info) {
                if let crate::domain::sharing::Scope::Unit(unit) = &info.scope {
                    let mut settings = state.settings.get_untracked();
                    settings.reporting_for = Some(crate::domain::sharing::MyUnit::from_package(
                        unit.clone(),
                        info.exported_at,
                    ));
                    state.set_settings(settings);
                }
            }
            Ok(applied)
        }
        Err(ImportRefused::Changed) => {
            let (plan, planned_at) = state.plan_import_joining(
                &p.incoming,
                ExportInfo::based_on(p.info.as_ref()),
                &p.plan.joins,
            );
            Err(Some(Box::new(Preview {
                plan: plan.into(),
                planned_at,
                replanned: true,
                ..p.clone()
            })))
        }
        Err(ImportRefused::Unresolved(_)) => Err(None),
    }
}

#[component]
pub fn ImportCard() -> impl IntoView {
    let state = use_state();
    let import = RwSignal::new(ImportState::Idle);
    let choices = RwSignal::new(BTreeMap::<String, Resolution>::new());
    let on_file = move |ev: leptos::ev::Event| {
        choices.set(BTreeMap::new());
        read_files(crate::ui::browser::take_picked_files(&ev), import);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let files = ev
            .data_transfer()
            .and_then(|d| d.files())
            .map_or_else(Vec::new, |list| {
                (0..list.length()).filter_map(|i| list.get(i)).collect()
            });
        choices.set(BTreeMap::new());
        read_files(files, import);
    };
    let body = move || {
        let lang = state.lang.get();
        match import.get() {
            ImportState::Idle => None,
            ImportState::Rejected(messages) => Some(
                view! {
                    <div class="notice error" role="alert">
                        <p>{Msg::ImportProblems.text(lang)}</p>
                        <ul>{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
            ),
            ImportState::Preview(p) => {
                let apply = move |p: &Preview, decided: BTreeMap<String, Resolution>| {
                    match apply_previewed(p, &decided) {
                        Ok(applied) => import.set(ImportState::Done(applied)),
                        Err(Some(again)) => import.set(ImportState::Preview(again)),
                        Err(None) => {}
                    }
                };
                let cancel = move || import.set(ImportState::Idle);
                let replan: Replan =
                    std::sync::Arc::new(move |p| import.set(ImportState::Preview(Box::new(p))));
                Some(preview_view(*p, choices, apply, cancel, Some(replan)).into_any())
            }
            ImportState::Done(a) => Some(
                view! {
                    <p class="notice" role="status">
                        {Msg::ImportDone.text(lang)} ": " {a.added} " " {Msg::ImportAdded.counted(a.added, lang)} ", "
                        {a.replaced} " " {Msg::ImportReplaced.counted(a.replaced, lang)} ", " {a.kept} " " {Msg::ImportKept.counted(a.kept, lang)} "."
                    </p>
                }
                .into_any(),
            ),
            ImportState::Undone => Some(
                view! { <p class="notice" role="status">{Msg::UndoDone.text(lang)}</p> }.into_any(),
            ),
            ImportState::UndoGone => Some(
                view! { <p class="notice error" role="alert">{Msg::UndoGone.text(lang)}</p> }.into_any(),
            ),
        }
    };
    let undo = move || {
        state.undo_label.get().map(|(label, at)| {
            view! {
                <p>
                    <button type="button" id="undo-import" on:click=move |_| import.set(if state.undo_import() { ImportState::Undone } else { ImportState::UndoGone })>
                        {move || match UndoKind::of_label(&label) {
                            UndoKind::Restore(when) => format!("{} {when}", state.t(Msg::UndoRestore)),
                            UndoKind::Read(number) => format!("{} {number} ({})", state.t(Msg::UndoRead), date_time(at)),
                            UndoKind::Import(name) => format!("{} {name} ({})", state.t(Msg::UndoImport), date_time(at)),
                        }}
                    </button>
                </p>
            }
        })
    };
    view! {
        <section class="card drop" aria-labelledby="import-title"
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop>
            <h2 id="import-title">{move || state.t(Msg::ImportTitle)}</h2>
            <label class="file">
                {move || state.t(Msg::ImportFile)}
                <input type="file" multiple accept=".json,application/json" on:change=on_file/>
            </label>
            <p class="small muted">{move || state.t(Msg::DropHint)}</p>
            {body}
            {undo}
        </section>
    }
}
