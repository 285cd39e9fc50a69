//! A project of the register as typed in the project form: every field of the model.

use chrono::{DateTime, Utc};

use crate::domain::draft::{billions_text, code, date_text, from_code, id_of, FieldError, Reader};
use crate::domain::money::Amount;
use crate::domain::number::DecimalMark;
use crate::domain::projects::project::Project;
use crate::domain::sharing::validate::validate_project;
use crate::domain::Field;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectDraft {
    pub name: String,
    pub short_name: String,
    /// Committee id, or empty.
    pub committee: String,
    /// Investor unit id, or empty.
    pub investor: String,
    pub location: String,
    /// Codes of the format ("a", "state_budget"), or empty.
    pub group: String,
    pub capital_source: String,
    pub total_investment_billions: String,
    /// "over", "nearly", "about", or empty.
    pub total_investment_qualifier: String,
    pub phase: String,
    /// "dd/mm/yyyy" or empty.
    pub planned_start: String,
    pub planned_finish: String,
    pub leader_in_charge: String,
}

impl ProjectDraft {
    /// The form filled with a stored project, numbers written in the officer's convention.
    pub fn from_project(p: &Project, mark: DecimalMark) -> Self {
        let opt = |id: Option<&str>| id.unwrap_or_default().to_owned();
        ProjectDraft {
            name: p.name.clone(),
            short_name: p.short_name.clone(),
            committee: opt(p.committee.as_ref().map(|c| c.as_str())),
            investor: opt(p.investor.as_ref().map(|u| u.as_str())),
            location: p.location.clone(),
            group: p.group.as_ref().map(code).unwrap_or_default(),
            capital_source: p.capital_source.as_ref().map(code).unwrap_or_default(),
            total_investment_billions: p
                .total_investment
                .map(|a| billions_text(a.vnd, mark))
                .unwrap_or_default(),
            total_investment_qualifier: p
                .total_investment
                .and_then(|a| a.qualifier)
                .as_ref()
                .map(code)
                .unwrap_or_default(),
            phase: p.phase.clone(),
            planned_start: date_text(p.planned_start),
            planned_finish: date_text(p.planned_finish),
            leader_in_charge: p.leader_in_charge.clone(),
        }
    }

