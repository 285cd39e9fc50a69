//! The save and sharing protocol of a page (`storage::session::Session`), natively: several
//! sessions over one in-memory store are several tabs of one browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, Utc};
use common::*;
use dondoc::domain::sample::sample_dataset;
use dondoc::domain::sharing::Resolution;
use dondoc::domain::sharing::{Officer, Scope};
use dondoc::domain::*;
use dondoc::storage::repo::{AsideReason, MANIFEST_KEY};
use dondoc::storage::session::{SaveStatus, Session};
use dondoc::storage::side::UNDO_HEAD_KEY;
use dondoc::storage::{KeyValue, SharedKv, WriteError};

#[test]
fn an_edit_waits_for_the_flush_then_a_new_page_reads_it() {
    let kv = stored_sample();
    let mut tab = open(&kv);
    let id = nth_directive(tab.data(), 3);
    set_text(&mut tab, &id, "Đã sửa", later(1));
    assert_eq!(tab.status(), &SaveStatus::Pending);
    assert_eq!(
        text_of(open(&kv).data(), &id),
        text_of(&sample(), &id),
        "not yet written"
    );
    assert_eq!(
        tab.flush(later(1), hanoi()),
        &SaveStatus::Saved(Some(later(1)))
    );
    assert_eq!(text_of(open(&kv).data(), &id), "Đã sửa");
}

/// A file made over several tasks reads the data as it was when it began: an edit and its
/// save meanwhile change the session's data, not the copy held.
#[test]
fn data_held_for_a_file_made_in_steps_stays_as_it_was_while_the_page_changes_it() {
    let kv = stored_sample();
    let mut tab = open(&kv);
    let id = nth_directive(tab.data(), 3);
    let held = tab.shared_data();
    set_text(&mut tab, &id, "Đã sửa", later(1));
    tab.flush(later(1), hanoi());
    assert_eq!(text_of(&held, &id), text_of(&sample(), &id));
    assert_eq!(text_of(tab.data(), &id), "Đã sửa");
    assert_eq!(text_of(open(&kv).data(), &id), "Đã sửa");
}

#[test]
fn storage_full_keeps_the_change_in_memory_changes_nothing_stored_and_is_retried() {
    let kv = stored_sample();
    let mut tab = open(&kv);
    let id = nth_directive(tab.data(), 0);
    drop_snapshots(&kv);
    kv.set_quota(Some(kv.used_units()));
    set_text(
        &mut tab,
        &id,
        "Một đoạn dài hơn bản đã lưu để không vừa chỗ",
        later(1),
    );
    assert_eq!(
        tab.flush(later(1), hanoi()),
        &SaveStatus::Failed(WriteError::Quota)
    );
    assert_eq!(
        text_of(tab.data(), &id),
        "Một đoạn dài hơn bản đã lưu để không vừa chỗ"
    );
    assert_eq!(open(&kv).data(), &sample(), "storage is as it was");
    // A later edit keeps the failure shown until a save works.
    set_text(&mut tab, &id, "Bản sau", later(2));
    assert!(matches!(tab.status(), SaveStatus::Failed(_)));
    kv.set_quota(None);
    assert_eq!(
        tab.flush(later(3), hanoi()),
        &SaveStatus::Saved(Some(later(3)))
    );
    assert_eq!(text_of(open(&kv).data(), &id), "Bản sau");
}

