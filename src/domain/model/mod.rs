//! The model's core.

pub mod collection;
pub mod dataset;
pub mod derived;
pub mod ids;
pub mod record;
pub mod tabs;
