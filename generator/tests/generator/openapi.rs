//! The OpenAPI front end: a small document with each construct authentik
//! uses (snapshots of model and code), located errors for bad documents, and
//! both shared authentik versions read in full with every operation and
//! schema accounted for.

use std::collections::BTreeSet;
use std::path::Path;

use apidocs2rs::model::{EnumWire, Primitive, SchemaKind, TypeRef};
use apidocs2rs::{Error, Generator};

use crate::shared;

const CONSTRUCTS: &str = "tests/fixtures/constructs.yaml";

fn load(spec: impl AsRef<Path>) -> apidocs2rs::model::Api {
    let spec = spec.as_ref();
    match Generator::new().spec(spec).load() {
        Ok((api, _)) => api,
        Err(error) => panic!("{} should load: {error}", spec.display()),
    }
}

/// `document`, written as a JSON file, read with its warnings.
fn load_json(document: &serde_json::Value) -> (apidocs2rs::model::Api, Vec<apidocs2rs::Warning>) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("doc.json");
    std::fs::write(&path, document.to_string()).unwrap_or_else(|e| panic!("{e}"));
    match Generator::new().spec(&path).load() {
        Ok(loaded) => loaded,
        Err(error) => panic!("{} should load: {error}", path.display()),
    }
}

/// A document of `version` with no paths and these component `schemas`,
/// read with its warnings.
fn load_schemas(
    version: &str,
    schemas: serde_json::Value,
) -> (apidocs2rs::model::Api, Vec<apidocs2rs::Warning>) {
    load_json(&serde_json::json!({
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }))
}

#[test]
fn constructs_model() {
    let (api, warnings) = Generator::new()
        .spec(CONSTRUCTS)
        .load()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(warnings.is_empty(), "{warnings:?}");
    insta::assert_json_snapshot!("constructs_model", api);
}

#[test]
fn constructs_code() {
    let generated = Generator::new()
        .spec(CONSTRUCTS)
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    // The crate, file by file: the tag modules and features, and what the
    // constructs turn into. The runtime is the same for every API and is
    // left out.
    let files: String = generated
        .files
        .iter()
        .filter(|(path, _)| !path.starts_with("src/runtime"))
        .map(|(path, content)| format!("==> {} <==\n{content}\n", path.display()))
        .collect();
    insta::assert_snapshot!("constructs_code", files);
}

#[test]
fn constructs_facts() {
    let api = load(CONSTRUCTS);
    assert_eq!(
        api.server_url.as_deref(),
        Some("https://example.com/api/v3")
    );
    assert_eq!(api.base_path, None);
    let Some(SchemaKind::Object(thing)) = api.schemas.get("Thing").map(|s| &s.kind) else {
        panic!("Thing")
    };
    let owner = thing
        .fields
        .iter()
        .find(|f| f.wire_name == "owner")
        .unwrap_or_else(|| panic!("owner"));
    // `allOf: [$ref]` with `nullable` and `readOnly` is the referenced type.
    assert_eq!(owner.ty, TypeRef::Named("Owner".into()));
    assert_eq!(owner.nullability, apidocs2rs::model::Nullability::Nullable);
    assert!(owner.read_only);
    let attributes = thing
        .fields
        .iter()
        .find(|f| f.wire_name == "attributes")
        .unwrap_or_else(|| panic!("attributes"));
    assert_eq!(attributes.ty, TypeRef::Map(Box::new(TypeRef::Any)));
    let Some(SchemaKind::Object(error)) = api.schemas.get("ValidationError").map(|s| &s.kind)
    else {
        panic!("ValidationError")
    };
    assert_eq!(
        error.additional,
        Some(TypeRef::Any),
        "per-field errors are kept"
    );
    let Some(SchemaKind::Union(union)) = api.schemas.get("ChallengeTypes").map(|s| &s.kind) else {
        panic!("ChallengeTypes")
    };
    assert_eq!(union.tag, "component");
    let tags: Vec<&str> = union.variants.iter().map(|v| v.tag.as_str()).collect();
    assert_eq!(tags, ["xak-redirect", "ak-deny", "ak-`legacy`"]);
    let upload = api
        .operations
        .iter()
        .find(|op| op.id == "things_upload")
        .unwrap_or_else(|| panic!("things_upload"));
    assert_eq!(
        upload.body.as_ref().map(|b| b.content_type.as_str()),
        Some("multipart/form-data")
    );
    let list = api
        .operations
        .iter()
        .find(|op| op.id == "things_list")
        .unwrap_or_else(|| panic!("things_list"));
    let ids = list
        .parameters
        .iter()
        .find(|p| p.name == "ids")
        .unwrap_or_else(|| panic!("ids"));
    assert!(!ids.explode);
    assert_eq!(
        ids.ty,
        TypeRef::Array(Box::new(TypeRef::Primitive(Primitive::Integer)))
    );
}

