//! The OpenAPI front end on arbitrary text (JSON or YAML): a model or a
//! located error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = apidocs2rs::fuzzing::openapi(text);
    }
});
