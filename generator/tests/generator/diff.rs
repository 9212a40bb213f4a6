//! `apidocs2rs diff`: what a new version changes for code written against
//! the old one, classified by what it does to that code.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use apidocs2rs::diff::{diff, Diff, Severity};
use apidocs2rs::model::Api;
use apidocs2rs::Generator;
use serde_json::{json, Value};

use crate::shared;

/// The model of the input at `path`.
fn load_file(path: &Path) -> Api {
    Generator::new()
        .spec(path)
        .load()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .0
}

/// authentik's two versions, or `None` (the test skipped) without them.
fn authentik() -> Option<(PathBuf, PathBuf)> {
    Some((
        shared::document(shared::AUTHENTIK_2025)?,
        shared::document(shared::AUTHENTIK_2026)?,
    ))
}

fn load(document: &Value) -> Api {
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
    // The request's and the response's enum are one type (`F`), both
    // written and read: the old client may send the removed value, which
    // the new server rejects, and an added value arrives as `Unknown`.
    assert_eq!(
        changes_of(&report, "F::B"),
        [(Severity::BreaksBuild, true)],
        "{report:#?}"
    );
    assert_eq!(changes_of(&report, "F::C"), [(Severity::Compatible, false)]);
    assert!(report
        .changes
        .iter()
        .any(|c| c.subject == "F::C" && c.what.contains("`F::Unknown`")));
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
            "Things::update",
            "query parameter `dry_run` added, optional"
        ),
        Some(Severity::Compatible)
    );
    assert_eq!(
        find("Things::update", "moved"),
        Some(Severity::BreaksAtRunTime)
    );
    assert_eq!(find("Things::list", "added"), Some(Severity::Compatible));
    // And back: the operation and the field are gone.
    let back = diff(&new, &old);
    assert!(back
        .changes
        .iter()
        .any(|c| c.subject == "Things::list" && c.severity == Severity::BreaksBuild));
    assert!(back
        .changes
        .iter()
        .any(|c| c.subject == "Res::g" && c.severity == Severity::BreaksBuild));
    assert_eq!(back.semver(), "major");
    assert!(back.markdown().contains("## `things`"));
}

/// An operation that keeps its id but moves to another tag is the same
/// operation under another name: reported once, as a change that breaks
/// the build, not as removed and added.
#[test]
fn an_operation_moved_to_another_tag_is_reported_under_its_new_name() {
    let with_tag = |tag: &str| {
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {"/things": {"get": {
                "operationId": "things_list",
                "tags": [tag],
                "responses": {"204": {"description": "none"}}
            }}}
        })
    };
    let report = diff(&load(&with_tag("things")), &load(&with_tag("stock")));
    let texts: Vec<String> = report
        .changes
        .iter()
        .map(|c| format!("{:?} {}: {}", c.severity, c.subject, c.what))
        .collect();
    assert_eq!(
        texts,
        ["BreaksBuild Things::list: now `Stock::things_list` (cargo feature `stock`): calls to `things().list` no longer compile"]
    );
}

#[test]
fn an_error_answer_of_another_type_is_reported() {
    let with_error = |schema: &str| {
        let mut document = document(field(true, false), json!({}));
        document["paths"]["/things/{id}"]["put"]["responses"]["400"] = json!({
            "description": "invalid",
            "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}
        });
        for name in ["Invalid", "Problem"] {
            document["components"]["schemas"][name] =
                json!({"type": "object", "properties": {"detail": {"type": "string"}}});
        }
        load(&document)
    };
    let report = diff(&with_error("Invalid"), &with_error("Problem"));
    let changes: Vec<_> = report
        .changes
        .iter()
        .filter(|c| c.subject == "Things::update")
        .collect();
    assert_eq!(changes.len(), 1, "{report:#?}");
    assert_eq!(changes[0].severity, Severity::BreaksAtRunTime);
    assert!(
        changes[0]
            .what
            .starts_with("answers `Problem` with status 400 (was `Invalid`)"),
        "{changes:?}"
    );
}

#[test]
fn a_security_requirement_that_gains_an_alternative_is_compatible() {
    let with_security = |requirements: Value| {
        let mut document = document(field(true, false), json!({}));
        document["components"]["securitySchemes"] = json!({
            "token": {"type": "http", "scheme": "bearer"},
            "device": {"type": "apiKey", "in": "header", "name": "X-Device"},
        });
        document["paths"]["/things/{id}"]["put"]["security"] = requirements;
        load(&document)
    };
    let one = with_security(json!([{"token": []}]));
    let either = with_security(json!([{"token": []}, {"device": []}]));
    let severity = |old: &Api, new: &Api| {
        let report = diff(old, new);
        let change = report
            .changes
            .iter()
            .find(|c| c.what.starts_with("security requirements"))
            .map(|c| c.severity);
        change.unwrap_or_else(|| panic!("a security change: {report:#?}"))
    };
    assert_eq!(severity(&one, &either), Severity::Compatible);
    // Removing the alternative the old client may use breaks it.
    assert_eq!(severity(&either, &one), Severity::BreaksAtRunTime);
}

