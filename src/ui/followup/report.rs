//! The follow-up report before a meeting: for a period ending on an "as of" date, over
//! everything, one committee or one conclusion; its counts on screen and, printed, as the
//! office's report document (`domain::document::follow_up_report_document`).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::documents::Sent;
use crate::domain::documents::{
    each_reminder_letter, follow_up_report_document, reminder_letters, report_tables,
    units_with_overdue,
};
use crate::domain::followup::{ReportPeriod, ReportScope, REPLY_WITHIN_DAYS};
use crate::domain::sorting;
use crate::i18n::{format_date, format_percent, labels, Msg};
use crate::route::Route;
use crate::ui::browser::next_task;
use crate::ui::date_box::day_box;
use crate::ui::documents::{
    document_view, download_csv, download_docx, download_xlsx, in_turn, making, print, SendingPick,
};
use crate::ui::state::use_state;
use crate::ui::widgets::{fold_bar, folded_rows, unit_link};

/// A scope as the choice list stores it: "", "committee:<id>", "conclusion:<id>", or
/// "some" for the conclusions ticked in `picked`.
fn scope_of(code: &str, picked: &[String]) -> ReportScope {
    match code.split_once(':') {
        Some(("committee", id)) => ReportScope::Committee(id.into()),
        Some(("conclusion", id)) => ReportScope::Conclusions(vec![id.into()]),
        _ if code == SOME => {
            ReportScope::Conclusions(picked.iter().map(|id| id.as_str().into()).collect())
        }
        _ => ReportScope::Everything,
    }
}

const SOME: &str = "some";

fn date_input(id: &'static str, label: Msg, value: RwSignal<NaiveDate>) -> impl IntoView {
    let state = use_state();
    day_box(
        id,
        "filter",
        Signal::derive(move || state.t(label).to_owned()),
        value,
    )
}

