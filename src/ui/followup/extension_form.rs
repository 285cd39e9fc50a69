//! Granting more time on a directive (gia hạn): the new deadline in the granting document's
//! words (read at once, correctable by hand), the day granted, the document and the reason.
//! The original deadline and the earlier extensions are listed above and never changed.
//! One form under the checklist, opened by a row's "Gia hạn" button.

use leptos::prelude::*;

use super::row_form::RowForm;
use super::update_form::directive_form_heading;
use crate::domain::followup::ExtensionDraft;
use crate::domain::DirectiveId;
use crate::domain::Field;
use crate::i18n::{format_date, labels, Msg};
use crate::ui::browser;
use crate::ui::form::{field_title, Draft, Kind};
use crate::ui::state::use_state;

/// The id of the row button that opened the form for `directive`, to return the focus to.
pub fn extend_button_id(directive: &DirectiveId) -> String {
    format!("ext-{directive}")
}

/// The form's first field, where the keyboard goes when it opens.
pub const EXTENSION_FIRST_FIELD: &str = "xf-deadline";

#[component]
pub fn ExtensionForm(extending: RwSignal<Option<DirectiveId>>) -> impl IntoView {
    let state = use_state();
    let today = state.today;
    let form = RowForm::new(extending, extend_button_id);
    let directive = form.directive;
    // The day the directive's conclusion was issued: an extension cannot come before it.
    let issued = Memo::new(move |_| {
        directive.with(|x| {
            x.as_ref().and_then(|x| {
                state
                    .data
                    .with(|d| d.conclusions.get(&x.conclusion).map(|c| c.date))
            })
        })
    });
    let draft = Draft::new(
        state,
        ExtensionDraft::new(today),
        move |d: &ExtensionDraft| {
            directive.with(|x| match (x, issued.get()) {
                (Some(x), Some(issued)) => {
                    d.to_extension(x, issued, today).err().unwrap_or_default()
                }
                _ => Vec::new(),
            })
        },
    );
    form.fresh_draft(draft, move || ExtensionDraft::new(today));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.submitted.set(true);
        let (Some(x), Some(issued)) = (directive.get_untracked(), issued.get_untracked()) else {
            return;
        };
        let result = draft
            .value
            .with_untracked(|d| d.to_extension(&x, issued, today));
        if let Ok(extension) = result {
            let now = browser::now();
            state.edit(|data| {
                data.grant_extension(&x.id, extension, now);
            });
            form.saved_for(&x, true);
        }
    };
    let history = move || {
        directive.with(|x| {
            let x = x.as_ref()?;
            let lang = state.lang.get();
            let mut lines = vec![view! {
                <li>{labels::deadline_text(&x.deadline, lang)}</li>
            }
            .into_any()];
            for step in x.extension_history() {
                let e = step.extension;
                let mut line = format!(
                    "{} {}: {}",
                    Msg::ExtendShort.text(lang),
                    format_date(e.granted_on),
                    labels::deadline_text(&e.deadline, lang)
                );
                for part in [&e.document_ref, &e.reason] {
                    if !part.is_empty() {
                        line.push_str(&format!(" · {part}"));
                    }
                }
                let late = step
                    .granted_late
                    .then(|| view! { " " <span class="st overdue">{Msg::GrantedLate.text(lang)}</span> });
                lines.push(view! { <li>{line}{late}</li> }.into_any());
            }
            let in_force = labels::deadline_text(x.deadline_on(today), lang);
            Some(view! {
                <h3>{Msg::ExtensionHistory.text(lang)}</h3>
                <ol class="small">{lines}</ol>
                <p class="small"><strong>{Msg::DeadlineInForce.text(lang)} ": "</strong>{in_force}</p>
            })
        })
    };
    let body = move || {
        let title = move |field: Field| move || field_title(field, false, state.lang.get());
        let deadline = draft.input_echo(
            "xf",
            Field::Deadline,
            Kind::Text,
            title(Field::NewDeadline),
            |d| &d.deadline_words,
            |d| &mut d.deadline_words,
            move || {
                let lang = state.lang.get();
                let deadline = draft.value.with(|d| d.deadline())?.ok()?;
                Some(labels::deadline_understood(&deadline, lang))
            },
        );
        let by_hand = draft.input(
            "xf",
            Field::DueByHand,
            Kind::Date,
            title(Field::DueByHand),
            |d| &d.due_by_hand,
            |d| &mut d.due_by_hand,
        );
        let granted = draft.input(
            "xf",
            Field::GrantedOn,
            Kind::Date,
            title(Field::GrantedOn),
            |d| &d.granted_on,
            |d| &mut d.granted_on,
        );
        let reference = draft.input(
            "xf",
            Field::DocumentRef,
            Kind::Text,
            title(Field::GrantingRef),
            |d| &d.document_ref,
            |d| &mut d.document_ref,
        );
        let reason = draft.input(
            "xf",
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
                        {deadline}{by_hand}
                    </fieldset>
                    <fieldset>
                        <legend>{move || state.t(Msg::GrantingDocument)}</legend>
                        {granted}{reference}
                    </fieldset>
                </div>
                {reason}
                <button type="submit" class="primary">{move || state.t(Msg::SaveExtension)}</button>
                " "
                <button type="button" on:click=move |_| form.close()>{move || state.t(Msg::Cancel)}</button>
            </form>
        }
    };
    form.view(
        ("extension-form", "xf-heading"),
        move |x| directive_form_heading(state, x, state.t(Msg::ExtendDirective)),
        move |p| format!("{} {p}.", state.t(Msg::ExtensionSaved)),
        move || view! { {history} {body} },
    )
}
