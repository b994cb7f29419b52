//! The bodies of `flow_pages` and `approval_pages` (`Directory.fromSources`): the input is
//! the JSON of the fixture's `powerAutomate` list (flows and their permissions) or of its
//! `dataverse` list (approvals, requests, responses, system users), read beside the rest of
//! `tests/fixtures/sources/input.json`, so the fuzzer mutates that part alone. Any text is
//! refused with a code or imports; an imported world that loads is the same directory as
//! its `fromJSON` twin, and `from_sources` agrees. Reading the text straight into typed
//! rows (`world_from_sources_json`, what the package runs) gives the same world or the
//! same error as reading it through `SourcesInput`'s `Value` trees.

use guestpass::directory::Directory;
use guestpass::json_path::Origin;
use guestpass::sources::{world_from_sources, world_from_sources_json, SourcesInput};

/// The sources fixture (its path is relative to this file, so the fuzz crate and
/// `tests/fuzz_replay.rs` read the same one).
const FIXTURE: &str = include_str!("../../tests/fixtures/sources/input.json");

/// Runs one input of `flow_pages`.
pub fn flows(data: &[u8]) {
    run_with_part("powerAutomate", data);
}

/// Runs one input of `approval_pages`.
pub fn approvals(data: &[u8]) {
    run_with_part("dataverse", data);
}

/// Imports the fixture with its `part` (`powerAutomate` or `dataverse`) replaced by `data`.
fn run_with_part(part: &str, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    let mut input: serde_json::Value =
        serde_json::from_str(FIXTURE).expect("the sources fixture is JSON");
    input[part] = value;
    let text = input.to_string();
    let Ok(input) = SourcesInput::from_json(&text) else {
        return;
    };
    let read = world_from_sources(&input);
    let fast = world_from_sources_json(&text, Origin::Text);
    match (&read, &fast) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "the text path reads another world"),
        (Err(a), Err(b)) => assert_eq!(
            (a.code(), a.to_string()),
            (b.code(), b.to_string()),
            "the text path refuses otherwise"
        ),
        _ => panic!("the paths disagree: {read:?} / {fast:?}"),
    }
    let Ok(world) = read else {
        return;
    };
    let Ok(dir) = Directory::from_world(world.clone()) else {
        return;
    };
    let json = serde_json::to_string(&world).expect("an imported world writes JSON");
    let twin = Directory::from_json_str(&json).expect("the imported world loads from JSON");
    assert_eq!(
        twin.to_world(),
        dir.to_world(),
        "fromSources and fromJSON differ"
    );
    let direct = Directory::from_sources(&input).expect("from_sources agrees with from_world");
    assert_eq!(direct.to_world(), dir.to_world());
}
