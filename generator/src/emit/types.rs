//! Rust types for model types, and the field wrappers for the four
//! combinations of required and nullable.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::scope::Scope;
use crate::model::{Field, Nullability, Presence, Primitive, TypeRef};

/// What the generated code needs from outside the fixed dependencies,
/// found while emitting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Uses {
    pub uuid: bool,
    pub chrono: bool,
    /// `format: byte` values, and so the `base64` crate.
    pub base64: bool,
}

impl Uses {
    pub fn add(&mut self, other: Uses) {
        self.uuid |= other.uuid;
        self.chrono |= other.chrono;
        self.base64 |= other.base64;
    }
}

/// The Rust type of `ty`, with the names it uses brought into `scope`.
pub fn rust_type(ty: &TypeRef, scope: &mut Scope<'_>) -> TokenStream {
    match ty {
        TypeRef::Primitive(primitive) => primitive_type(*primitive, scope),
        TypeRef::Named(name) => scope.model(name),
        TypeRef::Array(item) => {
            let item = rust_type(item, scope);
            quote! { Vec<#item> }
        }
        TypeRef::Map(value) => {
            let value = rust_type(value, scope);
            let map = scope.item("std::collections::HashMap");
            quote! { #map<String, #value> }
        }
        TypeRef::Any | TypeRef::Unstated => scope.item("serde_json::Value"),
    }
}

fn primitive_type(primitive: Primitive, scope: &mut Scope<'_>) -> TokenStream {
    match primitive {
        Primitive::String | Primitive::Uri | Primitive::Email => quote! { String },
        // File contents (multipart parts).
        Primitive::Binary => quote! { Vec<u8> },
        Primitive::Uuid => {
            scope.uses.uuid = true;
            scope.item("uuid::Uuid")
        }
        Primitive::DateTime => {
            scope.uses.chrono = true;
            let (date_time, utc) = (scope.item("chrono::DateTime"), scope.item("chrono::Utc"));
            quote! { #date_time<#utc> }
        }
        Primitive::Date => {
            scope.uses.chrono = true;
            scope.item("chrono::NaiveDate")
        }
        Primitive::Base64 => {
            scope.uses.base64 = true;
            scope.item("crate::Base64")
        }
        Primitive::Boolean => quote! { bool },
        Primitive::Integer | Primitive::Int64 => quote! { i64 },
        Primitive::Int8 => quote! { i8 },
        Primitive::Int16 => quote! { i16 },
        Primitive::Int32 => quote! { i32 },
        Primitive::UInt8 => quote! { u8 },
        Primitive::UInt16 => quote! { u16 },
        Primitive::UInt32 => quote! { u32 },
        Primitive::UInt64 => quote! { u64 },
        Primitive::Number | Primitive::Double => quote! { f64 },
        Primitive::Float => quote! { f32 },
    }
}

/// How a field is held, by whether it must be present and may be null.
/// An unstated fact is read in the direction that decodes every answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrapper {
    /// Required, never null: `T`.
    Plain,
    /// Required, may be null: `Option<T>`, `None` sent as `null`.
    NullableRequired,
    /// Optional, never null: `Option<T>`, `None` not sent.
    Optional,
    /// Optional, may be null: `Nullable<T>`, absent / null / value.
    Tristate,
}

impl Wrapper {
    pub fn of(field: &Field) -> Wrapper {
        match (field.presence, field.nullability) {
            (Presence::Required, Nullability::NonNull) => Wrapper::Plain,
            (Presence::Required, Nullability::Nullable | Nullability::Unstated) => {
                Wrapper::NullableRequired
            }
            (
                Presence::Optional | Presence::Unstated,
                Nullability::NonNull | Nullability::Unstated,
            ) => Wrapper::Optional,
            (Presence::Optional | Presence::Unstated, Nullability::Nullable) => Wrapper::Tristate,
        }
    }

    /// The field's type around `inner`.
    pub fn wrap(self, inner: TokenStream, scope: &mut Scope<'_>) -> TokenStream {
        match self {
            Wrapper::Plain => inner,
            Wrapper::NullableRequired | Wrapper::Optional => quote! { Option<#inner> },
            Wrapper::Tristate => {
                let nullable = scope.item("crate::Nullable");
                quote! { #nullable<#inner> }
            }
        }
    }

    /// Whether `Default` gives a sensible empty value for the field.
    pub fn has_default(self) -> bool {
        !matches!(self, Wrapper::Plain)
    }

    /// The field's kind in the runtime's `object!` macro.
    pub fn kind(self) -> &'static str {
        match self {
            Wrapper::Plain => "required",
            Wrapper::NullableRequired => "required_nullable",
            Wrapper::Optional => "optional",
            Wrapper::Tristate => "optional_nullable",
        }
    }
}

/// The Rust identifier of a struct field (raw when it is a keyword).
pub fn field_ident(field: &Field) -> syn::Ident {
    syn::parse_str(&field.rust_name).unwrap_or_else(|_| format_ident!("r#{}", field.rust_name))
}

/// `pub fn new(<arguments>) -> <name>` building `<name> { <values> }`: the
/// constructor of a struct whose required fields have no `Default`.
pub fn constructor(
    name: &syn::Ident,
    doc: &str,
    arguments: &[TokenStream],
    values: &[TokenStream],
) -> TokenStream {
    let allow = (arguments.len() > 7).then(|| quote! { #[allow(clippy::too_many_arguments)] });
    quote! {
        #[doc = #doc]
        #allow
        pub fn new(#(#arguments),*) -> #name {
            #name { #(#values),* }
        }
    }
}
