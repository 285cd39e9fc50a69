//! Follow-up: meetings, conclusions and the checklist of their directives, the follow-up
//! overview (`followup_page`), the follow-up report (`report`), and the forms that record
//! them: a meeting, a conclusion, a directive, a unit's update, a unit's request for more
//! time (`request_form`) and an extension; `requests` lists the requests awaiting the
//! office's decision (on the overview and the report) and answers them. They read
//! `domain::followup` (the state against a date, the deadline in force, tallies, the
//! overview and the report's counts) and its drafts.
//!
//! `update_form` is shared with the units area: a unit's page records updates on the
//! directives it owes through the same forms and the same rows (`directive_item`, whose
//! buttons open the forms of `RowForms`: update, request, extension).

mod conclusion_form;
mod conclusions;
mod directive_form;
mod extension_form;
mod followup_page;
mod meeting_form;
mod meetings;
mod report;
mod request_form;
mod requests;
mod row_form;
mod update_form;

pub(super) use conclusion_form::{ConclusionForm, ConclusionFormProps};
pub(super) use conclusions::{ConclusionList, ConclusionPage, ConclusionPageProps};
pub(super) use followup_page::FollowUpPage;
pub(super) use meeting_form::{MeetingForm, MeetingFormProps};
pub(super) use meetings::{MeetingList, MeetingPage, MeetingPageProps};
pub(super) use report::ReportPage;
pub(super) use update_form::{directive_item, RowForms};