#[test]
fn a_document_compared_with_itself_reports_nothing() {
    let Some(document) = shared::document(shared::AUTHENTIK_2025) else {
        return;
    };
    let api = load_file(&document);
    let report = diff(&api, &api);
    assert!(
        report.changes.is_empty(),
        "{:#?}",
        &report.changes[..3.min(report.changes.len())]
    );
    assert_eq!(report.semver(), "patch");
    assert!(!report.breaks());
}

/// What a walk of one document finds, written here without the
/// generator's code: operations and their parameters, component schemas'
/// properties with required-ness and nullability, and enum values.
#[derive(Default)]
struct Facts {
    /// By operation id: (location, name) -> required.
    operations:
        std::collections::BTreeMap<String, std::collections::BTreeMap<(String, String), bool>>,
    /// By component name: property -> (required, nullable).
    properties:
        std::collections::BTreeMap<String, std::collections::BTreeMap<String, (bool, bool)>>,
    /// By component name: its enum values.
    enums: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
}

fn walk(path: &Path) -> Facts {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let root: Value =
        serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let resolve = |value: &Value| -> Value {
        match value.get("$ref").and_then(Value::as_str) {
            Some(reference) => root
                .pointer(reference.trim_start_matches('#'))
                .cloned()
                .unwrap_or(Value::Null),
            None => value.clone(),
        }
    };
    let mut facts = Facts::default();
    for (_, item) in root["paths"].as_object().into_iter().flatten() {
        for operation in item.as_object().into_iter().flatten().map(|(_, op)| op) {
            let Some(id) = operation.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            let mut parameters = std::collections::BTreeMap::new();
            for parameter in operation["parameters"].as_array().into_iter().flatten() {
                let parameter = resolve(parameter);
                let location = parameter["in"].as_str().unwrap_or_default().to_string();
                let name = parameter["name"].as_str().unwrap_or_default().to_string();
                parameters.insert((location, name), parameter["required"] == json!(true));
            }
            facts.operations.insert(id.to_string(), parameters);
        }
    }
    for (name, schema) in root["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
    {
        if let Some(values) = schema["enum"].as_array() {
            let values = values
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            facts.enums.insert(name.clone(), values);
        }
        let required: Vec<&str> = schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let properties =
            schema["properties"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(property, value)| {
                    let nullable = value["nullable"] == json!(true);
                    (
                        property.clone(),
                        (required.contains(&property.as_str()), nullable),
                    )
                });
        facts.properties.insert(name.clone(), properties.collect());
    }
    facts
}

#[test]
fn every_change_an_independent_walk_finds_between_the_authentik_versions_is_reported() {
    let Some((old_path, new_path)) = authentik() else {
        return;
    };
    let (old_api, new_api) = (load_file(&old_path), load_file(&new_path));
    let report = diff(&old_api, &new_api);
    let (old, new) = (walk(&old_path), walk(&new_path));
    // The method of an operation id as users write it (`Core::users_list`).
    let method = |api: &Api, id: &str| {
        let names = apidocs2rs::names::Names::resolve(api);
        let found = names.operations().get(id).map(|n| n.qualified());
        found.unwrap_or_else(|| panic!("no operation `{id}`"))
    };
    let (old_methods, new_methods): (BTreeMap<String, String>, BTreeMap<String, String>) = (
        old.operations
            .keys()
            .map(|id| (id.clone(), method(&old_api, id)))
            .collect(),
        new.operations
            .keys()
            .map(|id| (id.clone(), method(&new_api, id)))
            .collect(),
    );
    // Each expected change: a subject and words its text has.
    let mut expected: Vec<(String, String)> = Vec::new();
    for (id, parameters) in &old.operations {
        let subject = old_methods[id].clone();
        let Some(now) = new.operations.get(id) else {
            expected.push((subject, "removed".into()));
            continue;
        };
        for ((location, name), required) in parameters {
            match now.get(&(location.clone(), name.clone())) {
                None => expected.push((subject.clone(), format!("parameter `{name}` removed"))),
                Some(is) if is != required && location != "path" => {
                    expected.push((subject.clone(), format!("parameter `{name}` is now")))
                }
                _ => {}
            }
        }
        for (location, name) in now.keys().filter(|key| !parameters.contains_key(*key)) {
            expected.push((
                subject.clone(),
                format!("{location} parameter `{name}` added"),
            ));
        }
    }
    for id in new
        .operations
        .keys()
        .filter(|id| !old.operations.contains_key(*id))
    {
        expected.push((new_methods[id].clone(), "added".into()));
    }
    for (schema, properties) in &old.properties {
        let Some(now) = new.properties.get(schema) else {
            expected.push((schema.clone(), "type removed".into()));
            continue;
        };
        for (property, facts) in properties {
            let subject = format!("{schema}::{property}");
            match now.get(property) {
                None => expected.push((subject, "field removed".into())),
                Some(is) if is != facts => expected.push((subject, "now ".into())),
                _ => {}
            }
        }
        for property in now.keys().filter(|p| !properties.contains_key(*p)) {
            expected.push((format!("{schema}::{property}"), "field added".into()));
        }
    }
    for schema in new
        .properties
        .keys()
        .filter(|s| !old.properties.contains_key(*s))
    {
        expected.push((schema.clone(), "type added".into()));
    }
    for (schema, values) in &old.enums {
        let Some(now) = new.enums.get(schema) else {
            continue;
        };
        for value in values.difference(now) {
            expected.push((format!("{schema}::"), format!("value `{value}` removed")));
        }
        for value in now.difference(values) {
            expected.push((format!("{schema}::"), format!("value `{value}` added")));
        }
    }
    // Rust names: `SAMLProvider` is `SamlProvider`, `type` is `r#type`.
    let normal = |subject: &str| subject.replace("r#", "").to_lowercase();
    let missing: Vec<&(String, String)> = expected
        .iter()
        .filter(|(subject, words)| {
            let subject = normal(subject);
            !report.changes.iter().any(|change| {
                let reported = normal(&change.subject);
                (reported == subject || (subject.ends_with("::") && reported.starts_with(&subject)))
                    && change.what.contains(words.as_str())
            })
        })
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {} changes the walk found are not reported, e.g. {:#?}",
        missing.len(),
        expected.len(),
        &missing[..missing.len().min(10)]
    );
    assert!(
        expected.len() > 100,
        "the walk found only {}",
        expected.len()
    );
    // And back: each change the report has beyond the walk's findings is
    // a consequence the walk cannot see, for a reason stated here.
    let components: std::collections::BTreeSet<String> = old
        .properties
        .keys()
        .chain(new.properties.keys())
        .chain(old.enums.keys())
        .chain(new.enums.keys())
        .map(|name| name.to_lowercase())
        .collect();
    // Types whose place a type of another name took: the report compares
    // them with it, field by field.
    let renamed: std::collections::BTreeSet<String> = report
        .changes
        .iter()
        .filter(|change| change.what.contains("takes its place"))
        .map(|change| change.subject.to_lowercase())
        .collect();
    let reason = |subject: &str, what: &str| -> Option<&'static str> {
        let owner = subject.split("::").next().unwrap_or(subject).to_lowercase();
        if subject.contains("::") && renamed.contains(&owner) {
            Some("a field of a type another took the place of: the walk compares types by name")
        } else if what.contains("is now ") && !what.starts_with("now ") {
            Some("a type changed: the walk does not compare types")
        } else if owner != "client" && !components.contains(&owner) {
            Some("an inline type, named after its parent: the walk reads component schemas only")
        } else if what.starts_with("moved from") {
            Some("the walk keys operations by id, not by method and path")
        } else if what.starts_with("member") {
            Some("a union member: the walk does not read unions")
        } else if ["security requirements", "request body", "answers "]
            .iter()
            .any(|part| what.contains(part))
        {
            Some("bodies and security: the walk does not read them")
        } else {
            None
        }
    };
    let unexplained: Vec<String> = report
        .changes
        .iter()
        .filter(|change| {
            let reported = normal(&change.subject);
            !expected.iter().any(|(subject, words)| {
                let subject = normal(subject);
                (reported == subject || (subject.ends_with("::") && reported.starts_with(&subject)))
                    && change.what.contains(words.as_str())
            })
        })
        .filter(|change| reason(&change.subject, &change.what).is_none())
        .map(|change| format!("{}: {}", change.subject, change.what))
        .collect();
    assert!(
        unexplained.is_empty(),
        "reported, not found by the walk, no reason: {unexplained:#?}"
    );
}

