//! Reviewing a notice read: drafts edited, units not in the register decided, and the
//! records saving it adds.

use super::super::notice::read_notice;
use super::*;
use crate::domain::sample::fixture::{now, sample};
use crate::domain::{Field, SeededIds};

const NOTICE: &str = "UBND TỈNH ĐIỆN BIÊN
VĂN PHÒNG
Số: 301/TB-VPUBND
Điện Biên, ngày 04 tháng 11 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi kiểm tra dự án Trung tâm TDTT

1. Sở Xây dựng hoàn thành thẩm định trước ngày 28/11/2026.
2. Công an tỉnh phối hợp với Sở Tài chính bảo đảm an ninh trong tháng 12.
3. Công an tỉnh báo cáo kết quả trước ngày 15/01/2027.
4. Các sở, ngành thường xuyên báo cáo.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.
";

fn review() -> (Dataset, Review) {
    let (data, _) = sample();
    let read = read_notice(NOTICE, &data).unwrap();
    let review = Review::new(&read, &data);
    (data, review)
}

#[test]
fn a_review_saves_the_conclusion_its_directives_and_the_units_accepted() {
    let (data, review) = review();
    assert_eq!(review.new_units.len(), 1);
    assert_eq!(review.items[1].draft.lead_unit, "new:0");
    assert_eq!(
        review.items[2].draft.lead_unit, "new:0",
        "named once, led twice"
    );
    assert_eq!(review.marks(), (4, 3, 1));
    let saved = review.save(&data, &mut SeededIds::new(9), now()).unwrap();
    assert_eq!(saved.units.len(), 1);
    assert_eq!(saved.units[0].name, "Công an tỉnh");
    assert_eq!(saved.directives.len(), 4);
    assert_eq!(
        saved.directives[1].lead_unit,
        Some(saved.units[0].id.clone())
    );
    assert_eq!(
        saved.directives[2].lead_unit,
        Some(saved.units[0].id.clone())
    );
    assert_eq!(
        saved.directives[1].deadline.due(),
        NaiveDate::from_ymd_opt(2026, 12, 31),
        "the notice's year"
    );
    assert_eq!(saved.conclusion.number_symbol, "301/TB-VPUBND");
    let mut after = data.clone();
    saved.add_to(&mut after);
    assert_eq!(after.conclusions.len(), data.conclusions.len() + 1);
    assert_eq!(after.directives.len(), data.directives.len() + 4);
    assert_eq!(after.units.len(), data.units.len() + 1);
}

#[test]
fn a_new_unit_can_be_renamed_taken_as_one_in_the_register_or_left() {
    let (data, mut review) = review();
    let stc = data.unit_named("Sở Tài chính").unwrap().id.clone();
    review.new_units[0].choice = NewUnitChoice::SameAs(stc.clone());
    let saved = review.save(&data, &mut SeededIds::new(9), now()).unwrap();
    assert!(saved.units.is_empty());
    assert_eq!(saved.directives[1].lead_unit, Some(stc));
    review.new_units[0].choice = NewUnitChoice::Add("Công an tỉnh Điện Biên".into());
    let saved = review.save(&data, &mut SeededIds::new(9), now()).unwrap();
    assert_eq!(saved.units[0].name, "Công an tỉnh Điện Biên");
    review.new_units[0].choice = NewUnitChoice::Add("STC".into());
    let saved = review.save(&data, &mut SeededIds::new(9), now()).unwrap();
    assert!(
        saved.units.is_empty(),
        "a name the register holds is that unit"
    );
    review.new_units[0].choice = NewUnitChoice::Leave;
    let saved = review.save(&data, &mut SeededIds::new(9), now()).unwrap();
    assert!(saved.units.is_empty());
    assert_eq!(saved.directives[1].lead_unit, None);
    review.new_units[0].choice = NewUnitChoice::Add("  ".into());
    let problems = review
        .save(&data, &mut SeededIds::new(9), now())
        .unwrap_err();
    assert_eq!(problems[0].place, Place::NewUnit(0));
}

#[test]
fn a_review_with_a_problem_saves_nothing_and_says_where() {
    let (data, mut review) = review();
    review.conclusion.date = String::new();
    review.items[0].draft.deadline_words = "khi nào xong".into();
    let problems = review
        .save(&data, &mut SeededIds::new(9), now())
        .unwrap_err();
    assert_eq!(problems[0].place, Place::Conclusion);
    assert_eq!(problems[0].error.field.name(), "date");
    let (data, mut review) = self::review();
    review.items[0].draft.deadline_words = "khi nào xong".into();
    let problems = review
        .save(&data, &mut SeededIds::new(9), now())
        .unwrap_err();
    assert_eq!(problems[0].place, Place::Directive(0));
    review.items[0].draft.deadline_words = "trước ngày 28/11/2026".into();
    review.items[3].draft.path = "1".into();
    let problems = review
        .save(&data, &mut SeededIds::new(9), now())
        .unwrap_err();
    assert_eq!(
        problems[0].place,
        Place::Directive(3),
        "a number taken twice"
    );
}

