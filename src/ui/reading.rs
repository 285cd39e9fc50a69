//! "Dán văn bản kết luận": a notice pasted or its Word file dropped, read by
//! `domain::reading`, shown as a draft beside the text it came from, corrected, and saved
//! in one step that one undo reverses. Nothing is stored before the officer confirms.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser::{self, CryptoIds};
use super::form::{choices, field_title};
use super::state::use_state;
use crate::domain::reading::docx::docx_text;
use crate::domain::reading::notice::{read_notice, Mark};
use crate::domain::reading::review::{
    due_of, new_unit_ref, NewUnitChoice, Place, Review, ReviewProblem,
};
use crate::domain::SeededIds;
use crate::i18n::{draft_message, format_date, Lang, Msg};
use crate::route::Route;

/// What the undo copy is named by when it came from saving a notice read.
pub(super) const READ_LABEL: &str = "read:";

/// How many directives of the review are laid out in one task.
const BATCH: usize = 12;

/// The largest file read (a notice's Word file is far smaller).
const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

#[derive(Clone, PartialEq)]
enum Step {
    Text,
    Review,
}

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
pub fn ReadConclusionPage() -> impl IntoView {
    let state = use_state();
    let text = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let review = RwSignal::new(None::<Review>);
    let step = RwSignal::new(Step::Text);
    let read = move |source: String| {
        let lang = state.lang.get_untracked();
        let result = browser::timed("dondoc-read-notice", || {
            state
                .data
                .with_untracked(|d| read_notice(&source, d).map(|r| Review::new(&r, d)))
        });
        match result {
            Ok(r) => {
                message.set(None);
                review.set(Some(r));
                step.set(Step::Review);
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
        if name.ends_with(".doc") || name.ends_with(".pdf") {
            message.set(Some(Msg::ReadFileKind.text(lang).to_owned()));
            return;
        }
        leptos::task::spawn_local(async move {
            let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .ok();
            let Some(buffer) = buffer else {
                message.set(Some(Msg::ReadFileFailed.text(lang).to_owned()));
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            let source = if name.ends_with(".txt") {
                Ok(String::from_utf8_lossy(&bytes).into_owned())
            } else {
                docx_text(&bytes)
            };
            match source {
                Ok(source) => {
                    text.set(source.clone());
                    read(source);
                }
                Err(_) => message.set(Some(Msg::ReadFileFailed.text(lang).to_owned())),
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            input.set_value("");
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
                        <input type="file" id="read-file" accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain" on:change=on_file/>
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
        Place::NewUnit(i) => {
            let name = review.new_units.get(*i).map_or("", |u| u.as_read.as_str());
            format!("{} «{name}»: {what}", Msg::NewUnitWord.text(lang))
        }
    }
}

#[component]
fn ReviewScreen(review: RwSignal<Option<Review>>, step: RwSignal<Step>) -> impl IntoView {
    let state = use_state();
    let focused = RwSignal::new(0usize);
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
    let laid_out = RwSignal::new(BATCH);
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
                let label = format!("{READ_LABEL}{}", saved.conclusion.number_symbol);
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
    view! {
        <h1>{move || state.t(Msg::ReadReviewTitle)}</h1>
        <p class="muted" id="read-summary" role="status">{summary}</p>
        <div class="read-review">
            <section class="card read-source" aria-labelledby="read-source-title">
                <h2 id="read-source-title">{move || state.t(Msg::ReadSource)}</h2>
                <p class="small muted">
                    <mark class="src-lead">{move || state.t(Msg::LeadUnitWord)}</mark> " "
                    <mark class="src-deadline">{move || state.t(Msg::DeadlineWord)}</mark> " "
                    {move || state.t(Msg::ReadSourceHint)}
                </p>
                // Laid out in the task after the first directives', to keep each task short.
                <Show when=move || { laid_out.get() > BATCH || count() <= BATCH }>
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
    found.sort();
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

#[component]
fn ConclusionFields(review: RwSignal<Option<Review>>) -> impl IntoView {
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
        all.extend(state.data.with(|d| {
            let mut m: Vec<_> = d.meetings.iter().collect();
            m.sort_by_key(|b| std::cmp::Reverse(b.date));
            m.into_iter()
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
fn NewUnits(review: RwSignal<Option<Review>>) -> impl IntoView {
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
fn DirectiveFields(
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
        let number = label.strip_prefix(READ_LABEL)?.to_owned();
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
