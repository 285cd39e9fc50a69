//! The replication client against a CouchDB-protocol server (issue 38): push, pull between
//! two browsers, a run cut at every step and resumed, deletion, conflicts, a refused write,
//! an expired session. Each test starts PouchDB Server in memory (see `network/server.rs`;
//! set `DONDOC_COUCHDB_URL=http://admin:secret@127.0.0.1:5984` to run them against an
//! Apache CouchDB instead). CouchDB 3's own answers, where PouchDB Server's differ, are in
//! `network/couchdb3.rs`.

#[path = "network/browser.rs"]
mod browser;
mod common;
#[path = "network/conflicts.rs"]
mod conflicts;
#[path = "network/couchdb3.rs"]
mod couchdb3;
#[path = "network/random.rs"]
mod random;
#[path = "network/server.rs"]
mod server;
#[path = "network/size.rs"]
mod size;
#[path = "network/speed.rs"]
mod speed;

use browser::Browser;
use dondoc::domain::network::Status;
use dondoc::domain::*;
use serde_json::{json, Value};
use server::Server;

fn doc(server: &Server, db: &str, id: &str) -> (u16, Value) {
    server.admin("GET", &format!("/{db}/{id}?conflicts=true"), None)
}

/// The live documents of `db`, but design documents.
fn live_docs(server: &Server, db: &str) -> usize {
    let (_, all) = server.admin("GET", &format!("/{db}/_all_docs"), None);
    all["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["id"].as_str().unwrap().starts_with('_'))
        .count()
}

fn edit_directive(b: &mut Browser, n: usize, f: impl FnOnce(&mut Directive)) -> DirectiveId {
    let mut d = b.data.directives.iter().nth(n).unwrap().clone();
    f(&mut d);
    let id = d.id.clone();
    b.edit(|data| data.directives.upsert(d));
    id
}

#[test]
fn push_then_pull_between_two_browsers_with_edits_and_deletions() {
    let server = Server::start();
    server.create("push");
    let mut a = Browser::new(&server, "push", "a", common::sample());
    let first = a.synced();
    assert_eq!(first.pushed, a.data.total_records());
    assert_eq!(live_docs(&server, "push"), a.data.total_records());
    let d = a.data.directives.iter().next().unwrap().clone();
    let (_, stored) = doc(&server, "push", d.id.as_str());
    assert_eq!(stored["collection"], "directives");
    assert_eq!(stored["text"], json!(d.text));
    assert!(stored["_rev"].as_str().unwrap().starts_with("1-"));

    let again = a.synced();
    assert_eq!(
        (again.pushed, again.pulled),
        (0, 0),
        "only changed records move"
    );

    let mut b = Browser::new(&server, "push", "b", Dataset::default());
    assert_eq!(b.synced().pulled, a.data.total_records());
    assert!(b.data == a.data);

    // An edit and a deletion on one side reach the other.
    let edited = edit_directive(&mut a, 0, |d| d.text = "Hoàn thành trước 30/12".into());
    let gone = a.data.directive_updates.iter().next().unwrap().id.clone();
    a.edit(|d| {
        d.directive_updates.remove(&gone);
    });
    assert_eq!(a.synced().pushed, 2);
    let (status, deleted) = doc(&server, "push", gone.as_str());
    assert_eq!(status, 404, "{deleted}");
    assert_eq!(
        doc(&server, "push", edited.as_str()).1["_rev"]
            .as_str()
            .unwrap()[..2],
        *"2-"
    );
    assert_eq!(b.synced().pulled, 2);
    assert!(b.data == a.data);
    assert!(!b.data.directive_updates.contains(&gone));

    // And back.
    let back = edit_directive(&mut b, 3, |d| d.label = "b".into());
    b.synced();
    a.synced();
    assert!(a.data == b.data);
    assert_eq!(a.data.directives.get(&back).unwrap().label, "b");
    assert!(a.state.conflicts.is_empty() && b.state.conflicts.is_empty());
}

/// Two browsers' runs (a first push, a first pull, then edits on both sides), each cut
/// after `k` answers (`usize::MAX`: never) and run again: the data and every record's
/// revision on each side. Returns also whether no run was cut.
fn runs_cut_after(server: &Server, k: usize) -> (Dataset, Vec<(String, String)>, bool) {
    let db = format!("cut-{k}");
    server.create(&db);
    let mut a = Browser::new(server, &db, "a", common::sample()).batch(16);
    let mut b = Browser::new(server, &db, "b", Dataset::default()).batch(16);
    let mut ended = a.sync_cut(k);
    a.synced();
    ended &= b.sync_cut(k);
    b.synced();
    assert!(b.data == a.data, "cut after {k} answers");
    edit_directive(&mut a, 1, |d| d.text = "sửa".into());
    let gone = a.data.directive_updates.iter().nth(2).unwrap().id.clone();
    a.edit(|d| {
        d.directive_updates.remove(&gone);
    });
    let p = b.data.projects.iter().next().unwrap().id.clone();
    let mut project = b.data.projects.get(&p).unwrap().clone();
    project.name = "Dự án".into();
    b.edit(|d| {
        d.projects.upsert(project);
    });
    ended &= a.sync_cut(k);
    a.synced();
    ended &= b.sync_cut(k);
    b.synced();
    a.synced();
    assert!(a.data == b.data, "cut after {k} answers");
    assert!(
        a.state.conflicts.is_empty() && b.state.conflicts.is_empty(),
        "cut at {k}"
    );
    assert_eq!(live_docs(server, &db), a.data.total_records());
    assert_eq!(doc(server, &db, p.as_str()).1["_conflicts"], Value::Null);
    let revs = |b: &Browser| -> Vec<(String, String)> {
        b.state
            .revs
            .iter()
            .map(|(id, e)| (id.clone(), e.rev.clone()))
            .collect()
    };
    assert_eq!(revs(&a), revs(&b), "cut at {k}");
    let kept = revs(&a);
    (a.data, kept, ended)
}

#[test]
fn a_run_cut_at_any_step_resumes_from_its_checkpoint() {
    let server = Server::start();
    // Revision ids are made from the parent and the body: runs cut anywhere end with the
    // very revisions of runs never cut.
    let (data, revs, _) = runs_cut_after(&server, usize::MAX);
    for k in 0.. {
        let (cut_data, cut_revs, ended) = runs_cut_after(&server, k);
        assert!(cut_data == data, "cut after {k} answers");
        assert_eq!(cut_revs, revs, "cut after {k} answers");
        if ended {
            assert!(k > 10, "every step of the runs was cut ({k})");
            break;
        }
    }
}

#[test]
fn a_write_the_server_refuses_is_kept_with_its_reason_and_not_sent_again_unchanged() {
    let server = Server::start();
    server.create("rules");
    let rule = "function (doc) { if (doc.collection === 'projects') { \
                throw({forbidden: 'Đơn vị không được sửa dự án ' + doc._id}); } }";
    let (status, _) = server.admin(
        "PUT",
        "/rules/_design/dondoc",
        Some(&json!({ "validate_doc_update": rule })),
    );
    assert_eq!(status, 201);
    let mut a = Browser::new(&server, "rules", "a", common::sample());
    let report = a.synced();
    let projects = a.data.projects.len();
    assert_eq!(report.refused, projects);
    assert_eq!(report.pushed, a.data.total_records() - projects);
    let refused: Vec<_> = a.state.refused().collect();
    assert_eq!(refused[0].error, "forbidden");
    assert!(
        refused[0].reason.starts_with("Đơn vị không được sửa dự án"),
        "{refused:?}"
    );
    assert_eq!(a.data.projects.len(), projects, "the record stays here");

    let again = a.synced();
    assert_eq!(
        (again.pushed, again.refused),
        (0, 0),
        "not sent again unchanged"
    );
    let p = a.data.projects.iter().next().unwrap().id.clone();
    let mut x = a.data.projects.get(&p).unwrap().clone();
    x.name = "Sửa lại".into();
    a.edit(|d| {
        d.projects.upsert(x);
    });
    assert_eq!(
        a.synced().refused,
        1,
        "a new version is sent (and refused) again"
    );
}

#[test]
fn an_expired_session_asks_for_a_login_and_the_next_run_carries_on() {
    let mut server = Server::start();
    server.set_admin();
    server.create("closed");
    let (status, body) = server.admin(
        "PUT",
        "/_users/org.couchdb.user:ann",
        Some(&json!({"name": "ann", "password": "pw", "roles": [], "type": "user"})),
    );
    assert!(status == 201 || status == 409, "{body}");
    let security = json!({"members": {"names": ["ann"]}, "admins": {"names": []}});
    assert_eq!(
        server.admin("PUT", "/closed/_security", Some(&security)).0,
        200
    );

    let mut a = Browser::new(&server, "closed", "a", common::sample()).batch(20);
    a.login("ann", "wrong");
    assert_eq!(a.sync().0, Status::NeedsLogin);
    let mut anonymous = Browser::new(&server, "closed", "x", Dataset::default());
    assert_eq!(anonymous.sync().0, Status::NeedsLogin);

    a.login("ann", "pw");
    let (run, request) = a.run_until(|r| r.path.ends_with("_bulk_docs"));
    a.client.cookie = None; // the session ran out
    let (status, _) = a.resume(run, request);
    assert_eq!(status, Status::NeedsLogin);
    assert!(a.client.requests < 10, "stopped at once, no loop");
    assert!(
        a.state.refused.is_empty(),
        "a login asked for is not a refusal"
    );
    a.synced();
    let mut b = Browser::new(&server, "closed", "b", Dataset::default());
    b.login("ann", "pw");
    b.synced();
    assert!(a.data == b.data);
    assert_eq!(live_docs(&server, "closed"), a.data.total_records());
}