#[test]
fn a_conclusion_already_registered_is_not_saved_twice() {
    let (mut data, review) = review();
    review
        .save(&data, &mut SeededIds::new(9), now())
        .unwrap()
        .add_to(&mut data);
    let problems = review
        .save(&data, &mut SeededIds::new(10), now())
        .unwrap_err();
    assert_eq!(problems[0].error.field.name(), "number_symbol");
}

#[test]
fn the_meetings_offered_are_the_nearest_in_date() {
    let data = crate::domain::generate::generate(
        crate::domain::generate::Scale::PROVINCE,
        1,
        crate::domain::sample::fixture::today(),
        now(),
    );
    let day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let offered = meetings_near(&data, day);
    assert_eq!(offered.len(), MEETINGS_OFFERED);
    let far = |m: &crate::domain::Meeting| (m.date - day).num_days().abs();
    let furthest = offered.iter().map(|m| far(m)).max().unwrap();
    assert!(data
        .meetings
        .iter()
        .filter(|m| !offered.iter().any(|o| o.id == m.id))
        .all(|m| far(m) >= furthest));
}

#[test]
fn a_lead_the_officer_chose_counts_as_read() {
    let (data, mut review) = review();
    let sxd = data.unit_named("Sở Xây dựng").unwrap().id.to_string();
    assert_eq!(
        review.items[3].lead_mark(&review.first_leads[3]),
        Mark::Missing
    );
    review.items[3].draft.lead_unit = sxd;
    assert_eq!(
        review.items[3].lead_mark(&review.first_leads[3]),
        Mark::Read
    );
}

const WITH_OPENING: &str = "UBND TỈNH ĐIỆN BIÊN
VĂN PHÒNG
Số: 302/TB-VPUBND
Điện Biên, ngày 20 tháng 11 năm 2026

THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại buổi kiểm tra dự án Trung tâm TDTT

Ngày 16/11/2026, đồng chí Lò Văn B, Phó Chủ tịch UBND tỉnh đã kiểm tra hiện trường tại phường Điện Biên Phủ với chủ đầu tư. Sau khi nghe báo cáo, đồng chí kết luận như sau:

1. Sở Xây dựng hoàn thành thẩm định trước ngày 28/11/2026.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.
";

#[test]
fn the_meeting_the_opening_describes_is_recorded_with_the_notice_when_chosen() {
    let (data, _) = sample();
    let read = read_notice(WITH_OPENING, &data).unwrap();
    let mut review = Review::new(&read, &data);
    assert_eq!(review.new_meeting.date, "16/11/2026");
    assert_eq!(review.new_meeting.chair, "Lò Văn B, Phó Chủ tịch UBND tỉnh");
    assert_eq!(review.new_meeting.place, "phường Điện Biên Phủ");
    assert_eq!(review.new_meeting.kind, "inspection_visit");
    // Not chosen: no meeting is added.
    let saved = review.save(&data, &mut SeededIds::new(3), now()).unwrap();
    assert!(saved.meeting.is_none());
    review.conclusion.meeting = NEW_MEETING.to_owned();
    let saved = review.save(&data, &mut SeededIds::new(3), now()).unwrap();
    let meeting = saved.meeting.clone().expect("the meeting is recorded");
    assert_eq!(saved.conclusion.meeting, Some(meeting.id.clone()));
    assert_eq!(meeting.date, NaiveDate::from_ymd_opt(2026, 11, 16).unwrap());
    let mut after = data.clone();
    saved.add_to(&mut after);
    assert_eq!(after.meetings.len(), data.meetings.len() + 1);
    // A meeting with no date stops the save, and says where.
    review.new_meeting.date.clear();
    let problems = review
        .save(&data, &mut SeededIds::new(3), now())
        .unwrap_err();
    assert!(problems
        .iter()
        .any(|p| p.place == Place::Meeting && p.error.field == Field::Date));
}

