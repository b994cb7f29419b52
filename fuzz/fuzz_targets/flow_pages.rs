//! `cargo fuzz run flow_pages`: the body is shared with `tests/fuzz_replay.rs`, which replays
//! `fuzz/corpus/flow_pages/` in `cargo test`.
#![no_main]

#[path = "../bodies/flow_pages.rs"]
mod body;

libfuzzer_sys::fuzz_target!(|data: &[u8]| body::run(data));
