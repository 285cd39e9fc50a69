//! The save and sharing protocol of one page (one browser tab), in plain Rust: the dataset,
//! the repository it is stored in, the merge base, the undo copy of the last import or
//! restore, and the versions this tab set aside when another tab changed the same record.
//!
//! The browser shell (`ui::state`) keeps only signals, the save timer and the browser's
//! events, and calls these methods; native tests drive the same methods against
//! [`super::MemoryKv`], several sessions sharing one store as several tabs do.
//!
//! Rules:
//! - an edit marks the data changed and forgets the undo (undoing later would throw away
//!   what was done since); the shell writes it a moment later with [`Session::flush`];
//! - every write first takes in what another tab committed ([`Session::sync_from_elsewhere`]),
//!   keeping this tab's unsaved changes; a record both changed keeps the stored version and
//!   this tab's is set aside ([`Session::tab_conflicts`]) to restore or dismiss;
//! - when storage is full the undo copy, then snapshots, give up their room, oldest first;
//! - a whole-data replacement (import, a notice read, a restored snapshot, an undo) keeps
//!   what it replaced to undo it, and marks every record it changed with the version it
//!   started from, so that if its own save fails, another tab's later commit cannot revert
//!   it silently: a record the other tab changed too becomes a conflict, the rest stay.

use std::rc::Rc;

use chrono::{DateTime, FixedOffset, Utc};

use super::repo::{AsideReason, MANIFEST_KEY};
use super::side::{self, UndoImport, SYNC_KEY, UNDO_HEAD_KEY};
use super::snapshots::{self, SnapshotInfo};
use super::{KeyValue, LoadOutcome, Repository, WriteError};
use crate::domain::documents::Saved;
use crate::domain::model::{Derived, Lookups};
use crate::domain::sharing::{file_name, ExportFile, ExportInfo, Officer, Scope};
use crate::domain::sharing::{Applied, Entry, ImportPlan, Resolution, SyncBase, Unresolved};
use crate::domain::{Changes, Dataset, Record};

mod network;
mod whole;

/// Where the data stands against storage, as a document editor says it.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Everything is stored (when this page last wrote, if it did).
    Saved(Option<DateTime<Utc>>),
    /// Changed and not yet written.
    Pending,
    /// The last write failed; the data stays in memory and the next write tries again.
    Failed(WriteError),
}

/// What start-up found in storage besides the data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Opened {
    /// Why stored data was set aside, if it was.
    pub aside: Option<AsideReason>,
    /// The version stored data was migrated from, if it was.
    pub migrated_from: Option<u32>,
}

/// What another tab's write (a `storage` event) changed here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Heard {
    /// The data changed (another tab's commit was taken in).
    pub data: bool,
    /// The undo offered changed (made or used elsewhere).
    pub undo: bool,
    /// This tab still has unsaved changes after taking it in: a save is due.
    pub save_due: bool,
}

/// Why an import was not applied (nothing changed).
#[derive(Debug, Clone, PartialEq)]
pub enum ImportRefused {
    /// A conflict has no resolution.
    Unresolved(Unresolved),
    /// The data changed since the plan was made (`Session::revision`): plan it again.
    Changed,
}

/// A file ready to download: its name and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub name: String,
    pub text: String,
}

/// Wraps a step to measure it (the browser's User Timing); natively it just runs it.
pub type Measure = fn(&str, &mut dyn FnMut());

fn unmeasured(_: &str, f: &mut dyn FnMut()) {
    f()
}

pub struct Session<K: KeyValue> {
    repo: Repository<K>,
    /// Shared with what is made from it over several tasks (a sheet, a letter per unit:
    /// [`Session::shared_data`]); a change while one is being made changes a copy.
    data: Rc<Dataset>,
    /// What was last exchanged with other officers, record by record.
    sync_base: SyncBase,
    /// The copy that undoes the last import or restore, once decoded (start-up reads only
    /// its head; the copy is read from storage when the officer undoes).
    undo: Option<UndoImport>,
    undo_head: Option<(String, DateTime<Utc>)>,
    /// Records this tab changed while another tab changed them too: the other version was
    /// kept; this tab's is held here until the officer restores or dismisses it.
    tab_versions: Dataset,
    tab_conflicts: Vec<Entry>,
    no_room_for_snapshots: bool,
    /// The hourly snapshot being written in steps ([`Session::snapshot_step`]); dropped when
    /// the data changes before it is done (taken again after the next save).
    snapshot_job: Option<snapshots::Job>,
    /// The data's version in this page: every edit, import, restore and commit taken in
    /// from another tab changes it (an import previewed on an older one is planned again).
    revision: u64,
    /// What screens look up, found once per version of the data (emptied whenever it
    /// changes).
    derived: Derived,
    status: SaveStatus,
    measure: Measure,
    /// The province network's replication state, read when first needed.
    network: Option<network::NetworkSide>,
    /// Changes made here, not by the network (`Session::local_changes`).
    local_changes: u64,
    /// The count of those when the last run that ended well started (`Session::run_ended`).
    network_ran_at: Option<u64>,
}

