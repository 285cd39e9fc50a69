//! Form fields bound to a draft: each shows its label, keeps what was typed, and explains
//! its problem under it once something was typed there or after a save was attempted.

use leptos::prelude::*;

use super::date_box::{label_id, DateBox};
use super::state::AppState;
use crate::domain::dates::parse_date;
use crate::domain::draft::FieldError;
use crate::domain::number::parse_billions;
use crate::domain::Field;
use crate::i18n::dates::date_in_words;
use crate::i18n::{decimal_mark, draft_message, field_label, format_money_billions, Lang};

/// Reads one text field of a draft.
pub type ReadField<D> = fn(&D) -> &String;
/// Writes one text field of a draft.
pub type WriteField<D> = fn(&mut D) -> &mut String;

/// Reads a list field of a draft (ids picked).
pub type ReadList<D> = fn(&D) -> &Vec<String>;
/// Writes a list field of a draft.
pub type WriteList<D> = fn(&mut D) -> &mut Vec<String>;

/// A list field of a draft: its name in the format, how to read and write it.
pub struct PickList<D> {
    pub field: Field,
    pub get: ReadList<D>,
    pub set: WriteList<D>,
}

/// What kind of input a field is.
#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    Text,
    /// A number typed in the officer's convention ("1.300,5").
    Number,
    /// Money typed in billions; the amount understood is shown under the field, so
    /// "1,300" read as 1,3 tỷ in Vietnamese is caught at once.
    Money,
    /// A date typed dd/mm/yyyy, with a calendar beside it (`ui::date_box`).
    Date,
    Long,
}

/// A draft being typed, its problems, and whether a save was attempted.
pub struct Draft<D: Send + Sync + 'static> {
    pub value: RwSignal<D>,
    pub errors: Memo<Vec<FieldError>>,
    pub submitted: RwSignal<bool>,
    state: AppState,
}

impl<D: Send + Sync + 'static> Clone for Draft<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Send + Sync + 'static> Copy for Draft<D> {}

