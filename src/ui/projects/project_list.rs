//! The register of key projects: filters, sort, and each project's bars and status.

use leptos::prelude::*;

use crate::domain::documents::register_table;
use crate::ui::documents::{doc_lang, export_buttons};

use crate::domain::draft::{code, from_code};
use crate::domain::model::Lookups;
use crate::domain::projects::{ProjectQuery, ProjectRow, ProjectSort};
use crate::domain::{CapitalSource, InvestmentGroup, ScheduleStatus};
use crate::i18n::figures::behind_reason_text;
use crate::i18n::format::format_amount;
use crate::i18n::{labels, Lang, Msg};
use crate::route::{Form, Route};
use crate::ui::state::{use_state, AppState};
use crate::ui::widgets::{bar_cell, keyed_rows, ListPage};

/// "2/15 completed · 4/15 on schedule · 9/15 behind", as officers quote it.
pub fn status_summary(state: AppState, found: Lookups) -> String {
    let lang = state.lang.get();
    let counts = found
        .data
        .status_counts(found.project_figures(), state.today, state.tolerance());
    let total: usize = counts.values().sum();
    ScheduleStatus::ALL
        .into_iter()
        .filter_map(|s| {
            counts.get(&s).map(|n| {
                format!(
                    "{n}/{total} {}",
                    labels::schedule_status(s, lang).to_lowercase()
                )
            })
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn sort_label(sort: ProjectSort) -> Msg {
    match sort {
        ProjectSort::Name => Msg::Name,
        ProjectSort::Investor => Msg::Investor,
        ProjectSort::TotalInvestment => Msg::TotalInvestment,
        ProjectSort::SiteClearance => Msg::SiteClearance,
        ProjectSort::ConstructionVolume => Msg::ConstructionVolume,
        ProjectSort::Disbursement => Msg::Disbursement,
        ProjectSort::Status => Msg::ScheduleStatus,
        ProjectSort::LatestReport => Msg::LatestReportDate,
        ProjectSort::HowFarBehind => Msg::HowFarBehind,
    }
}

/// What is said under a row's status: why it is behind when it is shown so (the rule that
/// fired, or the officer's decision's own reason), and the computed status when the officer
/// decided otherwise (with its reason when that is "behind").
fn status_notes(r: &ProjectRow, lang: Lang) -> (Option<String>, Option<String>) {
    let why_computed = r.behind.map(|b| behind_reason_text(&b, lang));
    let why = (r.shown == ScheduleStatus::BehindSchedule)
        .then(|| {
            why_computed.clone().or_else(|| {
                let decision = r.project.schedule_status.as_ref()?;
                Some(format!(
                    "{}: {}",
                    Msg::OfficerDecision.text(lang),
                    decision.reason
                ))
            })
        })
        .flatten();
    let computed = (r.computed != r.shown).then(|| {
        let status = labels::schedule_status(r.computed, lang);
        match why_computed {
            Some(w) => format!("{}: {status} ({w})", Msg::Computed.text(lang)),
            None => format!("{}: {status}", Msg::Computed.text(lang)),
        }
    });
    (why, computed)
}

/// A labelled choice among `options` (value, label), the first being "all".
fn filter_select(
    id: &'static str,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    options: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    on_change: impl Fn(String) + 'static,
) -> impl IntoView {
    let state = use_state();
    let options = move || {
        options()
            .into_iter()
            .map(|(value, text)| view! { <option value=value>{text}</option> })
            .collect_view()
    };
    view! {
        <div class="filter">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_change(event_target_value(&ev))>
                <option value="">{move || state.t(Msg::All)}</option>
                {options}
            </select>
        </div>
    }
}

/// A line of the register as drawn (its whole content is its key). Percentages are kept
/// as their bits so that the line can be its own key.
#[derive(Clone, PartialEq, Eq, Hash)]
struct ProjectLine {
    id: String,
    name: String,
    archived: bool,
    investor: String,
    total: Option<String>,
    bars: [Option<u64>; 3],
    shown: String,
    why_behind: Option<String>,
    computed_note: Option<String>,
    light: Option<(String, String, String)>,
}

#[component]
pub fn ProjectList() -> impl IntoView {
    let state = use_state();
    let query = RwSignal::new(ProjectQuery::default());
    let lines = Memo::new(move |_| {
        let q = query.get();
        let lang = state.lang.get();
        state.data.with_lookups(|found| {
            let d = found.data;
            d.query_projects_with(found.project_figures(), &q, state.today, state.tolerance())
                .into_iter()
                .map(|r| {
                    let p = r.project;
                    let (why_behind, computed_note) = status_notes(&r, lang);
                    ProjectLine {
                        id: p.id.to_string(),
                        name: p.display_name().to_owned(),
                        archived: p.archived,
                        investor: r.investor_name.to_owned(),
                        total: p.total_investment.as_ref().map(|a| format_amount(a, lang)),
                        bars: [
                            r.latest.site_clearance_percent(),
                            r.latest.volume_percent(),
                            r.latest.disbursement_percent(),
                        ]
                        .map(|v| v.map(f64::to_bits)),
                        shown: labels::schedule_status(r.shown, lang).to_owned(),
                        why_behind,
                        computed_note,
                        light: p.traffic_light.as_ref().map(|t| {
                            (
                                format!("light {:?}", t.light).to_lowercase(),
                                t.reason.clone(),
                                labels::light(t.light, lang).to_owned(),
                            )
                        }),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let count = Signal::derive(move || lines.with(Vec::len));
    let body = move || {
        keyed_rows(lines, Clone::clone, move |p: ProjectLine| {
            // A line is drawn again when the language changes (its text changes with it).
            let lang = state.lang.get_untracked();
            let label = |m: Msg| m.text(lang);
            let [clearance, volume, disbursement] = p.bars.map(|b| b.map(f64::from_bits));
            let light = p
                .light
                .map(|(cls, reason, text)| view! { <span class=cls title=reason>{text}</span> });
            let why = p.why_behind.map(|w| {
                view! { <br/><span class="why-behind small" title=label(Msg::WhyBehind)>{w}</span> }
            });
            let archived = p
                .archived
                .then(|| view! { " " <span class="tag">{label(Msg::ArchivedTag)}</span> });
            view! {
                <tr>
                    <th scope="row"><a href=Route::Project(p.id).href()>{p.name}</a>{archived}</th>
                    <td data-label=label(Msg::Investor)>{p.investor}</td>
                    <td class="num" data-label=label(Msg::TotalInvestment)>{p.total}</td>
                    <td data-label=label(Msg::SiteClearance)>{bar_cell(label(Msg::SiteClearance), clearance, lang)}</td>
                    <td data-label=label(Msg::ConstructionVolume)>{bar_cell(label(Msg::ConstructionVolume), volume, lang)}</td>
                    <td data-label=label(Msg::Disbursement)>{bar_cell(label(Msg::Disbursement), disbursement, lang)}</td>
                    <td data-label=label(Msg::ScheduleStatus)><div>{p.shown}{why}<br/><span class="muted small">{p.computed_note}</span></div></td>
                    <td data-label=label(Msg::Light)>{light}</td>
                </tr>
            }
        })
    };
    let statuses = move || {
        let lang = state.lang.get();
        ScheduleStatus::ALL
            .iter()
            .map(|s| (code(s), labels::schedule_status(*s, lang).to_owned()))
            .collect()
    };
    let investors = move || {
        state.data.with(|d| {
            d.project_investors()
                .into_iter()
                .map(|(id, name)| (id.to_string(), name.to_owned()))
                .collect()
        })
    };
    let locations = move || {
        state.data.with(|d| {
            d.project_locations()
                .into_iter()
                .map(|l| (l.to_owned(), l.to_owned()))
                .collect()
        })
    };
    let sources = move || {
        let lang = state.lang.get();
        CapitalSource::ALL
            .iter()
            .map(|c| (code(c), labels::capital_source(*c, lang).to_owned()))
            .collect()
    };
    let groups = move || {
        let lang = state.lang.get();
        InvestmentGroup::ALL
            .iter()
            .map(|g| (code(g), labels::investment_group(*g, lang).to_owned()))
            .collect()
    };
    let sorts = move || {
        ProjectSort::ALL
            .into_iter()
            .enumerate()
            .map(|(i, s)| view! { <option value=i.to_string()>{state.t(sort_label(s))}</option> })
            .collect_view()
    };
    let set = move |f: fn(&mut ProjectQuery, String)| move |v: String| query.update(|q| f(q, v));
    view! {
        <ListPage title=Msg::NavProjects count=count columns=vec![Msg::Name, Msg::Investor, Msg::TotalInvestment, Msg::SiteClearance, Msg::ConstructionVolume, Msg::Disbursement, Msg::ScheduleStatus, Msg::Light] rows=body>
        <p class="summary">{move || state.data.with_lookups(|found| status_summary(state, found))}</p>
        <p class="actions">{export_buttons("register", Msg::TableRegister, String::new(), move || async move {
            let lang = state.lang.get_untracked();
            query.with_untracked(|q| state.data.with_untracked(|d| {
                let rows = d.query_projects(q, state.today, state.tolerance());
                register_table(&rows, &|s| labels::schedule_status(s, lang), state.today, doc_lang(lang))
            }))
        })}</p>
        <p><a class="button primary" href=Route::New(Form::Project).href()>{move || state.t(Msg::NewProject)}</a></p>
        <div class="filters">
            <div class="filter">
                <label for="pl-search">{move || state.t(Msg::Search)}</label>
                <input id="pl-search" type="search" prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |ev| query.update(|q| q.text = event_target_value(&ev))/>
            </div>
            {filter_select("pl-status", move || state.t(Msg::ScheduleStatus), statuses, set(|q, v| q.status = from_code(&v)))}
            <details class="more-filters">
                <summary>{move || state.t(Msg::MoreFilters)}</summary>
                <div class="filters">
                {filter_select("pl-investor", move || state.t(Msg::Investor), investors, set(|q, v| q.investor = Some(v).filter(|v| !v.is_empty()).map(Into::into)))}
                {filter_select("pl-location", move || state.t(Msg::Location), locations, set(|q, v| q.location = Some(v).filter(|v| !v.is_empty())))}
                {filter_select("pl-source", move || state.t(Msg::CapitalSource), sources, set(|q, v| q.capital_source = from_code(&v)))}
                {filter_select("pl-group", move || state.t(Msg::Group), groups, set(|q, v| q.group = from_code(&v)))}
                <div class="filter">
                    <label for="pl-sort">{move || state.t(Msg::SortBy)}</label>
                    <select id="pl-sort" on:change=move |ev| {
                        let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                        query.update(|q| q.sort = ProjectSort::ALL.get(i).copied().unwrap_or_default());
                    }>{sorts}</select>
                </div>
                <label class="check">
                    <input type="checkbox" prop:checked=move || query.with(|q| q.descending)
                        on:change=move |ev| query.update(|q| q.descending = event_target_checked(&ev))/>
                    {move || state.t(Msg::Descending)}
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=move || query.with(|q| q.include_archived)
                        on:change=move |ev| query.update(|q| q.include_archived = event_target_checked(&ev))/>
                    {move || state.t(Msg::ShowArchived)}
                </label>
                </div>
            </details>
        </div>
        </ListPage>
    }
}
