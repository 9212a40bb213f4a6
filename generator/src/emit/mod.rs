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
mod errors;
pub mod exercise;
mod layout;
pub use layout::is_generated;
mod manifest;
mod models;
mod operations;
mod pagination;
mod parallel;
mod params;
mod serde_impls;
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
    /// The module's file, formatted.
    pub source: String,
}

/// The generated code for an API, before it is laid out.
pub struct Emitted {
    pub models: Vec<Part>,
    pub operations: Vec<Part>,
    /// The runtime module's file, formatted.
    pub runtime: String,
    /// The error tables, for the `operations` module.
    pub error_tables: TokenStream,
    /// The tag features, sorted.
    pub features: Vec<Feature>,
    pub gating: Gating,
    pub uses: Uses,
}

/// A cargo feature of the generated crate: one tag's operations.
pub struct Feature {
    pub name: String,
    pub operations: usize,
}

/// One module to emit.
enum Job<'a> {
    /// `models::shared` (`None`) or a tag's module of `models`.
    Models(Option<&'a str>),
    Operations(&'a str),
    Runtime,
}

/// Emits `api`; with `round_trip`, every type gets both serde traits
/// unconditionally (by default each has those its operations need, and a
/// gated crate puts the others behind its `round-trip` feature).
pub fn emit(api: &Api, gating: Gating, round_trip: bool) -> Result<Emitted, Error> {
    let usage = Usage::of(api, &models::error_body_types(api));
    let params_names = params::struct_names(api);
    let gated = gating == Gating::Features;
    let modules = usage.modules();
    let jobs: Vec<Job<'_>> = std::iter::once(Job::Models(None))
        .chain(modules.iter().map(|module| Job::Models(Some(module))))
        .chain(modules.iter().map(|module| Job::Operations(module)))
        .chain(std::iter::once(Job::Runtime))
        .collect();
    // Each module is quoted, parsed and formatted on its own, on as many
    // threads as the machine has; the results are put back in job order, so
    // the output does not depend on the scheduling.
    let results = parallel::map(&jobs, |job| {
        let mut uses = Uses::default();
        let (what, doc, items) = match job {
            Job::Models(home) => {
                let items = models::module_items(
                    api,
                    &usage,
                    &params_names,
                    *home,
                    (gated, round_trip),
                    &mut uses,
                );
                let doc = match home {
                    Some(tag) => format!("The types only the `{tag}` operations use, and their parameters structs."),
                    None => "The types several tags use, those the runtime uses, and those no operation uses.".to_string(),
                };
                (
                    format!("models::{}", home.unwrap_or(models::SHARED)),
                    doc,
                    items,
                )
            }
            Job::Operations(module) => {
                let items =
                    operations::module_items(api, &usage, &params_names, module, &mut uses)?;
                (
                    format!("operations::{module}"),
                    format!("The operations tagged `{module}`."),
                    items,
                )
            }
            Job::Runtime => {
                let runtime = syn::parse_file(RUNTIME_SOURCE).map_err(|error| Error::Emit {
                    what: "runtime".into(),
                    message: error.to_string(),
                })?;
                return Ok((layout::unparse(runtime), uses));
            }
        };
        // A tag module of `models` with no types and no parameters structs is left out.
        let empty = items.is_empty();
        let file = file(&what, &doc, items)?;
        Ok((
            if empty {
                String::new()
            } else {
                layout::unparse(file)
            },
            uses,
        ))
    });
    let mut emitted = Emitted {
        models: Vec::new(),
        operations: Vec::new(),
        runtime: String::new(),
        error_tables: errors::tables(api, &usage, gated)?,
        features: modules
            .iter()
            .map(|module| Feature {
                name: module.to_string(),
                operations: usage
                    .operation_modules
                    .values()
                    .filter(|m| m == module)
                    .count(),
            })
            .collect(),
        gating,
        uses: Uses::default(),
    };
    for (job, result) in jobs.iter().zip(results) {
        let (source, uses) = result?;
        emitted.uses.uuid |= uses.uuid;
        emitted.uses.chrono |= uses.chrono;
        let part = |module: &str, feature: Option<&str>, source: String| Part {
            module: module.to_string(),
            feature: feature.map(str::to_string),
            source,
        };
        match job {
            Job::Models(_) if source.is_empty() => {}
            Job::Models(home) => {
                let module = home.unwrap_or(models::SHARED);
                emitted.models.push(part(module, *home, source));
            }
            Job::Operations(module) => {
                emitted.operations.push(part(module, Some(module), source));
            }
            Job::Runtime => emitted.runtime = source,
        }
    }
    Ok(emitted)
}

fn file(what: &str, doc: &str, items: TokenStream) -> Result<syn::File, Error> {
    let doc = format!(" {doc}");
    syn::parse2(quote! { #![doc = #doc] #items }).map_err(|error| Error::Emit {
        what: format!("module `{what}`"),
        message: error.to_string(),
    })
}
