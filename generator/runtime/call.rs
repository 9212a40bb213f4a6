//! What an operation method returns: a [`Call`], the future of the decoded
//! answer, which can first be given options for this call alone, or be
//! turned into one that also gives the response's status and headers.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use super::client::Client;
use super::credentials::Credential;
use super::request::Request;
use super::retry::RetryPolicy;
use super::{Headers, Result};

/// A successful response: its status and headers, and the decoded body.
#[derive(Clone, Debug)]
pub struct Response<T> {
    pub status: u16,
    pub headers: Headers,
    pub body: T,
}

/// What a successful exchange gives a decoder.
pub(crate) struct Answer {
    pub(crate) operation: &'static str,
    pub(crate) status: u16,
    pub(crate) headers: Box<Headers>,
    pub(crate) bytes: Vec<u8>,
}

/// How a successful response's body becomes the call's output.
pub(crate) type Decode<T> = fn(&Answer) -> Result<T>;

/// The settings of one call that differ from the client's.
#[derive(Clone, Default)]
pub(crate) struct CallOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) credentials: Vec<(&'static str, Credential)>,
}

/// The exchange in flight: the same type for every operation, so the code
/// of the request path is compiled once, not once per answer type.
type Running<'a> = Pin<Box<dyn Future<Output = Result<Answer>> + Send + 'a>>;

/// One call of an operation: awaiting it sends the request and gives the
/// decoded body. Before it is awaited, it takes options that apply to this
/// call alone ([`Call::timeout`], [`Call::header`], [`Call::retry`], the
/// credential methods), or becomes [`Call::with_metadata`].
///
/// It borrows only the client: the method's arguments are encoded when the
/// method is called.
#[must_use = "a call does nothing until it is awaited"]
pub struct Call<'a, T> {
    client: &'a Client,
    request: Option<Request>,
    options: CallOptions,
    decode: Decode<T>,
    running: Option<Running<'a>>,
}

impl<'a, T: Send + 'a> Call<'a, T> {
    pub(crate) fn new(client: &'a Client, request: Request, decode: Decode<T>) -> Call<'a, T> {
        Call {
            client,
            request: Some(request),
            options: CallOptions::default(),
            decode,
            running: None,
        }
    }

    /// Fails this call with [`Error::Timeout`](crate::Error::Timeout) when
    /// an attempt has not completed within `timeout` (instead of the
    /// client's timeout).
    pub fn timeout(mut self, timeout: Duration) -> Call<'a, T> {
        self.options.timeout = Some(timeout);
        self
    }

    /// Sends the header `name: value` with this call (replacing a default
    /// header of the same name). An invalid name or value fails the call
    /// with [`Error::Config`](crate::Error::Config).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Call<'a, T> {
        self.options.headers.push((name.into(), value.into()));
        self
    }

    /// Retries this call as `policy` says, instead of the client's policy.
    pub fn retry(mut self, policy: RetryPolicy) -> Call<'a, T> {
        self.options.retry = Some(policy);
        self
    }

    /// Uses `credential` for `scheme` in this call (the credential methods
    /// named after the API's schemes call this).
    #[allow(dead_code)] // an API may have no security schemes
    pub(crate) fn credential(
        mut self,
        scheme: &'static str,
        credential: Credential,
    ) -> Call<'a, T> {
        self.options.credentials.push((scheme, credential));
        self
    }

    /// The call, giving the response's status and headers with the body.
    pub fn with_metadata(self) -> WithMetadata<'a, T> {
        WithMetadata(self)
    }

    /// The request, once: what the call would send (for the test helpers).
    #[allow(dead_code)]
    pub(crate) fn request(&self) -> Option<&Request> {
        self.request.as_ref()
    }

    fn poll_response(&mut self, cx: &mut Context<'_>) -> Poll<Result<Response<T>>> {
        if let Some(request) = self.request.take() {
            let options = std::mem::take(&mut self.options);
            self.running = Some(self.client.start(request, options));
        }
        let Some(running) = &mut self.running else {
            // Polled again after it completed: a misuse the caller sees.
            return Poll::Pending;
        };
        let answer = match running.as_mut().poll(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(answer) => answer,
        };
        self.running = None;
        Poll::Ready(answer.and_then(|answer| {
            let body = (self.decode)(&answer)?;
            Ok(Response {
                status: answer.status,
                headers: *answer.headers,
                body,
            })
        }))
    }
}

impl<'a, T: Send + 'a> Future for Call<'a, T> {
    type Output = Result<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<T>> {
        self.get_mut()
            .poll_response(cx)
            .map(|response| response.map(|response| response.body))
    }
}

/// A [`Call`] that gives the whole [`Response`]: status, headers and body.
#[must_use = "a call does nothing until it is awaited"]
pub struct WithMetadata<'a, T>(Call<'a, T>);

impl<'a, T: Send + 'a> Future for WithMetadata<'a, T> {
    type Output = Result<Response<T>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<Response<T>>> {
        self.get_mut().0.poll_response(cx)
    }
}
