//! The follow-up report written before a meeting ("Báo cáo tình hình thực hiện kết luận"),
//! counted the way the Government Office's reports count: of the directives followed in the
//! period, those done are split into done on time and done late, those not done into within
//! term and overdue, and the overdue share is the headline figure. Per lead unit, the same
//! counts and the on-time completion rate, ranked so the ranking answers who is late
//! ([`RANKING_RULE`]): by the on-time completion rate among the items due by the report's
//! date, then by fewer overdue, then by more done; units with nothing due yet are listed
//! apart, unranked. Units equal on all three share a rank, and are said to be tied.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::followup::conclusion::{Directive, RecordedStatus};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{CommitteeId, ConclusionId, UnitId};
use crate::domain::sorting;
use crate::domain::text::fold;
use crate::domain::units::org::BodyKind;

/// A report's period starts at the last meeting held when none is recorded: this many days.
pub const REPORT_PERIOD_FALLBACK_DAYS: u64 = 30;
/// Units reminded by letter are asked to report within this many days.
pub const REPLY_WITHIN_DAYS: u64 = 7;

impl Dataset {
    /// Where the report before the next meeting starts: the last meeting held before
    /// `today`, else [`REPORT_PERIOD_FALLBACK_DAYS`] before it.
    pub fn report_period_start(&self, today: NaiveDate) -> NaiveDate {
        self.meetings
            .iter()
            .map(|m| m.date)
            .filter(|day| *day < today)
            .max()
            .unwrap_or(today - chrono::Days::new(REPORT_PERIOD_FALLBACK_DAYS))
    }
}

/// Which conclusions a report is over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportScope {
    Everything,
    Committee(CommitteeId),
    Conclusions(Vec<ConclusionId>),
}

impl ReportScope {
    /// Whether the report (and its letters) cover directives of conclusion `c`.
    pub fn covers(&self, c: &crate::domain::followup::conclusion::Conclusion) -> bool {
        match self {
            ReportScope::Everything => true,
            ReportScope::Committee(id) => c.committee.as_ref() == Some(id),
            ReportScope::Conclusions(ids) => ids.contains(&c.id),
        }
    }
}

/// The counts of one set of directives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReportCounts {
    /// Directives the report follows (cancelled and transferred ones are counted apart).
    pub followed: usize,
    /// Of those, due within the period.
    pub due_in_period: usize,
    pub done_on_time: usize,
    pub done_late: usize,
    /// Not done by the report's date, the deadline not passed (or none).
    pub within_term: usize,
    /// Not done by the report's date, the deadline passed.
    pub overdue: usize,
    pub cancelled: usize,
    pub transferred: usize,
    /// Of those followed, directives due by the report's date (done or not): what the
    /// ranking's rate is over.
    pub due_by_end: usize,
    /// Of those due by the report's date, done on time.
    pub due_done_on_time: usize,
    /// Of those followed, directives given more time (gia hạn) by the report's date.
    pub extended: usize,
    /// Of those extended, directives whose extension was granted after the deadline it
    /// replaced had passed: a late request is a finding of its own.
    pub extended_late: usize,
}

impl ReportCounts {
    pub fn done(&self) -> usize {
        self.done_on_time + self.done_late
    }

    /// The headline figure: overdue as a share of what is followed.
    pub fn overdue_share(&self) -> Option<f64> {
        (self.followed > 0).then(|| self.overdue as f64 * 100.0 / self.followed as f64)
    }

    /// Done on time as a share of what was assigned: the emulation figure.
    pub fn on_time_rate(&self) -> Option<f64> {
        (self.followed > 0).then(|| self.done_on_time as f64 * 100.0 / self.followed as f64)
    }

    /// The ranking's rate: done on time among the items due by the report's date (none
    /// when nothing is due yet).
    pub fn ranking_rate(&self) -> Option<f64> {
        (self.due_by_end > 0).then(|| self.due_done_on_time as f64 * 100.0 / self.due_by_end as f64)
    }

