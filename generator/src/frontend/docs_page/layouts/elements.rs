//! Stoplight Elements, as a copy of an operation's page gives it: the
//! title, the method on a line of its own and the path or full URL on the
//! next, the description, then `Request` with `Path Parameters`, `Query
//! Parameters`, `Headers` and `Body` (its media type, twice: a picker and
//! its choice), `Responses` with the statuses and the first one's
//! description and `Body`; then the request editor (`Body` and numbered
//! lines of JSON), the curl sample and `Response Example` (the first
//! status's, numbered too).
//!
//! A field is its name, its type on the next line (`string<uuid>`,
//! `array[string]`, `string or null`, or `object` then `null` for one that
//! may be null), then in any order `required`, limits (`>= 1
//! characters`, `<= 100`), `Match pattern:`, `Allowed values:` with a
//! value a line, `Default:` and `Example:` with their value on the next
//! line, and its description. Elements shows `required` where it holds,
//! so its absence says optional; `null` only where allowed. It expands
//! nested objects but the copy loses their indentation: their fields read
//! like the parent's siblings, so fields nest by the JSON example
//! (`assemble.rs`), and where there is none, a field after an object is
//! not placed at all.

use serde_json::Value;

use super::super::locate;
use super::super::outline::{Block, Entry, OutlineOperation};
use super::super::page::{is_media_type, join_paragraphs, status_code, Page};
use super::super::shown_type::{constraints, ShownKind, ShownType};
use crate::model::ParameterLocation;

/// Reads the operation of an Elements page.
pub fn read(page: &Page<'_>) -> Vec<OutlineOperation> {
    let count = page.lines.len();
    // The method and path: the first method line with a path after it.
    let Some((method_line, method, path, path_line)) = (0..count).find_map(|index| {
        let method = locate::method(page.text(index))?;
        let next = page.next_content(index + 1)?;
        locate::is_path(page.text(next)).then(|| (index, method, page.text(next).to_string(), next))
    }) else {
        return Vec::new();
    };
    let mut op = OutlineOperation {
        start: 0,
        method: Some((method, method_line)),
        path: Some((path, path_line)),
        ..OutlineOperation::default()
    };
    if let Some(title) = page.next_content(0).filter(|&i| i < method_line) {
        let text = page.text(title).to_string();
        match is_identifier(&text) {
            true => op.id = Some(text),
            false => op.summary = Some(text),
        }
    }
    // Where the reference ends: the callbacks, or the try-it panel.
    let panel = (path_line + 1..count)
        .find(|&i| {
            matches!(
                page.text(i),
                "Send API Request"
                    | "Auth"
                    | "Parameters"
                    | "Server Variables"
                    | "Request Sample: Shell / cURL"
                    // The requests the API makes back, not this operation.
                    | "Callbacks"
            ) || page.text(i).starts_with("Request Sample:")
        })
        .unwrap_or(count);
    let request = find(page, path_line + 1, panel, "Request");
    let responses = find(page, path_line + 1, panel, "Responses");
    let description_end = request.or(responses).unwrap_or(panel);
    op.description = join_paragraphs((path_line + 1..description_end).map(|i| page.text(i)));
    let request_end = responses.unwrap_or(panel);
    if let Some(request) = request {
        let headings: Vec<(usize, Heading)> = (request + 1..request_end)
            .filter_map(|i| heading(page.text(i)).map(|h| (i, h)))
            .collect();
        for (position, (start, heading)) in headings.iter().enumerate() {
            let end = headings.get(position + 1).map_or(request_end, |h| h.0);
            match heading {
                Heading::Parameters(location) => {
                    // An object parameter's fields read like parameters:
                    // those after one are not placed.
                    let found = entries(page, start + 1, end);
                    let object = found.iter().position(|e| {
                        e.shown
                            .as_ref()
                            .is_some_and(|s| matches!(s.innermost().kind, ShownKind::Object))
                    });
                    if let Some(object) = object.filter(|&at| at + 1 < found.len()) {
                        op.lacking.push((found[object + 1].line, format!("this copy lost which parameters after `{}` are its fields; they are left out", found[object].name)));
                    }
                    let kept = object.map_or(found.len(), |at| at + 1);
                    for mut entry in found.into_iter().take(kept) {
                        entry.location = Some(*location);
                        op.parameters.push(entry);
                    }
                }
                Heading::Body => op.body = Some(body(page, *start, end)),
            }
        }
    }
    if let Some(responses) = responses {
        op.responses = response_blocks(page, responses + 1, panel);
    }
    // The examples in the panel: the request editor's body, and the
    // response example of the first status.
    let mut index = panel;
    while index < count {
        let text = page.text(index);
        let is_body = text == "Body" && op.body.is_some();
        let is_response = text == "Response Example";
        if is_body || is_response {
            if let Some((value, start, after)) = numbered_json(page, index + 1) {
                if is_body {
                    if let Some(block) = op.body.as_mut() {
                        block.example = Some((start, value));
                    }
                } else if let Some(block) = op.responses.first_mut() {
                    block.example = Some((start, value));
                }
                index = after;
                continue;
            }
        }
        index += 1;
    }
    vec![op]
}

