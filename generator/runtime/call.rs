//! What an operation method returns: a [`Call`], the future of the decoded
//! answer, which can first be given options for this call alone, or be
//! turned into one that also gives the response's status and headers.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use serde::de::DeserializeOwned;

use super::client::Client;
use super::credentials::Credential;
use super::request::Request;
use super::retry::RetryPolicy;
use super::{decode_json, Error, Headers, Result};

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

/// How a successful response's body becomes the call's output. Decoding
/// is generic only where a call is awaited, so a crate compiles the
/// decoding of the answers its user awaits, not of every operation's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Decoding {
    /// The body as JSON.
    Json,
    /// The body as JSON, or `None` when there is none (a 204).
    JsonIfAny,
    /// No body to decode: `()`.
    Empty,
    /// The body as text: `String`.
    Text,
    /// The body's bytes: `Vec<u8>`.
    Bytes,
}

/// The output of a call from its answer.
fn decode<T: DeserializeOwned + 'static>(
    decoding: Decoding,
    answer: Answer,
) -> Result<Response<T>> {
    let body = match decoding {
        Decoding::Json => decode_json(&answer.bytes),
        // `Option<T>`, `()`: from `null` when there is no body.
        Decoding::JsonIfAny | Decoding::Empty
            if decoding == Decoding::Empty || answer.bytes.iter().all(u8::is_ascii_whitespace) =>
        {
            decode_json(b"null")
        }
        Decoding::JsonIfAny | Decoding::Empty => decode_json(&answer.bytes),
        Decoding::Text => {
            let text = String::from_utf8_lossy(&answer.bytes).into_owned();
            return Ok(Response {
                status: answer.status,
                headers: *answer.headers,
                body: from_any(Box::new(text))?,
            });
        }
        Decoding::Bytes => {
            return Ok(Response {
                status: answer.status,
                headers: *answer.headers,
                body: from_any(Box::new(answer.bytes))?,
            });
        }
    };
    match body {
        Ok(body) => Ok(Response {
            status: answer.status,
            headers: *answer.headers,
            body,
        }),
        Err(source) => Err(Error::decode(
            answer.operation,
            answer.status,
            answer.headers,
            source,
        )),
    }
}

/// A `String` or `Vec<u8>` as the call's output type, which it is for the
/// calls that decode text or bytes.
fn from_any<T: 'static>(value: Box<dyn Any>) -> Result<T> {
    value
        .downcast::<T>()
        .map(|value| *value)
        .map_err(|_| Error::Config {
            message: "a text or byte answer for a call of another type".to_string(),
        })
}

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
    decoding: Decoding,
    running: Option<Running<'a>>,
    answer: PhantomData<fn() -> T>,
}

impl<'a, T> Call<'a, T> {
    pub(crate) fn new(client: &'a Client, request: Request, decoding: Decoding) -> Call<'a, T> {
        Call {
            client,
            request: Some(request),
            options: CallOptions::default(),
            decoding,
            running: None,
            answer: PhantomData,
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

    /// Its parts, for a call of another page of the same list.
    #[allow(dead_code)] // an API may have no paged lists
    pub(crate) fn into_parts(self) -> (&'a Client, Option<Request>, CallOptions, Decoding) {
        (self.client, self.request, self.options, self.decoding)
    }

    /// A call from its parts (`into_parts`).
    #[allow(dead_code)] // an API may have no paged lists
    pub(crate) fn from_parts(
        client: &'a Client,
        request: Option<Request>,
        options: CallOptions,
        decoding: Decoding,
    ) -> Call<'a, T> {
        Call {
            client,
            request,
            options,
            decoding,
            running: None,
            answer: PhantomData,
        }
    }

    /// The request, once: what the call would send (for the test helpers).
    #[allow(dead_code)]
    pub(crate) fn request(&self) -> Option<&Request> {
        self.request.as_ref()
    }

    /// Starts the exchange on the first poll, then polls it.
    fn poll_answer(&mut self, cx: &mut Context<'_>) -> Poll<Result<Answer>> {
        if let Some(request) = self.request.take() {
            let options = std::mem::take(&mut self.options);
            self.running = Some(self.client.start(request, options));
        }
        let Some(running) = &mut self.running else {
            // Polled again after it completed: a misuse the caller sees.
            return Poll::Pending;
        };
        let answer = running.as_mut().poll(cx);
        if answer.is_ready() {
            self.running = None;
        }
        answer
    }
}

impl<T: DeserializeOwned + 'static> Future for Call<'_, T> {
    type Output = Result<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<T>> {
        let call = self.get_mut();
        let decoding = call.decoding;
        call.poll_answer(cx).map(|answer| {
            answer
                .and_then(|answer| decode(decoding, answer))
                .map(|response| response.body)
        })
    }
}

/// A [`Call`] that gives the whole [`Response`]: status, headers and body.
#[must_use = "a call does nothing until it is awaited"]
pub struct WithMetadata<'a, T>(Call<'a, T>);

impl<T: DeserializeOwned + 'static> Future for WithMetadata<'_, T> {
    type Output = Result<Response<T>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<Response<T>>> {
        let call = &mut self.get_mut().0;
        let decoding = call.decoding;
        call.poll_answer(cx)
            .map(|answer| answer.and_then(|answer| decode(decoding, answer)))
    }
}
