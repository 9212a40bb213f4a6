//! `generator diff`: what a new version changes for code written against
//! the old one, classified by what it does to that code.

use generator::diff::{diff, Diff, Severity};
use generator::Generator;
use serde_json::{json, Value};

fn load(document: &Value) -> generator::model::Api {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("doc.json");
    std::fs::write(&path, document.to_string()).unwrap_or_else(|e| panic!("{e}"));
    match Generator::new().spec(&path).load() {
        Ok((api, _)) => api,
        Err(error) => panic!("should load: {error}"),
    }
}

/// A document with one operation that sends `Req` and answers `Res`, each
/// with a field `f` as `field` says, and `extra` merged into `Res`.
fn document(field: Value, extra: Value) -> Value {
    let object = |field: &Value| {
        let mut schema = json!({"type": "object", "properties": {"f": field["schema"].clone()}});
        if field["required"] == json!(true) {
            schema["required"] = json!(["f"]);
        }
        schema
    };
    let mut response = object(&field);
    if let (Some(target), Some(more)) = (response.as_object_mut(), extra.as_object()) {
        for (key, value) in more {
            target.insert(key.clone(), value.clone());
        }
    }
    json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/things/{id}": {"put": {
            "operationId": "things_update",
            "tags": ["things"],
            "parameters": [{"in": "path", "name": "id", "required": true, "schema": {"type": "integer"}}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Req"}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Res"}}}}}
        }}},
        "components": {"schemas": {"Req": object(&field), "Res": response}}
    })
}

fn field(required: bool, nullable: bool) -> Value {
    json!({"required": required, "schema": {"type": "string", "nullable": nullable}})
}

fn changes_of(diff: &Diff, subject: &str) -> Vec<(Severity, bool)> {
    diff.changes
        .iter()
        .filter(|c| c.subject == subject)
        .map(|c| (c.severity, c.breaks_at_run_time))
        .collect()
}

#[test]
fn the_four_required_and_nullable_states_in_both_directions() {
    // (required, nullable) of the field before and after, and whether the
    // old client then fails against the new server when it reads the field
    // (`Res`) and when it writes it (`Req`). Written out by hand from how
    // the client decodes and encodes each Rust shape: only a plain `T`
    // fails to decode a missing key or `null`; an optional field may be
    // left out, and a nullable one sent as `null`.
    let a = (true, false); // T
    let b = (true, true); // Option<T>, None sent as null
    let c = (false, false); // Option<T>, None left out
    let d = (false, true); // Nullable<T>
    let cases = [
        (a, b, true, false),
        (a, c, true, false),
        (a, d, true, false),
        (b, a, false, true),
        (b, c, false, true),
        (b, d, false, false),
        (c, a, false, true),
        (c, b, false, true),
        (c, d, false, false),
        (d, a, false, true),
        (d, b, false, true),
        (d, c, false, true),
    ];
    for (before, after, read_breaks, write_breaks) in cases {
        let old = load(&document(field(before.0, before.1), json!({})));
        let new = load(&document(field(after.0, after.1), json!({})));
        let report = diff(&old, &new);
        let case = format!("{before:?} -> {after:?}");
        // The Rust type of the field changes: the build breaks either way.
        assert_eq!(
            changes_of(&report, "Res::f"),
            [(Severity::BreaksBuild, read_breaks)],
            "read {case}"
        );
        assert_eq!(
            changes_of(&report, "Req::f"),
            [(Severity::BreaksBuild, write_breaks)],
            "write {case}"
        );
    }
}

#[test]
fn enum_values_added_are_compatible_and_removed_ones_break() {
    let with = |values: Value| {
        load(&document(
            json!({"required": true, "schema": {"type": "string", "enum": values}}),
            json!({}),
        ))
    };
    let old = with(json!(["a", "b"]));
    let new = with(json!(["a", "c"]));
    let report = diff(&old, &new);
    // The request's enum (`ReqF`) is written: the old client may send the
    // removed value, which the new server rejects. The response's (`ResF`)
    // is read: an added value arrives as `Unknown`.
    assert_eq!(
        changes_of(&report, "ReqF::B"),
        [(Severity::BreaksBuild, true)],
        "{report:#?}"
    );
    assert_eq!(
        changes_of(&report, "ResF::B"),
        [(Severity::BreaksBuild, false)]
    );
    assert_eq!(
        changes_of(&report, "ResF::C"),
        [(Severity::Compatible, false)]
    );
    assert!(report
        .changes
        .iter()
        .any(|c| c.subject == "ResF::C" && c.what.contains("`ResF::Unknown`")));
}

#[test]
fn operations_fields_and_parameters_added_and_removed() {
    let old = load(&document(field(true, false), json!({})));
    let mut new_document = document(field(true, false), json!({}));
    // A field only the response has, an optional query parameter, a new
    // operation; and the old operation's path moves.
    new_document["components"]["schemas"]["Res"]["properties"]["g"] = json!({"type": "integer"});
    let operation = new_document["paths"]["/things/{id}"]["put"].clone();
    let mut moved = operation.clone();
    moved["parameters"]
        .as_array_mut()
        .unwrap()
        .push(json!({"in": "query", "name": "dry_run", "schema": {"type": "boolean"}}));
    new_document["paths"] = json!({
        "/v2/things/{id}": {"put": moved},
        "/things": {"get": {"operationId": "things_list", "tags": ["things"], "responses": {"204": {"description": "none"}}}}
    });
    let new = load(&new_document);
    let report = diff(&old, &new);
    let find = |subject: &str, text: &str| {
        report
            .changes
            .iter()
            .find(|c| c.subject == subject && c.what.contains(text))
            .map(|c| c.severity)
    };
    assert_eq!(
        find("Res::g", "field added"),
        Some(Severity::Compatible),
        "{report:#?}"
    );
    assert_eq!(
        find(
            "Client::things_update",
            "query parameter `dry_run` added, optional"
        ),
        Some(Severity::Compatible)
    );
    assert_eq!(
        find("Client::things_update", "moved"),
        Some(Severity::BreaksAtRunTime)
    );
    assert_eq!(
        find("Client::things_list", "added"),
        Some(Severity::Compatible)
    );
    // And back: the operation and the field are gone.
    let back = diff(&new, &old);
    assert!(back
        .changes
        .iter()
        .any(|c| c.subject == "Client::things_list" && c.severity == Severity::BreaksBuild));
    assert!(back
        .changes
        .iter()
        .any(|c| c.subject == "Res::g" && c.severity == Severity::BreaksBuild));
    assert_eq!(back.semver(), "major");
    assert!(back.markdown().contains("## `things`"));
}

#[test]
fn a_document_compared_with_itself_reports_nothing() {
    let (api, _) = Generator::new()
        .spec("../shared/specs/authentik-2025.12.6.yml")
        .load()
        .unwrap_or_else(|e| panic!("{e}"));
    let report = diff(&api, &api);
    assert!(
        report.changes.is_empty(),
        "{:#?}",
        &report.changes[..3.min(report.changes.len())]
    );
    assert_eq!(report.semver(), "patch");
    assert!(!report.breaks());
}
