//! JSON Schema (as OpenAPI 3.0 and 3.1 use it) into model types.
//!
//! Component schemas keep their names (made Rust-like); inline objects,
//! enums and unions get a name from where they stand (`<Parent><Field>`),
//! registered once so identical inline types are one type.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::document::{child, description, flag, kind, object, string, Document};
use crate::diagnostic::{Error, Warning};
use crate::frontend::schemas::{enum_schema, SchemaRegistry};
use crate::ident;
use crate::ident::FieldNames;
use crate::model::{
    Bound, Constraints, Field, Nullability, ObjectSchema, OneOfSchema, OneOfVariant, Presence,
    Primitive, Schema, SchemaKind, TypeRef, UnionSchema, UnionVariant,
};

const COMPONENTS: &str = "/components/schemas";
const COMPONENTS_REF: &str = "#/components/schemas/";

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
        if let Some((values, _)) = self.enum_values(map, pointer)? {
            return Ok(enum_schema(name, description, &values));
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
            let ty = self.typed(value, pointer, &format!("{name}Value"))?.ty;
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

    /// A parent object with a `discriminator` whose children `allOf` it
    /// (`Cat: allOf: [$ref: Pet, …]`): where the parent is used, a value is
    /// any of them, so the parent is a union told apart by the tag. The
    /// children are its `mapping`, and without one (or beside it) the
    /// component schemas that `allOf` the parent, each tagged with the value
    /// it pins the tag to, or else its own name. Where the parent maps a tag to itself, its own object is a
    /// variant too, named `<Parent>Base`. `None` when no child names it:
    /// then the parent stays an object.
    fn inheritance(
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
                    let base = format!("{name}Base");
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

    /// The `discriminator` of the schema at `pointer`: its object, its
    /// `propertyName` and its pointer.
    fn discriminator<'v>(
        &self,
        value: &'v Value,
        pointer: &str,
    ) -> Result<(&'v Map<String, Value>, &'v str, String), Error> {
        let discriminator_pointer = child(pointer, "discriminator");
        let discriminator = object(self.doc, value, &discriminator_pointer, "a discriminator")?;
        match string(
            self.doc,
            discriminator,
            "propertyName",
            &discriminator_pointer,
        )? {
            Some(tag) => Ok((discriminator, tag, discriminator_pointer)),
            None => Err(self
                .doc
                .error(&discriminator_pointer, "expected `propertyName`")),
        }
    }

    /// The one value a union member (a `$ref`) pins its property `tag` to:
    /// a string `const`, or an `enum` of one string, on the member or on
    /// one of its `allOf` parts, the property's schema followed through
    /// `$ref`s.
    fn pinned_tag(&self, member: &Value, pointer: &str, tag: &str) -> Option<String> {
        let (schema, _) = self.doc.resolve(member, pointer).ok()?;
        let parts = schema
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|part| self.doc.resolve(part, pointer).ok().map(|(part, _)| part));
        std::iter::once(schema).chain(parts).find_map(|part| {
            let property = part.get("properties")?.get(tag)?;
            let (property, _) = self.doc.resolve(property, pointer).ok()?;
            match (property.get("const"), property.get("enum")) {
                (Some(Value::String(value)), _) => Some(value.clone()),
                (None, Some(Value::Array(values))) => match values.as_slice() {
                    [Value::String(value)] => Some(value.clone()),
                    _ => None,
                },
                _ => None,
            }
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

    /// Whether `member` refers to a component object with a `discriminator`
    /// (and no `oneOf`/`anyOf`): a parent in `allOf` inheritance.
    fn is_tagged_parent(&self, member: &Value) -> bool {
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

    /// The type a discriminator's `mapping` value names: a reference, or
    /// the bare name of a component schema.
    fn mapping_target(&mut self, target: &Value, pointer: &str) -> Result<TypeRef, Error> {
        match target.as_str() {
            Some(text) => {
                let reference = component_reference(text);
                self.reference(&Value::String(reference), pointer)
            }
            None => self.reference(target, pointer),
        }
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
            return Ok(typed);
        }
        self.unchecked(map, pointer);
        if let Some(all_of) = map.get("allOf") {
            let all_pointer = child(pointer, "allOf");
            match all_of.as_array().map(Vec::as_slice) {
                Some([single]) => {
                    // `allOf: [$ref]` is how OpenAPI 3.0 puts `nullable`,
                    // `readOnly` or a description beside a reference.
                    let inner = self.typed(single, &child(&all_pointer, "0"), context)?;
                    typed.ty = inner.ty;
                    typed.nullable |= inner.nullable;
                    typed.read_only |= inner.read_only;
                    typed.write_only |= inner.write_only;
                    typed.deprecated |= inner.deprecated;
                    typed.description = typed.description.or(inner.description);
                    typed.title = typed.title.or(inner.title);
                    typed.default = typed.default.or(inner.default);
                }
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
        if let Some((values, has_null)) = self.enum_values(map, pointer)? {
            typed.nullable |= has_null;
            let schema = enum_schema(context.to_string(), typed.description.clone(), &values);
            typed.ty = TypeRef::Named(self.registry.register(
                schema,
                &self.doc.location(pointer),
                &mut self.warnings,
            ));
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
                let (shape, nullable) = self.untagged(members, context)?;
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
                TypeRef::Primitive(match string(self.doc, map, "format", pointer)? {
                    Some("int8") => Primitive::Int8,
                    Some("int16") => Primitive::Int16,
                    Some("int32") => Primitive::Int32,
                    Some("int64") => Primitive::Int64,
                    Some("uint8") => Primitive::UInt8,
                    Some("uint16") => Primitive::UInt16,
                    Some("uint32") => Primitive::UInt32,
                    Some("uint64") => Primitive::UInt64,
                    _ => Primitive::Integer,
                })
            }
            Some("number") => TypeRef::Primitive(match string(self.doc, map, "format", pointer)? {
                Some("float") => Primitive::Float,
                Some("double") => Primitive::Double,
                _ => Primitive::Number,
            }),
            Some("boolean") => TypeRef::Primitive(Primitive::Boolean),
            Some("array") => self.array(map, pointer, context)?,
            None if map.contains_key("prefixItems") => self.array(map, pointer, context)?,
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
                    let typed =
                        self.typed(member, &member_pointer, &format!("{context}{}", index + 1))?;
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
                let item = self.typed(items, &items_pointer, &format!("{context}Item"))?;
                if !item.constraints.is_empty() {
                    self.warnings.push(self.doc.warning(
                        &items_pointer,
                        "limits and patterns of an array's items are not modelled; the generated documentation does not state them",
                    ));
                }
                TypeRef::Array(Box::new(item.item()))
            }
        })
    }

    /// The object that `allOf` `members` (beside the properties of `outer`,
    /// the schema that holds them) describe together: their properties
    /// and `required` lists merged, references followed. `None`, with a
    /// warning, when a member is not an object (a union, an enum, a
    /// primitive): then the value is kept as untyped JSON. A property two
    /// members define differently is reported, and the first definition
    /// kept.
    fn merge_all_of(
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

    /// `type` as one name and whether it admits `null` (OpenAPI 3.1 writes
    /// `type: [string, "null"]`).
    fn type_name(
        &self,
        map: &Map<String, Value>,
        pointer: &str,
    ) -> Result<(Option<String>, bool), Error> {
        match map.get("type") {
            None => Ok((None, false)),
            Some(Value::String(name)) => Ok((Some(name.clone()), name == "null")),
            Some(Value::Array(names)) => {
                let names: Vec<&str> = names.iter().filter_map(Value::as_str).collect();
                let nullable = names.contains(&"null");
                let others: Vec<&str> = names.into_iter().filter(|n| *n != "null").collect();
                match others.as_slice() {
                    [] => Ok((None, nullable)),
                    [one] => Ok((Some(one.to_string()), nullable)),
                    _ => Err(self.doc.error(&child(pointer, "type"), format!("several types {others:?} for one value are not supported; expected one type, optionally with \"null\""))),
                }
            }
            Some(other) => Err(self.doc.error(
                &child(pointer, "type"),
                format!("expected a type name, found {}", kind(other)),
            )),
        }
    }

    fn string_format(
        &mut self,
        map: &Map<String, Value>,
        pointer: &str,
    ) -> Result<Primitive, Error> {
        Ok(match string(self.doc, map, "format", pointer)? {
            None => Primitive::String,
            Some("uuid") => Primitive::Uuid,
            Some("date-time") => Primitive::DateTime,
            Some("date") => Primitive::Date,
            Some("uri" | "url") => Primitive::Uri,
            Some("email") => Primitive::Email,
            Some("binary") => Primitive::Binary,
            Some("byte") => Primitive::Base64,
            Some("password" | "hostname" | "ipv4" | "ipv6") => Primitive::String,
            Some(other) => {
                // Reported once per format, where it is first used.
                if self.unknown_formats.insert(other.to_string()) {
                    self.warnings.push(self.doc.warning(
                        &child(pointer, "format"),
                        format!("string format `{other}` is not known; values of this format are plain strings (reported once, here where it is first used)"),
                    ));
                }
                Primitive::String
            }
        })
    }

    /// A warning for each keyword of `map` that narrows the values the
    /// schema admits in a way the model does not hold: the client does not
    /// check it (the other keywords still give the type).
    fn unchecked(&mut self, map: &Map<String, Value>, pointer: &str) {
        const UNCHECKED: [(&str, &str); 7] = [
            ("not", "`not` is not modelled: the values it excludes are not checked"),
            ("if", "`if`/`then`/`else` is not modelled: what it requires is not checked"),
            ("dependentRequired", "`dependentRequired` is not modelled: the fields it requires together are not checked"),
            ("dependentSchemas", "`dependentSchemas` is not modelled: what it requires is not checked"),
            ("patternProperties", "the key patterns of `patternProperties` are not checked; further entries are of the first pattern's type"),
            ("propertyNames", "`propertyNames` is not modelled: the keys are not checked"),
            ("contains", "`contains` is not modelled: the items it requires are not checked"),
        ];
        for (keyword, message) in UNCHECKED {
            if map.contains_key(keyword) {
                self.warnings
                    .push(self.doc.warning(&child(pointer, keyword), message));
            }
        }
    }

    /// Whether a schema admits `null` at its top: `nullable`, a `null`
    /// type, `null` among its `enum` values, a `oneOf`/`anyOf` member that
    /// admits it, or a `$ref` (chain) to such a schema. Each reference is
    /// looked into once (a cycle admits no `null` by itself).
    fn admits_null(&mut self, value: &Value) -> bool {
        let Some(map) = value.as_object() else {
            return false;
        };
        if map.get("nullable") == Some(&Value::Bool(true))
            || is_null_schema(value)
            || matches!(map.get("type"), Some(Value::Array(types)) if types.iter().any(|t| t == "null"))
            || map
                .get("enum")
                .and_then(Value::as_array)
                .is_some_and(|values| values.iter().any(Value::is_null))
        {
            return true;
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(members)) = map.get(key) {
                if members.iter().any(|member| self.admits_null(member)) {
                    return true;
                }
            }
        }
        let Some(reference) = map.get("$ref").and_then(Value::as_str) else {
            return false;
        };
        if let Some(known) = self.admits_null.get(reference) {
            return *known;
        }
        self.admits_null.insert(reference.to_string(), false);
        let doc = self.doc;
        let admits = match doc.target(reference, "") {
            Ok((target, _)) => self.admits_null(target),
            Err(_) => false,
        };
        self.admits_null.insert(reference.to_string(), admits);
        admits
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

    /// The values of an `enum` (or a `const`, an enum of one value) when
    /// they are strings, and whether `null` is one of them. `None` when the
    /// schema has neither, or values of other types: then its `type`
    /// decides (an integer enum is an integer), and without one it is an
    /// open value.
    fn enum_values(
        &mut self,
        map: &Map<String, Value>,
        pointer: &str,
    ) -> Result<Option<(Vec<String>, bool)>, Error> {
        let (values, values_pointer) = match (map.get("enum"), map.get("const")) {
            (Some(Value::Array(values)), _) => (values.clone(), child(pointer, "enum")),
            (Some(other), _) => {
                return Err(self.doc.error(
                    &child(pointer, "enum"),
                    format!("expected a list of values, found {}", kind(other)),
                ))
            }
            (None, Some(value)) => (vec![value.clone()], child(pointer, "const")),
            (None, None) => return Ok(None),
        };
        let mut strings = Vec::new();
        let mut has_null = false;
        for value in &values {
            match value {
                Value::String(text) => strings.push(text.clone()),
                Value::Null => has_null = true,
                _ => {
                    if !map.contains_key("type") {
                        self.warnings.push(self.doc.warning(&values_pointer, "values that are not all strings, without a `type`: the value is kept as untyped JSON"));
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some((strings, has_null)))
    }

    /// A `oneOf`/`anyOf`: with a `discriminator`, a tagged union; without,
    /// a union without a tag, or the one member left once `null` is set
    /// aside. Also says whether `null` is a member.
    fn union(
        &mut self,
        map: &Map<String, Value>,
        pointer: &str,
        context: &str,
    ) -> Result<(UnionShape, bool), Error> {
        let key = if map.contains_key("oneOf") {
            "oneOf"
        } else {
            "anyOf"
        };
        let members_pointer = child(pointer, key);
        let members: Vec<(Value, String)> = match map.get(key) {
            Some(Value::Array(members)) => members
                .iter()
                .enumerate()
                .map(|(index, member)| {
                    (member.clone(), child(&members_pointer, &index.to_string()))
                })
                .collect(),
            Some(other) => {
                return Err(self.doc.error(
                    &members_pointer,
                    format!("expected a list of schemas, found {}", kind(other)),
                ))
            }
            None => {
                return Err(self
                    .doc
                    .error(&members_pointer, "expected a list of schemas"))
            }
        };
        let Some(discriminator) = map.get("discriminator") else {
            return self.untagged(members, context);
        };
        let inline_member = members.iter().find(|(m, _)| m.get("$ref").is_none());
        if let (None, Some((_, member_pointer))) = (discriminator.get("mapping"), inline_member) {
            self.warnings.push(self.doc.warning(member_pointer, "a member without `$ref` has no tag value without a discriminator `mapping`; the union is decoded without its tag, member by member"));
            return self.untagged(members, context);
        }
        let (discriminator, tag, discriminator_pointer) =
            self.discriminator(discriminator, pointer)?;
        let mut tags: Vec<(String, TypeRef)> = Vec::new();
        match discriminator.get("mapping") {
            Some(mapping) => {
                let mapping_pointer = child(&discriminator_pointer, "mapping");
                for (tag_value, target) in object(self.doc, mapping, &mapping_pointer, "a mapping")?
                {
                    let ty = self.mapping_target(target, &child(&mapping_pointer, tag_value))?;
                    tags.push((tag_value.clone(), ty));
                }
            }
            None => {
                // Without a mapping, each member's tag is the one value its
                // schema pins the tag property to (`const`, a one-value
                // `enum`), as documents mean it; where no member pins one,
                // its schema name, as OpenAPI says. Every member has a
                // `$ref` (checked above).
                let pinned: Vec<Option<String>> = members
                    .iter()
                    .map(|(member, member_pointer)| self.pinned_tag(member, member_pointer, tag))
                    .collect();
                let distinct: BTreeSet<&String> = pinned.iter().flatten().collect();
                if pinned.iter().any(Option::is_some)
                    && (pinned.iter().any(Option::is_none) || distinct.len() < pinned.len())
                {
                    self.warnings.push(self.doc.warning(&discriminator_pointer, format!("the members pin `{tag}` to a value each only in part (some pin none, or two the same), and there is no `mapping`: the union is decoded without its tag, member by member")));
                    return self.untagged(members, context);
                }
                for ((member, member_pointer), pinned) in members.iter().zip(pinned) {
                    let Some(reference) = member.get("$ref").and_then(Value::as_str) else {
                        continue;
                    };
                    let tag_value = pinned.unwrap_or_else(|| {
                        reference
                            .rsplit('/')
                            .next()
                            .unwrap_or(reference)
                            .to_string()
                    });
                    tags.push((
                        tag_value,
                        self.reference(&Value::String(reference.to_string()), member_pointer)?,
                    ));
                }
            }
        }
        let mut taken = BTreeSet::from(["Unknown".to_string()]);
        let mut variants = Vec::new();
        for (tag_value, ty) in tags {
            let TypeRef::Named(schema) = ty else {
                self.warnings.push(self.doc.warning(&discriminator_pointer, format!("the member for tag `{tag_value}` is not an object schema; the union is decoded without its tag, member by member")));
                return self.untagged(members, context);
            };
            let variant = ident::claim_unique(schema.clone(), &mut taken);
            variants.push(UnionVariant {
                tag: tag_value,
                variant,
                schema,
            });
        }
        Ok((
            UnionShape::Kind(SchemaKind::Union(UnionSchema {
                tag: tag.to_string(),
                variants,
            })),
            false,
        ))
    }

    /// A union without a tag of `members` (each with its pointer): the
    /// members in the order a value is tried against them (see
    /// [`OneOfSchema`]), or the one member left once `null` is set aside.
    /// Also says whether `null` is a member.
    fn untagged(
        &mut self,
        members: Vec<(Value, String)>,
        context: &str,
    ) -> Result<(UnionShape, bool), Error> {
        let mut nullable = false;
        let mut tried: Vec<(u64, TypeRef)> = Vec::new();
        for (index, (member, member_pointer)) in members.iter().enumerate() {
            if is_null_schema(member) {
                nullable = true;
                continue;
            }
            let member_context = format!("{context}Variant{}", index + 1);
            let typed = self.typed(member, member_pointer, &member_context)?;
            nullable |= typed.nullable;
            if !tried.iter().any(|(_, ty)| *ty == typed.ty) {
                tried.push((self.specificity(member, member_pointer), typed.ty));
            }
        }
        if tried.len() <= 1 {
            let ty = tried.pop().map_or(TypeRef::Any, |(_, ty)| ty);
            return Ok((UnionShape::Single(ty), nullable));
        }
        // Stable: members of equal specificity keep the input's order.
        tried.sort_by_key(|(specificity, _)| std::cmp::Reverse(*specificity));
        let mut taken = BTreeSet::from(["Other".to_string()]);
        let variants = tried
            .into_iter()
            .map(|(_, ty)| OneOfVariant {
                variant: ident::claim_unique(variant_name(&ty), &mut taken),
                ty,
            })
            .collect();
        Ok((
            UnionShape::Kind(SchemaKind::OneOf(OneOfSchema { variants })),
            nullable,
        ))
    }

    /// How specific a union member is, to try the more specific first: an
    /// object's number of required properties, 1 for an integer or a string
    /// with a format, 0 otherwise.
    fn specificity(&self, member: &Value, pointer: &str) -> u64 {
        let member = match member.get("$ref").and_then(Value::as_str) {
            Some(reference) => match self.doc.target(reference, pointer) {
                Ok((target, _)) => target,
                Err(_) => member,
            },
            None => member,
        };
        let required = member
            .get("required")
            .and_then(Value::as_array)
            .map_or(0, |names| names.len() as u64);
        match member.get("type").and_then(Value::as_str) {
            Some("integer") => 1,
            Some("string") if member.get("format").is_some() => 1,
            _ => required,
        }
    }

    fn object_schema(
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
                let context = format!("{name}{}", ident::to_upper_camel(wire));
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
        for missing in required
            .iter()
            .filter(|r| !fields.iter().any(|f| f.wire_name == **r))
        {
            self.warnings.push(self.doc.warning(
                &child(pointer, "required"),
                format!("`{missing}` is required but not among the properties; it is not checked"),
            ));
        }
        let additional = self.additional(map, pointer, &format!("{name}Value"))?;
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
    fn additional(
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

    fn constraints(&self, map: &Map<String, Value>, pointer: &str) -> Result<Constraints, Error> {
        let count = |key: &str| -> Result<Option<u64>, Error> {
            match map.get(key) {
                None => Ok(None),
                Some(value) => value.as_u64().map(Some).ok_or_else(|| {
                    self.doc.error(
                        &child(pointer, key),
                        format!("expected a non-negative integer, found {value}"),
                    )
                }),
            }
        };
        let bound = |key: &str, exclusive_key: &str| -> Option<Bound> {
            // 3.0: `minimum` with `exclusiveMinimum: true`; 3.1: `exclusiveMinimum: <number>`.
            match (map.get(key), map.get(exclusive_key)) {
                (_, Some(Value::Number(limit))) => Some(Bound {
                    value: limit.to_string(),
                    exclusive: true,
                }),
                (Some(Value::Number(limit)), exclusive) => Some(Bound {
                    value: limit.to_string(),
                    exclusive: exclusive == Some(&Value::Bool(true)),
                }),
                _ => None,
            }
        };
        Ok(Constraints {
            min_length: count("minLength")?,
            max_length: count("maxLength")?,
            minimum: bound("minimum", "exclusiveMinimum"),
            maximum: bound("maximum", "exclusiveMaximum"),
            pattern: string(self.doc, map, "pattern", pointer)?.map(str::to_string),
            min_items: count("minItems")?,
            max_items: count("maxItems")?,
        })
    }
}

/// What a `oneOf`/`anyOf` turns out to be.
enum UnionShape {
    /// A union type.
    Kind(SchemaKind),
    /// One member, once `null` is set aside.
    Single(TypeRef),
}

/// Whether two property schemas are the same reference (with different
/// descriptions beside it).
fn is_reference_to_same(a: &Value, b: &Value) -> bool {
    a.get("$ref").is_some() && a.get("$ref") == b.get("$ref")
}

/// `{type: null}`: the member of a union that makes it nullable.
fn is_null_schema(schema: &Value) -> bool {
    match schema.get("type") {
        Some(Value::String(name)) => name == "null",
        Some(Value::Array(names)) => names.iter().all(|n| n == "null"),
        _ => schema
            .get("enum")
            .and_then(Value::as_array)
            .is_some_and(|values| values.iter().all(Value::is_null)),
    }
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

/// The variant name of a union member: its type's name (`Thing`,
/// `String`, `ThingList`).
fn variant_name(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(name) => name.clone(),
        TypeRef::Primitive(primitive) => match primitive {
            Primitive::String | Primitive::Email | Primitive::Uri => "String",
            Primitive::Uuid => "Uuid",
            Primitive::DateTime => "DateTime",
            Primitive::Date => "Date",
            Primitive::Binary | Primitive::Base64 => "Bytes",
            Primitive::Boolean => "Boolean",
            Primitive::Integer
            | Primitive::Int8
            | Primitive::Int16
            | Primitive::Int32
            | Primitive::Int64
            | Primitive::UInt8
            | Primitive::UInt16
            | Primitive::UInt32
            | Primitive::UInt64 => "Integer",
            Primitive::Number | Primitive::Float | Primitive::Double => "Number",
        }
        .to_string(),
        TypeRef::Array(item) => format!("{}List", variant_name(item)),
        TypeRef::Tuple(_) => "Tuple".to_string(),
        TypeRef::Nullable(inner) => variant_name(inner),
        TypeRef::Map(_) => "Map".to_string(),
        TypeRef::Any | TypeRef::Unstated => "Value".to_string(),
    }
}

/// Whether a schema is a union: a `oneOf` or `anyOf` with a member that
/// is a type. Members that only add constraints to the schema beside them
/// (`anyOf: [{required: [a]}, {required: [b]}]`) make no union; those
/// constraints are not checked.
/// The `required` lists of an `anyOf` or `oneOf` whose members only
/// require properties (`anyOf: [{required: [a]}, {required: [b]}]`).
fn required_alternatives(map: &Map<String, Value>) -> Vec<Vec<String>> {
    const ONLY: [&str; 3] = ["required", "description", "title"];
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(members)) = map.get(key) else {
            continue;
        };
        let lists: Option<Vec<Vec<String>>> = members
            .iter()
            .map(|member| {
                let member = member.as_object()?;
                if !member.keys().all(|k| ONLY.contains(&k.as_str())) {
                    return None;
                }
                let names = member.get("required")?.as_array()?;
                Some(
                    names
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect(),
                )
            })
            .collect();
        if let Some(lists) = lists.filter(|lists| !lists.is_empty()) {
            return lists;
        }
    }
    Vec::new()
}

fn is_union(map: &Map<String, Value>) -> bool {
    const TYPE_KEYWORDS: [&str; 10] = [
        "$ref",
        "type",
        "properties",
        "items",
        "enum",
        "const",
        "oneOf",
        "anyOf",
        "allOf",
        "additionalProperties",
    ];
    ["oneOf", "anyOf"].iter().any(|key| match map.get(*key) {
        Some(Value::Array(members)) => {
            members.is_empty()
                || members.iter().any(|member| {
                    TYPE_KEYWORDS
                        .iter()
                        .any(|keyword| member.get(*keyword).is_some())
                })
        }
        Some(_) => true,
        None => false,
    })
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

/// A discriminator mapping's value as a reference: `Cat` is
/// `#/components/schemas/Cat`; a reference stays as it is.
fn component_reference(target: &str) -> String {
    match target.contains('/') || target.contains('#') {
        true => target.to_string(),
        false => format!("{COMPONENTS_REF}{target}"),
    }
}
