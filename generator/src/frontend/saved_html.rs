//! A documentation page saved as HTML ("Save page as"). Many renderers put
//! the OpenAPI document itself into the page (Redoc's `__redoc_state`,
//! Next.js platforms' `__NEXT_DATA__`, ReadMe's page data, a `<script>` of
//! JSON): where the page holds it, the document is read instead of the
//! page. Otherwise the page's text is laid out as a browser's copy of it
//! gives it (blocks on lines of their own, table cells by tabs, closed
//! `<details>` and `hidden` parts left out) for the page reader, and a
//! link to the document, where the page keeps one, is named.
//!
//! What a copy gets from the style sheets the HTML does not have:
//! headings a renderer shows in capitals are in their own case here.

use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

/// The page's text, as a copy of it gives it, and the address of its
/// OpenAPI document where it links one. With `apart`, elements side by
/// side with no text between are on lines of their own, as a renderer
/// whose style sheet makes them flex items shows them (Scalar).
pub fn page_text(html: &str, apart: bool) -> (String, Option<String>) {
    let page = Html::parse_document(html);
    let mut text = Text {
        apart,
        ..Text::default()
    };
    for root in content(&page) {
        text.element(root);
        // Sections stand apart.
        text.breaks = text.breaks.max(2);
    }
    (text.finish(), linked_document(&page))
}

/// The parts of a page that hold the reference, where the page's markup
/// tells them (each operation's section, as the renderers mark them, or
/// the page's `main`), without the navigation beside them; else the whole
/// page.
fn content(page: &Html) -> Vec<ElementRef<'_>> {
    const SECTIONS: &[&str] = &[
        // Redoc: an operation's section, with or without an id.
        "[data-section-id^='operation/'], [data-section-id*='/paths/']",
        // Swagger UI.
        ".opblock",
        // Stoplight Elements.
        ".HttpOperation",
        // Scalar: `<api>/tag/<tag>/POST/pets`.
        "section[id*='/GET/'], section[id*='/POST/'], section[id*='/PUT/'], section[id*='/PATCH/'], section[id*='/DELETE/'], section[id*='/HEAD/'], section[id*='/OPTIONS/']",
        "main",
    ];
    for selector in SECTIONS {
        let Ok(selector) = Selector::parse(selector) else {
            continue;
        };
        let found: Vec<ElementRef<'_>> = page.select(&selector).collect();
        if !found.is_empty() {
            return found;
        }
    }
    vec![page.root_element()]
}

/// The OpenAPI document in the page (as JSON text): a JSON object with an
/// `openapi` (or `swagger`) version and `paths`, wherever it sits, and
/// where, in the renderer's words.
pub fn embedded_document(html: &str) -> Option<(String, &'static str)> {
    for key in ["\"openapi\"", "\"swagger\""] {
        let mut from = 0;
        while let Some(found) = html[from..].find(key) {
            let at = from + found;
            from = at + key.len();
            // The object the key is in starts at one of the braces before
            // it: the nearest, unless a value before the key is an object.
            let starts = html[..at].rmatch_indices('{').take(64).map(|(i, _)| i);
            for start in starts {
                let mut values =
                    serde_json::Deserializer::from_str(&html[start..]).into_iter::<Value>();
                let Some(Ok(Value::Object(object))) = values.next() else {
                    continue;
                };
                let versioned = object.get("openapi").or_else(|| object.get("swagger"));
                if versioned.is_some_and(Value::is_string)
                    && object.get("paths").is_some_and(Value::is_object)
                {
                    let json = serde_json::to_string(&Value::Object(object)).ok()?;
                    return Some((json, place(html, start)));
                }
            }
        }
    }
    None
}

