//! Projects and their progress: the register of key projects, their obstacles, dated
//! progress reports and what is computed from them.
//!
//! - `project`, `progress`: the records; percentages are computed from their parts, a
//!   reported percentage is used only where the parts are unknown.
//! - `latest`: each figure carried forward field by field from partial reports, what the
//!   latest report changed, and a cumulative figure that went down (`drops`).
//! - `status`: a project's schedule status (the rules in order in its module doc) and, when
//!   behind, the rule that fired with its figures (`BehindReason`).
//! - `portfolio`: the projects list filtered and sorted (`ProjectQuery`).
//! - `dashboard`: the figures the dashboard quotes, with its thresholds
//!   (`STALE_REPORT_DAYS`, `RECENT_CHANGE_DAYS`).
//! - `*_draft`: the project, report and obstacle forms' drafts.
//! - `verbs`: what an officer does on a project's page (archive, add a report, judge,
//!   resolve an obstacle), each a named change of the data.

pub(super) mod dashboard;
pub(super) mod latest;
pub(super) mod obstacle_draft;
pub(super) mod portfolio;
pub(super) mod progress;
pub(super) mod project;
pub(super) mod project_draft;
pub(super) mod report_draft;
pub(super) mod status;
mod verbs;

pub use dashboard::{
    Behind, CapitalTotals, Figure, ProjectFacts, RECENT_CHANGE_DAYS, STALE_REPORT_DAYS,
};
pub use latest::{
    changes_since_previous, drops, reports_with_drops, Dated, LatestFigures, Measure,
    MeasureChange, ReportChanges,
};
pub use obstacle_draft::ObstacleDraft;
pub use portfolio::{ProjectQuery, ProjectRow, ProjectSort};
pub use progress::{Capital, Construction, ProgressReport, SiteClearance};
pub use project::{
    CapitalSource, InvestmentGroup, Light, Obstacle, ObstacleCategory, Project, ScheduleStatus,
    StatusDecision, TrafficLight,
};
pub use project_draft::ProjectDraft;
pub use report_draft::ReportDraft;
pub use status::{
    computed_status, planned_percent, schedule_verdict, BehindReason, JudgementError,
    ScheduleVerdict, DEFAULT_TOLERANCE_POINTS,
};
