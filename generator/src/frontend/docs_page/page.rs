//! A page as the readers of every copy style see it: its numbered lines,
//! where each message points, and the small readings all styles share
//! (paragraphs of description, media types, a parameter's type).

use std::path::Path;

use super::label;
use crate::diagnostic::{Error, Location, Warning};
use crate::model::{Operation, SecurityScheme, Status, TypeRef};

/// One line of a page and its 1-based number in the file.
#[derive(Clone, Debug)]
pub struct Line {
    pub number: usize,
    pub text: String,
}

/// The numbered lines of a page's text (`\r` dropped).
pub fn lines_of(text: &str) -> Vec<Line> {
    text.lines()
        .enumerate()
        .map(|(index, text)| Line {
            number: index + 1,
            text: text.trim_end_matches('\r').to_string(),
        })
        .collect()
}

/// What `read` makes of a page of `text` (for the readers' tests).
#[cfg(test)]
pub(super) fn read_text<T>(text: &str, read: impl Fn(&Page<'_>) -> T) -> T {
    let lines = lines_of(text);
    read(&Page {
        file: Path::new("page.txt"),
        lines: &lines,
    })
}

/// A status as the layouts list it: `200`, `default`.
pub(super) fn status_code(text: &str) -> Option<Status> {
    if text.eq_ignore_ascii_case("default") {
        return Some(Status::Default);
    }
    (text.len() == 3)
        .then(|| text.parse::<u16>().ok())
        .flatten()
        .filter(|code| (100..600).contains(code))
        .map(Status::Code)
}

/// A page being read: its file and lines, for locating every message.
pub(super) struct Page<'a> {
    pub file: &'a Path,
    pub lines: &'a [Line],
}

impl Page<'_> {
    pub fn at(&self, index: usize) -> Location {
        match self.lines.get(index) {
            Some(line) => Location::line(self.file, line.number),
            None => Location::line(self.file, self.lines.len().max(1)),
        }
    }

    pub fn error(&self, index: usize, message: impl Into<String>) -> Error {
        Error::input(self.at(index), message)
    }

    pub fn warn(&self, warnings: &mut Vec<Warning>, index: usize, message: impl Into<String>) {
        warnings.push(Warning {
            location: self.at(index),
            message: message.into(),
        });
    }

    /// The index of the next non-blank line at or after `from`.
    pub fn next_content(&self, from: usize) -> Option<usize> {
        (from..self.lines.len()).find(|&i| !self.lines[i].text.trim().is_empty())
    }

    /// Line `index`, trimmed; empty past the page's end.
    pub fn text(&self, index: usize) -> &str {
        self.lines.get(index).map_or("", |line| line.text.trim())
    }

    pub fn find_line(
        &self,
        from: usize,
        to: usize,
        wanted: impl Fn(&str) -> bool,
    ) -> Option<usize> {
        (from..to).find(|&i| wanted(self.text(i)))
    }
}

/// What the parts of one operation's page share.
pub(super) struct OperationContext<'a> {
    pub id: &'a str,
    /// The prefix of every type name the page introduces (`ProvidersProxyPartialUpdate`).
    pub type_prefix: String,
}

/// `application/json`, `multipart/form-data`: a type, a slash, a subtype.
pub(super) fn is_media_type(text: &str) -> bool {
    matches!(text.split_once('/'), Some((kind, sub)) if !kind.is_empty() && !sub.is_empty() && !text.contains(' '))
}

/// Joins description lines: adjacent lines with a newline, paragraphs with a blank line.
pub(super) fn join_paragraphs<'t>(lines: impl Iterator<Item = &'t str>) -> Option<String> {
    let mut text = String::new();
    let mut blank_pending = false;
    for line in lines {
        if line.is_empty() {
            blank_pending = !text.is_empty();
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        blank_pending = false;
        text.push_str(line);
    }
    (!text.is_empty()).then_some(text)
}

/// The type a parameter label stands for; objects are not parameter types.
pub(super) fn parameter_type(label: &label::Label) -> TypeRef {
    if label.is_object() {
        label.wrap(TypeRef::Map(Box::new(TypeRef::Any)))
    } else {
        label.wrap(label.base_type())
    }
}

/// What one operation of a page contributes to an API.
#[derive(Debug)]
pub struct PageOperation {
    pub operation: Operation,
    /// The API root's path on its host, where the page shows it
    /// (`/api/v3//providers/...`).
    pub base_path: Option<String>,
    /// The server, where the page shows the operation at a full URL.
    pub server_url: Option<String>,
    pub security_schemes: Vec<(String, SecurityScheme)>,
}

/// "An object" whose entries the page does not show (`{}` in an example,
/// `object` on an object field with no example).
pub(super) fn unstated_object() -> TypeRef {
    TypeRef::Map(Box::new(TypeRef::Unstated))
}

/// `Response` for success, else the status's reason (`BadRequest`).
pub(super) fn status_suffix(status: Status) -> String {
    match status {
        Status::Code(code) if (200..300).contains(&code) => "Response".to_string(),
        Status::Code(400) => "BadRequest".to_string(),
        Status::Code(401) => "Unauthorized".to_string(),
        Status::Code(403) => "Forbidden".to_string(),
        Status::Code(404) => "NotFound".to_string(),
        Status::Code(409) => "Conflict".to_string(),
        Status::Code(422) => "UnprocessableEntity".to_string(),
        Status::Code(500) => "InternalServerError".to_string(),
        Status::Code(code) => format!("Status{code}"),
        Status::AnySuccess => "Response".to_string(),
        Status::Class(class) => format!("Status{class}xx"),
        Status::Default => "Error".to_string(),
    }
}
