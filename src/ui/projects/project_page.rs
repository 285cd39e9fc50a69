//! One project's page: figures, charts, obstacles, meetings and directives.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::chart::LineChart;
use super::judgement_form::JudgementForm;
use super::obstacle_form::ObstacleForm;
use super::report_form::ReportForm;
use crate::domain::projects::Figure;
use crate::domain::{changes_since_previous, Dataset, LatestFigures, ObstacleId, ProjectId};
use crate::i18n::figures::{
    behind_reason_text, capital_text, construction_text, measure_change_text, site_clearance_text,
};
use crate::i18n::format::format_amount;
use crate::i18n::{format_date, labels, Msg};
use crate::route::{Form, Route};
use crate::ui::state::{use_state, AppState};
use crate::ui::widgets::{field, unit_link, unit_name, NotFound, StateBadge};

/// One project's page. The forms sit between data-driven parts so that saving, which
/// re-renders the figures, keeps each form (and its "saved" message) in place.
#[component]
pub fn ProjectPage(id: String) -> impl IntoView {
    let state = use_state();
    let id = ProjectId(id);
    let exists = {
        let id = id.clone();
        Memo::new(move |_| state.data.with(|d| d.projects.contains(&id)))
    };
    let editing = RwSignal::new(None::<ObstacleId>);
    let part = |part: Part| {
        let id = id.clone();
        move || project_part(state, &id, part, editing)
    };
    let forms = {
        let id = id.clone();
        move || view! { <JudgementForm project=id.clone()/> <ReportForm project=id.clone()/> }
    };
    let obstacle_form = {
        let id = id.clone();
        move || view! { <ObstacleForm project=id.clone() editing=editing/> }
    };
    view! {
        {part(Part::Top)}
        <Show when=move || exists.get()>{forms.clone()}</Show>
        {part(Part::Reports)}
        <Show when=move || exists.get()>{obstacle_form.clone()}</Show>
        {part(Part::Links)}
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    /// Fields, latest figures, changes, charts.
    Top,
    /// The reports table and the obstacles.
    Reports,
    /// Directives and meetings that name the project.
    Links,
}

/// Archives or brings back a project, asking first before archiving.
fn set_archived(state: AppState, id: &ProjectId, archived: bool) {
    if archived {
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(state.t(Msg::ConfirmArchive)).ok())
            .unwrap_or(false);
        if !confirmed {
            return;
        }
    }
    let now = crate::ui::browser::now();
    state.edit(|d| d.set_project_archived(id, archived, now));
}

/// Marks an obstacle resolved today, or open again.
fn set_resolved(state: AppState, id: &ObstacleId, resolved: bool) {
    let today = state.today;
    let now = crate::ui::browser::now();
    state.edit(|d| d.set_obstacle_resolved(id, resolved, today, now));
}

