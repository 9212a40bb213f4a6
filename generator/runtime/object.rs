//! Model structs as JSON objects: the `object!` macro, which declares a
//! struct with each field's JSON key beside it, and what its expansion calls.
//! The impls use JSON's map form only, without the field enum, its
//! visitor and the sequence form that `serde_derive` adds to every struct:
//! each struct matches the keys (borrowed from the input, see [`Key`]) in
//! its one decoding loop, and the decoder gets the map by `&mut` so that an
//! error returns without dropping it. That keeps the crate quick to compile
//! (see the generator's `docs/performance.md`).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
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
///         #[wire(rfc3339 "last_login", optional)]
///         pub last_login: Option<DateTime<Utc>>,
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
/// its `#[cfg]`, if any, applies to the impls too. It may take one type
/// parameter (`pub struct PaginatedList<T>`, for a family of structs that
/// differ in one type only); the impls then ask `T` for the serde trait
/// they implement. Each field's `#[wire]`
/// names its JSON key and how it is held:
/// - (nothing): required, `T`; a missing key is a `missing field` error.
/// - `required_nullable`: `Option<T>`; missing or `null` is `None`, and
///   `None` is written as `null`.
/// - `optional`: `Option<T>`; missing or `null` is `None`, and `None` is
///   not written.
/// - `optional_nullable`: `Nullable<T>`; missing is `Absent` (not
///   written), `null` is `Null`.
///
/// A reader's name before the key (`rfc3339 "last_login"`) reads the value
/// with `read::rfc3339` instead of its type's `Deserialize` (see
/// `read.rs`).
///
/// `#[wire(..)]` on the last field keeps the keys that are not fields in
/// that map; without it they are skipped. When a key repeats, the last
/// value wins.
macro_rules! object {
    (
        $(#[doc = $doc:literal])*
        $(#[cfg($cfg:meta)])?
        #[derive($($derive:ident),*)]
        pub struct $name:ident $(<$param:ident>)? {
            $(
                $(#[doc = $field_doc:literal])*
                #[wire($($via:ident)? $wire:literal $(, $kind:ident)?)]
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
        pub struct $name $(<$param>)? {
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
            @impls [$(#[cfg($cfg)])?] $name [$($param)?] {
                $( $field $wire [$($kind)?] [$($via)?] $ty, )*
                $( ..$additional $additional_ty )?
            }
            $([$(#[$attr])*] $trait)*
        );
    };
    // The struct's `#[cfg]` (`$cfg`, one group) goes on each impl.
    (@impls $cfg:tt $name:ident $param:tt $fields:tt $([$($attr:tt)*] $trait:ident)*) => {
        $( $crate::runtime::object!(@$trait $cfg [$($attr)*] $name $param $fields); )*
    };
    (@Serialize [$($cfg:tt)*] [$($attr:tt)*] $name:ident [$($param:ident)?] {
        $( $field:ident $wire:literal [$($kind:ident)?] [$($via:ident)?] $ty:ty, )*
        $( ..$additional:ident $additional_ty:ty )?
    }) => {
        $($cfg)* $($attr)*
        #[allow(deprecated)]
        impl<$($param: ::serde::Serialize)?> ::serde::Serialize for $name<$($param)?> {
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
    (@Deserialize [$($cfg:tt)*] [$($attr:tt)*] $name:ident [$($param:ident)?] {
        $( $field:ident $wire:literal [$($kind:ident)?] [$($via:ident)?] $ty:ty, )*
        $( ..$additional:ident $additional_ty:ty )?
    }) => {
        $($cfg)* $($attr)*
        impl<'de $(, $param: ::serde::de::DeserializeOwned)?> ::serde::Deserialize<'de>
            for $name<$($param)?>
        {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::runtime::deserialize_object(deserializer)
            }
        }

        $($cfg)* $($attr)*
        #[allow(deprecated)]
        impl<$($param: ::serde::de::DeserializeOwned)?> $crate::runtime::Object for $name<$($param)?> {
            const EXPECTING: &'static str = concat!("an object (", stringify!($name), ")");

            // Inlined into the visitor, as serde_derive's `visit_map` is.
            // Its locals are the API's field names, whatever they are.
            #[inline]
            #[allow(clippy::disallowed_names)]
            fn from_map<'de, __Map: ::serde::de::MapAccess<'de>>(
                map: &mut __Map,
            ) -> ::core::result::Result<Self, __Map::Error> {
                // Typed locals, so the compiler infers nothing across the loop.
                $( let mut $field: Option<$ty> = None; )*
                $( let mut $additional: $additional_ty = Default::default(); )?
                while let Some(__key) = map.next_key::<$crate::runtime::Key<'de>>()? {
                    // One `?` for all arms, which is cheaper to compile than one each.
                    match __key.as_str() {
                        // `read`, or the faster reader of `read::$via`.
                        $( $wire => $crate::runtime::read $(::$via)? (map, &mut $field), )*
                        _ => $crate::runtime::object!(@unknown map, __key $(, $additional)?),
                    }?;
                }
                // `Self`, not the name: a model type may be named `Key` or `A`.
                Ok(Self {
                    $( $field: $crate::runtime::object!(@take $field, $wire $(, $kind)?), )*
                    $( $additional, )?
                })
            }
        }
    };
    (@unknown $map:ident, $key:ident) => {
        $map.next_value::<::serde::de::IgnoredAny>().map(|_| ())
    };
    (@unknown $map:ident, $key:ident, $additional:ident) => {
        $map.next_value().map(|value| {
            $additional.insert($key.into_string(), value);
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

    // It takes the map by `&mut`: a function that owns it must
    // drop it on each early return, which costs the compiler per field.
    fn from_map<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Self, A::Error>;
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

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        T::from_map(&mut map)
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
pub(crate) fn read<'de, A: MapAccess<'de>, T: serde::Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
) -> Result<(), A::Error> {
    *slot = Some(map.next_value()?);
    Ok(())
}

/// An object key as the decoder gives it: borrowed from the input when it
/// can be (serde_json's `from_slice` and `from_str`, for a key without
/// escapes), so matching it against a struct's keys builds no string.
pub(crate) struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    #[allow(dead_code)] // an API may keep no additional properties
    pub(crate) fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
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
