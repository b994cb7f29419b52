//! Flow sharing through the JavaScript boundary: `check`, `allowedActions`, `checkMany`,
//! `share`, `unshare` return plain objects of the contract's shape, identical to the
//! Rust decisions serialized as JSON, and throw `GuestPassError`s with codes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::code_of;
use guestpass::directory::Directory;
use guestpass::sharing::{Action, Person};
use guestpass_wasm::{JsDirectory, JsSession};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

const WORLD: &str = include_str!("../../../tests/fixtures/sharing.json");
/// The flows of contoso, where every person of `PEOPLE` is signed in.
const FLOWS: [&str; 3] = ["invoice-flow", "nightly-report", "paused-flow"];
/// A flow of another tenant (northwind): a session answers it as an id that exists nowhere.
const OTHER_TENANT_FLOW: &str = "north-flow";
const PEOPLE: [&str; 8] = [
    "bob",
    "carla",
    "dave",
    "erin",
    "frank",
    "gail",
    "ivy",
    "alice-at-contoso",
];

fn directory() -> JsDirectory {
    JsDirectory::from_json(JsValue::from_str(WORLD)).unwrap()
}

fn sign_in(dir: &JsDirectory, user: &str) -> JsSession {
    let request = Object::new();
    Reflect::set(&request, &"tenantId".into(), &"contoso".into()).unwrap();
    Reflect::set(&request, &"user".into(), &user.into()).unwrap();
    dir.sign_in(request.into()).unwrap()
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value).unwrap().as_string().unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn thrown_code(err: JsValue) -> String {
    get(&err, "code").as_string().unwrap()
}

#[wasm_bindgen_test]
fn check_answers_the_contract_shape_exactly_as_the_rust_decision_serializes() {
    let js = directory();
    let native = Directory::from_json_str(WORLD).unwrap();
    for user in PEOPLE {
        let session = sign_in(&js, user);
        let person = Person::of(&native, native.user(user).unwrap());
        for flow in FLOWS {
            for action in Action::ALL {
                let answer = session.check(action.as_str(), flow).unwrap();
                let object: &Object = answer.unchecked_ref();
                let keys = Object::keys(object);
                assert_eq!(
                    stringify(&keys),
                    r#"["allowed","outcome","role","via","code","message"]"#
                );
                assert!(Array::is_array(&get(&answer, "via")));
                let expected = person.decide(action, native.flow(flow).unwrap());
                assert_eq!(
                    stringify(&answer),
                    serde_json::to_string(&expected).unwrap(),
                    "{user} {action} {flow}"
                );
            }
        }
    }
}

