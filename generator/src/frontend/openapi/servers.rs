//! Where the API is served: the first entry of `servers`, its variables
//! set to their defaults. An absolute URL is the crate's default base URL;
//! a relative one is the path of the API root on whatever host the user
//! names.

use serde_json::{Map, Value};

use super::document::{child, object, string, Document};
use crate::diagnostic::{Error, Warning};

/// The first server, read.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Server {
    /// The absolute URL (`https://api.openai.com/v1`), without a trailing `/`.
    pub url: Option<String>,
    /// The path of a relative URL (`/api/v3`), without a trailing `/`.
    pub base_path: Option<String>,
}

/// The first server of the document, if it names one.
pub fn first(
    doc: &Document<'_>,
    root: &Map<String, Value>,
    warnings: &mut Vec<Warning>,
) -> Result<Server, Error> {
    let Some(first) = root
        .get("servers")
        .and_then(Value::as_array)
        .and_then(|s| s.first())
    else {
        return Ok(Server::default());
    };
    let pointer = "/servers/0";
    let server = object(doc, first, pointer, "a server")?;
    let Some(template) = string(doc, server, "url", pointer)? else {
        return Err(doc.error(pointer, "expected the server's `url`"));
    };
    let url = match filled(doc, server, template, pointer)? {
        Ok(url) => url,
        Err(variable) => {
            warnings.push(doc.warning(
                &child(&child(pointer, "variables"), &variable),
                format!("the server URL's variable `{variable}` has no default; the crate has no default base URL"),
            ));
            return Ok(Server::default());
        }
    };
    let url = url.trim_end_matches('/');
    if url.contains("://") {
        return Ok(Server {
            url: Some(url.to_string()),
            base_path: None,
        });
    }
    // `v1`, `./v1` and `/v1` are all the path `/v1` on the user's host.
    let path = url.trim_start_matches('.').trim_start_matches('/');
    Ok(Server {
        url: None,
        base_path: (!path.is_empty()).then(|| format!("/{path}")),
    })
}

/// `template` with each `{variable}` replaced by its default, or the name
/// of the first variable that has none.
fn filled(
    doc: &Document<'_>,
    server: &Map<String, Value>,
    template: &str,
    pointer: &str,
) -> Result<Result<String, String>, Error> {
    let variables = match server.get("variables") {
        Some(value) => Some(object(
            doc,
            value,
            &child(pointer, "variables"),
            "the server's variables",
        )?),
        None => None,
    };
    let mut url = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        let variable_pointer = child(&child(pointer, "variables"), name);
        let default = match variables.and_then(|v| v.get(name)) {
            Some(value) => {
                let variable = object(doc, value, &variable_pointer, "a server variable")?;
                string(doc, variable, "default", &variable_pointer)?
            }
            None => None,
        };
        let Some(default) = default else {
            return Ok(Err(name.to_string()));
        };
        url.push_str(&rest[..open]);
        url.push_str(default);
        rest = &rest[open + close + 1..];
    }
    url.push_str(rest);
    Ok(Ok(url))
}
