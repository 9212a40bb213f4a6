//! Rust names for things named on the wire: every identifier the generator
//! emits is made here, so keyword escaping, leading digits and collisions are
//! handled once and the same way for every front end.

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words that are keywords in some Rust edition; they can't be used bare.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that `r#` can't escape; these get a trailing underscore.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// The names generated code uses without a path: the prelude's types,
/// variants and traits. A schema that wants one gets `_` appended, as
/// `Self` does (`Option_`, `Self_`).
pub const PRELUDE: [&str; 23] = [
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "Default",
    "Clone",
    "Copy",
    "Debug",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Hash",
    "From",
    "Into",
    "Send",
    "Sync",
    "Self",
];

/// A snake-case value identifier (field, parameter, method) for a wire name:
/// `authentication_flow` stays, `pageSize` → `page_size`, `type` → `r#type`,
/// `2fa` → `x_2fa`, `-` → `field`.
pub fn to_snake(wire: &str) -> String {
    let mut name = ascii(wire).to_snake_case();
    if name.is_empty() {
        name = "field".to_string();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "x_");
    }
    escape_keyword(name)
}

/// An upper-camel type or variant identifier: `proxy_mode` → `ProxyMode`,
/// `S256` → `S256`, `2fa` → `V2fa`, `` → `Empty`.
pub fn to_upper_camel(wire: &str) -> String {
    let mut name = ascii(wire).to_upper_camel_case();
    if name.is_empty() {
        name = "Empty".to_string();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'V');
    }
    escape_keyword(name)
}

/// The name in ASCII: other letters transliterated (`Größe` → `Grosse`,
/// `名前` → `Ming Qian`), anything else that is not a letter or digit a
/// word break. Identifiers stay ASCII, so they need no
/// `non_ascii_idents` allowance and look alike on every keyboard.
fn ascii(wire: &str) -> String {
    let text = match wire.is_ascii() {
        true => std::borrow::Cow::Borrowed(wire),
        false => deunicode::deunicode(wire).into(),
    };
    text.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split(' ')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

fn escape_keyword(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// The identifier without a raw prefix: what serde sees as the name.
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// Makes `name` unique among `taken` by appending the smallest number from 2
/// that frees it, records it, and returns it. Deterministic: the same order of
/// calls always gives the same names.
pub fn claim_unique(name: String, taken: &mut BTreeSet<String>) -> String {
    if taken.insert(name.clone()) {
        return name;
    }
    // Without a keyword's escape: `Self_` is numbered `Self2`, `type` `type2`.
    let base = match unraw(&name).trim_end_matches('_') {
        "" => unraw(&name).to_string(),
        trimmed => trimmed.to_string(),
    };
    let mut n = 2u32;
    loop {
        let candidate = format!("{base}{n}");
        if taken.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

/// Field names made unique within one object, in field order.
#[derive(Default)]
pub struct FieldNames {
    taken: BTreeSet<String>,
}

impl FieldNames {
    pub fn claim(&mut self, wire: &str) -> String {
        claim_unique(to_snake(wire), &mut self.taken)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_names_drop_a_keywords_escape() {
        let mut taken = BTreeSet::new();
        let names: Vec<String> = ["Self_", "Self_", "r#type", "r#type", "self_", "self_"]
            .iter()
            .map(|name| claim_unique(name.to_string(), &mut taken))
            .collect();
        assert_eq!(
            names,
            ["Self_", "Self2", "r#type", "type2", "self_", "self2"]
        );
    }

    #[test]
    fn snake_names() {
        assert_eq!(to_snake("authentication_flow"), "authentication_flow");
        assert_eq!(to_snake("pageSize"), "page_size");
        assert_eq!(to_snake("type"), "r#type");
        assert_eq!(to_snake("self"), "self_");
        assert_eq!(to_snake("2fa"), "x_2fa");
        assert_eq!(to_snake("-"), "field");
        assert_eq!(to_snake("Größe"), "grosse");
        assert_eq!(to_snake("名前"), "ming_qian");
        assert_eq!(to_snake("x-rate.limit"), "x_rate_limit");
        assert_eq!(
            to_snake("providers_proxy_partial_update"),
            "providers_proxy_partial_update"
        );
    }

    #[test]
    fn camel_names() {
        assert_eq!(to_upper_camel("forward_single"), "ForwardSingle");
        assert_eq!(to_upper_camel("S256"), "S256");
        assert_eq!(to_upper_camel("2fa"), "V2fa");
        assert_eq!(to_upper_camel(""), "Empty");
        assert_eq!(to_upper_camel("self"), "Self_");
        assert_eq!(to_upper_camel("café au lait"), "CafeAuLait");
        assert_eq!(to_upper_camel("🙂"), "SlightSmile");
    }

    #[test]
    fn collisions_get_numbers_in_call_order() {
        let mut taken = BTreeSet::new();
        assert_eq!(claim_unique("Mode".into(), &mut taken), "Mode");
        assert_eq!(claim_unique("Mode".into(), &mut taken), "Mode2");
        assert_eq!(claim_unique("Mode".into(), &mut taken), "Mode3");
        assert_eq!(claim_unique("r#type".into(), &mut taken), "r#type");
        assert_eq!(claim_unique("r#type".into(), &mut taken), "type2");
    }
}
