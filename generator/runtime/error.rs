//! Why an operation failed: one `Error` for every operation, and the
//! decoders of the error bodies the operations document.

use std::fmt;
use std::time::Duration;

use serde::de::DeserializeOwned;

use crate::models::ErrorBody;

/// The headers of a response.
pub type Headers = reqwest::header::HeaderMap;

/// The result of an operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why an operation failed.
///
/// The response status decides between [`Error::Api`] (a status the
/// operation documents, with its typed body) and [`Error::UnexpectedStatus`];
/// the body's shape never does. `Display` shows the operation, the status
/// and a short summary of the body; the bearer token is never part of it.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be sent, or the response could not be read.
    Transport {
        operation: &'static str,
        source: reqwest::Error,
        /// How many attempts were made (more than one after retries).
        attempts: u32,
    },
    /// No complete response within the client's timeout.
    Timeout {
        operation: &'static str,
        timeout: Duration,
        attempts: u32,
    },
    /// A middleware of the client's stack failed the request.
    #[cfg(feature = "middleware")]
    Middleware {
        operation: &'static str,
        source: reqwest_middleware::Error,
        attempts: u32,
    },
    /// The request body could not be encoded.
    Encode {
        operation: &'static str,
        source: serde_json::Error,
    },
    /// The server answered with an error status the documentation describes,
    /// and this body (`text` is the body as received).
    Api {
        operation: &'static str,
        status: u16,
        headers: Box<Headers>,
        body: Box<ErrorBody>,
        text: String,
        attempts: u32,
    },
    /// The server answered with a status the documentation does not
    /// describe; the body is kept as text.
    UnexpectedStatus {
        operation: &'static str,
        status: u16,
        headers: Box<Headers>,
        body: String,
        attempts: u32,
    },
    /// The response body does not match the documented schema; `path` is
    /// the JSON path of the value that failed.
    Decode {
        operation: &'static str,
        status: u16,
        headers: Box<Headers>,
        path: String,
        message: String,
    },
    /// The client's settings are not valid (from
    /// [`ClientBuilder::build`](crate::ClientBuilder::build)).
    Config { message: String },
}

impl Error {
    pub(crate) fn transport(operation: &'static str, source: reqwest::Error) -> Error {
        Error::Transport {
            operation,
            source,
            attempts: 1,
        }
    }

    /// The error of the last of `attempts` attempts.
    pub(crate) fn after_attempts(mut self, attempts: u32) -> Error {
        match &mut self {
            Error::Transport { attempts: n, .. }
            | Error::Timeout { attempts: n, .. }
            | Error::Api { attempts: n, .. }
            | Error::UnexpectedStatus { attempts: n, .. } => *n = attempts,
            #[cfg(feature = "middleware")]
            Error::Middleware { attempts: n, .. } => *n = attempts,
            _ => {}
        }
        self
    }

    /// How many attempts the call made before it failed: more than one
    /// when it was retried.
    pub fn attempts(&self) -> u32 {
        match self {
            Error::Transport { attempts, .. }
            | Error::Timeout { attempts, .. }
            | Error::Api { attempts, .. }
            | Error::UnexpectedStatus { attempts, .. } => *attempts,
            #[cfg(feature = "middleware")]
            Error::Middleware { attempts, .. } => *attempts,
            _ => 1,
        }
    }

    pub(crate) fn decode(
        operation: &'static str,
        status: u16,
        headers: Box<Headers>,
        source: serde_path_to_error::Error<serde_json::Error>,
    ) -> Error {
        Error::Decode {
            operation,
            status,
            headers,
            path: source.path().to_string(),
            message: source.into_inner().to_string(),
        }
    }

