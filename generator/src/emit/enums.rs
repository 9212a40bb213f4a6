//! An enum of strings, numbers or a boolean: its declaration, with
//! `Unknown(String)` (`Unknown(i64)`, `Unknown(f64)`, `Unknown(bool)`) for
//! values this client does not know, and one `string_enum!`
//! (`value_enum!`) invocation for its methods and serde impls.

use quote::{format_ident, quote};

use super::docs::code_span;
use super::model_item::{type_head, Gate};
use super::scope::Scope;
use super::source::{string_literal, Piece};
use crate::model::{EnumSchema, EnumWire, Schema};

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
    // Strings as Rust literals, integers and booleans as they are written,
    // numbers as `f64` literals (`2.0`).
    let literal = |wire: &str| match values.wire {
        EnumWire::Strings => string_literal(wire),
        EnumWire::Integers | EnumWire::Booleans => wire.to_string(),
        EnumWire::Numbers => match wire.parse::<f64>() {
            Ok(number) => proc_macro2::Literal::f64_unsuffixed(number).to_string(),
            Err(_) => wire.to_string(),
        },
    };
    let entries = values
        .values
        .iter()
        .zip(&variants)
        .map(|(value, variant)| format!("{variant} = {},", literal(&value.wire)))
        .collect();
    let (macro_name, head, unknown, derives) = match values.wire {
        EnumWire::Strings => (
            "string_enum",
            name.to_string(),
            quote! { String },
            quote! { Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord },
        ),
        EnumWire::Integers => (
            "value_enum",
            format!("{name}: i64"),
            quote! { i64 },
            quote! { Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord },
        ),
        EnumWire::Booleans => (
            "value_enum",
            format!("{name}: bool"),
            quote! { bool },
            quote! { Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord },
        ),
        EnumWire::Numbers => (
            "value_enum",
            format!("{name}: f64"),
            quote! { f64 },
            quote! { Clone, Copy, Debug, PartialEq, PartialOrd },
        ),
    };
    let call = gate.macro_call(scope, macro_name, head, entries, false);
    vec![
        Piece::Syntax(quote! {
            #doc
            #cfg
            #[derive(#derives)]
            pub enum #name {
                #( #[doc = #variant_docs] #variants, )*
                /// A value this client does not know, as received.
                Unknown(#unknown),
            }
        }),
        call,
    ]
}
