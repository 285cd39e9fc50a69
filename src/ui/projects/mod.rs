//! Projects: the dashboard, the register of key projects (`project_list`), one project's
//! page (`project_page`, with its `chart`) and the forms that change a project: the project
//! itself, a progress report, the officer's judgement and an obstacle. They read
//! `domain::projects` (schedule status, latest figures, the portfolio and the dashboard's
//! figures) and the project drafts.
//!
//! The dashboard sits here though it also quotes the follow-up: its figures are the
//! projects' (`domain::projects::dashboard`). It also loads the sample, which the Data
//! screen (`sharing`) offers too.

mod chart;
mod dashboard;
mod judgement_form;
mod obstacle_form;
mod project_form;
mod project_list;
mod project_page;
mod report_form;

pub(super) use dashboard::{load_sample, Dashboard};
pub(super) use project_form::{ProjectForm, ProjectFormProps};
pub(super) use project_list::ProjectList;
pub(super) use project_page::{ProjectPage, ProjectPageProps};
