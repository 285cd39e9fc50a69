//! The follow-up overview: counts by computed state, per unit and per conclusion; what is
//! overdue; what falls due in 7 and 30 days; the coming meeting and what is still open from
//! earlier conclusions; and a search across meetings, conclusions and directives. All of it
//! as of a reference date the officer can change, for reports "as of" a date.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::date_box::day_box;
use crate::ui::documents::{all_directives, export_buttons};

use super::requests::WaitingRequests;
use super::update_form::{directive_item, RowForms};
use crate::domain::followup::KeptOverview;
use crate::domain::followup::{Found, DUE_WITHIN_MONTH_DAYS};
use crate::domain::{
    ConclusionId, Directive, DirectiveId, DirectiveUpdateId, FollowUpState, Tally,
};
use crate::i18n::{format_date, format_percent, labels, Msg};
use crate::route::Route;
use crate::ui::state::use_state;
use crate::ui::widgets::{keyed_rows, StateBadge};

/// Directives listed one by one in a list of the overview (a screenful); more are counted.
const LIST_CAP: usize = 30;
/// Conclusions in the table by conclusion, the latest first; the older ones are on the
/// Conclusions page (a province's 600 rows took half a second to draw).
const CONCLUSIONS_SHOWN: usize = 60;
/// Search results shown: a screenful; more words narrow them.
const SEARCH_SHOWN: usize = 30;

/// The first [`LIST_CAP`] of a list, and how many more it holds.
fn capped<T: Clone>(items: &[T]) -> (Vec<T>, usize) {
    let more = items.len().saturating_sub(LIST_CAP);
    (items.iter().take(LIST_CAP).cloned().collect(), more)
}

/// A list of the overview as found: the ids of the directives shown, and how many more.
type Listed = (Vec<DirectiveId>, usize);

/// The directives of a list found earlier, looked up in the data.
fn looked_up<'a>(
    d: &'a crate::domain::Dataset,
    (ids, more): &Listed,
) -> (Vec<&'a Directive>, usize) {
    (
        ids.iter().filter_map(|id| d.directives.get(id)).collect(),
        *more,
    )
}

/// What the overview shows, from the overview the session keeps (per version of the data
/// and reference date): the lists by id, the tables' rows as drawn.
#[derive(Clone, PartialEq)]
struct Shown {
    counts: Vec<(FollowUpState, usize)>,
    overdue: Listed,
    week: Listed,
    /// The coming meeting's date and place, and what is open from before it.
    coming: Option<(NaiveDate, Option<String>, Listed)>,
    units: Vec<UnitLine>,
    /// The latest [`CONCLUSIONS_SHOWN`] conclusions: id, number and symbol, tally.
    conclusions: Vec<(ConclusionId, String, Tally)>,
    older: usize,
}

fn shown_as_of(d: &crate::domain::Dataset, o: &KeptOverview) -> Shown {
    Shown {
        counts: FollowUpState::ALL
            .into_iter()
            .filter_map(|s| o.counts.get(&s).map(|n| (s, *n)))
            .collect(),
        overdue: capped(&o.overdue),
        week: capped(&o.week),
        coming: o.coming.as_ref().map(|(date, meeting, open)| {
            let place = meeting
                .as_ref()
                .and_then(|m| d.meetings.get(m))
                .map(|m| m.place.clone());
            (*date, place, capped(open))
        }),
        units: o
            .by_unit
            .iter()
            .filter_map(|(id, tally)| {
                let name = d.units.get(id)?.display_name().to_owned();
                Some(UnitLine {
                    id: id.to_string(),
                    name,
                    tally: *tally,
                })
            })
            .collect(),
        older: o.by_conclusion.len().saturating_sub(CONCLUSIONS_SHOWN),
        conclusions: o
            .by_conclusion
            .iter()
            .take(CONCLUSIONS_SHOWN)
            .filter_map(|(id, t)| {
                Some((id.clone(), d.conclusions.get(id)?.number_symbol.clone(), *t))
            })
            .collect(),
    }
}

