//! Several units' replies dropped or picked at once: each read and checked, what each unit
//! may say about its own list kept (`Dataset::reply_intake`), all taken together into one
//! preview, one apply and one undo; the officer may leave a unit's reply out and take the
//! others (unit by unit).

use std::sync::Arc;

use crate::domain::sharing::{parse_dataset, replies_together, reply_of, ReplyIntake};
use crate::i18n::{load_error_message, units_side as words, Lang};
use crate::ui::state::AppState;
use leptos::prelude::*;

use super::import::Preview;
use super::preview::Replan;

/// One unit's reply as read: the unit's name, what the office would take, and whether the
/// officer takes it (all are, until one is left out).
#[derive(Clone)]
pub(super) struct UnitReply {
    pub unit_name: String,
    pub intake: Arc<ReplyIntake>,
    pub taken: bool,
}

/// Reads `files` as units' replies: each one's intake, or every file's problem.
pub(super) async fn read_replies(
    state: AppState,
    files: Vec<web_sys::File>,
) -> Result<Vec<UnitReply>, Vec<String>> {
    let lang = state.lang.get_untracked();
    let mut replies = Vec::new();
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
        let package_at = loaded.export.as_ref().and_then(|e| e.package_at);
        let (intake, unit_name) = state.data.with_untracked(|d| {
            (
                d.reply_intake(&loaded.dataset, &unit, package_at),
                d.unit_name(&unit),
            )
        });
        replies.push(UnitReply {
            unit_name,
            intake: Arc::new(intake),
            taken: true,
        });
    }
    if problems.is_empty() {
        Ok(replies)
    } else {
        Err(problems)
    }
}

/// The preview of the replies taken: one plan over them together.
pub(super) fn preview_of(state: AppState, replies: Vec<UnitReply>) -> Preview {
    let lang = state.lang.get_untracked();
    let taken: Vec<ReplyIntake> = replies
        .iter()
        .filter(|r| r.taken)
        .map(|r| (*r.intake).clone())
        .collect();
    let together = replies_together(&taken);
    let (plan, planned_at) = state.plan_import(&together, None);
    Preview {
        name: words::replies_title(replies.len(), lang),
        incoming: together.into(),
        plan: plan.into(),
        planned_at,
        replanned: false,
        migrated_from: None,
        info: None,
        replies,
    }
}

/// Per unit, what it reported and asked, with a box to take or leave its reply.
pub(super) fn replies_view(p: &Preview, replan: Replan, lang: Lang) -> impl IntoView {
    let state = crate::ui::state::use_state();
    let rows = p
        .replies
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let replan = replan.clone();
            let all = p.replies.clone();
            let line = words::reply_line(&r.unit_name, &r.intake, lang);
            view! {
                <li>
                    <label class="pick">
                        <input type="checkbox" id=format!("reply-take-{i}") prop:checked=r.taken
                            on:change=move |_| {
                                let mut all = all.clone();
                                all[i].taken = !all[i].taken;
                                replan(preview_of(state, all));
                            }/>
                        " " {line}
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="replies" id="replies-taken">
            <legend>{words::replies_pick(lang)}</legend>
            <ul class="plain">{rows}</ul>
        </fieldset>
    }
}
