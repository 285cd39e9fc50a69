//! A unit asking for more time on a directive (đề nghị gia hạn): the day it asks until, why,
//! its request document and the day it asked. Saved as a request awaiting the office's
//! decision; the deadline changes only when the office grants it. Opened by a row's button.

use leptos::prelude::*;

use super::row_form::RowForm;
use super::update_form::directive_form_heading;
use crate::domain::followup::ExtensionRequestDraft;
use crate::domain::Field;
use crate::domain::{DirectiveId, IdSource};
use crate::i18n::requests::{request_text, Req};
use crate::i18n::{labels, Msg};
use crate::ui::browser::{self, CryptoIds};
use crate::ui::form::{field_title, Draft, Kind};
use crate::ui::state::use_state;

/// The id of the row button that opened the form for `directive`, to return the focus to.
pub fn ask_button_id(directive: &DirectiveId) -> String {
    format!("ask-{directive}")
}

/// The form's first field, where the keyboard goes when it opens.
pub const REQUEST_FIRST_FIELD: &str = "rq-until";

#[component]
pub fn RequestForm(asking: RwSignal<Option<DirectiveId>>) -> impl IntoView {
    let state = use_state();
    let today = state.today;
    let form = RowForm::new(asking, ask_button_id);
    let directive = form.directive;
    let draft = Draft::new(
        state,
        ExtensionRequestDraft::new(today),
        move |d: &ExtensionRequestDraft| {
            directive.with(|x| match x {
                Some(x) => d
                    .to_request(x, String::new(), today, browser::now())
                    .err()
                    .unwrap_or_default(),
                None => Vec::new(),
            })
        },
    );
    form.fresh_draft(draft, move || ExtensionRequestDraft::new(today));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.submitted.set(true);
        let Some(x) = directive.get_untracked() else {
            return;
        };
        let result = draft
            .value
            .with_untracked(|d| d.to_request(&x, CryptoIds.next_id(), today, browser::now()));
        if let Ok(request) = result {
            state.save_edit(request, None);
            form.saved_for(&x, true);
        }
    };
    let in_force = move || {
        directive.with(|x| {
            let x = x.as_ref()?;
            let lang = state.lang.get();
            let deadline = labels::deadline_text(x.deadline_on(today), lang);
            Some(view! {
                <p class="small"><strong>{Msg::DeadlineInForce.text(lang)} ": "</strong>{deadline}</p>
            })
        })
    };
    let body = move || {
        let title = move |field: Field| move || field_title(field, false, state.lang.get());
        let until = draft.input(
            "rq",
            Field::Until,
            Kind::Date,
            move || request_text(Req::AskedUntil, state.lang.get()).to_owned(),
            |d| &d.until,
            |d| &mut d.until,
        );
        let asked_on = draft.input(
            "rq",
            Field::AskedOn,
            Kind::Date,
            title(Field::AskedOn),
            |d| &d.asked_on,
            |d| &mut d.asked_on,
        );
        let reference = draft.input(
            "rq",
            Field::DocumentRef,
            Kind::Text,
            move || request_text(Req::RequestRef, state.lang.get()).to_owned(),
            |d| &d.document_ref,
            |d| &mut d.document_ref,
        );
        let reason = draft.input(
            "rq",
            Field::Reason,
            Kind::Long,
            title(Field::Reason),
            |d| &d.reason,
            |d| &mut d.reason,
        );
        view! {
            <form on:submit=on_submit novalidate>
                <div class="groups">
                    <fieldset>
                        <legend>{move || state.t(Msg::Deadline)}</legend>
                        {until}
                    </fieldset>
                    <fieldset>
                        <legend>{move || state.t(Msg::Source)}</legend>
                        {asked_on}{reference}
                    </fieldset>
                </div>
                {reason}
                <button type="submit" class="primary">{move || request_text(Req::SaveRequest, state.lang.get())}</button>
                " "
                <button type="button" on:click=move |_| form.close()>{move || state.t(Msg::Cancel)}</button>
            </form>
        }
    };
    form.view(
        ("request-form", "rq-heading"),
        move |x| directive_form_heading(state, x, request_text(Req::Ask, state.lang.get())),
        move |p| format!("{} {p}.", request_text(Req::RequestSaved, state.lang.get())),
        move || view! { {in_force} {body} },
    )
}
