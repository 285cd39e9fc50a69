//! The office's shared file (Thư mục chung): one Dondoc file, next to the app on the
//! intranet web server or on a network drive, that several officers read and write.
//!
//! The protocol, whatever carries it (HTTP with WebDAV `PUT`, or a file handle on disk):
//! - **Publishing** reads the file, takes its records in through the usual import (its
//!   conflicts settled by the officer in the usual preview), exports everything, and writes
//!   that back only if the file is still the version read (`If-Match` on its ETag, else
//!   `If-Unmodified-Since`; `If-None-Match: *` when there was none). When someone wrote in
//!   between (412), it starts again from the read. The written file therefore holds
//!   everything the file held plus this browser's work: nobody's work is overwritten.
//! - A file whose version the server does not state (no ETag, no Last-Modified) is never
//!   written: the write could not be made conditional.
//! - A server checks the precondition before it receives the body, so two writes made at
//!   the same moment can both pass it, the second replacing the first (a disk has the same
//!   gap between the check and the write). So every write is read back: when the file no
//!   longer holds each record as written (or a later version of it), the publication starts
//!   again from the read, and this browser's work, still held here, goes back in.
//! - **Checking** compares the version the server states with the one this browser last
//!   took in or wrote, without downloading the file.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::session::Session;
use super::KeyValue;
use crate::domain::sharing::ExportInfo;
use crate::domain::sharing::ImportPlan;
use crate::domain::sharing::LoadError;
use crate::domain::sharing::ValidationError;
use crate::domain::{parse_dataset, Dataset};

/// The shared file's name when the office sets none: next to `index.html`.
pub const DEFAULT_FILE_NAME: &str = "dondoc-data.json";

/// Writes of one publication before giving up: each extra one means another officer
/// published in between.
pub const MAX_ROUNDS: u32 = 8;

/// Pauses for a file just written (a weak ETag) in one publication before giving up.
pub const MAX_WAITS: u32 = 12;

/// The pause before reading again a file written within the last second.
pub const READ_AGAIN_AFTER_MS: u32 = 1100;

/// Where this browser keeps what it knows of the shared file (apart from the data).
pub const REMEMBERED_KEY: &str = "dondoc.shared";

/// Whether `name` can name the shared file: a plain `.json` file name in the app's own
/// folder (letters without diacritics, digits, `-`, `_`, `.`), so no request leaves it.
pub fn valid_file_name(name: &str) -> bool {
    name.len() <= 100
        && name.len() > ".json".len()
        && name.ends_with(".json")
        && !name.starts_with('.')
        && !name.contains("..")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// One version of the shared file, as the server (or the disk) names it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileVersion {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl FileVersion {
    pub fn is_known(&self) -> bool {
        self.etag.is_some() || self.last_modified.is_some()
    }

    /// A weak ETag (`W/"…"`): Apache gives one for a file changed within the last second,
    /// and `If-Match` never matches it. Read again a moment later to get a strong one.
    pub fn is_weak(&self) -> bool {
        self.etag.as_deref().is_some_and(|e| e.starts_with("W/"))
    }

    /// Whether `other` names the same version: by ETag when both have one (a weak one
    /// compared by its value), else by date.
    pub fn same_as(&self, other: &FileVersion) -> bool {
        let value = |e: &str| e.strip_prefix("W/").unwrap_or(e).to_owned();
        match (&self.etag, &other.etag) {
            (Some(a), Some(b)) => value(a) == value(b),
            _ => self.last_modified.is_some() && self.last_modified == other.last_modified,
        }
    }

    /// The condition under which a write replaces exactly this version.
    fn write_if(&self) -> Option<Precondition> {
        match (&self.etag, &self.last_modified) {
            (Some(e), _) => Some(Precondition::IfMatch(e.clone())),
            (None, Some(d)) => Some(Precondition::IfUnmodifiedSince(d.clone())),
            (None, None) => None,
        }
    }
}

/// The condition a write carries, as an HTTP header (the disk checks the same).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Precondition {
    IfMatch(String),
    IfUnmodifiedSince(String),
    /// Only if there is no file yet.
    IfNoneMatchAny,
}

impl Precondition {
    /// The header's name and value.
    pub fn header(&self) -> (&'static str, &str) {
        match self {
            Precondition::IfMatch(e) => ("If-Match", e),
            Precondition::IfUnmodifiedSince(d) => ("If-Unmodified-Since", d),
            Precondition::IfNoneMatchAny => ("If-None-Match", "*"),
        }
    }

