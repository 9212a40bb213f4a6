//! Hooks: functions of the user's that see each attempt's request before
//! it is sent (and may change it), and each attempt's response or error.

use std::sync::Arc;
use std::time::Duration;

use super::{Error, Headers};

/// What a request hook is told besides the request.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct RequestInfo {
    /// The operation id (`core_users_list`).
    pub operation: &'static str,
    /// The path template (`/core/users/{id}/`).
    pub path: &'static str,
    /// The attempt, from 1.
    pub attempt: u32,
}

/// What a response hook sees of one attempt.
#[derive(Debug)]
#[non_exhaustive]
pub struct ResponseInfo<'a> {
    pub operation: &'static str,
    pub path: &'static str,
    pub attempt: u32,
    /// From sending the request to the end of the response's body.
    pub elapsed: Duration,
    pub outcome: Outcome<'a>,
}

/// A response (any status), or why there was none.
#[derive(Debug)]
pub enum Outcome<'a> {
    Response { status: u16, headers: &'a Headers },
    Error(&'a Error),
}

pub(crate) type RequestHook = Arc<dyn Fn(&mut reqwest::Request, &RequestInfo) + Send + Sync>;
pub(crate) type ResponseHook = Arc<dyn Fn(&ResponseInfo<'_>) + Send + Sync>;

/// The hooks of a client, each list in the order they were added.
#[derive(Clone, Default)]
pub(crate) struct Hooks {
    pub(crate) request: Vec<RequestHook>,
    pub(crate) response: Vec<ResponseHook>,
}

impl std::fmt::Debug for Hooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hooks")
            .field("request", &self.request.len())
            .field("response", &self.response.len())
            .finish()
    }
}
