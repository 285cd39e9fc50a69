//! The disagreements officers met where features meet (issue 33), each as it was seen,
//! each now one answer. Cases 7 and 8 (duplicates across officers, a status against its
//! latest update) are with the import's tests (`src/domain/merge_tests.rs`).

mod common;

use chrono::{Days, NaiveDate};
use common::{now, sample, today};
use dondoc::domain::documents::Review;
use dondoc::domain::documents::{
    conclusion_notice, follow_up_report_document, head_brief, reminder_letters, DocLang,
    LetterheadDraft, Sending,
};
use dondoc::domain::documents::{read_notice, Mark};
use dondoc::domain::followup::ReportScope;
use dondoc::domain::generate::{generate, Scale};
use dondoc::domain::sharing::Scope;
use dondoc::domain::*;

const SOON: u64 = 7;

fn letterhead(data: &Dataset) -> Sending {
    Sending::of(data, &ReportScope::Everything, None, None, DocLang::Vi)
}

fn unit<'a>(data: &'a Dataset, name: &str) -> &'a Unit {
    data.unit_named(name)
        .unwrap_or_else(|| panic!("{name} in the register"))
}

fn item<'a>(data: &'a Dataset, symbol: &str, path: &str) -> &'a Directive {
    let c = data
        .conclusions
        .iter()
        .find(|c| c.number_symbol == symbol)
        .unwrap();
    let derived = Box::leak(Box::new(Derived::default()));
    derived
        .with(data)
        .directives_of(&c.id)
        .into_iter()
        .find(|d| d.path.to_string() == path)
        .unwrap()
}

/// Case 1: The dashboard named the abolished district as the lead of an inherited item.
#[test]
fn an_inherited_item_is_led_by_its_successor_everywhere() {
    let data = sample();
    let inherited = item(&data, "05-KL/BCĐ", "2");
    let commune = unit(&data, "Xã Mường Phăng");
    let facts = inherited.facts(today(), SOON);
    assert_eq!(facts.lead, Some(&commune.id));
    assert!(facts.inherited.is_some());
    // The dashboard's overdue list, Đôn đốc, the letters and the sheets read these facts.
    assert!(data
        .directives_in_state(FollowUpState::Overdue, today(), SOON)
        .iter()
        .any(|d| d.id == inherited.id));
    let owed = dondoc::domain::documents::letter_owed(&data, &commune.id, today(), SOON);
    assert!(owed.iter().any(|d| d.id == inherited.id));
    let district = unit(&data, "Huyện Điện Biên");
    let letters = reminder_letters(
        &data,
        &ReportScope::Everything,
        today(),
        SOON,
        today() + Days::new(7),
        &letterhead(&data),
        DocLang::Vi,
    );
    assert!(
        !format!("{letters:?}").contains(&format!("Kính gửi: {}", district.name)),
        "no letter to the abolished district"
    );
}

/// Case 2: A meeting naming its committee covered nothing of conclusions that name none.
#[test]
fn a_meeting_covers_conclusions_whose_committee_is_not_recorded() {
    let mut data = generate(Scale::SMALL, 11, today(), now());
    let committee = data.committees.iter().next().unwrap().id.clone();
    assert!(data.conclusions.iter().all(|c| c.committee.is_none()));
    let mut meeting = data.meetings.iter().next().unwrap().clone();
    meeting.id = "coming".into();
    meeting.date = today() + Days::new(7);
    meeting.next_meeting = None;
    meeting.committee = Some(committee);
    data.meetings.upsert(meeting.clone());

    let open: Vec<&Directive> = data
        .followed()
        .into_iter()
        .filter(|d| !d.state(today(), SOON).is_closed())
        .filter(|d| data.conclusions.get(&d.conclusion).unwrap().date < meeting.date)
        .collect();
    assert!(!open.is_empty());
    let coming = data.coming_meeting(today(), SOON).unwrap();
    assert_eq!(coming.open.len(), open.len());
    assert_eq!(
        data.followed_up_at(&meeting, today(), SOON)
            .map(|l| l.len()),
        Some(open.len())
    );
    let held = data.meetings.iter().find(|m| m.date < today()).unwrap();
    assert_eq!(
        data.followed_up_at(held, today(), SOON),
        None,
        "a meeting held is not counted again"
    );
    let overdue = open
        .iter()
        .filter(|d| d.state(today(), SOON) == FollowUpState::Overdue)
        .count();
    let brief = head_brief(&data, today(), 10.0, SOON, &|_| "", DocLang::Vi);
    assert!(format!("{:?}", brief.body)
        .contains(&format!("({}, trong đó {overdue} quá hạn)", open.len())));
}

