//! JSON Schema (as OpenAPI 3.0 and 3.1 use it) into model types.
//!
//! Component schemas keep their names (made Rust-like); inline objects,
//! enums and unions get a name from where they stand (`<Parent><Field>`),
//! registered once so identical inline types are one type.
//!
//! [`Schemas`] reads a schema here, by the keyword that decides its kind,
//! and in one file per family of keywords: `unions.rs` (`oneOf`, `anyOf`,
//! discriminators), `all_of.rs` (`allOf` composition and inheritance),
//! `objects.rs` (properties and further entries), `scalars.rs` (types,
//! formats, enum values and limits); `predicates.rs` holds what the JSON
//! of a schema says on its own.

mod all_of;
mod objects;
mod predicates;
mod scalars;
mod unions;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::document::{child, description, flag, kind, object, string, Document};
use crate::diagnostic::{Error, Warning};
use crate::frontend::schemas::{enum_schema, nested, SchemaRegistry};
use crate::ident;
use crate::model::{Constraints, Primitive, Schema, SchemaKind, TypeRef};
use predicates::{is_union, COMPONENTS, COMPONENTS_REF};

/// The most items of a tuple: serde reads Rust tuples of up to 16.
const MAX_TUPLE: usize = 16;

/// A schema read as the type of a field, parameter or body, with the facts
/// that belong to the place it is used.
pub struct Typed {
    pub ty: TypeRef,
    pub nullable: bool,
    pub read_only: bool,
    pub write_only: bool,
    pub deprecated: bool,
    pub title: Option<String>,
    pub description: Option<String>,
    pub default: Option<Value>,
    pub constraints: Constraints,
}

impl Typed {
    /// Any value, with no further facts (the schema `true`).
    pub fn any() -> Typed {
        Typed {
            ty: TypeRef::Any,
            nullable: false,
            read_only: false,
            write_only: false,
            deprecated: false,
            title: None,
            description: None,
            default: None,
            constraints: Constraints::default(),
        }
    }

    /// Adds what `other` says of the value beside its type: `null`, read
    /// or write only, deprecated, and the description, title and default
    /// where this has none.
    pub fn annotate(&mut self, other: Typed) {
        self.nullable |= other.nullable;
        self.read_only |= other.read_only;
        self.write_only |= other.write_only;
        self.deprecated |= other.deprecated;
        self.description = self.description.take().or(other.description);
        self.title = self.title.take().or(other.title);
        self.default = self.default.take().or(other.default);
        self.constraints = std::mem::take(&mut self.constraints).or(other.constraints);
    }

    /// The type of what holds the value without a field's nullability: a
    /// list's or map's value, a tuple's item, an answer. `null` too where
    /// the schema admits it.
    pub fn item(self) -> TypeRef {
        match self.ty {
            TypeRef::Any => TypeRef::Any,
            ty if self.nullable => TypeRef::Nullable(Box::new(ty)),
            ty => ty,
        }
    }
}

pub struct Schemas<'d, 'a> {
    doc: &'d Document<'a>,
    /// Rust names of the component schemas, by their key in the document.
    names: BTreeMap<String, String>,
    pub registry: SchemaRegistry,
    pub warnings: Vec<Warning>,
    /// The string formats found that the model does not know.
    unknown_formats: BTreeSet<String>,
    /// Whether the schema a `$ref` names admits `null`, by reference.
    admits_null: BTreeMap<String, bool>,
}

impl<'d, 'a> Schemas<'d, 'a> {
    /// Names every component schema, then reads each one.
    pub fn read_components(doc: &'d Document<'a>) -> Result<Schemas<'d, 'a>, Error> {
        let mut schemas = Schemas {
            doc,
            names: BTreeMap::new(),
            registry: SchemaRegistry::default(),
            warnings: Vec::new(),
            unknown_formats: BTreeSet::new(),
            admits_null: BTreeMap::new(),
        };
        let components = match doc.root.pointer(COMPONENTS) {
            None => return Ok(schemas),
            Some(value) => object(doc, value, COMPONENTS, "the component schemas")?,
        };
        let keys: BTreeSet<&String> = components.keys().collect();
        for key in keys {
            let name = schemas.registry.reserve(ident::to_upper_camel(key));
            schemas.names.insert(key.clone(), name);
        }
        for (key, value) in components {
            let pointer = child(COMPONENTS, key);
            let name = schemas.names.get(key).cloned().unwrap_or_default();
            let schema = schemas.named_schema(name, value, &pointer)?;
            schemas.registry.define(schema);
        }
        Ok(schemas)
    }

