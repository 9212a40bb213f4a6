//! An enum of strings or of integers: its declaration, with
//! `Unknown(String)` (`Unknown(i64)`) for values this client does not
//! know, and one `string_enum!` (`integer_enum!`) invocation for its
//! methods and serde impls.

use quote::{format_ident, quote};

use super::docs::code_span;
use super::model_item::{type_head, Gate};
use super::scope::Scope;
use super::source::{string_literal, Piece};
use crate::model::{EnumSchema, Schema};

pub fn string_enum(
    schema: &Schema,
    values: &EnumSchema,
    gate: &Gate,
    scope: &mut Scope<'_>,
) -> Vec<Piece> {
    let (name, doc) = type_head(schema);
    let cfg = &gate.cfg_tokens;
    let variants: Vec<syn::Ident> = values
        .values
        .iter()
        .map(|v| format_ident!("{}", v.variant))
        .collect();
    let variant_docs = values.values.iter().map(|v| match v.wire.is_empty() {
        true => " The empty string.".to_string(),
        false => format!(" {}", code_span(&v.wire)),
    });
    // Integers go as they are written, strings as Rust literals.
    let literal = |wire: &str| match values.integers {
        true => wire.to_string(),
        false => string_literal(wire),
    };
    let entries = values
        .values
        .iter()
        .zip(&variants)
        .map(|(value, variant)| format!("{variant} = {},", literal(&value.wire)))
        .collect();
    let (macro_name, unknown) = match values.integers {
        true => ("integer_enum", quote! { i64 }),
        false => ("string_enum", quote! { String }),
    };
    let call = gate.macro_call(scope, macro_name, name.to_string(), entries, false);
    vec![
        Piece::Syntax(quote! {
            #doc
            #cfg
            #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum #name {
                #( #[doc = #variant_docs] #variants, )*
                /// A value this client does not know, as received.
                Unknown(#unknown),
            }
        }),
        call,
    ]
}
