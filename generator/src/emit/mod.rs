//! The emitter: turns the model into Rust, as `quote` token streams per
//! module, formatted with `prettyplease`. It never reads input files.
//!
//! The generated code has three parts: `models` (types), `operations` (one
//! method on `Client` per operation) and `runtime` (the client, its error
//! type and the one request path, the same for every API). `models` and
//! `operations` are split into one module per tag of the API, each behind a
//! cargo feature of that name, plus `models::shared` for the types several
//! tags use (see [`usage`]). [`layout`] lays the modules out as a crate (one
//! file per module) or as one file for `include!`.

mod docs;
mod layout;
pub use layout::is_generated;
mod manifest;
mod models;
mod operations;
mod params;
mod types;
pub mod usage;

use proc_macro2::TokenStream;
use quote::quote;

use crate::diagnostic::Error;
use crate::model::Api;
pub use types::Uses;
use usage::Usage;

/// The runtime module's source, shipped verbatim in every generated crate.
const RUNTIME_SOURCE: &str = include_str!("../../runtime/runtime.rs");

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
    pub file: syn::File,
}

/// The generated code for an API, before it is laid out.
pub struct Emitted {
    pub models: Vec<Part>,
    pub operations: Vec<Part>,
    pub runtime: syn::File,
    /// The tag features, sorted.
    pub features: Vec<String>,
    pub gating: Gating,
    pub uses: Uses,
}

pub fn emit(api: &Api, gating: Gating) -> Result<Emitted, Error> {
    let mut uses = Uses::default();
    let usage = Usage::of(api, &models::error_body_types(api));
    let params_names = params::struct_names(api);
    let params = params::params_structs(api, &params_names, &mut uses);
    let gated = gating == Gating::Features;
    let models = models::models(api, &usage, params, gated, &mut uses)
        .into_iter()
        .map(|part| {
            let doc = match &part.feature {
                Some(tag) => format!("The types only the `{tag}` operations use."),
                None => "The types several tags use, and those no operation uses.".to_string(),
            };
            Ok(Part {
                file: file(&format!("models::{}", part.module), &doc, part.items)?,
                module: part.module,
                feature: part.feature,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let operations = operations::operations(api, &usage, &params_names, &mut uses)?
        .into_iter()
        .map(|(module, items)| {
            let doc = format!("The operations tagged `{module}`.");
            Ok(Part {
                file: file(&format!("operations::{module}"), &doc, items)?,
                feature: Some(module.clone()),
                module,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let runtime = syn::parse_file(RUNTIME_SOURCE).map_err(|error| Error::Emit {
        what: "runtime".into(),
        message: error.to_string(),
    })?;
    Ok(Emitted {
        models,
        features: usage.modules().into_iter().map(str::to_string).collect(),
        operations,
        runtime,
        gating,
        uses,
    })
}

fn file(what: &str, doc: &str, items: TokenStream) -> Result<syn::File, Error> {
    let doc = format!(" {doc}");
    syn::parse2(quote! { #![doc = #doc] #items }).map_err(|error| Error::Emit {
        what: format!("module `{what}`"),
        message: error.to_string(),
    })
}
