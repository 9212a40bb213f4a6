//! The `Possible values:` line under a field: length and range limits, a
//! pattern, and the values of an enum.
//!
//! Grammar (groups are joined by `, `; a group may join two limits with ` and `):
//! ```text
//! qualifier := "Possible values: " group (", " group)*
//! group     := limit (" and " limit)? | "non-empty" | "[" value (", " value)* "]"
//!            | "Value must match regular expression " pattern   (runs to the end)
//! limit     := (">=" | ">" | "<=" | "<") " " number (" characters")?
//! ```
//! `non-empty` is a minimum length of 1; `characters` marks a length limit,
//! a bare number a value limit.
//!
//! Under an array the site shows its items' qualifier, unless the array has
//! item counts: then the items' values and the counts as bare limits
//! (`[AF, AX, …], <= 249`). [`Qualifier::on`] sorts this out.

use crate::model::{Bound, Constraints, TypeRef};

pub const PREFIX: &str = "Possible values:";

/// What one qualifier line states.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Qualifier {
    pub constraints: Constraints,
    pub enum_values: Option<Vec<String>>,
}

impl Qualifier {
    /// The constraints this qualifier puts on a value of type `ty`, and,
    /// when some are not kept, why. On an array, length limits and patterns
    /// are its items' (the model keeps no constraints of items); bare limits
    /// are item counts, unless the items are numbers, whose own limits the
    /// site prints alike.
    pub fn on(&self, ty: &TypeRef) -> (Constraints, Option<String>) {
        let TypeRef::Array(item) = ty else {
            return (self.constraints.clone(), None);
        };
        let found = &self.constraints;
        let mut kept = Constraints::default();
        let mut lost = Vec::new();
        if found.min_length.is_some() || found.max_length.is_some() || found.pattern.is_some() {
            lost.push("length limits and patterns of an array's items are not modelled");
        }
        let numeric_items = matches!(item.innermost(), TypeRef::Primitive(p) if p.is_numeric());
        let count = |bound: &Option<Bound>| {
            bound
                .as_ref()
                .filter(|b| !b.exclusive)
                .and_then(|b| b.value.parse::<u64>().ok())
        };
        if found.minimum.is_some() || found.maximum.is_some() {
            let (min, max) = (count(&found.minimum), count(&found.maximum));
            let complete = min.is_some() == found.minimum.is_some()
                && max.is_some() == found.maximum.is_some();
            if numeric_items {
                lost.push("limits under an array of numbers may count its items or bound each item, and the page does not say which");
            } else if !complete {
                lost.push("a limit under an array is not a whole count of items");
            } else {
                kept.min_items = min;
                kept.max_items = max;
            }
        }
        let reason = (!lost.is_empty()).then(|| lost.join("; "));
        (kept, reason)
    }
}

/// Parses the text after [`PREFIX`]; the error names the part not understood.
pub fn parse(text: &str) -> Result<Qualifier, String> {
    let mut qualifier = Qualifier::default();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if let Some(list) = rest.strip_prefix('[') {
            let close = list
                .find(']')
                .ok_or_else(|| format!("`{rest}`: the value list has no closing `]`"))?;
            let values = list[..close]
                .split(',')
                .map(|v| v.trim().trim_matches('`').to_string())
                .collect();
            qualifier.enum_values = Some(values);
            rest = &list[close + 1..];
        } else if let Some(after) = rest.strip_prefix("non-empty") {
            qualifier.constraints.min_length = Some(1);
            rest = after;
        } else if let Some(pattern) = rest.strip_prefix("Value must match regular expression ") {
            qualifier.constraints.pattern = Some(pattern.trim_matches('`').to_string());
            rest = "";
        } else {
            rest = parse_limit(rest, &mut qualifier.constraints)?;
        }
        // Groups are joined by `, `; two limits of one group by ` and `.
        rest = rest
            .strip_prefix(',')
            .or_else(|| rest.strip_prefix(" and "))
            .unwrap_or(rest)
            .trim_start();
    }
    Ok(qualifier)
}

/// Parses one limit at the front of `text` into `constraints`; returns the rest.
fn parse_limit<'a>(text: &'a str, constraints: &mut Constraints) -> Result<&'a str, String> {
    let text = text.trim_start_matches('`');
    let (operator, after) = [">=", "<=", ">", "<"]
        .iter()
        .find_map(|op| text.strip_prefix(op).map(|after| (*op, after.trim_start())))
        .ok_or_else(|| {
            format!(
                "`{text}` is not a limit (`>= N`, `< N`, `non-empty`), a value list or a pattern"
            )
        })?;
    let number_len = after
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == 'e' || c == '+'))
        .unwrap_or(after.len());
    let number = &after[..number_len];
    if number.is_empty() {
        return Err(format!("`{text}`: expected a number after `{operator}`"));
    }
    let mut rest = after[number_len..].trim_start_matches('`');
    let is_length = if let Some(after) = rest.strip_prefix(" characters") {
        rest = after.trim_start_matches('`');
        true
    } else {
        false
    };
    let exclusive = !operator.ends_with('=');
    let lower = operator.starts_with('>');
    if is_length {
        let count: u64 = number
            .parse()
            .map_err(|_| format!("`{number}` is not a whole number of characters"))?;
        let count = match (lower, exclusive) {
            (true, true) => count + 1,
            (false, true) => count.saturating_sub(1),
            _ => count,
        };
        if lower {
            constraints.min_length = Some(count);
        } else {
            constraints.max_length = Some(count);
        }
    } else {
        let bound = Some(Bound {
            value: number.to_string(),
            exclusive,
        });
        if lower {
            constraints.minimum = bound;
        } else {
            constraints.maximum = bound;
        }
    }
    Ok(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_empty() {
        let q = parse("non-empty").unwrap_or_default();
        assert_eq!(q.constraints.min_length, Some(1));
    }

    #[test]
    fn enum_values() {
        let q = parse("[proxy, forward_single, forward_domain]").unwrap_or_default();
        assert_eq!(
            q.enum_values,
            Some(vec![
                "proxy".into(),
                "forward_single".into(),
                "forward_domain".into()
            ])
        );
    }

    #[test]
    fn limits_and_patterns_together() {
        let q = parse(
            "non-empty and <= 150 characters, Value must match regular expression ^[-a-zA-Z0-9_]+$",
        );
        let q = q.unwrap_or_default();
        assert_eq!(
            (q.constraints.min_length, q.constraints.max_length),
            (Some(1), Some(150))
        );
        assert_eq!(q.constraints.pattern.as_deref(), Some("^[-a-zA-Z0-9_]+$"));
        let q = parse(">= -2147483648 and <= 2147483647").unwrap_or_default();
        assert_eq!(
            q.constraints.minimum,
            Some(Bound {
                value: "-2147483648".into(),
                exclusive: false
            })
        );
        assert_eq!(
            q.constraints.maximum,
            Some(Bound {
                value: "2147483647".into(),
                exclusive: false
            })
        );
    }

    #[test]
    fn unknown_groups_are_errors() {
        assert!(parse("sometimes").is_err());
        assert!(parse("[a, b").is_err());
    }
}
