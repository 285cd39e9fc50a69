//! The periods a report is made for, one click each, as offices report: this month, last
//! month, this quarter, last quarter, or since the last meeting held. Any other dates are
//! typed in.

use chrono::{Datelike, Days, NaiveDate};

use crate::domain::model::dataset::Dataset;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportPeriod {
    ThisMonth,
    LastMonth,
    ThisQuarter,
    LastQuarter,
    SinceLastMeeting,
}

impl ReportPeriod {
    pub const ALL: [ReportPeriod; 5] = [
        ReportPeriod::ThisMonth,
        ReportPeriod::LastMonth,
        ReportPeriod::ThisQuarter,
        ReportPeriod::LastQuarter,
        ReportPeriod::SinceLastMeeting,
    ];

    /// The period's first and last day seen on `today`: a period still running ends today,
    /// one that has ended ends on its last day.
    pub fn range(self, data: &Dataset, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let month_start = |d: NaiveDate| d.with_day(1).unwrap_or(d);
        let quarter_start = |d: NaiveDate| {
            let month = (d.month0() / 3) * 3 + 1;
            NaiveDate::from_ymd_opt(d.year(), month, 1).unwrap_or(d)
        };
        let day_before = |d: NaiveDate| d - Days::new(1);
        match self {
            ReportPeriod::ThisMonth => (month_start(today), today),
            ReportPeriod::LastMonth => {
                let end = day_before(month_start(today));
                (month_start(end), end)
            }
            ReportPeriod::ThisQuarter => (quarter_start(today), today),
            ReportPeriod::LastQuarter => {
                let end = day_before(quarter_start(today));
                (quarter_start(end), end)
            }
            ReportPeriod::SinceLastMeeting => (data.report_period_start(today), today),
        }
    }

    /// The period `from`..=`to` is, if it is one of these on `today`.
    pub fn matching(
        data: &Dataset,
        today: NaiveDate,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Option<ReportPeriod> {
        ReportPeriod::ALL
            .into_iter()
            .find(|p| p.range(data, today) == (from, to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn months_and_quarters_across_a_year_end() {
        let data = Dataset::default();
        let today = day(2027, 1, 20);
        assert_eq!(
            ReportPeriod::ThisMonth.range(&data, today),
            (day(2027, 1, 1), today)
        );
        assert_eq!(
            ReportPeriod::LastMonth.range(&data, today),
            (day(2026, 12, 1), day(2026, 12, 31))
        );
        assert_eq!(
            ReportPeriod::ThisQuarter.range(&data, today),
            (day(2027, 1, 1), today)
        );
        assert_eq!(
            ReportPeriod::LastQuarter.range(&data, today),
            (day(2026, 10, 1), day(2026, 12, 31))
        );
        let may = day(2026, 5, 31);
        assert_eq!(
            ReportPeriod::LastQuarter.range(&data, may),
            (day(2026, 1, 1), day(2026, 3, 31))
        );
        assert_eq!(
            ReportPeriod::LastMonth.range(&data, day(2026, 3, 31)),
            (day(2026, 2, 1), day(2026, 2, 28))
        );
    }

    #[test]
    fn since_the_last_meeting_is_the_reports_own_start() {
        let (data, today) = crate::domain::sample::fixture::sample();
        let (from, to) = ReportPeriod::SinceLastMeeting.range(&data, today);
        assert_eq!((from, to), (data.report_period_start(today), today));
        assert_eq!(
            ReportPeriod::matching(&data, today, from, to),
            Some(ReportPeriod::SinceLastMeeting)
        );
        assert_eq!(ReportPeriod::matching(&data, today, to, to), None);
    }
}
