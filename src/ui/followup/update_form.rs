//! Recording what a unit reported on a directive (often read out on the phone): the date,
//! who, what, the report's reference, and a change of status. One form under the checklist,
//! pointed at a directive by the row's button; the keyboard goes straight to it and back.

use leptos::prelude::*;

use super::row_form::RowForm;

use super::extension_form::{extend_button_id, ExtensionForm, EXTENSION_FIRST_FIELD};
use super::request_form::{ask_button_id, RequestForm, REQUEST_FIRST_FIELD};
use crate::domain::followup::{UpdateDraft, STATUS_CODES};
use crate::domain::Field;
use crate::domain::{Dataset, Directive, DirectiveUpdate};
use crate::domain::{DirectiveId, IdSource};
use crate::i18n::format_date;
use crate::i18n::requests::{history_title, request_line, request_text, Req};
use crate::i18n::{labels, Msg};
use crate::route::Route;
use crate::ui::browser::{self, CryptoIds};
use crate::ui::form::{field_title, Draft, Kind};
use crate::ui::state::{use_state, AppState};
use crate::ui::widgets::{extension_mark, inherited_mark, unit_name, StateBadge};
use chrono::NaiveDate;

/// The id of the row button that opened the form for `directive`, to return the focus to.
pub fn row_button_id(directive: &DirectiveId) -> String {
    format!("upd-{directive}")
}

/// Every row button that opens the update form.
const ROW_BUTTONS: &str = "button[id^='upd-']";

/// Moves the keyboard focus to the update form's first field once it is drawn.
pub fn focus_update_form() {
    browser::focus_later("uf-text");
}

/// The forms a directive's row opens on a list's page: record an update, ask for more time
/// (the unit's request), extend (the office's decision). Each holds the directive it is for.
#[derive(Clone, Copy)]
pub struct RowForms {
    pub updating: RwSignal<Option<DirectiveId>>,
    pub asking: RwSignal<Option<DirectiveId>>,
    pub extending: RwSignal<Option<DirectiveId>>,
}

impl Default for RowForms {
    fn default() -> Self {
        Self::new()
    }
}

impl RowForms {
    pub fn new() -> Self {
        RowForms {
            updating: RwSignal::new(None),
            asking: RwSignal::new(None),
            extending: RwSignal::new(None),
        }
    }

    /// The three forms, drawn where the page shows its forms (each only while open).
    pub fn view(self) -> impl IntoView {
        view! {
            <UpdateForm selected=self.updating/>
            <RequestForm asking=self.asking/>
            <ExtensionForm extending=self.extending/>
        }
    }
}

