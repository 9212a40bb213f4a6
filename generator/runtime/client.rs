//! The client: its settings, its builder, and the one request path every
//! operation goes through.

use std::fmt;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, CONTENT_TYPE, USER_AGENT};
use serde::de::DeserializeOwned;

use super::credentials::{Credential, Credentials};
use super::request::{Body, Request};
use super::{decode_json, error_decoder, Error, Headers, Result, SERVER_PATH};

/// A client for the API: a base URL, credentials, the request settings and
/// an HTTP client.
///
/// Each operation is a method that builds its request when called and
/// returns a future that sends it; the future borrows only the client, so
/// the arguments can be dropped before it is awaited.
///
/// [`Client::new`] gives a client with the default settings;
/// [`Client::builder`] sets credentials, a timeout, a user agent, default
/// headers or an HTTP client of your own.
///
/// Credentials are never shown by `Debug`, `Display` or an error.
#[derive(Clone)]
pub struct Client {
    base_url: String,
    credentials: Credentials,
    timeout: Option<Duration>,
    headers: HeaderMap,
    http: reqwest::Client,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("timeout", &self.timeout)
            .field("headers", &self.headers)
            .finish_non_exhaustive()
    }
}

/// The `User-Agent` sent unless another is configured.
const DEFAULT_USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

impl Client {
    /// A client for the API at `base_url`, with the default settings: no
    /// credentials, no timeout, rustls.
    ///
    /// Where the API's document gives its server as a path on the host
    /// (authentik's `/api/v3`), that path is appended unless `base_url`
    /// ends with it already: `https://authentik.example.com`,
    /// `https://authentik.example.com/api/v3` and, behind a proxy,
    /// `https://example.com/authentik` all work.
    /// [`ClientBuilder::exact_base_url`] takes a URL as it is.
    pub fn new(base_url: impl Into<String>) -> Client {
        let mut headers = HeaderMap::new();
        headers.insert(USER_AGENT, HeaderValue::from_static(DEFAULT_USER_AGENT));
        Client {
            base_url: with_server_path(base_url.into()),
            credentials: Credentials::default(),
            timeout: None,
            headers,
            http: reqwest::Client::new(),
        }
    }

    /// A builder for a client of the API at `base_url` (see [`Client::new`]).
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            client: Client::new(base_url),
            headers: Vec::new(),
        }
    }

    /// Sets the credential of `scheme` (the methods named after the
    /// API's schemes call this).
    #[allow(dead_code)] // an API may have no security schemes
    pub(crate) fn with_credential(
        mut self,
        scheme: &'static str,
        credential: Credential,
    ) -> Client {
        self.credentials.set(scheme, credential);
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
}

/// `base_url` without a trailing `/`, and with the server path appended
/// unless it ends with it.
fn with_server_path(base_url: String) -> String {
    let base = base_url.trim_end_matches('/');
    if base.ends_with(SERVER_PATH) {
        base.to_string()
    } else {
        format!("{base}{SERVER_PATH}")
    }
}

// The ways of reading a successful response; an API (or a set of enabled
// tags) may not use them all.
#[allow(dead_code)]
impl Client {
    /// Sends `request` and decodes a successful response as `T`.
    pub(crate) async fn send_json<T: DeserializeOwned>(&self, request: Request) -> Result<T> {
        let operation = request.operation;
        let (status, headers, bytes) = self.exchange(request).await?;
        decode_json(&bytes).map_err(|source| Error::decode(operation, status, headers, source))
    }

    /// Sends `request` and decodes a successful response as `T`, or `None`
    /// when it has no body (a 204).
    pub(crate) async fn send_json_if_any<T: DeserializeOwned>(
        &self,
        request: Request,
    ) -> Result<Option<T>> {
        let operation = request.operation;
        let (status, headers, bytes) = self.exchange(request).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        decode_json(&bytes)
            .map(Some)
            .map_err(|source| Error::decode(operation, status, headers, source))
    }

    /// Sends `request` and expects a successful response without a body to decode.
    pub(crate) async fn send_empty(&self, request: Request) -> Result<()> {
        self.exchange(request).await.map(|_| ())
    }

