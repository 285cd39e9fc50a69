//! Storage: the dataset kept in the browser's localStorage, compactly, in parts, committed
//! atomically, and never overwritten when it cannot be read.
//!
//! Everything but [`local`] is plain Rust and tested natively against [`kv::MemoryKv`].

pub mod codec;
pub mod kv;
pub mod network;
pub mod repo;
pub mod session;
mod shards;
pub mod shared;
pub mod side;
pub mod snapshots;

#[cfg(target_arch = "wasm32")]
pub mod local;

pub use kv::{KeyValue, MemoryKv, SharedKv, WriteError};
pub use repo::{Commit, LoadOutcome, Repository, SetAside, QUOTA_UNITS};
