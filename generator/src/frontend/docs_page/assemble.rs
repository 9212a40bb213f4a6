//! The one way every layout's outline becomes model: the method and path,
//! the operation's name (its id where shown, else its summary, else its
//! method and path), parameters, the request body and the responses, each
//! field with the facts the page states and no other. Fields nest by their
//! depth; where a page lists no fields, or collapses an object field, its
//! JSON example gives the names and rough types (a string, a number, a
//! list), and nothing else: required-ness and nullability stay unstated.

use std::collections::BTreeSet;
use std::path::Path;

use heck::ToUpperCamelCase;
use serde_json::Value;

use super::locate;
use super::outline::{Block, Entry, OutlineOperation};
use super::page::PageOperation;
use super::page::{status_suffix, unstated_object, Line};
use super::shown_type::ShownKind;
use crate::diagnostic::{Error, Location, Warning};
use crate::frontend::schemas::{enum_schema, SchemaRegistry};
use crate::ident::{self, FieldNames};
use crate::model::{
    EnumWire, Field, Method, Nullability, ObjectSchema, Operation, Parameter, ParameterLocation,
    ParameterStyle, PathTemplate, Presence, Primitive, RequestBody, Response, ResponseBody, Schema,
    SchemaKind, Security, Status, TypeRef,
};

/// The most words a summary may have to name an operation (`Create a
/// widget`); a longer one is a sentence, and the method and path name it.
const SUMMARY_WORDS: usize = 6;

/// Turns outlines into model, registering the types they introduce.
pub struct Assembler<'a> {
    pub file: &'a Path,
    pub lines: &'a [Line],
    /// The ids of the operations read so far.
    pub taken: BTreeSet<String>,
    pub registry: &'a mut SchemaRegistry,
    pub warnings: &'a mut Vec<Warning>,
    /// Whether the block being assembled writes `"string"` for a cycle
    /// (see [`Block::cycles_shown_as_string`]).
    pub cycles_shown_as_string: bool,
}

