//! The flat copy style, which lost the names and types of simple fields.
//!
//! What is recovered, and how:
//! - **Names and types** come from the JSON example that closes a response
//!   block; its keys, in order, are the fields (nested objects and the items
//!   of object arrays included), and each sample value stands for a type
//!   ([`super::example`]; a sample `0` says only "a number").
//! - **Object fields** keep their name, `object`/`object[]` label and flags on
//!   the page (`providers_obj` / `object[]` / `required`). These *anchors* are
//!   matched to the example's keys in order; their flags are facts.
//! - **Enum values** (`Possible values: [proxy`, `, ldap`, …`]`) belong to the
//!   first field after the previous values' field and the anchor before them,
//!   and before the next anchor, whose sample value is one of them (page
//!   order is the example's order); when that field's sample could as well
//!   be another type's and another field qualifies, they are reported.
//! - Everything else (descriptions, other qualifiers, `Array [`/`]`) cannot be
//!   tied to a field, because the lines that named the fields are gone: each
//!   such line is reported as a warning, never attached by guess.
//! - Fields known only from an example have no stated required-ness or
//!   nullability (`Presence::Unstated`, `Nullability::Unstated`).
//! - An object with no example (a request body) shows no nesting: only its
//!   first anchor is surely its own field (a later one may belong to an
//!   object field before it). It gets that field and admits further entries,
//!   so a caller can still send the fields the page lost; with no anchor the
//!   body is any JSON value.
//! - A response without content shows its one-line description in place of
//!   a block; a block without an example (a body that is not JSON structure)
//!   is any JSON value.

use heck::ToUpperCamelCase;
use serde_json::Value;

use super::example::{is_plain_sample, read_json, sample_type};
use super::label::Label;
use super::page::{
    is_media_type, join_paragraphs, status_suffix, unstated_object, OperationContext, Page,
};
use super::qualifier;
use crate::diagnostic::{Error, Location, Warning};
use crate::frontend::schemas::{enum_schema, SchemaRegistry};
use crate::ident::FieldNames;
use crate::model::{
    EnumWire, Field, Nullability, ObjectSchema, Parameter, ParameterLocation, PathTemplate,
    Presence, Response, ResponseBody, Schema, SchemaKind, Status, TypeRef,
};

/// One meaningful line (or run of lines) of a flat schema section.
enum Item {
    /// An object field's name, label and flags.
    Anchor {
        index: usize,
        name: String,
        label: Label,
        required: bool,
        nullable: bool,
    },
    /// An enum's values.
    Values { index: usize, values: Vec<String> },
    /// Anything that cannot be tied to a field.
    Loose { index: usize, text: String },
}

/// Flat parameter sections keep only descriptions; a path parameter's name
/// comes from the path when the path has exactly one.
pub(super) fn parameters(
    page: &Page<'_>,
    from: usize,
    to: usize,
    location: ParameterLocation,
    path: &PathTemplate,
    warnings: &mut Vec<Warning>,
) -> Vec<Parameter> {
    let texts: Vec<usize> = (from..to).filter(|&i| !page.text(i).is_empty()).collect();
    let names: Vec<&str> = path.parameter_names().collect();
    if location == ParameterLocation::Path && names.len() == 1 {
        let name = names[0];
        if let Some(&first) = texts.first() {
            page.warn(warnings, first, format!("path parameter `{name}`: the page names it only in the path and gives no type; it is sent as text"));
        }
        return vec![Parameter {
            location,
            name: name.to_string(),
            ty: TypeRef::Unstated,
            required: true,
            description: join_paragraphs(texts.iter().map(|&i| page.text(i))),
            constraints: Default::default(),
            default: None,
            explode: false,
            style: Default::default(),
        }];
    }
    for index in texts {
        page.warn(
            warnings,
            index,
            format!(
                "`{}` describes a parameter whose name the page lost; it is not modelled",
                page.text(index)
            ),
        );
    }
    Vec::new()
}

