//! "Tệp cho các đơn vị": every unit with open items gets, in one file made in steps, a
//! folder with its package (what its page lists) and the cover letter to send with it
//! (`domain::documents::package_cover_letter`). From Đôn đốc and from the report.

use leptos::prelude::*;

use super::files::{make_file, making};
use super::sending::SendingPick;
use crate::domain::documents::office::{self, Steps, Zip};
use crate::domain::documents::{
    file_name, package_cover_letter, package_paths, units_with_open_items, Owed, Sending, Sent,
};
use crate::domain::followup::{ReportScope, REPLY_WITHIN_DAYS};
use crate::domain::UnitId;
use crate::i18n::units_side as words;
use crate::ui::browser;
use crate::ui::date_box::day_box;
use crate::ui::state::{use_state, AppState};

/// The card: how many units, the letters' signer and first number, the day to report by,
/// and the button. `scope`: the conclusions covered (the report's, or everything).
#[component]
pub fn UnitPackages(#[prop(into)] scope: Signal<ReportScope>) -> impl IntoView {
    let state = use_state();
    let pick = SendingPick::new();
    let report_by = RwSignal::new(state.today + chrono::Days::new(REPLY_WITHIN_DAYS));
    let units = Memo::new(move |_| {
        let scope = scope.get();
        state.data.with(|d| {
            units_with_open_items(d, &scope, state.today)
                .into_iter()
                .cloned()
                .collect::<Vec<UnitId>>()
        })
    });
    let make = move |_| {
        let units = units.get_untracked();
        let scope = scope.get_untracked();
        let from = state
            .data
            .with_untracked(|d| pick.sending_untracked(d, &scope));
        let (by, lang) = (report_by.get_untracked(), pick.lang_untracked());
        let name = file_name(
            words::packages_file(super::lang_of(lang)),
            state.today,
            "zip",
        );
        make_file(state, name, office::ZIP_MIME, move |steps| {
            packages(state, units, from, by, lang, steps)
        });
    };
    view! {
        <section class="card" aria-labelledby="unit-packages-title" id="unit-packages">
            <h2 id="unit-packages-title">{move || words::packages_title(state.lang.get())} " "
                <span class="count">{move || format!("({})", units.with(Vec::len))}</span></h2>
            <p class="muted small">{move || words::packages_hint(state.lang.get())}</p>
            {pick.view("pk", Sent::Letter)}
            <p class="actions">
                {day_box("pk-report-by", "inline-day", Signal::derive(move || state.t(crate::i18n::Msg::ReportBy).to_owned()), report_by)}
                <button type="button" id="unit-packages-make" class="primary"
                    disabled=move || units.with(Vec::is_empty) || making(state)
                    on:click=make>{move || words::packages_button(state.lang.get())}</button>
            </p>
        </section>
    }
}

/// The file: per unit, a task making its package and its letter, then the zip's end.
async fn packages(
    state: AppState,
    units: Vec<UnitId>,
    from: Sending,
    report_by: chrono::NaiveDate,
    lang: crate::domain::documents::DocLang,
    mut steps: Steps<'static>,
) -> Vec<u8> {
    let mut zip = Zip::new(state.today);
    let letter_stem = words::cover_letter_file(lang);
    for (nth, unit) in units.iter().enumerate() {
        browser::next_task().await;
        let (package, text) = state.export_package(unit);
        // The letters of one batch take consecutive numbers.
        let this = Sending {
            number: from.number.map(|n| n + nth as u32),
            ..from.clone()
        };
        let letter = state.data.with_untracked(|d| {
            let held = d.unit_holding(unit, state.today, state.due_soon_days());
            let owed = Owed::of(d, unit, state.today, state.due_soon_days());
            package_cover_letter(
                d,
                &owed,
                report_by,
                &this,
                lang,
                (&package, held.directives),
            )
        });
        let (json_path, docx_path) = package_paths(&package, letter_stem);
        zip.add(&json_path, text.as_bytes(), &mut steps).await;
        let docx = office::docx_in_steps(&[letter], lang, state.today, &mut steps).await;
        zip.add(&docx_path, &docx, &mut steps).await;
    }
    state.remember_exchanged();
    zip.finish()
}
