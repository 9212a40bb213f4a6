//! The `operations` modules, one per tag: one thin method on `Client` per
//! operation, which describes the request and returns the runtime's future
//! that sends it. Building the request at the call (instead of an `async fn`
//! per operation) spares the compiler a state machine per operation, and the
//! future borrows only the client, not the arguments.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{doc_attrs, doc_text};
use super::types::{TypeEmitter, Uses};
use super::usage::Usage;
use crate::diagnostic::Error;
use crate::frontend::openapi::is_json;
use crate::model::{
    Api, Operation, Parameter, ParameterLocation, PathSegment, Primitive, RequestBody, SchemaKind,
    Security, Status, TypeRef,
};

/// The methods of the operations of one tag module, in one `impl Client`.
pub fn module_items(
    api: &Api,
    usage: &Usage,
    params_structs: &BTreeMap<String, String>,
    module: &str,
    uses: &mut Uses,
) -> Result<TokenStream, Error> {
    let methods = api
        .operations
        .iter()
        .filter(|op| usage.operation_module(&op.id) == module)
        .map(|op| operation(api, op, params_structs.get(&op.id), uses))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(quote! {
        impl super::super::runtime::Client {
            #(#methods)*
        }
    })
}

fn unsupported(op: &Operation, what: impl std::fmt::Display) -> Error {
    Error::Emit {
        what: format!("operation `{}`", op.id),
        message: format!("{what} is not supported by the emitter yet"),
    }
}