/// Where in the page the document at `start` is, in the renderer's words.
fn place(html: &str, start: usize) -> &'static str {
    let before = &html[..start];
    let nearest = |marker: &str| before.rfind(marker);
    let found = [
        ("__redoc_state", "Redoc's `__redoc_state`"),
        ("__NEXT_DATA__", "the Next.js page data (`__NEXT_DATA__`)"),
        ("ssr-props", "ReadMe's page data"),
        ("<script", "a script of the page"),
    ]
    .into_iter()
    .filter_map(|(marker, place)| nearest(marker).map(|at| (at, place)))
    .max_by_key(|(at, _)| *at);
    found.map_or("the page", |(_, place)| place)
}

/// The address of the OpenAPI document the page loads, where it names one
/// (Redoc's `spec-url`, Scalar's `data-url`, Elements' `apiDescriptionUrl`,
/// a link to a `.json` or `.yaml` file).
fn linked_document(page: &Html) -> Option<String> {
    for node in page.tree.nodes() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        for attribute in ["spec-url", "data-url", "apidescriptionurl", "specurl"] {
            if let Some(url) = element.attr(attribute).filter(|url| !url.is_empty()) {
                return Some(url.to_string());
            }
        }
        if element.name() == "a" {
            if let Some(href) = element
                .attr("href")
                .filter(|href| is_document_address(href))
            {
                return Some(href.to_string());
            }
        }
    }
    None
}

fn is_document_address(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or(href);
    [".json", ".yaml", ".yml"]
        .iter()
        .any(|end| path.ends_with(end))
        && !path.ends_with("manifest.json")
}

/// The text of a page as a browser lays it out: what `innerText` gives.
/// Blocks start and end lines (paragraphs with a blank line between), table
/// cells but the last of a row end with a tab, `<br>` and a `<pre>`'s line
/// ends are line ends.
#[derive(Default)]
struct Text {
    lines: Vec<String>,
    line: String,
    /// The line ends due before the next character: the most any block
    /// boundary since asked for.
    breaks: usize,
    preformatted: usize,
    /// Whether white space was met since the last character written.
    space: bool,
    /// Whether elements side by side go on lines of their own.
    apart: bool,
    /// Inside an element the renderer's style sheet shows in capitals.
    capitals: usize,
}

/// Classes whose text the renderers' style sheets show in capitals, as a
/// copy then has it (docusaurus-openapi-docs' flags).
const CAPITALISED: &[&str] = &[
    "openapi-schema__required",
    "openapi-schema__nullable",
    "openapi-schema__deprecated",
];

/// Elements that are never shown.
const UNSHOWN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "iframe", "title", "meta", "link",
];

/// Elements shown as blocks: on lines of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "option",
];