/// Reads the schema lines `from..to` (and the example, when there is one)
/// as the object `name`; registers it and returns its type.
pub(super) fn object(
    page: &Page<'_>,
    from: usize,
    to: usize,
    name: &str,
    example: Option<(usize, &Value)>,
    registry: &mut SchemaRegistry,
    warnings: &mut Vec<Warning>,
) -> Result<TypeRef, Error> {
    let items = read_items(page, from, to, warnings);
    let Some((example_index, example)) = example else {
        return Ok(object_from_anchors(
            page, from, name, &items, registry, warnings,
        ));
    };
    let mut tree = ExampleTree::default();
    tree.add_children(None, example);
    let anchor_nodes = tree.match_anchors(page, &items, warnings);
    tree.match_values(page, &items, &anchor_nodes, warnings);
    for item in &items {
        if let Item::Loose { index, text } = item {
            page.warn(warnings, *index, format!("`{text}` cannot be tied to a field: this copy of the page lost the names of simple fields"));
        }
    }
    let roots = tree.children_of(None);
    let built = tree.build(page, example_index, name, &roots, registry, warnings);
    Ok(TypeRef::Named(built))
}

/// Reads a response section: the status list came first, then, per status
/// in order, either a block (`- application/json`, `- Schema`, …, schema
/// lines, example) or, for a response without content, its one-line
/// description.
pub(super) fn responses(
    page: &Page<'_>,
    from: usize,
    to: usize,
    statuses: &[Status],
    context: &OperationContext<'_>,
    registry: &mut SchemaRegistry,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Response>, Error> {
    let starts: Vec<usize> = (from..to)
        .filter(|&i| page.text(i).strip_prefix("- ").is_some_and(is_media_type))
        .collect();
    if starts.len() > statuses.len() {
        return Err(page.error(from, format!(
            "the page lists {} response status(es) but shows {} response block(s); expected at most one `- <media type>` block per status",
            statuses.len(),
            starts.len()
        )));
    }
    let mut responses = Vec::new();
    let mut cursor = from;
    for (position, &status) in statuses.iter().enumerate() {
        let Some(mut next) = page.next_content(cursor).filter(|&i| i < to) else {
            responses.push(Response {
                status,
                description: None,
                body: None,
            });
            continue;
        };
        let blocks_left: Vec<usize> = starts.iter().copied().filter(|&i| i >= next).collect();
        if !starts.contains(&next) && blocks_left.len() >= statuses.len() - position {
            // Every status left has a block, so this is no description: the
            // lines up to the next block belong to no response.
            let block = blocks_left.first().copied().unwrap_or(to);
            for index in (next..block).filter(|&i| !page.text(i).is_empty()) {
                page.warn(
                    warnings,
                    index,
                    format!(
                        "`{}` stands between response blocks and is not used",
                        page.text(index)
                    ),
                );
            }
            next = block;
        }
        if !starts.contains(&next) {
            responses.push(Response {
                status,
                description: Some(page.text(next).to_string()),
                body: None,
            });
            cursor = next + 1;
            continue;
        }
        let end = starts.iter().copied().find(|&i| i > next).unwrap_or(to);
        let (body, after) = block(page, next, end, status, context, registry, warnings)?;
        responses.push(Response {
            status,
            description: None,
            body: Some(body),
        });
        cursor = after;
    }
    if let Some(extra) = page.next_content(cursor).filter(|&i| i < to) {
        page.warn(
            warnings,
            extra,
            format!(
                "`{}` follows the last response and is not used",
                page.text(extra)
            ),
        );
    }
    Ok(responses)
}

/// One response block, `start..end`: its body, and the index after the
/// block's example (or `end`).
fn block(
    page: &Page<'_>,
    start: usize,
    end: usize,
    status: Status,
    context: &OperationContext<'_>,
    registry: &mut SchemaRegistry,
    warnings: &mut Vec<Warning>,
) -> Result<(ResponseBody, usize), Error> {
    let content_type = page.text(start).trim_start_matches("- ").to_string();
    let mut schema_from = start + 1;
    while schema_from < end
        && matches!(
            page.text(schema_from),
            "- Schema" | "- Example (from schema)" | "Schema" | ""
        )
    {
        schema_from += 1;
    }
    let json_start = (schema_from..end)
        .find(|&i| matches!(page.lines[i].text.as_str(), "{" | "[" | "{}" | "[]"));
    let name = format!("{}{}", context.type_prefix, status_suffix(status));
    let Some(json_start) = json_start else {
        for item in read_items(page, schema_from, end, warnings) {
            let (Item::Anchor { index, .. }
            | Item::Values { index, .. }
            | Item::Loose { index, .. }) = item;
            page.warn(warnings, index, "this response block has no example, so its lines cannot be tied to fields; the body is decoded as any JSON value");
        }
        let ty = TypeRef::Unstated;
        return Ok((ResponseBody { content_type, ty }, end));
    };
    let (value, after) = read_json(page.lines, json_start)
        .map_err(|(line, message)| Error::input(Location::line(page.file, line), message))?;
    let ty = match &value {
        Value::Array(items) if !items.first().is_some_and(Value::is_object) => {
            for item in read_items(page, schema_from, json_start, warnings) {
                let (Item::Anchor { index, .. }
                | Item::Values { index, .. }
                | Item::Loose { index, .. }) = item;
                page.warn(warnings, index, "the example is an array of simple values, so this line cannot be tied to a field");
            }
            sample_array(&value)
        }
        Value::Array(_) => TypeRef::Array(Box::new(object(
            page,
            schema_from,
            json_start,
            &format!("{name}Item"),
            Some((json_start, &value)),
            registry,
            warnings,
        )?)),
        Value::Object(map) if map.is_empty() => unstated_object(),
        Value::Object(_) => object(
            page,
            schema_from,
            json_start,
            &name,
            Some((json_start, &value)),
            registry,
            warnings,
        )?,
        _ => TypeRef::Unstated,
    };
    Ok((ResponseBody { content_type, ty }, after))
}

/// The type of a sample that is not an object: a primitive, or an array of them.
fn sample_array(value: &Value) -> TypeRef {
    match value {
        Value::Array(items) => TypeRef::Array(Box::new(
            items.first().map_or(TypeRef::Unstated, sample_array),
        )),
        Value::Object(_) => unstated_object(),
        value => sample_type(value).unwrap_or(TypeRef::Unstated),
    }
}

fn read_items(page: &Page<'_>, from: usize, to: usize, warnings: &mut Vec<Warning>) -> Vec<Item> {
    let mut items = Vec::new();
    let mut index = from;
    while index < to {
        let text = page.text(index).to_string();
        if text.is_empty() {
            index += 1;
            continue;
        }
        if let Some(rest) = text.strip_prefix(qualifier::PREFIX) {
            // The line breaks after each value or limit: `[proxy`, `, ldap`,
            // …, `]`; `non-empty`, `and <= 150 characters`, `, Value must …`.
            let mut joined = rest.to_string();
            let mut last = index;
            while last + 1 < to {
                let next = page.text(last + 1);
                let in_list = joined.contains('[') && !joined.contains(']');
                if next.starts_with("and ") {
                    joined.push(' ');
                } else if !(in_list || next.starts_with(',') || next.starts_with(']')) {
                    break;
                }
                joined.push_str(next);
                last += 1;
            }
            let text = format!("{}{joined}", qualifier::PREFIX);
            match qualifier::parse(&joined) {
                Ok(found) => {
                    // Limits cannot be tied to a field; values can.
                    if found.enum_values.is_none() || !found.constraints.is_empty() {
                        items.push(Item::Loose {
                            index,
                            text: text.clone(),
                        });
                    }
                    if let Some(values) = found.enum_values {
                        items.push(Item::Values { index, values });
                    }
                }
                Err(message) => page.warn(
                    warnings,
                    index,
                    format!("unrecognized qualifier: {message}"),
                ),
            }
            index = last + 1;
            continue;
        }
        let label = page
            .next_content(index + 1)
            .filter(|&i| i < to)
            .and_then(|i| Label::parse(page.text(i)).map(|l| (i, l)));
        match label {
            Some((label_index, label)) if is_field_name(&text) => {
                let mut flags = label_index + 1;
                let (mut required, mut nullable) = (false, false);
                while let Some(next) = page.next_content(flags).filter(|&i| i < to) {
                    match page.text(next) {
                        "required" => required = true,
                        "nullable" => nullable = true,
                        "deprecated" => {}
                        _ => break,
                    }
                    flags = next + 1;
                }
                items.push(Item::Anchor {
                    index,
                    name: text,
                    label,
                    required,
                    nullable,
                });
                index = flags;
            }
            _ => {
                items.push(Item::Loose { index, text });
                index += 1;
            }
        }
    }
    items
}

fn is_field_name(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// An object with no example (a request body). Only its first object field
/// is surely its own: a later one may as well belong to an object field
/// before it, whose fields follow it with nothing to end them. So the object
/// has that one field and admits the entries the page lost; with no object
/// field at all, the page tells nothing of the body's shape (`Unstated`).
fn object_from_anchors(
    page: &Page<'_>,
    index: usize,
    name: &str,
    items: &[Item],
    registry: &mut SchemaRegistry,
    warnings: &mut Vec<Warning>,
) -> TypeRef {
    let mut names = FieldNames::default();
    let mut fields: Vec<Field> = Vec::new();
    for item in items {
        match item {
            Item::Anchor { index: _, name: wire, label, required, nullable } if fields.is_empty() => fields.push(Field {
                wire_name: wire.clone(),
                rust_name: names.claim(wire),
                ty: label.wrap(unstated_object()),
                presence: if *required { Presence::Required } else { Presence::Optional },
                nullability: if *nullable { Nullability::Nullable } else { Nullability::NonNull },
                read_only: false,
                write_only: false,
                default: None,
                deprecated: false,
                title: None,
                description: None,
                constraints: Default::default(),
            }),
            Item::Anchor { index, name: wire, .. } => page.warn(warnings, *index, format!(
                "object field `{wire}` may belong to `{}` or to an object field after it (the page shows no nesting here and has no example); it is not modelled",
                fields.first().map_or("", |f| f.wire_name.as_str())
            )),
            Item::Values { index, values } => page.warn(warnings, *index, format!("values [{}] cannot be tied to a field: the page names no field here and has no example", values.join(", "))),
            Item::Loose { index, text } => page.warn(warnings, *index, format!("`{text}` cannot be tied to a field: this copy of the page lost the names of simple fields")),
        }
    }
    if fields.is_empty() {
        page.warn(warnings, index, format!("`{name}`: the page names none of its fields and shows no example; it is sent as any JSON value"));
        return TypeRef::Unstated;
    }
    let named = fields.first().map_or("", |f| f.wire_name.as_str());
    page.warn(warnings, index, format!("`{name}`: of its fields the page surely names only `{named}` (its first object field); it accepts further entries so the fields the page lost can still be sent"));
    let schema = Schema {
        name: name.to_string(),
        description: None,
        kind: SchemaKind::Object(ObjectSchema {
            fields,
            additional: Some(TypeRef::Any),
            required_alternatives: Vec::new(),
        }),
    };
    TypeRef::Named(registry.register(schema, &page.at(index), warnings))
}

/// The example's keys as a tree in document order: the order the page lists fields in.
#[derive(Default)]
struct ExampleTree<'v> {
    nodes: Vec<Node<'v>>,
}

struct Node<'v> {
    key: String,
    value: &'v Value,
    parent: Option<usize>,
    anchor: Option<(bool, bool)>,
    enum_values: Option<Vec<String>>,
}