    fn count(&mut self, d: &Directive, from: NaiveDate, as_of: NaiveDate) {
        let standing = Standing::of(d, as_of);
        match standing {
            Standing::Cancelled => self.cancelled += 1,
            Standing::Transferred => self.transferred += 1,
            _ => {
                self.followed += 1;
                if d.due_on(as_of)
                    .is_some_and(|due| due >= from && due <= as_of)
                {
                    self.due_in_period += 1;
                }
                if d.due_on(as_of).is_some_and(|due| due <= as_of) {
                    self.due_by_end += 1;
                    if standing == Standing::DoneOnTime {
                        self.due_done_on_time += 1;
                    }
                }
                if d.extended_by(as_of) {
                    self.extended += 1;
                    if d.extension_history()
                        .iter()
                        .any(|s| s.granted_late && s.extension.granted_on <= as_of)
                    {
                        self.extended_late += 1;
                    }
                }
            }
        }
        match standing {
            Standing::DoneOnTime => self.done_on_time += 1,
            Standing::DoneLate => self.done_late += 1,
            Standing::WithinTerm => self.within_term += 1,
            Standing::Overdue => self.overdue += 1,
            Standing::Cancelled | Standing::Transferred => {}
        }
    }
}

/// Where a directive stood on the report's date. Unlike the state shown on screens (which
/// reads the record as it is now), something done after that date was still owed on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Standing {
    Overdue,
    WithinTerm,
    DoneLate,
    DoneOnTime,
    Cancelled,
    Transferred,
}

impl Standing {
    fn of(d: &Directive, as_of: NaiveDate) -> Standing {
        match &d.status {
            RecordedStatus::Cancelled { .. } => Standing::Cancelled,
            RecordedStatus::Transferred { .. } => Standing::Transferred,
            RecordedStatus::Done { on } if *on <= as_of => match d.deadline_judged(as_of).due() {
                Some(due) if *on > due => Standing::DoneLate,
                _ => Standing::DoneOnTime,
            },
            _ => match d.due_on(as_of) {
                Some(due) if due < as_of => Standing::Overdue,
                _ => Standing::WithinTerm,
            },
        }
    }
}

/// How the report ranks lead units, as the report states it (Vietnamese, English).
pub const RANKING_RULE: (&str, &str) = (
    "Xếp hạng theo tỷ lệ hoàn thành đúng hạn trong số nhiệm vụ đã đến hạn, rồi theo số nhiệm vụ quá hạn (ít hơn xếp trên), rồi theo số nhiệm vụ đã hoàn thành (nhiều hơn xếp trên); đơn vị chưa có nhiệm vụ đến hạn không xếp hạng.",
    "Units are ranked by their on-time completion rate among directives already due, then by fewer overdue directives, then by more directives done; units with nothing due yet are not ranked.",
);

/// One lead unit's line of the report, with its rank ([`RANKING_RULE`]).
#[derive(Debug, Clone, PartialEq)]
pub struct UnitLine<'a> {
    pub unit: &'a UnitId,
    pub counts: ReportCounts,
    /// 1 for the best; units equal on the whole rule share a rank. `None` for a unit with
    /// nothing due yet (listed after the ranked ones).
    pub rank: Option<usize>,
    /// Whether another unit has the same rank (the report says so rather than hide it).
    pub tied: bool,
}

/// The report over a period ending on `as_of`.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpReport<'a> {
    /// What it covers.
    pub scope: ReportScope,
    pub from: NaiveDate,
    pub as_of: NaiveDate,
    pub totals: ReportCounts,
    pub by_unit: Vec<UnitLine<'a>>,
    /// Overdue first, then due soon (within `due_soon_days` of `as_of`), each by deadline.
    pub attention: Vec<&'a Directive>,
}

impl Dataset {
    /// Whether documents over `scope` are a state body's or a Party body's: its committee's,
    /// its conclusion's, or, over everything, the office's one committee's (state when the
    /// office follows several, or none).
    pub fn body_kind_of(&self, scope: &ReportScope) -> BodyKind {
        match scope {
            ReportScope::Committee(id) => self.committees.get(id).map(|c| c.body_kind),
            ReportScope::Conclusions(ids) => ids
                .first()
                .and_then(|id| self.conclusions.get(id))
                .map(|c| c.body_kind_in(self)),
            ReportScope::Everything => {
                let mut all = self.committees.iter();
                match (all.next(), all.next()) {
                    (Some(only), None) => Some(only.body_kind),
                    _ => None,
                }
            }
        }
        .unwrap_or_default()
    }