fn project_part(
    state: AppState,
    id: &ProjectId,
    part: Part,
    editing: RwSignal<Option<ObstacleId>>,
) -> AnyView {
    let lang = state.lang.get();
    state.data.with(|d| {
        let Some(p) = d.projects.get(id) else {
            return if part == Part::Top { NotFound().into_any() } else { ().into_any() };
        };
        match part {
            Part::Top => top_part(state, d, p).into_any(),
            Part::Reports => {
                let reports = d.reports_of(&p.id);
                let dropped = crate::domain::projects::reports_with_drops(&reports);
                let report_rows = reports
                    .iter()
                    .rev()
                    .map(|r| {
                        let drop = dropped.iter().find(|(x, _)| x.id == r.id).map(|(_, changes)| {
                            let text = changes
                                .iter()
                                .map(|c| format!("{}: {}", crate::i18n::figures::measure_label(c.measure, lang), crate::i18n::figures::measure_step(c, lang)))
                                .collect::<Vec<_>>()
                                .join("; ");
                            view! { <br/><span class="drop small">{state.t(Msg::FigureDropped)} " " {text}</span> }
                        });
                        view! {
                            <tr>
                                <th scope="row">{format_date(r.as_of)}{drop}</th>
                                <td data-label=state.t(Msg::SiteClearance)>{site_clearance_text(&r.site_clearance, lang)}</td>
                                <td data-label=state.t(Msg::ConstructionVolume)>{construction_text(&r.construction, lang)}</td>
                                <td data-label=state.t(Msg::Disbursement)>{capital_text(&r.capital, lang)}</td>
                                <td data-label=state.t(Msg::Narrative)>{r.narrative.clone()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let obstacles = d.obstacles_of(&p.id);
                let obstacle_rows = obstacles
                    .into_iter()
                    .map(|o| {
                        let resolved = o.resolved_on.is_some();
                        let (edit_id, toggle_id) = (o.id.clone(), o.id.clone());
                        let directive = o.directive.as_ref().and_then(|x| d.directives.get(x)).map(|x| {
                            let number = d.number_of(x).to_owned();
                            view! { " · " <a href=Route::Conclusion(x.conclusion.to_string()).href()>{number} " · " {crate::ui::widgets::cited(state, x)}</a> }
                        });
                        let status = match o.resolved_on {
                            Some(on) => format!("{} {}", state.t(Msg::ResolvedOn), format_date(on)),
                            None => state.t(Msg::Unresolved).to_owned(),
                        };
                        view! {
                            <li class:resolved=resolved>
                                <span class="tag">{labels::obstacle_category(o.category, lang)}</span> " "
                                {o.description.clone()}
                                <span class="muted">
                                    {o.responsible_unit.as_ref().map(|u| format!(" · {}", unit_name(d, Some(u))))}
                                    {o.since.map(|s| format!(" · {} {}", state.t(Msg::Since).to_lowercase(), format_date(s)))}
                                    " · " {status}
                                </span>
                                {directive}
                                <span class="actions">
                                    <button type="button" class="small" on:click=move |_| {
                                        editing.set(Some(edit_id.clone()));
                                        focus_obstacle_form();
                                    }>{state.t(Msg::Edit)}</button>
                                    <button type="button" class="small" on:click=move |_| set_resolved(state, &toggle_id, !resolved)>
                                        {state.t(if resolved { Msg::Reopen } else { Msg::MarkResolved })}
                                    </button>
                                </span>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h2>{state.t(Msg::ProgressReports)} " (" {reports.len()} ")"</h2>
                    <div class="table-wrap">
                        <table class="list stack">
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
                    <ul class="plain obstacles" data-empty=state.t(Msg::NoneYet)>{obstacle_rows}</ul>
                }
                .into_any()
            }
            Part::Links => {
                let directive_rows = d
                    .directives
                    .iter()
                    .filter(|x| x.projects.contains(&p.id))
                    .map(|x| {
                        let number = d.number_of(x).to_owned();
                        view! {
                            <li>
                                <StateBadge state=x.state(state.today, state.due_soon_days())/> " "
                                <a href=Route::Conclusion(x.conclusion.to_string()).href()>{number} " · " {crate::ui::widgets::cited(state, x)}</a> " "
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
                view! {
                    <h2>{state.t(Msg::Directives)}</h2>
                    <ul class="plain" data-empty=state.t(Msg::NoneYet)>{directive_rows}</ul>
                    <h2>{state.t(Msg::NavMeetings)}</h2>
                    <ul class="plain" data-empty=state.t(Msg::NoneYet)>{meetings}</ul>
                }
                .into_any()
            }
        }
    })
}

/// Brings the obstacle form into view with the keyboard focus on its first field.
fn focus_obstacle_form() {
    crate::ui::browser::focus_later("of-category");
}

fn top_part(state: AppState, d: &Dataset, p: &crate::domain::Project) -> impl IntoView {
    let lang = state.lang.get();
    let verdict = d.project_verdict(p, state.today, state.tolerance());
    let computed = match verdict.behind() {
        Some(why) => format!(
            "{} — {}",
            labels::schedule_status(verdict.status(), lang),
            behind_reason_text(&why, lang)
        ),
        None => labels::schedule_status(verdict.status(), lang).to_owned(),
    };
    let status = p.schedule_status.as_ref().map(|s| {
        format!(
            "{} ({} {}): {}",
            labels::schedule_status(s.status, lang),
            state.t(Msg::DecidedOn),
            format_date(s.on),
            s.reason
        )
    });
    let latest = latest_view(state, &d.latest_figures(p));
    let changes = changes_since_previous(d.reports_of(&p.id)).map(|c| {
        let heading = match c.previous {
            Some(prev) => format!(
                "{} ({} → {})",
                state.t(Msg::ChangesSince),
                format_date(prev),
                format_date(c.latest)
            ),
            None => format!(
                "{} ({})",
                state.t(Msg::ChangesSince),
                state.t(Msg::NoEarlierReport)
            ),
        };
        let items = c
            .changes
            .iter()
            .map(|m| view! { <li>{measure_change_text(m, lang)}</li> })
            .collect_view();
        view! {
            <h2>{heading}</h2>
            <ul class="plain changes" data-empty=state.t(Msg::NoneYet)>{items}</ul>
        }
    });
    let plan = p.planned_start.zip(p.planned_finish);
    let charts = [
        (Figure::SiteClearance, Msg::SiteClearance, None),
        (Figure::ConstructionVolume, Msg::ConstructionVolume, plan),
        (Figure::Disbursement, Msg::Disbursement, None),
    ]
    .into_iter()
    .filter_map(|(figure, msg, plan)| {
        let points = d.series(p, figure);
        (!points.is_empty())
            .then(|| view! { <LineChart title=state.t(msg).to_owned() points=points plan=plan/> })
    })
    .collect_view();
    let light = p.traffic_light.as_ref().map(|t| {
        format!(
            "{}: {} ({})",
            labels::light(t.light, lang),
            t.reason,
            format_date(t.on)
        )
    });
    let investor = unit_link(d, p.investor.as_ref());
    let archived = p.archived;
    let id = p.id.clone();
    let archive_note = archived
        .then(|| view! { <p class="banner info" role="status">{state.t(Msg::ArchivedNote)}</p> });
    view! {
        <p class="crumbs"><a href=Route::Projects.href()>{state.t(Msg::NavProjects)}</a></p>
        <h1>{p.name.clone()}</h1>
        {archive_note}
        <p class="actions">
            <a class="button" href=Route::Edit(Form::Project, p.id.to_string()).href()>{state.t(Msg::EditProject)}</a>
            <button type="button" on:click=move |_| set_archived(state, &id, !archived)>
                {state.t(if archived { Msg::Unarchive } else { Msg::Archive })}
            </button>
            " "
            <button type="button" on:click={let scope = crate::domain::sharing::Scope::Project(p.id.clone()); move |_| state.export(scope.clone())}>
                {state.t(Msg::ExportThis)}
            </button>
        </p>
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
            {field(state, Msg::ComputedStatus, computed)}
            {field(state, Msg::OfficerDecision, status.unwrap_or_default())}
            {field(state, Msg::TrafficLight, light.unwrap_or_default())}
        </dl>
        <h2>{state.t(Msg::LatestFigures)}</h2>
        {latest}
        {changes}
        <h2>{state.t(Msg::OverTime)}</h2>
        <div class="charts">{charts}</div>
    }
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
