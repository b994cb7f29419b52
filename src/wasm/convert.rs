//! Values crossing the boundary: JavaScript objects (or JSON text) in, plain objects out.

use crate::error::Error;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Reads a typed value from a JavaScript object or a JSON string, refusing unknown
/// fields and wrong types with the path of the offending field.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    if let Some(text) = value.as_string() {
        let mut de = serde_json::Deserializer::from_str(&text);
        return serde_path_to_error::deserialize(&mut de)
            .map_err(|e| Error::from_serde_message(&e.to_string()));
    }
    let de = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(de).map_err(|e| Error::from_serde_message(&e.to_string()))
}

/// Writes a value as a plain JavaScript object (maps as objects, no `Map`s).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| Error::InvalidInput(format!("could not convert output: {e}")))
}
