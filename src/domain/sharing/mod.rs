//! Sharing.

pub mod merge;
pub mod migrate;
pub mod share;
pub mod unreadable;
pub mod validate;
