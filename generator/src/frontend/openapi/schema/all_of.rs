//! `allOf`: the members' properties and `required` lists merged into one
//! object, and inheritance, a parent with a `discriminator` whose children
//! `allOf` it becoming a union of them.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::super::document::{child, object};
use super::predicates::{
    component_reference, is_union, required_alternatives, COMPONENTS, COMPONENTS_REF,
};
use super::Schemas;
use crate::diagnostic::Error;
use crate::frontend::schemas::nested;
use crate::ident;
use crate::model::{SchemaKind, TypeRef, UnionSchema, UnionVariant};

impl Schemas<'_, '_> {
    /// The object that `allOf` `members` (beside the properties of `outer`,
    /// the schema that holds them) describe together: their properties
    /// and `required` lists merged, references followed. `None`, with a
    /// warning, when a member is not an object (a union, an enum, a
    /// primitive): then the value is kept as untyped JSON. A property two
    /// members define differently is reported, and the first definition
    /// kept.
    pub(super) fn merge_all_of(
        &mut self,
        outer: &Map<String, Value>,
        members: &[Value],
        pointer: &str,
        depth: usize,
    ) -> Result<Option<Map<String, Value>>, Error> {
        let mut properties = Map::new();
        let mut required: Vec<Value> = Vec::new();
        let mut additional = None;
        // An `anyOf` of `required` lists, kept for the merged object.
        let mut alternatives = None;
        let mut parts: Vec<(Map<String, Value>, String)> = Vec::new();
        for (index, member) in members.iter().enumerate() {
            let member_pointer = child(pointer, &index.to_string());
            let (member, member_pointer) = self.doc.resolve(member, &member_pointer)?;
            match member {
                // `true` (3.1) adds nothing to the others.
                Value::Bool(true) => continue,
                Value::Bool(false) => {
                    self.warnings.push(self.doc.warning(
                        &member_pointer,
                        "an `allOf` member `false` admits no value; the value is kept as untyped JSON",
                    ));
                    return Ok(None);
                }
                _ => {}
            }
            let member = object(self.doc, member, &member_pointer, "a schema")?;
            parts.push((member.clone(), member_pointer));
        }
        let mut own = outer.clone();
        own.remove("allOf");
        if parts.is_empty() && !own.contains_key("properties") {
            // Only `true` members: any value.
            return Ok(None);
        }
        parts.push((own, pointer.to_string()));
        for (part, part_pointer) in parts {
            let part = match part.get("allOf") {
                Some(Value::Array(nested)) if depth < 32 => {
                    match self.merge_all_of(
                        &part,
                        nested,
                        &child(&part_pointer, "allOf"),
                        depth + 1,
                    )? {
                        Some(merged) => merged,
                        None => return Ok(None),
                    }
                }
                _ => part,
            };
            let is_object = match part.get("type") {
                None => !["oneOf", "anyOf", "enum", "const", "items", "allOf"]
                    .iter()
                    .any(|key| part.contains_key(*key)),
                Some(Value::String(name)) => name == "object",
                Some(_) => false,
            };
            if !is_object {
                self.warnings.push(self.doc.warning(&part_pointer, "an `allOf` member that is not an object cannot be merged into one struct; the value is kept as untyped JSON"));
                return Ok(None);
            }
            if let Some(Value::Object(own_properties)) = part.get("properties") {
                for (key, value) in own_properties {
                    match properties.get(key) {
                        Some(existing)
                            if existing != value && !is_reference_to_same(existing, value) =>
                        {
                            self.warnings.push(self.doc.warning(
                                &child(&child(&part_pointer, "properties"), key),
                                format!("`allOf` members define property `{key}` differently; the first definition is kept"),
                            ));
                        }
                        Some(_) => {}
                        None => {
                            properties.insert(key.clone(), value.clone());
                        }
                    }
                }
            }
            if let Some(Value::Array(names)) = part.get("required") {
                for name in names {
                    if !required.contains(name) {
                        required.push(name.clone());
                    }
                }
            }
            if let Some(value) = part.get("additionalProperties") {
                additional.get_or_insert_with(|| value.clone());
            }
            if alternatives.is_none() && !required_alternatives(&part).is_empty() {
                alternatives = ["anyOf", "oneOf"]
                    .into_iter()
                    .find_map(|key| part.get(key).map(|value| (key, value.clone())));
            }
        }
        let mut merged = Map::new();
        merged.insert("type".to_string(), Value::String("object".to_string()));
        merged.insert("properties".to_string(), Value::Object(properties));
        merged.insert("required".to_string(), Value::Array(required));
        if let Some(additional) = additional {
            merged.insert("additionalProperties".to_string(), additional);
        }
        if let Some((key, value)) = alternatives {
            merged.insert(key.to_string(), value);
        }
        Ok(Some(merged))
    }

