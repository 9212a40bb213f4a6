//! What an operation sends: its path, query, headers and body, and the
//! error statuses it documents. Operations build one and hand it to the
//! client.

use std::borrow::Cow;
use std::fmt;

use reqwest::header::{HeaderMap, HeaderValue, CONTENT_TYPE};
use reqwest::Method;
use serde::Serialize;

use super::credentials::Requirements;
use super::{Error, ErrorDecoder};

/// What an operation sends, and which error statuses it documents.
pub(crate) struct Request {
    pub(super) operation: &'static str,
    pub(super) method: Method,
    /// The path as the document writes it (`/core/users/{id}/`).
    pub(super) template: &'static str,
    /// The path with its parameters filled in, percent-encoded.
    pub(super) path: String,
    pub(crate) query: Vec<(Cow<'static, str>, String)>,
    pub(crate) headers: Vec<(&'static str, String)>,
    /// Cookie parameters as `name=value`.
    pub(crate) cookies: Vec<String>,
    pub(super) accept: &'static str,
    pub(super) body: Option<Body>,
    /// The security requirements; the client adds the credentials of one.
    pub(super) security: Requirements,
    pub(super) errors: &'static [(u16, ErrorDecoder)],
    /// The redirect statuses the operation documents: answers, not followed.
    pub(super) redirects: &'static [u16],
    /// A body that could not be encoded: returned instead of sending.
    pub(super) error: Option<Error>,
}

/// The query and header parameters of one operation, put on its request
/// (implemented by the `params!` macro).
pub(crate) trait Params {
    fn apply(&self, request: &mut Request);
}

/// One part of a `multipart/form-data` body.
#[derive(Clone, Debug)]
#[allow(dead_code)] // an API may have no multipart bodies
pub(crate) enum Part {
    Text {
        name: &'static str,
        text: String,
    },
    /// An object, as `application/json` (OpenAPI's default for one).
    Json {
        name: &'static str,
        text: String,
    },
    File {
        name: &'static str,
        bytes: Vec<u8>,
    },
}

/// The `reqwest` form of `parts`, for one attempt.
pub(crate) fn multipart_form(parts: &[Part]) -> reqwest::multipart::Form {
    parts
        .iter()
        .fold(reqwest::multipart::Form::new(), |form, part| match part {
            Part::Text { name, text } => form.text(*name, text.clone()),
            Part::Json { name, text } => {
                let mut headers = HeaderMap::new();
                headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                form.part(
                    *name,
                    reqwest::multipart::Part::text(text.clone()).headers(headers),
                )
            }
            Part::File { name, bytes } => {
                let mut headers = HeaderMap::new();
                headers.insert(
                    CONTENT_TYPE,
                    HeaderValue::from_static("application/octet-stream"),
                );
                let part = reqwest::multipart::Part::bytes(bytes.clone())
                    .file_name(*name)
                    .headers(headers);
                form.part(*name, part)
            }
        })
}

/// A request body, encoded.
#[derive(Clone)]
pub(super) enum Body {
    Bytes {
        content_type: &'static str,
        bytes: Vec<u8>,
    },
    /// The parts, kept so that each attempt can send them again.
    Multipart(Vec<Part>),
}

// Not every API uses every way of attaching a parameter or a body, nor
// does every set of enabled tags: the helpers below may go unused.
#[allow(dead_code)]
impl Request {
    pub(crate) fn new(operation: &'static str, method: Method, template: &'static str) -> Request {
        Request {
            operation,
            method,
            template,
            path: template.to_string(),
            query: Vec::new(),
            headers: Vec::new(),
            cookies: Vec::new(),
            accept: "application/json",
            body: None,
            security: &[],
            errors: &[],
            redirects: &[],
            error: None,
        }
    }

    /// A `GET` of the path `template` (relative to the client's base URL)
    /// for `operation`; [`Request::path`] fills in its parameters.
    pub(crate) fn get(operation: &'static str, template: &'static str) -> Request {
        Request::new(operation, Method::GET, template)
    }

    pub(crate) fn post(operation: &'static str, template: &'static str) -> Request {
        Request::new(operation, Method::POST, template)
    }

    pub(crate) fn put(operation: &'static str, template: &'static str) -> Request {
        Request::new(operation, Method::PUT, template)
    }

    pub(crate) fn patch(operation: &'static str, template: &'static str) -> Request {
        Request::new(operation, Method::PATCH, template)
    }

    pub(crate) fn delete(operation: &'static str, template: &'static str) -> Request {
        Request::new(operation, Method::DELETE, template)
    }

    pub(crate) fn head(operation: &'static str, template: &'static str) -> Request {
        Request::new(operation, Method::HEAD, template)
    }

    pub(crate) fn options(operation: &'static str, template: &'static str) -> Request {
        Request::new(operation, Method::OPTIONS, template)
    }

    /// The path with each `{name}` of the template replaced by the next of
    /// `values`: a plain value percent-encoded as one segment, a styled one
    /// (`path_style.rs`) as its style writes it.
    pub(crate) fn path(mut self, values: &[&dyn PathValue]) -> Request {
        let mut path = String::with_capacity(self.template.len() + 16);
        let mut rest = self.template;
        let mut values = values.iter();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            path.push_str(&rest[..open]);
            if let Some(value) = values.next() {
                value.write(&mut path);
            }
            rest = &rest[open + close + 1..];
        }
        path.push_str(rest);
        self.path = path;
        self
    }

    /// The page its query asks for (`page=2`), if any.
    pub(crate) fn page(&self) -> Option<i64> {
        self.query
            .iter()
            .find(|(name, _)| name == "page")
            .and_then(|(_, value)| value.parse().ok())
    }

    /// Asks for page `page` (instead of the page it asked for, if any).
    pub(crate) fn set_page(&mut self, page: i64) {
        self.query.retain(|(name, _)| name != "page");
        self.query.push((Cow::Borrowed("page"), page.to_string()));
    }

    /// A copy that asks for page `page`: the same request otherwise (an
    /// encoding error is not copied; the first page reports it).
    pub(crate) fn with_page(&self, page: i64) -> Request {
        let mut copy = Request {
            operation: self.operation,
            method: self.method.clone(),
            template: self.template,
            path: self.path.clone(),
            query: self.query.clone(),
            headers: self.headers.clone(),
            cookies: self.cookies.clone(),
            accept: self.accept,
            body: self.body.clone(),
            security: self.security,
            errors: self.errors,
            redirects: self.redirects,
            error: None,
        };
        copy.set_page(page);
        copy
    }

    /// Adds `name=value` to the query string.
    pub(crate) fn query(&mut self, name: impl Into<Cow<'static, str>>, value: impl fmt::Display) {
        self.query.push((name.into(), value.to_string()));
    }

    /// Sends the cookie `name=value`.
    pub(crate) fn cookie(&mut self, name: &'static str, value: impl fmt::Display) {
        self.cookies.push(format!("{name}={value}"));
    }

    /// Sends the header `name: value`.
    pub(crate) fn header(&mut self, name: &'static str, value: impl fmt::Display) {
        self.headers.push((name, value.to_string()));
    }

    /// The query and header parameters of a parameters struct.
    pub(crate) fn params(mut self, params: &impl Params) -> Request {
        params.apply(&mut self);
        self
    }

    /// The media type the operation answers with, when it is not JSON.
    pub(crate) fn accept(mut self, media_type: &'static str) -> Request {
        self.accept = media_type;
        self
    }

    /// The operation's security requirements (see [`Requirements`]).
    pub(crate) fn security(mut self, requirements: Requirements) -> Request {
        self.security = requirements;
        self
    }

    /// The error statuses the operation documents, with their body decoders.
    pub(crate) fn errors(mut self, errors: &'static [(u16, ErrorDecoder)]) -> Request {
        self.errors = errors;
        self
    }

    /// The redirect statuses the operation documents: the client returns
    /// such a response as the answer instead of following its `Location`.
    pub(crate) fn redirects(mut self, statuses: &'static [u16]) -> Request {
        self.redirects = statuses;
        self
    }

    /// A JSON body, encoded now; an encoding error is returned when the
    /// request is sent.
    pub(crate) fn json<B: Serialize>(mut self, body: &B) -> Request {
        match serde_json::to_vec(body) {
            Ok(bytes) => {
                self.body = Some(Body::Bytes {
                    content_type: "application/json",
                    bytes,
                })
            }
            Err(source) => {
                self.error = Some(Error::Encode {
                    operation: self.operation,
                    source,
                })
            }
        }
        self
    }

    /// An `application/x-www-form-urlencoded` body, encoded now (see
    /// [`urlencoded`]); an encoding error is returned when the request is sent.
    pub(crate) fn form<B: Serialize>(mut self, body: &B) -> Request {
        match serde_json::to_value(body) {
            Ok(value) => {
                self.body = Some(Body::Bytes {
                    content_type: "application/x-www-form-urlencoded",
                    bytes: urlencoded(&value).into_bytes(),
                })
            }
            Err(source) => {
                self.error = Some(Error::Encode {
                    operation: self.operation,
                    source,
                })
            }
        }
        self
    }

    /// A text body of the given media type.
    pub(crate) fn text(self, content_type: &'static str, body: &str) -> Request {
        self.bytes(content_type, body.as_bytes())
    }

    /// A body of bytes of the given media type.
    pub(crate) fn bytes(mut self, content_type: &'static str, body: &[u8]) -> Request {
        self.body = Some(Body::Bytes {
            content_type,
            bytes: body.to_vec(),
        });
        self
    }

    /// A `multipart/form-data` body: the parts, or the first part that could
    /// not be encoded.
    pub(crate) fn multipart(mut self, parts: Result<Vec<Part>, serde_json::Error>) -> Request {
        match parts {
            Ok(parts) => self.body = Some(Body::Multipart(parts)),
            Err(source) => {
                self.error = Some(Error::Encode {
                    operation: self.operation,
                    source,
                })
            }
        }
        self
    }
}

/// An object as form fields, in the style OpenAPI assumes for a form body
/// (`style: form, explode: true`): `key=value` per property, an array as
/// one pair per item, `null` left out, and a nested object or array as its
/// JSON text. Keys and values are percent-encoded.
#[allow(dead_code)] // an API may have no form bodies
pub(crate) fn urlencoded(value: &serde_json::Value) -> String {
    fn text(value: &serde_json::Value) -> Option<String> {
        match value {
            serde_json::Value::Null => None,
            serde_json::Value::String(text) => Some(text.clone()),
            other => Some(other.to_string()),
        }
    }
    let mut pairs = Vec::new();
    if let serde_json::Value::Object(entries) = value {
        for (key, value) in entries {
            let items: Vec<String> = match value {
                serde_json::Value::Array(items) => items.iter().filter_map(text).collect(),
                other => text(other).into_iter().collect(),
            };
            for item in items {
                pairs.push(format!("{}={}", segment(key), segment(item)));
            }
        }
    }
    pairs.join("&")
}

/// A path parameter's value as it goes into the path.
pub(crate) trait PathValue {
    fn write(&self, path: &mut String);
}

/// A plain value (`style: simple`): its text as one segment.
impl<T: fmt::Display + ?Sized> PathValue for T {
    fn write(&self, path: &mut String) {
        path.push_str(&segment(self));
    }
}

/// `value` as one path segment: every byte outside RFC 3986's unreserved
/// set is percent-encoded, so a `/` or `?` in a value cannot change the path.
#[allow(dead_code)] // an API may have no path parameters
pub(crate) fn segment(value: impl fmt::Display) -> String {
    let mut encoded = String::new();
    for byte in value.to_string().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                encoded.push(char::from(byte))
            }
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}
