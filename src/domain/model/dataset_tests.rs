//! The dataset's own questions: checklists read from their conclusion, directive numbers, units found by any name, group headings.

use crate::domain::sample::fixture::sample;

#[test]
fn a_checklist_read_from_its_conclusion_agrees_with_the_whole_dataset() {
    let (data, _) = sample();
    let headings = data.headings();
    let last = data.last_updates();
    let followed = data.followed();
    let mut some_heading = false;
    for c in data.conclusions.iter() {
        let lines = data.checklist_of(&c.id);
        let all = data.directives_of(&c.id);
        assert_eq!(lines.iter().map(|l| l.directive).collect::<Vec<_>>(), all);
        for l in &lines {
            assert_eq!(l.heading, headings.contains(&l.directive.id));
            assert_eq!(l.last_update, last.get(&l.directive.id).copied());
            some_heading |= l.heading;
        }
        let mut of: Vec<_> = followed
            .iter()
            .copied()
            .filter(|d| d.conclusion == c.id)
            .collect();
        of.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(data.followed_of(&c.id), of);
    }
    assert!(some_heading, "the sample has a group heading");
}

#[test]
fn a_directive_being_corrected_keeps_its_own_number_free() {
    let (data, today) = sample();
    let kl16 = crate::domain::sample::fixture::conclusion_16(&data);
    let all = data.directives_of(&kl16.id);
    let taken = data.directive_paths_taken(&kl16.id, None);
    assert_eq!(taken.len(), all.len());
    let first = all[0];
    let but_first = data.directive_paths_taken(&kl16.id, Some(&first.id));
    assert_eq!(but_first.len(), all.len() - 1);
    assert!(!but_first.contains(&first.path));
    // Another conclusion's numbers are not taken here.
    let other = data.conclusions.iter().find(|c| c.id != kl16.id).unwrap();
    let theirs = data.directive_paths_taken(&other.id, None);
    assert_eq!(theirs.len(), data.directives_of(&other.id).len());
    // The report before the next meeting starts at the last meeting held.
    let last_held = data
        .meetings
        .iter()
        .map(|m| m.date)
        .filter(|d| *d < today)
        .max();
    assert_eq!(Some(data.report_period_start(today)), last_held);
    let empty = crate::domain::Dataset::default();
    assert_eq!(
        empty.report_period_start(today),
        today
            - chrono::Days::new(
                crate::domain::followup::report_counts::REPORT_PERIOD_FALLBACK_DAYS
            )
    );
}

#[test]
fn a_new_directive_takes_the_next_number_and_units_are_found_by_any_name() {
    let (data, _) = sample();
    let kl16 = crate::domain::sample::fixture::conclusion_16(&data);
    let fresh = crate::domain::followup::DirectiveDraft::next_after(
        None,
        false,
        &data.directives_of(&kl16.id),
    );
    let last = data.directives_of(&kl16.id).last().unwrap().path.clone();
    assert_eq!(fresh.path, last.next_sibling().to_string());
    let sxd = data.unit_named("so xay  DUNG").unwrap();
    assert_eq!(sxd.short_name, "SXD");
    assert_eq!(data.unit_named("sxd").unwrap().id, sxd.id);
    assert!(data.unit_named("Sở Ngoại vụ").is_none());
}

#[test]
fn only_an_item_that_just_introduces_sub_items_is_a_heading() {
    use crate::domain::DirectivePath;
    let (mut data, _) = sample();
    let headings: Vec<String> = data
        .headings()
        .into_iter()
        .filter_map(|id| data.directives.get(id))
        .map(|d| d.path.to_string())
        .collect();
    assert_eq!(headings, vec!["3"], "16-KL/BCĐ 3 introduces 3.1 and 3.2");
    // A sub-item under an item with its own deadline leaves that item counted.
    let dated = data
        .directives
        .iter()
        .find(|d| d.path.to_string() == "4" && d.deadline.due().is_some())
        .unwrap()
        .clone();
    let before = data.followed().len();
    data.directives.upsert(crate::domain::Directive {
        id: "sub".into(),
        path: DirectivePath::parse("4.1").unwrap(),
        label: String::new(),
        ..dated
    });
    assert_eq!(data.followed().len(), before + 1);
    assert_eq!(data.headings().len(), 1);
}
