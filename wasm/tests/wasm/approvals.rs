//! Approvals through the boundary: who sees what where, how responses resolve, refusals
//! that change nothing, the clock, and notifications. World: tests/fixtures/approvals.json.

use crate::support::{code_of, get, json};
use guestpass_wasm::{JsDirectory, JsSession};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const APPROVALS: &str = include_str!("../../../tests/fixtures/approvals.json");
const NOW: &str = "2026-11-23T10:00:00Z";

fn directory() -> JsDirectory {
    let dir = JsDirectory::from_json(JsValue::from_str(APPROVALS)).unwrap();
    dir.set_clock(JsValue::from(NOW)).unwrap();
    dir
}

fn sign_in(dir: &JsDirectory, tenant: &str, user: &str) -> JsSession {
    dir.sign_in(json(&format!(
        r#"{{"tenantId":"{tenant}","user":"{user}"}}"#
    )))
    .unwrap()
}

fn ids(list: &JsValue) -> Vec<String> {
    js_sys::Array::from(list)
        .iter()
        .map(|item| get(&item, "id").as_string().unwrap())
        .collect()
}

fn listed(session: &JsSession, query: &str) -> Vec<String> {
    ids(&get(&session.approvals(json(query)).unwrap(), "items"))
}

/// Runs a call that must throw; checks `toJSONString()` is unchanged and returns the code.
fn refused(dir: &JsDirectory, call: impl FnOnce() -> Result<JsValue, JsValue>) -> String {
    let before = dir.to_json_string().unwrap();
    let thrown = call().expect_err("the call should throw");
    assert_eq!(dir.to_json_string().unwrap(), before);
    code_of(thrown)
}

