//! Reading the typed rows of [`lenient`](super::lenient) with the checks and messages of
//! [`Object`](super::fields::Object): a used property of the wrong type is
//! `INVALID_VALUE` naming its JSON path and the tenant, word for word as before.

use super::fields::Spot;
use super::lenient::{List, Row, Scalar};
use crate::error::Result;

/// One row of a page (or an object inside one) with the spot its messages name.
#[derive(Debug)]
pub(crate) struct Item<'s, T> {
    /// Where the row sits.
    pub spot: Spot<'s>,
    /// The row.
    pub row: &'s T,
}

impl<T> Clone for Item<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Item<'_, T> {}

/// Whether `s` is empty or only white space (`str::trim`), answered at once for the ids
/// and names that start with a letter or digit.
fn blank(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii_alphanumeric() => false,
        _ => s.trim().is_empty(),
    }
}

impl<'a> Spot<'a> {
    /// A string property; absent and `null` are `None`.
    pub fn string<'s>(&self, field: &str, v: &'s Scalar<'_>) -> Result<Option<&'s str>> {
        match v {
            Scalar::Absent | Scalar::Null => Ok(None),
            Scalar::Str(s) => Ok(Some(s)),
            other => Err(self.wrong(field, "a string or null", other.kind())),
        }
    }

    /// A string property that must be present and not empty.
    pub fn required_string<'s>(&self, field: &str, v: &'s Scalar<'_>) -> Result<&'s str> {
        match v {
            Scalar::Str(s) if !blank(s) => Ok(s),
            Scalar::Str(_) => Err(self.wrong(field, "a non-empty string", "\"\"")),
            other => Err(self.wrong(field, "a string", other.kind())),
        }
    }

    /// A boolean property; absent and `null` are `None`.
    pub fn boolean(&self, field: &str, v: &Scalar<'_>) -> Result<Option<bool>> {
        match v {
            Scalar::Absent | Scalar::Null => Ok(None),
            Scalar::Bool(b) => Ok(Some(*b)),
            other => Err(self.wrong(field, "true, false or null", other.kind())),
        }
    }

    /// A whole-number property; absent and `null` are `None`.
    pub fn integer(&self, field: &str, v: &Scalar<'_>) -> Result<Option<i64>> {
        match v {
            Scalar::Absent | Scalar::Null => Ok(None),
            Scalar::Int(i) => Ok(Some(*i)),
            Scalar::Number(n) => Err(self.wrong(field, "a whole number", n)),
            other => Err(self.wrong(field, "a whole number or null", other.kind())),
        }
    }

    /// An array of strings; absent and `null` are empty.
    pub fn strings<'s>(&self, field: &str, v: &'s List<Scalar<'_>>) -> Result<Vec<&'s str>> {
        self.array(field, v)?
            .iter()
            .enumerate()
            .map(|(i, s)| match s {
                Scalar::Str(s) => Ok(&**s),
                other => Err(self.wrong(&format!("{field}[{i}]"), "a string", other.kind())),
            })
            .collect()
    }

    /// An array of objects; absent and `null` are empty.
    pub fn objects<'s, T>(
        &self,
        field: &'static str,
        v: &'s List<Row<T>>,
    ) -> Result<Vec<Item<'s, T>>>
    where
        'a: 's,
    {
        self.array(field, v)?
            .iter()
            .enumerate()
            .map(|(i, r)| match r {
                Row::Object(row) => Ok(Item {
                    spot: self.deeper(field, Some(i)),
                    row,
                }),
                Row::Not(kind) => Err(self.wrong(&format!("{field}[{i}]"), "an object", kind)),
                Row::Absent => Err(self.wrong(&format!("{field}[{i}]"), "an object", "nothing")),
            })
            .collect()
    }

    /// An object property; absent and `null` are `None`.
    pub fn object<'s, T>(&self, field: &'static str, v: &'s Row<T>) -> Result<Option<Item<'s, T>>>
    where
        'a: 's,
    {
        match v {
            Row::Absent | Row::Not("null") => Ok(None),
            Row::Object(row) => Ok(Some(Item {
                spot: self.deeper(field, None),
                row,
            })),
            Row::Not(kind) => Err(self.wrong(field, "an object or null", kind)),
        }
    }

    fn array<'s, T>(&self, field: &str, v: &'s List<T>) -> Result<&'s [T]> {
        match v {
            List::Absent | List::Null => Ok(&[]),
            List::Items(items) => Ok(items),
            List::Not(kind) => Err(self.wrong(field, "an array or null", kind)),
        }
    }
}
