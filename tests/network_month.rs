//! Issue 38's simulation: twenty browsers of a province's network (four officers of the
//! office and sixteen units, each with its own account and the write rule installed by
//! `network setup`) through a simulated month against a CouchDB-protocol server. Each day,
//! each browser may change records offline, and may sync at a random time; some runs are
//! cut mid-batch (the answer lost, the page gone), and some pages are closed and opened
//! again from what their storage kept. Everything goes through the app's own storage
//! (`Session` over a `MemoryKv`: the sync state in its shards, pushes signed with the
//! account). At the end every browser and the server hold the same data, every report a
//! unit made is there, every record changed on two sides came to an officer as a conflict,
//! and a unit's attempt at an office record was refused and said why.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "network/server.rs"]
#[allow(dead_code)] // what the replication tests use of it
mod server;

use chrono::{DateTime, Duration, FixedOffset, Utc};
use dondoc::domain::network::{
    setup_requests, Account, Config, Credentials, Replicator, Side, Status, BATCH,
};
use dondoc::domain::*;
use dondoc::storage::session::Session;
use dondoc::storage::MemoryKv;
use serde_json::Value;
use server::{Client, Server};

const DAYS: usize = 30;
const OFFICERS: usize = 4;

/// One browser: its page (a `Session` over its storage), its cookie jar, its account.
struct Page {
    session: Session<MemoryKv>,
    client: Client,
    account: String,
    password: String,
    /// The unit this browser reports for (`None`: an officer of the office).
    unit: Option<UnitId>,
    replication_id: String,
    /// Conflicts this browser's officer settled.
    settled: usize,
    /// Writes the server refused, as last seen.
    refused: usize,
}

fn offset() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap()
}

impl Page {
    fn open(kv: MemoryKv, now: DateTime<Utc>) -> Session<MemoryKv> {
        Session::open(kv, "stamp", now, offset()).0
    }

    /// A run of the app's shell, cut after `answers` answers (`usize::MAX`: not cut); logs
    /// in first when asked. The state's parts are written as the page writes them.
    fn sync(&mut self, answers: usize, login: bool, now: DateTime<Utc>) -> Status {
        self.sync_in("province", answers, login, now)
    }

    /// A whole run with database `db`, which must end well.
    fn sync_db(&mut self, db: &str, login: bool, now: DateTime<Utc>) {
        assert_eq!(self.sync_in(db, usize::MAX, login, now), Status::Done);
    }

    fn sync_in(&mut self, db: &str, answers: usize, login: bool, now: DateTime<Utc>) -> Status {
        let mut run = Replicator::new(Config {
            db: db.into(),
            replication_id: self.replication_id.clone(),
            credentials: login.then(|| Credentials {
                name: self.account.clone(),
                password: self.password.clone(),
            }),
            batch: BATCH,
        });
        let mut handled = 0;
        while let Some(request) = self.session.sync_request(&mut run, &self.account) {
            let answer = self.client.perform(&request);
            if handled == answers {
                break;
            }
            self.session.sync_answer(&mut run, &request, answer);
            handled += 1;
        }
        while self.session.network_write_step() {}
        self.session.flush(now, offset());
        self.refused = self.session.sync_state().refused().count();
        run.status()
    }

    /// A run that logs in again when the session expired, as the officer would.
    fn synced(&mut self, now: DateTime<Utc>) {
        let mut status = self.sync(usize::MAX, false, now);
        if status == Status::NeedsLogin {
            status = self.sync(usize::MAX, true, now);
        }
        assert_eq!(status, Status::Done, "{}", self.account);
    }

    /// The officer settles what was put to it, keeping the server's or its own.
    fn settle(&mut self, side: Side) {
        let open: Vec<String> = self
            .session
            .sync_state()
            .conflicts()
            .map(|c| c.id.clone())
            .collect();
        for id in open {
            self.session.settle_sync_conflict(&id, &|_| side).unwrap();
            self.settled += 1;
        }
    }

    /// The page closed and opened again: only what storage kept remains.
    fn reopen(&mut self, now: DateTime<Utc>) {
        self.session.flush(now, offset());
        while self.session.network_write_step() {}
        let kv = self.session.repo().kv().clone();
        self.session = Page::open(kv, now);
    }
}