#[test]
fn storage_full_gives_the_undo_copys_room_to_the_data() {
    let kv = stored_sample();
    let mut tab = open(&kv);
    let mut incoming = Dataset::default();
    let mut unit = tab.data().units.iter().next().unwrap().clone();
    unit.name = "Sở Xây dựng (đổi tên)".into();
    unit.updated_at = later(1);
    incoming.units.upsert(unit);
    let plan = tab.plan_import(&incoming, None);
    let decide = |_: &str| Some(Resolution::TakeTheirs);
    let at = tab.revision();
    tab.import(
        &incoming,
        &plan,
        at,
        &decide,
        "tệp".into(),
        later(1),
        hanoi(),
    )
    .unwrap();
    assert!(tab.undo_head().is_some(), "the import can be undone");
    // A restore rewrites everything under a new generation: room for that only once the
    // undo copy (about the data's size) gives its own; the copy stays in memory.
    drop_snapshots(&kv);
    let copy = kv.get("dondoc.undo").unwrap().encode_utf16().count();
    let data = kv.used_units() - copy;
    kv.set_quota(Some(kv.used_units() + data - copy / 2));
    let mut snapshot = tab.data().without_pending_changes();
    let id = nth_directive(&snapshot, 0);
    let mut x = snapshot.directives.get(&id).unwrap().clone();
    x.text = noise(copy / 20);
    snapshot.directives.upsert(x);
    tab.restore_snapshot(snapshot, "bản sao lưu".into(), later(2), hanoi());
    assert_eq!(tab.status(), &SaveStatus::Saved(Some(later(2))));
    assert!(kv.get("dondoc.undo").is_none(), "the copy gave its room");
    assert!(tab.undo_head().is_none(), "and is no longer offered");
    assert_eq!(text_of(open(&kv).data(), &id), noise(copy / 20));
}

#[test]
fn a_damaged_value_is_set_aside_and_the_page_starts_empty_without_overwriting_it() {
    let kv = stored_sample();
    kv.put(MANIFEST_KEY, "{ not json");
    let (mut tab, opened) = Session::open(kv.handle(), "t", now(), hanoi());
    assert!(matches!(opened.aside, Some(AsideReason::Unreadable(_))));
    assert_eq!(tab.data(), &Dataset::default());
    assert!(tab.repo().has_aside());
    assert!(tab.repo().aside_export().is_some());
    assert_eq!(tab.flush(now(), hanoi()), &SaveStatus::Saved(Some(now())));
    assert!(tab.repo().has_aside(), "still kept after a save");
}

#[test]
fn two_tabs_saving_alternately_keep_every_change_of_both() {
    let kv = stored_sample();
    let (mut a, mut b) = (open(&kv), open(&kv));
    for round in 0..20 {
        let id_a = nth_directive(a.data(), 2 * round % 10);
        let id_b = nth_directive(b.data(), (2 * round + 1) % 10);
        set_text(
            &mut a,
            &id_a,
            &format!("A{round}"),
            later(2 * round as i64 + 1),
        );
        set_text(
            &mut b,
            &id_b,
            &format!("B{round}"),
            later(2 * round as i64 + 1),
        );
        // Both save "at once": each save first takes in the other's commit.
        a.flush(later(2 * round as i64 + 1), hanoi());
        b.flush(later(2 * round as i64 + 1), hanoi());
        assert!(
            a.heard(Some(MANIFEST_KEY), later(2 * round as i64 + 1))
                .data
        );
        let stored = open(&kv);
        assert_eq!(text_of(stored.data(), &id_a), format!("A{round}"));
        assert_eq!(text_of(stored.data(), &id_b), format!("B{round}"));
        assert_eq!(a.data(), stored.data());
        assert_eq!(b.data(), stored.data());
    }
    assert!(a.tab_conflicts().is_empty() && b.tab_conflicts().is_empty());
}

