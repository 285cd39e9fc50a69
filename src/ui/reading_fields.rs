//! The review's editable parts: the notice's own fields, the units not in the register with
//! the officer's choice for each, and each directive with its marks (the lists of every unit
//! and project laid out only for the directive being edited).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::form::{choices, field_title};
use super::state::use_state;
use crate::domain::reading::notice::Mark;
use crate::domain::reading::review::{due_of, meetings_near, new_unit_ref, NewUnitChoice, Review};
use crate::i18n::{format_date, Lang, Msg};

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

/// Reads one string of the review.
type ReadText = std::sync::Arc<dyn Fn(&Review) -> String + Send + Sync>;
/// Writes one string of the review.
type WriteText = std::sync::Arc<dyn Fn(&mut Review, String) + Send + Sync>;

/// A text box bound to one string of the review.
fn review_input(
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

#[component]
pub(super) fn ConclusionFields(review: RwSignal<Option<Review>>) -> impl IntoView {
    let state = use_state();
    let title = move |field: &'static str| move || field_title(field, false, state.lang.get());
    macro_rules! text {
        ($field:ident, $long:expr) => {
            review_input(
                review,
                concat!("rc-", stringify!($field)).replace('_', "-"),
                title(stringify!($field)),
                $long,
                |r| r.conclusion.$field.clone(),
                |r, v| r.conclusion.$field = v,
            )
        };
    }
    let date_value = move || {
        review.with(|r| {
            r.as_ref()
                .map(|r| r.conclusion.date.clone())
                .unwrap_or_default()
        })
    };
    let meeting = Memo::new(move |_| {
        review.with(|r| {
            r.as_ref()
                .map(|r| r.conclusion.meeting.clone())
                .unwrap_or_default()
        })
    });
    let meeting_options = move || {
        let chosen = meeting.get();
        let mut all = vec![(String::new(), state.t(Msg::NotGiven).to_owned())];
        let day = review.with_untracked(|r| {
            r.as_ref().and_then(|r| {
                chrono::NaiveDate::parse_from_str(&r.conclusion.date, "%Y-%m-%d").ok()
            })
        });
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
    view! {
        <section class="card" aria-labelledby="read-conclusion-title">
            <h2 id="read-conclusion-title">{move || state.t(Msg::ReadConclusionPart)}</h2>
            <p class="small" id="rc-kind">{move || state.t(Msg::ReadKind)} ": "
                <strong>{move || review.with(|r| r.as_ref().map(|r| r.kind.clone()).filter(|k| !k.is_empty()).unwrap_or_else(|| state.t(Msg::NotGiven).to_owned()))}</strong>
            </p>
            <div class="grid">
                {text!(number_symbol, false)}
                <div class="field">
                    <label for="rc-date">{title("date")}</label>
                    <input id="rc-date" type="date" prop:value=date_value
                        on:input=move |ev| { let v = event_target_value(&ev); review.update(|r| if let Some(r) = r { r.conclusion.date = v }) }/>
                </div>
                {text!(issuing_body, false)}
                {text!(parent_body, false)}
                {text!(place, false)}
                <div class="field">
                    <label for="rc-meeting">{title("meeting")}</label>
                    <select id="rc-meeting" on:change=move |ev| { let v = event_target_value(&ev); review.update(|r| if let Some(r) = r { r.conclusion.meeting = v }) }>
                        {meeting_options}
                    </select>
                </div>
                {text!(title, true)}
                {text!(signer_title, true)}
                {text!(signer, false)}
                {text!(recipients, true)}
            </div>
            <details>
                <summary>{move || state.t(Msg::ReadParagraphs)}</summary>
                <div class="grid">
                    {text!(opening, true)}
                    {text!(assessment, true)}
                    {text!(closing, true)}
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
                    <div class="field">
                        <label for=format!("nu-{i}-name")>{move || state.t(Msg::NewUnitName)}</label>
                        <input id=format!("nu-{i}-name") type="text" prop:value=name on:input=on_name/>
                    </div>
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

#[component]
pub(super) fn DirectiveFields(
    review: RwSignal<Option<Review>>,
    i: usize,
    focused: RwSignal<usize>,
) -> impl IntoView {
    let state = use_state();
    let title = move |field: &'static str| move || field_title(field, false, state.lang.get());
    let prefix = format!("rd-{i}");
    // This directive's part of the review: what depends on it redraws when it changes, not
    // when another directive does.
    let item =
        Memo::new(move |_| review.with(|r| r.as_ref().and_then(|r| r.items.get(i).cloned())));
    let item = move || item.get();
    let issued = Memo::new(move |_| {
        review.with(|r| {
            r.as_ref().and_then(|r| {
                chrono::NaiveDate::parse_from_str(&r.conclusion.date, "%Y-%m-%d").ok()
            })
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
    let path = move || item().map(|x| x.draft.path).unwrap_or_default();
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
    let lead_options = move || {
        let lang = state.lang.get();
        let chosen = lead.get();
        let news = news
            .get()
            .into_iter()
            .map(|(v, name)| (v, format!("{} {name}", Msg::NewUnitWord.text(lang))));
        let mut all = vec![(String::new(), state.t(Msg::NotGiven).to_owned())];
        all.extend(news);
        all.extend(state.data.with(choices::units));
        all.into_iter()
            .map(|(v, t)| {
                let selected = v == chosen;
                view! { <option value=v selected=selected>{t}</option> }
            })
            .collect_view()
    };
    let multi =
        move |field: &'static str,
              options: fn(&crate::domain::Dataset) -> Vec<(String, String)>| {
            let id = format!("rd-{i}-{}", field.replace('_', "-"));
            let opts = move || {
                let chosen = item()
                    .map(|x| {
                        if field == "projects" {
                            x.draft.projects
                        } else {
                            x.draft.coordinating_units
                        }
                    })
                    .unwrap_or_default();
                state
                    .data
                    .with(options)
                    .into_iter()
                    .map(|(v, t)| {
                        let selected = chosen.contains(&v);
                        view! { <option value=v selected=selected>{t}</option> }
                    })
                    .collect_view()
            };
            let on_change = move |ev: leptos::ev::Event| {
                let Some(select) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                else {
                    return;
                };
                let options = select.selected_options();
                let picked: Vec<String> = (0..options.length())
                    .filter_map(|k| options.item(k))
                    .filter_map(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
                    .map(|o| o.value())
                    .collect();
                review.update(|r| {
                    if let Some(x) = r.as_mut().and_then(|r| r.items.get_mut(i)) {
                        if field == "projects" {
                            x.draft.projects = picked
                        } else {
                            x.draft.coordinating_units = picked
                        }
                    }
                });
            };
            view! {
                <div class="field">
                    <label for=id.clone()>{title(field)}</label>
                    <select id=id multiple size="4" on:change=on_change>{opts}</select>
                </div>
            }
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
    let names = move |field: &'static str| {
        let ids = item()
            .map(|x| {
                if field == "projects" {
                    x.draft.projects
                } else {
                    x.draft.coordinating_units
                }
            })
            .unwrap_or_default();
        if ids.is_empty() {
            return state.t(Msg::NotGiven).to_owned();
        }
        state.data.with(|d| {
            ids.iter()
                .map(|id| {
                    if field == "projects" {
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
            <div class="grid">
                {review_input(review, format!("{prefix}-path"), title("path"), false,
                    move |r| r.items.get(i).map(|x| x.draft.path.clone()).unwrap_or_default(),
                    move |r, v| if let Some(x) = r.items.get_mut(i) { x.draft.path = v })}
                // The lists of every unit and project are laid out for the directive being
                // edited only: a ten-page notice has a hundred directives.
                <Show when=open fallback=move || view! {
                    <div class="field">
                        <span class="label">{title("lead_unit")}</span>
                        <span class="value" id=format!("rd-{i}-lead-name")>{lead_name}</span>
                    </div>
                }>
                    <div class="field">
                        <label for=format!("rd-{i}-lead")>{title("lead_unit")}</label>
                        <select id=format!("rd-{i}-lead") on:change=move |ev| {
                            let v = event_target_value(&ev);
                            review.update(|r| if let Some(x) = r.as_mut().and_then(|r| r.items.get_mut(i)) { x.draft.lead_unit = v });
                        }>{lead_options}</select>
                    </div>
                </Show>
                {review_input(review, format!("{prefix}-text"), title("text"), true,
                    move |r| r.items.get(i).map(|x| x.draft.text.clone()).unwrap_or_default(),
                    move |r, v| if let Some(x) = r.items.get_mut(i) { x.draft.text = v })}
                <Show when=move || !heading()>
                    <div class="field">
                        {review_input(review, format!("rd-{i}-deadline"), title("deadline"), false,
                            move |r| r.items.get(i).map(|x| x.draft.deadline_words.clone()).unwrap_or_default(),
                            move |r, v| if let Some(x) = r.items.get_mut(i) { x.draft.deadline_words = v })}
                        <span class="echo" role="status" id=format!("rd-{i}-due")>{due}</span>
                    </div>
                    <div class="field">
                        <label for=format!("rd-{i}-due-by-hand")>{title("due_by_hand")}</label>
                        <input id=format!("rd-{i}-due-by-hand") type="date"
                            prop:value=move || item().map(|x| x.draft.due_by_hand).unwrap_or_default()
                            on:input=move |ev| { let v = event_target_value(&ev); review.update(|r| if let Some(x) = r.as_mut().and_then(|r| r.items.get_mut(i)) { x.draft.due_by_hand = v }) }/>
                    </div>
                </Show>
                {review_input(review, format!("{prefix}-responsible"), title("responsible_person"), false,
                    move |r| r.items.get(i).map(|x| x.draft.responsible_person.clone()).unwrap_or_default(),
                    move |r, v| if let Some(x) = r.items.get_mut(i) { x.draft.responsible_person = v })}
                <Show when=open fallback=move || view! {
                    <div class="field">
                        <span class="label">{title("coordinating_units")}</span>
                        <span class="value">{move || names("coordinating_units")}</span>
                    </div>
                    <div class="field">
                        <span class="label">{title("projects")}</span>
                        <span class="value">{move || names("projects")}</span>
                    </div>
                }>
                    {multi("coordinating_units", choices::units)}
                    {multi("projects", choices::projects)}
                </Show>
            </div>
        </fieldset>
    }
}
