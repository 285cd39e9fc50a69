//! Two officers who typed (or loaded) the same sample separately: the records are the same,
//! their ids are not.

use chrono::Duration;

use super::*;
use crate::domain::model::ids::SeededIds;
use crate::domain::sample::fixture::{now, sample, today};
use crate::domain::sample::sample_dataset;
use crate::domain::{Committee, DirectivePath, DirectiveUpdate, DirectiveUpdateId};

/// The sample as a colleague took it on their own: other ids, other times.
fn colleagues_copy() -> Dataset {
    sample_dataset(
        today(),
        now() + Duration::minutes(37),
        &mut SeededIds::new(5),
    )
}

fn count<T: Record>(c: &Collection<T>, f: impl Fn(&T) -> bool) -> usize {
    c.iter().filter(|r| f(r)).count()
}

fn kinds(d: &[Duplicate], kind: RecordKind) -> usize {
    d.iter().filter(|x| x.kind == kind).count()
}

#[test]
fn a_separately_typed_copy_shows_its_records_as_probable_duplicates() {
    let (mine, _) = sample();
    let theirs = colleagues_copy();
    let plan = mine.plan_import_joining(&theirs, &SyncBase::default(), None, &[]);
    let d = &plan.duplicates;
    assert_eq!(kinds(d, RecordKind::Committee), theirs.committees.len());
    assert_eq!(kinds(d, RecordKind::Unit), theirs.units.len());
    assert_eq!(kinds(d, RecordKind::Project), theirs.projects.len());
    assert_eq!(kinds(d, RecordKind::Meeting), theirs.meetings.len());
    assert_eq!(kinds(d, RecordKind::Conclusion), theirs.conclusions.len());
    // Each unit is taken for the one of the same name, not one that once bore it.
    for x in d.iter().filter(|x| x.kind == RecordKind::Unit) {
        let name = |data: &Dataset, id: &str| data.units.get(&id.into()).unwrap().name.clone();
        assert_eq!(name(&theirs, &x.incoming_id), name(&mine, &x.existing_id));
    }
    let c16 = crate::domain::sample::fixture::conclusion_16(&mine);
    let theirs_16 = crate::domain::sample::fixture::conclusion_16(&theirs);
    assert!(d.contains(&Duplicate {
        kind: RecordKind::Conclusion,
        incoming_id: theirs_16.id.to_string(),
        existing_id: c16.id.to_string(),
        label: "16-KL/BCĐ".into(),
    }));
    assert!(d
        .iter()
        .any(|x| x.kind == RecordKind::Project && x.label == "Nậm Rốm"));
    // Offered, not joined: without a choice the import is today's, every record new.
    assert!(plan.joins.is_empty());
    assert_eq!(
        plan.entries,
        mine.plan_import(&theirs, &SyncBase::default()).entries
    );
}

#[test]
fn nothing_is_joined_without_the_officers_choice() {
    let (mut mine, _) = sample();
    let theirs = colleagues_copy();
    let mut base = SyncBase::default();
    let plan = mine.plan_import_joining(&theirs, &base, None, &[]);
    assert_eq!(plan.count(Change::New), plan.entries.len());
    mine.apply_import_joining(&theirs, &plan, &|_| None, &mut base)
        .unwrap();
    // Both kept: two 16-KL/BCĐ, two Nậm Rốm, as before this check existed.
    assert_eq!(
        count(&mine.conclusions, |c| c.number_symbol == "16-KL/BCĐ"),
        2
    );
    assert_eq!(count(&mine.projects, |p| p.short_name == "Nậm Rốm"), 2);
    assert!(mine.conclusions.iter().all(|c| c.joined.is_empty()));
    // Kept both, they are no longer offered: each id is here now.
    let again = mine.plan_import_joining(&theirs, &base, None, &[]);
    assert!(again.duplicates.is_empty());
    assert!(!again.changes_anything());
}