/// The same document in OpenAPI 3.1 notation (`type: [T, "null"]`) and as
/// JSON gives the same model.
#[test]
fn openapi_3_1_json_nullable_types() {
    let (api, _) = load_schemas(
        "3.1.0",
        serde_json::json!({"Thing": {
            "type": "object",
            "properties": {"expires": {"type": ["string", "null"], "format": "date-time"}},
        }}),
    );
    let Some(SchemaKind::Object(thing)) = api.schemas.get("Thing").map(|s| &s.kind) else {
        panic!("Thing")
    };
    assert_eq!(thing.fields[0].ty, TypeRef::Primitive(Primitive::DateTime));
    assert_eq!(
        thing.fields[0].nullability,
        apidocs2rs::model::Nullability::Nullable
    );
}

#[test]
fn openapi_3_1_null_type_is_read_wherever_it_stands() {
    let (api, _) = load_schemas(
        "3.1.0",
        serde_json::json!({"Thing": {
            "type": "object",
            "properties": {
                "gone": {"type": "null"},
                "either": {"oneOf": [{"type": "string"}, {"type": "null"}]},
            },
        }}),
    );
    let Some(SchemaKind::Object(thing)) = api.schemas.get("Thing").map(|s| &s.kind) else {
        panic!("Thing")
    };
    assert_eq!(thing.fields[0].ty, TypeRef::Any);
    assert_eq!(
        thing.fields[0].nullability,
        apidocs2rs::model::Nullability::Nullable
    );
    assert_eq!(thing.fields[1].ty, TypeRef::Primitive(Primitive::String));
    assert_eq!(
        thing.fields[1].nullability,
        apidocs2rs::model::Nullability::Nullable
    );
}

#[test]
fn an_answer_to_head_has_no_body() {
    let (api, warnings) = load_json(&serde_json::json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/things": {"head": {
            "operationId": "checkThings",
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}},
        }}},
    }));
    assert!(api.operations[0].responses.iter().all(|r| r.body.is_none()));
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("HEAD has no body")),
        "{warnings:?}"
    );
}

#[test]
fn integer_enums_are_enums_of_integers() {
    let (api, _) = load_schemas(
        "3.0.3",
        serde_json::json!({"KeySize": {"type": "integer", "enum": [512, 2048, -1]}}),
    );
    let Some(SchemaKind::Enum(sizes)) = api.schemas.get("KeySize").map(|s| &s.kind) else {
        panic!("KeySize is an enum")
    };
    assert_eq!(sizes.wire, EnumWire::Integers);
    let values: Vec<_> = sizes
        .values
        .iter()
        .map(|v| (v.wire.as_str(), v.variant.as_str()))
        .collect();
    assert_eq!(
        values,
        [("512", "V512"), ("2048", "V2048"), ("-1", "Minus1")]
    );
}

#[test]
fn number_enums_and_one_boolean_are_enums_and_both_booleans_a_bool() {
    let (api, warnings) = load_schemas(
        "3.1.0",
        serde_json::json!({
            "Ratio": {"type": "number", "enum": [0.5, 1, 1.0, -2.25, 1e-7]},
            "On": {"type": "boolean", "const": true},
            "Flag": {"type": ["boolean", "null"], "enum": [true, false, null]},
            "Mixed": {"enum": [1, "one"]},
        }),
    );
    let enum_of = |name: &str| match api.schemas.get(name).map(|s| &s.kind) {
        Some(SchemaKind::Enum(values)) => Some(values.clone()),
        _ => None,
    };
    let ratio = enum_of("Ratio").expect("Ratio is an enum");
    assert_eq!(ratio.wire, EnumWire::Numbers);
    let values: Vec<_> = ratio
        .values
        .iter()
        .map(|v| (v.wire.as_str(), v.variant.as_str()))
        .collect();
    // `1` and `1.0` are one value.
    assert_eq!(
        values,
        [
            ("0.5", "V0_5"),
            ("1", "V1"),
            ("-2.25", "Minus2_25"),
            ("1e-7", "V1EMinus7")
        ]
    );
    let on = enum_of("On").expect("On is an enum");
    assert_eq!(on.wire, EnumWire::Booleans);
    assert_eq!(on.values[0].variant, "True");
    assert_eq!(
        api.schemas.get("Flag").map(|s| &s.kind),
        Some(&SchemaKind::Alias(TypeRef::Primitive(Primitive::Boolean)))
    );
    // Values of mixed kinds without a type: any value, with a warning.
    assert_eq!(enum_of("Mixed"), None);
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("not all strings")),
        "{warnings:?}"
    );
}

