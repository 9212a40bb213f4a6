//! The facts each seed page states, checked one by one: what a reader of the
//! page would write down, independent of the snapshots.

use apidocs2rs::model::{
    Api, Field, Method, Nullability, ObjectSchema, ParameterLocation, Presence, Primitive, Schema,
    SchemaKind, Security, Status, TypeRef,
};
use apidocs2rs::Generator;

use crate::seeds;

fn load(page: &str) -> Api {
    match seeds::generator(&format!("../spec/{page}")).load() {
        Ok((api, _)) => api,
        Err(error) => panic!("../spec/{page} should parse: {error}"),
    }
}

fn object<'a>(api: &'a Api, name: &str) -> &'a ObjectSchema {
    match api.schemas.get(name).map(|s| &s.kind) {
        Some(SchemaKind::Object(object)) => object,
        other => panic!("`{name}` should be an object schema, found {other:?}"),
    }
}

fn field<'a>(object: &'a ObjectSchema, wire: &str) -> &'a Field {
    match object.fields.iter().find(|f| f.wire_name == wire) {
        Some(field) => field,
        None => panic!("no field `{wire}`"),
    }
}

fn enum_values(schema: Option<&Schema>) -> Vec<&str> {
    match schema.map(|s| &s.kind) {
        Some(SchemaKind::Enum(values)) => values.values.iter().map(|v| v.wire.as_str()).collect(),
        other => panic!("expected an enum, found {other:?}"),
    }
}

/// The object the page's (first) operation takes as its body.
fn request_body(api: &Api) -> &ObjectSchema {
    match api.operations.first().and_then(|op| op.body.as_ref()) {
        Some(body) => object(api, named(&body.ty)),
        None => panic!("the page's operation should take a body"),
    }
}

fn named(ty: &TypeRef) -> &str {
    match ty {
        TypeRef::Named(name) => name,
        other => panic!("expected a named type, found {other:?}"),
    }
}

#[test]
fn providers_proxy_partial_update_operation() {
    let api = load("002_f9504824eacc2b16.txt");
    assert_eq!(api.base_path.as_deref(), Some("/api/v3"));
    let op = &api.operations[0];
    assert_eq!(op.id, "providers_proxy_partial_update");
    assert_eq!(op.method, Method::Patch);
    assert_eq!(op.path.to_string(), "/providers/proxy/{id}/");
    assert_eq!(op.description.as_deref(), Some("ProxyProvider Viewset"));
    assert_eq!(op.security, Security::scheme("authentik"));
    let [id] = op.parameters.as_slice() else {
        panic!("one parameter expected: {:?}", op.parameters)
    };
    assert_eq!(
        (id.location, id.name.as_str(), id.required),
        (ParameterLocation::Path, "id", true)
    );
    assert_eq!(id.ty, TypeRef::Primitive(Primitive::Integer));
    assert_eq!(
        id.description.as_deref(),
        Some("A unique integer value identifying this Proxy Provider.")
    );
    let body = op.body.as_ref().expect("a body");
    assert!(!body.required, "the page shows no `required` under Body");
    let [response] = op.responses.as_slice() else {
        panic!("one response expected")
    };
    assert_eq!(
        response.status,
        Status::AnySuccess,
        "the page does not show the status code"
    );
}

