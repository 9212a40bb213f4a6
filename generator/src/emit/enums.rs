//! An enum of strings, numbers or a boolean: one `string_enum!`
//! (`value_enum!`) invocation that declares it with each variant's wire
//! value beside it, and `Unknown(String)` (`Unknown(i64)`, `Unknown(f64)`,
//! `Unknown(bool)`) for values this client does not know.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, ToTokens};

use super::docs::{code_span, shows_in_code, variant_doc};
use super::model_item::{type_head, Gate};
use super::scope::Scope;
use super::source::Piece;
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
    let wires: Vec<TokenStream> = values
        .values
        .iter()
        .map(|v| wire_literal(values.wire, &v.wire))
        .collect();
    // The macro documents a variant by its value in code; a string that
    // would not show right there gets every variant its doc here
    // (`value_enum!` takes no docs: numbers and booleans always show).
    let shown =
        values.wire != EnumWire::Strings || values.values.iter().all(|v| shows_in_code(&v.wire));
    let variant_docs = values.values.iter().map(|v| {
        variant_doc(shown, || match v.wire.is_empty() {
            true => "The empty string.".to_string(),
            false => code_span(&v.wire),
        })
    });
    let (macro_name, unknown, derives) = match values.wire {
        EnumWire::Strings => (
            "string_enum",
            quote! { String },
            quote! { Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord },
        ),
        EnumWire::Integers => (
            "value_enum",
            quote! { i64 },
            quote! { Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord },
        ),
        EnumWire::Booleans => (
            "value_enum",
            quote! { bool },
            quote! { Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord },
        ),
        EnumWire::Numbers => (
            "value_enum",
            quote! { f64 },
            quote! { Clone, Copy, Debug, PartialEq, PartialOrd },
        ),
    };
    let item = quote! {
        #doc
        #cfg
        #[derive(#derives)]
        pub enum #name {
            #( #variant_docs #variants = #wires, )*
            #[wire(..)]
            Unknown(#unknown),
        }
    };
    vec![gate.macro_item(scope, macro_name, item, false)]
}

/// A wire value as a Rust literal: strings as strings, integers and
/// booleans as they are written, numbers as `f64` literals (`2.0`).
fn wire_literal(wire: EnumWire, text: &str) -> TokenStream {
    let (minus, magnitude) = match text.strip_prefix('-') {
        Some(rest) => (quote! { - }, rest),
        None => (TokenStream::new(), text),
    };
    let number = match wire {
        EnumWire::Strings => None,
        EnumWire::Booleans if text == "true" => return quote! { true },
        EnumWire::Booleans => return quote! { false },
        EnumWire::Integers => magnitude.parse::<u64>().ok().map(Literal::u64_unsuffixed),
        EnumWire::Numbers => magnitude
            .parse::<f64>()
            .ok()
            .filter(|number| number.is_finite())
            .map(Literal::f64_unsuffixed),
    };
    match number {
        Some(number) => quote! { #minus #number },
        // Strings; the front ends give numbers only where every value is one.
        None => Literal::string(text).into_token_stream(),
    }
}
