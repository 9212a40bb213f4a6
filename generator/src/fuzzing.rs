//! Entry points for the fuzz targets (`generator/fuzz/`) and for the
//! regression tests of what they found: each reads one input's text with a
//! front end into the model. Every outcome is a value: a fuzz crash is a
//! panic on the way. (The emitter is left out: it would cut the executions
//! per second by two orders of magnitude.)

use std::path::Path;

use crate::diagnostic::Error;
use crate::frontend;
use crate::model::Api;

/// `text` as a documentation page.
pub fn docs_page(text: &str) -> Result<Api, Error> {
    frontend::read(&[(Path::new("fuzz.txt"), text)], None).map(|loaded| loaded.api)
}

/// `text` as an OpenAPI document (JSON is YAML).
pub fn openapi(text: &str) -> Result<Api, Error> {
    frontend::read(&[(Path::new("fuzz.yaml"), text)], None).map(|loaded| loaded.api)
}
