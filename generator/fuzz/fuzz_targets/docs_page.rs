//! The docs-page parser on arbitrary text: it must return a page or a
//! located error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = apidocs2rs::fuzzing::docs_page(text);
    }
});
