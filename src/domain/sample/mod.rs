//! The built-in sample: the six Điện Biên key projects with their reported figures, a
//! committee, the units involved, two meetings and two conclusions written for this sample.
//!
//! Every date is placed relative to `today`, so that whenever it is loaded the directives
//! show every follow-up state (done on time, done late, open within term, due soon, overdue,
//! no deadline, transferred) and the reports look recent.

mod figures;
mod follow_up;
mod portfolio;
mod reorganisation;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};

use crate::domain::followup::conclusion::{
    Conclusion, Directive, DirectivePath, DirectiveUpdate, RecordedStatus,
};
use crate::domain::followup::deadline::{last_day_of_month, Deadline};
use crate::domain::followup::meeting::{Meeting, MeetingKind};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{
    CommitteeId, ConclusionId, DirectiveId, IdSource, MeetingId, ProjectId, UnitId,
};
use crate::domain::money::{Amount, Qualifier, Vnd};
use crate::domain::projects::progress::{Capital, Construction, ProgressReport, SiteClearance};
use crate::domain::projects::project::{
    CapitalSource, InvestmentGroup, Light, Obstacle, ObstacleCategory, Project, ScheduleStatus,
    StatusDecision, TrafficLight,
};
use crate::domain::units::org::{BodyKind, Committee, DatedCapital, Unit, UnitKind};

pub(super) struct Builder<'a> {
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    pub ids: &'a mut dyn IdSource,
    pub data: Dataset,
}

use crate::domain::dates::d_m_yyyy as dmy;

impl Builder<'_> {
    pub fn id(&mut self) -> String {
        self.ids.next_id()
    }

    pub fn days_ago(&self, n: u64) -> NaiveDate {
        self.today - Days::new(n)
    }

    pub fn days_ahead(&self, n: u64) -> NaiveDate {
        self.today + Days::new(n)
    }

    pub fn unit(&mut self, name: &str, short: &str, kind: UnitKind) -> UnitId {
        let id = UnitId(self.id());
        self.data.units.upsert(Unit {
            name: name.into(),
            short_name: short.into(),
            kind,
            ..Unit::blank(id.clone(), self.now)
        });
        id
    }

    pub fn report(
        &mut self,
        project: &ProjectId,
        as_of: NaiveDate,
        sc: SiteClearance,
        c: Construction,
        cap: Capital,
        text: &str,
    ) {
        let id = self.id().as_str().into();
        self.data.progress_reports.upsert(ProgressReport {
            id,
            created_at: self.now,
            updated_at: self.now,
            project: project.clone(),
            as_of,
            site_clearance: sc,
            construction: c,
            capital: cap,
            narrative: text.into(),
        });
    }

    pub fn obstacle(
        &mut self,
        project: &ProjectId,
        category: ObstacleCategory,
        text: &str,
        unit: Option<&UnitId>,
        since: NaiveDate,
    ) {
        let id = self.id().as_str().into();
        self.data.obstacles.upsert(Obstacle {
            id,
            created_at: self.now,
            updated_at: self.now,
            project: project.clone(),
            category,
            description: text.into(),
            responsible_unit: unit.cloned(),
            since: Some(since),
            resolved_on: None,
            directive: None,
        });
    }

    #[allow(clippy::too_many_arguments)]
    pub fn directive(
        &mut self,
        conclusion: &ConclusionId,
        path: &str,
        text: &str,
        lead: Option<&UnitId>,
        coordinating: &[&UnitId],
        deadline: Deadline,
        projects: &[&ProjectId],
        status: RecordedStatus,
    ) -> DirectiveId {
        let id = DirectiveId(self.id());
        self.data.directives.upsert(Directive {
            id: id.clone(),
            created_at: self.now,
            updated_at: self.now,
            conclusion: conclusion.clone(),
            path: DirectivePath::parse(path).expect("sample paths are valid"),
            label: String::new(),
            text: text.into(),
            lead_unit: lead.cloned(),
            coordinating_units: coordinating.iter().map(|u| (*u).clone()).collect(),
            responsible_person: String::new(),
            deadline,
            extensions: Vec::new(),
            handovers: Vec::new(),
            projects: projects.iter().map(|p| (*p).clone()).collect(),
            status,
        });
        id
    }

    pub fn update(
        &mut self,
        directive: &DirectiveId,
        date: NaiveDate,
        by: &str,
        text: &str,
        doc: &str,
        status: Option<RecordedStatus>,
    ) {
        let id = self.id().as_str().into();
        self.data.directive_updates.upsert(DirectiveUpdate {
            id,
            created_at: self.now,
            updated_at: self.now,
            directive: directive.clone(),
            date,
            reported_by: by.into(),
            text: text.into(),
            document_ref: doc.into(),
            document_date: None,
            status,
        });
    }
}

