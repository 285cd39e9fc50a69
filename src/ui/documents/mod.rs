//! Documents: the office's documents laid out for print (`document`) and downloaded as
//! Word, Excel and CSV, made a step at a time (`files`), and a notice read in (`reading`,
//! its review in `reading_review`, the text as read in `reading_source`, the review's fields
//! in `reading_fields` and `reading_directive`). They read `domain::documents` (documents,
//! tables, the notice reader).
//!
//! Every area's pages print through `document` and download through `files`; the reading's
//! undo bar is shown on the conclusions list and page.

mod document;
mod files;
mod letterhead;
mod packages;
mod reading;
mod reading_choices;
mod reading_directive;
mod reading_fields;
mod reading_review;
mod reading_source;
mod sending;

pub(crate) use document::{brief_view, doc_lang, document_view, print};
pub(crate) use files::{
    all_directives, download_csv, download_docx, download_xlsx, export_buttons, in_turn, making,
    MakingFile,
};
pub(crate) use letterhead::LetterheadCard;
pub(crate) use packages::UnitPackages;
pub(crate) use reading::undo_bar;
pub(super) use reading::{ReadConclusionPage, ReadUndone};
pub(crate) use sending::{doc_lang_of, lang_of, translation_box, SendingPick};
