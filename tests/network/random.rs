//! Four browsers editing the same records at random, syncing at random, some runs cut
//! partway: once each has settled what was put to it and synced in turn, all hold the
//! same data and the server no conflicting leaf. (A small forerunner of issue 38's
//! twenty-client simulation.)

use dondoc::domain::network::Side;
use dondoc::domain::*;
use serde_json::Value;

use super::browser::Browser;
use super::server::Server;
use super::{common, doc};

fn random_edit(b: &mut Browser, rng: &mut common::Lcg, round: usize, who: usize) {
    match rng.below(4) {
        0 | 1 => {
            let Some(mut d) = b.data.directives.iter().nth(rng.below(4)).cloned() else {
                return;
            };
            if rng.below(2) == 0 {
                d.text = format!("vòng {round}, người {who}");
            } else {
                d.label = format!("{round}.{who}");
            }
            b.edit(|data| data.directives.upsert(d));
        }
        2 => {
            let Some(mut u) = b.data.directive_updates.iter().next().cloned() else {
                return;
            };
            u.id = DirectiveUpdateId::from(format!("rand-{round}-{who}"));
            u.text = format!("Báo cáo vòng {round}");
            b.edit(|data| data.directive_updates.upsert(u));
        }
        _ => {
            let gone = b
                .data
                .directive_updates
                .iter()
                .nth(rng.below(3))
                .map(|u| u.id.clone());
            if let Some(gone) = gone {
                b.edit(|data| {
                    data.directive_updates.remove(&gone);
                });
            }
        }
    }
}

#[test]
fn browsers_editing_and_syncing_at_random_end_in_step() {
    let server = Server::start();
    // Tried with 5 browsers, 80 rounds and 61 seeds while writing it (about a minute).
    for seed in 1..=3u64 {
        let db = format!("random-{seed}");
        server.create(&db);
        let mut rng = common::Lcg(seed);
        let mut browsers = vec![Browser::new(&server, &db, "0", common::sample())];
        browsers[0].synced();
        for who in 1..4 {
            let mut b = Browser::new(&server, &db, &who.to_string(), Dataset::default());
            b.synced();
            browsers.push(b);
        }
        for round in 0..50 {
            let who = rng.below(4);
            let b = &mut browsers[who];
            random_edit(b, &mut rng, round, who);
            if rng.below(2) == 0 {
                let answers = rng.below(8);
                b.sync_cut(answers);
            }
            if rng.below(3) == 0 {
                let open: Vec<String> = b.state.conflicts().map(|c| c.id.clone()).collect();
                let side = if rng.below(2) == 0 {
                    Side::Mine
                } else {
                    Side::Theirs
                };
                for id in open {
                    b.state.resolve(&mut b.data, &id, &|_| side).unwrap();
                }
            }
        }
        // Each in turn: sync, settle what was put to it (taking the other side's, so the
        // turns end), sync again; twice round.
        for _ in 0..3 {
            for b in browsers.iter_mut() {
                b.synced();
                let open: Vec<String> = b.state.conflicts().map(|c| c.id.clone()).collect();
                for id in open {
                    b.state
                        .resolve(&mut b.data, &id, &|_| Side::Theirs)
                        .unwrap();
                }
                b.synced();
            }
        }
        for b in &browsers {
            assert!(b.state.conflicts.is_empty(), "seed {seed}");
            assert!(b.data == browsers[0].data, "seed {seed}");
        }
        for d in browsers[0].data.directives.iter() {
            let (_, stored) = doc(&server, &db, d.id.as_str());
            assert_eq!(stored["_conflicts"], Value::Null, "seed {seed}: {stored}");
        }
    }
}

/// What the random runs above found: two browsers settling the same conflict the same way
/// make the same revision, so the second one's result changes nothing on the server; a
/// change made meanwhile on top of the first result must still reach the second browser.
#[test]
fn a_result_already_on_the_server_does_not_strand_the_browser_that_made_it_again() {
    let server = Server::start();
    server.create("same");
    let mut a = Browser::new(&server, "same", "a", common::sample());
    a.synced();
    let mut b = Browser::new(&server, "same", "b", Dataset::default());
    let mut c = Browser::new(&server, "same", "c", Dataset::default());
    b.synced();
    c.synced();
    let d = a.data.directives.iter().next().unwrap().id.clone();
    let edit = |x: &mut Browser, text: &str| {
        let mut directive = x.data.directives.get(&d).unwrap().clone();
        directive.text = text.into();
        x.edit(|data| data.directives.upsert(directive));
    };
    // A and B send children of the same revision: two leaves.
    edit(&mut a, "A");
    edit(&mut b, "B");
    let (run, request) = b.run_until(|r| r.path.ends_with("_revs_diff"));
    a.synced();
    b.resume(run, request);
    // B and C each find the conflict; B settles it and sends its result.
    assert_eq!(b.synced().conflicts, 1);
    assert_eq!(c.synced().conflicts, 1);
    // Both keep A's text, whichever side it is on there.
    let keep_a = |x: &mut Browser| {
        let conflict = x.state.conflicts.get(d.as_str()).unwrap();
        let side = if conflict.theirs.as_ref().unwrap()["text"] == "A" {
            Side::Theirs
        } else {
            Side::Mine
        };
        x.state.resolve(&mut x.data, d.as_str(), &|_| side).unwrap();
    };
    keep_a(&mut b);
    b.synced();
    // A changes the record again on top of B's result, while C still has it open.
    a.synced();
    edit(&mut a, "A, sau khi B quyết định");
    a.synced();
    c.synced();
    // C settles it as B did: the same revision, already there.
    keep_a(&mut c);
    c.synced();
    c.synced();
    b.synced();
    assert_eq!(
        c.data.directives.get(&d).unwrap().text,
        "A, sau khi B quyết định"
    );
    assert!(c.data == a.data && b.data == a.data);
}
