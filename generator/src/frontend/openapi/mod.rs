//! The OpenAPI front end: an OpenAPI 3.0 or 3.1 document (JSON or YAML)
//! into the model. Operations come from `paths`, types from
//! `components/schemas` (see `schema.rs`); `$ref`s to parameters, request
//! bodies and responses are followed. Whatever the model cannot hold is an
//! error or a warning naming its JSON pointer.

mod document;
mod schema;
mod servers;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::{Map, Value};

use crate::diagnostic::{Error, Warning};
use crate::ident;
use crate::model::{
    Api, ApiKeyLocation, Method, Operation, Parameter, ParameterLocation, ParameterStyle,
    PathSegment, PathTemplate, Presence, RequestBody, Response, ResponseBody, SchemaKind, Security,
    SecurityScheme, Status, TypeRef,
};
use document::{child, description, flag, kind, object, string, Document};
use schema::{Schemas, Typed};

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "patch", "head", "options"];

/// Reads the OpenAPI document in `text` (from `file`).
pub fn parse_document(file: &Path, text: &str, warnings: &mut Vec<Warning>) -> Result<Api, Error> {
    let doc = Document::parse(file, text)?;
    let root = object(&doc, &doc.root, "", "an OpenAPI document")?;
    match string(&doc, root, "openapi", "")? {
        Some(version) if version.starts_with("3.0") || version.starts_with("3.1") => {}
        Some(version) => return Err(doc.error("/openapi", format!("OpenAPI {version} is not supported; expected 3.0.x or 3.1.x"))),
        None if root.contains_key("swagger") => return Err(doc.error("/swagger", "this is a Swagger 2.0 document; the generator reads OpenAPI 3.0 and 3.1. Convert it first, for example with `npx swagger2openapi in.yaml -o out.yaml` or at https://converter.swagger.io, and generate from the result")),
        None => return Err(doc.error("", "expected an `openapi` version field (3.0.x or 3.1.x)")),
    }
    let mut schemas = Schemas::read_components(&doc)?;
    let (security_schemes, unsupported) = security_schemes(&doc, warnings)?;
    let default_security = match root.get("security") {
        Some(value) => Some(security(&doc, value, "/security")?),
        None => None,
    };
    let mut reader = OperationReader {
        doc: &doc,
        schemas: &mut schemas,
        default_security,
        warnings: Vec::new(),
        unnamed: Vec::new(),
    };
    let mut operations = Vec::new();
    if let Some(paths) = root.get("paths") {
        for (path, item) in object(&doc, paths, "/paths", "the paths")? {
            reader.path_item(path, item, &mut operations)?;
        }
    }
    unique_operation_ids(&doc, &mut operations, warnings);
    if root
        .get("webhooks")
        .and_then(Value::as_object)
        .is_some_and(|w| !w.is_empty())
    {
        warnings.push(doc.warning("/webhooks", "webhooks are requests the server makes, not the client: they are not generated (the component schemas they use are)"));
    }
    if let Some(first) = reader.unnamed.first() {
        let count = reader.unnamed.len();
        let (verb, example) = match count {
            1 => ("has", format!("it is named `{first}`")),
            _ => (
                "have",
                format!("each is named after its method and path (`{first}`, …)"),
            ),
        };
        let operations = if count == 1 {
            "operation"
        } else {
            "operations"
        };
        warnings.push(doc.warning(
            "/paths",
            format!("{count} {operations} {verb} no `operationId`; {example}"),
        ));
    }
    let mut undeclared: BTreeMap<&str, &str> = BTreeMap::new();
    for op in &operations {
        if let Security::Requirements(requirements) = &op.security {
            for name in requirements
                .iter()
                .flatten()
                .filter(|n| !security_schemes.contains_key(*n) && !unsupported.contains(*n))
            {
                undeclared.entry(name).or_insert(&op.id);
            }
        }
    }
    for (name, first) in undeclared {
        warnings.push(doc.warning("/components/securitySchemes", format!("security scheme `{name}` is used (first by `{first}`) but not defined; the client has no credential for it")));
    }
    let server = servers::first(&doc, root, warnings)?;
    warnings.append(&mut reader.warnings);
    let (model_schemas, schema_warnings) = schemas.finish();
    // A schema read from several places reports its problems once.
    let mut seen = std::collections::BTreeSet::new();
    warnings.extend(
        schema_warnings
            .into_iter()
            .filter(|warning| seen.insert(warning.clone())),
    );
    let mut api = Api {
        base_path: server.base_path,
        server_url: server.url,
        operations,
        schemas: model_schemas,
        security_schemes,
        partial: false,
    };
    write_only_fields_are_not_read(&mut api);
    free_in_background(doc.root);
    Ok(api)
}

