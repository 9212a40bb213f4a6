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

/// The emitter lays the model structs out as text inside `object!`: each
/// invocation holds one struct whose every field has one `#[wire]`
/// attribute, and every model struct is declared in one.
#[test]
fn every_model_struct_is_declared_in_object_with_a_wire_attribute_per_field() {
    let file = syn::parse_file(&source(seeds::FOLDER))
        .unwrap_or_else(|error| panic!("the emitted file is not valid Rust: {error}"));
    let mut declared = Vec::new();
    collect(&file.items, &mut declared);
    assert!(!declared.is_empty());
    for (name, fields) in &declared {
        for (field, wires) in fields {
            assert_eq!(*wires, 1, "`#[wire]` attributes of `{name}::{field}`");
        }
    }
}

/// `(struct, [(field, number of #[wire] attributes)])` of each `object!`.
type Declared = Vec<(String, Vec<(String, usize)>)>;

fn collect(items: &[syn::Item], declared: &mut Declared) {
    for item in items {
        match item {
            // The runtime's structs are not models, nor the tags' handles.
            syn::Item::Mod(module) if module.ident != "runtime" && module.ident != "operations" => {
                if let Some((_, items)) = &module.content {
                    collect(items, declared);
                }
            }
            syn::Item::Struct(model) if !model.ident.to_string().ends_with("Params") => {
                panic!("`{}` is declared outside `object!`", model.ident)
            }
            syn::Item::Macro(call) if call.mac.path.is_ident("object") => {
                // The struct, then `impl Serialize;` lines, which are no Rust.
                let tokens: Vec<proc_macro2::TokenTree> =
                    call.mac.tokens.clone().into_iter().collect();
                let end = tokens
                    .iter()
                    .position(|token| matches!(token, proc_macro2::TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Brace))
                    .unwrap_or_else(|| panic!("`object!` without a struct: {}", call.mac.tokens));
                let item: proc_macro2::TokenStream = tokens[..=end].iter().cloned().collect();
                let model: syn::ItemStruct = syn::parse2(item).unwrap_or_else(|error| {
                    panic!("`object!` holds no struct ({error}): {}", call.mac.tokens)
                });
                let fields = model
                    .fields
                    .iter()
                    .map(|field| {
                        let name = field
                            .ident
                            .as_ref()
                            .map_or(String::new(), |i| i.to_string());
                        let wires = field
                            .attrs
                            .iter()
                            .filter(|a| a.path().is_ident("wire"))
                            .count();
                        (name, wires)
                    })
                    .collect();
                declared.push((model.ident.to_string(), fields));
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
