//! docusaurus-openapi-docs as its current releases render a page (on most
//! sites other than authentik's, whose older layout `docusaurus.rs` reads):
//! the title (the summary), the method on a line of its own and the path
//! or full URL under it (`/pets/:id`), the description, `Request` with
//! `PATH PARAMETERS`, `QUERY PARAMETERS`, `HEADER PARAMETERS` and `COOKIE
//! PARAMETERS`, the body's media types then `Body` and `BODY` (`REQUIRED`
//! under it where it is), and `Responses`: every status on a line, then the
//! first status's description, media types and `SCHEMA`. Headings are in
//! capitals as the site styles them; a copy may keep their own case, so
//! they are read either way, and the `Request` and `Responses` headings
//! end in a zero-width space.
//!
//! A field is its name, its type on the next line (`string`,
//! `integer<int64>`, `object[]`, or a schema's title in its place), then
//! `REQUIRED`, `NULLABLE` and `DEPRECATED` as they hold (their absence says
//! optional and not null), `Possible values:` with the enum values and
//! limits, `Default value:`, `Example:` and the description. A list of
//! objects is wrapped in `Array [` and `]`. Nested objects and the other
//! statuses' schemas are collapsed in a copy: what they hide is unstated.
//!
//! A copy of the selected page (rather than the page's text) glues more:
//! `POST/v1/widgets`, `name stringrequired`, `owner Owner (string)nullable`
//! (a schema's title before the type), `- 200` for each status tab, `-
//! application/json` for each media type, `Possible values: [ADD` with
//! each further value on a line of its own, and each status's block after
//! the list, its example JSON closing it. authentik's pages are of this
//! kind with the operation id for a title; `docusaurus.rs` reads those.

use super::super::docusaurus::is_operation_id;
use super::super::example::read_json;
use super::super::locate;
use super::super::outline::{Block, Entry, OutlineOperation};
use super::super::page::{is_media_type, join_paragraphs, status_code, Page};
use super::super::qualifier;
use super::super::shown_type::{ShownKind, ShownType};
use crate::model::{Constraints, Method, ParameterLocation, Status, TypeRef};

/// Whether a page is in this layout rather than authentik's older one:
/// only this one writes `Example (auto)`, the capital `SCHEMA` and
/// `BODY`, and headings ending in a zero-width space.
pub fn recognises(page: &Page<'_>) -> bool {
    let current = is_current(page);
    // The glued copy, titled with a summary rather than an operation id.
    let title = page
        .next_content(0)
        .map(|at| match page.text(at) == "Skip to main content" {
            true => page.next_content(at + 1).unwrap_or(at),
            false => at,
        })
        .map_or("", |at| page.text(at));
    current || (!title.is_empty() && !is_operation_id(title))
}

/// Whether the page is a copy of the current layout's text, which has a
/// line for each part of a field.
fn is_current(page: &Page<'_>) -> bool {
    (0..page.lines.len()).any(|index| {
        matches!(
            page.lines[index].text.trim(),
            "Example (auto)" | "SCHEMA" | "BODY" | "Request\u{200b}" | "Responses\u{200b}"
        )
    })
}

/// Reads every operation of the page: each starts at its method on a line
/// of its own with the path or URL under it, the title above.
pub fn read(page: &Page<'_>) -> Vec<OutlineOperation> {
    let count = page.lines.len();
    // The glued copy; or a page saved as HTML, whose markup glues a
    // field's name, type and flags (`set stringrequired`) though its tabs
    // read like the current layout's.
    let glued = !is_current(page)
        || (0..count).any(|at| {
            let text = page.text(at);
            [
                "stringrequired",
                "integerrequired",
                "booleanrequired",
                "stringnullable",
            ]
            .iter()
            .any(|end| text.ends_with(end))
                && glued_field(text).is_some()
        });
    let starts: Vec<usize> = (0..count)
        .filter(|&at| method_and_path(page, at).is_some())
        .collect();
    let mut operations = Vec::new();
    for (position, &method_line) in starts.iter().enumerate() {
        let end = starts
            .get(position + 1)
            .map_or(count, |&next| title_line(page, next).unwrap_or(next));
        operations.push(operation(page, method_line, end, glued));
    }
    operations
}