enum Heading {
    Parameters(ParameterLocation),
    Body,
}

fn heading(text: &str) -> Option<Heading> {
    Some(match text {
        "Path Parameters" => Heading::Parameters(ParameterLocation::Path),
        "Query Parameters" => Heading::Parameters(ParameterLocation::Query),
        "Headers" => Heading::Parameters(ParameterLocation::Header),
        "Cookies" => Heading::Parameters(ParameterLocation::Cookie),
        "Body" => Heading::Body,
        _ => return None,
    })
}

/// The first line in `from..to` that is `text`.
fn find(page: &Page<'_>, from: usize, to: usize, text: &str) -> Option<usize> {
    (from..to).find(|&i| page.text(i) == text)
}

/// A body from its `Body` heading: the media type (the last of the run of
/// them), its description, its fields.
fn body(page: &Page<'_>, heading: usize, end: usize) -> Block {
    let mut index = heading + 1;
    let mut media = None;
    while index < end && is_media_type(page.text(index)) {
        media = Some(page.text(index).to_string());
        index += 1;
    }
    // A breadcrumb of where the schema sits (`responses`, `/`, `200`).
    while index + 2 < end && page.text(index + 1) == "/" {
        index += 2;
    }
    if index > heading + 1 && page.text(index - 1) == "/" {
        index += 1;
    }
    // A body that is not an object shows its own type first (`string`;
    // `array` and its items' type on the next line).
    let own = own_type(page, index, end);
    if let Some((_, after)) = own {
        index = after;
    }
    let fields = entries(page, index, end);
    let first = fields.first().map_or(end, |f| f.line);
    // `array of:` before the fields: the body is a list of such objects.
    let list = (index..first).find(|&i| page.text(i) == "array of:");
    let shown = match own {
        Some((shown, _)) => Some((shown, index - 1)),
        None => list.and_then(|line| Some((ShownType::parse("array[object]")?, line))),
    };
    let description_end = list.unwrap_or(first);
    Block {
        line: heading,
        media,
        description: join_paragraphs((index..description_end).map(|i| page.text(i))),
        shown,
        fields,
        schema_shown: true,
        nesting_lost: true,
        ..Block::default()
    }
}

/// A body's own type at `index`, and the index after it: a type alone on
/// its line (a field would have its name first), or `array` with its
/// items' type under it.
fn own_type(page: &Page<'_>, index: usize, end: usize) -> Option<(ShownType, usize)> {
    if index >= end {
        return None;
    }
    let shown = elements_type(page.text(index))?;
    let next = page.text(index + 1);
    if shown.kind == ShownKind::Array(Box::new(ShownType::parse("any")?)) {
        if let Some(item) = elements_type(next) {
            let mut list = shown;
            list.kind = ShownKind::Array(Box::new(item));
            return Some((list, index + 2));
        }
    }
    (index + 1 >= end || next.is_empty()).then_some((shown, index + 1))
}

