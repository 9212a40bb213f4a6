//! A field written on one line, as the hosted platforms copy it: bump.sh's
//! bullets (`• created_at string(date-time) Required`), and the glued
//! cells of Fern and GitBook (`namestringRequired`, `limitintegerOptional`,
//! `idstringRequiredformat: "uuid"`, `limitnumber · max: 1000optional`).
//!
//! A glued line is split at the type: the longest end of the line that
//! reads as a type leaves the name. Only a line that ends in its
//! required-ness (`Required`, `Optional`) is read as glued, since prose
//! reads alike (`a string`).

use super::super::shown_type::{constraints, ShownType};
use crate::model::Constraints;

/// What one field line states.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InlineField {
    pub name: String,
    pub shown: Option<ShownType>,
    pub required: Option<bool>,
    pub constraints: Constraints,
}

/// A bulleted field line: `• name type Required`.
pub fn bulleted(text: &str) -> Option<InlineField> {
    let rest = ["• ", "· ", "- ", "* "]
        .iter()
        .find_map(|bullet| text.strip_prefix(bullet))?;
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    let name = *words.first()?;
    if !is_name(name) {
        return None;
    }
    words.remove(0);
    let mut field = InlineField {
        name: name.to_string(),
        required: Some(false),
        ..InlineField::default()
    };
    words.retain(|word| match *word {
        "Required" | "required" => {
            field.required = Some(true);
            false
        }
        "Optional" | "optional" => false,
        _ => true,
    });
    let type_text = words.join(" ");
    if !type_text.is_empty() {
        field.shown = ShownType::parse(&type_text);
        // Words after a name that are no type: a list item of prose.
        field.shown.as_ref()?;
    }
    Some(field)
}

/// A glued field line: `namestringRequired`, `limitnumber · max:
/// 1000optional`, `idstringRequiredformat: "uuid"`.
pub fn glued(text: &str) -> Option<InlineField> {
    let mut rest = text.trim();
    // Fern puts the format after the flag: `Requiredformat: "uuid"`.
    let mut format = None;
    if let Some(at) = rest.rfind("format: ") {
        format = Some(rest[at + 8..].trim().trim_matches('"').to_string());
        rest = rest[..at].trim_end();
    }
    let mut required = None;
    for (flag, value) in [
        ("Required", true),
        ("required", true),
        ("Optional", false),
        ("optional", false),
    ] {
        if let Some(inner) = rest.strip_suffix(flag).filter(|inner| !inner.is_empty()) {
            required = Some(value);
            rest = inner.trim_end();
            break;
        }
    }
    required?;
    // GitBook's limits follow the type after `·`.
    let mut parts = rest.split(" · ");
    let head = parts.next()?.trim();
    let mut limits = Constraints::default();
    for part in parts {
        constraints(part.trim(), &mut limits);
    }
    let (name, mut shown) = split(head)?;
    if let (Some(shown), Some(format)) = (shown.as_mut(), format) {
        if shown.format.is_none() {
            shown.format = Some(format);
        }
    }
    Some(InlineField {
        name: name.to_string(),
        shown,
        required,
        constraints: limits,
    })
}

/// `namestring` as the name and the type: the longest end that reads as a
/// type. A line whose end is no type is a name alone (`ownerOwner`, where
/// a schema's title stands in the type's place, cannot be split).
fn split(head: &str) -> Option<(&str, Option<ShownType>)> {
    for (at, _) in head.char_indices().skip(1) {
        let (name, type_text) = head.split_at(at);
        let name = name.trim_end();
        let type_text = type_text.trim_start();
        if !is_name(name) || !type_text.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        if let Some(shown) = ShownType::parse(type_text) {
            return Some((name, Some(shown)));
        }
    }
    is_name(head).then_some((head, None))
}

/// Whether `text` can be a field's name.
pub fn is_name(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 120
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '$' | '@' | '[' | ']'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontend::docs_page::shown_type::ShownKind;

    #[test]
    fn glued_and_bulleted_lines() {
        let field = glued("namestringRequired").expect("a field");
        assert_eq!(field.name, "name");
        assert_eq!(field.required, Some(true));
        assert_eq!(field.shown.map(|s| s.kind), Some(ShownKind::String));
        let field = glued("limitintegerOptional").expect("a field");
        assert_eq!(
            (field.name.as_str(), field.required),
            ("limit", Some(false))
        );
        let field = glued("idstringRequiredformat: \"uuid\"").expect("a field");
        assert_eq!(field.shown.and_then(|s| s.format).as_deref(), Some("uuid"));
        let field = glued("limitnumber · max: 1000optional").expect("a field");
        assert_eq!(field.name, "limit");
        assert!(field.constraints.maximum.is_some());
        assert_eq!(glued("a string"), None);
        let field = bulleted("• created_at string(date-time) Required").expect("a field");
        assert_eq!(field.name, "created_at");
        assert_eq!(field.required, Some(true));
        assert_eq!(
            field.shown.and_then(|s| s.format).as_deref(),
            Some("date-time")
        );
        assert_eq!(bulleted("• Returns the widget in full"), None);
    }
}
