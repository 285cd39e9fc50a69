//! The officer's own judgement of a project: a schedule status that overrides the computed
//! one, and a traffic light, each with its one-line reason and the day it was recorded.

use leptos::prelude::*;

use crate::domain::projects::JudgementError;
use crate::domain::{Light, ProjectId, ScheduleStatus};
use crate::i18n::{labels, Msg};
use crate::ui::state::use_state;

const LIGHTS: [Light; 3] = [Light::Green, Light::Amber, Light::Red];

#[component]
pub fn JudgementForm(project: ProjectId) -> impl IntoView {
    let state = use_state();
    let current = state
        .data
        .with_untracked(|d| d.projects.get(&project).cloned());
    let status = RwSignal::new(
        current
            .as_ref()
            .and_then(|p| p.schedule_status.as_ref())
            .map(|s| s.status),
    );
    let status_reason = RwSignal::new(
        current
            .as_ref()
            .and_then(|p| p.schedule_status.as_ref())
            .map(|s| s.reason.clone())
            .unwrap_or_default(),
    );
    let light = RwSignal::new(
        current
            .as_ref()
            .and_then(|p| p.traffic_light.as_ref())
            .map(|t| t.light),
    );
    let light_reason = RwSignal::new(
        current
            .as_ref()
            .and_then(|p| p.traffic_light.as_ref())
            .map(|t| t.reason.clone())
            .unwrap_or_default(),
    );
    let outcome = RwSignal::new(None::<Result<(), JudgementError>>);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let today = state.today;
        let result = state.data.with_untracked(|d| {
            let mut p = d.projects.get(&project).cloned()?;
            let checked = p
                .decide_status(
                    status.get_untracked(),
                    &status_reason.get_untracked(),
                    today,
                )
                .and_then(|_| p.judge(light.get_untracked(), &light_reason.get_untracked(), today));
            Some(checked.map(|_| p))
        });
        match result {
            Some(Ok(p)) => {
                state.edit(|d| d.record_judgement(p, crate::ui::browser::now()));
                outcome.set(Some(Ok(())));
            }
            Some(Err(e)) => outcome.set(Some(Err(e))),
            None => {}
        }
    };
    let status_options = move || {
        let lang = state.lang.get();
        ScheduleStatus::ALL
            .into_iter()
            .map(|s| view! { <option value=format!("{s:?}") selected=move || status.get() == Some(s)>{labels::schedule_status(s, lang)}</option> })
            .collect_view()
    };
    let light_options = move || {
        let lang = state.lang.get();
        LIGHTS
            .into_iter()
            .map(|l| view! { <option value=format!("{l:?}") selected=move || light.get() == Some(l)>{labels::light(l, lang)}</option> })
            .collect_view()
    };
    let message = move || match outcome.get() {
        Some(Ok(())) => Some(
            view! { <span class="saved" role="status">{state.t(Msg::JudgementSaved)}</span> }
                .into_any(),
        ),
        Some(Err(JudgementError::NoReason)) => Some(
            view! { <span class="problem" role="alert">{state.t(Msg::ReasonNeeded)}</span> }
                .into_any(),
        ),
        None => None,
    };
    view! {
        <details class="card form">
            <summary>{move || state.t(Msg::RecordJudgement)}</summary>
            <form on:submit=save novalidate>
                <div class="groups">
                    <fieldset>
                        <legend>{move || state.t(Msg::OfficerDecision)}</legend>
                        <div class="field">
                            <label for="jf-status">{move || state.t(Msg::ScheduleStatus)}</label>
                            <select id="jf-status" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                status.set(ScheduleStatus::ALL.into_iter().find(|s| format!("{s:?}") == v));
                            }>
                                <option value="" selected=move || status.get().is_none()>{move || state.t(Msg::AsComputed)}</option>
                                {status_options}
                            </select>
                        </div>
                        <div class="field">
                            <label for="jf-status-reason">{move || state.t(Msg::Reason)}</label>
                            <input id="jf-status-reason" type="text" prop:value=move || status_reason.get()
                                on:input=move |ev| status_reason.set(event_target_value(&ev))/>
                        </div>
                    </fieldset>
                    <fieldset>
                        <legend>{move || state.t(Msg::TrafficLight)}</legend>
                        <div class="field">
                            <label for="jf-light">{move || state.t(Msg::Light)}</label>
                            <select id="jf-light" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                light.set(LIGHTS.into_iter().find(|l| format!("{l:?}") == v));
                            }>
                                <option value="" selected=move || light.get().is_none()>{move || state.t(Msg::NoLight)}</option>
                                {light_options}
                            </select>
                        </div>
                        <div class="field">
                            <label for="jf-light-reason">{move || state.t(Msg::Reason)}</label>
                            <input id="jf-light-reason" type="text" prop:value=move || light_reason.get()
                                on:input=move |ev| light_reason.set(event_target_value(&ev))/>
                        </div>
                    </fieldset>
                </div>
                <button type="submit" class="primary">{move || state.t(Msg::SaveJudgement)}</button>
                " " {message}
            </form>
        </details>
    }
}