/// Makes the operation ids unique (a document may give two operations the
/// same one), reporting each renamed operation. Their Rust names are
/// settled later, in [`crate::names`].
fn unique_operation_ids(
    doc: &Document<'_>,
    operations: &mut [Operation],
    warnings: &mut Vec<Warning>,
) {
    let mut taken = std::collections::BTreeSet::new();
    for op in operations.iter_mut() {
        let id = ident::claim_unique(op.id.clone(), &mut taken);
        if id != op.id {
            warnings.push(doc.warning(
                &child(
                    &child("/paths", &op.path.to_string()),
                    &op.method.as_str().to_ascii_lowercase(),
                ),
                format!(
                    "operation id `{}` is used by another operation; this one is `{id}`",
                    op.id
                ),
            ));
            op.id = id;
        }
    }
}

/// Frees the document's tree on another thread: for a large document that
/// takes a tenth of reading it, and the model is complete without it.
/// OpenAPI: `required` on a write-only property holds for requests only;
/// the server never returns it. So in every type an answer reaches, such a
/// field is optional, or no answer would decode. (A type only sent keeps
/// it required: authentik's `*Request` types.)
fn write_only_fields_are_not_read(api: &mut Api) {
    let mut reached = BTreeSet::new();
    for body in api
        .operations
        .iter()
        .flat_map(|op| &op.responses)
        .filter_map(|response| response.body.as_ref())
    {
        api.reach(&body.ty, &mut reached);
    }
    let read: Vec<String> = reached.into_iter().map(str::to_string).collect();
    for name in read {
        if let Some(SchemaKind::Object(object)) = api.schemas.get_mut(&name).map(|s| &mut s.kind) {
            for field in &mut object.fields {
                if field.write_only && field.presence == Presence::Required {
                    field.presence = Presence::Optional;
                }
            }
        }
    }
}

fn free_in_background(tree: Value) {
    // Where no thread can be started, `spawn` drops the closure, and the
    // tree with it, here.
    let _ = std::thread::Builder::new().spawn(move || drop(tree));
}