impl<D: Clone + PartialEq + Send + Sync + 'static> Draft<D> {
    /// `check` reads the draft and returns its problems (it is re-run as the officer types).
    pub fn new(
        state: AppState,
        initial: D,
        check: impl Fn(&D) -> Vec<FieldError> + Send + Sync + 'static,
    ) -> Self {
        let value = RwSignal::new(initial);
        let errors = Memo::new(move |_| value.with(&check));
        Draft {
            value,
            errors,
            submitted: RwSignal::new(false),
            state,
        }
    }

    /// The message for `field`, when it should be shown.
    pub fn problem(&self, field: Field, typed: bool) -> Option<String> {
        if !(typed || self.submitted.get()) {
            return None;
        }
        let lang = self.state.lang.get();
        self.errors.with(|e| {
            e.iter()
                .find(|x| x.field == field)
                .map(|x| draft_message(&x.problem, lang))
        })
    }

    /// A labelled input bound to one text field of the draft. `field` is the record's
    /// field name in the format, which the draft's problems are named by.
    pub fn input(
        self,
        prefix: &str,
        field: Field,
        kind: Kind,
        label: impl Fn() -> String + Send + Sync + 'static,
        get: ReadField<D>,
        set: WriteField<D>,
    ) -> AnyView {
        self.input_echo(prefix, field, kind, label, get, set, || None)
    }

    /// An input with a line under it saying what the app understood of what was typed
    /// (money in words, a due date read from a deadline's words).
    #[allow(clippy::too_many_arguments)]
    pub fn input_echo(
        self,
        prefix: &str,
        field: Field,
        kind: Kind,
        label: impl Fn() -> String + Send + Sync + 'static,
        get: ReadField<D>,
        set: WriteField<D>,
        understood: impl Fn() -> Option<String> + Send + Sync + 'static,
    ) -> AnyView {
        let id = format!("{prefix}-{}", field.name().replace(['.', '_'], "-"));
        let hint = format!("{id}-problem");
        let draft = self;
        // A date's problem waits until the box is left: a date half typed is not wrong yet.
        let left = RwSignal::new(kind != Kind::Date);
        let message = Signal::derive(move || {
            let typed = left.get() && draft.value.with(|d| !get(d).trim().is_empty());
            draft.problem(field, typed)
        });
        let value = move || draft.value.with(|d| get(d).clone());
        let on_input = move |ev: leptos::ev::Event| {
            draft.value.update(|d| *set(d) = event_target_value(&ev));
        };
        let invalid = move || message.with(Option::is_some).to_string();
        let state = self.state;
        let echo_id = format!("{id}-echo");
        let described = format!("{hint} {echo_id}");
        let echo = move || {
            if message.with(Option::is_some) {
                return None;
            }
            if kind == Kind::Date {
                let lang = state.lang.get();
                let day = draft.value.with(|d| parse_date(get(d)).ok());
                return understood()
                    .or_else(|| day.map(|day| format!("→ {}", date_in_words(day, lang))));
            }
            if kind != Kind::Money {
                return understood();
            }
            let lang = state.lang.get();
            let text = draft.value.with(|d| get(d).clone());
            parse_billions(&text, decimal_mark(lang))
                .ok()
                .map(|v| format!("= {}", format_money_billions(v, lang)))
        };
        let control = match kind {
            Kind::Long => view! {
                <textarea id=id.clone() rows="2" aria-invalid=invalid aria-describedby=described
                    prop:value=value on:input=on_input></textarea>
            }
            .into_any(),
            Kind::Date => DateBox {
                id: id.clone(),
                text: value,
                write: move |text: String| draft.value.update(|d| *set(d) = text),
                left,
                invalid: Signal::derive(move || message.with(Option::is_some)),
                described,
            }
            .view(),
            _ => {
                let mode = match kind {
                    Kind::Number | Kind::Money => "decimal",
                    _ => "text",
                };
                view! {
                    <input id=id.clone() type="text" inputmode=mode autocomplete="off"
                        aria-invalid=invalid aria-describedby=described
                        prop:value=value on:input=on_input/>
                }
                .into_any()
            }
        };
        let class = if kind == Kind::Long {
            "field wide"
        } else {
            "field"
        };
        view! {
            <div class=class>
                <label for=id.clone() id=label_id(&id)>{label}</label>
                {control}
                <span class="problem" id=hint role="status">{move || message.get()}</span>
                <span class="echo" id=echo_id role="status">{echo}</span>
            </div>
        }
        .into_any()
    }

    /// Several records picked from a list of (id, label): checkboxes in a scrolling box,
    /// with a filter box (diacritics ignored) when the list is long. Keyboard: Tab to the
    /// filter, then through the boxes; Space ticks.
    pub fn picks(
        self,
        prefix: &str,
        field: Field,
        label: impl Fn() -> String + Send + Sync + 'static,
        options: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
        get: ReadList<D>,
        set: WriteList<D>,
    ) -> AnyView {
        let no_match = |_: String| ().into_any();
        let list = PickList { field, get, set };
        self.picks_with(
            prefix,
            list,
            label,
            options,
            RwSignal::new(String::new()),
            no_match,
        )
    }

    /// [`Draft::picks`] with its filter owned by the caller (to clear it after a save) and
    /// `no_match`, shown under the filter when nothing in the list matches what was typed
    /// (to add it on the spot).
    pub fn picks_with(
        self,
        prefix: &str,
        list: PickList<D>,
        label: impl Fn() -> String + Send + Sync + 'static,
        options: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
        filter: RwSignal<String>,
        no_match: impl Fn(String) -> AnyView + Send + Sync + 'static,
    ) -> AnyView {
        let PickList { field, get, set } = list;
        let draft = self;
        crate::ui::pick::PickBox {
            id: format!("{prefix}-{}", field.name().replace(['.', '_'], "-")),
            label,
            options,
            chosen: move || draft.value.with(|d| get(d).clone()),
            toggle: move |value: String, on: bool| {
                draft.value.update(|d| {
                    let list = set(d);
                    list.retain(|v| *v != value);
                    if on {
                        list.push(value);
                    }
                })
            },
            single: false,
            filter,
            no_match,
        }
        .view()
    }

    /// A labelled choice bound to one text field of the draft; `options` are (value, label)
    /// pairs, recomputed when the language or the data changes.
    pub fn select(
        self,
        prefix: &str,
        field: Field,
        label: impl Fn() -> String + Send + Sync + 'static,
        options: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
        get: ReadField<D>,
        set: WriteField<D>,
    ) -> AnyView {
        let id = format!("{prefix}-{}", field.name().replace(['.', '_'], "-"));
        let draft = self;
        let current = move || draft.value.with(|d| get(d).clone());
        let options = move || {
            let chosen = current();
            options()
                .into_iter()
                .map(|(value, text)| {
                    let selected = value == chosen;
                    view! { <option value=value selected=selected>{text}</option> }
                })
                .collect_view()
        };
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select id=id prop:value=current
                    on:change=move |ev| draft.value.update(|d| *set(d) = event_target_value(&ev))>
                    {options}
                </select>
            </div>
        }
        .into_any()
    }
}