#[test]
fn providers_proxy_partial_update_body() {
    let api = load("002_f9504824eacc2b16.txt");
    let body = request_body(&api);
    assert_eq!(body.fields.len(), 20);
    let flow = field(body, "authentication_flow");
    assert_eq!(flow.ty, TypeRef::Primitive(Primitive::Uuid));
    assert_eq!(
        (flow.presence, flow.nullability),
        (Presence::Optional, Nullability::Nullable)
    );
    assert_eq!(
        flow.description.as_deref(),
        Some("Flow used for authentication when the associated application is accessed by an un-authenticated user.")
    );
    let mode = field(body, "mode");
    assert_eq!(named(&mode.ty), "ProxyMode");
    assert_eq!(
        enum_values(api.schemas.get("ProxyMode")),
        ["proxy", "forward_single", "forward_domain"]
    );
    assert_eq!(
        field(body, "jwt_federation_providers").ty,
        TypeRef::Array(Box::new(TypeRef::Primitive(Primitive::Integer)))
    );
    assert_eq!(field(body, "name").constraints.min_length, Some(1));
    let basic = field(body, "basic_auth_enabled");
    assert_eq!(
        basic.title.as_deref(),
        Some("Set HTTP-Basic Authentication")
    );
    assert_eq!(basic.ty, TypeRef::Primitive(Primitive::Boolean));
    assert_eq!(
        field(body, "internal_host").ty,
        TypeRef::Primitive(Primitive::Uri)
    );
}

#[test]
fn providers_proxy_partial_update_response() {
    let api = load("002_f9504824eacc2b16.txt");
    let response_body = api.operations[0].responses[0]
        .body
        .as_ref()
        .expect("a body");
    let response = object(&api, named(&response_body.ty));
    assert_eq!(response.fields.len(), 32);
    let required: Vec<&str> = response
        .fields
        .iter()
        .filter(|f| f.presence == Presence::Required)
        .map(|f| f.wire_name.as_str())
        .collect();
    assert_eq!(
        required,
        [
            "pk",
            "name",
            "authorization_flow",
            "invalidation_flow",
            "component",
            "assigned_application_slug",
            "assigned_application_name",
            "assigned_backchannel_application_slug",
            "assigned_backchannel_application_name",
            "verbose_name",
            "verbose_name_plural",
            "meta_model_name",
            "client_id",
            "external_host",
            "redirect_uris",
            "outpost_set"
        ]
    );
    assert_eq!(field(response, "pk").title.as_deref(), Some("ID"));
    let TypeRef::Array(item) = &field(response, "redirect_uris").ty else {
        panic!("redirect_uris is an array")
    };
    let item = object(&api, named(item));
    let matching = field(item, "matching_mode");
    assert_eq!(
        (named(&matching.ty), matching.presence),
        ("MatchingModeEnum", Presence::Required)
    );
    assert_eq!(
        enum_values(api.schemas.get("MatchingModeEnum")),
        ["strict", "regex"]
    );
    let url = field(item, "url");
    assert_eq!(
        (&url.ty, url.presence),
        (&TypeRef::Primitive(Primitive::String), Presence::Required)
    );
    assert_eq!(item.fields.len(), 2);
    // `cookie_domain` follows `]` with a copied bullet, yet belongs to the response itself.
    assert_eq!(
        field(response, "cookie_domain").ty,
        TypeRef::Primitive(Primitive::String)
    );
}

