//! What a session keeps beside the data, natively: the hourly snapshot written in steps,
//! and the lookups screens read (found once per version of the data).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use common::*;
use dondoc::domain::*;
use dondoc::storage::repo::MANIFEST_KEY;
use dondoc::storage::session::Session;
use dondoc::storage::SharedKv;

#[test]
fn the_hourly_snapshot_is_written_in_steps_after_a_save_and_dropped_when_the_data_changes() {
    let mut page = small_office_saved();
    assert!(page.snapshot_due(), "a first save makes a snapshot due");
    assert!(
        page.snapshots().is_empty(),
        "nothing stored before its steps are done"
    );
    // A few steps, then an edit: the half-written snapshot is dropped, not stored mixed.
    assert!(page.snapshot_step());
    page.edit(|d| {
        let mut p = d.projects.iter().next().unwrap().clone();
        p.location = "Thành phố Điện Biên Phủ".into();
        d.projects.upsert(p);
    });
    assert!(!page.snapshot_due());
    assert!(!page.snapshot_step());
    assert!(page.snapshots().is_empty());
    // The next save starts it again; every step is short work, the last one stores it.
    page.flush(later(1), hanoi());
    let mut steps = 0;
    while page.snapshot_step() {
        steps += 1;
    }
    assert!(steps >= 1, "a dataset this size takes several steps");
    let kept = page.snapshots();
    assert_eq!(kept.len(), 1);
    let (back, _) = page.snapshot_preview(&kept[0].key).expect("it reads back");
    assert_eq!(
        serde_json::to_string(&back).unwrap(),
        serde_json::to_string(page.data()).unwrap()
    );
    // Not due again within the hour.
    page.edit(|d| {
        d.units
            .upsert(Unit::named("Sở Xây dựng", "u-xd".into(), later(2)).unwrap())
    });
    page.flush(later(2), hanoi());
    assert!(!page.snapshot_due());
}

#[test]
fn a_snapshot_whose_text_is_written_is_stored_even_when_the_data_changes_meanwhile() {
    let mut counting = small_office_saved();
    let mut steps = 1;
    while counting.snapshot_step() {
        steps += 1;
    }
    // Again, stopped in its last steps (its parts and its index are stored last), then an
    // edit: the snapshot goes on and holds the data as it was when its text was written.
    let mut page = small_office_saved();
    let before = page.data().without_pending_changes();
    for _ in 0..steps - 2 {
        assert!(page.snapshot_step());
    }
    page.edit(|d| {
        let mut p = d.projects.iter().next().unwrap().clone();
        p.location = "Thành phố Điện Biên Phủ".into();
        d.projects.upsert(p);
    });
    assert!(page.snapshot_due());
    while page.snapshot_step() {}
    let kept = page.snapshots();
    assert_eq!(kept.len(), 1);
    let (back, _) = page.snapshot_preview(&kept[0].key).expect("it reads back");
    assert_eq!(back, before);
}

/// What screens look up (each project's figures, the follow-up overview) is found once per
/// version of the data: an edit here, another tab's commit taken in, an import and its undo
/// each show in them at once.
#[test]
fn the_lookups_follow_every_change_of_the_data() {
    use dondoc::domain::followup::KeptOverview;
    use dondoc::domain::model::ProjectFigures;
    let kv = stored_sample();
    let (mut a, mut b) = (open(&kv), open(&kv));
    // Asked for (and so kept), then checked against what the data says now.
    let figures = |s: &Session<SharedKv>| {
        let found = s.lookups();
        let kept = found.follow_up(today(), 7);
        assert_eq!(
            *kept,
            KeptOverview::from(s.data().follow_up_overview(today(), 7))
        );
        assert_eq!(found.project_figures(), &ProjectFigures::of(s.data()));
        (
            found.project_figures().clone(),
            kept.counts.values().sum::<usize>(),
        )
    };
    let report = a.data().progress_reports.iter().next().unwrap().clone();
    let project = report.project.clone();
    let with_report = |id: &str, on: NaiveDate, at: DateTime<Utc>| {
        let mut r = report.clone();
        r.id = id.into();
        r.as_of = on;
        r.created_at = at;
        r.updated_at = at;
        r
    };
    let (before, followed) = figures(&a);
    figures(&b);
    // An edit here: a report, and a directive removed.
    let newer = before.latest_report(&project).unwrap() + Duration::days(10);
    let gone = nth_directive(a.data(), 4);
    a.edit(|d| {
        d.progress_reports
            .upsert(with_report("r-here", newer, later(1)));
        d.directives.remove(&gone);
    });
    let (now, fewer) = figures(&a);
    assert_eq!(now.latest_report(&project), Some(newer));
    assert_eq!(fewer + 1, followed, "one directive fewer followed");
    // Taken in by the other tab.
    a.flush(later(1), hanoi());
    assert!(b.heard(Some(MANIFEST_KEY), later(2)).data);
    assert_eq!(figures(&b).0.latest_report(&project), Some(newer));
    let newest = newer + Duration::days(5);
    b.edit(|d| {
        d.progress_reports
            .upsert(with_report("r-there", newest, later(3)))
    });
    b.flush(later(3), hanoi());
    assert!(a.heard(Some(MANIFEST_KEY), later(4)).data);
    assert_eq!(figures(&a).0.latest_report(&project), Some(newest));
    // An import, then its undo.
    let latest = newest + Duration::days(3);
    let mut incoming = Dataset::default();
    incoming
        .progress_reports
        .upsert(with_report("r-imported", latest, later(5)));
    import_theirs(&mut a, &incoming, later(5));
    assert_eq!(figures(&a).0.latest_report(&project), Some(latest));
    assert!(a.undo_import(later(6), hanoi()));
    assert_eq!(figures(&a).0.latest_report(&project), Some(newest));
}
