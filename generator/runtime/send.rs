//! The one request path every operation goes through: each attempt built
//! from the operation's request, the hooks run, sent, retried as the
//! policy says, traced with the `tracing` feature, and an unsuccessful
//! status mapped to an error.

use std::time::{Duration, Instant};

use reqwest::header::{
    HeaderName, HeaderValue, ACCEPT, CONTENT_LENGTH, CONTENT_TYPE, LOCATION, USER_AGENT,
};
use reqwest::Method;

use super::call::{Answer, CallOptions};
use super::client::Client;
use super::hooks::{Outcome, RequestInfo, ResponseInfo};
use super::request::{multipart_form, Body, Request};
use super::{error_decoder, Error, Headers, Result};

impl Client {
    /// The exchange of `request`, boxed: what every [`Call`](crate::Call)
    /// polls, whatever its answer type.
    pub(crate) fn start(
        &self,
        request: Request,
        options: CallOptions,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Answer>> + Send + '_>> {
        Box::pin(self.exchange(request, options))
    }

    /// Sends `request` until an attempt succeeds or the retry policy gives
    /// up; a success is the answer, anything else an error that says how
    /// many attempts were made.
    pub(crate) async fn exchange(&self, request: Request, options: CallOptions) -> Result<Answer> {
        #[cfg(feature = "tracing")]
        let span = tracing::info_span!(
            "request",
            operation = request.operation,
            method = %request.method,
            path = request.template,
            status = tracing::field::Empty,
            attempt = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
        );
        let exchange = self.attempts(request, options);
        #[cfg(feature = "tracing")]
        let exchange = tracing::Instrument::instrument(exchange, span);
        exchange.await
    }

    async fn attempts(&self, mut request: Request, options: CallOptions) -> Result<Answer> {
        if let Some(error) = request.error.take() {
            return Err(error);
        }
        let policy = options.retry.as_ref().unwrap_or(&self.retry);
        #[cfg(feature = "tracing")]
        let started = Instant::now();
        let mut attempt = 1;
        loop {
            let result = self.attempt(&request, &options, attempt).await;
            #[cfg(feature = "tracing")]
            {
                let span = tracing::Span::current();
                span.record("attempt", attempt);
                span.record("duration_ms", started.elapsed().as_millis() as u64);
                if let Some(status) = result
                    .as_ref()
                    .map_or_else(Error::status, |a| Some(a.status))
                {
                    span.record("status", status);
                }
            }
            let error = match result {
                Ok(answer) => return Ok(answer),
                Err(error) => error,
            };
            let retried = match &error {
                Error::Transport { .. } | Error::Timeout { .. } => {
                    policy.retries_after(&request.method, attempt, None)
                }
                error => error.status().is_some_and(|status| {
                    policy.retries_after(&request.method, attempt, Some(status))
                }),
            };
            if !retried {
                return Err(error.after_attempts(attempt));
            }
            tokio::time::sleep(policy.wait(attempt, error.headers())).await;
            attempt += 1;
        }
    }

    /// One attempt: the request built, the hooks run, sent, and read.
    async fn attempt(
        &self,
        request: &Request,
        options: &CallOptions,
        attempt: u32,
    ) -> Result<Answer> {
        let operation = request.operation;
        let timeout = options.timeout.or(self.timeout);
        let (mut built, secret_in_query) = self.build(request, options, timeout)?;
        let info = RequestInfo {
            operation,
            path: request.template,
            attempt,
        };
        for hook in &self.hooks.request {
            hook(&mut built, &info);
        }
        let transport = |source: reqwest::Error| match timeout {
            Some(timeout) if source.is_timeout() => Error::Timeout {
                operation,
                timeout,
                attempts: 1,
            },
            // The URL would show a key sent in the query.
            _ if secret_in_query => Error::transport(operation, source.without_url()),
            _ => Error::transport(operation, source),
        };
        let sent = Instant::now();
        let result = async {
            let response = self.send_following(built, request, &transport).await?;
            let status = response.status().as_u16();
            let headers = Box::new(response.headers().clone());
            let bytes = response.bytes().await.map_err(transport)?.to_vec();
            Ok((status, headers, bytes))
        }
        .await;
        let elapsed = sent.elapsed();
        let result = result.and_then(|(status, headers, bytes)| {
            self.observe(
                &info,
                elapsed,
                Outcome::Response {
                    status,
                    headers: &headers,
                },
            );
            answer(request, status, headers, bytes)
        });
        if let Err(error) = &result {
            if error.status().is_none() {
                self.observe(&info, elapsed, Outcome::Error(error));
            }
        }
        result
    }

    /// Sends `built`, and follows a redirect the operation does not
    /// document as a browser does (see [`redirect`]), at most
    /// [`MAX_REDIRECTS`] times and never back to a request already made: a
    /// loop ends with its last redirect as the response. A documented
    /// redirect is the response.
    async fn send_following(
        &self,
        built: reqwest::Request,
        request: &Request,
        transport: &impl Fn(reqwest::Error) -> Error,
    ) -> Result<reqwest::Response> {
        let mut next = built;
        let mut made = Vec::new();
        loop {
            made.push((next.method().clone(), next.url().clone()));
            // A body that is a stream cannot be sent twice: not followed.
            let kept = next.try_clone();
            let response = self.send(next, request.operation, transport).await?;
            let following = kept.and_then(|kept| redirect(request, kept, &response));
            match following {
                Some(following)
                    if made.len() <= MAX_REDIRECTS
                        && !made.iter().any(|(method, url)| {
                            method == following.method() && url == following.url()
                        }) =>
                {
                    next = following
                }
                _ => return Ok(response),
            }
        }
    }

