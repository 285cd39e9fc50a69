//! One unit's page: what it owes as lead and as coordinator (inherited items marked with
//! the unit they came from), its reminder letter, its history (former names, its end and
//! successors, what it did before it ended and what it handed over), and the forms that
//! change it: edit or rename, record its end, join a duplicate into it.

use leptos::prelude::*;

use super::unit_end_form::UnitEndForm;
use super::unit_form::UnitForm;
use super::unit_join::UnitJoin;
use crate::domain::documents::Owed;
use crate::domain::documents::Sent;
use crate::domain::documents::{directives_table, Listed};
use crate::domain::followup::urgency_order;
use crate::domain::followup::ReportScope;
use crate::domain::paging::{rows_shown, LIST_PAGE_ROWS};
use crate::domain::{Dataset, Directive, FollowUpState, Tally, Unit, UnitId};
use crate::i18n::{format_date, labels, succession as words, Lang, Msg};
use crate::route::Route;
use crate::ui::date_box::day_box;
use crate::ui::documents::{
    doc_lang, document_view, download_docx, export_buttons, making, print, SendingPick,
};
use crate::ui::followup::{directive_item, RowForms};
use crate::ui::state::{use_state, AppState};
use crate::ui::widgets::{field, unit_link, unit_tag, NotFound};

/// The reminder letter to the unit, when it owes something overdue or due soon: the date
/// it must report by (a week from today unless changed), the button, and the letter laid
/// out for printing.
fn reminder(
    state: AppState,
    d: &Dataset,
    owed: &Owed,
    (report_by, pick): (RwSignal<chrono::NaiveDate>, SendingPick),
) -> Option<AnyView> {
    use crate::domain::documents::reminder_letter;
    if owed.items.is_empty() {
        return None;
    }
    let count = owed.items.len();
    let by = report_by.get();
    let unit_name = d
        .units
        .get(owed.unit)
        .map(|u| u.name.clone())
        .unwrap_or_default();
    let from = pick.sending(d, &ReportScope::Everything);
    let lang = pick.lang();
    let doc = reminder_letter(d, owed, by, &from, lang);
    Some(view! {
        {pick.view("rm", Sent::Letter)}
        <p class="actions">
            <button type="button" id="print-reminder" on:click=move |_| print()>
                {state.t(Msg::PrintReminder)} " (" {count} ")"
            </button>
            <button type="button" id="word-reminder" disabled=move || making(state) on:click={
                let doc = doc.clone();
                let stem = format!("{} {}", state.t(Msg::ReminderFile), unit_name);
                move |_| {
                    let doc = doc.clone();
                    download_docx(state, &stem, lang, move || async move { vec![doc] })
                }
            }>
                {state.t(Msg::DownloadWord)}
            </button>
            {day_box("rm-report-by", "inline-day", Signal::derive(move || state.t(Msg::ReportBy).to_owned()), report_by)}
        </p>
        <div class="doc-wrap">{document_view(doc, lang)}</div>
    }
    .into_any())
}

/// What one unit owes, the list the officer reads out on the phone, with the update form.
#[component]
pub fn UnitPage(id: String) -> impl IntoView {
    let selected = RowForms::new();
    let report_by = RwSignal::new(
        use_state().today + chrono::Days::new(crate::domain::followup::REPLY_WITHIN_DAYS),
    );
    let letter = (report_by, SendingPick::new());
    let id = UnitId(id);
    let state = use_state();
    let exists = {
        let id = id.clone();
        move || state.data.with(|d| d.units.contains(&id))
    };
    let open = {
        let id = id.clone();
        move || {
            state
                .data
                .with(|d| d.units.get(&id).is_some_and(|u| u.ended.is_none()))
        }
    };
    let forms = {
        let id = id.clone();
        move || {
            let end_id = id.clone();
            view! {
                <UnitForm unit=id.clone()/>
                <Show when=open.clone()>
                    <UnitEndForm unit=end_id.clone()/>
                </Show>
                <UnitJoin unit=id.clone()/>
            }
        }
    };
    // In the unit's own browser the office's tools (edit, end, join) stay out of the way.
    let office_tools = move || exists() && state.office_tools();
    view! {
        {unit_lists(id.clone(), selected, letter)}
        <Show when=office_tools>{forms.clone()}</Show>
        {selected.view()}
    }
}

