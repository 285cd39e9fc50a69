//! Records changed on two sides: merged field by field against the merge base, what both
//! changed put to the officer (directives, conclusions, units; projects merged without
//! asking, or taken out on one side), leaves sent from two browsers at once, and a record
//! whose base was not set aside.

use dondoc::domain::network::{Side, Status};
use dondoc::domain::*;
use serde_json::{json, Value};

use super::browser::Browser;
use super::server::Server;
use super::{common, doc, edit_directive};

/// Both browsers change the same records offline: per kind, one field both changed and one
/// only one side changed.
#[test]
fn a_record_changed_on_both_sides_is_merged_field_by_field_and_put_to_the_officer() {
    let server = Server::start();
    server.create("both");
    let mut a = Browser::new(&server, "both", "a", common::sample());
    a.synced();
    let mut b = Browser::new(&server, "both", "b", Dataset::default());
    b.synced();
    let base_directive = serde_json::to_value(a.data.directives.iter().next().unwrap()).unwrap();

    let d = edit_directive(&mut a, 0, |d| {
        d.text = "A: hoàn thành trong tháng 12".into()
    });
    edit_directive(&mut b, 0, |d| {
        d.text = "B: hoàn thành trong quý I".into();
        d.label = "B".into();
    });
    let c = a.data.conclusions.iter().next().unwrap().id.clone();
    for (browser, title) in [(&mut a, "Kết luận (A)"), (&mut b, "Kết luận (B)")] {
        let mut x = browser.data.conclusions.get(&c).unwrap().clone();
        x.title = title.into();
        browser.edit(|d| d.conclusions.upsert(x));
    }
    let u = a.data.units.iter().next().unwrap().id.clone();
    let mut x = a.data.units.get(&u).unwrap().clone();
    x.name = "Sở Xây dựng (A)".into();
    x.short_name = "SXD-A".into();
    a.edit(|d| {
        d.units.upsert(x);
    });
    let mut x = b.data.units.get(&u).unwrap().clone();
    x.name = "Sở Xây dựng (B)".into();
    b.edit(|d| {
        d.units.upsert(x);
    });
    // A project changed in different fields: merged without asking.
    let p = a.data.projects.iter().next().unwrap().id.clone();
    let mut x = a.data.projects.get(&p).unwrap().clone();
    x.name = "Dự án (A)".into();
    a.edit(|d| {
        d.projects.upsert(x);
    });
    let mut x = b.data.projects.get(&p).unwrap().clone();
    x.location = "Xã Mường Phăng (B)".into();
    b.edit(|d| {
        d.projects.upsert(x);
    });

    a.synced();
    let report = b.synced();
    assert_eq!(report.conflicts, 3, "{report:?}");
    let merged = b.data.projects.get(&p).unwrap();
    assert_eq!(
        (merged.name.as_str(), merged.location.as_str()),
        ("Dự án (A)", "Xã Mường Phăng (B)")
    );

    let conflicts: Vec<_> = b.state.conflicts().cloned().collect();
    let on = |id: &str| conflicts.iter().find(|c| c.id == id).unwrap();
    let cd = on(d.as_str());
    assert_eq!(
        cd.base.as_ref(),
        Some(&base_directive),
        "the merge base is the version last synced"
    );
    assert_eq!(cd.fields, vec!["text".to_owned()]);
    assert_eq!(
        cd.mine.as_ref().unwrap()["text"],
        "B: hoàn thành trong quý I"
    );
    assert_eq!(
        cd.theirs.as_ref().unwrap()["text"],
        "A: hoàn thành trong tháng 12"
    );
    assert_eq!(
        cd.merged.as_ref().unwrap()["label"],
        "B",
        "a field only mine changed is kept"
    );
    assert_eq!(cd.diffs().len(), 1);
    assert_eq!(on(c.as_str()).fields, vec!["title".to_owned()]);
    let cu = on(u.as_str());
    assert_eq!(cu.fields, vec!["name".to_owned()]);
    assert_eq!(cu.merged.as_ref().unwrap()["short_name"], "SXD-A");

    // Nothing of these was sent while they wait.
    assert_eq!(b.synced().pushed, 0);
    b.state
        .resolve(&mut b.data, d.as_str(), &|_| Side::Theirs)
        .unwrap();
    b.state
        .resolve(&mut b.data, c.as_str(), &|_| Side::Mine)
        .unwrap();
    b.state
        .resolve(&mut b.data, u.as_str(), &|_| Side::Mine)
        .unwrap();
    assert!(b.state.conflicts.is_empty());
    b.synced();
    a.synced();
    assert!(a.data == b.data);
    let directive = a.data.directives.get(&d).unwrap();
    assert_eq!(
        (directive.text.as_str(), directive.label.as_str()),
        ("A: hoàn thành trong tháng 12", "B")
    );
    assert_eq!(a.data.conclusions.get(&c).unwrap().title, "Kết luận (B)");
    let unit = a.data.units.get(&u).unwrap();
    assert_eq!(
        (unit.name.as_str(), unit.short_name.as_str()),
        ("Sở Xây dựng (B)", "SXD-A")
    );
    for id in [d.as_str(), c.as_str(), u.as_str(), p.as_str()] {
        assert_eq!(doc(&server, "both", id).1["_conflicts"], Value::Null);
        // Both sides synced the same revision; the base moved on with it, and is not kept
        // twice now that the data holds it.
        let entry = a.state.revs.get(id).unwrap();
        assert_eq!(entry.rev, b.state.revs.get(id).unwrap().rev);
        assert_eq!(entry.base, None);
        assert!(!entry.is_dirty(entry.synced_body(None).as_ref()) || entry.synced.is_some());
    }
    let synced = a.state.revs.get(d.as_str()).unwrap();
    assert!(!synced.is_dirty(Some(&serde_json::to_value(directive).unwrap())));
}