#[test]
fn outposts_instances_update_recovers_what_the_page_supports() {
    let api = load("000_d5606ba46899795a.txt");
    let op = &api.operations[0];
    assert_eq!(
        (op.id.as_str(), op.method),
        ("outposts_instances_update", Method::Put)
    );
    assert_eq!(op.path.to_string(), "/outposts/instances/{uuid}/");
    let [uuid] = op.parameters.as_slice() else {
        panic!("one parameter expected")
    };
    assert_eq!(uuid.name, "uuid");
    assert_eq!(
        uuid.ty,
        TypeRef::Unstated,
        "the page gives no type for the path parameter"
    );
    assert_eq!(
        uuid.description.as_deref(),
        Some("A UUID string identifying this Outpost.")
    );
    assert_eq!(op.security, Security::Unstated);

    let body = op.body.as_ref().expect("a body");
    assert!(body.required);
    assert_eq!(body.content_type, "application/json");
    let request = object(&api, named(&body.ty));
    let [config] = request.fields.as_slice() else {
        panic!(
            "only `config` is named in the request: {:?}",
            request.fields
        )
    };
    assert_eq!(
        (config.wire_name.as_str(), config.presence),
        ("config", Presence::Required)
    );
    assert_eq!(
        request.additional,
        Some(TypeRef::Any),
        "the request admits the fields the page lost"
    );

    let statuses: Vec<Status> = op.responses.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [Status::Code(200), Status::Code(400), Status::Code(403)]
    );
    let ok = object(
        &api,
        named(&op.responses[0].body.as_ref().expect("200 body").ty),
    );
    let names: Vec<&str> = ok.fields.iter().map(|f| f.wire_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "pk",
            "name",
            "type",
            "providers",
            "providers_obj",
            "service_connection",
            "service_connection_obj",
            "refresh_interval_s",
            "token_identifier",
            "config",
            "managed"
        ]
    );
    // Enum values matched to the one example value among them.
    assert_eq!(
        enum_values(api.schemas.get(named(&field(ok, "type").ty))),
        ["proxy", "ldap", "radius", "rac"]
    );
    // Object fields keep their stated flags; the others state none.
    assert_eq!(field(ok, "providers_obj").presence, Presence::Required);
    assert_eq!(
        field(ok, "service_connection_obj").presence,
        Presence::Required
    );
    let name = field(ok, "name");
    assert_eq!(
        (name.presence, name.nullability),
        (Presence::Unstated, Nullability::Unstated)
    );
    assert_eq!(field(ok, "pk").ty, TypeRef::Primitive(Primitive::Uuid));
    let TypeRef::Array(provider) = &field(ok, "providers_obj").ty else {
        panic!("providers_obj is an array")
    };
    assert_eq!(object(&api, named(provider)).fields.len(), 13);
    let connection = object(&api, named(&field(ok, "service_connection_obj").ty));
    assert_eq!(
        field(connection, "local").ty,
        TypeRef::Primitive(Primitive::Boolean)
    );

    let bad_request = object(
        &api,
        named(&op.responses[1].body.as_ref().expect("400 body").ty),
    );
    let names: Vec<&str> = bad_request
        .fields
        .iter()
        .map(|f| f.wire_name.as_str())
        .collect();
    assert_eq!(names, ["non_field_errors", "code"]);
    let forbidden = object(
        &api,
        named(&op.responses[2].body.as_ref().expect("403 body").ty),
    );
    let names: Vec<&str> = forbidden
        .fields
        .iter()
        .map(|f| f.wire_name.as_str())
        .collect();
    assert_eq!(names, ["detail", "code"]);
}

#[test]
fn outposts_instances_update_reports_what_it_cannot_support() {
    let (_, warnings) = match Generator::new()
        .spec("../spec/000_d5606ba46899795a.txt")
        .load()
    {
        Ok(loaded) => loaded,
        Err(error) => panic!("{error}"),
    };
    let at = |line: usize| {
        warnings
            .iter()
            .filter(|w| w.location.line == Some(line))
            .count()
    };
    // The request's `Possible values: non-empty` and its enum have no field to belong to.
    assert_eq!(at(10), 2, "{warnings:#?}");
    assert_eq!(at(11), 1);
    // A description that lost its field name.
    assert!(warnings
        .iter()
        .any(|w| w.location.line == Some(60) && w.message.contains("Get Token identifier")));
    // Security is not shown on this page.
    assert!(warnings.iter().any(|w| w
        .message
        .contains("does not say how the operation authenticates")));
    assert!(warnings
        .iter()
        .all(|w| w.location.file.ends_with("000_d5606ba46899795a.txt")));
}