/// A unit's history: how it ended, its record up to its last day, what it handed over.
fn ended_section(state: AppState, d: &Dataset, u: &Unit, lang: Lang) -> Option<AnyView> {
    let (last_day, c) = d.record_before_end(&u.id)?;
    let handed = d.handed_over_by(&u.id);
    let state_label = |s| labels::follow_up_state(s, lang);
    let items = handed
        .iter()
        .map(|(x, _)| {
            let number = d
                .conclusions
                .get(&x.conclusion)
                .map(|c| c.number_symbol.clone())
                .unwrap_or_default();
            let to = words::handed_to(d, x, &u.id, lang);
            view! {
                <li>
                    <strong>{format!("{number} · {}", crate::ui::widgets::cited(state, x))}</strong> " " {x.text.clone()}
                    <br/><span class="small handover">"→ " {to}</span>
                </li>
            }
        })
        .collect_view();
    Some(
        view! {
            <section class="card" id="unit-ended">
                <h2>{state.t(Msg::RecordUntil)} " " {format_date(last_day)}</h2>
                <ul class="states">
                    <li>{state.t(Msg::Directives)} " " <strong>{c.followed}</strong></li>
                    <li>{state_label(FollowUpState::DoneOnTime)} " " <strong>{c.done_on_time}</strong></li>
                    <li>{state_label(FollowUpState::DoneLate)} " " <strong>{c.done_late}</strong></li>
                    <li>{state_label(FollowUpState::OpenWithinTerm)} " " <strong>{c.within_term}</strong></li>
                    <li>{state_label(FollowUpState::Overdue)} " " <strong>{c.overdue}</strong></li>
                </ul>
                <h3>{state.t(Msg::HandedOver)} " (" {handed.len()} ")"</h3>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{items}</ul>
            </section>
        }
        .into_any(),
    )
}

/// The most urgent first, as many pages as asked for, and how many are left.
fn shown(
    items: Vec<&Directive>,
    today: chrono::NaiveDate,
    due_soon: u64,
    more: usize,
) -> (Vec<&Directive>, usize) {
    let ordered = urgency_order(items, today, due_soon);
    let (n, left) = rows_shown(ordered.len(), more);
    (ordered.into_iter().take(n).collect(), left)
}

