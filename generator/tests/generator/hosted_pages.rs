//! The hosted platforms' layouts (ReadMe, Mintlify, Fern, GitBook,
//! bump.sh), which cannot be rendered here: a made-up page of each, in the
//! shape `doc-pages/LAYOUTS.md` describes (`tests/fixtures/hosted/`), is
//! recognised as its platform's and read into the facts it states, and
//! what it does not state stays unstated.

use std::path::{Path, PathBuf};

use apidocs2rs::model::{
    Api, EnumWire, Field, Method, Nullability, ObjectSchema, ParameterLocation, Presence,
    SchemaKind, Status, TypeRef,
};
use apidocs2rs::{Generator, Layout};

fn page(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hosted")
        .join(name)
}

/// The page's model and the layout it was read in.
fn read(name: &str) -> (Api, Layout) {
    let path = page(name);
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let report = Generator::new()
        .spec(&path)
        .export_openapi(out.path().join("api.yaml"))
        .unwrap_or_else(|e| panic!("{name} should be read: {e}"));
    let layout = match report.layouts.as_slice() {
        [(_, layout)] => *layout,
        other => panic!("one page expected, read {other:?}"),
    };
    let (api, _) = Generator::new()
        .spec(&path)
        .load()
        .unwrap_or_else(|e| panic!("{name} should be read: {e}"));
    (api, layout)
}

fn object<'a>(api: &'a Api, ty: &TypeRef) -> &'a ObjectSchema {
    let TypeRef::Named(name) = ty else {
        panic!("expected a named type, found {ty:?}")
    };
    match api.schemas.get(name).map(|s| &s.kind) {
        Some(SchemaKind::Object(object)) => object,
        other => panic!("`{name}` should be an object, found {other:?}"),
    }
}

fn field<'a>(object: &'a ObjectSchema, wire: &str) -> &'a Field {
    object
        .fields
        .iter()
        .find(|f| f.wire_name == wire)
        .unwrap_or_else(|| panic!("no field `{wire}` in {:?}", object.fields))
}

fn enum_values(api: &Api, ty: &TypeRef) -> Vec<String> {
    let TypeRef::Named(name) = ty else {
        panic!("expected an enum's name, found {ty:?}")
    };
    match api.schemas.get(name).map(|s| &s.kind) {
        Some(SchemaKind::Enum(values)) => values.values.iter().map(|v| v.wire.clone()).collect(),
        other => panic!("`{name}` should be an enum, found {other:?}"),
    }
}

/// The body's object of the page's first operation.
fn body(api: &Api) -> &ObjectSchema {
    let body = api.operations[0].body.as_ref().expect("a request body");
    object(api, &body.ty)
}

fn statuses(api: &Api, index: usize) -> Vec<Status> {
    api.operations[index]
        .responses
        .iter()
        .map(|r| r.status)
        .collect()
}

#[test]
fn readme_method_and_path_from_the_sample_and_required_where_marked() {
    let (api, layout) = read("readme.txt");
    assert_eq!(layout, Layout::ReadMe);
    let op = &api.operations[0];
    assert_eq!(op.id, "create_widget");
    assert_eq!(op.method, Method::Post);
    // The sample writes the parameter's name in its place.
    assert_eq!(op.path.to_string(), "/v1/accounts/{account_id}/widgets");
    let locations: Vec<_> = op
        .parameters
        .iter()
        .map(|p| (p.name.as_str(), p.location, p.required))
        .collect();
    assert_eq!(
        locations,
        [
            ("account_id", ParameterLocation::Path, true),
            ("dry_run", ParameterLocation::Query, false)
        ]
    );
    assert_eq!(op.parameters[1].default, Some(serde_json::json!(false)));
    let body = body(&api);
    assert_eq!(field(body, "name").presence, Presence::Required);
    assert_eq!(field(body, "kind").presence, Presence::Optional);
    assert_eq!(
        enum_values(&api, &field(body, "kind").ty),
        ["small", "large"]
    );
    // ReadMe rarely shows `null`: it is unstated, not denied.
    assert_eq!(field(body, "name").nullability, Nullability::Unstated);
    assert_eq!(statuses(&api, 0), [Status::Code(201), Status::Code(400)]);
}

