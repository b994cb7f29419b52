//! The boundary itself: the version, and errors for JavaScript objects as for JSON text.

use crate::support::{code_of, get, json};
use guestpass_wasm::JsDirectory;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(guestpass_wasm::version(), env!("CARGO_PKG_VERSION"));
}

/// ARCHITECTURE.md: unknown fields in input are an error, for an object as for JSON text.
#[wasm_bindgen_test]
fn an_object_with_an_unknown_field_is_refused_as_a_guestpass_error() {
    let bad = json(r#"{"tenants":[],"notAField":true}"#);
    let err = JsDirectory::from_json(bad).err().unwrap();
    assert_eq!(
        get(&err, "name").as_string().as_deref(),
        Some("GuestPassError")
    );
    assert_eq!(code_of(err), "UNKNOWN_FIELD");
}
