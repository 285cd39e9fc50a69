//! "Dán văn bản kết luận": a notice pasted or its Word, PDF or text file dropped, read by
//! `domain::reading`, shown as a draft beside the text it came from, corrected, and saved
//! in one step that one undo reverses. Nothing is stored before the officer confirms.
//! The review itself is drawn by `reading_review`.

use crate::storage::side::UndoKind;
use leptos::prelude::*;

use super::reading_review::ReviewScreen;
use crate::domain::documents::{docx_text, pdf_text, read_notice, Review};
use crate::i18n::{decode_problem_message, pdf_problem_message, Msg};
use crate::route::Route;
use crate::ui::browser;
use crate::ui::state::use_state;

/// The largest file read (a notice's Word file is far smaller).
const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

#[derive(Clone, PartialEq)]
pub(super) enum Step {
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