/// The security schemes the client can hold credentials for, and the
/// names of those it cannot (each with a warning).
fn security_schemes(
    doc: &Document<'_>,
    warnings: &mut Vec<Warning>,
) -> Result<(BTreeMap<String, SecurityScheme>, BTreeSet<String>), Error> {
    let mut schemes = BTreeMap::new();
    let mut unsupported = BTreeSet::new();
    let pointer = "/components/securitySchemes";
    let Some(value) = doc.root.pointer(pointer) else {
        return Ok((schemes, unsupported));
    };
    for (name, scheme) in object(doc, value, pointer, "the security schemes")? {
        let scheme_pointer = child(pointer, name);
        let (scheme, scheme_pointer) = doc.resolve(scheme, &scheme_pointer)?;
        let map = object(doc, scheme, &scheme_pointer, "a security scheme")?;
        let field = |key: &str| string(doc, map, key, &scheme_pointer);
        let scheme = match field("type")? {
            Some("http") => match field("scheme")? {
                Some(http) if http.eq_ignore_ascii_case("basic") => SecurityScheme::Basic,
                Some(http) => SecurityScheme::Http {
                    scheme: http.to_string(),
                },
                None => return Err(doc.error(
                    &scheme_pointer,
                    "expected the `scheme` of an `http` security scheme (`bearer`, `basic`, ...)",
                )),
            },
            Some("apiKey") => {
                let location = match field("in")? {
                    Some("header") => ApiKeyLocation::Header,
                    Some("query") => ApiKeyLocation::Query,
                    Some("cookie") => ApiKeyLocation::Cookie,
                    other => {
                        return Err(doc.error(
                            &child(&scheme_pointer, "in"),
                            format!("expected `header`, `query` or `cookie`, found {other:?}"),
                        ))
                    }
                };
                let Some(key_name) = field("name")? else {
                    return Err(doc.error(
                        &scheme_pointer,
                        "expected the `name` of the header, query parameter or cookie that carries the key",
                    ));
                };
                SecurityScheme::ApiKey {
                    location,
                    name: key_name.to_string(),
                }
            }
            Some("oauth2") => SecurityScheme::OAuth2,
            Some("openIdConnect") => SecurityScheme::OpenIdConnect {
                url: field("openIdConnectUrl")?.unwrap_or_default().to_string(),
            },
            Some("mutualTLS") => {
                warnings.push(doc.warning(&scheme_pointer, format!("security scheme `{name}` is mutual TLS, which is set up on the HTTP client (a `reqwest::Client` with its identity, given to `ClientBuilder::http_client`); operations that need only it get no credentials from this client")));
                unsupported.insert(name.clone());
                continue;
            }
            Some(other) => {
                warnings.push(doc.warning(&child(&scheme_pointer, "type"), format!("security scheme `{name}` has the unknown type `{other}`; operations that need only it get no credentials from the client")));
                unsupported.insert(name.clone());
                continue;
            }
            None => {
                return Err(doc.error(
                    &scheme_pointer,
                    "expected the `type` of a security scheme (`http`, `apiKey`, `oauth2`, `openIdConnect` or `mutualTLS`)",
                ))
            }
        };
        schemes.insert(name.clone(), scheme);
    }
    Ok((schemes, unsupported))
}

/// A `security` list: requirements any one of which suffices, each the
/// schemes it needs together. An empty requirement (`{}`) means the
/// operation also works without credentials.
fn security(doc: &Document<'_>, value: &Value, pointer: &str) -> Result<Security, Error> {
    let Some(requirements) = value.as_array() else {
        return Err(doc.error(
            pointer,
            format!(
                "expected a list of security requirements, found {}",
                kind(value)
            ),
        ));
    };
    let mut alternatives = Vec::new();
    for (index, requirement) in requirements.iter().enumerate() {
        let names: Vec<String> = object(
            doc,
            requirement,
            &child(pointer, &index.to_string()),
            "a security requirement",
        )?
        .keys()
        .cloned()
        .collect();
        if !alternatives.contains(&names) {
            alternatives.push(names);
        }
    }
    Ok(Security::Requirements(alternatives))
}

struct OperationReader<'r, 'd, 'a> {
    doc: &'d Document<'a>,
    schemas: &'r mut Schemas<'d, 'a>,
    default_security: Option<Security>,
    warnings: Vec<Warning>,
    /// The names made for operations without an `operationId`.
    unnamed: Vec<String>,
}