    /// The operation that failed (its operation id), if any.
    pub fn operation(&self) -> Option<&'static str> {
        match self {
            Error::Transport { operation, .. }
            | Error::Timeout { operation, .. }
            | Error::Encode { operation, .. }
            | Error::Api { operation, .. }
            | Error::UnexpectedStatus { operation, .. }
            | Error::Decode { operation, .. } => Some(operation),
            #[cfg(feature = "middleware")]
            Error::Middleware { operation, .. } => Some(operation),
            Error::Config { .. } => None,
        }
    }

    /// The HTTP status of the response, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. }
            | Error::UnexpectedStatus { status, .. }
            | Error::Decode { status, .. } => Some(*status),
            Error::Transport { source, .. } => source.status().map(|s| s.as_u16()),
            Error::Timeout { .. } | Error::Encode { .. } | Error::Config { .. } => None,
            #[cfg(feature = "middleware")]
            Error::Middleware { .. } => None,
        }
    }

    /// The headers of the response, when there was one.
    pub fn headers(&self) -> Option<&Headers> {
        match self {
            Error::Api { headers, .. }
            | Error::UnexpectedStatus { headers, .. }
            | Error::Decode { headers, .. } => Some(headers),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Transport {
                operation, source, ..
            } => write!(f, "{operation}: request failed: {source}"),
            Error::Timeout {
                operation, timeout, ..
            } => write!(f, "{operation}: no response within {timeout:?}"),
            #[cfg(feature = "middleware")]
            Error::Middleware {
                operation, source, ..
            } => write!(f, "{operation}: middleware failed: {source}"),
            Error::Encode { operation, source } => {
                write!(f, "{operation}: could not encode the request body: {source}")
            }
            Error::Api {
                operation,
                status,
                text,
                ..
            } => write!(f, "{operation}: status {status}: {}", summary(text)),
            Error::UnexpectedStatus {
                operation,
                status,
                body,
                ..
            } => write!(f, "{operation}: undocumented status {status}: {}", summary(body)),
            Error::Decode {
                operation,
                status,
                path,
                message,
                ..
            } => write!(
                f,
                "{operation}: status {status}: the response does not match its schema at `{path}`: {message}"
            ),
            Error::Config { message } => write!(f, "invalid client settings: {message}"),
        }?;
        match self.attempts() {
            1 => Ok(()),
            attempts => write!(f, " (after {attempts} attempts)"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport { source, .. } => Some(source),
            Error::Encode { source, .. } => Some(source),
            #[cfg(feature = "middleware")]
            Error::Middleware { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// At most this many characters of a body in an error message.
const SUMMARY_LENGTH: usize = 300;

/// A body in one line: a JSON object as `key: value; key: value` (lists of
/// messages joined, as in `name: This field is required.`), anything else
/// as its text; cut at [`SUMMARY_LENGTH`] characters.
fn summary(body: &str) -> String {
    fn flat(value: &serde_json::Value) -> String {
        match value {
            serde_json::Value::String(text) => text.clone(),
            serde_json::Value::Array(items) => items.iter().map(flat).collect::<Vec<_>>().join(" "),
            serde_json::Value::Object(entries) => entries
                .iter()
                .map(|(key, value)| format!("{key}: {}", flat(value)))
                .collect::<Vec<_>>()
                .join("; "),
            other => other.to_string(),
        }
    }
    let text = match serde_json::from_str::<serde_json::Value>(body) {
        Ok(value) => flat(&value),
        Err(_) => body.split_whitespace().collect::<Vec<_>>().join(" "),
    };
    if text.is_empty() {
        return "(no body)".to_string();
    }
    match text.char_indices().nth(SUMMARY_LENGTH) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

/// Why a body did not decode: the JSON error and the path where it happened.
pub(crate) type DecodeError = serde_path_to_error::Error<serde_json::Error>;

/// Decodes the body of one documented error status.
#[allow(dead_code)] // an API may document no error status
pub(crate) type ErrorDecoder = fn(&[u8]) -> Result<ErrorBody, DecodeError>;

// An operation's error table lists the statuses it documents, each with the
// decoder of its body: a code (`404`), a class (`STATUS_4XX`, the statuses
// from 400 to 499) or `OTHER_STATUS` (`default`: every other status). A
// code wins over its class, and a class over `OTHER_STATUS`.
#[allow(dead_code)]
pub(crate) const STATUS_1XX: u16 = 1;
#[allow(dead_code)]
pub(crate) const STATUS_3XX: u16 = 3;
#[allow(dead_code)]
pub(crate) const STATUS_4XX: u16 = 4;
#[allow(dead_code)]
pub(crate) const STATUS_5XX: u16 = 5;
#[allow(dead_code)]
pub(crate) const OTHER_STATUS: u16 = 0;

/// The decoder for `status` in an error table.
pub(crate) fn error_decoder(table: &[(u16, ErrorDecoder)], status: u16) -> Option<ErrorDecoder> {
    [status, status / 100, OTHER_STATUS]
        .into_iter()
        .find_map(|key| table.iter().find(|(entry, _)| *entry == key))
        .map(|(_, decoder)| *decoder)
}

/// The decoder of a documented error body of type `E`.
#[allow(dead_code)] // an API may document no error body
pub(crate) fn error_body<E: DeserializeOwned + Into<ErrorBody>>(
    bytes: &[u8],
) -> Result<ErrorBody, DecodeError> {
    decode_json::<E>(bytes).map(Into::into)
}

/// The decoder of a documented error response without a JSON body: its
/// text, if any, is kept.
#[allow(dead_code)] // an API may document no error without a JSON body
pub(crate) fn error_text(bytes: &[u8]) -> Result<ErrorBody, DecodeError> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    Ok(ErrorBody::Other(serde_json::Value::String(text)))
}

/// Decodes JSON, keeping the path of a value that does not fit.
pub(crate) fn decode_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(deserializer)
}