#[test]
fn the_report_of_one_tag_and_of_the_seed_operations() {
    let Some((old, new)) = authentik() else {
        return;
    };
    let report = diff(&load_file(&old), &load_file(&new));
    let only = |keep: &dyn Fn(&apidocs2rs::diff::Change) -> bool| Diff {
        changes: report.changes.iter().filter(|c| keep(c)).cloned().collect(),
        scope: None,
        facts: None,
    };
    insta::assert_snapshot!("diff_rbac", only(&|c| c.tag == "rbac").markdown());
    // The seed operations and the types they answer and take: unchanged
    // from 2025.12.6 to 2026.5.6.
    let seeds = [
        "Providers::proxy_partial_update",
        "Outposts::instances_update",
        "ProxyProvider::",
        "PatchedProxyProviderRequest::",
        "Outpost::",
        "OutpostRequest::",
    ];
    insta::assert_snapshot!(
        "diff_seed_operations",
        only(&|c| seeds
            .iter()
            .any(|s| c.subject == *s || (s.ends_with("::") && c.subject.starts_with(s))))
        .markdown()
    );
}

#[test]
fn a_type_renamed_with_its_parent_is_compared_with_the_one_in_its_place() {
    let version = |parent: &str, nullable: bool| {
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {"/things/{id}": {"get": {
                "operationId": "things_retrieve",
                "tags": ["things"],
                "parameters": [{"in": "path", "name": "id", "required": true, "schema": {"type": "integer"}}],
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{parent}")}}}}}
            }}},
            // `Owner` taken, the inline owner is named with its parent's name.
            "components": {"schemas": {"Owner": {"type": "string"}, parent: {
                "type": "object",
                "required": ["owner"],
                "properties": {"owner": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string", "nullable": nullable}}
                }}
            }}}
        })
    };
    let report = diff(
        &load(&version("Thing", false)),
        &load(&version("Item", true)),
    );
    let find = |subject: &str| {
        report
            .changes
            .iter()
            .find(|c| c.subject == subject)
            .unwrap_or_else(|| panic!("no change of {subject}: {report:#?}"))
    };
    assert!(find("Thing").what.contains("`Item` takes its place"));
    assert!(find("ThingOwner")
        .what
        .contains("`ItemOwner` takes its place (`Thing::owner`)"));
    assert!(find("Item").what.contains("in the place of `Thing`"));
    // Not a removed type and an added one: the field's change is found.
    let name = find("ThingOwner::name");
    assert!(name.what.starts_with("now required, nullable"), "{name:?}");
    assert!(name.breaks_at_run_time);
    assert!(find("ItemOwner")
        .what
        .contains("in the place of `ThingOwner`"));
    assert_eq!(report.changes.len(), 5, "{report:#?}");
}

