//! The review's choices that finish the job without leaving it: units, coordinating units
//! and projects found with a search box (a unit the register lacks is added on the spot),
//! the meeting the opening describes, a new unit's kind and parent body.

use leptos::prelude::*;

use crate::domain::documents::{new_unit_ref, NewUnitChoice, Review, NEW_MEETING};
use crate::domain::Field;
use crate::i18n::Msg;
use crate::ui::form::{choices, field_title};
use crate::ui::pick::PickBox;
use crate::ui::state::use_state;

/// A choice bound to one string of the review; `options` are (value, text) pairs.
pub(super) fn review_select(
    review: RwSignal<Option<Review>>,
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    options: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    get: impl Fn(&Review) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Review, String) + Send + Sync + 'static,
) -> AnyView {
    let chosen = Memo::new(move |_| review.with(|r| r.as_ref().map(&get).unwrap_or_default()));
    let options = move || {
        let chosen = chosen.get();
        options()
            .into_iter()
            .map(|(v, t)| {
                let selected = v == chosen;
                view! { <option value=v selected=selected>{t}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                review.update(|r| if let Some(r) = r { set(r, v) });
            }>{options}</select>
        </div>
    }
    .into_any()
}

/// The units a directive may name: the new ones the review adds ("Đơn vị mới: …") first,
/// then the register's.
fn unit_options(review: RwSignal<Option<Review>>) -> Vec<(String, String)> {
    let state = use_state();
    let lang = state.lang.get();
    let mut all: Vec<(String, String)> = review.with(|r| {
        r.as_ref()
            .map(|r| {
                r.new_units
                    .iter()
                    .enumerate()
                    .filter(|(_, u)| !matches!(u.choice, NewUnitChoice::Leave))
                    .map(|(k, u)| {
                        let name = match &u.choice {
                            NewUnitChoice::Add(n) => n.as_str(),
                            _ => u.as_read.as_str(),
                        };
                        (
                            new_unit_ref(k),
                            format!("{} {name}", Msg::NewUnitWord.text(lang)),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    all.extend(state.data.with(choices::units));
    all
}

/// Which of a directive's unit lists a picker edits.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum UnitList {
    Lead,
    Coordinating,
}

/// Directive `i`'s lead unit (one) or coordinating units (several), found by typing; a name
/// the register lacks is offered to add as a new unit of the review.
pub(super) fn unit_pick(review: RwSignal<Option<Review>>, i: usize, list: UnitList) -> AnyView {
    let state = use_state();
    let (field, single) = match list {
        UnitList::Lead => (Field::LeadUnit, true),
        UnitList::Coordinating => (Field::CoordinatingUnits, false),
    };
    let filter = RwSignal::new(String::new());
    let choose = move |r: &mut Review, value: String, on: bool| {
        let Some(x) = r.items.get_mut(i) else {
            return;
        };
        match list {
            UnitList::Lead => x.draft.lead_unit = if on { value } else { String::new() },
            UnitList::Coordinating => {
                let units = &mut x.draft.coordinating_units;
                units.retain(|u| *u != value);
                if on {
                    units.push(value);
                }
            }
        }
    };
    let no_match = move |typed: String| {
        let label = Msg::ReadAddUnitNamed
            .text(state.lang.get())
            .replace("{name}", &typed);
        view! {
            <button type="button" class="secondary" on:click=move |_| {
                review.update(|r| {
                    if let Some(r) = r {
                        if let Some(unit) = r.add_unit(&typed) {
                            choose(r, unit, true);
                        }
                    }
                });
                filter.set(String::new());
            }>{label}</button>
        }
        .into_any()
    };
    PickBox {
        id: format!("rd-{i}-{}", field.name().replace('_', "-")),
        label: move || field_title(field, false, state.lang.get()),
        options: move || unit_options(review),
        chosen: move || {
            review.with(|r| {
                r.as_ref()
                    .and_then(|r| r.items.get(i))
                    .map(|x| match list {
                        UnitList::Lead => Some(x.draft.lead_unit.clone())
                            .filter(|u| !u.is_empty())
                            .into_iter()
                            .collect(),
                        UnitList::Coordinating => x.draft.coordinating_units.clone(),
                    })
                    .unwrap_or_default()
            })
        },
        toggle: move |value: String, on: bool| {
            review.update(|r| {
                if let Some(r) = r {
                    choose(r, value, on)
                }
            })
        },
        single,
        filter,
        no_match,
    }
    .view()
}

/// Directive `i`'s projects, found by typing.
pub(super) fn project_pick(review: RwSignal<Option<Review>>, i: usize) -> AnyView {
    let state = use_state();
    PickBox {
        id: format!("rd-{i}-projects"),
        label: move || field_title(Field::Projects, false, state.lang.get()),
        options: move || state.data.with(choices::projects),
        chosen: move || {
            review.with(|r| {
                r.as_ref()
                    .and_then(|r| r.items.get(i))
                    .map(|x| x.draft.projects.clone())
                    .unwrap_or_default()
            })
        },
        toggle: move |value: String, on: bool| {
            review.update(|r| {
                if let Some(x) = r.as_mut().and_then(|r| r.items.get_mut(i)) {
                    x.draft.projects.retain(|p| *p != value);
                    if on {
                        x.draft.projects.push(value);
                    }
                }
            })
        },
        single: false,
        filter: RwSignal::new(String::new()),
        no_match: |_: String| ().into_any(),
    }
    .view()
}

/// New unit `i`'s parent body, found by typing (none when nothing is ticked).
pub(super) fn parent_pick(review: RwSignal<Option<Review>>, i: usize) -> AnyView {
    let state = use_state();
    PickBox {
        id: format!("nu-{i}-parent"),
        label: move || field_title(Field::Parent, false, state.lang.get()),
        options: move || state.data.with(choices::units),
        chosen: move || {
            review.with(|r| {
                r.as_ref()
                    .and_then(|r| r.new_units.get(i))
                    .map(|u| u.parent.clone())
                    .filter(|p| !p.is_empty())
                    .into_iter()
                    .collect()
            })
        },
        toggle: move |value: String, on: bool| {
            review.update(|r| {
                if let Some(u) = r.as_mut().and_then(|r| r.new_units.get_mut(i)) {
                    u.parent = if on { value } else { String::new() };
                }
            })
        },
        single: true,
        filter: RwSignal::new(String::new()),
        no_match: |_: String| ().into_any(),
    }
    .view()
}

/// The meeting the opening describes, to record with the notice: shown once the officer
/// picks it as the notice's meeting.
#[component]
pub(super) fn NewMeetingFields(review: RwSignal<Option<Review>>) -> impl IntoView {
    let state = use_state();
    let title = move |field: Field| move || field_title(field, false, state.lang.get());
    let chosen = Memo::new(move |_| {
        review.with(|r| {
            r.as_ref()
                .is_some_and(|r| r.conclusion.meeting == NEW_MEETING)
        })
    });
    let text = move |field: Field, get: fn(&Review) -> String, set: fn(&mut Review, String)| {
        super::reading_fields::review_input(
            review,
            format!("rm-{}", field.name()),
            title(field),
            false,
            get,
            set,
        )
    };
    view! {
        <Show when=move || chosen.get()>
            <fieldset class="wide new-meeting" id="read-new-meeting">
                <legend>{move || state.t(Msg::ReadNewMeetingPart)}</legend>
                <div class="grid">
                    {review_select(review, "rm-kind".into(), title(Field::Kind),
                        move || choices::meeting_kinds(state.lang.get()),
                        |r| r.new_meeting.kind.clone(), |r, v| r.new_meeting.kind = v)}
                    {super::reading_fields::review_date(review, "rm-date".into(), title(Field::Date),
                        |r| r.new_meeting.date.clone(), |r, v| r.new_meeting.date = v)}
                    {text(Field::Time, |r| r.new_meeting.time.clone(), |r, v| r.new_meeting.time = v)}
                    {text(Field::Place, |r| r.new_meeting.place.clone(), |r, v| r.new_meeting.place = v)}
                    {text(Field::Chair, |r| r.new_meeting.chair.clone(), |r, v| r.new_meeting.chair = v)}
                </div>
            </fieldset>
        </Show>
    }
}
