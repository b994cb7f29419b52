//! `Directory.fromSources` of a JavaScript object: each part — `graph`, each element of
//! `powerAutomate` and of `dataverse` — is stringified on its own
//! (`guestpass::sources::SourcesParts`), so no one string holds every page: V8 caps a
//! string at 2²⁹ − 24 characters, which the pages of a tenant of about 125,000 people with
//! the approvals of issue 22's dataset would pass. An environment given as a string is
//! its JSON text already (what `loadFromSources` hands over for Dataverse: the pages as
//! they arrived, joined), read as it is rather than parsed and stringified again.

use guestpass::error::{Error, Result};
use guestpass::sources::SourcesParts;
use js_sys::{Array, ArrayBuffer, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

/// `input` in parts, or `None` when it is not a plain object (text, bytes, arrays,
/// `undefined` and objects with their own `toJSON` are read as one text, as before).
pub(crate) fn sources_parts(input: &JsValue) -> Result<Option<SourcesParts>> {
    let plain = input.is_object()
        && !Array::is_array(input)
        && !ArrayBuffer::is_view(input)
        && !input.is_instance_of::<ArrayBuffer>()
        && !Reflect::has(input, &JsValue::from_str("toJSON")).unwrap_or(true);
    if !plain {
        return Ok(None);
    }
    let envelope = Object::assign(&Object::new(), input.unchecked_ref());
    let mut parts = SourcesParts::default();
    let graph = field(&envelope, "graph");
    if graph.is_object() && !Array::is_array(&graph) {
        parts.graph = Some(stringify(&graph)?);
        put(&envelope, "graph", &Object::new());
    }
    for (list, texts) in [
        ("powerAutomate", &mut parts.power_automate),
        ("dataverse", &mut parts.dataverse),
    ] {
        let items = field(&envelope, list);
        if Array::is_array(&items) {
            for item in Array::from(&items).iter() {
                texts.push(match item.as_string() {
                    Some(text) => text,
                    None => stringify(&item)?,
                });
            }
            put(&envelope, list, &Array::new());
        }
    }
    parts.envelope = stringify(&envelope)?;
    Ok(Some(parts))
}

/// `object[name]` (`undefined` when absent or when reading it threw).
fn field(object: &Object, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Sets `object[name]` on the envelope, a plain copy made here (it cannot refuse).
fn put(object: &Object, name: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(name), value);
}

/// `JSON.stringify(value)`, `null` for what JSON.stringify leaves out of an array
/// (`undefined`, functions, symbols).
fn stringify(value: &JsValue) -> Result<String> {
    JSON::stringify(value)
        .map(|s| s.as_string().unwrap_or_else(|| "null".to_string()))
        .map_err(|_| Error::invalid_input("expected a JSON-serializable object or a JSON string"))
}