/// Flat responses: a line after an example, where every status left has a
/// block, is reported and belongs to no response; a status without a block
/// takes its one-line description (`No response body`).
#[test]
fn flat_responses_tell_stray_lines_from_descriptions() {
    let page = std::fs::read_to_string("../spec/000_d5606ba46899795a.txt")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut lines: Vec<&str> = page.lines().collect();
    // After the 200 example's last line (105), before the 400 block.
    lines.insert(105, "stray line");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let stray = dir.path().join("stray.txt");
    std::fs::write(&stray, lines.join("\n")).unwrap_or_else(|e| panic!("{e}"));
    let (api, warnings) = match Generator::new().spec(&stray).load() {
        Ok(loaded) => loaded,
        Err(error) => panic!("{error}"),
    };
    let statuses: Vec<(Status, bool)> = api.operations[0]
        .responses
        .iter()
        .map(|r| (r.status, r.body.is_some()))
        .collect();
    assert_eq!(
        statuses,
        [
            (Status::Code(200), true),
            (Status::Code(400), true),
            (Status::Code(403), true)
        ]
    );
    assert!(
        warnings.iter().any(|w| w.location.line == Some(106)
            && w.message.contains("stands between response blocks")),
        "{warnings:#?}"
    );

    // The 400 block replaced by a description: 400 has no content.
    let start = lines.iter().position(|l| *l == "stray line").unwrap_or(0);
    let end = start + 11; // the 400 block: media type … closing `}`
    assert_eq!(lines[end - 1], "}");
    lines.splice(start..end, ["Bad request"]);
    let described = dir.path().join("described.txt");
    std::fs::write(&described, lines.join("\n")).unwrap_or_else(|e| panic!("{e}"));
    let (api, _) = match Generator::new().spec(&described).load() {
        Ok(loaded) => loaded,
        Err(error) => panic!("{error}"),
    };
    let responses = &api.operations[0].responses;
    assert_eq!(responses[1].status, Status::Code(400));
    assert_eq!(responses[1].description.as_deref(), Some("Bad request"));
    assert!(responses[1].body.is_none());
    assert!(responses[2].body.is_some(), "403 keeps its block");
}