/// A field's label on a form: capitalised (labels are lower case inside sentences), with the
/// unit money is typed in.
pub fn field_title(field: Field, billions: bool, lang: Lang) -> String {
    let label = field_label(field, lang);
    let mut chars = label.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    let unit = if billions {
        crate::i18n::Msg::InBillionsSuffix.text(lang)
    } else {
        ""
    };
    format!("{first}{}{unit}", chars.as_str())
}

/// The choices pickers offer, by name (diacritics ignored in the order).
pub mod choices {
    use crate::domain::sorting;
    use crate::domain::text::fold;
    use crate::domain::Dataset;

    fn sorted(mut list: Vec<(String, String)>) -> Vec<(String, String)> {
        sorting::sort_by_cached_key(&mut list, |(_, name)| fold(name));
        list
    }

    /// A conclusion's kind of document: as its committee issues, a state body's or a
    /// Party body's (the codes its draft reads).
    pub fn body_kinds(lang: crate::i18n::Lang) -> Vec<(String, String)> {
        use crate::domain::draft::code;
        use crate::domain::BodyKind;
        use crate::i18n::{labels, Msg};
        vec![
            (String::new(), Msg::AsItsCommittee.text(lang).to_owned()),
            (
                code(&BodyKind::State),
                labels::body_kind(BodyKind::State, lang).to_owned(),
            ),
            (
                code(&BodyKind::Party),
                labels::body_kind(BodyKind::Party, lang).to_owned(),
            ),
        ]
    }

    /// The kinds of meeting, as the meeting form and the review offer them.
    pub fn meeting_kinds(lang: crate::i18n::Lang) -> Vec<(String, String)> {
        use crate::domain::draft::code;
        crate::domain::MeetingKind::ALL
            .iter()
            .map(|k| {
                (
                    code(k),
                    crate::i18n::labels::meeting_kind(*k, lang).to_owned(),
                )
            })
            .collect()
    }

    /// The kinds of unit, as the unit form and the review offer them.
    pub fn unit_kinds(lang: crate::i18n::Lang) -> Vec<(String, String)> {
        use crate::domain::draft::code;
        crate::domain::UnitKind::ALL
            .iter()
            .map(|k| (code(k), crate::i18n::labels::unit_kind(*k, lang).to_owned()))
            .collect()
    }

    pub fn committees(d: &Dataset) -> Vec<(String, String)> {
        sorted(
            d.committees
                .iter()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect(),
        )
    }

    /// Units offered for new work (not archived, not ended: their successors are offered),
    /// by their full name with the short one beside it: "Sở Tài chính (STC)", so a list
    /// reads one way.
    pub fn units(d: &Dataset) -> Vec<(String, String)> {
        sorted(
            d.units
                .iter()
                .filter(|u| u.offered())
                .map(|u| (u.id.to_string(), u.full_and_short_name()))
                .collect(),
        )
    }

    pub fn projects(d: &Dataset) -> Vec<(String, String)> {
        sorted(
            d.active_projects()
                .map(|p| (p.id.to_string(), p.display_name().to_owned()))
                .collect(),
        )
    }
}
