//! Projects.

pub mod dashboard;
pub mod latest;
pub mod obstacle_draft;
pub mod portfolio;
pub mod progress;
pub mod project;
pub mod project_draft;
pub mod report_draft;
pub mod status;