#[test]
fn a_join_not_offered_is_ignored() {
    let (mine, _) = sample();
    let theirs = colleagues_copy();
    let bogus = Duplicate {
        kind: RecordKind::Conclusion,
        incoming_id: theirs.conclusions.iter().next().unwrap().id.to_string(),
        existing_id: "no-such-conclusion".into(),
        label: String::new(),
    };
    let plan = mine.plan_import_joining(&theirs, &SyncBase::default(), None, &[bogus]);
    assert!(plan.joins.is_empty());
}

#[test]
fn joining_every_duplicate_leaves_one_record_each_and_importing_again_changes_nothing() {
    let (mut mine, _) = sample();
    let before = mine.clone();
    let mut theirs = colleagues_copy();
    // The colleague went on: an update of 16-KL/BCĐ's item 1 and a new item 9 there.
    let theirs_16 = crate::domain::sample::fixture::conclusion_16(&theirs).clone();
    let item_1 = theirs
        .directives
        .iter()
        .find(|d| d.conclusion == theirs_16.id && d.path.to_string() == "1")
        .unwrap()
        .clone();
    let at = now() + Duration::hours(2);
    theirs.directive_updates.upsert(DirectiveUpdate {
        id: DirectiveUpdateId("colleague-update".into()),
        created_at: at,
        updated_at: at,
        directive: item_1.id.clone(),
        date: today(),
        reported_by: "B".into(),
        text: "Đã họp dân lần 2".into(),
        document_ref: String::new(),
        document_date: None,
        status: None,
    });
    let mut item_9 = item_1.clone();
    item_9.id = "colleague-item-9".into();
    item_9.path = DirectivePath::parse("9").unwrap();
    theirs.directives.upsert(item_9);

    let mut base = SyncBase::default();
    let offered = mine.plan_import_joining(&theirs, &base, None, &[]);
    let plan = mine.plan_import_joining(&theirs, &base, None, &offered.duplicates);
    assert_eq!(plan.joins, offered.duplicates);
    assert_eq!(
        plan.duplicates, offered.duplicates,
        "still offered, to change the choice"
    );
    let new: Vec<&str> = plan
        .entries
        .iter()
        .filter(|e| e.change == Change::New)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(
        new,
        ["colleague-item-9", "colleague-update"],
        "{:?}",
        plan.entries
    );
    assert_eq!(plan.count(Change::Conflict), 0);
    assert_eq!(plan.count(Change::Theirs), 0);
    mine.apply_import_joining(&theirs, &plan, &|_| None, &mut base)
        .unwrap();

    let c16 = crate::domain::sample::fixture::conclusion_16(&mine).clone();
    assert_eq!(
        count(&mine.conclusions, |c| c.number_symbol == "16-KL/BCĐ"),
        1
    );
    assert_eq!(count(&mine.projects, |p| p.short_name == "Nậm Rốm"), 1);
    assert_eq!(mine.units.len(), before.units.len());
    assert_eq!(mine.committees.len(), before.committees.len());
    assert_eq!(mine.meetings.len(), before.meetings.len());
    assert_eq!(mine.progress_reports.len(), before.progress_reports.len());
    assert_eq!(mine.directives.len(), before.directives.len() + 1);
    assert_eq!(
        mine.directive_updates.len(),
        before.directive_updates.len() + 1
    );
    // What the colleague added refers to the records here.
    let nine = mine.directives.get(&"colleague-item-9".into()).unwrap();
    assert_eq!(nine.conclusion, c16.id);
    assert!(nine
        .lead_unit
        .as_ref()
        .is_some_and(|u| before.units.contains(u)));
    assert!(nine.projects.iter().all(|p| before.projects.contains(p)));
    let update = mine
        .directive_updates
        .get(&"colleague-update".into())
        .unwrap();
    let mine_item_1 = mine
        .directives
        .iter()
        .find(|d| d.conclusion == c16.id && d.path.to_string() == "1")
        .unwrap();
    assert_eq!(update.directive, mine_item_1.id);
    assert_eq!(c16.joined, vec![theirs_16.id.clone()]);
    assert!(crate::domain::validate(&mine).is_empty());

    // The same file again: read as it was joined, it changes nothing and offers nothing.
    let once = mine.clone();
    let again = mine.plan_import_joining(&theirs, &base, None, &[]);
    assert!(again.duplicates.is_empty(), "{:?}", again.duplicates);
    assert_eq!(again.count(Change::New), 0);
    assert_eq!(again.count(Change::Theirs), 0);
    assert_eq!(again.count(Change::Conflict), 0);
    assert!(!again.changes_anything());
    mine.apply_import_joining(&theirs, &again, &|_| None, &mut base)
        .unwrap();
    assert_eq!(mine, once);
}