#[test]
fn a_record_both_tabs_changed_keeps_the_first_save_and_sets_the_other_aside() {
    let kv = stored_sample();
    let (mut a, mut b) = (open(&kv), open(&kv));
    let id = nth_directive(a.data(), 4);
    set_text(&mut a, &id, "A trước", later(1));
    a.flush(later(1), hanoi());
    set_text(&mut b, &id, "B sau", later(2));
    b.flush(later(2), hanoi());
    assert_eq!(
        text_of(open(&kv).data(), &id),
        "A trước",
        "the first save stays"
    );
    assert_eq!(b.tab_conflicts().len(), 1);
    assert_eq!(b.tab_conflicts()[0].id, id.to_string());
    // B puts its own version back: now it is the newer change and is saved.
    b.keep_tab_version(id.as_ref(), later(3));
    assert!(b.tab_conflicts().is_empty());
    b.flush(later(3), hanoi());
    assert_eq!(text_of(open(&kv).data(), &id), "B sau");
    assert!(a.heard(Some(MANIFEST_KEY), later(3)).data);
    assert_eq!(text_of(a.data(), &id), "B sau");
}

#[test]
fn a_form_opened_on_an_older_version_does_not_save_over_the_newer_one() {
    let kv = stored_sample();
    let (mut a, mut b) = (open(&kv), open(&kv));
    let id = nth_directive(a.data(), 5);
    let opened = Some(b.data().directives.get(&id).unwrap().updated_at);
    set_text(&mut a, &id, "A", later(1));
    a.flush(later(1), hanoi());
    b.heard(Some(MANIFEST_KEY), later(1));
    let mut mine = b.data().directives.get(&id).unwrap().clone();
    mine.text = "B, mở từ bản cũ".into();
    mine.updated_at = later(2);
    assert!(!b.save_edit(mine, opened));
    assert_eq!(text_of(b.data(), &id), "A");
    assert_eq!(b.tab_conflicts().len(), 1);
}

#[test]
fn a_removal_not_yet_saved_survives_another_tabs_commit() {
    let kv = stored_sample();
    let (mut a, mut b) = (open(&kv), open(&kv));
    let gone = a.data().directive_updates.iter().next().unwrap().id.clone();
    a.edit(|d| d.directive_updates.remove(&gone));
    let other = nth_directive(b.data(), 1);
    set_text(&mut b, &other, "B", later(1));
    b.flush(later(1), hanoi());
    assert!(a.heard(Some(MANIFEST_KEY), later(1)).save_due);
    assert!(
        a.data().directive_updates.get(&gone).is_none(),
        "still removed here"
    );
    a.flush(later(2), hanoi());
    let stored = open(&kv);
    assert!(stored.data().directive_updates.get(&gone).is_none());
    assert_eq!(text_of(stored.data(), &other), "B");
}

fn import_one_unit(tab: &mut Session<SharedKv>, name: &str, at: DateTime<Utc>) -> UnitId {
    let mut incoming = Dataset::default();
    let mut unit = tab.data().units.iter().next().unwrap().clone();
    unit.name = name.into();
    unit.updated_at = at;
    let id = unit.id.clone();
    incoming.units.upsert(unit);
    import_theirs(tab, &incoming, at);
    id
}

#[test]
fn an_import_is_undone_in_one_step_here_and_the_undo_is_withdrawn_in_the_other_tab() {
    let kv = stored_sample();
    let (mut a, mut b) = (open(&kv), open(&kv));
    let id = import_one_unit(&mut a, "Tên mới", later(1));
    assert_eq!(open(&kv).data().units.get(&id).unwrap().name, "Tên mới");
    // The other tab hears both the data and the undo offered.
    let heard = b.heard(Some(MANIFEST_KEY), later(1));
    assert!(heard.data);
    assert!(b.heard(Some(UNDO_HEAD_KEY), later(1)).undo);
    assert_eq!(b.undo_head().unwrap().0, "tệp của đồng nghiệp");
    assert!(a.undo_import(later(2), hanoi()));
    assert_eq!(open(&kv).data(), &sample());
    assert!(b.heard(Some(UNDO_HEAD_KEY), later(2)).undo);
    assert!(b.undo_head().is_none());
    assert!(!b.undo_import(later(3), hanoi()), "nothing left to undo");
}

