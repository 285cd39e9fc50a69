//! The latest known value of each figure of a project, carried forward field by field from
//! older reports, because real reports are partial.

use chrono::NaiveDate;

use super::project::{Capital, Construction, ProgressReport, SiteClearance};

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
        sorted.sort_by_key(|r| (r.as_of, r.created_at));
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
}
