//! Records changed here while another tab or an import changed them too: the version saved
//! first was kept, this tab's is shown beside it, on every screen, until the officer puts
//! it back or lets it go.

use leptos::prelude::*;

use super::preview::field_table;
use crate::i18n::{kind_label, Msg};
use crate::ui::state::use_state;

#[component]
pub fn TabConflicts() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state
            .tab_conflicts
            .get()
            .into_iter()
            .map(|e| {
                let (keep, drop) = (e.id.clone(), e.id.clone());
                view! {
                    <div class="banner warn conflict" role="alert">
                        <p>
                            <strong>{kind_label(e.kind, lang)} " " {state.data.with_untracked(|d| d.entry_name(&e, d))}</strong> ": "
                            {Msg::TabConflict.text(lang)}
                        </p>
                        {field_table(&e, lang, Msg::ThisTabSide, Msg::KeptSide)}
                        <button type="button" on:click=move |_| state.keep_tab_version(&keep)>{Msg::UseThisTabVersion.text(lang)}</button>
                        " "
                        <button type="button" on:click=move |_| state.dismiss_tab_version(&drop)>{Msg::DropThisTabVersion.text(lang)}</button>
                    </div>
                }
            })
            .collect_view()
    }
}
