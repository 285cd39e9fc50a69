//! The units' requests for more time awaiting the office's decision, on Đôn đốc and the
//! report: each with its directive, unit, the day asked, the date asked for and why, and the
//! office's two answers. Granting asks for the granting document and its date and goes
//! through `Dataset::grant_request` (the directive gets the extension, the request keeps the
//! answer, in one change); refusing asks for a note. A rule refusing it changes nothing.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::{ConclusionId, ExtensionRequestId, Field, Problem};
use crate::i18n::requests::{request_text, Req};
use crate::i18n::{format_date, problem_text, Lang, Msg};
use crate::route::Route;
use crate::ui::browser;
use crate::ui::date_box::day_box;
use crate::ui::form::field_title;
use crate::ui::state::{use_state, AppState};
use crate::ui::widgets::{cited, unit_name};

/// A request as listed (its whole content is what is drawn).
#[derive(Clone, PartialEq)]
struct Line {
    id: ExtensionRequestId,
    conclusion: ConclusionId,
    number: String,
    text: String,
    unit: String,
    asked_on: NaiveDate,
    until: NaiveDate,
    reason: String,
    document_ref: String,
}

/// What the office is answering: the request and whether it grants it.
type Answering = Option<(ExtensionRequestId, bool)>;

/// The problems a verb refused an answer with, in the officer's language.
fn messages(problems: &[(Field, Problem)], lang: Lang) -> Vec<String> {
    problems
        .iter()
        .map(|(field, problem)| {
            format!(
                "{}: {}.",
                field_title(*field, false, lang),
                problem_text(problem, lang)
            )
        })
        .collect()
}

/// The card of requests awaiting a decision; with `hide_empty`, nothing when none waits.
#[component]
pub fn WaitingRequests(#[prop(optional)] hide_empty: bool) -> impl IntoView {
    let state = use_state();
    let lines = Memo::new(move |_| {
        state.data.with(|d| {
            d.waiting_requests()
                .into_iter()
                .filter_map(|r| {
                    let x = d.directives.get(&r.directive)?;
                    Some(Line {
                        id: r.id.clone(),
                        conclusion: x.conclusion.clone(),
                        number: format!("{} · {}", d.number_of(x), cited(state, x)),
                        text: crate::domain::text::clip(&x.text, 160).into_owned(),
                        unit: unit_name(d, Some(&r.unit)),
                        asked_on: r.asked_on,
                        until: r.until,
                        reason: r.reason.clone(),
                        document_ref: r.document_ref.clone(),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let answering = RwSignal::new(None::<(ExtensionRequestId, bool)>);
    let answered = RwSignal::new(None::<String>);
    let list = move || {
        let lang = state.lang.get();
        lines
            .get()
            .into_iter()
            .map(|l| line_view(state, l, answering, answered, lang))
            .collect_view()
    };
    let count = move || lines.with(Vec::len);
    let shown = move || !hide_empty || count() != 0;
    view! {
        <p class="saved" role="status">{move || answered.get()}</p>
        <Show when=shown>
            <section class="card" id="waiting-requests" aria-labelledby="wr-heading">
                <h2 id="wr-heading">{move || request_text(Req::Waiting, state.lang.get())} " " <span class="count">"(" {count} ")"</span></h2>
                <ul class="plain" data-empty=move || request_text(Req::NoneWaiting, state.lang.get())>{list}</ul>
            </section>
        </Show>
    }
}

fn line_view(
    state: AppState,
    l: Line,
    answering: RwSignal<Answering>,
    answered: RwSignal<Option<String>>,
    lang: Lang,
) -> impl IntoView {
    let mut details = vec![
        l.unit.clone(),
        format!(
            "{}: {}",
            request_text(Req::AskedOn, lang),
            format_date(l.asked_on)
        ),
        format!(
            "{}: {}",
            request_text(Req::AskedUntil, lang),
            format_date(l.until)
        ),
    ];
    details.extend(
        [l.document_ref.clone()]
            .into_iter()
            .filter(|s| !s.is_empty()),
    );
    let (grant_id, refuse_id) = (l.id.clone(), l.id.clone());
    let open = {
        let id = l.id.clone();
        move || {
            answering
                .get()
                .filter(|(a, _)| *a == id)
                .map(|(_, grant)| grant)
        }
    };
    let form = {
        let (id, number) = (l.id.clone(), l.number.clone());
        move || {
            open().map(|grant| {
                answer_form(
                    state,
                    id.clone(),
                    number.clone(),
                    grant,
                    answering,
                    answered,
                )
            })
        }
    };
    view! {
        <li data-request=l.id.to_string()>
            <a href=Route::Conclusion(l.conclusion.to_string()).href()>{l.number.clone()}</a> " " {l.text.clone()}
            <br/><span class="small">{details.join(" · ")}</span>
            <br/><span class="small"><strong>{state.t(Msg::Reason)} ": "</strong>{l.reason.clone()}</span>
            <span class="actions">
                <button type="button" class="small" on:click=move |_| answering.set(Some((grant_id.clone(), true)))>{request_text(Req::Grant, lang)}</button>
                " "
                <button type="button" class="small" on:click=move |_| answering.set(Some((refuse_id.clone(), false)))>{request_text(Req::Refuse, lang)}</button>
            </span>
            {form}
        </li>
    }
}

/// The answer's few fields: the granting document's reference and date, or why it is
/// refused; the verb's problems under them.
fn answer_form(
    state: AppState,
    id: ExtensionRequestId,
    number: String,
    grant: bool,
    answering: RwSignal<Answering>,
    answered: RwSignal<Option<String>>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let on = RwSignal::new(state.today);
    let problems = RwSignal::new(Vec::<String>::new());
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let typed = text.get_untracked();
        let now = browser::now();
        let result = if grant {
            if typed.trim().is_empty() {
                Err(vec![(Field::GrantingRef, Problem::Empty)])
            } else {
                state.edit(|d| d.grant_request(&id, on.get_untracked(), &typed, state.today, now))
            }
        } else {
            state.edit(|d| d.refuse_request(&id, state.today, &typed, now))
        };
        match result {
            Ok(()) => {
                let done = request_text(if grant { Req::Granted } else { Req::Refused }, lang);
                answered.set(Some(format!("{done} {number}.")));
                answering.set(None);
            }
            Err(p) => problems.set(messages(&p, lang)),
        }
    };
    let label = move || {
        let lang = state.lang.get();
        if grant {
            field_title(Field::GrantingRef, false, lang)
        } else {
            request_text(Req::RefuseNote, lang).to_owned()
        }
    };
    let date = grant.then(|| {
        day_box(
            "wr-granted-on",
            "inline-day",
            Signal::derive(move || request_text(Req::GrantingDate, state.lang.get()).to_owned()),
            on,
        )
    });
    let button = if grant {
        Req::ConfirmGrant
    } else {
        Req::ConfirmRefuse
    };
    browser::focus_later("wr-text".to_owned());
    view! {
        <form class="answer" on:submit=confirm novalidate>
            <div class="field">
                <label for="wr-text">{label}</label>
                <input id="wr-text" type="text" prop:value=move || text.get()
                    on:input=move |ev| { text.set(event_target_value(&ev)); problems.set(Vec::new()); }/>
            </div>
            {date}
            <p class="problem" role="alert">{move || problems.get().join(" ")}</p>
            <button type="submit" class="primary">{move || request_text(button, state.lang.get())}</button>
            " "
            <button type="button" on:click=move |_| answering.set(None)>{move || state.t(Msg::Cancel)}</button>
        </form>
    }
}
