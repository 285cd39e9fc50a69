//! A unit's request for more time (đề nghị gia hạn): asked from the unit's side with the
//! new date and the reason, then granted by the office (it becomes the directive's
//! extension, with the granting document) or refused. The request and the answer are kept.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::followup::deadline::Deadline;
use crate::domain::followup::extension::Extension;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{DirectiveId, ExtensionRequestId, UnitId};
use crate::domain::model::record::{record_impl, RecordKind};
use crate::domain::sharing::validate::Problem;
use crate::domain::Field;

/// A request for more time on one directive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtensionRequest {
    pub id: ExtensionRequestId,
    #[serde(with = "crate::domain::dates::stamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::dates::stamp")]
    pub updated_at: DateTime<Utc>,
    pub directive: DirectiveId,
    /// The unit asking (the directive's lead on the day it asks).
    pub unit: UnitId,
    #[serde(with = "crate::domain::dates::day")]
    pub asked_on: NaiveDate,
    /// The day the unit asks to be given until.
    #[serde(with = "crate::domain::dates::day")]
    pub until: NaiveDate,
    pub reason: String,
    /// The unit's request document ("Công văn số 45/UBND-KT").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub document_ref: String,
    /// The office's answer, once given.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub decision: Option<Decision>,
}
record_impl!(
    ExtensionRequest,
    ExtensionRequestId,
    RecordKind::ExtensionRequest,
    |r| crate::domain::dates::dd_mm_yyyy(r.asked_on)
);

/// The office's answer to a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Decision {
    /// Granted by `document_ref` of `on`: the directive has the extension.
    Granted {
        #[serde(with = "crate::domain::dates::day")]
        on: NaiveDate,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        document_ref: String,
    },
    /// Refused, with why.
    Refused {
        #[serde(with = "crate::domain::dates::day")]
        on: NaiveDate,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
}

impl ExtensionRequest {
    pub fn is_waiting(&self) -> bool {
        self.decision.is_none()
    }

    /// The extension granting it on `on` by `document_ref`: the day asked for, in the
    /// words officers write it, with the request's reason.
    pub fn as_extension(&self, on: NaiveDate, document_ref: &str) -> Extension {
        Extension {
            deadline: Deadline::On {
                words: format!("đến ngày {}", crate::domain::dates::dd_mm_yyyy(self.until)),
                date: self.until,
            },
            granted_on: on,
            document_ref: document_ref.trim().to_owned(),
            reason: self.reason.trim().to_owned(),
        }
    }
}

impl Dataset {
    /// Every request on `directive`, answered or not, the oldest first (its history).
    pub fn requests_on(&self, directive: &DirectiveId) -> Vec<&ExtensionRequest> {
        let mut list: Vec<&ExtensionRequest> = self
            .extension_requests
            .iter()
            .filter(|r| &r.directive == directive)
            .collect();
        crate::domain::sorting::sort_by_key(&mut list, |r| (r.asked_on, r.created_at));
        list
    }

    /// The requests no answer has been given to, the oldest first.
    pub fn waiting_requests(&self) -> Vec<&ExtensionRequest> {
        let mut waiting: Vec<&ExtensionRequest> = self
            .extension_requests
            .iter()
            .filter(|r| r.is_waiting())
            .collect();
        crate::domain::sorting::sort_by_key(&mut waiting, |r| (r.asked_on, r.created_at));
        waiting
    }

