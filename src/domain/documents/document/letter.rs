//! The letter that chases a unit (công văn đôn đốc): "V/v đôn đốc …" under the number,
//! "Kính gửi: <unit>.", the unit's overdue and due-soon directives with their conclusion,
//! deadline and last update, and the date by which it must report.

use chrono::NaiveDate;

use super::{recipient_lines, Block, DocLang, Document, Header};
use crate::domain::dates::dd_mm_yyyy;
use crate::domain::documents::letterhead::{Sending, Sent};
use crate::domain::documents::table::{Cell, Column, OnPaper, Table};
use crate::domain::followup::conclusion::{Directive, DirectiveUpdate};
use crate::domain::followup::state::FollowUpState;
use crate::domain::followup::ReportScope;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{DirectiveId, UnitId};
use crate::domain::sorting;

/// What a unit owes as lead unit as of `today`: overdue first, then due soon, each by
/// deadline.
pub fn owed<'a>(
    data: &'a Dataset,
    unit: &UnitId,
    today: NaiveDate,
    due_soon_days: u64,
) -> Vec<&'a Directive> {
    let led = data
        .followed()
        .into_iter()
        .filter(|d| d.lead_at(today) == Some(unit));
    owed_among(led, today, due_soon_days)
}

/// Of the directives a unit leads, what it owes as of `today` (see [`owed`]).
pub fn owed_among<'a>(
    led: impl IntoIterator<Item = &'a Directive>,
    today: NaiveDate,
    due_soon_days: u64,
) -> Vec<&'a Directive> {
    let mut items: Vec<(FollowUpState, &Directive)> = led
        .into_iter()
        .map(|d| (d.state(today, due_soon_days), d))
        .filter(|(s, _)| matches!(s, FollowUpState::Overdue | FollowUpState::DueSoon))
        .collect();
    sorting::sort_by_cached_key(&mut items, |(_, d)| {
        crate::domain::followup::facts::urgency_key(d, today, due_soon_days)
    });
    items.into_iter().map(|(_, d)| d).collect()
}

/// What a letter tells a unit: what it owes as of a day, each with its latest update.
pub struct Owed<'a> {
    pub unit: &'a UnitId,
    pub today: NaiveDate,
    pub due_soon_days: u64,
    pub items: Vec<&'a Directive>,
    pub last: rustc_hash::FxHashMap<&'a DirectiveId, &'a DirectiveUpdate>,
}

impl<'a> Owed<'a> {
    /// Found in `data`: one walk over the directives and one over the log.
    pub fn of(data: &'a Dataset, unit: &'a UnitId, today: NaiveDate, due_soon_days: u64) -> Self {
        let items = owed(data, unit, today, due_soon_days);
        let last = data.last_updates_among(&items.iter().map(|d| &d.id).collect());
        Self::among(unit, &items, &last, today, due_soon_days)
    }