#[test]
fn limits_of_list_items_and_of_referenced_aliases_are_kept_with_the_field() {
    let (api, warnings) = load_schemas(
        "3.0.3",
        serde_json::json!({
            "Slug": {"type": "string", "maxLength": 50, "pattern": "^[a-z-]+$"},
            "Slugs": {"type": "array", "maxItems": 3, "items": {"$ref": "#/components/schemas/Slug"}},
            "Post": {"type": "object", "properties": {
                "slug": {"$ref": "#/components/schemas/Slug"},
                "short": {"allOf": [{"$ref": "#/components/schemas/Slug"}], "maxLength": 10},
                "tags": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 2}},
                "aliases": {"$ref": "#/components/schemas/Slugs"},
            }},
        }),
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let Some(SchemaKind::Object(post)) = api.schemas.get("Post").map(|s| &s.kind) else {
        panic!("Post")
    };
    let field = |name: &str| {
        let field = post.fields.iter().find(|f| f.wire_name == name);
        field
            .unwrap_or_else(|| panic!("{name}"))
            .constraints
            .clone()
    };
    let slug = field("slug");
    assert_eq!(
        (slug.max_length, slug.pattern.as_deref()),
        (Some(50), Some("^[a-z-]+$"))
    );
    // The use's own limit comes first; the alias's pattern still holds.
    let short = field("short");
    assert_eq!(
        (short.max_length, short.pattern.as_deref()),
        (Some(10), Some("^[a-z-]+$"))
    );
    let tags = field("tags");
    assert_eq!(tags.min_items, Some(1));
    assert_eq!(tags.items.as_ref().and_then(|i| i.min_length), Some(2));
    let aliases = field("aliases");
    assert_eq!(aliases.max_items, Some(3));
    assert_eq!(aliases.items.as_ref().and_then(|i| i.max_length), Some(50));
}

#[test]
fn ip_formats_are_addresses() {
    let (api, _) = load_schemas(
        "3.0.3",
        serde_json::json!({"Host": {"type": "object", "properties": {
            "v4": {"type": "string", "format": "ipv4"},
            "v6": {"type": "string", "format": "ipv6"},
            "any": {"type": "string", "format": "ip"},
        }}}),
    );
    let Some(SchemaKind::Object(host)) = api.schemas.get("Host").map(|s| &s.kind) else {
        panic!("Host")
    };
    let types: Vec<_> = host.fields.iter().map(|f| f.ty.clone()).collect();
    assert_eq!(
        types,
        [
            TypeRef::Primitive(Primitive::Ipv4),
            TypeRef::Primitive(Primitive::Ipv6),
            TypeRef::Primitive(Primitive::Ip)
        ]
    );
}

