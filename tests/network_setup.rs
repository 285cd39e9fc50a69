//! `dondoc network setup` against a CouchDB-protocol server (PouchDB Server, or the CouchDB
//! at `DONDOC_COUCHDB_URL`): the database, its members, the write rule and the accounts are
//! made; an officer writes anything, a unit only its own reports and requests, and a
//! refusal comes back with its reason in Vietnamese and English. Run twice, nothing breaks
//! and no password is changed.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "network/server.rs"]
#[allow(dead_code)] // what the replication tests use of it
mod server;

use dondoc::domain::network::{HttpRequest, HttpResponse, Method};
use serde_json::{json, Value};
use server::{Client, Server};

fn setup(server: &Server, export: &std::path::Path) -> String {
    let admin = server.admin.clone().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dondoc"))
        .args(["network", "setup"])
        .arg(format!("http://{admin}@{}", server.addr))
        .args([
            "--db",
            "province",
            "--office",
            "vanphong:mat-khau-vp",
            "--units-from",
        ])
        .arg(export)
        .args(["--app", "http://intranet/dondoc"])
        .output()
        .expect("the command runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

fn request(method: Method, path: &str, body: Option<Value>) -> HttpRequest {
    HttpRequest {
        method,
        path: path.to_owned(),
        query: Vec::new(),
        headers: vec![("Content-Type".into(), "application/json".into())],
        body,
    }
}

fn login(server: &Server, name: &str, password: &str) -> Client {
    let mut c = Client::new(server);
    let r = c.perform(&request(
        Method::Post,
        "/_session",
        Some(json!({ "name": name, "password": password })),
    ));
    assert_eq!(r.status, 200, "{name}: {}", r.body);
    c
}

fn put(c: &mut Client, id: &str, doc: Value) -> HttpResponse {
    c.perform(&request(Method::Put, &format!("/province/{id}"), Some(doc)))
}

#[test]
fn setup_makes_the_rules_an_officer_writes_anything_a_unit_only_its_reports() {
    let mut server = Server::start();
    server.set_admin();
    server.admin("DELETE", "/province", None);
    let data = common::sample();
    let export = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("setup-sample.json");
    std::fs::write(&export, serde_json::to_string(&data).unwrap()).unwrap();
    let printed = setup(&server, &export);
    assert!(
        printed.contains("location /couchdb/"),
        "web server notes printed"
    );
    let commune = data.unit_named("UBND xã Mường Phăng").unwrap();
    let line = printed
        .lines()
        .find(|l| l.starts_with("UBND xã Mường Phăng\t"))
        .expect("the commune's account is printed");
    let fields: Vec<&str> = line.split('\t').collect();
    let (account, password) = (fields[1], fields[2]);
    assert_eq!(account, "xa-muong-phang");

    // The office's officer writes any record.
    let mut office = login(&server, "vanphong", "mat-khau-vp");
    let r = put(
        &mut office,
        "p-1",
        json!({ "collection": "projects", "name": "Dự án" }),
    );
    assert_eq!(r.status, 201, "{}", r.body);

    // The commune: its own report and request yes, anything else no, with the reason.
    let mut unit = login(&server, account, password);
    let r = put(
        &mut unit,
        "p-2",
        json!({ "collection": "projects", "name": "Dự án" }),
    );
    assert_eq!(r.status, 403);
    let reason = r.body["reason"].as_str().unwrap();
    assert!(
        reason.starts_with("Đơn vị chỉ được ghi báo cáo tiến độ"),
        "{reason}"
    );
    assert!(reason.contains("/ A unit may write only"), "{reason}");
    let report =
        json!({ "collection": "directive_updates", "dondoc_writer": account, "text": "Đã xong" });
    let r = put(&mut unit, "up-1", report.clone());
    assert_eq!(r.status, 201, "{}", r.body);
    let unsigned = json!({ "collection": "directive_updates", "text": "Không ký" });
    assert_eq!(put(&mut unit, "up-2", unsigned).status, 403);
    let ask = |unit_id: &str, decision: Value| {
        json!({ "collection": "extension_requests", "dondoc_writer": account,
                "unit": unit_id, "decision": decision })
    };
    assert_eq!(
        put(&mut unit, "rq-1", ask(commune.id.as_ref(), Value::Null)).status,
        201
    );
    assert_eq!(
        put(&mut unit, "rq-2", ask("another-unit", Value::Null)).status,
        403
    );
    let decided = ask(commune.id.as_ref(), json!({ "granted": {} }));
    assert_eq!(
        put(&mut unit, "rq-3", decided).status,
        403,
        "only the office decides"
    );
    // The office's report is not the unit's to change.
    let r = put(
        &mut office,
        "up-3",
        json!({ "collection": "directive_updates", "text": "VP" }),
    );
    assert_eq!(r.status, 201);
    let (_, theirs) = server.admin("GET", "/province/up-3", None);
    let mut changed = theirs.clone();
    changed["dondoc_writer"] = json!(account);
    assert_eq!(put(&mut unit, "up-3", changed).status, 403);

    // Run again: nothing fails, no password changes, the commune still logs in.
    let again = setup(&server, &export);
    assert!(again.contains("xa-muong-phang\t(đã có"), "{again}");
    login(&server, account, password);
}
