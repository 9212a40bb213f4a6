//! A type as a page shows it, in any renderer's words: `integer <int64>`
//! (Redoc), `string<uuid>` (Stoplight Elements), `integer($int32)`
//! (Swagger UI), `Array of objects (Item)`, `array[string]`, `object[]`,
//! `list of strings`, `enum<string> | null`, `string or null`,
//! `number · max: 1000`. Read into what it says: a kind, a format, whether
//! `null` is allowed and the schema's title where one is shown; and into
//! the model's type. The limits a type line carries (`[ 1 .. 1000 ]`,
//! `non-empty`, `>= 1 characters`) are read by [`constraints`].

use crate::model::{Bound, Constraints, Primitive, TypeRef};

/// What kind of value a shown type is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShownKind {
    String,
    Integer,
    Number,
    Boolean,
    /// An object; its fields, if shown, are entries nested under it.
    Object,
    /// Any value.
    Any,
    /// A value of a type the page names but does not show (a list's
    /// items titled `InputItem[]`).
    Unstated,
    /// A list of items of the inner type.
    Array(Box<ShownType>),
    /// A map of values of the inner type.
    Map(Box<ShownType>),
    /// An enum of the values listed elsewhere, of strings by default.
    Enum,
}

/// A type as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownType {
    pub kind: ShownKind,
    /// The format (`uuid`, `int64`, `date-time`), where shown.
    pub format: Option<String>,
    /// Whether the type says it allows `null` (`or null`, `| null`).
    pub nullable: bool,
    /// The schema's title or name shown beside the type (`(Owner)`).
    pub title: Option<String>,
}

/// The formats a page may show after a type, which tell the type apart.
const FORMATS: [&str; 24] = [
    "uuid",
    "date-time",
    "date",
    "binary",
    "byte",
    "email",
    "uri",
    "url",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float",
    "double",
    "password",
    "hostname",
    "ipv4",
    "ipv6",
    "time",
    "uri-reference",
];

impl ShownType {
    fn of(kind: ShownKind) -> ShownType {
        ShownType {
            kind,
            format: None,
            nullable: false,
            title: None,
        }
    }

    /// Reads a shown type; `None` when `text` is not one.
    /// A list whose items' type the page does not show.
    pub fn list_of_unstated() -> ShownType {
        Self::of(ShownKind::Array(Box::new(Self::of(ShownKind::Unstated))))
    }

    pub fn parse(text: &str) -> Option<ShownType> {
        let mut text = text.trim().to_string();
        let mut nullable = false;
        // `null` allowed: `string or null`, `string | null`, `nullable`.
        for marker in [" or null", " | null", "| null", " nullable", " OR NULL"] {
            if let Some(at) = text.find(marker) {
                nullable = true;
                text = format!("{}{}", &text[..at], &text[at + marker.len()..]);
            }
        }
        // A title after `·` (Scalar) or in parentheses (Redoc), kept apart.
        let mut title = None;
        if let Some((head, tail)) = text.split_once(" · ") {
            let tail = tail.trim();
            if !FORMATS.contains(&tail) && !tail.contains(':') {
                title = Some(tail.to_string());
            }
            text = match FORMATS.contains(&tail) {
                true => format!("{head}<{tail}>"),
                false => head.to_string(),
            };
        }
        let mut shown = Self::parse_bare(text.trim(), &mut title)?;
        // `array · InputItem[]` (Scalar): a list of the named schema,
        // whose type the line does not show.
        if shown.kind == ShownKind::Array(Box::new(Self::of(ShownKind::Any)))
            && title.as_deref().is_some_and(|t| t.ends_with("[]"))
        {
            shown.kind = ShownKind::Array(Box::new(Self::of(ShownKind::Unstated)));
            title = title.map(|t| t.trim_end_matches("[]").to_string());
        }
        shown.nullable |= nullable;
        if shown.title.is_none() {
            shown.title = title;
        }
        Some(shown)
    }

