//! Adding a dated progress report to a project. The form reads numbers in the officer's
//! convention, explains each problem under its field as they type, stores nothing invalid,
//! and keeps everything typed when the report is rejected.

use leptos::prelude::*;

use crate::domain::dates::dd_mm_yyyy;
use crate::domain::projects::ReportDraft;
use crate::domain::Field;
use crate::domain::{IdSource, ProjectId};
use crate::i18n::{decimal_mark, Msg};
use crate::ui::browser::{self, CryptoIds};
use crate::ui::form::{field_title, Draft, Kind, ReadField, WriteField};
use crate::ui::state::use_state;

/// (field name in the format, typed in billions, read, write)
const FIGURES: [(Field, bool, ReadField<ReportDraft>, WriteField<ReportDraft>); 12] = [
    (
        Field::SiteClearanceHouseholdsTotal,
        false,
        |d| &d.households_total,
        |d| &mut d.households_total,
    ),
    (
        Field::SiteClearanceHouseholdsHandedOver,
        false,
        |d| &d.households_handed_over,
        |d| &mut d.households_handed_over,
    ),
    (
        Field::SiteClearanceAreaTotalHa,
        false,
        |d| &d.area_total_ha,
        |d| &mut d.area_total_ha,
    ),
    (
        Field::SiteClearanceAreaHandedOverHa,
        false,
        |d| &d.area_handed_over_ha,
        |d| &mut d.area_handed_over_ha,
    ),
    (
        Field::ConstructionPackagesTotal,
        false,
        |d| &d.packages_total,
        |d| &mut d.packages_total,
    ),
    (
        Field::ConstructionPackagesUnderConstruction,
        false,
        |d| &d.packages_under_construction,
        |d| &mut d.packages_under_construction,
    ),
    (
        Field::ConstructionContractsSigned,
        false,
        |d| &d.contracts_signed,
        |d| &mut d.contracts_signed,
    ),
    (
        Field::ConstructionVolumePercent,
        false,
        |d| &d.volume_percent,
        |d| &mut d.volume_percent,
    ),
    (
        Field::CapitalPlan,
        true,
        |d| &d.plan_billions,
        |d| &mut d.plan_billions,
    ),
    (
        Field::CapitalAllocated,
        true,
        |d| &d.allocated_billions,
        |d| &mut d.allocated_billions,
    ),
    (
        Field::CapitalDisbursed,
        true,
        |d| &d.disbursed_billions,
        |d| &mut d.disbursed_billions,
    ),
    (
        Field::CapitalSamePeriodLastYearPercent,
        false,
        |d| &d.same_period_last_year_percent,
        |d| &mut d.same_period_last_year_percent,
    ),
];

#[component]
pub fn ReportForm(project: ProjectId) -> impl IntoView {
    let state = use_state();
    let fresh = move || ReportDraft {
        as_of: dd_mm_yyyy(state.today),
        ..Default::default()
    };
    let check_project = project.clone();
    let draft = Draft::new(state, fresh(), move |d: &ReportDraft| {
        let mark = decimal_mark(state.lang.get());
        state.data.with(|data| {
            d.to_report_after(
                data.reports_of(&check_project),
                mark,
                &check_project,
                "draft".into(),
                state.today,
                browser::now(),
            )
            .err()
            .unwrap_or_default()
        })
    });
    // The confirmation is offered only while a figure is lower than the earlier reports'.
    let drop_project = project.clone();
    let has_drop = Memo::new(move |_| {
        let mark = decimal_mark(state.lang.get());
        draft.value.with(|d| {
            state.data.with(|data| {
                d.drops_below(
                    data.reports_of(&drop_project),
                    mark,
                    &drop_project,
                    state.today,
                    browser::now(),
                )
            })
        })
    });
    // "Saved" stays on screen until the officer types into the fresh form.
    let saved = RwSignal::new(None::<ReportDraft>);
    let show_saved = move || saved.with(|s| s.as_ref() == Some(&draft.value.get()));
    let groups = [
        (Msg::SiteClearance, 0..4),
        (Msg::ConstructionVolume, 4..8),
        (Msg::Disbursement, 8..12),
    ]
    .into_iter()
    .map(|(title, range)| {
        let inputs = FIGURES[range]
            .iter()
            .map(|&(field, billions, get, set)| {
                let label = move || field_title(field, billions, state.lang.get());
                let kind = if billions { Kind::Money } else { Kind::Number };
                draft.input("rf", field, kind, label, get, set)
            })
            .collect_view();
        view! { <fieldset><legend>{move || state.t(title)}</legend>{inputs}</fieldset> }
    })
    .collect_view();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.submitted.set(true);
        let mark = decimal_mark(state.lang.get_untracked());
        let result = draft.value.with_untracked(|d| {
            state.data.with_untracked(|data| {
                d.to_report_after(
                    data.reports_of(&project),
                    mark,
                    &project,
                    CryptoIds.next_id(),
                    state.today,
                    browser::now(),
                )
            })
        });
        if let Ok(report) = result {
            state.edit(|data| data.add_report(report));
            draft.value.set(fresh());
            draft.submitted.set(false);
            saved.set(Some(fresh()));
        }
    };
    let as_of = draft.input(
        "rf",
        Field::AsOf,
        Kind::Date,
        move || state.t(Msg::AsOf).to_owned(),
        |d| &d.as_of,
        |d| &mut d.as_of,
    );
    let narrative = draft.input(
        "rf",
        Field::Narrative,
        Kind::Long,
        move || state.t(Msg::Narrative).to_owned(),
        |d| &d.narrative,
        |d| &mut d.narrative,
    );

    view! {
        <details class="card form">
            <summary>{move || state.t(Msg::AddReport)}</summary>
            <form on:submit=on_submit novalidate>
                <p class="small muted">{move || state.t(Msg::ReportFormHint)}</p>
                {as_of}
                <div class="groups">{groups}</div>
                {narrative}
                <Show when=move || has_drop.get() || draft.value.with(|d| d.confirm_drop)>
                    <p class="field check">
                        <input type="checkbox" id="rf-confirm-drop" prop:checked=move || draft.value.with(|d| d.confirm_drop)
                            on:change=move |ev| { let on = event_target_checked(&ev); draft.value.update(|d| d.confirm_drop = on) }/>
                        <label for="rf-confirm-drop">{move || state.t(Msg::ConfirmDrop)}</label>
                    </p>
                </Show>
                <button type="submit" class="primary">{move || state.t(Msg::SaveReport)}</button>
                <span class="saved" role="status">{move || show_saved().then(|| state.t(Msg::ReportSaved))}</span>
            </form>
        </details>
    }
}
