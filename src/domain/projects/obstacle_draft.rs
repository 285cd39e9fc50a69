//! An obstacle of a project as typed in the obstacle form.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::draft::{code, date_text, from_code, id_of, FieldError, Reader};
use crate::domain::model::ids::ProjectId;
use crate::domain::number::DecimalMark;
use crate::domain::projects::project::{Obstacle, ObstacleCategory};
use crate::domain::sharing::validate::validate_obstacle;
use crate::domain::Field;

#[derive(Debug, Clone, PartialEq)]
pub struct ObstacleDraft {
    /// A category code of the format ("site_clearance", "legal"...).
    pub category: String,
    pub description: String,
    /// Unit id, or empty.
    pub responsible_unit: String,
    /// "dd/mm/yyyy" or empty.
    pub since: String,
    pub resolved_on: String,
    /// Directive id, or empty.
    pub directive: String,
}

impl ObstacleDraft {
    /// An empty form for an obstacle noticed today.
    pub fn new(today: NaiveDate) -> Self {
        ObstacleDraft {
            category: code(&ObstacleCategory::SiteClearance),
            description: String::new(),
            responsible_unit: String::new(),
            since: date_text(Some(today)),
            resolved_on: String::new(),
            directive: String::new(),
        }
    }

    pub fn from_obstacle(o: &Obstacle) -> Self {
        ObstacleDraft {
            category: code(&o.category),
            description: o.description.clone(),
            responsible_unit: o
                .responsible_unit
                .as_ref()
                .map(|u| u.to_string())
                .unwrap_or_default(),
            since: date_text(o.since),
            resolved_on: date_text(o.resolved_on),
            directive: o
                .directive
                .as_ref()
                .map(|d| d.to_string())
                .unwrap_or_default(),
        }
    }

    /// Reads and checks the draft against `today`: an obstacle cannot arise or be resolved
    /// in the future. Editing (`base` given) keeps the id, project and creation time.
    pub fn to_obstacle(
        &self,
        project: &ProjectId,
        base: Option<&Obstacle>,
        id: String,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Obstacle, Vec<FieldError>> {
        let mut r = Reader::new(DecimalMark::Comma);
        let since = r.date(Field::Since, &self.since);
        let resolved_on = r.date(Field::ResolvedOn, &self.resolved_on);
        r.not_after(Field::Since, since, today);
        r.not_after(Field::ResolvedOn, resolved_on, today);
        let obstacle = Obstacle {
            id: base.map(|b| b.id.clone()).unwrap_or_else(|| id.into()),
            created_at: base.map_or(now, |b| b.created_at),
            updated_at: now,
            project: base.map_or_else(|| project.clone(), |b| b.project.clone()),
            category: from_code(&self.category).unwrap_or(ObstacleCategory::Other),
            description: self.description.trim().to_owned(),
            responsible_unit: id_of(&self.responsible_unit),
            since,
            resolved_on,
            directive: id_of(&self.directive),
        };
        let rules = validate_obstacle(&obstacle);
        r.finish(obstacle, rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::draft::DraftProblem;
    use crate::domain::sharing::validate::Problem;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn read(d: &ObstacleDraft) -> Result<Obstacle, Vec<FieldError>> {
        d.to_obstacle(
            &"p".into(),
            None,
            "o".into(),
            day(23),
            DateTime::<Utc>::MIN_UTC,
        )
    }

    #[test]
    fn an_obstacle_with_its_unit_and_directive() {
        let d = ObstacleDraft {
            category: "legal".into(),
            description: "Chưa phê duyệt điều chỉnh chủ trương".into(),
            responsible_unit: "so-tai-chinh".into(),
            directive: "d-3".into(),
            ..ObstacleDraft::new(day(20))
        };
        let o = read(&d).unwrap();
        assert_eq!(o.category, ObstacleCategory::Legal);
        assert_eq!(o.since, Some(day(20)));
        assert_eq!(o.directive.as_ref().map(|x| x.as_str()), Some("d-3"));
        assert_eq!(ObstacleDraft::from_obstacle(&o), d);
    }

    #[test]
    fn a_description_is_needed_and_dates_are_not_in_the_future() {
        let d = ObstacleDraft {
            since: "2026-11-24".into(),
            ..ObstacleDraft::new(day(1))
        };
        let errors = read(&d).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.name()).collect();
        assert_eq!(fields, vec!["since", "description"]);
        let resolved_before = ObstacleDraft {
            description: "Thiếu đường công vụ".into(),
            since: "2026-11-10".into(),
            resolved_on: "2026-11-05".into(),
            ..ObstacleDraft::new(day(1))
        };
        let errors = read(&resolved_before).unwrap_err();
        assert_eq!(
            errors[0].problem,
            DraftProblem::Rule(Problem::DateAfter {
                later_field: Field::ResolvedOn
            })
        );
    }
}
