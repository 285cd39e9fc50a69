//! The first screen: a welcome with the sample one click away when empty; otherwise the
//! figures a committee head reads before a meeting.

use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::documents::head_brief;
use crate::ui::documents::{brief_view, doc_lang_of, lang_of, print, translation_box};

use crate::domain::paging::folded_rows;
use crate::domain::projects::{RECENT_CHANGE_DAYS, STALE_REPORT_DAYS};
use crate::domain::sample::sample_dataset;
use crate::domain::FollowUpState;
use crate::domain::Measure;
use crate::i18n::figures::{behind_reason_text, measure_step};
use crate::i18n::format::format_points;
use crate::i18n::{format_date, format_money_billions, format_percent, labels, Msg};
use crate::route::Route;
use crate::ui::browser::{self, CryptoIds};
use crate::ui::state::{use_state, AppState};
use crate::ui::widgets::{inherited_mark, unit_name, StateBadge};

/// Loads the sample: into an empty store directly; the caller asks first otherwise.
pub fn load_sample() {
    let state = use_state();
    let sample = sample_dataset(state.today, browser::now(), &mut CryptoIds);
    state.edit(|data| data.add_missing(sample));
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let state = use_state();
    let empty = Memo::new(move |_| state.data.with(|d| d.is_empty()));
    let province = Memo::new(move |_| state.province_figures());
    move || {
        if empty.get() {
            Welcome().into_any()
        } else if !province.get() {
            UnitHolding().into_any()
        } else {
            Overview().into_any()
        }
    }
}

/// The dashboard of a browser holding only a unit's package: what it holds, never the
/// province's figures (they would count a part as the whole).
#[component]
fn UnitHolding() -> impl IntoView {
    use crate::i18n::units_side as words;
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let unit = state.reporting_unit()?;
        let (name, held) = state.data.with(|d| {
            (
                d.unit_name(&unit),
                d.unit_holding(&unit, state.today, state.due_soon_days()),
            )
        });
        let state_line = |s: FollowUpState, n: usize| {
            view! { <li>{labels::follow_up_state(s, lang)} " " <strong>{n}</strong></li> }
        };
        Some(view! {
            <section class="card" id="unit-holding" aria-labelledby="unit-holding-title">
                <h1 id="unit-holding-title">{words::holding_title(held.directives, held.conclusions, lang)}</h1>
                <p>{words::holding_body(&name, lang)}</p>
                <ul class="states">
                    {state_line(FollowUpState::Overdue, held.led.overdue)}
                    {state_line(FollowUpState::DueSoon, held.led.due_soon)}
                    <li>{state.t(Msg::DoneShare)} " " <strong>{labels::done_share(&held.led, lang)}</strong></li>
                </ul>
                <p><a class="button primary" href=Route::Unit(unit.to_string()).href()>{words::open_list(lang)}</a></p>
            </section>
        })
    }
}

#[component]
fn Welcome() -> impl IntoView {
    let state = use_state();
    view! {
        <section class="welcome">
            <h1>{move || state.t(Msg::WelcomeTitle)}</h1>
            <p>{move || state.t(Msg::WelcomeBody)}</p>
            <button type="button" class="primary big" on:click=move |_| load_sample()>
                {move || state.t(Msg::WelcomeSample)}
            </button>
            <p><a href=Route::Data.href()>{move || state.t(Msg::WelcomeImport)}</a></p>
        </section>
    }
}

/// "… 42 more projects: see the projects list." under a list folded to a screenful
/// ([`folded_rows`]): a head reads the first ones, the full lists are a click away (and a
/// province's hundreds of rows would slow the first screen).
fn more_link(state: AppState, total: usize, to: Route, what: Msg) -> Option<impl IntoView> {
    let more = total - folded_rows(total);
    (more > 0).then(|| view! { <li class="muted">{more_text(state, more, to, what)}</li> })
}

