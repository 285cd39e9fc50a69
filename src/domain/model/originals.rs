//! The versions records had before they changed, kept by each collection until asked: a
//! browser in the province's network keeps the synced ones as merge bases
//! (`network::SyncState::keep_bases`).

use super::collection::Collection;
use super::dataset::{Changes, Dataset, VisitorMut};
use super::record::Record;

impl Dataset {
    /// The versions records had before their first change since the last call, as a
    /// dataset (a record new since then is named in the ids, absent from the dataset), with
    /// the ids per kind; forgotten here (`network::SyncState::keep_bases` takes them).
    pub fn take_originals(&mut self) -> (Dataset, Changes) {
        struct Take(Dataset, Changes);
        impl VisitorMut for Take {
            fn visit<T: Record>(&mut self, c: &mut Collection<T>) {
                let originals = c.take_originals();
                if originals.is_empty() {
                    return;
                }
                let ids = originals.iter().map(|(id, _)| id.clone()).collect();
                self.1.insert(T::KIND, ids);
                let into = self.0.collection_mut::<T>();
                for record in originals.into_iter().filter_map(|(_, r)| r) {
                    into.upsert(record);
                }
            }
        }
        let mut take = Take(Dataset::default(), Changes::new());
        self.visit_mut(&mut take);
        take.0.take_changes();
        take.0.take_originals_only();
        (take.0, take.1)
    }

    /// Forgets the originals only (a dataset built to be handed on).
    fn take_originals_only(&mut self) {
        struct Forget;
        impl VisitorMut for Forget {
            fn visit<T: Record>(&mut self, c: &mut Collection<T>) {
                c.take_originals();
            }
        }
        self.visit_mut(&mut Forget);
    }
}
