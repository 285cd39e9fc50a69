//! Adding a numbered directive to a conclusion, or correcting one: its text, lead and
//! coordinating units (a unit missing from the register is added on the spot), the person
//! responsible, the deadline in the document's words with the due date understood shown at
//! once (and corrected by hand when wrong), and the projects it names.

use leptos::prelude::*;

use crate::domain::draft::FieldError;
use crate::domain::followup::DirectiveDraft;
use crate::domain::model::paths_taken;
use crate::domain::Field;
use crate::domain::{ConclusionId, DirectiveId, IdSource, NumberChoices};
use crate::i18n::{labels, Msg};
use crate::ui::browser::{self, CryptoIds};
use crate::ui::form::{choices, field_title, Draft, Kind, PickList};
use crate::ui::state::use_state;

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
    // The form after `last` was saved (none: after the conclusion's last directive).
    let next_after = {
        let conclusion = conclusion.clone();
        move |last: Option<&crate::domain::Directive>, heading: bool| {
            state.data.with_lookups_untracked(|found| {
                DirectiveDraft::next_after(last, heading, &found.directives_of(&conclusion))
            })
        }
    };
    let fresh = {
        let next_after = next_after.clone();
        move || next_after(None, false)
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
            let read_data = |found: crate::domain::model::Lookups| {
                let d = found.data;
                let c = d.conclusions.get(&conclusion)?;
                let taken = found.directive_paths_taken(&conclusion, editing_id.as_ref());
                let base = editing_id.as_ref().and_then(|id| d.directives.get(id));
                Some(draft.to_directive(c, &taken, base, id, browser::now()))
            };
            if track {
                state.data.with_lookups(read_data)
            } else {
                state.data.with_lookups_untracked(read_data)
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
            (Some(x), Some(date)) => DirectiveDraft {
                heading: state.data.with_untracked(|d| d.headings().contains(&x.id)),
                ..DirectiveDraft::from_directive(&x, date)
            },
            _ => refill(),
        };
        draft.value.set(filled);
        draft.submitted.set(false);
    });
    let saved = RwSignal::new(None::<DirectiveDraft>);
    let show_saved = move || saved.with(|s| s.as_ref() == Some(&draft.value.get()));

    let title = move |field: Field| move || field_title(field, false, state.lang.get());
    // The register's units and projects as offered, compared after each change of the data:
    // an update recorded on the checklist above leaves the pickers' hundreds of options
    // as they are drawn.
    let unit_choices = Memo::new(move |_| state.data.with(choices::units));
    let project_choices = Memo::new(move |_| state.data.with(choices::projects));
    let path = draft.input(
        "df",
        Field::Path,
        Kind::Text,
        title(Field::Path),
        |d| &d.path,
        |d| &mut d.path,
    );
    let text = draft.input(
        "df",
        Field::Text,
        Kind::Long,
        title(Field::Text),
        |d| &d.text,
        |d| &mut d.text,
    );
    let lead = draft.select(
        "df",
        Field::LeadUnit,
        title(Field::LeadUnit),
        move || {
            let mut units = unit_choices.get();
            units.insert(0, (String::new(), state.t(Msg::NotGiven).to_owned()));
            units
        },
        |d| &d.lead_unit,
        |d| &mut d.lead_unit,
    );
    // Typed into the coordinating list's filter and not found there: added from the filter.
    let unit_filter = RwSignal::new(String::new());
    let coordinating_list = PickList {
        field: Field::CoordinatingUnits,
        get: |d: &DirectiveDraft| &d.coordinating_units,
        set: |d: &mut DirectiveDraft| &mut d.coordinating_units,
    };
    let person = draft.input(
        "df",
        Field::ResponsiblePerson,
        Kind::Text,
        title(Field::ResponsiblePerson),
        |d| &d.responsible_person,
        |d| &mut d.responsible_person,
    );
    let deadline = draft.input_echo(
        "df",
        Field::Deadline,
        Kind::Text,
        title(Field::Deadline),
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
        Field::DueByHand,
        Kind::Date,
        title(Field::DueByHand),
        |d| &d.due_by_hand,
        |d| &mut d.due_by_hand,
    );
    let projects = draft.picks(
        "df",
        Field::Projects,
        title(Field::Projects),
        move || project_choices.get(),
        |d| &d.projects,
        |d| &mut d.projects,
    );

    // A unit not yet in the register: found by name if it is there after all, else added,
    // as the lead unit or as a coordinating one, as the officer chooses.
    let new_unit = RwSignal::new(String::new());
    let unit_note = RwSignal::new(None::<String>);
    let add_unit = move |name: String, as_lead: bool| {
        // Looked up first: a name already in the register changes nothing.
        let known = state.data.with_untracked(|d| {
            d.unit_named(&name)
                .map(|u| (u.id.clone(), u.full_and_short_name()))
        });
        let found = match known {
            Some((id, shown)) => Some((id, shown, false)),
            None => state.edit(|data| {
                data.find_or_add_unit(&name, CryptoIds.next_id().into(), browser::now())
            }),
        };
        let Some((id, name, added)) = found else {
            return;
        };
        let msg = if added {
            Msg::UnitAdded
        } else {
            Msg::UnitFound
        };
        draft.value.update(|d| d.assign_unit(id.as_ref(), as_lead));
        new_unit.set(String::new());
        unit_filter.set(String::new());
        let role = state.t(if as_lead {
            Msg::LeadUnit
        } else {
            Msg::CoordinatingUnit
        });
        unit_note.set(Some(format!("{}: {name} ({role})", state.t(msg))));
    };
    let add_buttons = move |name: Signal<String>, id_prefix: &'static str| {
        let disabled = move || name.with(|n| n.trim().is_empty());
        view! {
            <span class="actions">
                <button type="button" id=format!("{id_prefix}-lead") disabled=disabled
                    on:click=move |_| add_unit(name.get_untracked(), true)>
                    {move || state.t(Msg::AddAsLead)}
                </button>
                <button type="button" id=format!("{id_prefix}-coordinating") disabled=disabled
                    on:click=move |_| add_unit(name.get_untracked(), false)>
                    {move || state.t(Msg::AddAsCoordinating)}
                </button>
            </span>
        }
    };
    let coordinating = draft.picks_with(
        "df",
        coordinating_list,
        title(Field::CoordinatingUnits),
        move || unit_choices.get(),
        unit_filter,
        move |typed: String| {
            let name = Signal::derive(move || unit_filter.get().trim().to_owned());
            view! {
                <p class="small">{format!("{} “{typed}”. ", state.t(Msg::UnitNotInList))}</p>
                {add_buttons(name, "df-filter-add")}
            }
            .into_any()
        },
    );
    // The numbers the next directive can take, from the one saved last (or the
    // conclusion's last): the same level, a sub-item of it, or back up a level.
    let anchor = RwSignal::new(None::<crate::domain::DirectiveId>);
    let number_choices = {
        let conclusion = conclusion.clone();
        move || {
            state.data.with_lookups(|found| {
                let all = found.directives_of(&conclusion);
                let taken = paths_taken(&all, None);
                let last = anchor
                    .get()
                    .and_then(|id| found.data.directives.get(&id))
                    .or_else(|| all.last().copied());
                let c = NumberChoices::after(last.map(|x| &x.path), &taken);
                [
                    (Msg::SameLevel, Some(c.same_level)),
                    (Msg::SubItem, c.sub_item),
                    (Msg::LevelUp, c.level_up),
                ]
                .into_iter()
                .filter_map(|(m, p)| p.map(|p| (m, p)))
                .collect::<Vec<_>>()
            })
        }
    };
    let renumber = {
        let conclusion = conclusion.clone();
        move |path: crate::domain::DirectivePath| {
            state.data.with_lookups_untracked(|found| {
                let all = found.directives_of(&conclusion);
                draft.value.update(|x| x.renumber(&path, &all));
            });
        }
    };
    let number_buttons = move || {
        if editing.get().is_some() {
            return None;
        }
        let current = draft.value.with(|d| d.path.clone());
        let renumber = renumber.clone();
        let buttons = number_choices()
            .into_iter()
            .map(|(msg, path)| {
                let text = path.to_string();
                let pressed = (text == current).to_string();
                let renumber = renumber.clone();
                view! {
                    <button type="button" class="choice" aria-pressed=pressed
                        on:click=move |_| renumber(path.clone())>
                        {state.t(msg)} " " <strong>{text.clone()}</strong>
                    </button>
                }
            })
            .collect_view();
        Some(view! {
            <div class="number-choices" role="group" aria-label=state.t(Msg::NumberChoices)>{buttons}</div>
        })
    };
    let heading_item = move || draft.value.with(|d| d.heading);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.submitted.set(true);
        let result = draft
            .value
            .with_untracked(|d| read(d, CryptoIds.next_id(), false));
        if let Some(Ok(directive)) = result {
            let heading = draft.value.with_untracked(|d| d.heading);
            let was_editing = editing.get_untracked().is_some();
            // Refused: the banner above shows both versions; the form is done either way.
            let stored = state.save_edit(directive.clone(), opened.get_untracked());
            // Only a correction is closed: setting it again would refill the form afresh.
            if was_editing {
                editing.set(None);
            }
            // The next directive follows the one just typed; after a correction, the
            // conclusion's last one.
            let next = if stored && !was_editing {
                anchor.set(Some(directive.id.clone()));
                next_after(Some(&directive), heading)
            } else {
                fresh()
            };
            draft.value.set(next.clone());
            draft.submitted.set(false);
            saved.set(stored.then_some(next));
            unit_note.set(None);
            unit_filter.set(String::new());
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
    // A conclusion just saved, without directives yet: the keyboard goes on to its first one.
    if state
        .data
        .with_lookups_untracked(|found| found.directives_of(&conclusion).is_empty())
    {
        browser::focus_later(FIRST_FIELD);
    }
    // Saving from the text box by keyboard: Ctrl+Enter, as in mail programs.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            use wasm_bindgen::JsCast;
            if let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("form").ok().flatten())
                .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok())
            {
                let _ = form.request_submit();
            }
        }
    };
    view! {
        <section class="card form" id="directive-form" aria-labelledby="df-heading">
            <h2 id="df-heading">{heading}</h2>
            <form on:submit=on_submit on:keydown=on_keydown novalidate>
                <p class="small muted">{move || state.t(Msg::DirectiveFormHint)}</p>
                <div class="number-row">
                    {path}
                    {number_buttons}
                    <label class="check">
                        <input type="checkbox" id="df-heading-item" prop:checked=heading_item
                            on:change=move |ev| draft.value.update(|d| d.heading = event_target_checked(&ev))/>
                        " " {move || state.t(Msg::HeadingItem)}
                    </label>
                </div>
                {text}
                <div class="groups">
                    <fieldset class:hidden=heading_item>
                        <legend>{move || state.t(Msg::Deadline)}</legend>
                        {deadline}{by_hand}{person}
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
                                        ev.stop_propagation();
                                        let as_lead = draft.value.with_untracked(DirectiveDraft::new_unit_leads);
                                        add_unit(new_unit.get_untracked(), as_lead);
                                    }
                                }/>
                            {add_buttons(new_unit.into(), "df-add-unit")}
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
                <span class="small muted">{move || state.t(Msg::CtrlEnterSaves)}</span>
                <span class="saved" role="status">{move || show_saved().then(|| state.t(Msg::DirectiveSaved))}</span>
            </form>
        </section>
    }
}
