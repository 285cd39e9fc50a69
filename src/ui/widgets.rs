//! Small pieces shared by the screens.

use leptos::prelude::*;

use super::browser;
use super::state::{use_state, AppState};
use crate::domain::{Dataset, Directive, FollowUpState, UnitId};
use crate::i18n::{self, labels, Msg};
use crate::route::Route;
use chrono::NaiveDate;

/// A unit's short name, or an empty string.
/// How a directive is cited in a list ("4.a" for a notice read with its own labels; its
/// number otherwise): the domain's one rule, found once per version of the data.
pub fn cited(state: AppState, x: &Directive) -> String {
    state.data.with_lookups_untracked(|l| l.citation(x))
}

pub fn unit_name(data: &Dataset, id: Option<&UnitId>) -> String {
    id.and_then(|id| data.units.get(id))
        .map(|u| u.display_name().to_owned())
        .unwrap_or_default()
}

/// A link to a unit's page under the name it carried on `date` (a renamed unit keeps its
/// old name in documents dated before the renaming), or nothing.
pub fn unit_link_on(data: &Dataset, id: Option<&UnitId>, date: NaiveDate) -> Option<AnyView> {
    let id = id?;
    let name = data.units.get(id)?.display_name_on(date).to_owned();
    Some(view! { <a href=Route::Unit(id.to_string()).href()>{name}</a> }.into_any())
}

/// The lead's history of a directive handed over when its unit ended: "giao cho UBND huyện
/// X, từ 01/07/2025 chuyển cho UBND xã Y".
pub fn handover_history(state: AppState, data: &Dataset, x: &Directive) -> Option<AnyView> {
    let lang = state.lang.get_untracked();
    let text = crate::i18n::succession::lead_history(data, x, lang)?;
    Some(view! { <span class="handover small">{text}</span> }.into_any())
}

/// "Kế thừa từ UBND huyện X (từ 01/07/2025)" on an item a unit inherited.
pub fn inherited_mark(
    state: AppState,
    data: &Dataset,
    x: &Directive,
    reference: NaiveDate,
) -> Option<AnyView> {
    let lang = state.lang.get_untracked();
    let text = crate::i18n::succession::inherited_note(data, x, reference, lang)?;
    Some(view! { <span class="inherited small">{text}</span> }.into_any())
}

/// The mark beside a unit that no longer takes new work: ended (its successors do), or
/// archived.
pub fn unit_tag(u: &crate::domain::Unit) -> Option<Msg> {
    if u.ended.is_some() {
        Some(Msg::EndedTag)
    } else if u.archived {
        Some(Msg::ArchivedTag)
    } else {
        None
    }
}

/// A link to a unit's page, or nothing.
pub fn unit_link(data: &Dataset, id: Option<&UnitId>) -> Option<AnyView> {
    let id = id?;
    let name = data.units.get(id)?.display_name().to_owned();
    Some(view! { <a href=Route::Unit(id.to_string()).href()>{name}</a> }.into_any())
}

/// Runs `f` in the task after this one (after what this task draws), unless the component
/// calling it is taken down first.
pub fn next_task(f: impl FnOnce() + 'static) {
    let handle = set_timeout_with_handle(f, std::time::Duration::ZERO).ok();
    on_cleanup(move || {
        if let Some(t) = handle {
            t.clear();
        }
    });
}

/// True while the screen is being drawn, false from the next task on: what lies below the
/// first screenful waits for it, so the click's task draws what is seen first.
pub fn opening() -> ReadSignal<bool> {
    let (opening, set) = signal(true);
    next_task(move || {
        set.try_set(false);
    });
    opening
}

