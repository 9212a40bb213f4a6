//! The model written back as an OpenAPI 3.0 document, so a user of any other
//! tool can start from the documentation pages alone
//! (`generator export-openapi`). Every named schema becomes a component and
//! is referenced with `$ref`; the OpenAPI front end reads the document back
//! into a model from which the emitter generates the same client.
//!
//! OpenAPI cannot say "the input does not tell"; each unstated fact is
//! written the way the client reads it: an unstated presence is optional, an
//! unstated nullability is nullable on a required field and not on an
//! optional one, an unstated type is any value (text for a path parameter),
//! and unstated security is every scheme the API has.

use serde_json::{json, Map, Number, Value};

use crate::model::{
    Api, Bound, Constraints, EnumSchema, EnumWire, Field, Info, Link, Method, Nullability,
    ObjectSchema, Operation, Parameter, ParameterLocation, ParameterStyle, Presence, Primitive,
    Response, Schema, SchemaKind, Security, SecurityScheme, TypeRef, UnionSchema,
};

/// The OpenAPI 3.0 document of `api`.
pub fn document(api: &Api) -> Value {
    let mut root = Map::new();
    root.insert("openapi".into(), json!("3.0.3"));
    root.insert("info".into(), info(&api.info));
    if let Some(docs) = &api.info.external_docs {
        root.insert("externalDocs".into(), link(docs));
    }
    if let Some(url) = api.server_url.as_ref().or(api.base_path.as_ref()) {
        root.insert("servers".into(), json!([{ "url": url }]));
    }
    let mut paths = Map::new();
    for op in &api.operations {
        let item = paths
            .entry(op.path.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(item) = item {
            item.insert(method_key(op.method).into(), operation(api, op));
        }
    }
    root.insert("paths".into(), Value::Object(paths));
    let mut components = Map::new();
    let schemas: Map<String, Value> = api
        .schemas
        .values()
        .map(|schema| (schema.name.clone(), schema_component(api, schema)))
        .collect();
    components.insert("schemas".into(), Value::Object(schemas));
    if !api.security_schemes.is_empty() {
        let schemes: Map<String, Value> = api
            .security_schemes
            .iter()
            .map(|(name, scheme)| {
                let scheme = match scheme {
                    SecurityScheme::Http { scheme } => json!({"type": "http", "scheme": scheme}),
                    SecurityScheme::Basic => json!({"type": "http", "scheme": "basic"}),
                    SecurityScheme::ApiKey { location, name } => {
                        json!({"type": "apiKey", "in": location, "name": name})
                    }
                    // The flows are not in the model; the token is all the client sends.
                    SecurityScheme::OAuth2 => json!({"type": "oauth2", "flows": {}}),
                    SecurityScheme::OpenIdConnect { url } => {
                        json!({"type": "openIdConnect", "openIdConnectUrl": url})
                    }
                };
                (name.clone(), scheme)
            })
            .collect();
        components.insert("securitySchemes".into(), Value::Object(schemes));
    }
    root.insert("components".into(), Value::Object(components));
    Value::Object(root)
}

/// `info`: what the input says of the API. OpenAPI requires a version; one
/// the input does not give (pages show none) is written empty.
fn info(info: &Info) -> Value {
    let mut out = Map::new();
    out.insert("title".into(), json!(info.title));
    out.insert(
        "version".into(),
        json!(info.version.as_deref().unwrap_or("")),
    );
    let mut set = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            out.insert(key.into(), value);
        }
    };
    set("description", info.description.as_ref().map(|d| json!(d)));
    set(
        "termsOfService",
        info.terms_of_service.as_ref().map(|t| json!(t)),
    );
    set(
        "contact",
        info.contact.as_ref().map(|contact| {
            let mut map = Map::new();
            for (key, value) in [
                ("name", &contact.name),
                ("url", &contact.url),
                ("email", &contact.email),
            ] {
                if let Some(value) = value {
                    map.insert(key.into(), json!(value));
                }
            }
            Value::Object(map)
        }),
    );
    set(
        "license",
        info.license.as_ref().map(|license| {
            let mut map = Map::new();
            map.insert("name".into(), json!(license.name));
            // 3.0 has no `identifier` (3.1 does): the URL says it.
            if let Some(url) = &license.url {
                map.insert("url".into(), json!(url));
            }
            Value::Object(map)
        }),
    );
    Value::Object(out)
}

