//! Wasm tests: the same scenarios as the native tests, through the JavaScript boundary,
//! run by `wasm-pack test --node -- --test wasm` and
//! `wasm-pack test --headless --chrome -- --test wasm`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod approvals;
mod foundation;
mod support;
