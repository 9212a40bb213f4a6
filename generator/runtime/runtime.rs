//! The client, its error type and the one request path every operation
//! goes through; operations only describe their request and responses.
//!
//! Every generated API carries this same module, and not every API uses
//! every helper (an API without path parameters never encodes a segment).
#![allow(dead_code)]

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::models::ErrorBody;

/// The headers of a response.
pub type Headers = reqwest::header::HeaderMap;

/// A client for the API: a base URL, an optional bearer token, the request
/// settings and an HTTP client.
///
/// Each operation is a method that builds its request when called and
/// returns a future that sends it; the future borrows only the client, so
/// the arguments can be dropped before it is awaited.
///
/// [`Client::new`] gives a client with the default settings;
/// [`Client::builder`] sets a token, a timeout, a user agent, default
/// headers or an HTTP client of your own.
///
/// The token is never shown by `Debug`, `Display` or an error.
#[derive(Clone)]
pub struct Client {
    base_url: String,
    token: Option<String>,
    timeout: Option<std::time::Duration>,
    headers: reqwest::header::HeaderMap,
    http: reqwest::Client,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("timeout", &self.timeout)
            .field("headers", &self.headers)
            .finish_non_exhaustive()
    }
}

/// The `User-Agent` sent unless another is configured.
const USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

