//! Unions. A tagged union (`oneOf` with a `discriminator`): one
//! `tagged_union!` invocation that declares it, one boxed variant per member
//! (their sizes differ by hundreds of bytes) with its tag value on it
//! and `Unknown` for a tag this client does not know, and writes `tag()` and
//! its serde impls. A union without a tag: one `one_of!` invocation, one
//! variant per member and `Other` for a value that fits none.

use proc_macro2::Literal;
use quote::{format_ident, quote};

use super::docs::{code_span, shows_in_code, variant_doc};
use super::model_item::{type_head, Gate};
use super::scope::Scope;
use super::source::Piece;
use super::types::rust_type;
use crate::model::{Api, OneOfSchema, Primitive, Schema, TypeRef, UnionSchema};

pub fn tagged_union(
    schema: &Schema,
    union: &UnionSchema,
    gate: &Gate,
    scope: &mut Scope<'_>,
) -> Vec<Piece> {
    let (name, doc) = type_head(schema);
    let cfg = &gate.cfg_tokens;
    let property = &union.tag;
    let variants = idents(union.variants.iter().map(|v| v.variant.as_str()));
    let members: Vec<_> = union
        .variants
        .iter()
        .map(|v| scope.model(&v.schema))
        .collect();
    let tags = union.variants.iter().map(|v| Literal::string(&v.tag));
    // The macro documents a variant by its tag in code; a tag that would
    // not show right there gets every variant its doc here.
    let shown = shows_in_code(property) && union.variants.iter().all(|v| shows_in_code(&v.tag));
    let variant_docs = union
        .variants
        .iter()
        .map(|v| variant_doc(shown, || code_span(&format!("{property}: {}", v.tag))));
    let unknown_doc = variant_doc(shown, || {
        format!(
            "An object whose {} this client does not know, as received.",
            code_span(property)
        )
    });
    let value = scope.item("serde_json::Value");
    let item = quote! {
        #doc
        #cfg
        #[derive(Clone, Debug, PartialEq)]
        #[wire(tag = #property)]
        pub enum #name {
            #( #variant_docs #[wire(#tags)] #variants(Box<#members>), )*
            #[wire(..)]
            #unknown_doc
            Unknown(#value),
        }
    };
    vec![gate.macro_item(scope, "tagged_union", item, true)]
}

/// A union without a tag: the variants in the order they are tried.
pub fn one_of(
    api: &Api,
    schema: &Schema,
    one_of: &OneOfSchema,
    gate: &Gate,
    scope: &mut Scope<'_>,
) -> Vec<Piece> {
    let (name, doc) = type_head(schema);
    let cfg = &gate.cfg_tokens;
    let variants = idents(one_of.variants.iter().map(|v| v.variant.as_str()));
    let mut docs = Vec::new();
    let members: Vec<_> = one_of
        .variants
        .iter()
        .map(|v| {
            let ty = rust_type(&v.ty, scope);
            docs.push(match &v.ty {
                TypeRef::Named(target) => format!(" A [`{target}`]."),
                _ => format!(" As `{}`.", ty.to_string().replace(' ', "")),
            });
            if crate::shape::boxed_member(api, &v.ty) {
                quote! { Box<#ty> }
            } else {
                ty
            }
        })
        .collect();
    let value = scope.item("serde_json::Value");
    let item = quote! {
        #doc
        #cfg
        #[derive(Clone, Debug, PartialEq)]
        pub enum #name {
            #( #[doc = #docs] #variants(#members), )*
            #[wire(..)]
            Other(#value),
        }
    };
    let mut pieces = vec![gate.macro_item(scope, "one_of", item, true)];
    // A union of values written as text (`{id}` as a number or a uuid) is
    // text in a path or header too.
    if one_of.variants.iter().all(|v| shown_as_text(&v.ty)) {
        let fmt = scope.item("std::fmt");
        pieces.push(Piece::Syntax(quote! {
            #cfg
            impl #fmt::Display for #name {
                fn fmt(&self, f: &mut #fmt::Formatter<'_>) -> #fmt::Result {
                    match self {
                        #( Self::#variants(member) => #fmt::Display::fmt(member, f), )*
                        Self::Other(#value::String(text)) => f.write_str(text),
                        Self::Other(value) => #fmt::Display::fmt(value, f),
                    }
                }
            }
        }));
    }
    pieces
}

/// Whether a value of `ty` is written on the wire as its `Display` writes
/// it: text, numbers, booleans, uuids, addresses.
pub(super) fn shown_as_text(ty: &TypeRef) -> bool {
    matches!(
        ty,
        TypeRef::Primitive(primitive) if !matches!(
            primitive,
            Primitive::DateTime | Primitive::Date | Primitive::Binary | Primitive::Base64
        )
    )
}

/// The variant identifiers of a union.
fn idents<'a>(names: impl Iterator<Item = &'a str>) -> Vec<syn::Ident> {
    names.map(|name| format_ident!("{}", name)).collect()
}
