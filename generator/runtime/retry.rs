//! When a failed attempt is tried again, and after how long.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, SystemTime};

use reqwest::header::RETRY_AFTER;

/// An HTTP method, for [`RetryPolicy::methods`] (re-exported from
/// `reqwest`, so the crate's users need not depend on it).
pub use reqwest::Method;

use super::Headers;

/// Which failed attempts are tried again, how often, and how long to wait
/// in between.
///
/// The default retries what is safe to repeat: a connection error or
/// timeout, or the statuses 408, 429, 502, 503 and 504, on the idempotent
/// methods (`GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS`), at most twice,
/// after an exponential backoff from 500 ms (doubling, capped at 30 s; the
/// wait is a random point in the upper half of it), or after what
/// `Retry-After` says (seconds or an HTTP date, capped at 60 s). A `POST`
/// or `PATCH` is never retried unless [`RetryPolicy::methods`] or
/// [`RetryPolicy::all_methods`] says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_retries: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
    /// The methods retried; `None` for every method.
    methods: Option<Vec<Method>>,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            max_retries: 2,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(60),
            methods: Some(IDEMPOTENT.to_vec()),
        }
    }
}

impl RetryPolicy {
    /// No retries: every call is one attempt.
    pub fn none() -> RetryPolicy {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// At most `retries` attempts after the first.
    pub fn max_retries(mut self, retries: u32) -> RetryPolicy {
        self.max_retries = retries;
        self
    }

    /// The backoff before the first retry; it doubles for each later one,
    /// up to `max`. The wait is a random point in its upper half (so that
    /// clients that failed together do not retry together).
    pub fn backoff(mut self, initial: Duration, max: Duration) -> RetryPolicy {
        self.initial_backoff = initial;
        self.max_backoff = max;
        self
    }

    /// The longest wait a `Retry-After` header is followed for.
    pub fn max_retry_after(mut self, max: Duration) -> RetryPolicy {
        self.max_retry_after = max;
        self
    }

    /// Retries requests of these methods only (by default the idempotent
    /// ones: `GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS`).
    pub fn methods(mut self, methods: impl IntoIterator<Item = Method>) -> RetryPolicy {
        self.methods = Some(methods.into_iter().collect());
        self
    }

    /// Retries requests of every method, `POST` and `PATCH` too: only for
    /// an API whose writes are safe to repeat.
    pub fn all_methods(mut self) -> RetryPolicy {
        self.methods = None;
        self
    }

    /// The number of retries after the first attempt.
    pub fn retries(&self) -> u32 {
        self.max_retries
    }

    /// Whether a failed attempt (`attempt` counts from 1) of a `method`
    /// request is tried again, after a failure with `status` (`None`: the
    /// request did not get a response).
    pub(crate) fn retries_after(&self, method: &Method, attempt: u32, status: Option<u16>) -> bool {
        let retried_status = match status {
            None => true,
            Some(status) => matches!(status, 408 | 429 | 502 | 503 | 504),
        };
        let retried_method = match &self.methods {
            None => true,
            Some(methods) => methods.contains(method),
        };
        attempt <= self.max_retries && retried_method && retried_status
    }

    /// How long to wait before attempt `attempt + 1`: what `Retry-After`
    /// says, capped, or the backoff.
    pub(crate) fn wait(&self, attempt: u32, headers: Option<&Headers>) -> Duration {
        if let Some(after) = headers.and_then(retry_after) {
            return after.min(self.max_retry_after);
        }
        let exponent = attempt.saturating_sub(1).min(20);
        let ceiling = self
            .initial_backoff
            .saturating_mul(1 << exponent)
            .min(self.max_backoff);
        ceiling.mul_f64(0.5 + jitter() / 2.0)
    }
}

/// The methods whose requests are safe to repeat.
const IDEMPOTENT: [Method; 5] = [
    Method::GET,
    Method::HEAD,
    Method::PUT,
    Method::DELETE,
    Method::OPTIONS,
];

/// A `Retry-After` header: a number of seconds, or an HTTP date.
fn retry_after(headers: &Headers) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(
        date.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// A random fraction in [0, 1), from the standard library's per-process
/// random hash keys.
fn jitter() -> f64 {
    let random = RandomState::new().build_hasher().finish();
    (random >> 11) as f64 / (1u64 << 53) as f64
}
