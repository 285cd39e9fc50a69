//! The domain: plain Rust, no browser. Everything an officer's rules decide lives here and is
//! tested natively.
//!
//! One folder per area, each with its records, rules, drafts and `Dataset` verbs, and a front
//! door (its `mod.rs`: what it owns, its invariants, and what other layers use):
//! - `model`: the model's core (`Dataset`, `Collection`, ids, `Record`, derived lookups, tabs);
//! - `projects`: projects, progress reports, schedule status, the projects list, the dashboard;
//! - `followup`: meetings, conclusions, directives, deadlines, extensions, the follow-up state,
//!   the overview and the follow-up report's counts;
//! - `units`: committees and units, their joining, ending and hand-overs;
//! - `sharing`: export, import and merge, validation, migration of older files;
//! - `documents`: notices read in; documents, tables, Word and Excel files written;
//! - `network`: replication with a CouchDB database (sans-IO: requests out, answers in).
//!
//! Beside them: `draft` (what every form's draft shares: field errors, reading numbers and
//! dates as typed, the office's settings), small support modules (`text`, `decode`, `number`,
//! `money`, `dates`, `sorting`, `paging`), and the test-data builders `sample` and `generate`.

pub mod documents;
pub mod followup;
pub mod model;
pub mod network;
pub mod projects;
pub mod sharing;
pub mod units;

pub mod dates;
pub mod decode;
pub mod draft;
pub mod money;
pub mod number;
pub mod paging;
pub mod sorting;
pub mod text;

pub mod generate;
pub mod sample;

pub use followup::{
    urgency_key, Conclusion, Deadline, Directive, DirectiveFacts, DirectivePath, DirectiveUpdate,
    Extension, ExtensionMark, FollowUpState, Meeting, MeetingKind, NumberChoices, RecordedStatus,
    Tally, DEFAULT_DUE_SOON_DAYS,
};
pub use model::*;
pub use money::{Amount, Qualifier, Vnd};
pub use projects::{
    changes_since_previous, Capital, CapitalSource, Construction, Dated, InvestmentGroup,
    LatestFigures, Light, Measure, MeasureChange, Obstacle, ObstacleCategory, ProgressReport,
    Project, ReportChanges, ScheduleStatus, SiteClearance, StatusDecision, TrafficLight,
};
pub use sharing::{parse_dataset, validate, LoadError, Loaded, Problem, ValidationError};
pub use units::{BodyKind, Committee, DatedCapital, Unit, UnitKind};
