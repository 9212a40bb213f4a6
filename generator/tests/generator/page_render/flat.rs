//! The flat copy style (`spec/000_…`): a model operation's page as that copy
//! shows it. Test code: the generator never renders pages.
//!
//! What the seed page shows, and so what is rendered:
//! - `METHOD/path` on one line, without the base path; the description one
//!   line per line of text (the copy keeps no blank lines).
//! - Parameter sections keep only each parameter's qualifiers and
//!   description, never its name or type.
//! - A body's media type as `- application/json` before `Body`.
//! - Of a schema's fields, a simple field (not an object) shows only its
//!   qualifiers (`Possible values: non-empty`, an enum's values one to a
//!   line) and then its description; an object field shows its name, its
//!   label (`object`, `object[]`) and its flags each on a line, then its
//!   description, then its object's description and fields (an array's
//!   items show no description). Each object opens with one `Array [`/`]`
//!   pair per field of its that is an array of objects.
//! - Responses: the status list, then per status a block: the media type,
//!   `- Schema`, `- Example (from schema)`, `Schema`, the schema's lines and
//!   the example the documentation site generates from the schema, one JSON
//!   token per line without indentation. A response without content shows
//!   its description instead (no seed page has one; authentik's are one
//!   line, such as `No response body`).

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::lookup::{enum_wires, object_of, page_path, parameter_sections, resolved};
use super::qualifier::{default_line, possible_values};
use apidocs2rs::model::{
    Api, Constraints, Field, Nullability, ObjectSchema, Operation, Presence, Primitive, SchemaKind,
    Status, TypeRef,
};

/// The sample the documentation site prints for every `format: uuid` value.
pub const UUID_SAMPLE: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
/// The site prints the current time for a date-time; any fixed one will do.
pub const DATE_TIME_SAMPLE: &str = "2024-07-29T15:51:28.071Z";
pub const DATE_SAMPLE: &str = "2024-07-29";
pub const EMAIL_SAMPLE: &str = "user@example.com";

/// Which side of the exchange a schema is shown for: requests hide
/// read-only fields, responses write-only ones.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Request,
    Response,
}

/// Whether a field of `place` is shown.
pub fn shown(field: &Field, place: Place) -> bool {
    match place {
        Place::Request => !field.read_only,
        Place::Response => !field.write_only,
    }
}

/// Whether the page shows a field of this type as an object field (by name,
/// label and flags): objects, unions, maps and arrays of them.
pub fn is_object_like(api: &Api, ty: &TypeRef) -> bool {
    match resolved(api, ty) {
        TypeRef::Named(name) => matches!(
            api.schemas.get(&name).map(|s| &s.kind),
            Some(SchemaKind::Object(_) | SchemaKind::Union(_))
        ),
        TypeRef::Map(_) => true,
        TypeRef::Array(item) => is_object_like(api, &item),
        _ => false,
    }
}

/// The object a page shows for `ty`: an object's own, a union's first
/// variant (the one the documentation site samples), an array's item's.
pub fn shown_object<'a>(api: &'a Api, ty: &TypeRef) -> Option<&'a ObjectSchema> {
    match resolved(api, ty) {
        TypeRef::Array(item) => shown_object(api, &item),
        TypeRef::Named(name) => match &api.schemas.get(&name)?.kind {
            SchemaKind::Object(object) => Some(object),
            SchemaKind::Union(union) => {
                object_of(api, &TypeRef::Named(union.variants.first()?.schema.clone()))
            }
            _ => None,
        },
        _ => None,
    }
}

