//! The emitted Rust for each seed page, as a reviewable snapshot; and the
//! guarantees about output as a whole: byte-identical across runs, and the
//! committed `generated/` crate is what the generator makes from `spec/`.

use crate::seeds;

fn source(spec: &str) -> String {
    match seeds::generator(spec).generate_source() {
        Ok((source, _)) => source,
        Err(error) => panic!("{spec} should generate: {error}"),
    }
}

/// The crate's files but the runtime (fixed files, tested on their own).
fn crate_code(spec: &str) -> String {
    let generated = seeds::generator(spec)
        .generate()
        .unwrap_or_else(|error| panic!("{spec} should generate: {error}"));
    generated
        .files
        .iter()
        .filter(|(path, _)| !path.starts_with("src/runtime"))
        .map(|(path, content)| format!("==> {} <==\n{content}\n", path.display()))
        .collect()
}

#[test]
fn providers_proxy_partial_update_code() {
    insta::assert_snapshot!(
        "providers_proxy_partial_update_code",
        crate_code("../spec/002_f9504824eacc2b16.txt")
    );
}

#[test]
fn outposts_instances_update_code() {
    insta::assert_snapshot!(
        "outposts_instances_update_code",
        crate_code("../spec/000_d5606ba46899795a.txt")
    );
}

/// The emitter lays the serde macro invocations out as text: each must be
/// Rust, and list every field of its struct, in order, and nothing else.
#[test]
fn every_object_invocation_lists_the_fields_of_its_struct() {
    let file = syn::parse_file(&source(seeds::FOLDER))
        .unwrap_or_else(|error| panic!("the emitted file is not valid Rust: {error}"));
    let mut structs = std::collections::BTreeMap::new();
    let mut invocations = Vec::new();
    collect(&file.items, &mut structs, &mut invocations);
    assert!(!invocations.is_empty());
    for (name, listed) in &invocations {
        let declared = structs
            .get(name)
            .unwrap_or_else(|| panic!("`object!` for `{name}`, which is not a struct"));
        assert_eq!(listed, declared, "the fields of `{name}`");
    }
    // Parameters structs are not sent as JSON; every other struct is.
    let models = structs.keys().filter(|name| !name.ends_with("Params"));
    assert_eq!(
        invocations.len(),
        models.count(),
        "one invocation per model struct"
    );
}

type Fields = Vec<String>;

fn collect(
    items: &[syn::Item],
    structs: &mut std::collections::BTreeMap<String, Fields>,
    invocations: &mut Vec<(String, Fields)>,
) {
    use proc_macro2::TokenTree;
    for item in items {
        match item {
            // The runtime's structs are not models, nor the tags' handles.
            syn::Item::Mod(module) if module.ident != "runtime" && module.ident != "operations" => {
                if let Some((_, items)) = &module.content {
                    collect(items, structs, invocations);
                }
            }
            syn::Item::Struct(declared) => {
                let fields = declared
                    .fields
                    .iter()
                    .filter_map(|field| field.ident.as_ref())
                    .map(|ident| ident.to_string())
                    .collect();
                structs.insert(declared.ident.to_string(), fields);
            }
            syn::Item::Macro(call) if call.mac.path.is_ident("object") => {
                let mut tokens = call.mac.tokens.clone().into_iter();
                let Some(TokenTree::Ident(name)) = tokens.next() else {
                    panic!("`object!` without a type name: {}", call.mac.tokens)
                };
                let Some(TokenTree::Group(body)) = tokens.next() else {
                    panic!("`object!` without fields: {}", call.mac.tokens)
                };
                // `name: "wire" kind,` and `..name`: the idents that start an entry.
                let mut fields = Vec::new();
                let mut at_start = true;
                for token in body.stream() {
                    match &token {
                        TokenTree::Ident(ident) if at_start => {
                            fields.push(ident.to_string());
                            at_start = false;
                        }
                        TokenTree::Punct(p) if p.as_char() == ',' => at_start = true,
                        TokenTree::Punct(p) if p.as_char() == '.' => at_start = true,
                        _ => at_start = false,
                    }
                }
                invocations.push((name.to_string(), fields));
            }
            _ => {}
        }
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    let first = seeds::generator(seeds::FOLDER).generate();
    let second = seeds::generator(seeds::FOLDER).generate();
    match (first, second) {
        (Ok(first), Ok(second)) => {
            assert!(!first.files.is_empty());
            assert_eq!(first.files, second.files);
            assert_eq!(first.report, second.report);
        }
        (first, second) => panic!("generation failed: {:?} / {:?}", first.err(), second.err()),
    }
    assert_eq!(source(seeds::FOLDER), source(seeds::FOLDER));
}

/// Fails when someone changed `spec/` or the generator without running
/// `cargo run -p apidocs2rs`.
#[test]
fn generated_crate_is_up_to_date() {
    if let Err(error) = seeds::generator(seeds::FOLDER).check_crate("../generated") {
        panic!("{error}\nrun `cargo run -p apidocs2rs` and commit generated/");
    }
}

#[test]
fn check_names_the_file_that_differs() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("a temporary folder: {error}"));
    let generator = seeds::generator(seeds::FOLDER);
    if let Err(error) = generator.write_crate(dir.path()) {
        panic!("writing the crate: {error}");
    }
    assert!(generator.check_crate(dir.path()).is_ok());
    let models = dir.path().join("src/models/shared.rs");
    write(&models, "// edited by hand\n");
    match generator.check_crate(dir.path()) {
        Err(apidocs2rs::Error::Stale { differing }) => assert_eq!(differing, [models]),
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
    let generator = seeds::generator(seeds::FOLDER);
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
        Err(apidocs2rs::Error::Stale { differing }) => {
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