#[test]
fn a_required_name_the_properties_do_not_declare_is_a_required_entry() {
    let (api, warnings) = load_schemas(
        "3.0.3",
        serde_json::json!({"Log": {
            "type": "object",
            "required": ["level", "message"],
            "properties": {"message": {"type": "string"}},
        }}),
    );
    let Some(SchemaKind::Object(log)) = api.schemas.get("Log").map(|s| &s.kind) else {
        panic!("Log")
    };
    let level = log
        .fields
        .iter()
        .find(|f| f.wire_name == "level")
        .expect("`level` is an entry");
    assert_eq!(level.presence, apidocs2rs::model::Presence::Required);
    assert_eq!(level.ty, TypeRef::Any);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn all_of_members_that_only_annotate_leave_the_one_that_shapes() {
    let (api, warnings) = load_schemas(
        "3.1.0",
        serde_json::json!({
            "Choice": {"type": "string", "enum": ["auto", "none"]},
            "Run": {
                "type": "object",
                "properties": {
                    "choice": {"allOf": [{"$ref": "#/components/schemas/Choice"}, {"nullable": true}]},
                    "mode": {"allOf": [{"description": "How."}, {"type": "string", "enum": ["a", "b"]}]},
                },
            },
        }),
    );
    let Some(SchemaKind::Object(run)) = api.schemas.get("Run").map(|s| &s.kind) else {
        panic!("Run")
    };
    assert_eq!(run.fields[0].ty, TypeRef::Named("Choice".into()));
    assert_eq!(
        run.fields[0].nullability,
        apidocs2rs::model::Nullability::Nullable
    );
    assert_eq!(run.fields[1].description.as_deref(), Some("How."));
    let TypeRef::Named(mode) = &run.fields[1].ty else {
        panic!("an enum, found {:?}", run.fields[1].ty)
    };
    assert!(matches!(
        api.schemas.get(mode).map(|s| &s.kind),
        Some(SchemaKind::Enum(_))
    ));
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn all_of_members_that_all_only_annotate_admit_any_value() {
    let (api, _) = load_schemas(
        "3.0.3",
        serde_json::json!({"Run": {"type": "object", "properties": {
            "id": {"allOf": [{}, {"example": "run-1"}, {"description": "The run."}]},
        }}}),
    );
    let Some(SchemaKind::Object(run)) = api.schemas.get("Run").map(|s| &s.kind) else {
        panic!("Run")
    };
    assert_eq!(run.fields[0].ty, TypeRef::Any);
    assert_eq!(run.fields[0].description.as_deref(), Some("The run."));
}

#[test]
fn swagger_2_is_read_as_the_openapi_3_document_it_stands_for() {
    let (api, warnings) = load_json(&serde_json::json!({
        "swagger": "2.0",
        "info": {"title": "Pets", "version": "1"},
        "host": "api.example.com", "basePath": "/v1",
        "paths": {"/pets": {"post": {
            "operationId": "addPet",
            "parameters": [{"name": "pet", "in": "body", "required": true, "schema": {"$ref": "#/definitions/Pet"}}],
            "responses": {"201": {"description": "Added", "schema": {"$ref": "#/definitions/Pet"}}},
        }}},
        "definitions": {"Pet": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}},
    }));
    assert_eq!(
        api.server_url.as_deref(),
        Some("https://api.example.com/v1")
    );
    let op = &api.operations[0];
    let body = op
        .body
        .as_ref()
        .expect("the body parameter is the request body");
    assert!(body.required);
    assert_eq!(body.ty, TypeRef::Named("Pet".into()));
    assert!(matches!(
        api.schemas.get("Pet").map(|s| &s.kind),
        Some(SchemaKind::Object(_))
    ));
    assert!(
        warnings.iter().any(|w| w.message.contains("Swagger 2.0")),
        "it says so: {warnings:?}"
    );
}

fn error_for(name: &str, text: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    match Generator::new().spec(&path).load() {
        Ok(_) => panic!("{name} should not load"),
        Err(error @ Error::Input { .. }) => (path.display().to_string(), error.to_string()),
        Err(other) => panic!("expected an input error, got {other}"),
    }
}

#[test]
fn bad_documents_give_located_errors() {
    let constructs = std::fs::read_to_string(CONSTRUCTS).unwrap_or_default();
    let cases = [
        ("broken.yaml", "openapi: 3.0.3\npaths: [unclosed\n".to_string(), ":3: invalid YAML"),
        ("broken.json", "{\"openapi\": \"3.0.3\",\n\"paths\": }".to_string(), ":2: invalid JSON"),
        ("swagger.yaml", "swagger: '1.2'\npaths: {}\n".to_string(), "#/swagger: Swagger 1.2 is not supported; expected 2.0, or OpenAPI 3.0.x or 3.1.x"),
        ("unversioned.yaml", "paths: {}\n".to_string(), "expected an `openapi` version"),
        ("dangling.yaml", constructs.replace("$ref: '#/components/schemas/Owner'", "$ref: '#/components/schemas/Nobody'"), "#/components/schemas/Thing/properties/owner/allOf/0/$ref: `#/components/schemas/Nobody` names no component schema"),
        ("type.yaml", constructs.replace("score: {type: number,", "score: {type: numeric,"), "#/components/schemas/Thing/properties/score/type: unknown type `numeric`"),
        ("path.yaml", constructs.replace("  /things/{id}/:\n    parameters:\n      - in: path\n        name: id", "  /things/{id}/:\n    parameters:\n      - in: path\n        name: uuid"), "#/paths/~1things~1{id}~1/delete: path parameter `id` is in the path but not among the parameters"),
    ];
    for (name, text, expected) in cases {
        let (path, message) = error_for(name, &text);
        assert!(message.starts_with(&path), "{name}: {message}");
        assert!(
            message.contains(expected),
            "{name}: `{message}` should contain `{expected}`"
        );
    }
}

/// The operation ids and component schema names in `spec`, read from its
/// text line by line: independent of the front end under test.
fn declared(spec: &Path) -> (BTreeSet<String>, BTreeSet<String>) {
    let text = std::fs::read_to_string(spec).unwrap_or_else(|e| panic!("{}: {e}", spec.display()));
    let operations = text
        .lines()
        .filter_map(|l| l.strip_prefix("      operationId: "))
        .map(str::to_string)
        .collect();
    let mut schemas = BTreeSet::new();
    let mut in_schemas = false;
    for line in text.lines() {
        if line == "  schemas:" {
            in_schemas = true;
        } else if in_schemas && line.starts_with("  ") && !line.starts_with("    ") {
            in_schemas = false;
        } else if in_schemas && line.starts_with("    ") && !line.starts_with("     ") {
            schemas.insert(line.trim().trim_end_matches(':').to_string());
        }
    }
    (operations, schemas)
}

#[test]
fn both_authentik_versions_are_read_in_full() {
    for version in [shared::AUTHENTIK_2025, shared::AUTHENTIK_2026] {
        let Some(path) = shared::document(version) else {
            return;
        };
        let spec = path.display();
        let api = load(&path);
        let (operations, schemas) = declared(&path);
        let read: BTreeSet<String> = api.operations.iter().map(|op| op.id.clone()).collect();
        assert_eq!(read, operations, "{spec}: every operation, none skipped");
        for schema in &schemas {
            let name = apidocs2rs::ident::to_upper_camel(schema);
            assert!(
                api.schemas.contains_key(&name),
                "{spec}: component `{schema}` has no type `{name}`"
            );
        }
        println!(
            "{spec}: {} operations, {} component schemas, {} types",
            read.len(),
            schemas.len(),
            api.schemas.len()
        );
    }
}

#[test]
fn the_first_server_gives_the_default_url_or_the_path_on_the_users_host() {
    let with_server = |server: serde_json::Value| {
        load_json(&serde_json::json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {},
            "servers": [server, {"url": "https://second.example.com"}],
        }))
    };
    let (api, _) = with_server(serde_json::json!({
        "url": "{scheme}://{host}/v{major}/",
        "variables": {
            "scheme": {"default": "https", "enum": ["https", "http"]},
            "host": {"default": "api.example.com"},
            "major": {"default": "2"},
        },
    }));
    assert_eq!(
        api.server_url.as_deref(),
        Some("https://api.example.com/v2")
    );
    assert_eq!(api.base_path, None);
    for (relative, path) in [
        ("/api/v3", Some("/api/v3")),
        ("v1/", Some("/v1")),
        ("./v1", Some("/v1")),
        ("/", None),
    ] {
        let (api, _) = with_server(serde_json::json!({"url": relative}));
        assert_eq!(api.base_path.as_deref(), path, "{relative}");
        assert_eq!(api.server_url, None, "{relative}");
    }
    let (api, warnings) = with_server(serde_json::json!({"url": "https://{region}.example.com"}));
    assert_eq!((api.server_url, api.base_path), (None, None));
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("`region` has no default")
                && w.location
                    .to_string()
                    .ends_with("#/servers/0/variables/region")),
        "{warnings:#?}"
    );
}

