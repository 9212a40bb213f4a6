//! Unions without a tag: the `one_of!` macro, which declares the union
//! with its variants in the order a value is tried against them.

/// A union without a tag and its serde impls. A value decodes as the
/// first variant, in the listed order, that it fits, and a value that fits
/// none is kept in `Other(serde_json::Value)`; a variant is written as its
/// member is.
///
/// ```text
/// one_of! {
///     #[derive(Clone, Debug, PartialEq)]
///     pub enum StringOrThing {
///         /// A [`Thing`].
///         Thing(Box<Thing>),
///         /// As `String`.
///         String(String),
///         #[wire(..)]
///         Other(Value),
///     }
///     impl Serialize;
///     impl Deserialize;
/// }
/// ```
///
/// `#[wire(..)]` marks the variant that keeps a value that fits none. The
/// enum's `#[cfg]`, if any, applies to the impls too.
macro_rules! one_of {
    (
        $(#[doc = $doc:literal])*
        $(#[cfg($cfg:meta)])?
        #[derive($($derive:ident),*)]
        pub enum $name:ident {
            $( $(#[doc = $variant_doc:literal])* $variant:ident($member:ty $(,)?), )*
            #[wire(..)]
            Other($value:ty),
        }
        $( $(#[$attr:meta])* impl $trait:ident; )*
    ) => {
        $(#[doc = $doc])*
        $(#[cfg($cfg)])?
        #[derive($($derive),*)]
        pub enum $name {
            $( $(#[doc = $variant_doc])* $variant($member), )*
            /// A value that fits none of the members, as received.
            Other($value),
        }

        $crate::runtime::one_of!(
            @impls [$(#[cfg($cfg)])?] $name { $( $variant, )* }
            $([$(#[$attr])*] $trait)*
        );
    };
    // The union's `#[cfg]` (`$cfg`, one group) goes on each impl, before
    // the impl's own attributes (`$attr`, one group).
    (@impls $cfg:tt $name:ident $variants:tt $($attr:tt $trait:ident)*) => {
        $( $crate::runtime::one_of!(@$trait $cfg $attr $name $variants); )*
    };
    (@Serialize [$($cfg:tt)*] [$($attr:tt)*] $name:ident { $( $variant:ident, )* }) => {
        $($cfg)* $($attr)*
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
    (@Deserialize [$($cfg:tt)*] [$($attr:tt)*] $name:ident { $( $variant:ident, )* }) => {
        $($cfg)* $($attr)*
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
