//! A generator of Rust API clients from API documentation.
//!
//! The pipeline has three stages, one folder each: the front ends
//! (`src/frontend/`) read an input form into the [`model`], the emitter
//! (`src/emit/`) turns the model into Rust, and the [`Generator`] writes the
//! result as a crate or as one file for `build.rs`. Names are made in
//! [`ident`]; errors and warnings are in [`diagnostic`].
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let out_dir = std::env::var("OUT_DIR")?;
//!     apidocs2rs::Generator::new().spec("spec").generate_file(format!("{out_dir}/client.rs"))?;
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
pub use output::{Generated, Generator, Report};