#[test]
fn an_any_of_of_required_lists_is_kept_as_alternatives() {
    let document = serde_json::json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {
            "Batch": {
                "type": "object",
                "properties": {"ids": {"type": "array", "items": {"type": "string"}}, "files": {"type": "array", "items": {"type": "string"}}, "type": {"type": "string"}},
                "anyOf": [{"required": ["ids"]}, {"required": ["files", "type"]}],
            },
            "Merged": {"allOf": [{"$ref": "#/components/schemas/Batch"}, {"type": "object", "properties": {"extra": {"type": "string"}}}]},
        }},
    });
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("doc.json");
    std::fs::write(&path, document.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let (api, _) = load_json(&document);
    for name in ["Batch", "Merged"] {
        let Some(SchemaKind::Object(object)) = api.schemas.get(name).map(|s| &s.kind) else {
            panic!("{name} is an object")
        };
        assert_eq!(
            object.required_alternatives,
            [
                vec!["ids".to_string()],
                vec!["files".to_string(), "type".to_string()]
            ],
            "{name}"
        );
    }
    let (source, _) = Generator::new()
        .spec(&path)
        .generate_source()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        source.contains("/// Set at least one of: `ids`; `files` and `r#type`."),
        "{source}"
    );
}

#[test]
fn tuples_nullable_items_and_boolean_schemas() {
    let document = serde_json::json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/route": {"get": {
            "operationId": "route_get",
            "responses": {"200": {"description": "ok", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Maybe"}
            }}}}
        }}},
        "components": {"schemas": {
            "Anything": true,
            "Maybe": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "Nothing": false,
            "Route": {
                "type": "object",
                "properties": {
                    "closed": {"prefixItems": [{"type": "number"}, {"type": "string"}], "items": false},
                    "sized": {"type": "array", "prefixItems": [{"type": "integer"}], "maxItems": 1},
                    "open": {"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "integer"}},
                    "short": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "string"}], "items": false, "minItems": 1},
                    "nullable_items": {"type": "array", "items": {"type": ["string", "null"]}},
                    "nullable_values": {"type": "object", "additionalProperties": {"type": "string", "nullable": true}},
                    "nullable_member": {"prefixItems": [{"type": ["integer", "null"]}], "maxItems": 1},
                    "maybe": {"$ref": "#/components/schemas/Maybe"},
                    "maybe_items": {"type": "array", "items": {"$ref": "#/components/schemas/Maybe"}},
                    "merged": {"allOf": [true, {"$ref": "#/components/schemas/Anything"}]},
                },
            },
        }},
    });
    let (api, warnings) = load_json(&document);
    let Some(SchemaKind::Object(route)) = api.schemas.get("Route").map(|s| &s.kind) else {
        panic!("Route: {:#?}", api.schemas)
    };
    let ty = |name: &str| {
        route
            .fields
            .iter()
            .find(|f| f.wire_name == name)
            .map(|f| f.ty.clone())
            .unwrap_or_else(|| panic!("{name}"))
    };
    let any_list = TypeRef::Array(Box::new(TypeRef::Any));
    assert_eq!(
        ty("closed"),
        TypeRef::Tuple(vec![
            TypeRef::Primitive(Primitive::Number),
            TypeRef::Primitive(Primitive::String)
        ])
    );
    assert_eq!(
        ty("sized"),
        TypeRef::Tuple(vec![TypeRef::Primitive(Primitive::Integer)])
    );
    for name in ["open", "short"] {
        assert_eq!(ty(name), any_list, "{name}");
    }
    // What may be null besides a field's value is an `Option`.
    let nullable = |ty: TypeRef| TypeRef::Nullable(Box::new(ty));
    let string = TypeRef::Primitive(Primitive::String);
    assert_eq!(
        ty("nullable_items"),
        TypeRef::Array(Box::new(nullable(string.clone())))
    );
    assert_eq!(
        ty("nullable_values"),
        TypeRef::Map(Box::new(nullable(string.clone())))
    );
    assert_eq!(
        ty("nullable_member"),
        TypeRef::Tuple(vec![nullable(TypeRef::Primitive(Primitive::Integer))])
    );
    // A reference to a component that admits null: the field is nullable,
    // and so are list items.
    let maybe = TypeRef::Named("Maybe".into());
    assert_eq!(ty("maybe_items"), TypeRef::Array(Box::new(nullable(maybe))));
    // So is an answer: `Call<'_, Option<Maybe>>`.
    let answer = api.operations[0].responses[0].body.as_ref().map(|b| &b.ty);
    assert_eq!(answer, Some(&nullable(TypeRef::Named("Maybe".into()))));
    let field = |name: &str| route.fields.iter().find(|f| f.wire_name == name);
    assert_eq!(
        field("maybe").map(|f| f.nullability),
        Some(apidocs2rs::model::Nullability::Nullable)
    );
    assert_eq!(ty("merged"), TypeRef::Any);
    for (name, kind) in [("Anything", "Any"), ("Nothing", "Any")] {
        assert!(
            matches!(
                api.schemas.get(name).map(|s| &s.kind),
                Some(SchemaKind::Alias(TypeRef::Any))
            ),
            "{name} is {kind}"
        );
    }
    // Each degraded construct has a warning naming its pointer.
    let warned = |end: &str| {
        warnings
            .iter()
            .any(|w| w.location.to_string().ends_with(end))
    };
    for end in [
        "/Route/properties/open/prefixItems",
        "/Route/properties/short/prefixItems",
        "#/components/schemas/Nothing",
    ] {
        assert!(warned(end), "{end}: {warnings:#?}");
    }
}

