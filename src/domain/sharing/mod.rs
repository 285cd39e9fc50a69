//! Sharing between officers and versions: export, import and merge, validation, migration.
//!
//! - `share`: what one officer sends another (everything, or one conclusion, project or
//!   unit with every record it names) in an envelope saying who, when and what.
//! - `unit_reply`, `unit_browser`: the units' side by file (a unit's package, its reply,
//!   the office's intake of several; a browser that reports for one unit).
//! - `merge`: an incoming record is new, identical, mine, theirs or a conflict, judged by
//!   the fingerprints each side exchanged (`SyncBase`); invariant: a conflict is never
//!   settled without the officer's choice, and importing twice is importing once.
//!   `merge::duplicates`: records known here under another id, joined only by choice.
//! - `validate`: every broken rule, naming the record and the field.
//! - `migrate`: any known version read and migrated step by step; a newer one refused;
//!   `unreadable`: where and why a file's content could not be read.

pub(super) mod merge;
pub(super) mod migrate;
pub(super) mod share;
pub(super) mod unit_browser;
pub(super) mod unit_reply;
pub(super) mod unreadable;
pub(super) mod validate;

pub use merge::{
    fingerprint, Applied, Change, Duplicate, Entry, FieldDiff, Fingerprint, ImportPlan, Resolution,
    SyncBase, Unresolved,
};
pub use migrate::{dataset_from_value, parse_dataset, LoadError, Loaded};
pub use share::{
    export_reminder_due, file_name, reply_file_name, Envelope, ExportFile, ExportInfo, Officer,
    Scope, EXPORT_REMINDER_DAYS, STORAGE_WARNING_PERCENT,
};
pub use unit_browser::{office_tools_shown, province_figures_shown, MyUnit, UnitHolding};
pub use unit_reply::{replies_together, reply_of, ReplyIntake};
pub use unreadable::{quote, Unreadable, WhatWrong, QUOTE_CHARS};
pub use validate::{validate, Problem, ValidationError};