/// The method and path at `at`, glued (`POST/v1/widgets`) or the path on
/// the next line, and the line of the path.
fn method_and_path(page: &Page<'_>, at: usize) -> Option<(Method, String, usize)> {
    // Glued without a space: code samples write `GET /path HTTP/1.1`.
    let text = page.text(at);
    if let Some((method, path)) = locate::glued(text).filter(|_| !text.contains(' ')) {
        return Some((method, path, at));
    }
    let method = locate::method(page.text(at))?;
    let next = page.next_content(at + 1).filter(|&next| next <= at + 2)?;
    locate::is_path(page.text(next)).then(|| (method, page.text(next).to_string(), next))
}

/// The title above a method line.
fn title_line(page: &Page<'_>, method_line: usize) -> Option<usize> {
    (0..method_line).rev().find(|&at| !page.text(at).is_empty())
}

/// A line with its zero-width spaces dropped.
fn clean(text: &str) -> &str {
    text.trim_matches(|c: char| c == '\u{200b}' || c.is_whitespace())
}

enum Heading {
    Request,
    Parameters(ParameterLocation),
    Responses,
    /// The code samples, the request panel and the like: the end of what
    /// the reference says.
    End,
}

fn heading(text: &str) -> Option<Heading> {
    let text = clean(text).to_ascii_uppercase();
    Some(match text.as_str() {
        "REQUEST" => Heading::Request,
        "PATH PARAMETERS" => Heading::Parameters(ParameterLocation::Path),
        "QUERY PARAMETERS" => Heading::Parameters(ParameterLocation::Query),
        "HEADER PARAMETERS" => Heading::Parameters(ParameterLocation::Header),
        "COOKIE PARAMETERS" => Heading::Parameters(ParameterLocation::Cookie),
        "RESPONSES" => Heading::Responses,
        "CURL" | "CSHARP" | "SHELL" | "PYTHON" | "NODEJS" | "GO" | "JAVA" | "JAVASCRIPT" => {
            Heading::End
        }
        // The requests the API makes back (`Callbacks`, `Callbacks
        // Responses`) are not this operation's.
        _ if text.starts_with("AUTHORIZATION:") || text.starts_with("CALLBACKS") => Heading::End,
        _ => return None,
    })
}

fn operation(page: &Page<'_>, method_line: usize, end: usize, glued: bool) -> OutlineOperation {
    let mut op = OutlineOperation {
        start: title_line(page, method_line).unwrap_or(method_line),
        ..OutlineOperation::default()
    };
    let mut path_line = method_line;
    if let Some((method, path, line)) = method_and_path(page, method_line) {
        op.method = Some((method, method_line));
        op.path = Some((path, line));
        path_line = line;
    }
    if let Some(title) = title_line(page, method_line) {
        let title = clean(page.text(title));
        if locate::glued(title).is_none() && !title.eq_ignore_ascii_case("deprecated") {
            op.summary = Some(title.to_string());
        }
        op.deprecated = page.text(op.start).eq_ignore_ascii_case("deprecated")
            || (op.start > 0 && page.text(op.start - 1).eq_ignore_ascii_case("deprecated"));
    }
    let headings: Vec<(usize, Heading)> = (path_line + 1..end)
        .filter_map(|at| heading(page.text(at)).map(|h| (at, h)))
        .collect();
    let reference_end = headings
        .iter()
        .find(|(_, h)| matches!(h, Heading::End))
        .map_or(end, |h| h.0);
    let description_end = headings.first().map_or(reference_end, |h| h.0);
    op.description = join_paragraphs((path_line + 1..description_end).map(|at| page.text(at)));
    // The body follows the parameters in the request section: its media
    // types, then `Body`.
    let request_end = headings
        .iter()
        .find(|(_, h)| matches!(h, Heading::Responses))
        .map_or(reference_end, |h| h.0);
    let body_start = page
        .find_line(description_end, request_end, |text| {
            text == "Body" || text == "BODY"
        })
        .map(|tab| {
            let mut start = tab;
            while start > description_end && media(page.text(start - 1)).is_some() {
                start -= 1;
            }
            start
        });
    if let Some(start) = body_start {
        op.body = Some(request_body(page, start, request_end, glued));
    }
    for (position, &(start, ref heading)) in headings.iter().enumerate() {
        if start >= reference_end {
            break;
        }
        let section_end = headings
            .get(position + 1)
            .map_or(reference_end, |h| h.0)
            .min(reference_end);
        match heading {
            Heading::Parameters(location) => {
                let section_end = body_start
                    .filter(|&b| b > start)
                    .map_or(section_end, |b| b.min(section_end));
                for mut entry in entries(page, start + 1, section_end, glued) {
                    entry.location = Some(*location);
                    op.parameters.push(entry);
                }
            }
            Heading::Responses => op.responses = responses(page, start + 1, section_end, glued),
            Heading::Request | Heading::End => {}
        }
    }
    op
}

