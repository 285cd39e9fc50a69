//! The merge's promises, on the sample and on generated edits: import twice = once, the order
//! of non-conflicting imports does not matter, export then import into an empty store gives
//! the same data, and a conflict is never settled without a choice.

use chrono::Duration;
use proptest::prelude::*;

use super::*;
use crate::domain::sample::fixture::{edit_directive as edit, now, sample};
use crate::domain::{Field, RecordedStatus};

fn import(
    into: &mut Dataset,
    file: &Dataset,
    base: &mut SyncBase,
    resolution: Option<Resolution>,
) -> Result<Applied, Unresolved> {
    let plan = into.plan_import(file, base);
    into.apply_import(file, &plan, &|_| resolution, base)
}

#[test]
fn a_round_trip_between_two_officers_loses_nothing() {
    let (a_data, _) = sample();
    let mut a = a_data.clone();
    let mut a_base = SyncBase::default();
    // A exports everything; B, empty, imports it.
    a_base.record_all(&a);
    let mut b = Dataset::default();
    let mut b_base = SyncBase::default();
    let plan = b.plan_import(&a, &b_base);
    assert_eq!(plan.count(Change::New), plan.entries.len());
    import(&mut b, &a, &mut b_base, None).unwrap();
    assert_eq!(
        b, a,
        "export then import into an empty store gives equal data"
    );

    // B records progress; A edits another directive meanwhile.
    edit(&mut b, 0, "B: đã hoàn thành kiểm đếm", 5);
    edit(&mut a, 1, "A: sửa nội dung", 6);
    b_base.record_all(&b);
    let plan = a.plan_import(&b, &a_base);
    assert_eq!(plan.count(Change::Theirs), 1, "B's edit is taken");
    assert_eq!(plan.count(Change::Mine), 1, "A's own edit is kept");
    assert_eq!(plan.count(Change::Conflict), 0);
    let theirs = plan
        .entries
        .iter()
        .find(|e| e.change == Change::Theirs)
        .unwrap();
    assert_eq!(theirs.fields.len(), 1);
    assert_eq!(theirs.fields[0].field, "text");
    import(&mut a, &b, &mut a_base, None).unwrap();
    assert!(a
        .directives
        .iter()
        .any(|d| d.text == "B: đã hoàn thành kiểm đếm"));
    assert!(a.directives.iter().any(|d| d.text == "A: sửa nội dung"));

    // Both edit the same directive: a conflict, shown field by field, settled only by choice.
    edit(&mut a, 2, "A: phiên bản của A", 10);
    edit(&mut b, 2, "B: phiên bản của B", 11);
    b_base.record_all(&b);
    let before = a.clone();
    let plan = a.plan_import(&b, &a_base);
    let conflict = plan.conflicts().next().expect("a conflict");
    assert_eq!(conflict.fields[0].mine, "A: phiên bản của A");
    assert_eq!(conflict.fields[0].theirs, "B: phiên bản của B");
    let err = import(&mut a, &b, &mut a_base.clone(), None).unwrap_err();
    assert_eq!(err.0.len(), 1);
    assert_eq!(a, before, "an unsettled conflict changes nothing");
    import(&mut a, &b, &mut a_base, Some(Resolution::NewerWins)).unwrap();
    assert!(a.directives.iter().any(|d| d.text == "B: phiên bản của B"));
}