#[test]
fn mintlify_path_segments_options_ranges_and_nullable_types() {
    let (api, layout) = read("mintlify.txt");
    assert_eq!(layout, Layout::Mintlify);
    let op = &api.operations[0];
    assert_eq!(op.method, Method::Post);
    assert_eq!(op.path.to_string(), "/accounts/{account_id}/widgets");
    // The authorization header is the security scheme's, no parameter.
    assert_eq!(op.parameters.len(), 1);
    let body = body(&api);
    assert_eq!(
        enum_values(&api, &field(body, "kind").ty),
        ["small", "large"]
    );
    assert_eq!(field(body, "note").nullability, Nullability::Nullable);
    assert_eq!(field(body, "name").nullability, Nullability::NonNull);
    // Values under a number type are numbers.
    let ratio = match &field(body, "ratio").ty {
        TypeRef::Named(name) => api.schemas.get(name).map(|s| &s.kind),
        _ => None,
    };
    assert!(
        matches!(ratio, Some(SchemaKind::Enum(e)) if e.wire == EnumWire::Numbers),
        "{ratio:?}"
    );
    let size = field(body, "size");
    assert_eq!(
        (
            size.constraints.minimum.as_ref().map(|b| b.value.as_str()),
            size.constraints.maximum.as_ref().map(|b| b.value.as_str())
        ),
        (Some("1"), Some("100"))
    );
    let created = &op.responses[0];
    assert_eq!(created.status, Status::Code(201));
    let response = object(&api, &created.body.as_ref().expect("a response body").ty);
    assert_eq!(field(response, "id").presence, Presence::Required);
}

#[test]
fn fern_glued_cells_and_a_response_without_its_status() {
    let (api, layout) = read("fern.txt");
    assert_eq!(layout, Layout::Fern);
    let op = &api.operations[0];
    assert_eq!(op.path.to_string(), "/v1/accounts/{account_id}/widgets");
    let body = body(&api);
    assert_eq!(field(body, "name").presence, Presence::Required);
    assert_eq!(field(body, "limit").presence, Presence::Optional);
    let limit = field(body, "limit");
    assert_eq!(limit.default, Some(serde_json::json!(10)));
    assert_eq!(
        limit.constraints.maximum.as_ref().map(|b| b.value.as_str()),
        Some("100")
    );
    assert_eq!(field(body, "note").nullability, Nullability::Nullable);
    assert_eq!(field(body, "owner").nullability, Nullability::NonNull);
    assert_eq!(
        enum_values(&api, &field(body, "kind").ty),
        ["small", "large"]
    );
    // The success response shows no status: only the error is placed.
    assert_eq!(statuses(&api, 0), [Status::Code(400)]);
}

#[test]
fn gitbook_several_operations_with_their_paths_in_the_samples() {
    let (api, layout) = read("gitbook.txt");
    assert_eq!(layout, Layout::GitBook);
    let mut found: Vec<_> = api
        .operations
        .iter()
        .map(|op| (op.id.as_str(), op.method, op.path.to_string()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (
                "create_widget",
                Method::Post,
                "/v1/accounts/{account_id}/widgets".to_string()
            ),
            (
                "list_widgets",
                Method::Get,
                "/v1/accounts/{account_id}/widgets".to_string()
            ),
        ]
    );
    let list = api
        .operations
        .iter()
        .find(|op| op.id == "list_widgets")
        .expect("list_widgets");
    let limit = &list.parameters[1];
    assert_eq!((limit.name.as_str(), limit.required), ("limit", false));
    assert_eq!(
        limit.constraints.maximum.as_ref().map(|b| b.value.as_str()),
        Some("1000")
    );
    // The list's items come from the example.
    let items = &list.responses[0].body.as_ref().expect("a body").ty;
    assert!(matches!(items, TypeRef::Array(_)), "{items:?}");
}

#[test]
fn bump_sh_bullets_prose_values_and_nesting_by_counts() {
    let (api, layout) = read("bump.txt");
    assert_eq!(layout, Layout::BumpSh);
    let op = &api.operations[0];
    assert_eq!(op.path.to_string(), "/v1/accounts/{account_id}/widgets");
    assert!(op.body.as_ref().is_some_and(|b| b.required));
    let body = body(&api);
    let names: Vec<_> = body.fields.iter().map(|f| f.wire_name.as_str()).collect();
    assert_eq!(names, ["name", "kind", "created_at", "owner"]);
    // `Hide 2 attributes`: the two fields after `owner` are its own.
    let owner = object(&api, &field(body, "owner").ty);
    let names: Vec<_> = owner.fields.iter().map(|f| f.wire_name.as_str()).collect();
    assert_eq!(names, ["id", "name"]);
    assert_eq!(
        field(body, "kind").default,
        Some(serde_json::json!("small"))
    );
    assert_eq!(statuses(&api, 0), [Status::Code(201), Status::Code(400)]);
}

#[test]
fn a_page_without_method_or_path_is_refused_saying_what_is_missing() {
    let text = std::fs::read_to_string(page("readme.txt")).unwrap_or_else(|e| panic!("{e}"));
    let cut = text.split("Try It!").next().unwrap_or_default();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("create-widget.txt");
    std::fs::write(&path, cut).unwrap_or_else(|e| panic!("{e}"));
    let Err(error) = Generator::new().spec(&path).load() else {
        panic!("a page without method and path is refused")
    };
    let message = error.to_string();
    assert!(
        message.contains("HTTP method and a path") && message.contains("ReadMe"),
        "{message}"
    );
}
