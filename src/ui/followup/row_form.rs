//! What the forms opened from a directive's row share (recording progress, asking for more
//! time, granting it): the directive chosen, a fresh draft each time another is chosen, the
//! line saying what was saved, closing with Escape or "Huỷ" back to the row's button, and
//! the card around the form.

use leptos::prelude::*;

use crate::domain::{Directive, DirectiveId};
use crate::ui::browser;
use crate::ui::form::Draft;
use crate::ui::state::use_state;

/// One row form's shared parts; the form's own fields and verb are its own.
#[derive(Clone, Copy)]
pub struct RowForm {
    /// The directive the form is open for (set by the row's button).
    pub open: RwSignal<Option<DirectiveId>>,
    pub directive: Memo<Option<Directive>>,
    /// What was saved last ("3.1"), said above the rows.
    pub saved: RwSignal<Option<String>>,
    /// The id of the row's button that opens the form, to return the focus to.
    button_id: fn(&DirectiveId) -> String,
}

impl RowForm {
    pub fn new(open: RwSignal<Option<DirectiveId>>, button_id: fn(&DirectiveId) -> String) -> Self {
        let state = use_state();
        let directive = Memo::new(move |_| {
            open.get()
                .and_then(|id| state.data.with(|d| d.directives.get(&id).cloned()))
        });
        RowForm {
            open,
            directive,
            saved: RwSignal::new(None),
            button_id,
        }
    }

    /// Another directive chosen: `draft` starts again from `fresh()`.
    pub fn fresh_draft<D: Send + Sync + 'static>(
        self,
        draft: Draft<D>,
        fresh: impl Fn() -> D + 'static,
    ) {
        Effect::new(move |_| {
            self.open.track();
            draft.value.set(fresh());
            draft.submitted.set(false);
        });
    }

    /// Closes without saving; the focus goes back to the row's button.
    pub fn close(self) {
        if let Some(id) = self.open.get_untracked() {
            self.open.set(None);
            browser::focus_later((self.button_id)(&id));
        }
    }

    /// After `x` was saved: said so, and the form closed. The focus goes back to the row's
    /// button unless the caller moves it (`focus_row`: false).
    pub fn saved_for(self, x: &Directive, focus_row: bool) {
        self.saved.set(Some(x.path.to_string()));
        self.open.set(None);
        if focus_row {
            browser::focus_later((self.button_id)(&x.id));
        }
    }

    /// The card (`ids`: its own and its heading's): the heading naming the action and the
    /// directive, what was saved (`saved_line`), and the form's `body`.
    pub fn view<B, V>(
        self,
        (id, heading_id): (&'static str, &'static str),
        heading: impl Fn(&Directive) -> String + Send + Sync + 'static,
        saved_line: impl Fn(String) -> String + Send + Sync + 'static,
        body: B,
    ) -> impl IntoView
    where
        B: Fn() -> V + Send + Sync + 'static,
        V: IntoView + 'static,
    {
        let directive = self.directive;
        let heading = std::sync::Arc::new(heading);
        let heading = move || {
            let heading = heading.clone();
            move || directive.with(|x| x.as_ref().map(|x| heading(x)))
        };
        view! {
            <p class="saved" role="status">{move || self.saved.get().map(&saved_line)}</p>
            <Show when=move || directive.with(Option::is_some)>
                <section class="card form" aria-labelledby=heading_id id=id
                    on:keydown=move |ev| if ev.key() == "Escape" { self.close() }>
                    <h2 id=heading_id>{heading()}</h2>
                    {body()}
                </section>
            </Show>
        }
    }
}