#[test]
fn keywords_the_model_does_not_check_are_warned_about_and_defs_are_followed() {
    let (api, warnings) = load_schemas(
        "3.1.0",
        serde_json::json!({
            "A": {
                "type": "object",
                "properties": {
                    "kind": {"type": "string"},
                    "tags": {"type": "array", "items": {"type": "string"}, "contains": {"const": "x"}},
                    "labels": {"type": "object", "patternProperties": {"^x-": {"type": "string"}}},
                    "inner": {"$ref": "#/components/schemas/A/$defs/Inner"},
                },
                "if": {"properties": {"kind": {"const": "a"}}},
                "then": {"required": ["tags"]},
                "dependentRequired": {"kind": ["tags"]},
                "not": {"required": ["never"]},
                "$defs": {"Inner": {"type": "integer"}},
            },
        }),
    );
    let warned: BTreeSet<String> = warnings
        .iter()
        .map(|w| w.location.to_string())
        .filter_map(|location| {
            location
                .split_once("#/components/schemas/A/")
                .map(|(_, at)| at.to_string())
        })
        .collect();
    let expected: BTreeSet<String> = [
        "if",
        "dependentRequired",
        "not",
        "properties/tags/contains",
        "properties/labels/patternProperties",
    ]
    .iter()
    .map(|at| at.to_string())
    .collect();
    assert_eq!(warned, expected, "{warnings:#?}");
    let Some(SchemaKind::Object(a)) = api.schemas.get("A").map(|s| &s.kind) else {
        panic!("A")
    };
    let inner = a
        .fields
        .iter()
        .find(|f| f.wire_name == "inner")
        .map(|f| &f.ty);
    assert_eq!(inner, Some(&TypeRef::Primitive(Primitive::Integer)));
}