/// An `externalDocs` object.
fn link(link: &Link) -> Value {
    let mut map = Map::new();
    map.insert("url".into(), json!(link.url));
    if let Some(description) = &link.description {
        map.insert("description".into(), json!(description));
    }
    Value::Object(map)
}

fn method_key(method: Method) -> &'static str {
    match method {
        Method::Get => "get",
        Method::Put => "put",
        Method::Post => "post",
        Method::Delete => "delete",
        Method::Patch => "patch",
        Method::Head => "head",
        Method::Options => "options",
    }
}

fn operation(api: &Api, op: &Operation) -> Value {
    let mut map = Map::new();
    map.insert("operationId".into(), json!(op.id));
    if let Some(description) = &op.description {
        map.insert("description".into(), json!(description));
    }
    if !op.tags.is_empty() {
        map.insert("tags".into(), json!(op.tags));
    }
    if !op.parameters.is_empty() {
        let parameters: Vec<Value> = op.parameters.iter().map(parameter).collect();
        map.insert("parameters".into(), Value::Array(parameters));
    }
    if let Some(body) = &op.body {
        let mut request = Map::new();
        if let Some(description) = &body.description {
            request.insert("description".into(), json!(description));
        }
        request.insert(
            "content".into(),
            json!({ body.content_type.clone(): { "schema": type_schema(&body.ty) } }),
        );
        request.insert("required".into(), json!(body.required));
        map.insert("requestBody".into(), Value::Object(request));
    }
    let mut responses: Map<String, Value> = op.responses.iter().map(response).collect();
    if responses.is_empty() {
        // OpenAPI 3.0 needs one; the input documents none, and the client
        // takes any success without a body.
        responses.insert(
            "2XX".into(),
            json!({"description": "The input documents no response."}),
        );
    }
    map.insert("responses".into(), Value::Object(responses));
    let requirement = |names: &mut dyn Iterator<Item = &String>| -> Value {
        Value::Object(names.map(|name| (name.clone(), json!([]))).collect())
    };
    let requirements: Vec<Value> = match &op.security {
        Security::Requirements(requirements) => requirements
            .iter()
            .map(|names| requirement(&mut names.iter()))
            .collect(),
        Security::Unstated => api
            .security_schemes
            .keys()
            .map(|name| requirement(&mut std::iter::once(name)))
            .collect(),
    };
    map.insert("security".into(), Value::Array(requirements));
    if op.deprecated {
        map.insert("deprecated".into(), json!(true));
    }
    Value::Object(map)
}

