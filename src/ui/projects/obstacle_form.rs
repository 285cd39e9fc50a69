//! Recording an obstacle of a project, or correcting one: category, what blocks, who must
//! resolve it, since when, when resolved, and the directive that addresses it.

use leptos::prelude::*;

use crate::domain::draft::code;
use crate::domain::projects::ObstacleDraft;
use crate::domain::Field;
use crate::domain::{IdSource, ObstacleCategory, ObstacleId, ProjectId};
use crate::i18n::{labels, Msg};
use crate::ui::browser::{self, CryptoIds};
use crate::ui::form::{choices, field_title, Draft, Kind};
use crate::ui::state::use_state;

#[component]
pub fn ObstacleForm(project: ProjectId, editing: RwSignal<Option<ObstacleId>>) -> impl IntoView {
    let state = use_state();
    let today = state.today;
    let base = move || {
        editing
            .get()
            .and_then(|id| state.data.with_untracked(|d| d.obstacles.get(&id).cloned()))
    };
    let check_project = project.clone();
    let draft = Draft::new(
        state,
        ObstacleDraft::new(today),
        move |d: &ObstacleDraft| {
            d.to_obstacle(&check_project, None, String::new(), today, browser::now())
                .err()
                .unwrap_or_default()
        },
    );
    // Choosing "edit" on an obstacle fills the form with it.
    let opened = RwSignal::new(None::<chrono::DateTime<chrono::Utc>>);
    Effect::new(move |_| {
        let base = base();
        opened.set(base.as_ref().map(|o| o.updated_at));
        let filled = base.map_or_else(
            || ObstacleDraft::new(today),
            |o| ObstacleDraft::from_obstacle(&o),
        );
        draft.value.set(filled);
        draft.submitted.set(false);
    });
    let saved = RwSignal::new(None::<ObstacleDraft>);
    let show_saved = move || saved.with(|s| s.as_ref() == Some(&draft.value.get()));

    let title = move |field: Field| move || field_title(field, false, state.lang.get());
    let category = draft.select(
        "of",
        Field::Category,
        title(Field::Category),
        move || {
            let lang = state.lang.get();
            ObstacleCategory::ALL
                .iter()
                .map(|c| (code(c), labels::obstacle_category(*c, lang).to_owned()))
                .collect()
        },
        |d| &d.category,
        |d| &mut d.category,
    );
    let description = draft.input(
        "of",
        Field::Description,
        Kind::Long,
        title(Field::Description),
        |d| &d.description,
        |d| &mut d.description,
    );
    let unit = draft.select(
        "of",
        Field::ResponsibleUnit,
        title(Field::ResponsibleUnit),
        move || {
            let mut units = state.data.with(choices::units);
            units.insert(0, (String::new(), state.t(Msg::NotGiven).to_owned()));
            units
        },
        |d| &d.responsible_unit,
        |d| &mut d.responsible_unit,
    );
    let directive_project = project.clone();
    let directive = draft.select(
        "of",
        Field::Directive,
        title(Field::Directive),
        move || {
            let chosen = draft.value.with(|d| d.directive.clone());
            let mut options = vec![(String::new(), state.t(Msg::NotGiven).to_owned())];
            // The directives that name this project (and the one chosen, whatever it names).
            state.data.with(|d| {
                options.extend(
                    d.directives
                        .iter()
                        .filter(|x| {
                            x.projects.contains(&directive_project) || x.id.as_str() == chosen
                        })
                        .map(|x| {
                            let number = d
                                .conclusions
                                .get(&x.conclusion)
                                .map(|c| c.number_symbol.as_str())
                                .unwrap_or_default();
                            let text = crate::domain::text::clip(&x.text, 70).into_owned();
                            (x.id.to_string(), format!("{number} · {} · {text}", x.path))
                        }),
                )
            });
            options
        },
        |d| &d.directive,
        |d| &mut d.directive,
    );
    let since = draft.input(
        "of",
        Field::Since,
        Kind::Date,
        title(Field::Since),
        |d| &d.since,
        |d| &mut d.since,
    );
    let resolved = draft.input(
        "of",
        Field::ResolvedOn,
        Kind::Date,
        title(Field::ResolvedOn),
        |d| &d.resolved_on,
        |d| &mut d.resolved_on,
    );

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.submitted.set(true);
        let base = base();
        let result = draft.value.with_untracked(|d| {
            d.to_obstacle(
                &project,
                base.as_ref(),
                CryptoIds.next_id(),
                today,
                browser::now(),
            )
        });
        if let Ok(obstacle) = result {
            // Refused: the banner above shows both versions; the form is done either way.
            let stored = state.save_edit(obstacle, opened.get_untracked());
            editing.set(None);
            let fresh = ObstacleDraft::new(today);
            draft.value.set(fresh.clone());
            draft.submitted.set(false);
            saved.set(stored.then_some(fresh));
        }
    };
    let heading = move || {
        state.t(if editing.get().is_some() {
            Msg::EditObstacle
        } else {
            Msg::AddObstacle
        })
    };
    view! {
        <details class="card form" id="obstacle-form" prop:open=move || editing.get().is_some()>
            <summary>{heading}</summary>
            <form on:submit=on_submit novalidate>
                <div class="groups">
                    <fieldset>
                        <legend>{move || state.t(Msg::Obstacles)}</legend>
                        {category}{description}{unit}
                    </fieldset>
                    <fieldset>
                        <legend>{move || state.t(Msg::Since)}</legend>
                        {since}{resolved}{directive}
                    </fieldset>
                </div>
                <button type="submit" class="primary">{move || state.t(Msg::SaveObstacle)}</button>
                " "
                <Show when=move || editing.get().is_some()>
                    <button type="button" on:click=move |_| editing.set(None)>{move || state.t(Msg::Cancel)}</button>
                </Show>
                <span class="saved" role="status">{move || show_saved().then(|| state.t(Msg::ObstacleSaved))}</span>
            </form>
        </details>
    }
}
