//! Documents in and out: the office's notices read into drafts, and its documents, tables and
//! Word and Excel files written.
//!
//! - `reading`: a conclusion notice pasted as text or given as .docx or .pdf, read into a
//!   draft (`read_notice`), each lead unit and deadline marked read, guessed or missing; `Review`
//!   turns it into the forms' drafts. Nothing is stored here.
//! - `document`: the office's documents described plainly, with the layout rules that decide
//!   words (state or Party body, "Số:", the date line); the follow-up report, the head's
//!   brief and the reminder letters.
//! - `table`: a table as the office hands it on (typed cells); invariant: one `Table` feeds
//!   the print view, the Word file, the Excel sheet and the CSV file. `sheets`: the lists as
//!   tables, and file names.
//! - `office`: the .docx and .xlsx writers (page size and margins in `office::docx`).

pub(super) mod document;
pub(super) mod letterhead;
pub(super) mod letterhead_draft;
pub mod office;
pub(super) mod reading;
pub(super) mod sheets;
pub(super) mod table;

pub use document::{
    behind_reason_words, conclusion_notice, conclusion_notice_with, deadline_words,
    each_reminder_letter, follow_up_report_document, head_brief, letter_owed, national_name,
    number_line, package_cover_letter, package_paths, place_date_line, recipient_names,
    recipients_line, reminder_letter, reminder_letters, report_counts_table, report_tables,
    units_with_open_items, units_with_overdue, Block, Brief, DocLang, Document, Header, NoticeKind,
    Owed, BRIEF_ROWS,
};
pub use letterhead::{
    number_in, number_problem, read_number, read_pattern, read_signer, Office, Sending,
    SendingProblem, Sent, Signer, SignerProblem, NUMBER_MARK, OFFICE_ID,
};
pub use letterhead_draft::LetterheadDraft;
pub use reading::docx::{docx_text, DocxError};
pub use reading::leads::UnitClass;
pub use reading::long::long_notice;
pub use reading::notice::{
    body_kind_of_line, read_notice, Mark, NotANotice, ReadDirective, ReadNotice,
};
pub use reading::pdf::{pdf_text, PdfProblem, MAX_PAGES};
pub use reading::review::{
    due_of, meetings_near, new_unit_ref, successor_on, NewUnit, NewUnitChoice, Place, Review,
    ReviewItem, ReviewProblem, Saved, MEETINGS_OFFERED, NEW_MEETING,
};
pub use sheets::{
    directive_rows, directives_sheet, directives_table, file_name, qualifier_word, register_table,
    Listed, SHEET_ROWS_PER_STEP,
};
pub use table::{About, Cell, Column, OnPaper, PrintedCell, Table};