pub(super) fn bn(whole: i64, hundredths: i64) -> Option<Vnd> {
    Some(Vnd::billions(whole, hundredths))
}

/// Builds the sample for `today`, with fresh ids from `ids` (so loading it twice adds two
/// independent copies rather than overwriting anything).
pub fn sample_dataset(today: NaiveDate, now: DateTime<Utc>, ids: &mut dyn IdSource) -> Dataset {
    let mut b = Builder {
        now,
        today,
        ids,
        data: Dataset::default(),
    };
    let cast = portfolio::build(&mut b);
    figures::build(&mut b, &cast);
    follow_up::build(&mut b, &cast);
    reorganisation::build(&mut b, &cast);
    b.data
}

/// The fixed clock and the sample every domain test reads, so tests agree on "today".
#[cfg(test)]
pub(crate) mod fixture {
    use chrono::{DateTime, NaiveDate, Utc};

    use super::sample_dataset;
    use crate::domain::model::ids::SeededIds;
    use crate::domain::Dataset;

    pub fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    pub fn now() -> DateTime<Utc> {
        "2026-11-23T03:00:00Z".parse().unwrap()
    }

    /// The sample as loaded on 23/11/2026, with that date.
    pub fn sample() -> (Dataset, NaiveDate) {
        (
            sample_dataset(today(), now(), &mut SeededIds::new(4)),
            today(),
        )
    }

    /// The sample's 16-KL/BCĐ conclusion (a Party committee's, with sub-items).
    pub fn conclusion_16(data: &Dataset) -> &crate::domain::Conclusion {
        data.conclusions
            .iter()
            .find(|c| c.number_symbol == "16-KL/BCĐ")
            .expect("the sample has 16-KL/BCĐ")
    }

    /// A bare conclusion "<id>-KL/BCĐ" dated `date`, for tests that build their own data.
    pub fn conclusion(id: &str, date: NaiveDate) -> crate::domain::Conclusion {
        crate::domain::Conclusion {
            id: id.into(),
            created_at: now(),
            updated_at: now(),
            committee: None,
            meeting: None,
            number_symbol: format!("{id}-KL/BCĐ"),
            date,
            issuing_body: String::new(),
            title: "Kết luận".into(),
            signer: String::new(),
            signer_title: String::new(),
            recipients: Vec::new(),
            assessment: String::new(),
            parent_body: String::new(),
            place: String::new(),
            body_kind: None,
            opening: String::new(),
            closing: String::new(),
            joined: Vec::new(),
        }
    }

    /// A directive `id` of conclusion `conclusion`, item `path`, led by `lead`, due on
    /// `due` (none: no deadline), recorded as `status`.
    pub fn directive(
        id: &str,
        conclusion: &str,
        path: &str,
        lead: &str,
        due: Option<NaiveDate>,
        status: crate::domain::RecordedStatus,
    ) -> crate::domain::Directive {
        use crate::domain::{Deadline, Directive, DirectivePath};
        Directive {
            id: id.into(),
            created_at: now(),
            updated_at: now(),
            conclusion: conclusion.into(),
            path: DirectivePath::parse(path).expect("a path"),
            label: String::new(),
            text: format!("Nhiệm vụ {id}"),
            lead_unit: Some(lead.into()),
            coordinating_units: Vec::new(),
            responsible_person: String::new(),
            deadline: due.map_or(Deadline::None {}, |date| Deadline::On {
                date,
                words: String::new(),
            }),
            extensions: Vec::new(),
            handovers: Vec::new(),
            projects: Vec::new(),
            status,
        }
    }

    /// An officer corrects the text of directive number `n` (in id order, wrapping around)
    /// `minutes` after [`now`].
    pub fn edit_directive(data: &mut Dataset, n: usize, text: &str, minutes: i64) {
        let ids: Vec<_> = data.directives.iter().map(|d| d.id.clone()).collect();
        let id = &ids[n % ids.len()];
        let mut d = data.directives.get(id).unwrap().clone();
        d.text = text.to_owned();
        d.updated_at = now() + chrono::Duration::minutes(minutes);
        data.directives.upsert(d);
    }
}
