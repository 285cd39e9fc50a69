//! Publishing to the shared file, step by step (see [`super`] for the protocol): the caller
//! carries each request and hands back the answer.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use super::{read_incoming, Answer, FileVersion, Incoming, Precondition, Refusal};
use super::{MAX_ROUNDS, MAX_WAITS};
use crate::domain::sharing::Resolution;
use crate::domain::sharing::{ExportInfo, Officer, Scope};
use crate::domain::{parse_dataset, Dataset, Record};
use crate::storage::session::{ImportRefused, Session};
use crate::storage::KeyValue;

/// What publishing needs next.
#[derive(Debug, Clone)]
pub enum Next {
    /// Read the shared file (a plain `GET`).
    Read,
    /// Read it again after [`READ_AGAIN_AFTER_MS`]: it was written a moment ago and the
    /// server cannot yet name its version firmly (a weak ETag).
    ReadLater,
    /// The file and this browser changed the same records: the officer settles each in
    /// the preview, then [`Publish::settled`].
    Settle(Box<Incoming>),
    /// Read the file back to check that the write held (a plain `GET`).
    Check,
    /// The same after [`READ_AGAIN_AFTER_MS`]: the file read back is this browser's, but
    /// the server names it only weakly yet.
    CheckLater,
    /// Write `body` under `precondition` (a `PUT`).
    Write {
        body: String,
        precondition: Precondition,
    },
    Done(Published),
    Failed(Refusal),
}

/// A publication that went through.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// Records taken in from the file over every round.
    pub taken: usize,
    /// Writes it took.
    pub rounds: u32,
    /// The version of the file this browser now holds, when the server names it firmly.
    pub version: Option<FileVersion>,
}