    /// From the directives the unit leads, with latest updates already found (of these
    /// directives at least).
    pub fn among(
        unit: &'a UnitId,
        led: &[&'a Directive],
        last: &rustc_hash::FxHashMap<&'a DirectiveId, &'a DirectiveUpdate>,
        today: NaiveDate,
        due_soon_days: u64,
    ) -> Self {
        let items = owed_among(led.iter().copied(), today, due_soon_days);
        let last = items
            .iter()
            .filter_map(|d| last.get(&d.id).map(|u| (&d.id, *u)))
            .collect();
        Owed {
            unit,
            today,
            due_soon_days,
            items,
            last,
        }
    }
}

/// The reminder letter to the unit of `owed`, asking for a report by `report_by`.
pub fn reminder_letter(
    data: &Dataset,
    owed: &Owed,
    report_by: NaiveDate,
    from: &Sending,
    lang: DocLang,
) -> Document {
    let (today, due_soon_days) = (owed.today, owed.due_soon_days);
    let (national_name, motto) = super::national_name(from.body_kind, lang);
    let name = data.unit_name(owed.unit);
    let last = &owed.last;
    let cited = crate::domain::followup::Citations::of(data);
    let rows: Vec<Vec<Cell>> = owed
        .items
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let number = data
                .conclusions
                .get(&d.conclusion)
                .map(|c| format!("{} ({})", c.number_symbol, dd_mm_yyyy(c.date)))
                .unwrap_or_default();
            let state = match d.state(today, due_soon_days) {
                FollowUpState::Overdue => lang.pick("Quá hạn", "Overdue"),
                _ => lang.pick("Sắp đến hạn", "Due soon"),
            };
            let update = last.get(&d.id);
            vec![
                Cell::Int(i as i64 + 1),
                Cell::Text(format!("{number}, {}", cited.of_directive(d))),
                Cell::text(d.text.clone()),
                Cell::date(d.due_on(today)),
                Cell::text(state),
                Cell::date(update.map(|u| u.date)),
                Cell::Text(update.map(|u| u.text.clone()).unwrap_or_default()),
            ]
        })
        .collect();
    let by = dd_mm_yyyy(report_by);
    let opening = match lang {
        DocLang::Vi => format!("Theo dõi việc thực hiện các kết luận của Ban Chỉ đạo, đến ngày {}, {name} còn {} nhiệm vụ quá hạn hoặc sắp đến hạn sau đây:", dd_mm_yyyy(today), rows.len()),
        DocLang::En => format!("In following up the implementation of the steering committee's conclusions: as of {}, {name} still has the following directives overdue or due soon ({} in all):", dd_mm_yyyy(today), rows.len()),
    };
    let ask = match lang {
        DocLang::Vi => format!("Đề nghị {name} khẩn trương thực hiện, báo cáo kết quả (nêu rõ nguyên nhân chậm, nếu có) về {} trước ngày {by} để tổng hợp, báo cáo Ban Chỉ đạo.", from.office.issuing_body.trim()),
        DocLang::En => format!("{name} is requested to carry them out without delay and to report the results (stating the reasons for any delay) to {} before {by}, so that they can be compiled and reported to the steering committee.", from.office.issuing_body.trim()),
    };
    let mut body = vec![
        Block::Addressee(format!("{} {name}.", lang.pick("Kính gửi:", "To:"))),
        Block::Paragraph(opening),
    ];
    if !rows.is_empty() {
        body.push(Block::Table(Table {
            about: Default::default(),
            name: name.chars().take(31).collect(),
            columns: vec![
                Column::new(lang.pick("STT", "No."), 8),
                Column::new(lang.pick("Kết luận, mục", "Conclusion, item"), 26),
                Column::new(lang.pick("Nội dung", "Directive"), 34),
                Column::new(lang.pick("Hạn", "Due"), 17),
                Column::new(lang.pick("Tình trạng", "Status"), 14),
                Column::new(lang.pick("Ngày cập nhật", "Updated"), 12)
                    .on_paper(OnPaper::BeforeNext),
                Column::new(lang.pick("Cập nhật gần nhất", "Last update"), 30),
            ],
            rows,
        }));
    }
    body.push(Block::Paragraph(ask));
    let (signer_title, signer_name) = from.signature();
    Document {
        body_kind: from.body_kind,
        header: Header {
            parent_body: from.parent_body(),
            issuing_body: from.issuing_body(),
            number: from.number_line(Sent::Letter, lang),
            national_name,
            motto,
            place_date: super::place_date_line(&from.office.place_name, today, lang),
            regarding: lang
                .pick(
                    "V/v đôn đốc thực hiện các kết luận của Ban Chỉ đạo",
                    "Re: following up the steering committee's conclusions",
                )
                .to_owned(),
        },
        // A letter (công văn) names no type of document.
        kind: String::new(),
        subject: String::new(),
        body,
        recipients_heading: lang.pick("Nơi nhận:", "Recipients:"),
        recipients: recipient_lines(&[
            lang.pick("Như trên", "As above").to_owned(),
            lang.pick("Lưu: VT", "File").to_owned(),
        ]),
        signer_title,
        signer_name,
    }
}

