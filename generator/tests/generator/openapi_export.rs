//! `export-openapi`: the pages in `spec/` written as an OpenAPI 3.0 document
//! generate the same client as the pages themselves (every file of the
//! crate, byte for byte), in YAML and in JSON; so do both shared authentik
//! documents read and written back. `.ci/run` also validates the exported
//! documents with a third-party validator (`openapi-spec-validator`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use apidocs2rs::Generator;

use crate::shared;

fn crate_files(spec: &std::path::Path) -> BTreeMap<PathBuf, String> {
    Generator::new()
        .spec(spec)
        .generate()
        .unwrap_or_else(|e| panic!("{}: {e}", spec.display()))
        .files
}

#[test]
fn the_exported_document_generates_the_same_client_as_the_pages() {
    let from_pages = crate_files(std::path::Path::new("../spec"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for name in ["exported.yaml", "exported.json"] {
        let document = dir.path().join(name);
        let report = Generator::new()
            .spec("../spec")
            .export_openapi(&document)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(report.operations, 2);
        let from_document = crate_files(&document);
        let differing: Vec<String> = from_pages
            .keys()
            .chain(from_document.keys())
            .filter(|path| from_pages.get(*path) != from_document.get(*path))
            .map(|path| path.display().to_string())
            .collect();
        for path in &differing {
            let path = PathBuf::from(path);
            let (a, b) = (
                from_pages.get(&path).cloned().unwrap_or_default(),
                from_document.get(&path).cloned().unwrap_or_default(),
            );
            for (line_a, line_b) in a.lines().zip(b.lines()).filter(|(x, y)| x != y).take(5) {
                println!(
                    "{}:\n  pages:    {line_a}\n  document: {line_b}",
                    path.display()
                );
            }
        }
        assert!(differing.is_empty(), "{name}: files differ: {differing:?}");
    }
}

/// Both shared authentik documents, read into the model and written back:
/// the client generated from the written document is the same, so the export
/// keeps every construct the authentik API uses.
#[test]
fn the_whole_authentik_api_round_trips_through_the_export() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for version in ["2025.12.6", "2026.5.6"] {
        let Some(spec) = shared::document(&format!("specs/authentik-{version}.yml")) else {
            return;
        };
        let document = dir.path().join(format!("{version}.yaml"));
        Generator::new()
            .spec(&spec)
            .export_openapi(&document)
            .unwrap_or_else(|e| panic!("{e}"));
        let (original, exported) = (crate_files(&spec), crate_files(&document));
        let differing: Vec<&PathBuf> = original
            .keys()
            .chain(exported.keys())
            .filter(|path| original.get(*path) != exported.get(*path))
            .collect();
        assert!(
            differing.is_empty(),
            "{version}: files differ: {differing:?}"
        );
    }
}
