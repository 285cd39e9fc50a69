//! Deadline extensions (gia hạn). A unit asks for more time and the committee grants it by a
//! later document. The original deadline is never overwritten: each extension is kept, and a
//! directive is judged against the deadline in force on the day that matters, the day it was
//! done, or the reference date while it is still open. An item done before its original
//! deadline stays done on time whatever came later; a late item does not become on time by
//! an extension granted after it was done.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::followup::conclusion::{Directive, RecordedStatus};
use crate::domain::followup::deadline::Deadline;
use crate::domain::sharing::validate::Problem;
use crate::domain::sorting;
use crate::domain::Field;

/// One extension of a directive's deadline, as the granting document words it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// The new deadline, in the granting document's words, with its due date.
    pub deadline: Deadline,
    /// The day the extension was granted (the granting document's date).
    #[serde(with = "crate::domain::dates::day")]
    pub granted_on: NaiveDate,
    /// Reference of the granting document ("Công văn số 112/UBND-KT").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub document_ref: String,
    /// Why more time was given, as the request or the document says.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// One extension as the directive's history reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExtensionStep<'a> {
    pub extension: &'a Extension,
    /// The deadline in force before it.
    pub replaced: &'a Deadline,
    /// Granted after the replaced deadline's due day had passed: the request came late,
    /// which the follow-up report shows as a finding of its own.
    pub granted_late: bool,
}

/// What a list shows of a directive given more time, as of a reference date: the original
/// deadline, the one granted last by then, how many times, whether any came late, and the
/// last granting document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExtensionMark<'a> {
    pub original: &'a Deadline,
    pub current: &'a Deadline,
    pub times: usize,
    pub late: bool,
    pub document_ref: &'a str,
}

impl Directive {
    /// The mark "đã gia hạn" as of `reference`: none when no extension had been granted by
    /// then (an extension recorded with a later date does not show yet).
    pub fn extension_mark(&self, reference: NaiveDate) -> Option<ExtensionMark<'_>> {
        if self.extensions.is_empty() {
            return None;
        }
        let history = self.extension_history();
        let granted: Vec<&ExtensionStep<'_>> = history
            .iter()
            .filter(|s| s.extension.granted_on <= reference)
            .collect();
        let last = granted.last()?;
        Some(ExtensionMark {
            original: &self.deadline,
            current: &last.extension.deadline,
            times: granted.len(),
            late: granted.iter().any(|s| s.granted_late),
            document_ref: &last.extension.document_ref,
        })
    }

    /// The deadline in force on `date`: the latest extension granted on or before it, else
    /// the original one.
    pub fn deadline_on(&self, date: NaiveDate) -> &Deadline {
        if self.extensions.is_empty() {
            return &self.deadline;
        }
        // `max_by_key` keeps the last of equal keys: of two granted the same day, the one
        // recorded later stands.
        self.extensions
            .iter()
            .filter(|e| e.granted_on <= date)
            .max_by_key(|e| e.granted_on)
            .map_or(&self.deadline, |e| &e.deadline)
    }

    /// The due day in force on `date`.
    pub fn due_on(&self, date: NaiveDate) -> Option<NaiveDate> {
        self.deadline_on(date).due()
    }

    /// The deadline the directive is judged against as of `reference`: for one done, the
    /// one in force on the day it was done (the original when it was done by then, whatever
    /// came later); for any other, the one in force on `reference`.
    pub fn deadline_judged(&self, reference: NaiveDate) -> &Deadline {
        match self.status {
            RecordedStatus::Done { on } if self.deadline.due().is_some_and(|due| on <= due) => {
                &self.deadline
            }
            RecordedStatus::Done { on } => self.deadline_on(on),
            _ => self.deadline_on(reference),
        }
    }

    /// The due day a directive is judged against as of `reference` (see
    /// [`Directive::deadline_judged`]): what lists sort and filter by.
    pub fn due_judged(&self, reference: NaiveDate) -> Option<NaiveDate> {
        self.deadline_judged(reference).due()
    }

    /// Whether an extension had been granted by `date`.
    pub fn extended_by(&self, date: NaiveDate) -> bool {
        self.extensions.iter().any(|e| e.granted_on <= date)
    }

    /// The extensions in the order they were granted, each with the deadline it replaced.
    pub fn extension_history(&self) -> Vec<ExtensionStep<'_>> {
        let mut granted: Vec<&Extension> = self.extensions.iter().collect();
        sorting::sort_by_key(&mut granted, |e| e.granted_on);
        let mut replaced = &self.deadline;
        granted
            .into_iter()
            .map(|extension| {
                let step = ExtensionStep {
                    extension,
                    replaced,
                    granted_late: replaced.due().is_some_and(|due| extension.granted_on > due),
                };
                replaced = &extension.deadline;
                step
            })
            .collect()
    }

    /// Whether any extension of the directive was asked for and granted after its
    /// deadline had passed.
    pub fn extended_late(&self) -> bool {
        self.extension_history().iter().any(|s| s.granted_late)
    }

    /// What is wrong with granting `extension`, by field, for a directive of a conclusion
    /// issued on `issued`, recorded `today`. An extension must give a due day later than
    /// the one in force when it is granted, come after the conclusion and after the last
    /// extension, not be dated in the future, and not come after the directive was closed.
    pub fn extension_problems(
        &self,
        extension: &Extension,
        issued: NaiveDate,
        today: NaiveDate,
    ) -> Vec<(Field, Problem)> {
        let mut problems = Vec::new();
        let granted = extension.granted_on;
        if granted > today {
            problems.push((Field::GrantedOn, Problem::InFuture));
        } else if granted < issued {
            problems.push((Field::GrantedOn, Problem::BeforeConclusion));
        } else if self.extensions.iter().any(|e| e.granted_on > granted) {
            problems.push((Field::GrantedOn, Problem::BeforeLastExtension));
        } else if closed_on(&self.status).is_some_and(|closed| granted > closed) {
            problems.push((Field::GrantedOn, Problem::AfterClosed));
        }
        match extension.deadline.due() {
            None => problems.push((Field::Deadline, Problem::NoDueDay)),
            Some(due) => {
                let in_force = self.due_on(granted);
                if in_force.is_some_and(|before| due <= before) || due < granted {
                    problems.push((Field::Deadline, Problem::NotLater));
                }
            }
        }
        problems
    }

    /// The directive with `extension` added after the others: the original deadline and
    /// the earlier extensions stay as they were.
    pub fn extended(&self, extension: Extension, now: DateTime<Utc>) -> Directive {
        let mut d = self.clone();
        d.extensions.push(extension);
        d.updated_at = now;
        d
    }
}

pub(crate) fn closed_on(status: &RecordedStatus) -> Option<NaiveDate> {
    match status {
        RecordedStatus::NotStarted {} | RecordedStatus::InProgress {} => None,
        RecordedStatus::Done { on }
        | RecordedStatus::Cancelled { on, .. }
        | RecordedStatus::Transferred { on, .. } => Some(*on),
    }
}

#[cfg(test)]
#[path = "extension_tests.rs"]
mod tests;