impl<'v> ExampleTree<'v> {
    /// Adds the properties of `value` (an object, or an array of objects) under `parent`.
    fn add_children(&mut self, parent: Option<usize>, value: &'v Value) {
        let object = match value {
            Value::Object(object) => object,
            Value::Array(items) => match items.first() {
                Some(Value::Object(object)) => object,
                _ => return,
            },
            _ => return,
        };
        for (key, child) in object {
            self.nodes.push(Node {
                key: key.clone(),
                value: child,
                parent,
                anchor: None,
                enum_values: None,
            });
            let id = self.nodes.len() - 1;
            self.add_children(Some(id), child);
        }
    }

    fn children_of(&self, parent: Option<usize>) -> Vec<usize> {
        (0..self.nodes.len())
            .filter(|&id| self.nodes[id].parent == parent)
            .collect()
    }

    /// Matches each anchor to the next node with its name; returns the node
    /// of each anchor item (`None` for other items and unmatched anchors).
    fn match_anchors(
        &mut self,
        page: &Page<'_>,
        items: &[Item],
        warnings: &mut Vec<Warning>,
    ) -> Vec<Option<usize>> {
        let mut cursor = 0;
        items
            .iter()
            .map(|item| {
                let Item::Anchor {
                    index,
                    name,
                    label,
                    required,
                    nullable,
                } = item
                else {
                    return None;
                };
                let found = (cursor..self.nodes.len()).find(|&id| &self.nodes[id].key == name);
                let Some(id) = found else {
                    page.warn(
                        warnings,
                        *index,
                        format!("object field `{name}` is not in the example; it is not modelled"),
                    );
                    return None;
                };
                let is_array = self.nodes[id].value.is_array();
                if is_array != (label.array_depth > 0) {
                    page.warn(
                        warnings,
                        *index,
                        format!(
                            "`{name}` is labelled `{}{}` but its example is {}",
                            label.base,
                            "[]".repeat(label.array_depth),
                            if is_array { "an array" } else { "not an array" }
                        ),
                    );
                }
                self.nodes[id].anchor = Some((*required, *nullable));
                cursor = id + 1;
                Some(id)
            })
            .collect()
    }

