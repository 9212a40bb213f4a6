//! The client: its settings and its builder, and how each operation's call
//! decodes its answer (the request path itself is in `send.rs`).

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, USER_AGENT};

use super::call::{Call, Decoding};
use super::credentials::{Credential, Credentials};
use super::hooks::{Hooks, RequestInfo, ResponseInfo};
use super::request::Request;
use super::retry::RetryPolicy;
use super::{Error, Result, SERVER_PATH};

/// A client for the API: a base URL, credentials, the request settings and
/// an HTTP client.
///
/// Each operation is a method that builds its request when called and
/// returns a [`Call`], a future that sends it; it borrows only the client,
/// so the arguments can be dropped before it is awaited.
///
/// [`Client::new`] gives a client with the default settings (retries of
/// what is safe to repeat, [`RetryPolicy::default`]);
/// [`Client::builder`] sets credentials, a timeout, a user agent, default
/// headers, the retry policy, hooks, or an HTTP client of your own.
///
/// Credentials are never shown by `Debug`, `Display` or an error.
#[derive(Clone)]
pub struct Client {
    pub(super) base_url: String,
    pub(super) credentials: Credentials,
    pub(super) timeout: Option<Duration>,
    pub(super) headers: HeaderMap,
    pub(super) retry: RetryPolicy,
    pub(super) hooks: Hooks,
    /// Builds every request, and sends them without a middleware stack.
    pub(super) http: reqwest::Client,
    #[cfg(feature = "middleware")]
    pub(super) middleware: Option<reqwest_middleware::ClientWithMiddleware>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("timeout", &self.timeout)
            .field("headers", &self.headers)
            .field("retry", &self.retry)
            .field("hooks", &self.hooks)
            .finish_non_exhaustive()
    }
}

/// The `User-Agent` sent unless another is configured.
const DEFAULT_USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

impl Client {
    /// A client for the API at `base_url`, with the default settings: no
    /// credentials, no timeout, rustls.
    ///
    /// Where the API's documentation gives its server as a path on the
    /// host (`/api/v3`), that path is appended unless `base_url` ends with
    /// it already: with that path, `https://api.example.com`,
    /// `https://api.example.com/api/v3` and, behind a proxy,
    /// `https://example.com/service` all work.
    /// [`ClientBuilder::exact_base_url`] takes a URL as it is.
    pub fn new(base_url: impl Into<String>) -> Client {
        let mut headers = HeaderMap::new();
        headers.insert(USER_AGENT, HeaderValue::from_static(DEFAULT_USER_AGENT));
        Client {
            base_url: with_server_path(base_url.into()),
            credentials: Credentials::default(),
            timeout: None,
            headers,
            retry: RetryPolicy::default(),
            hooks: Hooks::default(),
            http: http_client(),
            #[cfg(feature = "middleware")]
            middleware: None,
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
    /// for every request; see [`ClientBuilder::http_client`] for its
    /// redirect policy.
    pub fn with_http_client(mut self, http: reqwest::Client) -> Client {
        self.http = http;
        self
    }

    /// The base URL every operation path is appended to.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }
}

/// The default HTTP client: reqwest's defaults, but redirects are left to
/// the client, which returns those an operation documents and follows the
/// others (`send.rs`).
fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        // Building fails only where TLS cannot start, where
        // `reqwest::Client::new` fails the same way.
        .unwrap_or_else(|_| reqwest::Client::new())
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
    /// A call whose successful response is decoded as `T`.
    pub(crate) fn call_json<T>(&self, request: Request) -> Call<'_, T> {
        Call::new(self, request, Decoding::Json)
    }

    /// A call whose successful response is decoded as `T`, or `None` when
    /// it has no body (a 204).
    pub(crate) fn call_json_if_any<T>(&self, request: Request) -> Call<'_, Option<T>> {
        Call::new(self, request, Decoding::JsonIfAny)
    }

    /// A call whose successful response has no body to decode.
    pub(crate) fn call_empty(&self, request: Request) -> Call<'_, ()> {
        Call::new(self, request, Decoding::Empty)
    }

    /// A call whose successful response is text.
    pub(crate) fn call_text(&self, request: Request) -> Call<'_, String> {
        Call::new(self, request, Decoding::Text)
    }

    /// A call whose successful response is bytes.
    pub(crate) fn call_bytes(&self, request: Request) -> Call<'_, Vec<u8>> {
        Call::new(self, request, Decoding::Bytes)
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
    /// for every request; the settings above still apply. Build it with
    /// `.redirect(reqwest::redirect::Policy::none())`: otherwise it follows
    /// redirects itself, those the operations document included, which
    /// the client would return.
    pub fn http_client(mut self, http: reqwest::Client) -> ClientBuilder {
        self.client.http = http;
        self
    }

    /// Sends every request through `middleware` (`reqwest-retry`,
    /// `reqwest-tracing`, `http-cache-reqwest`, ...). The client's own
    /// retries still apply: turn them off with
    /// [`ClientBuilder::no_retries`] when the stack retries. Build the
    /// stack's `reqwest::Client` without redirects, as for
    /// [`ClientBuilder::http_client`].
    #[cfg(feature = "middleware")]
    pub fn middleware(
        mut self,
        middleware: reqwest_middleware::ClientWithMiddleware,
    ) -> ClientBuilder {
        self.client.middleware = Some(middleware);
        self
    }

    /// Retries failed attempts as `policy` says (by default
    /// [`RetryPolicy::default`]).
    pub fn retry(mut self, policy: RetryPolicy) -> ClientBuilder {
        self.client.retry = policy;
        self
    }

    /// Makes every call a single attempt.
    pub fn no_retries(self) -> ClientBuilder {
        self.retry(RetryPolicy::none())
    }

    /// Calls `hook` with each attempt's request before it is sent, after
    /// the credentials are added; it may change the request. Hooks run in
    /// the order they were added.
    pub fn on_request(
        mut self,
        hook: impl Fn(&mut reqwest::Request, &RequestInfo) + Send + Sync + 'static,
    ) -> ClientBuilder {
        self.client.hooks.request.push(Arc::new(hook));
        self
    }

    /// Calls `hook` with each attempt's response (any status) or the error
    /// that stopped it. Hooks run in the order they were added.
    pub fn on_response(
        mut self,
        hook: impl Fn(&ResponseInfo<'_>) + Send + Sync + 'static,
    ) -> ClientBuilder {
        self.client.hooks.response.push(Arc::new(hook));
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
