//! The fuzz targets' entry points (`apidocs2rs::fuzzing`, run by
//! `generator/fuzz/run.sh`) on their seeds and on garbage. Every input a
//! fuzz run crashes on becomes a test here (none so far).

use apidocs2rs::fuzzing;

#[test]
fn the_seeds_give_models() {
    for page in [
        "../spec/000_d5606ba46899795a.txt",
        "../spec/002_f9504824eacc2b16.txt",
    ] {
        let text = std::fs::read_to_string(page).unwrap_or_else(|e| panic!("{page}: {e}"));
        let api = fuzzing::docs_page(&text).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert_eq!(api.operations.len(), 1, "{page}");
    }
    let text = include_str!("../fixtures/constructs.yaml");
    let api = fuzzing::openapi(text).unwrap_or_else(|e| panic!("constructs.yaml: {e}"));
    assert_eq!(api.operations.len(), 7);
}

#[test]
fn garbage_gives_located_errors() {
    for text in [
        "",
        "\u{0}",
        "Array [",
        "openapi: [",
        "{\"openapi\": 3}",
        "paths:\n  /x: 5",
    ] {
        for (name, result) in [
            ("page", fuzzing::docs_page(text)),
            ("document", fuzzing::openapi(text)),
        ] {
            match result {
                Err(error) => assert!(
                    error.to_string().contains("fuzz."),
                    "{name} {text:?}: {error}"
                ),
                Ok(api) => assert!(api.operations.is_empty(), "{name} {text:?} gave {api:?}"),
            }
        }
    }
}
