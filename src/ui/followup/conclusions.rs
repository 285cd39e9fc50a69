//! Conclusions and the checklist of their directives.

use leptos::prelude::*;

use super::directive_form::{DirectiveForm, FIRST_FIELD};
use super::extension_form::{extend_button_id, ExtensionForm, EXTENSION_FIRST_FIELD};
use super::update_form::{focus_update_form, row_button_id, UpdateForm};
use crate::domain::documents::{conclusion_notice, conclusion_notice_with};
use crate::domain::documents::{directives_table, Listed};
use crate::domain::{ConclusionId, DirectiveId, Tally};
use crate::i18n::{format_date, labels, Msg};
use crate::route::{Form, Route};
use crate::ui::browser;
use crate::ui::documents::{
    doc_lang, doc_lang_of, document_view, download_docx, export_buttons, making, print,
    translation_box,
};
use crate::ui::state::use_state;
use crate::ui::widgets::{
    extension_mark, field, handover_history, keyed_rows, unit_link_on, ListPage, NotFound,
    StateBadge,
};

/// A line of the conclusions list, as drawn (its whole content is its key).
#[derive(Clone, PartialEq, Eq, Hash)]
struct ConclusionLine {
    id: String,
    number: String,
    date: String,
    title: String,
    total: usize,
    done: String,
    overdue: usize,
}

#[component]
pub fn ConclusionList() -> impl IntoView {
    let state = use_state();
    let count = Signal::derive(move || state.data.with(|d| d.conclusions.len()));
    // Latest first, each with its tally, grouped in one pass; once per change of the data.
    let lines = Memo::new(move |_| {
        let lang = state.lang.get();
        state.data.with(|d| {
            d.tally_by_conclusion(state.today, state.due_soon_days())
                .into_iter()
                .map(|(c, tally)| ConclusionLine {
                    id: c.id.to_string(),
                    number: c.number_symbol.clone(),
                    date: format_date(c.date),
                    title: c.title.clone(),
                    total: tally.total,
                    done: labels::done_share(&tally, lang),
                    overdue: tally.overdue,
                })
                .collect::<Vec<_>>()
        })
    });
    let rows = move || {
        keyed_rows(lines, Clone::clone, move |c: ConclusionLine| {
            // A line is drawn again when the language changes (its text changes with it).
            let label = |m: Msg| m.text(state.lang.get_untracked());
            view! {
                <tr>
                    <th scope="row"><a href=Route::Conclusion(c.id).href()>{c.number}</a></th>
                    <td data-label=label(Msg::Date)>{c.date}</td>
                    <td data-label=label(Msg::Title)>{c.title}</td>
                    <td class="num" data-label=label(Msg::Directives)>{c.total}</td>
                    <td class="num" data-label=label(Msg::DoneShare)>{c.done}</td>
                    <td class="num" data-label=label(Msg::Overdue)>{c.overdue}</td>
                </tr>
            }
        })
    };
    view! {
        <ListPage title=Msg::NavConclusions count=count columns=vec![Msg::NumberSymbol, Msg::Date, Msg::Title, Msg::Directives, Msg::DoneShare, Msg::Overdue] rows=rows>
            <p class="actions">
                <a class="button primary" href=Route::ReadConclusion.href() id="read-conclusion">{move || state.t(Msg::ReadNotice)}</a>
                <a class="button" href=Route::New(Form::Conclusion).href()>{move || state.t(Msg::NewConclusion)}</a>
            </p>
            {crate::ui::documents::undo_bar(true)}
        </ListPage>
    }
}

/// One conclusion's checklist, with the update form under it.
#[component]
pub fn ConclusionPage(id: String) -> impl IntoView {
    let selected = RwSignal::new(None::<DirectiveId>);
    let editing = RwSignal::new(None::<DirectiveId>);
    let extending = RwSignal::new(None::<DirectiveId>);
    let id = ConclusionId(id);
    // The notice prints in Vietnamese unless an English translation is asked for.
    let english = RwSignal::new(false);
    view! {
        {crate::ui::documents::undo_bar(false)}
        {checklist(id.clone(), Rows { selected, editing, extending, english })}
        <UpdateForm selected=selected/>
        <ExtensionForm extending=extending/>
        <DirectiveForm conclusion=id.clone() editing=editing/>
        {notice(id, english)}
    }
}