    /// Gives each enum's values to a field whose sample is one of them,
    /// after the field the previous values went to and the anchor before
    /// them, and before the next anchor. Page order is the example's order,
    /// so the first such field is theirs, unless its sample could also be a
    /// field of another type's (`"string"`, a uuid, …) and another field
    /// qualifies: then they are reported.
    fn match_values(
        &mut self,
        page: &Page<'_>,
        items: &[Item],
        anchor_nodes: &[Option<usize>],
        warnings: &mut Vec<Warning>,
    ) {
        let mut after_values = 0;
        for (position, item) in items.iter().enumerate() {
            let Item::Values { index, values } = item else {
                continue;
            };
            let after_anchor = anchor_nodes[..position]
                .iter()
                .rev()
                .flatten()
                .next()
                .map_or(0, |id| id + 1);
            let low = after_anchor.max(after_values);
            let high = anchor_nodes[position..]
                .iter()
                .flatten()
                .next()
                .copied()
                .unwrap_or(self.nodes.len());
            let candidates: Vec<usize> = (low..high.max(low))
                .filter(|&id| {
                    self.nodes[id].anchor.is_none()
                        && self.nodes[id].enum_values.is_none()
                        && sample_in(self.nodes[id].value, values)
                })
                .collect();
            match candidates.as_slice() {
                [] => page.warn(warnings, *index, format!("values [{}] match no field's example value here; they are not modelled", values.join(", "))),
                [first, _, ..] if could_be_plain(self.nodes[*first].value) => page.warn(warnings, *index, format!(
                    "values [{}] match the example values of several fields ({}); they are not modelled",
                    values.join(", "),
                    candidates.iter().map(|&id| self.nodes[id].key.as_str()).collect::<Vec<_>>().join(", ")
                )),
                [first, ..] => {
                    self.nodes[*first].enum_values = Some(values.clone());
                    after_values = first + 1;
                }
            }
        }
    }

