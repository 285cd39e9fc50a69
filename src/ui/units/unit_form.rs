//! Adding a unit to the register, or correcting one: name, short name, kind, parent body,
//! contact, other names it is known by, archived. A changed name with a date is a renaming
//! (the old name kept for documents dated before); without one it corrects a typo.

use leptos::prelude::*;

use crate::domain::units::UnitDraft;
use crate::domain::Field;
use crate::domain::{IdSource, UnitId};
use crate::i18n::Msg;
use crate::ui::browser::{self, CryptoIds};
use crate::ui::form::{choices, field_title, Draft, Kind};
use crate::ui::state::use_state;
use crate::ui::widgets::Folded;

/// The form itself, drawn when first opened.
fn unit_form(unit: Option<UnitId>) -> impl IntoView {
    let state = use_state();
    let editing = unit.is_some();
    let base = {
        let unit = unit.clone();
        move || {
            unit.as_ref()
                .and_then(|id| state.data.with_untracked(|d| d.units.get(id).cloned()))
        }
    };
    let check_base = base.clone();
    let draft = Draft::new(state, UnitDraft::new(), move |d: &UnitDraft| {
        let base = check_base();
        state
            .data
            .with(|data| d.to_unit(data, base.as_ref(), String::new(), browser::now()))
            .err()
            .unwrap_or_default()
    });
    let opened = RwSignal::new(None::<chrono::DateTime<chrono::Utc>>);
    let fill = {
        let base = base.clone();
        move || {
            let base = base();
            opened.set(base.as_ref().map(|u| u.updated_at));
            draft
                .value
                .set(base.map_or_else(UnitDraft::new, |u| UnitDraft::from_unit(&u)));
            draft.submitted.set(false);
        }
    };
    fill();
    let saved = RwSignal::new(false);
    let title = move |field: Field| move || field_title(field, false, state.lang.get());
    let name = draft.input(
        "uf2",
        Field::Name,
        Kind::Text,
        title(Field::Name),
        |d| &d.name,
        |d| &mut d.name,
    );
    let short = draft.input(
        "uf2",
        Field::ShortName,
        Kind::Text,
        title(Field::ShortName),
        |d| &d.short_name,
        |d| &mut d.short_name,
    );
    let kind = draft.select(
        "uf2",
        Field::Kind,
        title(Field::UnitKind),
        move || choices::unit_kinds(state.lang.get()),
        |d| &d.kind,
        |d| &mut d.kind,
    );
    let contact = draft.input(
        "uf2",
        Field::Contact,
        Kind::Text,
        title(Field::Contact),
        |d| &d.contact,
        |d| &mut d.contact,
    );
    let other_names = draft.input(
        "uf2",
        Field::OtherNames,
        Kind::Long,
        move || {
            format!(
                "{} {}",
                field_title(Field::OtherNames, false, state.lang.get()),
                state.t(Msg::OnePerLine)
            )
        },
        |d| &d.other_names,
        |d| &mut d.other_names,
    );
    let own = unit.clone();
    let parent = draft.select(
        "uf2",
        Field::Parent,
        title(Field::Parent),
        move || {
            let mut list = vec![(String::new(), state.t(Msg::NoParent).to_owned())];
            state.data.with(|d| {
                list.extend(
                    choices::units(d)
                        .into_iter()
                        .filter(|(id, _)| Some(id.as_str()) != own.as_ref().map(|o| o.0.as_str())),
                )
            });
            list
        },
        |d| &d.parent,
        |d| &mut d.parent,
    );
    let parent_problem = move || draft.problem(Field::Parent, true);
    let archived = editing.then(|| {
        view! {
            <label class="check">
                <input type="checkbox" id="uf2-archived"
                    prop:checked=move || draft.value.with(|d| d.archived)
                    on:change=move |ev| draft.value.update(|d| d.archived = event_target_checked(&ev))/>
                " " {move || state.t(Msg::ArchiveUnit)}
            </label>
        }
    });
    let renamed = editing.then(|| {
        draft.input(
            "uf2",
            Field::RenamedOn,
            Kind::Date,
            title(Field::RenamedOn),
            |d| &d.renamed_on,
            |d| &mut d.renamed_on,
        )
    });
    let on_submit = {
        let base = base.clone();
        let fill = fill.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            draft.submitted.set(true);
            let base = base();
            let result = draft.value.with_untracked(|d| {
                state.data.with_untracked(|data| {
                    d.to_unit(data, base.as_ref(), CryptoIds.next_id(), browser::now())
                })
            });
            if let Ok(unit) = result {
                let stored = state.save_edit(unit, opened.get_untracked());
                saved.set(stored);
                if editing {
                    fill();
                } else {
                    draft.value.set(UnitDraft::new());
                    draft.submitted.set(false);
                }
            }
        }
    };
    view! {
            <form on:submit=on_submit novalidate>
                <div class="groups">
                    <fieldset>
                        <legend>{move || state.t(Msg::Name)}</legend>
                        {name}{renamed}{short}
                    </fieldset>
                    <fieldset>
                        <legend>{move || state.t(Msg::Kind)}</legend>
                        {kind}{parent}
                        <span class="problem" role="status">{parent_problem}</span>
                        {contact}{archived}
                    </fieldset>
                    <fieldset>
                        <legend>{move || state.t(Msg::KnownAs)}</legend>
                        {other_names}
                    </fieldset>
                </div>
                <button type="submit" class="primary">{move || state.t(Msg::SaveUnit)}</button>
                <span class="saved" role="status">{move || saved.get().then(|| state.t(Msg::UnitSaved))}</span>
            </form>
    }
}

/// The unit form: on a unit's page for `unit`, on the register for a new unit.
#[component]
pub fn UnitForm(#[prop(optional)] unit: Option<UnitId>) -> impl IntoView {
    let state = use_state();
    let editing = unit.is_some();
    let heading = move || state.t(if editing { Msg::EditUnit } else { Msg::AddUnit });
    let body = move || unit_form(unit.clone());
    view! { <Folded id="unit-form" summary=heading>{body.clone()}</Folded> }
}
