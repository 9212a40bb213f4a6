//! The emitter: turns the model into Rust. It never reads input files.
//!
//! The generated code has three parts: `models` (types), `operations` (one
//! method per operation, on its tag's handle) and `runtime` (the client, its error
//! type, the one request path and the macros the models' serde impls are
//! written with; fixed files, see [`runtime`]). `models` and `operations`
//! are split into one module per tag of the API, each behind a cargo feature
//! of that name, plus `models::shared` for the types several tags use (see
//! [`usage`]). Each module is built as pieces ([`source`]): items as syntax,
//! formatted by prettyplease, and macro invocations laid out as text; and
//! [`layout`] puts the modules together as a crate or as one file.

mod about;
mod crate_doc;
mod credentials;
mod doc_examples;
mod docs;
mod emitted;
mod enums;
mod errors;
mod families;
mod features;
mod layout;
mod manifest;
mod model_item;
mod models;
mod operations;
mod pagination;
mod parallel;
mod params;
mod runtime;
mod scope;
mod source;
mod structs;
mod types;
mod unions;
mod usage;
mod uses;

use std::collections::BTreeSet;

pub use emitted::{Emitted, Gating};
pub use layout::{crate_files, is_generated, single_file};

use crate::diagnostic::Error;
use crate::model::Api;
use crate::names::{Names, CRATE_TYPES};
use emitted::{Feature, Part, Server};
use scope::{Place, Scope};
use source::ModuleSource;
use usage::Usage;
use uses::Uses;

/// One module to emit.
enum Job<'a> {
    /// `models::shared` (`None`) or a tag's module of `models`.
    Models(Option<&'a str>),
    Operations(&'a str),
}

/// Emits `api`; with `round_trip`, every type gets both serde traits
/// unconditionally (by default each has those its operations need, and a
/// gated crate puts the others behind its `round-trip` feature).
pub fn emit(
    api: &Api,
    gating: Gating,
    round_trip: bool,
    crate_name: &str,
) -> Result<Emitted, Error> {
    let names = Names::resolve(api);
    let mut usage = Usage::of(api, &names);
    // Every name a model type has: a short import of anything else by one
    // of these names would clash.
    let mut reserved: BTreeSet<String> = api
        .schemas
        .keys()
        .cloned()
        .chain(names.operations().values().filter_map(|n| n.params.clone()))
        .chain(std::iter::once("ErrorBody".to_string()))
        .collect();
    // A generic struct takes none of those names, nor one of the crate's
    // own types.
    let taken: BTreeSet<String> = reserved
        .iter()
        .cloned()
        .chain(
            names
                .operations()
                .values()
                .filter_map(|n| Some(n.handle.as_ref()?.type_name.clone())),
        )
        .chain(CRATE_TYPES.map(str::to_string))
        .collect();
    let families = families::find(api, &taken);
    for family in &families {
        reserved.insert(family.name.clone());
        usage.add_family(&family.name, family.members.keys());
    }
    let gated = gating == Gating::Features;
    let modules = usage.modules();
    // The tag features, in a crate that has them.
    let tags: Vec<String> = match gating {
        Gating::Features => modules.iter().map(|m| m.to_string()).collect(),
        Gating::None => Vec::new(),
    };
    let jobs: Vec<Job<'_>> = std::iter::once(Job::Models(None))
        .chain(modules.iter().map(|module| Job::Models(Some(module))))
        .chain(modules.iter().map(|module| Job::Operations(module)))
        .collect();
    // Each module is built and formatted on its own, on as many threads as
    // the machine has; the results are put back in job order, so the output
    // does not depend on the scheduling.
    let results = parallel::map(&jobs, |job| -> Result<(String, Uses), Error> {
        let (what, source, scope_uses) = match job {
            Job::Models(home) => {
                let mut scope = Scope::new(&usage, &reserved, Place::Models(*home));
                let mut source = models::module(
                    api,
                    &usage,
                    &names,
                    &families,
                    *home,
                    (gated, round_trip),
                    &mut scope,
                );
                // A tag module of `models` with no types and no parameters
                // structs is left out.
                if source.is_empty() {
                    return Ok((String::new(), scope.uses));
                }
                source.doc = vec![match home {
                    Some(tag) => format!(
                        "The types only the `{tag}` operations use, and their parameters structs."
                    ),
                    None => "The types several tags use, those the runtime uses, and those no operation uses.".to_string(),
                }];
                source.use_lines = scope.use_lines();
                if home.is_none() {
                    source.inner_attributes =
                        features::partial_tags_allowance(&tags, "unused_imports");
                }
                let what = format!("models::{}", home.unwrap_or(features::SHARED));
                (what, source, scope.uses)
            }
            Job::Operations(module) => {
                let mut scope = Scope::new(&usage, &reserved, Place::Operations);
                let pieces = operations::module_items(api, &usage, &names, module, &mut scope)?;
                let source = ModuleSource {
                    doc: vec![format!("The operations tagged `{module}`.")],
                    use_lines: scope.use_lines(),
                    pieces,
                    ..ModuleSource::default()
                };
                (format!("operations::{module}"), source, scope.uses)
            }
        };
        Ok((source.render(&what)?, scope_uses))
    });
    let mut scope = Scope::new(&usage, &reserved, Place::Operations);
    let tables = errors::tables(api, &usage, gated, &mut scope);
    let requirements = credentials::requirement_consts(api, &usage, gated, &mut scope);
    let mut pieces = credentials::builder_methods(api, &names, &mut scope);
    pieces.push(source::Piece::Syntax(requirements));
    pieces.push(source::Piece::Syntax(tables));
    let operations_items = ModuleSource {
        inner_attributes: features::partial_tags_allowance(&tags, "unused_imports"),
        use_lines: scope.use_lines(),
        pieces,
        ..ModuleSource::default()
    };
    let features: Vec<Feature> = modules
        .iter()
        .map(|module| Feature {
            name: module.to_string(),
            operations: usage
                .operation_modules
                .values()
                .filter(|m| m == module)
                .count(),
        })
        .collect();
    let mut emitted = Emitted {
        crate_name: crate_name.to_string(),
        info: api.info.clone(),
        models: Vec::new(),
        operations: Vec::new(),
        operations_items,
        runtime: Vec::new(),
        crate_doc: crate_doc::lines(api, &names, crate_name, &features),
        features,
        gating,
        uses: scope.uses,
        server: Server {
            path: api.base_path.clone().unwrap_or_default(),
            default_url: api.server_url.clone(),
        },
    };
    for (job, result) in jobs.iter().zip(results) {
        let (source, uses) = result?;
        emitted.uses.add(uses);
        let part = |module: &str, feature: Option<&str>, source: String| Part {
            module: module.to_string(),
            feature: feature.map(str::to_string),
            source,
            exports: Vec::new(),
        };
        match job {
            Job::Models(_) if source.is_empty() => {}
            Job::Models(home) => {
                let module = home.unwrap_or(features::SHARED);
                emitted.models.push(part(module, *home, source));
            }
            Job::Operations(module) => {
                let mut part = part(module, Some(module), source);
                let handles = names.operations().values().filter(|n| n.module == *module);
                let handle = handles.filter_map(|n| n.handle.as_ref()).next();
                part.exports.extend(handle.map(|h| h.type_name.clone()));
                emitted.operations.push(part);
            }
        }
    }
    emitted.runtime = runtime::files(api, emitted.uses);
    Ok(emitted)
}
