//! One directive of the review with the marks of what was read, guessed or missing; its
//! lead unit, coordinating units and projects are named on it, and the search boxes to
//! change them are laid out only for the directive being edited.

use leptos::prelude::*;

use super::reading_choices::{project_pick, unit_pick, UnitList};
use super::reading_fields::{review_date, review_input};
use crate::domain::documents::Mark;
use crate::domain::documents::{due_of, new_unit_ref, NewUnitChoice, Review, UnitClass};
use crate::domain::Field;
use crate::i18n::{format_date, Lang, Msg};
use crate::ui::form::field_title;
use crate::ui::state::use_state;

fn mark_text(mark: Mark, lang: Lang) -> &'static str {
    match mark {
        Mark::Read => Msg::MarkRead.text(lang),
        Mark::Guessed => Msg::MarkGuessed.text(lang),
        Mark::Missing => Msg::MarkMissing.text(lang),
    }
}

fn mark_class(mark: Mark) -> &'static str {
    match mark {
        Mark::Read => "mark mark-read",
        Mark::Guessed => "mark mark-guessed",
        Mark::Missing => "mark mark-missing",
    }
}

#[component]
pub(super) fn DirectiveFields(
    review: RwSignal<Option<Review>>,
    i: usize,
    focused: RwSignal<usize>,
) -> impl IntoView {
    let state = use_state();
    let title = move |field: Field| move || field_title(field, false, state.lang.get());
    let prefix = format!("rd-{i}");
    // This directive's part of the review: what depends on it redraws when it changes, not
    // when another directive does.
    let item =
        Memo::new(move |_| review.with(|r| r.as_ref().and_then(|r| r.items.get(i).cloned())));
    let item = move || item.get();
    let issued = Memo::new(move |_| {
        review.with(|r| {
            r.as_ref()
                .and_then(|r| crate::domain::dates::parse_date(&r.conclusion.date).ok())
        })
    });
    let news = Memo::new(move |_| {
        review.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.new_units
                        .iter()
                        .enumerate()
                        .filter(|(_, u)| !matches!(u.choice, NewUnitChoice::Leave))
                        .map(|(k, u)| (new_unit_ref(k), u.as_read.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let first_lead = review.with_untracked(|r| {
        r.as_ref()
            .and_then(|r| r.first_leads.get(i).cloned())
            .unwrap_or_default()
    });
    // The document's own mark when it is one to cite ("a)", "II.1"), else the number.
    let path = move || {
        item()
            .map(|x| crate::domain::followup::legend_mark(&x.draft.label, &x.draft.path))
            .unwrap_or_default()
    };
    let lead_mark = Memo::new(move |_| item().map_or(Mark::Missing, |x| x.lead_mark(&first_lead)));
    let lead_mark = move || lead_mark.get();
    let deadline_mark = move || item().map_or(Mark::Missing, |x| x.read.deadline_mark);
    let heading = move || item().is_some_and(|x| x.draft.heading);
    let due = move || {
        let lang = state.lang.get();
        let x = item()?;
        Some(match due_of(&x.draft, issued.get()) {
            Some(d) => format!("{} {}", Msg::DueOn.text(lang), format_date(d)),
            None => Msg::NoDueDate.text(lang).to_owned(),
        })
    };
    let lead = Memo::new(move |_| item().map(|x| x.draft.lead_unit).unwrap_or_default());
    // The ids chosen in one of the draft's lists: its coordinating units or its projects.
    let chosen_in = move |field: Field| {
        item()
            .map(|x| {
                if field == Field::Projects {
                    x.draft.projects
                } else {
                    x.draft.coordinating_units
                }
            })
            .unwrap_or_default()
    };
    let open = move || focused.get() == i;
    let lead_name = move || {
        let lang = state.lang.get();
        let id = lead.get();
        if id.is_empty() {
            return state.t(Msg::NotGiven).to_owned();
        }
        if let Some((_, name)) = news.with(|n| n.iter().find(|(v, _)| *v == id).cloned()) {
            return format!("{} {name}", Msg::NewUnitWord.text(lang));
        }
        state.data.with(|d| {
            d.units
                .get(&id.clone().into())
                .map(|u| u.full_and_short_name())
                .unwrap_or(id)
        })
    };
    let names = move |field: Field| {
        let ids = chosen_in(field);
        if ids.is_empty() {
            return state.t(Msg::NotGiven).to_owned();
        }
        state.data.with(|d| {
            ids.iter()
                .map(|id| {
                    if field == Field::Projects {
                        d.projects
                            .get(&id.clone().into())
                            .map_or(id.clone(), |p| p.display_name().to_owned())
                    } else {
                        d.units
                            .get(&id.clone().into())
                            .map_or(id.clone(), |u| u.display_name().to_owned())
                    }
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    view! {
        <fieldset class="read-item" id=format!("rd-{i}") on:focusin=move |_| focused.set(i)
            class:read-focused=move || focused.get() == i>
            <legend>{move || state.t(Msg::DirectiveWord)} " " {path}</legend>
            <p class="marks">
                <span class=move || mark_class(lead_mark())>{move || state.t(Msg::LeadUnitWord)} ": " {move || mark_text(lead_mark(), state.lang.get())}</span>
                " "
                <Show when=move || !heading() fallback=move || view! { <span class="mark">{move || state.t(Msg::HeadingItem)}</span> }>
                    <span class=move || mark_class(deadline_mark())>{move || state.t(Msg::DeadlineWord)} ": " {move || mark_text(deadline_mark(), state.lang.get())}</span>
                </Show>
            </p>
            {move || class_note(review, i)}
            {move || {
                let ended = item().map(|x| x.ended).unwrap_or_default();
                state.data.with(|d| crate::i18n::succession::ended_in_review(d, &ended, state.lang.get()))
                    .map(|text| view! { <p class="ended-note small" role="note">{text}</p> })
            }}
            <div class="grid">
                {review_input(review, format!("{prefix}-path"), title(Field::Path), false,
                    move |r| r.items.get(i).map(|x| x.draft.path.clone()).unwrap_or_default(),
                    move |r, v| if let Some(x) = r.items.get_mut(i) { x.draft.path = v })}
                // The lists of every unit and project are laid out for the directive being
                // edited only: a ten-page notice has a hundred directives.
                <Show when=open fallback=move || view! {
                    <div class="field">
                        <span class="label">{title(Field::LeadUnit)}</span>
                        <span class="value" id=format!("rd-{i}-lead-name")>{lead_name}</span>
                    </div>
                }>
                    {unit_pick(review, i, UnitList::Lead)}
                </Show>
                {review_input(review, format!("{prefix}-text"), title(Field::Text), true,
                    move |r| r.items.get(i).map(|x| x.draft.text.clone()).unwrap_or_default(),
                    move |r, v| if let Some(x) = r.items.get_mut(i) { x.draft.text = v })}
                <Show when=move || !heading()>
                    <div class="field">
                        {review_input(review, format!("rd-{i}-deadline"), title(Field::Deadline), false,
                            move |r| r.items.get(i).map(|x| x.draft.deadline_words.clone()).unwrap_or_default(),
                            move |r, v| if let Some(x) = r.items.get_mut(i) { x.draft.deadline_words = v })}
                        <span class="echo" role="status" id=format!("rd-{i}-due")>{due}</span>
                    </div>
                    {review_date(review, format!("rd-{i}-due-by-hand"), title(Field::DueByHand),
                        move |r| r.items.get(i).map(|x| x.draft.due_by_hand.clone()).unwrap_or_default(),
                        move |r, v| if let Some(x) = r.items.get_mut(i) { x.draft.due_by_hand = v })}
                </Show>
                {review_input(review, format!("{prefix}-responsible"), title(Field::ResponsiblePerson), false,
                    move |r| r.items.get(i).map(|x| x.draft.responsible_person.clone()).unwrap_or_default(),
                    move |r, v| if let Some(x) = r.items.get_mut(i) { x.draft.responsible_person = v })}
                <Show when=open fallback=move || view! {
                    <div class="field">
                        <span class="label">{title(Field::CoordinatingUnits)}</span>
                        <span class="value">{move || names(Field::CoordinatingUnits)}</span>
                    </div>
                    <div class="field">
                        <span class="label">{title(Field::Projects)}</span>
                        <span class="value">{move || names(Field::Projects)}</span>
                    </div>
                }>
                    {unit_pick(review, i, UnitList::Coordinating)}
                    {project_pick(review, i)}
                </Show>
            </div>
        </fieldset>
    }
}

/// An item for a class of units ("các chủ đầu tư"): which of the register's it covers, and
/// the choice to split it into one directive per unit (kept as one until the officer does).
fn class_note(review: RwSignal<Option<Review>>, i: usize) -> Option<AnyView> {
    let state = use_state();
    let lang = state.lang.get();
    let (class, names) = review.with(|r| {
        let r = r.as_ref()?;
        r.can_split(i).then(|| {
            let x = &r.items[i];
            (x.read.unit_class, x.read.covers.clone())
        })
    })?;
    let class = match class? {
        UnitClass::Investors => Msg::ClassInvestors,
        UnitClass::Departments => Msg::ClassDepartments,
    };
    let n = names.len().to_string();
    let note = Msg::ReadClassNote
        .text(lang)
        .replace("{class}", class.text(lang))
        .replace("{n}", &n)
        .replace("{names}", &names.join("; "));
    let button = Msg::ReadSplit.text(lang).replace("{n}", &n);
    Some(
        view! {
            <p class="class-note small" role="note">{note} " "
                <button type="button" class="secondary" id=format!("rd-{i}-split")
                    on:click=move |_| review.update(|r| if let Some(r) = r { r.split_item(i); })>{button}</button>
            </p>
        }
        .into_any(),
    )
}
