#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `Directory.fromSources` reads JSON text straight into typed rows
//! (`world_from_sources_json`); `SourcesInput` reads it into `Value` trees first. For the
//! fixtures and for every way of breaking them one property at a time (each value inside
//! the pages replaced by null, a boolean, whole and fractional numbers, strings, an array,
//! an object, or removed), both give the same world or the same error, code and message.
//! So does the input in parts (`world_from_sources_parts`: what `fromSources` of an object
//! sends, each source's part as its own text) against the whole text.

mod common;

use guestpass::json_path::Origin;
use guestpass::sources::{
    world_from_sources, world_from_sources_json, world_from_sources_parts, SourcesInput,
    SourcesParts,
};
use serde_json::{json, Value};

const SOURCES: &str = include_str!("fixtures/sources/input.json");
const GRAPH: &str = include_str!("fixtures/graph/input.json");

/// The paged lists of a Graph tenant.
const GRAPH_LISTS: [&str; 7] = [
    "/users/",
    "/groups/",
    "/groupMembers/",
    "/groupOwners/",
    "/servicePrincipals/",
    "/servicePrincipalOwners/",
    "/appRoleAssignedTo/",
];

/// Asserts both paths agree on `input`; whether it was accepted.
fn agree(input: &Value) -> bool {
    let text = input.to_string();
    let Ok(parsed) = SourcesInput::from_json(&text) else {
        return false;
    };
    let read = world_from_sources(&parsed);
    let fast = world_from_sources_json(&text, Origin::Text);
    common::assert_same_outcome(&read, &fast, &text);
    let whole = world_from_sources_json(&text, Origin::Object);
    common::assert_same_outcome(&whole, &world_from_sources_parts(&in_parts(input)), &text);
    read.is_ok()
}

/// `input` split as `Directory.fromSources` of an object splits it (wasm/src/sources.rs):
/// an object `graph` and the elements of array `powerAutomate` and `dataverse` as their own
/// texts, the envelope holding `{}` and `[]` in their place.
fn in_parts(input: &Value) -> SourcesParts {
    let mut parts = SourcesParts::default();
    let mut envelope = input.clone();
    if let Some(map) = envelope.as_object_mut() {
        if let Some(graph) = map.get_mut("graph").filter(|g| g.is_object()) {
            parts.graph = Some(graph.take().to_string());
            *graph = json!({});
        }
        for (list, texts) in [
            ("powerAutomate", &mut parts.power_automate),
            ("dataverse", &mut parts.dataverse),
        ] {
            if let Some(Value::Array(items)) = map.get_mut(list) {
                texts.extend(items.drain(..).map(|v| v.to_string()));
            }
        }
    }
    parts.envelope = envelope.to_string();
    parts
}

/// The values a property is replaced by.
fn replacements() -> Vec<Option<Value>> {
    [
        json!(null),
        json!(true),
        json!(7),
        json!(-3),
        json!(1.5),
        json!(18446744073709551615u64),
        json!(""),
        json!("Started"),
        json!([]),
        json!(["x"]),
        json!({}),
    ]
    .into_iter()
    .map(Some)
    .chain([None])
    .collect()
}

/// Every JSON pointer under `at` in `v` (objects' properties and arrays' items).
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                pointers(child, p, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(child, p, out);
            }
        }
        _ => {}
    }
}

/// `input` with the value at `pointer` replaced (or removed, for `None`).
fn changed(input: &Value, pointer: &str, by: &Option<Value>) -> Value {
    let mut out = input.clone();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let key = key.replace("~1", "/").replace("~0", "~");
    match (out.pointer_mut(parent).unwrap(), by) {
        (Value::Object(map), Some(v)) => {
            map.insert(key, v.clone());
        }
        (Value::Object(map), None) => {
            map.remove(&key);
        }
        (Value::Array(items), Some(v)) => items[key.parse::<usize>().unwrap()] = v.clone(),
        (Value::Array(items), None) => {
            items.remove(key.parse::<usize>().unwrap());
        }
        _ => unreachable!(),
    }
    out
}

