//! One run of replication with a CouchDB database, as a state machine: it asks for the
//! next request, is handed the answer, and changes the data and the [`SyncState`]. No
//! input or output happens here: the shell performs each request, and may stop anywhere;
//! the next run starts from what the state holds (the checkpoint, the revisions).
//!
//! A run: log in (when a password is given) → read the checkpoint (`_local/<id>`) → read
//! again the records a settled conflict left to check (`open_revs=all`) → pull in batches
//! (`_changes` → the revisions this browser lacks → `_bulk_get` → take them in → save the
//! checkpoint) → push in batches (`_revs_diff` → `_bulk_docs`). Pulling first puts a
//! change made on both sides to the officer before anything of it is sent.

use std::collections::VecDeque;

use rustc_hash::FxHashSet;
use serde_json::{json, Map, Value};

use super::feed::{self, Row};
use super::http::{HttpRequest, HttpResponse, Method};
use super::push::{self, Made, Outgoing};
use super::state::SyncState;
use crate::domain::model::dataset::Dataset;

/// Documents per request, both ways.
pub const BATCH: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    pub name: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The database's name on the server.
    pub db: String,
    /// This browser's replication with that database: names its checkpoint document.
    pub replication_id: String,
    /// Given to log in first (`POST /_session`); without, the session the shell holds is used.
    pub credentials: Option<Credentials>,
    pub batch: usize,
}

/// Where a run is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Running,
    /// Everything was pulled and pushed.
    Done,
    /// The server asked for a login (a wrong password, or the session expired): the run
    /// stopped; the next one, given the credentials again, carries on.
    NeedsLogin,
    /// The server answered something unexpected (the message says what); nothing was lost,
    /// the next run carries on.
    Failed(String),
}

/// What a run did, to tell the officer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunReport {
    pub pulled: usize,
    pub pushed: usize,
    pub conflicts: usize,
    pub refused: usize,
    /// Documents that are not records this build reads: (id, why).
    pub unreadable: Vec<(String, String)>,
    pub requests: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Login,
    ReadCheckpoint,
    /// A record's leaves read again (`SyncState::recheck`).
    Recheck {
        id: String,
    },
    Changes,
    BulkGet {
        rows: Vec<Row>,
        missing: Vec<(String, String)>,
        last_seq: Value,
        more: bool,
    },
    SaveCheckpoint {
        more: bool,
    },
    RevsDiff,
    BulkDocs {
        docs: Vec<Made>,
    },
    Finished(Status),
}

pub struct Replicator {
    config: Config,
    step: Step,
    checkpoint_rev: Option<String>,
    queue: Option<VecDeque<Outgoing>>,
    batch: Vec<Made>,
    report: RunReport,
    /// Whether the run pushes after it pulled (see [`Replicator::pull_only`]).
    push: bool,
}

impl Replicator {
    /// A run that pulls and does not look for records to send: for a browser whose data
    /// did not change since its last run ended (nothing to send, and looking means hashing
    /// every record).
    pub fn pull_only(mut self) -> Self {
        self.push = false;
        self
    }

    pub fn new(mut config: Config) -> Self {
        config.batch = config.batch.max(1);
        let step = if config.credentials.is_some() {
            Step::Login
        } else {
            Step::ReadCheckpoint
        };
        Self {
            config,
            step,
            checkpoint_rev: None,
            queue: None,
            batch: Vec::new(),
            report: RunReport::default(),
            push: true,
        }
    }

    pub fn status(&self) -> Status {
        match &self.step {
            Step::Finished(s) => s.clone(),
            _ => Status::Running,
        }
    }

    pub fn report(&self) -> &RunReport {
        &self.report
    }

    fn db(&self, tail: &str) -> String {
        format!("/{}/{tail}", self.config.db)
    }

    fn checkpoint_path(&self) -> String {
        self.db(&format!("_local/{}", self.config.replication_id))
    }

