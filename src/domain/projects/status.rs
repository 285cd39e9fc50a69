//! The computed schedule status of a project. The rules, in order:
//!
//! 1. construction volume at 100% → completed and in operation;
//! 2. no planned start, or a planned start still ahead, with no construction reported
//!    → investment preparation;
//! 3. planned finish passed and not completed → behind schedule;
//! 4. construction volume below the straight line from 0% at the planned start to 100% at
//!    the planned finish by more than the office's tolerance (percentage points) → behind;
//! 5. otherwise on schedule (also when no volume was reported yet: no evidence of delay).
//!
//! When behind, [`schedule_verdict`] says which of rules 3 and 4 fired, with its figures
//! ([`BehindReason`]): the first that applies, as the status itself is decided.
//! "How far behind" orders reasons: a planned finish passed first, by more days late; then
//! the larger shortfall in points below the straight line ([`BehindReason::further_behind_first`]).
//!
//! The officer's own decision, with its reason, is shown beside this, never instead of it.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::domain::projects::{
    LatestFigures, Light, Project, ScheduleStatus, StatusDecision, TrafficLight,
};

/// Tolerance, in percentage points below the straight-line trajectory, before a project
/// counts as behind. Offices can set their own.
pub const DEFAULT_TOLERANCE_POINTS: f64 = 10.0;

/// The share of the planned duration elapsed on `today`, as a percentage (0..=100).
pub fn planned_percent(start: NaiveDate, finish: NaiveDate, today: NaiveDate) -> Option<f64> {
    let total = (finish - start).num_days();
    if total <= 0 {
        return None;
    }
    let elapsed = (today - start).num_days().clamp(0, total);
    Some(elapsed as f64 * 100.0 / total as f64)
}

/// Why a project is computed behind schedule: the one rule that fired (rule 3 or 4 of the
/// module doc, the first that applies), with its figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BehindReason {
    /// Rule 3: the planned finish has passed and the project is not completed; `days_late`
    /// counts from the finish day to `today` (at least 1).
    PastPlannedFinish { finish: NaiveDate, days_late: i64 },
    /// Rule 4: the construction volume reported (`actual`, %) is more than the tolerance
    /// below the straight-line schedule (`expected`, % of the planned duration elapsed).
    VolumeBelowSchedule { actual: f64, expected: f64 },
}

impl BehindReason {
    /// Percentage points below the straight-line schedule (rule 4); `None` for rule 3.
    pub fn shortfall_points(&self) -> Option<f64> {
        match self {
            BehindReason::PastPlannedFinish { .. } => None,
            BehindReason::VolumeBelowSchedule { actual, expected } => Some(expected - actual),
        }
    }

    /// How far behind, the furthest first: a planned finish passed comes before any volume
    /// shortfall (the deadline itself is broken), by more days late first; then the larger
    /// shortfall in points below the straight line. Equal reasons compare equal.
    pub fn further_behind_first(&self, other: &BehindReason) -> Ordering {
        use BehindReason::*;
        match (self, other) {
            (PastPlannedFinish { days_late: a, .. }, PastPlannedFinish { days_late: b, .. }) => {
                b.cmp(a)
            }
            (PastPlannedFinish { .. }, VolumeBelowSchedule { .. }) => Ordering::Less,
            (VolumeBelowSchedule { .. }, PastPlannedFinish { .. }) => Ordering::Greater,
            (a, b) => {
                let (a, b) = (a.shortfall_points(), b.shortfall_points());
                b.partial_cmp(&a).unwrap_or(Ordering::Equal)
            }
        }
    }
}

/// The computed schedule status, carrying the reason when behind: the status and its reason
/// come from the same evaluation of the rules, so they cannot disagree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ScheduleVerdict {
    Completed,
    InvestmentPreparation,
    OnSchedule,
    Behind(BehindReason),
}

impl ScheduleVerdict {
    pub fn status(&self) -> ScheduleStatus {
        match self {
            ScheduleVerdict::Completed => ScheduleStatus::Completed,
            ScheduleVerdict::InvestmentPreparation => ScheduleStatus::InvestmentPreparation,
            ScheduleVerdict::OnSchedule => ScheduleStatus::OnSchedule,
            ScheduleVerdict::Behind(_) => ScheduleStatus::BehindSchedule,
        }
    }

