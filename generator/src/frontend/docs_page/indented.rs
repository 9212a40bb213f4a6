//! The indented copy style: field lines with glued names, types and flags,
//! descriptions and qualifiers under them, and `Array [` … `]` around the
//! properties of array items.

use heck::ToUpperCamelCase;
use serde_json::{Map, Value};

use super::label::{self, FieldLine, Label};
use super::page::{join_paragraphs, parameter_type, OperationContext, Page};
use super::qualifier::{self, Qualifier};
use crate::diagnostic::{Error, Warning};
use crate::frontend::schemas::{enum_schema, SchemaRegistry};
use crate::ident::FieldNames;
use crate::model::{
    EnumWire, Field, Nullability, ObjectSchema, Parameter, ParameterLocation, Presence, Primitive,
    Response, ResponseBody, Schema, SchemaKind, Status, TypeRef,
};

/// A field line and everything the page puts under it.
struct RawField {
    index: usize,
    line: FieldLine,
    description: Vec<String>,
    qualifier: Qualifier,
    /// The value of its `Default value:` line.
    default: Option<Value>,
    /// The properties of an `object[]` field's items, between `Array [` and `]`.
    children: Option<Vec<RawField>>,
}

const DEFAULT_PREFIX: &str = "Default value:";

/// The value of a `Default value: <text>` line at `index` for the last
/// parameter or field read (`owner`: its label and name), typed by its label;
/// a line before any, or a value that does not fit, is reported.
fn read_default(
    page: &Page<'_>,
    warnings: &mut Vec<Warning>,
    index: usize,
    text: &str,
    kind: &str,
    owner: Option<(&Label, &str)>,
) -> Option<Value> {
    let Some((label, name)) = owner else {
        page.warn(
            warnings,
            index,
            format!("a `Default value:` line stands before any {kind} and is not used"),
        );
        return None;
    };
    match label.default_value(text) {
        Ok(value) => Some(value),
        Err(expected) => {
            page.warn(
                warnings,
                index,
                format!(
                    "the default `{text}` of {kind} `{name}` is not {expected}; it is not kept"
                ),
            );
            None
        }
    }
}

/// Reports an `Example:` or `Constant value:` line of a parameter or field,
/// which the model has no place for; true when `text` is such a line.
fn reports_unmodelled_line(
    page: &Page<'_>,
    warnings: &mut Vec<Warning>,
    index: usize,
    text: &str,
    owner: &str,
) -> bool {
    let unmodelled = ["Example:", "Constant value:"]
        .iter()
        .any(|prefix| text.starts_with(prefix));
    if unmodelled {
        page.warn(
            warnings,
            index,
            format!(
                "`{text}`: a {owner}'s example or constant value is not modelled and is not used"
            ),
        );
    }
    unmodelled
}

/// Strips the indentation or copied bullet; `None` for a line that has neither.
fn content(text: &str) -> Option<&str> {
    text.strip_prefix("  • ")
        .or_else(|| text.strip_prefix("    "))
        .map(str::trim)
}

