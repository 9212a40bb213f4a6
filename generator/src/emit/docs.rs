//! Doc comments from descriptions, made safe for rustdoc: text from the
//! input must never turn into a broken intra-doc link or a stray HTML tag.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = ...]` attributes for each paragraph line of `text`.
pub fn doc_attrs(text: &str) -> TokenStream {
    let lines = text.lines().map(|line| format!(" {}", escape(line)));
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

/// Escapes what rustdoc would read as links or HTML, and wraps bare URLs.
fn escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_inclusive(' ') {
        let bare = word.trim_end();
        if bare.starts_with("http://") || bare.starts_with("https://") {
            out.push('<');
            out.push_str(bare);
            out.push('>');
            out.push_str(&word[bare.len()..]);
            continue;
        }
        for c in word.chars() {
            match c {
                '[' | ']' | '<' | '>' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }
    out
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
}
