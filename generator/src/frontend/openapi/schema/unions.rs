//! `oneOf` and `anyOf`: a union told apart by a `discriminator` (its
//! `mapping`, or the values its members pin the tag to), a union without
//! a tag tried member by member from the most specific, or the one member
//! left once `null` is set aside; and whether a schema admits `null`.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::super::document::{child, description, flag, kind, object, string};
use super::predicates::component_reference;
use super::{Schemas, UnionShape};
use crate::diagnostic::Error;
use crate::frontend::schemas::nested;
use crate::ident;
use crate::model::{
    OneOfSchema, OneOfVariant, Primitive, SchemaKind, TypeRef, UnionSchema, UnionVariant,
};

impl Schemas<'_, '_> {
    /// A `oneOf`/`anyOf`: with a `discriminator`, a tagged union; without,
    /// a union without a tag, or the one member left once `null` is set
    /// aside. Also says whether `null` is a member.
    pub(super) fn union(
        &mut self,
        map: &Map<String, Value>,
        pointer: &str,
        context: &str,
    ) -> Result<(UnionShape, bool), Error> {
        let members = self.members(map, pointer)?;
        let description = map.get("description");
        let Some(discriminator) = map.get("discriminator") else {
            return self.untagged(members, description, context);
        };
        let inline_member = members.iter().find(|(m, _)| m.get("$ref").is_none());
        if let (None, Some((_, member_pointer))) = (discriminator.get("mapping"), inline_member) {
            self.warnings.push(self.doc.warning(member_pointer, "a member without `$ref` has no tag value without a discriminator `mapping`; the union is decoded without its tag, member by member"));
            return self.untagged(members, description, context);
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
                    return self.untagged(members, description, context);
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
                return self.untagged(members, description, context);
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

    /// The members of a `oneOf`/`anyOf`, each with its pointer.
    pub(super) fn members(
        &self,
        map: &Map<String, Value>,
        pointer: &str,
    ) -> Result<Vec<(Value, String)>, Error> {
        let key = if map.contains_key("oneOf") {
            "oneOf"
        } else {
            "anyOf"
        };
        let members_pointer = child(pointer, key);
        match map.get(key) {
            Some(Value::Array(members)) => Ok(members
                .iter()
                .enumerate()
                .map(|(index, member)| {
                    (member.clone(), child(&members_pointer, &index.to_string()))
                })
                .collect()),
            Some(other) => Err(self.doc.error(
                &members_pointer,
                format!("expected a list of schemas, found {}", kind(other)),
            )),
            None => Err(self
                .doc
                .error(&members_pointer, "expected a list of schemas")),
        }
    }

    /// The member that stands for a union without a tag: the one left
    /// once `null` is set aside, or, in the open-enum idiom (`anyOf:
    /// [{type: string}, {enum: [...]}]`: any string, some of them named),
    /// the enum, whose `Unknown(String)` holds the other strings.
    /// Gives the member's index, and whether it is the open enum.
    pub(super) fn sole_member(&self, members: &[(Value, String)]) -> Option<(usize, bool)> {
        let rest: Vec<usize> = (0..members.len())
            .filter(|&index| !is_null_schema(&members[index].0))
            .collect();
        if let [only] = rest.as_slice() {
            return Some((*only, false));
        }
        let (plain, named): (Vec<usize>, Vec<usize>) = rest
            .into_iter()
            .partition(|&index| is_plain_string(&members[index].0));
        match named.as_slice() {
            [only] if !plain.is_empty() => {
                let (member, pointer) = &members[*only];
                self.is_string_enum(member, pointer)
                    .then_some((*only, true))
            }
            _ => None,
        }
    }

    /// The inline enum `map` of the open-enum idiom, registered as open
    /// under `context`'s name, and whether it lists `null`; `None` when it
    /// lists no values after all.
    fn open_enum(
        &mut self,
        map: &Map<String, Value>,
        pointer: &str,
        context: &str,
    ) -> Result<Option<(TypeRef, bool)>, Error> {
        let Some(found) = self.enum_values(map, pointer)? else {
            return Ok(None);
        };
        self.unchecked(map, pointer);
        let description = description(self.doc, map, pointer)?;
        let ty = self.inline_enum(&found, description, context, pointer, true);
        let nullable = found.has_null || flag(self.doc, map, "nullable", pointer)?;
        Ok(Some((ty, nullable)))
    }

    /// Whether `member` (followed through `$ref`s) is an enum of strings.
    fn is_string_enum(&self, member: &Value, pointer: &str) -> bool {
        let Ok((schema, _)) = self.doc.resolve(member, pointer) else {
            return false;
        };
        let strings = |values: &[Value]| {
            values.iter().any(Value::is_string)
                && values.iter().all(|v| v.is_string() || v.is_null())
        };
        let typed_as_string = match schema.get("type") {
            None => true,
            Some(Value::String(name)) => name == "string",
            Some(Value::Array(names)) => names.iter().all(|n| n == "string" || n == "null"),
            Some(_) => false,
        };
        typed_as_string
            && match (schema.get("enum"), schema.get("const")) {
                (Some(Value::Array(values)), _) => strings(values),
                (None, Some(value)) => value.is_string(),
                _ => false,
            }
    }

    /// What an inline union member is called where it has no name of its
    /// own: a short `title`; the one string it is (`const`, a one-value
    /// `enum`); the one string it pins a required property to (`{type:
    /// static}` → `Static`, `{event: thread.run.created}` →
    /// `ThreadRunCreated`); or its one property's name.
    fn member_name(&self, member: &Value, pointer: &str) -> Option<String> {
        let map = member.as_object().filter(|map| !map.contains_key("$ref"))?;
        let title = map.get("title").and_then(Value::as_str).filter(|title| {
            title.split_whitespace().count() <= 4
                && title
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        });
        let pinned = || {
            let properties = map.get("properties")?.as_object()?;
            let required = map.get("required")?.as_array()?;
            required.iter().filter_map(Value::as_str).find_map(|name| {
                let (property, _) = self.doc.resolve(properties.get(name)?, pointer).ok()?;
                one_string(property)
            })
        };
        let only_property = || {
            let properties = map.get("properties")?.as_object()?;
            match properties.keys().collect::<Vec<_>>().as_slice() {
                [only] => Some(only.as_str()),
                _ => None,
            }
        };
        let name = title
            .map(str::to_string)
            .or_else(|| one_string(member))
            .or_else(pinned)
            .or_else(|| only_property().map(str::to_string))?;
        Some(ident::to_upper_camel(&name)).filter(|name| name.starts_with(char::is_alphabetic))
    }

    /// A union without a tag of `members` (each with its pointer): the
    /// members in the order a value is tried against them (see
    /// [`OneOfSchema`]), or the one member that stands for the union
    /// ([`Schemas::sole_member`]), given the union's `description` where it
    /// has none. Also says whether `null` is a member.
    pub(super) fn untagged(
        &mut self,
        mut members: Vec<(Value, String)>,
        description: Option<&Value>,
        context: &str,
    ) -> Result<(UnionShape, bool), Error> {
        if let Some((index, open)) = self.sole_member(&members) {
            // Named after the union's place, not as a member of it, and
            // described by it where it says nothing itself.
            if let (Some(description), Some(member)) =
                (description, members[index].0.as_object_mut())
            {
                if !member.contains_key("$ref") {
                    member
                        .entry("description")
                        .or_insert_with(|| description.clone());
                }
            }
            let (member, member_pointer) = &members[index];
            let nullable = members.iter().any(|(m, _)| self.admits_null(m));
            // The inline enum of the open-enum idiom says it is open; a
            // component enum is closed wherever else it is used.
            let inline = member.as_object().filter(|map| !map.contains_key("$ref"));
            if let Some(map) = inline.filter(|_| open) {
                if let Some((ty, has_null)) = self.open_enum(map, member_pointer, context)? {
                    return Ok((UnionShape::Single(ty), nullable || has_null));
                }
            }
            let typed = self.typed(member, member_pointer, context)?;
            return Ok((UnionShape::Single(typed.ty), typed.nullable || nullable));
        }
        // Names the members share are no names: those go by position.
        let names: Vec<Option<String>> = members
            .iter()
            .map(|(member, member_pointer)| self.member_name(member, member_pointer))
            .collect();
        let named = |index: usize| {
            let name = names[index].as_ref()?;
            let shared = names
                .iter()
                .flatten()
                .filter(|other| *other == name)
                .count()
                > 1;
            (!shared).then(|| name.clone())
        };
        let mut nullable = false;
        let mut tried: Vec<(u64, TypeRef)> = Vec::new();
        for (index, (member, member_pointer)) in members.iter().enumerate() {
            if is_null_schema(member) {
                nullable = true;
                continue;
            }
            let segment = named(index).unwrap_or_else(|| format!("Variant{}", index + 1));
            let member_context = nested(context, &segment);
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
    pub(super) fn specificity(&self, member: &Value, pointer: &str) -> u64 {
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

    /// The `discriminator` of the schema at `pointer`: its object, its
    /// `propertyName` and its pointer.
    pub(super) fn discriminator<'v>(
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
    pub(super) fn pinned_tag(&self, member: &Value, pointer: &str, tag: &str) -> Option<String> {
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
            one_string(property)
        })
    }

    /// The type a discriminator's `mapping` value names: a reference, or
    /// the bare name of a component schema.
    pub(super) fn mapping_target(
        &mut self,
        target: &Value,
        pointer: &str,
    ) -> Result<TypeRef, Error> {
        match target.as_str() {
            Some(text) => {
                let reference = component_reference(text);
                self.reference(&Value::String(reference), pointer)
            }
            None => self.reference(target, pointer),
        }
    }

    /// Whether a schema admits `null` at its top: `nullable`, a `null`
    /// type, `null` among its `enum` values, a `oneOf`/`anyOf` member that
    /// admits it, or a `$ref` (chain) to such a schema. Each reference is
    /// looked into once (a cycle admits no `null` by itself).
    pub(super) fn admits_null(&mut self, value: &Value) -> bool {
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
}

/// `{type: string}` and nothing that narrows it to a kind of string: no
/// `enum`, `const` or `format`.
fn is_plain_string(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("string")
        && ["enum", "const", "format", "$ref", "oneOf", "anyOf", "allOf"]
            .iter()
            .all(|key| schema.get(key).is_none())
}

/// The one string a schema admits: a string `const`, or an `enum` of one
/// string.
fn one_string(schema: &Value) -> Option<String> {
    match (schema.get("const"), schema.get("enum")) {
        (Some(Value::String(value)), _) => Some(value.clone()),
        (None, Some(Value::Array(values))) => match values.as_slice() {
            [Value::String(value)] => Some(value.clone()),
            _ => None,
        },
        _ => None,
    }
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
            Primitive::Ipv4 => "Ipv4Addr",
            Primitive::Ipv6 => "Ipv6Addr",
            Primitive::Ip => "IpAddr",
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
