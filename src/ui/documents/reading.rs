//! "Dán văn bản kết luận": a notice pasted or its Word, PDF or text file dropped, read by
//! `domain::reading`, shown as a draft beside the text it came from, corrected, and saved
//! in one step that one undo reverses. Nothing is stored before the officer confirms.

use crate::storage::side::UndoKind;
use leptos::prelude::*;

use super::reading_directive::DirectiveFields;
use super::reading_fields::{ConclusionFields, NewUnits};
use crate::domain::documents::read_notice;
use crate::domain::documents::{docx_text, pdf_text};
use crate::domain::documents::{Place, Review, ReviewProblem};
use crate::domain::sorting;
use crate::domain::SeededIds;
use crate::i18n::{decode_problem_message, draft_message, pdf_problem_message, Lang, Msg};
use crate::route::Route;
use crate::ui::browser::{self, CryptoIds};
use crate::ui::state::use_state;

/// How many directives of the review are laid out in one task.
const BATCH: usize = 12;
/// How many with the review itself, in its first task (the first drawing of the review's
/// fields is the slowest: 53 ms with a dozen on a large register).
const FIRST_BATCH: usize = 4;

/// The largest file read (a notice's Word file is far smaller).
const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

#[derive(Clone, PartialEq)]
enum Step {
    Text,
    Review,
}

