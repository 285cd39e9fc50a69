//! The office's letterhead under Dữ liệu → Cài đặt: set once, kept with the data (it is
//! the office's record, so it travels in exports), read by every report and letter.

use leptos::prelude::*;

use crate::domain::documents::LetterheadDraft;
use crate::domain::Field;
use crate::i18n::sending::{sending_text, Sending as Words};
use crate::ui::browser;
use crate::ui::form::{field_title, Draft, Kind};
use crate::ui::state::use_state;

#[component]
pub fn LetterheadCard() -> impl IntoView {
    let state = use_state();
    let current = move || {
        let office_name = state.settings.with_untracked(|s| s.office.clone());
        state
            .data
            .with_untracked(|d| LetterheadDraft::of(d.office(), &office_name))
    };
    let draft = Draft::new(state, current(), move |d: &LetterheadDraft| {
        state
            .data
            .with_untracked(|data| d.to_office(data.office(), browser::now()))
            .err()
            .unwrap_or_default()
    });
    let saved = RwSignal::new(None::<LetterheadDraft>);
    let show_saved = move || saved.with(|s| s.as_ref() == Some(&draft.value.get()));
    let t = move |w: Words| sending_text(w, state.lang.get());
    let title = move |field: Field| move || field_title(field, false, state.lang.get());
    let text = |field: Field,
                get: fn(&LetterheadDraft) -> &String,
                set: fn(&mut LetterheadDraft) -> &mut String| {
        draft.input("lh", field, Kind::Text, title(field), get, set)
    };
    let parent = text(
        Field::ParentBody,
        |d| &d.parent_body,
        |d| &mut d.parent_body,
    );
    let issuing = text(
        Field::IssuingBody,
        |d| &d.issuing_body,
        |d| &mut d.issuing_body,
    );
    let place = text(Field::PlaceName, |d| &d.place_name, |d| &mut d.place_name);
    let report = text(
        Field::ReportNumber,
        |d| &d.report_number,
        |d| &mut d.report_number,
    );
    let letter = text(
        Field::LetterNumber,
        |d| &d.letter_number,
        |d| &mut d.letter_number,
    );
    let signers = draft.input(
        "lh",
        Field::Signers,
        Kind::Long,
        title(Field::Signers),
        |d| &d.signers,
        |d| &mut d.signers,
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.submitted.set(true);
        let opened = state
            .data
            .with_untracked(|d| d.office().map(|o| o.updated_at));
        let read = state.data.with_untracked(|data| {
            draft
                .value
                .with_untracked(|d| d.to_office(data.office(), browser::now()))
        });
        if let Ok(office) = read {
            if state.save_edit(office, opened) {
                draft.submitted.set(false);
                saved.set(Some(draft.value.get_untracked()));
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="letterhead-title">
            <h2 id="letterhead-title">{move || t(Words::Letterhead)}</h2>
            <p class="small">{move || t(Words::LetterheadHint)}</p>
            <form class="form" on:submit=on_submit novalidate>
                <div class="groups">
                    <fieldset>
                        <legend>{move || t(Words::Letterhead)}</legend>
                        {parent}{issuing}{place}{report}{letter}
                        <div class="field">
                            <label>
                                <input type="checkbox" id="lh-registry-numbers"
                                    prop:checked=move || draft.value.with(|d| d.registry_numbers)
                                    on:change=move |ev| draft.value.update(|d| d.registry_numbers = event_target_checked(&ev))/>
                                " " {title(Field::RegistryNumbers)}
                            </label>
                        </div>
                        {signers}
                    </fieldset>
                </div>
                <button type="submit" class="primary">{move || t(Words::SaveLetterhead)}</button>
                <span class="saved" role="status">{move || show_saved().then(|| t(Words::LetterheadSaved))}</span>
            </form>
        </section>
    }
}
