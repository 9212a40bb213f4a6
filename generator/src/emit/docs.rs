//! Doc comments from descriptions, kept as the Markdown they are and made
//! safe for rustdoc: text from the input must never turn into a broken
//! intra-doc link or a stray HTML tag.
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
/// as written, since Markdown shows it literally. A code block stays as
/// written too, but is marked `text`: rustdoc would compile a block without
/// a language (or an indented one) as a Rust example, and the API's
/// examples are JSON, shell or another language.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The fence of the code block the line is in, if any.
    let mut fence: Option<&str> = None;
    let mut indented_block = false;
    let mut previous_blank = true;
    let lines: Vec<&str> = text.split('\n').collect();
    for (index, line) in lines.iter().copied().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let blank = trimmed.is_empty();
        if let Some(open) = fence {
            out.push_str(line);
            if trimmed.starts_with(open)
                && trimmed
                    .trim_start_matches(open.chars().next().unwrap_or('`'))
                    .trim()
                    .is_empty()
            {
                fence = None;
            }
            previous_blank = blank;
            continue;
        }
        if let Some(marker) = fence_marker(trimmed) {
            let info = trimmed[marker.len()..].trim();
            out.push_str(&line[..line.len() - trimmed.len()]);
            out.push_str(marker);
            out.push_str(match info {
                "" | "rust" => "text",
                info => info,
            });
            fence = Some(marker);
            previous_blank = false;
            continue;
        }
        let indent = line.len() - trimmed.len();
        if indented_block && !blank && indent < 4 {
            out.push_str("```\n");
            indented_block = false;
        }
        if !indented_block && !blank && indent >= 4 && previous_blank {
            out.push_str("```text\n");
            indented_block = true;
        }
        previous_blank = blank;
        if indented_block {
            out.push_str(line.get(4..).unwrap_or(trimmed));
            continue;
        }
        // A quote (`> text`) whose next line goes on without `>` is one
        // the text did not mean (and clippy's `doc_lazy_continuation`
        // objects): its `>` is kept as text.
        let next = lines.get(index + 1).map(|next| next.trim_start());
        if trimmed.starts_with('>')
            && next.is_some_and(|next| !next.is_empty() && !next.starts_with('>'))
        {
            out.push_str(&line[..indent]);
            out.push('\\');
            escape_line(trimmed, &mut out);
            continue;
        }
        escape_line(line, &mut out);
    }
    if indented_block {
        out.push_str("\n```");
    }
    if let Some(open) = fence {
        out.push('\n');
        out.push_str(open);
    }
    out
}

/// One line of Markdown outside code blocks, kept as Markdown: links to
/// absolute URLs, autolinks, emphasis, lists and code spans stay; what
/// rustdoc would misread is escaped: `[x]` that is not a link (an
/// intra-doc link to nothing), HTML-looking text (`<b>`), and bare URLs
/// are wrapped as autolinks. A link to a relative URL (`/docs/guide`)
/// that the front end could not make absolute (a document without
/// `externalDocs`), which has no page beside the crate's docs, is reduced
/// to its text.
fn escape_line(line: &str, out: &mut String) {
    // A backtick without a partner later on the line opens no span.
    let paired = line.matches('`').count() / 2 * 2;
    let mut backticks = 0;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let in_code = backticks % 2 == 1;
        let mut taken = c.len_utf8();
        match c {
            '`' => {
                backticks += usize::from(backticks < paired);
                out.push(c);
            }
            _ if in_code => out.push(c),
            'h' if rest.starts_with("http://") || rest.starts_with("https://") => {
                // Up to a space or what closes the text around it, without
                // the sentence's punctuation.
                let end = rest
                    .find(|c: char| {
                        c.is_whitespace() || matches!(c, ')' | ']' | '>' | '<' | '"' | '\'')
                    })
                    .unwrap_or(rest.len());
                taken = rest[..end]
                    .trim_end_matches(['.', ',', ';', ':', '!', '?'])
                    .len();
                out.push('<');
                out.push_str(&rest[..taken]);
                out.push('>');
            }
            '[' => match link(rest) {
                Some((text, url, length)) => {
                    taken = length;
                    if is_absolute(url) {
                        out.push('[');
                        escape_line(text, out);
                        out.push_str("](");
                        out.push_str(url);
                        out.push(')');
                    } else {
                        escape_line(text, out);
                    }
                }
                None => out.push_str("\\["),
            },
            ']' => out.push_str("\\]"),
            '<' => match autolink(rest) {
                Some(length) => {
                    taken = length;
                    out.push_str(&rest[..length]);
                }
                // `<b>`, `</b>`, `<!--`: HTML to rustdoc; `<= 10`, `a < b`
                // are not.
                None if rest[1..]
                    .starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') =>
                {
                    out.push_str("\\<")
                }
                None => out.push(c),
            },
            _ => out.push(c),
        }
        rest = &rest[taken..];
    }
}