    /// Sends `request` and returns a successful response's body as text.
    pub(crate) async fn send_text(&self, request: Request) -> Result<String> {
        let (_, _, bytes) = self.exchange(request).await?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Sends `request` and returns a successful response's body as bytes.
    pub(crate) async fn send_bytes(&self, request: Request) -> Result<Vec<u8>> {
        self.exchange(request).await.map(|(_, _, bytes)| bytes)
    }

    /// The one request path: builds, sends, and maps an unsuccessful status
    /// to an error.
    async fn exchange(&self, request: Request) -> Result<(u16, Box<Headers>, Vec<u8>)> {
        if let Some(error) = request.error {
            return Err(error);
        }
        let operation = request.operation;
        let url = format!("{}{}", self.base_url, request.path);
        let mut builder = self
            .http
            .request(request.method, url)
            .headers(self.headers.clone())
            .header(ACCEPT, request.accept);
        if let Some(timeout) = self.timeout {
            builder = builder.timeout(timeout);
        }
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        for (name, value) in request.headers {
            builder = builder.header(name, value);
        }
        let (mut builder, secret_in_query) =
            self.credentials
                .apply(request.security, builder, request.cookies)?;
        let timeout = self.timeout;
        let transport = |source: reqwest::Error| match timeout {
            Some(timeout) if source.is_timeout() => Error::Timeout { operation, timeout },
            // The URL would show a key sent in the query.
            _ if secret_in_query => Error::Transport {
                operation,
                source: source.without_url(),
            },
            _ => Error::Transport { operation, source },
        };
        match request.body {
            Some(Body::Bytes {
                content_type,
                bytes,
            }) => builder = builder.header(CONTENT_TYPE, content_type).body(bytes),
            Some(Body::Multipart(form)) => builder = builder.multipart(form),
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
        match error_decoder(request.errors, status) {
            Some(decode_body) => Err(match decode_body(&bytes) {
                Ok(body) => Error::Api {
                    operation,
                    status,
                    headers,
                    body: Box::new(body),
                    text,
                },
                Err(source) => Error::decode(operation, status, headers, source),
            }),
            None => Err(Error::UnexpectedStatus {
                operation,
                status,
                headers,
                body: text,
            }),
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
        f.debug_struct("ClientBuilder")
            .field("client", &self.client)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// Sets the credential of `scheme` (the methods named after the
    /// API's schemes call this).
    #[allow(dead_code)] // an API may have no security schemes
    pub(crate) fn credential(
        mut self,
        scheme: &'static str,
        credential: Credential,
    ) -> ClientBuilder {
        self.client.credentials.set(scheme, credential);
        self
    }

    /// Sends every request to `base_url` followed by the operation's path,
    /// without the API's server path: for a proxy or mock server that
    /// serves the operations at its root.
    pub fn exact_base_url(mut self, base_url: impl Into<String>) -> ClientBuilder {
        self.client.base_url = base_url.into().trim_end_matches('/').to_string();
        self
    }

    /// Fails a request that has not completed (connect, send and read the
    /// whole response) within `timeout`, with [`Error::Timeout`].
    pub fn timeout(mut self, timeout: Duration) -> ClientBuilder {
        self.client.timeout = Some(timeout);
        self
    }

    /// The `User-Agent` header (by default the crate's name and version).
    pub fn user_agent(self, user_agent: impl Into<String>) -> ClientBuilder {
        self.default_header("user-agent", user_agent)
    }

    /// A header sent with every request (replacing an earlier one of the
    /// same name).
    pub fn default_header(
        mut self,
        name: impl Into<String>,
        value: impl Into<String>,
    ) -> ClientBuilder {
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
    pub fn build(self) -> Result<Client> {
        let mut client = self.client;
        for (name, value) in self.headers {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| Error::Config {
                message: format!("`{name}` is not a valid header name"),
            })?;
            let value = HeaderValue::from_str(&value).map_err(|_| Error::Config {
                message: format!("the value of header `{name}` is not a valid header value"),
            })?;
            client.headers.insert(name, value);
        }
        Ok(client)
    }
}
