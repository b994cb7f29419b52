//! `cargo fuzz run graph_pages`: the body is shared with `tests/fuzz_replay.rs`, which replays
//! `fuzz/corpus/graph_pages/` in `cargo test`.
#![no_main]

#[path = "../bodies/graph_pages.rs"]
mod body;

libfuzzer_sys::fuzz_target!(|data: &[u8]| body::run(data));
