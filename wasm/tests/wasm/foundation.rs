//! The foundation through the boundary: fromJSON, errors, collaboration, sign-in, features.

use crate::support::{code_of, directory, get, json, WORLD};
use guestpass_wasm::JsDirectory;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn from_json_accepts_objects_and_strings_and_counts() {
    let from_object = JsDirectory::from_json(json(WORLD)).unwrap();
    let stats = from_object.stats().unwrap();
    assert_eq!(get(&stats, "users").as_f64(), Some(9.0));
    assert_eq!(get(&stats, "guests").as_f64(), Some(5.0));
    let from_text = directory();
    assert_eq!(
        from_text.to_json_string().unwrap(),
        from_object.to_json_string().unwrap()
    );
}

#[wasm_bindgen_test]
fn to_json_round_trips() {
    let dir = directory();
    let again = JsDirectory::from_json(dir.to_json().unwrap()).unwrap();
    assert_eq!(
        again.to_json_string().unwrap(),
        dir.to_json_string().unwrap()
    );
}

#[wasm_bindgen_test]
fn bad_input_throws_a_guestpass_error_with_a_code() {
    let bad = WORLD.replacen("\"givenName\"", "\"givenNme\"", 1);
    let err = JsDirectory::from_json(JsValue::from_str(&bad))
        .err()
        .unwrap();
    assert_eq!(code_of(err.clone()), "UNKNOWN_FIELD");
    assert!(err.is_instance_of::<js_sys::Error>());
    let msg = get(&err, "message").as_string().unwrap();
    assert!(msg.contains("givenNme"), "{msg}");

    let dangling = WORLD.replacen("\"members\": [\"sales\"]", "\"members\": [\"nobody\"]", 1);
    let err = JsDirectory::from_json(JsValue::from_str(&dangling))
        .err()
        .unwrap();
    assert_eq!(code_of(err.clone()), "DANGLING_REFERENCE");
    assert_eq!(
        get(&get(&err, "details"), "to").as_string().unwrap(),
        "nobody"
    );

    let err = JsDirectory::from_json(JsValue::from_f64(3.0))
        .err()
        .unwrap();
    assert_eq!(code_of(err), "INVALID_INPUT");
}

#[wasm_bindgen_test]
fn collaboration_names_each_blocker() {
    let dir = directory();
    let v = dir
        .collaboration("contoso".into(), "tailspin".into())
        .unwrap();
    assert_eq!(get(&v, "allowed").as_bool(), Some(false));
    // Across clouds tailspin has not added contoso as a partner; contoso blocks tailspin inbound.
    let blockers = js_sys::Array::from(&get(&v, "blockers"));
    assert_eq!(blockers.length(), 2);
    let b = blockers.get(0);
    assert_eq!(get(&b, "code").as_string().unwrap(), "PARTNER_NOT_ADDED");
    assert_eq!(get(&b, "tenantId").as_string().unwrap(), "tailspin");
    let b = blockers.get(1);
    assert_eq!(get(&b, "code").as_string().unwrap(), "INBOUND_BLOCKED");
    assert_eq!(get(&b, "tenantId").as_string().unwrap(), "contoso");
    assert_eq!(
        code_of(
            dir.collaboration("contoso".into(), "atlantis".into())
                .err()
                .unwrap()
        ),
        "UNKNOWN_TENANT"
    );
}