/// The units that lead at least one overdue directive, the most overdue first (then by
/// name): whom the report's "letters to every overdue unit" go to.
pub fn units_with_overdue<'a>(
    data: &'a Dataset,
    scope: &ReportScope,
    today: NaiveDate,
    due_soon_days: u64,
) -> Vec<&'a UnitId> {
    let mut counts: std::collections::BTreeMap<&UnitId, usize> = Default::default();
    for d in followed_in(data, scope) {
        if let (Some(u), FollowUpState::Overdue) = (d.lead_at(today), d.state(today, due_soon_days))
        {
            *counts.entry(u).or_default() += 1;
        }
    }
    let name = |u: &UnitId| {
        data.units
            .get(u)
            .map(|x| crate::domain::text::fold(&x.name))
            .unwrap_or_default()
    };
    let mut units: Vec<(&UnitId, usize)> = counts.into_iter().collect();
    sorting::sort_by_cached_key(&mut units, |(u, n)| (std::cmp::Reverse(*n), name(u)));
    units.into_iter().map(|(u, _)| u).collect()
}

/// The directives followed of the conclusions `scope` covers.
pub(super) fn followed_in<'a>(data: &'a Dataset, scope: &ReportScope) -> Vec<&'a Directive> {
    data.followed()
        .into_iter()
        .filter(|d| {
            data.conclusions
                .get(&d.conclusion)
                .is_some_and(|c| scope.covers(c))
        })
        .collect()
}

/// A reminder letter to each unit of [`units_with_overdue`] over `scope` (what the report
/// on screen covers), all asking for a report by `report_by`.
pub fn reminder_letters(
    data: &Dataset,
    scope: &ReportScope,
    today: NaiveDate,
    due_soon_days: u64,
    report_by: NaiveDate,
    from: &Sending,
    lang: DocLang,
) -> Vec<Document> {
    each_reminder_letter(data, scope, today, due_soon_days, report_by, from, lang).collect()
}