impl<K: KeyValue> Session<K> {
    /// Reads stored data; never fails (unreadable data is set aside and the page starts
    /// empty). Data migrated from an older version is written back at once.
    pub fn open(kv: K, stamp: &str, now: DateTime<Utc>, offset: FixedOffset) -> (Self, Opened) {
        Self::open_measured(kv, stamp, now, offset, unmeasured)
    }

    pub fn open_measured(
        kv: K,
        stamp: &str,
        now: DateTime<Utc>,
        offset: FixedOffset,
        measure: Measure,
    ) -> (Self, Opened) {
        let mut repo = Repository::new(kv);
        let mut loaded = None;
        measure("dondoc-load", &mut || loaded = Some(repo.load(stamp)));
        let (data, opened) = match loaded.expect("measure runs its step") {
            LoadOutcome::Empty => (Dataset::default(), Opened::default()),
            LoadOutcome::Loaded {
                dataset,
                migrated_from,
            } => (
                *dataset,
                Opened {
                    aside: None,
                    migrated_from,
                },
            ),
            LoadOutcome::SetAside(set_aside) => (
                Dataset::default(),
                Opened {
                    aside: Some(set_aside.reason),
                    migrated_from: None,
                },
            ),
        };
        let sync_base = side::read(repo.kv(), SYNC_KEY).unwrap_or_default();
        let undo_head = side::read_undo_head(repo.kv());
        let mut session = Session {
            repo,
            data: Rc::new(data),
            sync_base,
            undo: None,
            undo_head,
            tab_versions: Dataset::default(),
            tab_conflicts: Vec::new(),
            no_room_for_snapshots: false,
            snapshot_job: None,
            revision: 0,
            derived: Derived::default(),
            status: SaveStatus::Saved(None),
            measure,
            network: None,
            local_changes: 0,
            network_ran_at: None,
        };
        if opened.migrated_from.is_some() {
            session.flush(now, offset);
        }
        (session, opened)
    }

    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// The data as it is now, held for work done over several tasks (a file made in steps):
    /// a change meanwhile leaves it as it was.
    pub fn shared_data(&self) -> Rc<Dataset> {
        Rc::clone(&self.data)
    }