impl Assembler<'_> {
    fn at(&self, index: usize) -> Location {
        let number = self
            .lines
            .get(index)
            .map_or(self.lines.len().max(1), |line| line.number);
        Location::line(self.file, number)
    }

    fn warn(&mut self, index: usize, message: impl Into<String>) {
        let location = self.at(index);
        self.warnings.push(Warning {
            location,
            message: message.into(),
        });
    }

    /// The operation an outline shows. Fails only without a method and a
    /// path, which no operation lacks.
    pub fn operation(&mut self, outline: &OutlineOperation) -> Result<PageOperation, Error> {
        let (Some((method, _)), Some((raw_path, path_line))) =
            (outline.method, outline.path.clone())
        else {
            let what = match (outline.method, &outline.path) {
                (None, None) => "an HTTP method and a path",
                (None, Some(_)) => "an HTTP method",
                _ => "a path",
            };
            return Err(Error::input(
                self.at(outline.start),
                format!("the page shows an operation without {what}; expected them on a line of their own (`POST /widgets`), glued (`POST/widgets`), or in a code sample (`curl --request POST ...`)"),
            ));
        };
        for (index, what) in &outline.lacking {
            self.warn(*index, what.clone());
        }
        let (server_url, path) = split_url(&raw_path);
        let path = locate::template(&path).ok_or_else(|| {
            Error::input(
                self.at(path_line),
                format!("`{raw_path}` is not a path: expected `/` and segments, `{{name}}` or `:name` for a parameter"),
            )
        })?;
        let id = self.operation_id(outline, method, &path);
        let prefix = ident::to_upper_camel(&id);
        let mut parameters = Vec::new();
        for entry in &outline.parameters {
            parameters.push(self.parameter(entry, &prefix));
        }
        for name in path.parameter_names() {
            let listed = parameters
                .iter()
                .any(|p: &Parameter| p.location == ParameterLocation::Path && p.name == name);
            if !listed {
                self.warn(path_line, format!("path parameter `{name}` is in the path but the page does not describe it; its type is not given, it is sent as text"));
                parameters.push(Parameter {
                    location: ParameterLocation::Path,
                    name: name.to_string(),
                    ty: TypeRef::Unstated,
                    required: true,
                    description: None,
                    constraints: Default::default(),
                    default: None,
                    explode: false,
                    style: ParameterStyle::Simple,
                });
            }
        }
        let body = outline
            .body
            .as_ref()
            .map(|block| self.request_body(block, &prefix));
        let mut responses: Vec<Response> = Vec::new();
        for block in &outline.responses {
            let status = block.status.unwrap_or(Status::AnySuccess);
            if responses.iter().any(|r| r.status == status) {
                continue;
            }
            let body = self.response_body(block, &format!("{prefix}{}", status_suffix(status)));
            responses.push(Response {
                status,
                description: block.description.clone(),
                body,
            });
        }
        responses.sort_by_key(|response| response.status);
        Ok(PageOperation {
            operation: Operation {
                id_stated: outline.id.is_some(),
                id,
                method,
                path,
                description: outline.description.clone(),
                tags: Vec::new(),
                parameters,
                body,
                responses,
                security: Security::Unstated,
                deprecated: outline.deprecated,
            },
            base_path: None,
            server_url,
            security_schemes: Vec::new(),
        })
    }

    /// The id shown; else one made from a short summary (`Create a widget`
    /// is `create_widget`); else, or when another operation has that name,
    /// from the method and path, as for an OpenAPI operation without an id.
    fn operation_id(
        &mut self,
        outline: &OutlineOperation,
        method: Method,
        path: &PathTemplate,
    ) -> String {
        if let Some(id) = &outline.id {
            self.taken.insert(id.clone());
            return id.clone();
        }
        let from_summary = outline.summary.as_deref().and_then(|summary| {
            let words: Vec<&str> = summary
                .split(|c: char| !c.is_alphanumeric())
                .filter(|word| !word.is_empty())
                .filter(|word| !matches!(word.to_ascii_lowercase().as_str(), "a" | "an" | "the"))
                .collect();
            let sentence = summary.trim().trim_end_matches('.').contains(". ");
            (!words.is_empty() && words.len() <= SUMMARY_WORDS && !sentence)
                .then(|| ident::to_snake(&words.join(" ")))
        });
        let by_path = ident::to_snake(&format!("{} {path}", method.as_str()));
        match from_summary.filter(|id| !self.taken.contains(id)) {
            Some(id) => {
                self.taken.insert(id.clone());
                id
            }
            None => ident::claim_unique(by_path, &mut self.taken),
        }
    }

    fn parameter(&mut self, entry: &Entry, prefix: &str) -> Parameter {
        let location = entry.location.unwrap_or(ParameterLocation::Query);
        let name = format!("{prefix}{}", entry.name.to_upper_camel_case());
        let ty = match self.entry_type(&name, entry, &[], None) {
            // A parameter is not an object of fields: its entries are open.
            TypeRef::Named(_) if entry.values.is_none() => TypeRef::Map(Box::new(TypeRef::Any)),
            ty => ty,
        };
        let is_array = matches!(ty, TypeRef::Array(_));
        Parameter {
            location,
            name: entry.name.clone(),
            ty,
            required: entry
                .required
                .unwrap_or(location == ParameterLocation::Path),
            description: entry.description.clone(),
            constraints: entry.constraints.clone(),
            default: entry.default.as_deref().map(default_value),
            explode: is_array
                && matches!(
                    location,
                    ParameterLocation::Query | ParameterLocation::Cookie
                ),
            style: match location {
                ParameterLocation::Path | ParameterLocation::Header => ParameterStyle::Simple,
                ParameterLocation::Query | ParameterLocation::Cookie => ParameterStyle::Form,
            },
        }
    }

    fn request_body(&mut self, block: &Block, prefix: &str) -> RequestBody {
        let content_type = match &block.media {
            Some(media) => media.clone(),
            None => {
                self.warn(block.line, "the page does not show the request body's media type; `application/json` is assumed");
                "application/json".to_string()
            }
        };
        let ty = self
            .block_type(block, &format!("{prefix}Request"))
            .unwrap_or(TypeRef::Unstated);
        RequestBody {
            content_type,
            required: block.required.unwrap_or(false),
            required_stated: block.required.is_some(),
            ty,
            description: block.description.clone(),
        }
    }

    /// A response's body: its type from the fields or example shown; a body
    /// of unstated type where the page shows its media type and no schema,
    /// or shows nothing of it (a renderer that collapses responses).
    fn response_body(&mut self, block: &Block, name: &str) -> Option<ResponseBody> {
        let ty = self.block_type(block, name);
        match (ty, &block.media) {
            (Some(ty), media) => Some(ResponseBody {
                content_type: media
                    .clone()
                    .unwrap_or_else(|| "application/json".to_string()),
                ty,
            }),
            (None, Some(media)) => Some(ResponseBody {
                content_type: media.clone(),
                ty: TypeRef::Unstated,
            }),
            (None, None) if !block.schema_shown => Some(ResponseBody {
                content_type: "application/json".to_string(),
                ty: TypeRef::Unstated,
            }),
            (None, None) => None,
        }
    }

    /// The type of a body: its shown fields (an object, or a list of
    /// objects when the page says so), else its shown type, else its
    /// example; `None` when the page shows none of them.
    fn block_type(&mut self, block: &Block, name: &str) -> Option<TypeRef> {
        self.cycles_shown_as_string = block.cycles_shown_as_string;
        let example = block.example.as_ref().map(|(_, value)| value);
        let line = block.line;
        let nested;
        let fields = match block.nesting_lost {
            false => &block.fields,
            true => {
                nested = self.nest(block, example);
                &nested
            }
        };
        if !fields.is_empty() {
            let list = matches!(&block.shown, Some((shown, _)) if matches!(shown.kind, ShownKind::Array(_)));
            let (object_example, object_name) = match (list, example) {
                (true, Some(Value::Array(items))) => (items.first(), format!("{name}Item")),
                (true, _) => (None, format!("{name}Item")),
                (false, example) => (example, name.to_string()),
            };
            let object = self.object(
                &object_name,
                fields,
                object_example,
                block.description.clone(),
                line,
            );
            return Some(match list {
                true => TypeRef::Array(Box::new(object)),
                false => object,
            });
        }
        if let Some((shown, _)) = &block.shown {
            let object_like = matches!(shown.innermost().kind, ShownKind::Object);
            if !object_like || example.is_none() {
                return Some(shown.type_ref());
            }
        }
        example.map(|value| self.example_type(name, value, line))
    }

    /// The fields of a block whose copy lost their nesting, nested by the
    /// keys of its example: each field belongs to the innermost object
    /// open above it that has its key. Where the example does not place a
    /// field, the fields from the first object on are left out (with a
    /// warning), as they may be its own.
    fn nest(&mut self, block: &Block, example: Option<&Value>) -> Vec<Entry> {
        let root = match example {
            Some(Value::Array(items)) => items.first(),
            other => other,
        };
        if let Some(nested) = root.and_then(|root| nest_by_example(&block.fields, root)) {
            return nested;
        }
        let object_like = |entry: &Entry| {
            entry.union
                || entry
                    .shown
                    .as_ref()
                    .is_some_and(|shown| matches!(shown.innermost().kind, ShownKind::Object))
        };
        let Some(first_object) = block.fields.iter().position(object_like) else {
            return block.fields.clone();
        };
        let kept = first_object + 1;
        if kept < block.fields.len() {
            let line = block.fields[kept].line;
            self.warn(line, format!(
                "this copy lost how the fields after `{}` nest (an object's fields read like its siblings) and shows no example that tells; they are left out",
                block.fields[first_object].name
            ));
        }
        block.fields[..kept].to_vec()
    }

    /// An object of the fields `entries` (the first one's depth is theirs;
    /// deeper ones nest under the field before them), registered as `name`.
    fn object(
        &mut self,
        name: &str,
        entries: &[Entry],
        example: Option<&Value>,
        description: Option<String>,
        line: usize,
    ) -> TypeRef {
        let depth = entries.iter().map(|e| e.depth).min().unwrap_or(0);
        let mut fields = Vec::new();
        let mut names = FieldNames::default();
        let mut index = 0;
        while index < entries.len() {
            let entry = &entries[index];
            let end = entries[index + 1..]
                .iter()
                .position(|e| e.depth <= depth)
                .map_or(entries.len(), |at| index + 1 + at);
            let children = &entries[index + 1..end];
            index = end;
            if entry.depth > depth {
                continue;
            }
            if fields.iter().any(|f: &Field| f.wire_name == entry.name) {
                self.warn(
                    entry.line,
                    format!("field `{}` is shown twice; the first is kept", entry.name),
                );
                continue;
            }
            let value = example.and_then(|e| e.get(&entry.name));
            let context = format!("{name}{}", ident::to_upper_camel(&entry.name));
            let ty = self.entry_type(&context, entry, children, value);
            let nullable =
                entry
                    .nullable
                    .or(entry.shown.as_ref().filter(|s| s.nullable).map(|_| true));
            fields.push(Field {
                wire_name: entry.name.clone(),
                rust_name: names.claim(&entry.name),
                ty,
                presence: match entry.required {
                    Some(true) => Presence::Required,
                    Some(false) => Presence::Optional,
                    None => Presence::Unstated,
                },
                nullability: match nullable {
                    Some(true) => Nullability::Nullable,
                    Some(false) => Nullability::NonNull,
                    None => Nullability::Unstated,
                },
                read_only: entry.read_only,
                write_only: entry.write_only,
                deprecated: entry.deprecated,
                default: entry.default.as_deref().map(default_value),
                title: None,
                description: entry.description.clone(),
                constraints: entry.constraints.clone(),
            });
        }
        self.register(name, description, fields, line)
    }

    fn register(
        &mut self,
        name: &str,
        description: Option<String>,
        fields: Vec<Field>,
        line: usize,
    ) -> TypeRef {
        let schema = Schema {
            name: name.to_string(),
            description,
            kind: SchemaKind::Object(ObjectSchema {
                fields,
                additional: None,
                required_alternatives: Vec::new(),
            }),
        };
        let location = self.at(line);
        TypeRef::Named(self.registry.register(schema, &location, self.warnings))
    }

    /// The type of one field: an enum of its values, an object of the
    /// fields nested under it or of its example, or its shown type.
    fn entry_type(
        &mut self,
        name: &str,
        entry: &Entry,
        children: &[Entry],
        example: Option<&Value>,
    ) -> TypeRef {
        if entry.union {
            return TypeRef::Unstated;
        }
        let shown = entry.shown.as_ref();
        let is_list = shown.is_some_and(|s| matches!(s.kind, ShownKind::Array(_)));
        // `true` and `false` both: a `bool`, not an enum.
        let both_booleans = shown.is_some_and(|s| s.innermost().kind == ShownKind::Boolean)
            && entry.values.as_ref().is_some_and(|values| {
                values.iter().any(|v| v == "true") && values.iter().any(|v| v == "false")
            });
        if let Some(values) = entry.values.as_ref().filter(|_| !both_booleans) {
            let enum_name = if is_list {
                format!("{name}Item")
            } else {
                name.to_string()
            };
            // Values of a type shown as a number or a boolean are of it.
            let shown_kind = shown.map(|s| &s.innermost().kind);
            let all = |parses: fn(&str) -> bool| values.iter().all(|v| parses(v));
            let wire = match shown_kind {
                Some(ShownKind::Integer) if all(|v| v.parse::<i64>().is_ok()) => EnumWire::Integers,
                Some(ShownKind::Number) if all(|v| v.parse::<f64>().is_ok_and(f64::is_finite)) => {
                    EnumWire::Numbers
                }
                Some(ShownKind::Boolean) if all(|v| v == "true" || v == "false") => {
                    EnumWire::Booleans
                }
                _ => EnumWire::Strings,
            };
            let schema = enum_schema(enum_name, None, values, wire);
            let location = self.at(entry.line);
            let named = TypeRef::Named(self.registry.register(schema, &location, self.warnings));
            return match is_list {
                true => TypeRef::Array(Box::new(named)),
                false => named,
            };
        }
        let object_like = match shown {
            Some(shown) => matches!(shown.innermost().kind, ShownKind::Object),
            None => !children.is_empty(),
        };
        if object_like {
            let item_example = match (is_list, example) {
                (true, Some(Value::Array(items))) => items.first(),
                (true, _) => None,
                (false, example) => example,
            };
            let object_name = if is_list {
                format!("{name}Item")
            } else {
                name.to_string()
            };
            let object = if !children.is_empty() {
                self.object(&object_name, children, item_example, None, entry.line)
            } else {
                match item_example {
                    Some(value @ Value::Object(map)) if !map.is_empty() => {
                        self.example_type(&object_name, value, entry.line)
                    }
                    _ => unstated_object(),
                }
            };
            return match is_list {
                true => TypeRef::Array(Box::new(object)),
                false => object,
            };
        }
        match shown {
            Some(shown) => shown.type_ref(),
            None => example.map_or(TypeRef::Unstated, |value| {
                self.example_type(name, value, entry.line)
            }),
        }
    }

    /// The rough type of an example value: the keys of an object (their
    /// presence and nullability unstated), a list of its first item's type,
    /// a string, a number, a boolean; `null` says nothing.
    fn example_type(&mut self, name: &str, value: &Value, line: usize) -> TypeRef {
        match value {
            Value::Object(map) if map.is_empty() => unstated_object(),
            Value::Object(map) => {
                let mut names = FieldNames::default();
                let mut fields = Vec::new();
                // The keys Redoc (`property1`, `property2`) and Swagger UI
                // (`additionalProp1`, ...) make up for an object's further
                // entries: of a map where they are all there is.
                let further = |key: &str| {
                    let made_up = [
                        "property1",
                        "property2",
                        "additionalProp1",
                        "additionalProp2",
                        "additionalProp3",
                    ];
                    made_up.contains(&key)
                };
                let made_up = map.keys().filter(|key| further(key)).count() >= 2;
                if made_up && map.keys().all(|key| further(key)) {
                    let value = map.values().next().map_or(TypeRef::Unstated, |value| {
                        self.example_type(&format!("{name}Value"), value, line)
                    });
                    return TypeRef::Map(Box::new(value));
                }
                for (key, value) in map {
                    if made_up && further(key) {
                        continue;
                    }
                    let context = format!("{name}{}", ident::to_upper_camel(key));
                    fields.push(Field {
                        wire_name: key.clone(),
                        rust_name: names.claim(key),
                        ty: self.example_type(&context, value, line),
                        presence: Presence::Unstated,
                        nullability: Nullability::Unstated,
                        read_only: false,
                        write_only: false,
                        deprecated: false,
                        default: None,
                        title: None,
                        description: None,
                        constraints: Default::default(),
                    });
                }
                self.register(name, None, fields, line)
            }
            Value::Array(items) => {
                TypeRef::Array(Box::new(items.first().map_or(TypeRef::Unstated, |item| {
                    self.example_type(&format!("{name}Item"), item, line)
                })))
            }
            // A renderer's placeholder (`string`, its uuid or date-time)
            // says "a string"; another string is the document's own
            // example, which may stand for a list or a number.
            Value::String(text) if text == "string" && self.cycles_shown_as_string => {
                TypeRef::Unstated
            }
            Value::String(text) if is_placeholder(text) => TypeRef::Primitive(Primitive::String),
            Value::String(_) => TypeRef::Unstated,
            Value::Number(_) => TypeRef::Primitive(Primitive::Number),
            Value::Bool(_) => TypeRef::Primitive(Primitive::Boolean),
            Value::Null => TypeRef::Unstated,
        }
    }
}

