//! Dates as officers write them. Written by hand rather than through chrono's strftime,
//! which would add its format parser to the app for three fixed layouts.

use chrono::{Datelike, NaiveDate};

/// "04/05/2025": day and month padded, as printed in reports.
pub fn dd_mm_yyyy(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// "4/5/2025": as typed in a conclusion's text.
pub fn d_m_yyyy(date: NaiveDate) -> String {
    format!("{}/{}/{}", date.day(), date.month(), date.year())
}

/// "2025-05-04", for file names.
pub fn iso(date: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts() {
        let d = NaiveDate::from_ymd_opt(2025, 5, 4).unwrap();
        assert_eq!(dd_mm_yyyy(d), "04/05/2025");
        assert_eq!(d_m_yyyy(d), "4/5/2025");
        assert_eq!(iso(d), "2025-05-04");
    }
}
