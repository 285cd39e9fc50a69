//! Numbers, money and dates as each language writes them: 1.300 tỷ đồng and 44,55% in
//! Vietnamese; 1,300 billion VND and 44.55% in English; dd/mm/yyyy in both.

use chrono::NaiveDate;

use super::Lang;
use crate::domain::{Amount, Vnd};

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// A number with at most `max_decimals` decimals, trailing zeros dropped, grouped by thousands.
pub fn format_decimal(value: f64, max_decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let (group, point) = separators(lang);
    let text = format!("{:.*}", max_decimals, value.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac_part.trim_end_matches('0');
    let mut out = String::new();
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    if negative {
        out.push('-');
    }
    let digits: Vec<char> = int_part.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(*c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

pub fn format_percent(value: f64, lang: Lang) -> String {
    format!("{}%", format_decimal(value, 2, lang))
}

/// A difference of percentages, signed, in points: "+5,3 điểm phần trăm", "−2.1 percentage points".
pub fn format_points(diff: f64, lang: Lang) -> String {
    let sign = if diff > 0.0 {
        "+"
    } else if diff < 0.0 {
        "−"
    } else {
        "±"
    };
    let unit = lang.pick("điểm phần trăm", "percentage points");
    format!("{sign}{} {unit}", format_decimal(diff.abs(), 2, lang))
}

/// A part of a total with its unit and computed percentage: "359/514 hộ (69,84%)".
pub fn format_ratio(part: f64, total: f64, decimals: usize, unit: &str, lang: Lang) -> String {
    let pct = if total > 0.0 {
        format!(" ({})", format_percent(part * 100.0 / total, lang))
    } else {
        String::new()
    };
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    let part = format_decimal(part, decimals, lang);
    format!(
        "{part}/{}{unit}{pct}",
        format_decimal(total, decimals, lang)
    )
}

/// Money in billions with up to two decimals: "1.300 tỷ đồng", "1,300 billion VND".
pub fn format_money_billions(vnd: Vnd, lang: Lang) -> String {
    // Exact integer arithmetic to the hundredth of a billion, then rounding half up.
    let hundredths = (vnd.0 as i128 * 100 + 500_000_000 * vnd.0.signum() as i128) / 1_000_000_000;
    let number = format_decimal(hundredths as f64 / 100.0, 2, lang);
    match lang {
        Lang::Vi => format!("{number} tỷ đồng"),
        Lang::En => format!("{number} billion VND"),
    }
}

pub fn format_amount(amount: &Amount, lang: Lang) -> String {
    match amount.qualifier {
        None => format_money_billions(amount.vnd, lang),
        Some(q) => format!(
            "{} {}",
            super::labels::qualifier(q, lang),
            format_money_billions(amount.vnd, lang)
        ),
    }
}

/// dd/mm/yyyy in both languages, as officers write dates.
pub fn format_date(date: NaiveDate) -> String {
    crate::domain::dates::dd_mm_yyyy(date)
}

/// A moment as officers write it, "14:05 01/12/2026", on the wall clock it is given in:
/// the browser's time zone (`ui::browser::date_time`), the one clock the app shows.
pub fn format_date_time(local: chrono::NaiveDateTime) -> String {
    local.format("%H:%M %d/%m/%Y").to_string()
}

/// When data was last saved, as a document editor says it: the time alone when it was today
/// on the same clock ("14:32"), the time and the date otherwise.
pub fn format_saved_at(local: chrono::NaiveDateTime, today: NaiveDate) -> String {
    if local.date() == today {
        local.format("%H:%M").to_string()
    } else {
        format_date_time(local)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_of_today_says_only_the_time() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let at = today.and_hms_opt(14, 32, 59).unwrap();
        assert_eq!(format_saved_at(at, today), "14:32");
        let yesterday = today.pred_opt().unwrap().and_hms_opt(23, 59, 0).unwrap();
        assert_eq!(format_saved_at(yesterday, today), "23:59 01/12/2026");
    }

    #[test]
    fn a_moment_is_hours_then_the_date() {
        let at = NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(21, 22, 5)
            .unwrap();
        assert_eq!(format_date_time(at), "21:22 01/12/2026");
    }

    #[test]
    fn numbers_follow_each_language() {
        assert_eq!(format_decimal(1300.0, 2, Lang::Vi), "1.300");
        assert_eq!(format_decimal(1300.0, 2, Lang::En), "1,300");
        assert_eq!(format_percent(44.55, Lang::Vi), "44,55%");
        assert_eq!(format_percent(44.55, Lang::En), "44.55%");
        assert_eq!(format_decimal(27130.5, 2, Lang::Vi), "27.130,5");
        assert_eq!(format_decimal(0.0, 2, Lang::Vi), "0");
        assert_eq!(format_decimal(-1234567.891, 2, Lang::En), "-1,234,567.89");
        assert_eq!(format_decimal(-0.001, 2, Lang::En), "0");
        assert_eq!(format_decimal(f64::NAN, 2, Lang::En), "—");
    }

    #[test]
    fn money_is_in_billions() {
        assert_eq!(
            format_money_billions(Vnd::billions(1_300, 0), Lang::Vi),
            "1.300 tỷ đồng"
        );
        assert_eq!(
            format_money_billions(Vnd::billions(1_300, 0), Lang::En),
            "1,300 billion VND"
        );
        assert_eq!(
            format_money_billions(Vnd::billions(3_355, 90), Lang::Vi),
            "3.355,9 tỷ đồng"
        );
        assert_eq!(
            format_money_billions(Vnd(1_234_567_890), Lang::En),
            "1.23 billion VND"
        );
        assert_eq!(
            format_money_billions(Vnd(1_235_000_000), Lang::En),
            "1.24 billion VND"
        );
        let over = Amount {
            vnd: Vnd::billions(981, 0),
            qualifier: Some(crate::domain::Qualifier::Over),
        };
        assert_eq!(format_amount(&over, Lang::Vi), "trên 981 tỷ đồng");
        assert_eq!(format_amount(&over, Lang::En), "over 981 billion VND");
    }

    #[test]
    fn ratios_show_the_computed_share() {
        assert_eq!(
            format_ratio(359.0, 514.0, 0, "hộ", Lang::Vi),
            "359/514 hộ (69,84%)"
        );
        assert_eq!(
            format_ratio(70.5, 93.7, 2, "ha", Lang::En),
            "70.5/93.7 ha (75.24%)"
        );
        assert_eq!(format_ratio(1.0, 0.0, 0, "", Lang::En), "1/0");
    }

    #[test]
    fn dates_are_day_month_year() {
        assert_eq!(
            format_date(NaiveDate::from_ymd_opt(2025, 5, 4).unwrap()),
            "04/05/2025"
        );
    }
}
