//! Dates as officers write them. Written by hand rather than through chrono's strftime,
//! which would add its format parser to the app for three fixed layouts; read back from a
//! form by [`parse_date`] (`typed.rs`, its rule in its doc).

mod typed;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

pub use typed::{parse_date, tidy_date, DateError};

/// "04/05/2025": day and month padded, as printed in reports.
pub fn dd_mm_yyyy(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// "4/5/2025": as typed in a conclusion's text.
pub fn d_m_yyyy(date: NaiveDate) -> String {
    format!("{}/{}/{}", date.day(), date.month(), date.year())
}

/// "December" for 12: English documents and messages write the month's name, as
/// "12/07/2026" reads as 12 July to one reader and December 7 to another.
pub fn month_in_english(month: u32) -> &'static str {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS[(month.clamp(1, 12) - 1) as usize]
}

/// "2025-05-04", for file names.
pub fn iso(date: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Serde for a record's timestamps: written as chrono writes them, read without chrono's
/// general parser when they have the layout the app writes ("2026-11-23T08:00:00.5Z"), which
/// took a sixth of the province's start-up read. Anything else is read by chrono, as before.
pub mod stamp {
    use chrono::{DateTime, Utc};
    use serde::{Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        t.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        d.deserialize_str(super::Text(super::read_stamp, "a date and time (RFC 3339)"))
    }
}

/// Serde for a day ("2026-11-23"), read without chrono's general parser; see [`stamp`].
pub mod day {
    use chrono::NaiveDate;
    use serde::{Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        d.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(super::Text(super::read_day, "a date (yyyy-mm-dd)"))
    }
}

struct Text<T>(fn(&str) -> Option<T>, &'static str);

impl<T> serde::de::Visitor<'_> for Text<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.1)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.0)(v).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// "yyyy-mm-dd" read directly; other layouts by chrono.
fn read_day(s: &str) -> Option<NaiveDate> {
    fast_day(s.as_bytes()).or_else(|| s.parse().ok())
}

fn fast_day(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(&b[..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(&b[5..7])?, digits(&b[8..10])?)
}

/// "yyyy-mm-ddThh:mm:ss[.fraction]Z" read directly; other layouts by chrono.
fn read_stamp(s: &str) -> Option<DateTime<Utc>> {
    // RFC 3339 years are four digits; chrono's general parser would also take a sign.
    let four_digit_year = s
        .as_bytes()
        .get(..5)
        .is_some_and(|y| y[..4].iter().all(u8::is_ascii_digit) && y[4] == b'-');
    fast_stamp(s.as_bytes()).or_else(|| four_digit_year.then(|| s.parse().ok()).flatten())
}

fn fast_stamp(b: &[u8]) -> Option<DateTime<Utc>> {
    let (b'T', b':', b':', Some(b'Z')) = (*b.get(10)?, *b.get(13)?, *b.get(16)?, b.last().copied())
    else {
        return None;
    };
    let day = fast_day(&b[..10])?;
    let (h, m, sec) = (
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(b.get(17..19)?)?,
    );
    let nanos = match &b[19..b.len() - 1] {
        [] => 0,
        [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
            digits(fraction)? * 10u32.pow(9 - fraction.len() as u32)
        }
        _ => return None,
    };
    Some(day.and_hms_nano_opt(h, m, sec, nanos)?.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_year_is_not_a_stamp() {
        assert!(read_stamp("-026-11-23T03:00:00Z").is_none());
        assert!(read_stamp("+2026-11-23T03:00:00Z").is_none());
        assert!(read_stamp("2026-11-23T10:00:00+07:00").is_some());
    }

    #[test]
    fn layouts() {
        let d = NaiveDate::from_ymd_opt(2025, 5, 4).unwrap();
        assert_eq!(dd_mm_yyyy(d), "04/05/2025");
        assert_eq!(d_m_yyyy(d), "4/5/2025");
        assert_eq!(iso(d), "2025-05-04");
    }

    #[test]
    fn stored_dates_read_as_chrono_reads_them() {
        for text in [
            "2026-11-23T08:00:00Z",
            "2026-11-23T08:00:00.5Z",
            "2026-11-23T08:00:00.123456789Z",
            "2026-11-23T23:59:59.000001Z",
            "2026-11-23T08:00:00+07:00",
            "2026-11-23 08:00:00Z",
            "2024-02-29T00:00:00Z",
        ] {
            let chrono: DateTime<Utc> = text.parse().unwrap();
            assert_eq!(read_stamp(text), Some(chrono), "{text}");
        }
        for bad in [
            "2026-02-30T08:00:00Z",
            "2026-11-23T24:00:00Z",
            "2026-11-23T08:00Z",
            "x",
        ] {
            assert_eq!(read_stamp(bad), bad.parse::<DateTime<Utc>>().ok(), "{bad}");
        }
        for text in [
            "2026-11-23",
            "2024-02-29",
            "2025-02-29",
            "2026-13-01",
            "+2026-11-23",
            "26-1-1",
        ] {
            assert_eq!(read_day(text), text.parse::<NaiveDate>().ok(), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_written_timestamp_reads_back(secs in 0i64..8_000_000_000, nanos in 0u32..1_000_000_000) {
            let t = DateTime::from_timestamp(secs, nanos).unwrap();
            let written = serde_json::to_string(&t).unwrap();
            proptest::prop_assert_eq!(read_stamp(written.trim_matches('"')), Some(t));
            let day = t.date_naive();
            let written = serde_json::to_string(&day).unwrap();
            proptest::prop_assert_eq!(read_day(written.trim_matches('"')), Some(day));
        }
    }
}