/// Without the base set aside (a change the shell did not report), a record changed on
/// both sides still comes to the officer, with every field that differs.
#[test]
fn without_its_merge_base_a_record_changed_on_both_sides_puts_every_difference_to_the_officer() {
    let server = Server::start();
    server.create("nobase");
    let mut a = Browser::new(&server, "nobase", "a", common::sample());
    a.synced();
    let mut b = Browser::new(&server, "nobase", "b", Dataset::default());
    b.synced();
    let d = edit_directive(&mut a, 0, |d| d.text = "A".into());
    let mut x = b.data.directives.get(&d).unwrap().clone();
    x.label = "B".into();
    b.data.directives.upsert(x);
    a.synced();
    assert_eq!(b.synced().conflicts, 1);
    let conflict = b.state.conflicts().next().unwrap();
    assert_eq!(conflict.base, None);
    assert_eq!(conflict.fields, vec!["label".to_owned(), "text".to_owned()]);
}

/// Two browsers send children of the same revision: the server keeps both leaves; the
/// next pull puts them to the officer, and the result retires the loser.
#[test]
fn leaves_sent_from_two_browsers_at_once_are_put_to_the_officer_and_the_loser_retired() {
    let server = Server::start();
    server.create("twice");
    let mut a = Browser::new(&server, "twice", "a", common::sample());
    a.synced();
    let mut b = Browser::new(&server, "twice", "b", Dataset::default());
    b.synced();
    let d = edit_directive(&mut a, 2, |d| d.text = "A".into());
    edit_directive(&mut b, 2, |d| d.text = "B".into());
    let (run, request) = b.run_until(|r| r.path.ends_with("_revs_diff"));
    a.synced();
    let (status, _) = b.resume(run, request);
    assert_eq!(status, Status::Done);
    let (_, stored) = doc(&server, "twice", d.as_str());
    assert_eq!(
        stored["_conflicts"].as_array().map(Vec::len),
        Some(1),
        "{stored}"
    );

    assert_eq!(a.synced().conflicts, 1);
    let conflict = a.state.conflicts().next().unwrap().clone();
    assert_eq!(
        conflict.base, None,
        "the common ancestor's body is not kept here"
    );
    assert_eq!(conflict.fields, vec!["text".to_owned()]);
    assert_eq!(conflict.retire.len(), 1);
    a.state
        .resolve(&mut a.data, d.as_str(), &|_| Side::Mine)
        .unwrap();
    a.synced();
    b.synced();
    assert!(a.data == b.data);
    assert_eq!(b.data.directives.get(&d).unwrap().text, "A");
    let (_, stored) = doc(&server, "twice", d.as_str());
    assert_eq!(stored["_conflicts"], Value::Null, "{stored}");
    assert_eq!(stored["text"], "A");
    assert!(b.state.conflicts.is_empty());
}