/// A media type as the site shows it (`APPLICATION/JSON`, `-
/// application/json`), in its own case.
fn media(text: &str) -> Option<String> {
    let lower = text.strip_prefix("- ").unwrap_or(text).to_ascii_lowercase();
    is_media_type(&lower).then_some(lower)
}

/// The request body in `from..to`: its media types, `Body` (the tab) and
/// `BODY` (the heading over its fields).
fn request_body(page: &Page<'_>, from: usize, to: usize, glued: bool) -> Block {
    let body = page
        .find_line(from, to, |text| text == "BODY" || text == "Body")
        .unwrap_or(from);
    let heading = past_tabs(page, body, to);
    let media_line = page.find_line(from, body, |text| media(text).is_some());
    let mut block = Block {
        line: heading,
        media: media_line.and_then(|at| media(page.text(at))),
        required: Some(false),
        schema_shown: true,
        ..Block::default()
    };
    // `BodyREQUIRED`: the heading and its flag glued (a page saved as HTML).
    let text = page.text(heading);
    if text.len() > "REQUIRED".len() && text.ends_with("REQUIRED") {
        block.required = Some(true);
    }
    let mut index = heading + 1;
    schema(page, &mut index, to, &mut block, glued);
    block
}

/// The statuses, on a line each, then what the first shows: its
/// description, media types and schema; the others' are collapsed.
fn responses(page: &Page<'_>, from: usize, to: usize, glued: bool) -> Vec<Block> {
    let mut index = page.next_content(from).unwrap_or(to);
    let mut blocks = Vec::new();
    while index < to {
        let Some(status) = status(page.text(index)) else {
            break;
        };
        blocks.push(Block::response(index, status));
        index += 1;
    }
    let Some(first) = blocks.first_mut() else {
        return blocks;
    };
    first.schema_shown = true;
    let schema_heading = page.find_line(index, to, |text| text == "SCHEMA" || text == "Schema");
    let description_end = page
        .find_line(index, schema_heading.unwrap_or(to), |text| {
            media(text).is_some() || text == "Response Headers"
        })
        .or(schema_heading)
        .unwrap_or(to);
    first.description = join_paragraphs((index..description_end).map(|at| page.text(at)));
    first.media = page
        .find_line(description_end, schema_heading.unwrap_or(to), |text| {
            media(text).is_some()
        })
        .and_then(|at| media(page.text(at)));
    if let Some(tab) = schema_heading {
        let heading = past_tabs(page, tab, to);
        first.line = heading;
        let mut at = heading + 1;
        schema(page, &mut at, to, first, glued);
    }
    blocks
}

/// The heading over a body's fields from its tab at `tab`: `Body` (or
/// `Schema`) is the tab, `Example (auto)` the other, and `BODY` (`SCHEMA`)
/// the heading; a page saved as HTML has them in their own case.
fn past_tabs(page: &Page<'_>, tab: usize, to: usize) -> usize {
    // The last heading word a few lines on: a schema's title may stand
    // between (`Body` / `post` / `BODY`).
    (tab + 1..to.min(tab + 5))
        .rev()
        .find(|&at| {
            matches!(
                page.text(at).trim_end_matches("REQUIRED").trim_end(),
                "BODY" | "Body" | "SCHEMA" | "Schema"
            )
        })
        .unwrap_or(tab)
}

