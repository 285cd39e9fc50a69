//! A province's network: this browser's data replicated with a CouchDB database.
//!
//! - `replicator`: one run as a state machine that yields requests and takes answers (no
//!   input or output here: the browser's `fetch`, or a native client in tests, performs
//!   them), so a run stopped after any step starts again from its checkpoint.
//! - `docs`: each record a document (`_id` its id, `collection` named, the record's own
//!   JSON); a record taken out of the data is sent as `_deleted: true`; revision ids made
//!   deterministically from the parent and the body.
//! - `revs`: the revisions kept per record, with the merge base (the body last synced),
//!   stored beside the data (`SyncState`).
//! - `feed`, `pull` and `push`: the changes feed read, a record taken in, changes sent; `conflict`: a record changed on both sides,
//!   merged field by field against its base, what both changed put to the officer.
//!
//! - `point`: where a browser syncs, as typed; `setup`: what the office's IT sets up once (database, rules, accounts and roles).
//!
//! Invariant: no conflict is settled by the server's deterministic winner alone; the losing
//! leaves are retired only with the officer's result (or a merge that needed no choice).

mod conflict;
mod docs;
mod feed;
mod http;
mod link;
mod point;
mod pull;
mod push;
mod replicator;
mod revs;
mod setup;
mod state;

pub use conflict::{Branch, Conflict, Side};
pub use docs::{Unreadable, COLLECTION_FIELD};
pub use http::{HttpRequest, HttpResponse, Method};
pub use link::{record_named, Link};
pub use point::{point_problems, read_address, read_database, PointProblem};
pub use replicator::{Config, Credentials, Replicator, RunReport, Status, BATCH};
pub use revs::{RevEntry, RevStore, REVS_KEPT};
pub use setup::{
    account_name, design_doc, security, setup_done, setup_requests, web_server_notes, Account,
    OFFICE_ROLE, UNIT_ROLE, VALIDATE_DOC_UPDATE, WRITER_FIELD,
};
pub use state::{Refused, Retire, SyncState};

#[cfg(test)]
mod tests;
