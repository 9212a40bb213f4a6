//! The runtime's files, compiled as the generated crates compile them: in a
//! `runtime` module beside a `models` module that has an `ErrorBody`.
//! `tests.rs` holds their unit tests.

// The runtime is used by the tests alone, not by this library.
#![allow(dead_code, unused_imports, unused_macros)]

pub mod models {
    /// The stand-in for a generated crate's `ErrorBody`.
    #[derive(Clone, Debug, PartialEq)]
    pub enum ErrorBody {
        Other(serde_json::Value),
    }

    impl From<serde_json::Value> for ErrorBody {
        fn from(body: serde_json::Value) -> Self {
            ErrorBody::Other(body)
        }
    }
}

/// What a generated `runtime/mod.rs` declares for an API that uses every file.
pub mod runtime;

pub use runtime::{Call, ClientBuilder, Nullable};

#[cfg(test)]
mod tests;