    fn parse_bare(text: &str, title: &mut Option<String>) -> Option<ShownType> {
        let lower = text.to_ascii_lowercase();
        // A list: `Array of strings`, `array[string]`, `string[]`, `list of
        // strings`, `array object[]` (Scalar).
        for prefix in ["array of ", "list of "] {
            if lower.starts_with(prefix) {
                let rest = &text[prefix.len()..];
                let item = Self::parse_bare(&singular(rest), title)?;
                return Some(Self::of(ShownKind::Array(Box::new(item))).with_title_of(rest, title));
            }
        }
        if let Some(inner) = lower
            .strip_prefix("array[")
            .and_then(|rest| rest.strip_suffix(']'))
        {
            let item = Self::parse_bare(&text[6..6 + inner.len()], title)?;
            return Some(Self::of(ShownKind::Array(Box::new(item))));
        }
        if let Some(inner) = lower.strip_prefix("array ").filter(|r| r.ends_with("[]")) {
            let inner = &text[6..6 + inner.len()];
            return Self::parse_bare(inner, title);
        }
        // `dictionary[string, any]`: a map of the values' type.
        if let Some(inner) = lower
            .strip_prefix("dictionary[")
            .and_then(|rest| rest.strip_suffix(']'))
        {
            let value = inner
                .split_once(',')
                .map_or(inner, |(_, value)| value)
                .trim();
            let value = Self::parse_bare(value, title)?;
            let mut map = Self::of(ShownKind::Object);
            map.title = None;
            return Some(match value.kind {
                ShownKind::Any => map,
                _ => Self::of(ShownKind::Map(Box::new(value))),
            });
        }
        if lower == "array" {
            return Some(Self::of(ShownKind::Array(Box::new(Self::of(
                ShownKind::Any,
            )))));
        }
        if let Some(inner) = text.strip_suffix("[]") {
            let item = Self::parse_bare(inner, title)?;
            return Some(Self::of(ShownKind::Array(Box::new(item))));
        }
        // The base word, then a format: `integer <int64>`, `string<uuid>`,
        // `integer($int32)`, `string(date-time)`, `string (Title)`.
        let word_end = text
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(text.len());
        let (word, rest) = text.split_at(word_end);
        let kind = match word.to_ascii_lowercase().as_str() {
            "string" | "str" | "text" => ShownKind::String,
            "integer" | "int" | "long" => ShownKind::Integer,
            "number" | "float" | "double" | "decimal" => ShownKind::Number,
            "boolean" | "bool" => ShownKind::Boolean,
            "object" | "map" | "dict" | "record" => ShownKind::Object,
            "any" | "anything" => ShownKind::Any,
            "file" | "binary" => {
                let mut shown = Self::of(ShownKind::String);
                shown.format = Some("binary".to_string());
                return Some(shown);
            }
            "enum" => ShownKind::Enum,
            // Some renderers show a format alone (`uuid`, `int32`).
            other if FORMATS.contains(&other) => {
                let mut shown = Self::of(format_kind(other));
                shown.format = Some(other.to_string());
                return Some(shown);
            }
            _ => return None,
        };
        let mut shown = Self::of(kind);
        let rest = rest.trim();
        // `enum<string>`: the values' type; values of a number or a
        // boolean are of that type.
        if shown.kind == ShownKind::Enum {
            let values = bracketed(rest).map(|inner| inner.trim().to_ascii_lowercase());
            let kind = match values.as_deref() {
                Some("integer") => ShownKind::Integer,
                Some("number") => ShownKind::Number,
                Some("boolean") => ShownKind::Boolean,
                _ => ShownKind::Enum,
            };
            return Some(Self::of(kind));
        }
        let mut rest = rest;
        if let Some(inner) = bracketed(rest) {
            rest = rest[inner.len() + 2..].trim();
            let format = inner
                .trim()
                .trim_start_matches('$')
                .trim()
                .to_ascii_lowercase();
            if FORMATS.contains(&format.as_str()) {
                shown.format = Some(format);
            } else if !format.is_empty() && title.is_none() {
                *title = Some(inner.trim().to_string());
            }
        }
        // A title after the format (`string <uuid> (Id)`); anything else
        // (`string or Array of strings`) is not a type this reads.
        if let Some(more) = bracketed(rest) {
            rest = rest[more.len() + 2..].trim();
            if title.is_none() {
                *title = Some(more.to_string());
            }
        }
        rest.is_empty().then_some(shown)
    }

    /// Keeps a title shown in parentheses after a list's items (`Array of
    /// objects (Item)`).
    fn with_title_of(self, rest: &str, title: &mut Option<String>) -> ShownType {
        if let (Some(open), Some(close)) = (rest.find('('), rest.rfind(')')) {
            if open < close && title.is_none() {
                *title = Some(rest[open + 1..close].to_string());
            }
        }
        self
    }