/// One publication, step by step: the caller carries each request and hands back the
/// answer.
#[derive(Debug, Clone)]
pub struct Publish {
    officer: Officer,
    label: String,
    /// Writes attempted.
    rounds: u32,
    /// Pauses for a file written within the last second (bounded by [`MAX_WAITS`]).
    waits: u32,
    taken: usize,
    written: Option<String>,
    /// Every record written, by collection and id, with its time of change.
    sent: BTreeMap<(&'static str, String), DateTime<Utc>>,
    /// The version the write's answer named, if it named one.
    written_version: Option<FileVersion>,
}

/// Every record of `data` by collection and id, with its time of change.
fn stamps(data: &Dataset) -> BTreeMap<(&'static str, String), DateTime<Utc>> {
    struct Stamps(BTreeMap<(&'static str, String), DateTime<Utc>>);
    impl crate::domain::model::Visitor for Stamps {
        fn visit<T: Record>(&mut self, c: &crate::domain::model::Collection<T>) {
            for r in c.iter() {
                self.0
                    .insert((T::KIND.collection(), r.id().to_string()), r.updated_at());
            }
        }
    }
    let mut s = Stamps(BTreeMap::new());
    data.visit(&mut s);
    s.0
}

/// The officer's clock for a step: the moment, its offset from UTC, the officer's date.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub now: DateTime<Utc>,
    pub offset: FixedOffset,
    pub today: NaiveDate,
}

impl Publish {
    /// `label`: how the import of the file is named for undo ("Thư mục chung").
    pub fn start(officer: Officer, label: String) -> (Publish, Next) {
        let p = Publish {
            officer,
            label,
            rounds: 0,
            waits: 0,
            taken: 0,
            written: None,
            sent: BTreeMap::new(),
            written_version: None,
        };
        (p, Next::Read)
    }

    /// The shared file as read: taken in (or its conflicts handed to the officer), then
    /// the write of everything.
    pub fn read<K: KeyValue>(
        &mut self,
        session: &mut Session<K>,
        answer: Answer,
        clock: Clock,
    ) -> Next {
        if answer.status == 404 {
            return self.write(session, Precondition::IfNoneMatchAny, clock);
        }
        if let Some(r) = Refusal::of_status(answer.status) {
            return Next::Failed(r);
        }
        if answer.version.is_weak() {
            self.waits += 1;
            return if self.waits > MAX_WAITS {
                Next::Failed(Refusal::Busy {
                    rounds: self.rounds,
                })
            } else {
                Next::ReadLater
            };
        }
        let Some(precondition) = answer.version.write_if() else {
            return Next::Failed(Refusal::NoVersion);
        };
        let text = answer.body.unwrap_or_default();
        let incoming = match read_incoming(session, &text, answer.version) {
            Ok(i) => i,
            Err(r) => return Next::Failed(r),
        };
        if incoming.plan.conflicts().next().is_some() {
            return Next::Settle(Box::new(incoming));
        }
        self.take_in(session, &incoming, &|_| None, clock)
            .unwrap_or_else(|| self.write(session, precondition, clock))
    }

    /// The officer settled the conflicts of `incoming` (`decide` gives each one's choice).
    pub fn settled<K: KeyValue>(
        &mut self,
        session: &mut Session<K>,
        incoming: &Incoming,
        decide: &dyn Fn(&str) -> Option<Resolution>,
        clock: Clock,
    ) -> Next {
        let Some(precondition) = incoming.version.write_if() else {
            return Next::Failed(Refusal::NoVersion);
        };
        self.take_in(session, incoming, decide, clock)
            .unwrap_or_else(|| self.write(session, precondition, clock))
    }

    /// Takes the file's records in; `Some` when that cannot be done as planned (the data
    /// changed meanwhile: planned again and shown; a conflict left unsettled).
    fn take_in<K: KeyValue>(
        &mut self,
        session: &mut Session<K>,
        incoming: &Incoming,
        decide: &dyn Fn(&str) -> Option<Resolution>,
        clock: Clock,
    ) -> Option<Next> {
        if !incoming.plan.changes_anything() {
            return None;
        }
        match session.import(
            &incoming.dataset,
            &incoming.plan,
            incoming.planned_at,
            decide,
            self.label.clone(),
            clock.now,
            clock.offset,
        ) {
            Ok(applied) => {
                self.taken += applied.added + applied.replaced;
                None
            }
            Err(ImportRefused::Changed) => {
                let plan = session.plan_import(
                    &incoming.dataset,
                    ExportInfo::based_on(incoming.info.as_ref()),
                );
                Some(Next::Settle(Box::new(Incoming {
                    plan,
                    planned_at: session.revision(),
                    ..incoming.clone()
                })))
            }
            Err(ImportRefused::Unresolved(_)) => Some(Next::Settle(Box::new(incoming.clone()))),
        }
    }

    fn write<K: KeyValue>(
        &mut self,
        session: &mut Session<K>,
        precondition: Precondition,
        clock: Clock,
    ) -> Next {
        self.rounds += 1;
        if self.rounds > MAX_ROUNDS {
            return Next::Failed(Refusal::Busy { rounds: MAX_ROUNDS });
        }
        let body = session
            .export(Scope::All, self.officer.clone(), clock.now, clock.today)
            .text;
        self.written = Some(body.clone());
        self.sent = stamps(session.data());
        Next::Write { body, precondition }
    }

    /// The answer to the write: read it back, read again (someone published in between),
    /// or why not.
    pub fn written(&mut self, answer: Answer) -> Next {
        match answer.status {
            200..=299 => {
                self.written_version = answer.version.is_known().then_some(answer.version);
                Next::Check
            }
            412 => Next::Read,
            status => Next::Failed(Refusal::of_status(status).unwrap_or(Refusal::Other(status))),
        }
    }

    /// The file read back after the write: done when it holds every record as written (or
    /// a later version of it); otherwise another write replaced this one, and the
    /// publication starts again from the read.
    pub fn checked(&mut self, answer: Answer) -> Next {
        let mine = answer.status == 200 && answer.body.is_some() && answer.body == self.written;
        if mine {
            if answer.version.is_weak() && self.waits < MAX_WAITS {
                self.waits += 1;
                return Next::CheckLater;
            }
            let version = Some(answer.version)
                .filter(|v| v.is_known() && !v.is_weak())
                .or_else(|| self.written_version.clone().filter(|v| !v.is_weak()));
            return self.done(version);
        }
        let held = answer
            .body
            .as_deref()
            .and_then(|t| parse_dataset(t).ok())
            .is_some_and(|file| {
                let now = stamps(&file.dataset);
                self.sent
                    .iter()
                    .all(|(k, at)| now.get(k).is_some_and(|t| t >= at))
            });
        if held {
            // Someone wrote after this browser, keeping its work: their version is not one
            // this browser holds, so none is remembered.
            self.done(None)
        } else {
            Next::Read
        }
    }

    fn done(&self, version: Option<FileVersion>) -> Next {
        Next::Done(Published {
            taken: self.taken,
            rounds: self.rounds,
            version,
        })
    }
}
