//! The model checks itself. Every problem names the record and the field, so the message
//! shown to an officer (rendered in their language by `crate::i18n`) says exactly what to fix.

use std::collections::BTreeSet;

use crate::domain::followup::conclusion::Conclusion;
use crate::domain::followup::deadline::Deadline;
use crate::domain::followup::meeting::Meeting;
use crate::domain::model::dataset::{Dataset, FORMAT_NAME, SCHEMA_VERSION};
use crate::domain::model::record::{Record, RecordKind};
use crate::domain::projects::progress::ProgressReport;
use crate::domain::projects::project::{Obstacle, Project};
use crate::domain::units::org::Unit;
use crate::domain::Field;

mod checker;
use checker::Checker;

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A required text is empty.
    Empty,
    /// A reference to a record that is not in the dataset.
    Missing {
        target: RecordKind,
        id: String,
    },
    /// A "handed over" or "done" figure above its total (named by its field).
    AboveTotal {
        total_field: Field,
    },
    PercentOutOfRange {
        value: f64,
    },
    Negative,
    /// This date is after the date in `later_field`, which must not come before it.
    DateAfter {
        later_field: Field,
    },
    /// A month, quarter or half-year that does not exist.
    NoSuchPeriod,
    /// The dataset's format name or version is not one this build writes.
    WrongFormat,
    /// The same directive number appears twice in one conclusion.
    Repeated,
    /// A date that has not come yet where only a past or present date makes sense.
    InFuture,
    /// A date before the conclusion the record follows up was issued.
    BeforeConclusion,
    /// An extension granted before one already recorded: they are kept in order.
    BeforeLastExtension,
    /// A unit renamed from a day not after its last renaming: names are kept in order.
    BeforeLastRename,
    /// An extension granted after the directive was done, cancelled or transferred.
    AfterClosed,
    /// An extension whose words give no due day ("thường xuyên", nothing).
    NoDueDay,
    /// An extension whose due day is not later than the one in force, or already past on
    /// the day it is granted.
    NotLater,
    /// A unit whose end is already recorded.
    AlreadyEnded,
    /// A merger names more than one unit merged into.
    OneSuccessorForMerger,
    /// A unit named as its own successor (or joined with itself).
    SuccessorIsItself,
    /// A successor that had itself ended by the day it would take over.
    SuccessorEnded,
    /// A unit taking a directive that is not among the successors chosen.
    NotASuccessor,
    /// A number pattern that does not mark where the number goes, once ("…/BC-VP").
    NumberPattern,
    /// An extension request answered already.
    AlreadyAnswered,
    /// A signer written without a title and a name.
    SignerTooShort,
    /// A signer for another ("KT. CHÁNH VĂN PHÒNG") without their own title under it.
    SignerOwnTitle,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidationError {
    pub kind: RecordKind,
    pub id: String,
    /// A short label to find the record ("16-KL/BCĐ", "Nam Rom", "3.2").
    pub label: String,
    /// The field's name in the JSON format, with a dot for nested figures.
    pub field: Field,
    pub problem: Problem,
}

fn check_one<'a, T: Record>(
    record: &'a T,
    rules: impl FnOnce(&mut Checker<'a>, &'a T),
) -> Vec<ValidationError> {
    let mut c = Checker::default();
    c.on(record);
    rules(&mut c, record);
    c.errors
}

/// The rules of one project's own fields (a name, a finish not before the start, money not
/// negative); references to other records are checked with the whole dataset.
pub fn validate_project(project: &Project) -> Vec<ValidationError> {
    check_one(project, Checker::project)
}

/// The rules of the office's letterhead.
pub fn validate_office(office: &crate::domain::documents::Office) -> Vec<ValidationError> {
    check_one(office, Checker::office)
}

/// The rules of one obstacle's own fields (a description, resolved not before it arose).
pub fn validate_obstacle(obstacle: &Obstacle) -> Vec<ValidationError> {
    check_one(obstacle, Checker::obstacle)
}

/// The rules of one conclusion's own fields (a number and a title).
pub fn validate_conclusion(conclusion: &Conclusion) -> Vec<ValidationError> {
    check_one(conclusion, Checker::conclusion)
}

/// The rules of one meeting's own fields (the next meeting not before this one).
pub fn validate_meeting(meeting: &Meeting) -> Vec<ValidationError> {
    check_one(meeting, Checker::meeting)
}

/// The rules of one progress report's own figures (handed over within total, percentages
/// within 0..100, no negative money), for checking a form before anything is stored.
pub fn validate_report(report: &ProgressReport) -> Vec<ValidationError> {
    check_one(report, |c, r| {
        c.site_clearance(&r.site_clearance);
        c.construction(&r.construction);
        c.capital(&r.capital);
    })
}

/// Where the records a check refers to are looked up.
trait Find {
    fn find<T: Record>(&self, id: &T::Id) -> Option<&T>;
}

impl Find for Dataset {
    fn find<T: Record>(&self, id: &T::Id) -> Option<&T> {
        self.collection::<T>().get(id)
    }
}

/// Records of `top` in place of those of `under` with the same id (a file's records once
/// imported).
struct Over<'a> {
    top: &'a Dataset,
    under: &'a Dataset,
}

impl Find for Over<'_> {
    fn find<T: Record>(&self, id: &T::Id) -> Option<&T> {
        self.top.find(id).or_else(|| self.under.find(id))
    }
}

/// Checks every rule of the model; returns all problems found (empty when valid).
pub fn validate(data: &Dataset) -> Vec<ValidationError> {
    let mut c = Checker::default();
    if data.format != FORMAT_NAME || data.schema_version != SCHEMA_VERSION {
        c.push(Field::SchemaVersion, Problem::WrongFormat);
    }
    check(c, data, data, BTreeSet::new())
}