    /// The rule that made the project behind, if it is.
    pub fn behind(&self) -> Option<BehindReason> {
        match self {
            ScheduleVerdict::Behind(r) => Some(*r),
            _ => None,
        }
    }
}

/// The rules of the module doc, in order, with the reason of a "behind".
pub fn schedule_verdict(
    project: &Project,
    latest: &LatestFigures,
    today: NaiveDate,
    tolerance: f64,
) -> ScheduleVerdict {
    let volume = latest.volume_percent();
    if volume.is_some_and(|v| v >= 100.0) {
        return ScheduleVerdict::Completed;
    }
    let started =
        project.planned_start.is_some_and(|s| s <= today) || volume.is_some_and(|v| v > 0.0);
    if !started {
        return ScheduleVerdict::InvestmentPreparation;
    }
    if let Some(finish) = project.planned_finish.filter(|f| *f < today) {
        return ScheduleVerdict::Behind(BehindReason::PastPlannedFinish {
            finish,
            days_late: (today - finish).num_days(),
        });
    }
    let expected = match (project.planned_start, project.planned_finish) {
        (Some(s), Some(f)) => planned_percent(s, f, today),
        _ => None,
    };
    match (volume, expected) {
        (Some(actual), Some(expected)) if actual + tolerance < expected => {
            ScheduleVerdict::Behind(BehindReason::VolumeBelowSchedule { actual, expected })
        }
        _ => ScheduleVerdict::OnSchedule,
    }
}

/// The computed status alone ([`schedule_verdict`] without its reason).
pub fn computed_status(
    project: &Project,
    latest: &LatestFigures,
    today: NaiveDate,
    tolerance: f64,
) -> ScheduleStatus {
    schedule_verdict(project, latest, today, tolerance).status()
}

impl Project {
    /// The status shown first: the officer's decision when there is one, else the computed one.
    pub fn effective_status(&self, computed: ScheduleStatus) -> ScheduleStatus {
        self.schedule_status.as_ref().map_or(computed, |d| d.status)
    }
}

#[cfg(test)]
mod tests_support {
    use chrono::{DateTime, Utc};

    use crate::domain::projects::Project;

    pub fn project() -> Project {
        Project {
            id: "p".into(),
            created_at: DateTime::<Utc>::MIN_UTC,
            updated_at: DateTime::<Utc>::MIN_UTC,
            committee: None,
            name: "P".into(),
            short_name: String::new(),
            investor: None,
            location: String::new(),
            group: None,
            capital_source: None,
            total_investment: None,
            phase: String::new(),
            planned_start: None,
            planned_finish: None,
            leader_in_charge: String::new(),
            schedule_status: None,
            traffic_light: None,
            archived: false,
            joined: Vec::new(),
        }
    }
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod behind_tests;

#[cfg(test)]
mod tests {

    use super::*;
    use crate::domain::projects::progress::Construction;
    use crate::domain::projects::Dated;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn project(start: Option<NaiveDate>, finish: Option<NaiveDate>) -> Project {
        Project {
            planned_start: start,
            planned_finish: finish,
            ..super::tests_support::project()
        }
    }

    fn volume(v: f64) -> LatestFigures {
        LatestFigures {
            construction: Some(Dated {
                value: Construction {
                    volume_percent: Some(v),
                    ..Default::default()
                },
                as_of: d(2025, 1, 1),
            }),
            ..Default::default()
        }
    }