    /// The model schema for a component under its reserved name: an object,
    /// enum or union, or an alias of another type.
    fn named_schema(
        &mut self,
        name: String,
        value: &Value,
        pointer: &str,
    ) -> Result<Schema, Error> {
        if value.is_boolean() {
            // `true` or `false` (3.1): any value.
            let ty = self.typed(value, pointer, &name)?.ty;
            return Ok(Schema {
                name,
                description: None,
                kind: SchemaKind::Alias(ty),
            });
        }
        let map = object(self.doc, value, pointer, "a schema")?;
        self.unchecked(map, pointer);
        let description = description(self.doc, map, pointer)?;
        if let Some(found) = self.enum_values(map, pointer)? {
            return Ok(enum_schema(name, description, &found.values, found.wire));
        }
        if is_union(map) && !map.contains_key("discriminator") {
            // A union that one inline member stands for (see
            // `sole_member`) is that member under the component's name;
            // where the component is used, its `null` makes it nullable.
            let members = self.members(map, pointer)?;
            if let Some((index, open)) = self.sole_member(&members) {
                let (member, member_pointer) = &members[index];
                if member.get("$ref").is_none() {
                    let mut schema = self.named_schema(name, member, member_pointer)?;
                    schema.description = description.or(schema.description);
                    if let SchemaKind::Enum(values) = &mut schema.kind {
                        values.open = open;
                    }
                    return Ok(schema);
                }
            }
        }
        if is_union(map) {
            let (shape, _) = self.union(map, pointer, &name)?;
            let kind = match shape {
                UnionShape::Kind(kind) => kind,
                UnionShape::Single(ty) => SchemaKind::Alias(ty),
            };
            return Ok(Schema {
                name,
                description,
                kind,
            });
        }
        if let Some(Value::Array(members)) = map.get("allOf").filter(|_| !map.contains_key("$ref"))
        {
            // A child of a parent with a discriminator is an object even
            // when it adds nothing: an alias of the parent, now a union of
            // its children, would hold itself.
            if members.len() > 1 || members.iter().any(|m| self.is_tagged_parent(m)) {
                let all_pointer = child(pointer, "allOf");
                if let Some(merged) = self.merge_all_of(map, members, &all_pointer, 0)? {
                    let object = self.object_schema(&name, &merged, pointer)?;
                    return Ok(Schema {
                        name,
                        description,
                        kind: SchemaKind::Object(object),
                    });
                }
            }
        }
        if is_alias(value) {
            let ty = self.typed(value, pointer, &nested(&name, "Value"))?.ty;
            return Ok(Schema {
                name,
                description,
                kind: SchemaKind::Alias(ty),
            });
        }
        if map.contains_key("discriminator") {
            if let Some(union) = self.inheritance(&name, map, pointer)? {
                return Ok(Schema {
                    name,
                    description,
                    kind: SchemaKind::Union(union),
                });
            }
        }
        let object = self.object_schema(&name, map, pointer)?;
        Ok(Schema {
            name,
            description,
            kind: SchemaKind::Object(object),
        })
    }

    /// The named schemas read, and the warnings about them. A component
    /// alias that holds itself without a struct, enum or union between
    /// (`E: {type: array, items: {$ref: E}}`, `A: {$ref: B}` with `B: {$ref:
    /// A}`) cannot be a Rust type alias: it is any JSON value, with a
    /// warning.
    pub fn finish(mut self) -> (BTreeMap<String, Schema>, Vec<Warning>) {
        let mut schemas = std::mem::take(&mut self.registry).into_schemas();
        let recursive: Vec<String> = schemas
            .iter()
            .filter_map(|(name, schema)| match &schema.kind {
                SchemaKind::Alias(ty) => {
                    alias_holds(&schemas, ty, name, &mut BTreeSet::new()).then(|| name.clone())
                }
                _ => None,
            })
            .collect();
        for name in recursive {
            if let Some(schema) = schemas.get_mut(&name) {
                schema.kind = SchemaKind::Alias(TypeRef::Any);
            }
            let key = self
                .names
                .iter()
                .find(|(_, rust)| **rust == name)
                .map_or(name.as_str(), |(key, _)| key.as_str());
            self.warnings.push(self.doc.warning(
                &child(COMPONENTS, key),
                format!("`{name}` holds itself with no struct, enum or union between, which a Rust type alias cannot: it is kept as any JSON value"),
            ));
        }
        (schemas, self.warnings)
    }