#[wasm_bindgen_test]
fn a_run_only_user_through_nested_groups_is_told_the_chain_and_the_code() {
    let js = directory();
    let dave = sign_in(&js, "dave");
    let edit = dave.check("edit", "invoice-flow").unwrap();
    assert_eq!(get(&edit, "allowed").as_bool(), Some(false));
    assert_eq!(get(&edit, "role").as_string().unwrap(), "runOnly");
    assert_eq!(stringify(&get(&edit, "via")), r#"["sales","emea"]"#);
    assert_eq!(
        get(&edit, "code").as_string().unwrap(),
        "RUN_ONLY_CANNOT_EDIT"
    );
    let ivy = sign_in(&js, "ivy");
    let none = ivy.check("run", "invoice-flow").unwrap();
    assert!(get(&none, "role").is_null());
    assert_eq!(get(&none, "code").as_string().unwrap(), "NO_ROLE");
}

#[wasm_bindgen_test]
fn unknown_actions_and_flows_throw_with_codes() {
    let js = directory();
    let bob = sign_in(&js, "bob");
    let err = bob.check("Run", "invoice-flow").unwrap_err();
    assert_eq!(thrown_code(err.clone()), "UNKNOWN_ACTION");
    assert!(get(&err, "message")
        .as_string()
        .unwrap()
        .contains("viewRuns"));
    assert_eq!(
        thrown_code(bob.check("run", "nope").unwrap_err()),
        "UNKNOWN_FLOW"
    );
    assert_eq!(
        thrown_code(bob.allowed_actions("nope").unwrap_err()),
        "UNKNOWN_FLOW"
    );
}

#[wasm_bindgen_test]
fn allowed_actions_lists_action_names() {
    let js = directory();
    let dave = sign_in(&js, "dave");
    assert_eq!(
        stringify(&dave.allowed_actions("invoice-flow").unwrap()),
        r#"["run"]"#
    );
    let bob = sign_in(&js, "bob");
    assert_eq!(
        stringify(&bob.allowed_actions("paused-flow").unwrap()),
        r#"["edit","share","viewRuns","cancelRun","resubmitRun","delete"]"#
    );
    assert_eq!(
        code_of(bob.allowed_actions(OTHER_TENANT_FLOW).unwrap_err()),
        code_of(bob.allowed_actions("no-such-flow").unwrap_err()),
    );
}

#[wasm_bindgen_test]
fn another_tenants_flow_answers_exactly_as_a_flow_that_exists_nowhere() {
    let js = directory();
    for user in PEOPLE {
        let session = sign_in(&js, user);
        for action in Action::ALL {
            let other = session
                .check(action.as_str(), OTHER_TENANT_FLOW)
                .unwrap_err();
            let nowhere = session.check(action.as_str(), "no-such-flow").unwrap_err();
            assert_eq!(code_of(other), "UNKNOWN_FLOW", "{user} {action}");
            assert_eq!(code_of(nowhere), "UNKNOWN_FLOW", "{user} {action}");
        }
    }
}

fn item(id: JsValue, action: &str, flow: &str) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"id".into(), &id).unwrap();
    Reflect::set(&o, &"action".into(), &action.into()).unwrap();
    Reflect::set(&o, &"flowId".into(), &flow.into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn check_many_answers_in_order_with_ids_and_a_bad_item_gets_its_own_error() {
    let js = directory();
    let dave = sign_in(&js, "dave");
    let marker = Object::new();
    let items = Array::new();
    items.push(&item("a".into(), "run", "invoice-flow"));
    items.push(&item(JsValue::from_f64(2.0), "fly", "invoice-flow"));
    items.push(&item(marker.clone().into(), "edit", "invoice-flow"));
    items.push(&item("d".into(), "run", "missing"));
    items.push(&JsValue::from_str("not an item"));
    let no_flow = Object::new();
    Reflect::set(&no_flow, &"id".into(), &"f".into()).unwrap();
    Reflect::set(&no_flow, &"action".into(), &"run".into()).unwrap();
    items.push(&no_flow);
    let answers = dave.check_many(items.into()).unwrap();
    assert_eq!(answers.length(), 6);
    let first = answers.get(0);
    assert_eq!(get(&first, "id").as_string().unwrap(), "a");
    let expected = dave.check("run", "invoice-flow").unwrap();
    assert_eq!(
        stringify(&first),
        format!(r#"{{"id":"a",{}"#, &stringify(&expected)[1..])
    );
    let second = answers.get(1);
    assert_eq!(get(&second, "id").as_f64(), Some(2.0));
    assert_eq!(
        get(&get(&second, "error"), "code").as_string().unwrap(),
        "UNKNOWN_ACTION"
    );
    let third = answers.get(2);
    assert!(
        Object::is(&get(&third, "id"), &marker),
        "ids are returned as given"
    );
    assert_eq!(
        get(&third, "code").as_string().unwrap(),
        "RUN_ONLY_CANNOT_EDIT"
    );
    assert_eq!(
        get(&get(&answers.get(3), "error"), "code")
            .as_string()
            .unwrap(),
        "UNKNOWN_FLOW"
    );
    let fifth = answers.get(4);
    assert!(get(&fifth, "id").is_undefined());
    assert_eq!(
        get(&get(&fifth, "error"), "code").as_string().unwrap(),
        "INVALID_INPUT"
    );
    let sixth = get(&get(&answers.get(5), "error"), "message")
        .as_string()
        .unwrap();
    assert!(sixth.contains("flowId"), "{sixth}");
}

#[wasm_bindgen_test]
fn check_many_items_with_unknown_fields_or_nulls_get_their_own_errors() {
    let js = directory();
    let bob = sign_in(&js, "bob");
    let items = Array::new();
    let typo = item("t".into(), "run", "invoice-flow");
    Reflect::set(&typo, &"flowID".into(), &"x".into()).unwrap();
    items.push(&typo);
    items.push(&JsValue::NULL);
    items.push(&item(JsValue::UNDEFINED, "run", "invoice-flow"));
    let without_id = Object::new();
    Reflect::set(&without_id, &"action".into(), &"edit".into()).unwrap();
    Reflect::set(&without_id, &"flowId".into(), &"paused-flow".into()).unwrap();
    items.push(&without_id);
    let answers = bob.check_many(items.into()).unwrap();
    let first = answers.get(0);
    assert_eq!(get(&first, "id").as_string().unwrap(), "t");
    assert_eq!(
        get(&get(&first, "error"), "code").as_string().unwrap(),
        "UNKNOWN_FIELD"
    );
    assert!(get(&get(&first, "error"), "message")
        .as_string()
        .unwrap()
        .contains("flowID"));
    assert_eq!(
        get(&get(&answers.get(1), "error"), "code")
            .as_string()
            .unwrap(),
        "INVALID_INPUT"
    );
    assert_eq!(get(&answers.get(2), "allowed").as_bool(), Some(true));
    assert_eq!(get(&answers.get(3), "allowed").as_bool(), Some(true));
    assert!(get(&answers.get(3), "id").is_undefined());
}

#[wasm_bindgen_test]
fn check_many_answers_equal_single_checks_for_every_person_flow_and_action() {
    let js = directory();
    for user in PEOPLE {
        let session = sign_in(&js, user);
        let items = Array::new();
        let mut asked = Vec::new();
        for flow in FLOWS {
            for action in Action::ALL {
                items.push(&item(
                    JsValue::from(asked.len() as u32),
                    action.as_str(),
                    flow,
                ));
                asked.push((action, flow));
            }
        }
        let answers = session.check_many(items.into()).unwrap();
        for (i, (action, flow)) in asked.iter().enumerate() {
            let single = stringify(&session.check(action.as_str(), flow).unwrap());
            let expected = format!(r#"{{"id":{i},{}"#, &single[1..]);
            assert_eq!(
                stringify(&answers.get(i as u32)),
                expected,
                "{user} {action} {flow}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn check_many_refuses_what_is_not_an_array() {
    let js = directory();
    let dave = sign_in(&js, "dave");
    assert_eq!(
        thrown_code(dave.check_many(JsValue::from_str("[]")).unwrap_err()),
        "INVALID_INPUT"
    );
    assert_eq!(dave.check_many(Array::new().into()).unwrap().length(), 0);
}

#[wasm_bindgen_test]
fn share_and_unshare_change_answers_at_once_and_refusals_change_nothing() {
    let js = directory();
    let bob = sign_in(&js, "bob");
    let ivy = sign_in(&js, "ivy");
    assert_eq!(
        get(&ivy.check("edit", "invoice-flow").unwrap(), "code")
            .as_string()
            .unwrap(),
        "NO_ROLE"
    );
    let request = Object::new();
    Reflect::set(&request, &"principal".into(), &"ivy@contoso.com".into()).unwrap();
    Reflect::set(&request, &"role".into(), &"coOwner".into()).unwrap();
    let shares = bob.share("invoice-flow".into(), request.into()).unwrap();
    assert!(stringify(&get(&shares, "coOwners")).contains("\"ivy\""));
    assert_eq!(
        get(&ivy.check("edit", "invoice-flow").unwrap(), "allowed").as_bool(),
        Some(true),
        "the cached person of ivy's session sees the new share"
    );

    let before = js.to_json_string().unwrap();
    let err = bob
        .unshare("invoice-flow".into(), "bob".into())
        .unwrap_err();
    assert_eq!(thrown_code(err), "CANNOT_REMOVE_CREATOR");
    let dave = sign_in(&js, "dave");
    let err = dave
        .unshare("invoice-flow".into(), "ivy".into())
        .unwrap_err();
    assert_eq!(thrown_code(err), "NOT_ALLOWED_TO_SHARE");
    let bad_role = JsValue::from_str(r#"{ "principal": "ivy", "role": "admin" }"#);
    assert_eq!(
        thrown_code(bob.share("invoice-flow".into(), bad_role).unwrap_err()),
        "INVALID_INPUT"
    );
    let typo = JsValue::from_str(r#"{ "principal": "ivy", "role": "runOnly", "rol": 1 }"#);
    assert_eq!(
        thrown_code(bob.share("invoice-flow".into(), typo).unwrap_err()),
        "UNKNOWN_FIELD"
    );
    assert_eq!(js.to_json_string().unwrap(), before);

    bob.unshare("invoice-flow".into(), "ivy".into()).unwrap();
    assert_eq!(
        get(&ivy.check("edit", "invoice-flow").unwrap(), "code")
            .as_string()
            .unwrap(),
        "NO_ROLE"
    );
}

#[wasm_bindgen_test]
fn changes_to_groups_through_the_directory_reach_cached_sessions() {
    let js = directory();
    let ivy = sign_in(&js, "ivy");
    assert_eq!(
        get(&ivy.check("delete", "invoice-flow").unwrap(), "allowed").as_bool(),
        Some(false)
    );
    let finance = r#"{ "id": "finance", "tenantId": "contoso", "displayName": "Finance",
                       "securityEnabled": true, "members": ["erin", "ivy"] }"#;
    js.upsert_group(JsValue::from_str(finance)).unwrap();
    let d = ivy.check("delete", "invoice-flow").unwrap();
    assert_eq!(get(&d, "allowed").as_bool(), Some(true));
    assert_eq!(stringify(&get(&d, "via")), r#"["finance"]"#);
}

#[wasm_bindgen_test]
fn an_item_that_throws_when_read_leaves_the_session_usable() {
    let js = directory();
    let bob = sign_in(&js, "bob");
    let hostile = Object::new();
    let descriptor = Object::new();
    let boom = js_sys::Function::new_no_args("throw new Error('boom')");
    Reflect::set(&descriptor, &"get".into(), &boom).unwrap();
    Reflect::set(&descriptor, &"enumerable".into(), &JsValue::TRUE).unwrap();
    Object::define_property(&hostile, &"id".into(), &descriptor);
    Reflect::set(&hostile, &"action".into(), &"run".into()).unwrap();
    Reflect::set(&hostile, &"flowId".into(), &"invoice-flow".into()).unwrap();
    let items = Array::new();
    items.push(&hostile);
    let err = bob.check_many(items.into()).unwrap_err();
    assert!(get(&err, "message").as_string().unwrap().contains("boom"));
    // The caller's exception reached them, and nothing stays borrowed.
    assert_eq!(
        get(&bob.check("run", "invoice-flow").unwrap(), "allowed").as_bool(),
        Some(true)
    );
    js.upsert_group(JsValue::from_str(
        r#"{ "id": "finance", "tenantId": "contoso", "displayName": "Finance", "members": [] }"#,
    ))
    .unwrap();
}

/// The third state through the packed decision: a guest whose home is not in the
/// directory (tests/fixtures/home_facts.json) gets `outcome: "unknown"` from `check` and
/// `checkMany`, exactly as the Rust decision serializes, and a certain one with homeFacts.
#[wasm_bindgen_test]
fn an_unknown_home_fact_is_the_third_outcome_of_check_and_check_many() {
    const HOME_FACTS: &str = include_str!("../../../tests/fixtures/home_facts.json");
    let js = JsDirectory::from_json(JsValue::from_str(HOME_FACTS)).unwrap();
    let native = Directory::from_json_str(HOME_FACTS).unwrap();
    let sign_in_with = |facts: &str| {
        let request = format!(r#"{{"tenantId":"contoso","user":"pat","homeFacts":{facts}}}"#);
        js.sign_in(JSON::parse(&request).unwrap()).unwrap()
    };
    let pat_user = native.user("pat").unwrap();
    for (facts, home) in [
        ("{}", guestpass::b2b::HomeFacts::default()),
        (
            r#"{"licensed":true,"outboundAllowed":true}"#,
            guestpass::b2b::HomeFacts {
                licensed: Some(true),
                outbound_allowed: Some(true),
                ..Default::default()
            },
        ),
    ] {
        let pat = sign_in_with(facts);
        let person = Person::with_facts(&native, pat_user, &home);
        let items = Array::new();
        let mut outcomes = Vec::new();
        for (flow, action) in [
            ("invoices", Action::Run),
            ("invoices", Action::Edit),
            ("nightly", Action::Run),
        ] {
            let expected = person.decide(action, native.flow(flow).unwrap());
            let answer = pat.check(action.as_str(), flow).unwrap();
            assert_eq!(
                stringify(&answer),
                serde_json::to_string(&expected).unwrap(),
                "{facts} {action} {flow}"
            );
            outcomes.push(expected.outcome.as_str());
            items.push(&item(JsValue::NULL, action.as_str(), flow));
        }
        let batch: Vec<String> = pat
            .check_many(items.into())
            .unwrap()
            .iter()
            .map(|answer| get(&answer, "outcome").as_string().unwrap())
            .collect();
        assert_eq!(batch, outcomes, "{facts}");
        let first = if facts == "{}" { "unknown" } else { "allowed" };
        assert_eq!(outcomes, [first, "denied", "denied"]);
    }
}
