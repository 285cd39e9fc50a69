//! Importing a colleague's file: picked or dropped, checked before anything is written,
//! previewed (new, changed on their side, changed on mine, changed on both, identical,
//! untouched), each probable duplicate joined to the record here or kept beside it, each
//! conflict settled field by field by the officer, applied, and undone in one click.

use std::collections::BTreeMap;

use crate::storage::side::UndoKind;
use leptos::prelude::*;

use crate::domain::sharing::{Applied, Change, Duplicate, Entry, ImportPlan, Resolution};
use crate::domain::sharing::{ExportInfo, Scope};
use crate::domain::sorting;
use crate::domain::{parse_dataset, Dataset};
use crate::i18n::{kind_label, load_error_message, name_label, problem_message, Lang, Msg};
use crate::storage::session::ImportRefused;
use crate::ui::browser::{date_time, focus_later};
use crate::ui::state::use_state;

/// Conflicts shown field by field; more are settled by the choice for all.
const SHOWN_CONFLICTS: usize = 50;

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
            Ok((together, title)) => {
                let (plan, planned_at) = state.plan_import(&together, None);
                ImportState::Preview(Box::new(Preview {
                    name: title,
                    incoming: together.into(),
                    plan: plan.into(),
                    planned_at,
                    replanned: false,
                    migrated_from: None,
                    info: None,
                }))
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

fn scope_text(info: &ExportInfo, lang: Lang) -> String {
    let kind = match &info.scope {
        Scope::All => return Msg::ScopeAllData.text(lang).to_owned(),
        Scope::Conclusion(_) => crate::domain::RecordKind::Conclusion,
        Scope::Project(_) => crate::domain::RecordKind::Project,
        Scope::Unit(_) => crate::domain::RecordKind::Unit,
    };
    format!(
        "{} {}",
        kind_label(kind, lang).to_lowercase(),
        info.scope_label
    )
}

/// The fields a record differs in, this side's value beside the other's.
pub(super) fn field_table(e: &Entry, lang: Lang, mine: Msg, theirs: Msg) -> impl IntoView {
    let rows = e
        .fields
        .iter()
        .map(|f| {
            view! {
                <tr>
                    <th scope="row">{name_label(&f.field, lang)}</th>
                    <td data-label=mine.text(lang)>{f.mine.clone()}</td>
                    <td data-label=theirs.text(lang)>{f.theirs.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let when = |at: Option<chrono::DateTime<chrono::Utc>>| at.map(date_time).unwrap_or_default();
    view! {
        <div class="table-wrap">
            <table class="list diff">
                <thead><tr>
                    <th scope="col">{Msg::FieldWord.text(lang)}</th>
                    <th scope="col">{mine.text(lang)} " (" {when(e.mine_updated)} ")"</th>
                    <th scope="col">{theirs.text(lang)} " (" {when(Some(e.theirs_updated))} ")"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One record changed on both sides: its fields side by side and the choice.
fn conflict_view(
    e: &Entry,
    name: String,
    choices: RwSignal<BTreeMap<String, Resolution>>,
    lang: Lang,
) -> impl IntoView {
    let id = e.id.clone();
    let group = format!("conflict-{}", e.id);
    let option = move |resolution: Resolution, msg: Msg| {
        let id = id.clone();
        let chosen = id.clone();
        view! {
            <label class="pick">
                <input type="radio" name=group.clone()
                    prop:checked=move || choices.with(|c| c.get(&chosen) == Some(&resolution))
                    on:change=move |_| choices.update(|c| { c.insert(id.clone(), resolution); })/>
                " " {msg.text(lang)}
            </label>
        }
    };
    view! {
        <fieldset class="conflict">
            <legend>{kind_label(e.kind, lang)} ": " {name}</legend>
            {field_table(e, lang, Msg::MineSide, Msg::TheirsSide)}
            {option(Resolution::KeepMine, Msg::KeepMine)}
            {option(Resolution::TakeTheirs, Msg::TakeTheirs)}
        </fieldset>
    }
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
                    settings.my_unit = Some(unit.to_string());
                    settings.package_at = Some(info.exported_at);
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

/// What is shown again when the officer joins a duplicate or keeps both.
pub(super) type Replan = std::sync::Arc<dyn Fn(Preview) + Send + Sync>;

/// `p` planned again with `joins` joined (the officer's choice on its duplicates).
fn joining(p: &Preview, joins: &[Duplicate]) -> Preview {
    let state = use_state();
    let (plan, planned_at) =
        state.plan_import_joining(&p.incoming, ExportInfo::based_on(p.info.as_ref()), joins);
    Preview {
        plan: plan.into(),
        planned_at,
        ..p.clone()
    }
}

/// The file's records that are probably records here, each with its choice: join it to the
/// record here, or keep both (the default: nothing is joined without the choice).
fn duplicates_view(p: &Preview, replan: Replan, lang: Lang) -> impl IntoView {
    let rows = p
        .plan
        .duplicates
        .iter()
        .map(|d| {
            let joined = p.plan.joins.contains(d);
            let group = format!("duplicate-{}", d.incoming_id);
            let (join_id, keep_id) = (
                format!("duplicate-join-{}", d.incoming_id),
                format!("duplicate-keep-{}", d.incoming_id),
            );
            // The preview is drawn again with the choice: the focus stays on the choice made.
            let choose = {
                let (p, d, replan) = (p.clone(), d.clone(), replan.clone());
                let (join_id, keep_id) = (join_id.clone(), keep_id.clone());
                move |join: bool| {
                    let mut joins: Vec<Duplicate> =
                        p.plan.joins.iter().filter(|j| **j != d).cloned().collect();
                    if join {
                        joins.push(d.clone());
                    }
                    replan(joining(&p, &joins));
                    focus_later(if join {
                        join_id.clone()
                    } else {
                        keep_id.clone()
                    });
                }
            };
            let join = choose.clone();
            view! {
                <fieldset class="duplicate">
                    <legend>{kind_label(d.kind, lang)} ": " {d.label.clone()}</legend>
                    <label class="pick">
                        <input type="radio" id=join_id name=group.clone() prop:checked=joined
                            on:change=move |_| join(true)/>
                        " " {Msg::JoinDuplicate.text(lang)}
                    </label>
                    <label class="pick">
                        <input type="radio" id=keep_id name=group prop:checked=!joined
                            on:change=move |_| choose(false)/>
                        " " {Msg::KeepBoth.text(lang)}
                    </label>
                </fieldset>
            }
        })
        .collect_view();
    let all = {
        let (p, replan) = (p.clone(), replan.clone());
        move |join: bool| {
            let joins = if join {
                p.plan.duplicates.clone()
            } else {
                Vec::new()
            };
            replan(joining(&p, &joins));
            focus_later(if join {
                "duplicates-join-all"
            } else {
                "duplicates-keep-all"
            });
        }
    };
    let keep = all.clone();
    view! {
        <section aria-labelledby="duplicates-title" id="import-duplicates">
            <h3 id="duplicates-title">{Msg::DuplicatesTitle.text(lang)}</h3>
            <p class="small">{Msg::DuplicatesHint.text(lang)}</p>
            <p class="actions">
                {Msg::ForAll.text(lang)} " "
                <button type="button" class="small" id="duplicates-join-all" on:click=move |_| all(true)>{Msg::JoinAll.text(lang)}</button>
                " "
                <button type="button" class="small" id="duplicates-keep-all" on:click=move |_| keep(false)>{Msg::KeepBoth.text(lang)}</button>
            </p>
            {rows}
        </section>
    }
}

/// The preview of a file and the officer's choices; `apply` goes ahead with them, `cancel`
/// leaves everything as it is. With `replan`, the probable duplicates are offered to join
/// (the preview planned again with the choice is handed to it); without, they are kept.
pub(super) fn preview_view(
    p: Preview,
    choices: RwSignal<BTreeMap<String, Resolution>>,
    apply: impl Fn(&Preview, BTreeMap<String, Resolution>) + Clone + Send + Sync + 'static,
    cancel: impl Fn() + Clone + Send + Sync + 'static,
    replan: Option<Replan>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let plan = p.plan.clone();
    let count = |c: Change| plan.count(c);
    let conflict_ids: Vec<String> = plan.conflicts().map(|e| e.id.clone()).collect();
    let all_chosen = {
        let ids = conflict_ids.clone();
        move || choices.with(|c| ids.iter().all(|id| c.contains_key(id)))
    };
    let choose_all = {
        let ids = conflict_ids.clone();
        move |r: Resolution| {
            choices.update(|c| {
                ids.iter().for_each(|id| {
                    c.insert(id.clone(), r);
                })
            })
        }
    };
    let name = |e: &Entry| state.data.with_untracked(|d| d.entry_name(e, &p.incoming));
    let mut listed: Vec<(&Entry, String)> = plan
        .entries
        .iter()
        .filter(|e| matches!(e.change, Change::New | Change::Theirs))
        .map(|e| (e, name(e)))
        .collect();
    sorting::sort_by(&mut listed, |a, b| (a.0.kind, &a.1).cmp(&(b.0.kind, &b.1)));
    let changes = listed
        .into_iter()
        .take(200)
        .map(|(e, label)| {
            let fields = e
                .fields
                .iter()
                .map(|f| name_label(&f.field, lang))
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <li>{kind_label(e.kind, lang)} ": " {label}
                    {(!fields.is_empty()).then(|| view! { <span class="muted">" (" {fields} ")"</span> })}
                </li>
            }
        })
        .collect_view();
    // Shown one by one up to a screenful; beyond, the choice for all settles the rest.
    let conflicts = plan
        .conflicts()
        .take(SHOWN_CONFLICTS)
        .map(|e| conflict_view(e, name(e), choices, lang))
        .collect_view();
    let more_conflicts = conflict_ids.len().saturating_sub(SHOWN_CONFLICTS);
    let has_conflicts = !conflict_ids.is_empty();
    let anything = plan.changes_anything();
    let apply = {
        let p = p.clone();
        move |_| apply(&p, choices.get_untracked())
    };
    let from = p.info.as_ref().map(|info| {
        let who = [info.exported_by.name.as_str(), info.exported_by.office.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        let who = if who.is_empty() { Msg::NoNameGiven.text(lang).to_owned() } else { who };
        view! {
            <p class="small">
                {Msg::ExportedBy.text(lang)} " " <strong>{who}</strong> " " {Msg::ExportedAt.text(lang)} " "
                {date_time(info.exported_at)} "; " {Msg::ScopeWord.text(lang)} ": " {scope_text(info, lang)}
                " (Dondoc " {info.app_version.clone()} ")"
            </p>
        }
    });
    let duplicates = replan
        .filter(|_| !plan.duplicates.is_empty())
        .map(|replan| duplicates_view(&p, replan, lang));
    let line =
        |n: usize, msg: Msg| view! { <li><strong>{n}</strong> " " {msg.counted(n, lang)}</li> };
    view! {
        <div class="notice" role="status" id="import-preview">
            <h3>{Msg::ImportPreviewTitle.text(lang)} ": " {p.name.clone()}</h3>
            {p.replanned.then(|| view! { <p class="notice error" role="alert">{Msg::ImportReplanned.text(lang)}</p> })}
            {from}
            {p.migrated_from.map(|v| view! { <p>{Msg::ImportMigrated.text(lang)} " " {v} {Msg::ImportMigratedEnd.text(lang)}</p> })}
            <ul>
                {line(count(Change::New), Msg::ImportPreviewNew)}
                {line(count(Change::Theirs), Msg::ImportPreviewTheirs)}
                {line(count(Change::Conflict), Msg::ImportPreviewConflicts)}
                {line(count(Change::Mine), Msg::ImportPreviewMine)}
                {line(count(Change::Identical), Msg::ImportPreviewSame)}
                {line(plan.untouched, Msg::ImportPreviewUntouched)}
            </ul>
            <details>
                <summary>{Msg::ImportChanges.text(lang)}</summary>
                <ul class="small">{changes}</ul>
            </details>
            {duplicates}
            <Show when=move || has_conflicts>
                <h3>{Msg::ConflictsTitle.text(lang)}</h3>
                <p class="actions">
                    {Msg::ForAll.text(lang)} " "
                    <button type="button" class="small" on:click={let f = choose_all.clone(); move |_| f(Resolution::KeepMine)}>{Msg::KeepMine.text(lang)}</button>
                    " "
                    <button type="button" class="small" on:click={let f = choose_all.clone(); move |_| f(Resolution::TakeTheirs)}>{Msg::TakeTheirs.text(lang)}</button>
                    " "
                    <button type="button" class="small" on:click={let f = choose_all.clone(); move |_| f(Resolution::NewerWins)}>{Msg::NewerWins.text(lang)}</button>
                </p>
            </Show>
            {conflicts}
            {(more_conflicts > 0).then(|| view! { <p><strong>{more_conflicts}</strong> " " {Msg::MoreConflicts.counted(more_conflicts, lang)}</p> })}
            <p class="small muted">{let ok = all_chosen.clone(); move || (!ok()).then(|| Msg::ChooseEach.text(lang))}</p>
            <button type="button" class="primary" disabled={let ok = all_chosen.clone(); move || !anything || !ok()} on:click=apply>
                {Msg::ImportApply.text(lang)}
            </button>
            " "
            <button type="button" on:click=move |_| cancel()>{Msg::Cancel.text(lang)}</button>
            {(!anything).then(|| view! { <p class="muted">{Msg::ImportNone.text(lang)}</p> })}
        </div>
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
