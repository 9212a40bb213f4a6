//! How a user gives the client its credentials: one builder method per
//! security scheme of the API, named after the scheme, and `bearer_token`
//! when the API has exactly one scheme that takes a bearer token. And what
//! each operation asks for: its requirements, as the runtime reads them.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::raw_doc_attrs;
use super::scope::Scope;
use super::source::Piece;
use super::usage::Usage;
use crate::model::{Api, ApiKeyLocation, Operation, Security, SecurityScheme};
use crate::names::Names;

/// The `impl ClientBuilder` (and `impl Client`) with the credential
/// methods, or nothing for an API without security schemes.
pub fn builder_methods(api: &Api, names: &Names, scope: &mut Scope<'_>) -> Vec<Piece> {
    if api.security_schemes.is_empty() {
        return Vec::new();
    }
    let credential = scope.item("crate::runtime::Credential");
    let builder = scope.item("crate::ClientBuilder");
    let mut methods = Vec::new();
    for (scheme, kind) in &api.security_schemes {
        let method = format_ident!("{}", names.scheme_method(scheme));
        let (doc, arguments, value) = match kind {
            SecurityScheme::Http { scheme: http } if kind.is_bearer() => (
                format!("Sends `Authorization: Bearer <token>` for the operations that use the `{scheme}` scheme (`http`, `{http}`)."),
                quote! { token: impl Into<String> },
                quote! { #credential::bearer(token) },
            ),
            SecurityScheme::Http { scheme: http } => (
                format!("Sends `Authorization: {http} <credentials>` for the operations that use the `{scheme}` scheme."),
                quote! { credentials: impl Into<String> },
                quote! { #credential::http(#http, credentials) },
            ),
            SecurityScheme::Basic => (
                format!("Sends `Authorization: Basic` with `username` and `password` for the operations that use the `{scheme}` scheme."),
                quote! { username: impl Into<String>, password: impl Into<String> },
                quote! { #credential::basic(username, password) },
            ),
            SecurityScheme::ApiKey { location, name } => {
                let (place, constructor) = match location {
                    ApiKeyLocation::Header => ("header", quote! { header }),
                    ApiKeyLocation::Query => ("query parameter", quote! { query }),
                    ApiKeyLocation::Cookie => ("cookie", quote! { cookie }),
                };
                (
                    format!("Sends `key` as the {place} `{name}` for the operations that use the `{scheme}` scheme."),
                    quote! { key: impl Into<String> },
                    quote! { #credential::#constructor(#name, key) },
                )
            }
            SecurityScheme::OAuth2 | SecurityScheme::OpenIdConnect { .. } => (
                format!("Sends the access token as `Authorization: Bearer <token>` for the operations that use the `{scheme}` scheme ({}); obtaining the token is up to you.", if *kind == SecurityScheme::OAuth2 { "OAuth 2" } else { "OpenID Connect" }),
                quote! { token: impl Into<String> },
                quote! { #credential::bearer(token) },
            ),
        };
        let doc = raw_doc_attrs(&doc);
        methods.push(quote! {
            #doc
            pub fn #method(self, #arguments) -> #builder {
                self.credential(#scheme, #value)
            }
        });
    }
    let mut pieces = Vec::new();
    let bearer: Vec<&String> = api
        .security_schemes
        .iter()
        .filter(|(_, kind)| kind.is_bearer())
        .map(|(scheme, _)| scheme)
        .collect();
    let mut client_methods = Vec::new();
    if let [scheme] = bearer[..] {
        let doc = raw_doc_attrs(&format!(
            "Sends `Authorization: Bearer <token>` for the operations that use the API's one bearer scheme, `{scheme}`."
        ));
        methods.push(quote! {
            #doc
            pub fn bearer_token(self, token: impl Into<String>) -> #builder {
                self.credential(#scheme, #credential::bearer(token))
            }
        });
        let client = scope.item("crate::Client");
        let doc = raw_doc_attrs(&format!(
            "[`ClientBuilder::bearer_token`] on a client: sends `Authorization: Bearer <token>` for the operations that use `{scheme}`."
        ));
        client_methods.push(quote! {
            #doc
            pub fn with_bearer_token(self, token: impl Into<String>) -> #client {
                self.with_credential(#scheme, #credential::bearer(token))
            }
        });
        pieces.push(Piece::Impl {
            doc: Vec::new(),
            header: format!("impl {client}"),
            items: client_methods,
        });
    }
    let summary = "One method per security scheme of the API, named after it. An operation gets the credentials of its first requirement that the client has them all for.";
    pieces.insert(
        0,
        Piece::Impl {
            doc: vec![
                "# Credentials".to_string(),
                String::new(),
                summary.to_string(),
            ],
            header: format!("impl {builder}"),
            items: methods,
        },
    );
    pieces
}

/// The security requirements of `op` (alternatives, each the schemes it
/// needs together), or `None` when it needs no credentials. Unstated
/// security means any one of the API's schemes.
fn requirement_lists(api: &Api, op: &Operation) -> Option<Vec<Vec<String>>> {
    let requirements: Vec<Vec<String>> = match &op.security {
        Security::Requirements(requirements) => requirements.clone(),
        Security::Unstated => api
            .security_schemes
            .keys()
            .map(|name| vec![name.clone()])
            .collect(),
    };
    (!requirements.iter().all(Vec::is_empty)).then_some(requirements)
}

/// The `const` name of a set of requirements, from its schemes:
/// `AUTHENTIK`, `AUTHENTIK_OR_NONE`, `KEY_AND_SESSION`.
fn const_name(requirements: &[Vec<String>]) -> String {
    requirements
        .iter()
        .map(|names| match names.as_slice() {
            [] => "NONE".to_string(),
            names => names
                .iter()
                .map(|name| heck::ToShoutySnakeCase::to_shouty_snake_case(name.as_str()))
                .collect::<Vec<_>>()
                .join("_AND_"),
        })
        .collect::<Vec<_>>()
        .join("_OR_")
}

/// `.security(AUTHENTIK)` for an operation that needs credentials, or
/// nothing; the constant is one of [`requirement_consts`].
pub fn requirements(api: &Api, op: &Operation, scope: &mut Scope<'_>) -> Option<TokenStream> {
    let name = const_name(&requirement_lists(api, op)?);
    let name = scope.item(&format!("super::{name}"));
    Some(quote! { .security(#name) })
}

/// The requirement sets the operations use, one `const` each in the
/// `operations` module, compiled with the features of the tag modules
/// whose operations use it (when `gated`).
pub fn requirement_consts(
    api: &Api,
    usage: &Usage,
    gated: bool,
    scope: &mut Scope<'_>,
) -> TokenStream {
    let mut users: BTreeMap<Vec<Vec<String>>, BTreeSet<String>> = BTreeMap::new();
    for op in &api.operations {
        if let Some(requirements) = requirement_lists(api, op) {
            users
                .entry(requirements)
                .or_default()
                .insert(usage.operation_module(&op.id).to_string());
        }
    }
    let mut items = TokenStream::new();
    if users.is_empty() {
        return items;
    }
    let requirements_type = scope.item("crate::runtime::Requirements");
    for (requirements, modules) in &users {
        let name = format_ident!("{}", const_name(requirements));
        let cfg = gated.then(|| super::features::cfg_tokens(modules));
        let alternatives = requirements.iter().map(|names| quote! { &[#(#names),*] });
        items.extend(quote! {
            #cfg
            const #name: #requirements_type = &[#(#alternatives),*];
        });
    }
    items
}
