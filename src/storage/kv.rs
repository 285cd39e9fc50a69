//! The key-value interface storage is written against: localStorage in the browser, an
//! in-memory map with the same quota rule in native tests.

use std::collections::BTreeMap;

use super::codec::utf16_len;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's storage quota is exhausted.
    Quota,
    /// Storage is disabled, blocked or otherwise refused the write.
    Unavailable(String),
    /// What is stored was saved elsewhere (another tab, another version of the app) in a
    /// form this page could not take in: writing would overwrite it.
    ChangedElsewhere,
}

pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;

    /// UTF-16 units used by all keys and values, as the browser's quota counts them.
    fn used_units(&self) -> usize {
        self.keys()
            .iter()
            .map(|k| utf16_len(k) + self.get(k).map_or(0, |v| utf16_len(&v)))
            .sum()
    }
}

/// Storage in memory with a quota counted like Chromium's, for native tests.
#[derive(Debug, Clone, Default)]
pub struct MemoryKv {
    pub map: BTreeMap<String, String>,
    pub quota_units: Option<usize>,
}

impl MemoryKv {
    pub fn with_quota(units: usize) -> Self {
        Self {
            map: BTreeMap::new(),
            quota_units: Some(units),
        }
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        if let Some(quota) = self.quota_units {
            let old = self
                .map
                .get(key)
                .map_or(0, |v| utf16_len(key) + utf16_len(v));
            if self.used_units() - old + utf16_len(key) + utf16_len(value) > quota {
                return Err(WriteError::Quota);
            }
        }
        self.map.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}

/// One in-memory storage seen by several pages (tabs) in native tests. Each handle can be
/// told to refuse writes, as a page whose storage is blocked or full sees it.
#[derive(Debug, Clone, Default)]
pub struct SharedKv {
    store: std::rc::Rc<std::cell::RefCell<MemoryKv>>,
    refuse: std::rc::Rc<std::cell::RefCell<Option<WriteError>>>,
}

impl SharedKv {
    /// Another page's handle on the same storage (refusing nothing); its clones are the
    /// same page's.
    pub fn handle(&self) -> SharedKv {
        SharedKv {
            store: self.store.clone(),
            refuse: Default::default(),
        }
    }

    pub fn set_quota(&self, units: Option<usize>) {
        self.store.borrow_mut().quota_units = units;
    }

    /// From now on this page's writes fail with `error` (`None`: they work again).
    pub fn refuse_writes(&self, error: Option<WriteError>) {
        *self.refuse.borrow_mut() = error;
    }

    /// Writes `value` under `key` whatever the quota (a damaged or foreign value).
    pub fn put(&self, key: &str, value: &str) {
        self.store
            .borrow_mut()
            .map
            .insert(key.to_owned(), value.to_owned());
    }
}

impl KeyValue for SharedKv {
    fn get(&self, key: &str) -> Option<String> {
        self.store.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        match self.refuse.borrow().clone() {
            Some(e) => Err(e),
            None => self.store.borrow_mut().set(key, value),
        }
    }
    fn remove(&mut self, key: &str) {
        self.store.borrow_mut().remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.store.borrow().keys()
    }
}
