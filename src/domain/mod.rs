//! The domain: plain Rust, no browser. Everything an officer's rules decide lives here and is
//! tested natively.

pub mod collection;
pub mod conclusion;
pub mod dataset;
pub mod dates;
pub mod deadline;
pub mod derived;
pub mod document;
pub mod draft;
pub mod extension;
pub mod facts;
pub mod followup;
pub mod followup_overview;
pub mod generate;
pub mod handover;
pub mod ids;
pub mod latest;
pub mod meeting;
pub mod merge;
pub mod migrate;
pub mod money;
pub mod number;
pub mod office;
pub mod org;
pub mod overview;
pub mod paging;
pub mod portfolio;
pub mod progress;
pub mod project;
pub mod reading;
pub mod record;
pub mod report;
pub mod sample;
pub mod share;
pub mod sheets;
pub mod sorting;
pub mod status;
pub mod succession;
pub mod summary;
pub mod table;
pub mod tabs;
pub mod text;
pub mod unit_join;
pub mod unreadable;
pub mod validate;

pub use collection::Collection;
pub use conclusion::{
    Conclusion, Directive, DirectivePath, DirectiveUpdate, NumberChoices, RecordedStatus,
};
pub use dataset::{
    Changes, Dataset, ImportSummary, Visitor, VisitorMut, FORMAT_NAME, SCHEMA_VERSION,
};
pub use deadline::Deadline;
pub use extension::{Extension, ExtensionMark};
pub use facts::{urgency_key, DirectiveFacts};
pub use followup::{FollowUpState, Tally, DEFAULT_DUE_SOON_DAYS};
pub use ids::*;
pub use meeting::{Meeting, MeetingKind};
pub use migrate::{parse_dataset, LoadError, Loaded};
pub use money::{Amount, Qualifier, Vnd};
pub use org::{BodyKind, Committee, DatedCapital, Unit, UnitKind};
pub use progress::*;
pub use project::*;
pub use record::{Record, RecordKind};
pub use validate::{validate, Problem, ValidationError};
