//! Model structs as JSON objects: the `object!` macro, invoked once per
//! struct with a compact list of its fields, and what its expansion calls.
//! The impls use JSON's map form only, without the field enum and sequence
//! form that `serde_derive` adds to every struct, which keeps the crate
//! quick to compile.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::Deserializer;

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
                #[allow(unused_mut)] // a struct without fields
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

            // Inlined into the visitor, as serde_derive's `visit_map` is.
            // Its locals are the API's field names, whatever they are.
            #[inline]
            #[allow(clippy::disallowed_names)]
            fn from_map<'de, A: ::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> ::core::result::Result<Self, A::Error> {
                // The struct's keys, matched once per entry by `FieldSeed`.
                #[allow(non_camel_case_types)]
                enum Field {
                    $( $field, )*
                    Other($crate::runtime::object!(@other_key $($additional)?)),
                }
                impl $crate::runtime::FieldName for Field {
                    fn from_key(key: &str) -> Self {
                        match key {
                            $( $wire => Field::$field, )*
                            _ => Field::Other($crate::runtime::object!(@other_value key $(, $additional)?)),
                        }
                    }
                }
                // Each local's type is inferred from the function that finishes it.
                $( let mut $field = None; )*
                $( let mut $additional = ::std::collections::HashMap::new(); )?
                // `__key` can't be a field's name, which would be a variant's.
                while let Some(__key) = map.next_key_seed($crate::runtime::FieldSeed::<Field>::new())? {
                    match __key {
                        $( Field::$field => $field = Some(map.next_value()?), )*
                        Field::Other(__key) => $crate::runtime::object!(@unknown map, __key $(, $additional)?),
                    }
                }
                // `Self`, not the name: a struct named `Field` would name the enum.
                Ok(Self {
                    $( $field: $crate::runtime::object!(@take $field, $wire, $kind), )*
                    $( $additional, )?
                })
            }
        }
    };
    (@other_key) => { () };
    (@other_key $additional:ident) => { ::std::string::String };
    (@other_value $key:ident) => { () };
    (@other_value $key:ident, $additional:ident) => { $key.to_owned() };
    (@unknown $map:ident, $key:ident) => {{
        let () = $key;
        $map.next_value::<::serde::de::IgnoredAny>()?;
    }};
    (@unknown $map:ident, $key:ident, $additional:ident) => {{
        $additional.insert($key, $map.next_value()?);
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

/// A struct's field names as an enum that `object!` declares inside each
/// `from_map`: one variant per field and `Other` for the rest (holding the
/// key only when the struct keeps additional properties). Matching the key
/// inside the key's visitor, as `serde_derive` does, lets serde_json decode
/// a key without building a string for it.
pub(crate) trait FieldName: Sized {
    fn from_key(key: &str) -> Self;
}

/// Decodes an object key as the field it names.
pub(crate) struct FieldSeed<F>(PhantomData<F>);

impl<F> FieldSeed<F> {
    pub(crate) fn new() -> Self {
        FieldSeed(PhantomData)
    }
}

impl<'de, F: FieldName> DeserializeSeed<'de> for FieldSeed<F> {
    type Value = F;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<F, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<F: FieldName> Visitor<'_> for FieldSeed<F> {
    type Value = F;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a field name")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<F, E> {
        Ok(F::from_key(value))
    }
}
