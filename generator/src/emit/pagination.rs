//! List operations that answer page by page. authentik's lists answer
//! `{pagination: {next, ...}, results: [...]}` and take the page number in
//! the query parameter `page`; `next` is the number of the next page, `0`
//! after the last one.
//!
//! Such a response type implements the runtime's `Page`, so the
//! operation's call has `items()`, the stream of every item from the
//! requested page on.

use proc_macro2::TokenStream;
use quote::quote;

use super::scope::Scope;
use super::types::rust_type;
use crate::model::{
    Api, Field, ObjectSchema, Operation, ParameterLocation, Presence, Primitive, SchemaKind,
    TypeRef,
};

/// The query parameter that selects the page.
const PAGE_PARAMETER: &str = "page";

/// The item type of a page type: an object with a required `results` array
/// and a required `pagination` object that has a `next` number.
pub fn item_of_page<'a>(api: &'a Api, object: &'a ObjectSchema) -> Option<&'a TypeRef> {
    let required = |name: &str| {
        object
            .fields
            .iter()
            .find(|f| f.wire_name == name && f.presence == Presence::Required)
    };
    let TypeRef::Array(item) = &required("results")?.ty else {
        return None;
    };
    let TypeRef::Named(pagination) = &required("pagination")?.ty else {
        return None;
    };
    match &api.schemas.get(pagination)?.kind {
        SchemaKind::Object(pagination) => next_field(pagination).map(|_| item.as_ref()),
        _ => None,
    }
}

fn next_field(pagination: &ObjectSchema) -> Option<&Field> {
    pagination
        .fields
        .iter()
        .find(|f| f.wire_name == "next" && matches!(f.ty, TypeRef::Primitive(p) if p.is_numeric()))
}

/// The item type of `op` when it is a paged list: its success body is a
/// page type and it has an optional integer `page` query parameter.
pub fn paged_item<'a>(api: &'a Api, op: &'a Operation) -> Option<&'a TypeRef> {
    let page = op.parameters.iter().find(|p| {
        p.location == ParameterLocation::Query && p.name == PAGE_PARAMETER && !p.required
    })?;
    if !matches!(
        page.ty,
        TypeRef::Primitive(Primitive::Integer | Primitive::Int64)
    ) {
        return None;
    }
    let body = op
        .responses
        .iter()
        .find(|r| r.status.is_success())?
        .body
        .as_ref()?;
    let TypeRef::Named(name) = &body.ty else {
        return None;
    };
    match &api.schemas.get(name)?.kind {
        SchemaKind::Object(object) => item_of_page(api, object),
        _ => None,
    }
}

/// `impl Page for <page type>`, for a type [`item_of_page`] accepts
/// (generic when `generics` is `<T>`).
pub fn page_impl(
    (name, generics): (&syn::Ident, &TokenStream),
    item: &TypeRef,
    cfg: &TokenStream,
    scope: &mut Scope<'_>,
) -> TokenStream {
    let item = rust_type(item, scope);
    let page = scope.item("crate::runtime::Page");
    let page_number = scope.item("crate::runtime::PageNumber");
    quote! {
        #cfg
        impl #generics crate::runtime::sealed::Sealed for #name #generics {}

        #cfg
        impl #generics #page for #name #generics {
            type Item = #item;

            fn into_items(self) -> (Vec<#item>, Option<i64>) {
                (self.results, #page_number::page(self.pagination.next))
            }
        }
    }
}