/// The name of the object `ty` shows, to stop at recursion.
pub fn shown_object_name(api: &Api, ty: &TypeRef) -> Option<String> {
    match resolved(api, ty) {
        TypeRef::Array(item) => shown_object_name(api, &item),
        TypeRef::Named(name) => match &api.schemas.get(&name)?.kind {
            SchemaKind::Object(_) => Some(name),
            SchemaKind::Union(union) => Some(union.variants.first()?.schema.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// The whole page.
pub fn page(api: &Api, op: &Operation) -> String {
    let path = page_path(op);
    // The path starts with `/`; no space after the method.
    let mut lines = vec![op.id.clone(), format!("{}{path}", op.method.as_str())];
    text_lines(&mut lines, op.description.as_deref());
    lines.extend(request_and_response(api, op));
    lines.join("\n") + "\n"
}

/// The lines from `Request` to the end of the last response block.
pub fn request_and_response(api: &Api, op: &Operation) -> Vec<String> {
    let mut lines = vec!["Request".to_string()];
    for (heading, parameters) in parameter_sections(op) {
        lines.push(heading.to_string());
        for parameter in parameters {
            qualifier_lines(&mut lines, api, &parameter.ty, &parameter.constraints);
            text_lines(&mut lines, parameter.description.as_deref());
        }
    }
    if let Some(body) = &op.body {
        lines.push(format!("- {}", body.content_type));
        lines.push("Body".to_string());
        if body.required {
            lines.push("required".to_string());
        }
        if let Some(object) = object_of(api, &resolved(api, &body.ty)) {
            let mut stack = BTreeSet::new();
            object_lines(api, object, Place::Request, &mut stack, &mut lines);
        }
    }
    lines.push("Responses".to_string());
    for response in &op.responses {
        lines.push(format!("- {}", status_text(response.status)));
    }
    for response in &op.responses {
        let Some(body) = &response.body else {
            text_lines(&mut lines, response.description.as_deref());
            continue;
        };
        text_lines(&mut lines, response.description.as_deref());
        lines.push(format!("- {}", body.content_type));
        lines.push("- Schema".to_string());
        lines.push("- Example (from schema)".to_string());
        lines.push("Schema".to_string());
        let ty = resolved(api, &body.ty);
        let mut stack = BTreeSet::new();
        if let Some(object) = shown_object(api, &ty) {
            if matches!(ty, TypeRef::Array(_)) {
                lines.push("Array [".to_string());
                lines.push("]".to_string());
            }
            stack.extend(shown_object_name(api, &ty));
            object_lines(api, object, Place::Response, &mut stack, &mut lines);
        }
        let example = sample(api, &ty, Place::Response, &mut BTreeSet::new());
        if example.is_object() || example.is_array() {
            lines.extend(json_lines(&example));
        }
    }
    lines
}

fn status_text(status: Status) -> String {
    match status {
        Status::Code(code) => code.to_string(),
        Status::AnySuccess => "2XX".to_string(),
        Status::Class(class) => format!("{class}XX"),
        Status::Default => "default".to_string(),
    }
}

/// The lines of `object`'s fields; `stack` holds the objects being shown,
/// so a recursive one is shown once.
fn object_lines(
    api: &Api,
    object: &ObjectSchema,
    place: Place,
    stack: &mut BTreeSet<String>,
    lines: &mut Vec<String>,
) {
    let fields: Vec<&Field> = object.fields.iter().filter(|f| shown(f, place)).collect();
    for field in &fields {
        if matches!(resolved(api, &field.ty), TypeRef::Array(_)) && is_object_like(api, &field.ty) {
            lines.push("Array [".to_string());
            lines.push("]".to_string());
        }
    }
    for field in fields {
        if !is_object_like(api, &field.ty) {
            qualifier_lines(lines, api, &field.ty, &field.constraints);
            text_lines(lines, field.description.as_deref());
            lines.extend(default_line(field.default.as_ref()));
            continue;
        }
        let ty = resolved(api, &field.ty);
        lines.push(field.wire_name.clone());
        lines.push(
            if matches!(ty, TypeRef::Array(_)) {
                "object[]"
            } else {
                "object"
            }
            .to_string(),
        );
        if field.nullability == Nullability::Nullable {
            lines.push("nullable".to_string());
        }
        if field.presence == Presence::Required {
            lines.push("required".to_string());
        }
        if field.deprecated {
            lines.push("deprecated".to_string());
        }
        text_lines(lines, field.description.as_deref());
        lines.extend(default_line(field.default.as_ref()));
        let (Some(name), Some(inner)) = (shown_object_name(api, &ty), shown_object(api, &ty))
        else {
            continue;
        };
        if !stack.insert(name.clone()) {
            continue;
        }
        if !matches!(ty, TypeRef::Array(_)) {
            let description = api
                .schemas
                .get(&name)
                .and_then(|s| s.description.as_deref());
            text_lines(lines, description);
        }
        object_lines(api, inner, place, stack, lines);
        stack.remove(&name);
    }
}

/// The `Possible values:` message, a line ending after each code span
/// (`Possible values: [proxy`, `, ldap`, …, `]`).
fn qualifier_lines(lines: &mut Vec<String>, api: &Api, ty: &TypeRef, constraints: &Constraints) {
    if let Some(runs) = possible_values(api, ty, constraints) {
        for (position, run) in runs.iter().enumerate() {
            lines.push(if position == 0 {
                format!("Possible values: {run}")
            } else {
                run.trim().to_string()
            });
        }
    }
}

/// A text's non-blank lines, trimmed.
fn text_lines(lines: &mut Vec<String>, text: Option<&str>) {
    lines.extend(
        text.into_iter()
            .flat_map(str::lines)
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_string),
    );
}

/// The example the documentation site generates for `ty`.
pub fn sample(api: &Api, ty: &TypeRef, place: Place, stack: &mut BTreeSet<String>) -> Value {
    match resolved(api, ty) {
        TypeRef::Primitive(primitive) => match primitive {
            Primitive::Uuid => Value::from(UUID_SAMPLE),
            Primitive::DateTime => Value::from(DATE_TIME_SAMPLE),
            Primitive::Date => Value::from(DATE_SAMPLE),
            Primitive::Email => Value::from(EMAIL_SAMPLE),
            Primitive::String
            | Primitive::Uri
            | Primitive::Binary
            | Primitive::Base64
            | Primitive::Ipv4
            | Primitive::Ipv6
            | Primitive::Ip => Value::from("string"),
            Primitive::Boolean => Value::Bool(true),
            numeric => {
                debug_assert!(numeric.is_numeric());
                Value::from(0)
            }
        },
        TypeRef::Array(item) => Value::Array(vec![sample(api, &item, place, stack)]),
        TypeRef::Nullable(inner) => sample(api, &inner, place, stack),
        TypeRef::Tuple(items) => items
            .iter()
            .map(|item| sample(api, item, place, stack))
            .collect(),
        TypeRef::Map(_) => Value::Object(Map::new()),
        TypeRef::Any | TypeRef::Unstated => Value::Null,
        ty @ TypeRef::Named(_) => {
            if let Some(values) = enum_wires(api, &ty) {
                return values.first().map_or(Value::Null, |v| Value::from(*v));
            }
            let (Some(name), Some(object)) = (shown_object_name(api, &ty), shown_object(api, &ty))
            else {
                return Value::Null;
            };
            if !stack.insert(name.clone()) {
                return Value::Object(Map::new());
            }
            let mut map = Map::new();
            for field in object.fields.iter().filter(|f| shown(f, place)) {
                map.insert(
                    field.wire_name.clone(),
                    sample(api, &field.ty, place, stack),
                );
            }
            stack.remove(&name);
            Value::Object(map)
        }
    }
}

/// `value` pretty-printed, each line without its indentation.
fn json_lines(value: &Value) -> Vec<String> {
    serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| panic!("{e}"))
        .lines()
        .map(|line| line.trim().to_string())
        .collect()
}
