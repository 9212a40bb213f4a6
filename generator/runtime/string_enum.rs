//! Enums of strings that keep values they do not know: the `string_enum!`
//! macro, which declares the enum with each variant's wire value beside it.

use std::fmt;
use std::marker::PhantomData;

use serde::de::Visitor;
use serde::Deserializer;

/// An enum of strings and its `as_str`, `From<&str>`, `Display`,
/// `Serialize` and `Deserialize`; a value it does not know decodes into
/// `Unknown(String)` and is written back unchanged.
///
/// ```text
/// string_enum! {
///     /// How the outpost reaches the application.
///     #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
///     pub enum ProxyMode {
///         Proxy = "proxy",
///         ForwardSingle = "forward_single",
///         #[wire(..)]
///         Unknown(String),
///     }
/// }
/// ```
///
/// The enum is declared without the wire values; each variant's doc is its
/// wire value in code (`` `proxy` ``) unless every variant has its own doc
/// (which the generator writes when a value would not show right in code,
/// the empty string or one with a backtick). `#[wire(..)]` marks the
/// variant that keeps the other values. The enum's `#[cfg]`, if any,
/// applies to the impls too.
macro_rules! string_enum {
    // Each variant with its own doc.
    (
        $(#[doc = $doc:literal])*
        $(#[cfg($cfg:meta)])?
        #[derive($($derive:ident),*)]
        pub enum $name:ident {
            $( $(#[doc = $variant_doc:expr])+ $variant:ident = $wire:literal, )*
            #[wire(..)]
            Unknown(String),
        }
    ) => {
        $(#[doc = $doc])*
        $(#[cfg($cfg)])?
        #[derive($($derive),*)]
        pub enum $name {
            $( $(#[doc = $variant_doc])+ $variant, )*
            /// A value this client does not know, as received.
            Unknown(String),
        }

        $crate::runtime::string_enum!(@impls [$(#[cfg($cfg)])?] $name { $( $variant = $wire, )* });
    };
    // Each variant documented by its wire value.
    (
        $(#[doc = $doc:literal])*
        $(#[cfg($cfg:meta)])?
        #[derive($($derive:ident),*)]
        pub enum $name:ident {
            $( $variant:ident = $wire:literal, )*
            #[wire(..)]
            Unknown(String),
        }
    ) => {
        $(#[doc = $doc])*
        $(#[cfg($cfg)])?
        #[derive($($derive),*)]
        pub enum $name {
            $( #[doc = concat!("`", $wire, "`")] $variant, )*
            /// A value this client does not know, as received.
            Unknown(String),
        }

        $crate::runtime::string_enum!(@impls [$(#[cfg($cfg)])?] $name { $( $variant = $wire, )* });
    };
    // The impls, the enum's `#[cfg]` (`$cfg`) on each.
    (@impls [$($cfg:tt)*] $name:ident { $( $variant:ident = $wire:literal, )* }) => {
        $($cfg)*
        impl $name {
            /// The value on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Unknown(value) => value,
                }
            }
        }

        $($cfg)*
        impl ::core::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        $($cfg)*
        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        $($cfg)*
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        $($cfg)*
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::runtime::deserialize_enum(deserializer)
            }
        }
    };
}

pub(crate) use string_enum;

/// Decodes a string enum from its wire value without copying a known one
/// (only an unknown value is kept as a `String`).
pub(crate) fn deserialize_enum<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: for<'a> From<&'a str>,
    D: Deserializer<'de>,
{
    deserializer.deserialize_str(EnumVisitor(PhantomData))
}

struct EnumVisitor<T>(PhantomData<T>);

impl<T: for<'a> From<&'a str>> Visitor<'_> for EnumVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
        Ok(T::from(value))
    }
}