#[test]
fn the_seed_pages_against_the_document_show_where_the_pages_are_stale() {
    let Some(document) = shared::document(shared::AUTHENTIK_2025) else {
        return;
    };
    let (pages, document) = (load_file(Path::new("../spec")), load_file(&document));
    let report = diff(&pages, &document);
    insta::assert_snapshot!("diff_pages_against_2025_12_6", report.markdown());
    // Only the pages' operations and their types are compared: none of
    // the document's other operations or types is listed.
    assert!(report.scope.is_some());
    assert!(
        report.changes.iter().all(|c| pages
            .schemas
            .contains_key(c.subject.split("::").next().unwrap_or_default())),
        "{report:#?}"
    );
    // The outposts page was copied from a document older than 2025.12.6:
    // its providers have no `invalidation_flow`, which the document's
    // `Provider` has, required.
    let stale = report
        .changes
        .iter()
        .find(|c| c.subject == "OutpostsInstancesUpdateResponseProvidersObjItem::invalidation_flow")
        .unwrap_or_else(|| panic!("{report:#?}"));
    assert!(stale.what.contains("the pages do not show it"), "{stale:?}");
    // The five fields the cross-check finds nullable in the document and
    // not on the pages (`tests/cross_check.rs`): each breaks the pages'
    // client at run time, on an answer with `null`.
    let nullable: Vec<&str> = report
        .changes
        .iter()
        .filter(|c| c.breaks_at_run_time && c.what.contains("an answer with `null` fails"))
        .map(|c| c.subject.as_str())
        .collect();
    assert_eq!(
        nullable,
        [
            "OutpostsInstancesUpdateResponse::service_connection_obj",
            "ProvidersProxyPartialUpdateResponse::assigned_application_name",
            "ProvidersProxyPartialUpdateResponse::assigned_application_slug",
            "ProvidersProxyPartialUpdateResponse::assigned_backchannel_application_name",
            "ProvidersProxyPartialUpdateResponse::assigned_backchannel_application_slug",
        ]
    );
    assert!(diff(&pages, &pages).changes.is_empty());
    // The other way round, the same facts, and the document's operations
    // the pages do not describe are not "removed".
    let back = diff(&document, &pages);
    assert!(back.changes.iter().all(|c| !c.what.starts_with("removed")));
    assert!(
        back.changes
            .iter()
            .any(|c| c.subject == "Provider::invalidation_flow"
                && c.what.starts_with("field removed"))
    );
    assert_eq!(
        back.changes
            .iter()
            .filter(|c| c
                .what
                .starts_with("now required, not nullable (was required, nullable)"))
            .count(),
        5
    );
}
