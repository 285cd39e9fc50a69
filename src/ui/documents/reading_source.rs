//! The notice's text as read, line by line, the words its lead units and deadlines were
//! read from marked.

use leptos::prelude::*;

use crate::domain::documents::Review;
use crate::domain::sorting;
use crate::i18n::Msg;
use crate::ui::state::use_state;

/// The text as read, line by line; the lines of the directive being edited stand out, and
/// the words its lead unit and deadline were read from are marked.
#[component]
pub(super) fn SourceLines(
    review: RwSignal<Option<Review>>,
    focused: RwSignal<usize>,
) -> impl IntoView {
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