/// The notice as issued, laid out for printing (hidden on screen).
fn notice(id: ConclusionId, english: RwSignal<bool>) -> impl IntoView {
    let state = use_state();
    // Drawn again only when the notice itself changes (an update recorded does not).
    let doc =
        Memo::new(move |_| {
            let lang = doc_lang_of(english.get());
            state.data.with_lookups(|found| {
                found.data.conclusions.get(&id).map(|c| {
                    conclusion_notice_with(found.data, c, found.directives_of(&c.id), lang)
                })
            })
        });
    move || {
        let lang = doc_lang_of(english.get());
        doc.get().map(|doc| {
            view! { <div class="doc-wrap">{document_view(doc, lang)}</div> }
        })
    }
}

/// The forms a checklist row's buttons open: an update, the directive's edit, an extension.
#[derive(Clone, Copy)]
struct Rows {
    selected: RwSignal<Option<DirectiveId>>,
    editing: RwSignal<Option<DirectiveId>>,
    extending: RwSignal<Option<DirectiveId>>,
    /// The notice printed as an English translation.
    english: RwSignal<bool>,
}

fn checklist(id: ConclusionId, forms: Rows) -> impl IntoView {
    let Rows {
        selected,
        editing,
        extending,
        english,
    } = forms;
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.data.with_lookups(|found| {
            let d = found.data;
            let Some(c) = d.conclusions.get(&id) else { return NotFound().into_any() };
            let lines = found.checklist_of(&c.id);
            let tally = Tally::of(
                lines.iter().filter(|l| !l.heading).map(|l| l.directive),
                state.today,
                state.due_soon_days(),
            );
            let rows = lines
                .into_iter()
                .map(|line| {
                    let x = line.directive;
                    let facts = x.facts(state.today, state.due_soon_days());
                    let last = line.last_update.map(|u| format!("{}: {} ({})", format_date(u.date), u.text, u.reported_by));
                    let named_on = |u: &crate::domain::UnitId| d.units.get(u).map(|u| u.display_name_on(c.date).to_owned()).unwrap_or_default();
                    let coordinating = facts.coordinating.iter().map(|u| crate::domain::text::isolate(&named_on(u)).into_owned()).collect::<Vec<_>>().join(", ");
                    let history = handover_history(state, d, x);
                    let due = labels::due_note(facts.deadline, lang);
                    let words = facts.deadline.words().to_owned();
                    let depth = format!("depth-{}", x.path.parts().len());
                    let pick = x.id.clone();
                    let edit = x.id.clone();
                    let extend = x.id.clone();
                    let extend_label = format!("{} {}", state.t(Msg::ExtendDirective), crate::ui::widgets::cited(state, x));
                    let mark = extension_mark(state, x, state.today);
                    let edit_label = format!("{} {}", state.t(Msg::EditDirective), crate::ui::widgets::cited(state, x));
                    let button_id = row_button_id(&x.id);
                    // A group heading is followed up through its sub-items.
                    let heading = line.heading;
                    let is_selected = {
                        let id = x.id.clone();
                        move || selected.with(|s| s.as_ref() == Some(&id))
                    };
                    view! {
                        <tr class=depth>
                            <th scope="row">{x.cited()}</th>
                            <td data-label=state.t(Msg::Directives)>{x.text.clone()}</td>
                            <td data-label=state.t(Msg::LeadUnit)><div>{unit_link_on(d, facts.lead, if facts.inherited.is_some() { state.today } else { c.date })}<span class="muted small">{(!coordinating.is_empty()).then(|| format!(" + {coordinating}"))}</span>{history.map(|h| view! { <br/>{h} })}</div></td>
                            <td data-label=state.t(Msg::Deadline)><div>{words}<br/><span class="muted small">{due}</span>{mark}</div></td>
                            <td data-label=state.t(Msg::State)>{if heading {
                                view! { <span class="muted small">{state.t(Msg::SeeSubItems)}</span> }.into_any()
                            } else {
                                view! { <StateBadge state=facts.state/> }.into_any()
                            }}</td>
                            <td class="small" data-label=state.t(Msg::LastUpdate)>{last}</td>
                            <td class="row-actions">
                                <button type="button" class="small" id=button_id hidden=heading aria-expanded=move || is_selected().to_string()
                                    on:click=move |_| { selected.set(Some(pick.clone())); focus_update_form(); }>
                                    {state.t(Msg::RecordUpdateShort)}
                                </button>
                                " "
                                <button type="button" class="small" id=extend_button_id(&x.id) hidden=heading aria-label=extend_label
                                    on:click=move |_| { extending.set(Some(extend.clone())); browser::focus_later(EXTENSION_FIRST_FIELD); }>
                                    {state.t(Msg::ExtendShort)}
                                </button>
                                " "
                                <button type="button" class="small" aria-label=edit_label
                                    on:click=move |_| { editing.set(Some(edit.clone())); browser::focus_later(FIRST_FIELD); }>
                                    {state.t(Msg::EditShort)}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            let meeting = c.meeting.as_ref().and_then(|m| d.meetings.get(m)).map(|m| view! {
                <dt>{state.t(Msg::Meeting)}</dt>
                <dd><a href=Route::Meeting(m.id.to_string()).href()>{format_date(m.date)} " · " {m.place.clone()}</a></dd>
            });
            view! {
                <p class="crumbs"><a href=Route::Conclusions.href()>{state.t(Msg::NavConclusions)}</a></p>
                <h1>{c.number_symbol.clone()} " · " {c.title.clone()}</h1>
                <p class="actions">
                    <a class="button" href=Route::Edit(Form::Conclusion, c.id.to_string()).href()>{state.t(Msg::EditConclusion)}</a>
                    " "
                    <button type="button" on:click={let scope = crate::domain::sharing::Scope::Conclusion(c.id.clone()); move |_| state.export(scope.clone())}>
                        {state.t(Msg::ExportThis)}
                    </button>
                    " "
                    <button type="button" id="print-notice" aria-describedby="print-hint" on:click=move |_| print()>
                        {state.t(Msg::PrintConclusion)}
                    </button>
                    " "
                    <button type="button" id="word-notice" disabled=move || making(state) on:click={
                        let id = c.id.clone();
                        let stem = format!("{} {}", state.t(Msg::Conclusion), c.number_symbol);
                        move |_| {
                            let (id, lang) = (id.clone(), doc_lang_of(english.get_untracked()));
                            download_docx(state, &stem, lang, move || async move {
                                state.data.with_untracked(|d| {
                                    d.conclusions.get(&id).map(|c| conclusion_notice(d, c, lang))
                                }).into_iter().collect()
                            });
                        }
                    }>
                        {state.t(Msg::DownloadWord)}
                    </button>
                    " "
                    {export_buttons("checklist", Msg::TableDirectives, c.number_symbol.clone(), {
                        let id = c.id.clone();
                        move || {
                            let id = id.clone();
                            async move {
                                state.data.with_untracked(|d| {
                                    let listed = d.conclusions.get(&id).map_or(Listed::All, Listed::Conclusion);
                                    directives_table(d, listed, d.followed_of(&id), state.today, state.due_soon_days(),
                                        &|s| labels::follow_up_state(s, state.lang.get_untracked()), doc_lang(state.lang.get_untracked()))
                                })
                            }
                        }
                    })}
                    {translation_box("notice-english".into(), english)}
                    " "
                    <span class="small muted" id="print-hint">{state.t(Msg::PrintHint)}</span>
                </p>
                <dl class="fields">
                    {field(state, Msg::Date, format_date(c.date))}
                    {field(state, Msg::IssuingBody, c.issuing_body.clone())}
                    {meeting}
                    {field(state, Msg::Signer, format!("{} {}", c.signer_title, c.signer))}
                    {field(state, Msg::Recipients, crate::domain::documents::recipients_line(&c.recipients))}
                    {field(state, Msg::Assessment, c.assessment.clone())}
                </dl>
                <h2>
                    {state.t(Msg::Directives)} " (" {tally.total} ") · " {state.t(Msg::DoneShare)} " " {labels::done_share(&tally, lang)}
                </h2>
                <div class="table-wrap">
                    <table class="list checklist">
                        <thead><tr>
                            <th scope="col">{state.t(Msg::DirectiveNo)}</th>
                            <th scope="col">{state.t(Msg::Directives)}</th>
                            <th scope="col">{state.t(Msg::LeadUnit)}</th>
                            <th scope="col">{state.t(Msg::Deadline)}</th>
                            <th scope="col">{state.t(Msg::State)}</th>
                            <th scope="col">{state.t(Msg::LastUpdate)}</th>
                            <th scope="col"><span class="visually-hidden">{state.t(Msg::RecordUpdateShort)}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    }
}
