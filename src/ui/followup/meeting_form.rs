//! Recording a meeting, working session, conference or inspection visit, or correcting one.

use leptos::prelude::*;

use crate::domain::dates::dd_mm_yyyy;
use crate::domain::followup::MeetingDraft;
use crate::domain::Field;
use crate::domain::{IdSource, MeetingId};
use crate::i18n::Msg;
use crate::route::Route;
use crate::ui::browser::{self, CryptoIds};
use crate::ui::form::{choices, field_title, Draft, Kind, ReadField, WriteField};
use crate::ui::state::use_state;
use crate::ui::widgets::NotFound;

/// (field, kind, read, write)
const TEXT_FIELDS: [(
    Field,
    Kind,
    ReadField<MeetingDraft>,
    WriteField<MeetingDraft>,
); 8] = [
    (Field::Date, Kind::Date, |d| &d.date, |d| &mut d.date),
    (Field::Time, Kind::Text, |d| &d.time, |d| &mut d.time),
    (Field::Place, Kind::Text, |d| &d.place, |d| &mut d.place),
    (Field::Chair, Kind::Text, |d| &d.chair, |d| &mut d.chair),
    (
        Field::CoChairs,
        Kind::Long,
        |d| &d.co_chairs,
        |d| &mut d.co_chairs,
    ),
    (
        Field::Attendees,
        Kind::Long,
        |d| &d.attendees,
        |d| &mut d.attendees,
    ),
    (
        Field::Summary,
        Kind::Long,
        |d| &d.summary,
        |d| &mut d.summary,
    ),
    (
        Field::NextMeeting,
        Kind::Date,
        |d| &d.next_meeting,
        |d| &mut d.next_meeting,
    ),
];

#[component]
pub fn MeetingForm(id: Option<String>) -> impl IntoView {
    let state = use_state();
    let base = id
        .map(MeetingId)
        .map(|id| state.data.with_untracked(|d| d.meetings.get(&id).cloned()));
    if matches!(base, Some(None)) {
        return NotFound().into_any();
    }
    let base = base.flatten();
    let opened = base.as_ref().map(|b| b.updated_at);
    let initial = base.as_ref().map_or_else(
        || MeetingDraft::new(dd_mm_yyyy(state.today)),
        MeetingDraft::from_meeting,
    );
    let check_base = base.clone();
    let draft = Draft::new(state, initial, move |d: &MeetingDraft| {
        d.to_meeting(check_base.as_ref(), String::new(), browser::now())
            .err()
            .unwrap_or_default()
    });
    let title = move |field: Field| move || field_title(field, false, state.lang.get());
    let [date, time, place, chair, co_chairs, attendees, summary, next] = TEXT_FIELDS
        .map(|(field, kind, get, set)| draft.input("mf", field, kind, title(field), get, set));
    let kind = draft.select(
        "mf",
        Field::Kind,
        title(Field::Kind),
        move || choices::meeting_kinds(state.lang.get()),
        |d| &d.kind,
        |d| &mut d.kind,
    );
    let committee = draft.select(
        "mf",
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
    let units = draft.picks(
        "mf",
        Field::AttendeeUnits,
        title(Field::AttendeeUnits),
        move || state.data.with(choices::units),
        |d| &d.attendee_units,
        |d| &mut d.attendee_units,
    );
    let projects = draft.picks(
        "mf",
        Field::Projects,
        title(Field::Projects),
        move || state.data.with(choices::projects),
        |d| &d.projects,
        |d| &mut d.projects,
    );

    let editing = base.is_some();
    let back = base
        .as_ref()
        .map_or(Route::Meetings, |m| Route::Meeting(m.id.to_string()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.submitted.set(true);
        let result = draft
            .value
            .with_untracked(|d| d.to_meeting(base.as_ref(), CryptoIds.next_id(), browser::now()));
        if let Ok(meeting) = result {
            let route = Route::Meeting(meeting.id.to_string());
            state.save_edit(meeting, opened);
            browser::go(&route);
        }
    };
    let has_errors = move || draft.submitted.get() && draft.errors.with(|e| !e.is_empty());
    view! {
        <p class="crumbs"><a href=Route::Meetings.href()>{move || state.t(Msg::NavMeetings)}</a></p>
        <h1>{move || state.t(if editing { Msg::EditMeeting } else { Msg::NewMeeting })}</h1>
        <form class="card form register" on:submit=on_submit novalidate>
            <div class="groups">
                <fieldset>
                    <legend>{move || state.t(Msg::GeneralInfo)}</legend>
                    {kind}{committee}{date}{time}{place}{chair}{co_chairs}
                </fieldset>
                <fieldset>
                    <legend>{move || state.t(Msg::Attendance)}</legend>
                    {units}{attendees}
                </fieldset>
            </div>
            {projects}
            {summary}
            {next}
            <p class="problem" role="alert">{move || has_errors().then(|| state.t(Msg::FixProblems))}</p>
            <button type="submit" class="primary">{move || state.t(Msg::SaveMeeting)}</button>
            " "
            <a class="button" href=back.href()>{move || state.t(Msg::Cancel)}</a>
        </form>
    }
    .into_any()
}
