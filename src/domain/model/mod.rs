//! The model's core: the whole of an office's data and what every record has.
//!
//! - `Dataset` is one versioned value (`SCHEMA_VERSION`) of flat collections, the unit of
//!   export and storage; each area adds its own verbs to it in its own folder.
//! - `Collection<T>` keys records by their typed id and remembers which ids changed since the
//!   last save (storage rewrites only those), and the version each started from (tabs).
//! - Invariant: every record has a stable UUID and `created_at`/`updated_at`, so two officers'
//!   data can be merged record by record (`Record`, `RecordKind`).
//! - `derived`: what screens look up on every click, found once per version of the data.
//! - `tabs`: another tab's saved records brought in without erasing this tab's changes.

pub(super) mod collection;
pub(super) mod dataset;
pub(super) mod derived;
pub(super) mod field;
pub(super) mod ids;
mod originals;
pub(super) mod record;
pub(super) mod tabs;

pub use collection::Collection;
pub use dataset::{
    paths_taken, Changes, ChecklistLine, Dataset, ImportSummary, Visitor, VisitorMut, FORMAT_NAME,
    SCHEMA_VERSION,
};
pub use derived::{Derived, Lookups, ProjectFigures};
pub use field::Field;
pub use ids::*;
pub use record::{Record, RecordKind};
pub use tabs::{Cover, Part, Rebased, Whole};
