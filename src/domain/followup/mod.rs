//! Meetings, conclusions and their follow-up: the directives a conclusion gives, their
//! deadlines and extensions, what units report, and what is computed from it as of a date.
//!
//! - `conclusion`, `meeting`: the records (a conclusion's numbered directives and each
//!   directive's follow-up log).
//! - `deadline`: a deadline as the document words it, and reading those words.
//! - `extension`: a directive keeps its original deadline and its extensions; it is judged
//!   against the deadline in force.
//! - `state`: a directive's follow-up state on a reference date, apart from what was recorded.
//! - `facts`: invariant: every place that lists a directive reads its lead, deadline and state
//!   from `Directive::facts`, and orders lists by `urgency_key`; none decides them again.
//! - `tallies`: counts per unit and per conclusion, what falls due within days, what the
//!   coming meeting should ask about, search.
//! - `overview`: the follow-up overview screen's figures, computed in one pass.
//! - `report_counts`: the follow-up report's counts as of its date and the ranking of units.
//! - `*_draft`: the meeting, conclusion, directive, update and extension forms' drafts.

pub(super) mod citation;
pub(super) mod conclusion;
pub(super) mod conclusion_draft;
pub(super) mod deadline;
pub(super) mod directive_draft;
pub(super) mod extension;
pub(super) mod extension_draft;
pub(super) mod extension_request;
pub(super) mod extension_request_draft;
pub(super) mod facts;
pub(super) mod meeting;
pub(super) mod meeting_draft;
pub(super) mod overview;
pub(super) mod period;
pub(super) mod report_counts;
pub(super) mod state;
pub(super) mod tallies;
pub(super) mod update_draft;

pub use citation::{legend_mark, own_mark, Citations};
pub use conclusion::{
    Conclusion, Directive, DirectivePath, DirectiveUpdate, NumberChoices, RecordedStatus,
};
pub use conclusion_draft::ConclusionDraft;
pub use deadline::{parse_deadline, Deadline, DeadlineError};
pub use directive_draft::DirectiveDraft;
pub use extension::{Extension, ExtensionMark, ExtensionStep};
pub use extension_draft::ExtensionDraft;
pub use extension_request::{Decision, ExtensionRequest};
pub use extension_request_draft::ExtensionRequestDraft;
pub use facts::{urgency_key, DirectiveFacts};
pub use meeting::{Meeting, MeetingKind};
pub use meeting_draft::MeetingDraft;
pub use overview::{FollowUpOverview, KeptOverview};
pub use period::ReportPeriod;
pub use report_counts::{
    FollowUpReport, ReportCounts, ReportScope, UnitLine, RANKING_RULE, REPLY_WITHIN_DAYS,
    REPORT_PERIOD_FALLBACK_DAYS,
};
pub use state::{follow_up_state, urgency_order, FollowUpState, Tally, DEFAULT_DUE_SOON_DAYS};
pub use tallies::{
    ComingMeeting, Found, SearchIndex, SearchResults, UnitCounts, DUE_WITHIN_MONTH_DAYS,
    DUE_WITHIN_WEEK_DAYS,
};
pub use update_draft::{UpdateDraft, STATUS_CODES};