    /// The model's type for this shown type: `None` for an object or enum,
    /// which the caller builds from its fields or values.
    pub fn type_ref(&self) -> TypeRef {
        match &self.kind {
            ShownKind::String => TypeRef::Primitive(match self.format.as_deref() {
                Some("uuid") => Primitive::Uuid,
                Some("date-time") => Primitive::DateTime,
                Some("date") => Primitive::Date,
                Some("binary") => Primitive::Binary,
                Some("byte") => Primitive::Base64,
                Some("email") => Primitive::Email,
                Some("uri" | "url") => Primitive::Uri,
                Some("ipv4") => Primitive::Ipv4,
                Some("ipv6") => Primitive::Ipv6,
                _ => Primitive::String,
            }),
            ShownKind::Integer => {
                TypeRef::Primitive(Primitive::integer_of_format(self.format.as_deref()))
            }
            ShownKind::Number => TypeRef::Primitive(match self.format.as_deref() {
                Some("float") => Primitive::Float,
                Some("double") => Primitive::Double,
                _ => Primitive::Number,
            }),
            ShownKind::Boolean => TypeRef::Primitive(Primitive::Boolean),
            ShownKind::Object => TypeRef::Map(Box::new(TypeRef::Unstated)),
            ShownKind::Any => TypeRef::Any,
            ShownKind::Unstated => TypeRef::Unstated,
            ShownKind::Enum => TypeRef::Primitive(Primitive::String),
            ShownKind::Array(item) => TypeRef::Array(Box::new(item.type_ref())),
            ShownKind::Map(value) => TypeRef::Map(Box::new(value.type_ref())),
        }
    }

    /// The innermost item type of nested lists (the type itself otherwise).
    pub fn innermost(&self) -> &ShownType {
        match &self.kind {
            ShownKind::Array(item) => item.innermost(),
            _ => self,
        }
    }
}

/// The kind a format alone stands for.
/// Whether `text` is a format a page may show apart from its type
/// (Scalar's `Format:` line).
pub fn is_format(text: &str) -> bool {
    FORMATS.contains(&text)
}

fn format_kind(format: &str) -> ShownKind {
    match format {
        "int8" | "int16" | "int32" | "int64" | "uint8" | "uint16" | "uint32" | "uint64" => {
            ShownKind::Integer
        }
        "float" | "double" => ShownKind::Number,
        _ => ShownKind::String,
    }
}

/// `strings` → `string`, `objects (Item)` → `object`, `any` → `any`.
fn singular(text: &str) -> String {
    let word = text.split_whitespace().next().unwrap_or(text);
    let word = word.split('<').next().unwrap_or(word);
    let singular = word
        .strip_suffix("ies")
        .map(|w| format!("{w}y"))
        .unwrap_or_else(|| {
            word.strip_suffix('s')
                .filter(|w| !w.is_empty())
                .unwrap_or(word)
                .to_string()
        });
    // The format after the item word stays: `strings <uuid>`.
    let rest = text[word.len().min(text.len())..].trim_start();
    match rest.starts_with('<') {
        true => format!("{singular} {rest}"),
        false => singular,
    }
}

/// The text inside the first `<...>` or `(...)` at the start of `text`.
fn bracketed(text: &str) -> Option<&str> {
    let (open, close) = match text.chars().next()? {
        '<' => ('<', '>'),
        '(' => ('(', ')'),
        _ => return None,
    };
    let end = text.find(close)?;
    Some(&text[open.len_utf8()..end])
}

/// A type line split where its limits start: `string non-empty` is
/// `string` and `non-empty`; `integer <int64> [ 1 .. 1000 ]` is `integer
/// <int64>` and `[ 1 .. 1000 ]`; a pattern runs to the line's end.
pub fn split_limits(text: &str) -> (&str, Vec<&str>) {
    const STARTS: [&str; 8] = [
        " non-empty",
        " [ ",
        " >= ",
        " <= ",
        " > ",
        " < ",
        " ^",
        " unique",
    ];
    let Some(first) = STARTS.iter().filter_map(|start| text.find(start)).min() else {
        return (text.trim(), Vec::new());
    };
    let (head, mut rest) = text.split_at(first);
    let mut limits = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        if rest.starts_with('^') {
            limits.push(rest.trim_end());
            break;
        }
        // A limit runs to the next start of one.
        let next = STARTS
            .iter()
            .filter_map(|start| rest[1..].find(start).map(|at| at + 1))
            .min()
            .unwrap_or(rest.len());
        limits.push(rest[..next].trim());
        rest = &rest[next..];
    }
    (head.trim(), limits)
}

