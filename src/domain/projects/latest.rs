//! The latest known value of each figure of a project, carried forward field by field from
//! older reports, because real reports are partial.

use chrono::NaiveDate;

use crate::domain::projects::progress::{Capital, Construction, ProgressReport, SiteClearance};
use crate::domain::sorting;

/// A figure and the date it was last reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dated<T> {
    pub value: T,
    pub as_of: NaiveDate,
}

/// The latest known value of each headline figure, carried forward from older reports when
/// the latest report did not give it (reports are partial).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LatestFigures {
    pub site_clearance: Option<Dated<SiteClearance>>,
    pub construction: Option<Dated<Construction>>,
    pub capital: Option<Dated<Capital>>,
}

/// Figures that can be laid over older ones field by field: a newer report's figure wins,
/// a figure it does not give is kept from before.
trait Overlay: Copy + Default + PartialEq {
    fn overlay(self, newer: Self) -> Self;
}

impl Overlay for SiteClearance {
    fn overlay(self, n: Self) -> Self {
        SiteClearance {
            area_total_ha: n.area_total_ha.or(self.area_total_ha),
            area_handed_over_ha: n.area_handed_over_ha.or(self.area_handed_over_ha),
            households_total: n.households_total.or(self.households_total),
            households_handed_over: n.households_handed_over.or(self.households_handed_over),
            percent: n.percent.or(self.percent),
        }
    }
}

impl Overlay for Construction {
    fn overlay(self, n: Self) -> Self {
        Construction {
            packages_total: n.packages_total.or(self.packages_total),
            packages_under_construction: n
                .packages_under_construction
                .or(self.packages_under_construction),
            contracts_signed: n.contracts_signed.or(self.contracts_signed),
            volume_percent: n.volume_percent.or(self.volume_percent),
        }
    }
}

impl Overlay for Capital {
    /// Capital figures belong to one year: a report of a new year starts afresh.
    fn overlay(self, n: Self) -> Self {
        if n.year.is_some() && self.year.is_some() && n.year != self.year {
            return n;
        }
        Capital {
            year: n.year.or(self.year),
            plan: n.plan.or(self.plan),
            allocated: n.allocated.or(self.allocated),
            disbursed: n.disbursed.or(self.disbursed),
            disbursed_percent: n.disbursed_percent.or(self.disbursed_percent),
            same_period_last_year_percent: n
                .same_period_last_year_percent
                .or(self.same_period_last_year_percent),
        }
    }
}

fn carry<T: Overlay>(slot: &mut Option<Dated<T>>, value: T, as_of: NaiveDate) {
    if value == T::default() {
        return;
    }
    *slot = Some(match slot.take() {
        Some(old) => Dated {
            value: old.value.overlay(value),
            as_of,
        },
        None => Dated { value, as_of },
    });
}

impl LatestFigures {
    /// `reports` in any order. Each figure is the latest one reported, field by field; the
    /// date is that of the latest report that gave any figure of the group.
    pub fn from_reports<'a>(reports: impl IntoIterator<Item = &'a ProgressReport>) -> Self {
        let mut sorted: Vec<&ProgressReport> = reports.into_iter().collect();
        sorting::sort_by_key(&mut sorted, |r| (r.as_of, r.created_at));
        let mut out = LatestFigures::default();
        for r in sorted {
            carry(&mut out.site_clearance, r.site_clearance, r.as_of);
            carry(&mut out.construction, r.construction, r.as_of);
            carry(&mut out.capital, r.capital, r.as_of);
        }
        out
    }

    pub fn site_clearance_percent(&self) -> Option<f64> {
        self.site_clearance.and_then(|d| d.value.overall_percent())
    }

    pub fn volume_percent(&self) -> Option<f64> {
        self.construction.and_then(|d| d.value.volume_percent)
    }

    pub fn disbursement_percent(&self) -> Option<f64> {
        self.capital.and_then(|d| d.value.disbursement_percent())
    }
}

/// A figure officers compare from one report to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    HouseholdsHandedOver,
    AreaHandedOverHa,
    SiteClearancePercent,
    VolumePercent,
    /// In billions of đồng.
    DisbursedBillions,
    DisbursementPercent,
}

impl Measure {
    pub const ALL: [Measure; 6] = [
        Measure::HouseholdsHandedOver,
        Measure::AreaHandedOverHa,
        Measure::SiteClearancePercent,
        Measure::VolumePercent,
        Measure::DisbursedBillions,
        Measure::DisbursementPercent,
    ];
}

