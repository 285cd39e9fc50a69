//! Money is exact: an integer number of Vietnamese đồng, never a float.

use serde::{Deserialize, Serialize};

/// An amount in VND. Officers speak in tỷ đồng (billions); the formatter converts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Vnd(pub i64);

pub const ONE_BILLION: i64 = 1_000_000_000;

impl Vnd {
    /// Whole billions plus hundredths of a billion: `Vnd::billions(981, 0)`, `Vnd::billions(3_355, 90)`.
    pub const fn billions(whole: i64, hundredths: i64) -> Self {
        Vnd(whole * ONE_BILLION + hundredths * (ONE_BILLION / 100))
    }

    /// `part` as a percentage of `self`, when `self` is positive.
    pub fn percent_of(part: Vnd, whole: Vnd) -> Option<f64> {
        (whole.0 > 0).then(|| part.0 as f64 * 100.0 / whole.0 as f64)
    }
}

/// How a reported figure is qualified in the source: "over 981 billion", "nearly 3,356 billion".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Over,
    Nearly,
    About,
}

impl Qualifier {
    pub const ALL: [Qualifier; 3] = [Qualifier::Over, Qualifier::Nearly, Qualifier::About];
}

/// A total investment as written: the figure plus an optional qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    pub vnd: Vnd,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::model::record::present"
    )]
    pub qualifier: Option<Qualifier>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn billions_are_exact() {
        assert_eq!(Vnd::billions(1_300, 0).0, 1_300_000_000_000);
        assert_eq!(Vnd::billions(3_355, 90).0, 3_355_900_000_000);
    }

    #[test]
    fn percent_needs_a_positive_whole() {
        assert_eq!(Vnd::percent_of(Vnd(1), Vnd(0)), None);
        let p = Vnd::percent_of(Vnd::billions(1_461, 0), Vnd::billions(3_356, 0)).unwrap();
        assert!((p - 43.53).abs() < 0.01);
    }
}
