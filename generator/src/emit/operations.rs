//! The `operations` module: one thin async method on `Client` per operation,
//! which describes the request and hands it to the runtime.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{doc_attrs, doc_text};
use super::types::{TypeEmitter, Uses};
use crate::diagnostic::Error;
use crate::model::{
    Api, Operation, Parameter, ParameterLocation, PathSegment, Primitive, Security, TypeRef,
};

pub fn operations(api: &Api, uses: &mut Uses) -> Result<TokenStream, Error> {
    let methods = api
        .operations
        .iter()
        .map(|op| operation(op, uses))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(quote! {
        impl super::runtime::Client {
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

fn operation(op: &Operation, uses: &mut Uses) -> Result<TokenStream, Error> {
    let models = quote! { super::models:: };
    let types = TypeEmitter { models: &models };
    let name = format_ident!("{}", crate::ident::to_snake(&op.id));
    let id = &op.id;
    let mut arguments = Vec::new();
    for parameter in &op.parameters {
        if parameter.location != ParameterLocation::Path {
            return Err(unsupported(
                op,
                format!("{:?} parameter `{}`", parameter.location, parameter.name),
            ));
        }
        let ident = format_ident!("{}", crate::ident::to_snake(&parameter.name));
        let ty = path_argument_type(op, parameter, &types, uses)?;
        arguments.push(quote! { #ident: #ty });
    }
    let path = path_expression(op);

    let method_ident = format_ident!("{}", op.method.as_str());
    let mut request =
        quote! { super::runtime::Request::new(#id, reqwest::Method::#method_ident, path) };
    let authenticated = match &op.security {
        Security::Schemes(schemes) => !schemes.is_empty(),
        Security::Unstated => true,
    };
    if authenticated {
        request = quote! { #request.authenticated() };
    }
    let errors = error_decoders(op)?;
    if !errors.is_empty() {
        request = quote! {
            #request.errors({
                const ERRORS: &[(u16, super::runtime::ErrorDecoder)] = &[#(#errors),*];
                ERRORS
            })
        };
    }

    let body_statement = match &op.body {
        None => quote! {},
        Some(body) => {
            if body.content_type != "application/json" {
                return Err(unsupported(
                    op,
                    format!("request body of media type `{}`", body.content_type),
                ));
            }
            let ty = types.ty(&body.ty, uses);
            if body.required {
                arguments.push(quote! { body: &#ty });
                quote! { let request = request.json(body)?; }
            } else {
                arguments.push(quote! { body: Option<&#ty> });
                quote! {
                    let request = match body {
                        Some(body) => request.json(body)?,
                        None => request,
                    };
                }
            }
        }
    };

    let success = op
        .responses
        .iter()
        .find(|r| r.status.is_success() && r.body.is_some())
        .and_then(|r| r.body.as_ref());
    let (output, send) = match success {
        Some(body) if body.content_type == "application/json" => {
            (types.ty(&body.ty, uses), quote! { send_json })
        }
        Some(body) => {
            return Err(unsupported(
                op,
                format!("response of media type `{}`", body.content_type),
            ))
        }
        None => (quote! { () }, quote! { send_empty }),
    };
    let signature = format!(" `{} {}`", op.method.as_str(), op.path);
    let doc = doc_attrs(&doc_text([op.description.as_deref()]));
    let doc_separator =
        (!op.description.as_deref().unwrap_or_default().is_empty()).then(|| quote! { #[doc = ""] });
    Ok(quote! {
        #doc
        #doc_separator
        #[doc = #signature]
        pub async fn #name(&self, #(#arguments),*) -> Result<#output, super::runtime::Error> {
            #path
            let request = #request;
            #body_statement
            self.#send(request).await
        }
    })
}

/// The Rust type of a path argument: text as `&str`, numbers and uuids by value.
fn path_argument_type(
    op: &Operation,
    parameter: &Parameter,
    types: &TypeEmitter<'_>,
    uses: &mut Uses,
) -> Result<TokenStream, Error> {
    Ok(match &parameter.ty {
        TypeRef::Primitive(Primitive::String | Primitive::Uri | Primitive::Email)
        | TypeRef::Unstated => quote! { &str },
        TypeRef::Primitive(_) => types.ty(&parameter.ty, uses),
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
                arguments.push(quote! { super::runtime::segment(#ident) });
            }
        }
    }
    if arguments.is_empty() {
        quote! { let path = String::from(#template); }
    } else {
        quote! { let path = format!(#template, #(#arguments),*); }
    }
}

fn error_decoders(op: &Operation) -> Result<Vec<TokenStream>, Error> {
    let mut decoders = Vec::new();
    for response in op.responses.iter().filter(|r| !r.status.is_success()) {
        let code = match response.status {
            crate::model::Status::Code(code) => code,
            other => {
                return Err(unsupported(
                    op,
                    format!("error response for status {other:?}"),
                ))
            }
        };
        let ty = match response.body.as_ref().map(|b| &b.ty) {
            Some(TypeRef::Named(name)) => {
                let ident = format_ident!("{}", name);
                quote! { super::models::#ident }
            }
            _ => quote! { serde_json::Value },
        };
        let code = proc_macro2::Literal::u16_unsuffixed(code);
        decoders.push(quote! { (#code, super::runtime::error_body::<#ty>) });
    }
    Ok(decoders)
}
