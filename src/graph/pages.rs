//! Graph collection pages: response bodies such as
//! `{"@odata.context": "…", "@odata.nextLink": "…", "value": [ … ]}`.
//!
//! Pages are read in the order given. Only the `value` array matters: the other
//! properties (`@odata.context`, `@odata.nextLink`, `@odata.count`, …) are ignored, so a
//! last page that still carries a `@odata.nextLink` is accepted: the caller decides how
//! many pages to fetch.

use super::fields::{kind_of, Object, Place, Spot};
use super::lenient::{List, Page, Row};
use super::read::Item;
use crate::error::{Error, Result};
use serde_json::Value;

/// The error for a page that is not `{"value": [ … ]}`.
fn not_a_page(place: Place<'_>, tenant: &str, found: &str) -> Error {
    Error::invalid_input(format!(
        "{place} (tenant \"{tenant}\") is not a collection page: expected an object \
         with a \"value\" array, found {found}; pass each response body as Graph returned it"
    ))
}

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
            return Err(not_a_page(place, tenant, &found));
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

/// How many rows the pages hold (pages that are not collection pages count none), to
/// size what is built from them.
pub(crate) fn count<T>(pages: &[Page<T>]) -> usize {
    pages
        .iter()
        .map(|p| match &p.value {
            List::Items(rows) => rows.len(),
            _ => 0,
        })
        .sum()
}

/// A row and where it sits in its list, small enough to keep by the million (Dataverse's
/// request rows): its [`Spot`] is spelled only when it is read ([`Whence::item`]).
#[derive(Debug)]
pub(crate) struct At<'s, T> {
    page: usize,
    item: usize,
    /// The row.
    pub row: &'s T,
}

impl<T> Clone for At<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for At<'_, T> {}

/// The list rows come from, and its tenant: what spells a row's [`Spot`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Whence<'s> {
    at: Place<'s>,
    tenant: &'s str,
}

impl<'s> Whence<'s> {
    /// The rows of the list `at` of `tenant`.
    pub fn new(at: Place<'s>, tenant: &'s str) -> Whence<'s> {
        Whence { at, tenant }
    }

    /// The row `a` with its spot.
    pub fn item<T>(&self, a: At<'s, T>) -> Item<'s, T> {
        let place = Place {
            page: Some(a.page),
            item: Some(a.item),
            ..self.at
        };
        Item {
            spot: Spot::new(place, self.tenant),
            row: a.row,
        }
    }
}

/// The rows of every typed page, in order, each with its position: the same checks and
/// messages as [`items`].
pub(crate) fn positioned<'s, T>(pages: &'s [Page<T>], from: Whence<'s>) -> Result<Vec<At<'s, T>>> {
    let mut rows = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let place = Place {
            page: Some(p),
            ..from.at
        };
        let values = match (&page.value, page.is_object) {
            (List::Items(values), true) => values,
            (value, is_object) => {
                let found = match (value, is_object) {
                    (List::Absent, _) => "no \"value\" property".to_string(),
                    (List::Null, _) => "a \"value\" that is null".to_string(),
                    (List::Not(kind), true) => format!("a \"value\" that is {kind}"),
                    (List::Not(kind), false) => kind.to_string(),
                    (List::Items(_), _) => "an array".to_string(),
                };
                return Err(not_a_page(place, from.tenant, &found));
            }
        };
        rows.reserve(values.len());
        for (i, v) in values.iter().enumerate() {
            let found = match v {
                Row::Object(row) => {
                    rows.push(At {
                        page: p,
                        item: i,
                        row,
                    });
                    continue;
                }
                Row::Not(kind) => kind,
                Row::Absent => "nothing",
            };
            let spot = Spot::new(
                Place {
                    item: Some(i),
                    ..place
                },
                from.tenant,
            );
            return Err(spot.not_an_object(found));
        }
    }
    Ok(rows)
}

/// The rows of every typed page, in order, each with its spot in the input: the same
/// checks and messages as [`items`].
pub(crate) fn rows<'s, T>(
    pages: &'s [Page<T>],
    at: Place<'s>,
    tenant: &'s str,
) -> Result<Vec<Item<'s, T>>> {
    let from = Whence::new(at, tenant);
    let rows = positioned(pages, from)?;
    Ok(rows.into_iter().map(|a| from.item(a)).collect())
}