    /// The type of the schema `value` at `pointer`; `context` names inline
    /// types defined there.
    pub fn typed(&mut self, value: &Value, pointer: &str, context: &str) -> Result<Typed, Error> {
        if let Value::Bool(admits) = value {
            // OpenAPI 3.1 (JSON Schema): `true` admits any value, `false`
            // none.
            if !admits {
                self.warnings.push(self.doc.warning(
                    pointer,
                    "a `false` schema admits no value; it is kept as any JSON value",
                ));
            }
            return Ok(Typed::any());
        }
        let map = object(self.doc, value, pointer, "a schema")?;
        let mut typed = Typed {
            ty: TypeRef::Any,
            nullable: flag(self.doc, map, "nullable", pointer)?,
            read_only: flag(self.doc, map, "readOnly", pointer)?,
            write_only: flag(self.doc, map, "writeOnly", pointer)?,
            deprecated: flag(self.doc, map, "deprecated", pointer)?,
            title: string(self.doc, map, "title", pointer)?.map(str::to_string),
            description: description(self.doc, map, pointer)?,
            default: map.get("default").cloned(),
            constraints: self.constraints(map, pointer)?,
        };
        if let Some(reference) = map.get("$ref") {
            typed.ty = self.reference(reference, pointer)?;
            // A component that admits `null` makes what refers to it
            // nullable: the component's type itself is its other values.
            typed.nullable |= self.admits_null(value);
            // The limits of a component that is a string, number or list
            // (`Slug: {type: string, maxLength: 50}`) hold wherever it is
            // used; the use's own come first.
            typed.constraints = typed.constraints.or(self.referenced_constraints(reference));
            return Ok(typed);
        }
        self.unchecked(map, pointer);
        if let Some(all_of) = map.get("allOf") {
            let all_pointer = child(pointer, "allOf");
            // `allOf: [$ref]` is how OpenAPI 3.0 puts `nullable`, `readOnly`
            // or a description beside a reference; members that only
            // annotate (`{nullable: true}`, `{description: ...}`) say
            // something of the value, not of its shape. The one member that
            // shapes it is the type.
            let members = all_of.as_array().map(Vec::as_slice);
            let shaping: Vec<usize> = members
                .unwrap_or_default()
                .iter()
                .enumerate()
                .filter(|(_, member)| !only_annotates(member))
                .map(|(index, _)| index)
                .collect();
            let shape = match (members, shaping.as_slice()) {
                (Some([_]), _) => Some(0),
                (Some(_), [one]) => Some(*one),
                _ => None,
            };
            // Members that all only annotate (`allOf: [{}, {example: …},
            // {description: …}]`) say nothing of the value's shape: any
            // value, with what they say of it.
            if let (Some(members @ [_, _, ..]), []) = (members, shaping.as_slice()) {
                for (index, member) in members.iter().enumerate() {
                    let inner =
                        self.typed(member, &child(&all_pointer, &index.to_string()), context)?;
                    typed.annotate(inner);
                }
                typed.ty = TypeRef::Any;
                return Ok(typed);
            }
            if let (Some(members), Some(shape)) = (members, shape) {
                for (index, member) in members.iter().enumerate() {
                    let mut inner =
                        self.typed(member, &child(&all_pointer, &index.to_string()), context)?;
                    if index == shape {
                        typed.ty = std::mem::replace(&mut inner.ty, TypeRef::Any);
                    }
                    typed.annotate(inner);
                }
                return Ok(typed);
            }
            match members {
                Some(members) => {
                    if let Some(merged) = self.merge_all_of(map, members, &all_pointer, 0)? {
                        let object = self.object_schema(context, &merged, pointer)?;
                        let description = typed.description.clone();
                        typed.ty =
                            self.inline(context, description, SchemaKind::Object(object), pointer);
                    }
                }
                None => {
                    return Err(self.doc.error(
                        &all_pointer,
                        format!("expected a list of schemas, found {}", kind(all_of)),
                    ))
                }
            }
            return Ok(typed);
        }
        if is_union(map) {
            let (shape, nullable) = self.union(map, pointer, context)?;
            typed.nullable |= nullable;
            typed.ty = match shape {
                UnionShape::Single(ty) => ty,
                UnionShape::Kind(kind) => {
                    self.inline(context, typed.description.clone(), kind, pointer)
                }
            };
            return Ok(typed);
        }
        if let Some(found) = self.enum_values(map, pointer)? {
            typed.nullable |= found.has_null;
            let description = typed.description.clone();
            typed.ty = self.inline_enum(&found, description, context, pointer, false);
            return Ok(typed);
        }
        if let Some(Value::Array(names)) = map.get("type") {
            let types: Vec<&str> = names.iter().filter_map(Value::as_str).collect();
            if types.iter().filter(|name| **name != "null").count() > 1 {
                // `type: [string, integer]`: a union without a tag of the
                // same schema with one type each.
                let members = types
                    .iter()
                    .map(|name| {
                        let mut member = map.clone();
                        member.insert("type".to_string(), Value::String(name.to_string()));
                        (Value::Object(member), child(pointer, "type"))
                    })
                    .collect();
                // The members are copies of this schema, description and all.
                let (shape, nullable) = self.untagged(members, None, context)?;
                typed.nullable |= nullable;
                typed.ty = match shape {
                    UnionShape::Single(ty) => ty,
                    UnionShape::Kind(kind) => {
                        self.inline(context, typed.description.clone(), kind, pointer)
                    }
                };
                return Ok(typed);
            }
        }
        let (type_name, nullable) = self.type_name(map, pointer)?;
        typed.nullable |= nullable;
        typed.ty = match type_name.as_deref() {
            Some("string") => TypeRef::Primitive(self.string_format(map, pointer)?),
            Some("integer") => {
                let format = string(self.doc, map, "format", pointer)?;
                TypeRef::Primitive(Primitive::integer_of_format(format))
            }
            Some("number") => TypeRef::Primitive(match string(self.doc, map, "format", pointer)? {
                Some("float") => Primitive::Float,
                Some("double") => Primitive::Double,
                _ => Primitive::Number,
            }),
            Some("boolean") => TypeRef::Primitive(Primitive::Boolean),
            Some("array") => self.array(map, pointer, context, &mut typed.constraints)?,
            None if map.contains_key("prefixItems") => {
                self.array(map, pointer, context, &mut typed.constraints)?
            }
            Some("object") | None if map.contains_key("properties") => {
                let object = self.object_schema(context, map, pointer)?;
                let schema = Schema {
                    name: context.to_string(),
                    description: typed.description.clone(),
                    kind: SchemaKind::Object(object),
                };
                TypeRef::Named(self.registry.register(
                    schema,
                    &self.doc.location(pointer),
                    &mut self.warnings,
                ))
            }
            Some("object") => match self.additional(map, pointer, context)? {
                Some(values) => TypeRef::Map(Box::new(values)),
                // A free-form object: any keys, any values.
                None => TypeRef::Map(Box::new(TypeRef::Any)),
            },
            None => TypeRef::Any,
            Some(other) => {
                return Err(self.doc.error(&child(pointer, "type"), format!("unknown type `{other}`; expected string, integer, number, boolean, array or object")));
            }
        };
        Ok(typed)
    }

