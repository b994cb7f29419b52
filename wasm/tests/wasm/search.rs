//! People search through the boundary: guests included with their badge data, filters,
//! guest modes, highlights in UTF-16, and the query-length error.

use crate::support::{code_of, get, json};
use guestpass_wasm::JsDirectory;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn sample() -> JsDirectory {
    JsDirectory::sample(json(r#"{ "users": 500, "seed": 42 }"#)).unwrap()
}

fn items(result: &JsValue) -> Vec<JsValue> {
    js_sys::Array::from(&get(result, "items")).iter().collect()
}

fn id(item: &JsValue) -> String {
    get(item, "id").as_string().unwrap()
}

#[wasm_bindgen_test]
fn a_member_finds_a_guest_with_its_home_tenant() {
    let dir = sample();
    let s = dir
        .sign_in(json(
            r#"{ "tenantId": "contoso", "user": "bob@contoso.com" }"#,
        ))
        .unwrap();
    let r = s.search("ali".into(), JsValue::UNDEFINED).unwrap();
    let alice = items(&r)
        .into_iter()
        .find(|i| id(i) == "alice-at-contoso")
        .unwrap();
    assert_eq!(get(&alice, "userType").as_string().unwrap(), "Guest");
    assert_eq!(get(&alice, "homeTenantId").as_string().unwrap(), "fabrikam");
    assert_eq!(get(&r, "mode").as_string().unwrap(), "full");
    assert_eq!(get(&r, "guestsHidden").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn accents_and_highlights_in_utf16() {
    let dir = sample();
    let s = dir
        .sign_in(json(r#"{ "tenantId": "contoso", "user": "bob" }"#))
        .unwrap();
    let r = s.search("lefe".into(), JsValue::UNDEFINED).unwrap();
    let deb = items(&r).into_iter().find(|i| id(i) == "deborah").unwrap();
    let h = js_sys::Array::from(&get(&deb, "highlights")).get(0);
    let name = js_sys::JsString::from(get(&deb, "displayName"));
    let start = get(&h, "start").as_f64().unwrap() as u32;
    let end = get(&h, "end").as_f64().unwrap() as u32;
    assert_eq!(String::from(name.slice(start, end)), "Lefè");
}

#[wasm_bindgen_test]
fn connector_hides_guests_and_options_are_checked() {
    let dir = sample();
    let s = dir
        .sign_in(json(r#"{ "tenantId": "contoso", "user": "bob" }"#))
        .unwrap();
    let r = s
        .search(
            "alice".into(),
            json(r#"{ "connector": "shared_office365" }"#),
        )
        .unwrap();
    assert_eq!(get(&r, "guestsHidden").as_bool(), Some(true));
    assert!(items(&r)
        .iter()
        .all(|i| get(i, "userType").as_string().unwrap() == "Member"));
    let err = s
        .search("a".into(), json(r#"{ "userTyp": "guest" }"#))
        .err()
        .unwrap();
    assert_eq!(code_of(err), "UNKNOWN_FIELD");
    let err = s
        .search(JsValue::from(&"x".repeat(300)), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(code_of(err), "QUERY_TOO_LONG");
}

#[wasm_bindgen_test]
fn a_guest_in_a_limited_tenant_finds_only_exact_addresses() {
    let dir = sample();
    let s = dir
        .sign_in(json(
            r#"{ "tenantId": "contoso", "user": "alice@fabrikam.com" }"#,
        ))
        .unwrap();
    let r = s.search("bob".into(), JsValue::UNDEFINED).unwrap();
    assert!(items(&r).is_empty());
    assert_eq!(get(&r, "mode").as_string().unwrap(), "exactOnly");
    let r = s
        .search("bob@contoso.com".into(), JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(items(&r).iter().map(id).collect::<Vec<_>>(), ["bob"]);
}