    /// The next request to perform, or `None` once the run has finished ([`Self::status`]).
    /// Ask once, then hand its answer to [`Self::receive`].
    pub fn next_request(&mut self, data: &Dataset, state: &SyncState) -> Option<HttpRequest> {
        let request = match &self.step {
            Step::Finished(_) => return None,
            Step::Login => {
                let c = self.config.credentials.as_ref()?;
                HttpRequest::new(
                    Method::Post,
                    "/_session".into(),
                    Some(json!({ "name": c.name, "password": c.password })),
                )
            }
            Step::ReadCheckpoint => HttpRequest::new(Method::Get, self.checkpoint_path(), None),
            Step::Recheck { id } => HttpRequest::new(Method::Get, self.db(id), None)
                .query("open_revs", "all".into())
                .query("revs", "true".into()),
            Step::Changes => HttpRequest::new(Method::Get, self.db("_changes"), None)
                .query("since", since_param(&state.since))
                .query("style", "all_docs".into())
                .query("limit", self.config.batch.to_string()),
            Step::BulkGet { missing, .. } => {
                let docs: Vec<Value> = missing
                    .iter()
                    .map(|(id, rev)| json!({ "id": id, "rev": rev }))
                    .collect();
                HttpRequest::new(
                    Method::Post,
                    self.db("_bulk_get"),
                    Some(json!({ "docs": docs })),
                )
                .query("revs", "true".into())
            }
            Step::SaveCheckpoint { .. } => {
                let mut doc = json!({ "last_seq": state.since });
                if let Some(rev) = &self.checkpoint_rev {
                    doc["_rev"] = Value::String(rev.clone());
                }
                HttpRequest::new(Method::Put, self.checkpoint_path(), Some(doc))
            }
            Step::RevsDiff if !self.push && self.queue.is_none() => {
                self.step = Step::Finished(Status::Done);
                return None;
            }
            Step::RevsDiff => {
                let queue = self
                    .queue
                    .get_or_insert_with(|| push::outgoing(data, state));
                let take = queue.len().min(self.config.batch);
                if take == 0 {
                    self.step = Step::Finished(Status::Done);
                    return None;
                }
                self.batch = queue
                    .drain(..take)
                    .map(|item| push::make(item, state))
                    .collect();
                let mut diff = Map::new();
                for m in &self.batch {
                    let revs = diff
                        .entry(m.item.id().to_owned())
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(a) = revs {
                        a.push(Value::String(m.rev.clone()));
                    }
                }
                HttpRequest::new(
                    Method::Post,
                    self.db("_revs_diff"),
                    Some(Value::Object(diff)),
                )
            }
            Step::BulkDocs { docs } => {
                let docs: Vec<Value> = docs.iter().map(|m| m.doc.clone()).collect();
                HttpRequest::new(
                    Method::Post,
                    self.db("_bulk_docs"),
                    Some(json!({ "docs": docs, "new_edits": false })),
                )
            }
        };
        self.report.requests += 1;
        Some(request)
    }

