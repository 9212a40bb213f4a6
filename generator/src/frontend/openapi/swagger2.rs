//! Swagger 2.0, read as the OpenAPI 3.0 document it stands for: the
//! document is rewritten, then read like any 3.0 one. What moves:
//!
//! - `host`, `basePath` and `schemes` become `servers`;
//! - `definitions` become `components/schemas` (and every `$ref` to them),
//!   `securityDefinitions` `components/securitySchemes` (`basic` is HTTP
//!   basic; OAuth 2.0's `implicit`, `password`, `application` and
//!   `accessCode` flows are the implicit, password, client credentials and
//!   authorization code flows);
//! - a `body` parameter becomes the request body, `formData` parameters one
//!   object of form fields (`multipart/form-data` where the operation
//!   consumes it or a field is a `file`, else URL-encoded), each in the
//!   media types the operation (or the document) `consumes`;
//! - the other parameters keep their place with their type as a `schema`,
//!   `collectionFormat` as `style` and `explode`; shared parameters and
//!   responses (`#/parameters/...`, `#/responses/...`) are written in place;
//! - a response's `schema` is its body in each media type the operation
//!   `produces` (JSON where none is named), its headers' types schemas;
//! - in schemas, `type: file` is binary text, `x-nullable` is `nullable`,
//!   a `discriminator` (a property name) is `{propertyName: ...}`, and
//!   go-swagger's `x-go-name` and `x-omitempty` are notes in the
//!   description.
//!
//! Messages then name the 3.0 document's places (`/components/schemas/Pet`
//! for `/definitions/Pet`).

use serde_json::{json, Map, Value};

/// The OpenAPI 3.0 document a Swagger 2.0 `root` stands for.
pub fn upgrade(root: &Value) -> Value {
    let empty = Map::new();
    let root_map = root.as_object().unwrap_or(&empty);
    let mut out = Map::new();
    out.insert("openapi".into(), json!("3.0.3"));
    for key in ["info", "tags", "externalDocs", "security"] {
        if let Some(value) = root_map.get(key) {
            out.insert(key.into(), value.clone());
        }
    }
    for (key, value) in root_map {
        if key.starts_with("x-") {
            out.insert(key.clone(), value.clone());
        }
    }
    if let Some(servers) = servers(root_map) {
        out.insert("servers".into(), servers);
    }
    let consumes = media_list(root_map.get("consumes"));
    let produces = media_list(root_map.get("produces"));
    let shared = Shared {
        parameters: root_map.get("parameters").and_then(Value::as_object),
        responses: root_map.get("responses").and_then(Value::as_object),
    };
    if let Some(paths) = root_map.get("paths").and_then(Value::as_object) {
        let mut converted = Map::new();
        for (path, item) in paths {
            let item = match item.as_object() {
                Some(item) => path_item(item, &shared, &consumes, &produces),
                None => item.clone(),
            };
            converted.insert(path.clone(), item);
        }
        out.insert("paths".into(), Value::Object(converted));
    } else if let Some(paths) = root_map.get("paths") {
        out.insert("paths".into(), paths.clone());
    }
    let mut components = Map::new();
    if let Some(definitions) = root_map.get("definitions") {
        components.insert("schemas".into(), schemas(definitions));
    }
    if let Some(schemes) = root_map
        .get("securityDefinitions")
        .and_then(Value::as_object)
    {
        let converted = schemes
            .iter()
            .map(|(name, scheme)| (name.clone(), security_scheme(scheme)))
            .collect();
        components.insert("securitySchemes".into(), Value::Object(converted));
    }
    if !components.is_empty() {
        out.insert("components".into(), Value::Object(components));
    }
    Value::Object(out)
}

/// The document's shared parameters and responses, written in place.
struct Shared<'a> {
    parameters: Option<&'a Map<String, Value>>,
    responses: Option<&'a Map<String, Value>>,
}

