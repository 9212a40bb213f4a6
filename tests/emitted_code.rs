//! The emitted Rust for each seed page, as a reviewable snapshot; and the
//! guarantees about output as a whole: byte-identical across runs, and the
//! committed `generated/` crate is what the generator makes from `spec/`.

use generator::Generator;

fn source(spec: &str) -> String {
    match Generator::new().spec(spec).generate_source() {
        Ok((source, _)) => source,
        Err(error) => panic!("{spec} should generate: {error}"),
    }
}

#[test]
fn providers_proxy_partial_update_code() {
    insta::assert_snapshot!(
        "providers_proxy_partial_update_code",
        source("spec/002_f9504824eacc2b16.txt")
    );
}

#[test]
fn outposts_instances_update_code() {
    insta::assert_snapshot!(
        "outposts_instances_update_code",
        source("spec/000_d5606ba46899795a.txt")
    );
}

#[test]
fn the_emitted_file_parses_as_rust() {
    let source = source("spec");
    if let Err(error) = syn::parse_file(&source) {
        panic!("the emitted file is not valid Rust: {error}");
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    let first = Generator::new().spec("spec").generate();
    let second = Generator::new().spec("spec").generate();
    match (first, second) {
        (Ok(first), Ok(second)) => {
            assert!(!first.files.is_empty());
            assert_eq!(first.files, second.files);
            assert_eq!(first.report, second.report);
        }
        (first, second) => panic!("generation failed: {:?} / {:?}", first.err(), second.err()),
    }
    assert_eq!(source("spec"), source("spec"));
}

/// Fails when someone changed `spec/` or the generator without running
/// `cargo run -p generator`.
#[test]
fn generated_crate_is_up_to_date() {
    if let Err(error) = Generator::new().spec("spec").check_crate("generated") {
        panic!("{error}\nrun `cargo run -p generator` and commit generated/");
    }
}

#[test]
fn check_names_the_file_that_differs() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("a temporary folder: {error}"));
    let generator = Generator::new().spec("spec");
    if let Err(error) = generator.write_crate(dir.path()) {
        panic!("writing the crate: {error}");
    }
    assert!(generator.check_crate(dir.path()).is_ok());
    let models = dir.path().join("src/models/shared.rs");
    write(&models, "// edited by hand\n");
    match generator.check_crate(dir.path()) {
        Err(generator::Error::Stale { differing }) => assert_eq!(differing, [models]),
        other => panic!("expected a stale error, got {other:?}"),
    }
}

fn write(path: &std::path::Path, content: &str) {
    if let Err(error) = std::fs::write(path, content) {
        panic!("{}: {error}", path.display());
    }
}

/// A module the generator once wrote and no longer makes (a tag that went
/// away) is stale: `--check` names it and writing removes it. Files the
/// generator did not write are the user's and stay.
#[test]
fn generated_files_no_longer_made_are_removed() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("a temporary folder: {error}"));
    let generator = Generator::new().spec("spec");
    if let Err(error) = generator.write_crate(dir.path()) {
        panic!("writing the crate: {error}");
    }
    let gone = dir.path().join("src/operations/gone.rs");
    let generated = std::fs::read_to_string(dir.path().join("src/operations/outposts.rs"))
        .unwrap_or_else(|error| panic!("reading a generated module: {error}"));
    write(&gone, &generated);
    let users = dir.path().join("src/extra.rs");
    write(&users, "// the user's own file\n");
    match generator.check_crate(dir.path()) {
        Err(generator::Error::Stale { differing }) => {
            assert_eq!(differing, std::slice::from_ref(&gone))
        }
        other => panic!("expected a stale error, got {other:?}"),
    }
    if let Err(error) = generator.write_crate(dir.path()) {
        panic!("writing the crate again: {error}");
    }
    assert!(!gone.exists(), "the stale module is removed");
    assert!(users.exists(), "the user's file stays");
    assert!(generator.check_crate(dir.path()).is_ok());
}
