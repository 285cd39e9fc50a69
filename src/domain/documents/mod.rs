//! Documents.

pub mod document;
pub mod office;
pub mod reading;
pub mod sheets;
pub mod table;