/// A status tab: `200`, `- 200` (the glued copy).
fn status(text: &str) -> Option<Status> {
    status_code(text.strip_prefix("- ").unwrap_or(text))
}

/// A body's schema from `*index`: `REQUIRED` (a request body's), its
/// description, then its own type or its fields, in `Array [` ... `]`
/// where it is a list of objects.
fn schema(page: &Page<'_>, index: &mut usize, to: usize, block: &mut Block, glued: bool) {
    let required = page.text(*index);
    if required == "REQUIRED" || (glued && required == "required") {
        block.required = Some(true);
        *index += 1;
    }
    // A glued copy closes a block with its example.
    let example = page
        .find_line(*index, to, |text| text == "{" || text == "[")
        .filter(|_| glued);
    let to = example.unwrap_or(to);
    if let Some(start) = example {
        if let Ok((value, _)) = read_json(page.lines, start) {
            block.example = Some((start, value));
        }
    }
    let Some(first) = page.next_content(*index).filter(|&at| at < to) else {
        return;
    };
    if page.text(first) == "Array [" {
        let list = ShownType::parse("object[]");
        block.shown = list.map(|shown| (shown, first));
        block.fields = entries(page, first + 1, to, glued);
        return;
    }
    // A body that is not an object shows its type alone (`string`, and
    // its example under it).
    if let Some(shown) = ShownType::parse(page.text(first))
        .filter(|shown| !matches!(shown.kind, ShownKind::Object | ShownKind::Enum))
    {
        block.shown = Some((shown, first));
        return;
    }
    let fields = entries(page, first, to, glued);
    let fields_start = fields.first().map_or(to, |f| f.line);
    if let Some(description) = join_paragraphs((first..fields_start).map(|at| page.text(at))) {
        block.description = Some(description);
    }
    block.fields = fields;
}

/// The flags a field shows under its type.
/// They are in capitals (a field may be named `required`).
fn flag(text: &str) -> Option<&'static str> {
    Some(match text {
        "REQUIRED" => "required",
        "NULLABLE" => "nullable",
        "DEPRECATED" => "deprecated",
        "READ ONLY" | "READONLY" | "READ-ONLY" => "read-only",
        "WRITE ONLY" | "WRITEONLY" | "WRITE-ONLY" => "write-only",
        _ => return None,
    })
}

/// A line the layout writes under a field, not in its description.
fn is_attribute(text: &str) -> bool {
    text.starts_with(qualifier::PREFIX)
        || text.starts_with("Default value:")
        || text.starts_with("Example:")
        || text.starts_with("Constraints:")
}

/// A glued field line, `name stringrequired` or `owner Owner
/// (string)nullable`: the name, the type's text (a title where the line
/// shows only that) and the flags glued to its end.
fn glued_field(text: &str) -> Option<(&str, &str, Vec<&'static str>)> {
    let (name, mut rest) = text.split_once(' ')?;
    // Prose reads alike (`a string`, `The object`).
    let article = [
        "a", "an", "the", "this", "and", "or", "of", "to", "is", "as", "in",
    ]
    .iter()
    .any(|word| name.eq_ignore_ascii_case(word));
    if article || !is_name(name) {
        return None;
    }
    let mut flags = Vec::new();
    'strip: loop {
        for (word, flag) in [
            ("required", "required"),
            ("nullable", "nullable"),
            ("deprecated", "deprecated"),
        ] {
            if let Some(inner) = rest.strip_suffix(word).filter(|inner| !inner.is_empty()) {
                flags.insert(0, flag);
                rest = inner;
                continue 'strip;
            }
        }
        break;
    }
    let rest = rest.trim();
    // `Title (type)`: the type in parentheses.
    let typed = rest
        .strip_suffix(')')
        .and_then(|inner| inner.rfind(" (").map(|open| &inner[open + 2..]))
        .filter(|inner| ShownType::parse(inner).is_some());
    match typed {
        Some(inner) => Some((name, inner, flags)),
        None if ShownType::parse(rest).is_some() || rest == "[]" => Some((name, rest, flags)),
        // A title alone: a field only where flags follow it.
        None if !flags.is_empty() => Some((name, rest, flags)),
        None => None,
    }
}

