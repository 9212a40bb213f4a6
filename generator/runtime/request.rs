//! What an operation sends: its path, query, headers and body, and the
//! error statuses it documents. Operations build one and hand it to the
//! client.

use std::fmt;

use reqwest::Method;
use serde::Serialize;

use super::{Error, ErrorDecoder};

/// What an operation sends, and which error statuses it documents.
pub(crate) struct Request {
    pub(super) operation: &'static str,
    pub(super) method: Method,
    pub(super) path: String,
    pub(super) query: Vec<(&'static str, String)>,
    pub(super) headers: Vec<(&'static str, String)>,
    pub(super) accept: &'static str,
    pub(super) body: Option<Body>,
    pub(super) authenticated: bool,
    pub(super) errors: &'static [(u16, ErrorDecoder)],
    /// A body that could not be encoded: returned instead of sending.
    pub(super) error: Option<Error>,
}

/// A request body, encoded.
pub(super) enum Body {
    Bytes {
        content_type: &'static str,
        bytes: Vec<u8>,
    },
    Multipart(reqwest::multipart::Form),
}

// Not every API uses every way of attaching a parameter or a body, nor
// does every set of enabled tags: the helpers below may go unused.
#[allow(dead_code)]
impl Request {
    pub(crate) fn new(operation: &'static str, method: Method, path: String) -> Request {
        Request {
            operation,
            method,
            path,
            query: Vec::new(),
            headers: Vec::new(),
            accept: "application/json",
            body: None,
            authenticated: false,
            errors: &[],
            error: None,
        }
    }

    /// Adds `name=value` to the query string.
    pub(crate) fn query(&mut self, name: &'static str, value: impl fmt::Display) {
        self.query.push((name, value.to_string()));
    }

    /// Adds `name=a,b,c` (an array in `style: form, explode: false`).
    pub(crate) fn query_joined<T: fmt::Display>(&mut self, name: &'static str, values: &[T]) {
        let joined: Vec<String> = values.iter().map(ToString::to_string).collect();
        self.query.push((name, joined.join(",")));
    }

    /// Sends the header `name: value`.
    pub(crate) fn header(&mut self, name: &'static str, value: impl fmt::Display) {
        self.headers.push((name, value.to_string()));
    }

    /// The media type the operation answers with, when it is not JSON.
    pub(crate) fn accept(mut self, media_type: &'static str) -> Request {
        self.accept = media_type;
        self
    }

    /// Sends the bearer token, when the client has one.
    pub(crate) fn authenticated(mut self) -> Request {
        self.authenticated = true;
        self
    }

    /// The error statuses the operation documents, with their body decoders.
    pub(crate) fn errors(mut self, errors: &'static [(u16, ErrorDecoder)]) -> Request {
        self.errors = errors;
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

    /// A `multipart/form-data` body: the parts, or the first part that could
    /// not be encoded.
    pub(crate) fn multipart(
        mut self,
        form: Result<reqwest::multipart::Form, serde_json::Error>,
    ) -> Request {
        match form {
            Ok(form) => self.body = Some(Body::Multipart(form)),
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