    /// Takes the answer to the last request: changes the data and the state (save both
    /// together after each call), and moves on.
    pub fn receive(&mut self, data: &mut Dataset, state: &mut SyncState, response: HttpResponse) {
        if response.status == 401 {
            self.step = Step::Finished(Status::NeedsLogin);
            return;
        }
        // No checkpoint yet is a 404; a checkpoint not saved only costs a longer pull.
        let ok = (200..300).contains(&response.status)
            || matches!(self.step, Step::SaveCheckpoint { .. })
            || (matches!(self.step, Step::ReadCheckpoint | Step::Recheck { .. })
                && response.status == 404);
        let step = std::mem::replace(&mut self.step, Step::Finished(Status::Running));
        self.step = match step {
            Step::Finished(s) => Step::Finished(s),
            _ if !ok => Step::Finished(Status::Failed(failure(&response))),
            Step::Login => Step::ReadCheckpoint,
            Step::ReadCheckpoint => {
                self.read_checkpoint(state, &response);
                next_recheck(state)
            }
            Step::Recheck { id } => {
                feed::recheck(data, state, &id, &response.body, &mut self.report);
                next_recheck(state)
            }
            Step::Changes => self.changes(state, response.body),
            Step::BulkGet {
                rows,
                last_seq,
                more,
                ..
            } => {
                feed::take_in(data, state, &rows, &response.body, &mut self.report);
                state.previous_since = std::mem::replace(&mut state.since, last_seq);
                Step::SaveCheckpoint { more }
            }
            Step::SaveCheckpoint { more } => {
                self.checkpoint_rev = response.body["rev"].as_str().map(str::to_owned);
                if more {
                    Step::Changes
                } else {
                    Step::RevsDiff
                }
            }
            Step::RevsDiff => {
                let missing: FxHashSet<(String, String)> = response
                    .body
                    .as_object()
                    .into_iter()
                    .flatten()
                    .flat_map(|(id, v)| {
                        v["missing"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(|r| Some((id.clone(), r.as_str()?.to_owned())))
                    })
                    .collect();
                let (send, there): (Vec<Made>, Vec<Made>) = std::mem::take(&mut self.batch)
                    .into_iter()
                    .partition(|m| missing.contains(&(m.item.id().to_owned(), m.rev.clone())));
                // Already on the server: sent by a run that stopped before hearing back.
                for m in &there {
                    push::sent(m, state, m.item.current(data).as_ref());
                }
                if send.is_empty() {
                    Step::RevsDiff
                } else {
                    Step::BulkDocs { docs: send }
                }
            }
            Step::BulkDocs { docs } => {
                if push::written(data, state, &docs, &response.body, &mut self.report) {
                    Step::RevsDiff
                } else {
                    Step::Finished(Status::NeedsLogin)
                }
            }
        };
    }

    fn read_checkpoint(&mut self, state: &mut SyncState, response: &HttpResponse) {
        let kept = &response.body["last_seq"];
        self.checkpoint_rev = response.body["_rev"].as_str().map(str::to_owned);
        let agrees = response.status == 200
            && (*kept == state.since || (!kept.is_null() && *kept == state.previous_since));
        if !agrees {
            // The server does not hold this browser's checkpoint (a new or restored
            // database): read its whole feed again; the revisions held here keep what
            // is already here from being fetched.
            state.since = Value::from(0);
            state.previous_since = Value::Null;
        }
    }

    fn changes(&mut self, state: &mut SyncState, body: Value) -> Step {
        let mut feed = feed::read(state, body, self.config.batch);
        // A full page that does not move the sequence on would be asked for forever.
        feed.more &= feed.last_seq != state.since;
        if !feed.missing.is_empty() {
            return Step::BulkGet {
                rows: feed.rows,
                missing: feed.missing,
                last_seq: feed.last_seq,
                more: feed.more,
            };
        }
        if feed.empty || feed.last_seq.is_null() || feed.last_seq == state.since {
            return Step::RevsDiff;
        }
        state.previous_since = std::mem::replace(&mut state.since, feed.last_seq);
        Step::SaveCheckpoint { more: feed.more }
    }
}

/// The next record to read again, or the changes feed.
fn next_recheck(state: &mut SyncState) -> Step {
    let next = state
        .recheck
        .iter()
        .find(|id| !state.conflicts.contains_key(*id))
        .cloned();
    match next {
        Some(id) => Step::Recheck { id },
        None => Step::Changes,
    }
}

/// The `since` parameter as the server gave it: a string as is, a number as its digits.
fn since_param(since: &Value) -> String {
    match since {
        Value::String(s) => s.clone(),
        Value::Null => "0".into(),
        other => other.to_string(),
    }
}

fn failure(response: &HttpResponse) -> String {
    let b = &response.body;
    format!(
        "{} {}: {}",
        response.status,
        b["error"].as_str().unwrap_or(""),
        b["reason"].as_str().unwrap_or("")
    )
}