impl Shared<'_> {
    /// The `parameters` of a path item or operation, shared ones in place.
    fn parameters_of<'v>(&'v self, map: &'v Map<String, Value>) -> Vec<&'v Value> {
        map.get("parameters")
            .and_then(Value::as_array)
            .map(|list| list.iter().map(|p| self.resolve(p, "parameters")).collect())
            .unwrap_or_default()
    }

    /// `value`, or what its `$ref` to `#/<section>/<name>` points at.
    fn resolve<'v>(&'v self, value: &'v Value, section: &str) -> &'v Value {
        let target = value
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|reference| reference.strip_prefix(&format!("#/{section}/")))
            .map(|name| name.replace("~1", "/").replace("~0", "~"));
        let found = match (section, target) {
            ("parameters", Some(name)) => self.parameters.and_then(|p| p.get(&name)),
            ("responses", Some(name)) => self.responses.and_then(|r| r.get(&name)),
            _ => None,
        };
        found.unwrap_or(value)
    }
}

/// `scheme://host/basePath` for each scheme; the base path alone where
/// the document names no host.
fn servers(root: &Map<String, Value>) -> Option<Value> {
    let base = root.get("basePath").and_then(Value::as_str).unwrap_or("");
    let base = base.trim_end_matches('/');
    match root.get("host").and_then(Value::as_str) {
        Some(host) => {
            let mut schemes: Vec<&str> = root
                .get("schemes")
                .and_then(Value::as_array)
                .map(|list| list.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if schemes.is_empty() {
                schemes.push("https");
            }
            // The secure one first: it is the default server.
            schemes.sort_by_key(|scheme| *scheme != "https");
            let servers = schemes
                .iter()
                .map(|scheme| json!({"url": format!("{scheme}://{host}{base}")}))
                .collect();
            Some(Value::Array(servers))
        }
        None if !base.is_empty() => Some(json!([{"url": base}])),
        None => None,
    }
}

fn media_list(value: Option<&Value>) -> Option<Vec<String>> {
    let list: Vec<String> = value?
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    (!list.is_empty()).then_some(list)
}

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "options", "head", "patch"];

