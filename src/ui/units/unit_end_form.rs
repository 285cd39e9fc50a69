//! Recording that a unit ended (merged or abolished) on a date, with its successors, and
//! handing each of its open directives to the successor the officer chooses: all to one in
//! one step, or one by one, others joining as coordinators. Nothing is stored until every
//! directive has its taker; then the unit and the directives are saved in one edit, and
//! the page shows the unit as ended (this form leaves it).

use leptos::prelude::*;

use crate::domain::draft::code;
use crate::domain::units::EndKind;
use crate::domain::units::Role;
use crate::domain::units::SuccessionDraft;
use crate::domain::Field;
use crate::domain::{DirectiveId, UnitId};
use crate::i18n::{succession as words, Msg};
use crate::ui::browser;
use crate::ui::form::{choices, field_title, Draft, Kind};
use crate::ui::state::{use_state, AppState};
use crate::ui::widgets::Folded;

/// One directive to hand over, as drawn.
#[derive(Clone, PartialEq)]
struct WorkLine {
    id: DirectiveId,
    reference: String,
    text: String,
    role: Role,
}

fn unit_label(state: AppState, id: &str) -> String {
    state.data.with_untracked(|d| {
        d.units
            .get(&UnitId(id.to_owned()))
            .map(|u| u.full_and_short_name())
            .unwrap_or_default()
    })
}

