//! Wasm tests, run in Node (`wasm-pack test --node -- --test wasm`) and headless Chromium
//! (`wasm-pack test --headless --chrome -- --test wasm`).
#![cfg(target_arch = "wasm32")]

mod sharing;
