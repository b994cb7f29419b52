//! Replays every file of `fuzz/corpus/<target>/` through the body of that fuzz target
//! (`fuzz/bodies/<target>.rs`, or `source_pages.rs` for `flow_pages` and `approval_pages`,
//! shared with `cargo fuzz`), so `cargo test` keeps every
//! input the fuzzers found interesting (and every crash once fixed) passing.
//!
//! `cargo test --test fuzz_replay -- --ignored write_seed_corpus` writes the seed inputs
//! (sample worlds, the Graph fixture, snapshots, queries) into the corpus directories.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../fuzz/bodies/graph_pages.rs"]
mod graph_pages;
#[path = "../fuzz/bodies/operations.rs"]
mod operations;
#[path = "../fuzz/bodies/search_query.rs"]
mod search_query;
#[path = "../fuzz/bodies/snapshot_bytes.rs"]
mod snapshot_bytes;
#[path = "../fuzz/bodies/source_pages.rs"]
mod source_pages;
#[path = "../fuzz/bodies/view_bytes.rs"]
mod view_bytes;
#[path = "../fuzz/bodies/world_json.rs"]
mod world_json;

use std::path::{Path, PathBuf};

fn corpus(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target)
}

/// Runs every corpus file of `target` through `body`, naming the file that fails.
fn replay(target: &str, body: fn(&[u8])) {
    let dir = corpus(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    for file in &files {
        // A fuzzer running on the corpus meanwhile may have replaced the file.
        let Ok(data) = std::fs::read(file) else {
            continue;
        };
        let name = file.display().to_string();
        let outcome = std::panic::catch_unwind(|| body(&data));
        assert!(outcome.is_ok(), "{target}: {name} fails");
    }
}

#[test]
fn world_json_corpus() {
    replay("world_json", world_json::run);
}

#[test]
fn graph_pages_corpus() {
    replay("graph_pages", graph_pages::run);
}

#[test]
fn snapshot_bytes_corpus() {
    replay("snapshot_bytes", snapshot_bytes::run);
}

#[test]
fn search_query_corpus() {
    replay("search_query", search_query::run);
}

#[test]
fn operations_corpus() {
    replay("operations", operations::run);
}

#[test]
fn flow_pages_corpus() {
    replay("flow_pages", source_pages::flows);
}

#[test]
fn approval_pages_corpus() {
    replay("approval_pages", source_pages::approvals);
}

#[test]
fn view_bytes_corpus() {
    replay("view_bytes", view_bytes::run);
}

/// Writes the seed inputs of every target (run by hand; see fuzz/README.md).
#[test]
#[ignore = "writes files: run by hand to (re)seed the corpus"]
fn write_seed_corpus() {
    use guestpass::directory::Directory;
    use guestpass_sample::{sample_world, SampleOptions};
    let write = |target: &str, name: &str, data: &[u8]| {
        let dir = corpus(target);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("seed-{name}")), data).unwrap();
    };
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut worlds: Vec<(String, String)> = Vec::new();
    for name in ["world", "sharing", "approvals", "groups"] {
        let text = std::fs::read_to_string(fixtures.join(format!("{name}.json"))).unwrap();
        worlds.push((name.to_string(), text));
    }
    for (users, seed) in [(0, 1), (40, 2)] {
        let world = sample_world(&SampleOptions { users, seed });
        worlds.push((
            format!("sample-{users}-{seed}"),
            serde_json::to_string(&world).unwrap(),
        ));
    }
    for (name, text) in &worlds {
        write("world_json", name, text.as_bytes());
        if let Ok(dir) = Directory::from_json_str(text) {
            let bytes = dir.to_bytes().unwrap();
            write("snapshot_bytes", name, &bytes);
            // The body alone: the target also frames its input with a valid header and
            // checksum, so this reaches the decoder behind the checksum.
            let body = guestpass::snapshot::body(&bytes).unwrap();
            write("snapshot_bytes", &format!("{name}-payload"), body);
        }
    }
    write("snapshot_bytes", "empty", b"");
    write("snapshot_bytes", "magic", b"GUESTPAS");
    let graph = std::fs::read(fixtures.join("graph/input.json")).unwrap();
    write("graph_pages", "fixture", &graph);
    write("graph_pages", "empty", br#"{"tenants":[]}"#);
    write(
        "graph_pages",
        "small",
        br##"{"tenants":[{"organization":{"id":"t1","displayName":"T","verifiedDomains":[{"name":"t.com","isDefault":true},{"name":"t.onmicrosoft.com","isInitial":true}]},"users":[{"value":[{"id":"u1","displayName":"Ann Lee","userPrincipalName":"ann@t.com","mail":"ann@t.com","userType":"Member"},{"id":"u2","displayName":"Bo","userPrincipalName":"bo_x.com#EXT#@t.onmicrosoft.com","mail":"bo@x.com","userType":"Guest","externalUserState":"PendingAcceptance"}]}],"groups":[{"value":[{"id":"g1","displayName":"G","securityEnabled":true,"groupTypes":[]}]}],"groupMembers":{"g1":[{"value":[{"@odata.type":"#microsoft.graph.user","id":"u1"}]}]},"consentedToPowerAutomate":["u1"]}]}"##,
    );
    // Sources: the fixture's Power Automate and Dataverse parts (each target replaces
    // one of them), and its Graph part for graph_pages (policies and subscribed SKUs,
    // which the Graph fixture does not have).
    let sources: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixtures.join("sources/input.json")).unwrap())
            .unwrap();
    write(
        "graph_pages",
        "sources-graph",
        sources["graph"].to_string().as_bytes(),
    );
    write(
        "flow_pages",
        "fixture",
        sources["powerAutomate"].to_string().as_bytes(),
    );
    write("flow_pages", "empty", b"[]");
    write(
        "approval_pages",
        "fixture",
        sources["dataverse"].to_string().as_bytes(),
    );
    write("approval_pages", "empty", b"[]");
    // Views: of the fixture worlds and a sample world, for members and guests of each
    // access level, whole and as bodies (the target frames a body with a valid checksum).
    let sample =
        Directory::from_world(sample_world(&SampleOptions { users: 40, seed: 2 })).unwrap();
    let mut views: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, text) in &worlds {
        let Ok(dir) = Directory::from_json_str(text) else {
            continue;
        };
        for (i, user) in dir.users().take(6).enumerate() {
            if let Ok(bytes) = dir.view_for(&user.tenant_id, &user.id) {
                views.push((format!("{name}-{i}"), bytes));
            }
        }
    }
    for user in ["bob", "alice-at-contoso", "carol-at-contoso"] {
        if let Ok(bytes) = sample.view_for("contoso", user) {
            views.push((format!("sample-{user}"), bytes));
        }
    }
    for (name, bytes) in views.iter().filter(|(_, b)| b.len() <= 8192) {
        write("view_bytes", name, bytes);
        // The frame is 20 bytes of header and 8 of checksum.
        write(
            "view_bytes",
            &format!("{name}-payload"),
            &bytes[20..bytes.len() - 8],
        );
    }
    write("view_bytes", "magic", b"GUESTVEW");
    for (i, query) in [
        "a",
        "ali",
        "deb lef",
        "jean-luc",
        "o'brien",
        "山田",
        "alice@fabrikam.com",
        "alice_fabrikam.com#EXT#",
        "bob@contoso.com",
        "  ",
        "zoë",
        "anna schmidt",
    ]
    .iter()
    .enumerate()
    {
        let mut data = vec![
            i as u8,
            (i % 3) as u8 * 5,
            (i * 37 % 64) as u8,
            (i % 4) as u8,
        ];
        data.extend_from_slice(query.as_bytes());
        write("search_query", &format!("{i:02}"), &data);
    }
    // Operation seeds: arbitrary bytes decode to some sequence of steps; a few fixed
    // patterns give the fuzzer varied starting sequences.
    for i in 0u8..16 {
        let data: Vec<u8> = (0..200u32)
            .map(|j| (j as u8).wrapping_mul(i.wrapping_mul(2).wrapping_add(7)) ^ i)
            .collect();
        write("operations", &format!("{i:02}"), &data);
    }
}
