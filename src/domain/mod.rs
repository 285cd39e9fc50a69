//! The domain: plain Rust, no browser. Everything an officer's rules decide lives here and is
//! tested natively.

pub mod dates;
pub mod documents;
pub mod draft;
pub mod followup;
pub mod generate;
pub mod model;
pub mod money;
pub mod number;
pub mod paging;
pub mod projects;
pub mod sample;
pub mod sharing;
pub mod sorting;
pub mod text;
pub mod units;

pub use documents::document;
pub use documents::office;
pub use documents::reading;
pub use documents::sheets;
pub use documents::table;
pub use followup::conclusion;
pub use followup::deadline;
pub use followup::extension;
pub use followup::facts;
pub use followup::meeting;
pub use followup::overview as followup_overview;
pub use followup::report_counts as report;
pub use followup::tallies as overview;
pub use model::collection;
pub use model::dataset;
pub use model::derived;
pub use model::ids;
pub use model::record;
pub use model::tabs;
pub use projects::dashboard as summary;
pub use projects::latest;
pub use projects::portfolio;
pub use projects::progress;
pub use projects::project;
pub use projects::status;
pub use sharing::merge;
pub use sharing::migrate;
pub use sharing::share;
pub use sharing::unreadable;
pub use sharing::validate;
pub use units::handover;
pub use units::org;
pub use units::succession;
pub use units::unit_join;

pub use followup::conclusion::{
    Conclusion, Directive, DirectivePath, DirectiveUpdate, NumberChoices, RecordedStatus,
};
pub use followup::deadline::Deadline;
pub use followup::extension::{Extension, ExtensionMark};
pub use followup::facts::{urgency_key, DirectiveFacts};
pub use followup::meeting::{Meeting, MeetingKind};
pub use followup::state::{FollowUpState, Tally, DEFAULT_DUE_SOON_DAYS};
pub use model::collection::Collection;
pub use model::dataset::{
    Changes, Dataset, ImportSummary, Visitor, VisitorMut, FORMAT_NAME, SCHEMA_VERSION,
};
pub use model::ids::*;
pub use model::record::{Record, RecordKind};
pub use money::{Amount, Qualifier, Vnd};
pub use projects::progress::*;
pub use projects::project::*;
pub use sharing::migrate::{parse_dataset, LoadError, Loaded};
pub use sharing::validate::{validate, Problem, ValidationError};
pub use units::org::{BodyKind, Committee, DatedCapital, Unit, UnitKind};
