//! One page's part in a province's network (`domain::network`): the sync state, read from
//! storage when first needed; each answer of a run taken in (the data changes only when
//! it brought documents, and is then saved like an edit); the state written beside the
//! data a part per step; a conflict settled by the officer.

use super::*;
use crate::domain::network::{HttpRequest, HttpResponse, Replicator, Side, SyncState};
use crate::storage::network::{self as stored, Unwritten};

/// The state and what of it waits to be written.
pub(super) struct NetworkSide {
    state: SyncState,
    unwritten: Unwritten,
}

impl<K: KeyValue> Session<K> {
    fn network_side(&mut self) -> &mut NetworkSide {
        if self.network.is_none() {
            self.network = Some(NetworkSide {
                state: stored::read_state(self.repo.kv()),
                unwritten: Unwritten::default(),
            });
        }
        self.network.as_mut().expect("just read")
    }

    /// The replication state (checkpoint, conflicts, refusals).
    pub fn sync_state(&mut self) -> &SyncState {
        &self.network_side().state
    }

    /// The run's next request, asked of the data as it is now; what it pushes is signed
    /// with `account`, the account logged in.
    pub fn sync_request(&mut self, run: &mut Replicator, account: &str) -> Option<HttpRequest> {
        self.network_side();
        let side = self.network.as_ref().expect("read above");
        let mut request = run.next_request(&self.data, &side.state)?;
        stored::sign_documents(&mut request, account);
        Some(request)
    }

    /// Takes in the answer to `request`; whether the data changed.
    pub fn sync_answer(
        &mut self,
        run: &mut Replicator,
        request: &HttpRequest,
        mut answer: HttpResponse,
    ) -> bool {
        stored::unsign_documents(&mut answer);
        self.network_side();
        let side = self.network.as_mut().expect("read above");
        side.unwritten.touched(request);
        let data = Rc::make_mut(&mut self.data);
        run.receive(data, &mut side.state, answer);
        let changes = stored::answer_changes_data(request);
        if changes {
            self.network_changed_data();
        }
        changes
    }

    /// The data changed by the network (records pulled, a conflict settled): saved like an
    /// edit; what it replaced is not a change of this browser's, so no merge base is kept.
    fn network_changed_data(&mut self) {
        if let Some(data) = Rc::get_mut(&mut self.data) {
            data.take_originals();
        }
        self.forget_undo();
        let local = self.local_changes;
        self.mark_pending();
        self.local_changes = local;
    }

    /// Settles the conflict on `id` with the officer's choice per field (`pick`): the
    /// result written to the data, sent on the next run.
    pub fn settle_sync_conflict(
        &mut self,
        id: &str,
        pick: &dyn Fn(&str) -> Side,
    ) -> Result<(), crate::domain::network::Unreadable> {
        self.network_side();
        let side = self.network.as_mut().expect("read above");
        side.unwritten.record(id);
        let result = side.state.resolve(Rc::make_mut(&mut self.data), id, pick);
        self.network_changed_data();
        result
    }

    /// Writes one part of the state that waits; `true` while more waits. A failure (no
    /// room) leaves it waiting: the data comes first.
    pub fn network_write_step(&mut self) -> bool {
        let Some(side) = self.network.as_mut() else {
            return false;
        };
        stored::write_step(self.repo.kv_mut(), &side.state, &mut side.unwritten).unwrap_or(false)
    }

    /// The versions the data's last change replaced: for a browser in the network, those
    /// that were synced are kept as merge bases (a record changed on both sides then puts
    /// to the officer only the fields both changed); otherwise they are let go.
    pub(super) fn keep_network_bases(&mut self) {
        let Some(data) = Rc::get_mut(&mut self.data) else {
            return;
        };
        let (before, changed) = data.take_originals();
        if changed.is_empty() {
            return;
        }
        let in_network =
            self.network.is_some() || self.repo.kv().get(stored::NETWORK_KEY).is_some();
        if !in_network {
            return;
        }
        let side = self.network_side();
        side.state.keep_bases(&before, &changed);
        for id in changed.values().flatten() {
            side.unwritten.record(id);
        }
    }

    /// Changes of the data made here (edits, imports, another tab's), not by the network:
    /// a run started at this count has seen them all.
    pub fn local_changes(&self) -> u64 {
        self.local_changes
    }

    /// Whether nothing changed the data here since the last run that ended well started:
    /// the next run then only pulls.
    pub fn unchanged_since_last_run(&self) -> bool {
        self.network_ran_at == Some(self.local_changes)
    }

    /// A run that started at `local_changes` ended well.
    pub fn run_ended(&mut self, started_at: u64) {
        self.network_ran_at = Some(started_at);
    }

    /// Leaves the network: the state forgotten here and in storage (the data stays).
    pub fn leave_network(&mut self) {
        stored::remove_state(self.repo.kv_mut());
        self.network = Some(NetworkSide {
            state: SyncState::default(),
            unwritten: Unwritten::default(),
        });
    }
}
