//! Unions told apart by a tag property: the `tagged_union!` macro, invoked
//! once per union with its variants and tag values.

use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};

/// `tag()` and the serde impls of a union told apart by a tag property:
/// it decodes by the tag, keeps an object with a tag it does not know in
/// `Unknown(serde_json::Value)`, and writes the tag exactly once.
///
/// ```text
/// tagged_union! {
///     ChallengeTypes: "component" {
///         Identification = "ak-stage-identification",
///         Password = "ak-stage-password",
///     }
///     impl Deserialize;
/// }
/// ```
macro_rules! tagged_union {
    (
        $name:ident: $property:literal $variants:tt
        $( $(#[$attr:meta])* impl $trait:ident; )*
    ) => {
        $crate::runtime::tagged_union!(@tag $name $property $variants);
        $( $crate::runtime::tagged_union!(@$trait [$(#[$attr])*] $name $property $variants); )*
    };
    (@tag $name:ident $property:literal { $( $variant:ident = $tag:literal, )* }) => {
        impl $name {
            /// The value of the tag property.
            pub fn tag(&self) -> ::core::option::Option<&str> {
                match self {
                    $( Self::$variant(_) => Some($tag), )*
                    Self::Unknown(value) => value.get($property).and_then(::serde_json::Value::as_str),
                }
            }
        }
    };
    (@Serialize [$(#[$attr:meta])*] $name:ident $property:literal {
        $( $variant:ident = $tag:literal, )*
    }) => {
        $(#[$attr])*
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                match self {
                    $(
                        Self::$variant(member) => {
                            $crate::runtime::serialize_tagged(serializer, $property, $tag, member)
                        }
                    )*
                    Self::Unknown(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }
    };
    (@Deserialize [$(#[$attr:meta])*] $name:ident $property:literal {
        $( $variant:ident = $tag:literal, )*
    }) => {
        $(#[$attr])*
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                match value.get($property).and_then(::serde_json::Value::as_str) {
                    $(
                        Some($tag) => $crate::runtime::deserialize_member(value)
                            .map(|member| Self::$variant(::std::boxed::Box::new(member))),
                    )*
                    _ => Ok(Self::Unknown(value)),
                }
            }
        }
    };
}

pub(crate) use tagged_union;

/// Serializes a union member with its tag property set to `tag`, so the
/// tag is written exactly once whatever the member's own field holds.
#[allow(dead_code)] // unions may only be received
pub(crate) fn serialize_tagged<S: Serializer, T: Serialize>(
    serializer: S,
    property: &str,
    tag: &str,
    member: &T,
) -> Result<S::Ok, S::Error> {
    let mut value = serde_json::to_value(member).map_err(serde::ser::Error::custom)?;
    if let Some(object) = value.as_object_mut() {
        object.insert(
            property.to_string(),
            serde_json::Value::String(tag.to_string()),
        );
    }
    value.serialize(serializer)
}

/// Decodes a union member from the object already read.
#[allow(dead_code)] // unions may only be sent
pub(crate) fn deserialize_member<T: DeserializeOwned, E: serde::de::Error>(
    value: serde_json::Value,
) -> Result<T, E> {
    serde_json::from_value(value).map_err(E::custom)
}
