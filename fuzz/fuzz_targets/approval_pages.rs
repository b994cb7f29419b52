//! `cargo fuzz run approval_pages`: its body, `approvals` in `bodies/source_pages.rs` (beside
//! `flow_pages`'s), is shared with `tests/fuzz_replay.rs`, which replays
//! `fuzz/corpus/approval_pages/` in `cargo test`.
#![no_main]

#[path = "../bodies/source_pages.rs"]
mod body;

libfuzzer_sys::fuzz_target!(|data: &[u8]| body::approvals(data));
