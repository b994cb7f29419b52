//! Graph collection pages: response bodies such as
//! `{"@odata.context": "…", "@odata.nextLink": "…", "value": [ … ]}`.
//!
//! Pages are read in the order given. Only the `value` array matters: the other
//! properties (`@odata.context`, `@odata.nextLink`, `@odata.count`, …) are ignored, so a
//! last page that still carries a `@odata.nextLink` is accepted: the caller decides how
//! many pages to fetch.

use super::fields::{kind_of, Object, Place};
use crate::error::{Error, Result};
use serde_json::Value;

/// The objects of every page, in order, each with its place in the input.
pub(crate) fn items<'a>(
    pages: &'a [Value],
    at: Place<'a>,
    tenant: &'a str,
) -> Result<Vec<Object<'a>>> {
    let mut objects = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let place = Place {
            page: Some(p),
            ..at
        };
        let value = match page {
            Value::Object(map) => map.get("value"),
            _ => None,
        };
        let Some(Value::Array(values)) = value else {
            let found = match (page, value) {
                (Value::Object(_), None) => "no \"value\" property".to_string(),
                (Value::Object(_), Some(v)) => format!("a \"value\" that is {}", kind_of(v)),
                (other, _) => kind_of(other).to_string(),
            };
            return Err(Error::invalid_input(format!(
                "{place} (tenant \"{tenant}\") is not a collection page: expected an object \
                 with a \"value\" array, found {found}; pass each response body as Graph returned it"
            )));
        };
        objects.reserve(values.len());
        for (i, v) in values.iter().enumerate() {
            let item = Place {
                item: Some(i),
                ..place
            };
            objects.push(Object::new(v, item, tenant)?);
        }
    }
    Ok(objects)
}