#[component]
pub fn ReadConclusionPage() -> impl IntoView {
    let state = use_state();
    let text = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let review = RwSignal::new(None::<Review>);
    let step = RwSignal::new(Step::Text);
    // A notice read and waiting for its review to be drawn: a second click reads nothing.
    let pending = StoredValue::new(false);
    let read = move |source: String| {
        if pending.get_value() {
            return;
        }
        let lang = state.lang.get_untracked();
        let result = browser::timed("dondoc-read-notice", || {
            state
                .data
                .with_untracked(|d| read_notice(&source, d).map(|r| Review::new(&r, d)))
        });
        match result {
            // Drawn in the next task: reading a long notice and drawing its review in one
            // would hold the page over 50 ms on a province's register.
            Ok(r) => {
                pending.set_value(true);
                // Not cancelled with the page: setting the signals of a page taken down
                // meanwhile does nothing.
                set_timeout(
                    move || {
                        pending.set_value(false);
                        message.set(None);
                        review.set(Some(r));
                        step.set(Step::Review);
                    },
                    std::time::Duration::ZERO,
                );
            }
            Err(_) => message.set(Some(Msg::NotANotice.text(lang).to_owned())),
        }
    };
    let read_file = move |file: web_sys::File| {
        let lang = state.lang.get_untracked();
        if file.size() > MAX_FILE_BYTES {
            message.set(Some(Msg::ReadFileTooLarge.text(lang).to_owned()));
            return;
        }
        let name = file.name().to_lowercase();
        if name.ends_with(".doc") {
            message.set(Some(Msg::ReadFileKind.text(lang).to_owned()));
            return;
        }
        leptos::task::spawn_local(async move {
            let Some(bytes) = browser::file_bytes(&file).await else {
                message.set(Some(Msg::ReadFileFailed.text(lang).to_owned()));
                return;
            };
            // A PDF by its name or its first bytes (a file saved without its extension).
            let source = if name.ends_with(".pdf") || bytes.starts_with(b"%PDF-") {
                browser::timed("dondoc-read-pdf", || pdf_text(&bytes))
                    .map_err(|p| pdf_problem_message(p, lang).to_owned())
            } else if name.ends_with(".txt") {
                crate::domain::decode::decode_text(&bytes)
                    .map_err(|p| decode_problem_message(&p, lang))
            } else {
                docx_text(&bytes).map_err(|_| Msg::ReadFileFailed.text(lang).to_owned())
            };
            match source {
                Ok(source) => {
                    text.set(source.clone());
                    // Read in the next task: a long PDF's text and its reading in one would
                    // hold the page too long.
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    read(source);
                }
                Err(problem) => message.set(Some(problem)),
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = browser::take_picked_file(&ev) {
            read_file(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            read_file(file);
        }
    };
    let text_step = move || {
        view! {
            <section class="card drop" aria-labelledby="read-title"
                on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=on_drop>
                <h1 id="read-title">{move || state.t(Msg::ReadNotice)}</h1>
                <p class="muted">{move || state.t(Msg::ReadNoticeHint)}</p>
                <div class="field wide">
                    <label for="read-text">{move || state.t(Msg::ReadPasteLabel)}</label>
                    <textarea id="read-text" rows="14" prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </div>
                <p class="actions">
                    <button type="button" class="primary" id="read-go"
                        on:click=move |_| read(text.get_untracked())>{move || state.t(Msg::ReadGo)}</button>
                    <label class="file">
                        {move || state.t(Msg::ReadPickFile)}
                        <input type="file" id="read-file" accept=".docx,.pdf,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/plain" on:change=on_file/>
                    </label>
                </p>
                <p class="small muted">{move || state.t(Msg::DropHint)}</p>
                {move || message.get().map(|m| view! { <p class="notice error" role="alert" id="read-message">{m}</p> })}
            </section>
        }
    };
    view! {
        <p><a href=Route::Conclusions.href()>{move || state.t(Msg::NavConclusions)}</a></p>
        {move || match step.get() {
            Step::Text => text_step().into_any(),
            Step::Review => view! { <ReviewScreen review=review step=step/> }.into_any(),
        }}
    }
}

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
fn ReviewScreen(review: RwSignal<Option<Review>>, step: RwSignal<Step>) -> impl IntoView {
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

/// The text as read, line by line; the lines of the directive being edited stand out, and
/// the words its lead unit and deadline were read from are marked.
#[component]
fn SourceLines(review: RwSignal<Option<Review>>, focused: RwSignal<usize>) -> impl IntoView {
    let state = use_state();
    // What was read does not change while the draft is edited: laid out once.
    let lines = move || {
        review.with_untracked(|r| {
            let Some(r) = r else {
                return Vec::new();
            };
            let mut owner: Vec<Option<usize>> = vec![None; r.lines.len()];
            for (i, item) in r.items.iter().enumerate() {
                for &l in &item.read.lines {
                    if let Some(o) = owner.get_mut(l) {
                        *o = Some(i);
                    }
                }
            }
            r.lines
                .iter()
                .enumerate()
                .map(|(n, line)| {
                    let item = owner[n].and_then(|i| r.items.get(i).map(|x| (i, x)));
                    let marks: Vec<(&str, &'static str)> = item
                        .map(|(_, x)| {
                            let mut m = Vec::new();
                            if let Some(w) = &x.read.lead_words {
                                m.push((w.as_str(), "src-lead"));
                            }
                            if !x.read.deadline_words.is_empty() {
                                m.push((x.read.deadline_words.as_str(), "src-deadline"));
                            }
                            m
                        })
                        .unwrap_or_default();
                    (n, line.clone(), owner[n], spans(line, &marks))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ol class="source-lines" aria-label=move || state.t(Msg::ReadSource)>
            {move || lines().into_iter().map(|(n, line, item, parts)| {
                let is_focused = move || item.is_some() && item == Some(focused.get());
                let empty = line.is_empty();
                view! {
                    <li id=format!("src-{n}") class:src-item=item.is_some() class:src-focused=is_focused class:src-blank=empty>
                        {parts.into_iter().map(|(text, class)| match class {
                            Some(c) => view! { <mark class=c>{text}</mark> }.into_any(),
                            None => text.into_any(),
                        }).collect_view()}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// `line` cut into pieces, those equal to one of `marks` (words, class) tagged with its
/// class, the first occurrence of each.
fn spans(line: &str, marks: &[(&str, &'static str)]) -> Vec<(String, Option<&'static str>)> {
    let mut found: Vec<(usize, usize, &'static str)> = marks
        .iter()
        .filter(|(w, _)| !w.is_empty())
        .filter_map(|(w, c)| line.find(w).map(|at| (at, at + w.len(), *c)))
        .collect();
    sorting::sort(&mut found);
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, class) in found {
        if start < at {
            continue;
        }
        if start > at {
            out.push((line[at..start].to_owned(), None));
        }
        out.push((line[start..end].to_owned(), Some(class)));
        at = end;
    }
    if at < line.len() || out.is_empty() {
        out.push((line[at..].to_owned(), None));
    }
    out
}

/// Whether the last save of a notice read was just undone (said on the next page).
#[derive(Clone, Copy)]
pub struct ReadUndone(pub RwSignal<bool>);

/// After a conclusion read from a notice was saved: what was saved and its undo, shown on
/// the conclusions' pages until the data changes again.
/// `on_list`: the conclusions' list, where the undo leads and where it is said once.
pub fn undo_bar(on_list: bool) -> impl IntoView {
    let state = use_state();
    let undone = use_context::<ReadUndone>()
        .map(|u| u.0)
        .unwrap_or_else(|| RwSignal::new(false));
    if on_list {
        on_cleanup(move || undone.set(false));
    }
    move || {
        let lang = state.lang.get();
        if on_list && undone.get() {
            return Some(
                view! { <p class="notice" role="status" id="read-undone">{Msg::ReadUndone.text(lang)}</p> }
                    .into_any(),
            );
        }
        let (label, _) = state.undo_label.get()?;
        let UndoKind::Read(number) = UndoKind::of_label(&label) else {
            return None;
        };
        Some(
            view! {
                <p class="notice" role="status" id="read-saved">
                    {Msg::ReadSaved.text(lang)} " " <strong>{number}</strong> ". "
                    <button type="button" id="undo-read" on:click=move |_| {
                        if state.undo_import() {
                            undone.set(true);
                            browser::go(&Route::Conclusions);
                        }
                    }>{Msg::UndoRead.text(lang)}</button>
                </p>
            }
            .into_any(),
        )
    }
}
