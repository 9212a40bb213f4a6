//! The indented copy style (`spec/002_…`): a model operation's request and
//! response sections as that page shows them. Test code: the generator never
//! renders pages.

use super::lookup::{object_of, page_path, parameter_sections};
use super::qualifier::{default_line, possible_values};
use apidocs2rs::model::{
    Api, Constraints, Nullability, ObjectSchema, Operation, Presence, Primitive, SchemaKind,
    Security, TypeRef,
};

/// The whole page: header, description, the sections, the security block.
pub fn page(api: &Api, op: &Operation) -> String {
    let mut lines = vec![
        "Skip to main content".to_string(),
        String::new(),
        op.id.clone(),
        String::new(),
        format!("{} ", op.method.as_str()),
        String::new(),
    ];
    let path = page_path(op);
    let base = api.base_path.as_deref().unwrap_or("");
    lines.push(format!("{base}/{path}"));
    lines.push(String::new());
    if let Some(description) = &op.description {
        for paragraph in description.split("\n\n") {
            lines.push(paragraph.trim().to_string());
            lines.push(String::new());
        }
    }
    lines.extend(request_and_response(api, op));
    lines.push(String::new());
    if let Security::Requirements(requirements) = &op.security {
        if let Some(scheme) = requirements.iter().flatten().next() {
            lines.push("Authorization: http".to_string());
            lines.push(String::new());
            lines.push(format!("name: {scheme}type: httpscheme: bearer"));
        }
    }
    lines.join("\n") + "\n"
}

