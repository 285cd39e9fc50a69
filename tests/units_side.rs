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
        .map(|(u, r)| office.reply_intake(r, u, Some(now())))
        .chain([office.reply_intake(&stray, &b, Some(now()))])
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
    // Taken again: nothing new, and the intake says so in counts.
    let again = after.plan_import(&together, &base);
    assert!(!again.changes_anything());
    for (unit, reply) in &replies[..2] {
        let twice = after.reply_intake(reply, unit, Some(now()));
        assert!(twice.is_empty());
        assert_eq!(twice.already_held, 2);
    }
}

#[test]
fn a_reply_from_an_older_package_is_taken_and_said_so() {
    let mut office = sample();
    let unit = commune(&office, "UBND xã Mường Phăng");
    let sent = now();
    let mut mine = package(&office, &unit);
    let (first, _) = unit_reports(&mut mine, &unit, sent + Duration::hours(1));
    let reply = mine.unit_reply(&unit, sent);
    // Meanwhile the office changed a directive of the unit's list.
    let mut changed = office.directives.get(&first).unwrap().clone();
    changed.updated_at = sent + Duration::hours(2);
    changed.text.push_str(" (sửa)");
    office.directives.upsert(changed);
    let intake = office.reply_intake(&reply, &unit, Some(sent));
    assert_eq!(intake.changed_since_package, 1);
    // The unit's history of the item it asked more time on holds its request.
    let asked = reply.extension_requests.iter().next().unwrap();
    assert_eq!(mine.requests_on(&asked.directive), vec![asked]);
    assert_eq!(intake.taken.directive_updates.len(), 1);
    assert_eq!(intake.taken.extension_requests.len(), 1);
    // Without the package's date nothing is claimed.
    assert_eq!(
        office
            .reply_intake(&reply, &unit, None)
            .changed_since_package,
        0
    );
}

#[test]
fn a_units_browser_says_what_it_holds_and_never_province_figures() {
    use dondoc::domain::sharing::{office_tools_shown, province_figures_shown, MyUnit};
    let office = sample();
    let unit = commune(&office, "UBND xã Thanh Nưa");
    let mine = package(&office, &unit);
    let from_package = MyUnit::from_package(unit.clone(), now());
    let reporting = mine.reporting_unit(Some(&from_package));
    assert_eq!(reporting.map(|u| &u.id), Some(&unit));
    assert!(!office_tools_shown(reporting));
    assert!(!province_figures_shown(reporting, Some(&from_package)));
    // What the dashboard says is what the unit's page lists, in the package and at the
    // office alike.
    let held = mine.unit_holding(&unit, today(), 7);
    let (led, coordinated) = mine.owed_by(&unit, today());
    assert_eq!(held.directives, led.len() + coordinated.len());
    assert!(held.directives > 0 && held.conclusions > 0);
    assert_eq!(held, office.unit_holding(&unit, today(), 7));
    assert_eq!(held.led, Tally::of(led.iter().copied(), today(), 7));
    // Chosen in a browser with the whole data: office tools hidden, figures kept.
    let chosen = MyUnit::chosen(unit.clone(), now());
    let reporting = office.reporting_unit(Some(&chosen));
    assert!(!office_tools_shown(reporting));
    assert!(province_figures_shown(reporting, Some(&chosen)));
    // Another unit chosen in a package's browser: still only a part of the data.
    let other = MyUnit::chosen_after(
        Some(&from_package),
        commune(&office, "UBND xã Mường Phăng"),
        now(),
    );
    assert!(other.package_only);
    assert!(!MyUnit::chosen_after(Some(&chosen), unit.clone(), now()).package_only);
    // A unit no longer in the data: the browser is the office's again.
    let gone = MyUnit::chosen("no-such-unit".into(), now());
    assert!(office.reporting_unit(Some(&gone)).is_none());
    assert!(office_tools_shown(office.reporting_unit(Some(&gone))));
    assert!(province_figures_shown(None, Some(&gone)));
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
        package_at: None,
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

#[test]
fn every_unit_with_open_items_gets_its_package_and_a_cover_letter_saying_what_it_holds() {
    use dondoc::domain::documents::{
        package_cover_letter, package_paths, units_with_open_items, Block, DocLang, Owed,
    };
    use dondoc::domain::followup::ReportScope;
    let office = generate(Scale::PROVINCE, 1, today(), now());
    let units = units_with_open_items(&office, &ReportScope::Everything, today());
    assert!(units.len() > 20, "{}", units.len());
    // Exactly the units whose page lists an open item.
    for u in office.units.iter() {
        let (led, coordinated) = office.owed_by(&u.id, today());
        let open = led
            .iter()
            .chain(&coordinated)
            .any(|d| !d.state(today(), 7).is_closed());
        assert_eq!(open, units.contains(&&u.id), "{}", u.name);
    }
    let from = dondoc::domain::documents::Sending {
        office: dondoc::domain::documents::Office::named("Văn phòng", now()),
        body_kind: BodyKind::State,
        signer: None,
        number: Some(40),
    };
    let mut folders = std::collections::BTreeSet::new();
    for (nth, unit) in units.iter().take(30).enumerate() {
        let name = office.unit_name(unit);
        let file =
            dondoc::domain::sharing::file_name(&Scope::Unit((*unit).clone()), &name, today());
        let held = office.unit_holding(unit, today(), 7);
        let owed = Owed::of(&office, unit, today(), 7);
        let this = dondoc::domain::documents::Sending {
            number: from.number.map(|n| n + nth as u32),
            ..from.clone()
        };
        let letter = package_cover_letter(
            &office,
            &owed,
            today() + Days::new(7),
            &this,
            DocLang::Vi,
            (&file, held.directives),
        );
        let text: Vec<String> = letter
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.clone()),
                _ => None,
            })
            .collect();
        let attached = format!("«{file}» gồm {} nhiệm vụ của {name}", held.directives);
        assert!(text.iter().any(|p| p.contains(&attached)), "{text:?}");
        assert!(
            text.last().unwrap().starts_with("Đề nghị"),
            "the request stays last"
        );
        if owed.items.is_empty() {
            assert!(text[0].contains("không có nhiệm vụ quá hạn"), "{}", text[0]);
        }
        // The package carries what the letter counts.
        let package = package(&office, unit);
        assert_eq!(package.unit_holding(unit, today(), 7), held);
        let (json, docx) = package_paths(&file, "cong-van");
        assert!(json.ends_with(&file) && docx.ends_with(".docx"));
        assert!(
            folders.insert(json.split('/').next().unwrap().to_owned()),
            "one folder per unit"
        );
    }
}
