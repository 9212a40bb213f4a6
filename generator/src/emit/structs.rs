//! A model struct: its declaration inside an `object!` invocation (which
//! adds its serde impls from each field's `#[wire]` attribute), `new` when
//! it is sent and has required fields, `Page` when it is a page of a list.
//! The struct of a family (see `families.rs`) is generic, and its members
//! are aliases of it.

use quote::{format_ident, quote};

use proc_macro2::TokenStream;

use super::docs::{constraints_text, default_text, doc_attrs, doc_text, escape, raw_doc_attrs};
use super::families::{Family, PARAMETER};
use super::model_item::Gate;
use super::scope::Scope;
use super::source::Piece;
use super::types::{constructor, field_ident, rust_type};
use crate::model::{Api, Field, ObjectSchema, Primitive, Schema, TypeRef};
use crate::shape::{additional_field, boxed_field, Wrapper};

pub fn object_struct(
    api: &Api,
    schema: &Schema,
    object: &ObjectSchema,
    gate: &Gate,
    scope: &mut Scope<'_>,
) -> Vec<Piece> {
    let name = format_ident!("{}", schema.name);
    let doc = struct_doc(schema.description.as_deref(), None, object);
    write_struct(api, (&name, quote! {}, doc), object, gate, scope)
}

/// The generic struct of `family`, in `T`.
pub fn generic_struct(
    api: &Api,
    family: &Family,
    gate: &Gate,
    scope: &mut Scope<'_>,
) -> Vec<Piece> {
    let name = format_ident!("{}", family.name);
    let parameter = format_ident!("{PARAMETER}");
    let example = family.members.iter().next().map(|(member, argument)| {
        format!(
            "One struct for the {} types of the API that differ only in `{PARAMETER}` \
             (`{member}` is `{}<{argument}>`).",
            family.members.len(),
            family.name
        )
    });
    let doc = struct_doc(family.description.as_deref(), example, &family.object);
    scope.set_parameter(Some(PARAMETER));
    let pieces = write_struct(
        api,
        (&name, quote! { <#parameter> }, doc),
        &family.object,
        gate,
        scope,
    );
    scope.set_parameter(None);
    pieces
}

/// A member of a family: an alias of its generic struct for its type.
pub fn member_alias(
    schema: &Schema,
    family: &Family,
    argument: &str,
    gate: &Gate,
    scope: &mut Scope<'_>,
) -> Piece {
    let name = format_ident!("{}", schema.name);
    let generic = scope.model(&family.name);
    let argument_type = rust_type(&TypeRef::Named(argument.to_string()), scope);
    let mut doc = escape(&doc_text([schema.description.as_deref()]));
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    doc.push_str(&format!("[`{}`] of [`{argument}`].", family.name));
    let doc = raw_doc_attrs(&doc);
    let cfg = &gate.cfg_tokens;
    Piece::Syntax(quote! {
        #doc
        #cfg
        pub type #name = #generic<#argument_type>;
    })
}

/// A struct's doc: its description, `more`, and which fields must be set
/// together when the input says so.
fn struct_doc(
    description: Option<&str>,
    more: Option<String>,
    object: &ObjectSchema,
) -> TokenStream {
    let alternatives = alternatives_text(object);
    doc_attrs(&doc_text([
        description,
        more.as_deref(),
        alternatives.as_deref(),
    ]))
}

/// The struct `name` (with `generics`, empty or `<T>`) of `object`.
fn write_struct(
    api: &Api,
    (name, generics, doc): (&syn::Ident, TokenStream, TokenStream),
    object: &ObjectSchema,
    gate: &Gate,
    scope: &mut Scope<'_>,
) -> Vec<Piece> {
    let owner = name.to_string();
    let cfg = &gate.cfg_tokens;
    let mut all_default = true;
    let mut declarations = Vec::new();
    let mut arguments = Vec::new();
    let mut values = Vec::new();
    for field in &object.fields {
        let wrapper = Wrapper::of(field);
        all_default &= wrapper.has_default();
        let inner = rust_type(&field.ty, scope);
        // A field that holds its own struct again (directly or through
        // other structs) is boxed, or the struct would have no size.
        let inner = match boxed_field(api, &owner, &field.ty) {
            true => quote! { Box<#inner> },
            false => inner,
        };
        let ident = field_ident(field);
        // What `new` takes and sets: the required fields, the others unset.
        match wrapper {
            Wrapper::Plain => {
                arguments.push(quote! { #ident: #inner });
                values.push(quote! { #ident });
            }
            Wrapper::NullableRequired | Wrapper::Optional => values.push(quote! { #ident: None }),
            Wrapper::Tristate => {
                let nullable = scope.item("crate::Nullable");
                values.push(quote! { #ident: #nullable::Absent });
            }
        }
        let ty = wrapper.wrap(inner, scope);
        let doc = doc_attrs(&field_doc(field));
        let deprecated = field.deprecated.then(|| quote! { #[deprecated] });
        let wire = &field.wire_name;
        let kind = wrapper.kind().map(|kind| {
            let kind = format_ident!("{kind}");
            quote! { , #kind }
        });
        // chrono's own reading of a date-time is many times slower.
        let via = (field.ty == TypeRef::Primitive(Primitive::DateTime)).then(|| quote! { rfc3339 });
        declarations.push(quote! {
            #doc
            #[wire(#via #wire #kind)]
            #deprecated
            pub #ident: #ty,
        });
    }
    if let Some((additional, ident)) = object.additional.as_ref().zip(additional_field(object)) {
        let ident = format_ident!("{}", ident);
        let value = rust_type(additional, scope);
        let map = scope.item("std::collections::HashMap");
        // The macro documents it.
        declarations.push(quote! {
            #[wire(..)]
            pub #ident: #map<String, #value>,
        });
        values.push(quote! { #ident: #map::new() });
    }
    let default = all_default.then(|| quote! { Default, });
    // Request bodies with required fields (no `Default`) get `new`, so a
    // call names only what it must and leaves the rest unset.
    let new = (!all_default && gate.needs.serialize).then(|| {
        let doc = format!(" A new `{name}`: the required fields set, the others unset (not sent).");
        let new = constructor(&doc, &arguments, &values);
        // Setting a deprecated field is no use of it the caller chose.
        let allow = object
            .fields
            .iter()
            .any(|field| field.deprecated)
            .then(|| quote! { #[allow(deprecated)] });
        quote! {
            #cfg
            #allow
            impl #generics #name #generics {
                #new
            }
        }
    });
    let page = super::pagination::item_of_page(api, object)
        .map(|item| super::pagination::page_impl((name, &generics), item, cfg, scope));
    let object = gate.macro_item(
        scope,
        "object",
        quote! {
            #doc
            #cfg
            #[derive(Clone, Debug, #default PartialEq)]
            pub struct #name #generics {
                #(#declarations)*
            }
        },
        true,
    );
    vec![object, Piece::Syntax(quote! { #new #page })]
}

fn field_doc(field: &Field) -> String {
    let constraints = constraints_text(&field.constraints);
    let access = match (field.read_only, field.write_only) {
        (true, _) => Some("Set by the server."),
        (_, true) => Some("Write-only: never returned by the server."),
        _ => None,
    };
    let default = default_text(field.default.as_ref());
    // The title repeats the description's subject; both are kept when they differ.
    let title = field
        .title
        .as_deref()
        .filter(|title| Some(*title) != field.description.as_deref());
    doc_text([
        title,
        field.description.as_deref(),
        constraints.as_deref(),
        default.as_deref(),
        access,
    ])
}

/// "Set at least one of: `file_ids`; `files`.", for an object whose
/// document requires one of several sets of fields.
fn alternatives_text(object: &ObjectSchema) -> Option<String> {
    if object.required_alternatives.is_empty() {
        return None;
    }
    let rust_name = |wire: &String| -> String {
        object
            .fields
            .iter()
            .find(|f| f.wire_name == *wire)
            .map_or(wire.clone(), |f| f.rust_name.clone())
    };
    let sets: Vec<String> = object
        .required_alternatives
        .iter()
        .map(|set| {
            let names: Vec<String> = set.iter().map(|w| format!("`{}`", rust_name(w))).collect();
            names.join(" and ")
        })
        .collect();
    Some(format!("Set at least one of: {}.", sets.join("; ")))
}
