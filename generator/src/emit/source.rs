//! The text of one generated module: its doc, its `use` lines and its
//! items, a blank line between items. Items built as syntax are formatted
//! by prettyplease; macro invocations are laid out here, one entry per
//! line, since prettyplease prints a macro's body as one paragraph.

use proc_macro2::TokenStream;

use crate::diagnostic::Error;

/// The widest line the layout aims for, as rustfmt's default.
const WIDTH: usize = 100;

/// One item of a module, in the order it is written.
pub enum Piece {
    /// Items as syntax, formatted by prettyplease.
    Syntax(TokenStream),
    /// An item already laid out (a macro invocation).
    Text(String),
    /// An item inside a macro invocation, formatted by prettyplease and
    /// indented, with lines after it (`impl Serialize;`):
    /// `object! { pub struct User { .. } impl Serialize; }`.
    Wrapped {
        name: &'static str,
        item: TokenStream,
        tail: Vec<String>,
    },
    /// An `impl` block whose items are formatted one by one, a blank line
    /// between them (prettyplease puts none).
    Impl {
        /// Its doc, line by line.
        doc: Vec<String>,
        /// `impl Client`.
        header: String,
        items: Vec<TokenStream>,
    },
}

/// A module's content before it is written out.
#[derive(Default)]
pub struct ModuleSource {
    /// The module doc, one `//!` line per line.
    pub doc: Vec<String>,
    /// Inner attributes and the lines that go with them, as written.
    pub inner_attributes: Vec<String>,
    /// Submodules (`mod core;`, or whole inline modules) and re-exports,
    /// as written, before the `use` lines.
    pub declarations: Vec<String>,
    pub use_lines: Vec<String>,
    pub pieces: Vec<Piece>,
}

impl ModuleSource {
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// The module's text; `what` names it in an error.
    pub fn render(self, what: &str) -> Result<String, Error> {
        let mut out = String::new();
        for line in &self.doc {
            push_doc_line(&mut out, "//!", line);
        }
        for attribute in &self.inner_attributes {
            out.push_str(attribute);
            out.push('\n');
        }
        if !self.declarations.is_empty() {
            out.push('\n');
            for declaration in &self.declarations {
                out.push_str(declaration);
                out.push('\n');
            }
        }
        if !self.use_lines.is_empty() {
            out.push('\n');
            for line in &self.use_lines {
                push_use_line(&mut out, line);
            }
        }
        for piece in self.pieces {
            match piece {
                Piece::Text(text) => {
                    out.push('\n');
                    out.push_str(&text);
                }
                Piece::Syntax(tokens) => {
                    for item in parse(tokens, what)?.items {
                        out.push('\n');
                        out.push_str(&unparse(item));
                    }
                }
                Piece::Wrapped { name, item, tail } => {
                    out.push('\n');
                    out.push_str(name);
                    out.push_str("! {\n");
                    let items: Vec<String> =
                        parse(item, what)?.items.into_iter().map(unparse).collect();
                    let lines = items.iter().flat_map(|item| item.lines());
                    for line in lines.chain(tail.iter().map(String::as_str)) {
                        if !line.is_empty() {
                            out.push_str("    ");
                            out.push_str(line);
                        }
                        out.push('\n');
                    }
                    out.push_str("}\n");
                }
                Piece::Impl { doc, header, items } => {
                    out.push('\n');
                    for line in &doc {
                        push_doc_line(&mut out, "///", line);
                    }
                    out.push_str(&header);
                    out.push_str(" {\n");
                    for (index, item) in items.into_iter().enumerate() {
                        if index > 0 {
                            out.push('\n');
                        }
                        // Formatted inside an impl of its own, whose first
                        // and last lines are left out.
                        let block = parse(quote::quote! { impl X { #item } }, what)?;
                        for block_item in block.items {
                            let text = unparse(block_item);
                            let mut lines: Vec<&str> = text.lines().collect();
                            lines.pop();
                            for line in lines.iter().skip(1) {
                                out.push_str(line);
                                out.push('\n');
                            }
                        }
                    }
                    out.push_str("}\n");
                }
            }
        }
        Ok(out)
    }
}

fn parse(tokens: TokenStream, what: &str) -> Result<syn::File, Error> {
    syn::parse2(tokens).map_err(|error| Error::Emit {
        what: what.to_string(),
        message: error.to_string(),
    })
}

fn unparse(item: syn::Item) -> String {
    prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: Vec::new(),
        items: vec![item],
    })
}

/// A doc comment line (`///` or `//!`) without trailing space on an empty line.
fn push_doc_line(out: &mut String, marker: &str, line: &str) {
    out.push_str(marker);
    if !line.is_empty() {
        out.push(' ');
        out.push_str(line);
    }
    out.push('\n');
}

/// A `use` line, broken after `{` with the names packed to the width when
/// it is too long.
fn push_use_line(out: &mut String, line: &str) {
    let split = line.len() > WIDTH && line.ends_with("};");
    let Some((head, names)) = line.split_once('{').filter(|_| split) else {
        out.push_str(line);
        out.push('\n');
        return;
    };
    out.push_str(head);
    out.push_str("{\n");
    let mut current = String::from("   ");
    for name in names.trim_end_matches("};").split(", ") {
        if current.len() + 1 + name.len() + 1 > WIDTH {
            out.push_str(&current);
            out.push('\n');
            current = String::from("   ");
        }
        current.push(' ');
        current.push_str(name);
        current.push(',');
    }
    out.push_str(&current);
    out.push_str("\n};\n");
}

/// A macro invocation laid out the way a person writes one:
///
/// ```text
/// #[cfg(feature = "core")]
/// string_enum! {
///     Mode {
///         Proxy = "proxy",
///     }
/// }
/// ```
pub struct MacroCall<'a> {
    /// Outer attributes, as written.
    pub attributes: Vec<String>,
    pub name: &'a str,
    /// What comes before the entries' braces (`User`, `Union: "tag"`).
    pub head: String,
    /// One line each, inside the braces.
    pub entries: Vec<String>,
    /// Lines after the braces (`impl Serialize;`), each with its attributes.
    pub tail: Vec<String>,
}

impl MacroCall<'_> {
    pub fn render(&self) -> String {
        let mut out = String::new();
        for attribute in &self.attributes {
            out.push_str(attribute);
            out.push('\n');
        }
        out.push_str(self.name);
        out.push_str("! {\n    ");
        out.push_str(&self.head);
        out.push_str(" {\n");
        for entry in &self.entries {
            out.push_str("        ");
            out.push_str(entry);
            out.push('\n');
        }
        out.push_str("    }\n");
        for line in &self.tail {
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str("}\n");
        out
    }
}

/// A Rust string literal for `text`, escaped as needed.
pub fn string_literal(text: &str) -> String {
    proc_macro2::Literal::string(text).to_string()
}
