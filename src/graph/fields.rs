//! Reading the properties guestpass uses out of one Graph object, and only those:
//! everything else Graph sends (`@odata.*`, `businessPhones`, …) is left alone. A used
//! property of the wrong type is refused with `INVALID_VALUE`, naming its JSON path
//! and the tenant.

use crate::error::{Error, Result};
use serde_json::{Map, Value};
use std::fmt;

/// Where an object sits in the input, spelled as a JSON path only when an error needs it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place<'a> {
    /// The top-level list the entry is in: `tenants` for Graph, `powerAutomate`,
    /// `dataverse` for the other sources.
    pub root: &'static str,
    /// The entry's position in that list.
    pub tenant: usize,
    /// The list the object is in: `organization`, `users`, `groups`, `groupMembers`, ….
    pub list: &'a str,
    /// A key inside the list (`groupMembers.<groupId>`), if any.
    pub key: Option<&'a str>,
    /// The page's position, for paged lists.
    pub page: Option<usize>,
    /// The object's position in the page's `value` array.
    pub item: Option<usize>,
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}].{}", self.root, self.tenant, self.list)?;
        if let Some(key) = self.key {
            write!(f, "[\"{key}\"]")?;
        }
        if let Some(page) = self.page {
            write!(f, "[{page}]")?;
        }
        if let Some(item) = self.item {
            write!(f, ".value[{item}]")?;
        }
        Ok(())
    }
}

/// What kind of JSON value this is, for messages.
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// How deep inside a page's item an object may sit and still be named exactly in
/// messages (`b2bCollaborationInbound.usersAndGroups.targets[0]` is 3).
const DEPTH: usize = 4;

/// Where a row or one of its inner objects sits, for messages: the page item, the
/// properties leading to the inner object, and the tenant.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spot<'a> {
    place: Place<'a>,
    /// For an object inside other objects: the properties leading to it, outermost
    /// first, with the position when the property is an array.
    within: [Option<(&'static str, Option<usize>)>; DEPTH],
    tenant: &'a str,
}

impl<'a> Spot<'a> {
    /// The spot of a page item (or single resource) at `place`.
    pub fn new(place: Place<'a>, tenant: &'a str) -> Spot<'a> {
        Spot {
            place,
            within: [None; DEPTH],
            tenant,
        }
    }

    /// The error for `field` holding something other than `expected`.
    pub fn wrong(&self, field: &str, expected: &str, found: &str) -> Error {
        let mut within = String::new();
        for (property, at) in self.within.iter().flatten() {
            within.push('.');
            within.push_str(property);
            if let Some(i) = at {
                within.push_str(&format!("[{i}]"));
            }
        }
        Error::InvalidValue {
            field: format!("{}{within}.{field}", self.place),
            reason: format!(
                "expected {expected}, found {found} (tenant \"{}\")",
                self.tenant
            ),
        }
    }

    /// The error for the item itself not being an object.
    pub fn not_an_object(&self, found: &str) -> Error {
        Error::InvalidValue {
            field: self.place.to_string(),
            reason: format!(
                "expected a Graph object, found {found} (tenant \"{}\")",
                self.tenant
            ),
        }
    }

    /// The spot of property `field` of this object, one level deeper (the deepest level
    /// is reused past [`DEPTH`]).
    pub fn deeper(&self, field: &'static str, at: Option<usize>) -> Spot<'a> {
        let mut within = self.within;
        let free = within.iter().position(Option::is_none).unwrap_or(DEPTH - 1);
        within[free] = Some((field, at));
        Spot { within, ..*self }
    }
}

/// One Graph object, with the tenant label and place used in error messages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Object<'a> {
    map: &'a Map<String, Value>,
    spot: Spot<'a>,
}

impl<'a> Object<'a> {
    /// Refuses anything but a JSON object.
    pub fn new(value: &'a Value, place: Place<'a>, tenant: &'a str) -> Result<Object<'a>> {
        let spot = Spot::new(place, tenant);
        match value {
            Value::Object(map) => Ok(Object { map, spot }),
            other => Err(spot.not_an_object(kind_of(other))),
        }
    }

    /// The error for `field` holding something other than `expected`.
    pub fn wrong(&self, field: &str, expected: &str, found: &str) -> Error {
        self.spot.wrong(field, expected, found)
    }

    /// A string property; absent and `null` are `None`.
    pub fn string(&self, field: &str) -> Result<Option<&'a str>> {
        match self.map.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.wrong(field, "a string or null", kind_of(other))),
        }
    }

    /// A string property that must be present and not empty.
    pub fn required_string(&self, field: &str) -> Result<&'a str> {
        match self.map.get(field) {
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(s),
            Some(Value::String(_)) => Err(self.wrong(field, "a non-empty string", "\"\"")),
            None => Err(self.wrong(field, "a string", "nothing")),
            Some(other) => Err(self.wrong(field, "a string", kind_of(other))),
        }
    }

    /// A boolean property; absent and `null` are `None`.
    pub fn boolean(&self, field: &str) -> Result<Option<bool>> {
        match self.map.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(self.wrong(field, "true, false or null", kind_of(other))),
        }
    }

    /// An array of strings; absent and `null` are empty.
    pub fn strings(&self, field: &str) -> Result<Vec<&'a str>> {
        self.array(field)?
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::String(s) => Ok(s.as_str()),
                other => Err(self.wrong(&format!("{field}[{i}]"), "a string", kind_of(other))),
            })
            .collect()
    }

    /// An array of objects; absent and `null` are empty.
    pub fn objects(&self, field: &'static str) -> Result<Vec<Object<'a>>> {
        self.array(field)?
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::Object(map) => Ok(Object {
                    map,
                    spot: self.spot.deeper(field, Some(i)),
                }),
                other => Err(self.wrong(&format!("{field}[{i}]"), "an object", kind_of(other))),
            })
            .collect()
    }

    /// An object property; absent and `null` are `None`.
    pub fn object(&self, field: &'static str) -> Result<Option<Object<'a>>> {
        match self.map.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Object {
                map,
                spot: self.spot.deeper(field, None),
            })),
            Some(other) => Err(self.wrong(field, "an object or null", kind_of(other))),
        }
    }

    fn array(&self, field: &str) -> Result<&'a [Value]> {
        match self.map.get(field) {
            None | Some(Value::Null) => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(self.wrong(field, "an array or null", kind_of(other))),
        }
    }
}