impl Text {
    fn element(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        if UNSHOWN.contains(&name) || hidden(element) {
            return;
        }
        // A paragraph stands apart by a blank line, a block on its lines;
        // rows too: their cells' paragraphs leave a blank line in a copy.
        let breaks = match name {
            "p" | "tr" => 2,
            name if BLOCKS.contains(&name) => 1,
            _ => 0,
        };
        self.breaks = self.breaks.max(breaks);
        if name == "br" {
            self.hard_break();
        }
        if name == "pre" {
            self.preformatted += 1;
        }
        let capitals = element.value().attr("class").is_some_and(|class| {
            class
                .split_whitespace()
                .any(|token| CAPITALISED.contains(&token))
        });
        self.capitals += usize::from(capitals);
        // A closed `<details>` shows its summary only.
        let closed = name == "details" && element.value().attr("open").is_none();
        // A flex or grid container (in its own style) lays its children
        // apart.
        let apart = self.apart
            || element.value().attr("style").is_some_and(|style| {
                let style = style.replace(' ', "");
                style.contains("gap:")
                    || style.contains("display:flex")
                    || style.contains("display:grid")
            });
        // Two elements side by side with no text between, where the
        // renderer lays them out apart.
        let mut after_element = false;
        for child in element.children() {
            match child.value() {
                Node::Text(text) => {
                    after_element = false;
                    self.text(text);
                }
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        if closed && child.value().name() != "summary" {
                            continue;
                        }
                        if after_element && apart && self.preformatted == 0 {
                            self.breaks = self.breaks.max(1);
                        }
                        self.element(child);
                        after_element = true;
                    }
                }
                _ => {}
            }
        }
        if name == "pre" {
            self.preformatted -= 1;
        }
        self.capitals -= usize::from(capitals);
        self.breaks = self.breaks.max(breaks);
        // Each cell but a row's last ends with a tab.
        if matches!(name, "td" | "th") && has_cell_after(element) {
            self.write('\t');
            self.space = false;
        }
    }

    fn text(&mut self, text: &str) {
        if self.preformatted > 0 {
            for (index, part) in text.split('\n').enumerate() {
                if index > 0 {
                    self.hard_break();
                }
                part.chars().for_each(|c| self.write(c));
            }
            return;
        }
        // White space runs are one space, none at a line's start.
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && self.breaks == 0 && !self.line.is_empty() && !self.line.ends_with('\t')
            {
                self.line.push(' ');
            }
            self.space = false;
            match self.capitals {
                0 => self.write(c),
                _ => c.to_uppercase().for_each(|c| self.write(c)),
            }
        }
    }

    /// Writes `c`, after the line ends due.
    fn write(&mut self, c: char) {
        if self.breaks > 0 {
            if !self.lines.is_empty() || !self.line.is_empty() {
                self.end_line();
                for _ in 1..self.breaks {
                    self.lines.push(String::new());
                }
            }
            self.breaks = 0;
        }
        self.line.push(c);
    }

    /// A line end that is always one (`<br>`, a line of a `<pre>`).
    fn hard_break(&mut self) {
        if self.breaks > 0 && (self.lines.is_empty() && self.line.is_empty()) {
            self.breaks = 0;
        }
        if self.breaks == 0 {
            self.end_line();
        }
        self.space = false;
    }

    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.space = false;
        // A zero-width space alone (a renderer's anchor) is no line.
        if !line.is_empty() && line.chars().all(|c| c == '\u{200b}' || c == ' ') {
            return;
        }
        self.lines.push(line.trim_end_matches(' ').to_string());
    }

    fn finish(mut self) -> String {
        if !self.line.is_empty() {
            self.end_line();
        }
        let mut out = self.lines.join("\n");
        out.push('\n');
        out
    }
}

/// Whether a table cell has another after it in its row.
fn has_cell_after(element: ElementRef<'_>) -> bool {
    element
        .next_siblings()
        .filter_map(ElementRef::wrap)
        .any(|sibling| matches!(sibling.value().name(), "td" | "th"))
}

/// Whether the page hides an element: `hidden`, or `display: none` in its
/// own style.
fn hidden(element: ElementRef<'_>) -> bool {
    let value = element.value();
    value.attr("hidden").is_some()
        || value.attr("style").is_some_and(|style| {
            style
                .replace(' ', "")
                .to_ascii_lowercase()
                .contains("display:none")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_embedded_document_is_found_wherever_it_is() {
        let html = r#"<html><script>const __redoc_state = {"spec":{"data":{"info":{"title":"W"},"openapi":"3.0.3","paths":{}}}};</script></html>"#;
        let (json, place) = embedded_document(html).expect("the document");
        assert!(json.contains("\"openapi\":\"3.0.3\""), "{json}");
        assert_eq!(place, "Redoc's `__redoc_state`");
    }

    #[test]
    fn text_is_laid_out_as_a_copy_gives_it() {
        let html = r#"<html><head><title>x</title><style>p{}</style></head><body>
            <h1>Create a widget</h1><div><span>POST</span> <span>/widgets</span></div>
            <p>Makes   one.</p><table><tr><td>name</td><td>string</td></tr></table>
            <details><summary>owner</summary><div>id</div></details>
            <div hidden>secret</div><redoc spec-url="openapi.json"></redoc></body></html>"#;
        assert_eq!(embedded_document(html), None);
        let (text, linked) = page_text(html, false);
        assert_eq!(
            text,
            "Create a widget\nPOST /widgets\n\nMakes one.\n\nname\tstring\n\nowner\n"
        );
        assert_eq!(linked.as_deref(), Some("openapi.json"));
    }
}
