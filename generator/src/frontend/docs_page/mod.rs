//! The docs-page front end: the text a person copies from an API reference
//! page, whatever renderer made it, turned into operations and their
//! schemas.
//!
//! A page's layout is recognised by its own words ([`Layout`]), or named by
//! the user. authentik's layout (docusaurus-openapi-docs as its site
//! renders it) has a reader of its own (`docusaurus.rs`, with its two copy
//! styles in `indented.rs` and `flat.rs`); the others' readers (in
//! `layouts/`) each turn their layout into an outline (`outline.rs`) of
//! what the page states, and `assemble.rs` makes the model of every
//! outline the same way. What a page does not show stays unstated, and a
//! warning names the line.

mod assemble;
mod docusaurus;
mod example;
mod flat;
mod indented;
pub mod label;
mod layout;
mod layouts;
mod locate;
mod outline;
mod page;
pub mod qualifier;
mod shown_type;

use std::collections::BTreeSet;
use std::path::Path;

use super::schemas::SchemaRegistry;
use crate::diagnostic::{Error, Warning};
pub use layout::Layout;
use page::Page;
pub use page::PageOperation;

/// The layout the words of a page's `text` show.
pub fn detect(text: &str) -> Layout {
    let lines = page::lines_of(text);
    Layout::detect(&Page {
        file: Path::new(""),
        lines: &lines,
    })
}

/// Reads one page, in `layout` or the layout its words show; an
/// operation it does not name is named apart from the `taken` ids of the
/// pages before. Schemas go into `registry`; what the page leaves open
/// goes into `warnings`.
/// Returns the layout read and the page's operations (several on a
/// single-page site; none where the page shows no method and path).
pub fn parse_page(
    file: &Path,
    text: &str,
    layout: Option<Layout>,
    taken: BTreeSet<String>,
    registry: &mut SchemaRegistry,
    warnings: &mut Vec<Warning>,
) -> Result<(Layout, Vec<PageOperation>), Error> {
    let lines = page::lines_of(text);
    let page = Page {
        file,
        lines: &lines,
    };
    let layout = layout.unwrap_or_else(|| Layout::detect(&page));
    let outlines = match layout {
        Layout::Docusaurus if layouts::docusaurus::recognises(&page) => {
            layouts::docusaurus::read(&page)
        }
        Layout::Docusaurus => {
            return Ok((layout, vec![docusaurus::read(&page, registry, warnings)?]));
        }
        Layout::Redoc => layouts::redoc::read(&page),
        Layout::Elements => layouts::elements::read(&page),
        Layout::SwaggerUi => layouts::swagger_ui::read(&page),
        Layout::Scalar => layouts::scalar::read(&page),
        Layout::ReadMe | Layout::Mintlify | Layout::Fern | Layout::GitBook | Layout::BumpSh => {
            layouts::hosted::read(&page, layout)
        }
    };
    let mut assembler = assemble::Assembler {
        file,
        lines: &lines,
        taken,
        registry,
        warnings,
        cycles_shown_as_string: false,
    };
    let mut operations = Vec::new();
    for outline in &outlines {
        operations.push(assembler.operation(outline)?);
    }
    Ok((layout, operations))
}
