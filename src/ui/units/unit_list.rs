//! The register of units: each with what it leads (inherited work included), what of it is
//! overdue and what it coordinates; ended and archived units marked.

use leptos::prelude::*;

use super::unit_form::UnitForm;
use crate::i18n::{labels, Msg};
use crate::route::Route;
use crate::ui::state::use_state;
use crate::ui::widgets::{keyed_rows, unit_tag, ListPage};

/// A line of the units list as drawn (its whole content is its key).
#[derive(Clone, PartialEq, Eq, Hash)]
struct UnitLine {
    id: String,
    name: String,
    short_name: String,
    kind: &'static str,
    tag: Option<Msg>,
    lead: usize,
    overdue: usize,
    coordinating: usize,
}

#[component]
pub fn UnitList() -> impl IntoView {
    let state = use_state();
    let count = Signal::derive(move || state.data.with(|d| d.units.len()));
    let lines = Memo::new(move |_| {
        let lang = state.lang.get();
        state.data.with(|d| {
            d.unit_counts(state.today, state.due_soon_days())
                .into_iter()
                .map(|c| UnitLine {
                    id: c.unit.id.to_string(),
                    name: c.unit.name.clone(),
                    short_name: c.unit.short_name.clone(),
                    kind: labels::unit_kind(c.unit.kind, lang),
                    tag: unit_tag(c.unit),
                    lead: c.lead,
                    overdue: c.overdue,
                    coordinating: c.coordinating,
                })
                .collect::<Vec<_>>()
        })
    });
    let rows = move || {
        keyed_rows(lines, Clone::clone, move |u: UnitLine| {
            // A line is drawn again when the language changes (its text changes with it).
            let label = |m: Msg| m.text(state.lang.get_untracked());
            let overdue_class = if u.overdue > 0 {
                "num overdue-count"
            } else {
                "num"
            };
            view! {
                <tr>
                    <th scope="row"><a href=Route::Unit(u.id).href()>{u.name}</a>
                        {u.tag.map(|t| view! { " " <span class="tag">{label(t)}</span> })}</th>
                    <td data-label=label(Msg::ShortName)>{u.short_name}</td>
                    <td data-label=label(Msg::Kind)>{u.kind}</td>
                    <td class="num" data-label=label(Msg::AsLead)>{u.lead}</td>
                    <td class=overdue_class data-label=label(Msg::Overdue)>{u.overdue}</td>
                    <td class="num" data-label=label(Msg::AsCoordinator)>{u.coordinating}</td>
                </tr>
            }
        })
    };
    view! {
        <ListPage title=Msg::NavUnits count=count columns=vec![Msg::Name, Msg::ShortName, Msg::Kind, Msg::AsLead, Msg::Overdue, Msg::AsCoordinator] rows=rows>
            <UnitForm/>
        </ListPage>
    }
}
