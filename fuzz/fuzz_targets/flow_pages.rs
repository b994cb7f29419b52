//! `cargo fuzz run flow_pages`: its body, `flows` in `bodies/source_pages.rs` (beside
//! `approval_pages`'s), is shared with `tests/fuzz_replay.rs`, which replays
//! `fuzz/corpus/flow_pages/` in `cargo test`.
#![no_main]

#[path = "../bodies/source_pages.rs"]
mod body;

libfuzzer_sys::fuzz_target!(|data: &[u8]| body::flows(data));