/// Breaks every property of the pages of `input` one at a time.
fn every_change_agrees(input: &Value, lists: &[&str]) {
    assert!(agree(input), "the fixture itself is accepted");
    let mut all = Vec::new();
    pointers(input, String::new(), &mut all);
    let inside = |p: &&String| lists.iter().any(|l| p.contains(l));
    let (mut accepted, mut refused) = (0, 0);
    for pointer in all.iter().filter(inside) {
        for by in replacements() {
            match agree(&changed(input, pointer, &by)) {
                true => accepted += 1,
                false => refused += 1,
            }
        }
    }
    assert!(accepted > 0 && refused > 0, "{accepted} / {refused}");
}

#[test]
fn the_source_fixture_broken_anywhere_reads_the_same_both_ways() {
    let input: Value = serde_json::from_str(SOURCES).unwrap();
    let sources = [
        "/flows/",
        "/permissions/",
        "/systemUsers/",
        "/approvals/",
        "/approvalRequests/",
        "/approvalResponses/",
        "/flowApprovals/",
    ];
    every_change_agrees(&input, &[GRAPH_LISTS.as_slice(), &sources].concat());
}

#[test]
fn the_graph_fixture_broken_anywhere_reads_the_same_both_ways() {
    let input = json!({ "graph": serde_json::from_str::<Value>(GRAPH).unwrap() });
    every_change_agrees(&input, &GRAPH_LISTS);
}

#[test]
fn a_repeated_property_in_a_page_keeps_its_last_value_both_ways() {
    let text = SOURCES.replacen("\"value\"", "\"value\": [7], \"value\"", 1);
    let parsed = SourcesInput::from_json(&text).unwrap();
    let read = world_from_sources(&parsed).unwrap();
    assert_eq!(world_from_sources_json(&text, Origin::Text).unwrap(), read);
}

#[test]
fn a_broken_envelope_is_refused_alike_both_ways() {
    let fixture: Value = serde_json::from_str(SOURCES).unwrap();
    let mut cases: Vec<Value> = Vec::new();
    for (pointer, by) in [
        ("/extra", json!(1)),
        ("/graph/extra", json!(1)),
        ("/graph/tenants/0/extra", json!(1)),
        ("/graph/tenants/0", json!(["a", "b"])),
        ("/graph/tenants/0/cloud", json!("mars")),
        ("/graph/tenants/0/users", json!({})),
        ("/graph/tenants/0/groupMembers", json!([])),
        ("/graph/tenants/0/servicePrincipals", json!({})),
        ("/graph/tenants/0/servicePrincipalOwners", json!([])),
        ("/graph/tenants/0/appRoleAssignedTo", json!("x")),
        ("/graph/tenants/0/consentedToPowerAutomate", json!("x")),
        ("/powerAutomate/0/extra", json!(1)),
        ("/powerAutomate/0/tenantId", json!(7)),
        ("/powerAutomate/0", json!([1])),
        ("/powerAutomate/0/permissions", json!([])),
        ("/dataverse/0/extra", json!(1)),
        ("/dataverse/0/approvals", json!("x")),
        ("/dataverse/0/flowApprovals", json!({})),
        ("/dataverse/0/flowApprovals/0", json!([])),
        ("/dataverse", json!({})),
        ("/graph", json!([])),
    ] {
        cases.push(changed(&fixture, pointer, &Some(by)));
    }
    for pointer in [
        "/graph/tenants/0/organization",
        "/powerAutomate/0/tenantId",
        "/dataverse/0/environment",
    ] {
        cases.push(changed(&fixture, pointer, &None));
    }
    for input in cases {
        for text in [
            input.to_string(),
            serde_json::to_string_pretty(&input).unwrap(),
        ] {
            let slow = SourcesInput::from_json(&text).and_then(|i| world_from_sources(&i));
            let fast = world_from_sources_json(&text, Origin::Text);
            let (Err(a), Err(b)) = (&slow, &fast) else {
                panic!("accepted: {text}: {slow:?} / {fast:?}");
            };
            assert_eq!((a.code(), a.to_string()), (b.code(), b.to_string()));
        }
        let whole = world_from_sources_json(&input.to_string(), Origin::Object);
        let parts = world_from_sources_parts(&in_parts(&input));
        let (Err(a), Err(b)) = (&whole, &parts) else {
            panic!("accepted in parts: {input}: {whole:?} / {parts:?}");
        };
        assert_eq!(
            (a.code(), a.to_string()),
            (b.code(), b.to_string()),
            "{input}"
        );
    }
}
