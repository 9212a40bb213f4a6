//! Enums of numbers or booleans that keep values they do not know: the
//! `value_enum!` macro, invoked once per enum with its wire type, variants
//! and wire values.

/// `value`, `From`, `Display`, `Serialize` and `Deserialize` of an enum
/// of `i64`, `f64` or `bool` values that keeps a value it does not know in
/// `Unknown`, so a newer server's value decodes and is written back
/// unchanged.
///
/// ```text
/// value_enum! {
///     KeySize: i64 {
///         V2048 = 2048,
///         V4096 = 4096,
///     }
/// }
/// ```
macro_rules! value_enum {
    ($name:ident: $wire_type:ty { $( $variant:ident = $wire:literal, )* }) => {
        impl $name {
            /// The value on the wire.
            pub fn value(&self) -> $wire_type {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Unknown(value) => *value,
                }
            }
        }

        impl ::core::convert::From<$wire_type> for $name {
            fn from(value: $wire_type) -> Self {
                match value {
                    $( $wire => Self::$variant, )*
                    other => Self::Unknown(other),
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.value(), f)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&self.value(), serializer)
            }
        }

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
