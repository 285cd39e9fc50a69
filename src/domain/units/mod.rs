//! Units.

pub mod handover;
pub mod org;
pub mod succession;
pub mod succession_draft;
pub mod unit_draft;
pub mod unit_join;