fn unit_lists(
    id: UnitId,
    selected: RowForms,
    letter: (RwSignal<chrono::NaiveDate>, SendingPick),
) -> impl IntoView {
    let state = use_state();
    // Pages asked for beyond the first, of what it leads and what it coordinates.
    let more = RwSignal::new([0usize; 2]);
    move || {
        let lang = state.lang.get();
        state.data.with(|d| {
            let Some(u) = d.units.get(&id) else {
                return NotFound().into_any();
            };
            let today = state.today;
            let due_soon = state.due_soon_days();
            let (led, coordinated) = d.owed_by(&u.id, today);
            // The most urgent first; a page of them drawn, a page more at each press.
            let pages = more.get();
            let tally = Tally::of(led.iter().copied(), today, due_soon);
            let (coordinated_shown, coordinated_left) =
                shown(coordinated, today, due_soon, pages[1]);
            // The latest update of what it leads (the letter lists some of those not shown)
            // and of what it coordinates shown: one pass over the log.
            let ids = led.iter().chain(&coordinated_shown).map(|x| &x.id).collect();
            let last_updates = d.last_updates_among(&ids);
            let owed = Owed::among(&u.id, &led, &last_updates, today, due_soon);
            let (led_shown, led_left) = shown(led, today, due_soon, pages[0]);
            let list = |items: Vec<&Directive>, left: usize, which: usize| {
                let rows = items
                    .into_iter()
                    .map(|x| directive_item(state, d, x, last_updates.get(&x.id).copied(), today, selected))
                    .collect_view();
                let button = (left > 0).then(|| {
                    let text = labels::show_more_rows(left.min(LIST_PAGE_ROWS), left, lang);
                    view! {
                        <li class="more-rows">
                            <button type="button" on:click=move |_| more.update(|m| m[which] += 1)>{text}</button>
                        </li>
                    }
                });
                view! { {rows} {button} }
            };
            let summary = format!(
                "{}: {} · {}: {} · {}: {}",
                labels::follow_up_state(FollowUpState::Overdue, lang),
                tally.overdue,
                labels::follow_up_state(FollowUpState::DueSoon, lang),
                tally.due_soon,
                state.t(Msg::DoneShare),
                labels::done_share(&tally, lang),
            );
            let lead = list(led_shown, led_left, 0);
            let coordinating = list(coordinated_shown, coordinated_left, 1);
            let former = u
                .former_names
                .iter()
                .map(|f| format!("{} ({} {})", f.name, state.t(Msg::Until), format_date(f.until)))
                .collect::<Vec<_>>()
                .join("; ");
            let tag = unit_tag(u).map(|m| state.t(m));
            let parent = unit_link(d, u.parent.as_ref()).map(|link| {
                view! { <div><dt>{state.t(Msg::Parent)}</dt><dd>{link}</dd></div> }
            });
            view! {
                <p class="crumbs"><a href=Route::Units.href()>{state.t(Msg::NavUnits)}</a></p>
                <h1>{u.name.clone()}</h1>
                {tag.map(|t| view! { <p><span class="tag">{t}</span></p> })}
                {if state.reporting_unit().as_ref() == Some(&u.id) {
                    let unit = u.id.clone();
                    view! {
                        <section class="card notice" aria-labelledby="send-reply">
                            <p class="actions">
                                <button type="button" class="primary" id="send-reply" on:click=move |_| state.export_reply(&unit)>
                                    {crate::i18n::units_side::send_reply(lang)}
                                </button>
                            </p>
                            <p class="small">{crate::i18n::units_side::send_reply_hint(lang)}</p>
                        </section>
                    }.into_any()
                } else {
                    view! {
                        <p class="actions">
                            <button type="button" id="export-unit" on:click={let scope = crate::domain::sharing::Scope::Unit(u.id.clone()); move |_| state.export(scope.clone())}>
                                {state.t(Msg::ExportThis)}
                            </button>
                            " " <span class="small muted">{crate::i18n::units_side::package_hint(lang)}</span>
                        </p>
                    }.into_any()
                }}
                <dl class="fields">
                    {field(state, Msg::ShortName, u.short_name.clone())}
                    {field(state, Msg::Kind, labels::unit_kind(u.kind, lang).to_owned())}
                    {parent}
                    {field(state, Msg::OtherNames, u.other_names.join("; "))}
                    {field(state, Msg::FormerNames, former)}
                    {field(state, Msg::EndHow, words::ending_note(d, u, lang).unwrap_or_default())}
                    {field(state, Msg::Contact, u.contact.clone())}
                </dl>
                {ended_section(state, d, u, lang)}
                {state.office_tools().then(|| reminder(state, d, &owed, letter)).flatten()}
                <h2>{state.t(Msg::AsLead)}</h2>
                <p class="summary">{summary}</p>
                <p class="actions">{export_buttons("unit-list", Msg::TableDirectives, u.name.clone(), {
                    let id = u.id.clone();
                    move || {
                        let id = id.clone();
                        async move {
                            state.data.with_untracked(|d| {
                                let lang = state.lang.get_untracked();
                                let name = d.units.get(&id).map(|u| u.name.clone()).unwrap_or_default();
                                let led = d.owed_by(&id, state.today).0;
                                directives_table(d, Listed::LedBy(&name), urgency_order(led, state.today, state.due_soon_days()), state.today, state.due_soon_days(),
                                    &|s| labels::follow_up_state(s, lang), doc_lang(lang))
                            })
                        }
                    }
                })}</p>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{lead}</ul>
                <h2>{state.t(Msg::AsCoordinator)}</h2>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{coordinating}</ul>
            }
            .into_any()
        })
    }
}
