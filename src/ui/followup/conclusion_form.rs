//! Recording a conclusion's heading (number and symbol, date and place, issuing body and
//! its parent, state or Party document, title, opening, assessment, closing, signer,
//! recipients), or correcting it. Its directives are added on its own page.

use leptos::prelude::*;

use crate::domain::dates::dd_mm_yyyy;
use crate::domain::followup::ConclusionDraft;
use crate::domain::sorting;
use crate::domain::Field;
use crate::domain::{ConclusionId, IdSource};
use crate::i18n::{format_date, labels, Msg};
use crate::route::Route;
use crate::ui::browser::{self, CryptoIds};
use crate::ui::form::{choices, field_title, Draft, Kind, ReadField, WriteField};
use crate::ui::state::use_state;
use crate::ui::widgets::NotFound;

/// (field, kind, read, write)
const TEXT_FIELDS: [(
    Field,
    Kind,
    ReadField<ConclusionDraft>,
    WriteField<ConclusionDraft>,
); 12] = [
    (
        Field::NumberSymbol,
        Kind::Text,
        |d| &d.number_symbol,
        |d| &mut d.number_symbol,
    ),
    (Field::Date, Kind::Date, |d| &d.date, |d| &mut d.date),
    (
        Field::IssuingBody,
        Kind::Text,
        |d| &d.issuing_body,
        |d| &mut d.issuing_body,
    ),
    (Field::Title, Kind::Long, |d| &d.title, |d| &mut d.title),
    (
        Field::ParentBody,
        Kind::Text,
        |d| &d.parent_body,
        |d| &mut d.parent_body,
    ),
    (Field::Place, Kind::Text, |d| &d.place, |d| &mut d.place),
    (
        Field::Opening,
        Kind::Long,
        |d| &d.opening,
        |d| &mut d.opening,
    ),
    (
        Field::Closing,
        Kind::Long,
        |d| &d.closing,
        |d| &mut d.closing,
    ),
    (
        Field::SignerTitle,
        Kind::Long,
        |d| &d.signer_title,
        |d| &mut d.signer_title,
    ),
    (Field::Signer, Kind::Text, |d| &d.signer, |d| &mut d.signer),
    (
        Field::Recipients,
        Kind::Long,
        |d| &d.recipients,
        |d| &mut d.recipients,
    ),
    (
        Field::Assessment,
        Kind::Long,
        |d| &d.assessment,
        |d| &mut d.assessment,
    ),
];

/// The conclusion form; `meeting` pre-selects the meeting it came out of.
#[component]
pub fn ConclusionForm(id: Option<String>) -> impl IntoView {
    let state = use_state();
    let base = id.map(ConclusionId).map(|id| {
        state
            .data
            .with_untracked(|d| d.conclusions.get(&id).cloned())
    });
    if matches!(base, Some(None)) {
        return NotFound().into_any();
    }
    let base = base.flatten();
    let opened = base.as_ref().map(|b| b.updated_at);
    let initial = base.as_ref().map_or_else(
        || ConclusionDraft {
            date: dd_mm_yyyy(state.today),
            ..Default::default()
        },
        ConclusionDraft::from_conclusion,
    );
    let check_base = base.clone();
    let draft = Draft::new(state, initial, move |d: &ConclusionDraft| {
        d.to_conclusion(check_base.as_ref(), String::new(), browser::now())
            .err()
            .unwrap_or_default()
    });
    let title = move |field: Field| move || field_title(field, false, state.lang.get());
    let [number, date, body, heading, parent_body, place, opening, closing, signer_title, signer, recipients, assessment] =
        TEXT_FIELDS
            .map(|(field, kind, get, set)| draft.input("cf", field, kind, title(field), get, set));
    let committee = draft.select(
        "cf",
        Field::Committee,
        title(Field::Committee),
        move || {
            let mut all = vec![(String::new(), state.t(Msg::NotGiven).to_owned())];
            all.extend(state.data.with(choices::committees));
            all
        },
        |d| &d.committee,
        |d| &mut d.committee,
    );
    let body_kind = draft.select(
        "cf",
        Field::BodyKind,
        title(Field::BodyKind),
        move || choices::body_kinds(state.lang.get()),
        |d| &d.body_kind,
        |d| &mut d.body_kind,
    );
    let meeting = draft.select(
        "cf",
        Field::Meeting,
        title(Field::Meeting),
        move || {
            let lang = state.lang.get();
            let mut all = vec![(String::new(), state.t(Msg::StandsAlone).to_owned())];
            state.data.with(|d| {
                let mut meetings: Vec<_> = d.meetings.iter().collect();
                sorting::sort_by_key(&mut meetings, |m| std::cmp::Reverse(m.date));
                all.extend(meetings.into_iter().map(|m| {
                    let text = format!(
                        "{} · {} · {}",
                        format_date(m.date),
                        labels::meeting_kind(m.kind, lang),
                        m.place
                    );
                    (m.id.to_string(), text)
                }));
            });
            all
        },
        |d| &d.meeting,
        |d| &mut d.meeting,
    );

    let editing = base.is_some();
    let back = base
        .as_ref()
        .map_or(Route::Conclusions, |c| Route::Conclusion(c.id.to_string()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.submitted.set(true);
        let result = draft.value.with_untracked(|d| {
            d.to_conclusion(base.as_ref(), CryptoIds.next_id(), browser::now())
        });
        if let Ok(conclusion) = result {
            let route = Route::Conclusion(conclusion.id.to_string());
            state.save_edit(conclusion, opened);
            browser::go(&route);
        }
    };
    let has_errors = move || draft.submitted.get() && draft.errors.with(|e| !e.is_empty());
    view! {
        <p class="crumbs"><a href=Route::Conclusions.href()>{move || state.t(Msg::NavConclusions)}</a></p>
        <h1>{move || state.t(if editing { Msg::EditConclusion } else { Msg::NewConclusion })}</h1>
        <form class="card form register" on:submit=on_submit novalidate>
            <p class="small muted">{move || state.t(Msg::ConclusionFormHint)}</p>
            <div class="groups">
                <fieldset>
                    <legend>{move || state.t(Msg::GeneralInfo)}</legend>
                    {number}{date}{place}{parent_body}{body}{committee}{body_kind}{meeting}
                </fieldset>
                <fieldset>
                    <legend>{move || state.t(Msg::Signer)}</legend>
                    {signer_title}{signer}{recipients}
                </fieldset>
            </div>
            {heading}
            {opening}
            {assessment}
            {closing}
            <p class="problem" role="alert">{move || has_errors().then(|| state.t(Msg::FixProblems))}</p>
            <button type="submit" class="primary">{move || state.t(Msg::SaveConclusion)}</button>
            " "
            <a class="button" href=back.href()>{move || state.t(Msg::Cancel)}</a>
        </form>
    }
    .into_any()
}
