//! Helpers for the wasm tests: the shared fixture and reading thrown errors.

use guestpass_wasm::JsDirectory;
use wasm_bindgen::JsValue;

/// The world fixture shared with the native tests.
pub const WORLD: &str = include_str!("../../../tests/fixtures/world.json");

/// The fixture as a JavaScript-facing directory.
pub fn directory() -> JsDirectory {
    JsDirectory::from_json(JsValue::from_str(WORLD)).unwrap()
}

/// A property of a JavaScript object.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// The `code` of a thrown `GuestPassError`.
pub fn code_of(thrown: JsValue) -> String {
    get(&thrown, "code").as_string().unwrap()
}

/// Parses JSON text into a JavaScript value.
pub fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap()
}