#[wasm_bindgen_test]
fn signed_into_her_home_tenant_a_guest_does_not_see_the_resource_tenants_approvals() {
    let dir = directory();
    let alice = sign_in(&dir, "fabrikam", "alice@fabrikam.com");
    assert_eq!(
        listed(&alice, r#"{"box":"received","status":"all"}"#),
        ["f-home"]
    );
}

#[wasm_bindgen_test]
fn signed_in_as_a_guest_she_does_not_see_her_home_tenants_approvals() {
    let dir = directory();
    let alice = sign_in(&dir, "contoso", "alice@fabrikam.com");
    let all = listed(&alice, r#"{"box":"received","status":"all"}"#);
    assert!(all.iter().all(|id| id.starts_with("c-")), "{all:?}");
    assert!(listed(&alice, r#"{"box":"sent","status":"all"}"#).is_empty());
}

#[wasm_bindgen_test]
fn a_person_sees_the_approvals_of_the_tenant_they_are_signed_into() {
    let dir = directory();
    let alice = sign_in(&dir, "contoso", "alice@fabrikam.com");
    // No argument: the Received box, pending, newest first.
    assert_eq!(
        ids(&get(&alice.approvals(JsValue::UNDEFINED).unwrap(), "items")),
        ["c-everyone", "c-first", "c-custom-one"]
    );
    let bob_guest = sign_in(&dir, "fabrikam", "bob@contoso.com");
    assert_eq!(listed(&bob_guest, r#"{"box":"received"}"#), ["f-bob"]);
    let bob = sign_in(&dir, "contoso", "bob@contoso.com");
    assert_eq!(
        refused(&dir, || bob.respond(
            "f-bob".into(),
            "Approve".into(),
            JsValue::UNDEFINED
        )),
        "UNKNOWN_APPROVAL"
    );
}

#[wasm_bindgen_test]
fn items_say_what_the_person_may_do_and_through_which_group() {
    let dir = directory();
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    let items = js_sys::Array::from(&get(
        &alice.approvals(json(r#"{"status":"pending"}"#)).unwrap(),
        "items",
    ));
    let custom = items
        .iter()
        .find(|i| get(i, "id").as_string().as_deref() == Some("c-custom-one"))
        .unwrap();
    assert_eq!(get(&custom, "canRespond").as_bool(), Some(true));
    assert_eq!(get(&custom, "canCancel").as_bool(), Some(false));
    assert_eq!(
        js_sys::JSON::stringify(&get(&custom, "via")).unwrap(),
        r#"["emea-finance","finance"]"#
    );
    assert_eq!(
        get(&custom, "expiresAt").as_string().as_deref(),
        Some("2026-12-19T09:00:00Z")
    );
}

// A sequential approval is successive approvals (Power Automate builds it from successive
// approval actions); responses match the options exactly (Approvals connector).
#[wasm_bindgen_test]
fn a_step_of_a_sequential_approval_is_an_approval_of_its_own() {
    let dir = directory();
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    let ann = sign_in(&dir, "contoso", "ann");
    assert!(!listed(&alice, "{}").contains(&"c-sequential".to_string()));
    assert_eq!(
        refused(&dir, || alice.respond(
            "c-sequential".into(),
            "Approve".into(),
            JsValue::UNDEFINED
        )),
        "NOT_AN_APPROVER"
    );
    assert_eq!(
        refused(&dir, || ann.respond(
            "c-sequential".into(),
            "approve".into(),
            JsValue::UNDEFINED
        )),
        "INVALID_RESPONSE"
    );
    let done = ann
        .respond("c-sequential".into(), "Approve".into(), JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(
        get(&done, "status").as_string().as_deref(),
        Some("completed")
    );
    assert_eq!(
        get(&done, "outcome").as_string().as_deref(),
        Some("Approve")
    );
    assert_eq!(get(&done, "completedAt").as_string().as_deref(), Some(NOW));
}

#[wasm_bindgen_test]
fn every_refusal_has_a_code_and_changes_nothing() {
    let dir = directory();
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    let bob = sign_in(&dir, "contoso", "bob");
    let ann = sign_in(&dir, "contoso", "ann");
    let before = dir.to_json_string().unwrap();
    let thrown = alice
        .respond("c-first".into(), "Maybe".into(), JsValue::UNDEFINED)
        .unwrap_err();
    assert_eq!(dir.to_json_string().unwrap(), before);
    assert_eq!(code_of(thrown.clone()), "INVALID_RESPONSE");
    assert_eq!(
        get(&get(&thrown, "details"), "options")
            .as_string()
            .as_deref(),
        Some(r#"["Approve","Reject"]"#)
    );
    assert_eq!(
        refused(&dir, || ann.respond(
            "c-first".into(),
            "Approve".into(),
            JsValue::UNDEFINED
        )),
        "NOT_AN_APPROVER"
    );
    assert_eq!(
        refused(&dir, || alice.cancel("c-first".into())),
        "NOT_THE_REQUESTER"
    );
    assert_eq!(
        refused(&dir, || alice
            .reassign("c-first".into(), "frank@fabrikam.com".into())),
        "USER_NOT_FOUND"
    );
    assert_eq!(
        refused(&dir, || alice.reassign("c-first".into(), "dave".into())),
        "ALREADY_AN_APPROVER"
    );
    assert_eq!(
        refused(&dir, || alice.respond(
            "c-old".into(),
            "Approve".into(),
            JsValue::UNDEFINED
        )),
        "APPROVAL_EXPIRED"
    );
    assert_eq!(
        refused(&dir, || alice.respond(
            "c-done".into(),
            "Approve".into(),
            JsValue::UNDEFINED
        )),
        "APPROVAL_COMPLETED"
    );
    alice
        .respond("c-first".into(), "Approve".into(), JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(
        refused(&dir, || bob.cancel("c-first".into())),
        "APPROVAL_COMPLETED"
    );
    bob.cancel("c-everyone".into()).unwrap();
    assert_eq!(
        refused(&dir, || alice.respond(
            "c-everyone".into(),
            "Approve".into(),
            JsValue::UNDEFINED
        )),
        "APPROVAL_CANCELED"
    );
    let bad_query = alice.approvals(json(r#"{"box":"inbox"}"#)).unwrap_err();
    assert_eq!(code_of(bad_query), "INVALID_INPUT");
    let typo = alice.approvals(json(r#"{"staus":"all"}"#)).unwrap_err();
    assert_eq!(code_of(typo), "UNKNOWN_FIELD");
}

#[wasm_bindgen_test]
fn reassigning_hands_the_position_to_someone_of_the_same_tenant() {
    let dir = directory();
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    let moved = alice
        .reassign("c-first".into(), "erin@contoso.com".into())
        .unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&get(&moved, "approvers")).unwrap(),
        r#"["erin","dave"]"#
    );
    let erin = sign_in(&dir, "contoso", "erin");
    assert!(listed(&erin, "{}").contains(&"c-first".to_string()));
}

#[wasm_bindgen_test]
fn the_clock_decides_expiry_and_is_not_part_of_the_world() {
    let dir = directory();
    assert_eq!(dir.clock().unwrap().as_deref(), Some(NOW));
    let before = dir.to_json_string().unwrap();
    dir.set_clock("2026-10-20T00:00:00+02:00".into()).unwrap();
    assert_eq!(
        dir.clock().unwrap().as_deref(),
        Some("2026-10-19T22:00:00Z")
    );
    assert_eq!(dir.to_json_string().unwrap(), before);
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    assert!(listed(&alice, "{}").contains(&"c-old".to_string()));
    let err = dir.set_clock("next tuesday".into()).unwrap_err();
    assert_eq!(code_of(err), "INVALID_TIME");
    dir.set_clock(JsValue::UNDEFINED).unwrap();
    assert_eq!(dir.clock().unwrap(), None);
}

#[wasm_bindgen_test]
fn a_guest_without_a_license_that_counts_sees_none_and_features_says_why() {
    let dir = directory();
    let carol = sign_in(&dir, "contoso", "carol@fabrikam.com");
    assert!(listed(&carol, r#"{"status":"all"}"#).is_empty());
    let approvals = get(&carol.features().unwrap(), "approvals");
    assert_eq!(get(&approvals, "allowed").as_bool(), Some(false));
    assert_eq!(
        get(&approvals, "code").as_string().as_deref(),
        Some("NO_LICENSE")
    );
    assert_eq!(
        refused(&dir, || carol.respond(
            "c-carol".into(),
            "Approve".into(),
            JsValue::UNDEFINED
        )),
        "NO_LICENSE"
    );
}

#[wasm_bindgen_test]
fn a_guest_is_told_at_her_real_address_with_a_link_to_the_resource_tenant() {
    let dir = directory();
    let told = js_sys::Array::from(&dir.notifications("c-first".into()).unwrap());
    let alice = told.get(0);
    assert_eq!(
        get(&alice, "userId").as_string().as_deref(),
        Some("alice-at-contoso")
    );
    assert_eq!(
        get(&alice, "address").as_string().as_deref(),
        Some("alice@fabrikam.com")
    );
    assert_eq!(
        get(&alice, "reason").as_string().as_deref(),
        Some("responseRequested")
    );
    assert_eq!(
        get(&alice, "link").as_string().as_deref(),
        Some(
            "https://make.powerautomate.com/approvals/received?tenantId=contoso&approvalId=c-first"
        )
    );
    assert_eq!(
        code_of(dir.notifications("nope".into()).unwrap_err()),
        "UNKNOWN_APPROVAL"
    );
}
