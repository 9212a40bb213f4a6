//! Enums of numbers or booleans that keep values they do not know: the
//! `value_enum!` macro, which declares the enum with each variant's wire
//! value beside it.

/// An enum of `i64`, `f64` or `bool` values and its `value`, `From`,
/// `Display`, `Serialize` and `Deserialize`; a value it does not know
/// decodes into `Unknown` and is written back unchanged.
///
/// ```text
/// value_enum! {
///     /// The key's size in bits.
///     #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
///     pub enum KeySize {
///         V2048 = 2048,
///         V4096 = 4096,
///         #[wire(..)]
///         Unknown(i64),
///     }
/// }
/// ```
///
/// The enum is declared without the wire values, each variant documented
/// by its value in code (`` `2048` ``); the type `Unknown` holds is the
/// values' type. The enum's `#[cfg]`, if any, applies to the impls too.
macro_rules! value_enum {
    (
        $(#[doc = $doc:literal])*
        $(#[cfg($cfg:meta)])?
        #[derive($($derive:ident),*)]
        pub enum $name:ident {
            $( $variant:ident = $wire:literal, )*
            #[wire(..)]
            Unknown($wire_type:ty),
        }
    ) => {
        $(#[doc = $doc])*
        $(#[cfg($cfg)])?
        #[derive($($derive),*)]
        pub enum $name {
            $( #[doc = concat!("`", $wire, "`")] $variant, )*
            /// A value this client does not know, as received.
            Unknown($wire_type),
        }

        $(#[cfg($cfg)])?
        impl $name {
            /// The value on the wire.
            pub fn value(&self) -> $wire_type {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Unknown(value) => *value,
                }
            }
        }

        $(#[cfg($cfg)])?
        impl ::core::convert::From<$wire_type> for $name {
            fn from(value: $wire_type) -> Self {
                match value {
                    $( $wire => Self::$variant, )*
                    other => Self::Unknown(other),
                }
            }
        }

        $(#[cfg($cfg)])?
        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.value(), f)
            }
        }

        $(#[cfg($cfg)])?
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&self.value(), serializer)
            }
        }

        $(#[cfg($cfg)])?
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let value: $wire_type = ::serde::Deserialize::deserialize(deserializer)?;
                Ok(Self::from(value))
            }
        }
    };
}

pub(crate) use value_enum;
