//! A document of the office laid out for printing (`domain::document` says what it says):
//! hidden on screen, the only thing on the page when printed, by the button or by Ctrl+P.
//! The page rules (A4, margins, fonts, page numbers from page 2) are in the stylesheet's
//! print section.

use leptos::prelude::*;

use super::sending::lang_of;
use crate::domain::documents::Table;
use crate::domain::documents::{Block, Brief, DocLang, Document};
use crate::domain::BodyKind;
use crate::i18n::Lang;

pub fn doc_lang(lang: Lang) -> DocLang {
    match lang {
        Lang::Vi => DocLang::Vi,
        Lang::En => DocLang::En,
    }
}

/// Opens the browser's print dialogue (what Ctrl+P does).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

fn lines(text: &str) -> impl IntoView {
    text.lines()
        .map(|l| view! { <p>{l.to_owned()}</p> })
        .collect_view()
}

fn table_view(table: Table, lang: Lang) -> impl IntoView {
    let (columns, rows) = table.on_paper(doc_lang(lang));
    let head = columns
        .into_iter()
        .map(|(h, _)| view! { <th scope="col">{h}</th> })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .map(|c| view! { <td class=c.numeric.then_some("num")>{c.text}</td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="doc-table">
            <thead><tr>{head}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn block_view(b: Block, lang: Lang) -> AnyView {
    match b {
        Block::Paragraph(text) => view! { <p class="doc-para">{text}</p> }.into_any(),
        Block::Heading(text) => view! { <p class="doc-heading">{text}</p> }.into_any(),
        Block::Addressee(text) => view! { <p class="doc-addressee">{text}</p> }.into_any(),
        Block::Table(table) => table_view(table, lang).into_any(),
        Block::Item { label, text, depth } => {
            let class = format!("doc-item depth-{}", depth.min(4));
            view! { <p class=class><span class="doc-label">{label}</span> " " {text}</p> }
                .into_any()
        }
    }
}

/// A document laid out in its own language (`lang`, whatever the interface's).
pub fn document_view(doc: Document, lang: DocLang) -> impl IntoView {
    let lang = lang_of(lang);
    let party = doc.body_kind == BodyKind::Party;
    let header = doc.header;
    let body = doc
        .body
        .into_iter()
        .map(|b| block_view(b, lang))
        .collect_view();
    let recipients = doc
        .recipients
        .into_iter()
        .map(|r| view! { <p>{r}</p> })
        .collect_view();
    let signer_title = doc
        .signer_title
        .into_iter()
        .map(|l| view! { <p>{l}</p> })
        .collect_view();
    view! {
        <article class="doc" class:party=party lang=lang.code()>
            <div class="doc-head">
                <div class="doc-issuer">
                    {(!header.parent_body.is_empty()).then(|| view! { <p class="doc-parent">{header.parent_body.clone()}</p> })}
                    <p class="doc-body-name">{lines(&header.issuing_body)}</p>
                </div>
                <div class="doc-nation">
                    <p class="doc-national-name"><span>{header.national_name}</span></p>
                    {header.motto.map(|m| view! { <p class="doc-motto"><span>{m}</span></p> })}
                </div>
                <div class="doc-number-block">
                    <p class="doc-number">{header.number}</p>
                    {(!header.regarding.is_empty()).then(|| view! { <p class="doc-regarding">{header.regarding.clone()}</p> })}
                </div>
                <p class="doc-place-date">{header.place_date}</p>
            </div>
            {(!doc.kind.is_empty()).then(|| view! { <h1 class="doc-kind">{doc.kind.clone()}</h1> })}
            {(!doc.subject.is_empty()).then(|| view! { <p class="doc-subject">{doc.subject.clone()}</p> })}
            <div class="doc-text">{body}</div>
            <div class="doc-foot">
                <div class="doc-recipients">
                    <p class="doc-recipients-heading">{doc.recipients_heading}</p>
                    {recipients}
                </div>
                <div class="doc-signer">
                    <div class="doc-signer-title">{signer_title}</div>
                    <p class="doc-signer-name">{doc.signer_name}</p>
                </div>
            </div>
        </article>
    }
}

/// The head's brief laid out for an A4 landscape page (hidden on screen).
pub fn brief_view(brief: Brief, lang: DocLang) -> impl IntoView {
    let lang = lang_of(lang);
    let body = brief
        .body
        .into_iter()
        .map(|b| block_view(b, lang))
        .collect_view();
    view! {
        <article class="doc brief" lang=lang.code()>
            <h1 class="brief-title">{brief.title}</h1>
            <p class="brief-as-of">{brief.as_of}</p>
            <div class="doc-text">{body}</div>
        </article>
    }
}