/// The latest update of each directive listed that has one.
type Latest = rustc_hash::FxHashMap<DirectiveId, DirectiveUpdateId>;

/// The latest updates of `ids`: one pass over the log.
fn latest_of<'a>(d: &crate::domain::Dataset, ids: impl Iterator<Item = &'a DirectiveId>) -> Latest {
    d.last_updates_among(&ids.collect())
        .into_iter()
        .map(|(directive, update)| (directive.clone(), update.id.clone()))
        .collect()
}

/// A list of the overview: the directives shown, each with its latest update, and a line
/// counting the rest.
fn directive_list<'a>(
    state: crate::ui::state::AppState,
    d: &'a crate::domain::Dataset,
    (items, more): (Vec<&'a Directive>, usize),
    latest: &Latest,
    on: NaiveDate,
    selected: RowForms,
) -> impl IntoView {
    let shown = items
        .into_iter()
        .map(|x| {
            let last = latest.get(&x.id).and_then(|u| d.directive_updates.get(u));
            directive_item(state, d, x, last, on, selected)
        })
        .collect_view();
    view! {
        {shown}
        {(more > 0).then(|| view! { <li class="muted">{format!("… {more} ")} {Msg::MoreDirectives.counted(more, state.lang.get())}</li> })}
    }
}

/// The count of directives in each follow-up state, as badges.
fn state_badges(counts: &[(FollowUpState, usize)]) -> impl IntoView {
    counts
        .iter()
        .map(|&(s, n)| view! { <li><StateBadge state=s/> " " <strong>{n}</strong></li> })
        .collect_view()
}

/// A row of the table by unit as drawn (its whole content is its key).
#[derive(Clone, PartialEq, Eq, Hash)]
struct UnitLine {
    id: String,
    name: String,
    tally: Tally,
}

