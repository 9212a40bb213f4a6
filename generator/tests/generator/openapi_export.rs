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

/// An open enum (`anyOf: [{type: string}, {enum: [...]}]`, any string with
/// some named) is written back as one, so the exported document still
/// admits every string; read again, it is the same open enum.
#[test]
fn an_open_enum_is_exported_open() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let document = dir.path().join("exported.json");
    Generator::new()
        .spec("tests/fixtures/any_api.yaml")
        .export_openapi(&document)
        .unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(&document).unwrap_or_else(|e| panic!("{e}"));
    let exported: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let schemas = &exported["components"]["schemas"];
    for (name, values) in [("Mood", ["calm", "playful"]), ("Size", ["small", "large"])] {
        assert_eq!(
            schemas[name],
            serde_json::json!({
                "description": schemas[name]["description"],
                "anyOf": [{"type": "string"}, {"type": "string", "enum": values}],
            }),
            "{name}"
        );
    }
    // A closed enum stays closed.
    assert_eq!(
        schemas["KeySize"]["enum"],
        serde_json::json!([512, 2048, 4096])
    );
    let (api, _) = Generator::new()
        .spec(&document)
        .load()
        .unwrap_or_else(|e| panic!("{e}"));
    for name in ["Mood", "Size", "KeySize"] {
        let open = match api.schemas.get(name).map(|s| &s.kind) {
            Some(apidocs2rs::model::SchemaKind::Enum(values)) => values.open,
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(open, name != "KeySize", "{name}");
    }
}
