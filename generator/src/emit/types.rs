//! Rust types for model types, and how the field wrappers of
//! [`crate::shape::Wrapper`] are written.

use proc_macro2::TokenStream;
use quote::quote;

use super::scope::Scope;
use crate::model::{Primitive, TypeRef};
pub use crate::shape::field_ident;
use crate::shape::Wrapper;

/// The Rust type of `ty`, with the names it uses brought into `scope`.
pub fn rust_type(ty: &TypeRef, scope: &mut Scope<'_>) -> TokenStream {
    match ty {
        TypeRef::Primitive(primitive) => primitive_type(*primitive, scope),
        TypeRef::Named(name) => scope.model(name),
        TypeRef::Array(item) => {
            let item = rust_type(item, scope);
            quote! { Vec<#item> }
        }
        TypeRef::Nullable(inner) => {
            let inner = rust_type(inner, scope);
            quote! { Option<#inner> }
        }
        TypeRef::Tuple(items) => {
            let items = items.iter().map(|item| rust_type(item, scope));
            quote! { (#(#items,)*) }
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
        Primitive::Ipv4 => scope.item("std::net::Ipv4Addr"),
        Primitive::Ipv6 => scope.item("std::net::Ipv6Addr"),
        Primitive::Ip => scope.item("std::net::IpAddr"),
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

/// How the generated code writes a field held each way.
impl Wrapper {
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

    /// The field's kind in its `#[wire]` attribute of the runtime's
    /// `object!` macro; none for a required field.
    pub fn kind(self) -> Option<&'static str> {
        match self {
            Wrapper::Plain => None,
            Wrapper::NullableRequired => Some("required_nullable"),
            Wrapper::Optional => Some("optional"),
            Wrapper::Tristate => Some("optional_nullable"),
        }
    }
}

/// `pub fn new(<arguments>) -> Self` building `Self { <values> }`: the
/// constructor of a struct whose required fields have no `Default`.
pub fn constructor(doc: &str, arguments: &[TokenStream], values: &[TokenStream]) -> TokenStream {
    let allow = (arguments.len() > 7).then(|| quote! { #[allow(clippy::too_many_arguments)] });
    quote! {
        #[doc = #doc]
        #allow
        pub fn new(#(#arguments),*) -> Self {
            Self { #(#values),* }
        }
    }
}
