//! The register of key projects and one project's page.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::chart::LineChart;
use super::judgement_form::JudgementForm;
use super::report_form::ReportForm;
use super::state::{use_state, AppState};
use super::widgets::{field, unit_link, unit_name, Bar, ListPage, NotFound, StateBadge};
use crate::domain::status::DEFAULT_TOLERANCE_POINTS;
use crate::domain::summary::Figure;
use crate::domain::text::{fold, matches_folded};
use crate::domain::{Dataset, LatestFigures, ProjectId, ScheduleStatus, DEFAULT_DUE_SOON_DAYS};
use crate::i18n::figures::{capital_text, construction_text, site_clearance_text};
use crate::i18n::format::format_amount;
use crate::i18n::{format_date, labels, Msg};
use crate::route::Route;

/// "2/15 completed · 4/15 on schedule · 9/15 behind", as officers quote it.
pub fn status_summary(state: AppState, data: &Dataset) -> String {
    let lang = state.lang.get();
    let counts = data.status_counts(state.today, DEFAULT_TOLERANCE_POINTS);
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

#[component]
pub fn ProjectList() -> impl IntoView {
    let state = use_state();
    let query = RwSignal::new(String::new());
    let status_filter = RwSignal::new(String::new());
    let count = Signal::derive(move || state.data.with(|d| d.active_projects().count()));
    let rows = move || {
        let filter = status_filter.get();
        let q = query.get();
        state.data.with(|d| {
            let lang = state.lang.get();
            let mut projects: Vec<_> = d
                .active_projects()
                .map(|p| (p, d.project_status(p, state.today, DEFAULT_TOLERANCE_POINTS)))
                .filter(|(_, (_, shown))| filter.is_empty() || format!("{shown:?}") == filter)
                .filter(|(p, _)| {
                    let haystack = format!("{} {} {} {}", p.name, p.short_name, p.location, unit_name(d, p.investor.as_ref()));
                    matches_folded(&fold(&haystack), &q)
                })
                .collect();
            projects.sort_by(|a, b| a.0.display_name().cmp(b.0.display_name()));
            projects
                .into_iter()
                .map(|(p, (computed, shown))| {
                    let latest = d.latest_figures(p);
                    let light = p.traffic_light.as_ref().map(|t| {
                        let cls = format!("light {:?}", t.light).to_lowercase();
                        view! { <span class=cls title=t.reason.clone()>{labels::light(t.light, lang)}</span> }
                    });
                    let computed_note = (computed != shown).then(|| {
                        format!("{}: {}", state.t(Msg::Computed), labels::schedule_status(computed, lang))
                    });
                    view! {
                        <tr>
                            <th scope="row"><a href=Route::Project(p.id.to_string()).href()>{p.display_name().to_owned()}</a></th>
                            <td>{unit_name(d, p.investor.as_ref())}</td>
                            <td class="num">{p.total_investment.as_ref().map(|a| format_amount(a, lang))}</td>
                            <td><Bar label=state.t(Msg::SiteClearance).to_owned() value=latest.site_clearance_percent()/></td>
                            <td><Bar label=state.t(Msg::ConstructionVolume).to_owned() value=latest.volume_percent()/></td>
                            <td><Bar label=state.t(Msg::Disbursement).to_owned() value=latest.disbursement_percent()/></td>
                            <td>{labels::schedule_status(shown, lang)}<br/><span class="muted small">{computed_note}</span></td>
                            <td>{light}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let options = move || {
        let lang = state.lang.get();
        ScheduleStatus::ALL
            .into_iter()
            .map(|s| view! { <option value=format!("{s:?}")>{labels::schedule_status(s, lang)}</option> })
            .collect_view()
    };
    view! {
        <ListPage title=Msg::NavProjects count=count columns=vec![Msg::Name, Msg::Investor, Msg::TotalInvestment, Msg::SiteClearance, Msg::ConstructionVolume, Msg::Disbursement, Msg::ScheduleStatus, Msg::Light] rows=rows>
        <p class="summary">{move || state.data.with(|d| status_summary(state, d))}</p>
        <div class="filters">
            <label>
                {move || state.t(Msg::Search)}
                <input type="search" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
            </label>
            <label>
                {move || state.t(Msg::ScheduleStatus)}
                <select on:change=move |ev| status_filter.set(event_target_value(&ev))>
                    <option value="">{move || state.t(Msg::All)}</option>
                    {options}
                </select>
            </label>
        </div>
        </ListPage>
    }
}

/// One project's page. The report form sits between two data-driven halves so that saving a
/// report, which re-renders the figures, keeps the form (and its "saved" message) in place.
#[component]
pub fn ProjectPage(id: String) -> impl IntoView {
    let state = use_state();
    let id = ProjectId(id);
    let exists = {
        let id = id.clone();
        Memo::new(move |_| state.data.with(|d| d.projects.contains(&id)))
    };
    let top = {
        let id = id.clone();
        move || project_part(state, &id, Part::Top)
    };
    let bottom = {
        let id = id.clone();
        move || project_part(state, &id, Part::Bottom)
    };
    let form =
        move || view! { <JudgementForm project=id.clone()/> <ReportForm project=id.clone()/> };
    view! {
        {top}
        <Show when=move || exists.get()>{form.clone()}</Show>
        {bottom}
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Top,
    Bottom,
}

fn project_part(state: AppState, id: &ProjectId, part: Part) -> AnyView {
    let lang = state.lang.get();
    state.data.with(|d| {
            let Some(p) = d.projects.get(id) else {
                return if part == Part::Top { NotFound().into_any() } else { ().into_any() };
            };
            let reports = d.reports_of(&p.id);
            let report_rows = reports
                .iter()
                .rev()
                .map(|r| {
                    view! {
                        <tr>
                            <th scope="row">{format_date(r.as_of)}</th>
                            <td>{site_clearance_text(&r.site_clearance, lang)}</td>
                            <td>{construction_text(&r.construction, lang)}</td>
                            <td>{capital_text(&r.capital, lang)}</td>
                            <td>{r.narrative.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            let mut obstacles: Vec<_> = d.obstacles.iter().filter(|o| o.project == p.id).collect();
            obstacles.sort_by_key(|o| (o.resolved_on.is_some(), o.since));
            let obstacle_rows = obstacles
                .into_iter()
                .map(|o| view! {
                    <li>
                        <span class="tag">{labels::obstacle_category(o.category, lang)}</span> " "
                        {o.description.clone()}
                        <span class="muted">
                            " · " {unit_name(d, o.responsible_unit.as_ref())}
                            {o.since.map(|s| format!(" · {} {}", state.t(Msg::Since).to_lowercase(), format_date(s)))}
                            " · " {if o.resolved_on.is_some() { state.t(Msg::Resolved) } else { state.t(Msg::Unresolved) }}
                        </span>
                    </li>
                })
                .collect_view();
            let directive_rows = d
                .directives
                .iter()
                .filter(|x| x.projects.contains(&p.id))
                .map(|x| {
                    let number = d.conclusions.get(&x.conclusion).map(|c| c.number_symbol.clone()).unwrap_or_default();
                    view! {
                        <li>
                            <StateBadge state=x.state(state.today, DEFAULT_DUE_SOON_DAYS)/> " "
                            <a href=Route::Conclusion(x.conclusion.to_string()).href()>{number} " · " {x.path.to_string()}</a> " "
                            {x.text.clone()}
                        </li>
                    }
                })
                .collect_view();
            let meetings = d
                .meetings
                .iter()
                .filter(|m| m.projects.contains(&p.id))
                .map(|m| view! {
                    <li><a href=Route::Meeting(m.id.to_string()).href()>{format_date(m.date)} " · " {labels::meeting_kind(m.kind, lang)}</a> " " {m.place.clone()}</li>
                })
                .collect_view();
            let (computed, _) = d.project_status(p, state.today, DEFAULT_TOLERANCE_POINTS);
            let status = p.schedule_status.as_ref().map(|s| {
                format!("{} ({} {}): {}", labels::schedule_status(s.status, lang), state.t(Msg::DecidedOn), format_date(s.on), s.reason)
            });
            let latest = latest_view(state, &d.latest_figures(p));
            let plan = p.planned_start.zip(p.planned_finish);
            let charts = [
                (Figure::SiteClearance, Msg::SiteClearance, None),
                (Figure::ConstructionVolume, Msg::ConstructionVolume, plan),
                (Figure::Disbursement, Msg::Disbursement, None),
            ]
            .into_iter()
            .filter_map(|(figure, msg, plan)| {
                let points = d.series(p, figure);
                (!points.is_empty()).then(|| view! { <LineChart title=state.t(msg).to_owned() points=points plan=plan/> })
            })
            .collect_view();
            let light = p.traffic_light.as_ref().map(|t| format!("{}: {} ({})", labels::light(t.light, lang), t.reason, format_date(t.on)));
            let investor = unit_link(d, p.investor.as_ref());
            let top = view! {
                <p class="crumbs"><a href=Route::Projects.href()>{state.t(Msg::NavProjects)}</a></p>
                <h1>{p.name.clone()}</h1>
                <dl class="fields">
                    {field(state, Msg::ShortName, p.short_name.clone())}
                    <dt>{state.t(Msg::Investor)}</dt><dd>{investor}</dd>
                    {field(state, Msg::Location, p.location.clone())}
                    {field(state, Msg::Group, p.group.map(|g| labels::investment_group(g, lang).to_owned()).unwrap_or_default())}
                    {field(state, Msg::CapitalSource, p.capital_source.map(|c| labels::capital_source(c, lang).to_owned()).unwrap_or_default())}
                    {field(state, Msg::TotalInvestment, p.total_investment.as_ref().map(|a| format_amount(a, lang)).unwrap_or_default())}
                    {field(state, Msg::Phase, p.phase.clone())}
                    {field(state, Msg::PlannedStart, p.planned_start.map(format_date).unwrap_or_default())}
                    {field(state, Msg::PlannedFinish, p.planned_finish.map(format_date).unwrap_or_default())}
                    {field(state, Msg::LeaderInCharge, p.leader_in_charge.clone())}
                    {field(state, Msg::ComputedStatus, labels::schedule_status(computed, lang).to_owned())}
                    {field(state, Msg::OfficerDecision, status.unwrap_or_default())}
                    {field(state, Msg::TrafficLight, light.unwrap_or_default())}
                </dl>
                <h2>{state.t(Msg::LatestFigures)}</h2>
                {latest}
                <h2>{state.t(Msg::OverTime)}</h2>
                <div class="charts">{charts}</div>
                <h2>{state.t(Msg::ProgressReports)} " (" {reports.len()} ")"</h2>
            };
            let bottom = view! {
                <div class="table-wrap">
                    <table class="list">
                        <thead><tr>
                            <th scope="col">{state.t(Msg::AsOf)}</th>
                            <th scope="col">{state.t(Msg::SiteClearance)}</th>
                            <th scope="col">{state.t(Msg::ConstructionVolume)}</th>
                            <th scope="col">{state.t(Msg::Disbursement)}</th>
                            <th scope="col">{state.t(Msg::Narrative)}</th>
                        </tr></thead>
                        <tbody>{report_rows}</tbody>
                    </table>
                </div>
                <h2>{state.t(Msg::Obstacles)}</h2>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{obstacle_rows}</ul>
                <h2>{state.t(Msg::Directives)}</h2>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{directive_rows}</ul>
                <h2>{state.t(Msg::NavMeetings)}</h2>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{meetings}</ul>
            };
            match part {
                Part::Top => top.into_any(),
                Part::Bottom => bottom.into_any(),
            }
        })
}

/// The latest known value of each figure, carried forward, with the date it was reported.
fn latest_view(state: AppState, latest: &LatestFigures) -> impl IntoView {
    let lang = state.lang.get();
    let with_date = |text: String, d: NaiveDate| {
        format!(
            "{text} · {} {}",
            state.t(Msg::AsOf).to_lowercase(),
            format_date(d)
        )
    };
    let clearance = latest
        .site_clearance
        .map(|x| with_date(site_clearance_text(&x.value, lang), x.as_of));
    let construction = latest
        .construction
        .map(|x| with_date(construction_text(&x.value, lang), x.as_of));
    let capital = latest
        .capital
        .map(|x| with_date(capital_text(&x.value, lang), x.as_of));
    view! {
        <dl class="fields">
            {field(state, Msg::SiteClearance, clearance.unwrap_or_default())}
            {field(state, Msg::ConstructionVolume, construction.unwrap_or_default())}
            {field(state, Msg::Disbursement, capital.unwrap_or_default())}
        </dl>
    }
}
