//! The authentik client, generated from `spec/` at build time by `build.rs`:
//! the same API as the committed `generated/` crate, without committing it.

include!(concat!(env!("OUT_DIR"), "/authentik_client.rs"));

/// The README's Rust examples, compiled as doctests by `cargo test`, so
/// they cannot drift from the generator and the crates it makes.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeExamples;
