//! The `Possible values:` message the docs site writes under a field or
//! parameter, in its order: an array's item values, length limits, value
//! limits, the pattern, enum values, item counts. Groups are joined by `, `,
//! the two limits of one group by ` and `, and each value, limit and pattern
//! is a code span. An array without item counts shows its items' message.
//!
//! The message comes as runs that each end with a code span (the last run
//! may be plain text, like the closing `]` of a value list): the indented
//! style prints the runs on one line, the flat style breaks the line after
//! each code span (`Possible values: [proxy`, `, ldap`, …, `]`).

use apidocs2rs::model::{Api, Bound, Constraints, TypeRef};

use super::lookup::{enum_wires, resolved};

/// The runs of the message for a field or parameter of type `ty` with
/// `constraints`; `None` when the site shows no message.
pub fn possible_values(api: &Api, ty: &TypeRef, constraints: &Constraints) -> Option<Vec<String>> {
    let ty = resolved(api, ty);
    // Each group: its runs, and whether its last run is plain text.
    let mut groups: Vec<(Vec<String>, bool)> = Vec::new();
    match &ty {
        TypeRef::Array(item) => {
            // The model keeps no constraints of an array's items: their
            // message is their enum values, if any.
            groups.extend(enum_wires(api, item).map(|values| (value_list(&values), true)));
            if let Some(count) = constraints.min_items {
                groups.push((vec![format!(">= {count}")], false));
            }
            if let Some(count) = constraints.max_items {
                groups.push((vec![format!("<= {count}")], false));
            }
        }
        _ => {
            groups.extend(length_limits(constraints).map(|runs| (runs, false)));
            groups.extend(value_limits(constraints).map(|runs| (runs, false)));
            if let Some(pattern) = &constraints.pattern {
                groups.push((
                    vec![format!("Value must match regular expression {pattern}")],
                    false,
                ));
            }
            groups.extend(enum_wires(api, &ty).map(|values| (value_list(&values), true)));
        }
    }
    // Every run of a group ends with a code span but a value list's `]`;
    // text after that `]` stays on its line.
    let mut runs: Vec<String> = Vec::new();
    let mut open_line = false;
    for (position, (group, ends_plain)) in groups.into_iter().enumerate() {
        for (index, run) in group.into_iter().enumerate() {
            let run = if position > 0 && index == 0 {
                format!(", {run}")
            } else {
                run
            };
            match runs.last_mut() {
                Some(last) if open_line => last.push_str(&run),
                _ => runs.push(run),
            }
        }
        open_line = ends_plain;
    }
    if runs.is_empty() {
        None
    } else {
        Some(runs)
    }
}

/// `non-empty`, `>= 3 characters`, `<= 150 characters`, joined by ` and `.
fn length_limits(constraints: &Constraints) -> Option<Vec<String>> {
    let min = match constraints.min_length {
        Some(0) | None => None,
        Some(1) => Some("non-empty".to_string()),
        Some(count) => Some(format!(">= {count} characters")),
    };
    let max = constraints
        .max_length
        .map(|count| format!("<= {count} characters"));
    pair(min, max)
}

/// `>= 0`, `< 10`, joined by ` and `.
fn value_limits(constraints: &Constraints) -> Option<Vec<String>> {
    let limit = |bound: &Option<Bound>, inclusive: &str, exclusive: &str| {
        bound.as_ref().map(|bound| {
            let operator = if bound.exclusive {
                exclusive
            } else {
                inclusive
            };
            format!("{operator} {}", bound.value)
        })
    };
    pair(
        limit(&constraints.minimum, ">=", ">"),
        limit(&constraints.maximum, "<=", "<"),
    )
}

/// One group of a lower and an upper limit: each a code span.
fn pair(min: Option<String>, max: Option<String>) -> Option<Vec<String>> {
    match (min, max) {
        (None, None) => None,
        (Some(one), None) | (None, Some(one)) => Some(vec![one]),
        (Some(min), Some(max)) => Some(vec![min, format!(" and {max}")]),
    }
}

/// `[a, b]`: each value a code span, the closing bracket plain text.
fn value_list(values: &[&str]) -> Vec<String> {
    let mut runs: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(position, value)| {
            if position == 0 {
                format!("[{value}")
            } else {
                format!(", {value}")
            }
        })
        .collect();
    runs.push("]".to_string());
    runs
}

/// The `Default value:` line the site writes after the message: a text as
/// it is, any other value as JSON.
pub fn default_line(default: Option<&serde_json::Value>) -> Option<String> {
    default.map(|value| match value {
        serde_json::Value::String(text) => format!("Default value: {text}"),
        other => format!("Default value: {other}"),
    })
}
