//! A "browser" for the tests: its data, its sync state (what localStorage would hold) and
//! its cookie jar, synced through the replicator with the test server.

use dondoc::domain::network::{
    Config, Credentials, HttpRequest, Replicator, RunReport, Status, SyncState,
};
use dondoc::domain::Dataset;

use super::server::{Client, Server};

pub struct Browser {
    pub data: Dataset,
    pub state: SyncState,
    pub client: Client,
    pub config: Config,
}

impl Browser {
    pub fn new(server: &Server, db: &str, name: &str, data: Dataset) -> Browser {
        Browser {
            data,
            state: SyncState::default(),
            client: Client::new(server),
            config: Config {
                db: db.to_owned(),
                replication_id: format!("dondoc-{name}"),
                credentials: None,
                batch: 200,
            },
        }
    }

    pub fn batch(mut self, n: usize) -> Browser {
        self.config.batch = n;
        self
    }

    pub fn login(&mut self, name: &str, password: &str) {
        self.config.credentials = Some(Credentials {
            name: name.into(),
            password: password.into(),
        });
    }

    /// A change of the data, its records' synced versions set aside as merge bases (what
    /// the app's storage does on each change).
    pub fn edit(&mut self, f: impl FnOnce(&mut Dataset)) {
        let before = self.data.clone();
        f(&mut self.data);
        let changed = self.data.take_changes();
        self.state.keep_bases(&before, &changed);
    }

    /// A whole run.
    pub fn sync(&mut self) -> (Status, RunReport) {
        self.run(usize::MAX)
    }

    /// A run that must end well.
    pub fn synced(&mut self) -> RunReport {
        let (status, report) = self.sync();
        assert_eq!(status, Status::Done, "{report:?}");
        report
    }

    /// A run cut after `answers` answers: the next request reaches the server, its answer
    /// is lost, and the replicator is dropped (the page closed, the link down). Returns
    /// whether the run ended before the cut.
    pub fn sync_cut(&mut self, answers: usize) -> bool {
        let (status, _) = self.run(answers);
        status != Status::Running
    }

    /// Runs until `stop` says so of the next request (not sent yet): the replicator and
    /// that request, to go on with [`Browser::resume`] once something else happened.
    pub fn run_until(&mut self, stop: impl Fn(&HttpRequest) -> bool) -> (Replicator, HttpRequest) {
        let mut r = Replicator::new(self.config.clone());
        loop {
            let request = r
                .next_request(&self.data, &self.state)
                .expect("the run reaches the request waited for");
            if stop(&request) {
                return (r, request);
            }
            let answer = self.client.perform(&request);
            r.receive(&mut self.data, &mut self.state, answer);
        }
    }

    pub fn resume(&mut self, mut r: Replicator, request: HttpRequest) -> (Status, RunReport) {
        let mut next = Some(request);
        while let Some(request) = next {
            let answer = self.client.perform(&request);
            r.receive(&mut self.data, &mut self.state, answer);
            next = r.next_request(&self.data, &self.state);
        }
        (r.status(), r.report().clone())
    }

    fn run(&mut self, answers: usize) -> (Status, RunReport) {
        let mut r = Replicator::new(self.config.clone());
        let mut handled = 0;
        while let Some(request) = r.next_request(&self.data, &self.state) {
            let answer = self.client.perform(&request);
            if handled == answers {
                return (Status::Running, r.report().clone());
            }
            r.receive(&mut self.data, &mut self.state, answer);
            handled += 1;
        }
        (r.status(), r.report().clone())
    }
}
