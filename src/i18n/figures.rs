//! A progress report's figures as one line of text, in the officer's language:
//! "359/514 hộ (69,84%), 70,5/93,7 ha (75,24%)".

use super::{format_decimal, format_money_billions, format_percent, format_ratio, Lang};
use crate::domain::projects::BehindReason;
use crate::domain::{Capital, Construction, Measure, MeasureChange, SiteClearance};

/// Why a project is behind, the rule that fired with its figures: "quá thời hạn hoàn thành
/// 01/01/2026 (chậm 340 ngày)", "khối lượng 44,55% so với 61,37% theo tiến độ đường thẳng".
/// Documents say the same in their own language (`documents::behind_reason_words`).
pub fn behind_reason_text(reason: &BehindReason, lang: Lang) -> String {
    let lang = match lang {
        Lang::Vi => crate::domain::documents::DocLang::Vi,
        Lang::En => crate::domain::documents::DocLang::En,
    };
    crate::domain::documents::behind_reason_words(reason, lang)
}

pub fn site_clearance_text(sc: &SiteClearance, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let (Some(done), Some(total)) = (sc.households_handed_over, sc.households_total) {
        let unit = lang.pick("hộ", "households");
        parts.push(format_ratio(
            f64::from(done),
            f64::from(total),
            0,
            unit,
            lang,
        ));
    }
    if let (Some(done), Some(total)) = (sc.area_handed_over_ha, sc.area_total_ha) {
        parts.push(format_ratio(done, total, 2, "ha", lang));
    }
    if parts.is_empty() {
        parts.extend(sc.percent.map(|p| format_percent(p, lang)));
    }
    parts.join(", ")
}

pub fn construction_text(c: &Construction, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let (Some(active), Some(total)) = (c.packages_under_construction, c.packages_total) {
        parts.push(format!(
            "{active}/{total} {}",
            lang.pick("gói thầu đang thi công", "packages under construction")
        ));
    }
    parts.extend(c.volume_percent.map(|v| format_percent(v, lang)));
    parts.join(", ")
}

pub fn capital_text(c: &Capital, lang: Lang) -> String {
    // A report that gives one of the two still shows it (a row that hides a typed figure
    // reads as if nothing was reported).
    let amounts = match (c.disbursed, c.plan) {
        (Some(done), Some(plan)) => Some(format!(
            "{} / {}",
            format_money_billions(done, lang),
            format_money_billions(plan, lang)
        )),
        (Some(done), None) => Some(format_money_billions(done, lang)),
        (None, Some(plan)) => Some(format!(
            "{} {}",
            lang.pick("kế hoạch", "plan"),
            format_money_billions(plan, lang)
        )),
        (None, None) => None,
    };
    match (amounts, c.disbursement_percent()) {
        (Some(a), Some(p)) => format!("{a} ({})", format_percent(p, lang)),
        (Some(a), None) => a,
        (None, Some(p)) => format_percent(p, lang),
        (None, None) => String::new(),
    }
}

/// The name of a figure compared between reports.
pub fn measure_label(m: Measure, lang: Lang) -> &'static str {
    let (vi, en) = match m {
        Measure::HouseholdsHandedOver => ("Số hộ đã bàn giao", "Households handed over"),
        Measure::AreaHandedOverHa => ("Diện tích đã bàn giao", "Area handed over"),
        Measure::SiteClearancePercent => ("Tỷ lệ giải phóng mặt bằng", "Site clearance"),
        Measure::VolumePercent => ("Khối lượng xây lắp", "Construction volume"),
        Measure::DisbursedBillions => ("Vốn đã giải ngân", "Capital disbursed"),
        Measure::DisbursementPercent => ("Tỷ lệ giải ngân", "Disbursement"),
    };
    lang.pick(vi, en)
}

fn measure_value(m: Measure, value: f64, lang: Lang) -> String {
    match m {
        Measure::HouseholdsHandedOver => {
            format!(
                "{} {}",
                format_decimal(value, 0, lang),
                lang.pick("hộ", "households")
            )
        }
        Measure::AreaHandedOverHa => format!("{} ha", format_decimal(value, 2, lang)),
        Measure::DisbursedBillions => {
            format_money_billions(crate::domain::Vnd((value * 1e9).round() as i64), lang)
        }
        _ => format_percent(value, lang),
    }
}

