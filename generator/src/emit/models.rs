//! The `models` module: one struct per object schema, one enum per enum
//! schema, and `ErrorBody`, the union of the documented error bodies; split
//! into a shared module and one module per tag (see [`super::usage`]).

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{constraints_text, default_text, doc_attrs, doc_text};
use super::serde_impls::{self, SerdeField, SerdeStruct};
use super::types::{TypeEmitter, Uses, Wrapper};
use super::usage::{Needs, Usage};
use crate::model::{
    Api, EnumSchema, Field, ObjectSchema, Schema, SchemaKind, TypeRef, UnionSchema,
};

/// The path of the `models` module from a module inside it.
fn models_path() -> TokenStream {
    quote! { super:: }
}

/// The name of the module of `models` for the types several tags share.
pub const SHARED: &str = "shared";

/// The items of one module of `models`: for `home: None`, `shared` (the
/// types several tag modules use, those the runtime uses, those no operation
/// uses, and `ErrorBody`); for a tag, the types only its operations use and
/// the parameters structs of its operations.
pub fn module_items(
    api: &Api,
    usage: &Usage,
    params_names: &BTreeMap<String, String>,
    home: Option<&str>,
    (gated, round_trip): (bool, bool),
    uses: &mut Uses,
) -> TokenStream {
    let mut items = TokenStream::new();
    for schema in api.schemas.values() {
        let type_use = usage.of_type(&schema.name);
        if type_use.home() != home {
            continue;
        }
        let cfg = match type_use.features() {
            Some(features) if gated && home.is_none() => cfg_attr(features),
            _ => TokenStream::new(),
        };
        let needs = if round_trip {
            Needs {
                serialize: true,
                deserialize: true,
            }
        } else {
            type_use.needs()
        };
        items.extend(match &schema.kind {
            SchemaKind::Object(object) => {
                object_struct(api, schema, object, &cfg, needs, gated, uses)
            }
            SchemaKind::Enum(values) => enum_type(schema, values, &cfg),
            SchemaKind::Union(union) => union_type(schema, union, &cfg, needs, gated),
            SchemaKind::Alias(ty) => {
                let name = format_ident!("{}", schema.name);
                let doc = doc_attrs(&doc_text([schema.description.as_deref()]));
                let models = models_path();
                let ty = TypeEmitter { models: &models }.ty(ty, uses);
                quote! {
                    #doc
                    #cfg
                    pub type #name = #ty;
                }
            }
        });
    }
    match home {
        Some(module) => {
            for op in &api.operations {
                if let Some(name) = params_names.get(&op.id) {
                    if usage.operation_module(&op.id) == module {
                        items.extend(super::params::params_struct(op, name, uses));
                    }
                }
            }
        }
        None => items.extend(error_body(api)),
    }
    items
}

