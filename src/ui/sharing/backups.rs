//! Backups kept in this browser: whether the browser promised to keep the storage, the
//! rotating snapshots, and restoring one after a preview (undone like an import).

use crate::storage::side::UndoKind;
use leptos::prelude::*;

use crate::domain::sharing::Change;
use crate::domain::Dataset;
use crate::i18n::{format_decimal, Lang, Msg};
use crate::ui::state::{use_state, Persistence};

#[derive(Clone)]
struct Preview {
    when: String,
    snapshot: Dataset,
    back: usize,
    restored: usize,
    removed: usize,
    same: usize,
}

fn persistence_text(p: Persistence, lang: Lang) -> &'static str {
    match p {
        Persistence::Asking => Msg::PersistAsking.text(lang),
        Persistence::Granted => Msg::PersistGranted.text(lang),
        Persistence::NotGranted => Msg::PersistNotGranted.text(lang),
        Persistence::Unsupported => Msg::PersistUnsupported.text(lang),
    }
}

#[component]
pub fn BackupsCard() -> impl IntoView {
    let state = use_state();
    let preview = RwSignal::new(None::<Preview>);
    let restored = RwSignal::new(false);
    let open = move |key: String, when: String| {
        restored.set(false);
        preview.set(
            state
                .snapshot_preview(&key)
                .map(|(snapshot, plan)| Preview {
                    when,
                    back: plan.count(Change::Conflict),
                    restored: plan.count(Change::New),
                    removed: plan.untouched,
                    same: plan.count(Change::Identical),
                    snapshot,
                }),
        );
    };
    let rows = move || {
        let lang = state.lang.get();
        state
            .snapshots()
            .into_iter()
            .map(|s| {
                let when = crate::ui::browser::date_time(s.at);
                let label = format!("{} {}", Msg::PreviewRestore.text(lang), when);
                view! {
                    <tr>
                        <td data-label=Msg::SnapshotAt.text(lang)>{when.clone()}</td>
                        <td data-label=Msg::SnapshotRecords.text(lang) class="num">{s.records}</td>
                        <td data-label=Msg::SnapshotSize.text(lang) class="num">{format_decimal(s.units as f64, 0, lang)}</td>
                        <td><button type="button" class="small" aria-label=label on:click={let key = s.key.clone(); move |_| open(key.clone(), when.clone())}>
                            {Msg::PreviewRestoreShort.text(lang)}
                        </button></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let has_snapshots = move || !state.snapshots().is_empty();
    let panel = move || {
        let lang = state.lang.get();
        preview.get().map(|p| {
            let line = |n: usize, msg: Msg| view! { <li><strong>{n}</strong> " " {msg.counted(n, lang)}</li> };
            let restore = {
                let p = p.clone();
                move |_| {
                    state.restore_snapshot(p.snapshot.clone(), UndoKind::Restore(p.when.to_string()).label());
                    preview.set(None);
                    restored.set(true);
                }
            };
            view! {
                <div class="notice" role="status" id="restore-preview">
                    <h3>{Msg::RestorePreviewTitle.text(lang)} " " {p.when.clone()}</h3>
                    <ul>
                        {line(p.back, Msg::RestoreBack)}
                        {line(p.restored, Msg::RestoreAgain)}
                        {line(p.removed, Msg::RestoreRemoved)}
                        {line(p.same, Msg::RestoreSame)}
                    </ul>
                    <p class="small">{Msg::RestoreUndoHint.text(lang)}</p>
                    <button type="button" class="primary" on:click=restore>{Msg::RestoreApply.text(lang)}</button>
                    " "
                    <button type="button" on:click=move |_| preview.set(None)>{Msg::Cancel.text(lang)}</button>
                </div>
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="backups-title">
            <h2 id="backups-title">{move || state.t(Msg::BackupsTitle)}</h2>
            <p class="small">{move || state.t(Msg::BackupsHint)}</p>
            <p id="persistence">{move || persistence_text(state.persistence.get(), state.lang.get())}</p>
            <Show when=has_snapshots fallback=move || view! { <p class="muted">{move || state.t(Msg::NoSnapshots)}</p> }>
                <div class="table-wrap">
                    <table class="list stack">
                        <thead><tr>
                            <th scope="col">{move || state.t(Msg::SnapshotAt)}</th>
                            <th scope="col" class="num">{move || state.t(Msg::SnapshotRecords)}</th>
                            <th scope="col" class="num">{move || state.t(Msg::SnapshotSize)}</th>
                            <th scope="col"><span class="visually-hidden">{move || state.t(Msg::PreviewRestoreShort)}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
            {panel}
            <p class="saved" role="status">{move || restored.get().then(|| state.t(Msg::RestoreDone))}</p>
        </section>
    }
}
