//! The parameters structs: one per operation with query or header
//! parameters, so a call names what it sets and leaves the rest at `Default`
//! instead of passing a long list of positional arguments.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{code_span, constraints_text, default_text, doc_attrs, doc_text};
use super::scope::Scope;
use super::source::Piece;
use super::types::rust_type;
use crate::model::{
    Api, Operation, Parameter, ParameterLocation, ParameterStyle, Primitive, SchemaKind, TypeRef,
};
use crate::names::OperationNames;

/// The parameters struct of `op`, where it has one. It lives in the operation's tag
/// module of `models`.
pub fn params_struct(
    api: &Api,
    op: &Operation,
    names: &OperationNames,
    scope: &mut Scope<'_>,
) -> Vec<Piece> {
    let Some(name) = &names.params else {
        return Vec::new();
    };
    let name = format_ident!("{}", name);
    let mut all_optional = true;
    let mut arguments = Vec::new();
    let mut values = Vec::new();
    let fields: Vec<TokenStream> = op
        .parameters
        .iter()
        .filter(|p| p.location != ParameterLocation::Path)
        .zip(&names.fields)
        .map(|(parameter, field)| {
            let ident = format_ident!("{}", field);
            let wire = wire_attribute(api, parameter);
            let inner = rust_type(&parameter.ty, scope);
            all_optional &= !parameter.required;
            let ty = if parameter.required {
                arguments.push(quote! { #ident: #inner });
                values.push(quote! { #ident });
                inner
            } else {
                values.push(quote! { #ident: None });
                quote! { Option<#inner> }
            };
            // A query parameter named as its field goes without saying
            // (the struct's doc says so); others say what they are.
            let named_as_field = field.trim_start_matches("r#") == parameter.name;
            let location = match parameter.location {
                ParameterLocation::Header => {
                    Some(format!("Header {}.", code_span(&parameter.name)))
                }
                ParameterLocation::Cookie => {
                    Some(format!("Cookie {}.", code_span(&parameter.name)))
                }
                ParameterLocation::Query | ParameterLocation::Path if named_as_field => None,
                ParameterLocation::Query | ParameterLocation::Path => {
                    Some(format!("Query parameter {}.", code_span(&parameter.name)))
                }
            };
            let constraints = constraints_text(&parameter.constraints);
            let default = default_text(parameter.default.as_ref());
            let doc = doc_attrs(&doc_text([
                parameter.description.as_deref(),
                constraints.as_deref(),
                default.as_deref(),
                location.as_deref(),
            ]));
            quote! {
                #doc
                #wire
                pub #ident: #ty,
            }
        })
        .collect();
    let qualified = names.qualified();
    let target = match &names.handle {
        Some(_) => format!("crate::operations::{qualified}"),
        None => format!("crate::{qualified}"),
    };
    let doc = format!(
        " The query and header parameters of [`{qualified}`]({target}): each field is the query parameter of its name, unless its doc names another."
    );
    let default = all_optional.then(|| quote! { Default, });
    // With required parameters there is no `Default`: `new` takes them.
    let constructor = (!all_optional).then(|| {
        let doc = " The required parameters; the others unset (not sent).";
        let new = super::types::constructor(doc, &arguments, &values);
        quote! { impl #name { #new } }
    });
    scope.item("crate::runtime::params");
    vec![
        Piece::Wrapped {
            name: "params",
            item: quote! {
                #[doc = #doc]
                #[derive(Clone, Debug, #default PartialEq)]
                pub struct #name {
                    #(#fields)*
                }
            },
            tail: Vec::new(),
        },
        Piece::Syntax(quote! { #constructor }),
    ]
}

/// What a parameter's value is, for how it is written.
#[derive(PartialEq)]
pub(super) enum ValueKind {
    /// Written by its `Display`.
    Display,
    DateTime,
    Array,
    /// An object or a map.
    Object,
    /// A union, a free-form value or bytes: written as it serializes.
    Other,
}

pub(super) fn value_kind(api: &Api, ty: &TypeRef) -> ValueKind {
    match ty {
        TypeRef::Primitive(Primitive::DateTime) => ValueKind::DateTime,
        TypeRef::Primitive(Primitive::Binary)
        | TypeRef::Any
        | TypeRef::Tuple(_)
        | TypeRef::Nullable(_) => ValueKind::Other,
        TypeRef::Primitive(_) | TypeRef::Unstated => ValueKind::Display,
        TypeRef::Array(_) => ValueKind::Array,
        TypeRef::Map(_) => ValueKind::Object,
        TypeRef::Named(name) => match api.schemas.get(name).map(|s| &s.kind) {
            Some(SchemaKind::Enum(_)) => ValueKind::Display,
            Some(SchemaKind::Object(_)) => ValueKind::Object,
            Some(SchemaKind::Alias(target)) => value_kind(api, target),
            _ => ValueKind::Other,
        },
    }
}

/// How a parameter goes on the wire, as the runtime's `params!` macro
/// reads it: `#[wire(query "page", optional)]`, `#[wire(query "ids", each)]`.
fn wire_attribute(api: &Api, parameter: &Parameter) -> TokenStream {
    let location = format_ident!(
        "{}",
        match parameter.location {
            ParameterLocation::Header => "header",
            ParameterLocation::Cookie => "cookie",
            ParameterLocation::Query | ParameterLocation::Path => "query",
        }
    );
    let mut flags = Vec::new();
    if !parameter.required {
        flags.push("optional");
    }
    flags.extend(encoding(api, parameter));
    let flags = flags.into_iter().map(|flag| format_ident!("{flag}"));
    let name = &parameter.name;
    quote! { #[wire(#location #name #(, #flags)*)] }
}

/// How a parameter's value is written (see the runtime's `params!`): none
/// for its `Display`.
fn encoding(api: &Api, parameter: &Parameter) -> Vec<&'static str> {
    let in_query = parameter.location == ParameterLocation::Query;
    let one = |encoding: &'static str| vec![encoding];
    match (parameter.style, value_kind(api, &parameter.ty)) {
        (ParameterStyle::Json, _) => one("json"),
        (style, ValueKind::Array) => {
            let TypeRef::Array(item) = &parameter.ty else {
                return Vec::new();
            };
            match (value_kind(api, item), style) {
                (ValueKind::DateTime, _) if parameter.explode => vec!["each", "date_time"],
                (ValueKind::DateTime, _) => vec!["joined", "date_time"],
                (ValueKind::Display, ParameterStyle::Form) if parameter.explode => one("each"),
                (ValueKind::Display, ParameterStyle::SpaceDelimited) => one("spaced"),
                (ValueKind::Display, ParameterStyle::PipeDelimited) => one("piped"),
                (ValueKind::Display, _) => one("joined"),
                _ => one("json"),
            }
        }
        (ParameterStyle::DeepObject, ValueKind::Object) if in_query => one("deep"),
        (ParameterStyle::Form, ValueKind::Object) if in_query && parameter.explode => one("fields"),
        // A cookie's properties in one value: cookie names are fixed.
        (ParameterStyle::Form, ValueKind::Object) => one("pairs"),
        (ParameterStyle::Simple, ValueKind::Object) if parameter.explode => one("assigned"),
        (ParameterStyle::Simple, ValueKind::Object) => one("pairs"),
        (_, ValueKind::Object) => one("json"),
        (_, ValueKind::Other) => one("serde"),
        (_, ValueKind::DateTime) => one("date_time"),
        (_, ValueKind::Display) => Vec::new(),
    }
}
