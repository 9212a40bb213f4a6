//! The parameters structs: one per operation with query or header
//! parameters, so a call names what it sets and leaves the rest at `Default`
//! instead of passing a long list of positional arguments.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{constraints_text, default_text, doc_attrs, doc_text};
use super::scope::Scope;
use super::source::{string_literal, MacroCall, Piece};
use super::types::rust_type;
use crate::ident::FieldNames;
use crate::model::{Api, Operation, Parameter, ParameterLocation, Primitive, TypeRef};

/// The name of each operation's parameters struct (`CoreUsersListParams`),
/// by operation id, made unique against the schema names.
pub fn struct_names(api: &Api) -> BTreeMap<String, String> {
    let mut taken: BTreeSet<String> = api.schemas.keys().cloned().collect();
    api.operations
        .iter()
        .filter(|op| fields(op).next().is_some())
        .map(|op| {
            let wanted = format!("{}Params", crate::ident::to_upper_camel(&op.id));
            (
                op.id.clone(),
                crate::ident::claim_unique(wanted, &mut taken),
            )
        })
        .collect()
}

/// The query and header parameters of `op` with their Rust field names.
pub fn fields(op: &Operation) -> impl Iterator<Item = (&Parameter, String)> {
    let mut names = FieldNames::default();
    op.parameters
        .iter()
        .filter(|p| p.location != ParameterLocation::Path)
        .map(move |p| (p, names.claim(&p.name)))
}

/// The parameters struct `name` of `op`. It lives in the operation's tag
/// module of `models`.
pub fn params_struct(op: &Operation, name: &str, scope: &mut Scope<'_>) -> Vec<Piece> {
    let name = format_ident!("{}", name);
    let mut all_optional = true;
    let mut arguments = Vec::new();
    let mut values = Vec::new();
    let mut entries = Vec::new();
    let fields: Vec<TokenStream> = fields(op)
        .map(|(parameter, field)| {
            let ident = format_ident!("{}", field);
            entries.push(format!("{ident}: {},", wire_entry(parameter)));
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
            let location = match parameter.location {
                ParameterLocation::Header => format!("Header `{}`.", parameter.name),
                _ => format!("Query parameter `{}`.", parameter.name),
            };
            let constraints = constraints_text(&parameter.constraints);
            let default = default_text(parameter.default.as_ref());
            let doc = doc_attrs(&doc_text([
                parameter.description.as_deref(),
                constraints.as_deref(),
                default.as_deref(),
                Some(&location),
            ]));
            quote! {
                #doc
                pub #ident: #ty,
            }
        })
        .collect();
    let doc = format!(
        " The query and header parameters of [`Client::{}`](crate::Client::{}).",
        op.id, op.id
    );
    let default = all_optional.then(|| quote! { Default, });
    // With required parameters there is no `Default`: `new` takes them.
    let constructor = (!all_optional).then(|| {
        let doc = " The required parameters; the others unset (not sent).";
        let new = super::types::constructor(&name, doc, &arguments, &values);
        quote! { impl #name { #new } }
    });
    scope.item("crate::runtime::params");
    let call = MacroCall {
        attributes: Vec::new(),
        name: "params",
        head: name.to_string(),
        entries,
        tail: Vec::new(),
    };
    vec![
        Piece::Syntax(quote! {
            #[doc = #doc]
            #[derive(Clone, Debug, #default PartialEq)]
            pub struct #name {
                #(#fields)*
            }
            #constructor
        }),
        Piece::Text(call.render()),
    ]
}

/// How a parameter goes on the wire, as the runtime's `params!` macro
/// reads it: `query "page" optional`, `query "ids" required each`.
fn wire_entry(parameter: &Parameter) -> String {
    let location = match parameter.location {
        ParameterLocation::Header => "header",
        _ => "query",
    };
    let presence = if parameter.required {
        "required"
    } else {
        "optional"
    };
    let date_time = |ty: &TypeRef| ty == &TypeRef::Primitive(Primitive::DateTime);
    let encoding = match &parameter.ty {
        TypeRef::Array(item) if parameter.explode && date_time(item) => " each date_time",
        TypeRef::Array(_) if parameter.explode => " each",
        TypeRef::Array(item) if date_time(item) => " joined date_time",
        TypeRef::Array(_) => " joined",
        ty if date_time(ty) => " date_time",
        _ => "",
    };
    format!(
        "{location} {} {presence}{encoding}",
        string_literal(&parameter.name)
    )
}
