//! `cargo fuzz run search_query`: the body is shared with `tests/fuzz_replay.rs`, which replays
//! `fuzz/corpus/search_query/` in `cargo test`.
#![no_main]

#[path = "../bodies/search_query.rs"]
mod body;

libfuzzer_sys::fuzz_target!(|data: &[u8]| body::run(data));
