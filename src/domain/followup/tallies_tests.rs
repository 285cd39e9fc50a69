//! The tallies against the sample: per unit, per conclusion, what falls due, the coming
//! meeting.

use super::*;
use crate::domain::sample::fixture::sample;

#[test]
fn units_with_overdue_work_come_first() {
    let (data, today) = sample();
    let units = data.tally_by_unit(today, 7);
    assert!(!units.is_empty());
    assert!(units[0].1.overdue >= units.last().unwrap().1.overdue);
    let total: usize = units
        .iter()
        .map(|(_, t)| t.total + t.transferred + t.cancelled)
        .sum();
    let led = data
        .followed()
        .iter()
        .filter(|d| d.lead_unit.is_some())
        .count();
    assert_eq!(
        total, led,
        "every led directive counted once, group headings not"
    );
}

#[test]
fn unit_counts_agree_with_the_tally_of_each_units_directives() {
    let (data, today) = sample();
    let counts = data.unit_counts(today, 7);
    assert_eq!(counts.len(), data.units.len());
    let followed = data.followed();
    for c in &counts {
        let led: Vec<_> = followed
            .iter()
            .copied()
            .filter(|x| x.lead_at(today) == Some(&c.unit.id))
            .collect();
        assert_eq!(c.lead, led.len());
        assert_eq!(c.overdue, Tally::of(led, today, 7).overdue);
        let coordinating = followed
            .iter()
            .filter(|x| x.coordinating_at(today).contains(&&c.unit.id))
            .count();
        assert_eq!(c.coordinating, coordinating);
    }
    assert!(counts.iter().any(|c| c.overdue > 0) && counts.iter().any(|c| c.coordinating > 0));
    assert!(counts.windows(2).all(|w| w[0].unit.name <= w[1].unit.name));
}

#[test]
fn a_conclusion_share_done_leaves_out_what_was_transferred() {
    let (data, today) = sample();
    let (_, t) = data
        .tally_by_conclusion(today, 7)
        .into_iter()
        .find(|(c, _)| c.number_symbol == "245/TB-VPUBND")
        .unwrap();
    assert_eq!((t.total, t.transferred, t.cancelled), (2, 1, 0));
    assert_eq!(
        t.done_percent(),
        Some(0.0),
        "0 of the 2 it still follows, not 0 of 3"
    );
}

#[test]
fn what_falls_due_soon_is_open_and_in_the_window() {
    let (data, today) = sample();
    let week = data.due_within(today, DUE_WITHIN_WEEK_DAYS);
    let month = data.due_within(today, DUE_WITHIN_MONTH_DAYS);
    assert!(week.len() <= month.len());
    for d in &month {
        let due = d.due_on(today).unwrap();
        assert!(due >= today && due <= today + Days::new(30));
        assert!(!d.state(today, 7).is_done());
    }
    assert!(week.iter().all(|d| month.iter().any(|m| m.id == d.id)));
}

#[test]
fn the_coming_meeting_lists_what_is_still_open() {
    let (data, today) = sample();
    let coming = data.coming_meeting(today, 7).unwrap();
    assert!(coming.date >= today);
    assert!(!coming.open.is_empty());
    assert!(coming.open.iter().all(|d| !d.state(today, 7).is_closed()));
}