/// A day's change by `page`: an officer edits the office's records; a unit reports on a
/// directive it leads and sometimes asks for more time (and, once, tries an office record).
fn change(
    page: &mut Page,
    rng: &mut common::Lcg,
    day: usize,
    who: usize,
    now: DateTime<Utc>,
) -> Option<String> {
    let data = page.session.data().clone();
    match &page.unit {
        None => {
            let n = data.directives.len().max(1);
            let mut d = data.directives.iter().nth(rng.below(n))?.clone();
            match rng.below(3) {
                0 => {
                    d.text = format!(
                        "{} (ngày {day}, VP {who})",
                        d.text.split(" (ngày").next().unwrap_or("")
                    )
                }
                1 => d.label = format!("{day}.{who}"),
                _ => {
                    let mut u = data.units.iter().nth(rng.below(data.units.len()))?.clone();
                    u.contact = format!("Liên hệ ngày {day} của VP {who}");
                    u.updated_at = now;
                    page.session.edit(|data| data.units.upsert(u));
                    return None;
                }
            }
            d.updated_at = now;
            page.session.edit(|data| data.directives.upsert(d));
            None
        }
        Some(unit) => {
            let led: Vec<DirectiveId> = data
                .directives
                .iter()
                .filter(|d| d.lead_at(common::today()) == Some(unit))
                .map(|d| d.id.clone())
                .collect();
            let directive = led.get(rng.below(led.len().max(1)))?.clone();
            let id = format!("up-{who}-{day}");
            page.session.edit(|data| {
                data.directive_updates.upsert(DirectiveUpdate {
                    id: id.as_str().into(),
                    created_at: now,
                    updated_at: now,
                    directive,
                    date: common::today() + Duration::days(day as i64),
                    reported_by: page.account.clone(),
                    text: format!("Báo cáo ngày {day} của {}", page.account),
                    document_ref: String::new(),
                    document_date: None,
                    status: None,
                })
            });
            Some(id)
        }
    }
}

#[test]
fn twenty_browsers_through_a_month_with_faults_end_in_step_and_nothing_is_lost() {
    let mut server = Server::start();
    server.set_admin();
    server.admin("DELETE", "/province", None);
    let office = common::sample();
    // The office's IT sets the database up: members, write rule, an account each.
    let units: Vec<&Unit> = office.units.iter().take(20 - OFFICERS).collect();
    let mut accounts: Vec<Account> = (0..OFFICERS)
        .map(|i| Account::officer(&format!("vp{i}"), "mat-khau"))
        .collect();
    accounts.extend(
        units
            .iter()
            .enumerate()
            .map(|(i, u)| Account::unit(&format!("donvi{i}"), "mat-khau", u.id.as_ref())),
    );
    for request in setup_requests("province", &accounts) {
        let body = request.body.clone();
        let (status, answer) = server.admin(request.method.as_str(), &request.path, body.as_ref());
        assert!(
            dondoc::domain::network::setup_done(status),
            "{} {status} {answer}",
            request.path
        );
    }
    let start = common::now();
    let mut pages: Vec<Page> = accounts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut session = Page::open(MemoryKv::default(), start);
            if i == 0 {
                session.edit(|data| data.add_missing(office.clone()));
            }
            Page {
                session,
                client: Client::new(&server),
                account: a.name.clone(),
                password: a.password.clone(),
                unit: (i >= OFFICERS).then(|| units[i - OFFICERS].id.clone()),
                replication_id: format!("dondoc-{i}"),
                settled: 0,
                refused: 0,
            }
        })
        .collect();
    // Each logs in and takes the office's data in (the first publishes it).
    for p in pages.iter_mut() {
        assert_eq!(
            p.sync(usize::MAX, true, start),
            Status::Done,
            "{}",
            p.account
        );
    }
    let mut rng = common::Lcg(38);
    let mut reports = Vec::new();
    let mut cut_runs = 0;
    for day in 1..=DAYS {
        let now = start + Duration::days(day as i64);
        for _ in 0..pages.len() {
            let who = rng.below(pages.len());
            let p = &mut pages[who];
            for _ in 0..rng.below(3) {
                if let Some(id) = change(p, &mut rng, day, who, now) {
                    reports.push(id);
                }
            }
            match rng.below(6) {
                0 => {
                    // The link drops mid-run: the answer is lost, the page goes on later.
                    cut_runs += 1;
                    p.sync(1 + rng.below(6), false, now);
                }
                1 => p.reopen(now),
                2 | 3 => p.synced(now),
                _ => {}
            }
            if rng.below(3) == 0 {
                p.settle(if rng.below(2) == 0 {
                    Side::Mine
                } else {
                    Side::Theirs
                });
            }
        }
    }
    // A unit tries to change an office record: refused, and the browser says why.
    let unit_page = OFFICERS;
    let mut project = pages[unit_page]
        .session
        .data()
        .projects
        .iter()
        .next()
        .unwrap()
        .clone();
    project.name = "Đơn vị sửa tên dự án".into();
    pages[unit_page]
        .session
        .edit(|data| data.projects.upsert(project.clone()));
    pages[unit_page].synced(start + Duration::days(DAYS as i64 + 1));
    assert_eq!(pages[unit_page].refused, 1);
    let reason = pages[unit_page]
        .session
        .sync_state()
        .refused()
        .next()
        .unwrap()
        .reason
        .clone();
    assert!(reason.starts_with("Đơn vị chỉ được ghi"), "{reason}");
    // The unit's officer puts the record back as the server has it: nothing more is sent.
    let original = office.projects.get(&project.id).unwrap().clone();
    pages[unit_page]
        .session
        .edit(|data| data.projects.upsert(original));

    // The end of the month: each in turn syncs, settles what came to it (the server's), and
    // syncs again, until nothing moves.
    let end = start + Duration::days(DAYS as i64 + 2);
    for _ in 0..3 {
        for p in pages.iter_mut() {
            p.synced(end);
            p.settle(Side::Theirs);
            p.synced(end);
        }
    }
    let first = pages[0].session.data().clone();
    for p in &mut pages {
        assert_eq!(
            p.session.sync_state().conflicts().count(),
            0,
            "{}",
            p.account
        );
        assert!(p.session.data() == &first, "{} holds other data", p.account);
    }
    // Every report a unit made is everywhere.
    for id in &reports {
        assert!(
            first.directive_updates.contains(&id.as_str().into()),
            "report {id} lost"
        );
    }
    // The server holds the same, with no conflicting leaf left.
    let (_, all) = server.admin(
        "GET",
        "/province/_all_docs?include_docs=true&conflicts=true",
        None,
    );
    let rows = all["rows"].as_array().unwrap();
    let docs: Vec<&Value> = rows
        .iter()
        .map(|r| &r["doc"])
        .filter(|d| !d["_id"].as_str().unwrap_or("_").starts_with('_'))
        .collect();
    assert_eq!(docs.len(), first.total_records());
    assert!(
        docs.iter().all(|d| d["_conflicts"].is_null()),
        "a conflicting leaf is left"
    );
    // Conflicts happened, and each came to an officer (none settled by the server alone).
    let settled: usize = pages.iter().map(|p| p.settled).sum();
    assert!(
        settled > 0,
        "a month of edits on shared records made no conflict"
    );
    println!(
        "{} browsers, {DAYS} days: {} reports, {cut_runs} runs cut, {settled} conflicts settled by officers",
        pages.len(),
        reports.len()
    );
}

