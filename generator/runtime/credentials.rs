//! Credentials: at most one per security scheme of the API, set on the
//! builder with the methods named after the schemes, and sent with each
//! operation whose requirements they satisfy. `Debug` shows the schemes'
//! names only; no credential reaches `Display`, an error or a log.

use std::borrow::Cow;
use std::fmt;

use reqwest::header::{HeaderName, HeaderValue, AUTHORIZATION, COOKIE};
use reqwest::RequestBuilder;

use super::Error;

/// One scheme's credential, and how it is sent.
#[derive(Clone)]
pub(crate) enum Credential {
    /// `Authorization: <value>`: `Bearer <token>`, `<scheme> <credentials>`.
    Authorization(String),
    /// `Authorization: Basic <base64 of user:password>`.
    Basic { username: String, password: String },
    /// A header with the key.
    Header { name: &'static str, key: String },
    /// A query parameter with the key.
    Query { name: &'static str, key: String },
    /// A cookie with the key.
    Cookie { name: &'static str, key: String },
}

// An API has only some kinds of schemes.
#[allow(dead_code)]
impl Credential {
    /// `Authorization: Bearer <token>`.
    pub(crate) fn bearer(token: impl Into<String>) -> Credential {
        Credential::Authorization(format!("Bearer {}", token.into()))
    }

    /// `Authorization: <scheme> <credentials>`.
    pub(crate) fn http(scheme: &str, credentials: impl Into<String>) -> Credential {
        Credential::Authorization(format!("{scheme} {}", credentials.into()))
    }

    pub(crate) fn basic(username: impl Into<String>, password: impl Into<String>) -> Credential {
        Credential::Basic {
            username: username.into(),
            password: password.into(),
        }
    }

    pub(crate) fn header(name: &'static str, key: impl Into<String>) -> Credential {
        Credential::Header {
            name,
            key: key.into(),
        }
    }

    pub(crate) fn query(name: &'static str, key: impl Into<String>) -> Credential {
        Credential::Query {
            name,
            key: key.into(),
        }
    }

    pub(crate) fn cookie(name: &'static str, key: impl Into<String>) -> Credential {
        Credential::Cookie {
            name,
            key: key.into(),
        }
    }
}

/// An operation's security requirements: any one of them suffices, and each
/// names the schemes it needs together. An empty requirement means the
/// operation also works without credentials.
pub(crate) type Requirements = &'static [&'static [&'static str]];

/// The credentials of a client, by scheme name.
#[derive(Clone, Default)]
pub(crate) struct Credentials(Vec<(&'static str, Credential)>);

impl fmt::Debug for Credentials {
    /// The schemes that have a credential, never the credentials.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.0.iter().map(|(scheme, _)| scheme))
            .finish()
    }
}

impl Credentials {
    /// Sets the credential of `scheme`, replacing an earlier one.
    pub(crate) fn set(&mut self, scheme: &'static str, credential: Credential) {
        match self.0.iter_mut().find(|(name, _)| *name == scheme) {
            Some(entry) => entry.1 = credential,
            None => self.0.push((scheme, credential)),
        }
    }

    /// These credentials with `overrides` (one call's) in place of their
    /// schemes' credentials.
    pub(crate) fn with(&self, overrides: &[(&'static str, Credential)]) -> Cow<'_, Credentials> {
        if overrides.is_empty() {
            return Cow::Borrowed(self);
        }
        let mut credentials = self.clone();
        for (scheme, credential) in overrides {
            credentials.set(scheme, credential.clone());
        }
        Cow::Owned(credentials)
    }

    fn get(&self, scheme: &str) -> Option<&Credential> {
        self.0
            .iter()
            .find(|(name, _)| *name == scheme)
            .map(|(_, credential)| credential)
    }

    /// Adds to `builder` the credentials of the first requirement that
    /// needs credentials and that this client satisfies; with none, the
    /// request goes without (and the server says whether it may). The
    /// request's own `cookies` (`name=value`) go in the same `Cookie`
    /// header. Also says whether a credential went into the URL's query,
    /// which must then be kept out of errors.
    pub(crate) fn apply(
        &self,
        requirements: Requirements,
        mut builder: RequestBuilder,
        cookies: &[String],
    ) -> Result<(RequestBuilder, bool), Error> {
        let mut cookies = cookies.to_vec();
        let satisfied = requirements.iter().find(|requirement| {
            !requirement.is_empty() && requirement.iter().all(|s| self.get(s).is_some())
        });
        let mut in_query = false;
        for scheme in satisfied.copied().unwrap_or_default().iter().copied() {
            let Some(credential) = self.get(scheme) else {
                continue;
            };
            builder = match credential {
                Credential::Authorization(value) => {
                    builder.header(AUTHORIZATION, secret_value(scheme, value)?)
                }
                Credential::Basic { username, password } => {
                    builder.basic_auth(username, Some(password))
                }
                Credential::Header { name, key } => {
                    let name =
                        HeaderName::from_bytes(name.as_bytes()).map_err(|_| Error::Config {
                            message: format!(
                                "`{name}` (scheme `{scheme}`) is not a valid header name"
                            ),
                        })?;
                    builder.header(name, secret_value(scheme, key)?)
                }
                Credential::Query { name, key } => {
                    in_query = true;
                    builder.query(&[(name, key)])
                }
                Credential::Cookie { name, key } => {
                    cookies.push(format!("{name}={key}"));
                    builder
                }
            };
        }
        if !cookies.is_empty() {
            builder = builder.header(COOKIE, secret_value("cookie", &cookies.join("; "))?);
        }
        Ok((builder, in_query))
    }
}

/// A header value that HTTP libraries and proxies are told not to show.
fn secret_value(scheme: &str, value: &str) -> Result<HeaderValue, Error> {
    let mut value = HeaderValue::from_str(value).map_err(|_| Error::Config {
        message: format!("the credential of scheme `{scheme}` is not a valid header value"),
    })?;
    value.set_sensitive(true);
    Ok(value)
}

/// The credential methods of an API, one per security scheme, given to the
/// builder (for every call) and to [`Call`](crate::Call) (for one call):
///
/// ```text
/// credentials! {
///     schemes {
///         /// Sends `Authorization: Bearer <token>` ...
///         bearer_auth(token: impl Into<String>) = "bearerAuth" => Credential::bearer(token);
///     }
/// }
/// ```
#[allow(unused_macros)] // an API may have no security schemes
macro_rules! credentials {
    (schemes { $( $(#[$doc:meta])* $method:ident($($argument:ident: $ty:ty),*) = $scheme:literal => $credential:expr; )* }) => {
        /// # Credentials
        ///
        /// One method per security scheme of the API, named after it. An
        /// operation gets the credentials of its first requirement that the
        /// client has them all for.
        impl $crate::ClientBuilder {
            $(
                $(#[$doc])*
                pub fn $method(self, $($argument: $ty),*) -> $crate::ClientBuilder {
                    self.credential($scheme, $credential)
                }
            )*
        }

        /// # Credentials for one call
        ///
        /// The builder's credential methods, for this call alone: they take
        /// the place of the client's credentials of the same scheme.
        impl<'a, T> $crate::Call<'a, T> {
            $(
                $(#[$doc])*
                pub fn $method(self, $($argument: $ty),*) -> $crate::Call<'a, T> {
                    self.credential($scheme, $credential)
                }
            )*
        }
    };
}

#[allow(unused_imports)] // an API may have no security schemes
pub(crate) use credentials;
