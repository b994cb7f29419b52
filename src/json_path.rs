//! Reading typed values from JSON text with errors that name the offending field
//! (`users[3].mail: invalid type: integer ...`).
//!
//! serde_json reports where a parse failed as a line and column. Rather than wrapping
//! every deserializer call to track the path as it goes (which doubles the generated
//! code for every type read, a large share of the Wasm module), [`parse`] lets serde_json
//! run at full speed and, only when it fails, walks the text up to the failure once to
//! spell the path of the value it was reading.

use crate::error::Error;
use serde::de::DeserializeOwned;

/// Parses `text` as a `T`, refusing unknown fields and wrong types with the path of the
/// offending field in the message (`UNKNOWN_FIELD` or `INVALID_INPUT`).
///
/// ```
/// # use serde::Deserialize;
/// #[derive(Deserialize, Debug)]
/// #[serde(deny_unknown_fields)]
/// struct Person { mail: String }
/// let err = guestpass::json_path::parse::<Vec<Person>>(r#"[{"mail":"a@b"},{"mail":7}]"#)
///     .unwrap_err();
/// assert!(err.to_string().contains("[1].mail: invalid type"), "{err}");
/// ```
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    parse_from(text, Origin::Text)
}

/// [`parse`] for JSON text of the given [`Origin`]: for text made by `JSON.stringify` from
/// the caller's JavaScript object, the message names the path but no line and column,
/// which would point into text the caller never saw.
///
/// ```
/// # use serde::Deserialize;
/// use guestpass::json_path::{parse_from, Origin};
/// #[derive(Deserialize, Debug)]
/// #[serde(deny_unknown_fields)]
/// struct Options { limit: u32 }
/// let err = parse_from::<Options>(r#"{"limit":"10"}"#, Origin::Object).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"invalid input: limit: invalid type: string "10", expected a whole number from 0 to 4294967295"#
/// );
/// ```
pub fn parse_from<T: DeserializeOwned>(text: &str, origin: Origin) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| located(text, &e, origin))
}

/// [`parse_from`] for a type that borrows strings from `text` (no copy of those that
/// need no unescaping).
pub fn parse_borrowed<'a, T: serde::Deserialize<'a>>(
    text: &'a str,
    origin: Origin,
) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| located(text, &e, origin))
}

/// Where JSON text came from, which decides whether a position in it means anything to
/// the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Text the caller wrote or fetched: line and column help find the place.
    Text,
    /// Text made from the caller's object: the path alone says where.
    Object,
}

/// serde_json's error with the path of the value it was reading (not generic, so the
/// Wasm module holds it once rather than once per type read).
fn located(text: &str, e: &serde_json::Error, origin: Origin) -> Error {
    located_under(text, e, origin, "")
}

/// [`parse_borrowed`] of text made from the caller's object that is one part of a larger
/// input, at path `under` (`powerAutomate[2]`): the errors name the whole input's paths.
pub fn parse_borrowed_under<'a, T: serde::Deserialize<'a>>(
    text: &'a str,
    under: &str,
) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| located_under(text, &e, Origin::Object, under))
}

/// [`located`] for text at path `under` of the caller's input (empty: the whole input).
fn located_under(text: &str, e: &serde_json::Error, origin: Origin, under: &str) -> Error {
    let inner = path_at(text, byte_offset(text, e.line(), e.column()));
    let path = match (under.is_empty(), inner.is_empty() || inner.starts_with('[')) {
        (true, _) => inner,
        (false, true) => format!("{under}{inner}"),
        (false, false) => format!("{under}.{inner}"),
    };
    let full = e.to_string();
    let message = match origin {
        Origin::Text => full.as_str(),
        Origin::Object => full
            .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
            .unwrap_or(&full),
    };
    let message = in_javascript_terms(message);
    let path = (!path.is_empty()).then_some(path.as_str());
    Error::from_serde_message(&message, path)
}

/// The error [`parse_from`] makes of serde's `message` about the value at `path` (empty
/// at the top level) of text made from the caller's object: for readers that walk a
/// JavaScript value without serde_json (the view runtime's option objects,
/// `wasm/src/options.rs`), so their errors read as the full package's.
pub fn object_error(message: &str, path: &str) -> Error {
    let message = in_javascript_terms(message);
    Error::from_serde_message(&message, (!path.is_empty()).then_some(path))
}

