//! Splitting a glued field line (`authentication_flowuuidnullable`,
//! `pkID (integer)required`, `redirect_uris object[]required`) into the field
//! name, its type label and its flags.
//!
//! The page renders `<name><type label><flags>` with no separator, so the
//! split relies on two closed vocabularies: flags are `nullable`, `required`
//! and `deprecated`, always in that order and always last; type labels are
//! the JSON types and formats listed in [`BASE_LABELS`], optionally followed
//! by `[]` per array level, or `Title (label)` when the schema has a title.
//!
//! Rule, applied in this order:
//! 1. strip the flags from the end (`deprecated`, then `required`, then `nullable`);
//! 2. if the rest ends with `(label)`, it is `<name><title> (<label>)`; the
//!    name is the longest known example key that is a proper prefix (when the
//!    page has a JSON example for this object), else the leading run of
//!    `[a-z0-9_]` characters: authentik's names are snake case and titles
//!    start with a capital or a non-identifier character;
//! 3. otherwise the rest ends with the longest label of the vocabulary that
//!    leaves a non-empty name, and one space between them is dropped.
//!
//! A name holds no white space, so a line with spaces outside a title is
//! never a field line.

use serde_json::Value;

use crate::model::{Primitive, TypeRef};

/// Type labels the page prints for a schema: a JSON type, or the format
/// when there is one.
pub const BASE_LABELS: &[&str] = &[
    "string",
    "integer",
    "number",
    "boolean",
    "object",
    "array",
    "uuid",
    "uri",
    "date-time",
    "date",
    "email",
    "int32",
    "int64",
    "float",
    "double",
    "binary",
    "byte",
    "any",
];

/// What a field line says, before it is attached to a schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldLine {
    pub name: String,
    /// `Set HTTP-Basic Authentication` in `basic_auth_enabledSet HTTP-Basic Authentication (boolean)`.
    pub title: Option<String>,
    pub label: Label,
    pub nullable: bool,
    pub required: bool,
    pub deprecated: bool,
}

/// A type label: a base label and how many `[]` follow it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub base: String,
    pub array_depth: usize,
}

impl Label {
    /// Parses `uuid[]`, `object`, `date-time`; `None` when the base is not in
    /// the vocabulary.
    pub fn parse(text: &str) -> Option<Label> {
        let mut base = text;
        let mut array_depth = 0;
        while let Some(inner) = base.strip_suffix("[]") {
            base = inner;
            array_depth += 1;
        }
        BASE_LABELS.contains(&base).then(|| Label {
            base: base.to_string(),
            array_depth,
        })
    }

    pub fn is_object(&self) -> bool {
        self.base == "object"
    }

    /// The element type the base label stands for; `object` is a free-form
    /// object here, and callers that know its properties replace it.
    pub fn base_type(&self) -> TypeRef {
        let primitive = match self.base.as_str() {
            "string" => Primitive::String,
            "byte" => Primitive::Base64,
            "integer" => Primitive::Integer,
            "number" => Primitive::Number,
            "boolean" => Primitive::Boolean,
            "uuid" => Primitive::Uuid,
            "uri" => Primitive::Uri,
            "date-time" => Primitive::DateTime,
            "date" => Primitive::Date,
            "email" => Primitive::Email,
            "int32" => Primitive::Int32,
            "int64" => Primitive::Int64,
            "float" => Primitive::Float,
            "double" => Primitive::Double,
            "binary" => Primitive::Binary,
            "array" => return TypeRef::Array(Box::new(TypeRef::Any)),
            "any" => return TypeRef::Any,
            // An object whose entries the page does not show: their type is unstated.
            _ => return TypeRef::Map(Box::new(TypeRef::Unstated)),
        };
        TypeRef::Primitive(primitive)
    }

    /// Whether the base label is a kind of text (`string`, `uuid`, `date-time`, …).
    pub fn is_text(&self) -> bool {
        matches!(
            self.base_type(),
            TypeRef::Primitive(
                Primitive::String
                    | Primitive::Uuid
                    | Primitive::Uri
                    | Primitive::Email
                    | Primitive::DateTime
                    | Primitive::Date
                    | Primitive::Binary
                    | Primitive::Base64
            )
        )
    }

