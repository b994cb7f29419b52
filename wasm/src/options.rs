//! The view runtime's readers of the option objects its reads take (`session.search`'s
//! JSON path, `approvals`, `joinRequests`): the object goes through `JSON.stringify` and
//! `JSON.parse` (so `toJSON`, `undefined` and `NaN` count as in the full package) and is
//! walked with `js_sys`, instead of being parsed by serde_json. The runtime then holds no
//! JSON parser and none of serde's error text, which reaches float formatting: about
//! 27 KB gzipped (BENCHMARKS.md, "The view runtime").
//!
//! Each error is the one the full package's `from_js` (convert.rs) gives: the message
//! serde and serde_json would write, put in the terms of JSON and located by
//! `guestpass::json_path::object_error`, so code, message and `details.field` agree
//! (tests/js/view-runtime.test.mjs compares them over a catalog of wrong options). The
//! one difference is options passed as JSON text, which no method documents: the same
//! answers and codes, but no line and column in a message, and malformed text is
//! `INVALID_INPUT` with JavaScript's own parse message.

use super::convert::json_text;
use guestpass::error::Error;
use guestpass::json_path::object_error;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

/// An option object read by [`read`]: its name, its fields, and how each is read.
pub trait Options: Default {
    /// The struct's name in messages (`expected an object (ApprovalQuery)`).
    const NAME: &'static str;
    /// The fields' names, in declaration order (`expected one of …`).
    const FIELDS: &'static [&'static str];
    /// Reads the value of `FIELDS[index]`, which sits at `path`.
    fn field(&mut self, index: usize, value: &JsValue, path: &str) -> Result<(), Error>;
}

/// Reads an option object (not `undefined` or `null`: the callers default those).
pub fn read<T: Options>(value: JsValue) -> Result<T, Error> {
    let mut out = T::default();
    fields(value, T::NAME, T::FIELDS, &mut |index, value, path| {
        out.field(index, value, path)
    })?;
    Ok(out)
}

/// The walk of [`read`], once for every type: each key in order, unknown ones refused.
fn fields(
    value: JsValue,
    name: &str,
    names: &[&str],
    field: &mut dyn FnMut(usize, &JsValue, &str) -> Result<(), Error>,
) -> Result<(), Error> {
    let (text, _) = json_text(value)?;
    let parsed = JSON::parse(&text).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()));
        Error::invalid_input(why.unwrap_or_else(|| "not JSON".into()))
    })?;
    if !is_object(&parsed) {
        let kind = unexpected(&parsed);
        return Err(object_error(
            &format!("invalid type: {kind}, expected struct {name}"),
            "",
        ));
    }
    for key in Object::keys(parsed.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        let value = Reflect::get(&parsed, &JsValue::from_str(&key)).unwrap_or_default();
        match names.iter().position(|n| *n == key) {
            Some(index) => field(index, &value, &key)?,
            None => {
                let message = format!("unknown field `{key}`, expected {}", one_of(names));
                return Err(object_error(&message, &escaped(&key)));
            }
        }
    }
    Ok(())
}

/// A JSON object (not an array, not `null`).
fn is_object(value: &JsValue) -> bool {
    value.is_object() && !Array::is_array(value)
}

/// A key as `JSON.stringify` wrote it between its quotes (the paths of errors name keys so).
fn escaped(key: &str) -> String {
    let quoted = JSON::stringify(&JsValue::from_str(key))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    let inner = quoted.strip_prefix('"').and_then(|q| q.strip_suffix('"'));
    inner.unwrap_or(key).to_string()
}

/// serde's list of names: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => "there are no fields".into(),
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        _ => format!("one of {}", quoted.join(", ")),
    }
}

/// serde_json's words for a JSON value of the wrong type (`integer `5``, `map`, …).
fn unexpected(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if let Some(b) = value.as_bool() {
        format!("boolean `{b}`")
    } else if let Some(s) = value.as_string() {
        format!("string {s:?}")
    } else if value.as_f64().is_some() {
        number(value)
    } else if Array::is_array(value) {
        "sequence".into()
    } else {
        "map".into()
    }
}

/// A number as serde_json read it from `JSON.stringify`'s text: a whole number that fits
/// 64 bits is an integer, anything else a float, written as zmij writes it.
fn number(value: &JsValue) -> String {
    let text = value
        .unchecked_ref::<js_sys::Number>()
        .to_string_with_radix(10)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    let digits = text.strip_prefix('-').unwrap_or(&text);
    let whole = digits.bytes().all(|b| b.is_ascii_digit());
    let fits = match digits.parse::<u64>() {
        Ok(n) => !text.starts_with('-') || n <= 1 << 63,
        Err(_) => false,
    };
    if whole && fits {
        format!("integer `{text}`")
    } else {
        format!("floating point `{}`", float_text(&text))
    }
}