#[test]
fn a_record_taken_out_on_one_side_and_changed_on_the_other_is_a_conflict() {
    let server = Server::start();
    server.create("gone");
    let mut a = Browser::new(&server, "gone", "a", common::sample());
    a.synced();
    let mut b = Browser::new(&server, "gone", "b", Dataset::default());
    b.synced();
    let p = a.data.projects.iter().next().unwrap().id.clone();
    a.edit(|d| {
        d.projects.remove(&p);
    });
    let mut x = b.data.projects.get(&p).unwrap().clone();
    x.name = "Vẫn làm".into();
    b.edit(|d| {
        d.projects.upsert(x);
    });
    a.synced();
    assert_eq!(b.synced().conflicts, 1);
    let conflict = b.state.conflicts().next().unwrap();
    assert_eq!(
        (conflict.theirs.is_none(), conflict.mine.is_some()),
        (true, true)
    );
    b.state
        .resolve(&mut b.data, p.as_str(), &|_| Side::Mine)
        .unwrap();
    b.synced();
    a.synced();
    assert_eq!(a.data.projects.get(&p).unwrap().name, "Vẫn làm");
    assert!(a.data == b.data);
}

/// A free-text field of each collection, changed on both sides below.
const FREE_TEXT: [(&str, &str); 11] = [
    ("committees", "name"),
    ("units", "name"),
    ("projects", "name"),
    ("progress_reports", "narrative"),
    ("obstacles", "description"),
    ("meetings", "summary"),
    ("conclusions", "title"),
    ("directives", "text"),
    ("directive_updates", "text"),
    ("offices", "issuing_body"),
    ("extension_requests", "reason"),
];

/// The sample with a record of the two kinds it lacks: the office's letterhead and a
/// unit's request for more time.
fn every_kind() -> Dataset {
    let mut v = serde_json::to_value(common::sample()).unwrap();
    let at = "2026-11-20T02:00:00Z";
    v["offices"] = json!([{"id": "office-1", "created_at": at, "updated_at": at,
        "issuing_body": "VĂN PHÒNG BAN CHỈ ĐẠO"}]);
    v["extension_requests"] = json!([{"id": "ask-1", "created_at": at, "updated_at": at,
        "directive": v["directives"][0]["id"], "unit": v["units"][0]["id"],
        "asked_on": "2026-11-20", "until": "2026-12-31", "reason": "Chờ vốn"}]);
    serde_json::from_value(v).unwrap()
}

/// Sets `field` of the first record of `collection` (as the app's storage would report
/// the change); returns the record's id.
fn set_text(b: &mut Browser, collection: &str, field: &str, text: &str) -> String {
    let before = b.data.clone();
    let mut v = serde_json::to_value(&b.data).unwrap();
    let record = &mut v[collection][0];
    record[field] = json!(text);
    let id = record["id"].as_str().unwrap().to_owned();
    b.data = serde_json::from_value(v).unwrap();
    let kind = *RecordKind::ALL
        .iter()
        .find(|k| k.collection() == collection)
        .unwrap();
    let changed = Changes::from([(kind, vec![id.clone()])]);
    b.state.keep_bases(&before, &changed);
    id
}

