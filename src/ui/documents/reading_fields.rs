//! The review's editable parts: the notice's own fields and the units not in the register
//! with the officer's choice for each (each directive: `reading_directive`).

use leptos::prelude::*;

use super::reading_choices::{parent_pick, review_select, NewMeetingFields};
use crate::domain::dates::{parse_date, DateError};
use crate::domain::documents::{meetings_near, NewUnitChoice, Review, NEW_MEETING};
use crate::domain::Field;
use crate::i18n::dates::date_message;
use crate::i18n::{format_date, Msg};
use crate::ui::date_box::{label_id, DateBox};
use crate::ui::form::{choices, field_title};
use crate::ui::state::use_state;

/// Reads one string of the review.
type ReadText = std::sync::Arc<dyn Fn(&Review) -> String + Send + Sync>;
/// Writes one string of the review.
type WriteText = std::sync::Arc<dyn Fn(&mut Review, String) + Send + Sync>;

/// A text box bound to one string of the review.
pub(super) fn review_input(
    review: RwSignal<Option<Review>>,
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    long: bool,
    get: impl Fn(&Review) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Review, String) + Send + Sync + 'static,
) -> AnyView {
    // One body for every field (not one per closure type): the download stays small.
    text_box(
        review,
        id,
        std::sync::Arc::new(label),
        long,
        std::sync::Arc::new(get),
        std::sync::Arc::new(set),
    )
}

fn text_box(
    review: RwSignal<Option<Review>>,
    id: String,
    label: std::sync::Arc<dyn Fn() -> String + Send + Sync>,
    long: bool,
    get: ReadText,
    set: WriteText,
) -> AnyView {
    // Re-set in the page only when this field's own text changed, not on every keystroke
    // elsewhere in the review.
    let value = Memo::new(move |_| review.with(|r| r.as_ref().map(|r| get(r)).unwrap_or_default()));
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        review.update(|r| {
            if let Some(r) = r {
                set(r, typed)
            }
        });
    };
    let control = if long {
        view! { <textarea id=id.clone() rows="3" prop:value=value on:input=on_input></textarea> }
            .into_any()
    } else {
        view! { <input id=id.clone() type="text" autocomplete="off" prop:value=value on:input=on_input/> }
            .into_any()
    };
    let class = if long { "field wide" } else { "field" };
    view! {
        <div class=class>
            <label for=id>{move || label()}</label>
            {control}
        </div>
    }
    .into_any()
}

/// A date box bound to one string of the review: what is typed is kept as typed; a
/// problem shows once the box is left (a date left empty is the review's to report).
pub(super) fn review_date(
    review: RwSignal<Option<Review>>,
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    get: impl Fn(&Review) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Review, String) + Send + Sync + Copy + 'static,
) -> AnyView {
    let state = use_state();
    let value = Memo::new(move |_| review.with(|r| r.as_ref().map(&get).unwrap_or_default()));
    let write = move |text: String| {
        review.update(|r| {
            if let Some(r) = r {
                set(r, text)
            }
        })
    };
    let left = RwSignal::new(false);
    let problem = Signal::derive(move || {
        let lang = state.lang.get();
        let wrong = match value.with(|t| parse_date(t)) {
            Ok(_) | Err(DateError::Empty) => None,
            Err(e) => Some(e),
        };
        wrong.filter(|_| left.get()).map(|e| date_message(&e, lang))
    });
    let hint = format!("{id}-problem");
    let date_box = DateBox {
        id: id.clone(),
        text: move || value.get(),
        write,
        left,
        invalid: Signal::derive(move || problem.with(Option::is_some)),
        described: hint.clone(),
    };
    view! {
        <div class="field">
            <label for=id.clone() id=label_id(&id)>{label}</label>
            {date_box.view()}
            <span class="problem" id=hint role="status">{move || problem.get()}</span>
        </div>
    }
    .into_any()
}

