//! A meeting, working session, conference or inspection visit as typed in the meeting form.

use chrono::{DateTime, NaiveTime, Utc};

use crate::domain::draft::{code, date_text, from_code, id_of, DraftProblem, FieldError, Reader};
use crate::domain::followup::meeting::{Meeting, MeetingKind};
use crate::domain::number::DecimalMark;
use crate::domain::sharing::validate::validate_meeting;
use crate::domain::Field;

#[derive(Debug, Clone, PartialEq)]
pub struct MeetingDraft {
    /// A kind code of the format ("meeting", "inspection_visit"...).
    pub kind: String,
    pub committee: String,
    /// "dd/mm/yyyy".
    pub date: String,
    /// "HH:MM" or empty.
    pub time: String,
    pub place: String,
    pub chair: String,
    /// One co-chair per line.
    pub co_chairs: String,
    /// Unit ids.
    pub attendee_units: Vec<String>,
    /// One attendee per line, as written.
    pub attendees: String,
    /// Project ids.
    pub projects: Vec<String>,
    pub summary: String,
    pub next_meeting: String,
}

/// Lines of a text area, trimmed, empty lines dropped.
pub(crate) fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Ids picked in a list, in order, without blanks or repeats.
pub(crate) fn ids<T: From<String> + PartialEq>(picked: &[String]) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for id in picked.iter().filter_map(|p| id_of::<T>(p)) {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

impl MeetingDraft {
    /// An empty form for a meeting held `date` ("dd/mm/yyyy").
    pub fn new(date: String) -> Self {
        MeetingDraft {
            kind: code(&MeetingKind::Meeting),
            committee: String::new(),
            date,
            time: String::new(),
            place: String::new(),
            chair: String::new(),
            co_chairs: String::new(),
            attendee_units: Vec::new(),
            attendees: String::new(),
            projects: Vec::new(),
            summary: String::new(),
            next_meeting: String::new(),
        }
    }

    pub fn from_meeting(m: &Meeting) -> Self {
        MeetingDraft {
            kind: code(&m.kind),
            committee: m
                .committee
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default(),
            date: date_text(Some(m.date)),
            time: m
                .time
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default(),
            place: m.place.clone(),
            chair: m.chair.clone(),
            co_chairs: m.co_chairs.join("\n"),
            attendee_units: m.attendee_units.iter().map(|u| u.to_string()).collect(),
            attendees: m.attendees.join("\n"),
            projects: m.projects.iter().map(|p| p.to_string()).collect(),
            summary: m.summary.clone(),
            next_meeting: date_text(m.next_meeting),
        }
    }

    /// Reads and checks the draft; editing (`base` given) keeps the id and creation time.
    pub fn to_meeting(
        &self,
        base: Option<&Meeting>,
        id: String,
        now: DateTime<Utc>,
    ) -> Result<Meeting, Vec<FieldError>> {
        let mut r = Reader::new(DecimalMark::Comma);
        let date = r.required_date(Field::Date, &self.date);
        let time = match self.time.trim() {
            "" => None,
            t => {
                let parsed = NaiveTime::parse_from_str(t, "%H:%M")
                    .or_else(|_| NaiveTime::parse_from_str(t, "%Hh%M"))
                    .or_else(|_| NaiveTime::parse_from_str(&format!("{t}00"), "%Hh%M"))
                    .ok();
                if parsed.is_none() {
                    r.push(Field::Time, DraftProblem::Time);
                }
                parsed
            }
        };
        let meeting = Meeting {
            id: base.map(|b| b.id.clone()).unwrap_or_else(|| id.into()),
            created_at: base.map_or(now, |b| b.created_at),
            updated_at: now,
            committee: id_of(&self.committee),
            kind: from_code(&self.kind).unwrap_or(MeetingKind::Meeting),
            date: date.unwrap_or_default(),
            time,
            place: self.place.trim().to_owned(),
            chair: self.chair.trim().to_owned(),
            co_chairs: lines(&self.co_chairs),
            attendee_units: ids(&self.attendee_units),
            attendees: lines(&self.attendees),
            projects: ids(&self.projects),
            summary: self.summary.trim().to_owned(),
            next_meeting: r.date(Field::NextMeeting, &self.next_meeting),
            joined: Vec::new(),
        };
        let rules = if date.is_some() {
            validate_meeting(&meeting)
        } else {
            Vec::new()
        };
        r.finish(meeting, rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::now;
    use chrono::NaiveDate;

    #[test]
    fn a_meeting_with_its_people_units_and_projects() {
        let d = MeetingDraft {
            kind: "inspection_visit".into(),
            time: "8h30".into(),
            place: " Công trường khu TĐC ".into(),
            chair: "Chủ tịch UBND tỉnh".into(),
            co_chairs: "Phó Chủ tịch A\n\n  Phó Chủ tịch B ".into(),
            attendee_units: vec!["u1".into(), "u2".into(), "u1".into(), "".into()],
            attendees: "Giám đốc Sở Xây dựng".into(),
            projects: vec!["p1".into()],
            next_meeting: "2026-12-05".into(),
            ..MeetingDraft::new("2026-11-20".into())
        };
        let m = d.to_meeting(None, "m1".into(), now()).unwrap();
        assert_eq!(m.kind, MeetingKind::InspectionVisit);
        assert_eq!(m.time, NaiveTime::from_hms_opt(8, 30, 0));
        assert_eq!(m.place, "Công trường khu TĐC");
        assert_eq!(m.co_chairs, vec!["Phó Chủ tịch A", "Phó Chủ tịch B"]);
        assert_eq!(m.attendee_units.len(), 2, "blanks and repeats dropped");
        assert_eq!(m.next_meeting, NaiveDate::from_ymd_opt(2026, 12, 5));
        let back = MeetingDraft::from_meeting(&m);
        assert_eq!(back.time, "08:30");
        assert_eq!(back.to_meeting(Some(&m), "x".into(), now()).unwrap(), m);
    }

    #[test]
    fn a_date_is_needed_and_the_next_meeting_comes_after() {
        let errors = MeetingDraft::new(String::new())
            .to_meeting(None, "m".into(), now())
            .unwrap_err();
        assert_eq!(errors[0].field.name(), "date");
        let earlier = MeetingDraft {
            next_meeting: "2026-11-01".into(),
            time: "25:00".into(),
            ..MeetingDraft::new("2026-11-20".into())
        };
        let errors = earlier.to_meeting(None, "m".into(), now()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.name()).collect();
        assert_eq!(fields, vec!["time", "date"]);
        let hour_only = MeetingDraft {
            time: "14h".into(),
            ..MeetingDraft::new("2026-11-20".into())
        };
        assert_eq!(
            hour_only.to_meeting(None, "m".into(), now()).unwrap().time,
            NaiveTime::from_hms_opt(14, 0, 0)
        );
    }
}
