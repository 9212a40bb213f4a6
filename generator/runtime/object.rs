//! Model structs as JSON objects: the `object!` macro, invoked once per
//! struct with a compact list of its fields, and what its expansion calls.
//! The impls use JSON's map form only, without the field enum and sequence
//! form that `serde_derive` adds to every struct, which keeps the crate
//! quick to compile.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::Nullable;

/// `Serialize` and `Deserialize` of a model struct as a JSON object.
///
/// ```text
/// object! {
///     User {
///         pk: "pk" required,
///         email: "email" optional,
///         avatar: "avatar" optional_nullable,
///         ..additional_properties
///     }
///     impl Serialize;
///     #[cfg(feature = "round-trip")]
///     impl Deserialize;
/// }
/// ```
///
/// Each field is its Rust name, its wire name and how it is held:
/// - `required`: `T`; a missing key is a `missing field` error.
/// - `required_nullable`: `Option<T>`; missing or `null` is `None`, and
///   `None` is written as `null`.
/// - `optional`: `Option<T>`; missing or `null` is `None`, and `None` is
///   not written.
/// - `optional_nullable`: `Nullable<T>`; missing is `Absent` (not
///   written), `null` is `Null`.
///
/// `..name` keeps the keys that are not fields in the map `name`; without
/// it they are skipped. When a key repeats, the last value wins.
macro_rules! object {
    (
        $name:ident $fields:tt
        $( $(#[$attr:meta])* impl $trait:ident; )*
    ) => {
        $( $crate::runtime::object!(@$trait [$(#[$attr])*] $name $fields); )*
    };
    (@Serialize [$(#[$attr:meta])*] $name:ident {
        $( $field:ident: $wire:literal $kind:ident, )*
        $( ..$additional:ident )?
    }) => {
        $(#[$attr])*
        #[allow(deprecated)]
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(None)?;
                $( $crate::runtime::object!(@put map, $wire, self.$field, $kind); )*
                $(
                    for (key, value) in &self.$additional {
                        map.serialize_entry(key, value)?;
                    }
                )?
                map.end()
            }
        }
    };
    (@put $map:ident, $wire:literal, $value:expr, required) => {
        $map.serialize_entry($wire, &$value)?;
    };
    (@put $map:ident, $wire:literal, $value:expr, required_nullable) => {
        $map.serialize_entry($wire, &$value)?;
    };
    (@put $map:ident, $wire:literal, $value:expr, optional) => {
        if let Some(value) = &$value {
            $map.serialize_entry($wire, value)?;
        }
    };
    (@put $map:ident, $wire:literal, $value:expr, optional_nullable) => {
        if !$value.is_absent() {
            $map.serialize_entry($wire, &$value)?;
        }
    };
    (@Deserialize [$(#[$attr:meta])*] $name:ident {
        $( $field:ident: $wire:literal $kind:ident, )*
        $( ..$additional:ident )?
    }) => {
        $(#[$attr])*
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::runtime::deserialize_object(deserializer)
            }
        }

        $(#[$attr])*
        #[allow(deprecated)]
        impl $crate::runtime::Object for $name {
            const EXPECTING: &'static str = concat!("an object (", stringify!($name), ")");

            fn from_map<'de, A: ::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> ::core::result::Result<Self, A::Error> {
                // Each local's type is inferred from the function that finishes it.
                $( let mut $field = None; )*
                $( let mut $additional = ::std::collections::HashMap::new(); )?
                while let Some(key) = map.next_key::<$crate::runtime::Key<'de>>()? {
                    match key.as_str() {
                        $( $wire => $field = Some(map.next_value()?), )*
                        _ => $crate::runtime::object!(@unknown map, key $(, $additional)?),
                    }
                }
                Ok($name {
                    $( $field: $crate::runtime::object!(@take $field, $wire, $kind), )*
                    $( $additional, )?
                })
            }
        }
    };
    (@unknown $map:ident, $key:ident) => {{
        $map.next_value::<::serde::de::IgnoredAny>()?;
    }};
    (@unknown $map:ident, $key:ident, $additional:ident) => {{
        $additional.insert($key.into_string(), $map.next_value()?);
    }};
    (@take $field:ident, $wire:literal, required) => {
        $crate::runtime::required_field($field, $wire)?
    };
    (@take $field:ident, $wire:literal, required_nullable) => {
        $crate::runtime::optional_field($field)
    };
    (@take $field:ident, $wire:literal, optional) => {
        $crate::runtime::optional_field($field)
    };
    (@take $field:ident, $wire:literal, optional_nullable) => {
        $crate::runtime::nullable_field($field)
    };
}

pub(crate) use object;

/// A model struct, decoded from a JSON object. Each model's `Deserialize`
/// impl calls [`deserialize_object`], which hands the object's entries to
/// the struct's own `from_map`.
pub(crate) trait Object: Sized {
    /// What the decoder expected, for error messages: `an object (User)`.
    const EXPECTING: &'static str;

    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Decodes an [`Object`] from a map.
pub(crate) fn deserialize_object<'de, T: Object, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Object> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_map(map)
    }
}

/// A required field's value: present, or a `missing field` error.
#[allow(dead_code)] // an API may have no required fields
pub(crate) fn required_field<T, E: serde::de::Error>(
    value: Option<T>,
    wire_name: &'static str,
) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(wire_name))
}

/// A field held as `Option` (nullable or optional): missing and `null` are `None`.
#[allow(dead_code)] // an API may have no optional fields
pub(crate) fn optional_field<T>(value: Option<Option<T>>) -> Option<T> {
    value.flatten()
}

/// An optional nullable field: missing is `Absent`.
#[allow(dead_code)] // an API may have no optional nullable fields
pub(crate) fn nullable_field<T>(value: Option<Nullable<T>>) -> Nullable<T> {
    value.unwrap_or_default()
}

/// An object key while decoding a model type, borrowed from the input when
/// the input allows it. The models' `Deserialize` impls match keys against
/// their fields' wire names with it.
pub(crate) struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    #[allow(dead_code)] // only objects that keep additional properties use it
    pub(crate) fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a field name")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, value: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(value)))
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E: serde::de::Error>(self, value: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(value)))
    }
}