/// `#[cfg(feature = "a")]` or `#[cfg(any(feature = "a", feature = "b"))]`.
pub fn cfg_attr(features: &BTreeSet<String>) -> TokenStream {
    let features = features.iter().map(|feature| quote! { feature = #feature });
    if features.len() == 1 {
        quote! { #[cfg(#(#features)*)] }
    } else {
        quote! { #[cfg(any(#(#features),*))] }
    }
}

/// The feature that gives every type both serde traits, for users who store
/// or re-send what they receive.
pub const ROUND_TRIP: &str = "round-trip";

/// The `#[cfg]` for a serde impl of a union: none when the type needs it,
/// the `round-trip` feature in a gated crate, and `None` (no impl) otherwise.
fn serde_impl_cfg(needed: bool, gated: bool) -> Option<TokenStream> {
    match (needed, gated) {
        (true, _) => Some(TokenStream::new()),
        (false, true) => Some(quote! { #[cfg(feature = #ROUND_TRIP)] }),
        (false, false) => None,
    }
}

/// The named types some operation documents as an error body, sorted.
pub fn error_body_types(api: &Api) -> BTreeSet<String> {
    api.operations
        .iter()
        .flat_map(|op| &op.responses)
        .filter(|response| !response.status.is_success())
        .filter_map(|response| match &response.body.as_ref()?.ty {
            TypeRef::Named(name) => Some(name.clone()),
            _ => None,
        })
        .collect()
}

fn object_struct(
    api: &Api,
    schema: &Schema,
    object: &ObjectSchema,
    cfg: &TokenStream,
    needs: Needs,
    gated: bool,
    uses: &mut Uses,
) -> TokenStream {
    let name = format_ident!("{}", schema.name);
    let doc = doc_attrs(&doc_text([schema.description.as_deref()]));
    let models = models_path();
    let types = TypeEmitter { models: &models };
    let runtime: TokenStream = quote! { super::super::runtime:: };
    let mut all_default = true;
    let mut declarations = Vec::new();
    let mut serde_fields = Vec::new();
    for field in &object.fields {
        let wrapper = Wrapper::of(field);
        all_default &= wrapper.has_default();
        let ty = wrapper.wrap(types.ty(&field.ty, uses), &runtime);
        let ident = field_ident(field);
        let doc = doc_attrs(&field_doc(field));
        let deprecated = field.deprecated.then(|| quote! { #[deprecated] });
        declarations.push(quote! {
            #doc
            #deprecated
            pub #ident: #ty,
        });

        serde_fields.push(SerdeField {
            ident,
            wire: field.wire_name.clone(),
            wrapper,
        });
    }
    let additional = object
        .additional
        .as_ref()
        .zip(additional_field(object))
        .map(|(additional, ident)| {
            let value = types.ty(additional, uses);
            declarations.push(quote! {
                /// Entries beyond the named fields.
                pub #ident: std::collections::BTreeMap<String, #value>,
            });
            ident
        });
    let default = all_default.then(|| quote! { Default, });
    // Request bodies with required fields (no `Default`) get `new`, so a
    // call names only what it must and leaves the rest unset.
    let constructor = (!all_default && needs.serialize).then(|| {
        let mut arguments = Vec::new();
        let mut values = Vec::new();
        for (field, serde_field) in object.fields.iter().zip(&serde_fields) {
            let ident = &serde_field.ident;
            match serde_field.wrapper {
                Wrapper::Plain => {
                    let ty = types.ty(&field.ty, uses);
                    arguments.push(quote! { #ident: #ty });
                    values.push(quote! { #ident });
                }
                Wrapper::NullableRequired | Wrapper::Optional => {
                    values.push(quote! { #ident: None })
                }
                Wrapper::Tristate => {
                    values.push(quote! { #ident: super::super::runtime::Nullable::Absent })
                }
            }
        }
        if let Some(ident) = &additional {
            values.push(quote! { #ident: std::collections::BTreeMap::new() });
        }
        let doc = format!(" A new `{name}`: the required fields set, the others unset (not sent).");
        let new = super::types::constructor(&name, &doc, &arguments, &values);
        quote! {
            #cfg
            #[allow(deprecated)]
            impl #name {
                #new
            }
        }
    });
    let page = super::pagination::item_of_page(api, object)
        .map(|item| super::pagination::page_impl(&name, item, cfg, uses));
    let impls = serde_impls::impls(
        &SerdeStruct {
            name: &name,
            fields: &serde_fields,
            additional: additional.as_ref(),
            cfg,
            runtime: &runtime,
        },
        needs,
        gated,
    );
    quote! {
        #doc
        #cfg
        #[derive(Clone, Debug, #default PartialEq)]
        pub struct #name {
            #(#declarations)*
        }
        #constructor
        #impls
        #page
    }
}

/// The Rust identifier of a struct field (raw when it is a keyword).
pub fn field_ident(field: &Field) -> syn::Ident {
    syn::parse_str(&field.rust_name).unwrap_or_else(|_| format_ident!("r#{}", field.rust_name))
}

/// The field that keeps an object's additional properties, if it has them:
/// `additional_properties`, with `_` appended while a named field has it.
pub fn additional_field(object: &ObjectSchema) -> Option<syn::Ident> {
    object.additional.as_ref()?;
    let taken: BTreeSet<&str> = object.fields.iter().map(|f| f.rust_name.as_str()).collect();
    let mut field_name = "additional_properties".to_string();
    while taken.contains(field_name.as_str()) {
        field_name.push('_');
    }
    Some(format_ident!("{}", field_name))
}

fn field_doc(field: &Field) -> String {
    let constraints = constraints_text(&field.constraints);
    let access = match (field.read_only, field.write_only) {
        (true, _) => Some("Read-only: set by the server."),
        (_, true) => Some("Write-only: never returned by the server."),
        _ => None,
    };
    let default = default_text(field.default.as_ref());
    // The title repeats the description's subject; both are kept when they differ.
    let title = field
        .title
        .as_deref()
        .filter(|title| Some(*title) != field.description.as_deref());
    doc_text([
        title,
        field.description.as_deref(),
        constraints.as_deref(),
        default.as_deref(),
        access,
    ])
}

/// An enum that keeps values it does not know in `Unknown`, so a newer
/// server's value decodes and serializes back unchanged.
fn enum_type(schema: &Schema, values: &EnumSchema, cfg: &TokenStream) -> TokenStream {
    let name = format_ident!("{}", schema.name);
    let doc = doc_attrs(&doc_text([schema.description.as_deref()]));
    let variants: Vec<syn::Ident> = values
        .values
        .iter()
        .map(|v| format_ident!("{}", v.variant))
        .collect();
    let wires: Vec<&str> = values.values.iter().map(|v| v.wire.as_str()).collect();
    let variant_docs = wires.iter().map(|wire| format!(" `{wire}`"));
    quote! {
        #doc
        #cfg
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum #name {
            #( #[doc = #variant_docs] #variants, )*
            /// A value this client does not know, as received.
            Unknown(String),
        }

        #cfg
        impl #name {
            /// The value on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #( Self::#variants => #wires, )*
                    Self::Unknown(value) => value,
                }
            }
        }

        #cfg
        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #( #wires => Self::#variants, )*
                    other => Self::Unknown(other.to_string()),
                }
            }
        }

        #cfg
        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #cfg
        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #cfg
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = String::deserialize(deserializer)?;
                Ok(Self::from(value.as_str()))
            }
        }
    }
}

/// A tagged union: decodes by the tag property, keeps an object with an
/// unknown tag as it came, and writes the tag exactly once. Members are
/// boxed: their sizes differ by hundreds of bytes.
fn union_type(
    schema: &Schema,
    union: &UnionSchema,
    cfg: &TokenStream,
    needs: Needs,
    gated: bool,
) -> TokenStream {
    let name = format_ident!("{}", schema.name);
    let doc = doc_attrs(&doc_text([schema.description.as_deref()]));
    let property = &union.tag;
    let variants: Vec<syn::Ident> = union
        .variants
        .iter()
        .map(|v| format_ident!("{}", v.variant))
        .collect();
    let members: Vec<syn::Ident> = union
        .variants
        .iter()
        .map(|v| format_ident!("{}", v.schema))
        .collect();
    let tags: Vec<&str> = union.variants.iter().map(|v| v.tag.as_str()).collect();
    let variant_docs = tags.iter().map(|tag| format!(" `{property}: {tag}`"));
    let unknown_doc =
        format!(" An object whose `{property}` this client does not know, as received.");
    let serialize = serde_impl_cfg(needs.serialize, gated).map(|round_trip| {
        quote! {
            #cfg
            #round_trip
            impl serde::Serialize for #name {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    match self {
                        #( Self::#variants(member) => super::super::runtime::serialize_tagged(serializer, #property, #tags, member), )*
                        Self::Unknown(value) => serde::Serialize::serialize(value, serializer),
                    }
                }
            }
        }
    });
    let deserialize = serde_impl_cfg(needs.deserialize, gated).map(|round_trip| {
        quote! {
            #cfg
            #round_trip
            impl<'de> serde::Deserialize<'de> for #name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                    match value.get(#property).and_then(serde_json::Value::as_str) {
                        #( Some(#tags) => super::super::runtime::deserialize_member(value).map(|member| Self::#variants(Box::new(member))), )*
                        _ => Ok(Self::Unknown(value)),
                    }
                }
            }
        }
    });
    quote! {
        #doc
        #cfg
        #[derive(Clone, Debug, PartialEq)]
        pub enum #name {
            #( #[doc = #variant_docs] #variants(Box<super::#members>), )*
            #[doc = #unknown_doc]
            Unknown(serde_json::Value),
        }

        #cfg
        impl #name {
            /// The value of the tag property.
            pub fn tag(&self) -> Option<&str> {
                match self {
                    #( Self::#variants(_) => Some(#tags), )*
                    Self::Unknown(value) => value.get(#property).and_then(serde_json::Value::as_str),
                }
            }
        }

        #serialize
        #deserialize
    }
}

fn error_body(api: &Api) -> TokenStream {
    let types: Vec<syn::Ident> = error_body_types(api)
        .iter()
        .map(|name| format_ident!("{}", name))
        .collect();
    let docs = types.iter().map(|ty| format!(" A [`{ty}`] error body."));
    quote! {
        /// The body of an error response the documentation describes.
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum ErrorBody {
            #( #[doc = #docs] #types(#types), )*
            /// An error body without a documented schema.
            Other(serde_json::Value),
        }

        #(
            impl From<#types> for ErrorBody {
                fn from(body: #types) -> Self {
                    ErrorBody::#types(body)
                }
            }
        )*

        impl From<serde_json::Value> for ErrorBody {
            fn from(body: serde_json::Value) -> Self {
                ErrorBody::Other(body)
            }
        }
    }
}
