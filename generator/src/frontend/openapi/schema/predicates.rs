//! What the JSON of a schema says on its own, before any of it is read
//! into the model.

use serde_json::{Map, Value};

/// Where the component schemas are, as a JSON pointer and as a reference.
pub(super) const COMPONENTS: &str = "/components/schemas";
pub(super) const COMPONENTS_REF: &str = "#/components/schemas/";

/// Whether a schema is a union: a `oneOf` or `anyOf` with a member that
/// is a type. Members that only add constraints to the schema beside them
/// (`anyOf: [{required: [a]}, {required: [b]}]`) make no union; those
/// constraints are not checked.
pub(super) fn is_union(map: &Map<String, Value>) -> bool {
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

/// The `required` lists of an `anyOf` or `oneOf` whose members only
/// require properties (`anyOf: [{required: [a]}, {required: [b]}]`).
pub(super) fn required_alternatives(map: &Map<String, Value>) -> Vec<Vec<String>> {
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

/// A discriminator mapping's value as a reference: `Cat` is
/// `#/components/schemas/Cat`; a reference stays as it is.
pub(super) fn component_reference(target: &str) -> String {
    match target.contains('/') || target.contains('#') {
        true => target.to_string(),
        false => format!("{COMPONENTS_REF}{target}"),
    }
}