impl OperationReader<'_, '_, '_> {
    fn path_item(
        &mut self,
        path: &str,
        item: &Value,
        operations: &mut Vec<Operation>,
    ) -> Result<(), Error> {
        let item_pointer = child("/paths", path);
        let (item, item_pointer) = self.doc.resolve(item, &item_pointer)?;
        let item = object(self.doc, item, &item_pointer, "a path item")?;
        let template = path_template(self.doc, path, &item_pointer)?;
        let shared = match item.get("parameters") {
            Some(value) => self.parameters(value, &child(&item_pointer, "parameters"))?,
            None => Vec::new(),
        };
        for (key, value) in item {
            if METHODS.contains(&key.as_str()) {
                let op =
                    self.operation(key, &template, &shared, value, &child(&item_pointer, key))?;
                operations.push(op);
            } else if key == "trace" {
                self.warnings.push(self.doc.warning(
                    &child(&item_pointer, key),
                    "TRACE operations are not supported; this one is left out",
                ));
            }
        }
        Ok(())
    }

    fn operation(
        &mut self,
        method: &str,
        path: &PathTemplate,
        shared: &[Parameter],
        value: &Value,
        pointer: &str,
    ) -> Result<Operation, Error> {
        let map = object(self.doc, value, pointer, "an operation")?;
        let method = Method::from_name(method).ok_or_else(|| {
            self.doc
                .error(pointer, format!("unknown method `{method}`"))
        })?;
        let id = match string(self.doc, map, "operationId", pointer)? {
            Some(id) => id.to_string(),
            None => {
                let made = ident::to_snake(&format!("{} {path}", method.as_str()));
                self.unnamed.push(made.clone());
                made
            }
        };
        if map.contains_key("callbacks") {
            self.warnings.push(self.doc.warning(
                &child(pointer, "callbacks"),
                "callbacks are requests the server makes, not the client: they are not generated",
            ));
        }
        let mut parameters = match map.get("parameters") {
            Some(value) => self.parameters(value, &child(pointer, "parameters"))?,
            None => Vec::new(),
        };
        for inherited in shared {
            if !parameters
                .iter()
                .any(|p| p.name == inherited.name && p.location == inherited.location)
            {
                parameters.push(inherited.clone());
            }
        }
        let in_path: Vec<&str> = path.parameter_names().collect();
        let mut unused = Vec::new();
        parameters.retain(|p| {
            let keep = p.location != ParameterLocation::Path || in_path.contains(&p.name.as_str());
            if !keep {
                unused.push(p.name.clone());
            }
            keep
        });
        for name in unused {
            self.warnings.push(self.doc.warning(
                &child(pointer, "parameters"),
                format!("path parameter `{name}` is not in the path `{path}`; it is left out"),
            ));
        }
        for name in path.parameter_names() {
            if !parameters
                .iter()
                .any(|p| p.location == ParameterLocation::Path && p.name == name)
            {
                return Err(self.doc.error(
                    pointer,
                    format!("path parameter `{name}` is in the path but not among the parameters"),
                ));
            }
        }
        let context = ident::to_upper_camel(&id);
        let body = match map.get("requestBody") {
            Some(value) => {
                Some(self.request_body(value, &child(pointer, "requestBody"), &context)?)
            }
            None => None,
        };
        // OpenAPI 3.1 allows an operation without `responses`: nothing is
        // documented, so any success is accepted and its body not read.
        let responses = match map.get("responses") {
            Some(value) => self.responses(value, &child(pointer, "responses"), &context)?,
            None => Vec::new(),
        };
        let security = match map.get("security") {
            Some(value) => security(self.doc, value, &child(pointer, "security"))?,
            None => self
                .default_security
                .clone()
                .unwrap_or(Security::Requirements(Vec::new())),
        };
        let tags = match map.get("tags") {
            None => Vec::new(),
            Some(Value::Array(tags)) => tags
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            Some(other) => {
                return Err(self.doc.error(
                    &child(pointer, "tags"),
                    format!("expected a list of tag names, found {}", kind(other)),
                ))
            }
        };
        // The summary is the doc's first paragraph, as rustdoc reads it.
        let summary = string(self.doc, map, "summary", pointer)?
            .map(str::trim)
            .filter(|text| !text.is_empty());
        let description = match (summary, description(self.doc, map, pointer)?) {
            (Some(summary), Some(text)) if !text.starts_with(summary) => {
                Some(format!("{summary}\n\n{text}"))
            }
            (summary, text) => text.or(summary.map(str::to_string)),
        };
        Ok(Operation {
            id,
            method,
            path: path.clone(),
            description,
            tags,
            parameters,
            body,
            responses,
            security,
            deprecated: flag(self.doc, map, "deprecated", pointer)?,
        })
    }

    fn parameters(&mut self, value: &Value, pointer: &str) -> Result<Vec<Parameter>, Error> {
        let Some(list) = value.as_array() else {
            return Err(self.doc.error(
                pointer,
                format!("expected a list of parameters, found {}", kind(value)),
            ));
        };
        let mut parameters = Vec::new();
        for (index, parameter) in list.iter().enumerate() {
            let (parameter, parameter_pointer) = self
                .doc
                .resolve(parameter, &child(pointer, &index.to_string()))?;
            let map = object(self.doc, parameter, &parameter_pointer, "a parameter")?;
            let Some(name) = string(self.doc, map, "name", &parameter_pointer)? else {
                return Err(self
                    .doc
                    .error(&parameter_pointer, "expected the parameter's `name`"));
            };
            let location = match string(self.doc, map, "in", &parameter_pointer)? {
                Some("path") => ParameterLocation::Path,
                Some("query") => ParameterLocation::Query,
                Some("header") => ParameterLocation::Header,
                Some("cookie") => ParameterLocation::Cookie,
                other => {
                    return Err(self.doc.error(
                        &child(&parameter_pointer, "in"),
                        format!("expected `path`, `query`, `header` or `cookie`, found {other:?}"),
                    ))
                }
            };
            let default_style = match location {
                ParameterLocation::Query | ParameterLocation::Cookie => ParameterStyle::Form,
                ParameterLocation::Path | ParameterLocation::Header => ParameterStyle::Simple,
            };
            let mut style = match string(self.doc, map, "style", &parameter_pointer)? {
                None => default_style,
                Some("form") => ParameterStyle::Form,
                Some("simple") => ParameterStyle::Simple,
                Some("spaceDelimited") => ParameterStyle::SpaceDelimited,
                Some("pipeDelimited") => ParameterStyle::PipeDelimited,
                Some("deepObject") => ParameterStyle::DeepObject,
                Some(other) => {
                    self.warnings.push(self.doc.warning(
                        &child(&parameter_pointer, "style"),
                        format!("style `{other}` is not supported; `{name}` is sent in the default style"),
                    ));
                    default_style
                }
            };
            let explode = match map.get("explode") {
                Some(Value::Bool(explode)) => *explode,
                _ => style == ParameterStyle::Form,
            };
            // `content` instead of `schema`: the value in that media type
            // (JSON text, in practice).
            let content_schema = map
                .get("content")
                .and_then(Value::as_object)
                .and_then(|content| content.iter().next())
                .and_then(|(media, value)| Some((media, value.get("schema")?)));
            let schema = match (map.get("schema"), content_schema) {
                (Some(schema), _) => Some((schema, child(&parameter_pointer, "schema"))),
                (None, Some((media, schema))) => {
                    style = ParameterStyle::Json;
                    let pointer = child(
                        &child(&child(&parameter_pointer, "content"), media),
                        "schema",
                    );
                    Some((schema, pointer))
                }
                (None, None) => None,
            };
            let (ty, constraints, default) = match schema {
                Some((schema, schema_pointer)) => {
                    let context = format!("{}Parameter", ident::to_upper_camel(name));
                    let typed = self.schemas.typed(schema, &schema_pointer, &context)?;
                    (typed.ty, typed.constraints, typed.default)
                }
                None => {
                    self.warnings.push(self.doc.warning(
                        &parameter_pointer,
                        format!("parameter `{name}` has no `schema`; it is sent as text"),
                    ));
                    (
                        TypeRef::Primitive(crate::model::Primitive::String),
                        Default::default(),
                        None,
                    )
                }
            };
            parameters.push(Parameter {
                location,
                name: name.to_string(),
                ty,
                required: location == ParameterLocation::Path
                    || flag(self.doc, map, "required", &parameter_pointer)?,
                description: description(self.doc, map, &parameter_pointer)?,
                constraints,
                default,
                explode,
                style,
            });
        }
        Ok(parameters)
    }

    /// The media type to use from a `content` map: JSON first, then the
    /// first one listed; the others are reported. A request body whose
    /// `multipart/form-data` form has files is sent that way (bytes have no
    /// JSON form).
    fn pick_media<'v>(
        &mut self,
        content: &'v Map<String, Value>,
        pointer: &str,
        request: bool,
    ) -> Option<(&'v String, &'v Value)> {
        let with_files = content.iter().find(|(media, value)| {
            request
                && media.starts_with("multipart/form-data")
                && value
                    .get("schema")
                    .is_some_and(|schema| self.has_files(schema))
        });
        let chosen = with_files
            .or_else(|| {
                content
                    .iter()
                    .find(|(media, _)| media.as_str() == "application/json")
            })
            .or_else(|| {
                content
                    .iter()
                    .find(|(media, _)| crate::model::is_json(media))
            })
            .or_else(|| content.iter().next())?;
        let others: Vec<&str> = content
            .keys()
            .filter(|m| *m != chosen.0)
            .map(String::as_str)
            .collect();
        if !others.is_empty() {
            let others: Vec<String> = others.iter().map(|m| format!("`{m}`")).collect();
            self.warnings.push(self.doc.warning(
                pointer,
                format!(
                    "the client uses `{}`; also offered as {}",
                    chosen.0,
                    others.join(", ")
                ),
            ));
        }
        Some(chosen)
    }

    /// Whether the object `schema` has a property that is a file, a list of
    /// files, or a union of those (`format: binary`).
    fn has_files(&self, schema: &Value) -> bool {
        let root = &self.doc.root;
        resolved(root, schema)
            .and_then(|schema| schema.get("properties"))
            .and_then(Value::as_object)
            .is_some_and(|properties| properties.values().any(|p| is_file(root, p, 0)))
    }

    fn request_body(
        &mut self,
        value: &Value,
        pointer: &str,
        context: &str,
    ) -> Result<RequestBody, Error> {
        let (value, pointer) = self.doc.resolve(value, pointer)?;
        let map = object(self.doc, value, &pointer, "a request body")?;
        let content_pointer = child(&pointer, "content");
        let content = match map.get("content") {
            Some(content) => object(
                self.doc,
                content,
                &content_pointer,
                "the body's media types",
            )?,
            None => return Err(self.doc.error(&pointer, "expected `content`")),
        };
        let Some((media, media_value)) = self.pick_media(content, &content_pointer, true) else {
            return Err(self
                .doc
                .error(&content_pointer, "expected at least one media type"));
        };
        let media_pointer = child(&content_pointer, media);
        let typed = self.media_type(media_value, &media_pointer, &format!("{context}Request"))?;
        if typed.nullable {
            self.warnings.push(self.doc.warning(
                &child(&media_pointer, "schema"),
                "a request body that may be `null`: the client sends a value",
            ));
        }
        Ok(RequestBody {
            content_type: media.clone(),
            required: flag(self.doc, map, "required", &pointer)?,
            ty: typed.ty,
            description: description(self.doc, map, &pointer)?,
        })
    }

    /// The schema of a body, read as a type (any value without one).
    fn media_type(&mut self, value: &Value, pointer: &str, context: &str) -> Result<Typed, Error> {
        let map = object(self.doc, value, pointer, "a media type")?;
        match map.get("schema") {
            Some(schema) => self
                .schemas
                .typed(schema, &child(pointer, "schema"), context),
            None => Ok(Typed::any()),
        }
    }

    fn responses(
        &mut self,
        value: &Value,
        pointer: &str,
        context: &str,
    ) -> Result<Vec<Response>, Error> {
        let mut responses = Vec::new();
        for (status, response) in object(self.doc, value, pointer, "the responses")? {
            let response_pointer = child(pointer, status);
            let status = match status.as_str() {
                "default" => Status::Default,
                "2XX" | "2xx" => Status::AnySuccess,
                range if range.len() == 3 && range[1..].eq_ignore_ascii_case("xx") => {
                    match range[..1].parse::<u16>() {
                        Ok(class @ 1..=5) => Status::Class(class),
                        _ => {
                            self.warnings.push(self.doc.warning(&response_pointer, format!("status range `{range}` is not one of `1XX` to `5XX`; this response is left out")));
                            continue;
                        }
                    }
                }
                code => match code.parse::<u16>() {
                    Ok(code) if (100..600).contains(&code) => Status::Code(code),
                    _ => {
                        self.warnings.push(self.doc.warning(&response_pointer, format!("status `{code}` is not supported (expected a code such as 200, `2XX` or `default`); this response is left out")));
                        continue;
                    }
                },
            };
            let (response, response_pointer) = self.doc.resolve(response, &response_pointer)?;
            let map = object(self.doc, response, &response_pointer, "a response")?;
            let body = match map.get("content") {
                None => None,
                Some(content) => {
                    let content_pointer = child(&response_pointer, "content");
                    let content = object(
                        self.doc,
                        content,
                        &content_pointer,
                        "the response's media types",
                    )?;
                    match self.pick_media(content, &content_pointer, false) {
                        None => None,
                        Some((media, media_value)) => {
                            let suffix = match status {
                                Status::Code(code) if (200..300).contains(&code) => {
                                    "Response".to_string()
                                }
                                Status::Code(code) => format!("Response{code}"),
                                Status::Class(class) => format!("Response{class}xx"),
                                _ => "ResponseDefault".to_string(),
                            };
                            // An answer that may be `null` is an `Option`.
                            let ty = self
                                .media_type(
                                    media_value,
                                    &child(&content_pointer, media),
                                    &format!("{context}{suffix}"),
                                )?
                                .item();
                            Some(ResponseBody {
                                content_type: media.clone(),
                                ty,
                            })
                        }
                    }
                }
            };
            responses.push(Response {
                status,
                description: description(self.doc, map, &response_pointer)?,
                body,
            });
        }
        responses.sort_by_key(|r| r.status);
        Ok(responses)
    }
}