#[test]
fn an_edit_after_an_import_withdraws_its_undo() {
    let kv = stored_sample();
    let mut a = open(&kv);
    import_one_unit(&mut a, "Tên mới", later(1));
    let id = nth_directive(a.data(), 0);
    set_text(&mut a, &id, "Sửa sau khi nhập", later(2));
    assert!(a.undo_head().is_none());
    assert!(kv.get("dondoc.undo").is_none());
    assert!(!a.undo_import(later(3), hanoi()));
    assert_eq!(text_of(a.data(), &id), "Sửa sau khi nhập");
}

#[test]
fn a_restore_whose_save_failed_is_not_reverted_silently_by_another_tabs_save() {
    let kv = stored_sample();
    let a_kv = kv.handle();
    let mut a = Session::open(a_kv.clone(), "a", now(), hanoi()).0;
    let mut b = open(&kv);
    let (kept, both, added, untouched) = (
        nth_directive(a.data(), 1),
        nth_directive(a.data(), 2),
        nth_directive(a.data(), 3),
        nth_directive(a.data(), 6),
    );
    // The snapshot: as stored, but two directives read otherwise and one did not exist yet.
    let mut snapshot = a.data().clone();
    for id in [&kept, &both] {
        let mut x = snapshot.directives.get(id).unwrap().clone();
        x.text = "như bản sao lưu".into();
        snapshot.directives.upsert(x);
    }
    snapshot.directives.remove(&added);
    let snapshot = snapshot.without_pending_changes();

    // A's storage refuses the restore's save.
    a_kv.refuse_writes(Some(WriteError::Unavailable("blocked".into())));
    a.restore_snapshot(snapshot, "bản sao lưu 08:00".into(), later(1), hanoi());
    assert!(matches!(a.status(), SaveStatus::Failed(_)));

    // B saves a change to one of the restored records and to one the restore did not touch.
    set_text(&mut b, &both, "B sửa", later(2));
    set_text(&mut b, &untouched, "B sửa chỗ khác", later(2));
    b.flush(later(2), hanoi());

    // A hears it: what only the restore changed stays restored, B's other change comes in,
    // the record both changed is shown as a conflict (B's kept, A's set aside).
    assert!(a.heard(Some(MANIFEST_KEY), later(2)).save_due);
    assert_eq!(text_of(a.data(), &kept), "như bản sao lưu");
    assert!(a.data().directives.get(&added).is_none());
    assert_eq!(text_of(a.data(), &untouched), "B sửa chỗ khác");
    assert_eq!(text_of(a.data(), &both), "B sửa");
    assert_eq!(a.tab_conflicts().len(), 1);
    assert_eq!(a.tab_conflicts()[0].id, both.to_string());

    // Once A's storage works again, its save keeps all of that.
    a_kv.refuse_writes(None);
    assert_eq!(
        a.flush(later(3), hanoi()),
        &SaveStatus::Saved(Some(later(3)))
    );
    let stored = open(&kv);
    assert_eq!(text_of(stored.data(), &kept), "như bản sao lưu");
    assert!(stored.data().directives.get(&added).is_none());
    assert_eq!(text_of(stored.data(), &untouched), "B sửa chỗ khác");
    assert_eq!(text_of(stored.data(), &both), "B sửa");
}

#[test]
fn an_export_remembers_its_records_as_exchanged() {
    let kv = stored_sample();
    let mut a = open(&kv);
    assert!(a.sync_base().0.is_empty());
    let officer = Officer {
        name: "Nguyễn Văn A".into(),
        office: "Văn phòng BCĐ".into(),
    };
    let file = a.export(Scope::All, officer, later(1), today());
    assert!(file.name.ends_with(".json"));
    assert!(file.text.contains("\"exported_by\""));
    assert!(!a.sync_base().0.is_empty());
    // Another tab hears the base changed.
    let mut b = open(&kv);
    assert!(!b.sync_base().0.is_empty(), "kept in storage");
    b.heard(Some("dondoc.sync"), later(1));
    assert_eq!(b.sync_base(), a.sync_base());
}