/// The limits a page states in words, from any renderer: `[ 1 .. 1000 ]`,
/// `>= 0`, `<= 150 characters`, `non-empty`, `min length: 1`, `max: 1000`,
/// `[ 1 .. 10 ] items`, `^pattern$`. Each recognised piece is added to
/// `into`; the text of what was not recognised is returned.
pub fn constraints(text: &str, into: &mut Constraints) -> bool {
    let text = text.trim();
    let bound = |value: &str, exclusive: bool| Bound {
        value: value.trim().to_string(),
        exclusive,
    };
    let number = |value: &str| value.trim().parse::<f64>().is_ok();
    let count = |value: &str| value.trim().parse::<u64>().ok();
    if text == "non-empty" || text == "non-empty string" {
        into.min_length = Some(1);
        return true;
    }
    // `[ 1 .. 1000 ]` with an optional unit.
    if let Some(inner) = text.strip_prefix('[').and_then(|rest| {
        let end = rest.find(']')?;
        Some((&rest[..end], rest[end + 1..].trim()))
    }) {
        let (range, unit) = inner;
        if let Some((low, high)) = range.split_once("..") {
            return match unit {
                "characters" | "chars" => {
                    into.min_length = count(low);
                    into.max_length = count(high);
                    into.min_length.is_some() || into.max_length.is_some()
                }
                "items" => {
                    into.min_items = count(low);
                    into.max_items = count(high);
                    true
                }
                _ if number(low) && number(high) => {
                    into.minimum = Some(bound(low, false));
                    into.maximum = Some(bound(high, false));
                    true
                }
                _ => false,
            };
        }
        return false;
    }
    for (prefix, minimum, exclusive) in [
        (">=", true, false),
        ("<=", false, false),
        (">", true, true),
        ("<", false, true),
        ("min:", true, false),
        ("max:", false, false),
        ("minimum:", true, false),
        ("maximum:", false, false),
    ] {
        let Some(rest) = text.strip_prefix(prefix) else {
            continue;
        };
        let rest = rest.trim();
        let (value, unit) = rest.split_once(' ').unwrap_or((rest, ""));
        return match unit.trim() {
            "characters" | "chars" => {
                let slot = if minimum {
                    &mut into.min_length
                } else {
                    &mut into.max_length
                };
                *slot = count(value);
                slot.is_some()
            }
            "items" => {
                let slot = if minimum {
                    &mut into.min_items
                } else {
                    &mut into.max_items
                };
                *slot = count(value);
                slot.is_some()
            }
            "" if number(value) => {
                let slot = if minimum {
                    &mut into.minimum
                } else {
                    &mut into.maximum
                };
                *slot = Some(bound(value, exclusive));
                true
            }
            _ => false,
        };
    }
    for (prefix, minimum) in [
        ("min length:", true),
        ("max length:", false),
        ("minLength:", true),
        ("maxLength:", false),
    ] {
        if let Some(value) = text.strip_prefix(prefix).and_then(count) {
            match minimum {
                true => into.min_length = Some(value),
                false => into.max_length = Some(value),
            }
            return true;
        }
    }
    if text.len() > 1 && text.starts_with('^') {
        into.pattern = Some(text.to_string());
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> ShownType {
        ShownType::parse(text).unwrap_or_else(|| panic!("`{text}` is a type"))
    }

    #[test]
    fn every_renderer_s_words_for_a_type() {
        for (text, ty) in [
            ("string", TypeRef::Primitive(Primitive::String)),
            ("integer <int64>", TypeRef::Primitive(Primitive::Int64)),
            ("string<uuid>", TypeRef::Primitive(Primitive::Uuid)),
            ("integer($int32)", TypeRef::Primitive(Primitive::Int32)),
            ("string(date-time)", TypeRef::Primitive(Primitive::DateTime)),
            ("number <double>", TypeRef::Primitive(Primitive::Double)),
            ("uuid", TypeRef::Primitive(Primitive::Uuid)),
            ("boolean", TypeRef::Primitive(Primitive::Boolean)),
            ("object", TypeRef::Map(Box::new(TypeRef::Unstated))),
            ("any", TypeRef::Any),
        ] {
            assert_eq!(shown(text).type_ref(), ty, "{text}");
        }
        let strings = TypeRef::Array(Box::new(TypeRef::Primitive(Primitive::String)));
        for text in [
            "Array of strings",
            "array[string]",
            "string[]",
            "list of strings",
        ] {
            assert_eq!(shown(text).type_ref(), strings, "{text}");
        }
        let uuids = TypeRef::Array(Box::new(TypeRef::Primitive(Primitive::Uuid)));
        assert_eq!(shown("Array of strings <uuid>").type_ref(), uuids);
        assert_eq!(shown("uuid[]").type_ref(), uuids);
        assert_eq!(
            shown("array object[]").type_ref(),
            TypeRef::Array(Box::new(TypeRef::Map(Box::new(TypeRef::Unstated))))
        );
    }

    #[test]
    fn null_and_titles_are_read_apart() {
        let managed = shown("string or null (Managed by authentik)");
        assert!(managed.nullable);
        assert_eq!(managed.title.as_deref(), Some("Managed by authentik"));
        assert_eq!(managed.kind, ShownKind::String);
        let scalar = shown("string | null · Managed by authentik");
        assert!(scalar.nullable);
        assert_eq!(scalar.title.as_deref(), Some("Managed by authentik"));
        let owner = shown("object (Owner)");
        assert_eq!(
            (owner.kind, owner.title.as_deref()),
            (ShownKind::Object, Some("Owner"))
        );
        let items = shown("Array of objects (Item)");
        assert_eq!(items.title.as_deref(), Some("Item"));
        assert!(shown("enum<string> | null").nullable);
        assert_eq!(shown("enum<string>").kind, ShownKind::Enum);
        assert_eq!(shown("enum<number>").kind, ShownKind::Number);
        assert_eq!(shown("enum<integer> | null").kind, ShownKind::Integer);
        assert!(ShownType::parse("A UUID string identifying this Group.").is_none());
        assert!(ShownType::parse("required").is_none());
    }

    #[test]
    fn a_type_line_and_its_limits() {
        assert_eq!(
            split_limits("string non-empty"),
            ("string", vec!["non-empty"])
        );
        assert_eq!(
            split_limits("integer <int64> [ 1 .. 1000 ]"),
            ("integer <int64>", vec!["[ 1 .. 1000 ]"])
        );
        assert_eq!(
            split_limits("string or null (Managed by authentik) non-empty"),
            ("string or null (Managed by authentik)", vec!["non-empty"])
        );
        assert_eq!(
            split_limits("string (Time duration) ^([0-9]+(ns|us))+$"),
            ("string (Time duration)", vec!["^([0-9]+(ns|us))+$"])
        );
        assert_eq!(
            split_limits("string [ 1 .. 150 ] characters ^[a-z]+$"),
            ("string", vec!["[ 1 .. 150 ] characters", "^[a-z]+$"])
        );
        assert_eq!(
            split_limits("integer >= 0 <= 10"),
            ("integer", vec![">= 0", "<= 10"])
        );
    }

    #[test]
    fn limits_in_words() {
        let mut c = Constraints::default();
        assert!(constraints("[ 1 .. 1000 ]", &mut c));
        assert_eq!(
            (
                c.minimum.clone().map(|b| b.value),
                c.maximum.clone().map(|b| b.value)
            ),
            (Some("1".into()), Some("1000".into()))
        );
        let mut c = Constraints::default();
        assert!(constraints(">= 1 characters", &mut c));
        assert!(constraints("<= 150 characters", &mut c));
        assert!(constraints("non-empty", &mut c) || c.min_length == Some(1));
        assert_eq!((c.min_length, c.max_length), (Some(1), Some(150)));
        let mut c = Constraints::default();
        assert!(constraints("min length: 1", &mut c));
        assert!(constraints("[ 1 .. 10 ] items", &mut c));
        assert_eq!(
            (c.min_length, c.min_items, c.max_items),
            (Some(1), Some(1), Some(10))
        );
        let mut c = Constraints::default();
        assert!(constraints("^[a-z]+$", &mut c));
        assert_eq!(c.pattern.as_deref(), Some("^[a-z]+$"));
        assert!(!constraints(
            "The name of the pet.",
            &mut Constraints::default()
        ));
    }
}
