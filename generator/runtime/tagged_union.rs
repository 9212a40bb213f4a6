//! Unions told apart by a tag property: the `tagged_union!` macro, which
//! declares the union with each variant's tag value on it.

use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};

/// A union told apart by a tag property, its `tag()` and its serde impls:
/// it decodes by the tag, keeps an object with a tag it does not know in
/// `Unknown(serde_json::Value)`, and writes the tag exactly once.
///
/// ```text
/// tagged_union! {
///     /// A stage's challenge.
///     #[derive(Clone, Debug, PartialEq)]
///     #[wire(tag = "component")]
///     pub enum ChallengeTypes {
///         #[wire("ak-stage-identification")]
///         Identification(Box<IdentificationChallenge>),
///         #[wire("ak-stage-password")]
///         Password(Box<PasswordChallenge>),
///         #[wire(..)]
///         Unknown(Value),
///     }
///     impl Deserialize;
/// }
/// ```
///
/// The enum is declared without the `#[wire]` attributes, which give the
/// tag property and each variant's tag value; each variant's doc is its
/// tag in code (`` `component: ak-stage-password` ``) unless every variant,
/// `Unknown` too, has its own doc (which the generator writes when a tag
/// would not show right in code). `#[wire(..)]` marks the variant that
/// keeps the others.
/// The enum's `#[cfg]`, if any, applies to the impls too.
macro_rules! tagged_union {
    // Each variant with its own doc.
    (
        $(#[doc = $doc:literal])*
        $(#[cfg($cfg:meta)])?
        #[derive($($derive:ident),*)]
        #[wire(tag = $property:literal)]
        pub enum $name:ident {
            $( $(#[doc = $variant_doc:expr])+ #[wire($tag:literal)] $variant:ident($member:ty $(,)?), )*
            #[wire(..)]
            $(#[doc = $unknown_doc:expr])+
            Unknown($value:ty),
        }
        $( $(#[$attr:meta])* impl $trait:ident; )*
    ) => {
        $(#[doc = $doc])*
        $(#[cfg($cfg)])?
        #[derive($($derive),*)]
        pub enum $name {
            $( $(#[doc = $variant_doc])+ $variant($member), )*
            $(#[doc = $unknown_doc])+
            Unknown($value),
        }

        $crate::runtime::tagged_union!(
            @impls [$(#[cfg($cfg)])?] $name $property { $( $variant = $tag, )* }
            $([$(#[$attr])*] $trait)*
        );
    };
    // Each variant documented by its tag.
    (
        $(#[doc = $doc:literal])*
        $(#[cfg($cfg:meta)])?
        #[derive($($derive:ident),*)]
        #[wire(tag = $property:literal)]
        pub enum $name:ident {
            $( #[wire($tag:literal)] $variant:ident($member:ty $(,)?), )*
            #[wire(..)]
            Unknown($value:ty),
        }
        $( $(#[$attr:meta])* impl $trait:ident; )*
    ) => {
        $(#[doc = $doc])*
        $(#[cfg($cfg)])?
        #[derive($($derive),*)]
        pub enum $name {
            $( #[doc = concat!("`", $property, ": ", $tag, "`")] $variant($member), )*
            #[doc = concat!("An object whose `", $property, "` this client does not know, as received.")]
            Unknown($value),
        }

        $crate::runtime::tagged_union!(
            @impls [$(#[cfg($cfg)])?] $name $property { $( $variant = $tag, )* }
            $([$(#[$attr])*] $trait)*
        );
    };
    // The union's `#[cfg]` (`$cfg`, one group) goes on each impl, before
    // the impl's own attributes (`$attr`, one group).
    (@impls $cfg:tt $name:ident $property:literal $variants:tt $($attr:tt $trait:ident)*) => {
        $crate::runtime::tagged_union!(@tag $cfg $name $property $variants);
        $( $crate::runtime::tagged_union!(@$trait $cfg $attr $name $property $variants); )*
    };
    (@tag [$($cfg:tt)*] $name:ident $property:literal { $( $variant:ident = $tag:literal, )* }) => {
        $($cfg)*
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
    (@Serialize [$($cfg:tt)*] [$($attr:tt)*] $name:ident $property:literal {
        $( $variant:ident = $tag:literal, )*
    }) => {
        $($cfg)* $($attr)*
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
    (@Deserialize [$($cfg:tt)*] [$($attr:tt)*] $name:ident $property:literal {
        $( $variant:ident = $tag:literal, )*
    }) => {
        $($cfg)* $($attr)*
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