impl Client {
    /// A client for the API at `base_url`, the full URL of the API root
    /// including its prefix (for authentik, `https://authentik.example.com/api/v3`),
    /// with the default settings: no token, no timeout, rustls.
    pub fn new(base_url: impl Into<String>) -> Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::USER_AGENT, reqwest::header::HeaderValue::from_static(USER_AGENT));
        Client {
            base_url: base_url.into().trim_end_matches('/').to_string(),
            token: None,
            timeout: None,
            headers,
            http: reqwest::Client::new(),
        }
    }

    /// A builder for a client of the API at `base_url` (see [`Client::new`]).
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder { client: Client::new(base_url), headers: Vec::new() }
    }

    /// Sends `Authorization: Bearer <token>` with every operation that uses it.
    pub fn with_bearer_token(mut self, token: impl Into<String>) -> Client {
        self.token = Some(token.into());
        self
    }

    /// Uses `http` (with its own proxies, TLS settings and connection pool)
    /// for every request.
    pub fn with_http_client(mut self, http: reqwest::Client) -> Client {
        self.http = http;
        self
    }

    /// The base URL every operation path is appended to.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Sends `request` and decodes a successful response as `T`.
    pub(crate) async fn send_json<T: DeserializeOwned>(&self, request: Request) -> Result<T, Error> {
        let operation = request.operation;
        let (status, headers, bytes) = self.exchange(request).await?;
        decode(operation, status, headers, &bytes)
    }

    /// Sends `request` and decodes a successful response as `T`, or `None`
    /// when it has no body (a 204).
    pub(crate) async fn send_json_if_any<T: DeserializeOwned>(&self, request: Request) -> Result<Option<T>, Error> {
        let operation = request.operation;
        let (status, headers, bytes) = self.exchange(request).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        decode(operation, status, headers, &bytes).map(Some)
    }

    /// Sends `request` and expects a successful response without a body to decode.
    pub(crate) async fn send_empty(&self, request: Request) -> Result<(), Error> {
        self.exchange(request).await.map(|_| ())
    }

    /// Sends `request` and returns a successful response's body as text.
    pub(crate) async fn send_text(&self, request: Request) -> Result<String, Error> {
        let (_, _, bytes) = self.exchange(request).await?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Sends `request` and returns a successful response's body as bytes.
    pub(crate) async fn send_bytes(&self, request: Request) -> Result<Vec<u8>, Error> {
        self.exchange(request).await.map(|(_, _, bytes)| bytes)
    }

    /// The one request path: builds, sends, and maps an unsuccessful status to an error.
    async fn exchange(&self, request: Request) -> Result<(u16, Box<Headers>, Vec<u8>), Error> {
        if let Some(error) = request.error {
            return Err(error);
        }
        let operation = request.operation;
        let timeout = self.timeout;
        let transport = |source: reqwest::Error| match timeout {
            Some(timeout) if source.is_timeout() => Error::Timeout { operation, timeout },
            _ => Error::Transport { operation, source },
        };
        let url = format!("{}{}", self.base_url, request.path);
        let mut builder = self
            .http
            .request(request.method, url)
            .headers(self.headers.clone())
            .header(reqwest::header::ACCEPT, request.accept);
        if let Some(timeout) = self.timeout {
            builder = builder.timeout(timeout);
        }
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        for (name, value) in request.headers {
            builder = builder.header(name, value);
        }
        if request.authenticated {
            if let Some(token) = &self.token {
                builder = builder.bearer_auth(token);
            }
        }
        match request.body {
            Some(Body::Bytes { content_type, bytes }) => {
                builder = builder.header(reqwest::header::CONTENT_TYPE, content_type).body(bytes);
            }
            Some(Body::Multipart(form)) => builder = builder.multipart(form.form),
            None => {}
        }
        let response = builder.send().await.map_err(transport)?;
        let status = response.status().as_u16();
        let headers = Box::new(response.headers().clone());
        let bytes = response.bytes().await.map_err(transport)?.to_vec();
        if (200..300).contains(&status) {
            return Ok((status, headers, bytes));
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        match request.errors.iter().find(|(code, _)| *code == status) {
            Some((_, decode_body)) => Err(match decode_body(&bytes) {
                Ok(body) => Error::Api { operation, status, headers, body: Box::new(body), text },
                Err(source) => Error::decode(operation, status, headers, source),
            }),
            None => Err(Error::UnexpectedStatus { operation, status, headers, body: text }),
        }
    }
}

/// Settings for a [`Client`], from [`Client::builder`].
#[must_use]
pub struct ClientBuilder {
    client: Client,
    /// Extra default headers, checked by [`ClientBuilder::build`].
    headers: Vec<(String, String)>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder").field("client", &self.client).finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// Sends `Authorization: Bearer <token>` with every operation that uses it.
    pub fn bearer_token(mut self, token: impl Into<String>) -> ClientBuilder {
        self.client.token = Some(token.into());
        self
    }

    /// Fails a request that has not completed (connect, send and read the
    /// whole response) within `timeout`, with [`Error::Timeout`].
    pub fn timeout(mut self, timeout: std::time::Duration) -> ClientBuilder {
        self.client.timeout = Some(timeout);
        self
    }

    /// The `User-Agent` header (by default the crate's name and version).
    pub fn user_agent(self, user_agent: impl Into<String>) -> ClientBuilder {
        self.default_header("user-agent", user_agent)
    }

    /// A header sent with every request (replacing an earlier one of the same name).
    pub fn default_header(mut self, name: impl Into<String>, value: impl Into<String>) -> ClientBuilder {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Uses `http` (with its own proxies, TLS settings and connection pool)
    /// for every request; the settings above still apply.
    pub fn http_client(mut self, http: reqwest::Client) -> ClientBuilder {
        self.client.http = http;
        self
    }

    /// The client, or [`Error::Config`] for a header name or value that
    /// HTTP does not allow.
    pub fn build(self) -> Result<Client, Error> {
        let mut client = self.client;
        for (name, value) in self.headers {
            let name = reqwest::header::HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| Error::Config { message: format!("`{name}` is not a valid header name") })?;
            let value = reqwest::header::HeaderValue::from_str(&value)
                .map_err(|_| Error::Config { message: format!("the value of header `{name}` is not a valid header value") })?;
            client.headers.insert(name, value);
        }
        Ok(client)
    }
}

/// Decodes a documented error body of type `E`.
pub(crate) type ErrorDecoder = fn(&[u8]) -> Result<ErrorBody, serde_path_to_error::Error<serde_json::Error>>;

/// An error body decoder for `E`, for [`Request::errors`].
pub(crate) fn error_body<E: DeserializeOwned + Into<ErrorBody>>(
    bytes: &[u8],
) -> Result<ErrorBody, serde_path_to_error::Error<serde_json::Error>> {
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize::<_, E>(deserializer).map(Into::into)
}

fn decode<T: DeserializeOwned>(operation: &'static str, status: u16, headers: Box<Headers>, bytes: &[u8]) -> Result<T, Error> {
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(deserializer).map_err(|source| Error::decode(operation, status, headers, source))
}

/// A documented error response without a body: its text, if any, is kept.
pub(crate) fn error_text(bytes: &[u8]) -> Result<ErrorBody, serde_path_to_error::Error<serde_json::Error>> {
    Ok(ErrorBody::Other(serde_json::Value::String(String::from_utf8_lossy(bytes).into_owned())))
}

/// What an operation sends, and which error statuses it documents.
pub(crate) struct Request {
    operation: &'static str,
    method: reqwest::Method,
    path: String,
    query: Vec<(&'static str, String)>,
    headers: Vec<(&'static str, String)>,
    accept: &'static str,
    body: Option<Body>,
    authenticated: bool,
    errors: &'static [(u16, ErrorDecoder)],
    /// A body that could not be encoded: returned instead of sending.
    error: Option<Error>,
}

enum Body {
    Bytes { content_type: &'static str, bytes: Vec<u8> },
    Multipart(Form),
}

impl Request {
    pub(crate) fn new(operation: &'static str, method: reqwest::Method, path: String) -> Request {
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

    /// A `multipart/form-data` body.
    pub(crate) fn multipart(mut self, mut form: Form) -> Request {
        self.error = self.error.or(form.error.take());
        self.body = Some(Body::Multipart(form));
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
            Ok(bytes) => self.body = Some(Body::Bytes { content_type: "application/json", bytes }),
            Err(source) => self.error = Some(Error::Encode { operation: self.operation, source }),
        }
        self
    }
}

/// The parts of a `multipart/form-data` body.
pub(crate) struct Form {
    operation: &'static str,
    form: reqwest::multipart::Form,
    /// The first part that could not be encoded.
    error: Option<Error>,
}

impl Form {
    pub(crate) fn new(operation: &'static str) -> Form {
        Form { operation, form: reqwest::multipart::Form::new(), error: None }
    }

    /// A file part from bytes in memory, as `application/octet-stream`.
    pub(crate) fn file(&mut self, name: &'static str, bytes: &[u8]) {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::CONTENT_TYPE, reqwest::header::HeaderValue::from_static("application/octet-stream"));
        let part = reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name).headers(headers);
        self.form = std::mem::take(&mut self.form).part(name, part);
    }

    /// A text part: strings as they are, numbers and booleans as JSON
    /// writes them, arrays and objects as JSON; `null` sends nothing.
    pub(crate) fn field<T: Serialize>(&mut self, name: &'static str, value: &T) {
        let text = match serde_json::to_value(value) {
            Ok(serde_json::Value::Null) => return,
            Ok(serde_json::Value::String(text)) => text,
            Ok(other) => other.to_string(),
            Err(source) => {
                self.error = self.error.take().or(Some(Error::Encode { operation: self.operation, source }));
                return;
            }
        };
        self.form = std::mem::take(&mut self.form).text(name, text);
    }
}

/// Serializes a union member with its tag property set to `tag`, so the
/// tag is written exactly once whatever the member's own field holds.
pub(crate) fn serialize_tagged<S: Serializer, T: Serialize>(serializer: S, property: &str, tag: &str, member: &T) -> Result<S::Ok, S::Error> {
    let mut value = serde_json::to_value(member).map_err(serde::ser::Error::custom)?;
    if let Some(object) = value.as_object_mut() {
        object.insert(property.to_string(), serde_json::Value::String(tag.to_string()));
    }
    value.serialize(serializer)
}

/// Decodes a union member from the object already read.
pub(crate) fn deserialize_member<T: DeserializeOwned, E: serde::de::Error>(value: serde_json::Value) -> Result<T, E> {
    serde_json::from_value(value).map_err(E::custom)
}

/// `value` as one path segment: every byte outside RFC 3986's unreserved
/// set is percent-encoded, so a `/` or `?` in a value cannot change the path.
pub(crate) fn segment(value: impl fmt::Display) -> String {
    let mut encoded = String::new();
    for byte in value.to_string().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => encoded.push(char::from(byte)),
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}

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
    Transport { operation: &'static str, source: reqwest::Error },
    /// No complete response within the client's timeout.
    Timeout { operation: &'static str, timeout: std::time::Duration },
    /// The request body could not be encoded.
    Encode { operation: &'static str, source: serde_json::Error },
    /// The server answered with an error status the documentation describes,
    /// and this body (`text` is the body as received).
    Api { operation: &'static str, status: u16, headers: Box<Headers>, body: Box<ErrorBody>, text: String },
    /// The server answered with a status the documentation does not describe; the body is kept as text.
    UnexpectedStatus { operation: &'static str, status: u16, headers: Box<Headers>, body: String },
    /// The response body does not match the documented schema; `path` is the JSON path of the value that failed.
    Decode { operation: &'static str, status: u16, headers: Box<Headers>, path: String, message: String },
    /// The client's settings are not valid (from [`ClientBuilder::build`]).
    Config { message: String },
}

impl Error {
    fn decode(operation: &'static str, status: u16, headers: Box<Headers>, source: serde_path_to_error::Error<serde_json::Error>) -> Error {
        Error::Decode { operation, status, headers, path: source.path().to_string(), message: source.into_inner().to_string() }
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
            Error::Config { .. } => None,
        }
    }

    /// The HTTP status of the response, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } | Error::UnexpectedStatus { status, .. } | Error::Decode { status, .. } => Some(*status),
            Error::Transport { source, .. } => source.status().map(|s| s.as_u16()),
            Error::Timeout { .. } | Error::Encode { .. } | Error::Config { .. } => None,
        }
    }

    /// The headers of the response, when there was one.
    pub fn headers(&self) -> Option<&Headers> {
        match self {
            Error::Api { headers, .. } | Error::UnexpectedStatus { headers, .. } | Error::Decode { headers, .. } => Some(headers),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Transport { operation, source } => write!(f, "{operation}: request failed: {source}"),
            Error::Timeout { operation, timeout } => write!(f, "{operation}: no response within {timeout:?}"),
            Error::Encode { operation, source } => write!(f, "{operation}: could not encode the request body: {source}"),
            Error::Api { operation, status, text, .. } => write!(f, "{operation}: status {status}: {}", summary(text)),
            Error::UnexpectedStatus { operation, status, body, .. } => {
                write!(f, "{operation}: undocumented status {status}: {}", summary(body))
            }
            Error::Decode { operation, status, path, message, .. } => {
                write!(f, "{operation}: status {status}: the response does not match its schema at `{path}`: {message}")
            }
            Error::Config { message } => write!(f, "invalid client settings: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport { source, .. } => Some(source),
            Error::Encode { source, .. } => Some(source),
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
            serde_json::Value::Object(entries) => {
                entries.iter().map(|(key, value)| format!("{key}: {}", flat(value))).collect::<Vec<_>>().join("; ")
            }
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

/// A page of a list operation: its items, and the number of the next page
/// (`None` after the last).
pub(crate) trait Page {
    type Item;

    fn into_items(self) -> (Vec<Self::Item>, Option<i64>);
}

/// A `next` page number as a page answers it, where `0` (or nothing) means
/// there is no next page.
pub(crate) trait PageNumber {
    fn page(self) -> Option<i64>;
}

impl PageNumber for f64 {
    fn page(self) -> Option<i64> {
        // Page numbers are small whole numbers; anything else ends the stream.
        ((1.0..9.0e15).contains(&self) && self.fract() == 0.0).then_some(self as i64)
    }
}

impl PageNumber for f32 {
    fn page(self) -> Option<i64> {
        f64::from(self).page()
    }
}

impl PageNumber for i64 {
    fn page(self) -> Option<i64> {
        (self >= 1).then_some(self)
    }
}

impl PageNumber for i32 {
    fn page(self) -> Option<i64> {
        i64::from(self).page()
    }
}

impl<T: PageNumber> PageNumber for Option<T> {
    fn page(self) -> Option<i64> {
        self.and_then(PageNumber::page)
    }
}

/// Every item of the pages `fetch` answers, from page `first` on: each page
/// is fetched when the items before it have been taken. The stream ends
/// after the last page (no next page, or a next page that is not after the
/// current one), or after yielding the first error.
pub(crate) fn paginate<'a, P, F, Fut>(first: i64, fetch: F) -> impl futures_util::Stream<Item = Result<P::Item, Error>> + 'a
where
    P: Page + 'a,
    F: FnMut(i64) -> Fut + 'a,
    Fut: std::future::Future<Output = Result<P, Error>> + 'a,
{
    struct State<F, T> {
        fetch: F,
        next: Option<i64>,
        items: std::vec::IntoIter<T>,
    }
    let state = State { fetch, next: Some(first), items: Vec::new().into_iter() };
    futures_util::stream::unfold(state, |mut state| async move {
        loop {
            if let Some(item) = state.items.next() {
                return Some((Ok(item), state));
            }
            let page = state.next.take()?;
            match (state.fetch)(page).await {
                Ok(received) => {
                    let (items, next) = received.into_items();
                    state.next = next.filter(|next| *next > page);
                    state.items = items.into_iter();
                }
                Err(error) => return Some((Err(error), state)),
            }
        }
    })
}

/// A model struct, decoded from a JSON object. Each model's `Deserialize`
/// impl calls [`deserialize_object`], which hands the object's entries to
/// the struct's own `from_map`.
pub(crate) trait Object: Sized {
    /// What the decoder expected, for error messages: `an object (User)`.
    const EXPECTING: &'static str;

    fn from_map<'de, A: serde::de::MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Decodes an [`Object`] from a map.
pub(crate) fn deserialize_object<'de, T: Object, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor(std::marker::PhantomData))
}

struct ObjectVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Object> serde::de::Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(T::EXPECTING)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_map(map)
    }
}

/// A required field's value: present, or a `missing field` error.
pub(crate) fn required<T, E: serde::de::Error>(value: Option<T>, wire_name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(wire_name))
}

/// A field held as `Option` (nullable or optional): missing and `null` are `None`.
pub(crate) fn optional<T>(value: Option<Option<T>>) -> Option<T> {
    value.flatten()
}

/// An optional nullable field: missing is `Absent`.
pub(crate) fn nullable<T>(value: Option<Nullable<T>>) -> Nullable<T> {
    value.unwrap_or_default()
}

/// An object key while decoding a model type, borrowed from the input when
/// the input allows it. The models' `Deserialize` impls match keys against
/// their fields' wire names with it.
pub(crate) struct Key<'de>(std::borrow::Cow<'de, str>);

impl Key<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> serde::de::Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a field name")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, value: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(std::borrow::Cow::Borrowed(value)))
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Key<'de>, E> {
        Ok(Key(std::borrow::Cow::Owned(value.to_owned())))
    }

    fn visit_string<E: serde::de::Error>(self, value: String) -> Result<Key<'de>, E> {
        Ok(Key(std::borrow::Cow::Owned(value)))
    }
}

/// A field that may be absent, `null`, or a value: optional and nullable
/// fields use it, so that an update can leave a field unchanged (`Absent`,
/// the default, not sent), clear it (`Null`) or set it (`Value`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Nullable<T> {
    /// Not sent; on decoding, the field was missing.
    #[default]
    Absent,
    /// Sent as `null`.
    Null,
    /// Sent as this value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Whether the field is absent; used to skip it when serializing.
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// The value, if there is one.
    pub fn as_value(&self) -> Option<&T> {
        match self {
            Nullable::Value(value) => Some(value),
            Nullable::Absent | Nullable::Null => None,
        }
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    /// `Some` sets a value, `None` clears the field.
    fn from(value: Option<T>) -> Nullable<T> {
        match value {
            Some(value) => Nullable::Value(value),
            None => Nullable::Null,
        }
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(value) => value.serialize(serializer),
            Nullable::Absent | Nullable::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    /// A present field decodes as `Null` or `Value`; the model's decoder
    /// leaves a missing one `Absent`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Nullable<T>, D::Error> {
        Ok(Option::<T>::deserialize(deserializer)?.into())
    }
}