/// Case 3: A commune's file left out what it inherited.
#[test]
fn a_units_file_carries_what_it_inherited() {
    let data = sample();
    let commune = unit(&data, "Xã Mường Phăng");
    let here = data
        .unit_counts(today(), SOON)
        .into_iter()
        .find(|c| c.unit.id == commune.id)
        .unwrap();
    let (file, _) = data.select(&Scope::Unit(commune.id.clone()));
    let mut empty = Dataset::default();
    empty.add_missing(file);
    let there = empty
        .unit_counts(today(), SOON)
        .into_iter()
        .find(|c| c.unit.id == commune.id)
        .unwrap();
    assert_eq!(
        (there.lead, there.overdue, there.coordinating),
        (here.lead, here.overdue, here.coordinating)
    );
    let (led_here, _) = data.owed_by(&commune.id, today());
    let (led_there, _) = empty.owed_by(&commune.id, today());
    let tally = |l: Vec<&Directive>| Tally::of(l, today(), SOON);
    assert_eq!(tally(led_there), tally(led_here));
    assert!(validate(&empty).is_empty(), "{:?}", validate(&empty));
}

/// Case 4: An extended item showed its original due date first.
#[test]
fn an_extended_item_shows_the_deadline_in_force() {
    let data = sample();
    let kl16 = data
        .conclusions
        .iter()
        .find(|c| c.number_symbol == "16-KL/BCĐ")
        .unwrap();
    let derived = Derived::default();
    let extended = derived
        .with(&data)
        .directives_of(&kl16.id)
        .into_iter()
        .find(|d| !d.extensions.is_empty() && d.closed_on().is_none())
        .expect("16-KL/BCĐ has an extended item");
    let facts = extended.facts(today(), SOON);
    let mark = facts.extension.unwrap();
    assert_ne!(mark.original.due(), mark.current.due());
    assert_eq!(facts.due, mark.current.due());
    let shown = dondoc::i18n::labels::deadline_text(facts.deadline, dondoc::i18n::Lang::Vi);
    let original = dondoc::domain::dates::dd_mm_yyyy(mark.original.due().unwrap());
    assert!(!shown.contains(&original), "{shown}");
    // The state is judged against it.
    assert_eq!(
        facts.state,
        extended.state(today(), SOON),
        "one state for the row and its badge"
    );
}

const STATE_NOTICE: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH ĐIỆN BIÊN
Độc lập - Tự do - Hạnh phúc
Số: 512/TB-UBND
Điện Biên, ngày 02 tháng 12 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về giải phóng mặt bằng
Ngày 28/11/2026, đồng chí Chủ tịch UBND tỉnh làm việc về tiến độ giải phóng mặt bằng, kết luận như sau:
1. UBND huyện Điện Biên hoàn thành chi trả tiền bồi thường cho các hộ còn lại trước ngày 31/12/2026.
2. Sở Xây dựng phối hợp với UBND huyện Điện Biên kiểm tra hiện trường trong tháng 12 năm 2026.
Nơi nhận:
- Như trên;
- Lưu: VT.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Nguyễn Văn A
";

