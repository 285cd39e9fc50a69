//! Reading a conclusion notice pasted as text (issue 13, in progress): the text made plain
//! (`clean`), the header's number, place, date and kind (`header`), the notice cut into its
//! parts (`structure`), the register's units an item names (`units`), and the draft of the
//! notice with its directives (`notice::read_notice`); a Word file's text (`docx`), a PDF
//! file's (`pdf`).

pub mod clean;
pub mod deadline_words;
pub mod docx;
pub mod header;
pub mod leads;
pub mod long;
pub mod notice;
pub mod opening;
pub mod pdf;
pub mod review;
pub mod split;
pub mod structure;
pub mod units;