/// One figure before and after the latest report (`before` is unknown when no earlier
/// report gave it, or when the capital figures are of an earlier year).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeasureChange {
    pub measure: Measure,
    pub before: Option<f64>,
    pub after: f64,
}

impl Measure {
    /// Whether the figure only grows as work goes on (what was handed over, built, paid):
    /// a lower one in a later report is a correction, or a mistake.
    pub fn is_cumulative(self) -> bool {
        matches!(
            self,
            Measure::HouseholdsHandedOver
                | Measure::AreaHandedOverHa
                | Measure::VolumePercent
                | Measure::DisbursedBillions
        )
    }
}

/// The cumulative figures of `report` lower than what the reports dated before it gave
/// (money of the same capital year only: a new year's plan starts again from nothing).
pub fn drops<'a>(
    earlier: impl IntoIterator<Item = &'a ProgressReport>,
    report: &ProgressReport,
) -> Vec<MeasureChange> {
    let before = LatestFigures::from_reports(
        earlier
            .into_iter()
            .filter(|r| r.as_of < report.as_of && r.id != report.id),
    );
    let now = LatestFigures::from_reports([report]);
    let year = |f: &LatestFigures| f.capital.and_then(|c| c.value.year);
    Measure::ALL
        .into_iter()
        .filter(|m| m.is_cumulative())
        .filter(|m| *m != Measure::DisbursedBillions || year(&before) == year(&now))
        .filter_map(|measure| {
            let (b, a) = (before.measure(measure)?, now.measure(measure)?);
            (a < b).then_some(MeasureChange {
                measure,
                before: Some(b),
                after: a,
            })
        })
        .collect()
}

/// The reports of a series whose cumulative figures went down from the ones before: the
/// project's page marks them (each report against the reports dated before it).
pub fn reports_with_drops<'a>(
    reports: &[&'a ProgressReport],
) -> Vec<(&'a ProgressReport, Vec<MeasureChange>)> {
    reports
        .iter()
        .filter_map(|r| {
            let d = drops(reports.iter().copied(), r);
            (!d.is_empty()).then_some((*r, d))
        })
        .collect()
}

/// What the latest report changed against everything known before it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportChanges {
    pub latest: NaiveDate,
    /// The date of the report before the latest one, if any.
    pub previous: Option<NaiveDate>,
    pub changes: Vec<MeasureChange>,
}

impl LatestFigures {
    pub fn measure(&self, m: Measure) -> Option<f64> {
        let sc = self.site_clearance.map(|d| d.value);
        let capital = self.capital.map(|d| d.value);
        match m {
            Measure::HouseholdsHandedOver => sc?.households_handed_over.map(f64::from),
            Measure::AreaHandedOverHa => sc?.area_handed_over_ha,
            Measure::SiteClearancePercent => self.site_clearance_percent(),
            Measure::VolumePercent => self.volume_percent(),
            Measure::DisbursedBillions => capital?
                .disbursed
                .map(|v| v.0 as f64 / crate::domain::money::ONE_BILLION as f64),
            Measure::DisbursementPercent => self.disbursement_percent(),
        }
    }
}

/// The figures of the latest report (carried forward) against those known before it:
/// what an officer reads as "what changed since the previous report". A report that gives
/// no figure (only its narrative) changes none, so the comparison steps over it: it is
/// between the latest reports that gave figures.
pub fn changes_since_previous<'a>(
    reports: impl IntoIterator<Item = &'a ProgressReport>,
) -> Option<ReportChanges> {
    let reports: Vec<&ProgressReport> = reports.into_iter().filter(|r| r.has_figures()).collect();
    let latest = reports.iter().map(|r| r.as_of).max()?;
    let previous = reports
        .iter()
        .map(|r| r.as_of)
        .filter(|d| *d < latest)
        .max();
    let before = LatestFigures::from_reports(reports.iter().copied().filter(|r| r.as_of < latest));
    let after = LatestFigures::from_reports(reports.iter().copied());
    let year = |f: &LatestFigures| f.capital.and_then(|c| c.value.year);
    let same_year = year(&before) == year(&after);
    let changes = Measure::ALL
        .into_iter()
        .filter_map(|measure| {
            let after = after.measure(measure)?;
            let capital = matches!(
                measure,
                Measure::DisbursedBillions | Measure::DisbursementPercent
            );
            let before = before.measure(measure).filter(|_| same_year || !capital);
            (before != Some(after)).then_some(MeasureChange {
                measure,
                before,
                after,
            })
        })
        .collect();
    Some(ReportChanges {
        latest,
        previous,
        changes,
    })
}

