//! Sharing: the Data screen (`data`: export, import, the sample, the storage meter), the
//! import preview (`import`), backups kept in this browser, the office's shared file
//! (`shared_folder`, reached through `shared_io`), and the conflicts between tabs (`tabs`).
//! They read `domain::sharing` (merge, validation) and `storage` (`shared`, `side`).
//!
//! `tabs` sits here because a record changed in two tabs is shown with the import's own
//! field table; it is drawn on every screen by the shell. The Data screen's settings card
//! stays in the shell (`ui::settings`).

mod backups;
mod data;
mod import;
mod network;
mod preview;
mod replies;
mod shared_folder;
mod shared_io;
mod tabs;

pub(super) use data::DataPage;
pub(super) use shared_folder::{check_at_start, SharedNotice};
pub(super) use tabs::TabConflicts;