fn parameter(parameter: &Parameter) -> Value {
    let location = match parameter.location {
        ParameterLocation::Path => "path",
        ParameterLocation::Query => "query",
        ParameterLocation::Header => "header",
        ParameterLocation::Cookie => "cookie",
    };
    let schema = match (&parameter.ty, parameter.location) {
        (TypeRef::Unstated, ParameterLocation::Path) => json!({"type": "string"}),
        (ty, _) => type_schema(ty),
    };
    let mut schema = open_to_siblings(
        schema,
        parameter.default.is_some() || !parameter.constraints.is_empty(),
    );
    if let (Some(default), Value::Object(map)) = (&parameter.default, &mut schema) {
        map.insert("default".into(), default.clone());
    }
    add_constraints(&mut schema, &parameter.constraints);
    let mut map = Map::new();
    map.insert("in".into(), json!(location));
    map.insert("name".into(), json!(parameter.name));
    if let Some(description) = &parameter.description {
        map.insert("description".into(), json!(description));
    }
    map.insert("required".into(), json!(parameter.required));
    let style = match parameter.style {
        ParameterStyle::Json => {
            map.insert(
                "content".into(),
                json!({"application/json": {"schema": schema}}),
            );
            return Value::Object(map);
        }
        ParameterStyle::Form => "form",
        ParameterStyle::Simple => "simple",
        ParameterStyle::SpaceDelimited => "spaceDelimited",
        ParameterStyle::PipeDelimited => "pipeDelimited",
        ParameterStyle::DeepObject => "deepObject",
        ParameterStyle::Label => "label",
        ParameterStyle::Matrix => "matrix",
    };
    map.insert("schema".into(), schema);
    let (default_style, valid): (&str, &[&str]) = match parameter.location {
        ParameterLocation::Query => (
            "form",
            &["form", "spaceDelimited", "pipeDelimited", "deepObject"],
        ),
        ParameterLocation::Cookie => ("form", &["form"]),
        ParameterLocation::Path => ("simple", &["simple", "label", "matrix"]),
        ParameterLocation::Header => ("simple", &["simple"]),
    };
    // A style the place does not allow (pages state none, and the model's
    // default is `form`) is the place's default.
    let (style, explode) = match valid.contains(&style) {
        true => (style, parameter.explode),
        false => (default_style, default_style == "form"),
    };
    let default_explode = style == "form";
    if matches!(parameter.ty, TypeRef::Array(_))
        || style != default_style
        || explode != default_explode
    {
        map.insert("style".into(), json!(style));
        map.insert("explode".into(), json!(explode));
    }
    Value::Object(map)
}

fn response(response: &Response) -> (String, Value) {
    let status = response.status.to_string();
    let mut map = Map::new();
    map.insert(
        "description".into(),
        json!(response.description.clone().unwrap_or_default()),
    );
    if let Some(body) = &response.body {
        map.insert(
            "content".into(),
            json!({ body.content_type.clone(): { "schema": type_schema(&body.ty) } }),
        );
    }
    (status, Value::Object(map))
}

/// The schema of a type reference: a `$ref` for a named type.
fn type_schema(ty: &TypeRef) -> Value {
    match ty {
        TypeRef::Primitive(primitive) => primitive_schema(*primitive),
        TypeRef::Named(name) => json!({ "$ref": format!("#/components/schemas/{name}") }),
        TypeRef::Array(item) => json!({"type": "array", "items": type_schema(item)}),
        TypeRef::Nullable(inner) => match type_schema(inner) {
            // 3.0: `nullable` beside a `$ref` is ignored; `allOf` holds it.
            reference if reference.get("$ref").is_some() => {
                json!({"allOf": [reference], "nullable": true})
            }
            Value::Object(mut schema) => {
                schema.insert("nullable".into(), Value::Bool(true));
                Value::Object(schema)
            }
            other => other,
        },
        // OpenAPI 3.0 has no tuples: an array of that length whose items
        // are any of the tuple's types.
        TypeRef::Tuple(tuple) => {
            let mut members: Vec<Value> = Vec::new();
            for item in tuple.iter().map(type_schema) {
                if !members.contains(&item) {
                    members.push(item);
                }
            }
            let items = match <[Value; 1]>::try_from(members) {
                Ok([single]) => single,
                Err(members) => json!({ "anyOf": members }),
            };
            let length = tuple.len();
            json!({"type": "array", "items": items, "minItems": length, "maxItems": length})
        }
        TypeRef::Map(value) => {
            json!({"type": "object", "additionalProperties": type_schema(value)})
        }
        TypeRef::Any | TypeRef::Unstated => json!({}),
    }
}