#[wasm_bindgen_test]
fn sign_in_and_features() {
    let dir = directory();
    let s = dir
        .sign_in(json(
            r#"{ "tenantId": "contoso", "user": "alice@fabrikam.com" }"#,
        ))
        .unwrap();
    assert_eq!(s.user_id(), "alice-at-contoso");
    let f = s.features().unwrap();
    assert_eq!(get(&get(&f, "runFlows"), "allowed").as_bool(), Some(true));
    let pm = get(&f, "processMining");
    assert_eq!(
        get(&pm, "code").as_string().unwrap(),
        "NOT_OFFERED_TO_GUESTS"
    );
    assert_eq!(
        get(&get(&f, "peopleSearch"), "mode").as_string().unwrap(),
        "exactOnly"
    );

    // A pending guest redeems at first sign-in (Entra "B2B collaboration invitation redemption").
    let dan = dir
        .sign_in(json(r#"{ "tenantId": "contoso", "user": "dan-pending" }"#))
        .unwrap();
    assert_eq!(dan.user_id(), "dan-pending");
    let err = dir
        .sign_in(json(
            r#"{ "tenantId": "contoso", "user": "tom@tailspin.us" }"#,
        ))
        .err()
        .unwrap();
    assert_eq!(code_of(err), "COLLABORATION_BLOCKED");
    let err = dir
        .sign_in(json(r#"{ "tenantId": "contoso", "usr": "bob" }"#))
        .err()
        .unwrap();
    assert_eq!(code_of(err), "UNKNOWN_FIELD");
}

#[wasm_bindgen_test]
fn a_refused_mutation_changes_nothing() {
    let dir = directory();
    let before = dir.to_json_string().unwrap();
    let err = dir.remove_user("bob".into()).err().unwrap();
    assert_eq!(code_of(err), "IN_USE");
    let cyc = json(
        r#"{ "id": "sales", "tenantId": "contoso", "displayName": "Sales", "securityEnabled": true,
             "owners": ["bob"], "members": ["alice-at-contoso", "emea"] }"#,
    );
    assert_eq!(code_of(dir.upsert_group(cyc).err().unwrap()), "GROUP_CYCLE");
    assert_eq!(dir.to_json_string().unwrap(), before);
}

#[wasm_bindgen_test]
fn snapshots_round_trip_and_refuse_damage() {
    let dir = directory();
    let bytes = dir.to_bytes().unwrap();
    let again = JsDirectory::from_bytes(js_sys::Uint8Array::from(bytes.as_slice()).into()).unwrap();
    assert_eq!(
        again.to_json_string().unwrap(),
        dir.to_json_string().unwrap()
    );
    let mut bad = bytes.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x10;
    assert_eq!(
        code_of(
            JsDirectory::from_bytes(js_sys::Uint8Array::from(bad.as_slice()).into())
                .err()
                .unwrap()
        ),
        "SNAPSHOT_CHECKSUM_MISMATCH"
    );
    assert_eq!(
        code_of(
            JsDirectory::from_bytes(js_sys::Uint8Array::from(&bytes[..30]).into())
                .err()
                .unwrap()
        ),
        "SNAPSHOT_TRUNCATED"
    );
    assert_eq!(
        code_of(
            JsDirectory::from_bytes(js_sys::Uint8Array::from(b"hello".as_slice()).into())
                .err()
                .unwrap()
        ),
        "SNAPSHOT_NOT_RECOGNIZED"
    );
}

#[wasm_bindgen_test]
fn the_sample_directory_is_deterministic_and_signs_in_its_well_known_people() {
    let options = json(r#"{ "users": 300, "seed": 7 }"#);
    let a = JsDirectory::sample(options.clone()).unwrap();
    let b = JsDirectory::sample(options).unwrap();
    assert_eq!(a.to_json_string().unwrap(), b.to_json_string().unwrap());
    let s = a
        .sign_in(json(
            r#"{ "tenantId": "contoso", "user": "alice@fabrikam.com" }"#,
        ))
        .unwrap();
    assert_eq!(s.user_id(), "alice-at-contoso");
    let err = JsDirectory::sample(json(r#"{ "users": 300, "sed": 7 }"#))
        .err()
        .unwrap();
    assert_eq!(code_of(err), "UNKNOWN_FIELD");
    let err = JsDirectory::sample(json(r#"{ "users": 99000000 }"#))
        .err()
        .unwrap();
    assert_eq!(code_of(err), "LIMIT_EXCEEDED");
}

#[wasm_bindgen_test]
fn tables_hash_ids_under_the_hosts_randomness_once_started() {
    // std keys its SipHash from memory addresses on wasm32; the module's start registers
    // crypto.getRandomValues, which keys every table's id hashing.
    guestpass_wasm::start();
    let table = guestpass::directory::Table::<guestpass::model::Connector>::default();
    assert!(table.ids_keyed());
}
