//! An enum of strings: its declaration, with `Unknown(String)` for values
//! this client does not know, and one `string_enum!` invocation for its
//! methods and serde impls.

use quote::{format_ident, quote};

use super::docs::{doc_attrs, doc_text};
use super::models::Gate;
use super::scope::Scope;
use super::source::{string_literal, MacroCall, Piece};
use crate::model::{EnumSchema, Schema};

pub fn string_enum(
    schema: &Schema,
    values: &EnumSchema,
    gate: &Gate,
    scope: &mut Scope<'_>,
) -> Vec<Piece> {
    let name = format_ident!("{}", schema.name);
    let doc = doc_attrs(&doc_text([schema.description.as_deref()]));
    let cfg = &gate.cfg_tokens;
    let variants: Vec<syn::Ident> = values
        .values
        .iter()
        .map(|v| format_ident!("{}", v.variant))
        .collect();
    let variant_docs = values.values.iter().map(|v| format!(" `{}`", v.wire));
    scope.item("crate::runtime::string_enum");
    let call = MacroCall {
        attributes: gate.cfg.iter().cloned().collect(),
        name: "string_enum",
        head: name.to_string(),
        entries: values
            .values
            .iter()
            .zip(&variants)
            .map(|(value, variant)| format!("{variant} = {},", string_literal(&value.wire)))
            .collect(),
        tail: Vec::new(),
    };
    vec![
        Piece::Syntax(quote! {
            #doc
            #cfg
            #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum #name {
                #( #[doc = #variant_docs] #variants, )*
                /// A value this client does not know, as received.
                Unknown(String),
            }
        }),
        Piece::Text(call.render()),
    ]
}