#[test]
fn a_unit_matches_by_any_name_it_is_known_by() {
    let (mine, _) = sample();
    let unit = mine
        .units
        .iter()
        .find(|u| !u.short_name.is_empty())
        .unwrap();
    let mut file = Dataset::default();
    let mut theirs = unit.clone();
    theirs.id = "colleague-unit".into();
    theirs.name = format!(
        "  {}  ",
        crate::domain::text::fold(&unit.short_name).to_uppercase()
    );
    theirs.short_name = String::new();
    theirs.other_names = Vec::new();
    theirs.former_names = Vec::new();
    file.units.upsert(theirs);
    let found = mine.probable_duplicates(&file);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].existing_id, unit.id.to_string());
}

#[test]
fn the_same_number_from_another_committee_or_a_project_of_another_investor_is_not_offered() {
    let (mine, _) = sample();
    let mut theirs = colleagues_copy();
    let other = theirs.committees.iter().next().unwrap().clone();
    let other = Committee {
        id: "another-committee".into(),
        name: "Ban Chỉ đạo khác".into(),
        short_name: String::new(),
        ..other
    };
    theirs.committees.upsert(other);
    let mut c = crate::domain::sample::fixture::conclusion_16(&theirs).clone();
    c.committee = Some("another-committee".into());
    theirs.conclusions.upsert(c.clone());
    let mut p = theirs
        .projects
        .iter()
        .find(|p| p.short_name == "Nậm Rốm")
        .unwrap()
        .clone();
    p.investor = None;
    theirs.projects.upsert(p.clone());
    let offered = mine.probable_duplicates(&theirs);
    assert!(!offered.iter().any(|d| d.incoming_id == c.id.to_string()));
    assert!(!offered.iter().any(|d| d.incoming_id == p.id.to_string()));
    assert!(!offered.iter().any(|d| d.incoming_id == "another-committee"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Whatever the officer joins and keeps, the data stays whole and the same file
    /// imported again changes nothing.
    #[test]
    fn any_choice_of_joins_leaves_whole_data_and_importing_again_changes_nothing(
        picks in proptest::collection::vec(proptest::bool::ANY, 64)
    ) {
        let (mut mine, _) = sample();
        let theirs = colleagues_copy();
        let mut base = SyncBase::default();
        let offered = mine.plan_import_joining(&theirs, &base, None, &[]).duplicates;
        let joins: Vec<Duplicate> = offered
            .iter()
            .zip(picks.iter().cycle())
            .filter(|(_, pick)| **pick)
            .map(|(d, _)| d.clone())
            .collect();
        let plan = mine.plan_import_joining(&theirs, &base, None, &joins);
        proptest::prop_assert_eq!(&plan.joins, &joins);
        mine.apply_import_joining(&theirs, &plan, &|_| Some(Resolution::TakeTheirs), &mut base)
            .unwrap();
        proptest::prop_assert!(crate::domain::validate(&mine).is_empty(), "{:?}", crate::domain::validate(&mine));
        let once = mine.clone();
        let again = mine.plan_import_joining(&theirs, &base, None, &[]);
        proptest::prop_assert!(again.duplicates.is_empty(), "{:?}", again.duplicates);
        proptest::prop_assert!(!again.changes_anything());
        mine.apply_import_joining(&theirs, &again, &|_| None, &mut base).unwrap();
        proptest::prop_assert_eq!(mine, once);
    }
}