    /// The value of `Default value: <text>` under a field with this label:
    /// the site prints a text default as it is and any other as JSON. The
    /// error says what the text should have been.
    pub fn default_value(&self, text: &str) -> Result<Value, &'static str> {
        if self.array_depth == 0 && self.is_text() {
            return Ok(Value::String(text.to_string()));
        }
        let value: Value = serde_json::from_str(text).map_err(|_| "JSON")?;
        let fits = match (self.array_depth, self.base_type(), &value) {
            (0, TypeRef::Any, _) => true,
            (0, TypeRef::Primitive(Primitive::Boolean), Value::Bool(_)) => true,
            (0, TypeRef::Primitive(p), Value::Number(_)) => p.is_numeric(),
            (0, TypeRef::Primitive(_), _) => false,
            (0, _, Value::Object(_)) | (1.., _, Value::Array(_)) => true,
            _ => false,
        };
        if fits {
            Ok(value)
        } else {
            Err("a value of its type")
        }
    }

    /// Wraps `element` in one array per `[]`.
    pub fn wrap(&self, element: TypeRef) -> TypeRef {
        (0..self.array_depth).fold(element, |ty, _| TypeRef::Array(Box::new(ty)))
    }
}

/// Why a line that looks like a field line is not one.
#[derive(Debug, PartialEq, Eq)]
pub enum LabelError {
    /// `namestrin`: no known type label at the end.
    UnknownLabel(String),
    /// `Title (strang)`: the label in parentheses is not known.
    UnknownTitledLabel(String),
}

impl std::fmt::Display for LabelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let known = BASE_LABELS.join(", ");
        match self {
            LabelError::UnknownLabel(rest) => write!(
                f,
                "`{rest}` does not end in a known type label; expected a field name followed by one of: {known} (optionally with `[]`)"
            ),
            LabelError::UnknownTitledLabel(label) => write!(
                f,
                "unknown type label `{label}` in parentheses; expected one of: {known} (optionally with `[]`)"
            ),
        }
    }
}

/// Whether `text` has the shape of a field line at all: a name glued to a
/// label (no white space but before a titled label's `(` or a label after a
/// single space), as opposed to prose.
pub fn looks_like_field_line(text: &str) -> bool {
    let rest = strip_flags(text).0;
    if let Some(open) = titled_open(rest) {
        // `<name><Title> (<label>)`: a snake-case name glued to the title.
        let prefix = &rest[..open];
        let name_len = prefix
            .chars()
            .take_while(|c| is_name_char(*c) && !c.is_ascii_uppercase())
            .count();
        return name_len > 0 && prefix.len() > name_len && !prefix[name_len..].starts_with(' ');
    }
    let head = match rest.split_once(' ') {
        // `<name> <label>` (parameters, `object[]` fields): the part after
        // the space must be a label, or the line is prose (`Brand name`).
        Some((name, label)) if Label::parse(label).is_some() => name,
        Some(_) => return false,
        None => rest,
    };
    !head.is_empty()
        && head
            .chars()
            .all(|c| is_name_char(c) || c == '-' || c == '[' || c == ']')
}

/// Splits a field line. `example_keys` are the keys of the JSON example for
/// the enclosing object, when the page has one, and decide ambiguous splits.
pub fn split_field_line(text: &str, example_keys: &[String]) -> Result<FieldLine, LabelError> {
    let (rest, nullable, required, deprecated) = strip_flags(text);
    if let Some(open) = titled_open(rest) {
        let inner = &rest[open + 2..rest.len() - 1];
        let label =
            Label::parse(inner).ok_or_else(|| LabelError::UnknownTitledLabel(inner.to_string()))?;
        let glued = &rest[..open];
        let name_len = example_keys
            .iter()
            .filter(|key| glued.len() > key.len() && glued.starts_with(key.as_str()))
            .map(|key| key.len())
            .max()
            .unwrap_or_else(|| {
                glued
                    .chars()
                    .take_while(|c| is_name_char(*c) && !c.is_ascii_uppercase())
                    .count()
            });
        let (name, title) = glued.split_at(name_len);
        return Ok(FieldLine {
            name: name.to_string(),
            title: (!title.is_empty()).then(|| title.to_string()),
            label,
            nullable,
            required,
            deprecated,
        });
    }
    let candidates = label_splits(rest);
    let chosen = candidates
        .iter()
        .find(|(name, _)| example_keys.iter().any(|key| key == name))
        .or_else(|| candidates.first())
        .ok_or_else(|| LabelError::UnknownLabel(rest.to_string()))?;
    Ok(FieldLine {
        name: chosen.0.clone(),
        title: None,
        label: chosen.1.clone(),
        nullable,
        required,
        deprecated,
    })
}

/// Every way to read `rest` as `<name><label>`, longest label first.
fn label_splits(rest: &str) -> Vec<(String, Label)> {
    let splits: Vec<(String, Label)> = rest
        .char_indices()
        .skip(1)
        .filter_map(|(at, _)| {
            let label = Label::parse(&rest[at..])?;
            let name = rest[..at].strip_suffix(' ').unwrap_or(&rest[..at]);
            (!name.is_empty() && !name.contains(' ')).then(|| (name.to_string(), label))
        })
        .collect();
    // Splits were found front to back: the shortest name, so the longest label, is first.
    splits
}

