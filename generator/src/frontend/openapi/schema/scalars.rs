//! What a schema says of a single value: its `type` (with `null`), a
//! string's `format`, `enum` and `const` values, the limits the generated
//! docs state, and the keywords the model does not check.

use serde_json::{Map, Value};

use super::super::document::{child, kind, string};
use super::Schemas;
use crate::diagnostic::Error;
use crate::frontend::schemas::enum_schema;
use crate::model::{Bound, Constraints, EnumWire, Primitive, SchemaKind, TypeRef};

/// The values of an enum the model holds: all strings, all integers, all
/// numbers, or one boolean.
pub(super) struct EnumFound {
    pub values: Vec<String>,
    pub has_null: bool,
    pub wire: EnumWire,
}

impl Schemas<'_, '_> {
    /// `type` as one name and whether it admits `null` (OpenAPI 3.1 writes
    /// `type: [string, "null"]`).
    pub(super) fn type_name(
        &self,
        map: &Map<String, Value>,
        pointer: &str,
    ) -> Result<(Option<String>, bool), Error> {
        match map.get("type") {
            None => Ok((None, false)),
            // `type: "null"` (3.1): `null` only, which no Rust type but
            // the open value holds; it admits `null`.
            Some(Value::String(name)) if name == "null" => Ok((None, true)),
            Some(Value::String(name)) => Ok((Some(name.clone()), false)),
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

    pub(super) fn string_format(
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
            Some("ipv4") => Primitive::Ipv4,
            Some("ipv6") => Primitive::Ipv6,
            Some("ip") => Primitive::Ip,
            Some("password" | "hostname") => Primitive::String,
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

    /// The inline enum of `found`, named `name` ([`Schemas::inline`]);
    /// `open` when the input admits other strings too.
    pub(super) fn inline_enum(
        &mut self,
        found: &EnumFound,
        description: Option<String>,
        name: &str,
        pointer: &str,
        open: bool,
    ) -> TypeRef {
        let mut kind = enum_schema(name.to_string(), None, &found.values, found.wire).kind;
        if let SchemaKind::Enum(values) = &mut kind {
            values.open = open;
        }
        self.inline(name, description, kind, pointer)
    }

    /// The values of an `enum` (or a `const`, an enum of one value) when
    /// they are all strings, or all numbers or booleans of the schema's
    /// `type` (integers also without one), and whether `null` is one of
    /// them. `None` when the schema has neither, or values of other types,
    /// or both booleans: then its `type` decides, and without one it is an
    /// open value.
    pub(super) fn enum_values(
        &mut self,
        map: &Map<String, Value>,
        pointer: &str,
    ) -> Result<Option<EnumFound>, Error> {
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
        let has_null = values.contains(&Value::Null);
        let values: Vec<&Value> = values.iter().filter(|v| !v.is_null()).collect();
        let type_name = match map.get("type") {
            None | Some(Value::String(_)) | Some(Value::Array(_)) => {
                self.type_name(map, pointer)?.0
            }
            Some(_) => None,
        };
        let all = |test: fn(&Value) -> bool| values.iter().all(|v| test(v));
        let wire = match type_name.as_deref() {
            _ if all(Value::is_string) => EnumWire::Strings,
            None | Some("integer") if all(|v| v.is_i64()) => EnumWire::Integers,
            Some("number") if all(Value::is_number) => EnumWire::Numbers,
            // One boolean; `true` and `false` both are a `bool`.
            Some("boolean") if all(Value::is_boolean) && values.len() == 1 => EnumWire::Booleans,
            Some("boolean") if all(Value::is_boolean) => return Ok(None),
            _ => return Ok(self.no_enum(map, &values_pointer)),
        };
        let values = values
            .iter()
            .map(|value| match value {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            })
            .collect();
        Ok(Some(EnumFound {
            values,
            has_null,
            wire,
        }))
    }

    /// No enum the model holds (values of mixed kinds): the schema's
    /// `type` decides, and without one the value is open.
    fn no_enum(&mut self, map: &Map<String, Value>, values_pointer: &str) -> Option<EnumFound> {
        if !map.contains_key("type") {
            self.warnings.push(self.doc.warning(values_pointer, "values that are not all strings or all integers, without a `type` (numbers and booleans need one): the value is kept as untyped JSON"));
        }
        None
    }

    pub(super) fn constraints(
        &self,
        map: &Map<String, Value>,
        pointer: &str,
    ) -> Result<Constraints, Error> {
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
            items: None,
        })
    }

    /// The limits of the component `reference` points at, its items' too,
    /// and of those it refers to in turn (a few steps, so a cycle ends).
    /// Nothing where it cannot be read: reading the component itself
    /// reports why.
    pub(super) fn referenced_constraints(&self, reference: &Value) -> Constraints {
        self.constraints_behind(reference, 8)
    }

    fn constraints_behind(&self, reference: &Value, steps: u8) -> Constraints {
        let target = reference.as_str().and_then(|r| self.doc.target(r, "").ok());
        let Some((Value::Object(map), pointer)) = target.filter(|_| steps > 0) else {
            return Constraints::default();
        };
        let mut found = self.constraints(map, &pointer).unwrap_or_default();
        if let Some(items) = map.get("items").and_then(Value::as_object) {
            let mut item = self.constraints(items, &pointer).unwrap_or_default();
            if let Some(reference) = items.get("$ref") {
                item = item.or(self.constraints_behind(reference, steps - 1));
            }
            if !item.is_empty() {
                found.items = Some(Box::new(item));
            }
        }
        match map.get("$ref") {
            Some(reference) => found.or(self.constraints_behind(reference, steps - 1)),
            None => found,
        }
    }

    /// A warning for each keyword of `map` that narrows the values the
    /// schema admits in a way the model does not hold: the client does not
    /// check it (the other keywords still give the type).
    pub(super) fn unchecked(&mut self, map: &Map<String, Value>, pointer: &str) {
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
}