fn path_item(
    item: &Map<String, Value>,
    shared: &Shared<'_>,
    consumes: &Option<Vec<String>>,
    produces: &Option<Vec<String>>,
) -> Value {
    let common = shared.parameters_of(item);
    let mut out = Map::new();
    for (key, value) in item {
        match (key.as_str(), value.as_object()) {
            (method, Some(operation)) if METHODS.contains(&method) => {
                let converted = self::operation(operation, &common, shared, consumes, produces);
                out.insert(key.clone(), converted);
            }
            // Path-level parameters are folded into each operation.
            ("parameters", _) => {}
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    Value::Object(out)
}

fn operation(
    operation: &Map<String, Value>,
    common: &[&Value],
    shared: &Shared<'_>,
    consumes: &Option<Vec<String>>,
    produces: &Option<Vec<String>>,
) -> Value {
    let consumes = media_list(operation.get("consumes"))
        .or_else(|| consumes.clone())
        .unwrap_or_else(|| vec!["application/json".to_string()]);
    let produces = media_list(operation.get("produces"))
        .or_else(|| produces.clone())
        .unwrap_or_else(|| vec!["application/json".to_string()]);
    // The operation's parameters, and those of its path it does not
    // override (same name and place).
    let own = shared.parameters_of(operation);
    let key = |p: &Value| {
        (
            p.get("name").cloned().unwrap_or(Value::Null),
            p.get("in").cloned().unwrap_or(Value::Null),
        )
    };
    let mut all: Vec<&Value> = common
        .iter()
        .copied()
        .filter(|p| !own.iter().any(|o| key(o) == key(p)))
        .collect();
    all.extend(own);

    let mut out = Map::new();
    for (key, value) in operation {
        match key.as_str() {
            "parameters" | "consumes" | "produces" | "schemes" | "responses" => {}
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    let mut parameters = Vec::new();
    let mut form = Vec::new();
    for parameter in all {
        match parameter.get("in").and_then(Value::as_str) {
            Some("body") => {
                let mut body = Map::new();
                if let Some(description) = parameter.get("description") {
                    body.insert("description".into(), description.clone());
                }
                if let Some(required) = parameter.get("required") {
                    body.insert("required".into(), required.clone());
                }
                let schema = schema(parameter.get("schema").unwrap_or(&json!({})));
                body.insert("content".into(), content(&consumes, &schema));
                out.insert("requestBody".into(), Value::Object(body));
            }
            Some("formData") => form.push(parameter),
            _ => parameters.push(self::parameter(parameter)),
        }
    }
    if !form.is_empty() {
        out.insert("requestBody".into(), form_body(&form, &consumes));
    }
    if !parameters.is_empty() {
        out.insert("parameters".into(), Value::Array(parameters));
    }
    if let Some(responses) = operation.get("responses").and_then(Value::as_object) {
        let converted = responses
            .iter()
            .map(|(status, response)| {
                let response = shared.resolve(response, "responses");
                (status.clone(), self::response(response, &produces))
            })
            .collect();
        out.insert("responses".into(), Value::Object(converted));
    }
    Value::Object(out)
}

/// `{media: {schema}}` for each media type.
fn content(media: &[String], schema: &Value) -> Value {
    Value::Object(
        media
            .iter()
            .map(|media| (media.clone(), json!({"schema": schema})))
            .collect(),
    )
}

/// The keywords of a 2.0 parameter or header that describe its value.
const VALUE_KEYWORDS: [&str; 17] = [
    "type",
    "format",
    "items",
    "enum",
    "default",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "multipleOf",
    "x-nullable",
];

/// A parameter's or header's value keywords as a schema.
fn value_schema(value: &Value) -> Value {
    let mut schema = Map::new();
    if let Some(map) = value.as_object() {
        for key in VALUE_KEYWORDS {
            if let Some(inner) = map.get(key) {
                schema.insert(key.into(), inner.clone());
            }
        }
    }
    self::schema(&Value::Object(schema))
}

fn parameter(parameter: &Value) -> Value {
    let Some(map) = parameter.as_object() else {
        return parameter.clone();
    };
    let mut out = Map::new();
    for key in [
        "name",
        "in",
        "description",
        "required",
        "deprecated",
        "allowEmptyValue",
    ] {
        if let Some(value) = map.get(key) {
            out.insert(key.into(), value.clone());
        }
    }
    for (key, value) in map {
        if key.starts_with("x-") && key != "x-nullable" {
            out.insert(key.clone(), value.clone());
        }
    }
    out.insert("schema".into(), value_schema(parameter));
    let place = map.get("in").and_then(Value::as_str).unwrap_or("query");
    let array = map.get("type").and_then(Value::as_str) == Some("array");
    if array {
        let (style, explode) = match map.get("collectionFormat").and_then(Value::as_str) {
            Some("multi") => ("form", true),
            Some("ssv") => ("spaceDelimited", false),
            Some("pipes") => ("pipeDelimited", false),
            // `csv`, the default (and `tsv`, which 3.0 cannot say).
            _ if place == "query" || place == "cookie" => ("form", false),
            _ => ("simple", false),
        };
        out.insert("style".into(), json!(style));
        out.insert("explode".into(), json!(explode));
    }
    Value::Object(out)
}

/// The `formData` parameters as one object of form fields.
fn form_body(fields: &[&Value], consumes: &[String]) -> Value {
    let has_file = fields
        .iter()
        .any(|field| field.get("type").and_then(Value::as_str) == Some("file"));
    let media = if has_file || consumes.iter().any(|m| m == "multipart/form-data") {
        "multipart/form-data"
    } else {
        "application/x-www-form-urlencoded"
    };
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in fields {
        let Some(name) = field.get("name").and_then(Value::as_str) else {
            continue;
        };
        let mut schema = value_schema(field);
        if let (Some(description), Some(map)) = (field.get("description"), schema.as_object_mut()) {
            map.insert("description".into(), description.clone());
        }
        properties.insert(name.to_string(), schema);
        if field.get("required").and_then(Value::as_bool) == Some(true) {
            required.push(json!(name));
        }
    }
    let mut object = json!({"type": "object", "properties": properties});
    if let (false, Some(map)) = (required.is_empty(), object.as_object_mut()) {
        map.insert("required".into(), Value::Array(required.clone()));
    }
    json!({
        "required": !required.is_empty(),
        "content": {media: {"schema": object}},
    })
}

fn response(response: &Value, produces: &[String]) -> Value {
    let Some(map) = response.as_object() else {
        return response.clone();
    };
    let mut out = Map::new();
    out.insert(
        "description".into(),
        map.get("description").cloned().unwrap_or(json!("")),
    );
    if let Some(schema) = map.get("schema") {
        out.insert("content".into(), content(produces, &self::schema(schema)));
    }
    if let Some(headers) = map.get("headers").and_then(Value::as_object) {
        let converted = headers
            .iter()
            .map(|(name, header)| {
                let mut out = Map::new();
                if let Some(description) = header.get("description") {
                    out.insert("description".into(), description.clone());
                }
                out.insert("schema".into(), value_schema(header));
                (name.clone(), Value::Object(out))
            })
            .collect();
        out.insert("headers".into(), Value::Object(converted));
    }
    Value::Object(out)
}

/// A schema with 2.0's ways written the 3.0 way, all the way down.
fn schema(value: &Value) -> Value {
    let Value::Object(map) = value else {
        return value.clone();
    };
    let mut out = Map::new();
    for (key, inner) in map {
        let converted = match key.as_str() {
            "$ref" => match inner
                .as_str()
                .and_then(|r| r.strip_prefix("#/definitions/"))
            {
                Some(name) => json!(format!("#/components/schemas/{name}")),
                None => inner.clone(),
            },
            "type" if inner == "file" => {
                out.insert("format".into(), json!("binary"));
                json!("string")
            }
            "x-nullable" => {
                out.insert("nullable".into(), inner.clone());
                continue;
            }
            "discriminator" if inner.is_string() => json!({"propertyName": inner}),
            "properties" | "definitions" | "patternProperties" => schemas(inner),
            "items" | "additionalProperties" | "not" => schema(inner),
            "allOf" | "anyOf" | "oneOf" => match inner {
                Value::Array(members) => Value::Array(members.iter().map(schema).collect()),
                other => other.clone(),
            },
            // Titles, limits, examples, enum values and defaults: as they are.
            _ => inner.clone(),
        };
        out.insert(key.clone(), converted);
    }
    // go-swagger's notes on the server's Go code: kept for the reader.
    let mut notes = Vec::new();
    if let Some(name) = map.get("x-go-name").and_then(Value::as_str) {
        notes.push(format!(
            "Named `{name}` in the server's Go code (`x-go-name`)."
        ));
    }
    match map.get("x-omitempty").and_then(Value::as_bool) {
        Some(true) => {
            notes.push("The server leaves it out when it is empty (`x-omitempty`).".to_string())
        }
        Some(false) => notes
            .push("The server sends it even when it is empty (`x-omitempty: false`).".to_string()),
        None => {}
    }
    if !notes.is_empty() {
        let description = out.get("description").and_then(Value::as_str);
        let text = description.into_iter().map(str::to_string).chain(notes);
        out.insert(
            "description".into(),
            json!(text.collect::<Vec<_>>().join("\n\n")),
        );
    }
    Value::Object(out)
}

/// A map of names to schemas (`definitions`, `properties`).
fn schemas(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(name, inner)| (name.clone(), schema(inner)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn security_scheme(scheme: &Value) -> Value {
    let Some(map) = scheme.as_object() else {
        return scheme.clone();
    };
    let mut out = Map::new();
    if let Some(description) = map.get("description") {
        out.insert("description".into(), description.clone());
    }
    match map.get("type").and_then(Value::as_str) {
        Some("basic") => {
            out.insert("type".into(), json!("http"));
            out.insert("scheme".into(), json!("basic"));
        }
        Some("oauth2") => {
            out.insert("type".into(), json!("oauth2"));
            let flow = match map.get("flow").and_then(Value::as_str) {
                Some("implicit") => "implicit",
                Some("password") => "password",
                Some("application") => "clientCredentials",
                _ => "authorizationCode",
            };
            let mut details = Map::new();
            for key in ["authorizationUrl", "tokenUrl"] {
                if let Some(url) = map.get(key) {
                    details.insert(key.into(), url.clone());
                }
            }
            details.insert(
                "scopes".into(),
                map.get("scopes").cloned().unwrap_or(json!({})),
            );
            out.insert("flows".into(), json!({flow: details}));
        }
        _ => {
            for (key, value) in map {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swagger_2_document_as_openapi_3() {
        let document = json!({
            "swagger": "2.0",
            "info": {"title": "Pets", "version": "1"},
            "host": "api.example.com", "basePath": "/v1", "schemes": ["http", "https"],
            "consumes": ["application/json"],
            "paths": {"/pets/{id}": {
                "parameters": [{"name": "id", "in": "path", "required": true, "type": "integer"}],
                "put": {
                    "parameters": [
                        {"name": "tags", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "multi"},
                        {"name": "pet", "in": "body", "required": true, "schema": {"$ref": "#/definitions/Pet"}}
                    ],
                    "responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/Pet"}}}
                },
                "post": {
                    "consumes": ["multipart/form-data"],
                    "parameters": [{"name": "photo", "in": "formData", "type": "file", "required": true}],
                    "responses": {"204": {"description": "Done"}}
                }
            }},
            "definitions": {"Pet": {"type": "object", "discriminator": "kind", "properties": {
                "kind": {"type": "string"}, "tag": {"type": "string", "x-nullable": true},
                "name": {"type": "string", "description": "The name.", "x-go-name": "PetName", "x-omitempty": false}
            }}},
            "securityDefinitions": {"basic": {"type": "basic"}}
        });
        let upgraded = upgrade(&document);
        assert_eq!(upgraded["servers"][0]["url"], "https://api.example.com/v1");
        assert_eq!(
            upgraded["components"]["schemas"]["Pet"]["properties"]["name"]["description"],
            "The name.\n\nNamed `PetName` in the server's Go code (`x-go-name`).\n\nThe server sends it even when it is empty (`x-omitempty: false`)."
        );
        let put = &upgraded["paths"]["/pets/{id}"]["put"];
        assert_eq!(put["parameters"][0]["name"], "id");
        assert_eq!(put["parameters"][0]["schema"]["type"], "integer");
        assert_eq!(put["parameters"][1]["explode"], true);
        assert_eq!(
            put["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/Pet"
        );
        assert_eq!(put["requestBody"]["required"], true);
        assert_eq!(
            put["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/Pet"
        );
        let post = &upgraded["paths"]["/pets/{id}"]["post"];
        let photo = &post["requestBody"]["content"]["multipart/form-data"]["schema"];
        assert_eq!(photo["properties"]["photo"]["format"], "binary");
        assert_eq!(photo["required"][0], "photo");
        let pet = &upgraded["components"]["schemas"]["Pet"];
        assert_eq!(pet["discriminator"]["propertyName"], "kind");
        assert_eq!(pet["properties"]["tag"]["nullable"], true);
        assert_eq!(
            upgraded["components"]["securitySchemes"]["basic"]["scheme"],
            "basic"
        );
    }
}