/// The statuses, the first one's description and body.
fn response_blocks(page: &Page<'_>, from: usize, to: usize) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut index = from;
    while index < to {
        match status_code(page.text(index)) {
            Some(status) => blocks.push(Block::response(index, status)),
            None => break,
        }
        index += 1;
    }
    let Some(first) = blocks.first_mut() else {
        return blocks;
    };
    let body_heading = find(page, index, to, "Body");
    let description_end = body_heading.unwrap_or(to);
    first.description = join_paragraphs((index..description_end).map(|i| page.text(i)));
    match body_heading {
        Some(heading) => {
            let block = body(page, heading, to);
            first.media = block.media;
            first.fields = block.fields;
            first.shown = block.shown;
            first.nesting_lost = true;
            first.schema_shown = true;
            if let Some(description) = block.description {
                // The body's description follows the status's.
                first.description.get_or_insert(description);
            }
        }
        // No body shown: the first status has none.
        None => first.schema_shown = true,
    }
    blocks
}

/// The fields listed in `from..to`.
fn entries(page: &Page<'_>, from: usize, to: usize) -> Vec<Entry> {
    // A field is a name with a type under it; the lines of that type (a
    // union's choices) are not fields.
    let mut starts = Vec::new();
    // A union's choices are listed by title (or by type, `object`, where
    // they have none) on the lines above its `one of: <first>`.
    let mut choices = std::collections::BTreeSet::new();
    for at in from..to {
        let text = page.text(at);
        if text.starts_with("one of: ") || text.starts_with("any of: ") {
            let mut above = at;
            while above > from && {
                let line = page.text(above - 1);
                !line.is_empty() && (is_title(line) || ShownType::parse(line).is_some())
            } {
                above -= 1;
                choices.insert(above);
            }
        }
    }
    let mut index = from;
    while index < to {
        let text = page.text(index);
        if choices.contains(&index) {
            index += 1;
            continue;
        }
        let above = match index > from {
            true => page.text(index - 1),
            false => "",
        };
        let after_label = above.ends_with(':');
        // A union's choices are listed by title, or by type where they
        // have none (`object`): such a line is no field's name.
        let in_choices = ShownType::parse(text).is_some()
            && ((!above.is_empty() && (is_title(above) || ShownType::parse(above).is_some()))
                || page.text(index + 1) == text);
        match type_at(page, index + 1, to) {
            Some((_, _, mut after)) if is_identifier_like(text) && !after_label && !in_choices => {
                starts.push(index);
                // `required` under a type is not a field named so, unless
                // it is followed like one (`required`, `any`, then a blank
                // or the next field).
                while after < to
                    && matches!(
                        page.text(after),
                        "required" | "deprecated" | "read-only" | "write-only"
                    )
                    && !is_field(page, after, to)
                {
                    after += 1;
                }
                index = after;
            }
            _ => index += 1,
        }
    }
    let mut out = Vec::new();
    for (position, &name_line) in starts.iter().enumerate() {
        let end = starts.get(position + 1).copied().unwrap_or(to);
        let mut entry = Entry {
            line: name_line,
            name: page.text(name_line).trim_end_matches('*').to_string(),
            required: Some(false),
            nullable: Some(false),
            ..Entry::default()
        };
        let Some((shown, nullable, mut index)) = type_at(page, name_line + 1, end) else {
            continue;
        };
        match shown {
            // `any` shows no `or null` even where `null` is allowed.
            Some(shown) if shown.kind == ShownKind::Any => {
                entry.shown = Some(shown);
                entry.nullable = None;
            }
            Some(shown) => entry.shown = Some(shown),
            // A union Elements spells out (`any of: string`): unstated.
            None => {
                entry.nullable = None;
                entry.union = true;
            }
        }
        if nullable {
            entry.nullable = Some(true);
        }
        let mut description = Vec::new();
        while index < end {
            let text = page.text(index);
            let next_value = |index: usize| page.next_content(index + 1).filter(|&i| i < end);
            if text == "required" {
                entry.required = Some(true);
            } else if text == "deprecated" {
                entry.deprecated = true;
            } else if text == "read-only" {
                entry.read_only = true;
            } else if text == "write-only" {
                entry.write_only = true;
            } else if text == "Match pattern:" {
                if let Some(value) = next_value(index) {
                    entry.constraints.pattern = Some(page.text(value).to_string());
                    index = value;
                }
            } else if text == "Default:" || text == "Example:" || text == "Examples:" {
                if let Some(value) = next_value(index) {
                    if text == "Default:" {
                        entry.default = Some(page.text(value).to_string());
                    }
                    index = value;
                }
            } else if text == "Allowed values:" || text == "Allowed value:" {
                let mut values = Vec::new();
                let mut cursor = index + 1;
                while cursor < end && !page.text(cursor).is_empty() && !is_label(page.text(cursor))
                {
                    values.push(page.text(cursor).to_string());
                    cursor += 1;
                }
                entry.values = Some(values);
                index = cursor;
                continue;
            } else if !text.is_empty() && constraints(text, &mut entry.constraints) {
            } else {
                description.push(index);
            }
            index += 1;
        }
        // Elements cuts a long description short with `Show all...`.
        entry.description = join_paragraphs(description.iter().map(|&i| page.text(i)))
            .map(|text| text.trim_end_matches("Show all...").trim_end().to_string())
            .filter(|text| !text.is_empty());
        out.push(entry);
    }
    out
}