    /// The data with what screens look up in it (each found on the first call after a
    /// change, then kept).
    pub fn lookups(&self) -> Lookups<'_> {
        self.derived.with(&self.data)
    }

    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    pub fn sync_base(&self) -> &SyncBase {
        &self.sync_base
    }

    /// What the undo offered would undo and when, while it is offered.
    pub fn undo_head(&self) -> Option<&(String, DateTime<Utc>)> {
        self.undo_head.as_ref()
    }

    pub fn tab_conflicts(&self) -> &[Entry] {
        &self.tab_conflicts
    }

    pub fn repo(&self) -> &Repository<K> {
        &self.repo
    }

    /// Changes the data; the change waits for [`Session::flush`].
    pub fn edit<R>(&mut self, f: impl FnOnce(&mut Dataset) -> R) -> R {
        let result = f(Rc::make_mut(&mut self.data));
        self.data_changed();
        self.forget_undo();
        self.mark_pending();
        result
    }

    /// The data changed: a snapshot being written of it is dropped (one whose text is
    /// written is of the moment it was written, and is stored), plans made on it are old.
    fn data_changed(&mut self) {
        self.local_changes += 1;
        if self.snapshot_job.as_ref().is_some_and(|j| !j.written()) {
            self.snapshot_job = None;
        }
        self.derived = Derived::default();
        self.revision += 1;
    }

    /// The data's version in this page (see the field): an import planned on one version
    /// is applied only on the same.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn mark_pending(&mut self) {
        self.keep_network_bases();
        self.data_changed();
        if !matches!(self.status, SaveStatus::Failed(_)) {
            self.status = SaveStatus::Pending;
        }
    }

    fn forget_undo(&mut self) {
        if self.undo_head.is_some() || self.undo.is_some() {
            self.undo = None;
            self.undo_head = None;
            side::remove_undo(self.repo.kv_mut());
        }
    }

    /// Saves a record edited in a form opened on the version changed at `opened` (`None`
    /// for a new record). When another tab or an import changed it since, the other version
    /// stays and this one is set aside and shown: returns false.
    pub fn save_edit<T: Record>(&mut self, record: T, opened: Option<DateTime<Utc>>) -> bool {
        match self.edit(|d| d.save_edit(record, opened)) {
            Ok(()) => true,
            Err(refused) => {
                let (entry, mine) = *refused;
                self.tab_versions.set_aside(mine);
                self.set_aside(entry);
                false
            }
        }
    }

    fn set_aside(&mut self, entry: Entry) {
        self.tab_conflicts.retain(|e| e.id != entry.id);
        self.tab_conflicts.push(entry);
    }

    /// Puts this tab's set-aside version of record `id` back in place of the other one.
    pub fn keep_tab_version(&mut self, id: &str, now: DateTime<Utc>) {
        let versions = std::mem::take(&mut self.tab_versions);
        self.edit(|d| d.restore_version(&versions, id, now));
        self.tab_versions = versions;
        self.dismiss_tab_version(id);
    }

    pub fn dismiss_tab_version(&mut self, id: &str) {
        self.tab_conflicts.retain(|e| e.id != id);
    }

    /// Takes in what another tab committed since this page last read or wrote, keeping
    /// this tab's unsaved changes; records both changed are set aside. Returns whether the
    /// data changed.
    pub fn sync_from_elsewhere(&mut self, now: DateTime<Utc>) -> bool {
        let Session {
            repo,
            data,
            measure,
            ..
        } = self;
        let mut rebased = None;
        measure("dondoc-take-in", &mut || {
            rebased = repo
                .changed_elsewhere()
                .map(|commit| commit.rebase(Rc::make_mut(data), &Changes::new()));
        });
        let Some(result) = rebased else {
            return false;
        };
        self.data_changed();
        for entry in result.conflicts {
            let id = entry.id.clone();
            self.tab_versions.restore_version(&result.mine, &id, now);
            self.set_aside(entry);
        }
        if self.data.has_changes() {
            self.mark_pending();
        }
        true
    }

    /// Another tab wrote `key` (`None`: storage was cleared, or a change the browser did
    /// not name).
    pub fn heard(&mut self, key: Option<&str>, now: DateTime<Utc>) -> Heard {
        let mut heard = Heard::default();
        match key {
            Some(SYNC_KEY) => {
                self.sync_base = side::read(self.repo.kv(), SYNC_KEY).unwrap_or_default();
            }
            // Written after the copy and removed with it: the copy itself is read on undo.
            Some(UNDO_HEAD_KEY) => {
                self.undo_head = side::read_undo_head(self.repo.kv());
                self.undo = None;
                heard.undo = true;
            }
            Some(MANIFEST_KEY) => heard.data = self.sync_from_elsewhere(now),
            None => {
                self.undo_head = side::read_undo_head(self.repo.kv());
                self.undo = None;
                heard.undo = true;
                heard.data = self.sync_from_elsewhere(now);
            }
            Some(_) => {}
        }
        heard.save_due = heard.data && self.data.has_changes();
        heard
    }

    /// Writes pending changes now (after taking in another tab's commit), then an hourly
    /// snapshot when one is due and the save wrote something.
    pub fn flush(&mut self, now: DateTime<Utc>, offset: FixedOffset) -> &SaveStatus {
        self.sync_from_elsewhere(now);
        let Session {
            repo,
            data,
            no_room_for_snapshots,
            measure,
            ..
        } = self;
        let mut result = Err(WriteError::Unavailable(String::new()));
        measure("dondoc-save", &mut || {
            result = repo.save(Rc::make_mut(data))
        });
        // The data comes first: the undo copy and then snapshots give up their room,
        // oldest first; no snapshot is taken again this session.
        if result == Err(WriteError::Quota) {
            side::remove_undo(repo.kv_mut());
            self.undo = None;
            self.undo_head = None;
            *no_room_for_snapshots = true;
            result = repo.save(Rc::make_mut(data));
        }
        while result == Err(WriteError::Quota) && snapshots::drop_oldest(repo.kv_mut()) {
            result = repo.save(Rc::make_mut(data));
        }
        // Only after a save that wrote something (a page closing unchanged takes none).
        let wrote = matches!(&result, Ok(stats) if stats.shards_written > 0);
        // The snapshot is written in steps after the save ([`Session::snapshot_step`]).
        if wrote
            && !*no_room_for_snapshots
            && self.snapshot_job.is_none()
            && snapshots::due(repo.kv(), now)
        {
            self.snapshot_job = Some(snapshots::Job::new(now, offset));
        }
        self.status = match result {
            Ok(_) => SaveStatus::Saved(Some(now)),
            Err(e) => SaveStatus::Failed(e),
        };
        &self.status
    }

    /// Whether an hourly snapshot is being written: the shell calls
    /// [`Session::snapshot_step`] a task at a time until it is done.
    pub fn snapshot_due(&self) -> bool {
        self.snapshot_job.is_some()
    }

    /// Writes the next part of the snapshot, or stores the next part of it (each about
    /// 10 ms of work). Returns whether more steps remain.
    pub fn snapshot_step(&mut self) -> bool {
        let Session {
            repo,
            data,
            snapshot_job,
            no_room_for_snapshots,
            measure,
            ..
        } = self;
        let Some(job) = snapshot_job else {
            return false;
        };
        if !job.written() {
            measure("dondoc-snapshot-step", &mut || {
                job.step(data);
            });
            return true;
        }
        let mut stored = None;
        measure("dondoc-snapshot-store", &mut || {
            stored = job.store_step(repo.kv_mut());
        });
        match stored {
            None => true,
            Some(result) => {
                // No room for it: not tried again this session.
                if result.is_err() {
                    *no_room_for_snapshots = true;
                }
                *snapshot_job = None;
                false
            }
        }
    }
}
