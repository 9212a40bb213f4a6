//! Unions. A tagged union (`oneOf` with a `discriminator`): its
//! declaration, one boxed variant per member (their sizes differ by
//! hundreds of bytes) and `Unknown` for a tag this client does not know, and
//! one `tagged_union!` invocation for `tag()` and its serde impls. A union
//! without a tag: one variant per member and `Other` for a value that fits
//! none, and one `one_of!` invocation for its serde impls.

use quote::{format_ident, quote};

use super::model_item::{type_head, Gate};
use super::scope::Scope;
use super::source::{string_literal, Piece};
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
    let variant_docs = union
        .variants
        .iter()
        .map(|v| format!(" `{property}: {}`", v.tag));
    let unknown_doc =
        format!(" An object whose `{property}` this client does not know, as received.");
    let value = scope.item("serde_json::Value");
    let entries = union
        .variants
        .iter()
        .zip(&variants)
        .map(|(v, variant)| format!("{variant} = {},", string_literal(&v.tag)))
        .collect();
    let head = format!("{name}: {}", string_literal(property));
    let call = gate.macro_call(scope, "tagged_union", head, entries, true);
    vec![
        Piece::Syntax(quote! {
            #doc
            #cfg
            #[derive(Clone, Debug, PartialEq)]
            pub enum #name {
                #( #[doc = #variant_docs] #variants(Box<#members>), )*
                #[doc = #unknown_doc]
                Unknown(#value),
            }
        }),
        call,
    ]
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
    let entries = variants
        .iter()
        .map(|variant| format!("{variant},"))
        .collect();
    let call = gate.macro_call(scope, "one_of", name.to_string(), entries, true);
    let mut pieces = vec![
        Piece::Syntax(quote! {
            #doc
            #cfg
            #[derive(Clone, Debug, PartialEq)]
            pub enum #name {
                #( #[doc = #docs] #variants(#members), )*
                /// A value that fits none of the members, as received.
                Other(#value),
            }
        }),
        call,
    ];
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
