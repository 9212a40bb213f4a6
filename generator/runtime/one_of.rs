//! Unions without a tag: the `one_of!` macro, invoked once per union with
//! its variants in the order a value is tried against them.

/// The serde impls of a union without a tag. A value decodes as the first
/// variant, in the listed order, that it fits, and a value that fits none
/// is kept in `Other(serde_json::Value)`; a variant is written as its
/// member is.
///
/// ```text
/// one_of! {
///     StringOrThing {
///         Thing,
///         String,
///     }
///     impl Serialize;
///     impl Deserialize;
/// }
/// ```
macro_rules! one_of {
    (
        $name:ident $variants:tt
        $( $(#[$attr:meta])* impl $trait:ident; )*
    ) => {
        $( $crate::runtime::one_of!(@$trait [$(#[$attr])*] $name $variants); )*
    };
    (@Serialize [$(#[$attr:meta])*] $name:ident { $( $variant:ident, )* }) => {
        $(#[$attr])*
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                match self {
                    $( Self::$variant(member) => ::serde::Serialize::serialize(member, serializer), )*
                    Self::Other(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }
    };
    (@Deserialize [$(#[$attr:meta])*] $name:ident { $( $variant:ident, )* }) => {
        $(#[$attr])*
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                // A member, if the value fits it (here, not in the runtime:
                // a crate whose unions are only sent never calls it).
                fn member<T: ::serde::de::DeserializeOwned>(
                    value: &::serde_json::Value,
                ) -> ::core::option::Option<T> {
                    T::deserialize(value).ok()
                }
                let value: ::serde_json::Value = ::serde::Deserialize::deserialize(deserializer)?;
                $(
                    if let Some(member) = member(&value) {
                        return Ok(Self::$variant(member));
                    }
                )*
                Ok(Self::Other(value))
            }
        }
    };
}

pub(crate) use one_of;
