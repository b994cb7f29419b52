//! Service rows read straight into typed structs, without a `serde_json::Value` tree, and
//! without refusing anything while parsing: each property is kept as what it was found to
//! be ([`Scalar`], [`List`], [`Row`]), so the readers can refuse a wrong type afterwards
//! with the same `INVALID_VALUE`, path and tenant as before (`fields::Spot`). Properties a
//! row struct does not name are skipped by serde without being built (services add fields
//! every month). A [`Page`] keeps only its `value` array.
//!
//! Every type reads the same from JSON text (borrowing strings that need no unescaping)
//! and from a `&serde_json::Value` (borrowing its strings).

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// One property of a row as found: absent, `null`, a boolean, a number, a string, or an
/// array or object (skipped, its kind kept for messages).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) enum Scalar<'a> {
    /// The row has no such property.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number that fits an `i64`.
    Int(i64),
    /// Any other number, as serde_json spells it.
    Number(String),
    /// A string.
    Str(Cow<'a, str>),
    /// An array (not kept).
    Array,
    /// An object (not kept).
    Object,
}

impl Scalar<'_> {
    /// What kind of JSON value this is, in the words of `fields::kind_of`.
    pub fn kind(&self) -> &'static str {
        match self {
            Scalar::Absent => "nothing",
            Scalar::Null => "null",
            Scalar::Bool(_) => "a boolean",
            Scalar::Int(_) | Scalar::Number(_) => "a number",
            Scalar::Str(_) => "a string",
            Scalar::Array => "an array",
            Scalar::Object => "an object",
        }
    }
}

/// Drains a sequence without keeping it.
fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Drains a map without keeping it.
fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// A number that is not an `i64`, spelled as `serde_json::Number` displays it.
fn number_text(n: serde_json::Number) -> Scalar<'static> {
    Scalar::Number(n.to_string())
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(i64::try_from(v).map_or_else(|_| number_text(v.into()), Scalar::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Scalar::Number(v.to_string()), number_text))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Owned(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| Scalar::Array)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map).map(|()| Scalar::Object)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Scalar<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

/// An object property of a row, or what was found instead.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) enum Row<T> {
    /// The row has no such property.
    #[default]
    Absent,
    /// An object, read as `T`.
    Object(T),
    /// Anything else (`null` included), by kind.
    Not(&'static str),
}

struct RowVisitor<T>(PhantomData<T>);

impl<T> RowVisitor<T> {
    fn other<E>(found: Scalar<'_>) -> Result<Row<T>, E> {
        Ok(Row::Not(found.kind()))
    }
}

/// The visitor methods of a value read as one kind of JSON only, everything else kept
/// as its [`Scalar`] kind through `$other`.
macro_rules! others_by_kind {
    ($other:path) => {
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            $other(Scalar::Null)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            $other(Scalar::Null)
        }
        fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
            $other(Scalar::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            $other(Scalar::Int(v))
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            $other(Scalar::Int(0))
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            $other(Scalar::Int(0))
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            $other(Scalar::Str(Cow::Borrowed("")))
        }
    };
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for RowVisitor<T> {
    type Value = Row<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    others_by_kind!(Self::other);
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| Row::Not("an array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Row::Object)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Row<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RowVisitor(PhantomData))
    }
}

/// An array property of a row, or what was found instead.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) enum List<T> {
    /// The row has no such property.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// An array.
    Items(Vec<T>),
    /// Anything else, by kind.
    Not(&'static str),
}

struct ListVisitor<T>(PhantomData<T>);

impl<T> ListVisitor<T> {
    fn other<E>(found: Scalar<'_>) -> Result<List<T>, E> {
        Ok(match found {
            Scalar::Null => List::Null,
            other => List::Not(other.kind()),
        })
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = List<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    others_by_kind!(Self::other);
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(List::Items(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map).map(|()| List::Not("an object"))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ListVisitor(PhantomData))
    }
}

/// A collection page (`{"@odata.context": …, "value": [ … ]}`): its `value` as found; a
/// page that is not an object is `List::Not` with the page's own kind and
/// [`Page::is_object`] false.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Page<T> {
    /// The page's `value` property.
    pub value: List<Row<T>>,
    /// Whether the page itself was an object.
    pub is_object: bool,
}

struct PageVisitor<T>(PhantomData<T>);

impl<T> PageVisitor<T> {
    fn other<E>(found: Scalar<'_>) -> Result<Page<T>, E> {
        Ok(Page {
            value: List::Not(found.kind()),
            is_object: false,
        })
    }
}

/// Whether a key of a page is `value`, without allocating for any other.
struct IsValue(bool);

impl<'de> Deserialize<'de> for IsValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = IsValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a property name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<IsValue, E> {
                Ok(IsValue(v == "value"))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for PageVisitor<T> {
    type Value = Page<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    others_by_kind!(Self::other);
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq)?;
        Self::other(Scalar::Array)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut value = List::Absent;
        while let Some(IsValue(is_value)) = map.next_key()? {
            if is_value {
                // As in a `serde_json::Map`, a repeated key keeps its last value.
                value = map.next_value()?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Page {
            value,
            is_object: true,
        })
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(PageVisitor(PhantomData))
    }
}
