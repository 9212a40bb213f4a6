//! Enums of integers that keep values they do not know: the
//! `integer_enum!` macro, invoked once per enum with its variants and
//! wire values.

/// `value`, `From<i64>`, `Display`, `Serialize` and `Deserialize` of an
/// enum of integers that keeps a value it does not know in `Unknown(i64)`,
/// so a newer server's value decodes and is written back unchanged.
///
/// ```text
/// integer_enum! {
///     KeySize {
///         V2048 = 2048,
///         V4096 = 4096,
///     }
/// }
/// ```
macro_rules! integer_enum {
    ($name:ident { $( $variant:ident = $wire:literal, )* }) => {
        impl $name {
            /// The value on the wire.
            pub fn value(&self) -> i64 {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Unknown(value) => *value,
                }
            }
        }

        impl ::core::convert::From<i64> for $name {
            fn from(value: i64) -> Self {
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
                serializer.serialize_i64(self.value())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let value: i64 = ::serde::Deserialize::deserialize(deserializer)?;
                Ok(Self::from(value))
            }
        }
    };
}

pub(crate) use integer_enum;