#[test]
fn a_mutual_tls_scheme_is_named_once_and_a_scheme_without_a_type_is_an_error() {
    let document = |schemes: serde_json::Value| {
        serde_json::json!({
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "security": [{"mtls": []}],
            "paths": {"/a": {"get": {"operationId": "a", "responses": {"204": {"description": "none"}}}}},
            "components": {"securitySchemes": schemes},
        })
    };
    let (_, warnings) = load_json(&document(
        serde_json::json!({"mtls": {"type": "mutualTLS"}}),
    ));
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(messages[0].contains("`mtls` is mutual TLS"), "{messages:?}");
    let (path, message) = error_for(
        "untyped.json",
        &document(serde_json::json!({"mtls": {"description": "no type"}})).to_string(),
    );
    assert!(
        message.starts_with(&format!(
            "{path}#/components/securitySchemes/mtls: expected the `type`"
        )),
        "{message}"
    );
}

#[test]
fn a_discriminator_without_a_mapping_takes_the_values_its_members_pin() {
    let load = |second: serde_json::Value| {
        load_schemas(
            "3.1.0",
            serde_json::json!({
                "Note": {
                    "oneOf": [{"$ref": "#/components/schemas/Cite"}, {"$ref": "#/components/schemas/Link"}],
                    "discriminator": {"propertyName": "type"}
                },
                "Cite": {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["file_citation"]}}},
                "Link": second,
            }),
        )
    };
    let tags = |api: &apidocs2rs::model::Api| match api.schemas.get("Note").map(|s| &s.kind) {
        Some(SchemaKind::Union(union)) => union
            .variants
            .iter()
            .map(|v| v.tag.clone())
            .collect::<Vec<_>>(),
        other => panic!("Note: {other:?}"),
    };
    // Both pin a value: those are the tags.
    let (api, _) = load(serde_json::json!({
        "allOf": [{"type": "object", "properties": {"type": {"const": "url_citation"}}}]
    }));
    assert_eq!(tags(&api), ["file_citation", "url_citation"]);
    // One pins none: no tag can be trusted, the union is untagged.
    let (api, warnings) = load(serde_json::json!({
        "type": "object", "properties": {"type": {"type": "string"}}
    }));
    assert!(matches!(
        api.schemas.get("Note").map(|s| &s.kind),
        Some(SchemaKind::OneOf(_))
    ));
    assert!(warnings
        .iter()
        .any(|w| w.location.to_string().ends_with("/Note/discriminator")));
}