    /// An array: a tuple where `prefixItems` types every item the array
    /// admits (`items: false`, or `maxItems` the prefix's length), else a
    /// list of its `items`.
    fn array(
        &mut self,
        map: &Map<String, Value>,
        pointer: &str,
        context: &str,
        constraints: &mut Constraints,
    ) -> Result<TypeRef, Error> {
        if let Some(prefix) = map.get("prefixItems") {
            let prefix_pointer = child(pointer, "prefixItems");
            let Some(members) = prefix.as_array() else {
                return Err(self
                    .doc
                    .error(&prefix_pointer, "expected an array of schemas"));
            };
            let length = members.len() as u64;
            let count = |key: &str| map.get(key).and_then(Value::as_u64);
            let closed =
                map.get("items") == Some(&Value::Bool(false)) || count("maxItems") == Some(length);
            let shorter = count("minItems").is_some_and(|min| min < length);
            if closed && !shorter && (1..=MAX_TUPLE).contains(&members.len()) {
                let mut types = Vec::with_capacity(members.len());
                for (index, member) in members.iter().enumerate() {
                    let member_pointer = child(&prefix_pointer, &index.to_string());
                    let typed = self.typed(
                        member,
                        &member_pointer,
                        &nested(context, &(index + 1).to_string()),
                    )?;
                    types.push(typed.item());
                }
                return Ok(TypeRef::Tuple(types));
            }
            let why = if !closed {
                "admits further items"
            } else if shorter {
                "admits fewer items (`minItems`)"
            } else {
                "has more items than a Rust tuple serde reads (16)"
            };
            self.warnings.push(self.doc.warning(
                &prefix_pointer,
                format!("a tuple (`prefixItems`) that {why} is a list of untyped JSON values"),
            ));
            return Ok(TypeRef::Array(Box::new(TypeRef::Any)));
        }
        Ok(match map.get("items") {
            Some(Value::Bool(false)) | None => TypeRef::Array(Box::new(TypeRef::Any)),
            Some(items) => {
                let items_pointer = child(pointer, "items");
                let item = self.typed(items, &items_pointer, &nested(context, "Item"))?;
                if !item.constraints.is_empty() {
                    constraints.items = Some(Box::new(item.constraints.clone()));
                }
                TypeRef::Array(Box::new(item.item()))
            }
        })
    }