fn more_text(state: AppState, more: usize, to: Route, what: Msg) -> impl IntoView {
    view! { <a href=to.href()>{format!("… {more} ")} {what.counted(more, state.lang.get())}</a> }
}

#[component]
fn Overview() -> impl IntoView {
    let state = use_state();
    let today = state.today;
    let lang = move || state.lang.get();

    let projects = move || {
        state.data.with_lookups(|found| {
            let d = found.data;
            let active = d.active_projects().count();
            let open_obstacles = d.obstacles.iter().filter(|o| o.resolved_on.is_none()).count();
            let behind = d.behind_with_obstacles_with(found.project_figures(), today, state.tolerance());
            let behind_more = more_link(state, behind.len(), Route::Projects, Msg::DashMoreProjects);
            let shown = folded_rows(behind.len());
            let behind = behind
                .into_iter()
                .take(shown)
                .map(|b| {
                    let p = b.project;
                    let why = b
                        .reason
                        .map(|r| behind_reason_text(&r, lang()))
                        .or_else(|| p.schedule_status.as_ref().map(|s| format!("{}: {}", state.t(Msg::OfficerDecision), s.reason)));
                    view! {
                        <li>
                            <a href=Route::Project(p.id.to_string()).href()>{p.display_name().to_owned()}</a>
                            {why.map(|w| view! { <span class="why-behind">" — " {w}</span> })}
                            {b.obstacle.map(|o| view! { <span class="muted">" · " {o.description.clone()}</span> })}
                        </li>
                    }
                })
                .collect_view();
            let stale = d.projects_without_recent_report(found.project_figures(), today, STALE_REPORT_DAYS);
            let stale_more = more_link(state, stale.len(), Route::Projects, Msg::DashMoreProjects);
            let stale_list = stale
                .iter()
                .take(folded_rows(stale.len()))
                .map(|p| view! { <li><a href=Route::Project(p.id.to_string()).href()>{p.display_name().to_owned()}</a></li> })
                .collect_view();
            view! {
                <p class="big-number">{active}</p>
                <p>{super::project_list::status_summary(state, found)}</p>
                <p>{move || state.t(Msg::Obstacles)} ": " {open_obstacles} " " {move || state.t(Msg::Unresolved).to_lowercase()}</p>
                <h3>{move || state.t(Msg::BehindWithObstacle)}</h3>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{behind}{behind_more}</ul>
                <h3>{move || crate::i18n::windows::no_recent_report(state.lang.get())} " (" {stale.len()} ")"</h3>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{stale_list}{stale_more}</ul>
            }
        })
    };

    let capital = move || {
        state.data.with(|d| {
            let totals = d.portfolio_capital(today.year());
            let l = lang();
            let pct = |p: Option<f64>| p.map(|v| format!(" ({})", format_percent(v, l))).unwrap_or_default();
            let province = d.latest_public_investment().map(|dc| {
                let c = dc.capital;
                view! {
                    <h3>{state.t(Msg::DashCapital)} " " {c.year.map(|y| y.to_string())} " · " {state.t(Msg::AsOf).to_lowercase()} " " {format_date(dc.as_of)}</h3>
                    <dl class="figures">
                        <dt>{state.t(Msg::CapitalPlan)}</dt><dd>{c.plan.map(|v| format_money_billions(v, l))}</dd>
                        <dt>{state.t(Msg::Allocated)}</dt><dd>{c.allocated.map(|v| format_money_billions(v, l))}{pct(c.allocation_percent())}</dd>
                        <dt>{state.t(Msg::Disbursed)}</dt><dd>{c.disbursed.map(|v| format_money_billions(v, l))}{pct(c.disbursement_percent())}</dd>
                        <dt>{state.t(Msg::SamePeriodLastYear)}</dt><dd>{c.same_period_last_year_percent.map(|v| format_percent(v, l))}</dd>
                    </dl>
                }
            });
            // The same period of last year, from the reports entered for it.
            let last_year = d.same_period_last_year(today).map(|ly| {
                let change = totals
                    .disbursed_percent()
                    .zip(ly.disbursed_percent())
                    .map(|(now, then)| format!(" · {}", format_points(now - then, l)));
                view! {
                    <dt>{state.t(Msg::SamePeriodLastYear)} " (" {ly.projects} " " {Msg::ProjectsWord.counted(ly.projects, l)} ")"</dt>
                    <dd>{format_money_billions(ly.disbursed, l)}{pct(ly.disbursed_percent())}{change}</dd>
                }
            });
            view! {
                <h3>{state.t(Msg::DashCapitalProjects)} " " {today.year()} " (" {totals.projects} " " {Msg::ProjectsWord.counted(totals.projects, l)} ")"</h3>
                <dl class="figures">
                    <dt>{state.t(Msg::CapitalPlan)}</dt><dd>{format_money_billions(totals.plan, l)}</dd>
                    <dt>{state.t(Msg::Allocated)}</dt><dd>{format_money_billions(totals.allocated, l)}{pct(totals.allocated_percent())}</dd>
                    <dt>{state.t(Msg::Disbursed)}</dt><dd>{format_money_billions(totals.disbursed, l)}{pct(totals.disbursed_percent())}</dd>
                    {last_year}
                </dl>
                {province}
            }
        })
    };

    let directives = move || {
        state.data.with(|d| {
            let counts = d.directive_state_counts(today, state.due_soon_days());
            let rows = FollowUpState::ALL
                .into_iter()
                .filter_map(|s| counts.get(&s).map(|n| (s, *n)))
                .map(|(s, n)| view! { <li><StateBadge state=s/> " " <strong>{n}</strong></li> })
                .collect_view();
            let overdue = d.directives_in_state(FollowUpState::Overdue, today, state.due_soon_days());
            let overdue_more = more_link(state, overdue.len(), Route::FollowUp, Msg::DashMoreDirectives);
            let shown = folded_rows(overdue.len());
            let overdue = overdue
                .into_iter()
                .take(shown)
                .map(|item| {
                    let facts = item.facts(today, state.due_soon_days());
                    let conclusion = d.conclusions.get(&item.conclusion);
                    let href = Route::Conclusion(item.conclusion.to_string()).href();
                    let number = conclusion.map(|c| c.number_symbol.clone()).unwrap_or_default();
                    view! {
                        <li>
                            <a href=href>{number} " · " {crate::ui::widgets::cited(state, item)}</a> " "
                            {crate::domain::text::clip(&item.text, crate::domain::text::LIST_TEXT_CHARS).into_owned()}
                            <span class="muted">" · " {unit_name(d, facts.lead)} " · " {facts.due.map(format_date)}</span>
                            {inherited_mark(state, d, item, today)}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul class="states">{rows}</ul>
                <h3>{move || state.t(Msg::OverdueList)}</h3>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{overdue}{overdue_more}</ul>
            }
        })
    };

    let meeting = move || {
        state.data.with(|d| match d.next_meeting_date(today) {
            Some(date) => view! { <p class="big-number">{format_date(date)}</p> }.into_any(),
            None => view! { <p class="muted">{move || state.t(Msg::NoneYet)}</p> }.into_any(),
        })
    };

    // What the reports of the last 30 days changed, in the three figures officers quote.
    let recent = move || {
        let l = lang();
        state.data.with(|d| {
            let recent = d.recent_changes(today, RECENT_CHANGE_DAYS);
            let shown = folded_rows(recent.len());
            let more = recent.len() - shown;
            let more = (more > 0).then(|| view! {
                <tr><td colspan="5">{more_text(state, more, Route::Projects, Msg::DashMoreProjects)}</td></tr>
            });
            let rows = recent
                .into_iter()
                .take(shown)
                .map(|(p, c)| {
                    let step = |m: Measure| {
                        c.changes.iter().find(|x| x.measure == m).map(|x| measure_step(x, l))
                    };
                    view! {
                        <tr>
                            <th scope="row"><a href=Route::Project(p.id.to_string()).href()>{p.display_name().to_owned()}</a></th>
                            <td data-label=state.t(Msg::LatestReportDate)>{format_date(c.latest)}</td>
                            <td class="num" data-label=state.t(Msg::SiteClearance)>{step(Measure::SiteClearancePercent)}</td>
                            <td class="num" data-label=state.t(Msg::ConstructionVolume)>{step(Measure::VolumePercent)}</td>
                            <td class="num" data-label=state.t(Msg::Disbursement)>{step(Measure::DisbursementPercent)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! { {rows} {more} }
        })
    };

    // The head's brief is made when asked for (it reads the whole dataset once more) and
    // stays laid out for printing until the print dialogue closes.
    let brief = RwSignal::new(false);
    let english = RwSignal::new(false);
    let print_brief = move |_| {
        brief.set(true);
        gloo_timers::callback::Timeout::new(0, print).forget();
    };
    let after = window_event_listener(leptos::ev::afterprint, move |_| brief.set(false));
    on_cleanup(move || after.remove());
    let brief_doc = move || {
        brief.get().then(|| {
            let lang = doc_lang_of(english.get());
            let words = lang_of(lang);
            let b = state.data.with(|d| {
                head_brief(
                    d,
                    state.today,
                    state.tolerance(),
                    state.due_soon_days(),
                    &|s| labels::follow_up_state(s, words),
                    lang,
                )
            });
            view! { <div class="doc-wrap">{brief_view(b, lang)}</div> }
        })
    };

    view! {
        <h1>{move || state.t(Msg::NavDashboard)}</h1>
        <p class="actions">
            <button type="button" id="print-brief" aria-describedby="brief-hint" on:click=print_brief>
                {move || state.t(Msg::PrintBrief)}
            </button>
            " "
            {translation_box("brief-english".into(), english)}
            " "
            <span class="small muted" id="brief-hint">{move || state.t(Msg::BriefHint)}</span>
        </p>
        {brief_doc}
        <div class="cards">
            <section class="card" aria-labelledby="dash-projects">
                <h2 id="dash-projects"><a href=Route::Projects.href()>{move || state.t(Msg::DashProjects)}</a></h2>
                {projects}
            </section>
            <section class="card" aria-labelledby="dash-capital">
                <h2 id="dash-capital">{move || state.t(Msg::Disbursement)}</h2>
                {capital}
            </section>
            <section class="card" aria-labelledby="dash-meeting">
                <h2 id="dash-meeting"><a href=Route::Meetings.href()>{move || state.t(Msg::UpcomingMeeting)}</a></h2>
                {meeting}
            </section>
            <section class="card wide phone-first" aria-labelledby="dash-directives">
                <h2 id="dash-directives"><a href=Route::Conclusions.href()>{move || state.t(Msg::DashDirectives)}</a></h2>
                {directives}
            </section>
            <section class="card wide" aria-labelledby="dash-recent">
                <h2 id="dash-recent">{move || crate::i18n::windows::recent_changes(state.lang.get())}</h2>
                <div class="table-wrap">
                    <table class="list">
                        <thead><tr>
                            <th scope="col">{move || state.t(Msg::Name)}</th>
                            <th scope="col">{move || state.t(Msg::LatestReportDate)}</th>
                            <th scope="col">{move || state.t(Msg::SiteClearance)}</th>
                            <th scope="col">{move || state.t(Msg::ConstructionVolume)}</th>
                            <th scope="col">{move || state.t(Msg::Disbursement)}</th>
                        </tr></thead>
                        <tbody>{recent}</tbody>
                    </table>
                </div>
                <p class="small muted">{move || state.t(Msg::RecentChangesHint)}</p>
            </section>
        </div>
        <p class="muted small">{move || format!("{} {}", state.t(Msg::Today), format_date(today))}</p>
    }
}
