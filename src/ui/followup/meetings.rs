//! Meetings, working sessions and inspection visits.

use chrono::Timelike;
use leptos::prelude::*;

use crate::domain::sorting;
use crate::domain::MeetingId;
use crate::i18n::{format_date, labels, Msg};
use crate::route::{Form, Route};
use crate::ui::state::use_state;
use crate::ui::widgets::{field, ListPage, NotFound};

#[component]
pub fn MeetingList() -> impl IntoView {
    let state = use_state();
    let count = Signal::derive(move || state.data.with(|d| d.meetings.len()));
    let rows = move || {
        let lang = state.lang.get();
        state.data.with(|d| {
            let mut meetings: Vec<_> = d.meetings.iter().collect();
            sorting::sort_by_key(&mut meetings, |m| std::cmp::Reverse(m.date));
            meetings
                .into_iter()
                .map(|m| view! {
                    <tr>
                        <th scope="row"><a href=Route::Meeting(m.id.to_string()).href()>{format_date(m.date)}</a></th>
                        <td data-label=state.t(Msg::Kind)>{labels::meeting_kind(m.kind, lang)}</td>
                        <td data-label=state.t(Msg::Place)>{m.place.clone()}</td>
                        <td data-label=state.t(Msg::Chair)>{m.chair.clone()}</td>
                        <td class="num" data-label=state.t(Msg::ProjectsDiscussed)>{m.projects.len()}</td>
                    </tr>
                })
                .collect_view()
        })
    };
    view! {
        <ListPage title=Msg::NavMeetings count=count columns=vec![Msg::Date, Msg::Kind, Msg::Place, Msg::Chair, Msg::ProjectsDiscussed] rows=rows>
            <p><a class="button primary" href=Route::New(Form::Meeting).href()>{move || state.t(Msg::NewMeeting)}</a></p>
        </ListPage>
    }
}

#[component]
pub fn MeetingPage(id: String) -> impl IntoView {
    let state = use_state();
    let id = MeetingId(id);
    move || {
        let lang = state.lang.get();
        state.data.with(|d| {
            let Some(m) = d.meetings.get(&id) else { return NotFound().into_any() };
            let join = |names: Vec<String>| names.iter().map(|n| crate::domain::text::isolate(n)).collect::<Vec<_>>().join(", ");
            let units = join(m.attendee_units.iter().filter_map(|u| d.units.get(u)).map(|u| u.display_name().to_owned()).collect());
            let projects = m
                .projects
                .iter()
                .filter_map(|p| d.projects.get(p))
                .map(|p| view! { <li><a href=Route::Project(p.id.to_string()).href()>{p.display_name().to_owned()}</a></li> })
                .collect_view();
            let conclusions = d
                .conclusions
                .iter()
                .filter(|c| c.meeting.as_ref() == Some(&m.id))
                .map(|c| view! {
                    <li><a href=Route::Conclusion(c.id.to_string()).href()>{c.number_symbol.clone()}</a> " " {c.title.clone()}</li>
                })
                .collect_view();
            let committee = match m.committee.as_ref() {
                Some(c) => d.committees.get(c).map(|c| c.name.clone()).unwrap_or_default(),
                None => Msg::CommitteeNotRecorded.text(lang).to_owned(),
            };
            let open = d.followed_up_at(m, state.today, state.due_soon_days()).map(|l| l.len());
            let when = match m.time {
                Some(t) => format!("{:02}:{:02} {}", t.hour(), t.minute(), format_date(m.date)),
                None => format_date(m.date),
            };
            view! {
                <p class="crumbs"><a href=Route::Meetings.href()>{state.t(Msg::NavMeetings)}</a></p>
                <h1>{labels::meeting_kind(m.kind, lang)} " " {format_date(m.date)}</h1>
                <p class="actions"><a class="button" href=Route::Edit(Form::Meeting, m.id.to_string()).href()>{state.t(Msg::EditMeeting)}</a></p>
                <dl class="fields">
                    {field(state, Msg::Date, when)}
                    {field(state, Msg::Committee, committee)}
                    {open.map(|n| field(state, Msg::FollowsUp, n.to_string()))}
                    {field(state, Msg::Place, m.place.clone())}
                    {field(state, Msg::Chair, m.chair.clone())}
                    {field(state, Msg::CoChairs, join(m.co_chairs.clone()))}
                    {field(state, Msg::NavUnits, units)}
                    {field(state, Msg::Attendees, join(m.attendees.clone()))}
                    {field(state, Msg::Summary, m.summary.clone())}
                    {field(state, Msg::NextMeeting, m.next_meeting.map(format_date).unwrap_or_default())}
                </dl>
                <h2>{state.t(Msg::ProjectsDiscussed)}</h2>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{projects}</ul>
                <h2>{state.t(Msg::NavConclusions)}</h2>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{conclusions}</ul>
            }
            .into_any()
        })
    }
}
