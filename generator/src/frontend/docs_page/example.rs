//! The JSON examples a page shows (`Example (from schema)`, the request
//! explorer's body): reading them off the page, and what their values say
//! about types.
//!
//! The examples are generated from the schema by the documentation site, so
//! a sample value stands for a type: `"string"` a string,
//! `"3fa85f64-5717-4562-b3fc-2c963f66afa6"` a uuid, `0` a number, `true` a
//! boolean, `{}` an object whose entries are not shown. A sample cannot
//! tell `integer` from `number` (both print `0`), so `0` is read as a number.

use serde_json::Value;

use super::page::Line;
use crate::model::{Primitive, TypeRef};

/// The uuid the documentation site prints for every `format: uuid` value.
const UUID_SAMPLE: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
/// The address it prints for every `format: email` value.
const EMAIL_SAMPLE: &str = "user@example.com";

/// Reads the JSON value that starts on `lines[start]`; returns it and the
/// index of the line after it. The error names what is wrong.
pub fn read_json(lines: &[Line], start: usize) -> Result<(Value, usize), (usize, String)> {
    let mut text = String::new();
    let mut depth = 0i64;
    let mut in_string = false;
    let mut escaped = false;
    for (index, line) in lines.iter().enumerate().skip(start) {
        text.push_str(&line.text);
        text.push('\n');
        for c in line.text.chars() {
            match (in_string, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (true, false, '"') => in_string = false,
                (false, _, '"') => in_string = true,
                (false, _, '{' | '[') => depth += 1,
                (false, _, '}' | ']') => depth -= 1,
                _ => {}
            }
        }
        if depth <= 0 {
            return serde_json::from_str(&text)
                .map(|value| (value, index + 1))
                .map_err(|error| {
                    (
                        lines[start].number + error.line().saturating_sub(1),
                        format!("invalid JSON example: {error}"),
                    )
                });
        }
    }
    Err((
        lines[start].number,
        "the JSON example is not closed before the page ends".to_string(),
    ))
}

/// The primitive type a sample value stands for; `None` for objects,
/// arrays and `null`.
pub fn sample_primitive(value: &Value) -> Option<Primitive> {
    Some(match value {
        Value::String(text) if text == UUID_SAMPLE => Primitive::Uuid,
        Value::String(text) if text == EMAIL_SAMPLE => Primitive::Email,
        Value::String(text) if looks_like_date_time(text) => Primitive::DateTime,
        Value::String(text)
            if text.len() == 10 && looks_like_date_time(&format!("{text}T00:00:00Z")) =>
        {
            Primitive::Date
        }
        Value::String(_) => Primitive::String,
        Value::Bool(_) => Primitive::Boolean,
        // `0` stands for an integer or a number of any width: only "a number"
        // is known.
        Value::Number(_) => Primitive::Number,
        Value::Null | Value::Array(_) | Value::Object(_) => return None,
    })
}

/// Whether the site prints `value` for some type that is not an enum: the
/// string, uuid, email, date and date-time samples.
pub fn is_plain_sample(value: &Value) -> bool {
    matches!(
        sample_primitive(value),
        Some(Primitive::Uuid | Primitive::Email | Primitive::Date | Primitive::DateTime)
    ) || value.as_str() == Some("string")
}

/// `2024-07-29T15:51:28.071Z`: the date-time sample's shape.
fn looks_like_date_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 20
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes[10] == b'T'
        && bytes[13] == b':'
        && text.ends_with('Z')
        && bytes[..4].iter().all(u8::is_ascii_digit)
}

/// The primitive for a sample value, as a type.
pub fn sample_type(value: &Value) -> Option<TypeRef> {
    sample_primitive(value).map(TypeRef::Primitive)
}
