//! Rust types for model types, and the field wrappers for the four
//! combinations of required and nullable.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::{Field, Nullability, Presence, Primitive, TypeRef};

/// What the generated code needs from outside `std`, found while emitting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Uses {
    pub uuid: bool,
    pub chrono: bool,
}

/// Emits type references; `models` is the path to the models module from
/// where the type is used (empty inside it).
pub struct TypeEmitter<'a> {
    pub models: &'a TokenStream,
}

impl TypeEmitter<'_> {
    pub fn ty(&self, ty: &TypeRef, uses: &mut Uses) -> TokenStream {
        match ty {
            TypeRef::Primitive(primitive) => primitive_type(*primitive, uses),
            TypeRef::Named(name) => {
                let ident = format_ident!("{}", name);
                let models = self.models;
                quote! { #models #ident }
            }
            TypeRef::Array(item) => {
                let item = self.ty(item, uses);
                quote! { Vec<#item> }
            }
            TypeRef::Map(value) => {
                let value = self.ty(value, uses);
                quote! { std::collections::BTreeMap<String, #value> }
            }
            TypeRef::Any | TypeRef::Unstated => quote! { serde_json::Value },
        }
    }
}

fn primitive_type(primitive: Primitive, uses: &mut Uses) -> TokenStream {
    match primitive {
        Primitive::String | Primitive::Uri | Primitive::Email => quote! { String },
        // File contents (multipart parts).
        Primitive::Binary => quote! { Vec<u8> },
        Primitive::Uuid => {
            uses.uuid = true;
            quote! { uuid::Uuid }
        }
        Primitive::DateTime => {
            uses.chrono = true;
            quote! { chrono::DateTime<chrono::Utc> }
        }
        Primitive::Date => {
            uses.chrono = true;
            quote! { chrono::NaiveDate }
        }
        Primitive::Boolean => quote! { bool },
        Primitive::Integer | Primitive::Int64 => quote! { i64 },
        Primitive::Int32 => quote! { i32 },
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
    pub fn wrap(self, inner: TokenStream, runtime: &TokenStream) -> TokenStream {
        match self {
            Wrapper::Plain => inner,
            Wrapper::NullableRequired | Wrapper::Optional => quote! { Option<#inner> },
            Wrapper::Tristate => quote! { #runtime Nullable<#inner> },
        }
    }

    /// Whether `Default` gives a sensible empty value for the field.
    pub fn has_default(self) -> bool {
        !matches!(self, Wrapper::Plain)
    }
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