/// The seed page `seed` with each line `n` (1-based, of the page as it is)
/// replaced by its lines, loaded.
fn load_changed(seed: &str, changes: &[(usize, &[&str])]) -> (Api, Vec<apidocs2rs::Warning>) {
    let page = std::fs::read_to_string(format!("../spec/{seed}")).unwrap_or_else(|e| panic!("{e}"));
    let mut lines: Vec<&str> = page.lines().collect();
    let mut changes = changes.to_vec();
    changes.sort_by_key(|(line, _)| std::cmp::Reverse(*line));
    for (line, with) in changes {
        lines.splice(line - 1..line, with.iter().copied());
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let changed = dir.path().join(seed);
    std::fs::write(&changed, lines.join("\n")).unwrap_or_else(|e| panic!("{e}"));
    match Generator::new().spec(&changed).load() {
        Ok(loaded) => loaded,
        Err(error) => panic!("{error}"),
    }
}

#[test]
fn qualifiers_state_every_limit_and_an_arrays_limits_are_its_items() {
    // `name`'s qualifier (line 23) with every group the site writes.
    let (api, warnings) = load_changed(
        "002_f9504824eacc2b16.txt",
        &[(23, &["    Possible values: non-empty and <= 150 characters, Value must match regular expression ^[-a-zA-Z0-9_]+$"])],
    );
    let body = request_body(&api);
    let limits = &field(body, "name").constraints;
    assert_eq!((limits.min_length, limits.max_length), (Some(1), Some(150)));
    assert_eq!(limits.pattern.as_deref(), Some("^[-a-zA-Z0-9_]+$"));
    assert!(
        warnings.iter().all(|w| w.location.line != Some(23)),
        "{warnings:#?}"
    );

    // Under `jwt_federation_providers` (integer[], line 76): `<= 10` may
    // count the items or bound each; under `property_mappings` (uuid[],
    // line 37) it counts them; `non-empty` is an item's length, not kept.
    let (api, warnings) = load_changed(
        "002_f9504824eacc2b16.txt",
        &[(
            76,
            &[
                "    jwt_federation_providersinteger[]",
                "",
                "    Possible values: >= 0 and <= 10",
            ],
        )],
    );
    let body = request_body(&api);
    assert!(field(body, "jwt_federation_providers")
        .constraints
        .is_empty());
    assert!(
        warnings.iter().any(|w| w.location.line == Some(76)
            && w.message.contains("count its items or bound each item")),
        "{warnings:#?}"
    );
    let (api, warnings) = load_changed(
        "002_f9504824eacc2b16.txt",
        &[(
            37,
            &[
                "    property_mappingsuuid[]",
                "",
                "    Possible values: non-empty, >= 1, <= 10",
            ],
        )],
    );
    let body = request_body(&api);
    let limits = &field(body, "property_mappings").constraints;
    assert_eq!((limits.min_items, limits.max_items), (Some(1), Some(10)));
    assert_eq!(limits.min_length, None);
    assert!(
        warnings.iter().any(|w| w.location.line == Some(37)
            && w.message.contains("of an array's items are not modelled")),
        "{warnings:#?}"
    );
}

#[test]
fn a_flat_qualifier_broken_after_each_limit_is_read_as_one() {
    // `name`'s `Possible values: non-empty` (line 10), as the flat copy
    // breaks a longer message: after each code span.
    let (api, warnings) = load_changed(
        "000_d5606ba46899795a.txt",
        &[(
            10,
            &[
                "Possible values: non-empty",
                "and <= 150 characters",
                ", Value must match regular expression ^[-a-zA-Z0-9_]+$",
            ],
        )],
    );
    let qualifier_at_10 = |w: &&apidocs2rs::Warning| {
        w.location.line == Some(10) && w.message.contains("`Possible values: non-empty")
    };
    let joined: Vec<&str> = warnings
        .iter()
        .filter(qualifier_at_10)
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(
        joined,
        ["`Possible values: non-empty and <= 150 characters, Value must match regular expression ^[-a-zA-Z0-9_]+$` cannot be tied to a field: this copy of the page lost the names of simple fields"]
    );
    // Everything else reads as on the page as it is, two lines further on.
    let (unchanged, before) = match Generator::new()
        .spec("../spec/000_d5606ba46899795a.txt")
        .load()
    {
        Ok(loaded) => loaded,
        Err(error) => panic!("{error}"),
    };
    let others = |warnings: &[apidocs2rs::Warning], shift: usize| -> Vec<(Option<usize>, String)> {
        warnings
            .iter()
            .filter(|w| !qualifier_at_10(w))
            .map(|w| {
                let line = w.location.line.map(|l| if l > 10 { l + shift } else { l });
                (line, w.message.clone())
            })
            .collect()
    };
    assert_eq!(others(&warnings, 0), others(&before, 2));
    assert_eq!(api, unchanged);
}

#[test]
fn defaults_are_typed_by_the_label() {
    let (api, warnings) = load_changed(
        "002_f9504824eacc2b16.txt",
        &[
            (15, &["    id integerrequired", "", "    Default value: 1"]),
            (
                64,
                &[
                    "    modeProxyMode (string)",
                    "",
                    "    Default value: forward_single",
                ],
            ),
            (
                70,
                &[
                    "    intercept_header_authboolean",
                    "",
                    "    Default value: true",
                ],
            ),
            (
                76,
                &[
                    "    jwt_federation_providersinteger[]",
                    "",
                    "    Default value: maybe",
                ],
            ),
        ],
    );
    let body = request_body(&api);
    assert_eq!(
        field(body, "mode").default,
        Some(serde_json::json!("forward_single"))
    );
    assert_eq!(
        field(body, "intercept_header_auth").default,
        Some(serde_json::json!(true))
    );
    assert_eq!(field(body, "jwt_federation_providers").default, None);
    let said = |line: usize, what: &str| {
        warnings
            .iter()
            .any(|w| w.location.line == Some(line) && w.message.contains(what))
    };
    // Line numbers of the changed page: two lines more after each change.
    assert!(
        said(
            84,
            "the default `maybe` of field `jwt_federation_providers` is not JSON"
        ),
        "{warnings:#?}"
    );
    assert_eq!(
        api.operations[0].parameters[0].default,
        Some(serde_json::json!(1))
    );
    assert_eq!(
        api.operations[0].parameters[0].description.as_deref(),
        Some("A unique integer value identifying this Proxy Provider.")
    );
}