/// A page of its own store holding the sample and a small office's data, saved once (so
/// its first hourly snapshot is due).
#[test]
fn an_import_previewed_before_another_tabs_save_is_planned_again_not_applied() {
    let kv = stored_sample();
    let mut tab = open(&kv);
    let mut other = open(&kv);
    // The file changes a unit's name; the preview says "theirs".
    let mut incoming = Dataset::default();
    let mut unit = tab.data().units.iter().next().unwrap().clone();
    let id = unit.id.clone();
    unit.name = "Sở Xây dựng (tên trong tệp)".into();
    unit.updated_at = later(1);
    incoming.units.upsert(unit);
    let plan = tab.plan_import(&incoming, None);
    let planned_at = tab.revision();
    // Meanwhile another tab renames the same unit and saves.
    other.edit(|d| {
        let mut u = d.units.get(&id).unwrap().clone();
        u.name = "Sở Xây dựng (tên ở thẻ khác)".into();
        u.updated_at = later(2);
        d.units.upsert(u);
    });
    other.flush(later(2), hanoi());
    let before = serde_json::to_string(tab.data()).unwrap();
    let decide = |_: &str| Some(Resolution::TakeTheirs);
    let refused = tab.import(
        &incoming,
        &plan,
        planned_at,
        &decide,
        "tệp".into(),
        later(3),
        hanoi(),
    );
    assert_eq!(
        refused,
        Err(dondoc::storage::session::ImportRefused::Changed)
    );
    // Nothing of the file applied; the other tab's save was taken in.
    assert_eq!(
        tab.data().units.get(&id).unwrap().name,
        "Sở Xây dựng (tên ở thẻ khác)"
    );
    assert_ne!(serde_json::to_string(tab.data()).unwrap(), before);
    assert!(tab.undo_head().is_none());
    // Planned again on the data as it is now, it applies.
    let plan = tab.plan_import(&incoming, None);
    let planned_at = tab.revision();
    tab.import(
        &incoming,
        &plan,
        planned_at,
        &decide,
        "tệp".into(),
        later(4),
        hanoi(),
    )
    .unwrap();
    assert_eq!(
        tab.data().units.get(&id).unwrap().name,
        "Sở Xây dựng (tên trong tệp)"
    );
}

#[test]
fn a_colleagues_copy_joined_at_import_is_stored_read_again_unchanged_and_undone() {
    let kv = stored_sample();
    let mut a = open(&kv);
    // The colleague loaded the same sample: same records, other ids.
    let theirs = sample_dataset(today(), now(), &mut SeededIds::new(2));
    let offered = a.plan_import(&theirs, None);
    assert!(offered
        .duplicates
        .iter()
        .any(|d| d.kind == RecordKind::Conclusion && d.label == "16-KL/BCĐ"));
    let plan = a.plan_import_joining(&theirs, None, &offered.duplicates);
    let planned_at = a.revision();
    a.import(
        &theirs,
        &plan,
        planned_at,
        &|_: &str| None,
        "tệp của đồng nghiệp".into(),
        later(1),
        hanoi(),
    )
    .unwrap();
    let stored = open(&kv);
    let sixteen = |d: &Dataset| {
        d.conclusions
            .iter()
            .filter(|c| c.number_symbol == "16-KL/BCĐ")
            .count()
    };
    assert_eq!(sixteen(stored.data()), 1);
    assert_eq!(stored.data().directives.len(), sample().directives.len());
    // Read again by a new page, the same file changes nothing and offers nothing.
    let again = stored.plan_import(&theirs, None);
    assert!(again.duplicates.is_empty());
    assert!(!again.changes_anything());
    assert!(a.undo_import(later(2), hanoi()));
    assert_eq!(open(&kv).data(), &sample());
    assert!(!open(&kv).plan_import(&theirs, None).duplicates.is_empty());
}