/// Case 5: A state notice was printed as a Party one.
#[test]
fn a_state_notice_keeps_its_document_type() {
    let data = sample();
    let read = read_notice(STATE_NOTICE, &data).unwrap();
    assert_eq!(read.body_kind, Some(BodyKind::State));
    let review = Review::new(&read, &data);
    assert_eq!(review.conclusion.body_kind, "state");
    let saved = review
        .save(&data, &mut SeededIds::new(9), now())
        .expect("the review saves");
    assert_eq!(saved.conclusion.body_kind, Some(BodyKind::State));
    let mut after = data.clone();
    let conclusion = saved.conclusion.clone();
    saved.add_to(&mut after);
    let doc = conclusion_notice(&after, &conclusion, DocLang::Vi);
    assert_eq!(doc.body_kind, BodyKind::State);
    assert!(format!("{:?}", doc.header).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    // The officer can still choose: the review's draft holds the choice.
    let mut party = review.clone();
    party.conclusion.body_kind = "party".into();
    let saved = party.save(&data, &mut SeededIds::new(9), now()).unwrap();
    assert_eq!(saved.conclusion.body_kind, Some(BodyKind::Party));
}

/// Case 6: A directive went to a unit that no longer existed on the notice's date.
#[test]
fn a_pasted_item_for_an_ended_unit_goes_to_its_successor() {
    let data = sample();
    let district = unit(&data, "Huyện Điện Biên");
    let ended_on = district.ended.as_ref().unwrap().on;
    let read = read_notice(STATE_NOTICE, &data).unwrap();
    assert_eq!(read.directives[0].lead_id.as_ref(), Some(&district.id));
    let review = Review::new(&read, &data);
    let first = &review.items[0];
    let successor = &district.ended.as_ref().unwrap().successors[0];
    assert_eq!(&first.draft.lead_unit, &successor.to_string());
    assert_eq!(first.ended, vec![(district.id.clone(), ended_on)]);
    assert_eq!(first.lead_mark(&review.first_leads[0]), Mark::Guessed);
    // A coordinating place passes to the successor as well.
    let second = &review.items[1];
    assert!(second
        .draft
        .coordinating_units
        .contains(&successor.to_string()));
    assert!(!second
        .draft
        .coordinating_units
        .contains(&district.id.to_string()));
    assert_eq!(second.ended.len(), 1);

    let saved = review.save(&data, &mut SeededIds::new(9), now()).unwrap();
    let mut after = data.clone();
    saved.add_to(&mut after);
    let later = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    let letters = reminder_letters(
        &after,
        &ReportScope::Everything,
        later,
        SOON,
        later,
        &letterhead(&after),
        DocLang::Vi,
    );
    assert!(!format!("{letters:?}").contains(&format!("Kính gửi: {}", district.name)));
    let report = after.follow_up_report(&ReportScope::Everything, today(), later, SOON);
    assert!(report.by_unit.iter().all(|l| l.unit != &district.id));
}

/// Case 9: The register's sheet kept the figure of "over 27,130 billion" and lost "over", and
/// its CSV rounded each line, so its sum differed from the screen's total.
#[test]
fn the_register_keeps_qualifiers_and_exact_money() {
    use dondoc::domain::documents::register_table;
    use dondoc::domain::documents::Cell;
    use dondoc::domain::projects::ProjectQuery;
    let data = sample();
    let rows = data.query_projects(&ProjectQuery::default(), today(), 10.0);
    let table = register_table(&rows, &|_| "x", today(), DocLang::Vi);
    let over = table
        .rows
        .iter()
        .find(|r| r[4] == Cell::text("trên"))
        .expect("the expressway is over 27,130 billion");
    assert_eq!(over[5], Cell::Billions(Vnd::billions(27_130, 0)));
    let (_, printed) = table.on_paper(DocLang::Vi);
    assert!(
        printed
            .iter()
            .any(|r| r.iter().any(|c| c.text.starts_with("trên 27.130"))),
        "{printed:?}"
    );
    let exact: i64 = rows
        .iter()
        .filter_map(|r| r.project.total_investment.map(|a| a.vnd.0))
        .sum();
    let csv_sum: f64 = table
        .rows
        .iter()
        .filter_map(|r| match &r[5] {
            Cell::Billions(v) => Some(v.0),
            _ => None,
        })
        .map(|v| Cell::Billions(Vnd(v)).plain().parse::<f64>().unwrap())
        .sum();
    assert!((csv_sum - exact as f64 / 1e9).abs() < 1e-6);
}

/// Issue 36: the letterhead set once under Cài đặt heads the report and every letter (the
/// same parent body, office, place and signer), numbers letters one after another, and
/// travels in the office's exports.
#[test]
fn the_office_letterhead_heads_every_document_it_sends_and_travels_in_its_files() {
    let mut data = sample();
    let draft = LetterheadDraft {
        parent_body: "UBND tỉnh Điện Biên".into(),
        issuing_body: "Văn phòng Ban Chỉ đạo".into(),
        place_name: "Điện Biên".into(),
        report_number: "…/BC-VPBCĐ".into(),
        letter_number: "…/VPBCĐ-TH".into(),
        registry_numbers: false,
        signers: "CHÁNH VĂN PHÒNG / Nguyễn Văn An\nKT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG / Lò Văn Tiến".into(),
    };
    data.offices.upsert(draft.to_office(None, now()).unwrap());
    let scope = ReportScope::Everything;
    let report = data.follow_up_report(&scope, today() - Days::new(30), today(), SOON);
    let as_deputy = Sending::of(&data, &scope, Some(1), Some(125), DocLang::Vi);
    let doc = follow_up_report_document(&data, &report, &as_deputy, DocLang::Vi);
    let letters = reminder_letters(
        &data,
        &scope,
        today(),
        SOON,
        today() + Days::new(7),
        &Sending::of(&data, &scope, Some(1), Some(40), DocLang::Vi),
        DocLang::Vi,
    );
    assert!(letters.len() >= 2, "the sample has several late units");
    for d in std::iter::once(&doc).chain(&letters) {
        assert_eq!(d.header.parent_body, "UBND TỈNH ĐIỆN BIÊN");
        assert_eq!(d.header.issuing_body, "VĂN PHÒNG BAN CHỈ ĐẠO");
        assert!(
            d.header.place_date.starts_with("Điện Biên, ngày "),
            "{}",
            d.header.place_date
        );
        assert_eq!(
            d.signer_title,
            vec!["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]
        );
        assert_eq!(d.signer_name, "Lò Văn Tiến");
    }
    // The sample's committee is a Party body: "Số" without a colon.
    assert_eq!(doc.header.number, "Số 125/BC-VPBCĐ");
    assert_eq!(letters[0].header.number, "Số 40/VPBCĐ-TH");
    assert_eq!(letters[1].header.number, "Số 41/VPBCĐ-TH");
    // The number is the officer's to give unless the registry gives it.
    assert!(Sending::of(&data, &scope, None, None, DocLang::Vi)
        .problem()
        .is_some());

    // Exported (even a part) and read back elsewhere, the letterhead comes along.
    let conclusion = data.conclusions.iter().next().unwrap().id.clone();
    let (part, _) = data.select(&Scope::Conclusion(conclusion));
    let text = serde_json::to_string(&part).unwrap();
    let read = dondoc::domain::sharing::parse_dataset(&text)
        .unwrap()
        .dataset;
    assert_eq!(read.office(), data.office());
}
