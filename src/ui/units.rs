//! The register of units and one unit's list of what it owes.

use leptos::prelude::*;

use super::document::{doc_lang, document_view, download_docx, export_buttons, letterhead, print};
use super::state::{use_state, AppState};
use super::unit_form::UnitForm;
use super::update_form::{directive_item, UpdateForm};
use super::widgets::{field, keyed_rows, ListPage, NotFound};
use crate::domain::followup::urgency_order;
use crate::domain::report::ReportScope;
use crate::domain::sheets::directives_table;
use crate::domain::{Directive, DirectiveId, FollowUpState, Tally, UnitId};
use crate::i18n::{format_date, labels, Msg};
use crate::route::Route;

/// A line of the units list as drawn (its whole content is its key).
#[derive(Clone, PartialEq, Eq, Hash)]
struct UnitLine {
    id: String,
    name: String,
    short_name: String,
    kind: &'static str,
    lead: usize,
    overdue: usize,
    coordinating: usize,
}

#[component]
pub fn UnitList() -> impl IntoView {
    let state = use_state();
    let count = Signal::derive(move || state.data.with(|d| d.units.len()));
    let lines = Memo::new(move |_| {
        let lang = state.lang.get();
        state.data.with(|d| {
            d.unit_counts(state.today, state.due_soon_days())
                .into_iter()
                .map(|c| UnitLine {
                    id: c.unit.id.to_string(),
                    name: c.unit.name.clone(),
                    short_name: c.unit.short_name.clone(),
                    kind: labels::unit_kind(c.unit.kind, lang),
                    lead: c.lead,
                    overdue: c.overdue,
                    coordinating: c.coordinating,
                })
                .collect::<Vec<_>>()
        })
    });
    let rows = move || {
        keyed_rows(lines, Clone::clone, move |u: UnitLine| {
            // A line is drawn again when the language changes (its text changes with it).
            let label = |m: Msg| m.text(state.lang.get_untracked());
            let overdue_class = if u.overdue > 0 {
                "num overdue-count"
            } else {
                "num"
            };
            view! {
                <tr>
                    <th scope="row"><a href=Route::Unit(u.id).href()>{u.name}</a></th>
                    <td data-label=label(Msg::ShortName)>{u.short_name}</td>
                    <td data-label=label(Msg::Kind)>{u.kind}</td>
                    <td class="num" data-label=label(Msg::AsLead)>{u.lead}</td>
                    <td class=overdue_class data-label=label(Msg::Overdue)>{u.overdue}</td>
                    <td class="num" data-label=label(Msg::AsCoordinator)>{u.coordinating}</td>
                </tr>
            }
        })
    };
    view! {
        <ListPage title=Msg::NavUnits count=count columns=vec![Msg::Name, Msg::ShortName, Msg::Kind, Msg::AsLead, Msg::Overdue, Msg::AsCoordinator] rows=rows>
            <UnitForm/>
        </ListPage>
    }
}

/// The reminder letter to the unit, when it owes something overdue or due soon: the date
/// it must report by (a week from today unless changed), the button, and the letter laid
/// out for printing.
fn reminder(
    state: AppState,
    d: &crate::domain::Dataset,
    unit: &UnitId,
    report_by: RwSignal<chrono::NaiveDate>,
    lang: crate::i18n::Lang,
) -> Option<AnyView> {
    use crate::domain::document::reminder_letter;
    let owed = crate::domain::document::letter_owed(d, unit, state.today, state.due_soon_days());
    if owed.is_empty() {
        return None;
    }
    let by = report_by.get();
    let unit_name = d
        .units
        .get(unit)
        .map(|u| u.name.clone())
        .unwrap_or_default();
    let from = letterhead(state, d.body_kind_of(&ReportScope::Everything));
    let doc = reminder_letter(
        d,
        unit,
        state.today,
        state.due_soon_days(),
        by,
        &from,
        doc_lang(lang),
    );
    Some(view! {
        <p class="actions">
            <button type="button" id="print-reminder" on:click=move |_| print()>
                {state.t(Msg::PrintReminder)} " (" {owed.len()} ")"
            </button>
            <button type="button" id="word-reminder" on:click={
                let doc = doc.clone();
                let stem = format!("{} {}", state.t(Msg::ReminderFile), unit_name);
                move |_| download_docx(state, &stem, std::slice::from_ref(&doc))
            }>
                {state.t(Msg::DownloadWord)}
            </button>
            <label for="rm-report-by" class="small">{state.t(Msg::ReportBy)}</label>
            <input id="rm-report-by" type="date" prop:value=crate::domain::dates::iso(by)
                on:change=move |ev| {
                    if let Ok(day) = chrono::NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                        report_by.set(day);
                    }
                }/>
        </p>
        <div class="doc-wrap">{document_view(doc, lang)}</div>
    }
    .into_any())
}