/// A long list's rows, keyed by `key` so that a change redraws only the rows it changed
/// (a row whose key is the same is kept as drawn): the first page
/// ([`crate::domain::paging::LIST_PAGE_ROWS`]; a screenful with the click, the rest in the
/// next task), then a page more at each press of the last row's button.
pub fn keyed_rows<T, K, V>(
    rows: Memo<Vec<T>>,
    key: impl Fn(&T) -> K + Clone + Send + Sync + 'static,
    row: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    K: Eq + std::hash::Hash + 'static,
    V: IntoView + 'static,
{
    use crate::domain::paging::{rows_drawn, rows_shown, LIST_PAGE_ROWS};
    let state = use_state();
    let more = RwSignal::new(0usize);
    let shown = move || rows.with(|r| rows_shown(r.len(), more.get()));
    // A screenful with the click that opens the screen, the rest of the page in the next task.
    let opening = opening();
    let each = move || {
        let n = rows_drawn(shown().0, opening.get());
        rows.with(|r| r[..n].to_vec())
    };
    // Drawn once while rows are left: pressing it keeps the keyboard focus on it.
    let left = Memo::new(move |_| shown().1);
    let text = move || {
        let left = left.get();
        labels::show_more_rows(left.min(LIST_PAGE_ROWS), left, state.lang.get())
    };
    view! {
        <For each=each key=key children=row/>
        <Show when=move || { left.get() > 0 }>
            <tr class="more-rows">
                <td colspan="99">
                    <button type="button" on:click=move |_| more.update(|m| *m += 1)>{text}</button>
                </td>
            </tr>
        </Show>
    }
}

/// The rows of a summary's long list (the report's, the dashboard's) folded to a screenful
/// ([`crate::domain::paging::folded_rows`]) until `open`: only those shown are drawn, and
/// only they are drawn again when `open` changes.
pub fn folded_rows<T, V>(
    open: RwSignal<bool>,
    rows: Vec<T>,
    row: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || {
        let n = if open.get() {
            rows.len()
        } else {
            crate::domain::paging::folded_rows(rows.len())
        };
        rows[..n].iter().cloned().map(&row).collect_view()
    }
}

/// Under a folded list of `total` rows (`controls`: its id; `what`: its name, for the
/// button's accessible name): "Đang hiện 10/2.074" and a button that shows all of it, then
/// folds it again. Nothing when the list is short enough to be shown whole. Outside what
/// the rows redraw, so the button keeps the keyboard's focus.
pub fn fold_bar(
    open: RwSignal<bool>,
    total: usize,
    controls: &'static str,
    what: impl Fn() -> String + Send + Sync + 'static,
) -> Option<impl IntoView> {
    let shown = crate::domain::paging::folded_rows(total);
    (shown < total).then(|| {
        let state = use_state();
        let count_id = format!("{controls}-shown");
        let showing = move || {
            let lang = state.lang.get();
            let n = |n: usize| i18n::format_decimal(n as f64, 0, lang);
            Msg::ShowingOf
                .text(lang)
                .replace("{shown}", &n(if open.get() { total } else { shown }))
                .replace("{total}", &n(total))
        };
        let label = move || {
            state.t(if open.get() {
                Msg::ShowFewer
            } else {
                Msg::ShowAll
            })
        };
        view! {
            <p class="fold-bar small">
                <span id=count_id.clone()>{showing}</span> " "
                <button type="button" aria-controls=controls aria-describedby=count_id
                    aria-expanded=move || open.get().to_string()
                    aria-label=move || format!("{} · {}", label(), what())
                    on:click=move |_| open.update(|o| *o = !*o)>{label}</button>
            </p>
        }
    })
}

/// A progress bar drawn once (for the rows of a long list, redrawn as a whole when the
/// language changes): a dash when the figure is unknown.
pub fn bar_cell(label: &str, value: Option<f64>, lang: i18n::Lang) -> AnyView {
    match value {
        Some(v) => {
            let text = i18n::format_percent(v, lang);
            view! {
                <span class="bar-cell">
                    <span class="bar" role="img" aria-label=format!("{label}: {text}")>
                        <span class="fill" style=format!("width: {:.1}%", v.clamp(0.0, 100.0))></span>
                    </span>
                    <span class="num">{text}</span>
                </span>
            }
            .into_any()
        }
        None => view! { <span class="muted">"—"</span> }.into_any(),
    }
}

pub fn state_class(s: FollowUpState) -> &'static str {
    match s {
        FollowUpState::Overdue => "st overdue",
        FollowUpState::DueSoon => "st soon",
        FollowUpState::OpenWithinTerm => "st open",
        FollowUpState::NoDeadline => "st none",
        FollowUpState::DoneLate => "st late",
        FollowUpState::DoneOnTime => "st done",
        FollowUpState::Cancelled | FollowUpState::Transferred => "st closed",
    }
}

