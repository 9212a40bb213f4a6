//! The generated clients' behaviour, in one test binary: the committed
//! crate (`generated/`, from the seed pages) and the clients that
//! `tests/constructs-client/` and `tests/any-api-client/` generate with
//! build.rs, against local HTTP servers (wiremock); and build.rs
//! generation itself (this package's `build.rs`), which must give the same
//! API as `generated/`. The generator's own tests are in
//! `generator/tests/`.

mod any_api;
mod build_rs;
mod client_behaviour;
mod client_http;
mod deployment;
#[path = "../support/mod.rs"]
mod support;
