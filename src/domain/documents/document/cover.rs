//! Packages to every unit with open items, in one go from Đôn đốc or the report: each
//! unit's file (`Dataset::select(&Scope::Unit)`, what its page lists) and its cover letter,
//! the reminder letter telling what the file is and how to answer it.

use chrono::NaiveDate;

use super::letter::{followed_in, reminder_letter, Owed};
use super::{Block, DocLang, Document};
use crate::domain::dates::dd_mm_yyyy;
use crate::domain::documents::letterhead::Sending;
use crate::domain::followup::ReportScope;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::UnitId;
use crate::domain::sorting;

/// The units sent a package: each one owing, on `today`, at least one open directive of
/// the conclusions `scope` covers (leading or coordinating, inherited included), by name.
pub fn units_with_open_items<'a>(
    data: &'a Dataset,
    scope: &ReportScope,
    today: NaiveDate,
) -> Vec<&'a UnitId> {
    let mut units: rustc_hash::FxHashSet<&UnitId> = Default::default();
    for d in followed_in(data, scope) {
        if d.state(today, 0).is_closed() {
            continue;
        }
        units.extend(d.lead_at(today));
        units.extend(d.coordinating_at(today));
    }
    let mut units: Vec<&UnitId> = units.into_iter().collect();
    sorting::sort_by_cached_key(&mut units, |u| {
        crate::domain::text::fold(&data.unit_name(u))
    });
    units
}

/// The reminder letter to `owed`'s unit as the cover of its package `file_name`, which
/// holds the `listed` directives of the unit's page: what the file is, and how the unit
/// answers it (its report by `report_by`, with the reply file).
pub fn package_cover_letter(
    data: &Dataset,
    owed: &Owed,
    report_by: NaiveDate,
    from: &Sending,
    lang: DocLang,
    (file_name, listed): (&str, usize),
) -> Document {
    let mut doc = reminder_letter(data, owed, report_by, from, lang);
    let name = data.unit_name(owed.unit);
    let today = dd_mm_yyyy(owed.today);
    if owed.items.is_empty() {
        // Nothing overdue or due soon: the letter says so instead of listing none.
        let opening = match lang {
            DocLang::Vi => format!("Theo dõi việc thực hiện các kết luận của Ban Chỉ đạo, đến ngày {today}, {name} không có nhiệm vụ quá hạn hoặc sắp đến hạn."),
            DocLang::En => format!("In following up the implementation of the steering committee's conclusions: as of {today}, {name} has no directive overdue or due soon."),
        };
        if let Some(b) = doc.body.get_mut(1) {
            *b = Block::Paragraph(opening);
        }
    }
    let attached = match lang {
        DocLang::Vi => format!("Kèm theo Công văn này là tệp dữ liệu «{file_name}» gồm {listed} nhiệm vụ của {name} (chủ trì, phối hợp, kể cả nhiệm vụ tiếp nhận khi sắp xếp đơn vị). Đề nghị {name} mở tệp bằng Dondoc, ghi kết quả thực hiện từng nhiệm vụ và đề nghị gia hạn (nếu có), sau đó bấm «Gửi báo cáo cho Văn phòng» và gửi lại tệp báo cáo cùng văn bản báo cáo."),
        DocLang::En => format!("Attached to this letter is the data file «{file_name}» holding the {listed} directives of {name} (leading, coordinating, and those taken over when units were reorganised). {name} is requested to open it with Dondoc, record the results of each directive and any request for more time, then press «Send the report to the office» and send the reply file back with its written report."),
    };
    // Before the closing request, which stays last.
    let at = doc.body.len().saturating_sub(1);
    doc.body.insert(at, Block::Paragraph(attached));
    doc
}

/// Where a unit's package and letter go in the file of every package: a folder per unit.
pub fn package_paths(package_name: &str, letter_stem: &str) -> (String, String) {
    let folder = package_name.trim_end_matches(".json");
    (
        format!("{folder}/{package_name}"),
        format!("{folder}/{letter_stem}.docx"),
    )
}