/// [`reminder_letters`] written one at a time as they are taken (a province's two hundred
/// letters are made over several tasks).
pub fn each_reminder_letter<'a>(
    data: &'a Dataset,
    scope: &ReportScope,
    today: NaiveDate,
    due_soon_days: u64,
    report_by: NaiveDate,
    from: &'a Sending,
    lang: DocLang,
) -> impl Iterator<Item = Document> + 'a {
    // The directives each unit leads and the latest updates, found once for all letters
    // (the updates with the first letter: each a task's worth on the large dataset).
    let last = std::cell::OnceCell::new();
    let mut led: rustc_hash::FxHashMap<&UnitId, Vec<&Directive>> = Default::default();
    for d in followed_in(data, scope) {
        if let Some(u) = d.lead_at(today) {
            led.entry(u).or_default().push(d);
        }
    }
    units_with_overdue(data, scope, today, due_soon_days)
        .into_iter()
        .zip(0..)
        .map(move |(u, nth)| {
            let mine = led.get(u).map_or(&[][..], Vec::as_slice);
            let last = last.get_or_init(|| data.last_updates());
            let owed = Owed::among(u, mine, last, today, due_soon_days);
            // The letters of one batch take consecutive numbers.
            let this = Sending {
                number: from.number.map(|n| n + nth),
                ..from.clone()
            };
            reminder_letter(data, &owed, report_by, &this, lang)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::sample;

    #[test]
    fn the_letter_lists_what_the_unit_owes_and_asks_for_a_report_by_a_date() {
        let (data, today) = sample();
        let unit = data
            .units
            .iter()
            .find(|u| u.name == "UBND xã Mường Phăng")
            .unwrap()
            .id
            .clone();
        let from =
            crate::domain::documents::letterhead::test_sending(crate::domain::BodyKind::State);
        let by = today + chrono::Days::new(7);
        let doc = reminder_letter(
            &data,
            &Owed::of(&data, &unit, today, 7),
            by,
            &from,
            DocLang::Vi,
        );
        assert_eq!(doc.kind, "", "a letter names no type of document");
        assert_eq!(
            doc.header.regarding,
            "V/v đôn đốc thực hiện các kết luận của Ban Chỉ đạo"
        );
        assert_eq!(
            doc.body[0],
            Block::Addressee("Kính gửi: UBND xã Mường Phăng.".into())
        );
        let owed = owed(&data, &unit, today, 7);
        assert!(!owed.is_empty());
        assert!(owed.iter().all(|d| matches!(
            d.state(today, 7),
            FollowUpState::Overdue | FollowUpState::DueSoon
        )));
        let Block::Table(Table { rows, .. }) = &doc.body[2] else {
            panic!("{:?}", doc.body[2])
        };
        assert_eq!(rows.len(), owed.len());
        // Each row's last update is the directive's latest in the whole log.
        let last = data.last_updates();
        assert!(owed.iter().any(|d| last.contains_key(&d.id)));
        for (row, d) in rows.iter().zip(&owed) {
            let text = last.get(&d.id).map(|u| u.text.clone()).unwrap_or_default();
            assert_eq!(row[6], Cell::Text(text), "{}", d.path);
        }
        let Some(Block::Paragraph(ask)) = doc.body.last() else {
            panic!()
        };
        assert!(
            ask.contains(&format!("trước ngày {}", dd_mm_yyyy(by))),
            "{ask}"
        );
        assert_eq!(doc.recipients, vec!["- Như trên;", "- Lưu: VT."]);
    }

    #[test]
    fn letters_go_to_every_unit_with_overdue_items_most_overdue_first() {
        let (mut data, today) = sample();
        let units = units_with_overdue(&data, &ReportScope::Everything, today, 7);
        assert!(!units.is_empty());
        let overdue_of = |data: &Dataset, u: &UnitId| {
            data.followed()
                .iter()
                .filter(|d| {
                    d.lead_at(today) == Some(u) && d.state(today, 7) == FollowUpState::Overdue
                })
                .count()
        };
        assert!(units.iter().all(|u| overdue_of(&data, u) > 0));
        let every_overdue_unit: std::collections::BTreeSet<_> = data
            .followed()
            .iter()
            .filter(|d| d.state(today, 7) == FollowUpState::Overdue)
            .filter_map(|d| d.lead_at(today).cloned())
            .collect();
        assert_eq!(units.len(), every_overdue_unit.len(), "no unit left out");
        let counts: Vec<usize> = units.iter().map(|u| overdue_of(&data, u)).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        let mut from =
            crate::domain::documents::letterhead::test_sending(crate::domain::BodyKind::State);
        from.number = Some(41);
        let letters = reminder_letters(
            &data,
            &ReportScope::Everything,
            today,
            7,
            today,
            &from,
            DocLang::Vi,
        );
        assert_eq!(letters.len(), units.len());
        // Found together, each letter is the one written for its unit alone.
        // The letters take consecutive numbers from the one given.
        for ((letter, u), nth) in letters.iter().zip(&units).zip(0..) {
            let this = Sending {
                number: Some(41 + nth),
                ..from.clone()
            };
            let alone = reminder_letter(
                &data,
                &Owed::of(&data, u, today, 7),
                today,
                &this,
                DocLang::Vi,
            );
            assert_eq!(letter, &alone);
            assert_eq!(letter.header.number, format!("Số: {}/VP", 41 + nth));
        }
        // Nothing overdue: no letter.
        let all: Vec<_> = data.directives.iter().cloned().collect();
        for mut d in all {
            d.deadline = crate::domain::Deadline::Continuous {
                words: "thường xuyên".into(),
            };
            data.directives.upsert(d);
        }
        assert!(reminder_letters(
            &data,
            &ReportScope::Everything,
            today,
            7,
            today,
            &from,
            DocLang::Vi
        )
        .is_empty());
    }
}