    /// Sends one request, through the middleware stack if there is one.
    async fn send(
        &self,
        request: reqwest::Request,
        #[cfg_attr(not(feature = "middleware"), allow(unused_variables))] operation: &'static str,
        transport: &impl Fn(reqwest::Error) -> Error,
    ) -> Result<reqwest::Response> {
        #[cfg(feature = "middleware")]
        if let Some(middleware) = &self.middleware {
            return middleware
                .execute(request)
                .await
                .map_err(|error| match error {
                    reqwest_middleware::Error::Reqwest(source) => transport(source),
                    source => Error::Middleware {
                        operation,
                        source,
                        attempts: 1,
                    },
                });
        }
        self.http.execute(request).await.map_err(transport)
    }

    fn observe(&self, info: &RequestInfo, elapsed: Duration, outcome: Outcome<'_>) {
        if self.hooks.response.is_empty() {
            return;
        }
        let seen = ResponseInfo {
            operation: info.operation,
            path: info.path,
            attempt: info.attempt,
            elapsed,
            outcome,
        };
        for hook in &self.hooks.response {
            hook(&seen);
        }
    }

    /// The `reqwest` request of one attempt, and whether a credential went
    /// into its query string.
    fn build(
        &self,
        request: &Request,
        options: &CallOptions,
        timeout: Option<Duration>,
    ) -> Result<(reqwest::Request, bool)> {
        let url = format!("{}{}", self.base_url, request.path);
        let mut headers = self.headers.clone();
        for (name, value) in &options.headers {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| Error::Config {
                message: format!("`{name}` is not a valid header name"),
            })?;
            let value = HeaderValue::from_str(value).map_err(|_| Error::Config {
                message: format!("the value of header `{name}` is not a valid header value"),
            })?;
            headers.insert(name, value);
        }
        let mut builder = self
            .http
            .request(request.method.clone(), url)
            .headers(headers)
            .header(ACCEPT, request.accept);
        if let Some(timeout) = timeout {
            builder = builder.timeout(timeout);
        }
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        for (name, value) in &request.headers {
            builder = builder.header(*name, value);
        }
        let credentials = self.credentials.with(&options.credentials);
        let (mut builder, secret_in_query) =
            credentials.apply(request.security, builder, &request.cookies)?;
        match &request.body {
            Some(Body::Bytes {
                content_type,
                bytes,
            }) => {
                builder = builder
                    .header(CONTENT_TYPE, *content_type)
                    .body(bytes.clone())
            }
            Some(Body::Multipart(parts)) => builder = builder.multipart(multipart_form(parts)),
            None => {}
        }
        let built = builder
            .build()
            .map_err(|source| Error::transport(request.operation, source))?;
        Ok((built, secret_in_query))
    }
}

/// How many undocumented redirects one attempt follows (browsers allow 20,
/// reqwest 10).
const MAX_REDIRECTS: usize = 10;

/// The request that follows `response` to its `Location`, made from the
/// request `previous` that got it; `None` when `response` is not a redirect
/// to follow: not a `301`, `302`, `303`, `307` or `308`, a status the
/// operation documents, or without a `Location` of HTTP(S).
///
/// As browsers and reqwest do: a `303`, and a `301` or `302` of a `POST`,
/// are followed by a `GET` without the body; the others repeat the request.
/// To another origin (scheme, host and port) only `Accept`, `User-Agent`
/// and the body's `Content-Type` go: never a credential.
fn redirect(
    request: &Request,
    previous: reqwest::Request,
    response: &reqwest::Response,
) -> Option<reqwest::Request> {
    let status = response.status().as_u16();
    if request.redirects.contains(&status) {
        return None;
    }
    let method = match (status, previous.method()) {
        (301 | 302, &Method::POST) => Method::GET,
        (303, method) if method != Method::HEAD => Method::GET,
        (301 | 302 | 303 | 307 | 308, method) => method.clone(),
        _ => return None,
    };
    let location = response.headers().get(LOCATION)?.to_str().ok()?;
    let url = previous.url().join(location).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let same_origin = url.origin() == previous.url().origin();
    let mut next = if method == previous.method() {
        previous
    } else {
        let mut next = reqwest::Request::new(method, url.clone());
        *next.timeout_mut() = previous.timeout().copied();
        *next.headers_mut() = previous.headers().clone();
        next.headers_mut().remove(CONTENT_TYPE);
        next.headers_mut().remove(CONTENT_LENGTH);
        next
    };
    *next.url_mut() = url;
    if !same_origin {
        let kept = [ACCEPT, USER_AGENT, CONTENT_TYPE];
        let headers = std::mem::take(next.headers_mut());
        for (name, value) in headers.iter() {
            if kept.contains(name) {
                next.headers_mut().insert(name.clone(), value.clone());
            }
        }
    }
    Some(next)
}

/// A response: a success's answer (or a documented redirect's), or the
/// error its status means.
fn answer(request: &Request, status: u16, headers: Box<Headers>, bytes: Vec<u8>) -> Result<Answer> {
    let operation = request.operation;
    if (200..300).contains(&status) || request.redirects.contains(&status) {
        return Ok(Answer {
            operation,
            status,
            headers,
            bytes,
        });
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Err(match error_decoder(request.errors, status) {
        Some(decode_body) => match decode_body(&bytes) {
            Ok(body) => Error::Api {
                operation,
                status,
                headers,
                body: Box::new(body),
                text,
                attempts: 1,
            },
            Err(source) => Error::decode(operation, status, headers, source),
        },
        None => Error::UnexpectedStatus {
            operation,
            status,
            headers,
            body: text,
            attempts: 1,
        },
    })
}
