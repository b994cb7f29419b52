//! Structs read from JSON objects only, never from arrays.
//!
//! serde's derived `Deserialize` reads a struct from a map of its fields and also from a
//! sequence of them in declaration order, so `{"tenants":[["contoso","Contoso"]]}` would
//! build a tenant from a positional array: a shape no caller means, which silently depends
//! on the order fields are declared in. Every struct of our own JSON (the world and the
//! inputs of the package's methods) is therefore read through [`ObjectOnly`], which asks
//! the format for a map where the derived code asks for "a struct"; an array is then
//! refused as `invalid type: array, expected struct Tenant` at its path (`INVALID_INPUT`,
//! `tenants[0]`). The [`objects_only!`](crate::objects_only) macro wires it up.
//!
//! It also keeps the module smaller: the derived code's sequence visitor is never
//! instantiated.

use serde::de::{Deserializer, Visitor};

/// A deserializer that answers a request for a struct with a request for a map, so that
/// only a JSON object can become a struct; every other request is passed on unchanged
/// (the derived code of a struct makes no other).
pub struct ObjectOnly<D>(pub D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// Makes each listed struct readable from a JSON object only (see [`ObjectOnly`]).
///
/// Each struct derives `Deserialize` under `#[serde(remote = "Self")]`, which turns the
/// derived code into inherent functions (`Tenant::deserialize`, and `Tenant::serialize`
/// where it derives `Serialize` too); this macro then implements the traits over them:
/// `Deserialize` through [`ObjectOnly`], `Serialize` unchanged (list such a struct after
/// `serialize:`).
///
/// ```
/// use serde::{Deserialize, Serialize};
/// #[derive(Debug, Serialize, Deserialize)]
/// #[serde(remote = "Self", deny_unknown_fields)]
/// struct Point { x: i32, y: i32 }
/// guestpass::objects_only!(serialize: Point);
///
/// # fn main() -> Result<(), serde_json::Error> {
/// let p: Point = serde_json::from_str(r#"{"x":1,"y":2}"#)?;
/// assert_eq!(serde_json::to_string(&p)?, r#"{"x":1,"y":2}"#);
/// let err = serde_json::from_str::<Vec<Point>>("[[1,2]]").map(|_| ()).map_err(|e| e.to_string());
/// assert!(err.is_err_and(|e| e.starts_with("invalid type: sequence, expected struct Point")));
/// # Ok(()) }
/// ```
#[macro_export]
macro_rules! objects_only {
    (serialize: $($t:ty),+ $(,)?) => {
        $(
            $crate::objects_only!($t);
            impl ::serde::Serialize for $t {
                fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                    <$t>::serialize(self, s)
                }
            }
        )+
    };
    ($($t:ty),+ $(,)?) => {
        $(
            impl<'de> ::serde::Deserialize<'de> for $t {
                fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                    <$t>::deserialize($crate::json_object::ObjectOnly(d))
                }
            }
        )+
    };
}