/// Removes trailing flags; returns the rest and which flags were present.
fn strip_flags(text: &str) -> (&str, bool, bool, bool) {
    let mut rest = text.trim_end();
    let mut take = |flag: &str| match rest.strip_suffix(flag) {
        Some(inner) if !inner.is_empty() => {
            rest = inner;
            true
        }
        _ => false,
    };
    let deprecated = take("deprecated");
    let required = take("required");
    let nullable = take("nullable");
    (rest, nullable, required, deprecated)
}

/// The byte offset of ` (` in `<name><title> (<label>)`, when `rest` has that shape.
fn titled_open(rest: &str) -> Option<usize> {
    if !rest.ends_with(')') {
        return None;
    }
    rest.rfind(" (")
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> FieldLine {
        match split_field_line(text, &[]) {
            Ok(line) => line,
            Err(error) => panic!("{text}: {error}"),
        }
    }

    #[test]
    fn plain_labels_and_flags() {
        let line = split("authentication_flowuuidnullable");
        assert_eq!(
            (line.name.as_str(), line.label.base.as_str()),
            ("authentication_flow", "uuid")
        );
        assert!(line.nullable && !line.required);
        let line = split("namestringrequired");
        assert_eq!((line.name.as_str(), line.required), ("name", true));
        let line = split("property_mappingsuuid[]");
        assert_eq!(
            (line.label.base.as_str(), line.label.array_depth),
            ("uuid", 1)
        );
    }

    #[test]
    fn longest_label_wins() {
        assert_eq!(split("created_atdate-time").name, "created_at");
        assert_eq!(split("last_updatedate").name, "last_update");
    }

    #[test]
    fn titled_labels() {
        let line = split("pkID (integer)required");
        assert_eq!(
            (line.name.as_str(), line.title.as_deref()),
            ("pk", Some("ID"))
        );
        let line = split("basic_auth_enabledSet HTTP-Basic Authentication (boolean)");
        assert_eq!(line.name, "basic_auth_enabled");
        assert_eq!(line.title.as_deref(), Some("Set HTTP-Basic Authentication"));
        let line = split("modeProxyMode (string)");
        assert_eq!(
            (line.name.as_str(), line.title.as_deref()),
            ("mode", Some("ProxyMode"))
        );
    }

    #[test]
    fn spaced_object_labels() {
        let line = split("redirect_uris object[]required");
        assert_eq!(
            (line.name.as_str(), line.label.base.as_str(), line.required),
            ("redirect_uris", "object", true)
        );
    }

    #[test]
    fn example_keys_decide_ambiguous_splits() {
        let keys = vec!["mode".to_string()];
        let line = split_field_line("modelowercase title (string)", &keys).map(|l| l.name);
        assert_eq!(line, Ok("mode".to_string()));
    }

    #[test]
    fn unknown_labels_are_errors() {
        assert_eq!(
            split_field_line("namestrin", &[]),
            Err(LabelError::UnknownLabel("namestrin".into()))
        );
        assert!(matches!(
            split_field_line("pkID (strang)", &[]),
            Err(LabelError::UnknownTitledLabel(_))
        ));
    }

    #[test]
    fn prose_is_not_a_field_line() {
        assert!(!looks_like_field_line(
            "Validate SSL Certificates of upstream servers"
        ));
        assert!(!looks_like_field_line("Application's display Name."));
        assert!(looks_like_field_line("namestrin"));
        assert!(looks_like_field_line("redirect_uris object[]required"));
        assert!(looks_like_field_line(
            "basic_auth_enabledSet HTTP-Basic Authentication (boolean)"
        ));
    }

    #[test]
    fn defaults_are_read_as_the_label_says() {
        let label = |text: &str| match Label::parse(text) {
            Some(label) => label,
            None => panic!("`{text}` should be a label"),
        };
        let read = |l: &str, text: &str| label(l).default_value(text);
        assert_eq!(read("string", "5"), Ok(Value::String("5".into())));
        assert_eq!(read("date-time", ""), Ok(Value::String(String::new())));
        assert_eq!(read("boolean", "false"), Ok(Value::Bool(false)));
        assert_eq!(read("integer", "300"), Ok(serde_json::json!(300)));
        assert_eq!(read("integer[]", "[1, 2]"), Ok(serde_json::json!([1, 2])));
        assert_eq!(read("object", "{}"), Ok(serde_json::json!({})));
        assert_eq!(read("any", "\"x\""), Ok(serde_json::json!("x")));
        assert_eq!(read("boolean", "maybe"), Err("JSON"));
        assert_eq!(read("boolean", "1"), Err("a value of its type"));
        assert_eq!(read("integer[]", "1"), Err("a value of its type"));
    }
}