    /// A parent object with a `discriminator` whose children `allOf` it
    /// (`Cat: allOf: [$ref: Pet, …]`): where the parent is used, a value is
    /// any of them, so the parent is a union told apart by the tag. The
    /// children are its `mapping`, and without one (or beside it) the
    /// component schemas that `allOf` the parent, each tagged with the value
    /// it pins the tag to, or else its own name. Where the parent maps a tag to itself, its own object is a
    /// variant too, named `<Parent>Base`. `None` when no child names it:
    /// then the parent stays an object.
    pub(super) fn inheritance(
        &mut self,
        name: &str,
        map: &Map<String, Value>,
        pointer: &str,
    ) -> Result<Option<UnionSchema>, Error> {
        let Some(discriminator) = map.get("discriminator") else {
            return Ok(None);
        };
        let (discriminator, tag, discriminator_pointer) =
            self.discriminator(discriminator, pointer)?;
        let own_reference = format!("#{pointer}");
        // (tag value, schema key or `None` for the parent itself)
        let mut children: Vec<(String, Option<String>)> = Vec::new();
        if let Some(mapping) = discriminator.get("mapping") {
            let mapping_pointer = child(&discriminator_pointer, "mapping");
            for (tag_value, target) in object(self.doc, mapping, &mapping_pointer, "a mapping")? {
                let target_pointer = child(&mapping_pointer, tag_value);
                let Some(reference) = target.as_str().map(component_reference) else {
                    return Err(self
                        .doc
                        .error(&target_pointer, "expected a schema name or reference"));
                };
                match reference.strip_prefix("#/components/schemas/") {
                    _ if reference == own_reference => children.push((tag_value.clone(), None)),
                    Some(key) => children.push((tag_value.clone(), Some(key.to_string()))),
                    None => self.warnings.push(self.doc.warning(&target_pointer, format!("the member for tag `{tag_value}` is not a component schema; objects with that tag are kept as untyped JSON"))),
                }
            }
        }
        if let Some(components) = self.doc.root.pointer(COMPONENTS).and_then(Value::as_object) {
            for (key, schema) in components {
                let names_parent =
                    schema
                        .get("allOf")
                        .and_then(Value::as_array)
                        .is_some_and(|members| {
                            members.iter().any(|member| {
                                member.get("$ref").and_then(Value::as_str) == Some(&own_reference)
                            })
                        });
                let mapped = children.iter().any(|(_, k)| k.as_deref() == Some(key));
                if names_parent && !mapped {
                    // The value the child pins the tag to, as for a union
                    // without a mapping, unless another child has it.
                    let tag_value = self
                        .pinned_tag(schema, &child(COMPONENTS, key), tag)
                        .filter(|pinned| children.iter().all(|(taken, _)| taken != pinned))
                        .unwrap_or_else(|| key.clone());
                    children.push((tag_value, Some(key.clone())));
                }
            }
        }
        if children.iter().all(|(_, key)| key.is_none()) {
            return Ok(None);
        }
        let mut taken = BTreeSet::from(["Unknown".to_string()]);
        let mut variants = Vec::new();
        for (tag_value, key) in children {
            let schema = match key {
                Some(key) => match self.names.get(&key) {
                    Some(schema) => schema.clone(),
                    None => {
                        return Err(self.doc.error(
                            &discriminator_pointer,
                            format!("`#/components/schemas/{key}` names no component schema"),
                        ))
                    }
                },
                None => {
                    let base = nested(name, "Base");
                    let object = self.object_schema(&base, map, pointer)?;
                    let description =
                        Some(format!("The `{name}` object itself, tagged `{tag_value}`."));
                    match self.inline(&base, description, SchemaKind::Object(object), pointer) {
                        TypeRef::Named(schema) => schema,
                        _ => continue,
                    }
                }
            };
            variants.push(UnionVariant {
                tag: tag_value,
                variant: ident::claim_unique(schema.clone(), &mut taken),
                schema,
            });
        }
        Ok(Some(UnionSchema {
            tag: tag.to_string(),
            variants,
        }))
    }

    /// Whether `member` refers to a component object with a `discriminator`
    /// (and no `oneOf`/`anyOf`): a parent in `allOf` inheritance.
    pub(super) fn is_tagged_parent(&self, member: &Value) -> bool {
        let Some(key) = member
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix(COMPONENTS_REF))
        else {
            return false;
        };
        let key = key.replace("~1", "/").replace("~0", "~");
        self.doc
            .root
            .pointer(COMPONENTS)
            .and_then(|components| components.get(&key))
            .and_then(Value::as_object)
            .is_some_and(|parent| parent.contains_key("discriminator") && !is_union(parent))
    }
}

/// Whether two property schemas are the same reference (with different
/// descriptions beside it).
fn is_reference_to_same(a: &Value, b: &Value) -> bool {
    a.get("$ref").is_some() && a.get("$ref") == b.get("$ref")
}
