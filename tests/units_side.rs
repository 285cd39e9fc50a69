//! Issue 37, the units' side of a round trip by file: the office sends each unit its
//! package, the unit records progress and asks for more time, its reply carries only that,
//! and the office takes several replies in at once, keeping from each only what the unit may
//! say about its own list.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, Days, Duration, Utc};
use common::{now, sample, today};
use dondoc::domain::followup::ExtensionRequest;
use dondoc::domain::generate::{generate, Scale};
use dondoc::domain::sharing::{replies_together, Scope, SyncBase};
use dondoc::domain::*;

fn package(office: &Dataset, unit: &UnitId) -> Dataset {
    office.select(&Scope::Unit(unit.clone())).0
}

fn commune(data: &Dataset, name: &str) -> UnitId {
    data.unit_named(name).unwrap().id.clone()
}

/// The unit reports on its most urgent item and asks more time on another.
fn unit_reports(
    mine: &mut Dataset,
    unit: &UnitId,
    at: DateTime<Utc>,
) -> (DirectiveId, DirectiveId) {
    let (led, _) = mine.owed_by(unit, today());
    let first = led[0].id.clone();
    let second = led.get(1).map_or(first.clone(), |d| d.id.clone());
    mine.directive_updates.upsert(DirectiveUpdate {
        id: format!("up-{unit}").into(),
        created_at: at,
        updated_at: at,
        directive: first.clone(),
        date: today(),
        reported_by: "Cán bộ xã".into(),
        text: "Đã hoàn thành kiểm đếm".into(),
        document_ref: "Báo cáo số 12/BC-UBND".into(),
        document_date: Some(today()),
        status: None,
    });
    mine.extension_requests.upsert(ExtensionRequest {
        id: format!("rq-{unit}").into(),
        created_at: at,
        updated_at: at,
        directive: second.clone(),
        unit: unit.clone(),
        asked_on: today(),
        until: today() + Days::new(45),
        reason: "Chờ phê duyệt phương án".into(),
        document_ref: String::new(),
        decision: None,
    });
    (first, second)
}

#[test]
fn a_units_package_carries_everything_its_page_lists() {
    for data in [sample(), generate(Scale::PROVINCE, 1, today(), now())] {
        for u in data.units.iter() {
            let (led, coordinated) = data.owed_by(&u.id, today());
            let list = data.unit_list(&u.id);
            assert!(
                led.iter().chain(&coordinated).all(|d| list.contains(&d.id)),
                "{}: the package misses what its page lists",
                u.name
            );
        }
    }
}

#[test]
fn two_communes_reply_and_the_office_takes_both_in_at_once() {
    let office = sample();
    let (a, b) = (
        commune(&office, "UBND xã Mường Phăng"),
        commune(&office, "UBND xã Thanh Nưa"),
    );
    let made = now();
    let mut replies = Vec::new();
    for unit in [&a, &b] {
        let mut mine = package(&office, unit);
        unit_reports(&mut mine, unit, made + Duration::hours(2));
        let reply = mine.unit_reply(unit, made);
        // Only what the unit added: one update and one request.
        assert_eq!(reply.total_records(), 2, "{reply:?}");
        replies.push((unit.clone(), reply));
    }
    // The same reply dropped twice, and a reply claiming another unit's item.
    replies.push(replies[0].clone());
    let mut stray = replies[1].1.clone();
    let elsewhere = office
        .directives
        .iter()
        .find(|d| !office.unit_list(&b).contains(&d.id))
        .unwrap()
        .id
        .clone();
    let mut wrong = stray.directive_updates.iter().next().unwrap().clone();
    wrong.id = "up-stray".into();
    wrong.directive = elsewhere;
    stray.directive_updates.upsert(wrong);
    let intakes: Vec<_> = replies
        .iter()
        .map(|(u, r)| office.reply_intake(r, u))
        .chain([office.reply_intake(&stray, &b)])
        .collect();
    assert_eq!(
        intakes.last().unwrap().outside_list,
        1,
        "nothing outside the list is taken"
    );
    let together = replies_together(&intakes);
    assert_eq!(together.directive_updates.len(), 2);
    assert_eq!(together.extension_requests.len(), 2);

    // One preview, no invented conflict, one apply.
    let mut after = office.clone();
    let mut base = SyncBase::default();
    let plan = after.plan_import(&together, &base);
    assert_eq!(plan.conflicts().count(), 0);
    after
        .apply_import(&together, &plan, &|_| None, &mut base)
        .unwrap();
    assert_eq!(after.waiting_requests().len(), 2);
    // What each commune saw is what the office now holds for it.
    for (unit, reply) in &replies[..2] {
        for u in reply.directive_updates.iter() {
            assert_eq!(after.directive_updates.get(&u.id), Some(u));
        }
        assert!(after.waiting_requests().iter().any(|r| &r.unit == unit));
    }
    // Taken again: nothing new.
    let again = after.plan_import(&together, &base);
    assert!(!again.changes_anything());
}

#[test]
fn a_reply_is_told_from_a_package_by_what_it_holds() {
    use dondoc::domain::sharing::{reply_of, ExportFile, ExportInfo, Officer};
    let office = sample();
    let unit = commune(&office, "UBND xã Mường Phăng");
    let mut mine = package(&office, &unit);
    unit_reports(&mut mine, &unit, now() + Duration::hours(1));
    let info = |scope: Scope| ExportInfo {
        app_version: "test".into(),
        exported_at: now(),
        exported_by: Officer::default(),
        scope,
        scope_label: String::new(),
        based_on: Default::default(),
    };
    let file = |data: &Dataset, scope: Scope| {
        let text = serde_json::to_string(&ExportFile {
            data,
            export: &info(scope),
        })
        .unwrap();
        dondoc::domain::sharing::parse_dataset(&text).unwrap()
    };
    let reply = mine.unit_reply(&unit, now());
    assert_eq!(
        reply_of(&file(&reply, Scope::Unit(unit.clone()))),
        Some(unit.clone())
    );
    assert_eq!(
        reply_of(&file(&package(&office, &unit), Scope::Unit(unit.clone()))),
        None
    );
    assert_eq!(reply_of(&file(&reply, Scope::All)), None);
}