#[test]
fn a_unit_typed_in_the_review_is_added_once_with_its_kind_and_parent() {
    let (data, mut review) = review();
    let first = review
        .add_unit("  Ban Quản lý   khu kinh tế cửa khẩu ")
        .unwrap();
    let again = review.add_unit("ban quan ly khu kinh te cua khau").unwrap();
    assert_eq!(first, again, "one unit for one name");
    assert_eq!(review.add_unit("   "), None);
    let k = review.new_units.len() - 1;
    assert_eq!(
        review.new_units[k].kind, "investor",
        "guessed from the name"
    );
    let parent = data.units.iter().next().unwrap().id.clone();
    review.new_units[k].parent = parent.to_string();
    review.items[0].draft.coordinating_units = vec![first.clone(), first.clone()];
    let saved = review.save(&data, &mut SeededIds::new(5), now()).unwrap();
    let added = saved
        .units
        .iter()
        .find(|u| u.name == "Ban Quản lý khu kinh tế cửa khẩu")
        .expect("added");
    assert_eq!(added.parent, Some(parent));
    assert_eq!(
        saved.directives[0].coordinating_units,
        vec![added.id.clone()],
        "a new unit stands for its reference among the coordinating units too, once"
    );
}

#[test]
fn the_same_number_is_found_before_saving() {
    let (mut data, review) = review();
    assert_eq!(review.same_number_in(&data), None);
    let saved = review.save(&data, &mut SeededIds::new(9), now()).unwrap();
    let id = saved.conclusion.id.clone();
    saved.add_to(&mut data);
    assert_eq!(review.same_number_in(&data), Some(id));
}

#[test]
fn the_documents_own_labels_are_saved_and_old_records_load_without_one() {
    let (data, _) = sample();
    let text = NOTICE.replace(
        "4. Các sở, ngành thường xuyên báo cáo.",
        "4. Sở Tài chính:\na) Bố trí vốn trong tháng 12/2026.\nb) Thường xuyên báo cáo.",
    );
    let read = read_notice(&text, &data).unwrap();
    let review = Review::new(&read, &data);
    let saved = review.save(&data, &mut SeededIds::new(9), now()).unwrap();
    let cited: Vec<(String, String)> = saved
        .directives
        .iter()
        .map(|d| (d.path.to_string(), d.cited()))
        .collect();
    assert_eq!(cited[4], ("4.1".into(), "a)".into()));
    assert_eq!(cited[5], ("4.2".into(), "b)".into()));
    assert_eq!(cited[0], ("1".into(), "1.".into()));
    // Stored with its label; a record written before labels existed loads with none.
    let mut json = serde_json::to_value(&saved.directives[4]).unwrap();
    assert_eq!(json["label"], "a)");
    json.as_object_mut().unwrap().remove("label");
    let old: crate::domain::Directive = serde_json::from_value(json).unwrap();
    assert_eq!(old.label, "");
    assert_eq!(old.cited(), "4.1");
    let unlabelled = serde_json::to_value(&old).unwrap();
    assert!(unlabelled.get("label").is_none(), "not written when empty");
}

#[test]
fn an_item_for_a_class_is_split_on_request_into_a_heading_and_one_item_per_unit() {
    let (data, _) = sample();
    let text = NOTICE.replace(
        "4. Các sở, ngành thường xuyên báo cáo.",
        "4. Các sở, ngành rà soát thủ tục đầu tư trước ngày 15/12/2026.",
    );
    let read = read_notice(&text, &data).unwrap();
    let mut review = Review::new(&read, &data);
    let at = review.items.len() - 1;
    assert!(
        review.can_split(at),
        "{:?}",
        review.items[at].read.unit_class
    );
    assert!(!review.can_split(0), "an item naming its unit");
    let covered = review.items[at].read.covers_ids.clone();
    review.items[at].draft.text = "Các sở, ngành rà soát, báo cáo thủ tục đầu tư.".into();
    assert!(review.split_item(at));
    assert!(!review.can_split(at), "split once");
    assert_eq!(review.items.len(), at + 1 + covered.len());
    assert_eq!(review.first_leads.len(), review.items.len());
    assert!(review.items[at].draft.heading);
    for (k, unit) in covered.iter().enumerate() {
        let piece = &review.items[at + 1 + k];
        assert_eq!(piece.draft.path, format!("4.{}", k + 1));
        assert_eq!(piece.draft.lead_unit, unit.to_string());
        assert_eq!(
            piece.draft.text, "Các sở, ngành rà soát, báo cáo thủ tục đầu tư.",
            "the edit kept"
        );
        assert_eq!(piece.lead_mark(&review.first_leads[at + 1 + k]), Mark::Read);
    }
    let saved = review.save(&data, &mut SeededIds::new(4), now()).unwrap();
    assert_eq!(saved.directives.len(), review.items.len());
    assert!(saved
        .directives
        .iter()
        .filter(|d| d.path.to_string().starts_with("4."))
        .all(|d| d.deadline.due() == NaiveDate::from_ymd_opt(2026, 12, 14)));
}
