//! Operations: each path item's operations with their parameters (the
//! path item's merged in), request body, responses and security, `$ref`s to
//! parameters, bodies and responses followed.

use serde_json::{Map, Value};

use super::document::{child, description, flag, kind, object, string, Document};
use super::schema::{Schemas, Typed};
use super::security::security;
use crate::diagnostic::{Error, Warning};
use crate::frontend::schemas::nested;
use crate::ident;
use crate::model::{
    Method, Operation, Parameter, ParameterLocation, ParameterStyle, PathSegment, PathTemplate,
    RequestBody, Response, ResponseBody, Security, Status, TypeRef,
};

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "patch", "head", "options"];

/// Reads `paths` into operations, the schemas they use into `schemas`.
pub(super) struct OperationReader<'r, 'd, 'a> {
    pub doc: &'d Document<'a>,
    pub schemas: &'r mut Schemas<'d, 'a>,
    pub default_security: Option<Security>,
    pub warnings: Vec<Warning>,
    /// The names made for operations without an `operationId`.
    pub unnamed: Vec<String>,
}

impl OperationReader<'_, '_, '_> {
    pub fn path_item(
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
        let given = string(self.doc, map, "operationId", pointer)?;
        let id_stated = given.is_some();
        let id = match given {
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
        let mut responses = match map.get("responses") {
            Some(value) => self.responses(value, &child(pointer, "responses"), &context)?,
            None => Vec::new(),
        };
        // An answer to HEAD has no body, whatever the document says of it
        // (the headers of the GET it mirrors).
        if method == Method::Head && responses.iter().any(|r| r.body.is_some()) {
            for response in &mut responses {
                response.body = None;
            }
            self.warnings.push(self.doc.warning(
                &child(pointer, "responses"),
                "an answer to HEAD has no body; the documented body is not read",
            ));
        }
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
            id_stated,
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
                Some("label") if location == ParameterLocation::Path => ParameterStyle::Label,
                Some("matrix") if location == ParameterLocation::Path => ParameterStyle::Matrix,
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
                    let context = nested(&ident::to_upper_camel(name), "Parameter");
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
        let typed = self.media_type(media_value, &media_pointer, &nested(context, "Request"))?;
        if typed.nullable {
            self.warnings.push(self.doc.warning(
                &child(&media_pointer, "schema"),
                "a request body that may be `null`: the client sends a value",
            ));
        }
        Ok(RequestBody {
            required_stated: true,
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
                                    &nested(context, &suffix),
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
