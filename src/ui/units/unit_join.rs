//! Joining a duplicate record into this unit (one unit typed twice, or arriving from a
//! colleague's file under another id): what would move is shown before anything changes.

use leptos::prelude::*;

use crate::domain::sorting;
use crate::domain::UnitId;
use crate::i18n::{draft_message, Msg};
use crate::ui::browser;
use crate::ui::state::use_state;
use crate::ui::widgets::Folded;

/// The choice and what it would change, drawn when first opened.
fn unit_join(unit: UnitId) -> impl IntoView {
    let state = use_state();
    let chosen = RwSignal::new(String::new());
    let done = RwSignal::new(false);
    let own = unit.clone();
    let options = move || {
        state.data.with(|d| {
            let mut list: Vec<(String, String)> = d
                .units
                .iter()
                .filter(|u| u.id != own)
                .map(|u| (u.id.to_string(), u.full_and_short_name()))
                .collect();
            sorting::sort_by_cached_key(&mut list, |(_, n)| crate::domain::text::fold(n));
            list
        })
    };
    let plan_unit = unit.clone();
    // What the join would change, counted before anything is written.
    let plan = Memo::new(move |_| {
        let absorbed = chosen.get();
        if absorbed.is_empty() {
            return None;
        }
        Some(state.data.with(|d| {
            d.join_units(&plan_unit, &UnitId(absorbed), browser::now())
                .map(|j| {
                    (
                        j.directives.len(),
                        j.projects.len() + j.obstacles.len() + j.meetings.len(),
                    )
                })
                .map_err(|p| {
                    draft_message(
                        &crate::domain::draft::DraftProblem::Rule(p),
                        state.lang.get(),
                    )
                })
        }))
    });
    let join = {
        let unit = unit.clone();
        move |_| {
            let absorbed = UnitId(chosen.get_untracked());
            let joined = state
                .data
                .with_untracked(|d| d.join_units(&unit, &absorbed, browser::now()));
            if let Ok(joined) = joined {
                state.edit(|d| d.apply_join(&absorbed, joined));
                chosen.set(String::new());
                done.set(true);
            }
        }
    };
    let summary = move || {
        plan.get().map(|p| match p {
            Ok((directives, others)) => view! {
                <p>
                    {state.t(Msg::JoinChanges)} ": " {directives} " " {Msg::Directives.counted(directives, state.lang.get()).to_lowercase()}
                    ", " {others} " " {Msg::OtherRecords.counted(others, state.lang.get())}
                </p>
                <button type="button" class="primary" id="join-unit" on:click=join.clone()>{state.t(Msg::JoinButton)}</button>
            }
            .into_any(),
            Err(message) => view! { <p class="problem">{message}</p> }.into_any(),
        })
    };
    view! {
            <p class="small muted">{move || state.t(Msg::JoinHint)}</p>
            <div class="field">
                <label for="join-duplicate">{move || state.t(Msg::Duplicate)}</label>
                <select id="join-duplicate" prop:value=move || chosen.get()
                    on:change=move |ev| { done.set(false); chosen.set(event_target_value(&ev)) }>
                    <option value="">{move || state.t(Msg::ChooseDuplicate)}</option>
                    {move || options().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </div>
            {summary}
            <span class="saved" role="status">{move || done.get().then(|| state.t(Msg::Joined))}</span>
    }
}

/// On a unit's page: join a duplicate record into it.
#[component]
pub fn UnitJoin(unit: UnitId) -> impl IntoView {
    let state = use_state();
    let body = move || unit_join(unit.clone());
    view! {
        <Folded id="unit-join" summary=move || state.t(Msg::JoinUnit)>
            {body.clone()}
        </Folded>
    }
}