fn primitive_schema(primitive: Primitive) -> Value {
    let (ty, format) = match primitive {
        Primitive::String => ("string", None),
        Primitive::Uuid => ("string", Some("uuid")),
        Primitive::Uri => ("string", Some("uri")),
        Primitive::Email => ("string", Some("email")),
        Primitive::DateTime => ("string", Some("date-time")),
        Primitive::Date => ("string", Some("date")),
        Primitive::Binary => ("string", Some("binary")),
        Primitive::Ipv4 => ("string", Some("ipv4")),
        Primitive::Ipv6 => ("string", Some("ipv6")),
        Primitive::Ip => ("string", Some("ip")),
        Primitive::Base64 => ("string", Some("byte")),
        Primitive::Boolean => ("boolean", None),
        Primitive::Integer => ("integer", None),
        Primitive::Int8 => ("integer", Some("int8")),
        Primitive::Int16 => ("integer", Some("int16")),
        Primitive::Int32 => ("integer", Some("int32")),
        Primitive::Int64 => ("integer", Some("int64")),
        Primitive::UInt8 => ("integer", Some("uint8")),
        Primitive::UInt16 => ("integer", Some("uint16")),
        Primitive::UInt32 => ("integer", Some("uint32")),
        Primitive::UInt64 => ("integer", Some("uint64")),
        Primitive::Number => ("number", None),
        Primitive::Float => ("number", Some("float")),
        Primitive::Double => ("number", Some("double")),
    };
    match format {
        Some(format) => json!({"type": ty, "format": format}),
        None => json!({"type": ty}),
    }
}

fn schema_component(api: &Api, schema: &Schema) -> Value {
    let mut value = match &schema.kind {
        SchemaKind::Object(object) => object_schema(object),
        SchemaKind::Enum(values) => enum_schema(values),
        SchemaKind::Union(union) => union_schema(api, union),
        // The client takes the first member a value fits, which is what
        // `anyOf` says (`oneOf` would refuse a value two members fit).
        SchemaKind::OneOf(one_of) => {
            let members: Vec<Value> = one_of.variants.iter().map(|v| type_schema(&v.ty)).collect();
            json!({ "anyOf": members })
        }
        SchemaKind::Alias(ty) => type_schema(ty),
    };
    if let (Some(description), Value::Object(map)) = (&schema.description, &mut value) {
        map.insert("description".into(), json!(description));
    }
    value
}

fn object_schema(object: &ObjectSchema) -> Value {
    let mut map = Map::new();
    map.insert("type".into(), json!("object"));
    let properties: Map<String, Value> = object
        .fields
        .iter()
        .map(|field| (field.wire_name.clone(), field_schema(field)))
        .collect();
    map.insert("properties".into(), Value::Object(properties));
    let required: Vec<&str> = object
        .fields
        .iter()
        .filter(|field| field.presence == Presence::Required)
        .map(|field| field.wire_name.as_str())
        .collect();
    if !required.is_empty() {
        map.insert("required".into(), json!(required));
    }
    if let Some(additional) = &object.additional {
        map.insert("additionalProperties".into(), type_schema(additional));
    }
    Value::Object(map)
}

fn field_schema(field: &Field) -> Value {
    // As the client reads it (see the module documentation).
    let nullable = match (field.presence, field.nullability) {
        (_, Nullability::Nullable) | (Presence::Required, Nullability::Unstated) => true,
        (_, Nullability::NonNull | Nullability::Unstated) => false,
    };
    // A `null` default says no more than `nullable` (and 3.0 validators
    // check it against the `allOf` member, which `nullable` beside it does
    // not reach).
    let default = field.default.as_ref().filter(|value| !value.is_null());
    let has_facts = nullable
        || field.read_only
        || field.write_only
        || field.deprecated
        || default.is_some()
        || field.title.is_some()
        || field.description.is_some()
        || !field.constraints.is_empty();
    let mut schema = open_to_siblings(type_schema(&field.ty), has_facts);
    add_constraints(&mut schema, &field.constraints);
    if let Value::Object(map) = &mut schema {
        let mut set = |key: &str, value: Value| {
            map.insert(key.to_string(), value);
        };
        if nullable {
            set("nullable", json!(true));
        }
        if field.read_only {
            set("readOnly", json!(true));
        }
        if field.write_only {
            set("writeOnly", json!(true));
        }
        if field.deprecated {
            set("deprecated", json!(true));
        }
        if let Some(default) = default {
            set("default", default.clone());
        }
        if let Some(title) = &field.title {
            set("title", json!(title));
        }
        if let Some(description) = &field.description {
            set("description", json!(description));
        }
    }
    schema
}