/// One directive as a line of a list: its state against `reference`, its number linking to
/// its checklist, its text, deadline, last update, and the button opening the update form.
pub fn directive_item(
    state: AppState,
    d: &Dataset,
    x: &Directive,
    last: Option<&DirectiveUpdate>,
    reference: NaiveDate,
    forms: RowForms,
) -> impl IntoView {
    let number = d.number_of(x).to_owned();
    let last = last.map(|u| format!("{}: {}", format_date(u.date), u.text));
    let lang = state.lang.get_untracked();
    let facts = x.facts(reference, state.due_soon_days());
    let details = [
        unit_name(d, facts.lead),
        labels::deadline_text(facts.deadline, lang),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .map(|s| format!(" · {s}"))
    .collect::<String>();
    let pick = x.id.clone();
    let (ask, extend) = (x.id.clone(), x.id.clone());
    let selected = forms.updating;
    view! {
        <li>
            <StateBadge state=facts.state/> " "
            <a href=Route::Conclusion(x.conclusion.to_string()).href()>{number} " · " {crate::ui::widgets::cited(state, x)}</a> " "
            {x.text.clone()}
            <span class="muted">{details}</span>
            {extension_mark(state, x, reference)}
            {inherited_mark(state, d, x, reference)}
            {last.map(|l| view! { <br/><span class="small">{state.t(Msg::LastUpdate)} ": " {l}</span> })}
            <span class="actions">
                <button type="button" class="small" id=row_button_id(&x.id)
                    on:click=move |_| { selected.set(Some(pick.clone())); focus_update_form(); }>
                    {state.t(Msg::RecordUpdateShort)}
                </button>
                " "
                <button type="button" class="small" id=ask_button_id(&x.id)
                    on:click=move |_| { forms.asking.set(Some(ask.clone())); browser::focus_later(REQUEST_FIRST_FIELD); }>
                    {request_text(Req::Ask, lang)}
                </button>
                // Granting more time is the office's; a unit's own browser asks for it.
                {untrack(|| state.office_tools()).then(|| view! {
                    " "
                    <button type="button" class="small" id=extend_button_id(&x.id)
                        on:click=move |_| { forms.extending.set(Some(extend.clone())); browser::focus_later(EXTENSION_FIRST_FIELD); }>
                        {state.t(Msg::ExtendShort)}
                    </button>
                })}
            </span>
        </li>
    }
}

/// A form's heading naming the directive it is for: "Ghi cập nhật nhiệm vụ 3.1 · 16-KL/BCĐ ·
/// …" (the text cut at 140 characters).
pub fn directive_form_heading(state: AppState, x: &Directive, action: &str) -> String {
    let text = crate::domain::text::clip(&x.text, 140).into_owned();
    let number = state.data.with(|d| d.number_of(x).to_owned());
    format!(
        "{action} {} · {number} · {text}",
        crate::ui::widgets::cited(state, x)
    )
}

#[component]
pub fn UpdateForm(selected: RwSignal<Option<DirectiveId>>) -> impl IntoView {
    let state = use_state();
    let today = state.today;
    let form = RowForm::new(selected, row_button_id);
    let directive = form.directive;
    // In a unit's own browser, "who reported" is the unit's officer.
    let fresh = move || {
        let officer = state.settings.with_untracked(|s| s.officer_name.clone());
        match untrack(|| state.reporting_unit()) {
            Some(unit) => {
                let name = state.data.with_untracked(|d| d.unit_name(&unit));
                UpdateDraft::reported_by_unit(today, &officer, &name)
            }
            None => UpdateDraft::new(today),
        }
    };
    let draft = Draft::new(state, fresh(), move |d: &UpdateDraft| {
        directive.with(|x| match x {
            Some(x) => d
                .to_update(x, String::new(), today, browser::now())
                .err()
                .unwrap_or_default(),
            None => Vec::new(),
        })
    });
    form.fresh_draft(draft, fresh);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.submitted.set(true);
        let Some(x) = directive.get_untracked() else {
            return;
        };
        let result = draft
            .value
            .with_untracked(|d| d.to_update(&x, CryptoIds.next_id(), today, browser::now()));
        if let Ok(update) = result {
            // Chosen before the change: the row may leave its list (done, no longer overdue),
            // and the focus then goes to the row that takes its place.
            let focus = browser::focus_candidates(&row_button_id(&x.id), ROW_BUTTONS);
            let now = browser::now();
            state.edit(|data| data.record_update(update, now));
            form.saved_for(&x, false);
            browser::focus_first_later(focus);
        }
    };
    let body = move || {
        let title = move |field: Field| move || field_title(field, false, state.lang.get());
        let text = draft.input(
            "uf",
            Field::Text,
            Kind::Long,
            move || state.t(Msg::WhatWasReported).to_owned(),
            |d| &d.text,
            |d| &mut d.text,
        );
        let date = draft.input(
            "uf",
            Field::Date,
            Kind::Date,
            title(Field::Date),
            |d| &d.date,
            |d| &mut d.date,
        );
        let by = draft.input(
            "uf",
            Field::ReportedBy,
            Kind::Text,
            title(Field::ReportedBy),
            |d| &d.reported_by,
            |d| &mut d.reported_by,
        );
        let reference = draft.input(
            "uf",
            Field::DocumentRef,
            Kind::Text,
            title(Field::DocumentRef),
            |d| &d.document_ref,
            |d| &mut d.document_ref,
        );
        let document_date = draft.input(
            "uf",
            Field::DocumentDate,
            Kind::Date,
            title(Field::DocumentDate),
            |d| &d.document_date,
            |d| &mut d.document_date,
        );
        let done_on = draft.input(
            "uf",
            Field::DoneOn,
            Kind::Date,
            title(Field::DoneOn),
            |d| &d.done_on,
            |d| &mut d.done_on,
        );
        let status = draft.select(
            "uf",
            Field::Status,
            title(Field::Status),
            move || {
                let lang = state.lang.get();
                let mut all = vec![(String::new(), state.t(Msg::NoStatusChange).to_owned())];
                all.extend(STATUS_CODES.iter().map(|c| {
                    (
                        (*c).to_owned(),
                        labels::recorded_status_code(c, lang).to_owned(),
                    )
                }));
                all
            },
            |d| &d.status,
            |d| &mut d.status,
        );
        let note = draft.input(
            "uf",
            Field::Note,
            Kind::Text,
            title(Field::Note),
            |d| &d.note,
            |d| &mut d.note,
        );
        let needs_note = move || draft.value.with(UpdateDraft::needs_note);
        let is_done = move || draft.value.with(|d| d.status == "done");
        view! {
            <form on:submit=on_submit novalidate>
                {text}
                <div class="groups">
                    <fieldset>
                        <legend>{move || state.t(Msg::Source)}</legend>
                        {date}{by}{reference}{document_date}
                    </fieldset>
                    <fieldset>
                        <legend>{move || state.t(Msg::State)}</legend>
                        {status}
                        <div class:hidden=move || !is_done()>{done_on}</div>
                        <div class:hidden=move || !needs_note()>{note}</div>
                    </fieldset>
                </div>
                <button type="submit" class="primary">{move || state.t(Msg::SaveUpdate)}</button>
                " "
                <button type="button" on:click=move |_| form.close()>{move || state.t(Msg::Cancel)}</button>
            </form>
        }
    };
    // What was reported and asked before, the oldest first (a unit sees its own history).
    let history = move || {
        directive.with(|x| {
            let x = x.as_ref()?;
            let lang = state.lang.get();
            let lines = state.data.with(|d| {
                let mut lines: Vec<String> = d
                    .updates_of(&x.id)
                    .into_iter()
                    .map(|u| {
                        let source = [u.reported_by.as_str(), u.document_ref.as_str()]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(", ");
                        format!("{} · {source}: {}", format_date(u.date), u.text)
                    })
                    .collect();
                lines.extend(d.requests_on(&x.id).into_iter().map(|r| request_line(r, lang)));
                lines
            });
            (!lines.is_empty()).then(|| {
                view! {
                    <details class="history" id="uf-history">
                        <summary>{history_title(lang)} " (" {lines.len()} ")"</summary>
                        <ul class="small">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </details>
                }
            })
        })
    };
    form.view(
        ("update-form", "uf-heading"),
        move |x| directive_form_heading(state, x, state.t(Msg::RecordUpdate)),
        move |p| format!("{} {p}.", state.t(Msg::UpdateSaved)),
        move || view! { {history} {body} },
    )
}