/// Whether `text` can be a field's name.
fn is_name(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 120
        && !text.contains(char::is_whitespace)
        && !matches!(text, "[" | "]" | "[]" | "{" | "}")
        && flag(text).is_none()
        && heading(text).is_none()
        && !text.ends_with(':')
}

/// Whether a field starts at `at`: a name, then its type or a flag on the
/// next line, and above it a blank line, a line the layout writes, or the
/// lines of the field before when that has no description.
fn starts_field(page: &Page<'_>, at: usize, from: usize, glued: bool) -> bool {
    let text = page.text(at);
    if glued && glued_field(text).is_some() {
        return true;
    }
    let next = page.text(at + 1);
    if !is_name(text) || next.is_empty() || is_attribute(next) || next == "]" {
        return false;
    }
    if at == from {
        return true;
    }
    let above = page.text(at - 1);
    // The value of `Example:` or `Default value:` on the line after it.
    if above.ends_with(':') {
        return false;
    }
    // The value of an `Example:` or `Default value:` on a line of its own.
    let labelled_value =
        at >= from + 2 && matches!(page.text(at - 2), "Example:" | "Default value:");
    above.is_empty()
        || labelled_value
        || is_attribute(above)
        || flag(above).is_some()
        || matches!(above, "Array [" | "]")
        || (at >= from + 2 && is_name(page.text(at - 2)) && type_line(above))
}

/// A line that is a field's type: a type the layout writes, or a schema's
/// title in its place (`Time duration`), which says nothing of the type.
fn type_line(text: &str) -> bool {
    !text.is_empty() && flag(text).is_none() && !is_attribute(text) && text.len() <= 80
}

/// The fields in `from..to`.
fn entries(page: &Page<'_>, from: usize, to: usize, glued: bool) -> Vec<Entry> {
    let mut starts = Vec::new();
    let mut depth = 0usize;
    let mut at = from;
    while at < to {
        let text = page.text(at);
        if text == "Array [" {
            depth += 1;
        } else if text == "]" {
            depth = depth.saturating_sub(1);
        } else if starts_field(page, at, from, glued) {
            starts.push((at, depth));
            // The type line is the field's, never a field of its own.
            at += match glued && glued_field(text).is_some() {
                true => 1,
                false => 2,
            };
            continue;
        }
        at += 1;
    }
    starts
        .iter()
        .enumerate()
        .map(|(position, &(start, depth))| {
            let end = starts.get(position + 1).map_or(to, |next| next.0);
            let mut entry = entry(page, start, end, glued);
            entry.depth = depth;
            entry
        })
        .collect()
}