#[component]
pub fn StateBadge(state: FollowUpState) -> impl IntoView {
    let app = use_state();
    view! { <span class=state_class(state)>{move || labels::follow_up_state(state, app.lang.get())}</span> }
}

/// "Đã gia hạn" with the original and current dates, for a directive given more time by
/// `reference`; nothing otherwise. Drawn in the page's language of the moment.
pub fn extension_mark(state: AppState, x: &Directive, reference: NaiveDate) -> Option<AnyView> {
    let lang = state.lang.get_untracked();
    let mark = x.extension_mark(reference)?;
    let note = labels::extension_note(&mark, lang);
    Some(
        view! {
            <span class="extended"><span class="st ext">{Msg::Extended.text(lang)}</span> " "
            <span class="small">{note}</span></span>
        }
        .into_any(),
    )
}

/// A list screen: heading with the count, optional children (summaries, filters), then a
/// table of `columns` whose body is `rows`, or a short "no records yet" when it is empty.
#[component]
pub fn ListPage<R, V>(
    title: Msg,
    #[prop(into)] count: Signal<usize>,
    columns: Vec<Msg>,
    rows: R,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView
where
    R: Fn() -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let state = use_state();
    let head = move || {
        columns
            .iter()
            .map(|msg| {
                let msg = *msg;
                view! { <th scope="col">{move || state.t(msg)}</th> }
            })
            .collect_view()
    };
    view! {
        <h1>{move || state.t(title)} " " <span class="count">{move || format!("({})", count.get())}</span></h1>
        {children.map(|c| c())}
        <Show when=move || { count.get() != 0 } fallback=|| view! { <Empty/> }>
            <div class="table-wrap">
                <table class="list">
                    <thead><tr>{head.clone()}</tr></thead>
                    <tbody>{rows.clone()}</tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let state = use_state();
    view! {
        <section>
            <h1>{move || state.t(Msg::NotFound)}</h1>
            <p><a href="#/">{move || state.t(Msg::NavDashboard)}</a></p>
        </section>
    }
}

#[component]
pub fn Empty() -> impl IntoView {
    let state = use_state();
    view! { <p class="muted empty">{move || state.t(Msg::NoRecords)}</p> }
}

pub fn download_aside(state: &AppState) {
    if let Some(text) = state.aside_export() {
        browser::download(
            &format!("dondoc-set-aside-{}.json", browser::stamp()),
            "application/json",
            &text,
        );
    }
}

/// "Label: value" row of a description list, hidden when the value is empty.
pub fn field(state: AppState, msg: Msg, value: String) -> Option<impl IntoView> {
    (!value.trim().is_empty()).then(|| view! { <dt>{move || state.t(msg)}</dt><dd>{value}</dd> })
}

/// A form folded under its summary, drawn only when first opened (a screen with several
/// forms does not draw their fields, pickers and hundreds of options on every visit), and
/// kept once drawn so what was typed survives folding it again.
#[component]
pub fn Folded(
    id: &'static str,
    summary: impl Fn() -> &'static str + Send + Sync + 'static,
    children: ChildrenFn,
) -> impl IntoView {
    let drawn = RwSignal::new(false);
    let on_toggle = move |ev: leptos::ev::Event| {
        if event_target::<web_sys::Element>(&ev).has_attribute("open") {
            drawn.set(true)
        }
    };
    view! {
        <details class="card form" id=id on:toggle=on_toggle>
            <summary>{summary}</summary>
            <Show when=move || drawn.get()>{children()}</Show>
        </details>
    }
}