    #[test]
    fn the_rules_at_their_boundaries() {
        let p = project(Some(d(2025, 1, 1)), Some(d(2025, 12, 31)));
        let mid = d(2025, 7, 2); // 50% of the planned duration
        let st = |v: f64, today| computed_status(&p, &volume(v), today, 10.0);
        assert_eq!(st(100.0, mid), ScheduleStatus::Completed);
        assert_eq!(
            st(40.0, mid),
            ScheduleStatus::OnSchedule,
            "exactly at the tolerance is not behind"
        );
        assert_eq!(st(39.9, mid), ScheduleStatus::BehindSchedule);
        assert_eq!(
            st(99.0, d(2025, 12, 31)),
            ScheduleStatus::OnSchedule,
            "finish day itself is not passed"
        );
        assert_eq!(
            st(99.0, d(2026, 1, 1)),
            ScheduleStatus::BehindSchedule,
            "finish passed, not completed"
        );
        assert_eq!(
            computed_status(&p, &LatestFigures::default(), d(2024, 12, 31), 10.0),
            ScheduleStatus::InvestmentPreparation
        );
        assert_eq!(
            computed_status(&p, &LatestFigures::default(), mid, 10.0),
            ScheduleStatus::OnSchedule
        );
        let undated = project(None, None);
        assert_eq!(
            computed_status(&undated, &LatestFigures::default(), mid, 10.0),
            ScheduleStatus::InvestmentPreparation
        );
        assert_eq!(
            computed_status(&undated, &volume(5.0), mid, 10.0),
            ScheduleStatus::OnSchedule
        );
    }

    #[test]
    fn planned_percent_is_clamped() {
        let (s, f) = (d(2025, 1, 1), d(2025, 1, 11));
        assert_eq!(planned_percent(s, f, d(2024, 1, 1)), Some(0.0));
        assert_eq!(planned_percent(s, f, d(2025, 1, 6)), Some(50.0));
        assert_eq!(planned_percent(s, f, d(2030, 1, 1)), Some(100.0));
        assert_eq!(planned_percent(f, s, d(2025, 1, 6)), None);
    }
}

/// Why an officer's judgement was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JudgementError {
    /// A decision or a traffic light needs its one-line reason.
    NoReason,
}

impl Project {
    /// Records the officer's status decision (or clears it with `None`). A decision always
    /// carries its written reason.
    pub fn decide_status(
        &mut self,
        status: Option<ScheduleStatus>,
        reason: &str,
        on: NaiveDate,
    ) -> Result<(), JudgementError> {
        self.schedule_status = match status {
            None => None,
            Some(status) => {
                let reason = reason.trim();
                if reason.is_empty() {
                    return Err(JudgementError::NoReason);
                }
                Some(StatusDecision {
                    status,
                    reason: reason.to_owned(),
                    on,
                })
            }
        };
        Ok(())
    }

    /// Records the traffic-light judgement (or clears it), with its reason and date.
    pub fn judge(
        &mut self,
        light: Option<Light>,
        reason: &str,
        on: NaiveDate,
    ) -> Result<(), JudgementError> {
        self.traffic_light = match light {
            None => None,
            Some(light) => {
                let reason = reason.trim();
                if reason.is_empty() {
                    return Err(JudgementError::NoReason);
                }
                Some(TrafficLight {
                    light,
                    reason: reason.to_owned(),
                    on,
                })
            }
        };
        Ok(())
    }
}

#[cfg(test)]
mod judgement_tests {
    use super::tests_support::project;
    use super::*;

    #[test]
    fn a_decision_needs_a_reason_and_can_be_cleared() {
        let day = NaiveDate::from_ymd_opt(2025, 5, 1).unwrap();
        let mut p = project();
        assert_eq!(
            p.decide_status(Some(ScheduleStatus::OnSchedule), "  ", day),
            Err(JudgementError::NoReason)
        );
        assert_eq!(
            p.schedule_status, None,
            "a refused decision changes nothing"
        );
        p.decide_status(Some(ScheduleStatus::OnSchedule), "Đã tháo gỡ mặt bằng", day)
            .unwrap();
        assert_eq!(
            p.effective_status(ScheduleStatus::BehindSchedule),
            ScheduleStatus::OnSchedule
        );
        p.decide_status(None, "", day).unwrap();
        assert_eq!(
            p.effective_status(ScheduleStatus::BehindSchedule),
            ScheduleStatus::BehindSchedule
        );
        assert_eq!(
            p.judge(Some(Light::Red), "", day),
            Err(JudgementError::NoReason)
        );
        p.judge(Some(Light::Red), "Chưa có đường thi công", day)
            .unwrap();
        assert_eq!(p.traffic_light.as_ref().map(|t| t.light), Some(Light::Red));
    }
}