/// `schema`, ready for sibling keywords when `siblings` is set: a `$ref`
/// takes none in OpenAPI 3.0, so it is wrapped in `allOf`.
fn open_to_siblings(schema: Value, siblings: bool) -> Value {
    if siblings && schema.get("$ref").is_some() {
        json!({ "allOf": [schema] })
    } else {
        schema
    }
}

fn add_constraints(schema: &mut Value, constraints: &Constraints) {
    let Value::Object(map) = schema else {
        return;
    };
    let count = |value: u64| Value::Number(Number::from(value));
    if let Some(value) = constraints.min_length {
        map.insert("minLength".into(), count(value));
    }
    if let Some(value) = constraints.max_length {
        map.insert("maxLength".into(), count(value));
    }
    if let Some(value) = constraints.min_items {
        map.insert("minItems".into(), count(value));
    }
    if let Some(value) = constraints.max_items {
        map.insert("maxItems".into(), count(value));
    }
    if let Some(pattern) = &constraints.pattern {
        map.insert("pattern".into(), json!(pattern));
    }
    if let (Some(items), Some(schema)) = (&constraints.items, map.get_mut("items")) {
        *schema = open_to_siblings(schema.take(), true);
        add_constraints(schema, items);
    }
    for (key, exclusive_key, bound) in [
        ("minimum", "exclusiveMinimum", &constraints.minimum),
        ("maximum", "exclusiveMaximum", &constraints.maximum),
    ] {
        if let Some(Bound { value, exclusive }) = bound {
            // The number as written; a bound that is not a JSON number is kept as text.
            let number =
                serde_json::from_str::<Number>(value).map_or_else(|_| json!(value), Value::Number);
            map.insert(key.into(), number);
            if *exclusive {
                map.insert(exclusive_key.into(), json!(true));
            }
        }
    }
}

fn enum_schema(values: &EnumSchema) -> Value {
    let (type_name, parse): (&str, fn(&str) -> Option<Value>) = match values.wire {
        EnumWire::Strings => ("string", |wire| Some(json!(wire))),
        EnumWire::Integers => ("integer", |wire| wire.parse::<i64>().ok().map(Value::from)),
        EnumWire::Numbers => ("number", |wire| wire.parse::<f64>().ok().map(Value::from)),
        EnumWire::Booleans => ("boolean", |wire| wire.parse::<bool>().ok().map(Value::from)),
    };
    let wires: Vec<Value> = values
        .values
        .iter()
        .map(|v| parse(&v.wire).unwrap_or_else(|| json!(v.wire)))
        .collect();
    let closed = json!({"type": type_name, "enum": wires});
    match values.open {
        // Any string, these ones named.
        true => json!({"anyOf": [{"type": type_name}, closed]}),
        false => closed,
    }
}

fn union_schema(api: &Api, union: &UnionSchema) -> Value {
    let reference = |name: &str| format!("#/components/schemas/{name}");
    let members: Vec<Value> = union
        .variants
        .iter()
        .map(|variant| json!({ "$ref": reference(&variant.schema) }))
        .collect();
    let mapping: Map<String, Value> = union
        .variants
        .iter()
        .filter(|variant| api.schemas.contains_key(&variant.schema))
        .map(|variant| (variant.tag.clone(), json!(reference(&variant.schema))))
        .collect();
    json!({
        "oneOf": members,
        "discriminator": { "propertyName": union.tag, "mapping": mapping },
    })
}