    /// Grants request `id` on `on` by `document_ref`: the directive gets the extension (the
    /// rules of any extension apply) and the request keeps the answer. Nothing changes when
    /// a rule refuses it, or the request is already answered.
    pub fn grant_request(
        &mut self,
        id: &ExtensionRequestId,
        on: NaiveDate,
        document_ref: &str,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<(Field, Problem)>> {
        let (request, directive) = self.open_request(id)?;
        let extension = request.as_extension(on, document_ref);
        let issued = self
            .conclusions
            .get(&directive.conclusion)
            .map_or(NaiveDate::MIN, |c| c.date);
        let problems = directive.extension_problems(&extension, issued, today);
        if !problems.is_empty() {
            return Err(problems);
        }
        let extended = directive.extended(extension, now);
        let mut answered = request.clone();
        answered.decision = Some(Decision::Granted {
            on,
            document_ref: document_ref.trim().to_owned(),
        });
        answered.updated_at = now;
        self.directives.upsert(extended);
        self.extension_requests.upsert(answered);
        Ok(())
    }

    /// Refuses request `id` on `on`, saying why; the deadline stays as it was.
    pub fn refuse_request(
        &mut self,
        id: &ExtensionRequestId,
        on: NaiveDate,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<(Field, Problem)>> {
        let (request, _) = self.open_request(id)?;
        let mut answered = request.clone();
        answered.decision = Some(Decision::Refused {
            on,
            note: note.trim().to_owned(),
        });
        answered.updated_at = now;
        self.extension_requests.upsert(answered);
        Ok(())
    }

    fn open_request(
        &self,
        id: &ExtensionRequestId,
    ) -> Result<(&ExtensionRequest, &crate::domain::Directive), Vec<(Field, Problem)>> {
        let request = self
            .extension_requests
            .get(id)
            .filter(|r| r.is_waiting())
            .ok_or_else(|| vec![(Field::Decision, Problem::AlreadyAnswered)])?;
        let directive = self.directives.get(&request.directive).ok_or_else(|| {
            vec![(
                Field::Directive,
                Problem::Missing {
                    target: RecordKind::Directive,
                    id: request.directive.to_string(),
                },
            )]
        })?;
        Ok((request, directive))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::{now, sample};
    use crate::domain::FollowUpState;

    fn ask(data: &Dataset, until_days: u64) -> ExtensionRequest {
        let today = crate::domain::sample::fixture::today();
        let d = data
            .followed()
            .into_iter()
            .find(|d| d.state(today, 7) == FollowUpState::Overdue)
            .unwrap();
        ExtensionRequest {
            id: "rq-1".into(),
            created_at: now(),
            updated_at: now(),
            directive: d.id.clone(),
            unit: d.lead_at(today).unwrap().clone(),
            asked_on: today,
            until: today + chrono::Days::new(until_days),
            reason: "Chờ phê duyệt phương án bồi thường".into(),
            document_ref: "Công văn số 45/UBND".into(),
            decision: None,
        }
    }

    #[test]
    fn a_granted_request_becomes_the_extension_and_keeps_its_answer() {
        let (mut data, today) = sample();
        let request = ask(&data, 30);
        data.extension_requests.upsert(request.clone());
        assert_eq!(data.waiting_requests().len(), 1);
        data.grant_request(&request.id, today, "Công văn số 112/VP", today, now())
            .unwrap();
        let d = data.directives.get(&request.directive).unwrap();
        assert_eq!(d.due_on(today), Some(request.until));
        assert_eq!(d.state(today, 7), FollowUpState::OpenWithinTerm);
        assert_eq!(
            d.extensions.last().unwrap().document_ref,
            "Công văn số 112/VP"
        );
        assert!(data.waiting_requests().is_empty());
        assert!(matches!(
            data.extension_requests.get(&request.id).unwrap().decision,
            Some(Decision::Granted { .. })
        ));
        // Answered once only.
        assert!(data.refuse_request(&request.id, today, "", now()).is_err());
    }

    #[test]
    fn a_request_no_later_than_the_deadline_is_not_granted_and_nothing_changes() {
        let (mut data, today) = sample();
        let mut request = ask(&data, 0);
        let d = data.directives.get(&request.directive).unwrap().clone();
        request.until = d.due_on(today).unwrap();
        data.extension_requests.upsert(request.clone());
        let before = data.clone();
        let problems = data
            .grant_request(&request.id, today, "", today, now())
            .unwrap_err();
        assert!(problems.contains(&(Field::Deadline, Problem::NotLater)));
        assert_eq!(data.directives.get(&d.id), before.directives.get(&d.id));
        assert!(data
            .extension_requests
            .get(&request.id)
            .unwrap()
            .is_waiting());
        // Refused, the deadline stays and the answer is kept.
        data.refuse_request(&request.id, today, "Không có căn cứ", now())
            .unwrap();
        assert_eq!(data.directives.get(&d.id).unwrap().extensions, d.extensions);
        assert!(data.waiting_requests().is_empty());
    }
}
