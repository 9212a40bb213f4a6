//! An OpenAPI document as JSON values with their places: reading JSON or
//! YAML, following local `$ref`s, and errors and warnings that name the JSON
//! pointer of the value they are about.

use std::path::Path;

use serde_json::{Map, Value};

use crate::diagnostic::{Error, Location, Warning};

/// The parsed document and the file it came from.
pub struct Document<'a> {
    pub file: &'a Path,
    pub root: Value,
}

impl<'a> Document<'a> {
    /// Reads `text` as JSON when it starts like JSON, YAML otherwise (YAML
    /// is a superset of JSON, but the JSON parser is faster and its errors
    /// are clearer).
    pub fn parse(file: &'a Path, text: &str) -> Result<Document<'a>, Error> {
        let root: Value = if text.trim_start().starts_with('{') {
            serde_json::from_str(text).map_err(|error| {
                Error::input(
                    Location::line(file, error.line()),
                    format!("invalid JSON: {error}"),
                )
            })?
        } else {
            let tree: Tree = serde_yaml_ng::from_str(text).map_err(|error| {
                let line = error.location().map_or(1, |l| l.line());
                Error::input(Location::line(file, line), format!("invalid YAML: {error}"))
            })?;
            tree.0
        };
        if !root.is_object() {
            return Err(Error::input(
                Location::file(file),
                "expected an OpenAPI document (an object with `openapi`, `info` and `paths`)",
            ));
        }
        Ok(Document { file, root })
    }

    pub fn location(&self, pointer: &str) -> Location {
        Location {
            file: self.file.to_path_buf(),
            line: None,
            pointer: Some(if pointer.is_empty() {
                "/".to_string()
            } else {
                pointer.to_string()
            }),
        }
    }

    pub fn error(&self, pointer: &str, message: impl Into<String>) -> Error {
        Error::input(self.location(pointer), message)
    }

    pub fn warning(&self, pointer: &str, message: impl Into<String>) -> Warning {
        Warning {
            location: self.location(pointer),
            message: message.into(),
        }
    }

    /// The value at a local reference (`#/components/schemas/User`) and its
    /// pointer.
    pub fn target(&self, reference: &str, from: &str) -> Result<(&Value, String), Error> {
        let Some(pointer) = reference.strip_prefix('#') else {
            return Err(self.error(
                from,
                format!("`$ref: {reference}` points outside this document; expected a local reference starting with `#/`"),
            ));
        };
        match self.root.pointer(pointer) {
            Some(value) => Ok((value, pointer.to_string())),
            None => Err(self.error(
                from,
                format!("`$ref: {reference}` points at nothing in this document"),
            )),
        }
    }

    /// `value` itself, or what its `$ref` (chain) points at, with the pointer
    /// of the final value.
    pub fn resolve<'v>(
        &'v self,
        value: &'v Value,
        pointer: &str,
    ) -> Result<(&'v Value, String), Error> {
        let mut current = (value, pointer.to_string());
        for _ in 0..32 {
            match current.0.get("$ref") {
                Some(Value::String(reference)) => current = self.target(reference, &current.1)?,
                Some(_) => return Err(self.error(&current.1, "`$ref` must be a string")),
                None => return Ok(current),
            }
        }
        Err(self.error(pointer, "`$ref` chain is longer than 32 steps or circular"))
    }
}

/// `pointer` extended by one key, escaped per RFC 6901.
pub fn child(pointer: &str, key: &str) -> String {
    format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"))
}

/// The object at `value`, or an error naming what was expected.
pub fn object<'v>(
    doc: &Document<'_>,
    value: &'v Value,
    pointer: &str,
    what: &str,
) -> Result<&'v Map<String, Value>, Error> {
    value.as_object().ok_or_else(|| {
        doc.error(
            pointer,
            format!("expected {what} (an object), found {}", kind(value)),
        )
    })
}

/// The string at `key` of `map`, if present; an error if it is not a string.
pub fn string<'v>(
    doc: &Document<'_>,
    map: &'v Map<String, Value>,
    key: &str,
    pointer: &str,
) -> Result<Option<&'v str>, Error> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(other) => Err(doc.error(
            &child(pointer, key),
            format!("expected a string, found {}", kind(other)),
        )),
    }
}

/// The boolean at `key` of `map`, `false` when absent.
pub fn flag(
    doc: &Document<'_>,
    map: &Map<String, Value>,
    key: &str,
    pointer: &str,
) -> Result<bool, Error> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(value)) => Ok(*value),
        Some(other) => Err(doc.error(
            &child(pointer, key),
            format!("expected true or false, found {}", kind(other)),
        )),
    }
}

/// A non-empty description, trimmed.
pub fn description(
    doc: &Document<'_>,
    map: &Map<String, Value>,
    pointer: &str,
) -> Result<Option<String>, Error> {
    Ok(string(doc, map, "description", pointer)?
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .map(str::to_string))
}

pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A YAML document as a JSON tree. serde_json's own `Value` refuses an
/// integer beyond 64 bits (`minimum: -9223372036854776000`), which is valid
/// YAML; here it becomes the nearest float.
struct Tree(Value);

impl<'de> serde::Deserialize<'de> for Tree {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Tree, D::Error> {
        deserializer.deserialize_any(TreeVisitor).map(Tree)
    }
}

struct TreeVisitor;

impl<'de> serde::de::Visitor<'de> for TreeVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a YAML value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_i128<E>(self, value: i128) -> Result<Value, E> {
        Ok(float(value as f64))
    }

    fn visit_u128<E>(self, value: u128) -> Result<Value, E> {
        Ok(float(value as f64))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(float(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Tree(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Map::new();
        while let Some((key, Tree(value))) = map.next_entry::<String, Tree>()? {
            entries.insert(key, value);
        }
        Ok(Value::Object(entries))
    }
}

/// A float as JSON; YAML's `.nan` and `.inf`, which JSON cannot hold, as `null`.
fn float(value: f64) -> Value {
    serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number)
}
