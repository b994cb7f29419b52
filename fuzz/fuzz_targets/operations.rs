//! `cargo fuzz run operations`: the body is shared with `tests/fuzz_replay.rs`, which replays
//! `fuzz/corpus/operations/` in `cargo test`.
#![no_main]

#[path = "../bodies/operations.rs"]
mod body;

libfuzzer_sys::fuzz_target!(|data: &[u8]| body::run(data));
