//! Two tabs on one storage: a tab's unsaved changes survive another tab's save, records
//! only one side changed are never in conflict, and a record both changed is never
//! settled silently.

use chrono::Duration;
use proptest::prelude::*;

use super::*;
use crate::domain::sample::fixture::{edit_directive as edit, now, sample};
use crate::domain::Directive;

/// Both tabs start from what is stored, with nothing left to save.
fn two_tabs() -> (Dataset, Dataset) {
    let (mut data, _) = sample();
    data.take_changes();
    (data.clone(), data)
}

/// Tab `other` saves: what storage holds afterwards.
fn save(other: &mut Dataset) -> Dataset {
    other.take_changes();
    other.clone()
}

#[test]
fn another_tabs_save_is_taken_and_this_tabs_unsaved_change_kept() {
    let (mut a, mut b) = two_tabs();
    edit(&mut a, 0, "A: chưa lưu", 1);
    edit(&mut b, 1, "B: đã lưu", 2);
    let stored = save(&mut b);
    let result = a.rebase(stored.clone(), &Changes::new());
    assert_eq!(result.taken, 1);
    assert!(result.conflicts.is_empty());
    let texts: Vec<&str> = a.directives.iter().map(|d| d.text.as_str()).collect();
    assert!(texts.contains(&"A: chưa lưu") && texts.contains(&"B: đã lưu"));
    // A's change still waits to be saved; B's is not saved again.
    let changes = a.take_changes();
    assert_eq!(changes.values().map(Vec::len).sum::<usize>(), 1);
}

#[test]
fn the_same_record_changed_in_both_tabs_is_a_conflict_shown_with_both_versions() {
    let (mut a, mut b) = two_tabs();
    edit(&mut a, 3, "A: bản của thẻ này", 1);
    edit(&mut b, 3, "B: bản đã lưu trước", 2);
    let stored = save(&mut b);
    let result = a.rebase(stored, &Changes::new());
    assert_eq!(result.conflicts.len(), 1);
    let conflict = &result.conflicts[0];
    let text = conflict.fields.iter().find(|f| f.field == "text").unwrap();
    assert_eq!(text.mine, "A: bản của thẻ này");
    assert_eq!(text.theirs, "B: bản đã lưu trước");
    // The version saved first stays; this tab's is kept aside and can be put back.
    assert!(a.directives.iter().any(|d| d.text == "B: bản đã lưu trước"));
    assert!(!a.has_changes());
    assert!(a.restore_version(&result.mine, &conflict.id, now() + Duration::minutes(3)));
    let restored = a
        .directives
        .iter()
        .find(|d| d.id.to_string() == conflict.id)
        .unwrap();
    assert_eq!(restored.text, "A: bản của thẻ này");
    assert!(
        restored.updated_at > now() + Duration::minutes(2),
        "restored is the newest"
    );
    assert!(a.has_changes(), "and is saved next");
}

#[test]
fn a_record_whose_save_failed_is_a_conflict_when_storage_holds_another_version() {
    let (mut a, mut b) = two_tabs();
    edit(&mut a, 2, "A: lưu bị lỗi", 1);
    let failed = a.take_changes(); // handed to storage, which failed
    edit(&mut b, 2, "B: đã lưu", 2);
    let result = a.rebase(save(&mut b), &failed);
    assert_eq!(result.conflicts.len(), 1);
}

#[test]
fn a_record_gone_from_storage_goes_here_too_unless_changed_here() {
    let (mut a, mut b) = two_tabs();
    // The other tab undid an import: a record is no longer stored.
    let id = b.directives.iter().next().unwrap().id.clone();
    b.directives.remove(&id);
    let result = a.rebase(save(&mut b), &Changes::new());
    assert!(result.conflicts.is_empty());
    assert!(!a.directives.contains(&id));
}

#[test]
fn the_collection_of_each_record_type_is_found() {
    let (data, _) = sample();
    assert_eq!(data.collection::<Directive>().len(), data.directives.len());
    assert_eq!(
        data.collection::<crate::domain::Unit>().len(),
        data.units.len()
    );
}