/// The rules the records of `incoming` break once they are in `here`, each in place of
/// the record of the same id: their own fields, what they refer to (in either), and a
/// directive number another directive of the same conclusion has. Only `incoming`'s
/// records are checked, so the work follows the file's size, not the data's.
pub fn validate_incoming(incoming: &Dataset, here: &Dataset) -> Vec<ValidationError> {
    let c = Checker::default();
    let taken = here
        .directives
        .iter()
        .filter(|d| !incoming.directives.contains(&d.id))
        .map(|d| (d.conclusion.clone(), d.path.clone()))
        .collect();
    let over = Over {
        top: incoming,
        under: here,
    };
    check(c, incoming, &over, taken)
}

/// The rules over `data`'s records, references looked up in `find`; `paths` holds the
/// directive numbers taken already (per conclusion).
fn check<'a>(
    mut c: Checker<'a>,
    data: &'a Dataset,
    find: &impl Find,
    mut paths: BTreeSet<(crate::domain::ConclusionId, crate::domain::DirectivePath)>,
) -> Vec<ValidationError> {
    for r in data.committees.iter() {
        c.on(r);
        c.text(Field::Name, &r.name);
        for p in &r.public_investment {
            c.capital(&p.capital);
        }
    }
    for r in data.units.iter() {
        c.on(r);
        c.text(Field::Name, &r.name);
        c.reference::<Unit>(Field::Parent, find, r.parent.as_ref());
        for s in r.ended.iter().flat_map(|e| &e.successors) {
            c.reference::<Unit>(Field::Successors, find, Some(s));
        }
    }
    for r in data.projects.iter() {
        c.on(r);
        c.project(r);
        c.reference::<crate::domain::Committee>(Field::Committee, find, r.committee.as_ref());
        c.reference::<Unit>(Field::Investor, find, r.investor.as_ref());
    }
    for r in data.progress_reports.iter() {
        c.on(r);
        c.reference::<Project>(Field::Project, find, Some(&r.project));
        c.site_clearance(&r.site_clearance);
        c.construction(&r.construction);
        c.capital(&r.capital);
    }
    for r in data.obstacles.iter() {
        c.on(r);
        c.obstacle(r);
        c.reference::<Project>(Field::Project, find, Some(&r.project));
        c.reference::<Unit>(Field::ResponsibleUnit, find, r.responsible_unit.as_ref());
        c.reference::<crate::domain::Directive>(Field::Directive, find, r.directive.as_ref());
    }
    for r in data.meetings.iter() {
        c.on(r);
        c.reference::<crate::domain::Committee>(Field::Committee, find, r.committee.as_ref());
        for u in &r.attendee_units {
            c.reference::<Unit>(Field::AttendeeUnits, find, Some(u));
        }
        for p in &r.projects {
            c.reference::<Project>(Field::Projects, find, Some(p));
        }
        c.meeting(r);
    }
    for r in data.conclusions.iter() {
        c.on(r);
        c.conclusion(r);
        c.reference::<crate::domain::Committee>(Field::Committee, find, r.committee.as_ref());
        c.reference::<Meeting>(Field::Meeting, find, r.meeting.as_ref());
        let meeting_date = r
            .meeting
            .as_ref()
            .and_then(|m| find.find::<Meeting>(m))
            .map(|m| m.date);
        c.order(Field::Meeting, meeting_date, Field::Date, Some(r.date));
    }
    for r in data.directives.iter() {
        c.on(r);
        c.text(Field::Text, &r.text);
        c.reference::<Conclusion>(Field::Conclusion, find, Some(&r.conclusion));
        c.reference::<Unit>(Field::LeadUnit, find, r.lead_unit.as_ref());
        for h in &r.handovers {
            c.reference::<Unit>(Field::Handovers, find, Some(&h.from));
            c.reference::<Unit>(Field::Handovers, find, Some(&h.to));
        }
        for u in &r.coordinating_units {
            c.reference::<Unit>(Field::CoordinatingUnits, find, Some(u));
        }
        for p in &r.projects {
            c.reference::<Project>(Field::Projects, find, Some(p));
        }
        let dated = !matches!(r.deadline, Deadline::None {} | Deadline::Continuous { .. });
        if dated && r.deadline.due().is_none() {
            c.push(Field::Deadline, Problem::NoSuchPeriod);
        }
        if !paths.insert((r.conclusion.clone(), r.path.clone())) {
            c.push(Field::Path, Problem::Repeated);
        }
        let issued = find.find::<Conclusion>(&r.conclusion).map(|x| x.date);
        for e in &r.extensions {
            if e.deadline.due().is_none() {
                c.push(Field::ExtensionsDeadline, Problem::NoDueDay);
            }
            if issued.is_some_and(|issued| e.granted_on < issued) {
                c.push(Field::ExtensionsGrantedOn, Problem::BeforeConclusion);
            }
        }
    }
    for r in data.offices.iter() {
        c.on(r);
        c.office(r);
    }
    for r in data.extension_requests.iter() {
        c.on(r);
        c.text(Field::Reason, &r.reason);
        c.reference::<crate::domain::Directive>(Field::Directive, find, Some(&r.directive));
        c.reference::<Unit>(Field::Unit, find, Some(&r.unit));
    }
    for r in data.directive_updates.iter() {
        c.on(r);
        c.text(Field::Text, &r.text);
        c.reference::<crate::domain::Directive>(Field::Directive, find, Some(&r.directive));
    }
    c.errors
}
