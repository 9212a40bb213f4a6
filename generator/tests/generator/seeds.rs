//! The seed pages in `spec/`: two operations of authentik's API reference,
//! read as the command line reads them by default, with the name the pages
//! do not show and the package name of the committed `generated/` crate.

use apidocs2rs::Generator;

/// The folder of the seed pages, from the package's folder.
pub const FOLDER: &str = "../spec";
/// The API the pages are of (they do not show its name).
pub const TITLE: &str = "authentik";
/// The package name of the committed crate.
pub const CRATE: &str = "authentik-api";

/// A generator of the seed pages at `spec` (the folder, or one page), as
/// `cargo run -p apidocs2rs` sets it up.
pub fn generator(spec: &str) -> Generator {
    Generator::new().spec(spec).title(TITLE).crate_name(CRATE)
}