/// Through the app's storage, a record two officers changed in different fields merges
/// without asking (the merge base was kept when each changed it), and the same field
/// changed on both sides is put to the officer with only that field.
#[test]
fn the_merge_base_kept_on_each_change_asks_only_about_fields_both_changed() {
    let mut server = Server::start();
    server.set_admin();
    server.admin("DELETE", "/bases", None);
    let accounts = [Account::officer("a", "pw"), Account::officer("b", "pw")];
    for request in setup_requests("bases", &accounts) {
        let body = request.body.clone();
        let (status, _) = server.admin(request.method.as_str(), &request.path, body.as_ref());
        assert!(dondoc::domain::network::setup_done(status));
    }
    let now = common::now();
    let page = |name: &str, data: Option<Dataset>| {
        let mut session = Page::open(MemoryKv::default(), now);
        if let Some(d) = data {
            session.edit(|x| x.add_missing(d));
        }
        Page {
            session,
            client: Client::new(&server),
            account: name.into(),
            password: "pw".into(),
            unit: None,
            replication_id: format!("r-{name}"),
            settled: 0,
            refused: 0,
        }
    };
    let mut a = page("a", Some(common::sample()));
    let mut b = page("b", None);
    for p in [&mut a, &mut b] {
        p.sync_db("bases", true, now);
    }
    let id = a
        .session
        .data()
        .directives
        .iter()
        .next()
        .unwrap()
        .id
        .clone();
    let edit = |p: &mut Page, f: &dyn Fn(&mut Directive)| {
        let mut d = p.session.data().directives.get(&id).unwrap().clone();
        f(&mut d);
        p.session.edit(|x| x.directives.upsert(d));
    };
    edit(&mut a, &|d| d.text = "Văn bản của A".into());
    edit(&mut b, &|d| d.label = "nhãn của B".into());
    a.sync_db("bases", false, now);
    b.sync_db("bases", false, now);
    assert_eq!(
        b.session.sync_state().conflicts().count(),
        0,
        "different fields merge"
    );
    let merged = b.session.data().directives.get(&id).unwrap().clone();
    assert_eq!(
        (merged.text.as_str(), merged.label.as_str()),
        ("Văn bản của A", "nhãn của B")
    );
    a.sync_db("bases", false, now);
    assert!(a.session.data() == b.session.data());
    // The same field on both sides: only it is asked about.
    edit(&mut a, &|d| d.text = "A lần hai".into());
    edit(&mut b, &|d| d.text = "B lần hai".into());
    a.sync_db("bases", false, now);
    b.sync_db("bases", false, now);
    let conflicts: Vec<_> = b.session.sync_state().conflicts().cloned().collect();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        conflicts[0].fields,
        vec!["text".to_owned()],
        "{:?}",
        conflicts[0].fields
    );
}
