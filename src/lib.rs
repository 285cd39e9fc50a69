//! Dondoc: follow-up of key public-investment projects and steering-committee conclusions.
//!
//! `domain`, `i18n` and the pure half of `storage` are plain Rust, compiled and tested
//! natively. `ui` and the browser half of `storage` exist only in the WebAssembly build.

pub mod domain;
pub mod i18n;
pub mod route;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