/// JavaScript's shortest digits of a float laid out as zmij (serde_json's float writer)
/// lays them out: plain from 1e-5 to 1e16, `1.5e+21` / `1e-7` outside.
fn float_text(js: &str) -> String {
    let (sign, body) = js.strip_prefix('-').map_or(("", js), |b| ("-", b));
    let (mantissa, exp) = body.split_once('e').unwrap_or((body, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{int}{frac}");
    let significant = all.trim_start_matches('0');
    let lead = (all.len() - significant.len()) as i32;
    let digits = significant.trim_end_matches('0');
    if digits.is_empty() {
        return format!("{sign}0.0");
    }
    let e = int.len() as i32 - 1 - lead + exp;
    let n = digits.len() as i32;
    let zeros = |k: i32| "0".repeat(k.max(0) as usize);
    let (head, tail) = digits.split_at(1);
    let laid = if !(-5..=15).contains(&e) {
        let point = if tail.is_empty() { "" } else { "." };
        let e_sign = if e < 0 { '-' } else { '+' };
        format!("{head}{point}{tail}e{e_sign}{}", e.abs())
    } else if n - 1 <= e {
        format!("{digits}{}.0", zeros(e - (n - 1)))
    } else if e >= 0 {
        let (int, frac) = digits.split_at(e as usize + 1);
        format!("{int}.{frac}")
    } else {
        format!("0.{}{digits}", zeros(-e - 1))
    };
    format!("{sign}{laid}")
}

/// An enum of unit variants, as serde_json reads one (`model::string_enum!`): its name as
/// text, or `{ name: null }`; its position among `variants`.
pub fn variant(value: &JsValue, path: &str, variants: &[&str]) -> Result<usize, Error> {
    let find = |text: &str, path: &str| {
        variants.iter().position(|v| *v == text).ok_or_else(|| {
            let message = format!("unknown variant `{text}`, expected {}", one_of(variants));
            object_error(&message, path)
        })
    };
    if let Some(text) = value.as_string() {
        return find(&text, path);
    }
    if !is_object(value) {
        let at = if Array::is_array(value) {
            format!("{path}[0]")
        } else {
            path.to_string()
        };
        return Err(object_error("expected value", &at));
    }
    let keys = Object::keys(value.unchecked_ref::<Object>());
    let Some(key) = keys.get(0).as_string() else {
        return Err(object_error("expected value", path));
    };
    let inner = format!("{path}.{}", escaped(&key));
    let at = find(&key, &inner)?;
    let unit = Reflect::get(value, &JsValue::from_str(&key)).unwrap_or_default();
    if !unit.is_null() {
        let message = format!("invalid type: {}, expected unit", unexpected(&unit));
        return Err(object_error(&message, &inner));
    }
    if keys.length() > 1 {
        return Err(object_error("expected value", &inner));
    }
    Ok(at)
}

/// An optional text field: `null` is none.
pub fn optional_text(value: &JsValue, path: &str) -> Result<Option<String>, Error> {
    if value.is_null() {
        return Ok(None);
    }
    text(value, path).map(Some)
}

/// A text field.
fn text(value: &JsValue, path: &str) -> Result<String, Error> {
    value
        .as_string()
        .ok_or_else(|| wrong_type(value, "a string", path))
}

/// An array of text.
pub fn texts(value: &JsValue, path: &str) -> Result<Vec<String>, Error> {
    let Some(items) = value.dyn_ref::<Array>() else {
        return Err(wrong_type(value, "a sequence", path));
    };
    let mut out = Vec::with_capacity(items.length() as usize);
    for (at, item) in items.iter().enumerate() {
        out.push(text(&item, &format!("{path}[{at}]"))?);
    }
    Ok(out)
}

/// An optional count (`limit`, which the TypeScript side has checked already).
pub fn optional_count(value: &JsValue, path: &str) -> Result<Option<usize>, Error> {
    if value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n) => Ok(Some(n as usize)),
        _ => Err(wrong_type(value, "usize", path)),
    }
}

/// `invalid type: …, expected …` at `path`.
fn wrong_type(value: &JsValue, expected: &str, path: &str) -> Error {
    let message = format!("invalid type: {}, expected {expected}", unexpected(value));
    object_error(&message, path)
}
