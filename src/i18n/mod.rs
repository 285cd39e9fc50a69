//! Every word the officer reads, in Vietnamese first and English second.
//!
//! A `match` over an enum rather than a runtime catalogue: a missing translation is a
//! compile error, the text costs nothing to look up, and the domain's error values can be
//! rendered here without the domain knowing about the UI.

pub mod dates;
mod fields;
pub mod figures;
pub mod format;
pub mod labels;
mod messages;
pub mod network;
mod problems;
pub mod requests;
pub mod sending;
pub mod shared;
pub mod succession;
pub mod units_side;
pub mod windows;

pub use fields::{field_label, kind_count_label, kind_label, name_label};
pub use format::{
    format_amount, format_date, format_date_time, format_decimal, format_money_billions,
    format_percent, format_ratio, format_saved_at,
};
pub use messages::Msg;
pub use problems::{
    decimal_mark, decode_problem_message, draft_message, load_error_message, pdf_problem_message,
    problem_message, problem_text,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The code stored in settings and set on `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
