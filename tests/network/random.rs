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

/// A small deterministic generator (no randomness crate for one test).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn random_edit(b: &mut Browser, rng: &mut Lcg, round: usize, who: usize) {
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
        let mut rng = Lcg(seed);
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