/// The form itself, drawn when first opened.
fn unit_end_form(unit: UnitId) -> impl IntoView {
    let state = use_state();
    let check_unit = unit.clone();
    let draft = Draft::new(state, SuccessionDraft::default(), move |d| {
        state.data.with(|data| d.field_problems(data, &check_unit))
    });
    let title = move |field: Field| move || field_title(field, false, state.lang.get());
    let kind = draft.select(
        "ue",
        Field::Ended,
        title(Field::Ended),
        move || {
            let lang = state.lang.get();
            [EndKind::Abolished, EndKind::Merged]
                .iter()
                .map(|k| (code(k), words::end_kind(*k, lang).to_owned()))
                .collect()
        },
        |d| &d.kind,
        |d| &mut d.kind,
    );
    let kind_problem = move || draft.problem(Field::Ended, true);
    let on = draft.input(
        "ue",
        Field::EndedOn,
        Kind::Date,
        title(Field::EndedOn),
        |d| &d.on,
        |d| &mut d.on,
    );
    let own = unit.clone();
    let successors = draft.picks(
        "ue",
        Field::Successors,
        title(Field::Successors),
        move || {
            state.data.with(|d| {
                choices::units(d)
                    .into_iter()
                    .filter(|(id, _)| *id != own.0)
                    .collect()
            })
        },
        |d| &d.successors,
        |d| &mut d.successors,
    );
    let successors_problem = move || draft.problem(Field::Successors, true);
    let work_unit = unit.clone();
    let work = Memo::new(move |_| {
        draft.value.with(|d| {
            state.data.with(|data| {
                d.work(data, &work_unit)
                    .into_iter()
                    .map(|(x, role)| WorkLine {
                        id: x.id.clone(),
                        reference: format!(
                            "{} · {}",
                            data.conclusions
                                .get(&x.conclusion)
                                .map(|c| c.number_symbol.as_str())
                                .unwrap_or(""),
                            x.path
                        ),
                        text: x.text.clone(),
                        role,
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let rows_unit = unit.clone();
    // From the list already made: no second pass over the directives per change.
    let row_problems = Memo::new(move |_| {
        draft
            .value
            .with(|d| work.with(|w| d.taker_problems(&rows_unit, w.iter().map(|l| &l.id))))
    });
    let successors_now = move || draft.value.with(|d| d.successors.clone());
    let all_to = RwSignal::new(String::new());
    let give_all = {
        let unit = unit.clone();
        move |_| {
            let to = all_to.get_untracked();
            if to.is_empty() {
                return;
            }
            draft.value.update(|d| {
                state
                    .data
                    .with_untracked(|data| d.all_to(data, &unit, &UnitId(to)))
            });
        }
    };
    let row = move |line: WorkLine| {
        let lang = state.lang.get_untracked();
        let id = line.id.clone();
        let select_id = format!("ue-taker-{}", line.id);
        let problem = {
            let id = id.clone();
            move || {
                draft
                    .submitted
                    .get()
                    .then(|| {
                        row_problems.with(|rows| {
                            rows.iter()
                                .find(|p| p.directive.as_ref() == Some(&id))
                                .map(|p| words::taker_problem(p, state.lang.get()))
                        })
                    })
                    .flatten()
            }
        };
        let chosen = {
            let id = id.clone();
            move || {
                draft
                    .value
                    .with(|d| d.taker_of(&id).map(|u| u.to_string()).unwrap_or_default())
            }
        };
        let options = {
            let chosen = chosen.clone();
            move || {
                let now = chosen();
                let mut list = vec![view! { <option value="" selected=now.is_empty()>{state.t(Msg::ChooseTaker)}</option> }.into_any()];
                for s in successors_now() {
                    let selected = s == now;
                    let label = unit_label(state, &s);
                    list.push(
                        view! { <option value=s selected=selected>{label}</option> }.into_any(),
                    );
                }
                list
            }
        };
        let set = {
            let id = id.clone();
            move |ev: leptos::ev::Event| {
                let v = event_target_value(&ev);
                draft
                    .value
                    .update(|d| d.set_taker(&id, (!v.is_empty()).then_some(UnitId(v))));
            }
        };
        let also = {
            let id = id.clone();
            let chosen = chosen.clone();
            move || {
                let list = successors_now();
                let taker = chosen();
                (list.len() > 1).then(|| {
                    let boxes = list
                        .into_iter()
                        .filter(|s| *s != taker)
                        .map(|s| {
                            let unit = UnitId(s.clone());
                            let checked = {
                                let id = id.clone();
                                let unit = unit.clone();
                                move || draft.value.with(|d| d.joins(&id, &unit))
                            };
                            let id = id.clone();
                            let label = unit_label(state, &s);
                            view! {
                                <label class="pick">
                                    <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        draft.value.update(|d| d.set_also(&id, &unit, on));
                                    }/>
                                    " " {label}
                                </label>
                            }
                        })
                        .collect_view();
                    view! { <span class="small">{state.t(Msg::AlsoCoordinating)} " "</span>{boxes} }
                })
            }
        };
        let hidden_label = format!("{} {}", state.t(Msg::Taker), line.reference);
        view! {
            <tr>
                <th scope="row">{line.reference}</th>
                <td data-label=state.t(Msg::Directives)>{line.text}</td>
                <td data-label=state.t(Msg::HandedPart)>{words::role(line.role, lang)}</td>
                <td data-label=state.t(Msg::Taker)>
                    <label class="visually-hidden" for=select_id.clone()>{hidden_label}</label>
                    <select id=select_id on:change=set prop:value=chosen>{options}</select>
                    <span class="problem" role="status">{problem}</span>
                    <div>{also}</div>
                </td>
            </tr>
        }
    };
    let table = move || {
        let lines = work.get();
        if draft.value.with(|d| d.on.trim().is_empty()) {
            return view! { <p class="muted">{state.t(Msg::PickEndDateFirst)}</p> }.into_any();
        }
        if lines.is_empty() {
            return view! { <p class="muted">{state.t(Msg::NoWorkToHandOver)}</p> }.into_any();
        }
        let count = lines.len();
        view! {
            <h3>{state.t(Msg::WorkToHandOver)} " (" {count} ")"</h3>
            <p class="actions">
                <label for="ue-all-to">{state.t(Msg::GiveAllTo)}</label>
                <select id="ue-all-to" prop:value=move || all_to.get() on:change=move |ev| all_to.set(event_target_value(&ev))>
                    <option value="">{state.t(Msg::ChooseTaker)}</option>
                    {successors_now().into_iter().map(|s| { let label = unit_label(state, &s); view! { <option value=s>{label}</option> } }).collect_view()}
                </select>
                <button type="button" on:click=give_all.clone()>{state.t(Msg::GiveAll)}</button>
            </p>
            <table class="list handover">
                <thead><tr>
                    <th scope="col">{state.t(Msg::DirectiveNo)}</th>
                    <th scope="col">{state.t(Msg::Directives)}</th>
                    <th scope="col">{state.t(Msg::HandedPart)}</th>
                    <th scope="col">{state.t(Msg::Taker)}</th>
                </tr></thead>
                <tbody>{lines.into_iter().map(row).collect_view()}</tbody>
            </table>
        }
        .into_any()
    };
    let on_submit = {
        let unit = unit.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            draft.submitted.set(true);
            let result = draft.value.with_untracked(|d| {
                state
                    .data
                    .with_untracked(|data| d.record(data, &unit, browser::now()))
            });
            if let Ok(done) = result {
                state.edit(|data| data.record_succession(done));
                draft.value.set(SuccessionDraft::default());
                draft.submitted.set(false);
            }
        }
    };
    view! {
            <form on:submit=on_submit novalidate>
                <p class="small muted">{move || state.t(Msg::EndUnitHint)}</p>
                <div class="groups">
                    <fieldset>
                        <legend>{move || state.t(Msg::EndHow)}</legend>
                        {kind}
                        <span class="problem" role="status">{kind_problem}</span>
                        {on}
                    </fieldset>
                    <fieldset>
                        <legend>{move || state.t(Msg::Successors)}</legend>
                        {successors}
                        <span class="problem" role="status">{successors_problem}</span>
                    </fieldset>
                </div>
                {table}
                <button type="submit" class="primary">{move || state.t(Msg::RecordEnd)}</button>
            </form>
    }
}

/// On an open unit's page: record its end and hand over its work.
#[component]
pub fn UnitEndForm(unit: UnitId) -> impl IntoView {
    let state = use_state();
    let body = move || unit_end_form(unit.clone());
    view! {
        <Folded id="unit-end-form" summary=move || state.t(Msg::EndUnit)>
            {body.clone()}
        </Folded>
    }
}
