//! What the officer chooses before a document goes (the signer among the office's, its
//! number, an English translation), beside the buttons that print and save it. The
//! letterhead itself is set once under Dữ liệu → Cài đặt (`ui::letterhead`).

use leptos::prelude::*;

use crate::domain::documents::{number_problem, read_number, DocLang, Sending, Sent};
use crate::domain::followup::ReportScope;
use crate::domain::Dataset;
use crate::i18n::sending::{sending_text, Sending as Words};
use crate::i18n::Lang;
use crate::ui::state::{use_state, AppState};

/// One document's choices, as signals the page reads when it makes the document.
#[derive(Clone, Copy)]
pub struct SendingPick {
    signer: RwSignal<usize>,
    number: RwSignal<String>,
    english: RwSignal<bool>,
}

impl SendingPick {
    pub fn new() -> Self {
        SendingPick {
            signer: RwSignal::new(0),
            number: RwSignal::new(String::new()),
            english: RwSignal::new(false),
        }
    }

    /// The document's language: Vietnamese whatever the interface's, unless a translation
    /// is asked for.
    pub fn lang(&self) -> DocLang {
        doc_lang_of(self.english.get())
    }

    pub fn lang_untracked(&self) -> DocLang {
        doc_lang_of(self.english.get_untracked())
    }

    /// What a document over `scope` goes with (a number typed wrong counts as none: the
    /// choices say so beside it).
    pub fn sending(&self, d: &Dataset, scope: &ReportScope) -> Sending {
        let number = self.number.with(|n| read_number(n).ok().flatten());
        Sending::of(d, scope, Some(self.signer.get()), number, self.lang())
    }

    pub fn sending_untracked(&self, d: &Dataset, scope: &ReportScope) -> Sending {
        untrack(|| self.sending(d, scope))
    }

    /// What stops the document going as it is, in the officer's words.
    fn problem(&self, state: AppState) -> Option<&'static str> {
        let lang = state.lang.get();
        match self.number.with(|n| read_number(n)) {
            Err(_) => Some(sending_text(Words::NumberNotWhole, lang)),
            Ok(number) => state
                .data
                .with(|d| number_problem(d.office(), number))
                .map(|_| sending_text(Words::NumberMissing, lang)),
        }
    }

    /// The choices, their ids starting `prefix`: signer, number (for letters, the first's),
    /// translation; with what stops the document going, if anything.
    pub fn view(self, prefix: &str, sent: Sent) -> impl IntoView {
        let state = use_state();
        let t = move |w: Words| sending_text(w, state.lang.get());
        let signer_id = format!("{prefix}-signer");
        let number_id = format!("{prefix}-number");
        let problem_id = format!("{prefix}-sending-problem");
        let english_id = format!("{prefix}-english");
        let signers = move || {
            state.data.with(|d| {
                d.office()
                    .map(|o| o.signers.iter().map(|s| s.choice_label()).collect())
                    .unwrap_or_else(Vec::new)
            })
        };
        let registry = move || {
            state
                .data
                .with(|d| d.office().is_some_and(|o| o.registry_numbers))
        };
        let number_hint = move || match (sent, registry()) {
            (Sent::Letter, _) => t(Words::NumberFirstLetter),
            (Sent::Report, true) => t(Words::NumberForRegistry),
            (Sent::Report, false) => t(Words::Number),
        };
        let problem = move || self.problem(state);
        view! {
            <div class="sending filters" role="group" aria-label=move || t(Words::Signer)>
                <div class="filter">
                    <label for=signer_id.clone()>{move || t(Words::Signer)}</label>
                    {move || {
                        let list = signers();
                        if list.is_empty() {
                            view! { <span class="muted small" id=signer_id.clone()>{t(Words::NoSigner)}</span> }.into_any()
                        } else {
                            view! {
                                <select id=signer_id.clone() prop:value=move || self.signer.get().to_string()
                                    on:change=move |ev| self.signer.set(event_target_value(&ev).parse().unwrap_or(0))>
                                    {list.into_iter().enumerate().map(|(i, label)| view! { <option value=i.to_string()>{label}</option> }).collect_view()}
                                </select>
                            }.into_any()
                        }
                    }}
                </div>
                <div class="filter">
                    <label for=number_id.clone()>{number_hint}</label>
                    <input id=number_id type="text" inputmode="numeric" size="6"
                        aria-describedby=problem_id.clone()
                        aria-invalid=move || problem().is_some().to_string()
                        prop:value=move || self.number.get()
                        on:change=move |ev| self.number.set(event_target_value(&ev))/>
                </div>
                <div class="filter">{translation_box(english_id, self.english)}</div>
                <p class="problem small" id=problem_id role="status">{problem}</p>
            </div>
        }
    }
}

impl Default for SendingPick {
    fn default() -> Self {
        Self::new()
    }
}

/// "Bản dịch tiếng Anh": a document of the office prints in Vietnamese unless this is
/// ticked (`english`), whatever the interface's language.
pub fn translation_box(id: String, english: RwSignal<bool>) -> impl IntoView {
    let state = use_state();
    let t = move |w: Words| sending_text(w, state.lang.get());
    view! {
        <label class="small check" title=move || t(Words::TranslationHint)>
            <input type="checkbox" id=id prop:checked=move || english.get()
                on:change=move |ev| english.set(event_target_checked(&ev))/>
            " " {move || t(Words::Translation)}
        </label>
    }
}

/// The language of a document whose translation box is `english`.
pub fn doc_lang_of(english: bool) -> DocLang {
    if english {
        DocLang::En
    } else {
        DocLang::Vi
    }
}

/// The interface language a document's words are laid out in (its tables' headings).
pub fn lang_of(lang: DocLang) -> Lang {
    match lang {
        DocLang::Vi => Lang::Vi,
        DocLang::En => Lang::En,
    }
}
