//! Power Automate pages (`Directory.fromSources`, `powerAutomate`): the input is the JSON
//! of the `powerAutomate` list, read beside the Graph pages and Dataverse tables of
//! `tests/fixtures/sources/input.json`, so the fuzzer mutates the flows and permissions
//! alone. Any text is refused with a code or imports; an imported world that loads is the
//! same directory as its `fromJSON` twin.

#[path = "sources_common.rs"]
mod sources_common;

/// Runs one input.
pub fn run(data: &[u8]) {
    sources_common::run_with_part("powerAutomate", data);
}