/// `/core/users/{id}/` into literal text and parameter names.
fn path_template(doc: &Document<'_>, path: &str, pointer: &str) -> Result<PathTemplate, Error> {
    let mut segments = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            segments.push(PathSegment::Literal(rest[..open].to_string()));
        }
        let Some(close) = rest[open..].find('}') else {
            return Err(doc.error(pointer, format!("`{path}` has an unclosed `{{`")));
        };
        segments.push(PathSegment::Parameter(
            rest[open + 1..open + close].to_string(),
        ));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        segments.push(PathSegment::Literal(rest.to_string()));
    }
    Ok(PathTemplate { segments })
}

/// `value`, or what its local `$ref` points at.
fn resolved<'v>(root: &'v Value, value: &'v Value) -> Option<&'v Value> {
    match value.get("$ref").and_then(Value::as_str) {
        Some(reference) => root.pointer(reference.strip_prefix('#')?),
        None => Some(value),
    }
}

/// Whether `value` is a file (`format: binary`), a list of files, or a
/// union with such a member; `depth` ends cycles of references.
fn is_file(root: &Value, value: &Value, depth: usize) -> bool {
    let Some(value) = resolved(root, value).filter(|_| depth < 8) else {
        return false;
    };
    value.get("format").and_then(Value::as_str) == Some("binary")
        || value
            .get("items")
            .is_some_and(|items| is_file(root, items, depth + 1))
        || ["oneOf", "anyOf"].iter().any(|key| {
            value
                .get(*key)
                .and_then(Value::as_array)
                .is_some_and(|members| members.iter().any(|m| is_file(root, m, depth + 1)))
        })
}