    /// The follow-up report over `scope` for the period `from`..=`as_of`: directives of the
    /// conclusions issued by `as_of`, except those already done before the period began
    /// (a report follows what was still owed in it); group headings are followed through
    /// their sub-items.
    pub fn follow_up_report(
        &self,
        scope: &ReportScope,
        from: NaiveDate,
        as_of: NaiveDate,
        due_soon_days: u64,
    ) -> FollowUpReport<'_> {
        let in_scope = |d: &&Directive| {
            let Some(c) = self.conclusions.get(&d.conclusion) else {
                return false;
            };
            let scoped = scope.covers(c);
            let closed_before = match &d.status {
                RecordedStatus::Done { on }
                | RecordedStatus::Cancelled { on, .. }
                | RecordedStatus::Transferred { on, .. } => *on < from,
                _ => false,
            };
            scoped && c.date <= as_of && !closed_before
        };
        let items: Vec<&Directive> = self.followed().into_iter().filter(in_scope).collect();
        let mut totals = ReportCounts::default();
        let mut units: BTreeMap<&UnitId, ReportCounts> = BTreeMap::new();
        for d in &items {
            totals.count(d, from, as_of);
            if let Some(u) = d.lead_at(as_of) {
                units.entry(u).or_default().count(d, from, as_of);
            }
        }
        let mut by_unit: Vec<UnitLine> = units
            .into_iter()
            .filter(|(_, c)| c.followed > 0)
            .map(|(unit, counts)| UnitLine {
                unit,
                counts,
                rank: None,
                tied: false,
            })
            .collect();
        let name = |u: &UnitId| {
            self.units
                .get(u)
                .map(|x| fold(x.display_name()))
                .unwrap_or_default()
        };
        // The rule, in order: ranked before unranked; the rate (in hundredths of a point, as
        // printed) higher first; fewer overdue; more done; then by name.
        let key = |l: &UnitLine| {
            let c = &l.counts;
            (
                c.ranking_rate().is_none(),
                std::cmp::Reverse(c.ranking_rate().map(|r| (r * 100.0).round() as i64)),
                c.overdue,
                std::cmp::Reverse(c.done()),
            )
        };
        sorting::sort_by_cached_key(&mut by_unit, |l| (key(l), name(l.unit)));
        for i in 0..by_unit.len() {
            if by_unit[i].counts.ranking_rate().is_none() {
                continue;
            }
            let same_as_before = i > 0 && key(&by_unit[i]) == key(&by_unit[i - 1]);
            by_unit[i].rank = if same_as_before {
                by_unit[i - 1].rank
            } else {
                Some(i + 1)
            };
        }
        for i in 0..by_unit.len() {
            let rank = by_unit[i].rank;
            by_unit[i].tied =
                rank.is_some() && by_unit.iter().filter(|l| l.rank == rank).count() > 1;
        }
        // What needs chasing as of the report's date: overdue, then due within the window.
        let soon = as_of + chrono::Days::new(due_soon_days);
        let mut attention: Vec<(Standing, &Directive)> = items
            .iter()
            .map(|d| (Standing::of(d, as_of), *d))
            .filter(|(s, d)| match s {
                Standing::Overdue => true,
                Standing::WithinTerm => d.due_on(as_of).is_some_and(|due| due <= soon),
                _ => false,
            })
            .collect();
        sorting::sort_by_key(&mut attention, |(s, d)| (*s, d.due_on(as_of)));
        let attention = attention.into_iter().map(|(_, d)| d).collect();
        FollowUpReport {
            scope: scope.clone(),
            from,
            as_of,
            totals,
            by_unit,
            attention,
        }
    }
}

#[cfg(test)]
#[path = "report_counts_tests.rs"]
mod tests;
