//! The browser's localStorage behind [`KeyValue`]. Write errors are told apart (quota or
//! storage refused) so the user hears the right reason.

use wasm_bindgen::JsCast;

use super::kv::{KeyValue, WriteError};

/// localStorage, or nothing when the browser refuses it (blocked, disabled); then every
/// write fails with a clear reason and reads find nothing.
pub struct LocalKv(Option<web_sys::Storage>);

impl LocalKv {
    pub fn open() -> Self {
        Self(web_sys::window().and_then(|w| w.local_storage().ok().flatten()))
    }

    pub fn is_available(&self) -> bool {
        self.0.is_some()
    }
}

impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Option<String> {
        self.0.as_ref()?.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        let storage = self
            .0
            .as_ref()
            .ok_or_else(|| WriteError::Unavailable("localStorage is not available".into()))?;
        storage
            .set_item(key, value)
            .map_err(|e| match e.dyn_ref::<web_sys::DomException>() {
                Some(ex) if ex.name() == "QuotaExceededError" || ex.code() == 22 => {
                    WriteError::Quota
                }
                Some(ex) => WriteError::Unavailable(ex.message()),
                None => WriteError::Unavailable(format!("{e:?}")),
            })
    }

    fn remove(&mut self, key: &str) {
        if let Some(storage) = &self.0 {
            let _ = storage.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(storage) = &self.0 else {
            return Vec::new();
        };
        let len = storage.length().unwrap_or(0);
        (0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect()
    }
}
