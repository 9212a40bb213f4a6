//! How a user gives the client its credentials: one builder method per
//! security scheme of the API, named after the scheme, and `bearer_token`
//! when the API has exactly one scheme that takes a bearer token. And what
//! each operation asks for: its requirements, as the runtime reads them.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::raw_doc_attrs;
use super::scope::Scope;
use super::source::{string_literal, MacroCall, Piece};
use super::usage::Usage;
use crate::model::{Api, ApiKeyLocation, Operation, Security, SecurityScheme};
use crate::names::Names;

/// The credential methods, one per security scheme of the API (and
/// `bearer_token` for an API with one bearer scheme): a `credentials!`
/// invocation, which gives them to `ClientBuilder` and, for one call, to
/// `Call`; and `Client::with_bearer_token`. Nothing for an API without
/// security schemes.
pub fn builder_methods(api: &Api, names: &Names, scope: &mut Scope<'_>) -> Vec<Piece> {
    if api.security_schemes.is_empty() {
        return Vec::new();
    }
    let credential = scope.item("crate::runtime::Credential");
    let mut entries = Vec::new();
    let mut method = |doc: String, signature: String, scheme: &str, value: String| {
        entries.push(format!("/// {doc}"));
        entries.push(format!(
            "{signature} = {} => {value};",
            string_literal(scheme)
        ));
    };
    for (scheme, kind) in &api.security_schemes {
        let name = names.scheme_method(scheme);
        match kind {
            SecurityScheme::Http { scheme: http } if kind.is_bearer() => method(
                format!("Sends `Authorization: Bearer <token>` for the operations that use the `{scheme}` scheme (`http`, `{http}`)."),
                format!("{name}(token: impl Into<String>)"),
                scheme,
                format!("{credential}::bearer(token)"),
            ),
            SecurityScheme::Http { scheme: http } => method(
                format!("Sends `Authorization: {http} <credentials>` for the operations that use the `{scheme}` scheme."),
                format!("{name}(credentials: impl Into<String>)"),
                scheme,
                format!("{credential}::http({}, credentials)", string_literal(http)),
            ),
            SecurityScheme::Basic => method(
                format!("Sends `Authorization: Basic` with `username` and `password` for the operations that use the `{scheme}` scheme."),
                format!("{name}(username: impl Into<String>, password: impl Into<String>)"),
                scheme,
                format!("{credential}::basic(username, password)"),
            ),
            SecurityScheme::ApiKey { location, name: key_name } => {
                let (place, constructor) = match location {
                    ApiKeyLocation::Header => ("header", "header"),
                    ApiKeyLocation::Query => ("query parameter", "query"),
                    ApiKeyLocation::Cookie => ("cookie", "cookie"),
                };
                method(
                    format!("Sends `key` as the {place} `{key_name}` for the operations that use the `{scheme}` scheme."),
                    format!("{name}(key: impl Into<String>)"),
                    scheme,
                    format!("{credential}::{constructor}({}, key)", string_literal(key_name)),
                )
            }
            SecurityScheme::OAuth2 | SecurityScheme::OpenIdConnect { .. } => method(
                format!("Sends the access token as `Authorization: Bearer <token>` for the operations that use the `{scheme}` scheme ({}); obtaining the token is up to you.", if *kind == SecurityScheme::OAuth2 { "OAuth 2" } else { "OpenID Connect" }),
                format!("{name}(token: impl Into<String>)"),
                scheme,
                format!("{credential}::bearer(token)"),
            ),
        }
    }
    let mut pieces = Vec::new();
    if let Some(scheme) = bearer_scheme(api) {
        method(
            format!("Sends `Authorization: Bearer <token>` for the operations that use the API's one bearer scheme, `{scheme}`."),
            "bearer_token(token: impl Into<String>)".to_string(),
            scheme,
            format!("{credential}::bearer(token)"),
        );
        let client = scope.item("crate::Client");
        let doc = raw_doc_attrs(&format!(
            "[`ClientBuilder::bearer_token`](crate::ClientBuilder::bearer_token) on a client: sends `Authorization: Bearer <token>` for the operations that use `{scheme}`."
        ));
        pieces.push(Piece::Impl {
            doc: Vec::new(),
            header: format!("impl {client}"),
            items: vec![quote! {
                #doc
                pub fn with_bearer_token(self, token: impl Into<String>) -> #client {
                    self.with_credential(#scheme, #credential::bearer(token))
                }
            }],
        });
    }
    scope.item("crate::runtime::credentials");
    pieces.insert(
        0,
        Piece::Text(
            MacroCall {
                attributes: Vec::new(),
                name: "credentials",
                head: "schemes".to_string(),
                entries,
                tail: Vec::new(),
            }
            .render(),
        ),
    );
    pieces
}

/// The API's one scheme that takes a bearer token, for which the client
/// has `bearer_token` too; `None` when it has none or several.
pub fn bearer_scheme(api: &Api) -> Option<&str> {
    let mut bearer = api
        .security_schemes
        .iter()
        .filter(|(_, kind)| kind.is_bearer())
        .map(|(scheme, _)| scheme.as_str());
    match (bearer.next(), bearer.next()) {
        (Some(scheme), None) => Some(scheme),
        _ => None,
    }
}

/// How a credential of `kind` is given and sent, for the crate doc: the
/// arguments of its builder method in an example, and what the client
/// sends.
pub fn usage(kind: &SecurityScheme) -> (&'static str, String) {
    match kind {
        SecurityScheme::Http { .. } if kind.is_bearer() => {
            ("\"token\"", "`Authorization: Bearer <token>`".to_string())
        }
        SecurityScheme::Http { scheme } => (
            "\"credentials\"",
            format!("`Authorization: {scheme} <credentials>`"),
        ),
        SecurityScheme::Basic => (
            "\"user\", \"password\"",
            "`Authorization: Basic <base64 of user:password>`".to_string(),
        ),
        SecurityScheme::ApiKey { location, name } => (
            "\"key\"",
            match location {
                ApiKeyLocation::Header => format!("the header `{name}`"),
                ApiKeyLocation::Query => format!("the query parameter `{name}`"),
                ApiKeyLocation::Cookie => format!("the cookie `{name}`"),
            },
        ),
        SecurityScheme::OAuth2 | SecurityScheme::OpenIdConnect { .. } => (
            "\"access token\"",
            "`Authorization: Bearer <token>` (obtaining the token is up to you)".to_string(),
        ),
    }
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
