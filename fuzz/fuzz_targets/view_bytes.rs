//! `cargo fuzz run view_bytes`: the body is shared with `tests/fuzz_replay.rs`, which replays
//! `fuzz/corpus/view_bytes/` in `cargo test`.
#![no_main]

#[path = "../bodies/view_bytes.rs"]
mod body;

libfuzzer_sys::fuzz_target!(|data: &[u8]| body::run(data));