/// What the print view holds: the report, or the letters to every overdue unit.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Printed {
    Report,
    Letters,
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let state = use_state();
    // The period since the last meeting held, as a report before the next one covers.
    let since = state
        .data
        .with_untracked(|d| d.report_period_start(state.today));
    let from = RwSignal::new(since);
    let as_of = RwSignal::new(state.today);
    let scope = RwSignal::new(String::new());
    let picked = RwSignal::new(Vec::<String>::new());
    let printing = RwSignal::new(Printed::Report);
    let report_by = RwSignal::new(state.today + chrono::Days::new(REPLY_WITHIN_DAYS));
    let (units_open, chasing_open) = (RwSignal::new(false), RwSignal::new(false));
    // Signer, number and language of the report, and of the letters.
    let report_pick = SendingPick::new();
    let letters_pick = SendingPick::new();
    // What the buttons make, from what the page shows when clicked: the report counted in a
    // task, then its document or sheets in the next (the large dataset's 18,000 directives).
    let period = move || {
        let scope = scope_of(&scope.get_untracked(), &picked.get_untracked());
        (from.get_untracked(), as_of.get_untracked(), scope)
    };
    let report_doc = move || async move {
        let ((from, as_of, scope), d) = (period(), state.data.shared());
        let report = d.follow_up_report(&scope, from, as_of, state.due_soon_days());
        next_task().await;
        let head = report_pick.sending_untracked(&d, &scope);
        vec![follow_up_report_document(
            &d,
            &report,
            &head,
            report_pick.lang_untracked(),
        )]
    };
    let report_sheets = move || async move {
        let ((from, as_of, scope), d) = (period(), state.data.shared());
        let report = d.follow_up_report(&scope, from, as_of, state.due_soon_days());
        next_task().await;
        report_tables(&d, &report, report_pick.lang_untracked())
    };
    let letters = move || async move {
        let ((_, as_of, scope), d) = (period(), state.data.shared());
        let (head, lang) = (
            letters_pick.sending_untracked(&d, &scope),
            letters_pick.lang_untracked(),
        );
        let by = report_by.get_untracked();
        let each = each_reminder_letter(&d, &scope, as_of, state.due_soon_days(), by, &head, lang);
        in_turn(each).await
    };
    let overdue_units = move || {
        state.data.with(|d| {
            let scope = scope_of(&scope.get(), &picked.get());
            units_with_overdue(d, &scope, as_of.get(), state.due_soon_days()).len()
        })
    };
    let print_as = move |what: Printed| {
        printing.set(what);
        // After the page has laid out what is printed.
        gloo_timers::callback::Timeout::new(0, print).forget();
    };
    // Ctrl+P prints the report again once the letters have been printed.
    let after = window_event_listener(leptos::ev::afterprint, move |_| {
        printing.set(Printed::Report)
    });
    on_cleanup(move || after.remove());
    let stem = move || state.t(Msg::NavReport).to_owned();
    let scopes = move || {
        state.data.with(|d| {
            let mut all = vec![
                (String::new(), state.t(Msg::ReportEverything).to_owned()),
                (
                    SOME.to_owned(),
                    state.t(Msg::ReportSomeConclusions).to_owned(),
                ),
            ];
            all.extend(
                d.committees
                    .iter()
                    .map(|c| (format!("committee:{}", c.id), c.name.clone())),
            );
            let mut conclusions: Vec<_> = d.conclusions.iter().collect();
            sorting::sort_by_key(&mut conclusions, |c| std::cmp::Reverse(c.date));
            all.extend(conclusions.into_iter().map(|c| {
                (
                    format!("conclusion:{}", c.id),
                    format!("{} · {}", c.number_symbol, format_date(c.date)),
                )
            }));
            all.into_iter()
                .map(|(value, text)| view! { <option value=value>{text}</option> })
                .collect_view()
        })
    };

    let content = move || {
        let lang = state.lang.get();
        let (from, as_of, scope) = (
            from.get(),
            as_of.get(),
            scope_of(&scope.get(), &picked.get()),
        );
        state.data.with(|d| {
            let report = d.follow_up_report(&scope, from, as_of, state.due_soon_days());
            let t = report.totals;
            // The ranking and what needs chasing, folded to a screenful ([`folded_rows`]).
            let units: Vec<_> = report
                .by_unit
                .iter()
                .map(|l| {
                    let rank = match l.rank {
                        Some(r) if l.tied => format!("{r} ({})", state.t(Msg::Tied)),
                        Some(r) => r.to_string(),
                        None => state.t(Msg::NothingDueYet).to_owned(),
                    };
                    (rank, l.unit.clone(), l.counts)
                })
                .collect();
            let units_total = units.len();
            let units = folded_rows(units_open, units, move |(rank, unit, c)| {
                view! {
                    <tr>
                        <td class="num" data-label=state.t(Msg::Rank)>{rank}</td>
                        <th scope="row">{state.data.with_untracked(|d| unit_link(d, Some(&unit)))}</th>
                        <td class="num" data-label=state.t(Msg::Assigned)>{c.followed}</td>
                        <td class="num" data-label=labels::follow_up_state(crate::domain::FollowUpState::DoneOnTime, lang)>{c.done_on_time}</td>
                        <td class="num" data-label=labels::follow_up_state(crate::domain::FollowUpState::DoneLate, lang)>{c.done_late}</td>
                        <td class="num" data-label=labels::follow_up_state(crate::domain::FollowUpState::Overdue, lang)>{c.overdue}</td>
                        <td class="num" data-label=labels::follow_up_state(crate::domain::FollowUpState::OpenWithinTerm, lang)>{c.within_term}</td>
                        <td class="num" data-label=state.t(Msg::OnTimeRate)>{c.ranking_rate().map(|p| format_percent(p, lang))}</td>
                    </tr>
                }
            });
            let chasing_total = report.attention.len();
            let chasing = report.attention.iter().map(|x| x.id.clone()).collect();
            let chasing = folded_rows(chasing_open, chasing, move |id| {
                state.data.with_untracked(|d| {
                    let x = d.directives.get(&id)?;
                    let number = d.number_of(x).to_owned();
                    Some(view! {
                        <li>
                            <a href=Route::Conclusion(x.conclusion.to_string()).href()>{number} " · " {crate::ui::widgets::cited(state, x)}</a> " "
                            {x.text.clone()}
                            <span class="muted">" · " {labels::deadline_text(&x.deadline, lang)}</span>
                        </li>
                    })
                })
            });
            let share = t.overdue_share().map(|p| format_percent(p, lang)).unwrap_or_else(|| "—".into());
            let printed = match printing.get() {
                Printed::Report => {
                    let from = report_pick.sending(d, &scope);
                    let doc = follow_up_report_document(d, &report, &from, report_pick.lang());
                    document_view(doc, report_pick.lang()).into_any()
                }
                Printed::Letters => {
                    let from = letters_pick.sending(d, &scope);
                    reminder_letters(d, &scope, as_of, state.due_soon_days(), report_by.get(), &from, letters_pick.lang())
                        .into_iter()
                        .map(|l| document_view(l, letters_pick.lang()))
                        .collect_view()
                        .into_any()
                }
            };
            view! {
                <section class="card" aria-labelledby="rp-overall">
                    <h2 id="rp-overall">{state.t(Msg::OverdueShare)} ": " <strong>{share}</strong></h2>
                    <ul class="states">
                        <li>{state.t(Msg::Followed)} " " <strong>{t.followed}</strong></li>
                        <li>{state.t(Msg::DueInPeriod)} " " <strong>{t.due_in_period}</strong></li>
                        <li>{labels::follow_up_state(crate::domain::FollowUpState::DoneOnTime, lang)} " " <strong>{t.done_on_time}</strong></li>
                        <li>{labels::follow_up_state(crate::domain::FollowUpState::DoneLate, lang)} " " <strong>{t.done_late}</strong></li>
                        <li>{labels::follow_up_state(crate::domain::FollowUpState::OpenWithinTerm, lang)} " " <strong>{t.within_term}</strong></li>
                        <li>{labels::follow_up_state(crate::domain::FollowUpState::Overdue, lang)} " " <strong>{t.overdue}</strong></li>
                        <li>{state.t(Msg::Extended)} " " <strong>{t.extended}</strong>
                            {(t.extended_late > 0).then(|| view! { " (" {state.t(Msg::GrantedLate)} " " <strong>{t.extended_late}</strong> ")" })}</li>
                    </ul>
                    {labels::set_apart(t.transferred, t.cancelled, lang)
                        .map(|s| view! { <p class="muted small">{s}</p> })}
                </section>
                <h2>{state.t(Msg::ByUnit)}</h2>
                <p class="small muted" id="rp-ranking-rule">{lang.pick(crate::domain::followup::RANKING_RULE.0, crate::domain::followup::RANKING_RULE.1)}</p>
                <div class="table-wrap">
                    <table class="list ranking">
                        <thead><tr>
                            <th scope="col">{state.t(Msg::Rank)}</th>
                            <th scope="col">{state.t(Msg::LeadUnit)}</th>
                            <th scope="col">{state.t(Msg::Assigned)}</th>
                            <th scope="col">{labels::follow_up_state(crate::domain::FollowUpState::DoneOnTime, lang)}</th>
                            <th scope="col">{labels::follow_up_state(crate::domain::FollowUpState::DoneLate, lang)}</th>
                            <th scope="col">{labels::follow_up_state(crate::domain::FollowUpState::Overdue, lang)}</th>
                            <th scope="col">{labels::follow_up_state(crate::domain::FollowUpState::OpenWithinTerm, lang)}</th>
                            <th scope="col">{state.t(Msg::OnTimeRate)}</th>
                        </tr></thead>
                        <tbody id="rp-units">{units}</tbody>
                    </table>
                </div>
                {fold_bar(units_open, units_total, "rp-units", move || state.t(Msg::ByUnit).to_owned())}
                <h2>{state.t(Msg::NeedsChasing)} " " <span class="count">{format!("({})", report.attention.len())}</span></h2>
                <ul class="plain" id="rp-chasing" data-empty=state.t(Msg::NoneYet)>{chasing}</ul>
                {fold_bar(chasing_open, chasing_total, "rp-chasing", move || state.t(Msg::NeedsChasing).to_owned())}
                <div class="doc-wrap" class:doc-set=move || printing.get() == Printed::Letters>{printed}</div>
            }
        })
    };

    view! {
        <h1>{move || state.t(Msg::NavReport)}</h1>
        <p class="muted small">{move || state.t(Msg::ReportHint)}</p>
        <div class="period-choices" role="group" aria-label=move || state.t(Msg::ReportPeriodLabel)>
            {ReportPeriod::ALL.into_iter().map(|p| {
                let label = match p {
                    ReportPeriod::ThisMonth => Msg::PeriodThisMonth,
                    ReportPeriod::LastMonth => Msg::PeriodLastMonth,
                    ReportPeriod::ThisQuarter => Msg::PeriodThisQuarter,
                    ReportPeriod::LastQuarter => Msg::PeriodLastQuarter,
                    ReportPeriod::SinceLastMeeting => Msg::PeriodSinceMeeting,
                };
                let pressed = move || {
                    state.data.with(|d| ReportPeriod::matching(d, state.today, from.get(), as_of.get())) == Some(p)
                };
                view! {
                    <button type="button" class="choice" aria-pressed=move || pressed().to_string()
                        on:click=move |_| {
                            let (start, end) = state.data.with_untracked(|d| p.range(d, state.today));
                            from.set(start);
                            as_of.set(end);
                        }>{move || state.t(label)}</button>
                }
            }).collect_view()}
        </div>
        <div class="filters">
            {date_input("rp-from", Msg::PeriodFrom, from)}
            {date_input("rp-as-of", Msg::AsOfDate, as_of)}
            <div class="filter">
                <label for="rp-scope">{move || state.t(Msg::ReportScopeLabel)}</label>
                <select id="rp-scope" prop:value=move || scope.get()
                    on:change=move |ev| scope.set(event_target_value(&ev))>
                    {scopes}
                </select>
            </div>
        </div>
        {move || (scope.get() == SOME).then(|| {
            let boxes = state.data.with(|d| {
                let mut conclusions: Vec<_> = d.conclusions.iter().collect();
                sorting::sort_by_key(&mut conclusions, |c| std::cmp::Reverse(c.date));
                conclusions
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let id = c.id.to_string();
                        let box_id = format!("rp-pick-{i}");
                        let checked = { let id = id.clone(); move || picked.with(|p| p.contains(&id)) };
                        view! {
                            <label>
                                <input type="checkbox" id=box_id prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        picked.update(|p| {
                                            p.retain(|x| *x != id);
                                            if on { p.push(id.clone()); }
                                        });
                                    }/>
                                " " {format!("{} · {} · {}", c.number_symbol, format_date(c.date), c.title)}
                            </label>
                        }
                    })
                    .collect_view()
            });
            view! {
                <fieldset class="picks report-picks">
                    <legend>{state.t(Msg::ReportPickConclusions)}</legend>
                    {boxes}
                </fieldset>
            }
        })}
        {report_pick.view("rp", Sent::Report)}
        <p class="actions">
            <button type="button" id="print-report" on:click=move |_| print_as(Printed::Report)>{move || state.t(Msg::PrintReport)}</button>
            " "
            <button type="button" id="word-report" disabled=move || making(state) on:click=move |_| download_docx(state, &stem(), report_pick.lang_untracked(), report_doc)>{move || state.t(Msg::DownloadWord)}</button>
            " "
            <button type="button" id="xlsx-report" disabled=move || making(state) on:click=move |_| download_xlsx(state, &stem(), report_sheets)>{move || state.t(Msg::DownloadExcel)}</button>
            " "
            <button type="button" id="csv-by-unit" disabled=move || making(state) on:click=move |_| {
                download_csv(state, state.t(Msg::TableByUnit), move || async move { report_sheets().await.into_iter().nth(1).unwrap_or_default() })
            }>{move || format!("{} · {}", state.t(Msg::DownloadCsv), state.t(Msg::TableByUnit))}</button>
            " "
            <button type="button" id="csv-chasing" disabled=move || making(state) on:click=move |_| {
                download_csv(state, state.t(Msg::TableChasing), move || async move { report_sheets().await.into_iter().nth(2).unwrap_or_default() })
            }>{move || format!("{} · {}", state.t(Msg::DownloadCsv), state.t(Msg::TableChasing))}</button>
        </p>
        <section class="card" aria-labelledby="rp-letters">
            <h2 id="rp-letters">{move || state.t(Msg::RemindAllOverdue)} " " <span class="count">{move || format!("({})", overdue_units())}</span></h2>
            <p class="muted small">{move || if overdue_units() == 0 { state.t(Msg::NoOverdueUnits) } else { state.t(Msg::LettersHint) }}</p>
            {letters_pick.view("rl", Sent::Letter)}
            <p class="actions">
                {day_box("rp-report-by", "inline-day", Signal::derive(move || state.t(Msg::ReportBy).to_owned()), report_by)}
                <button type="button" id="print-letters" disabled=move || overdue_units() == 0
                    on:click=move |_| print_as(Printed::Letters)>{move || state.t(Msg::PrintLetters)}</button>
                <button type="button" id="word-letters" disabled=move || overdue_units() == 0 || making(state)
                    on:click=move |_| download_docx(state, state.t(Msg::LettersFile), letters_pick.lang_untracked(), letters)>{move || state.t(Msg::DownloadWord)}</button>
            </p>
        </section>
        <crate::ui::documents::UnitPackages scope=Signal::derive(move || scope_of(&scope.get(), &picked.get()))/>
        <super::requests::WaitingRequests hide_empty=true/>
        {content}
    }
}
