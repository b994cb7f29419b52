//! The Wasm boundary, run inside a real JavaScript engine by `wasm-pack test --node` and
//! `wasm-pack test --headless --chrome` (both with `-- --test wasm`). Scenario modules go
//! in `tests/wasm/` and are listed here.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::wasm::JsDirectory;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// The world in tests/fixtures/world.json as a JavaScript object.
fn world() -> JsValue {
    js_sys::JSON::parse(include_str!("fixtures/world.json")).unwrap()
}

/// A property of a JavaScript object, as a string.
fn get_string(value: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(value, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(guestpass::wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn a_directory_loads_from_world_json_and_signs_a_guest_in() {
    let dir = JsDirectory::from_json(world()).unwrap();
    let request =
        js_sys::JSON::parse(r#"{"tenantId":"contoso","user":"alice@fabrikam.com"}"#).unwrap();
    let session = dir.sign_in(request).unwrap();
    assert_eq!(session.tenant_id(), "contoso");
    assert_eq!(session.user_id(), "alice-at-contoso");
}

#[wasm_bindgen_test]
fn bad_input_throws_an_error_with_a_stable_code() {
    let Err(error) = JsDirectory::from_json(JsValue::from_str(r#"{"notAField":1}"#)) else {
        panic!("unknown fields must be refused");
    };
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(get_string(&error, "code").as_deref(), Some("UNKNOWN_FIELD"));
    assert_eq!(
        get_string(&error, "name").as_deref(),
        Some("GuestPassError")
    );
}

/// ARCHITECTURE.md: unknown fields in input are an error, for objects as for JSON text.
/// Ignored until src/wasm/convert.rs reads objects with every key: serde_wasm_bindgen
/// asks a JavaScript object only for the struct's known fields, so `deny_unknown_fields`
/// never sees the others. Run it with `wasm-pack test --node -- --test wasm --include-ignored`.
#[wasm_bindgen_test]
#[ignore = "src/wasm/convert.rs drops unknown fields of JavaScript objects"]
fn an_object_with_an_unknown_field_is_refused() {
    let bad = js_sys::JSON::parse(r#"{"tenants":[],"notAField":true}"#).unwrap();
    let Err(error) = JsDirectory::from_json(bad) else {
        panic!("unknown fields must be refused");
    };
    assert_eq!(get_string(&error, "code").as_deref(), Some("UNKNOWN_FIELD"));
}