fn entry(page: &Page<'_>, start: usize, end: usize, glued: bool) -> Entry {
    // The name, type and flags: glued on one line, or one a line.
    let mut index = start + 1;
    let (name, type_text, glued_flags) = match glued_field(page.text(start)).filter(|_| glued) {
        Some((name, type_text, flags)) => (name, Some(type_text), flags),
        None => {
            let next = page.text(index);
            let typed = flag(next).is_none() && index < end;
            if typed {
                index += 1;
            }
            (page.text(start), typed.then_some(next), Vec::new())
        }
    };
    let mut entry = Entry {
        line: start,
        name: name.to_string(),
        required: Some(false),
        nullable: Some(false),
        ..Entry::default()
    };
    let mut titled_list = false;
    if let Some(type_text) = type_text {
        entry.shown = match type_text {
            // The site writes `object` for a choice of types (`anyOf`) as
            // for an object, and `[]` for a list whose items it does not
            // show (a schema that refers back to itself): an object, or
            // items, of which nothing is stated, not even `null`.
            "object" => {
                entry.nullable = None;
                None
            }
            "object[]" => {
                entry.nullable = None;
                ShownType::parse("object[]")
            }
            "[]" => {
                entry.nullable = None;
                Some(ShownType::list_of_unstated())
            }
            // A schema's title in the type's place (`Time duration`)
            // says nothing of the type; `Title[]` says it is a list.
            text => ShownType::parse(text).or_else(|| {
                titled_list = text.ends_with("[]");
                None
            }),
        };
        if let Some(shown) = entry.shown.as_mut() {
            shown.title = None;
        }
    }
    let mut flags = glued_flags.into_iter().map(Some);
    loop {
        let found = match flags.next() {
            Some(glued) => glued,
            None if index < end => {
                let found = flag(page.text(index));
                if found.is_some() {
                    index += 1;
                }
                found
            }
            None => None,
        };
        match found {
            Some("required") => entry.required = Some(true),
            Some("nullable") => entry.nullable = Some(true),
            Some("deprecated") => entry.deprecated = true,
            Some("read-only") => entry.read_only = true,
            Some("write-only") => entry.write_only = true,
            _ => break,
        }
    }
    let mut prose = Vec::new();
    while index < end {
        let text = page.text(index);
        if matches!(text, "Array [" | "]") {
            break;
        }
        if let Some(rest) = text.strip_prefix(qualifier::PREFIX) {
            // A glued copy puts each further value on a line: `, REMOVE`.
            let mut rest = rest.to_string();
            while rest.contains('[') && !rest.contains(']') && index + 1 < end {
                index += 1;
                rest.push_str(page.text(index));
            }
            if let Ok(found) = qualifier::parse(&rest) {
                let ty = entry
                    .shown
                    .as_ref()
                    .map_or(TypeRef::Unstated, ShownType::type_ref);
                let (kept, _) = found.on(&ty);
                merge(&mut entry.constraints, kept);
                if found.enum_values.is_some() {
                    entry.values = found.enum_values;
                }
            }
        } else if text == "Default value:" || text == "Example:" {
            // The value on the next line (a page saved as HTML).
            if text == "Default value:" && index + 1 < end {
                entry.default = Some(page.text(index + 1).to_string());
            }
            index += 1;
        } else if let Some(rest) = text.strip_prefix("Default value:") {
            entry.default = Some(rest.trim().to_string());
        } else if !text.starts_with("Example:") {
            prose.push(text);
        }
        index += 1;
    }
    entry.description = join_paragraphs(prose.into_iter());
    if titled_list {
        // A list of an enum where the values are shown, else of items of
        // which nothing is stated.
        entry.shown = match entry.values {
            Some(_) => ShownType::parse("enum[]"),
            None => Some(ShownType::list_of_unstated()),
        };
    }
    entry
}