/// The inline link at the start of `text` (`[text](url "title")`): its
/// text, its URL and its length.
fn link(text: &str) -> Option<(&str, &str, usize)> {
    let close = text.find(']')?;
    let label = &text[1..close];
    if label.contains('[') || !text[close + 1..].starts_with('(') {
        return None;
    }
    let target_start = close + 2;
    let target_end = target_start + text[target_start..].find(')')?;
    let target = text[target_start..target_end].trim();
    let url = target.split_whitespace().next().unwrap_or("");
    (!url.is_empty() && !label.is_empty()).then_some((label, url, target_end + 1))
}

/// Whether a link's URL names a page anywhere (`https://…`, `mailto:…`).
fn is_absolute(url: &str) -> bool {
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| url.starts_with(scheme))
}

/// The length of the autolink at the start of `text`
/// (`<https://example.com>`), if it is one.
fn autolink(text: &str) -> Option<usize> {
    let end = text.find('>')?;
    let inner = &text[1..end];
    (is_absolute(inner) && !inner.contains(' ')).then_some(end + 1)
}

/// The fence that opens a code block on `line` (its first non-blank
/// text): three or more backticks or tildes.
fn fence_marker(line: &str) -> Option<&str> {
    let marker = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let length = line.chars().take_while(|c| *c == marker).count();
    // A backtick fence's info string has no backtick (else it is a span).
    let code_span = marker == '`' && line[length..].contains('`');
    (length >= 3 && !code_span).then(|| &line[..length])
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

/// Whether text shows as itself in a code span of one backtick each side,
/// which is how the runtime's enum and union macros document a variant.
pub fn shows_in_code(text: &str) -> bool {
    !text.is_empty() && !text.contains(['`', '\n', '\r'])
}

/// The doc of an enum's or union's variant: nothing where its macro writes
/// it (`shown`, the values show in code), else `text`'s, written here.
pub fn variant_doc(shown: bool, text: impl FnOnce() -> String) -> TokenStream {
    match shown {
        true => TokenStream::new(),
        false => raw_doc_attrs(&text()),
    }
}

/// `Constraints: non-empty, at most 150 characters.`; a list's items'
/// after a semicolon (`Constraints: at most 5 items; each item at most 64
/// characters.`).
pub fn constraints_text(constraints: &Constraints) -> Option<String> {
    if constraints.is_empty() {
        return None;
    }
    let mut parts = constraint_parts(constraints).join(", ");
    if let Some(items) = constraints.items.as_deref() {
        let items = format!("each item {}", constraint_parts(items).join(", "));
        parts = match parts.is_empty() {
            true => items,
            false => format!("{parts}; {items}"),
        };
    }
    Some(format!("Constraints: {parts}."))
}

/// The limits of one value, in words.
fn constraint_parts(constraints: &Constraints) -> Vec<String> {
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
    parts
}

/// "Default: `true`.": the value the server assumes when none is sent.
pub fn default_text(default: Option<&serde_json::Value>) -> Option<String> {
    default.map(|value| format!("Default: {}.", code_span(&value.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints_of_a_list_and_of_its_items_in_words() {
        let items = Constraints {
            max_length: Some(64),
            pattern: Some("^[a-z]+$".to_string()),
            ..Constraints::default()
        };
        let list = Constraints {
            max_items: Some(5),
            items: Some(Box::new(items.clone())),
            ..Constraints::default()
        };
        assert_eq!(
            constraints_text(&list).as_deref(),
            Some("Constraints: at most 5 items; each item at most 64 characters, matches `^[a-z]+$`.")
        );
        let only_items = Constraints {
            items: Some(Box::new(items)),
            ..Constraints::default()
        };
        assert_eq!(
            constraints_text(&only_items).as_deref(),
            Some("Constraints: each item at most 64 characters, matches `^[a-z]+$`.")
        );
    }

    #[test]
    fn escapes_markdown_and_wraps_urls() {
        assert_eq!(escape("see [docs] <b>"), "see \\[docs\\] \\<b>");
        // Markdown stays Markdown: links, autolinks, emphasis, lists.
        assert_eq!(
            escape(
                "See [the guide](https://example.com/guide \"Guide\") and <https://example.com>."
            ),
            "See [the guide](https://example.com/guide) and <https://example.com>."
        );
        assert_eq!(escape("- **bold** _em_ `[x]`"), "- **bold** _em_ `[x]`");
        // A relative link has no page beside the crate's docs: its text.
        assert_eq!(escape("Read [the docs](/docs/models)."), "Read the docs.");
        // Comparisons are not HTML.
        assert_eq!(escape(">= 0, <= 1000, a < b"), ">= 0, <= 1000, a < b");
        // A quote stays one; a `>` whose next line is no quote is text.
        assert_eq!(escape("> a\n> b"), "> a\n> b");
        assert_eq!(escape("> a\nb"), "\\> a\nb");
        assert_eq!(escape("[x] [a](b c"), "\\[x\\] \\[a\\](b c");
        assert_eq!(
            escape("at https://goauthentik.io now"),
            "at <https://goauthentik.io> now"
        );
        assert_eq!(
            escape("(see https://example.com/a.html#b). [http://x.org]"),
            "(see <https://example.com/a.html#b>). \\[<http://x.org>\\]"
        );
        assert_eq!(escape("hours=1;minutes=2"), "hours=1;minutes=2");
    }

    #[test]
    fn code_spans_stay_as_written() {
        assert_eq!(
            escape("matches `^[-a-zA-Z0-9_]+$` or [x]"),
            "matches `^[-a-zA-Z0-9_]+$` or \\[x\\]"
        );
        assert_eq!(escape("`<b>` and <b>"), "`<b>` and \\<b>");
        assert_eq!(escape("a ` then [x]"), "a ` then \\[x\\]");
    }

    #[test]
    fn code_blocks_stay_as_written_and_are_not_rust_examples() {
        assert_eq!(
            escape("Send:\n```\n{\"a\": [1]}\n```\nthen [x]"),
            "Send:\n```text\n{\"a\": [1]}\n```\nthen \\[x\\]"
        );
        assert_eq!(
            escape("```json\n{\"a\": 1}\n```"),
            "```json\n{\"a\": 1}\n```"
        );
        assert_eq!(escape("~~~\n<b>\n~~~"), "~~~text\n<b>\n~~~");
        // An indented block (after a blank line) is fenced; an unclosed
        // fence is closed.
        assert_eq!(
            escape("Example:\n\n    curl -X POST [url]\n\nDone."),
            "Example:\n\n```text\ncurl -X POST [url]\n\n```\nDone."
        );
        assert_eq!(escape("```\nopen"), "```text\nopen\n```");
        // Inline code with three backticks is a span, not a fence.
        assert_eq!(escape("```a``` [x]"), "```a``` \\[x\\]");
    }

    #[test]
    fn code_spans_hold_any_text() {
        assert_eq!(code_span("a-b"), "`a-b`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x``"), "``` `x`` ```");
    }
}
