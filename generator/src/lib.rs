//! A generator of Rust API clients from API documentation: the reference
//! pages a person copies from a docs site, or an OpenAPI 3.0/3.1 document.
//!
//! The pipeline has three stages, one folder each, and a few modules
//! between them:
//!
//! - the front ends (`frontend/`: `docs_page/` for pages, `openapi/` for
//!   documents) read an input into the [`model`], the centre of the design:
//!   operations, parameters, bodies, responses and named types, with every
//!   fact the input leaves open recorded as unstated;
//! - [`ident`] makes every Rust identifier from a wire name (the front ends
//!   name types, fields and variants with it), and [`names`] settles the
//!   rest once, before anything is emitted: methods, tag modules and
//!   features, parameters structs, path arguments, credential methods;
//! - [`shape`] decides how model facts take shape in Rust (`T`,
//!   `Option<T>`, `Nullable<T>`, boxing, how a body travels), for the
//!   emitter and for code written against a generated crate;
//! - the emitter (`emit/`) turns the model into Rust with `quote` and
//!   `prettyplease`, and lays it out as a crate or as one file; the
//!   runtime files a generated crate carries are in `runtime/`;
//! - beside the generation: [`diff`] compares two versions of an API in
//!   Rust terms, `openapi_export` writes the model as an OpenAPI document
//!   ([`Generator::export_openapi`]), and [`fuzzing`] holds the fuzz
//!   targets' entry points.
//!
//! The [`Generator`] is the library API (the command line is a thin layer
//! over it); errors and warnings, which name the file and line or JSON
//! pointer, are in [`diagnostic`].
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let out_dir = std::env::var("OUT_DIR")?;
//!     apidocs2rs::Generator::new().spec("openapi.yaml").generate_file(format!("{out_dir}/client.rs"))?;
//!     Ok(())
//! }
//! ```

pub mod diagnostic;
pub mod diff;
mod emit;
mod frontend;
#[doc(hidden)]
pub mod fuzzing;
pub mod ident;
pub mod model;
pub mod names;
mod openapi_export;
mod output;
pub mod shape;

pub use diagnostic::{warning_kinds, Error, Location, Warning};
pub use frontend::Layout;
pub use output::{Generated, Generator, Report};
