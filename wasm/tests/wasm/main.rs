//! Wasm tests: the same scenarios as the native tests, through the JavaScript boundary,
//! run in Node (`wasm-pack test --node wasm --test wasm`) and headless Chromium
//! (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome wasm --test wasm`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod approvals;
mod boundary;
mod foundation;
mod groups;
mod search;
mod sharing;
mod support;
