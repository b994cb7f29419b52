//! Values crossing the boundary: JavaScript objects (or JSON text) in, plain objects out.

use guestpass::error::Error;
use guestpass::json_path::Origin;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Reads a typed value from a JavaScript object or a JSON string, refusing unknown
/// fields and wrong types with the path of the offending field.
///
/// Objects go through `JSON.stringify` and serde_json: serde-wasm-bindgen reads only
/// the fields a struct names, so it cannot see (and refuse) unknown ones, and one native
/// stringify plus one parse is faster than a property read per field for large worlds.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    let (text, origin) = json_text(value)?;
    guestpass::json_path::parse_from(&text, origin)
}

/// The JSON text of a JavaScript string, or of an object through `JSON.stringify`, and
/// which it was (kept out of the generic [`from_js`], so the Wasm module holds it once
/// rather than once per type read).
fn json_text(value: JsValue) -> Result<(String, Origin), Error> {
    if let Some(text) = value.as_string() {
        return Ok((text, Origin::Text));
    }
    if value.is_undefined() {
        return Err(Error::invalid_input(
            "expected an object or a JSON string, got undefined",
        ));
    }
    js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|s| s.as_string())
        .map(|text| (text, Origin::Object))
        .ok_or_else(|| Error::invalid_input("expected a JSON-serializable object or a JSON string"))
}

/// Writes a value as a plain JavaScript object (maps as objects, no `Map`s).
///
/// The value goes out as JSON text and comes to life in one native `JSON.parse`: one
/// string crossing instead of a boundary call per property and per string, which made
/// lists of approvals 25-40% faster to hand over than serde-wasm-bindgen's serializer
/// (benches/approvals.mjs). The objects are the same plain JSON values either way.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    let text = serde_json::to_string(value)
        .map_err(|e| Error::invalid_input(format!("could not convert output: {e}")))?;
    parse_output(&text)
}

/// `JSON.parse` of output text (out of the generic [`to_js`], as [`json_text`]).
fn parse_output(text: &str) -> Result<JsValue, Error> {
    js_sys::JSON::parse(text)
        .map_err(|_| Error::invalid_input("could not convert output: JSON.parse failed"))
}

/// The text of an argument declared `string`, or `INVALID_VALUE` naming the argument and
/// what it got. Text arguments cross as `JsValue` and are read here because
/// wasm-bindgen's own `&str` and `Option<String>` parameters, handed a number or an
/// object, trap inside the allocator (a `RuntimeError`, not a `GuestPassError`).
pub fn text_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| super::error::to_js(&wrong_type(value, name, "a string")))
}

/// The text of an optional `string` argument: `undefined` and `null` are `None`,
/// anything else but text is `INVALID_VALUE` (see [`text_arg`]).
pub fn optional_text_arg(value: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    text_arg(value, name).map(Some)
}

/// The value of an argument declared `boolean`, or `INVALID_VALUE`: only `true` and
/// `false` (wasm-bindgen's own `bool` parameters read `"yes"` as `false` and throw a
/// `TypeError` on a symbol).
pub fn bool_arg(value: &JsValue, name: &str) -> Result<bool, JsValue> {
    value
        .as_bool()
        .ok_or_else(|| super::error::to_js(&wrong_type(value, name, "a boolean")))
}

/// The bytes of an argument declared `Uint8Array | ArrayBuffer | number[]` (a Node
/// `Buffer` is a `Uint8Array`), copied into WebAssembly memory, or `INVALID_VALUE`.
pub fn bytes_arg(value: &JsValue, name: &str) -> Result<Vec<u8>, JsValue> {
    use wasm_bindgen::JsCast;
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    if value.is_instance_of::<js_sys::ArrayBuffer>() || js_sys::Array::is_array(value) {
        return Ok(js_sys::Uint8Array::new(value).to_vec());
    }
    Err(super::error::to_js(&wrong_type(
        value,
        name,
        "a Uint8Array, an ArrayBuffer or an array of bytes",
    )))
}

/// `INVALID_VALUE` for an argument `name` that is not `expected`, saying what it got (out
/// of line: one copy in the module for every kind of argument).
fn wrong_type(value: &JsValue, name: &str, expected: &str) -> Error {
    let got = if value.is_null() {
        "null".to_string()
    } else if js_sys::Array::is_array(value) {
        "an array".to_string()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    };
    Error::InvalidValue {
        field: name.to_string(),
        reason: format!("expected {expected}, got {got}"),
    }
}