/// What one unit owes, the list the officer reads out on the phone, with the update form.
#[component]
pub fn UnitPage(id: String) -> impl IntoView {
    let selected = RwSignal::new(None::<DirectiveId>);
    let report_by = RwSignal::new(use_state().today + chrono::Days::new(7));
    let id = UnitId(id);
    let state = use_state();
    let exists = {
        let id = id.clone();
        move || state.data.with(|d| d.units.contains(&id))
    };
    view! {
        {unit_lists(id.clone(), selected, report_by)}
        <Show when=exists.clone()>
            <UnitForm unit=id.clone()/>
        </Show>
        <UpdateForm selected=selected/>
    }
}

fn unit_lists(
    id: UnitId,
    selected: RwSignal<Option<DirectiveId>>,
    report_by: RwSignal<chrono::NaiveDate>,
) -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.data.with(|d| {
            let Some(u) = d.units.get(&id) else {
                return NotFound().into_any();
            };
            let followed = d.followed();
            let led: Vec<_> = followed
                .iter()
                .copied()
                .filter(|x| x.lead_unit.as_ref() == Some(&u.id))
                .collect();
            let coordinated: Vec<_> = followed
                .iter()
                .copied()
                .filter(|x| x.coordinating_units.contains(&u.id))
                .collect();
            let ids = led.iter().chain(&coordinated).map(|x| &x.id).collect();
            let last_updates = d.last_updates_among(&ids);
            let list = |items: Vec<&Directive>| {
                urgency_order(items, state.today, state.due_soon_days())
                    .into_iter()
                    .map(|x| directive_item(state, d, x, last_updates.get(&x.id).copied(), state.today, selected))
                    .collect_view()
            };
            let tally = Tally::of(led.iter().copied(), state.today, state.due_soon_days());
            let summary = format!(
                "{}: {} · {}: {} · {}: {}",
                labels::follow_up_state(FollowUpState::Overdue, lang),
                tally.overdue,
                labels::follow_up_state(FollowUpState::DueSoon, lang),
                tally.due_soon,
                state.t(Msg::DoneShare),
                labels::done_share(&tally, lang),
            );
            let lead = list(led);
            let coordinating = list(coordinated);
            let former = u
                .former_names
                .iter()
                .map(|f| {
                    format!(
                        "{} ({} {})",
                        f.name,
                        state.t(Msg::Until),
                        format_date(f.until)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            let merged = u.merged_into.as_ref().map(|m| {
                format!(
                    "{} ({})",
                    d.units
                        .get(&m.into)
                        .map(|t| t.name.clone())
                        .unwrap_or_default(),
                    format_date(m.on)
                )
            });
            view! {
                <p class="crumbs"><a href=Route::Units.href()>{state.t(Msg::NavUnits)}</a></p>
                <h1>{u.name.clone()}</h1>
                <p class="actions">
                    <button type="button" on:click={let scope = crate::domain::share::Scope::Unit(u.id.clone()); move |_| state.export(scope.clone())}>
                        {state.t(Msg::ExportThis)}
                    </button>
                </p>
                <dl class="fields">
                    {field(state, Msg::ShortName, u.short_name.clone())}
                    {field(state, Msg::Kind, labels::unit_kind(u.kind, lang).to_owned())}
                    {field(state, Msg::FormerNames, former)}
                    {field(state, Msg::MergedInto, merged.unwrap_or_default())}
                    {field(state, Msg::Contact, u.contact.clone())}
                </dl>
                {reminder(state, d, &u.id, report_by, lang)}
                <h2>{state.t(Msg::AsLead)}</h2>
                <p class="summary">{summary}</p>
                <p class="actions">{export_buttons("unit-list", Msg::TableDirectives, u.name.clone(), {
                    let id = u.id.clone();
                    move || state.data.with_untracked(|d| {
                        let lang = state.lang.get_untracked();
                        let name = d.units.get(&id).map(|u| u.name.clone()).unwrap_or_default();
                        let led = d.followed().into_iter().filter(|x| x.lead_unit.as_ref() == Some(&id)).collect();
                        directives_table(d, &name, urgency_order(led, state.today, state.due_soon_days()), state.today, state.due_soon_days(),
                            &|s| labels::follow_up_state(s, lang), doc_lang(lang))
                    })
                })}</p>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{lead}</ul>
                <h2>{state.t(Msg::AsCoordinator)}</h2>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{coordinating}</ul>
            }
            .into_any()
        })
    }
}