/// Adds what `found` states to `into`.
fn merge(into: &mut Constraints, found: Constraints) {
    into.min_length = into.min_length.or(found.min_length);
    into.max_length = into.max_length.or(found.max_length);
    into.pattern = into.pattern.take().or(found.pattern);
    into.minimum = into.minimum.take().or(found.minimum);
    into.maximum = into.maximum.take().or(found.maximum);
    into.min_items = into.min_items.or(found.min_items);
    into.max_items = into.max_items.or(found.max_items);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontend::docs_page::page;
    use crate::frontend::docs_page::shown_type::ShownKind;
    use crate::model::Method;

    fn read_text(text: &str) -> Vec<OutlineOperation> {
        page::read_text(text, read)
    }

    #[test]
    fn a_glued_copy() {
        let ops = read_text(concat!(
            "Create a widget\nPOST/v1/widgets\nMakes a widget.\nRequest\nBody\nrequired\n",
            "name stringrequired\nPossible values: non-empty\nnote stringnullable\nThe note.\n",
            "kind Kind (string)\nPossible values: [ADD\n, REMOVE\n]\nResponses\n- 201\n- 400\n",
            "Created\n- application/json\n- Schema\n- Example (from schema)\nSchema\n",
            "id integerrequired\nname stringrequired\n{\n\"id\": 0,\n\"name\": \"string\"\n}\n",
        ));
        assert_eq!(ops.len(), 1);
        let op = &ops[0];
        assert_eq!(op.method.as_ref().map(|m| m.0), Some(Method::Post));
        assert_eq!(op.path.as_ref().map(|p| p.0.as_str()), Some("/v1/widgets"));
        let body = op.body.as_ref().expect("a body");
        assert_eq!(body.required, Some(true));
        let fields: Vec<_> = body.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(fields, ["name", "note", "kind"]);
        assert_eq!(body.fields[0].required, Some(true));
        assert_eq!(body.fields[1].nullable, Some(true));
        assert_eq!(body.fields[1].description.as_deref(), Some("The note."));
        assert_eq!(
            body.fields[2].values,
            Some(vec!["ADD".into(), "REMOVE".into()])
        );
        let created = &op.responses[0];
        assert_eq!(created.description.as_deref(), Some("Created"));
        assert_eq!(created.media.as_deref(), Some("application/json"));
        let fields: Vec<_> = created.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(fields, ["id", "name"]);
        assert!(created.example.is_some());
        assert!(!op.responses[1].schema_shown);
    }

    #[test]
    fn an_operation_its_parameters_body_and_responses() {
        let ops = read_text(concat!(
            "Update a widget\nPUT\nhttps://api.example.com/v1/widgets/:id\n\nReplaces one.\n\n",
            "Request\u{200b}\nPATH PARAMETERS\nid\ninteger<int64>\nREQUIRED\n\nThe widget.\n\n",
            "QUERY PARAMETERS\nmode\nWidgetMode\n\nPossible values: [fast, slow]\n\nDefault value: fast\n",
            "APPLICATION/JSON\nBody\nExample (auto)\nBODY\nREQUIRED\nname\nstring\nREQUIRED\n\n",
            "Possible values: non-empty and <= 40 characters\n\ntags\nstring[]\nnote\nstring\nNULLABLE\n\n",
            "Responses\u{200b}\n200\n404\n\nThe widget.\n\nAPPLICATION/JSON\nSchema\nExample (auto)\n",
            "SCHEMA\nArray [\nid\ninteger<int64>\nREQUIRED\n]\nCURL\nPYTHON\ncurl -L ...\n",
        ));
        assert_eq!(ops.len(), 1);
        let op = &ops[0];
        assert_eq!(op.method.as_ref().map(|m| m.0), Some(Method::Put));
        assert_eq!(
            op.path.as_ref().map(|p| p.0.as_str()),
            Some("https://api.example.com/v1/widgets/:id")
        );
        assert_eq!(op.summary.as_deref(), Some("Update a widget"));
        assert_eq!(op.description.as_deref(), Some("Replaces one."));
        let names: Vec<_> = op.parameters.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["id", "mode"]);
        assert_eq!(op.parameters[0].required, Some(true));
        assert!(op.parameters[1].shown.is_none(), "a title is no type");
        assert_eq!(
            op.parameters[1].values,
            Some(vec!["fast".into(), "slow".into()])
        );
        assert_eq!(op.parameters[1].default.as_deref(), Some("fast"));
        let body = op.body.as_ref().expect("a body");
        assert_eq!(body.required, Some(true));
        assert_eq!(body.media.as_deref(), Some("application/json"));
        let fields: Vec<_> = body.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(fields, ["name", "tags", "note"]);
        assert_eq!(body.fields[0].constraints.min_length, Some(1));
        assert_eq!(body.fields[2].nullable, Some(true));
        assert_eq!(op.responses.len(), 2);
        let ok = &op.responses[0];
        assert_eq!(ok.description.as_deref(), Some("The widget."));
        assert!(ok.schema_shown && !op.responses[1].schema_shown);
        assert!(matches!(&ok.shown, Some((shown, _)) if matches!(shown.kind, ShownKind::Array(_))));
        assert_eq!(ok.fields.len(), 1);
    }
}
