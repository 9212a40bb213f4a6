//! The `operations` modules, one per tag: the tag's handle
//! (`client.core()`) with one thin method per operation (an operation
//! without a tag is a method of `Client`), which describes the request and
//! returns the runtime's future
//! that sends it. Building the request at the call (instead of an `async fn`
//! per operation) spares the compiler a state machine per operation, and the
//! future borrows only the client, not the arguments.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{escape, raw_doc_attrs};
use super::params::{value_kind, ValueKind};
use super::scope::Scope;
use super::source::Piece;
use super::types::{field_ident, rust_type};
use super::usage::Usage;
use crate::diagnostic::Error;
use crate::model::{
    is_json, Api, Field, OneOfSchema, Operation, Parameter, ParameterLocation, ParameterStyle,
    PathSegment, Primitive, RequestBody, SchemaKind, Status, TypeRef,
};
use crate::names::{Handle, Names, OperationNames};
use crate::shape::{body_kind, is_text, BodyKind, Wrapper};

/// The items of one tag module: the tag's handle (a `Copy` struct that
/// borrows the client, its accessor on `Client`, and an impl with the
/// methods of the tag's operations), and an `impl Client` with the methods
/// of the operations without a tag that the module holds.
pub fn module_items(
    api: &Api,
    usage: &Usage,
    names: &Names,
    module: &str,
    scope: &mut Scope<'_>,
) -> Result<Vec<Piece>, Error> {
    let shared = shared_summaries(api);
    let tables = super::errors::table_names(api);
    let context = Context {
        shared: &shared,
        tables: &tables,
    };
    let mut handle = None;
    let (mut on_handle, mut on_client) = (Vec::new(), Vec::new());
    for op in api
        .operations
        .iter()
        .filter(|op| usage.operation_module(&op.id) == module)
    {
        let names = names.operation(op);
        let items = operation(api, op, &names, &context, scope)?;
        match names.handle {
            Some(found) => {
                let tag = op
                    .tags
                    .first()
                    .cloned()
                    .unwrap_or_else(|| module.to_string());
                handle.get_or_insert((found, tag));
                on_handle.extend(items);
            }
            None => on_client.extend(items),
        }
    }
    let client = scope.item("crate::Client");
    let mut pieces = Vec::new();
    if let Some((handle, tag)) = handle {
        pieces.extend(handle_items(api, &handle, &tag, module, on_handle, &client));
    }
    if !on_client.is_empty() {
        pieces.push(Piece::Impl {
            doc: vec![
                format!("# `{module}`"),
                String::new(),
                format!("Operations without a tag (cargo feature `{module}`)."),
            ],
            header: format!("impl {client}"),
            items: on_client,
        });
    }
    Ok(pieces)
}

/// A tag's handle: its struct, documented with the tag's description, the
/// accessor on `Client`, and the impl that holds `methods`.
fn handle_items(
    api: &Api,
    handle: &Handle,
    tag: &str,
    module: &str,
    methods: Vec<TokenStream>,
    client: &TokenStream,
) -> Vec<Piece> {
    let type_name = format_ident!("{}", handle.type_name);
    let accessor = format_ident!("{}", handle.accessor);
    let mut doc = match api.info.tags.get(tag) {
        Some(description) => format!("{}\n\n", escape(description.trim())),
        None => String::new(),
    };
    doc.push_str(&format!(
        "The operations tagged `{tag}` (cargo feature `{module}`), from [`Client::{accessor}`]: \
         a copy of the handle costs nothing, and each call borrows the client."
    ));
    let doc = raw_doc_attrs(&doc);
    let accessor_doc = format!(" The operations tagged `{tag}`: [`{type_name}`].");
    vec![
        Piece::Syntax(quote! {
            #doc
            #[derive(Clone, Copy, Debug)]
            pub struct #type_name<'a> {
                client: &'a #client,
            }

            impl #client {
                #[doc = #accessor_doc]
                pub fn #accessor(&self) -> #type_name<'_> {
                    #type_name { client: self }
                }
            }
        }),
        Piece::Impl {
            doc: Vec::new(),
            header: format!("impl<'a> {type_name}<'a>"),
            items: methods,
        },
    ]
}