#[test]
fn an_all_of_child_is_tagged_with_the_value_it_pins_or_its_name() {
    let (api, _) = load_schemas(
        "3.1.0",
        serde_json::json!({
            "Pet": {
                "type": "object",
                "required": ["petType"],
                "properties": {"petType": {"type": "string"}},
                "discriminator": {"propertyName": "petType"}
            },
            "Cat": {"allOf": [
                {"$ref": "#/components/schemas/Pet"},
                {"type": "object", "properties": {"petType": {"const": "cat"}, "lives": {"type": "integer"}}}
            ]},
            "Dog": {"allOf": [
                {"$ref": "#/components/schemas/Pet"},
                {"type": "object", "properties": {"bark": {"type": "string"}}}
            ]},
        }),
    );
    let Some(SchemaKind::Union(pet)) = api.schemas.get("Pet").map(|s| &s.kind) else {
        panic!("Pet: {:?}", api.schemas.get("Pet"))
    };
    let tags: Vec<(&str, &str)> = pet
        .variants
        .iter()
        .map(|v| (v.tag.as_str(), v.schema.as_str()))
        .collect();
    assert_eq!(tags, [("cat", "Cat"), ("Dog", "Dog")]);
}

#[test]
fn an_alias_that_holds_itself_is_any_value_with_a_warning() {
    let (api, warnings) = load_schemas(
        "3.1.0",
        serde_json::json!({
            "A": {"$ref": "#/components/schemas/B"},
            "B": {"$ref": "#/components/schemas/A"},
            "Nested": {"type": "array", "items": {"$ref": "#/components/schemas/Nested"}},
            "Tree": {"type": "object", "properties": {"children": {"$ref": "#/components/schemas/Forest"}}},
            "Forest": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
        }),
    );
    let kind = |name: &str| api.schemas.get(name).map(|s| s.kind.clone());
    for name in ["A", "B", "Nested"] {
        assert_eq!(kind(name), Some(SchemaKind::Alias(TypeRef::Any)), "{name}");
        assert!(
            warnings.iter().any(|w| w
                .location
                .to_string()
                .ends_with(&format!("#/components/schemas/{name}"))),
            "{name}: {warnings:#?}"
        );
    }
    // A struct between breaks the cycle: the alias stays.
    assert_eq!(
        kind("Forest"),
        Some(SchemaKind::Alias(TypeRef::Array(Box::new(TypeRef::Named(
            "Tree".into()
        )))))
    );
}

#[test]
fn schemas_named_like_the_prelude_do_not_shadow_it() {
    let object = serde_json::json!({"type": "object", "properties": {"a": {"type": "string"}}});
    let (api, _) = load_schemas(
        "3.1.0",
        serde_json::json!({
            "Option": object, "String": object, "Result": {"type": "string", "enum": ["ok"]},
            "Vec": {"type": "array", "items": {"type": "string"}}, "Thing": object,
            "Self": {"type": "object", "properties": {"mode": {"type": "string", "enum": ["a"]}}},
            "Mode": {"type": "integer"},
        }),
    );
    let names: Vec<&str> = api.schemas.keys().map(String::as_str).collect();
    // An inline type whose own name is taken is named after its parent,
    // without the escape's `_`.
    assert_eq!(
        names,
        ["Mode", "Option_", "Result_", "SelfMode", "Self_", "String_", "Thing", "Vec_"]
    );
}

#[test]
fn a_required_write_only_field_is_optional_where_an_answer_holds_it() {
    let pet = |name: &str| {
        serde_json::json!({
            "type": "object",
            "required": ["name", "secret"],
            "properties": {"name": {"type": "string"}, "secret": {"type": "string", "writeOnly": true}},
            "description": name,
        })
    };
    let body = |schema: &str| serde_json::json!({"content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}});
    let document = serde_json::json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/pets": {"post": {
            "operationId": "add",
            "requestBody": body("PetRequest"),
            "responses": {"201": {"description": "ok", "content": body("Pet")["content"].clone()}}
        }, "put": {
            "operationId": "put",
            "requestBody": body("Pet"),
            "responses": {"204": {"description": "ok"}}
        }}},
        "components": {"schemas": {"Pet": pet("both ways"), "PetRequest": pet("sent only")}},
    });
    let (api, _) = load_json(&document);
    let presence = |schema: &str| match api.schemas.get(schema).map(|s| &s.kind) {
        Some(SchemaKind::Object(object)) => object
            .fields
            .iter()
            .map(|f| (f.wire_name.clone(), f.presence))
            .collect::<Vec<_>>(),
        other => panic!("{schema}: {other:?}"),
    };
    use apidocs2rs::model::Presence::{Optional, Required};
    assert_eq!(
        presence("Pet"),
        [
            ("name".to_string(), Required),
            ("secret".to_string(), Optional)
        ]
    );
    assert_eq!(
        presence("PetRequest"),
        [
            ("name".to_string(), Required),
            ("secret".to_string(), Required)
        ]
    );
}