/// "65,31% → 75,24%", or the value alone when first reported.
pub fn measure_step(c: &MeasureChange, lang: Lang) -> String {
    let after = measure_value(c.measure, c.after, lang);
    match c.before {
        Some(before) => format!("{} → {after}", measure_value(c.measure, before, lang)),
        None => after,
    }
}

/// "Số hộ đã bàn giao: 301 hộ → 359 hộ (+58)"; a figure first reported shows only its value.
pub fn measure_change_text(c: &MeasureChange, lang: Lang) -> String {
    let after = measure_value(c.measure, c.after, lang);
    let label = measure_label(c.measure, lang);
    match c.before {
        None => format!(
            "{label}: {after} ({})",
            lang.pick("lần đầu báo cáo", "first reported")
        ),
        Some(before) => {
            let diff = c.after - before;
            let sign = if diff >= 0.0 { "+" } else { "−" };
            let step = match c.measure {
                Measure::SiteClearancePercent
                | Measure::VolumePercent
                | Measure::DisbursementPercent => super::format::format_points(diff, lang),
                m => format!("{sign}{}", measure_value(m, diff.abs(), lang)),
            };
            format!(
                "{label}: {} → {after} ({step})",
                measure_value(c.measure, before, lang)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Vnd;

    #[test]
    fn why_behind_reads_as_the_officer_says_it_and_as_the_documents_do() {
        use crate::domain::documents::{behind_reason_words, DocLang};
        let finish = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let late = BehindReason::PastPlannedFinish {
            finish,
            days_late: 340,
        };
        let low = BehindReason::VolumeBelowSchedule {
            actual: 44.55,
            expected: 200.0 / 3.0,
        };
        assert_eq!(
            behind_reason_text(&late, Lang::Vi),
            "quá thời hạn hoàn thành 01/01/2026 (chậm 340 ngày)"
        );
        assert_eq!(
            behind_reason_text(&low, Lang::Vi),
            "khối lượng 44,55% so với 66,67% theo tiến độ đường thẳng"
        );
        assert_eq!(
            behind_reason_text(&low, Lang::En),
            "construction volume 44.55% against 66.67% expected on the straight-line schedule"
        );
        for r in [late, low] {
            assert_eq!(
                behind_reason_text(&r, Lang::Vi),
                behind_reason_words(&r, DocLang::Vi)
            );
            assert_eq!(
                behind_reason_text(&r, Lang::En),
                behind_reason_words(&r, DocLang::En)
            );
        }
    }

    #[test]
    fn figures_read_as_officers_write_them() {
        let sc = SiteClearance {
            area_total_ha: Some(93.7),
            area_handed_over_ha: Some(70.5),
            households_total: Some(514),
            households_handed_over: Some(359),
            percent: None,
        };
        assert_eq!(
            site_clearance_text(&sc, Lang::Vi),
            "359/514 hộ (69,84%), 70,5/93,7 ha (75,24%)"
        );
        assert_eq!(
            site_clearance_text(&sc, Lang::En),
            "359/514 households (69.84%), 70.5/93.7 ha (75.24%)"
        );
        let only_pct = SiteClearance {
            percent: Some(95.07),
            ..Default::default()
        };
        assert_eq!(site_clearance_text(&only_pct, Lang::Vi), "95,07%");
        let c = Construction {
            packages_total: Some(7),
            packages_under_construction: Some(7),
            contracts_signed: None,
            volume_percent: Some(44.55),
        };
        assert_eq!(
            construction_text(&c, Lang::En),
            "7/7 packages under construction, 44.55%"
        );
        let cap = Capital {
            plan: Some(Vnd::billions(180, 0)),
            disbursed: Some(Vnd::billions(125, 64)),
            ..Default::default()
        };
        assert_eq!(
            capital_text(&cap, Lang::Vi),
            "125,64 tỷ đồng / 180 tỷ đồng (69,8%)"
        );
        assert_eq!(capital_text(&Capital::default(), Lang::Vi), "");
        let only_disbursed = Capital {
            disbursed: Some(Vnd::billions(21, 40)),
            ..Default::default()
        };
        assert_eq!(capital_text(&only_disbursed, Lang::Vi), "21,4 tỷ đồng");
        let only_plan = Capital {
            plan: Some(Vnd::billions(180, 0)),
            ..Default::default()
        };
        assert_eq!(capital_text(&only_plan, Lang::En), "plan 180 billion VND");
    }
}
