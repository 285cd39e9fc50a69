//! Several units' replies dropped or picked at once: each read and checked, what each unit
//! may say about its own list kept (`Dataset::reply_intake`), all taken together into one
//! preview, one apply and one undo.

use crate::domain::sharing::{parse_dataset, replies_together, reply_of};
use crate::i18n::{load_error_message, units_side as words};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// What several files came to: the records to preview with a line per unit, or why not.
pub(super) type Replies = Result<(crate::domain::Dataset, String), Vec<String>>;

/// Reads `files` as units' replies.
pub(super) async fn read_replies(state: AppState, files: Vec<web_sys::File>) -> Replies {
    let lang = state.lang.get_untracked();
    let mut intakes = Vec::new();
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        let name = file.name();
        let text = crate::ui::browser::file_bytes(&file)
            .await
            .map(|bytes| crate::domain::decode::decode_text(&bytes));
        let Some(Ok(text)) = text else {
            problems.push(words::not_a_reply(&name, lang));
            continue;
        };
        let loaded = match parse_dataset(&text) {
            Ok(loaded) => loaded,
            Err(e) => {
                problems.push(format!("{name}: {}", load_error_message(&e, lang)));
                continue;
            }
        };
        let Some(unit) = reply_of(&loaded) else {
            problems.push(words::not_a_reply(&name, lang));
            continue;
        };
        let intake = state
            .data
            .with_untracked(|d| d.reply_intake(&loaded.dataset, &unit));
        let unit_name = state.data.with_untracked(|d| d.unit_name(&unit));
        lines.push(words::reply_line(
            &unit_name,
            intake.taken.directive_updates.len(),
            intake.taken.extension_requests.len(),
            intake.outside_list + intake.other_records,
            lang,
        ));
        intakes.push(intake);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let title = format!(
        "{}: {}",
        words::replies_title(intakes.len(), lang),
        lines.join("; ")
    );
    Ok((replies_together(&intakes), title))
}
