//! The runtime's files, declared as a generated `runtime/mod.rs` declares
//! them for an API that uses every one.

#[path = "../../../../generator/runtime/base64.rs"]
mod base64;
#[path = "../../../../generator/runtime/call.rs"]
mod call;
#[path = "../../../../generator/runtime/client.rs"]
mod client;
#[path = "../../../../generator/runtime/credentials.rs"]
mod credentials;
#[path = "../../../../generator/runtime/error.rs"]
mod error;
#[path = "../../../../generator/runtime/form.rs"]
mod form;
#[path = "../../../../generator/runtime/hooks.rs"]
mod hooks;
#[path = "../../../../generator/runtime/nullable.rs"]
mod nullable;
#[path = "../../../../generator/runtime/object.rs"]
mod object;
#[path = "../../../../generator/runtime/one_of.rs"]
mod one_of;
#[path = "../../../../generator/runtime/pagination.rs"]
mod pagination;
#[path = "../../../../generator/runtime/params.rs"]
mod params;
#[path = "../../../../generator/runtime/path_style.rs"]
mod path_style;
#[path = "../../../../generator/runtime/read.rs"]
pub(crate) mod read;
#[path = "../../../../generator/runtime/request.rs"]
mod request;
#[path = "../../../../generator/runtime/retry.rs"]
mod retry;
#[path = "../../../../generator/runtime/send.rs"]
mod send;
#[path = "../../../../generator/runtime/string_enum.rs"]
mod string_enum;
#[path = "../../../../generator/runtime/tagged_union.rs"]
mod tagged_union;
#[path = "../../../../generator/runtime/value_enum.rs"]
mod value_enum;

/// As authentik's document gives it.
const SERVER_PATH: &str = "/api/v3";

pub use base64::Base64;
pub use call::{Call, Response, WithMetadata};
pub use client::{Client, ClientBuilder};
pub(crate) use credentials::*;
pub(crate) use error::*;
pub use error::{Error, Headers, Result};
pub(crate) use form::*;
pub use hooks::{Outcome, RequestInfo, ResponseInfo};
pub use nullable::Nullable;
pub(crate) use object::*;
pub(crate) use one_of::*;
pub(crate) use pagination::*;
pub(crate) use params::*;
pub(crate) use path_style::*;
pub(crate) use request::*;
pub use retry::RetryPolicy;
pub(crate) use string_enum::*;
pub(crate) use tagged_union::*;
pub(crate) use value_enum::*;
