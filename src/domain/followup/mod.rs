//! Follow-up.

pub mod conclusion;
pub mod conclusion_draft;
pub mod deadline;
pub mod directive_draft;
pub mod extension;
pub mod extension_draft;
pub mod facts;
pub mod meeting;
pub mod meeting_draft;
pub mod overview;
pub mod report_counts;
pub mod state;
pub mod tallies;
pub mod update_draft;

pub use state::*;