/// The type shown at `index`: the type (`None` for a union spelled out),
/// whether `null` is allowed, and the index after it; `None` where no
/// type is shown there. An object with a title shows the title in the
/// type's place (`OAuth 2.0 Client`); what follows a type is a blank line,
/// an attribute, or the next field.
fn type_at(page: &Page<'_>, index: usize, end: usize) -> Option<(Option<ShownType>, bool, usize)> {
    if index >= end {
        return None;
    }
    let text = page.text(index);
    // A list of a union: one line per choice (`array (oneOf) [Message]`).
    if is_choice(text) {
        let mut after = index + 1;
        while after < end && is_choice(page.text(after)) {
            after += 1;
        }
        return Some((None, false, after));
    }
    // A union: its choices' titles or types, one per line, then the one
    // shown (`one of: StringCheckGrader`, `any of: string`).
    let mut after = index;
    let is_choice_name = |text: &str| is_title(text) || elements_type(text).is_some();
    while after < end && after < index + 64 && is_choice_name(page.text(after)) {
        after += 1;
    }
    if after > index + 1 && after < end && is_union_marker(page.text(after)) {
        return Some((None, false, after + 1));
    }
    let shown = match elements_type(text) {
        Some(shown) => shown,
        // A list of objects with a title: `array[The message object]`.
        None if titled_list(text).is_some() => {
            let mut object = ShownType::parse("object")?;
            object.title = titled_list(text).map(str::to_string);
            let mut list = ShownType::parse("array")?;
            list.kind = ShownKind::Array(Box::new(object));
            list
        }
        None => {
            // A title may be a sentence where it is followed by the
            // object's first field (name, then type) rather than a blank.
            let next = page.text(index + 1);
            // (whose own type may be a title too).
            let after_next = page.text(index + 2);
            let field_next = is_identifier_like(next)
                && (elements_type(after_next).is_some()
                    || (after_next.starts_with(|c: char| c.is_uppercase())
                        && after_next.contains(' ')
                        && !after_next.ends_with(':')));
            let titled = (is_title(text) && (next.is_empty() || is_attribute(next)))
                || (text.starts_with(|c: char| c.is_uppercase())
                    && text.len() <= 200
                    && field_next);
            if !titled {
                return None;
            }
            let mut object = ShownType::parse("object")?;
            object.title = Some(text.to_string());
            object
        }
    };
    let mut after = index + 1;
    let mut nullable = shown.nullable;
    if after < end && page.text(after) == "null" {
        nullable = true;
        after += 1;
    }
    if after < end && is_union_marker(page.text(after)) {
        return Some((None, false, after + 1));
    }
    Some((Some(shown), nullable, after))
}

