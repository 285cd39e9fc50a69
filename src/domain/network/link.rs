//! How a run ended, as the header says it: synced at a time, syncing, offline, a login
//! needed, or what the server answered.

/// Where this browser stands with the network, said in the header.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// A run is going on.
    Syncing,
    /// The last run ended well, at that time.
    SyncedAt(chrono::DateTime<chrono::Utc>),
    /// The server could not be reached: the data is here, the next run sends it.
    Offline,
    /// The server asked for a login (the session expired, or a wrong password).
    NeedsLogin,
    /// The server answered what the run could not use (its words).
    Failed(String),
}

impl Link {
    /// How a run ended: `reached` false when a request got no answer at all.
    pub fn after(
        status: &super::replicator::Status,
        reached: bool,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Link {
        use super::replicator::Status;
        match status {
            _ if !reached => Link::Offline,
            Status::Done | Status::Running => Link::SyncedAt(now),
            Status::NeedsLogin => Link::NeedsLogin,
            Status::Failed(why) => Link::Failed(why.clone()),
        }
    }
}

/// A record a document names, as the officer knows it: its kind and label (`None` when the
/// data no longer holds it).
pub fn record_named(
    data: &crate::domain::Dataset,
    collection: &str,
    id: &str,
) -> Option<(crate::domain::RecordKind, String)> {
    use crate::domain::model::collection::Collection;
    use crate::domain::model::dataset::Visitor;
    use crate::domain::model::record::Record;
    struct Find<'a> {
        collection: &'a str,
        id: &'a str,
        found: Option<(crate::domain::RecordKind, String)>,
    }
    impl Visitor for Find<'_> {
        fn visit<T: Record>(&mut self, c: &Collection<T>) {
            if T::KIND.collection() == self.collection {
                self.found = c
                    .iter()
                    .find(|r| r.id().as_ref() == self.id)
                    .map(|r| (T::KIND, r.label()));
            }
        }
    }
    let mut find = Find {
        collection,
        id,
        found: None,
    };
    data.visit(&mut find);
    find.found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::network::Status;

    #[test]
    fn a_run_ends_synced_offline_or_asking_for_a_login() {
        let now = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
        assert_eq!(Link::after(&Status::Done, true, now), Link::SyncedAt(now));
        assert_eq!(Link::after(&Status::Running, false, now), Link::Offline);
        assert_eq!(
            Link::after(&Status::NeedsLogin, true, now),
            Link::NeedsLogin
        );
        assert_eq!(
            Link::after(&Status::Failed("500".into()), true, now),
            Link::Failed("500".into())
        );
    }
}
