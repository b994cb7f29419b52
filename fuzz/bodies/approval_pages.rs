//! Dataverse Approvals tables (`Directory.fromSources`, `dataverse`): the input is the
//! JSON of the `dataverse` list, read beside the Graph pages and Power Automate flows of
//! `tests/fixtures/sources/input.json`, so the fuzzer mutates the approvals, requests,
//! responses and system users alone. Any text is refused with a code or imports; an
//! imported world that loads is the same directory as its `fromJSON` twin.

#[path = "sources_common.rs"]
mod sources_common;

/// Runs one input.
pub fn run(data: &[u8]) {
    sources_common::run_with_part("dataverse", data);
}
