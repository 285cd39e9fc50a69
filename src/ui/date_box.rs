//! Date boxes: a date typed and shown dd/mm/yyyy whatever the browser's language. An
//! `<input type="date">` follows the browser's language (mm/dd/yyyy in an English Chrome, so
//! "12/07/2026" there is 7 December), so the box is a text box read by the domain's
//! [`parse_date`], with a calendar button beside it opening the browser's own picker (a
//! date input kept out of sight and out of the tab order, whose layout is never seen).
//!
//! Keyboard: Tab to the box and type; Tab on to the button, Enter or Space opens the
//! calendar. A box's problem shows once the officer leaves it (or tries to save), not while
//! the date is half typed.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::{dd_mm_yyyy, iso, parse_date, tidy_date};
use crate::i18n::dates::{date_message, date_placeholder, pick_on_calendar};
use crate::ui::state::use_state;

/// The id the box's `<label>` carries, which describes its calendar button.
pub fn label_id(id: &str) -> String {
    format!("{id}-label")
}

/// A date box bound to text the caller keeps (a draft's field, a review's). The caller
/// draws its `<label>`, with the id [`label_id`].
pub struct DateBox<T, W> {
    pub id: String,
    /// What the box holds.
    pub text: T,
    /// Writes the text: as typed at every keystroke; tidied (dd/mm/yyyy when it is a date,
    /// as typed otherwise) when the officer leaves the box or picks a date, `left` set first.
    pub write: W,
    /// False while the officer types, true once the box is left: its problem shows from then.
    pub left: RwSignal<bool>,
    /// Whether the box shows a problem.
    pub invalid: Signal<bool>,
    /// The ids of the lines under the box that describe it (its problem, its echo).
    pub described: String,
}

impl<T, W> DateBox<T, W>
where
    T: Fn() -> String + Send + Sync + Clone + 'static,
    W: Fn(String) + Send + Sync + Copy + 'static,
{
    pub fn view(self) -> AnyView {
        let DateBox {
            id,
            text,
            write,
            left,
            invalid,
            described,
        } = self;
        let leave = move |text: String| {
            left.set(true);
            write(text);
        };
        let state = use_state();
        let picker = NodeRef::<leptos::html::Input>::new();
        let open_picker = {
            let text = text.clone();
            move |_| {
                if let Some(picker) = picker.get_untracked() {
                    let day = parse_date(&text()).map(iso).unwrap_or_default();
                    picker.set_value(&day);
                    let _ = picker.show_picker();
                }
            }
        };
        let picked = move |ev: leptos::ev::Event| {
            if let Ok(day) = parse_date(&event_target_value(&ev)) {
                leave(dd_mm_yyyy(day));
            }
        };
        let typed = move |ev: leptos::ev::Event| {
            left.set(false);
            write(event_target_value(&ev));
        };
        let button = can_show_picker().then(|| {
            let name = move || pick_on_calendar(state.lang.get());
            view! {
                <button type="button" class="calendar" aria-label=name title=name
                    aria-describedby=label_id(&id) on:click=open_picker>
                    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                        <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor"/>
                        <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor"/>
                    </svg>
                </button>
                <input type="date" class="date-picker" tabindex="-1" aria-hidden="true"
                    node_ref=picker on:change=picked/>
            }
        });
        view! {
            <span class="date-box">
                <input id=id type="text" inputmode="numeric" autocomplete="off"
                    placeholder=move || date_placeholder(state.lang.get())
                    aria-invalid=move || invalid.get().to_string() aria-describedby=described
                    prop:value=text
                    on:input=typed on:change=move |ev| leave(tidy_date(&event_target_value(&ev)))/>
                {button}
            </span>
        }
        .into_any()
    }
}

/// Whether this browser opens a date input's calendar on request (`showPicker`: Chrome
/// 99, Firefox 101, Safari 16); without it the button is left out and dates are typed.
fn can_show_picker() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&window, &"HTMLInputElement".into())
        .and_then(|class| js_sys::Reflect::get(&class, &"prototype".into()))
        .and_then(|proto| js_sys::Reflect::has(&proto, &"showPicker".into()))
        .unwrap_or(false)
}

/// A labelled date box bound to a day (a report's period, the day follow-up is counted
/// on, the day a unit must report by): the day changes when the officer leaves the box with
/// a date in it; anything else stays in the box with its problem under it, the day as it
/// was. `class` is the block's: "filter" among filters, "inline-day" among buttons.
pub fn day_box(
    id: &'static str,
    class: &'static str,
    label: Signal<String>,
    day: RwSignal<NaiveDate>,
) -> AnyView {
    let state = use_state();
    let typed = RwSignal::new(dd_mm_yyyy(day.get_untracked()));
    let left = RwSignal::new(false);
    // The day set elsewhere (a period's button) is shown; a day typed is not rewritten.
    Effect::new(move |_| {
        let day = day.get();
        if parse_date(&typed.get_untracked()) != Ok(day) {
            typed.set(dd_mm_yyyy(day));
            left.set(false);
        }
    });
    let problem = Signal::derive(move || {
        if !left.get() {
            return None;
        }
        let lang = state.lang.get();
        typed.with(|t| parse_date(t).err().map(|e| date_message(&e, lang)))
    });
    let hint = format!("{id}-problem");
    let date_box = DateBox {
        id: id.to_owned(),
        text: move || typed.get(),
        write: move |t: String| {
            let read = parse_date(&t);
            typed.set(t);
            match read {
                Ok(d) if left.get_untracked() && d != day.get_untracked() => day.set(d),
                _ => {}
            }
        },
        left,
        invalid: Signal::derive(move || problem.with(Option::is_some)),
        described: hint.clone(),
    }
    .view();
    // A span, so the block may stand inside a paragraph of buttons.
    view! {
        <span class=class>
            <label for=id id=label_id(id)>{move || label.get()}</label>
            {date_box}
            <span class="problem" id=hint role="status">{move || problem.get()}</span>
        </span>
    }
    .into_any()
}