#[cfg(test)]
mod latest_tests {
    use super::*;
    use chrono::{DateTime, Datelike, Utc};

    fn report(day: u32, sc: Option<f64>, disbursed: Option<f64>) -> ProgressReport {
        ProgressReport {
            id: "r".into(),
            created_at: DateTime::<Utc>::MIN_UTC,
            updated_at: DateTime::<Utc>::MIN_UTC,
            project: "p".into(),
            as_of: NaiveDate::from_ymd_opt(2025, 1, day).unwrap(),
            site_clearance: SiteClearance {
                percent: sc,
                ..Default::default()
            },
            construction: Construction::default(),
            capital: Capital {
                disbursed_percent: disbursed,
                ..Default::default()
            },
            narrative: String::new(),
        }
    }

    #[test]
    fn figures_are_carried_forward_field_by_field() {
        let mut older = report(1, None, None);
        older.site_clearance = SiteClearance {
            area_total_ha: Some(93.7),
            area_handed_over_ha: Some(70.5),
            households_total: Some(514),
            households_handed_over: Some(359),
            percent: None,
        };
        let mut newer = report(20, None, None);
        newer.site_clearance.households_handed_over = Some(400);
        let latest = LatestFigures::from_reports([&newer, &older]);
        let sc = latest.site_clearance.unwrap().value;
        assert_eq!(sc.households_handed_over, Some(400));
        assert_eq!(
            sc.area_handed_over_ha,
            Some(70.5),
            "kept from the older report"
        );
        assert_eq!(latest.site_clearance.unwrap().as_of.day(), 20);
    }

    #[test]
    fn a_partial_report_does_not_blank_older_figures() {
        let reports = [
            report(1, Some(50.0), Some(10.0)),
            report(20, None, Some(30.0)),
        ];
        let latest = LatestFigures::from_reports(&reports);
        assert_eq!(latest.site_clearance_percent(), Some(50.0));
        assert_eq!(latest.site_clearance.unwrap().as_of.day0(), 0);
        assert_eq!(latest.disbursement_percent(), Some(30.0));
        assert_eq!(latest.volume_percent(), None);
    }

    #[test]
    fn changes_compare_the_latest_report_with_what_was_known_before() {
        let mut older = report(1, Some(40.0), Some(10.0));
        older.site_clearance.households_handed_over = Some(301);
        let mut newer = report(20, None, Some(30.0));
        newer.site_clearance.households_handed_over = Some(359);
        let c = changes_since_previous([&newer, &older]).unwrap();
        assert_eq!(c.previous, Some(older.as_of));
        assert_eq!(c.latest, newer.as_of);
        assert_eq!(
            c.changes,
            vec![
                MeasureChange {
                    measure: Measure::HouseholdsHandedOver,
                    before: Some(301.0),
                    after: 359.0
                },
                MeasureChange {
                    measure: Measure::DisbursementPercent,
                    before: Some(10.0),
                    after: 30.0
                },
            ],
            "site clearance % was not reported again, so it did not change"
        );
        let only = changes_since_previous([&older]).unwrap();
        assert_eq!(only.previous, None);
        assert!(only.changes.iter().all(|m| m.before.is_none()));
        assert!(changes_since_previous([]).is_none());
    }

    #[test]
    fn a_report_with_only_its_narrative_leaves_the_comparison_as_it_was() {
        let mut older = report(1, Some(40.0), Some(10.0));
        older.site_clearance.households_handed_over = Some(301);
        let mut newer = report(20, None, Some(30.0));
        newer.site_clearance.households_handed_over = Some(359);
        let before = changes_since_previous([&older, &newer]).unwrap();
        let mut words = report(25, None, None);
        words.narrative = "Đang chi trả bồi thường đợt 3".into();
        assert!(!words.has_figures());
        assert_eq!(
            changes_since_previous([&older, &newer, &words]),
            Some(before)
        );
        assert_eq!(changes_since_previous([&words]), None);
    }

    #[test]
    fn capital_of_a_new_year_is_not_compared_with_the_old_year() {
        let mut last_year = report(1, None, None);
        last_year.capital = Capital {
            year: Some(2024),
            disbursed_percent: Some(95.0),
            ..Default::default()
        };
        let mut this_year = report(20, None, None);
        this_year.capital = Capital {
            year: Some(2025),
            disbursed_percent: Some(5.0),
            ..Default::default()
        };
        let c = changes_since_previous([&last_year, &this_year]).unwrap();
        assert_eq!(
            c.changes,
            vec![MeasureChange {
                measure: Measure::DisbursementPercent,
                before: None,
                after: 5.0
            }]
        );
    }
}