#[component]
pub fn FollowUpPage() -> impl IntoView {
    let state = use_state();
    let reference = RwSignal::new(state.today);
    let query = RwSignal::new(String::new());
    let selected = RowForms::new();

    // Rebuilt only when the data changes (and the page reads it): a keystroke compares strings.
    // Its directives in order of urgency as of the reference date: rebuilt when that changes.
    let index = Memo::new(move |_| {
        let on = reference.get();
        state
            .data
            .with(|d| d.search_index(on, state.due_soon_days()))
    });
    let results = move || {
        let q = query.get();
        let lang = state.lang.get();
        let on = reference.get();
        state.data.with(|d| {
            if q.trim().is_empty() {
                return None;
            }
            let found = index.with(|i| i.find(d, &q, SEARCH_SHOWN));
            let more = found.more;
            // The latest update of the directives shown only: one pass over the log.
            let ids = found.shown.iter().filter_map(|f| match f {
                Found::Directive(x) => Some(&x.id),
                _ => None,
            });
            let lasts = d.last_updates_among(&ids.collect());
            let last = |x: &crate::domain::Directive| lasts.get(&x.id).copied();
            let empty = found.shown.is_empty();
            let count = format!("({}{})", found.shown.len(), if more { "+" } else { "" });
            let items = found
                .shown
                .into_iter()
                .map(|f| match f {
                    Found::Conclusion(c) => view! {
                        <li><span class="tag">{state.t(Msg::Conclusion)}</span> " "
                            <a href=Route::Conclusion(c.id.to_string()).href()>{c.number_symbol.clone()}</a> " " {c.title.clone()}</li>
                    }
                    .into_any(),
                    Found::Meeting(m) => view! {
                        <li><span class="tag">{labels::meeting_kind(m.kind, lang)}</span> " "
                            <a href=Route::Meeting(m.id.to_string()).href()>{format_date(m.date)}</a> " " {m.place.clone()}</li>
                    }
                    .into_any(),
                    Found::Directive(x) => directive_item(state, d, x, last(x), on, selected).into_any(),
                })
                .collect_view();
            Some(view! {
                <section class="card" aria-labelledby="fu-results">
                    <h2 id="fu-results">{state.t(Msg::SearchResults)} " " <span class="count">{count}</span></h2>
                    <ul class="plain">{items}</ul>
                    {empty.then(|| view! { <p class="muted">{state.t(Msg::NothingFound)}</p> })}
                    {more.then(|| view! { <p class="muted">{state.t(Msg::SearchMore)}</p> })}
                </section>
            })
        })
    };

    // What the overview shows: found once per change of the data or the reference date.
    let shown = Memo::new(move |_| {
        let on = reference.get();
        let soon = state.due_soon_days();
        state
            .data
            .with_lookups(|found| shown_as_of(found.data, &found.follow_up(on, soon)))
    });
    // The table by unit: its own rows, keyed, a page at a time (a province has hundreds).
    let unit_lines = Memo::new(move |_| shown.with(|s| s.units.clone()));
    let unit_rows = move || {
        keyed_rows(unit_lines, Clone::clone, move |u: UnitLine| {
            let label = |s: FollowUpState| labels::follow_up_state(s, state.lang.get_untracked());
            let t = u.tally;
            view! {
                <tr>
                    <th scope="row"><a href=Route::Unit(u.id).href()>{u.name}</a></th>
                    <td class="num" data-label=Msg::Directives.text(state.lang.get_untracked())>{t.total}</td>
                    <td class="num" data-label=label(FollowUpState::Overdue)>{t.overdue}</td>
                    <td class="num" data-label=label(FollowUpState::DueSoon)>{t.due_soon}</td>
                    <td class="num" data-label=label(FollowUpState::DoneOnTime)>{t.done_on_time}</td>
                    <td class="num" data-label=label(FollowUpState::DoneLate)>{t.done_late}</td>
                </tr>
            }
        })
    };
    // The 30-day list is drawn when its box is opened.
    let month_open = RwSignal::new(false);

    let month_list = move || {
        if !month_open.get() {
            return None;
        }
        let on = reference.get();
        Some(state.data.with(|d| {
            let month = capped(&d.due_within(on, DUE_WITHIN_MONTH_DAYS));
            let latest = latest_of(d, month.0.iter().map(|x| &x.id));
            directive_list(state, d, month, &latest, on, selected)
        }))
    };

    // A screenful with the click that opens the page (the counts and what is overdue), the
    // rest in the next task.
    let opening = crate::ui::widgets::opening();
    // The latest update of every directive the overview lists (overdue, this week, open
    // before the coming meeting): one pass over the log per change, for both parts.
    let latest = Memo::new(move |_| {
        shown.with(|s| {
            state.data.with(|d| {
                let coming = s.coming.iter().flat_map(|(_, _, open)| open.0.iter());
                latest_of(d, s.overdue.0.iter().chain(s.week.0.iter()).chain(coming))
            })
        })
    });

    let overview_top = move || {
        let on = reference.get();
        shown.with(|shown| {
            state.data.with(|d| {
                let overdue = looked_up(d, &shown.overdue);
                let overdue = latest.with(|l| directive_list(state, d, overdue, l, on, selected));
                view! {
                    <ul class="states">{state_badges(&shown.counts)}</ul>
                    <h2>{state.t(Msg::OverdueList)}</h2>
                    <ul class="plain" data-empty=state.t(Msg::NoneYet)>{overdue}</ul>
                }
            })
        })
    };

    let overview_rest = move || {
        if opening.get() {
            return None;
        }
        let on = reference.get();
        let lang = state.lang.get();
        Some(shown.with(|shown| state.data.with(|d| {
            // A screenful each: beyond, the tables by unit and by conclusion lead on.
            let week = looked_up(d, &shown.week);
            let coming = shown.coming.as_ref().map(|(date, place, open)| (*date, place, looked_up(d, open)));
            let latest = latest.get();
            let list = |items| directive_list(state, d, items, &latest, on, selected);
            let week = list(week);
            let coming = coming.map(|(date, place, open)| {
                let place = place.as_ref().map(|p| format!(" · {p}")).unwrap_or_default();
                let open = list(open);
                view! {
                    <h2>{state.t(Msg::UpcomingMeeting)} ": " {format_date(date)} {place}</h2>
                    <p class="small muted">{state.t(Msg::OpenBeforeMeeting)}</p>
                    <ul class="plain" data-empty=state.t(Msg::NoneYet)>{open}</ul>
                }
            });
            let older = shown.older;
            let older = (older > 0).then(|| view! {
                <p class="muted"><a href=Route::Conclusions.href()>{format!("… {older} ")} {Msg::OlderConclusions.counted(older, state.lang.get())}</a></p>
            });
            let conclusions = shown
                .conclusions
                .iter()
                .map(|(id, number, t)| view! {
                    <tr>
                        <th scope="row"><a href=Route::Conclusion(id.to_string()).href()>{number.clone()}</a></th>
                        <td class="num" data-label=state.t(Msg::Directives)>{t.total}</td>
                        <td class="num" data-label=labels::follow_up_state(FollowUpState::Overdue, lang)>{t.overdue}</td>
                        <td class="num" data-label=labels::follow_up_state(FollowUpState::DueSoon, lang)>{t.due_soon}</td>
                        <td class="num" data-label=labels::follow_up_state(FollowUpState::DoneOnTime, lang)>{t.done_on_time}</td>
                        <td class="num" data-label=labels::follow_up_state(FollowUpState::DoneLate, lang)>{t.done_late}</td>
                        <td class="num" data-label=state.t(Msg::DoneShare)>{t.done_percent().map(|p| format_percent(p, lang))}
                            {labels::set_apart(t.transferred, t.cancelled, lang).map(|s| view! { <br/><span class="muted small">{s}</span> })}</td>
                    </tr>
                })
                .collect_view();
            let head = move |first: Msg, share: bool| view! {
                <thead><tr>
                    <th scope="col">{state.t(first)}</th>
                    <th scope="col">{state.t(Msg::Directives)}</th>
                    <th scope="col">{labels::follow_up_state(FollowUpState::Overdue, lang)}</th>
                    <th scope="col">{labels::follow_up_state(FollowUpState::DueSoon, lang)}</th>
                    <th scope="col">{labels::follow_up_state(FollowUpState::DoneOnTime, lang)}</th>
                    <th scope="col">{labels::follow_up_state(FollowUpState::DoneLate, lang)}</th>
                    {share.then(|| view! { <th scope="col">{state.t(Msg::DoneShare)}</th> })}
                </tr></thead>
            };
            view! {
                <h2>{crate::i18n::windows::due_this_week(state.lang.get())}</h2>
                <ul class="plain" data-empty=state.t(Msg::NoneYet)>{week}</ul>
                {coming}
                <h2>{state.t(Msg::ByUnit)}</h2>
                <div class="table-wrap"><table class="list">{head(Msg::LeadUnit, false)}<tbody>{unit_rows}</tbody></table></div>
                <h2>{state.t(Msg::ByConclusion)}</h2>
                <div class="table-wrap"><table class="list">{head(Msg::NumberSymbol, true)}<tbody>{conclusions}</tbody></table></div>
                {older}
                <details class="card" 
                    on:toggle=move |ev| month_open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
                    <summary>{crate::i18n::windows::due_this_month(state.lang.get())}</summary>
                    <ul class="plain" data-empty=state.t(Msg::NoneYet)>{month_list}</ul>
                </details>
            }
        })))
    };

    view! {
        <h1>{move || state.t(Msg::NavFollowUp)}</h1>
        <div class="filters">
            <div class="filter">
                <label for="fu-search">{move || state.t(Msg::SearchEverything)}</label>
                <input id="fu-search" type="search" prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))/>
            </div>
            {day_box("fu-reference", "filter", Signal::derive(move || state.t(Msg::AsOfDate).to_owned()), reference)}
        </div>
        <p class="actions">{export_buttons("all-directives", Msg::TableDirectives, String::new(), move || {
            all_directives(state, reference.get_untracked())
        })}</p>
        {results}
        {selected.view()}
        <WaitingRequests/>
        {overview_top}
        {overview_rest}
        <crate::ui::documents::UnitPackages scope=crate::domain::followup::ReportScope::Everything/>
    }
}
