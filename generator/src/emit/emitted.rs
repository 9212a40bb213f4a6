//! What the emitter produces for an API, before it is laid out as a crate
//! or as one file: the modules' text, the runtime files it needs, the
//! crate's doc and features, and what the crate says it is.

use super::runtime::RuntimeFile;
use super::source::ModuleSource;
use super::uses::Uses;
use crate::model::Info;

/// Whether the tag modules are compiled only with their cargo feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gating {
    /// A crate with one feature per tag: each tag module and type carries a
    /// `#[cfg(feature = ...)]`.
    Features,
    /// Everything is compiled (one file for `include!` into a crate that
    /// has no such features).
    None,
}

/// One module inside `models` or `operations`.
pub struct Part {
    /// The module name: a tag's, or `shared`.
    pub module: String,
    /// The feature that compiles the module, if any (the tag's).
    pub feature: Option<String>,
    /// The module's text (without the file header).
    pub source: String,
    /// The names its parent re-exports (an operations module's handle).
    pub exports: Vec<String>,
}

/// The generated code for an API, before it is laid out.
pub struct Emitted {
    /// The package name (`ory-hydra-client`).
    pub crate_name: String,
    /// What the input says of the API (for the manifest and the README).
    pub info: Info,
    pub models: Vec<Part>,
    pub operations: Vec<Part>,
    /// The `use` lines and items of `operations/mod.rs` (the error tables).
    pub operations_items: ModuleSource,
    /// The runtime files the API uses.
    pub runtime: Vec<&'static RuntimeFile>,
    /// The crate's doc, line by line.
    pub crate_doc: Vec<String>,
    /// The tag features, sorted.
    pub features: Vec<Feature>,
    pub gating: Gating,
    pub uses: Uses,
    /// Where the API is served (`SERVER_PATH`, `DEFAULT_BASE_URL`).
    pub server: Server,
}

/// Where the API is served, as the generated crate states it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Server {
    /// The path `Client::new` appends to a base URL that does not end with
    /// it (`/api/v3`); empty for none.
    pub path: String,
    /// The crate's `DEFAULT_BASE_URL`, where the input gives an absolute one.
    pub default_url: Option<String>,
}

/// A cargo feature of the generated crate: one tag's operations.
pub struct Feature {
    pub name: String,
    pub operations: usize,
}
