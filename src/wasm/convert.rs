//! Values crossing the boundary: JavaScript objects (or JSON text) in, plain objects out.

use crate::error::Error;
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
    crate::json_path::parse(&json_text(value)?)
}

/// The JSON text of a JavaScript string or object (kept out of the generic [`from_js`],
/// so the Wasm module holds it once rather than once per type read).
fn json_text(value: JsValue) -> Result<String, Error> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if value.is_undefined() {
        return Err(Error::InvalidInput(
            "expected an object or a JSON string, got undefined".into(),
        ));
    }
    js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| {
            Error::InvalidInput("expected a JSON-serializable object or a JSON string".into())
        })
}

/// Writes a value as a plain JavaScript object (maps as objects, no `Map`s).
///
/// The value goes out as JSON text and comes to life in one native `JSON.parse`: one
/// string crossing instead of a boundary call per property and per string, which made
/// lists of approvals 25-40% faster to hand over than serde-wasm-bindgen's serializer
/// (benches/approvals.mjs). The objects are the same plain JSON values either way.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    let text = serde_json::to_string(value)
        .map_err(|e| Error::InvalidInput(format!("could not convert output: {e}")))?;
    parse_output(&text)
}

/// `JSON.parse` of output text (out of the generic [`to_js`], as [`json_text`]).
fn parse_output(text: &str) -> Result<JsValue, Error> {
    js_sys::JSON::parse(text)
        .map_err(|_| Error::InvalidInput("could not convert output: JSON.parse failed".into()))
}
