//! Adding a dated progress report to a project. The form reads numbers in the officer's
//! convention, explains each problem under its field as they type, stores nothing invalid,
//! and keeps everything typed when the report is rejected.

use leptos::prelude::*;

use super::browser::{self, CryptoIds};
use super::state::use_state;
use crate::domain::dates::iso;
use crate::domain::draft::ReportDraft;
use crate::domain::{IdSource, ProjectId};
use crate::i18n::{decimal_mark, draft_message, field_label, Msg};

type ReadField = fn(&ReportDraft) -> &String;
type WriteField = fn(&mut ReportDraft) -> &mut String;

/// (field name in the format, unit shown after the label, read, write)
const FIGURES: [(&str, &str, ReadField, WriteField); 11] = [
    (
        "site_clearance.households_total",
        "",
        |d| &d.households_total,
        |d| &mut d.households_total,
    ),
    (
        "site_clearance.households_handed_over",
        "",
        |d| &d.households_handed_over,
        |d| &mut d.households_handed_over,
    ),
    (
        "site_clearance.area_total_ha",
        "",
        |d| &d.area_total_ha,
        |d| &mut d.area_total_ha,
    ),
    (
        "site_clearance.area_handed_over_ha",
        "",
        |d| &d.area_handed_over_ha,
        |d| &mut d.area_handed_over_ha,
    ),
    (
        "construction.packages_total",
        "",
        |d| &d.packages_total,
        |d| &mut d.packages_total,
    ),
    (
        "construction.packages_under_construction",
        "",
        |d| &d.packages_under_construction,
        |d| &mut d.packages_under_construction,
    ),
    (
        "construction.contracts_signed",
        "",
        |d| &d.contracts_signed,
        |d| &mut d.contracts_signed,
    ),
    (
        "construction.volume_percent",
        "",
        |d| &d.volume_percent,
        |d| &mut d.volume_percent,
    ),
    (
        "capital.plan",
        "money",
        |d| &d.plan_billions,
        |d| &mut d.plan_billions,
    ),
    (
        "capital.allocated",
        "money",
        |d| &d.allocated_billions,
        |d| &mut d.allocated_billions,
    ),
    (
        "capital.disbursed",
        "money",
        |d| &d.disbursed_billions,
        |d| &mut d.disbursed_billions,
    ),
];

#[component]
pub fn ReportForm(project: ProjectId) -> impl IntoView {
    let state = use_state();
    let fresh = move || ReportDraft {
        as_of: iso(state.today),
        ..Default::default()
    };
    let draft = RwSignal::new(fresh());
    let submitted = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let check_project = project.clone();
    let errors = Memo::new(move |_| {
        let mark = decimal_mark(state.lang.get());
        draft.with(|d| {
            d.to_report(mark, &check_project, String::new(), browser::now())
                .err()
                .unwrap_or_default()
        })
    });
    // A field's problem is shown once something is typed in it, or after a submit attempt.
    let problem = move |field: &'static str, typed: bool| {
        (typed || submitted.get())
            .then(|| {
                errors.with(|e| {
                    e.iter()
                        .find(|x| x.field == field)
                        .map(|x| draft_message(&x.problem, state.lang.get()))
                })
            })
            .flatten()
    };

    let input = move |field: &'static str, unit: &'static str, get: ReadField, set: WriteField| {
        let id = format!("rf-{}", field.replace('.', "-"));
        let hint = format!("{id}-problem");
        let label = move || {
            let lang = state.lang.get();
            let unit = if unit == "money" {
                lang.pick(" (tỷ đồng)", " (billion VND)")
            } else {
                ""
            };
            format!("{}{unit}", field_label(field, lang))
        };
        let message = move || problem(field, draft.with(|d| !get(d).trim().is_empty()));
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id type="text" inputmode="decimal" autocomplete="off"
                    aria-invalid=move || message().is_some().to_string() aria-describedby=hint.clone()
                    prop:value=move || draft.with(|d| get(d).clone())
                    on:input=move |ev| { saved.set(false); draft.update(|d| *set(d) = event_target_value(&ev)); }/>
                <span class="problem" id=hint role="status">{message}</span>
            </div>
        }
    };
    let groups = [
        (Msg::SiteClearance, 0..4),
        (Msg::ConstructionVolume, 4..8),
        (Msg::Disbursement, 8..11),
    ]
    .into_iter()
    .map(|(title, range)| {
        let inputs = FIGURES[range]
            .iter()
            .map(|(f, u, g, s)| input(f, u, *g, *s))
            .collect_view();
        view! { <fieldset><legend>{move || state.t(title)}</legend>{inputs}</fieldset> }
    })
    .collect_view();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let mark = decimal_mark(state.lang.get_untracked());
        let result = draft
            .with_untracked(|d| d.to_report(mark, &project, CryptoIds.next_id(), browser::now()));
        if let Ok(report) = result {
            state.edit(|data| data.progress_reports.upsert(report));
            draft.set(fresh());
            submitted.set(false);
            saved.set(true);
        }
    };
    let date_problem = move || problem("as_of", true);
    let narrative_problem = move || problem("narrative", false);

    view! {
        <details class="card form">
            <summary>{move || state.t(Msg::AddReport)}</summary>
            <form on:submit=on_submit novalidate>
                <p class="small muted">{move || state.t(Msg::ReportFormHint)}</p>
                <div class="field">
                    <label for="rf-as-of">{move || state.t(Msg::AsOf)}</label>
                    <input id="rf-as-of" type="date" aria-describedby="rf-as-of-problem"
                        prop:value=move || draft.with(|d| d.as_of.clone())
                        on:input=move |ev| draft.update(|d| d.as_of = event_target_value(&ev))/>
                    <span class="problem" id="rf-as-of-problem" role="status">{date_problem}</span>
                </div>
                <div class="groups">{groups}</div>
                <div class="field wide">
                    <label for="rf-narrative">{move || state.t(Msg::Narrative)}</label>
                    <textarea id="rf-narrative" rows="2" aria-describedby="rf-narrative-problem"
                        prop:value=move || draft.with(|d| d.narrative.clone())
                        on:input=move |ev| draft.update(|d| d.narrative = event_target_value(&ev))></textarea>
                    <span class="problem" id="rf-narrative-problem" role="status">{narrative_problem}</span>
                </div>
                <button type="submit" class="primary">{move || state.t(Msg::SaveReport)}</button>
                <span class="saved" role="status">{move || saved.get().then(|| state.t(Msg::ReportSaved))}</span>
            </form>
        </details>
    }
}
