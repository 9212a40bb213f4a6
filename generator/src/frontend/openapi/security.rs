//! Security schemes (`components/securitySchemes`) as credentials the
//! client can hold, and `security` requirement lists.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::document::{child, kind, object, string, Document};
use crate::diagnostic::{Error, Warning};
use crate::model::{ApiKeyLocation, Security, SecurityScheme};

/// The security schemes the client can hold credentials for, and the
/// names of those it cannot (each with a warning).
pub(super) fn security_schemes(
    doc: &Document<'_>,
    warnings: &mut Vec<Warning>,
) -> Result<(BTreeMap<String, SecurityScheme>, BTreeSet<String>), Error> {
    let mut schemes = BTreeMap::new();
    let mut unsupported = BTreeSet::new();
    let pointer = "/components/securitySchemes";
    let Some(value) = doc.root.pointer(pointer) else {
        return Ok((schemes, unsupported));
    };
    for (name, scheme) in object(doc, value, pointer, "the security schemes")? {
        let scheme_pointer = child(pointer, name);
        let (scheme, scheme_pointer) = doc.resolve(scheme, &scheme_pointer)?;
        let map = object(doc, scheme, &scheme_pointer, "a security scheme")?;
        let field = |key: &str| string(doc, map, key, &scheme_pointer);
        let scheme = match field("type")? {
            Some("http") => match field("scheme")? {
                Some(http) if http.eq_ignore_ascii_case("basic") => SecurityScheme::Basic,
                Some(http) => SecurityScheme::Http {
                    scheme: http.to_string(),
                },
                None => return Err(doc.error(
                    &scheme_pointer,
                    "expected the `scheme` of an `http` security scheme (`bearer`, `basic`, ...)",
                )),
            },
            Some("apiKey") => {
                let location = match field("in")? {
                    Some("header") => ApiKeyLocation::Header,
                    Some("query") => ApiKeyLocation::Query,
                    Some("cookie") => ApiKeyLocation::Cookie,
                    other => {
                        return Err(doc.error(
                            &child(&scheme_pointer, "in"),
                            format!("expected `header`, `query` or `cookie`, found {other:?}"),
                        ))
                    }
                };
                let Some(key_name) = field("name")? else {
                    return Err(doc.error(
                        &scheme_pointer,
                        "expected the `name` of the header, query parameter or cookie that carries the key",
                    ));
                };
                SecurityScheme::ApiKey {
                    location,
                    name: key_name.to_string(),
                }
            }
            Some("oauth2") => SecurityScheme::OAuth2,
            Some("openIdConnect") => SecurityScheme::OpenIdConnect {
                url: field("openIdConnectUrl")?.unwrap_or_default().to_string(),
            },
            Some("mutualTLS") => {
                warnings.push(doc.warning(&scheme_pointer, format!("security scheme `{name}` is mutual TLS, which is set up on the HTTP client (a `reqwest::Client` with its identity, given to `ClientBuilder::http_client`); operations that need only it get no credentials from this client")));
                unsupported.insert(name.clone());
                continue;
            }
            Some(other) => {
                warnings.push(doc.warning(&child(&scheme_pointer, "type"), format!("security scheme `{name}` has the unknown type `{other}`; operations that need only it get no credentials from the client")));
                unsupported.insert(name.clone());
                continue;
            }
            None => {
                return Err(doc.error(
                    &scheme_pointer,
                    "expected the `type` of a security scheme (`http`, `apiKey`, `oauth2`, `openIdConnect` or `mutualTLS`)",
                ))
            }
        };
        schemes.insert(name.clone(), scheme);
    }
    Ok((schemes, unsupported))
}

/// A `security` list: requirements any one of which suffices, each the
/// schemes it needs together. An empty requirement (`{}`) means the
/// operation also works without credentials.
pub(super) fn security(
    doc: &Document<'_>,
    value: &Value,
    pointer: &str,
) -> Result<Security, Error> {
    let Some(requirements) = value.as_array() else {
        return Err(doc.error(
            pointer,
            format!(
                "expected a list of security requirements, found {}",
                kind(value)
            ),
        ));
    };
    let mut alternatives = Vec::new();
    for (index, requirement) in requirements.iter().enumerate() {
        let names: Vec<String> = object(
            doc,
            requirement,
            &child(pointer, &index.to_string()),
            "a security requirement",
        )?
        .keys()
        .cloned()
        .collect();
        if !alternatives.contains(&names) {
            alternatives.push(names);
        }
    }
    Ok(Security::Requirements(alternatives))
}