/// The title in `array[The message object]`: a list of objects with that
/// title.
fn titled_list(text: &str) -> Option<&str> {
    text.strip_prefix("array[")?
        .strip_suffix(']')
        .filter(|title| {
            title.starts_with(|c: char| c.is_uppercase()) && !title.contains(['[', ']', ':'])
        })
}

/// The line under a union's choices that names the one shown
/// (`one of: StringCheckGrader`, `any of: string`).
fn is_union_marker(text: &str) -> bool {
    ["any of:", "one of:", "all of:"]
        .iter()
        .any(|marker| text.starts_with(marker))
}

/// A schema's title as Elements shows it in a type's place: capitalised,
/// not a sentence.
fn is_title(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase()) && !text.ends_with(['.', ':']) && text.len() <= 80
}

/// One choice of a list of a union, as Elements names it
/// (`array (oneOf) [Message]`).
fn is_choice(text: &str) -> bool {
    ["(oneOf) [", "(anyOf) ["]
        .iter()
        .any(|marker| text.contains(marker))
        && text.ends_with(']')
}

/// Whether a field starts at `index`: a name, its type, then a blank, an
/// attribute, the end, or the next field's name and type.
fn is_field(page: &Page<'_>, index: usize, end: usize) -> bool {
    let Some((_, _, after)) = type_at(page, index + 1, end) else {
        return false;
    };
    let next = page.text(after);
    is_identifier_like(page.text(index))
        && (after >= end
            || next.is_empty()
            || is_attribute(next)
            || (is_identifier_like(next) && type_at(page, after + 1, end).is_some()))
}

/// A label Elements writes before a value under a field (`Default:`).
fn is_label(text: &str) -> bool {
    is_attribute(text) && text.ends_with(':')
}

/// A type as Elements writes it: JSON Schema's words (`string<uuid>`,
/// `array[string]`, `dictionary[string, any]`, `integer or null`), not
/// the looser words of other renderers, which an enum value may be.
fn elements_type(text: &str) -> Option<ShownType> {
    let word_end = text.find(['<', '[', ' ']).unwrap_or(text.len());
    let words = [
        "string",
        "integer",
        "number",
        "boolean",
        "object",
        "array",
        "dictionary",
        "any",
    ];
    words
        .contains(&&text[..word_end])
        .then(|| ShownType::parse(text))
        .flatten()
}

/// A line Elements writes under a field's type.
fn is_attribute(text: &str) -> bool {
    matches!(
        text,
        "required"
            | "deprecated"
            | "read-only"
            | "write-only"
            | "Match pattern:"
            | "Default:"
            | "Example:"
            | "Examples:"
            | "Allowed values:"
            | "Allowed value:"
    ) || constraints(text, &mut Default::default())
}

/// A field name as Elements shows it: one word, a `*` after a required
/// parameter in the panel.
fn is_identifier_like(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 100
        && !text.contains(char::is_whitespace)
        && !text.ends_with(':')
        && text.chars().any(|c| c.is_alphanumeric())
}

fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && text.starts_with(|c: char| c.is_ascii_alphabetic())
        && (text.contains('_') || text.chars().skip(1).any(|c| c.is_ascii_uppercase()))
}

/// A JSON value written with a line number before each line (`1`, `{`,
/// `2`, `  "name": "string"`, ...), from `from`: the value, the index of
/// its first line, and the index after it.
fn numbered_json(page: &Page<'_>, from: usize) -> Option<(Value, usize, usize)> {
    let mut text = String::new();
    let mut index = from;
    let mut first = None;
    let mut expected = 1;
    while index < page.lines.len() {
        let line = page.text(index);
        if line == expected.to_string() {
            expected += 1;
            index += 1;
            continue;
        }
        if expected == 1 {
            return None;
        }
        first.get_or_insert(index);
        text.push_str(&page.lines[index].text);
        text.push('\n');
        index += 1;
        if let Ok(value) = serde_json::from_str::<Value>(&text) {
            if page.text(index) != expected.to_string() {
                return Some((value, first.unwrap_or(from), index));
            }
        }
    }
    None
}