fn operation(
    api: &Api,
    op: &Operation,
    params_struct: Option<&String>,
    uses: &mut Uses,
) -> Result<TokenStream, Error> {
    let models = quote! { super::super::models:: };
    let types = TypeEmitter { models: &models };
    let name = format_ident!("{}", crate::ident::to_snake(&op.id));
    let id = &op.id;
    let mut arguments = Vec::new();
    let mut path_arguments = Vec::new();
    for parameter in op
        .parameters
        .iter()
        .filter(|p| p.location == ParameterLocation::Path)
    {
        let ident = format_ident!("{}", crate::ident::to_snake(&parameter.name));
        let ty = path_argument_type(op, parameter, &types, &TokenStream::new(), uses)?;
        arguments.push(quote! { #ident: #ty });
        // In a stream method, the references live as long as the stream.
        let stream_ty = path_argument_type(op, parameter, &types, &quote! { 'a }, uses)?;
        path_arguments.push((ident, stream_ty));
    }
    let path = path_expression(op);

    let method_ident = format_ident!("{}", op.method.as_str());
    let mut request =
        quote! { super::super::runtime::Request::new(#id, reqwest::Method::#method_ident, path) };
    let authenticated = match &op.security {
        Security::Schemes(schemes) => !schemes.is_empty(),
        Security::Unstated => true,
    };
    if authenticated {
        request = quote! { #request.authenticated() };
    }
    let errors = super::errors::error_table(op)?;
    if !errors.is_empty() {
        let table = super::errors::table_name(&errors);
        request = quote! { #request.errors(super::#table) };
    }

    let success = op
        .responses
        .iter()
        .find(|r| r.status.is_success() && r.body.is_some());
    let (output, send) = match success.and_then(|r| Some((r.status, r.body.as_ref()?))) {
        // A binary body is the response's bytes, whatever its media type says.
        Some((_, body)) if body.ty == TypeRef::Primitive(Primitive::Binary) => {
            (quote! { Vec<u8> }, quote! { send_bytes })
        }
        // HTTP clients drop the body of a 204 (it has none by definition), so
        // a documented one may be missing: `None`.
        Some((Status::Code(204), body)) if is_json(&body.content_type) => {
            let ty = types.ty(&body.ty, uses);
            (quote! { Option<#ty> }, quote! { send_json_if_any })
        }
        Some((_, body)) if is_json(&body.content_type) => {
            (types.ty(&body.ty, uses), quote! { send_json })
        }
        Some((_, body)) => {
            let media = &body.content_type;
            request = quote! { #request.accept(#media) };
            if is_text(media) {
                (quote! { String }, quote! { send_text })
            } else {
                (quote! { Vec<u8> }, quote! { send_bytes })
            }
        }
        None => (quote! { () }, quote! { send_empty }),
    };

    let mut statements = Vec::new();
    if let Some(struct_name) = params_struct {
        let ident = format_ident!("{}", struct_name);
        arguments.push(quote! { params: &super::super::models::#ident });
        for (parameter, field) in super::params::fields(op) {
            statements.push(parameter_statement(parameter, &field));
        }
    }
    if let Some(body) = &op.body {
        statements.push(body_statement(api, op, body, &types, &mut arguments, uses)?);
    }
    let mutable = params_struct.map(|_| quote! { mut });
    let signature = format!(" `{} {}`", op.method.as_str(), op.path);
    let doc = doc_attrs(&doc_text([op.description.as_deref()]));
    let doc_separator =
        (!op.description.as_deref().unwrap_or_default().is_empty()).then(|| quote! { #[doc = ""] });
    let deprecated = op.deprecated.then(|| quote! { #[deprecated] });
    let stream = match (super::pagination::paged_item(api, op), params_struct) {
        (Some(item), Some(params_struct)) => {
            let item = types.ty(item, uses);
            let params_struct = format_ident!("{}", params_struct);
            let method =
                super::pagination::stream_method(op, &item, &params_struct, &path_arguments);
            // The stream of a deprecated list is deprecated and calls it.
            let allow = op.deprecated.then(|| quote! { #[allow(deprecated)] });
            Some(quote! { #deprecated #allow #method })
        }
        _ => None,
    };
    Ok(quote! {
        #doc
        #doc_separator
        #[doc = #signature]
        #deprecated
        pub fn #name(&self, #(#arguments),*) -> impl std::future::Future<Output = Result<#output, super::super::runtime::Error>> + '_ {
            #path
            let #mutable request = #request;
            #(#statements)*
            self.#send(request)
        }
        #stream
    })
}

/// Text media types come back as `String`, others as bytes.
fn is_text(media: &str) -> bool {
    let essence = media.split(';').next().unwrap_or(media).trim();
    essence.starts_with("text/")
        || essence.ends_with("xml")
        || essence.ends_with("yaml")
        || essence == "application/vnd.oai.openapi"
}

/// The statement that puts one query or header parameter on the request.
fn parameter_statement(parameter: &Parameter, field: &str) -> TokenStream {
    let field = format_ident!("{}", field);
    let name = &parameter.name;
    let add = match parameter.location {
        ParameterLocation::Header => quote! { header },
        _ => quote! { query },
    };
    // RFC 3339 for date-times; everything else by its `Display` (enums write
    // their wire value).
    let value = |value: TokenStream, ty: &TypeRef| match ty {
        TypeRef::Primitive(Primitive::DateTime) => quote! { #value.to_rfc3339() },
        _ => value,
    };
    match (&parameter.ty, parameter.required) {
        (TypeRef::Array(item), required) => {
            let values = if required {
                quote! { Some(&params.#field) }
            } else {
                quote! { params.#field.as_ref() }
            };
            if parameter.explode {
                let each = value(quote! { value }, item);
                quote! {
                    for value in #values.into_iter().flatten() {
                        request.#add(#name, #each);
                    }
                }
            } else {
                quote! {
                    if let Some(values) = #values {
                        request.query_joined(#name, values);
                    }
                }
            }
        }
        (ty, true) => {
            let each = value(quote! { &params.#field }, ty);
            quote! { request.#add(#name, #each); }
        }
        (ty, false) => {
            let each = value(quote! { value }, ty);
            quote! {
                if let Some(value) = &params.#field {
                    request.#add(#name, #each);
                }
            }
        }
    }
}

fn body_statement(
    api: &Api,
    op: &Operation,
    body: &RequestBody,
    types: &TypeEmitter<'_>,
    arguments: &mut Vec<TokenStream>,
    uses: &mut Uses,
) -> Result<TokenStream, Error> {
    let ty = types.ty(&body.ty, uses);
    let attach = if is_json(&body.content_type) {
        quote! { request.json(body) }
    } else if body.content_type == "multipart/form-data" {
        let form = multipart_form(api, op, &body.ty)?;
        quote! {{
            #form
            request.multipart(form)
        }}
    } else {
        return Err(unsupported(
            op,
            format!("request body of media type `{}`", body.content_type),
        ));
    };
    Ok(if body.required {
        arguments.push(quote! { body: &#ty });
        quote! { let request = #attach; }
    } else {
        arguments.push(quote! { body: Option<&#ty> });
        quote! {
            let request = match body {
                Some(body) => #attach,
                None => request,
            };
        }
    })
}

/// The statements that build `form` from the fields of `body`.
fn multipart_form(api: &Api, op: &Operation, ty: &TypeRef) -> Result<TokenStream, Error> {
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
    let id = &op.id;
    let parts = object.fields.iter().map(|field| {
        let ident = super::models::field_ident(field);
        let wire = &field.wire_name;
        let is_file = field.ty == TypeRef::Primitive(Primitive::Binary);
        let wrapped = super::types::Wrapper::of(field) != super::types::Wrapper::Plain;
        match (is_file, wrapped) {
            (true, false) => quote! { form.file(#wire, &body.#ident); },
            (true, true) => quote! {
                if let Some(bytes) = body.#ident.as_ref() {
                    form.file(#wire, bytes);
                }
            },
            (false, _) => quote! { form.field(#wire, &body.#ident); },
        }
    });
    Ok(quote! {
        let mut form = super::super::runtime::Form::new(#id);
        #(#parts)*
    })
}

/// The Rust type of a path argument: text as `&str`, numbers and uuids by
/// value, named types by reference.
/// `lifetime` is that of the references (empty: elided).
fn path_argument_type(
    op: &Operation,
    parameter: &Parameter,
    types: &TypeEmitter<'_>,
    lifetime: &TokenStream,
    uses: &mut Uses,
) -> Result<TokenStream, Error> {
    Ok(match &parameter.ty {
        TypeRef::Primitive(Primitive::String | Primitive::Uri | Primitive::Email)
        | TypeRef::Unstated => quote! { &#lifetime str },
        TypeRef::Primitive(_) => types.ty(&parameter.ty, uses),
        TypeRef::Named(_) => {
            let ty = types.ty(&parameter.ty, uses);
            quote! { &#lifetime #ty }
        }
        other => {
            return Err(unsupported(
                op,
                format!("path parameter `{}` of type {other:?}", parameter.name),
            ))
        }
    })
}

/// The statement that builds `path` from the template, encoding each argument.
fn path_expression(op: &Operation) -> TokenStream {
    let mut template = String::new();
    let mut arguments = Vec::new();
    for segment in &op.path.segments {
        match segment {
            PathSegment::Literal(text) => {
                template.push_str(&text.replace('{', "{{").replace('}', "}}"))
            }
            PathSegment::Parameter(name) => {
                template.push_str("{}");
                let ident = format_ident!("{}", crate::ident::to_snake(name));
                arguments.push(quote! { super::super::runtime::segment(#ident) });
            }
        }
    }
    if arguments.is_empty() {
        quote! { let path = String::from(#template); }
    } else {
        quote! { let path = format!(#template, #(#arguments),*); }
    }
}