/// The lines from `Request` to the end of the success response's schema.
pub fn request_and_response(api: &Api, op: &Operation) -> Vec<String> {
    let mut lines = vec!["Request".to_string(), String::new()];
    for (heading, parameters) in parameter_sections(op) {
        lines.push(heading.to_string());
        lines.push(String::new());
        for parameter in parameters {
            let flags = if parameter.required { "required" } else { "" };
            // A parameter line is `name label`: the base label, no type name.
            let label = base_label(api, &parameter.ty);
            lines.push(format!("    {} {label}{flags}", parameter.name));
            let found = qualifier_lines(
                api,
                &parameter.ty,
                &parameter.constraints,
                parameter.default.as_ref(),
            );
            paragraphs(&mut lines, parameter.description.as_deref(), &found);
            ensure_blank(&mut lines);
        }
    }
    if let Some(body) = &op.body {
        lines.push("Body".to_string());
        if body.required {
            lines.push("required".to_string());
        }
        lines.push(String::new());
        if let Some(object) = object_of(api, &body.ty) {
            fields(api, object, &mut lines);
        }
        ensure_blank(&mut lines);
    }
    lines.push("Responses".to_string());
    lines.push(String::new());
    let success = op
        .responses
        .iter()
        .find(|r| r.status.is_success())
        .and_then(|r| r.body.as_ref());
    if let Some(body) = success {
        lines.push("Schema".to_string());
        match &body.ty {
            TypeRef::Array(item) => {
                if let Some(object) = object_of(api, item) {
                    lines.push("  • Array [".to_string());
                    fields(api, object, &mut lines);
                    while lines.last().is_some_and(String::is_empty) {
                        lines.pop();
                    }
                    lines.push("  • ]".to_string());
                }
            }
            ty => {
                if let Some(object) = object_of(api, ty) {
                    fields(api, object, &mut lines);
                }
            }
        }
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// The field lines of `object`, with their descriptions and qualifiers;
/// arrays of objects open `Array [` … `]` with the item's fields.
fn fields(api: &Api, object: &ObjectSchema, lines: &mut Vec<String>) {
    for field in &object.fields {
        // The field line after `Array [` or `]` carries their bullet too.
        let after_bullet = lines
            .last()
            .is_some_and(|line| line == "  • Array [" || line == "  • ]");
        let indent = if after_bullet { "  • " } else { "    " };
        let mut flags = String::new();
        if field.nullability == Nullability::Nullable {
            flags.push_str("nullable");
        }
        if field.presence == Presence::Required {
            flags.push_str("required");
        }
        if field.deprecated {
            flags.push_str("deprecated");
        }
        // The page shows no title for an array (the title is the array's,
        // the label the items').
        let title = match field.ty {
            TypeRef::Array(_) => None,
            _ => field.title.as_deref(),
        };
        let label = type_label(api, &field.ty, title);
        let item = match &field.ty {
            TypeRef::Array(item) => object_of(api, item),
            _ => None,
        };
        // An array of objects is `name object[]`, with a space.
        let separator = if item.is_some() { " " } else { "" };
        lines.push(format!(
            "{indent}{}{separator}{label}{flags}",
            field.wire_name
        ));
        let found = qualifier_lines(api, &field.ty, &field.constraints, field.default.as_ref());
        paragraphs(lines, field.description.as_deref(), &found);
        if let Some(item) = item {
            lines.push("  • Array [".to_string());
            fields(api, item, lines);
            while lines.last().is_some_and(String::is_empty) {
                lines.pop();
            }
            lines.push("  • ]".to_string());
        }
    }
}

/// The `Possible values:` line, if the site shows one (the message on one
/// line), and the `Default value:` line, if there is a default.
fn qualifier_lines(
    api: &Api,
    ty: &TypeRef,
    constraints: &Constraints,
    default: Option<&serde_json::Value>,
) -> Vec<String> {
    possible_values(api, ty, constraints)
        .map(|runs| format!("Possible values: {}", runs.concat()))
        .into_iter()
        .chain(default_line(default))
        .collect()
}

/// The description's paragraphs and the qualifiers, each after a blank line,
/// and a blank line after them.
fn paragraphs(lines: &mut Vec<String>, description: Option<&str>, qualifiers: &[String]) {
    let texts: Vec<&str> = description
        .into_iter()
        .flat_map(|d| d.split("\n\n"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .chain(qualifiers.iter().map(String::as_str))
        .collect();
    for text in &texts {
        lines.push(String::new());
        lines.extend(text.lines().map(|line| format!("    {}", line.trim())));
    }
    if !texts.is_empty() {
        lines.push(String::new());
    }
}

fn ensure_blank(lines: &mut Vec<String>) {
    if !lines.last().is_some_and(String::is_empty) {
        lines.push(String::new());
    }
}

/// `uuid`, `uuid[]`, `ProxyMode (string)`, `ID (integer)`.
fn type_label(api: &Api, ty: &TypeRef, title: Option<&str>) -> String {
    let base = base_label(api, ty);
    if let Some(title) = title {
        return format!("{title} ({base})");
    }
    match ty {
        TypeRef::Named(name) => match api.schemas.get(name).map(|s| &s.kind) {
            Some(SchemaKind::Enum(_)) => format!("{name} ({base})"),
            _ => base,
        },
        _ => base,
    }
}

fn base_label(api: &Api, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Primitive(primitive) => primitive_label(*primitive).to_string(),
        TypeRef::Array(item) => format!("{}[]", base_label(api, item)),
        TypeRef::Named(name) => match api.schemas.get(name).map(|s| &s.kind) {
            Some(SchemaKind::Enum(_)) => "string".to_string(),
            Some(SchemaKind::Alias(target)) => base_label(api, target),
            _ => "object".to_string(),
        },
        TypeRef::Map(_) => "object".to_string(),
        TypeRef::Tuple(_) => "array".to_string(),
        TypeRef::Nullable(inner) => base_label(api, inner),
        TypeRef::Any | TypeRef::Unstated => "any".to_string(),
    }
}

fn primitive_label(primitive: Primitive) -> &'static str {
    match primitive {
        Primitive::String => "string",
        Primitive::Uuid => "uuid",
        Primitive::Uri => "uri",
        Primitive::Email => "email",
        Primitive::DateTime => "date-time",
        Primitive::Date => "date",
        Primitive::Binary => "binary",
        Primitive::Base64 => "byte",
        // No authentik document has an address format: shown as text.
        Primitive::Ipv4 | Primitive::Ipv6 | Primitive::Ip => "string",
        Primitive::Boolean => "boolean",
        // The site shows the other integer formats as plain integers.
        Primitive::Integer
        | Primitive::Int8
        | Primitive::Int16
        | Primitive::UInt8
        | Primitive::UInt16
        | Primitive::UInt32
        | Primitive::UInt64 => "integer",
        Primitive::Int32 => "int32",
        Primitive::Int64 => "int64",
        Primitive::Number => "number",
        Primitive::Float => "float",
        Primitive::Double => "double",
    }
}
