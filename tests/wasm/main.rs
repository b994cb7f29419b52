//! Wasm tests: the JavaScript face, run in Node (`wasm-pack test --node -- --test wasm`)
//! and headless Chromium (`wasm-pack test --headless --chrome -- --test wasm`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod groups;