    /// Registers the object made of the nodes `ids` as `name`, nested types first.
    fn build(
        &self,
        page: &Page<'_>,
        example_index: usize,
        name: &str,
        ids: &[usize],
        registry: &mut SchemaRegistry,
        warnings: &mut Vec<Warning>,
    ) -> String {
        let location = page.at(example_index);
        let mut names = FieldNames::default();
        let mut fields = Vec::new();
        let mut inferred = Vec::new();
        for &id in ids {
            let node = &self.nodes[id];
            let type_name = format!("{name}{}", node.key.to_upper_camel_case());
            let children = self.children_of(Some(id));
            let ty = match node.value {
                Value::Object(object) if object.is_empty() => unstated_object(),
                Value::Object(_) => TypeRef::Named(self.build(
                    page,
                    example_index,
                    &type_name,
                    &children,
                    registry,
                    warnings,
                )),
                Value::Array(items) => match items.first() {
                    Some(Value::Object(object)) if !object.is_empty() => {
                        TypeRef::Array(Box::new(TypeRef::Named(self.build(
                            page,
                            example_index,
                            &format!("{type_name}Item"),
                            &children,
                            registry,
                            warnings,
                        ))))
                    }
                    Some(Value::Object(_)) => TypeRef::Array(Box::new(unstated_object())),
                    Some(item) => TypeRef::Array(Box::new(match &node.enum_values {
                        Some(values) => TypeRef::Named(registry.register(
                            enum_schema(
                                format!("{type_name}Item"),
                                None,
                                values,
                                EnumWire::Strings,
                            ),
                            &location,
                            warnings,
                        )),
                        None => sample_type(item).unwrap_or(TypeRef::Unstated),
                    })),
                    None => TypeRef::Array(Box::new(TypeRef::Unstated)),
                },
                value => match &node.enum_values {
                    Some(values) => TypeRef::Named(registry.register(
                        enum_schema(type_name, None, values, EnumWire::Strings),
                        &location,
                        warnings,
                    )),
                    None => sample_type(value).unwrap_or(TypeRef::Unstated),
                },
            };
            if node.anchor.is_none() {
                inferred.push(node.key.as_str());
            }
            let (presence, nullability) = match node.anchor {
                Some((required, nullable)) => (
                    if required {
                        Presence::Required
                    } else {
                        Presence::Optional
                    },
                    if nullable {
                        Nullability::Nullable
                    } else {
                        Nullability::NonNull
                    },
                ),
                None => (Presence::Unstated, Nullability::Unstated),
            };
            fields.push(Field {
                wire_name: node.key.clone(),
                rust_name: names.claim(&node.key),
                ty,
                presence,
                nullability,
                read_only: false,
                write_only: false,
                default: None,
                deprecated: false,
                title: None,
                description: None,
                constraints: Default::default(),
            });
        }
        if !inferred.is_empty() {
            page.warn(warnings, example_index, format!(
                "`{name}`: the page does not name or type {}; they are read from the example (a sample `0` says only that it is a number, so it decodes as a float), and their required-ness and nullability are not given, so they decode as optional and nullable",
                inferred.join(", ")
            ));
        }
        let schema = Schema {
            name: name.to_string(),
            description: None,
            kind: SchemaKind::Object(ObjectSchema {
                fields,
                additional: None,
                required_alternatives: Vec::new(),
            }),
        };
        registry.register(schema, &location, warnings)
    }
}

/// Whether a sample (or an array's first element) is one the documentation
/// site prints for a field that is not an enum.
fn could_be_plain(value: &Value) -> bool {
    match value {
        Value::Array(items) => items.first().is_some_and(could_be_plain),
        value => is_plain_sample(value),
    }
}

/// Whether a sample value (or an array's first element) is one of `values`.
fn sample_in(value: &Value, values: &[String]) -> bool {
    match value {
        Value::String(text) => values.contains(text),
        Value::Array(items) => items.first().is_some_and(|item| sample_in(item, values)),
        _ => false,
    }
}