/// serde's wording of types in the terms of the JSON a JavaScript caller writes: Rust's
/// number types as the numbers they accept, maps as objects, sequences as arrays.
fn in_javascript_terms(message: &str) -> String {
    let whole = |max: u64| format!("expected a whole number from 0 to {max}");
    let terms: [(&str, String); 12] = [
        ("expected usize", whole(usize::MAX as u64)),
        ("expected u64", whole(u64::MAX)),
        ("expected u32", whole(u32::MAX.into())),
        ("expected u16", whole(u16::MAX.into())),
        ("expected u8", whole(u8::MAX.into())),
        ("expected i64", "expected a whole number".into()),
        ("expected i32", "expected a whole number".into()),
        ("expected f64", "expected a number".into()),
        ("expected a sequence", "expected an array".into()),
        ("expected a map", "expected an object".into()),
        ("invalid type: map", "invalid type: object".into()),
        ("invalid type: sequence", "invalid type: array".into()),
    ];
    let mut out = message.to_string();
    for (rust, js) in terms {
        if out.contains(rust) {
            out = out.replace(rust, &js);
        }
    }
    // `expected struct Tenant` (a struct read from an array, `json_object`).
    if let Some((before, after)) = out.split_once("expected struct ") {
        let name_end = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        let (name, rest) = after.split_at(name_end);
        out = format!("{before}expected an object ({name}){rest}");
    }
    out
}

/// The byte offset of serde_json's one-based `line` and byte `column`.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    line_start.saturating_add(column).min(text.len())
}

/// One open container on the way to the offset.
enum Frame {
    /// An object and the key read last in it, if any.
    Object { key: Option<String>, want_key: bool },
    /// An array and the index of the element being read.
    Array { index: usize },
}

/// The path (`users[3].mail`) of the value being read at byte `offset` of `text`; empty
/// at the top level. Malformed text gives the best path seen so far.
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes.get(i).copied().unwrap_or(b' ') {
            b'{' => stack.push(Frame::Object {
                key: None,
                want_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { want_key, .. }) => *want_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes.get(i) != Some(&b'"') {
                    i += if bytes.get(i) == Some(&b'\\') { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, want_key }) = stack.last_mut() {
                    if *want_key {
                        let raw = text.get(start..i.min(bytes.len())).unwrap_or("");
                        *key = Some(raw.to_string());
                        *want_key = false;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_keys_and_indexes() {
        let text = r#"{"users":[{"id":"a"},{"id":"b","mail":7}]}"#;
        let at = text.find('7').unwrap() + 1;
        assert_eq!(path_at(text, at), "users[1].mail");
    }

    #[test]
    fn a_closed_object_points_at_its_place_in_the_list() {
        let text = r#"{"users":[{"id":"a"},{"id":"b"}]}"#;
        let at = text.rfind('}').unwrap() - 1;
        assert_eq!(path_at(text, at), "users[1]");
    }

    #[test]
    fn escaped_quotes_do_not_end_strings() {
        let text = r#"{"a\"b":[1,{"c":"x\"y","d":true}]}"#;
        let at = text.find("true").unwrap() + 4;
        assert_eq!(path_at(text, at), r#"a\"b[1].d"#);
    }

    #[test]
    fn messages_use_the_terms_of_json() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Options {
            limit: Option<u16>,
            ids: Option<Vec<String>>,
            name: Option<String>,
        }
        let refused = |text: &str| {
            parse_from::<Options>(text, Origin::Object)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            refused(r#"{"limit":-1}"#),
            "invalid input: limit: invalid value: integer `-1`, expected a whole number from 0 to 65535"
        );
        assert_eq!(
            refused(r#"{"ids":{}}"#),
            "invalid input: ids: invalid type: object, expected an array"
        );
        assert_eq!(
            refused(r#"{"name":[]}"#),
            "invalid input: name: invalid type: array, expected a string"
        );
        assert_eq!(
            parse_from::<Options>(r#"{"limt":5}"#, Origin::Object).unwrap_err().to_string(),
            "unknown field: limt (expected one of `limit`, `ids`, `name`); remove it or check its spelling"
        );
        // Text the caller wrote keeps its position.
        let err = parse::<Options>("{\n\"name\": 7}").unwrap_err().to_string();
        assert!(err.ends_with("at line 2 column 9"), "{err}");
    }

    #[test]
    fn offsets_follow_lines() {
        let text = "{\n  \"a\": [\n    1,\n    \"x\"\n  ]\n}";
        assert_eq!(byte_offset(text, 4, 7), text.find("\"x\"").unwrap() + 3);
    }
}
