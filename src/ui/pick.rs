//! Picking records from a long list of names alike ("Ban Quản lý dự án các công trình …"):
//! a search box (diacritics ignored) over boxes to tick, or round buttons when one is picked.
//! The chosen ones always show; which others show is `domain::text::pick_shown`'s rule.

use leptos::prelude::*;

use crate::domain::text::{fold, matches_folded, pick_shown};
use crate::i18n::Msg;
use crate::ui::state::use_state;

/// What a pick box shows and does; the caller owns the data.
pub struct PickBox<L, O, C, T, N> {
    /// The element id (the filter's is `{id}-filter`).
    pub id: String,
    pub label: L,
    /// (value, text) pairs.
    pub options: O,
    /// The values chosen now.
    pub chosen: C,
    /// Called with a value and whether it is now chosen.
    pub toggle: T,
    /// One value (round buttons, ticking one unticks the other) or several (boxes).
    pub single: bool,
    /// What was typed in the search box (the caller may clear it).
    pub filter: RwSignal<String>,
    /// Shown under the search box when nothing matches what was typed (to add it).
    pub no_match: N,
}

impl<L, O, C, T, N> PickBox<L, O, C, T, N>
where
    L: Fn() -> String + Send + Sync + 'static,
    O: Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    C: Fn() -> Vec<String> + Send + Sync + 'static,
    T: Fn(String, bool) + Send + Sync + Clone + 'static,
    N: Fn(String) -> AnyView + Send + Sync + 'static,
{
    /// The box, laid out. Keyboard: Tab to the search box, then through the boxes; Space
    /// ticks (arrows move between round buttons).
    pub fn view(self) -> AnyView {
        let PickBox {
            id,
            label,
            options,
            chosen,
            toggle,
            single,
            filter,
            no_match,
        } = self;
        let state = use_state();
        let options = Memo::new(move |_| options());
        let chosen = Memo::new(move |_| chosen());
        // Each option's text folded once per change of the options, not per keystroke.
        let folded = Memo::new(move |_| {
            options.with(|o| o.iter().map(|(_, text)| fold(text)).collect::<Vec<_>>())
        });
        let missing = move || {
            let wanted = filter.get();
            let none = !fold(&wanted).is_empty()
                && folded.with(|f| !f.iter().any(|text| matches_folded(text, &wanted)));
            none.then(|| no_match(wanted.trim().to_owned()))
        };
        let long = move || options.with(|o| o.len() > 8);
        let shown = Memo::new(move |_| {
            let wanted = filter.get();
            chosen.with(|chosen| {
                options.with(|o| {
                    let picked: Vec<bool> = o.iter().map(|(v, _)| chosen.contains(v)).collect();
                    let (at, more) = folded.with(|f| pick_shown(f, &picked, &wanted));
                    let items: Vec<_> = at.into_iter().map(|i| (o[i].clone(), picked[i])).collect();
                    (items, more)
                })
            })
        });
        let kind = if single { "radio" } else { "checkbox" };
        let group = format!("{id}-pick");
        let boxes = move || {
            shown
                .get()
                .0
                .into_iter()
                .map(|((value, text), checked)| {
                    let toggle = toggle.clone();
                    view! {
                        <label class="pick">
                            <input type=kind name=group.clone() prop:checked=checked on:change=move |ev| {
                                toggle(value.clone(), event_target_checked(&ev));
                            }/>
                            " " {text}
                        </label>
                    }
                })
                .collect_view()
        };
        let more = move || {
            let more = shown.with(|s| s.1);
            (more > 0).then(|| {
                view! { <p class="small muted pick-more">{format!("{more} {}", state.t(Msg::PickMore))}</p> }
            })
        };
        let count = move || chosen.with(Vec::len);
        let filter_id = format!("{id}-filter");
        view! {
            <fieldset class="field picks" id=id.clone()>
                <legend>{label} {move || (!single).then(|| format!(" ({})", count()))}</legend>
                <Show when=long>
                    <input type="search" class="pick-filter" id=filter_id.clone()
                        aria-label=move || state.t(Msg::FilterList)
                        placeholder=move || state.t(Msg::FilterList)
                        prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev))/>
                </Show>
                <div class="pick-missing" role="status">{missing}</div>
                <div class="pick-box">{boxes}</div>
                {more}
            </fieldset>
        }
        .into_any()
    }
}
