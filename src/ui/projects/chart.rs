//! A small inline SVG line chart of a percentage over time, with the planned straight-line
//! trajectory dashed behind it. No chart library: nothing is fetched at run time.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::i18n::{format_date, format_percent, Msg};
use crate::ui::state::use_state;

const W: f64 = 600.0;
const H: f64 = 170.0;
const LEFT: f64 = 66.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 34.0;

#[component]
pub fn LineChart(
    title: String,
    points: Vec<(NaiveDate, f64)>,
    plan: Option<(NaiveDate, NaiveDate)>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let dates = points
        .iter()
        .map(|p| p.0)
        .chain(plan.iter().flat_map(|(s, f)| [*s, *f]));
    let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
        return ().into_any();
    };
    let span = ((last - first).num_days().max(1)) as f64;
    let x = move |d: NaiveDate| LEFT + (d - first).num_days() as f64 / span * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (1.0 - v.clamp(0.0, 100.0) / 100.0) * (H - TOP - BOTTOM);
    let line: String = points
        .iter()
        .map(|(d, v)| format!("{:.1},{:.1}", x(*d), y(*v)))
        .collect::<Vec<_>>()
        .join(" ");
    let grid = [0.0, 50.0, 100.0]
        .into_iter()
        .map(|v| {
            view! {
                <line x1=LEFT x2=W - RIGHT y1=y(v) y2=y(v) class="grid"/>
                <text x=LEFT - 6.0 y=y(v) text-anchor="end" dominant-baseline="middle" class="axis">{format!("{v}%")}</text>
            }
        })
        .collect_view();
    let plan_line = plan.map(|(s, f)| {
        view! { <line x1=x(s) y1=y(0.0) x2=x(f) y2=y(100.0) class="plan"><title>{state.t(Msg::PlannedTrajectory)}</title></line> }
    });
    let dots = points
        .iter()
        .map(|(d, v)| {
            let label = format!("{}: {}", format_date(*d), format_percent(*v, lang));
            view! { <circle cx=x(*d) cy=y(*v) r="5" class="dot"><title>{label}</title></circle> }
        })
        .collect_view();
    let summary = points
        .last()
        .map(|(d, v)| {
            format!(
                "{title}: {} ({})",
                format_percent(*v, lang),
                format_date(*d)
            )
        })
        .unwrap_or_else(|| title.clone());
    view! {
        <figure class="chart">
            <figcaption>{title.clone()}</figcaption>
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=summary>
                {grid}
                {plan_line}
                <polyline points=line class="actual"/>
                {dots}
                <text x=LEFT y=H - 6.0 class="axis">{format_date(first)}</text>
                <text x=W - RIGHT y=H - 6.0 text-anchor="end" class="axis">{format_date(last)}</text>
            </svg>
        </figure>
    }
    .into_any()
}
