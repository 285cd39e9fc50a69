//! Creating and editing a project of the register: every field of the model, checked as the
//! officer types, nothing stored while anything is wrong, nothing typed lost.

use leptos::prelude::*;

use crate::domain::draft::code;
use crate::domain::projects::ProjectDraft;
use crate::domain::Field;
use crate::domain::{CapitalSource, IdSource, InvestmentGroup, ProjectId, Qualifier};
use crate::i18n::{decimal_mark, labels, Lang, Msg};
use crate::route::Route;
use crate::ui::browser::{self, CryptoIds};
use crate::ui::form::{choices, field_title, Draft, Kind, ReadField, WriteField};
use crate::ui::state::use_state;
use crate::ui::widgets::NotFound;

type Options = fn(&crate::domain::Dataset, Lang) -> Vec<(String, String)>;

/// (field, kind, read, write)
const TEXT_FIELDS: [(
    Field,
    Kind,
    ReadField<ProjectDraft>,
    WriteField<ProjectDraft>,
); 5] = [
    (Field::Name, Kind::Text, |d| &d.name, |d| &mut d.name),
    (
        Field::ShortName,
        Kind::Text,
        |d| &d.short_name,
        |d| &mut d.short_name,
    ),
    (
        Field::Location,
        Kind::Text,
        |d| &d.location,
        |d| &mut d.location,
    ),
    (Field::Phase, Kind::Text, |d| &d.phase, |d| &mut d.phase),
    (
        Field::LeaderInCharge,
        Kind::Text,
        |d| &d.leader_in_charge,
        |d| &mut d.leader_in_charge,
    ),
];

/// (field, options, read, write): the choices, each with an empty "not given" first.
const CHOICES: [(
    Field,
    Options,
    ReadField<ProjectDraft>,
    WriteField<ProjectDraft>,
); 4] = [
    (
        Field::Committee,
        |d, _| choices::committees(d),
        |d| &d.committee,
        |d| &mut d.committee,
    ),
    (
        Field::Investor,
        |d, _| choices::units(d),
        |d| &d.investor,
        |d| &mut d.investor,
    ),
    (
        Field::Group,
        |_, lang| {
            InvestmentGroup::ALL
                .iter()
                .map(|g| (code(g), labels::investment_group(*g, lang).to_owned()))
                .collect()
        },
        |d| &d.group,
        |d| &mut d.group,
    ),
    (
        Field::CapitalSource,
        |_, lang| {
            CapitalSource::ALL
                .iter()
                .map(|c| (code(c), labels::capital_source(*c, lang).to_owned()))
                .collect()
        },
        |d| &d.capital_source,
        |d| &mut d.capital_source,
    ),
];

/// The register form: a new project when `id` is `None`.
#[component]
pub fn ProjectForm(id: Option<String>) -> impl IntoView {
    let state = use_state();
    let id = id.map(ProjectId);
    let base = id
        .as_ref()
        .and_then(|id| state.data.with_untracked(|d| d.projects.get(id).cloned()));
    if id.is_some() && base.is_none() {
        return NotFound().into_any();
    }
    let mark = move || decimal_mark(state.lang.get());
    let initial = base
        .as_ref()
        .map(|p| ProjectDraft::from_project(p, decimal_mark(state.lang.get_untracked())))
        .unwrap_or_default();
    let check_base = base.clone();
    let draft = Draft::new(state, initial, move |d: &ProjectDraft| {
        d.to_project(mark(), check_base.as_ref(), String::new(), browser::now())
            .err()
            .unwrap_or_default()
    });
    let label = move |field: Field| {
        move || match field {
            Field::Name => state.t(Msg::ProjectName).to_owned(),
            _ => field_title(field, false, state.lang.get()),
        }
    };
    let not_given = move || state.t(Msg::NotGiven).to_owned();

    let texts = TEXT_FIELDS
        .map(|(field, kind, get, set)| draft.input("pf", field, kind, label(field), get, set));
    let [name, short_name, location, phase, leader] = texts;
    let choices = CHOICES.map(|(field, options, get, set)| {
        let options = move || {
            let lang = state.lang.get();
            let mut all = vec![(String::new(), not_given())];
            all.extend(state.data.with(|d| options(d, lang)));
            all
        };
        draft.select("pf", field, label(field), options, get, set)
    });
    let [committee, investor, group, capital_source] = choices;
    let amount = draft.input(
        "pf",
        Field::TotalInvestment,
        Kind::Money,
        move || field_title(Field::TotalInvestment, true, state.lang.get()),
        |d| &d.total_investment_billions,
        |d| &mut d.total_investment_billions,
    );
    let qualifier = draft.select(
        "pf",
        Field::TotalInvestmentQualifier,
        move || state.t(Msg::AmountQualifier).to_owned(),
        move || {
            let lang = state.lang.get();
            let mut all = vec![(String::new(), state.t(Msg::Exactly).to_owned())];
            all.extend(
                Qualifier::ALL
                    .iter()
                    .map(|q| (code(q), labels::qualifier(*q, lang).to_owned())),
            );
            all
        },
        |d| &d.total_investment_qualifier,
        |d| &mut d.total_investment_qualifier,
    );
    let start = draft.input(
        "pf",
        Field::PlannedStart,
        Kind::Date,
        label(Field::PlannedStart),
        |d| &d.planned_start,
        |d| &mut d.planned_start,
    );
    let finish = draft.input(
        "pf",
        Field::PlannedFinish,
        Kind::Date,
        label(Field::PlannedFinish),
        |d| &d.planned_finish,
        |d| &mut d.planned_finish,
    );

    let editing = base.is_some();
    let opened = base.as_ref().map(|b| b.updated_at);
    let back = id
        .as_ref()
        .map_or(Route::Projects, |id| Route::Project(id.to_string()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.submitted.set(true);
        let mark = decimal_mark(state.lang.get_untracked());
        let result = draft.value.with_untracked(|d| {
            d.to_project(mark, base.as_ref(), CryptoIds.next_id(), browser::now())
        });
        if let Ok(project) = result {
            let route = Route::Project(project.id.to_string());
            state.save_edit(project, opened);
            browser::go(&route);
        }
    };
    let has_errors = move || draft.submitted.get() && draft.errors.with(|e| !e.is_empty());
    view! {
        <p class="crumbs"><a href=Route::Projects.href()>{move || state.t(Msg::NavProjects)}</a></p>
        <h1>{move || state.t(if editing { Msg::EditProject } else { Msg::NewProject })}</h1>
        <form class="card form register" on:submit=on_submit novalidate>
            <p class="small muted">{move || state.t(Msg::ProjectFormHint)}</p>
            <div class="groups">
                <fieldset>
                    <legend>{move || state.t(Msg::GeneralInfo)}</legend>
                    {name}{short_name}{committee}{investor}{location}{group}{capital_source}
                </fieldset>
                <fieldset>
                    <legend>{move || state.t(Msg::ScaleAndSchedule)}</legend>
                    {amount}{qualifier}{phase}{start}{finish}{leader}
                </fieldset>
            </div>
            <p class="problem" role="alert">{move || has_errors().then(|| state.t(Msg::FixProblems))}</p>
            <button type="submit" class="primary">{move || state.t(Msg::SaveProject)}</button>
            " "
            <a class="button" href=back.href()>{move || state.t(Msg::Cancel)}</a>
        </form>
    }
    .into_any()
}
