//! How the app words a unit's end and the hand-over of its work.

use chrono::NaiveDate;

use super::{format_date, Lang};
use crate::domain::sharing::Problem;
use crate::domain::units::Role;
use crate::domain::units::SuccessionProblem;
use crate::domain::units::{EndKind, Unit};
use crate::domain::{Dataset, Directive, UnitId};

fn full_name(data: &Dataset, id: &UnitId) -> String {
    data.units
        .get(id)
        .map(|u| u.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// "giao cho UBND huyện Điện Biên, từ 01/07/2025 chuyển cho UBND xã Mường Phăng": the
/// lead's history, `None` when it never changed.
pub fn lead_history(data: &Dataset, x: &Directive, lang: Lang) -> Option<String> {
    let steps = x.lead_history();
    let (first, rest) = steps.split_first()?;
    let mut text = format!(
        "{} {}",
        lang.pick("giao cho", "assigned to"),
        full_name(data, first.1)
    );
    for (on, unit) in rest {
        let on = on.map(format_date).unwrap_or_default();
        text.push_str(&match lang {
            Lang::Vi => format!(", từ {on} chuyển cho {}", full_name(data, unit)),
            Lang::En => format!(", passed to {} from {on}", full_name(data, unit)),
        });
    }
    let joined: Vec<String> = x
        .handovers
        .iter()
        .filter(|h| h.role == Role::Coordinating)
        .map(|h| full_name(data, &h.to))
        .collect();
    if !joined.is_empty() {
        text.push_str(&match lang {
            Lang::Vi => format!("; phối hợp: {}", joined.join(", ")),
            Lang::En => format!("; coordinating: {}", joined.join(", ")),
        });
    }
    Some(text)
}

/// "UBND huyện Điện Biên đã kết thúc từ 01/07/2025: đề xuất giao đơn vị kế thừa.", for a
/// read notice that names units no longer there on its date.
pub fn ended_in_review(
    data: &Dataset,
    ended: &[(UnitId, NaiveDate)],
    lang: Lang,
) -> Option<String> {
    if ended.is_empty() {
        return None;
    }
    let names = ended
        .iter()
        .map(|(u, on)| format!("{} ({})", full_name(data, u), format_date(*on)))
        .collect::<Vec<_>>()
        .join(", ");
    Some(match lang {
        Lang::Vi => format!(
            "Đơn vị đã kết thúc trước ngày ban hành: {names}. Đã đề xuất đơn vị kế thừa; kiểm tra lại."
        ),
        Lang::En => format!(
            "Units that had ended by the notice's date: {names}. Their successors have been suggested; please check them."
        ),
    })
}

/// "Kế thừa từ UBND huyện Điện Biên (từ 01/07/2025)", for a list of what a unit owes.
pub fn inherited_note(
    data: &Dataset,
    x: &Directive,
    reference: NaiveDate,
    lang: Lang,
) -> Option<String> {
    let i = x.inherited_at(reference)?;
    Some(match lang {
        Lang::Vi => format!(
            "Kế thừa từ {} (từ {})",
            full_name(data, i.from),
            format_date(i.on)
        ),
        Lang::En => format!(
            "Inherited from {} (since {})",
            full_name(data, i.from),
            format_date(i.on)
        ),
    })
}

/// "Đã giải thể từ 01/07/2025; đơn vị kế thừa: UBND xã Mường Phăng, UBND xã Thanh Nưa".
pub fn ending_note(data: &Dataset, u: &Unit, lang: Lang) -> Option<String> {
    let e = u.ended.as_ref()?;
    let how = match (e.kind, lang) {
        (EndKind::Merged, Lang::Vi) => "Đã sáp nhập từ",
        (EndKind::Merged, Lang::En) => "Merged on",
        (EndKind::Abolished, Lang::Vi) => "Đã giải thể từ",
        (EndKind::Abolished, Lang::En) => "Dissolved on",
    };
    let names: Vec<String> = e.successors.iter().map(|s| full_name(data, s)).collect();
    Some(format!(
        "{how} {}; {}: {}",
        format_date(e.on),
        lang.pick("đơn vị kế thừa", "successors"),
        names.join(", ")
    ))
}

pub fn end_kind(kind: EndKind, lang: Lang) -> &'static str {
    match kind {
        EndKind::Merged => lang.pick("Sáp nhập vào một đơn vị", "Merged into one unit"),
        EndKind::Abolished => lang.pick(
            "Giải thể, giao việc cho các đơn vị kế thừa",
            "Dissolved, its work handed to successors",
        ),
    }
}

pub fn role(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Lead => lang.pick("chủ trì", "lead"),
        Role::Coordinating => lang.pick("phối hợp", "coordinating"),
    }
}

/// Where each part of a handed-over directive went: "UBND xã Mường Phăng (chủ trì)".
pub fn handed_to(data: &Dataset, x: &Directive, from: &UnitId, lang: Lang) -> String {
    x.handovers
        .iter()
        .filter(|h| &h.from == from)
        .map(|h| format!("{} ({})", full_name(data, &h.to), role(h.role, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why one directive of a hand-over cannot be recorded yet.
pub fn taker_problem(p: &SuccessionProblem, lang: Lang) -> String {
    match p.problem {
        Problem::Empty => lang
            .pick(
                "Chọn đơn vị kế thừa nhận nhiệm vụ này.",
                "Choose the successor that takes this directive.",
            )
            .to_owned(),
        _ => format!(
            "{} {}.",
            super::fields::field_label(p.field, lang),
            super::problems::problem_text(&p.problem, lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::sample;

    #[test]
    fn the_sample_district_reads_as_the_issue_asks() {
        let (data, today) = sample();
        let district = data.unit_named("UBND huyện Điện Biên").unwrap();
        let handed = data.handed_over_by(&district.id);
        let item2 = handed
            .iter()
            .map(|(d, _)| *d)
            .find(|d| d.path.to_string() == "2")
            .unwrap();
        assert_eq!(
            lead_history(&data, item2, Lang::Vi).as_deref(),
            Some("giao cho UBND huyện Điện Biên, từ 01/07/2025 chuyển cho UBND xã Mường Phăng")
        );
        assert_eq!(
            inherited_note(&data, item2, today, Lang::En).as_deref(),
            Some("Inherited from UBND huyện Điện Biên (since 01/07/2025)")
        );
        let item4 = handed
            .iter()
            .map(|(d, _)| *d)
            .find(|d| d.path.to_string() == "4")
            .unwrap();
        assert!(lead_history(&data, item4, Lang::Vi)
            .unwrap()
            .ends_with("chuyển cho UBND xã Thanh Nưa; phối hợp: UBND xã Mường Phăng"));
        assert_eq!(
            handed_to(&data, item4, &district.id, Lang::Vi),
            "UBND xã Thanh Nưa (chủ trì), UBND xã Mường Phăng (phối hợp)"
        );
        assert_eq!(
            ending_note(&data, district, Lang::Vi).as_deref(),
            Some(
                "Đã giải thể từ 01/07/2025; đơn vị kế thừa: UBND xã Mường Phăng, UBND xã Thanh Nưa"
            )
        );
        let item5 = handed
            .iter()
            .map(|(d, _)| *d)
            .find(|d| d.path.to_string() == "5")
            .unwrap();
        assert_eq!(
            lead_history(&data, item5, Lang::Vi),
            None,
            "only its coordinator changed"
        );
    }
}
