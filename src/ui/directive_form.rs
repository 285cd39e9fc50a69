//! Adding a numbered directive to a conclusion, or correcting one: its text, lead and
//! coordinating units (a unit missing from the register is added on the spot), the person
//! responsible, the deadline in the document's words with the due date understood shown at
//! once (and corrected by hand when wrong), and the projects it names.

use leptos::prelude::*;

use super::browser::{self, CryptoIds};
use super::form::{choices, field_title, Draft, Kind};
use super::state::use_state;
use crate::domain::draft::{DirectiveDraft, FieldError};
use crate::domain::{ConclusionId, DirectiveId, IdSource, Unit};
use crate::i18n::{labels, Msg};

/// The id of the form's first field, where the keyboard goes when the form is opened.
pub const FIRST_FIELD: &str = "df-text";

#[component]
pub fn DirectiveForm(
    conclusion: ConclusionId,
    editing: RwSignal<Option<DirectiveId>>,
) -> impl IntoView {
    let state = use_state();
    let base = move || {
        editing.get().and_then(|id| {
            state
                .data
                .with_untracked(|d| d.directives.get(&id).cloned())
        })
    };
    let fresh = {
        let conclusion = conclusion.clone();
        move || DirectiveDraft {
            path: state
                .data
                .with_untracked(|d| d.next_directive_path(&conclusion)),
            ..Default::default()
        }
    };
    // Reads the draft against the conclusion as stored now, with the numbers its other
    // directives already use.
    let read = {
        let conclusion = conclusion.clone();
        move |draft: &DirectiveDraft, id: String, track: bool| {
            let editing_id = if track {
                editing.get()
            } else {
                editing.get_untracked()
            };
            let read_data = |d: &crate::domain::Dataset| {
                let c = d.conclusions.get(&conclusion)?;
                let taken: Vec<_> = d
                    .directives_of(&conclusion)
                    .iter()
                    .filter(|x| Some(&x.id) != editing_id.as_ref())
                    .map(|x| x.path.clone())
                    .collect();
                let base = editing_id.as_ref().and_then(|id| d.directives.get(id));
                Some(draft.to_directive(c, &taken, base, id, browser::now()))
            };
            if track {
                state.data.with(read_data)
            } else {
                state.data.with_untracked(read_data)
            }
        }
    };
    let check = read.clone();
    let draft = Draft::new(state, fresh(), move |d: &DirectiveDraft| {
        match check(d, String::new(), true) {
            Some(Err(errors)) => errors,
            _ => Vec::<FieldError>::new(),
        }
    });
    let issued = {
        let conclusion = conclusion.clone();
        Memo::new(move |_| {
            state
                .data
                .with(|d| d.conclusions.get(&conclusion).map(|c| c.date))
        })
    };
    // Choosing "edit" on a row fills the form with that directive.
    let refill = fresh.clone();
    // The version the form was opened on: saving over a newer one is refused and shown.
    let opened = RwSignal::new(None::<chrono::DateTime<chrono::Utc>>);
    Effect::new(move |_| {
        let base = base();
        opened.set(base.as_ref().map(|x| x.updated_at));
        let filled = match (base, issued.get_untracked()) {
            (Some(x), Some(date)) => DirectiveDraft::from_directive(&x, date),
            _ => refill(),
        };
        draft.value.set(filled);
        draft.submitted.set(false);
    });
    let saved = RwSignal::new(None::<DirectiveDraft>);
    let show_saved = move || saved.with(|s| s.as_ref() == Some(&draft.value.get()));

    let title = move |field: &'static str| move || field_title(field, false, state.lang.get());
    let path = draft.input(
        "df",
        "path",
        Kind::Text,
        title("path"),
        |d| &d.path,
        |d| &mut d.path,
    );
    let text = draft.input(
        "df",
        "text",
        Kind::Long,
        title("text"),
        |d| &d.text,
        |d| &mut d.text,
    );
    let lead = draft.select(
        "df",
        "lead_unit",
        title("lead_unit"),
        move || {
            let mut units = state.data.with(choices::units);
            units.insert(0, (String::new(), state.t(Msg::NotGiven).to_owned()));
            units
        },
        |d| &d.lead_unit,
        |d| &mut d.lead_unit,
    );
    let coordinating = draft.picks(
        "df",
        "coordinating_units",
        title("coordinating_units"),
        move || state.data.with(choices::units),
        |d| &d.coordinating_units,
        |d| &mut d.coordinating_units,
    );
    let person = draft.input(
        "df",
        "responsible_person",
        Kind::Text,
        title("responsible_person"),
        |d| &d.responsible_person,
        |d| &mut d.responsible_person,
    );
    let deadline = draft.input_echo(
        "df",
        "deadline",
        Kind::Text,
        title("deadline"),
        |d| &d.deadline_words,
        |d| &mut d.deadline_words,
        move || {
            let lang = state.lang.get();
            let date = issued.get()?;
            let deadline = draft.value.with(|d| d.deadline(date)).ok()?;
            Some(labels::deadline_understood(&deadline, lang))
        },
    );
    let by_hand = draft.input(
        "df",
        "due_by_hand",
        Kind::Date,
        title("due_by_hand"),
        |d| &d.due_by_hand,
        |d| &mut d.due_by_hand,
    );
    let projects = draft.picks(
        "df",
        "projects",
        title("projects"),
        move || state.data.with(choices::projects),
        |d| &d.projects,
        |d| &mut d.projects,
    );

    // A unit not yet in the register: found by name if it is there after all, else added;
    // it becomes the lead unit when none is chosen, a coordinating unit otherwise.
    let new_unit = RwSignal::new(String::new());
    let unit_note = RwSignal::new(None::<String>);
    let no_lead = move || draft.value.with(|d| d.lead_unit.is_empty());
    let add_unit = move || {
        let name = new_unit.get_untracked();
        let found = state.data.with_untracked(|d| {
            d.unit_named(&name)
                .map(|u| (u.id.clone(), u.display_name().to_owned()))
        });
        let (id, name, msg) = match found {
            Some((id, name)) => (id, name, Msg::UnitFound),
            None => {
                let Some(unit) = Unit::named(&name, CryptoIds.next_id().into(), browser::now())
                else {
                    return;
                };
                let picked = (unit.id.clone(), unit.name.clone());
                state.edit(|data| data.units.upsert(unit));
                (picked.0, picked.1, Msg::UnitAdded)
            }
        };
        draft.value.update(|d| {
            let id = id.to_string();
            if d.lead_unit.is_empty() {
                d.lead_unit = id;
            } else if d.lead_unit != id && !d.coordinating_units.contains(&id) {
                d.coordinating_units.push(id);
            }
        });
        new_unit.set(String::new());
        unit_note.set(Some(format!("{}: {name}", state.t(msg))));
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.submitted.set(true);
        let result = draft
            .value
            .with_untracked(|d| read(d, CryptoIds.next_id(), false));
        if let Some(Ok(directive)) = result {
            // Refused: the banner above shows both versions; the form is done either way.
            let stored = state.save_edit(directive, opened.get_untracked());
            editing.set(None);
            let next = fresh();
            draft.value.set(next.clone());
            draft.submitted.set(false);
            saved.set(stored.then_some(next));
            unit_note.set(None);
            browser::focus_later(FIRST_FIELD);
        }
    };
    let heading = move || {
        state.t(if editing.get().is_some() {
            Msg::EditDirective
        } else {
            Msg::AddDirective
        })
    };
    let has_errors = move || draft.submitted.get() && draft.errors.with(|e| !e.is_empty());
    // Open on a conclusion without directives yet, when a row's "edit" is chosen, and
    // after a save (directives are typed one after another); the officer can fold it.
    let open = RwSignal::new(
        state
            .data
            .with_untracked(|d| d.directives_of(&conclusion).is_empty()),
    );
    Effect::new(move |_| {
        if editing.get().is_some() {
            open.set(true);
        }
    });
    let on_toggle = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        if let Some(details) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        {
            open.set(details.open());
        }
    };
    view! {
        <details class="card form" id="directive-form" prop:open=move || open.get() on:toggle=on_toggle>
            <summary>{heading}</summary>
            <form on:submit=on_submit novalidate>
                <p class="small muted">{move || state.t(Msg::DirectiveFormHint)}</p>
                {text}
                <div class="groups">
                    <fieldset>
                        <legend>{move || state.t(Msg::Deadline)}</legend>
                        {path}{deadline}{by_hand}{person}
                    </fieldset>
                    <fieldset>
                        <legend>{move || state.t(Msg::LeadUnit)}</legend>
                        {lead}
                        <div class="field">
                            <label for="df-new-unit">{move || state.t(Msg::NewUnit)}</label>
                            <input id="df-new-unit" type="text" autocomplete="off"
                                prop:value=move || new_unit.get()
                                on:input=move |ev| new_unit.set(event_target_value(&ev))
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                    if ev.key() == "Enter" {
                                        ev.prevent_default();
                                        add_unit();
                                    }
                                }/>
                            <button type="button" class="small" id="df-add-unit"
                                disabled=move || new_unit.with(|n| n.trim().is_empty())
                                on:click=move |_| add_unit()>
                                {move || state.t(if no_lead() { Msg::AddAsLead } else { Msg::AddAsCoordinating })}
                            </button>
                            <span class="echo" role="status">{move || unit_note.get()}</span>
                        </div>
                        {coordinating}
                    </fieldset>
                </div>
                {projects}
                <p class="problem" role="alert">{move || has_errors().then(|| state.t(Msg::FixProblems))}</p>
                <button type="submit" class="primary">{move || state.t(Msg::SaveDirective)}</button>
                " "
                <Show when=move || editing.get().is_some()>
                    <button type="button" on:click=move |_| editing.set(None)>{move || state.t(Msg::Cancel)}</button>
                </Show>
                <span class="saved" role="status">{move || show_saved().then(|| state.t(Msg::DirectiveSaved))}</span>
            </form>
        </details>
    }
}
