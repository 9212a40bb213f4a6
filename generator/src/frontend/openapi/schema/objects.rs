//! An object schema: its properties as fields (required or not,
//! nullable or not), the entries it admits beyond them, and the sets of
//! fields of which one must be set.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::super::document::{child, kind, object};
use super::predicates::required_alternatives;
use super::Schemas;
use crate::diagnostic::Error;
use crate::frontend::schemas::nested;
use crate::ident;
use crate::ident::FieldNames;
use crate::model::{Field, Nullability, ObjectSchema, Presence, TypeRef};

impl Schemas<'_, '_> {
    pub(super) fn object_schema(
        &mut self,
        name: &str,
        map: &Map<String, Value>,
        pointer: &str,
    ) -> Result<ObjectSchema, Error> {
        let required: BTreeSet<&str> = match map.get("required") {
            None => BTreeSet::new(),
            Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
            Some(other) => {
                return Err(self.doc.error(
                    &child(pointer, "required"),
                    format!("expected a list of property names, found {}", kind(other)),
                ))
            }
        };
        let mut fields = Vec::new();
        let mut names = FieldNames::default();
        if let Some(properties) = map.get("properties") {
            let properties_pointer = child(pointer, "properties");
            for (wire, value) in
                object(self.doc, properties, &properties_pointer, "the properties")?
            {
                let field_pointer = child(&properties_pointer, wire);
                let context = nested(name, &ident::to_upper_camel(wire));
                let typed = self.typed(value, &field_pointer, &context)?;
                fields.push(Field {
                    wire_name: wire.clone(),
                    rust_name: names.claim(wire),
                    ty: typed.ty,
                    presence: if required.contains(wire.as_str()) {
                        Presence::Required
                    } else {
                        Presence::Optional
                    },
                    nullability: if typed.nullable {
                        Nullability::Nullable
                    } else {
                        Nullability::NonNull
                    },
                    read_only: typed.read_only,
                    write_only: typed.write_only,
                    deprecated: typed.deprecated,
                    default: typed.default,
                    title: typed.title,
                    description: typed.description,
                    constraints: typed.constraints,
                });
            }
        }
        let additional = self.additional(map, pointer, &format!("{name}Value"))?;
        // A required name the properties do not declare: the key must be
        // there, with any value (the entries' type where the schema gives
        // one).
        let undeclared: Vec<&str> = required
            .iter()
            .copied()
            .filter(|r| !fields.iter().any(|f| f.wire_name == *r))
            .collect();
        for missing in undeclared {
            fields.push(Field {
                wire_name: missing.to_string(),
                rust_name: names.claim(missing),
                ty: additional.clone().unwrap_or(TypeRef::Any),
                presence: Presence::Required,
                nullability: Nullability::NonNull,
                read_only: false,
                write_only: false,
                deprecated: false,
                default: None,
                title: None,
                description: Some(
                    "Required, though the schema declares no such property.".to_string(),
                ),
                constraints: Default::default(),
            });
        }
        let required_alternatives = required_alternatives(map)
            .into_iter()
            .map(|names| {
                names
                    .into_iter()
                    .filter(|name| fields.iter().any(|f| f.wire_name == *name))
                    .collect::<Vec<_>>()
            })
            .filter(|names| !names.is_empty())
            .collect();
        Ok(ObjectSchema {
            fields,
            additional,
            required_alternatives,
        })
    }

    /// The value type of entries beyond the named properties, if allowed.
    pub(super) fn additional(
        &mut self,
        map: &Map<String, Value>,
        pointer: &str,
        context: &str,
    ) -> Result<Option<TypeRef>, Error> {
        match map.get("additionalProperties") {
            // Keys that match patterns (3.1): a map of their values' type,
            // the first pattern's; the patterns themselves are not checked.
            None => match map.get("patternProperties").and_then(Value::as_object) {
                Some(patterns) => match patterns.iter().next() {
                    Some((pattern, schema)) => {
                        let pattern_pointer = child(&child(pointer, "patternProperties"), pattern);
                        Ok(Some(self.typed(schema, &pattern_pointer, context)?.item()))
                    }
                    None => Ok(None),
                },
                None => Ok(None),
            },
            Some(Value::Bool(false)) => Ok(None),
            Some(Value::Bool(true)) => Ok(Some(TypeRef::Any)),
            Some(Value::Object(schema)) if schema.is_empty() => Ok(Some(TypeRef::Any)),
            Some(schema) => Ok(Some(
                self.typed(schema, &child(pointer, "additionalProperties"), context)?
                    .item(),
            )),
        }
    }
}
