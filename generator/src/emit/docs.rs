//! Doc comments from descriptions, made safe for rustdoc: text from the
//! input must never turn into a broken intra-doc link or a stray HTML tag.
//! Also the sentences for a value's constraints and default.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Constraints;

/// `#[doc = ...]` attributes for each paragraph line of `text`, escaped.
pub fn doc_attrs(text: &str) -> TokenStream {
    raw_doc_attrs(&escape(text))
}

/// `#[doc = ...]` attributes for each line of `text`, which is Markdown
/// already (escaped where it came from the input).
pub fn raw_doc_attrs(text: &str) -> TokenStream {
    let lines = text.lines().map(|line| format!(" {line}"));
    quote! { #( #[doc = #lines] )* }
}

/// Joins the parts that are present into one doc text, paragraphs apart.
pub fn doc_text<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> String {
    parts
        .into_iter()
        .flatten()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Escapes what rustdoc would read as links or HTML, and wraps bare URLs;
/// text inside a code span (between a pair of backticks on one line) stays
/// as written, since Markdown shows it literally.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        // A backtick without a partner later on the line opens no span.
        let paired = line.matches('`').count() / 2 * 2;
        let mut backticks = 0;
        for word in line.split_inclusive(' ') {
            let in_code = backticks % 2 == 1;
            let bare = word.trim_end();
            if !in_code && (bare.starts_with("http://") || bare.starts_with("https://")) {
                out.push('<');
                out.push_str(bare);
                out.push('>');
                out.push_str(&word[bare.len()..]);
                continue;
            }
            for c in word.chars() {
                let in_code = backticks % 2 == 1;
                match c {
                    '`' => {
                        backticks += usize::from(backticks < paired);
                        out.push(c);
                    }
                    '[' | ']' | '<' | '>' if !in_code => {
                        out.push('\\');
                        out.push(c);
                    }
                    _ => out.push(c),
                }
            }
        }
    }
    out
}

/// `text` as a Markdown code span, shown exactly as written: fenced by more
/// backticks than any run inside it, and spaced where it starts or ends
/// with one.
pub fn code_span(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// `Constraints: non-empty, at most 150 characters.`
pub fn constraints_text(constraints: &Constraints) -> Option<String> {
    if constraints.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    match (constraints.min_length, constraints.max_length) {
        (Some(1), None) => parts.push("non-empty".to_string()),
        (min, max) => {
            parts.extend(min.map(|n| format!("at least {n} characters")));
            parts.extend(max.map(|n| format!("at most {n} characters")));
        }
    }
    if let Some(bound) = &constraints.minimum {
        parts.push(format!(
            "{} {}",
            if bound.exclusive { ">" } else { ">=" },
            bound.value
        ));
    }
    if let Some(bound) = &constraints.maximum {
        parts.push(format!(
            "{} {}",
            if bound.exclusive { "<" } else { "<=" },
            bound.value
        ));
    }
    parts.extend(
        constraints
            .pattern
            .as_ref()
            .map(|p| format!("matches {}", code_span(p))),
    );
    parts.extend(constraints.min_items.map(|n| format!("at least {n} items")));
    parts.extend(constraints.max_items.map(|n| format!("at most {n} items")));
    Some(format!("Constraints: {}.", parts.join(", ")))
}

/// "Default: `true`.": the value the server assumes when none is sent.
pub fn default_text(default: Option<&serde_json::Value>) -> Option<String> {
    default.map(|value| format!("Default: {}.", code_span(&value.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_wraps_urls() {
        assert_eq!(escape("see [docs] <b>"), "see \\[docs\\] \\<b\\>");
        assert_eq!(
            escape("at https://goauthentik.io now"),
            "at <https://goauthentik.io> now"
        );
        assert_eq!(escape("hours=1;minutes=2"), "hours=1;minutes=2");
    }

    #[test]
    fn code_spans_stay_as_written() {
        assert_eq!(
            escape("matches `^[-a-zA-Z0-9_]+$` or [x]"),
            "matches `^[-a-zA-Z0-9_]+$` or \\[x\\]"
        );
        assert_eq!(escape("`<b>` and <b>"), "`<b>` and \\<b\\>");
        assert_eq!(escape("a ` then [x]"), "a ` then \\[x\\]");
    }

    #[test]
    fn code_spans_hold_any_text() {
        assert_eq!(code_span("a-b"), "`a-b`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x``"), "``` `x`` ```");
    }
}