/// `entries` (all at depth 0) nested by the keys of `example`; `None`
/// where a field's key is in no object open above it.
fn nest_by_example(entries: &[Entry], example: &Value) -> Option<Vec<Entry>> {
    let mut open: Vec<&Value> = vec![example];
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        while open.last()?.get(&entry.name).is_none() {
            open.pop();
        }
        let context = open.last()?;
        let mut placed = entry.clone();
        placed.depth = open.len() - 1;
        let value = context.get(&entry.name)?;
        let inner = match value {
            Value::Array(items) => items.first(),
            other => Some(other),
        };
        out.push(placed);
        if let Some(object @ Value::Object(map)) = inner {
            if !map.is_empty() {
                open.push(object);
            }
        }
    }
    Some(out)
}

/// Whether a string sample is what renderers print for a string of
/// some format when the document gives no example: `string`, an empty
/// string, a uuid, a date or date-time, an email address or a URL.
fn is_placeholder(text: &str) -> bool {
    let uuid = text.len() == 36
        && text.chars().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        });
    let date = text.len() >= 10
        && text.as_bytes()[4] == b'-'
        && text.as_bytes()[7] == b'-'
        && text[..4].chars().all(|c| c.is_ascii_digit());
    matches!(
        text,
        "string" | "" | "user@example.com" | "http://example.com" | "https://example.com"
    ) || uuid
        || date
}

/// A default as shown: JSON where it is JSON (`10`, `"v1"`, `true`), the
/// text as a string otherwise.
fn default_value(text: &str) -> Value {
    serde_json::from_str(text.trim()).unwrap_or_else(|_| Value::String(text.trim().to_string()))
}

/// A full URL's server (`https://api.example.com`) and path; a path alone
/// has no server.
fn split_url(raw: &str) -> (Option<String>, String) {
    let raw = raw.split(['?', '#']).next().unwrap_or(raw).trim();
    let Some((scheme, rest)) = raw
        .split_once("://")
        .filter(|(scheme, _)| !scheme.contains('/'))
    else {
        return (None, raw.to_string());
    };
    let (host, path) = rest.find('/').map_or((rest, "/"), |at| rest.split_at(at));
    // A server with variables left in (`{scheme}://{host}`) is no address.
    let server = format!("{scheme}://{host}");
    ((!server.contains('{')).then_some(server), path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_templates() {
        assert_eq!(
            split_url("https://api.example.com/v1/widgets?x=1"),
            (Some("https://api.example.com".into()), "/v1/widgets".into())
        );
        assert_eq!(split_url("/widgets"), (None, "/widgets".into()));
    }
}
