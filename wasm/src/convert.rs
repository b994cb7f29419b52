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
///
/// Every value read this way is an object: an array (or JSON text of one) is refused here,
/// because serde reads a struct from an array of its fields in order, so `[5, 1]` would
/// otherwise pass for `{ users: 5, seed: 1 }`.
pub(crate) fn json_text(value: JsValue) -> Result<(String, Origin), Error> {
    if let Some(text) = value.as_string() {
        return text_of_an_object(text);
    }
    if value.is_undefined() {
        return Err(Error::invalid_input(
            "expected an object or a JSON string, got undefined",
        ));
    }
    if js_sys::Array::is_array(&value) {
        return Err(an_array());
    }
    js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|s| s.as_string())
        .map(|text| (text, Origin::Object))
        .ok_or_else(|| Error::invalid_input("expected a JSON-serializable object or a JSON string"))
}

/// `text` as the JSON text of an object (an array refused: see [`json_text`]).
fn text_of_an_object(text: String) -> Result<(String, Origin), Error> {
    if text.trim_start().starts_with('[') {
        return Err(an_array());
    }
    Ok((text, Origin::Text))
}

/// [`json_text`] that also takes the text as UTF-8 bytes (a `Uint8Array` or an
/// `ArrayBuffer`: a file or a response body as it arrived), copied into WebAssembly memory
/// once, with no JavaScript string in between (`fromJSON`, `fromSources`). A leading
/// byte-order mark is skipped, as `TextDecoder` and `response.text()` skip it.
#[cfg(feature = "full")]
pub(crate) fn json_text_or_bytes(value: JsValue) -> Result<(String, Origin), Error> {
    use wasm_bindgen::JsCast;
    let bytes = match (
        value.dyn_ref::<js_sys::Uint8Array>(),
        value.dyn_ref::<js_sys::ArrayBuffer>(),
    ) {
        (Some(bytes), _) => bytes.to_vec(),
        (None, Some(buffer)) => js_sys::Uint8Array::new(buffer).to_vec(),
        (None, None) => return json_text(value),
    };
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Error::invalid_input(format!(
            "the bytes are not UTF-8 (at byte {at}): pass JSON text encoded as UTF-8"
        ))
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    text_of_an_object(text)
}

#[cold]
fn an_array() -> Error {
    Error::invalid_input("expected an object (named fields), got an array")
}

/// Reads the option object of a read (`search`, `approvals`, `joinRequests`): serde in
/// the full package, the hand-written readers of `options.rs` in the view runtime, which
/// holds no JSON parser (the same answers and errors).
#[cfg(feature = "full")]
pub fn options_from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    from_js(value)
}

/// Reads the option object of a read: see the full package's twin above.
#[cfg(not(feature = "full"))]
pub fn options_from_js<T: super::options::Options>(value: JsValue) -> Result<T, Error> {
    super::options::read(value)
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

/// [`from_js`] for the request object of a call (`signIn`'s `{ tenantId, user }`, a share,
/// an invitation): a field of the wrong type is an argument of the wrong type, so it is
/// `INVALID_VALUE` naming the field (as the package README promises for arguments); a
/// missing field, an unknown one or a value outside an enumeration keep their codes.
pub fn request_from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    from_js(value).map_err(wrong_field_type)
}

/// `INVALID_INPUT` about a field of the wrong type as `INVALID_VALUE` naming it (out of
/// the generic [`request_from_js`]).
fn wrong_field_type(err: Error) -> Error {
    match err {
        Error::InvalidInput {
            field: Some(field),
            reason,
        } if reason.starts_with("invalid type") => Error::InvalidValue { field, reason },
        other => other,
    }
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

/// The bytes of an argument declared `Uint8Array | ArrayBuffer` (a Node `Buffer` is a
/// `Uint8Array`), copied into WebAssembly memory, or `INVALID_VALUE`: see [`js_bytes_arg`].
pub fn bytes_arg(value: &JsValue, name: &str) -> Result<Vec<u8>, JsValue> {
    js_bytes_arg(value, name).map(|bytes| bytes.to_vec())
}

/// The bytes of an argument declared `Uint8Array | ArrayBuffer`, left where they are (in
/// JavaScript memory), or `INVALID_VALUE`: for anything else (an array of numbers would be
/// converted number by number, `"327"` to 71), and for no bytes at all (an empty buffer,
/// or one detached by a transfer, which `new Uint8Array(buffer)` would answer with a
/// `TypeError`).
pub fn js_bytes_arg(value: &JsValue, name: &str) -> Result<js_sys::Uint8Array, JsValue> {
    use wasm_bindgen::JsCast;
    let bytes = if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        // A view of a detached buffer has no bytes, and copying from it would throw.
        (bytes.byte_length() > 0).then(|| bytes.clone())
    } else if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        (buffer.byte_length() > 0).then(|| js_sys::Uint8Array::new(buffer))
    } else {
        return Err(super::error::to_js(&wrong_type(
            value,
            name,
            "a Uint8Array or an ArrayBuffer",
        )));
    };
    bytes.ok_or_else(|| {
        super::error::to_js(&Error::InvalidValue {
            field: name.to_string(),
            reason: "no bytes (an empty buffer, or one detached by a transfer); pass the bytes toBytes() made".into(),
        })
    })
}

/// A `Uint8Array` read a window at a time by the snapshot reader
/// ([`guestpass::snapshot::from_source`]), so that loading a snapshot never holds a copy
/// of all of it in WebAssembly memory beside the directory it becomes.
pub struct JsByteSource(pub js_sys::Uint8Array);

impl guestpass::binary::ByteSource for JsByteSource {
    fn read_at(&mut self, offset: usize, out: &mut [u8]) -> guestpass::Result<()> {
        let end = offset.saturating_add(out.len());
        let piece = match (u32::try_from(offset), u32::try_from(end)) {
            (Ok(start), Ok(end)) => self.0.subarray(start, end),
            _ => {
                return Err(Error::SnapshotTruncated {
                    expected: end,
                    actual: self.len(),
                })
            }
        };
        // The array's length was read before; a buffer detached since has no bytes.
        if piece.length() as usize != out.len() {
            return Err(Error::SnapshotTruncated {
                expected: end,
                actual: self.len(),
            });
        }
        piece.copy_to(out);
        Ok(())
    }
}

impl JsByteSource {
    /// How many bytes the array holds.
    pub fn len(&self) -> usize {
        self.0.length() as usize
    }
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