fn edits() -> impl Strategy<Value = Vec<(usize, String, i64)>> {
    prop::collection::vec((0usize..40, "[a-zđê ]{1,12}", 1i64..600), 0..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever both tabs edit, every change of either side ends up stored, or is handed
    /// back as a conflict naming that record: nothing is lost silently.
    #[test]
    fn no_change_of_either_tab_is_lost_silently(mine in edits(), theirs in edits()) {
        let (mut a, mut b) = two_tabs();
        for (n, t, m) in &mine { edit(&mut a, *n, t, *m); }
        for (n, t, m) in &theirs { edit(&mut b, *n, t, *m); }
        let a_wanted = a.clone();
        let stored = save(&mut b);
        let result = a.rebase(stored.clone(), &Changes::new());
        let conflicted: Vec<&str> = result.conflicts.iter().map(|e| e.id.as_str()).collect();
        for d in a.directives.iter() {
            let id = d.id.to_string();
            let mine = a_wanted.directives.get(&d.id).unwrap();
            let theirs = stored.directives.get(&d.id).unwrap();
            if conflicted.contains(&id.as_str()) {
                prop_assert_eq!(d, theirs);
                prop_assert_eq!(result.mine.directives.get(&d.id), Some(mine));
            } else {
                // Not in conflict: at most one side changed it, and that side's version is here.
                prop_assert!(d == mine || d == theirs);
                let original = two_tabs().0;
                let base = original.directives.get(&d.id).unwrap();
                if mine != base { prop_assert_eq!(d, mine); }
                if theirs != base { prop_assert_eq!(d, theirs); }
            }
        }
        // Rebasing again on the same stored data changes nothing more.
        let again = a.clone();
        let second = a.rebase(stored, &Changes::new());
        prop_assert!(second.conflicts.is_empty());
        prop_assert_eq!(a, again);
    }
}

/// A part of storage: the directives whose id ends in an even digit or letter code.
struct EvenDirectives;

impl Part for EvenDirectives {
    fn cover(&self, kind: RecordKind) -> Cover<'_> {
        if kind == RecordKind::Directive {
            Cover::Some(Box::new(even))
        } else {
            Cover::Nothing
        }
    }
}

fn even(id: &str) -> bool {
    id.bytes().last().is_some_and(|b| b % 2 == 0)
}

/// The stored records `part` holds.
fn part_of(stored: &Dataset) -> Dataset {
    let mut out = Dataset::default();
    for d in stored.directives.iter() {
        if even(d.id.as_ref()) {
            out.directives.upsert(d.clone());
        }
    }
    out.take_changes();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Another tab's commit rewrote only the part holding what it changed: taking in that
    /// part alone leaves this tab exactly where taking in everything would.
    #[test]
    fn taking_in_the_rewritten_part_equals_taking_in_everything(mine in edits(), theirs in edits()) {
        let (mut a, mut b) = two_tabs();
        for (n, t, m) in &mine { edit(&mut a, *n, t, *m); }
        let in_part: Vec<usize> = (0..b.directives.len())
            .filter(|n| even(b.directives.iter().nth(*n).unwrap().id.as_ref()))
            .collect();
        for (n, t, m) in &theirs {
            if !in_part.is_empty() { edit(&mut b, in_part[n % in_part.len()], t, *m); }
        }
        let stored = save(&mut b);
        let mut whole = a.clone();
        let expected = whole.rebase(stored.clone(), &Changes::new());
        let got = a.rebase_part(part_of(&stored), &EvenDirectives, &Changes::new());
        prop_assert_eq!(got, expected);
        prop_assert_eq!(&a, &whole);
        prop_assert_eq!(a.take_changes(), whole.take_changes());
    }
}

#[test]
fn a_form_saved_over_a_record_changed_since_it_opened_is_refused_with_the_difference() {
    let (mut a, mut b) = two_tabs();
    let opened = a.directives.iter().nth(4).unwrap().clone();
    // Another tab saves the same directive; this tab takes it in.
    edit(&mut b, 4, "B: đã sửa", 2);
    a.rebase(save(&mut b), &Changes::new());
    // The form, opened before, is saved now.
    let mut mine = opened.clone();
    mine.text = "A: sửa từ biểu mẫu cũ".into();
    mine.updated_at = now() + Duration::minutes(3);
    let refused = a
        .save_edit(mine.clone(), Some(opened.updated_at))
        .unwrap_err();
    let (entry, kept) = *refused;
    assert_eq!(kept, mine);
    let text = entry.fields.iter().find(|f| f.field == "text").unwrap();
    assert_eq!(
        (text.mine.as_str(), text.theirs.as_str()),
        ("A: sửa từ biểu mẫu cũ", "B: đã sửa")
    );
    assert_eq!(a.directives.get(&opened.id).unwrap().text, "B: đã sửa");
    // Opened on the current version, it saves.
    let current = a.directives.get(&opened.id).unwrap().updated_at;
    a.save_edit(mine, Some(current)).unwrap();
    assert_eq!(
        a.directives.get(&opened.id).unwrap().text,
        "A: sửa từ biểu mẫu cũ"
    );
}