fn unsupported(op: &Operation, what: impl std::fmt::Display) -> Error {
    Error::Emit {
        what: format!("operation `{}`", op.id),
        message: format!("{what} is not supported by the emitter yet"),
    }
}

/// What every operation's method is made with: the summaries many
/// operations share, the error tables' names.
struct Context<'a> {
    shared: &'a BTreeSet<&'a str>,
    tables: &'a BTreeMap<super::errors::ErrorTable, syn::Ident>,
}

/// The method of `op`.
fn operation(
    api: &Api,
    op: &Operation,
    names: &OperationNames,
    context: &Context<'_>,
    scope: &mut Scope<'_>,
) -> Result<Vec<TokenStream>, Error> {
    let tables = context.tables;
    let name = format_ident!("{}", names.method);
    let id = &op.id;
    let mut arguments = Vec::new();
    for (parameter, ident) in path_arguments_of(op, names) {
        let ty = path_argument_type(api, &parameter.ty, scope);
        arguments.push(quote! { #ident: #ty });
    }
    let (template, path_values) = path_template(api, op, names, scope);
    let constructor = format_ident!("{}", op.method.as_str().to_ascii_lowercase());
    let request_type = scope.item("crate::runtime::Request");
    let mut request = quote! { #request_type::#constructor(#id, #template) };
    if !path_values.is_empty() {
        request = quote! { #request.path(&[#(#path_values),*]) };
    }
    if let Some(security) = super::credentials::requirements(api, op, scope) {
        request = quote! { #request #security };
    }
    if let Some(table) = tables.get(&super::errors::error_table(op)) {
        let table = scope.item(&format!("super::{table}"));
        request = quote! { #request.errors(#table) };
    }

    // A documented redirect is an answer, returned instead of followed.
    let redirects = redirect_statuses(op);
    if !redirects.is_empty() {
        let redirects = redirects
            .iter()
            .map(|s| proc_macro2::Literal::u16_unsuffixed(*s));
        request = quote! { #request.redirects(&[#(#redirects),*]) };
    }
    // Without a documented answer, `default` describes the success too.
    let documents_answer = op.responses.iter().any(|r| r.status.is_answer());
    let success = op.responses.iter().find(|r| {
        (r.status.is_success() || (!documents_answer && r.status == Status::Default))
            && r.body.is_some()
    });
    let (output, send) = match success.and_then(|r| Some((r.status, r.body.as_ref()?))) {
        // A binary body is the response's bytes, whatever its media type says.
        Some((_, body)) if body.ty == TypeRef::Primitive(Primitive::Binary) => {
            if !is_json(&body.content_type) {
                let media = &body.content_type;
                request = quote! { #request.accept(#media) };
            }
            (quote! { Vec<u8> }, quote! { call_bytes })
        }
        // HTTP clients drop the body of a 204 (it has none by definition), so
        // a documented one may be missing: `None`; so is a redirect's.
        Some((status, body))
            if is_json(&body.content_type)
                && (status == Status::Code(204) || !redirects.is_empty()) =>
        {
            let ty = rust_type(&body.ty, scope);
            (quote! { Option<#ty> }, quote! { call_json_if_any })
        }
        Some((_, body)) if is_json(&body.content_type) => {
            (rust_type(&body.ty, scope), quote! { call_json })
        }
        Some((_, body)) => {
            let media = &body.content_type;
            request = quote! { #request.accept(#media) };
            if is_text(media) {
                (quote! { String }, quote! { call_text })
            } else {
                (quote! { Vec<u8> }, quote! { call_bytes })
            }
        }
        None => (quote! { () }, quote! { call_empty }),
    };

    let mut statements = Vec::new();
    if let Some(struct_name) = &names.params {
        let ty = scope.model(struct_name);
        arguments.push(quote! { params: &#ty });
        request = quote! { #request.params(params) };
    }
    if let Some(body) = &op.body {
        let attach = body_attach(api, op, body, &mut arguments, scope)?;
        match body.required {
            true => request = quote! { #request #attach },
            false => statements.push(quote! {
                let request = match body {
                    Some(body) => request #attach,
                    None => request,
                };
            }),
        }
    }
    let doc = raw_doc_attrs(&operation_doc(op, names, context.shared, scope));
    let deprecated = op.deprecated.then(|| quote! { #[deprecated] });
    let call = scope.item("crate::Call");
    // On a handle, the call borrows the client, not the handle.
    let (lifetime, client) = match names.handle {
        Some(_) => (quote! { 'a }, quote! { self.client }),
        None => (quote! { '_ }, quote! { self }),
    };
    let method = quote! {
        #doc
        #deprecated
        pub fn #name(&self, #(#arguments),*) -> #call<#lifetime, #output> {
            let request = #request;
            #(#statements)*
            #client.#send(request)
        }
    };
    Ok(vec![method])
}

/// An operation's doc: its description, `METHOD /path`, its path
/// parameters with their descriptions, and the error statuses it documents.
fn operation_doc(
    op: &Operation,
    names: &OperationNames,
    shared: &BTreeSet<&str>,
    scope: &mut Scope<'_>,
) -> String {
    let mut parts = Vec::new();
    let method_path = format!("`{} {}`", op.method.as_str(), op.path);
    match op
        .description
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        // A summary many operations share (`Outpost Viewset`) says nothing
        // of this one: the method and path lead instead.
        Some(description) if shared.contains(first_paragraph(description)) => {
            parts.push(method_path);
            let rest = description[first_paragraph(description).len()..].trim();
            if !rest.is_empty() {
                parts.push(escape(rest));
            }
        }
        Some(description) => {
            parts.push(escape(description));
            parts.push(method_path);
        }
        None => parts.push(method_path),
    }
    let path_parameters: Vec<String> = path_arguments_of(op, names)
        .into_iter()
        .map(|(p, name)| {
            match p.description.as_deref().filter(|d| !d.trim().is_empty()) {
                // The lines after the first are indented to stay in the item.
                Some(description) => {
                    let lines: Vec<String> = escape(description.trim())
                        .lines()
                        .map(|line| match line.is_empty() {
                            true => String::new(),
                            false => format!("  {line}"),
                        })
                        .collect();
                    format!("- `{name}`: {}", lines.join("\n").trim_start())
                }
                None => format!("- `{name}`"),
            }
        })
        .collect();
    if !path_parameters.is_empty() {
        parts.push(path_parameters.join("\n"));
    }
    let redirects = redirect_statuses(op);
    if !redirects.is_empty() {
        let statuses: Vec<String> = redirects.iter().map(|s| format!("`{s}`")).collect();
        parts.push(format!(
            "Redirects: {} (the answer, not followed; its `Location` through [`Call::with_metadata`](crate::Call::with_metadata)).",
            statuses.join(", ")
        ));
    }
    let errors: Vec<String> = op
        .responses
        .iter()
        .filter(|r| !r.status.is_answer())
        .map(|r| {
            let status = match r.status {
                Status::Code(code) => code.to_string(),
                Status::Class(class) => format!("{class}XX"),
                Status::Default => "any other status".to_string(),
                Status::AnySuccess => "success".to_string(),
            };
            match r.body.as_ref().map(|b| &b.ty) {
                Some(TypeRef::Named(name)) => format!("`{status}` {}", scope.doc_link(name)),
                _ => format!("`{status}`"),
            }
        })
        .collect();
    if !errors.is_empty() {
        // How they arrive (`Error::Api`) the crate doc says once.
        parts.push(format!("Errors: {}.", errors.join(", ")));
    }
    parts.join("\n\n")
}

/// How many operations must share a summary for it to say nothing of one.
const SHARED_SUMMARY: usize = 3;

/// The first paragraphs of the operations' descriptions (their summaries,
/// as rustdoc shows them) that [`SHARED_SUMMARY`] or more operations share.
fn shared_summaries(api: &Api) -> BTreeSet<&str> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for op in &api.operations {
        if let Some(description) = op.description.as_deref().map(str::trim) {
            *counts.entry(first_paragraph(description)).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(summary, count)| !summary.is_empty() && *count >= SHARED_SUMMARY)
        .map(|(summary, _)| summary)
        .collect()
}

/// The text up to the first blank line.
fn first_paragraph(text: &str) -> &str {
    let end = text.find("\n\n").unwrap_or(text.len());
    text[..end].trim_end()
}

/// The redirect statuses `op` documents (`3XX` stands for every one), in
/// order: the client returns these instead of following them.
fn redirect_statuses(op: &Operation) -> Vec<u16> {
    const REDIRECTS: [u16; 8] = [300, 301, 302, 303, 304, 305, 307, 308];
    let mut statuses: Vec<u16> = op
        .responses
        .iter()
        .flat_map(|r| match r.status {
            Status::Code(code) if r.status.is_redirect() => vec![code],
            Status::Class(3) => REDIRECTS.to_vec(),
            _ => Vec::new(),
        })
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    statuses
}

/// The call that attaches `op`'s body to its request (`.json(body)`), and
/// the `body` argument, pushed on `arguments`.
fn body_attach(
    api: &Api,
    op: &Operation,
    body: &RequestBody,
    arguments: &mut Vec<TokenStream>,
    scope: &mut Scope<'_>,
) -> Result<TokenStream, Error> {
    let media = body.content_type.as_str();
    let (ty, attach) = match body_kind(body) {
        BodyKind::Json => (rust_type(&body.ty, scope), quote! { .json(body) }),
        BodyKind::Multipart => {
            let form = multipart_form(api, op, &body.ty, scope)?;
            (rust_type(&body.ty, scope), quote! { .multipart(#form) })
        }
        BodyKind::Form => (rust_type(&body.ty, scope), quote! { .form(body) }),
        BodyKind::Text => (quote! { str }, quote! { .text(#media, body) }),
        BodyKind::Bytes => {
            // Under the media type the document names; `*/*` as octets.
            let media = if media.contains('*') {
                "application/octet-stream"
            } else {
                media
            };
            (quote! { [u8] }, quote! { .bytes(#media, body) })
        }
    };
    arguments.push(match body.required {
        true => quote! { body: &#ty },
        false => quote! { body: Option<&#ty> },
    });
    Ok(attach)
}

/// The expression that builds the parts of `body` (a `Result` of the form).
fn multipart_form(
    api: &Api,
    op: &Operation,
    ty: &TypeRef,
    scope: &mut Scope<'_>,
) -> Result<TokenStream, Error> {
    let object = match ty {
        TypeRef::Named(name) => match api.schemas.get(name).map(|s| &s.kind) {
            Some(SchemaKind::Object(object)) => object,
            _ => {
                return Err(unsupported(
                    op,
                    format!("a multipart body of type `{name}`"),
                ))
            }
        },
        other => {
            return Err(unsupported(
                op,
                format!("a multipart body of type {other:?}"),
            ))
        }
    };
    let parts = object.fields.iter().map(|field| {
        let ident = field_ident(field);
        let wire = &field.wire_name;
        if let Some(union) = file_union(api, &field.ty) {
            return file_union_part(field, union, scope);
        }
        let (one, if_any) = match file_method(&field.ty) {
            Some(methods) => methods,
            None => return quote! { .field(#wire, &body.#ident) },
        };
        match Wrapper::of(field) {
            Wrapper::Plain => quote! { .#one(#wire, &body.#ident) },
            Wrapper::Tristate => quote! { .#if_any(#wire, body.#ident.as_value()) },
            _ => quote! { .#if_any(#wire, body.#ident.as_ref()) },
        }
    });
    let parts: Vec<TokenStream> = parts.collect();
    let form = scope.item("crate::runtime::Form");
    Ok(quote! { #form::new() #(#parts)* .finish() })
}

/// The `Form` methods for a file (`file`, `file_if_any`) or a list of
/// files (`files`, `files_if_any`), or `None` for another type.
fn file_method(ty: &TypeRef) -> Option<(TokenStream, TokenStream)> {
    let file = TypeRef::Primitive(Primitive::Binary);
    if *ty == file {
        Some((quote! { file }, quote! { file_if_any }))
    } else if *ty == TypeRef::Array(Box::new(file)) {
        Some((quote! { files }, quote! { files_if_any }))
    } else {
        None
    }
}

/// The union of `ty` when a member is a file or a list of files
/// (`oneOf: [binary, array of binary]`, `oneOf: [binary, Reference]`).
fn file_union<'a>(api: &'a Api, ty: &TypeRef) -> Option<(&'a str, &'a OneOfSchema)> {
    let TypeRef::Named(name) = ty else {
        return None;
    };
    let schema = api.schemas.get(name)?;
    match &schema.kind {
        SchemaKind::OneOf(union) if union.variants.iter().any(|v| file_method(&v.ty).is_some()) => {
            Some((&schema.name, union))
        }
        _ => None,
    }
}

/// The parts of a field whose union may hold a file or a list of files:
/// file parts for those, a text part (JSON for an object) for the others.
fn file_union_part(
    field: &Field,
    (name, union): (&str, &OneOfSchema),
    scope: &mut Scope<'_>,
) -> TokenStream {
    let ident = field_ident(field);
    let wire = &field.wire_name;
    let ty = scope.model(name);
    let files: Vec<(TokenStream, syn::Ident)> = union
        .variants
        .iter()
        .filter_map(|variant| {
            let (method, _) = file_method(&variant.ty)?;
            Some((method, format_ident!("{}", variant.variant)))
        })
        .collect();
    let (methods, variants): (Vec<_>, Vec<_>) = files.into_iter().unzip();
    let optional = |value: TokenStream| {
        quote! {
            .with(|form| match #value {
                #( Some(#ty::#variants(value)) => form.#methods(#wire, value), )*
                Some(other) => form.field(#wire, other),
                None => form,
            })
        }
    };
    match Wrapper::of(field) {
        Wrapper::Plain => quote! {
            .with(|form| match &body.#ident {
                #( #ty::#variants(value) => form.#methods(#wire, value), )*
                other => form.field(#wire, other),
            })
        },
        Wrapper::Tristate => optional(quote! { body.#ident.as_value() }),
        _ => optional(quote! { body.#ident.as_ref() }),
    }
}

/// The Rust type of a path argument: text as `&str`, numbers and uuids by
/// value, named types by reference, lists as slices; `{}` (and what has no
/// Rust type as a path value, a tuple) any displayable value.
fn path_argument_type(api: &Api, ty: &TypeRef, scope: &mut Scope<'_>) -> TokenStream {
    match ty {
        TypeRef::Primitive(Primitive::String | Primitive::Uri | Primitive::Email)
        | TypeRef::Unstated => quote! { &str },
        TypeRef::Primitive(_) => rust_type(ty, scope),
        TypeRef::Named(_) | TypeRef::Map(_) => {
            let ty = rust_type(ty, scope);
            quote! { &#ty }
        }
        TypeRef::Array(item) => {
            let item = match (&**item, value_kind(api, item)) {
                (
                    TypeRef::Primitive(Primitive::String | Primitive::Uri | Primitive::Email)
                    | TypeRef::Unstated,
                    _,
                ) => quote! { &str },
                (item, ValueKind::Display) => rust_type(item, scope),
                // Items with no text of their own go as JSON text.
                _ => rust_type(&TypeRef::Any, scope),
            };
            quote! { &[#item] }
        }
        // A path value is never `null`: its type without it.
        TypeRef::Nullable(inner) => path_argument_type(api, inner, scope),
        TypeRef::Any | TypeRef::Tuple(_) => {
            let display = scope.item("std::fmt::Display");
            quote! { &(dyn #display + Sync) }
        }
    }
}

/// The path parameters of `op` with their arguments.
fn path_arguments_of<'a>(
    op: &'a Operation,
    names: &OperationNames,
) -> Vec<(&'a Parameter, syn::Ident)> {
    op.parameters
        .iter()
        .filter(|p| p.location == ParameterLocation::Path)
        .zip(&names.path_arguments)
        .map(|(parameter, name)| (parameter, format_ident!("{}", name)))
        .collect()
}

/// The path template of `op` as the document writes it
/// (`/core/users/{id}/`), and the values that fill its parameters, in
/// order: a plain value by reference, a list, an object or a `label` or
/// `matrix` value as its style writes it.
fn path_template(
    api: &Api,
    op: &Operation,
    names: &OperationNames,
    scope: &mut Scope<'_>,
) -> (String, Vec<TokenStream>) {
    let names = path_arguments_of(op, names);
    let mut template = String::new();
    let mut values = Vec::new();
    for segment in &op.path.segments {
        match segment {
            PathSegment::Literal(text) => template.push_str(text),
            PathSegment::Parameter(name) => {
                // The front end checks that each has its parameter.
                let Some((parameter, ident)) = names.iter().find(|(p, _)| p.name == *name) else {
                    continue;
                };
                template.push('{');
                template.push_str(name);
                template.push('}');
                values.push(path_value(api, parameter, ident, scope));
            }
        }
    }
    (template, values)
}

/// The value of one path parameter, as `Request::path` takes it.
fn path_value(
    api: &Api,
    parameter: &Parameter,
    ident: &syn::Ident,
    scope: &mut Scope<'_>,
) -> TokenStream {
    let style = match parameter.style {
        ParameterStyle::Label => quote! { Label },
        ParameterStyle::Matrix => quote! { Matrix },
        _ => quote! { Simple },
    };
    let name = &parameter.name;
    let explode = parameter.explode;
    let styled = |scope: &mut Scope<'_>| {
        scope.uses.path_styles = true;
        scope.item("crate::runtime::Styled")
    };
    let value = match value_kind(api, &parameter.ty) {
        ValueKind::Array => {
            let styled = styled(scope);
            let path_style = scope.item("crate::runtime::PathStyle");
            return quote! { &#styled::list(#path_style::#style, #name, #explode, #ident) };
        }
        ValueKind::Object => {
            let styled = styled(scope);
            let path_style = scope.item("crate::runtime::PathStyle");
            return quote! { &#styled::object(#path_style::#style, #name, #explode, #ident) };
        }
        // RFC 3339, as every date-time parameter.
        ValueKind::DateTime => quote! { #ident.to_rfc3339() },
        _ if displays(api, &parameter.ty) => quote! { #ident },
        // A union with an object member, bytes: the text of its JSON.
        ValueKind::Display | ValueKind::Other => {
            let scalar_text = scope.item("crate::runtime::scalar_text");
            let styled = styled(scope);
            let path_style = scope.item("crate::runtime::PathStyle");
            return quote! { &#styled::value(#path_style::#style, #name, #scalar_text(#ident)) };
        }
    };
    match parameter.style {
        ParameterStyle::Label | ParameterStyle::Matrix => {
            let styled = styled(scope);
            let path_style = scope.item("crate::runtime::PathStyle");
            quote! { &#styled::value(#path_style::#style, #name, #value) }
        }
        _ => quote! { &#value },
    }
}

/// Whether a path argument of type `ty` (as `path_argument_type` gives it)
/// writes its wire text with `Display`.
fn displays(api: &Api, ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Primitive(Primitive::Binary | Primitive::Base64 | Primitive::DateTime) => false,
        TypeRef::Primitive(_) | TypeRef::Any | TypeRef::Unstated | TypeRef::Tuple(_) => true,
        TypeRef::Nullable(inner) => displays(api, inner),
        TypeRef::Array(_) | TypeRef::Map(_) => false,
        TypeRef::Named(name) => match api.schemas.get(name).map(|s| &s.kind) {
            Some(SchemaKind::Enum(_)) => true,
            Some(SchemaKind::Alias(target)) => displays(api, target),
            Some(SchemaKind::OneOf(one_of)) => one_of
                .variants
                .iter()
                .all(|v| super::unions::shown_as_text(&v.ty)),
            _ => false,
        },
    }
}