#[test]
fn a_conflict_on_every_kind_of_record_is_put_to_the_officer_and_settled() {
    let server = Server::start();
    server.create("kinds");
    let mut a = Browser::new(&server, "kinds", "a", every_kind());
    a.synced();
    let mut b = Browser::new(&server, "kinds", "b", Dataset::default());
    b.synced();
    let mut ids = Vec::new();
    for (collection, field) in FREE_TEXT {
        ids.push(set_text(&mut a, collection, field, "bên A"));
        set_text(&mut b, collection, field, "bên B");
    }
    a.synced();
    assert_eq!(b.synced().conflicts, FREE_TEXT.len());
    for (i, (collection, field)) in FREE_TEXT.iter().enumerate() {
        let c = b.state.conflicts.get(&ids[i]).unwrap();
        assert_eq!(c.collection, *collection);
        assert_eq!(c.fields, vec![field.to_string()], "{collection}");
        assert!(c.base.is_some(), "{collection}: the merge base kept");
        let side = if i % 2 == 0 { Side::Mine } else { Side::Theirs };
        b.state.resolve(&mut b.data, &ids[i], &|_| side).unwrap();
    }
    b.synced();
    a.synced();
    assert!(a.data == b.data);
    for (i, (collection, field)) in FREE_TEXT.iter().enumerate() {
        let v = serde_json::to_value(&a.data).unwrap();
        let expected = if i % 2 == 0 { "bên B" } else { "bên A" };
        assert_eq!(v[collection][0][field], expected, "{collection}");
        assert_eq!(doc(&server, "kinds", &ids[i]).1["_conflicts"], Value::Null);
    }
}

#[test]
fn a_browser_that_already_holds_the_data_adopts_what_is_the_same_and_asks_about_the_rest() {
    let server = Server::start();
    server.create("held");
    let mut a = Browser::new(&server, "held", "a", common::sample());
    a.synced();
    // B imported the same file earlier, then changed one directive.
    let mut b = Browser::new(&server, "held", "b", common::sample());
    let mut x = b.data.directives.iter().next().unwrap().clone();
    x.text = "B".into();
    b.data.directives.upsert(x.clone());
    let report = b.synced();
    assert_eq!((report.pushed, report.conflicts), (0, 1), "{report:?}");
    let conflict = b.state.conflicts().next().unwrap();
    assert_eq!(
        (conflict.id.as_str(), conflict.base.as_ref()),
        (x.id.as_str(), None)
    );
    assert_eq!(conflict.fields, vec!["text".to_owned()]);
    b.state
        .resolve(&mut b.data, x.id.as_str(), &|_| Side::Mine)
        .unwrap();
    b.synced();
    a.synced();
    assert!(a.data == b.data);
    assert_eq!(a.data.directives.get(&x.id).unwrap().text, "B");
}

/// The officer's result and the retired leaf, sent by a run cut after each answer.
#[test]
fn a_settled_conflict_sent_by_a_run_cut_anywhere_still_retires_the_loser() {
    let server = Server::start();
    for k in 0.. {
        let db = format!("settle-{k}");
        server.create(&db);
        let mut a = Browser::new(&server, &db, "a", common::sample());
        a.synced();
        let mut b = Browser::new(&server, &db, "b", Dataset::default());
        b.synced();
        let d = edit_directive(&mut a, 2, |d| d.text = "A".into());
        edit_directive(&mut b, 2, |d| d.text = "B".into());
        let (run, request) = b.run_until(|r| r.path.ends_with("_revs_diff"));
        a.synced();
        b.resume(run, request);
        assert_eq!(a.synced().conflicts, 1);
        a.state
            .resolve(&mut a.data, d.as_str(), &|_| Side::Theirs)
            .unwrap();
        let ended = a.sync_cut(k);
        a.synced();
        b.synced();
        assert!(a.data == b.data, "cut after {k}");
        let (_, stored) = doc(&server, &db, d.as_str());
        assert_eq!(stored["_conflicts"], Value::Null, "cut after {k}: {stored}");
        assert_eq!(stored["text"], "B");
        if ended {
            assert!(k > 3, "every step of the run was cut ({k})");
            break;
        }
    }
}