#[test]
fn keeping_mine_reaches_the_other_side_next_time() {
    let (data, _) = sample();
    let (mut a, mut b) = (data.clone(), data.clone());
    let (mut a_base, mut b_base) = (SyncBase::default(), SyncBase::default());
    a_base.record_all(&a);
    b_base.record_all(&b);
    edit(&mut a, 3, "A", 1);
    edit(&mut b, 3, "B", 2);
    let b_file = b.clone();
    b_base.record_all(&b_file);
    import(&mut a, &b_file, &mut a_base, Some(Resolution::KeepMine)).unwrap();
    assert!(a.directives.iter().any(|d| d.text == "A"));
    // A sends back; B sees only A's side changed since B's file, and takes it.
    let a_file = a.clone();
    a_base.record_all(&a_file);
    let plan = b.plan_import(&a_file, &b_base);
    assert_eq!(plan.count(Change::Conflict), 0);
    assert_eq!(plan.count(Change::Theirs), 1);
    import(&mut b, &a_file, &mut b_base, None).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_status_change_and_new_updates_travel() {
    let (data, _) = sample();
    let mut b = data.clone();
    let mut a = data.clone();
    let mut a_base = SyncBase::default();
    a_base.record_all(&a);
    let id = b.directives.iter().next().unwrap().id.clone();
    let mut d = b.directives.get(&id).unwrap().clone();
    d.status = RecordedStatus::InProgress {};
    d.updated_at = now() + Duration::hours(1);
    b.directives.upsert(d);
    let plan = a.plan_import(&b, &a_base);
    assert_eq!(plan.count(Change::Theirs), 1);
    assert_eq!(plan.untouched, 0);
    import(&mut a, &b, &mut a_base, None).unwrap();
    assert_eq!(
        a.directives.get(&id).unwrap().status,
        RecordedStatus::InProgress {}
    );
}

#[test]
fn a_selection_is_checked_against_the_data_it_joins() {
    let (data, _) = sample();
    let conclusion = data.conclusions.iter().next().unwrap().id.clone();
    let (mut file, _) = data.select(&crate::domain::sharing::share::Scope::Conclusion(
        conclusion,
    ));
    assert!(data.check_import(&file).is_empty());
    assert!(
        Dataset::default().check_import(&file).is_empty(),
        "a selection stands alone"
    );
    // A directive pointing at a unit found nowhere is named with its field.
    let mut d = file.directives.iter().next().unwrap().clone();
    d.lead_unit = Some("no-such-unit".to_owned().into());
    file.directives.upsert(d);
    file.units = Default::default();
    let errors = Dataset::default().check_import(&file);
    assert!(
        errors.iter().any(|e| e.field == Field::LeadUnit),
        "{errors:?}"
    );
}

#[test]
fn a_record_with_an_empty_id_is_refused_as_the_schema_refuses_it() {
    let (data, _) = sample();
    let mut file = Dataset::default();
    let mut unit = data.units.iter().next().unwrap().clone();
    unit.id = String::new().into();
    file.units.upsert(unit);
    let errors = data.check_import(&file);
    assert!(
        errors.iter().any(|e| e.field == Field::Id
            && e.problem == crate::domain::sharing::validate::Problem::Empty),
        "{errors:?}"
    );
}

/// Edits as (directive index, text, minutes after now).
fn edits() -> impl Strategy<Value = Vec<(usize, String, i64)>> {
    proptest::collection::vec((0usize..40, "[a-z ]{1,12}", 0i64..600), 0..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn importing_twice_is_importing_once(mine in edits(), theirs in edits(), pick in 0u8..3) {
        let (data, _) = sample();
        let (mut a, mut b) = (data.clone(), data);
        let mut base = SyncBase::default();
        base.record_all(&a);
        for (n, t, m) in &mine { edit(&mut a, *n, t, *m); }
        for (n, t, m) in &theirs { edit(&mut b, *n, t, *m); }
        let resolution = [Resolution::KeepMine, Resolution::TakeTheirs, Resolution::NewerWins][pick as usize];
        import(&mut a, &b, &mut base, Some(resolution)).unwrap();
        let once = a.clone();
        let plan = a.plan_import(&b, &base);
        prop_assert!(!plan.changes_anything());
        import(&mut a, &b, &mut base, None).unwrap();
        prop_assert_eq!(a, once);
    }

    #[test]
    fn the_order_of_non_conflicting_imports_does_not_matter(
        first in edits(), second in edits()
    ) {
        let (data, _) = sample();
        // Two colleagues edit disjoint directives (even and odd indexes) of the same data.
        let (mut x, mut y) = (data.clone(), data.clone());
        let half = data.directives.len() / 2;
        for (n, t, m) in &first { edit(&mut x, (n % half) * 2, t, *m); }
        for (n, t, m) in &second { edit(&mut y, (n % half) * 2 + 1, t, *m); }
        let mut base = SyncBase::default();
        base.record_all(&data);
        let (mut one, mut one_base) = (data.clone(), base.clone());
        import(&mut one, &x, &mut one_base, None).unwrap();
        import(&mut one, &y, &mut one_base, None).unwrap();
        let (mut two, mut two_base) = (data, base);
        import(&mut two, &y, &mut two_base, None).unwrap();
        import(&mut two, &x, &mut two_base, None).unwrap();
        prop_assert_eq!(one, two);
    }

    #[test]
    fn a_conflict_is_never_settled_silently(mine in edits(), theirs in edits()) {
        let (data, _) = sample();
        let (mut a, mut b) = (data.clone(), data.clone());
        let mut base = SyncBase::default();
        base.record_all(&data);
        for (n, t, m) in &mine { edit(&mut a, *n, &format!("a{t}"), *m); }
        for (n, t, m) in &theirs { edit(&mut b, *n, &format!("b{t}"), *m); }
        let plan = a.plan_import(&b, &base);
        let before = a.clone();
        let result = a.apply_import(&b, &plan, &|_| None, &mut base.clone());
        if plan.count(Change::Conflict) > 0 {
            prop_assert!(result.is_err());
            prop_assert_eq!(&a, &before);
        }
        // Every record both sides changed is a conflict.
        for e in &plan.entries {
            let both = mine.iter().any(|(n, ..)| a.directives.iter().nth(n % 40).is_some_and(|d| d.id.to_string() == e.id))
                && theirs.iter().any(|(n, ..)| b.directives.iter().nth(n % 40).is_some_and(|d| d.id.to_string() == e.id));
            let same = before.directives.iter().find(|d| d.id.to_string() == e.id) == b.directives.iter().find(|d| d.id.to_string() == e.id);
            if both && !same {
                prop_assert_eq!(e.change, Change::Conflict);
            }
        }
    }
}

/// A file damaged the ways files get damaged: cut short, a value of the wrong type, a field
/// removed, a record repeated, a huge number, bytes replaced.
fn damage(text: &str, how: u8, at: usize, junk: &str) -> String {
    let at = at % text.len().max(1);
    let at = (0..=at)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    match how % 6 {
        0 => text[..at].to_owned(),
        1 => text.replacen("\"text\":", "\"text\":12345,\"x\":", 1),
        2 => text.replacen("\"created_at\"", "\"created_at_removed\"", 1),
        3 => {
            let start = text.find("\"directives\":[").map(|i| i + 14).unwrap_or(0);
            let end = text[start..]
                .find("},{")
                .map(|i| start + i + 1)
                .unwrap_or(start);
            format!("{}{},{}", &text[..start], &text[start..end], &text[start..])
        }
        4 => text.replacen(
            "\"households_total\":",
            "\"households_total\":1e400,\"y\":",
            1,
        ),
        _ => format!("{}{junk}{}", &text[..at], &text[at..]),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn damaged_files_never_panic_and_change_nothing(how in 0u8..6, at in 0usize..200_000, junk in "\\PC{0,8}") {
        let (data, _) = sample();
        let text = damage(&serde_json::to_string(&data).unwrap(), how, at, &junk);
        let mut local = data.clone();
        local.directives.upsert({
            let mut d = local.directives.iter().next().unwrap().clone();
            d.text = "sửa tại máy này".into();
            d
        });
        let before = local.clone();
        let base = SyncBase::default();
        if let Ok(loaded) = crate::domain::parse_dataset(&text) {
            let _ = crate::domain::validate(&loaded.dataset);
            let plan = local.plan_import(&loaded.dataset, &base);
            // Without the officer's choices, nothing that conflicts is taken.
            let _ = local.apply_import(&loaded.dataset, &plan, &|_| None, &mut base.clone());
            if plan.count(Change::Conflict) > 0 {
                prop_assert_eq!(&local, &before);
            }
        } else {
            prop_assert_eq!(&local, &before);
        }
    }
}

#[test]
fn directives_and_updates_are_named_with_their_conclusion() {
    let (data, _) = sample();
    let plan = Dataset::default().plan_import(&data, &SyncBase::default());
    let names: Vec<String> = plan
        .entries
        .iter()
        .filter(|e| matches!(e.kind, RecordKind::Directive | RecordKind::DirectiveUpdate))
        .map(|e| Dataset::default().entry_name(e, &data))
        .collect();
    assert!(names.iter().any(|n| n == "16-KL/BCĐ · 3.1"), "{names:?}");
    assert!(names
        .iter()
        .any(|n| n.starts_with("16-KL/BCĐ · ") && n.matches(" · ").count() == 2));
}

/// One officer's day: phoned-in reports on some directives (some changing the status), and
/// now and then a corrected directive text.
fn a_day_of_follow_up(data: &mut Dataset, who: &str, day: i64, picks: &[(usize, bool)]) {
    use crate::domain::{DirectiveUpdate, DirectiveUpdateId, RecordedStatus};
    let ids: Vec<_> = data.directives.iter().map(|d| d.id.clone()).collect();
    for (k, (n, edit_text)) in picks.iter().enumerate() {
        let at = now() + Duration::days(day) + Duration::minutes(k as i64);
        let directive = ids[n % ids.len()].clone();
        let update = DirectiveUpdate {
            id: DirectiveUpdateId(format!("{who}-{day}-{k}")),
            created_at: at,
            updated_at: at,
            directive: directive.clone(),
            date: at.date_naive(),
            reported_by: who.to_owned(),
            text: format!("{who} ngày {day}: báo cáo {k}"),
            document_ref: String::new(),
            document_date: None,
            status: (k % 3 == 0).then_some(RecordedStatus::InProgress {}),
        };
        data.record_update(update, at);
        if *edit_text {
            let mut d = data.directives.get(&directive).unwrap().clone();
            d.text = format!("{who} sửa ngày {day}");
            d.updated_at = at;
            data.directives.upsert(d);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Two officers pass the whole file back and forth for a month, each recording reports
    /// every day and sometimes correcting the same directive: no report is ever lost, every
    /// conflict is put to them (settled here by "newer wins"), and after the last exchange
    /// both hold the same data.
    #[test]
    fn a_month_of_passing_one_file_back_and_forth_loses_no_update(
        days in prop::collection::vec(
            (prop::collection::vec((0usize..12, prop::bool::weighted(0.2)), 0..4),
             prop::collection::vec((0usize..12, prop::bool::weighted(0.2)), 0..4),
             0u8..3),
            30)
    ) {
        let (start, _) = sample();
        let (mut a, mut b) = (start.clone(), start);
        let (mut a_base, mut b_base) = (SyncBase::default(), SyncBase::default());
        let mut written = 0;
        for (day, (a_picks, b_picks, exchange)) in days.iter().enumerate() {
            let day = day as i64;
            a_day_of_follow_up(&mut a, "A", day, a_picks);
            a_day_of_follow_up(&mut b, "B", day, b_picks);
            written += a_picks.len() + b_picks.len();
            // Some days A sends to B, some days B to A, some days nothing.
            let (from, to, from_base, to_base) = match exchange {
                0 => (&a, &mut b, &mut a_base, &mut b_base),
                1 => (&b, &mut a, &mut b_base, &mut a_base),
                _ => continue,
            };
            let based_on = from_base.based_on(from);
            from_base.record_all(from);
            let file = from.clone();
            let plan = to.plan_import_from(&file, to_base, Some(&based_on));
            let conflicts = plan.count(Change::Conflict);
            let settled = to.apply_import(&file, &plan, &|_| None, &mut to_base.clone());
            prop_assert_eq!(settled.is_err(), conflicts > 0, "a conflict is never settled silently");
            to.apply_import(&file, &plan, &|_| Some(Resolution::NewerWins), to_base).unwrap();
        }
        // The last exchange both ways.
        let based_on = a_base.based_on(&a);
        a_base.record_all(&a);
        let plan = b.plan_import_from(&a, &b_base, Some(&based_on));
        b.apply_import(&a, &plan, &|_| Some(Resolution::NewerWins), &mut b_base).unwrap();
        let based_on = b_base.based_on(&b);
        b_base.record_all(&b);
        let plan = a.plan_import_from(&b, &a_base, Some(&based_on));
        a.apply_import(&b, &plan, &|_| Some(Resolution::NewerWins), &mut a_base).unwrap();
        let updates = |d: &Dataset| d.directive_updates.iter().filter(|u| u.reported_by == "A" || u.reported_by == "B").count();
        prop_assert_eq!(updates(&a), written, "every report of either officer is in A's data");
        prop_assert_eq!(&a, &b, "both hold the same data");
    }
}

#[test]
fn a_backup_export_never_turns_a_change_made_on_both_sides_into_a_silent_overwrite() {
    let (start, _) = sample();
    let (mut a, mut b) = (start.clone(), start.clone());
    let (mut a_base, mut b_base) = (SyncBase::default(), SyncBase::default());
    a_base.record_all(&start);
    b_base.record_all(&start);
    // A corrects directive 2, then exports everything as a backup no one receives.
    edit(&mut a, 2, "A: sửa rồi sao lưu", 5);
    a_base.record_all(&a);
    // B corrects the same directive and sends A the file, saying what it started from.
    edit(&mut b, 2, "B: sửa khác", 6);
    let based_on = b_base.based_on(&b);
    let plan = a.plan_import_from(&b, &a_base, Some(&based_on));
    assert_eq!(plan.count(Change::Conflict), 1, "shown, not taken");
    assert_eq!(plan.count(Change::Theirs), 0);
    // Without what the file says, the backup would have made it look like B's change only.
    assert_eq!(a.plan_import(&b, &a_base).count(Change::Theirs), 1);
    // And when A did not touch it, B's change is taken.
    let (mut c, mut c_base) = (start.clone(), SyncBase::default());
    c_base.record_all(&c);
    let plan = c.plan_import_from(&b, &c_base, Some(&based_on));
    assert_eq!(plan.count(Change::Theirs), 1);
    assert_eq!(plan.count(Change::Conflict), 0);
    import(&mut c, &b, &mut c_base, None).unwrap();
}

/// The data with `file`'s records in place of its own (each conflict taken as the file's).
fn taken_whole(data: &Dataset, file: &Dataset) -> Dataset {
    let mut merged = data.clone();
    let plan = merged.plan_import(file, &SyncBase::default());
    let mut base = SyncBase::default();
    merged
        .apply_import(file, &plan, &|_| Some(Resolution::TakeTheirs), &mut base)
        .unwrap();
    merged
}

fn sorted(errors: Vec<crate::domain::sharing::validate::ValidationError>) -> Vec<String> {
    let mut out: Vec<String> = errors.iter().map(|e| format!("{e:?}")).collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Checking only the file's records finds what checking the whole data once the file is
    /// in would find about them.
    #[test]
    fn checking_a_file_alone_finds_what_the_whole_merged_data_shows_of_its_records(
        picks in proptest::collection::vec((0usize..60, 0u8..4), 1..12)
    ) {
        let (data, _) = sample();
        let mut file = Dataset::default();
        for (n, how) in picks {
            let directives: Vec<_> = data.directives.iter().cloned().collect();
            let mut d = directives[n % directives.len()].clone();
            match how {
                0 => d.lead_unit = Some("khong-co".to_owned().into()),
                1 => d.text = " ".into(),
                2 => d.conclusion = "kl-khong-co".to_owned().into(),
                _ => d.updated_at = now() + Duration::minutes(n as i64 + 1),
            }
            file.directives.upsert(d);
            let updates: Vec<_> = data.directive_updates.iter().cloned().collect();
            if let Some(u) = updates.get(n % updates.len().max(1)) {
                let mut u = u.clone();
                u.text = format!("Cập nhật {n}");
                u.updated_at = now() + Duration::minutes(1);
                file.directive_updates.upsert(u);
            }
        }
        let merged = taken_whole(&data, &file);
        let ids: Vec<String> = file.directives.iter().map(|d| d.id.to_string())
            .chain(file.directive_updates.iter().map(|u| u.id.to_string())).collect();
        let whole = crate::domain::sharing::validate::validate(&merged)
            .into_iter()
            .filter(|e| ids.contains(&e.id))
            .collect();
        prop_assert_eq!(sorted(data.check_import(&file)), sorted(whole));
    }
}

#[test]
fn a_directive_number_taken_here_by_another_directive_is_named_on_the_files_one() {
    let (data, _) = sample();
    let mut taken = data.directives.iter();
    let here = taken.next().unwrap();
    let mut copy = taken
        .find(|d| d.conclusion == here.conclusion)
        .unwrap()
        .clone();
    copy.path = here.path.clone();
    let mut file = Dataset::default();
    file.directives.upsert(copy.clone());
    let errors = data.check_import(&file);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        (errors[0].id.as_str(), errors[0].field),
        (copy.id.as_ref(), Field::Path)
    );
}

/// A colleague marks an item done; a minute later this officer records "còn 3 hộ" in an
/// update of the same item, with or without a status: taken silently, the item would read
/// done while its latest update says three households are left.
#[test]
fn a_status_changed_there_and_an_update_recorded_here_are_a_conflict() {
    use crate::domain::{DirectiveUpdate, DirectiveUpdateId};
    for status in [Some(RecordedStatus::InProgress {}), None] {
        let (start, today) = sample();
        let (mut a, mut b) = (start.clone(), start.clone());
        let (mut a_base, mut b_base) = (SyncBase::default(), SyncBase::default());
        a_base.record_all(&start);
        b_base.record_all(&start);
        let id = start
            .directives
            .iter()
            .find(|d| d.status == RecordedStatus::InProgress {})
            .unwrap()
            .id
            .clone();
        let mut done = b.directives.get(&id).unwrap().clone();
        done.status = RecordedStatus::Done { on: today };
        done.updated_at = now() + Duration::minutes(1);
        b.directives.upsert(done);
        let at = now() + Duration::minutes(2);
        a.record_update(
            DirectiveUpdate {
                id: DirectiveUpdateId("a-con-3-ho".into()),
                created_at: at,
                updated_at: at,
                directive: id.clone(),
                date: today,
                reported_by: "A".into(),
                text: "Đang thực hiện – còn 3 hộ".into(),
                document_ref: String::new(),
                document_date: None,
                status: status.clone(),
            },
            at,
        );
        let based_on = b_base.based_on(&b);
        let plan = a.plan_import_from(&b, &a_base, Some(&based_on));
        let entry = plan
            .entries
            .iter()
            .find(|e| e.id == id.to_string())
            .expect("the directive is in the plan");
        assert_eq!(entry.change, Change::Conflict, "{status:?}");
        assert!(entry.fields.iter().any(|f| f.field == "status"));
        // Settled by the usual choice.
        a.apply_import(&b, &plan, &|_| Some(Resolution::KeepMine), &mut a_base)
            .unwrap();
        assert_eq!(
            a.directives.get(&id).unwrap().status,
            status.unwrap_or(RecordedStatus::InProgress {})
        );
    }
}

/// An update recorded here before the colleague's change was already exchanged: their
/// status change is theirs alone and is taken.
#[test]
fn a_status_changed_there_after_every_update_here_was_exchanged_is_taken() {
    let (start, today) = sample();
    let (a, mut b) = (start.clone(), start.clone());
    let mut base = SyncBase::default();
    base.record_all(&start);
    let id = start
        .directives
        .iter()
        .find(|d| d.status == RecordedStatus::InProgress {})
        .unwrap()
        .id
        .clone();
    let mut done = b.directives.get(&id).unwrap().clone();
    done.status = RecordedStatus::Done { on: today };
    done.updated_at = now() + Duration::minutes(1);
    b.directives.upsert(done);
    let plan = a.plan_import(&b, &base);
    assert_eq!(plan.count(Change::Theirs), 1);
    assert_eq!(plan.count(Change::Conflict), 0);
}
