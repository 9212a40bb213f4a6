//! Error tables: for each documented error status of an operation, the
//! decoder of its body. Operations that document the same statuses and
//! bodies share one table (authentik: almost all of them document
//! `400 → ValidationError, 403 → GenericError`), a `const` in the
//! `operations` module named after the statuses it covers.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};

use super::scope::Scope;
use super::usage::Usage;
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

/// The documented error statuses of an operation with their decoders:
/// codes first, then classes (`4XX`), then `default`, as the runtime looks
/// them up.
pub type ErrorTable = Vec<(ErrorStatus, Decoder)>;

/// Which statuses an entry of an error table stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ErrorStatus {
    Code(u16),
    /// `4` for `4XX`.
    Class(u16),
    Other,
}

/// The error table of `op`.
pub fn error_table(op: &Operation) -> ErrorTable {
    let mut table = Vec::new();
    for response in op.responses.iter().filter(|r| !r.status.is_answer()) {
        let status = match response.status {
            Status::Code(code) => ErrorStatus::Code(code),
            Status::Class(class) => ErrorStatus::Class(class),
            Status::Default => ErrorStatus::Other,
            Status::AnySuccess => continue,
        };
        let decoder = match response.body.as_ref() {
            Some(body) if is_json(&body.content_type) => match &body.ty {
                TypeRef::Named(name) => Decoder::Typed(name.clone()),
                _ => Decoder::Json,
            },
            _ => Decoder::Text,
        };
        table.push((status, decoder));
    }
    table.sort();
    table
}

/// The `const` name of every table, named for the statuses it covers:
/// `ERRORS_400_403`, `ERRORS_4XX_OTHER`. Of tables that cover the same
/// statuses with other bodies, the one most operations use has the plain
/// name and the others are numbered (`ERRORS_400_403_2`), in a fixed
/// order.
pub fn table_names(api: &Api) -> BTreeMap<ErrorTable, syn::Ident> {
    let mut uses: BTreeMap<ErrorTable, usize> = BTreeMap::new();
    for op in &api.operations {
        let table = error_table(op);
        if !table.is_empty() {
            *uses.entry(table).or_default() += 1;
        }
    }
    let mut by_statuses: BTreeMap<String, Vec<(&ErrorTable, usize)>> = BTreeMap::new();
    for (table, count) in &uses {
        by_statuses
            .entry(statuses_name(table))
            .or_default()
            .push((table, *count));
    }
    let mut names = BTreeMap::new();
    for (base, mut tables) in by_statuses {
        // Most used first; equal counts in the tables' order (stable sort).
        tables.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        for (index, (table, _)) in tables.into_iter().enumerate() {
            let name = match index {
                0 => base.clone(),
                n => format!("{base}_{}", n + 1),
            };
            names.insert(table.clone(), format_ident!("{}", name));
        }
    }
    names
}

/// `ERRORS_400_403`: the statuses a table covers.
fn statuses_name(table: &ErrorTable) -> String {
    let mut name = String::from("ERRORS");
    for (status, _) in table {
        match status {
            ErrorStatus::Code(code) => name.push_str(&format!("_{code}")),
            ErrorStatus::Class(class) => name.push_str(&format!("_{class}XX")),
            ErrorStatus::Other => name.push_str("_OTHER"),
        }
    }
    name
}

/// The doc line of a table: each status with the type of its body.
fn table_doc(table: &ErrorTable) -> String {
    let entries: Vec<String> = table
        .iter()
        .map(|(status, decoder)| {
            let status = match status {
                ErrorStatus::Code(code) => format!("`{code}`"),
                ErrorStatus::Class(class) => format!("`{class}XX`"),
                ErrorStatus::Other => "any other status".to_string(),
            };
            let body = match decoder {
                Decoder::Typed(ty) => format!("[`{ty}`]"),
                Decoder::Json => "JSON".to_string(),
                Decoder::Text => "text".to_string(),
            };
            format!("{status} {body}")
        })
        .collect();
    format!(" The error bodies: {}.", entries.join(", "))
}

/// The tables of all operations, each compiled with the features of the
/// tag modules whose operations use it (when `gated`).
pub fn tables(api: &Api, usage: &Usage, gated: bool, scope: &mut Scope<'_>) -> TokenStream {
    let mut users: BTreeMap<ErrorTable, BTreeSet<String>> = BTreeMap::new();
    for op in &api.operations {
        let table = error_table(op);
        if !table.is_empty() {
            users
                .entry(table)
                .or_default()
                .insert(usage.operation_module(&op.id).to_string());
        }
    }
    let names = table_names(api);
    let mut items = TokenStream::new();
    for (table, modules) in &users {
        let Some(name) = names.get(table) else {
            continue;
        };
        let doc = table_doc(table);
        let cfg = gated.then(|| super::features::cfg_tokens(modules));
        let entries: Vec<TokenStream> = table
            .iter()
            .map(|(status, decoder)| {
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
                let status = match status {
                    ErrorStatus::Code(code) => {
                        proc_macro2::Literal::u16_unsuffixed(*code).into_token_stream()
                    }
                    ErrorStatus::Class(class) => {
                        scope.item(&format!("crate::runtime::STATUS_{class}XX"))
                    }
                    ErrorStatus::Other => scope.item("crate::runtime::OTHER_STATUS"),
                };
                quote! { (#status, #decoder) }
            })
            .collect();
        let decoder = scope.item("crate::runtime::ErrorDecoder");
        items.extend(quote! {
            #[doc = #doc]
            #cfg
            const #name: &[(u16, #decoder)] = &[#(#entries),*];
        });
    }
    items
}
