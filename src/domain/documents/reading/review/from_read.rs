//! A notice read turned into the review's drafts: the conclusion's heading, each directive's
//! draft with its lead as read, and a unit that had ended by the notice's date replaced by
//! its successor.

use chrono::NaiveDate;

use super::{new_unit_ref, NewUnit, Review, ReviewItem};
use crate::domain::documents::reading::notice::{Mark, ReadNotice};
use crate::domain::draft::date_text;
use crate::domain::followup::{ConclusionDraft, DirectiveDraft};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::UnitId;

/// The unit that does `unit`'s work on `date`: itself while it exists, else its first
/// successor (followed along a chain of ends), with the units passed over and their end
/// days. A unit that ended with no successor recorded stays as it is.
pub fn successor_on(
    register: &Dataset,
    unit: &UnitId,
    date: NaiveDate,
) -> (UnitId, Vec<(UnitId, NaiveDate)>) {
    let mut now = unit.clone();
    let mut passed = Vec::new();
    while let Some(end) = register
        .units
        .get(&now)
        .and_then(|u| u.ended.as_ref())
        .filter(|e| e.on <= date)
    {
        let Some(next) = end.successors.first() else {
            break;
        };
        if passed.iter().any(|(u, _)| u == next) || next == unit {
            break;
        }
        passed.push((now.clone(), end.on));
        now = next.clone();
    }
    (now, passed)
}

impl Review {
    /// The review of `read` against the register it was read with.
    pub fn new(read: &ReadNotice, register: &Dataset) -> Review {
        let committee = match register.committees.len() {
            1 => register
                .committees
                .iter()
                .next()
                .map(|c| c.id.to_string())
                .unwrap_or_default(),
            _ => String::new(),
        };
        let meeting = read
            .meeting_date
            .and_then(|day| register.meetings.iter().find(|m| m.date == day))
            .map(|m| m.id.to_string())
            .unwrap_or_default();
        let conclusion = ConclusionDraft {
            committee,
            meeting,
            number_symbol: read.number_symbol.clone(),
            date: date_text(read.date),
            issuing_body: read.issuing_body.clone(),
            title: read.title.clone(),
            signer: read.signer.clone(),
            // One line per printed line, as the conclusion form keeps it.
            signer_title: read.signer_title_lines.join("\n"),
            recipients: read.recipients.join("\n"),
            assessment: read.assessment.clone(),
            parent_body: read.parent_body.clone(),
            place: read.place.clone(),
            // As the header prints it; the committee's when it prints neither.
            body_kind: read
                .body_kind
                .as_ref()
                .map(crate::domain::draft::code)
                .unwrap_or_default(),
            opening: read.opening.clone(),
            closing: read.closing.clone(),
        };
        let new_units: Vec<NewUnit> = read
            .new_units
            .iter()
            .map(|name| NewUnit::named(name))
            .collect();
        let heads: Vec<&str> = read
            .directives
            .iter()
            .filter(|d| {
                let top = format!("{}.", d.path);
                read.directives.iter().any(|s| s.path.starts_with(&top))
            })
            .map(|d| d.path.as_str())
            .collect();
        let items: Vec<ReviewItem> = read
            .directives
            .iter()
            .map(|d| {
                let lead = match (&d.lead_id, &d.lead_unit) {
                    (Some(id), _) => id.to_string(),
                    (None, Some(name)) => read
                        .new_units
                        .iter()
                        .position(|n| n == name)
                        .map(new_unit_ref)
                        .unwrap_or_default(),
                    (None, None) => String::new(),
                };
                let heading = heads.contains(&d.path.as_str());
                // The words alone may give another date than the whole item gave the reader
                // (two dates in one sentence): the date read is kept, set as by hand.
                let from_words =
                    crate::domain::followup::deadline::parse_deadline(&d.deadline_words, read.date)
                        .ok()
                        .and_then(|x| x.due());
                let by_hand = (!heading && from_words != d.due).then_some(d.due).flatten();
                // A unit that had ended by the notice's date cannot be given new work: its
                // successor is proposed, and the officer sees why.
                let mut read_item = d.clone();
                let mut ended = Vec::new();
                let mut lead = lead;
                let mut coordinating: Vec<String> = Vec::new();
                if let Some(day) = read.date {
                    if let Some(id) = &d.lead_id {
                        let (now, passed) = successor_on(register, id, day);
                        if !passed.is_empty() {
                            lead = now.to_string();
                            read_item.lead_mark = Mark::Guessed;
                            ended.extend(passed);
                        }
                    }
                    for id in &d.coordinating_ids {
                        let (now, passed) = successor_on(register, id, day);
                        ended.extend(passed);
                        let now = now.to_string();
                        if now != lead && !coordinating.contains(&now) {
                            coordinating.push(now);
                        }
                    }
                } else {
                    coordinating = d.coordinating_ids.iter().map(|u| u.to_string()).collect();
                }
                ReviewItem {
                    read: read_item,
                    ended,
                    draft: DirectiveDraft {
                        path: d.path.clone(),
                        label: d.label.clone(),
                        text: d.text.clone(),
                        lead_unit: lead,
                        coordinating_units: coordinating,
                        responsible_person: d.responsible_person.clone().unwrap_or_default(),
                        deadline_words: d.deadline_words.clone(),
                        due_by_hand: date_text(by_hand),
                        projects: d.project_ids.iter().map(|p| p.to_string()).collect(),
                        heading,
                    },
                }
            })
            .collect();
        Review {
            kind: read.kind.clone(),
            first_leads: items.iter().map(|i| i.draft.lead_unit.clone()).collect(),
            conclusion,
            items,
            new_units,
            lines: read.lines.clone(),
            new_meeting: crate::domain::documents::reading::opening::meeting_in_opening(
                &read.opening,
                read.meeting_date,
            ),
        }
    }
}
