//! The review of a notice read: the text it came from beside the draft, the problems that
//! stop saving, and the save that adds it all in one step.

use crate::storage::side::UndoKind;
use leptos::prelude::*;

use super::reading::{ReadUndone, Step};
use super::reading_directive::DirectiveFields;
use super::reading_fields::{ConclusionFields, NewUnits};
use super::reading_source::SourceLines;
use crate::domain::documents::{Place, Review, ReviewProblem};
use crate::domain::SeededIds;
use crate::i18n::{draft_message, Lang, Msg};
use crate::route::Route;
use crate::ui::browser::{self, CryptoIds};
use crate::ui::state::use_state;

/// How many directives of the review are laid out in one task.
const BATCH: usize = 12;
/// How many with the review itself, in its first task (the first drawing of the review's
/// fields is the slowest: 53 ms with a dozen on a large register).
const FIRST_BATCH: usize = 4;

/// The message for a problem of the review, with where it stands.
fn problem_text(p: &ReviewProblem, review: &Review, lang: Lang) -> String {
    let field = crate::i18n::field_label(p.error.field, lang);
    let what = draft_message(&p.error.problem, lang);
    match &p.place {
        Place::Conclusion => format!("{field}: {what}"),
        Place::Directive(i) => {
            let path = review.items.get(*i).map_or("", |x| x.draft.path.as_str());
            format!("{} {path}, {field}: {what}", Msg::DirectiveWord.text(lang))
        }
        Place::Meeting => format!("{}, {field}: {what}", Msg::ReadNewMeetingPart.text(lang)),
        Place::NewUnit(i) => {
            let name = review.new_units.get(*i).map_or("", |u| u.as_read.as_str());
            format!("{} «{name}»: {what}", Msg::NewUnitWord.text(lang))
        }
    }
}

#[component]
pub(super) fn ReviewScreen(
    review: RwSignal<Option<Review>>,
    step: RwSignal<Step>,
) -> impl IntoView {
    let state = use_state();
    // No directive is open for editing until the officer goes to one.
    let focused = RwSignal::new(usize::MAX);
    let submitted = RwSignal::new(false);
    let problems = Memo::new(move |_| {
        // Checked once a save was tried, then as the officer corrects.
        if !submitted.get() {
            return Vec::new();
        }
        review.with(|r| {
            r.as_ref()
                .and_then(|r| {
                    state
                        .data
                        .with_untracked(|d| r.save(d, &mut SeededIds::new(0), browser::now()))
                        .err()
                })
                .unwrap_or_default()
        })
    });
    let count = move || review.with(|r| r.as_ref().map_or(0, |r| r.items.len()));
    // A long notice's directives are laid out a few at a time, each batch its own task, so
    // the first ones show at once and the page never stops answering.
    let laid_out = RwSignal::new(FIRST_BATCH);
    Effect::new(move |_| {
        let (done, all) = (laid_out.get(), count());
        if done < all {
            gloo_timers::callback::Timeout::new(0, move || {
                laid_out.update(|n| *n += BATCH);
            })
            .forget();
        }
    });
    let summary = move || {
        let lang = state.lang.get();
        review.with(|r| {
            r.as_ref().map(|r| {
                let (read, guessed, missing) = r.marks();
                Msg::ReadSummary
                    .text(lang)
                    .replace("{n}", &r.items.len().to_string())
                    .replace("{read}", &read.to_string())
                    .replace("{guessed}", &guessed.to_string())
                    .replace("{missing}", &missing.to_string())
            })
        })
    };
    let save = move |_| {
        submitted.set(true);
        let Some(r) = review.get_untracked() else {
            return;
        };
        let result = state
            .data
            .with_untracked(|d| r.save(d, &mut CryptoIds, browser::now()));
        match result {
            Ok(saved) => {
                let id = saved.conclusion.id.clone();
                let label = UndoKind::Read(saved.conclusion.number_symbol.clone()).label();
                state.add_read_notice(saved, label);
                if let Some(undone) = use_context::<ReadUndone>() {
                    undone.0.set(false);
                }
                review.set(None);
                step.set(Step::Text);
                browser::go(&Route::Conclusion(id.to_string()));
            }
            Err(_) => browser::focus_later("read-problems"),
        }
    };
    let discard = move |_| {
        review.set(None);
        step.set(Step::Text);
    };
    let problem_list = move || {
        let lang = state.lang.get();
        (submitted.get() && !problems.with(Vec::is_empty)).then(|| {
            let items = review.with(|r| {
                r.as_ref().map(|r| {
                    problems.with(|ps| {
                        ps.iter()
                            .map(|p| view! { <li>{problem_text(p, r, lang)}</li> })
                            .collect_view()
                    })
                })
            });
            view! {
                <div class="notice error" role="alert" id="read-problems" tabindex="-1">
                    <p>{Msg::ReadNotSaved.text(lang)}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    };
    // A notice already in the register is said at once, not only when saving is refused.
    let same = Memo::new(move |_| {
        review.with(|r| {
            let r = r.as_ref()?;
            let id = state.data.with(|d| r.same_number_in(d))?;
            Some((id, r.conclusion.number_symbol.trim().to_owned()))
        })
    });
    let same_notice = move || {
        same.get().map(|(id, number)| {
            let lang = state.lang.get();
            view! {
                <div class="notice error" role="alert" id="read-same-number">
                    <p>{Msg::ReadSameNumber.text(lang).replace("{n}", &number)} " "
                        <a href=Route::Conclusion(id.to_string()).href()>{Msg::OpenSavedConclusion.text(lang)}</a>
                    </p>
                </div>
            }
        })
    };
    view! {
        <h1>{move || state.t(Msg::ReadReviewTitle)}</h1>
        <p class="muted" id="read-summary" role="status">{summary}</p>
        {same_notice}
        <div class="read-review">
            <section class="card read-source" aria-labelledby="read-source-title">
                <h2 id="read-source-title">{move || state.t(Msg::ReadSource)}</h2>
                <p class="small muted">
                    <mark class="src-lead">{move || state.t(Msg::LeadUnitWord)}</mark> " "
                    <mark class="src-deadline">{move || state.t(Msg::DeadlineWord)}</mark> " "
                    {move || state.t(Msg::ReadSourceHint)}
                </p>
                // Laid out in the task after the first directives', to keep each task short.
                <Show when=move || { laid_out.get() > FIRST_BATCH || count() <= FIRST_BATCH }>
                    <SourceLines review=review focused=focused/>
                </Show>
            </section>
            <div class="read-draft">
                <ConclusionFields review=review/>
                <NewUnits review=review/>
                <section class="card" aria-labelledby="read-items-title">
                    <h2 id="read-items-title">{move || state.t(Msg::Directives)} " (" {count} ")"</h2>
                    <For each=move || 0..count().min(laid_out.get()) key=|i| *i let:i>
                        <DirectiveFields review=review i=i focused=focused/>
                    </For>
                </section>
                {problem_list}
                <p class="actions">
                    <button type="button" class="primary" id="read-save" on:click=save>{move || state.t(Msg::ReadSave)}</button>
                    <button type="button" id="read-discard" on:click=discard>{move || state.t(Msg::ReadDiscard)}</button>
                </p>
            </div>
        </div>
    }
}