    /// Reads and checks the draft. Editing (`base` given) keeps the project's id, creation
    /// time, the officer's judgements and archive flag, and an amount the officer did not
    /// retype keeps its exact stored value (even beyond a hundredth of a billion).
    pub fn to_project(
        &self,
        mark: DecimalMark,
        base: Option<&Project>,
        id: String,
        now: DateTime<Utc>,
    ) -> Result<Project, Vec<FieldError>> {
        let mut r = Reader::new(mark);
        let unchanged_amount = base
            .and_then(|b| b.total_investment)
            .filter(|a| billions_text(a.vnd, mark) == self.total_investment_billions.trim());
        let total_investment = match unchanged_amount {
            Some(a) => Some(a.vnd),
            None => r.money(Field::TotalInvestment, &self.total_investment_billions),
        }
        .map(|vnd| Amount {
            vnd,
            qualifier: from_code(&self.total_investment_qualifier),
        });
        let project = Project {
            id: base.map(|b| b.id.clone()).unwrap_or_else(|| id.into()),
            created_at: base.map_or(now, |b| b.created_at),
            updated_at: now,
            committee: id_of(&self.committee),
            name: self.name.trim().to_owned(),
            short_name: self.short_name.trim().to_owned(),
            investor: id_of(&self.investor),
            location: self.location.trim().to_owned(),
            group: from_code(&self.group),
            capital_source: from_code(&self.capital_source),
            total_investment,
            phase: self.phase.trim().to_owned(),
            planned_start: r.date(Field::PlannedStart, &self.planned_start),
            planned_finish: r.date(Field::PlannedFinish, &self.planned_finish),
            leader_in_charge: self.leader_in_charge.trim().to_owned(),
            schedule_status: base.and_then(|b| b.schedule_status.clone()),
            traffic_light: base.and_then(|b| b.traffic_light.clone()),
            archived: base.is_some_and(|b| b.archived),
            joined: Vec::new(),
        };
        let rules = validate_project(&project);
        r.finish(project, rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::DateError;
    use crate::domain::draft::DraftProblem;
    use crate::domain::money::{Qualifier, Vnd};
    use crate::domain::number::NumberError;
    use crate::domain::sample::fixture::now;
    use crate::domain::sharing::validate::Problem;
    use crate::domain::{CapitalSource, InvestmentGroup, Light, TrafficLight};
    use chrono::NaiveDate;

    fn named(name: &str) -> ProjectDraft {
        ProjectDraft {
            name: name.into(),
            ..Default::default()
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&'static str> {
        errors.iter().map(|e| e.field.name()).collect()
    }

    #[test]
    fn a_new_project_from_every_field() {
        let d = ProjectDraft {
            name: " Đường Võ Nguyên Giáp kéo dài ".into(),
            short_name: "Đường VNG".into(),
            committee: "bcd".into(),
            investor: "ban-dan-dung".into(),
            location: "TP Điện Biên Phủ".into(),
            group: "b".into(),
            capital_source: "state_budget".into(),
            total_investment_billions: "1.300,5".into(),
            total_investment_qualifier: "over".into(),
            phase: "2026–2030".into(),
            planned_start: "15/01/2026".into(),
            planned_finish: "31/12/2028".into(),
            leader_in_charge: "Phó Chủ tịch UBND tỉnh".into(),
        };
        let p = d
            .to_project(DecimalMark::Comma, None, "p1".into(), now())
            .unwrap();
        assert_eq!(p.id.as_str(), "p1");
        assert_eq!(p.name, "Đường Võ Nguyên Giáp kéo dài", "trimmed");
        assert_eq!(p.group, Some(InvestmentGroup::B));
        assert_eq!(p.capital_source, Some(CapitalSource::StateBudget));
        assert_eq!(
            p.total_investment,
            Some(Amount {
                vnd: Vnd::billions(1_300, 50),
                qualifier: Some(Qualifier::Over)
            })
        );
        assert_eq!(
            p.investor.as_ref().map(|u| u.as_str()),
            Some("ban-dan-dung")
        );
        assert_eq!(p.planned_start, NaiveDate::from_ymd_opt(2026, 1, 15));
        assert_eq!(p.created_at, now());
        assert!(!p.archived);
        assert_eq!(ProjectDraft::from_project(&p, DecimalMark::Comma), {
            let mut back = d.clone();
            back.name = back.name.trim().to_owned();
            back
        });
    }

    #[test]
    fn each_problem_is_named_by_its_field() {
        let d = ProjectDraft {
            name: "  ".into(),
            total_investment_billions: "-5".into(),
            planned_start: "2027-01-01".into(),
            planned_finish: "2026-01-01".into(),
            ..Default::default()
        };
        let errors = d
            .to_project(DecimalMark::Comma, None, "p".into(), now())
            .unwrap_err();
        assert_eq!(
            fields(&errors),
            vec!["total_investment", "name", "planned_start"]
        );
        assert_eq!(
            errors[0].problem,
            DraftProblem::Number(NumberError::Negative)
        );
        assert_eq!(
            errors[2].problem,
            DraftProblem::Rule(Problem::DateAfter {
                later_field: Field::PlannedFinish
            })
        );
        let not_a_date = ProjectDraft {
            planned_finish: "31/02/2028".into(),
            ..named("X")
        };
        let errors = not_a_date
            .to_project(DecimalMark::Comma, None, "p".into(), now())
            .unwrap_err();
        assert!(matches!(
            errors[0].problem,
            DraftProblem::Date(DateError::Day { day: 31, .. })
        ));
        let same_day = ProjectDraft {
            planned_start: "2027-01-01".into(),
            planned_finish: "2027-01-01".into(),
            ..named("X")
        };
        assert!(same_day
            .to_project(DecimalMark::Comma, None, "p".into(), now())
            .is_ok());
    }

    #[test]
    fn money_reads_by_the_language_convention() {
        let d = ProjectDraft {
            total_investment_billions: "1.300".into(),
            ..named("X")
        };
        let vi = d.to_project(DecimalMark::Comma, None, "p".into(), now());
        let en = d.to_project(DecimalMark::Point, None, "p".into(), now());
        assert_eq!(
            vi.unwrap().total_investment.unwrap().vnd,
            Vnd::billions(1_300, 0)
        );
        assert_eq!(
            en.unwrap().total_investment.unwrap().vnd,
            Vnd::billions(1, 30)
        );
        let words = ProjectDraft {
            total_investment_billions: "một nghìn".into(),
            ..named("X")
        };
        let errors = words
            .to_project(DecimalMark::Comma, None, "p".into(), now())
            .unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError {
                field: Field::TotalInvestment,
                problem: DraftProblem::Number(NumberError::NotANumber)
            }]
        );
    }

    #[test]
    fn editing_keeps_what_the_form_does_not_show() {
        let created: DateTime<Utc> = "2025-01-01T00:00:00Z".parse().unwrap();
        let base = Project {
            traffic_light: Some(TrafficLight {
                light: Light::Red,
                reason: "Chậm".into(),
                on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            }),
            archived: true,
            total_investment: Some(Amount {
                vnd: Vnd(3_355_912_345_678),
                qualifier: Some(Qualifier::Nearly),
            }),
            ..named("Cũ")
                .to_project(DecimalMark::Comma, None, "old".into(), created)
                .unwrap()
        };
        let mut d = ProjectDraft::from_project(&base, DecimalMark::Comma);
        assert_eq!(d.total_investment_billions, "3.355,91");
        d.name = "Mới".into();
        let edited = d
            .to_project(DecimalMark::Comma, Some(&base), "ignored".into(), now())
            .unwrap();
        assert_eq!(edited.id.as_str(), "old");
        assert_eq!(edited.created_at, created);
        assert_eq!(edited.updated_at, now());
        assert_eq!(edited.traffic_light, base.traffic_light);
        assert!(edited.archived);
        assert_eq!(
            edited.total_investment, base.total_investment,
            "an amount not retyped keeps its exact đồng"
        );
        d.total_investment_billions = "3.400".into();
        let retyped = d
            .to_project(DecimalMark::Comma, Some(&base), "ignored".into(), now())
            .unwrap();
        assert_eq!(
            retyped.total_investment.unwrap().vnd,
            Vnd::billions(3_400, 0)
        );
    }
}
