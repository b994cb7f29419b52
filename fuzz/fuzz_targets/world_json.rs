//! `cargo fuzz run world_json`: the body is shared with `tests/fuzz_replay.rs`, which replays
//! `fuzz/corpus/world_json/` in `cargo test`.
#![no_main]

#[path = "../bodies/world_json.rs"]
mod body;

libfuzzer_sys::fuzz_target!(|data: &[u8]| body::run(data));
