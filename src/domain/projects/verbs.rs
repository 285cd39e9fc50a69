//! What an officer does to a project on its page, as named changes of the data: archive it
//! or bring it back, add a progress report, record the officer's judgement, resolve an
//! obstacle or open it again. Each stamps the record's time; none is written by a screen.

use chrono::{DateTime, NaiveDate, Utc};

use super::progress::ProgressReport;
use super::project::{Obstacle, Project};
use crate::domain::model::{Dataset, ObstacleId, ProjectId, Record};
use crate::domain::sorting;

impl Dataset {
    /// Archives a project (it leaves the list and the totals) or brings it back. False when
    /// there is no such project.
    pub fn set_project_archived(
        &mut self,
        id: &ProjectId,
        archived: bool,
        now: DateTime<Utc>,
    ) -> bool {
        let Some(mut p) = self.projects.get(id).cloned() else {
            return false;
        };
        p.archived = archived;
        p.touch(now);
        self.projects.upsert(p);
        true
    }

    /// An obstacle resolved on `today` (never before the day it arose), or open again.
    pub fn set_obstacle_resolved(
        &mut self,
        id: &ObstacleId,
        resolved: bool,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> bool {
        let Some(mut o) = self.obstacles.get(id).cloned() else {
            return false;
        };
        o.resolved_on = resolved.then(|| o.since.map_or(today, |s| s.max(today)));
        o.touch(now);
        self.obstacles.upsert(o);
        true
    }

    /// A progress report checked by its draft, added to its project's series.
    pub fn add_report(&mut self, report: ProgressReport) {
        self.progress_reports.upsert(report);
    }

    /// The project with the officer's status and traffic light as judged on its form.
    pub fn record_judgement(&mut self, mut project: Project, now: DateTime<Utc>) {
        project.touch(now);
        self.projects.upsert(project);
    }

    /// A project's obstacles as its page lists them: open ones first, each group by the day
    /// it arose.
    pub fn obstacles_of(&self, project: &ProjectId) -> Vec<&Obstacle> {
        let mut list: Vec<&Obstacle> = self
            .obstacles
            .iter()
            .filter(|o| &o.project == project)
            .collect();
        sorting::sort_by_key(&mut list, |o| (o.resolved_on.is_some(), o.since));
        list
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::sample::fixture::{now, sample};
    use chrono::Duration;

    #[test]
    fn an_obstacle_resolved_then_reopened_keeps_its_times_forward() {
        let (mut data, today) = sample();
        let o = data
            .obstacles
            .iter()
            .find(|o| o.resolved_on.is_none())
            .unwrap()
            .clone();
        let later = now() + Duration::minutes(5);
        assert!(data.set_obstacle_resolved(&o.id, true, today, later));
        let resolved = data.obstacles.get(&o.id).unwrap();
        assert_eq!(
            resolved.resolved_on,
            Some(o.since.map_or(today, |s| s.max(today)))
        );
        assert_eq!(resolved.updated_at, later.max(o.updated_at));
        assert!(data.set_obstacle_resolved(&o.id, false, today, later));
        assert_eq!(data.obstacles.get(&o.id).unwrap().resolved_on, None);
        let listed = data.obstacles_of(&o.project);
        assert!(listed
            .windows(2)
            .all(|w| w[0].resolved_on.is_none() || w[1].resolved_on.is_some()));
        assert!(!data.set_obstacle_resolved(&"none".into(), true, today, later));
    }

    #[test]
    fn an_archived_project_leaves_the_totals_and_comes_back() {
        let (mut data, _) = sample();
        let p = data.projects.iter().next().unwrap().clone();
        let active = data.active_projects().count();
        assert!(data.set_project_archived(&p.id, true, now()));
        assert_eq!(data.active_projects().count(), active - 1);
        assert!(data.set_project_archived(&p.id, false, now()));
        assert_eq!(data.active_projects().count(), active);
    }
}