/// Reads `Path Parameters`-style entries: `id integerrequired` and its description.
pub(super) fn parameters(
    page: &Page<'_>,
    (from, to): (usize, usize),
    location: ParameterLocation,
    type_prefix: &str,
    registry: &mut SchemaRegistry,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Parameter>, Error> {
    // Each parameter with its label and its description's lines.
    let mut parameters: Vec<(Parameter, Label, Vec<String>)> = Vec::new();
    for index in from..to {
        let raw = &page.lines[index].text;
        if raw.trim().is_empty() {
            if let Some((_, _, description)) = parameters.last_mut() {
                description.push(String::new());
            }
            continue;
        }
        let text = content(raw).ok_or_else(|| {
            page.error(
                index,
                format!("expected a parameter line indented by four spaces, found `{raw}`"),
            )
        })?;
        if let Some(rest) = text.strip_prefix(qualifier::PREFIX) {
            let Some((parameter, _, _)) = parameters.last_mut() else {
                page.warn(
                    warnings,
                    index,
                    "a `Possible values:` line stands before any parameter and is not used",
                );
                continue;
            };
            match qualifier::parse(rest) {
                Ok(found) => {
                    let (constraints, lost) = found.on(&parameter.ty);
                    parameter.constraints = constraints;
                    if let Some(reason) = lost {
                        page.warn(
                            warnings,
                            index,
                            format!("parameter `{}`: limits not kept: {reason}", parameter.name),
                        );
                    }
                    if let Some(values) = found.enum_values {
                        // A text parameter (or a list of them) that takes one of the values.
                        let element = parameter.ty.innermost_mut();
                        if *element == TypeRef::Primitive(Primitive::String) {
                            let name =
                                format!("{type_prefix}{}", parameter.name.to_upper_camel_case());
                            let location = page.at(index);
                            let registered = registry.register(
                                enum_schema(name, None, &values, EnumWire::Strings),
                                &location,
                                warnings,
                            );
                            *element = TypeRef::Named(registered);
                        } else {
                            page.warn(warnings, index, format!("parameter `{}` takes one of [{}]; only text enums are modelled, so any value is accepted", parameter.name, values.join(", ")));
                        }
                    }
                }
                Err(message) => page.warn(
                    warnings,
                    index,
                    format!("unrecognized qualifier: {message}"),
                ),
            }
            continue;
        }
        if let Some(value) = text.strip_prefix(DEFAULT_PREFIX) {
            let owner = parameters
                .last()
                .map(|(parameter, label, _)| (label, parameter.name.as_str()));
            let default = read_default(page, warnings, index, value.trim(), "parameter", owner);
            if let (Some(default), Some((parameter, _, _))) = (default, parameters.last_mut()) {
                parameter.default = Some(default);
            }
            continue;
        }
        if reports_unmodelled_line(page, warnings, index, text, "parameter") {
            continue;
        }
        let is_entry = text.contains(' ') && label::looks_like_field_line(text);
        if is_entry || parameters.is_empty() {
            let line = label::split_field_line(text, &[])
                .map_err(|error| page.error(index, error.to_string()))?;
            if line.title.is_some() {
                page.warn(
                    warnings,
                    index,
                    format!(
                        "the title `{}` of parameter `{}` is not kept",
                        line.title.as_deref().unwrap_or_default(),
                        line.name
                    ),
                );
            }
            let parameter = Parameter {
                location,
                name: line.name,
                ty: parameter_type(&line.label),
                required: line.required || location == ParameterLocation::Path,
                description: None,
                constraints: Default::default(),
                default: None,
                // The pages do not show the style; form with explode is the OpenAPI default.
                explode: location == ParameterLocation::Query,
                style: Default::default(),
            };
            parameters.push((parameter, line.label, Vec::new()));
        } else if let Some((_, _, description)) = parameters.last_mut() {
            description.push(text.to_string());
        }
    }
    Ok(parameters
        .into_iter()
        .map(|(mut parameter, _, description)| {
            parameter.description = join_paragraphs(description.iter().map(String::as_str));
            parameter
        })
        .collect())
}

/// Reads the schema lines `from..to` as the properties of one object named
/// `name`, registers it and its nested types, and returns its type.
pub(super) fn object(
    page: &Page<'_>,
    from: usize,
    to: usize,
    name: &str,
    example: Option<&Value>,
    registry: &mut SchemaRegistry,
    warnings: &mut Vec<Warning>,
) -> Result<TypeRef, Error> {
    let fields = read_fields(page, from, to, example, warnings)?;
    if fields.is_empty() {
        // A section without field lines states no schema (a union, a file, a
        // free-form value are shown that way), not an object without fields.
        page.warn(
            warnings,
            from.saturating_sub(1),
            format!("`{name}`: the page shows no fields; its type is left open (any JSON value)"),
        );
        return Ok(TypeRef::Unstated);
    }
    let object_example = example.and_then(Value::as_object);
    let registered = build_object(page, from, name, fields, object_example, registry, warnings)?;
    Ok(TypeRef::Named(registered))
}

/// Reads a response section: `Schema` and its fields. The indented copy shows
/// one response without its status.
pub(super) fn responses(
    page: &Page<'_>,
    from: usize,
    to: usize,
    statuses: &[Status],
    context: &OperationContext<'_>,
    registry: &mut SchemaRegistry,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Response>, Error> {
    if statuses.len() > 1 {
        return Err(page.error(from, "several response statuses in the indented copy style are not supported yet; expected one `Schema`"));
    }
    let status = match statuses.first() {
        Some(status) => *status,
        None => {
            page.warn(warnings, from.saturating_sub(1), format!("the page shows one response schema without its status code; `{}` decodes it from any successful status", context.id));
            Status::AnySuccess
        }
    };
    let Some(schema) = page.find_line(from, to, |t| t == "Schema") else {
        return Ok(vec![Response {
            status,
            description: None,
            body: None,
        }]);
    };
    page.warn(
        warnings,
        schema,
        "the page does not show the response's media type; `application/json` is assumed",
    );
    let name = if status.is_success() {
        format!("{}Response", context.type_prefix)
    } else {
        format!("{}Error", context.type_prefix)
    };
    // A list answers `Array [`, the item's fields, `]`.
    let first = page.next_content(schema + 1).filter(|&i| i < to);
    let last = (schema + 1..to).rev().find(|&i| !page.text(i).is_empty());
    let ty = match (first, last) {
        (Some(first), Some(last))
            if first < last && page.text(first) == "• Array [" && page.text(last) == "• ]" =>
        {
            let item = object(
                page,
                first + 1,
                last,
                &format!("{name}Item"),
                None,
                registry,
                warnings,
            )?;
            TypeRef::Array(Box::new(item))
        }
        _ => object(page, schema + 1, to, &name, None, registry, warnings)?,
    };
    Ok(vec![Response {
        status,
        description: None,
        body: Some(ResponseBody {
            content_type: "application/json".into(),
            ty,
        }),
    }])
}

/// Groups the lines into fields, following `Array [` / `]` for nesting.
fn read_fields(
    page: &Page<'_>,
    from: usize,
    to: usize,
    example: Option<&Value>,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<RawField>, Error> {
    // One scope per open `Array [`, each with the example object of its items.
    let mut scopes: Vec<(Vec<RawField>, Option<&Value>, usize)> = vec![(Vec::new(), example, from)];
    for index in from..to {
        let raw = &page.lines[index].text;
        let Some((fields, scope_example, _)) = scopes.last_mut() else {
            return Err(page.error(index, "internal: no open scope"));
        };
        if raw.trim().is_empty() {
            if let Some(field) = fields.last_mut() {
                field.description.push(String::new());
            }
            continue;
        }
        let text = content(raw).ok_or_else(|| page.error(index, format!("expected a schema line indented by four spaces or starting with `  • `, found `{raw}`")))?;
        if text == "Array [" {
            let owner = fields
                .last()
                .filter(|f| f.line.label.is_object() && f.line.label.array_depth > 0);
            let Some(owner) = owner else {
                return Err(page.error(index, "`Array [` must follow a field of type `object[]`"));
            };
            let item_example = scope_example
                .and_then(|e| e.get(&owner.line.name))
                .and_then(|items| items.get(0));
            scopes.push((Vec::new(), item_example, index));
            continue;
        }
        if text == "]" {
            if scopes.len() < 2 {
                return Err(page.error(index, "`]` without an open `Array [`"));
            }
            let (children, _, _) = scopes.pop().unwrap_or_default();
            if let Some(owner) = scopes
                .last_mut()
                .and_then(|(fields, _, _)| fields.last_mut())
            {
                owner.children = Some(children);
            }
            continue;
        }
        if let Some(rest) = text.strip_prefix(qualifier::PREFIX) {
            let Some(field) = fields.last_mut() else {
                page.warn(
                    warnings,
                    index,
                    "a `Possible values:` line stands before any field and is not used",
                );
                continue;
            };
            match qualifier::parse(rest) {
                Ok(found) => field.qualifier = found,
                Err(message) => page.warn(
                    warnings,
                    index,
                    format!("unrecognized qualifier: {message}"),
                ),
            }
            continue;
        }
        if let Some(value) = text.strip_prefix(DEFAULT_PREFIX) {
            let owner = fields
                .last()
                .map(|field| (&field.line.label, field.line.name.as_str()));
            let default = read_default(page, warnings, index, value.trim(), "field", owner);
            if let (Some(default), Some(field)) = (default, fields.last_mut()) {
                field.default = Some(default);
            }
            continue;
        }
        if reports_unmodelled_line(page, warnings, index, text, "field") {
            continue;
        }
        if label::looks_like_field_line(text) {
            let keys: Vec<String> = scope_example
                .and_then(Value::as_object)
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default();
            let line = label::split_field_line(text, &keys)
                .map_err(|error| page.error(index, error.to_string()))?;
            fields.push(RawField {
                index,
                line,
                description: Vec::new(),
                qualifier: Qualifier::default(),
                default: None,
                children: None,
            });
            continue;
        }
        match fields.last_mut() {
            Some(field) => field.description.push(text.to_string()),
            None => page.warn(
                warnings,
                index,
                format!("`{text}` stands before any field and is not used"),
            ),
        }
    }
    if scopes.len() > 1 {
        let opened = scopes.last().map_or(from, |(_, _, at)| *at);
        return Err(page.error(
            opened,
            "`Array [` is not closed by `]` before the section ends",
        ));
    }
    Ok(scopes
        .pop()
        .map(|(fields, _, _)| fields)
        .unwrap_or_default())
}

/// Turns raw fields into an object schema named `name`, registering nested
/// objects and enums first; returns the registered name.
fn build_object(
    page: &Page<'_>,
    index: usize,
    name: &str,
    fields: Vec<RawField>,
    example: Option<&Map<String, Value>>,
    registry: &mut SchemaRegistry,
    warnings: &mut Vec<Warning>,
) -> Result<String, Error> {
    let mut names = FieldNames::default();
    let mut model_fields = Vec::new();
    if let Some(example) = example {
        for key in example
            .keys()
            .filter(|key| !fields.iter().any(|f| &f.line.name == *key))
        {
            page.warn(warnings, index, format!("the page's example for `{name}` has `{key}`, which no field line describes; it is not modelled"));
        }
    }
    for field in fields {
        let line = &field.line;
        if let Some(example) = example.filter(|e| !e.contains_key(&line.name)) {
            let _ = example;
            page.warn(
                warnings,
                field.index,
                format!("field `{}` is not in the page's JSON example", line.name),
            );
        }
        let type_name = format!("{name}{}", line.name.to_upper_camel_case());
        let mut title = line.title.clone();
        let ty = if line.label.is_object() {
            match field.children {
                Some(children) => {
                    let item_name = if line.label.array_depth > 0 {
                        format!("{type_name}Item")
                    } else {
                        type_name
                    };
                    let item_example = example
                        .and_then(|e| e.get(&line.name))
                        .and_then(|items| items.get(0))
                        .and_then(Value::as_object);
                    let child = build_object(
                        page,
                        field.index,
                        &item_name,
                        children,
                        item_example,
                        registry,
                        warnings,
                    )?;
                    line.label.wrap(TypeRef::Named(child))
                }
                None => line.label.wrap(TypeRef::Map(Box::new(TypeRef::Unstated))),
            }
        } else if let Some(values) = &field.qualifier.enum_values {
            if line.label.base == "string" {
                let enum_name = match title.take() {
                    Some(t) if is_type_name(&t) => t,
                    other => {
                        title = other;
                        type_name
                    }
                };
                let location = page.at(field.index);
                let registered = registry.register(
                    enum_schema(enum_name, None, values, EnumWire::Strings),
                    &location,
                    warnings,
                );
                line.label.wrap(TypeRef::Named(registered))
            } else {
                page.warn(warnings, field.index, format!("field `{}` of type `{}` takes one of [{}]; only string enums are modelled, so any value is accepted", line.name, line.label.base, values.join(", ")));
                line.label.wrap(line.label.base_type())
            }
        } else {
            line.label.wrap(line.label.base_type())
        };
        let (constraints, lost) = field.qualifier.on(&ty);
        if let Some(reason) = lost {
            page.warn(
                warnings,
                field.index,
                format!("field `{}`: limits not kept: {reason}", line.name),
            );
        }
        model_fields.push(Field {
            wire_name: line.name.clone(),
            rust_name: names.claim(&line.name),
            ty,
            presence: if line.required {
                Presence::Required
            } else {
                Presence::Optional
            },
            nullability: if line.nullable {
                Nullability::Nullable
            } else {
                Nullability::NonNull
            },
            read_only: false,
            write_only: false,
            default: field.default,
            deprecated: line.deprecated,
            title,
            description: join_paragraphs(field.description.iter().map(String::as_str)),
            constraints,
        });
    }
    let schema = Schema {
        name: name.to_string(),
        description: None,
        kind: SchemaKind::Object(ObjectSchema {
            fields: model_fields,
            additional: None,
            required_alternatives: Vec::new(),
        }),
    };
    Ok(registry.register(schema, &page.at(index), warnings))
}

/// A title that names a type (`ProxyMode`, `MatchingModeEnum`) rather than
/// describing a field (`Set HTTP-Basic Authentication`, `ID`).
fn is_type_name(title: &str) -> bool {
    title.starts_with(|c: char| c.is_ascii_uppercase())
        && title.chars().all(|c| c.is_ascii_alphanumeric())
        && title.chars().any(|c| c.is_ascii_lowercase())
}
