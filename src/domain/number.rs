//! Reading numbers as officers type them. In Vietnamese "1.300" is one thousand three
//! hundred and "44,55" is a decimal; in English it is the other way round. Money is typed in
//! tỷ đồng (billions) and stored exactly as integer đồng.

use crate::domain::money::{Vnd, ONE_BILLION};

/// Which character separates decimals: a comma (Vietnamese) or a point (English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    Comma,
    Point,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    NotANumber,
    Negative,
    /// More decimals than the figure allows (money: two decimals of a billion).
    TooPrecise,
    TooLarge,
}

/// Parses "1.300,5" (comma) or "1,300.5" (point) into integer units of 10^-`decimals`.
/// Grouping marks must group by three; spaces are ignored; a leading minus is refused.
pub fn parse_scaled(text: &str, mark: DecimalMark, decimals: u32) -> Result<i64, NumberError> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if cleaned.is_empty() {
        return Err(NumberError::Empty);
    }
    if cleaned.starts_with('-') {
        return Err(NumberError::Negative);
    }
    let (group, point) = match mark {
        DecimalMark::Comma => ('.', ','),
        DecimalMark::Point => (',', '.'),
    };
    let (int_part, frac_part) = match cleaned.split_once(point) {
        Some((i, f)) => (i, Some(f)),
        None => (cleaned.as_str(), None),
    };
    let groups: Vec<&str> = int_part.split(group).collect();
    let well_grouped = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !well_grouped
        || !groups.iter().all(|g| all_digits(g))
        || int_part.is_empty() && frac_part.is_none()
    {
        return Err(NumberError::NotANumber);
    }
    let frac = frac_part.unwrap_or("");
    if !all_digits(frac) || frac_part.is_some_and(|f| f.is_empty()) {
        return Err(NumberError::NotANumber);
    }
    let frac_trimmed = frac.trim_end_matches('0');
    if frac_trimmed.len() > decimals as usize {
        return Err(NumberError::TooPrecise);
    }
    let mut value: i64 = 0;
    for c in groups.concat().chars().chain(frac_trimmed.chars()) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(c as u8 - b'0')))
            .ok_or(NumberError::TooLarge)?;
    }
    let scale = 10i64
        .checked_pow(decimals - frac_trimmed.len() as u32)
        .ok_or(NumberError::TooLarge)?;
    value.checked_mul(scale).ok_or(NumberError::TooLarge)
}

/// Writes integer units of 10^-`decimals` the way [`parse_scaled`] reads them: thousands
/// grouped, trailing zero decimals dropped ("1.300", "3.355,9" with a comma).
pub fn format_scaled(value: i64, decimals: u32, mark: DecimalMark) -> String {
    let (group, point) = match mark {
        DecimalMark::Comma => ('.', ','),
        DecimalMark::Point => (',', '.'),
    };
    let scale = 10u64.pow(decimals);
    let magnitude = value.unsigned_abs();
    let digits = (magnitude / scale).to_string();
    let mut out = String::new();
    if value < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    let frac = format!("{:0width$}", magnitude % scale, width = decimals as usize);
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A decimal figure (hectares, percentages) with up to `decimals` decimals.
pub fn parse_decimal(text: &str, mark: DecimalMark, decimals: u32) -> Result<f64, NumberError> {
    let scaled = parse_scaled(text, mark, decimals)?;
    Ok(scaled as f64 / 10f64.powi(decimals as i32))
}

/// One hundredth of a billion đồng: the precision money is typed with.
pub const BILLION_HUNDREDTHS: i64 = ONE_BILLION / 100;

/// Money typed in billions with up to two decimals ("1.300", "3.355,9") as exact đồng.
pub fn parse_billions(text: &str, mark: DecimalMark) -> Result<Vnd, NumberError> {
    let hundredths = parse_scaled(text, mark, 2)?;
    hundredths
        .checked_mul(BILLION_HUNDREDTHS)
        .map(Vnd)
        .ok_or(NumberError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use DecimalMark::{Comma, Point};

    #[test]
    fn vietnamese_and_english_readings() {
        assert_eq!(parse_billions("1.300", Comma), Ok(Vnd::billions(1_300, 0)));
        assert_eq!(parse_billions("1,300", Point), Ok(Vnd::billions(1_300, 0)));
        assert_eq!(parse_billions("1,3", Comma), Ok(Vnd::billions(1, 30)));
        assert_eq!(parse_billions("1.3", Point), Ok(Vnd::billions(1, 30)));
        assert_eq!(
            parse_billions("3.355,9", Comma),
            Ok(Vnd::billions(3_355, 90))
        );
        assert_eq!(
            parse_billions("27 130", Comma),
            Ok(Vnd::billions(27_130, 0))
        );
        assert_eq!(parse_decimal("44,55", Comma, 2), Ok(44.55));
        assert_eq!(parse_decimal("44.55", Point, 2), Ok(44.55));
        assert_eq!(parse_decimal("70,50", Comma, 2), Ok(70.5));
    }

    #[test]
    fn what_is_not_a_number_says_why() {
        assert_eq!(parse_billions("", Comma), Err(NumberError::Empty));
        assert_eq!(parse_billions("  ", Comma), Err(NumberError::Empty));
        assert_eq!(parse_billions("-5", Comma), Err(NumberError::Negative));
        assert_eq!(parse_billions("abc", Comma), Err(NumberError::NotANumber));
        assert_eq!(
            parse_billions("1.30", Comma),
            Err(NumberError::NotANumber),
            "groups are of three"
        );
        assert_eq!(parse_billions("1,2,3", Comma), Err(NumberError::NotANumber));
        assert_eq!(parse_billions("12,", Comma), Err(NumberError::NotANumber));
        assert_eq!(parse_billions("1,234", Comma), Err(NumberError::TooPrecise));
        assert_eq!(
            parse_billions("99999999999999", Comma),
            Err(NumberError::TooLarge)
        );
        assert_eq!(parse_decimal("1e5", Point, 2), Err(NumberError::NotANumber));
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back(value in 0i64..10_000_000_000_000, decimals in 0u32..5) {
            for mark in [Comma, Point] {
                let text = format_scaled(value, decimals, mark);
                prop_assert_eq!(parse_scaled(&text, mark, decimals), Ok(value), "{}", text);
            }
        }
    }
}
