//! The preview of an import before anything is written: counts by kind of change, the
//! changes listed, probable duplicates to join or keep, each conflict settled field by
//! field; and, for several units' replies taken together, a choice of unit by unit.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::import::Preview;
use crate::domain::sharing::{Change, Duplicate, Entry, ExportInfo, Resolution, Scope};
use crate::domain::sorting;
use crate::i18n::{kind_label, name_label, Lang, Msg};
use crate::ui::browser::{date_time, focus_later};
use crate::ui::state::use_state;

/// Conflicts shown field by field; more are settled by the choice for all.
const SHOWN_CONFLICTS: usize = 50;

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
    let replies = replan
        .clone()
        .filter(|_| !p.replies.is_empty())
        .map(|replan| super::replies::replies_view(&p, replan, lang));
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
            {replies}
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