#[component]
pub(super) fn ConclusionFields(review: RwSignal<Option<Review>>) -> impl IntoView {
    let state = use_state();
    let title = move |field: Field| move || field_title(field, false, state.lang.get());
    macro_rules! text {
        ($field:ident, $name:ident, $long:expr) => {
            review_input(
                review,
                concat!("rc-", stringify!($field)).replace('_', "-"),
                title(Field::$name),
                $long,
                |r| r.conclusion.$field.clone(),
                |r, v| r.conclusion.$field = v,
            )
        };
    }
    let meeting = Memo::new(move |_| {
        review.with(|r| {
            r.as_ref()
                .map(|r| r.conclusion.meeting.clone())
                .unwrap_or_default()
        })
    });
    let meeting_options = move || {
        let chosen = meeting.get();
        let mut all = vec![
            (String::new(), state.t(Msg::NotGiven).to_owned()),
            (
                NEW_MEETING.to_owned(),
                state.t(Msg::ReadNewMeetingOption).to_owned(),
            ),
        ];
        let day =
            review.with_untracked(|r| r.as_ref().and_then(|r| parse_date(&r.conclusion.date).ok()));
        all.extend(state.data.with(|d| {
            let near = match day {
                Some(day) => meetings_near(d, day),
                None => Vec::new(),
            };
            let picked = d
                .meetings
                .get(&chosen.clone().into())
                .filter(|m| !near.iter().any(|n| n.id == m.id));
            near.into_iter()
                .chain(picked)
                .map(|m| {
                    (
                        m.id.to_string(),
                        format!("{} {}", format_date(m.date), m.place),
                    )
                })
                .collect::<Vec<_>>()
        }));
        all.into_iter()
            .map(|(v, t)| {
                let selected = v == chosen;
                view! { <option value=v selected=selected>{t}</option> }
            })
            .collect_view()
    };
    let body_kind = Memo::new(move |_| {
        review.with(|r| {
            r.as_ref()
                .map(|r| r.conclusion.body_kind.clone())
                .unwrap_or_default()
        })
    });
    let body_kind_options = move || {
        let chosen = body_kind.get();
        let lang = state.lang.get();
        choices::body_kinds(lang)
            .into_iter()
            .map(|(v, t)| {
                let selected = v == chosen;
                view! { <option value=v selected=selected>{t}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="read-conclusion-title">
            <h2 id="read-conclusion-title">{move || state.t(Msg::ReadConclusionPart)}</h2>
            <p class="small" id="rc-kind">{move || state.t(Msg::ReadKind)} ": "
                <strong>{move || review.with(|r| r.as_ref().map(|r| r.kind.clone()).filter(|k| !k.is_empty()).unwrap_or_else(|| state.t(Msg::NotGiven).to_owned()))}</strong>
            </p>
            <div class="grid">
                {text!(number_symbol, NumberSymbol, false)}
                {review_date(review, "rc-date".into(), title(Field::Date),
                    |r| r.conclusion.date.clone(), |r, v| r.conclusion.date = v)}
                {text!(issuing_body, IssuingBody, false)}
                {text!(parent_body, ParentBody, false)}
                {text!(place, Place, false)}
                <div class="field">
                    <label for="rc-body-kind">{title(Field::BodyKind)}</label>
                    <select id="rc-body-kind" on:change=move |ev| { let v = event_target_value(&ev); review.update(|r| if let Some(r) = r { r.conclusion.body_kind = v }) }>
                        {body_kind_options}
                    </select>
                </div>
                <div class="field">
                    <label for="rc-meeting">{title(Field::Meeting)}</label>
                    <select id="rc-meeting" on:change=move |ev| { let v = event_target_value(&ev); review.update(|r| if let Some(r) = r { r.conclusion.meeting = v }) }>
                        {meeting_options}
                    </select>
                </div>
                <NewMeetingFields review=review/>
                {text!(title, Title, true)}
                {text!(signer_title, SignerTitle, true)}
                {text!(signer, Signer, false)}
                {text!(recipients, Recipients, true)}
            </div>
            <details>
                <summary>{move || state.t(Msg::ReadParagraphs)}</summary>
                <div class="grid">
                    {text!(opening, Opening, true)}
                    {text!(assessment, Assessment, true)}
                    {text!(closing, Closing, true)}
                </div>
            </details>
        </section>
    }
}

/// The units read that the register does not hold: add (under the name read or another),
/// the same as a unit already there, or leave out.
#[component]
pub(super) fn NewUnits(review: RwSignal<Option<Review>>) -> impl IntoView {
    let state = use_state();
    let count = move || review.with(|r| r.as_ref().map_or(0, |r| r.new_units.len()));
    let any = move || count() != 0;
    let row = move |i: usize| {
        let as_read = review.with_untracked(|r| {
            r.as_ref()
                .and_then(|r| r.new_units.get(i))
                .map(|u| u.as_read.clone())
                .unwrap_or_default()
        });
        let choice = move || {
            review.with(|r| {
                r.as_ref()
                    .and_then(|r| r.new_units.get(i))
                    .map(|u| u.choice.clone())
            })
        };
        let code = move || match choice() {
            Some(NewUnitChoice::Add(_)) | None => "add".to_owned(),
            Some(NewUnitChoice::Leave) => "leave".to_owned(),
            Some(NewUnitChoice::SameAs(id)) => format!("same:{id}"),
        };
        let name = move || match choice() {
            Some(NewUnitChoice::Add(n)) => n,
            _ => String::new(),
        };
        let adding = move || matches!(choice(), Some(NewUnitChoice::Add(_)) | None);
        let read_name = as_read.clone();
        let options = move || {
            let chosen = code();
            let lang = state.lang.get();
            let mut all = vec![
                ("add".to_owned(), Msg::NewUnitAdd.text(lang).to_owned()),
                ("leave".to_owned(), Msg::NewUnitLeave.text(lang).to_owned()),
            ];
            all.extend(state.data.with(|d| {
                choices::units(d).into_iter().map(|(id, n)| {
                    (
                        format!("same:{id}"),
                        format!("{} {n}", Msg::NewUnitSame.text(lang)),
                    )
                })
            }));
            all.into_iter()
                .map(|(v, t)| {
                    let selected = v == chosen;
                    view! { <option value=v selected=selected>{t}</option> }
                })
                .collect_view()
        };
        let on_choice = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let read_name = read_name.clone();
            review.update(|r| {
                if let Some(u) = r.as_mut().and_then(|r| r.new_units.get_mut(i)) {
                    u.choice = match v.as_str() {
                        "leave" => NewUnitChoice::Leave,
                        "add" => NewUnitChoice::Add(read_name),
                        other => other
                            .strip_prefix("same:")
                            .map(|id| NewUnitChoice::SameAs(id.to_owned().into()))
                            .unwrap_or(NewUnitChoice::Add(read_name)),
                    }
                }
            });
        };
        let on_name = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            review.update(|r| {
                if let Some(u) = r.as_mut().and_then(|r| r.new_units.get_mut(i)) {
                    u.choice = NewUnitChoice::Add(v);
                }
            });
        };
        view! {
            <li class="new-unit">
                <p><strong>{as_read.clone()}</strong></p>
                <div class="field">
                    <label for=format!("nu-{i}-choice")>{move || state.t(Msg::NewUnitWhat)}</label>
                    <select id=format!("nu-{i}-choice") on:change=on_choice>{options}</select>
                </div>
                <Show when=adding>
                    <div class="grid">
                        <div class="field">
                            <label for=format!("nu-{i}-name")>{move || state.t(Msg::NewUnitName)}</label>
                            <input id=format!("nu-{i}-name") type="text" prop:value=name on:input=on_name/>
                        </div>
                        {review_select(review, format!("nu-{i}-kind"),
                            move || field_title(Field::UnitKind, false, state.lang.get()),
                            move || choices::unit_kinds(state.lang.get()),
                            move |r| r.new_units.get(i).map(|u| u.kind.clone()).unwrap_or_default(),
                            move |r, v| if let Some(u) = r.new_units.get_mut(i) { u.kind = v })}
                    </div>
                    {parent_pick(review, i)}
                </Show>
            </li>
        }
    };
    view! {
        <Show when=any>
            <section class="card" aria-labelledby="read-new-units-title">
                <h2 id="read-new-units-title">{move || state.t(Msg::NewUnitsRead)} " (" {count} ")"</h2>
                <p class="small muted">{move || state.t(Msg::NewUnitsHint)}</p>
                <ul class="plain">
                    <For each=move || 0..count() key=|i| *i let:i>
                        {row(i)}
                    </For>
                </ul>
            </section>
        </Show>
    }
}
