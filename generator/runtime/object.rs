//! Model structs as JSON objects: the `object!` macro, which declares a
//! struct with each field's JSON key beside it, and what its expansion calls.
//! The impls use JSON's map form only, without the field enum and sequence
//! form that `serde_derive` adds to every struct, which keeps the crate
//! quick to compile.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::Deserializer;

/// A model struct and its `Serialize` and `Deserialize` as a JSON object.
///
/// ```text
/// object! {
///     /// A user.
///     #[derive(Clone, Debug, PartialEq)]
///     pub struct User {
///         /// Its key.
///         #[wire("pk")]
///         pub pk: i64,
///         #[wire("email", optional)]
///         pub email: Option<String>,
///         #[wire("avatar", optional_nullable)]
///         #[deprecated]
///         pub avatar: Nullable<String>,
///         #[wire(..)]
///         pub additional_properties: HashMap<String, Value>,
///     }
///     impl Serialize;
///     #[cfg(feature = "round-trip")]
///     impl Deserialize;
/// }
/// ```
///
/// The struct is declared as written, without the `#[wire]` attributes;
/// its `#[cfg]`, if any, applies to the impls too. Each field's `#[wire]`
/// names its JSON key and how it is held:
/// - (nothing): required, `T`; a missing key is a `missing field` error.
/// - `required_nullable`: `Option<T>`; missing or `null` is `None`, and
///   `None` is written as `null`.
/// - `optional`: `Option<T>`; missing or `null` is `None`, and `None` is
///   not written.
/// - `optional_nullable`: `Nullable<T>`; missing is `Absent` (not
///   written), `null` is `Null`.
///
/// `#[wire(..)]` on the last field keeps the keys that are not fields in
/// that map; without it they are skipped. When a key repeats, the last
/// value wins.
macro_rules! object {
    (
        $(#[doc = $doc:literal])*
        $(#[cfg($cfg:meta)])?
        #[derive($($derive:ident),*)]
        pub struct $name:ident {
            $(
                $(#[doc = $field_doc:literal])*
                #[wire($wire:literal $(, $kind:ident)?)]
                $(#[$field_attr:meta])*
                pub $field:ident: $ty:ty,
            )*
            $( #[wire(..)] pub $additional:ident: $additional_ty:ty, )?
        }
        $( $(#[$attr:meta])* impl $trait:ident; )*
    ) => {
        $(#[doc = $doc])*
        $(#[cfg($cfg)])?
        #[derive($($derive),*)]
        pub struct $name {
            $(
                $(#[doc = $field_doc])*
                $(#[$field_attr])*
                pub $field: $ty,
            )*
            $(
                /// Entries beyond the named fields.
                pub $additional: $additional_ty,
            )?
        }

        // The impls get the fields in short, parsed once.
        $crate::runtime::object!(
            @impls [$(#[cfg($cfg)])?] $name {
                $( $field $wire [$($kind)?] $ty, )*
                $( ..$additional $additional_ty )?
            }
            $([$(#[$attr])*] $trait)*
        );
    };
    // The struct's `#[cfg]` (`$cfg`, one group) goes on each impl.
    (@impls $cfg:tt $name:ident $fields:tt $([$($attr:tt)*] $trait:ident)*) => {
        $( $crate::runtime::object!(@$trait $cfg [$($attr)*] $name $fields); )*
    };
    (@Serialize [$($cfg:tt)*] [$($attr:tt)*] $name:ident {
        $( $field:ident $wire:literal [$($kind:ident)?] $ty:ty, )*
        $( ..$additional:ident $additional_ty:ty )?
    }) => {
        $($cfg)* $($attr)*
        #[allow(deprecated)]
        impl ::serde::Serialize for $name {
            #[allow(clippy::question_mark)] // `if let Err`, cheaper to compile
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                #[allow(unused_mut)] // a struct without fields
                let mut map = serializer.serialize_map(None)?;
                $( $crate::runtime::object!(@put map, $wire, self.$field $(, $kind)?); )*
                $(
                    for (key, value) in &self.$additional {
                        map.serialize_entry(key, value)?;
                    }
                )?
                map.end()
            }
        }
    };
    // `if let Err` rather than `?`, which costs the compiler more per field.
    (@put $map:ident, $wire:literal, $value:expr) => {
        if let Err(error) = $map.serialize_entry($wire, &$value) {
            return Err(error);
        }
    };
    (@put $map:ident, $wire:literal, $value:expr, required_nullable) => {
        $crate::runtime::object!(@put $map, $wire, $value);
    };
    (@put $map:ident, $wire:literal, $value:expr, optional) => {
        if let Some(value) = &$value {
            if let Err(error) = $map.serialize_entry($wire, value) {
                return Err(error);
            }
        }
    };
    (@put $map:ident, $wire:literal, $value:expr, optional_nullable) => {
        if !$value.is_absent() {
            $crate::runtime::object!(@put $map, $wire, $value);
        }
    };
    (@Deserialize [$($cfg:tt)*] [$($attr:tt)*] $name:ident {
        $( $field:ident $wire:literal [$($kind:ident)?] $ty:ty, )*
        $( ..$additional:ident $additional_ty:ty )?
    }) => {
        $($cfg)* $($attr)*
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::runtime::deserialize_object(deserializer)
            }
        }

        $($cfg)* $($attr)*
        #[allow(deprecated)]
        impl $crate::runtime::Object for $name {
            const EXPECTING: &'static str = concat!("an object (", stringify!($name), ")");

            // Inlined into the visitor, as serde_derive's `visit_map` is.
            // Its locals are the API's field names, whatever they are.
            #[inline]
            #[allow(clippy::disallowed_names)]
            fn from_map<'de, __Map: ::serde::de::MapAccess<'de>>(
                mut map: __Map,
            ) -> ::core::result::Result<Self, __Map::Error> {
                // The struct's keys, matched once per entry by `FieldSeed`.
                #[allow(non_camel_case_types)]
                enum __Field {
                    $( $field, )*
                    Other($crate::runtime::object!(@other_key $($additional)?)),
                }
                impl $crate::runtime::FieldName for __Field {
                    fn from_key(key: &str) -> Self {
                        match key {
                            $( $wire => __Field::$field, )*
                            _ => __Field::Other($crate::runtime::object!(@other_value key $(, $additional)?)),
                        }
                    }
                }
                // Typed locals, so the compiler infers nothing across the loop.
                $( let mut $field: Option<$ty> = None; )*
                $( let mut $additional: $additional_ty = Default::default(); )?
                // `__key` can't be a field's name, which would be a variant's.
                while let Some(__key) = map.next_key_seed($crate::runtime::FieldSeed::<__Field>::new())? {
                    // One `?` for all arms, which is cheaper to compile than one each.
                    match __key {
                        $( __Field::$field => $crate::runtime::read_value(&mut map, &mut $field), )*
                        __Field::Other(__key) => $crate::runtime::object!(@unknown map, __key $(, $additional)?),
                    }?;
                }
                // `Self`, not the name, and `__` names: a model type may be named `Field` or `A`.
                Ok(Self {
                    $( $field: $crate::runtime::object!(@take $field, $wire $(, $kind)?), )*
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
        $map.next_value::<::serde::de::IgnoredAny>().map(|_| ())
    }};
    (@unknown $map:ident, $key:ident, $additional:ident) => {
        $map.next_value().map(|value| {
            $additional.insert($key, value);
        })
    };
    (@take $field:ident, $wire:literal) => {
        match $field {
            Some(value) => value,
            None => return Err($crate::runtime::missing_field($wire)),
        }
    };
    // Missing is `None` or `Absent`; a `null` was decoded as the field's type.
    (@take $field:ident, $wire:literal, $kind:ident) => {
        $field.unwrap_or_default()
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

/// The error of a required field that is missing.
#[allow(dead_code)] // an API may have no required fields
#[cold]
pub(crate) fn missing_field<E: serde::de::Error>(wire_name: &'static str) -> E {
    E::missing_field(wire_name)
}

/// Decodes the value of the entry whose key was just read into `slot`.
#[inline]
pub(crate) fn read_value<'de, A: MapAccess<'de>, T: serde::Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
) -> Result<(), A::Error> {
    *slot = Some(map.next_value()?);
    Ok(())
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