    /// An inline type named `name`: registered once, so identical inline
    /// types are one type.
    fn inline(
        &mut self,
        name: &str,
        description: Option<String>,
        kind: SchemaKind,
        pointer: &str,
    ) -> TypeRef {
        let schema = Schema {
            name: name.to_string(),
            description,
            kind,
        };
        TypeRef::Named(self.registry.register(
            schema,
            &self.doc.location(pointer),
            &mut self.warnings,
        ))
    }

    fn reference(&mut self, reference: &Value, pointer: &str) -> Result<TypeRef, Error> {
        let Some(reference) = reference.as_str() else {
            return Err(self
                .doc
                .error(&child(pointer, "$ref"), "`$ref` must be a string"));
        };
        // A component itself (not a schema inside one, `X/$defs/Y`).
        if let Some(key) = reference
            .strip_prefix(COMPONENTS_REF)
            .filter(|key| !key.contains('/'))
        {
            let key = key.replace("~1", "/").replace("~0", "~");
            return match self.names.get(&key) {
                Some(name) => Ok(TypeRef::Named(name.clone())),
                None => Err(self.doc.error(
                    &child(pointer, "$ref"),
                    format!("`{reference}` names no component schema"),
                )),
            };
        }
        // A reference elsewhere (rare): read the target as an inline schema.
        let (target, target_pointer) = self.doc.target(reference, pointer)?;
        let context = ident::to_upper_camel(target_pointer.rsplit('/').next().unwrap_or("Schema"));
        Ok(self.typed(target, &target_pointer, &context)?.ty)
    }
}

/// What a `oneOf`/`anyOf` turns out to be.
pub(super) enum UnionShape {
    /// A union type.
    Kind(SchemaKind),
    /// One member, once `null` is set aside.
    Single(TypeRef),
}

/// Whether the expansion of the alias type `ty` reaches the schema
/// `target` through aliases and the types around them (a `Vec`, a map, a
/// tuple, an `Option`), which a Rust type alias cannot name.
fn alias_holds<'a>(
    schemas: &'a BTreeMap<String, Schema>,
    ty: &'a TypeRef,
    target: &str,
    seen: &mut BTreeSet<&'a str>,
) -> bool {
    match ty {
        TypeRef::Named(name) if name == target => true,
        TypeRef::Named(name) => match schemas.get(name) {
            Some(Schema {
                kind: SchemaKind::Alias(inner),
                ..
            }) if seen.insert(name.as_str()) => alias_holds(schemas, inner, target, seen),
            _ => false,
        },
        TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
            alias_holds(schemas, inner, target, seen)
        }
        TypeRef::Tuple(items) => items
            .iter()
            .any(|item| alias_holds(schemas, item, target, seen)),
        TypeRef::Primitive(_) | TypeRef::Any | TypeRef::Unstated => false,
    }
}

/// Whether a component schema only names another type (an array, a
/// primitive, a free-form object, `allOf` one reference): no properties,
/// enum values or union members of its own.
fn is_alias(schema: &Value) -> bool {
    let has = |key: &str| schema.get(key).is_some();
    // (A schema with string `enum` values is an enum before this is asked.)
    !(has("properties") || has("oneOf") || has("anyOf"))
        || schema
            .as_object()
            .is_some_and(|map| !is_union(map) && !has("properties"))
}

/// Whether a schema only annotates a value (`nullable`, `description`,
/// `readOnly`, `example`, ...) and says nothing of its shape.
fn only_annotates(schema: &Value) -> bool {
    const ANNOTATIONS: &[&str] = &[
        "nullable",
        "description",
        "title",
        "readOnly",
        "writeOnly",
        "deprecated",
        "default",
        "example",
        "examples",
        "externalDocs",
        "xml",
        "$comment",
    ];
    schema.as_object().is_some_and(|map| {
        map.keys()
            .all(|key| ANNOTATIONS.contains(&key.as_str()) || key.starts_with("x-"))
    })
}
