//! Word, Excel and CSV files, made a step at a time and downloaded. The large dataset's
//! sheet of all its directives is 20 MB of XML: made in one go it held the page for about a
//! second. Here each step is a task of its own (`domain::office::Steps`, paused by
//! [`browser::next_task`]), the page draws and answers between them, and the officer sees
//! "Đang tạo tệp…" with the download buttons disabled until the file comes.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::document::doc_lang;
use crate::domain::documents::office::{self, Steps};
use crate::domain::documents::{
    directive_rows, directives_sheet, file_name, DocLang, Document, Listed, Table,
    SHEET_ROWS_PER_STEP,
};
use crate::domain::followup::urgency_order;
use crate::i18n::{labels, Msg};
use crate::ui::browser;
use crate::ui::state::AppState;

/// Makes a file with `make` (given the steps it pauses at), after the page has said it is
/// being made, and downloads it as `name`. One file at a time: a click while one is being
/// made does nothing (its button is disabled meanwhile).
pub(super) fn make_file<F>(
    state: AppState,
    name: String,
    mime: &'static str,
    make: impl FnOnce(Steps<'static>) -> F + 'static,
) where
    F: Future<Output = Vec<u8>> + 'static,
{
    if state.making.get_untracked() {
        return;
    }
    state.making.set(true);
    spawn_local(async move {
        browser::measure_from("dondoc-make-file");
        // What is made is read from the data after "Đang tạo tệp…" is on the page.
        browser::next_task().await;
        let bytes = make(Steps::pausing(browser::next_task)).await;
        browser::download_bytes(&name, mime, &bytes);
        browser::measure_to("dondoc-make-file");
        state.making.set(false);
    });
}

/// Downloads `docs` (written in `lang`; made when the file is, in steps of their own if they
/// need them) as one Word file named after `stem` and today.
pub fn download_docx<F>(
    state: AppState,
    stem: &str,
    lang: DocLang,
    docs: impl FnOnce() -> F + 'static,
) where
    F: Future<Output = Vec<Document>> + 'static,
{
    let name = file_name(stem, state.today, "docx");
    make_file(
        state,
        name,
        office::DOCX_MIME,
        move |mut steps| async move {
            office::docx_in_steps(&docs().await, lang, state.today, &mut steps).await
        },
    );
}

/// Downloads `tables` (made when the file is) as one Excel file, a sheet each.
pub fn download_xlsx<F>(state: AppState, stem: &str, tables: impl FnOnce() -> F + 'static)
where
    F: Future<Output = Vec<Table>> + 'static,
{
    let lang = doc_lang(state.lang.get_untracked());
    let name = file_name(stem, state.today, "xlsx");
    make_file(
        state,
        name,
        office::XLSX_MIME,
        move |mut steps| async move {
            office::xlsx_in_steps(&tables().await, lang, state.today, &mut steps).await
        },
    );
}

/// Downloads `table` (made when the file is) as CSV (UTF-8 with a byte-order mark).
pub fn download_csv<F>(state: AppState, stem: &str, table: impl FnOnce() -> F + 'static)
where
    F: Future<Output = Table> + 'static,
{
    let name = file_name(stem, state.today, "csv");
    make_file(
        state,
        name,
        "text/csv;charset=utf-8",
        move |mut steps| async move { table().await.csv_in_steps(&mut steps).await },
    );
}

/// Whether the download buttons wait: a file is being made.
pub fn making(state: AppState) -> bool {
    state.making.get()
}

/// Documents made one after another, [`DOCUMENTS_PER_TASK`] per task, from the next task
/// on (what `documents` found first, once for all, had a task of its own): the large
/// dataset's two hundred letters to every overdue unit.
pub async fn in_turn(mut documents: impl Iterator<Item = Document>) -> Vec<Document> {
    let mut made = Vec::new();
    loop {
        browser::next_task().await;
        let before = made.len();
        made.extend(documents.by_ref().take(DOCUMENTS_PER_TASK));
        if made.len() - before < DOCUMENTS_PER_TASK {
            return made;
        }
    }
}

/// Letters made per task: each takes some tenths of a millisecond natively.
const DOCUMENTS_PER_TASK: usize = 10;

/// Every followed directive as listed on the follow-up page (the most urgent first, as of
/// `on`), its rows made [`SHEET_ROWS_PER_STEP`] per task.
pub async fn all_directives(state: AppState, on: chrono::NaiveDate) -> Table {
    let (lang, soon) = (state.lang.get_untracked(), state.due_soon_days());
    let state_word = move |s| labels::follow_up_state(s, lang);
    let data = state.data.shared();
    let all = urgency_order(data.followed(), on, soon);
    let mut rows = Vec::with_capacity(all.len());
    for (k, part) in all.chunks(SHEET_ROWS_PER_STEP).enumerate() {
        browser::next_task().await;
        let (first, part) = (k * SHEET_ROWS_PER_STEP, part.iter().copied());
        rows.extend(directive_rows(
            &data,
            part,
            first,
            on,
            soon,
            &state_word,
            doc_lang(lang),
        ));
    }
    directives_sheet(Listed::All, rows, on, doc_lang(lang))
}

/// "Excel" and "CSV" buttons for a table the page shows; `table` makes it when clicked (in
/// steps of its own if it needs them: [`all_directives`]). `what` (and `which`: a
/// conclusion's number, a unit's name) names the table for the buttons' accessible names
/// and the file.
pub fn export_buttons<F>(
    id: &'static str,
    what: Msg,
    which: String,
    table: impl Fn() -> F + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    F: Future<Output = Table> + 'static,
{
    let state = crate::ui::state::use_state();
    // "Danh sách nhiệm vụ 16-KL/BCĐ": the file says which list it is.
    let which = StoredValue::new(which);
    let stem = move || {
        which.with_value(|w| {
            if w.is_empty() {
                state.t(what).to_owned()
            } else {
                format!("{} {w}", state.t(what))
            }
        })
    };
    let as_xlsx = {
        let table = table.clone();
        move || {
            let table = table.clone();
            download_xlsx(state, &stem(), move || async move { vec![table().await] });
        }
    };
    let as_csv = move || download_csv(state, &stem(), table.clone());
    view! {
        <span class="export">
            <button type="button" id=format!("{id}-xlsx") disabled=move || making(state)
                aria-label=move || format!("{} · {}", state.t(Msg::DownloadExcel), stem())
                on:click=move |_| as_xlsx()>
                {move || state.t(Msg::DownloadExcel)}
            </button>
            <button type="button" id=format!("{id}-csv") disabled=move || making(state)
                aria-label=move || format!("{} · {}", state.t(Msg::DownloadCsv), stem())
                on:click=move |_| as_csv()>
                {move || state.t(Msg::DownloadCsv)}
            </button>
        </span>
    }
}

/// "Đang tạo tệp…" while a file is being made, on every screen (a status the screen reader
/// reads out).
#[component]
pub fn MakingFile() -> impl IntoView {
    let state = crate::ui::state::use_state();
    view! {
        <p class="making-file" role="status" aria-live="polite">
            {move || making(state).then(|| state.t(Msg::MakingFile))}
        </p>
    }
}
