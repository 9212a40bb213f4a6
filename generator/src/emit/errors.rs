//! Error tables: for each documented error status of an operation, the
//! decoder of its body. Operations that document the same statuses and
//! bodies share one table (authentik: almost all of them document
//! `400 → ValidationError, 403 → GenericError`), a `const` in the
//! `operations` module named after its content.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::scope::Scope;
use super::usage::Usage;
use crate::diagnostic::Error;
use crate::model::is_json;
use crate::model::{Api, Operation, Status, TypeRef};

/// How the body of one error status is decoded.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Decoder {
    /// JSON of this model type.
    Typed(String),
    /// JSON without a named schema.
    Json,
    /// No documented JSON body: the text is kept.
    Text,
}

/// The documented error statuses of an operation with their decoders.
pub type ErrorTable = Vec<(u16, Decoder)>;

/// The error table of `op`; an error for a status the emitter cannot map.
pub fn error_table(op: &Operation) -> Result<ErrorTable, Error> {
    let mut table = Vec::new();
    for response in op.responses.iter().filter(|r| !r.status.is_success()) {
        let Status::Code(code) = response.status else {
            return Err(Error::Emit {
                what: format!("operation `{}`", op.id),
                message: format!(
                    "error response for status {:?} is not supported by the emitter yet",
                    response.status
                ),
            });
        };
        let decoder = match response.body.as_ref() {
            Some(body) if is_json(&body.content_type) => match &body.ty {
                TypeRef::Named(name) => Decoder::Typed(name.clone()),
                _ => Decoder::Json,
            },
            _ => Decoder::Text,
        };
        table.push((code, decoder));
    }
    Ok(table)
}

/// The `const` name of a table: `ERRORS_400_VALIDATION_ERROR_403_GENERIC_ERROR`.
pub fn table_name(table: &ErrorTable) -> syn::Ident {
    let mut name = String::from("ERRORS");
    for (code, decoder) in table {
        let body = match decoder {
            Decoder::Typed(ty) => heck::ToShoutySnakeCase::to_shouty_snake_case(ty.as_str()),
            Decoder::Json => "JSON".to_string(),
            Decoder::Text => "TEXT".to_string(),
        };
        name.push_str(&format!("_{code}_{body}"));
    }
    format_ident!("{}", name)
}

/// The tables of all operations, each compiled with the features of the
/// tag modules whose operations use it (when `gated`).
pub fn tables(
    api: &Api,
    usage: &Usage,
    gated: bool,
    scope: &mut Scope<'_>,
) -> Result<TokenStream, Error> {
    let mut users: BTreeMap<ErrorTable, BTreeSet<String>> = BTreeMap::new();
    for op in &api.operations {
        let table = error_table(op)?;
        if !table.is_empty() {
            users
                .entry(table)
                .or_default()
                .insert(usage.operation_module(&op.id).to_string());
        }
    }
    let mut items = TokenStream::new();
    for (table, modules) in &users {
        let name = table_name(table);
        let cfg = gated.then(|| super::features::cfg_tokens(modules));
        let entries: Vec<TokenStream> = table
            .iter()
            .map(|(code, decoder)| {
                let decoder = match decoder {
                    Decoder::Typed(ty) => {
                        let error_body = scope.item("crate::runtime::error_body");
                        let ty = scope.model(ty);
                        quote! { #error_body::<#ty> }
                    }
                    Decoder::Json => {
                        let error_body = scope.item("crate::runtime::error_body");
                        let value = scope.item("serde_json::Value");
                        quote! { #error_body::<#value> }
                    }
                    Decoder::Text => scope.item("crate::runtime::error_text"),
                };
                let code = proc_macro2::Literal::u16_unsuffixed(*code);
                quote! { (#code, #decoder) }
            })
            .collect();
        let decoder = scope.item("crate::runtime::ErrorDecoder");
        items.extend(quote! {
            #cfg
            const #name: &[(u16, #decoder)] = &[#(#entries),*];
        });
    }
    Ok(items)
}
