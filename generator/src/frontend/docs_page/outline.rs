//! What one layout's reader takes from a page, before any of it becomes
//! model: each operation as the page shows it (its title, method and
//! path, parameters, request body and responses), each field with the
//! facts the page states of it and the line it is on. A fact the page does
//! not show is `None`, never a guess. `assemble.rs` turns an outline into
//! the model, one way for every layout.

use serde_json::Value;

use super::shown_type::ShownType;
use crate::model::{Constraints, Method, ParameterLocation, Status};

/// One operation as a page shows it.
#[derive(Clone, Debug, Default)]
pub struct OutlineOperation {
    /// The line index where the operation starts.
    pub start: usize,
    /// The operation id, where the page shows one (authentik's pages are
    /// titled with it).
    pub id: Option<String>,
    /// The title, where it is a summary (`Create a widget`).
    pub summary: Option<String>,
    pub description: Option<String>,
    /// The method, and the line it is on.
    pub method: Option<(Method, usize)>,
    /// The path as shown (`/widgets/{id}`, `/widgets/:id`, or a full URL),
    /// and the line it is on.
    pub path: Option<(String, usize)>,
    pub parameters: Vec<Entry>,
    pub body: Option<Block>,
    pub responses: Vec<Block>,
    /// Whether the page marks the operation deprecated.
    pub deprecated: bool,
    /// What the layout knows the page lost here (line index, what), for
    /// the warnings.
    pub lacking: Vec<(usize, String)>,
}

/// A request body or a response: its fields as the page lists them, or its
/// example where the page shows only that.
#[derive(Clone, Debug, Default)]
pub struct Block {
    /// The line index of its heading.
    pub line: usize,
    /// A response's status (`None` for a request body).
    pub status: Option<Status>,
    /// The media type shown (`application/json`).
    pub media: Option<String>,
    /// Whether a request body is marked required.
    pub required: Option<bool>,
    pub description: Option<String>,
    /// The body's own type where the page shows one (`Array of objects`,
    /// `string`), and the line it is on.
    pub shown: Option<(ShownType, usize)>,
    /// The fields, in page order; `depth` nests them.
    pub fields: Vec<Entry>,
    /// The JSON example shown for it, and the line it starts on.
    pub example: Option<(usize, Value)>,
    /// Whether the page shows this response's schema at all (a renderer
    /// that collapses responses shows only the status and description).
    pub schema_shown: bool,
    /// Whether the copy lost how the fields nest (nested fields read like
    /// siblings): `depth` is then found from the example.
    pub nesting_lost: bool,
    /// Whether the renderer's examples write `"string"` for a schema that
    /// refers back to itself (Swagger UI), so that `"string"` there does
    /// not say the value is a string.
    pub cycles_shown_as_string: bool,
}

/// A field or a parameter, with what the page states of it.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    /// The line index of its name.
    pub line: usize,
    pub name: String,
    /// How deep it is nested: 0 for a body's own fields, 1 for the fields
    /// of one of those, ... (layouts that lose nesting leave it 0).
    pub depth: usize,
    /// For a parameter, where it goes.
    pub location: Option<ParameterLocation>,
    pub shown: Option<ShownType>,
    pub required: Option<bool>,
    pub nullable: Option<bool>,
    /// Enum values, where the page lists them.
    pub values: Option<Vec<String>>,
    /// The default value, as text.
    pub default: Option<String>,
    pub constraints: Constraints,
    pub description: Option<String>,
    pub deprecated: bool,
    /// Whether the page shows a choice of types here (`one of`): the
    /// field's type is then unstated, and the fields shown under it are
    /// those of one choice only, not of the field.
    pub union: bool,
    pub read_only: bool,
    pub write_only: bool,
}

impl Block {
    /// A response block for `status`.
    pub fn response(line: usize, status: Status) -> Block {
        Block {
            line,
            status: Some(status),
            ..Block::default()
        }
    }
}