    /// Whether a file now at `current` (`None`: no file) meets the condition.
    pub fn holds(&self, current: Option<&FileVersion>) -> bool {
        match (self, current) {
            (Precondition::IfNoneMatchAny, current) => current.is_none(),
            (Precondition::IfMatch(e), Some(v)) => v.etag.as_deref() == Some(e),
            (Precondition::IfUnmodifiedSince(d), Some(v)) => v.last_modified.as_deref() == Some(d),
            (_, None) => false,
        }
    }
}

/// What the server (or the disk) answered: the status, the version it names, the text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    pub status: u16,
    pub version: FileVersion,
    pub body: Option<String>,
}

/// Why the shared file could not be read or written, said to the officer in plain words.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// 401, 407: the server wants a signed-in user.
    NotSignedIn,
    /// 403, 405, 501: the server does not allow writing (or reading) there.
    NotAllowed,
    /// 404 on reading when a file was expected, 409 on writing: no such folder.
    NotFound,
    /// 507, 413: no room on the server, or the file is too large for it.
    NoRoom,
    /// Other officers kept publishing in between, round after round.
    Busy {
        rounds: u32,
    },
    /// The server names no version of the file: a write could overwrite a colleague's.
    NoVersion,
    /// The file is not a Dondoc file that can be read.
    Damaged(LoadError),
    /// The file's records break the model's rules.
    Broken(Vec<ValidationError>),
    /// No answer at all (the server is down, the network is cut).
    Unreachable,
    Other(u16),
}

impl Refusal {
    /// The refusal an HTTP status means; `None` for a success (or 412, which is no refusal
    /// but a reason to read again).
    pub fn of_status(status: u16) -> Option<Refusal> {
        Some(match status {
            200..=299 | 304 | 412 => return None,
            0 => Refusal::Unreachable,
            401 | 407 => Refusal::NotSignedIn,
            403 | 405 | 501 => Refusal::NotAllowed,
            404 | 409 | 410 => Refusal::NotFound,
            413 | 507 => Refusal::NoRoom,
            other => Refusal::Other(other),
        })
    }
}

/// What this browser knows of the shared file: the version it last took in or wrote.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remembered {
    #[serde(default)]
    pub version: FileVersion,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<Utc>>,
}

/// Whether the shared file changed since this browser last took it in.
#[derive(Debug, Clone, PartialEq)]
pub enum Freshness {
    /// There is a file, and this browser never took it in.
    NeverTaken,
    Unchanged,
    Changed,
    /// There is no shared file yet.
    Missing,
    Refused(Refusal),
}

/// The verdict of a check (a `HEAD`) against what this browser remembers.
pub fn freshness(remembered: &Remembered, answer: &Answer) -> Freshness {
    if answer.status == 404 {
        return Freshness::Missing;
    }
    if let Some(r) = Refusal::of_status(answer.status) {
        return Freshness::Refused(r);
    }
    if !remembered.version.is_known() {
        Freshness::NeverTaken
    } else if remembered.version.same_as(&answer.version) {
        Freshness::Unchanged
    } else {
        Freshness::Changed
    }
}

/// A file read and checked: its records, its envelope, what taking them in would do.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub dataset: Dataset,
    pub info: Option<ExportInfo>,
    pub plan: ImportPlan,
    /// The data's version the plan was made on (`Session::revision`).
    pub planned_at: u64,
    pub version: FileVersion,
    /// The format version the file was written in, when older than this app's.
    pub migrated_from: Option<u32>,
}

/// Reads a shared file's text, checks it against this browser's data and plans taking it
/// in (nothing is written).
pub fn read_incoming<K: KeyValue>(
    session: &Session<K>,
    text: &str,
    version: FileVersion,
) -> Result<Incoming, Refusal> {
    let loaded = parse_dataset(text).map_err(Refusal::Damaged)?;
    let broken = session.data().check_import(&loaded.dataset);
    if !broken.is_empty() {
        return Err(Refusal::Broken(broken));
    }
    let info = loaded.export;
    let plan = session.plan_import(&loaded.dataset, ExportInfo::based_on(info.as_ref()));
    Ok(Incoming {
        dataset: loaded.dataset,
        info,
        plan,
        planned_at: session.revision(),
        version,
        migrated_from: loaded.migrated_from,
    })
}

#[path = "shared_publish.rs"]
mod publish;
pub use publish::{Clock, Next, Publish, Published};

#[cfg(test)]
#[path = "shared_tests.rs"]
mod tests;
