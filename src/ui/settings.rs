//! This browser's settings: who exports (named in files), the office's tolerance of the
//! schedule rule, and how many days before a deadline count as "due soon".

use leptos::prelude::*;

use super::form::{field_title, Draft, Kind};
use super::state::use_state;
use crate::domain::draft::SettingsDraft;
use crate::domain::number::format_scaled;
use crate::domain::Field;
use crate::i18n::{decimal_mark, Msg};

#[component]
pub fn SettingsCard() -> impl IntoView {
    let state = use_state();
    let current = move || {
        let s = state.settings.get_untracked();
        let mark = decimal_mark(state.lang.get_untracked());
        SettingsDraft {
            officer_name: s.officer_name.clone(),
            office: s.office.clone(),
            tolerance_points: format_scaled((s.tolerance_points() * 10.0).round() as i64, 1, mark),
            due_soon_days: s.due_soon_days().to_string(),
        }
    };
    let draft = Draft::new(state, current(), move |d: &SettingsDraft| {
        d.read(decimal_mark(state.lang.get()))
            .err()
            .unwrap_or_default()
    });
    let saved = RwSignal::new(None::<SettingsDraft>);
    let show_saved = move || saved.with(|s| s.as_ref() == Some(&draft.value.get()));
    let title = move |field: Field| move || field_title(field, false, state.lang.get());
    let name = draft.input(
        "st",
        Field::OfficerName,
        Kind::Text,
        title(Field::OfficerName),
        |d| &d.officer_name,
        |d| &mut d.officer_name,
    );
    let office = draft.input(
        "st",
        Field::Office,
        Kind::Text,
        title(Field::Office),
        |d| &d.office,
        |d| &mut d.office,
    );
    let tolerance = draft.input(
        "st",
        Field::TolerancePoints,
        Kind::Number,
        title(Field::TolerancePoints),
        |d| &d.tolerance_points,
        |d| &mut d.tolerance_points,
    );
    let days = draft.input(
        "st",
        Field::DueSoonDays,
        Kind::Number,
        title(Field::DueSoonDays),
        |d| &d.due_soon_days,
        |d| &mut d.due_soon_days,
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.submitted.set(true);
        let read = draft
            .value
            .with_untracked(|d| d.read(decimal_mark(state.lang.get_untracked())));
        if let Ok(values) = read {
            let mut settings = state.settings.get_untracked();
            settings.officer_name = values.officer_name;
            settings.office = values.office;
            settings.tolerance_points = Some(values.tolerance_points);
            settings.due_soon_days = Some(values.due_soon_days);
            state.set_settings(settings);
            draft.submitted.set(false);
            saved.set(Some(draft.value.get_untracked()));
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-title">
            <h2 id="settings-title">{move || state.t(Msg::Settings)}</h2>
            <p class="small">{move || state.t(Msg::SettingsHint)}</p>
            <form class="form" on:submit=on_submit novalidate>
                <div class="groups">
                    <fieldset><legend>{move || state.t(Msg::Settings)}</legend>{name}{office}{tolerance}{days}</fieldset>
                </div>
                <button type="submit" class="primary">{move || state.t(Msg::SaveSettings)}</button>
                <span class="saved" role="status">{move || show_saved().then(|| state.t(Msg::SettingsSaved))}</span>
            </form>
        </section>
    }
}

/// "Đơn vị của tôi": the unit this browser reports for, found by typing its name. Chosen
/// here in a browser holding data (a package opened in an empty browser sets it itself).
#[component]
pub fn MyUnitCard() -> impl IntoView {
    use crate::domain::sharing::MyUnit;
    use crate::i18n::units_side as words;
    let state = use_state();
    let filter = RwSignal::new(String::new());
    let chosen = move || {
        state
            .reporting_unit()
            .map(|u| u.to_string())
            .into_iter()
            .collect::<Vec<_>>()
    };
    let choose = move |value: String, on: bool| {
        let mut settings = state.settings.get_untracked();
        // A browser holding only a package stays one when another unit is chosen.
        settings.reporting_for = on.then(|| {
            MyUnit::chosen_after(
                settings.reporting_for.as_ref(),
                value.as_str().into(),
                crate::ui::browser::now(),
            )
        });
        state.set_settings(settings);
        filter.set(String::new());
    };
    let pick = crate::ui::pick::PickBox {
        id: "my-unit".to_owned(),
        label: move || words::my_unit_label(state.lang.get()).to_owned(),
        options: move || state.data.with(super::form::choices::units),
        chosen,
        toggle: choose,
        single: true,
        filter,
        no_match: |_| ().into_any(),
    }
    .view();
    let current = move || {
        let lang = state.lang.get();
        match state.reporting_unit() {
            Some(u) => view! {
                <p>
                    <strong>{state.data.with(|d| d.unit_name(&u))}</strong> " "
                    <button type="button" class="small" id="my-unit-clear" on:click=move |_| choose(String::new(), false)>
                        {words::my_unit_none(lang)}
                    </button>
                </p>
            }
            .into_any(),
            None => view! { <p class="muted">{words::my_unit_none(lang)}</p> }.into_any(),
        }
    };
    view! {
        <section class="card" aria-labelledby="my-unit-title" id="my-unit-card">
            <h2 id="my-unit-title">{move || words::my_unit_label(state.lang.get())}</h2>
            <p class="small">{move || words::my_unit_hint(state.lang.get())}</p>
            {current}
            {pick}
        </section>
    }
}
