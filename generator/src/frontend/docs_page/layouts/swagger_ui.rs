//! Swagger UI, as a copy of an expanded operation gives it: the method on
//! a line of its own, the path on the next, the summary, the description,
//! then `Parameters` (a `Name⇥Description` table, or `No parameters`),
//! `Request body` with its media type, and `Responses` (a
//! `Code⇥Description⇥Links` table).
//!
//! A table row is two cells: the name cell (the name, ` *` after it where
//! required, the type (`integer($int32)`, `array<string>`), `deprecated`,
//! and for a parameter where it goes, `(query)`), a line holding only the
//! tab between the cells, then the description cell: the description,
//! `Default value : 20`, `Available values : asc, desc` and the picker's
//! options after `--`. A form body's fields are rows of the same table.
//!
//! A JSON body, request or response, shows only its `Example Value` (the
//! Schema tab is closed): field names and rough types, nothing of
//! required or nullable. Swagger UI shows no nullability anywhere and no
//! mark on a required request body, so those stay unstated; and it writes
//! `"string"` for a schema that refers back to itself, so `"string"` in
//! its examples does not say "a string".

use serde_json::Value;

use super::super::example::read_json;
use super::super::locate;
use super::super::outline::{Block, Entry, OutlineOperation};
use super::super::page::{is_media_type, join_paragraphs, Page};
use super::super::shown_type::{ShownKind, ShownType};
use crate::model::{ParameterLocation, Status};

/// Reads every operation of a Swagger UI page (one when a single
/// operation is copied; several from a whole page).
pub fn read(page: &Page<'_>) -> Vec<OutlineOperation> {
    let count = page.lines.len();
    let mut starts = Vec::new();
    let mut index = 0;
    while index < count {
        if let Some(method) = locate::method(page.text(index)) {
            let path = index + 1;
            if locate::is_path(page.text(path)) {
                starts.push((index, method, path));
                index = path + 1;
                continue;
            }
        }
        index += 1;
    }
    starts
        .iter()
        .enumerate()
        .map(|(position, &(method_line, method, path_line))| {
            let end = starts.get(position + 1).map_or(count, |next| next.0);
            let mut op = operation(page, path_line, end);
            op.start = method_line;
            op.method = Some((method, method_line));
            op.path = Some((page.text(path_line).to_string(), path_line));
            op
        })
        .collect()
}

/// The sections of the operation whose path is on `path_line`, up to `end`.
fn operation(page: &Page<'_>, path_line: usize, end: usize) -> OutlineOperation {
    let mut op = OutlineOperation::default();
    let find = |text: &str| page.find_line(path_line + 1, end, |line| line == text);
    let parameters = find("Parameters");
    let body = find("Request body");
    let responses = find("Responses");
    let header_end = [parameters, body, responses]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(end);
    let mut lines: Vec<usize> = Vec::new();
    for index in path_line + 1..header_end {
        match page.text(index) {
            "Warning: Deprecated" | "Deprecated" => op.deprecated = true,
            _ => lines.push(index),
        }
    }
    // The summary is on the line under the path; the description follows.
    if let Some(&first) = lines.iter().find(|&&i| !page.text(i).is_empty()) {
        op.summary = Some(page.text(first).to_string());
        op.description =
            join_paragraphs(lines.iter().filter(|&&i| i > first).map(|&i| page.text(i)));
    }
    let section_end = |from: usize| {
        [parameters, body, responses]
            .into_iter()
            .flatten()
            .filter(|&at| at > from)
            .min()
            .unwrap_or(end)
    };
    if let Some(start) = parameters {
        for row in rows(page, start + 1, section_end(start)) {
            if row.location.is_some() {
                op.parameters.push(row);
            }
        }
    }
    if let Some(start) = body {
        op.body = Some(request_body(page, start, section_end(start)));
    }
    // Swagger 2.0's body parameter, a row of the parameters' table:
    // `body *` / `object` / `(body)`, its example, `Parameter content type`.
    if let Some(start) = parameters.filter(|_| op.body.is_none()) {
        let end = section_end(start);
        if let Some(at) = page.find_line(start + 1, end, |text| text == "(body)") {
            op.body = Some(body_parameter(page, start + 1, at, end));
        }
    }
    if let Some(start) = responses {
        op.responses = response_blocks(page, start + 1, end);
    }
    op
}

/// The request body from its heading: its media type, then a form's
/// fields or a JSON example.
fn request_body(page: &Page<'_>, heading: usize, end: usize) -> Block {
    let mut block = Block {
        line: heading,
        schema_shown: true,
        cycles_shown_as_string: true,
        ..Block::default()
    };
    let mut index = heading + 1;
    if page.text(index) == "required" {
        block.required = Some(true);
        index += 1;
    }
    if is_media_type(page.text(index)) {
        block.media = Some(page.text(index).to_string());
        index += 1;
    }
    match example(page, index, end) {
        Some(found) => block.example = Some(found),
        None => block.fields = rows(page, index, end),
    }
    block
}

/// A body parameter's row (Swagger 2.0), its `(body)` line at `at`: the
/// name above marks it required with `*`; its example and media type
/// follow.
fn body_parameter(page: &Page<'_>, from: usize, at: usize, end: usize) -> Block {
    let name = (from..at)
        .rev()
        .take_while(|&i| !page.text(i).is_empty())
        .last()
        .unwrap_or(at);
    let mut block = Block {
        line: name,
        required: Some(page.text(name).ends_with('*')),
        schema_shown: true,
        cycles_shown_as_string: true,
        ..Block::default()
    };
    block.media = page
        .find_line(at, end, |text| text == "Parameter content type")
        .map(|label| page.text(label + 1))
        .filter(|media| is_media_type(media))
        .map(str::to_string);
    block.example = example(page, at, end);
    block
}

/// The JSON example under `Example Value` in `from..to`, and its line.
fn example(page: &Page<'_>, from: usize, to: usize) -> Option<(usize, Value)> {
    let label = page.find_line(from, to, |text| text == "Example Value")?;
    let start = page.find_line(label + 1, to, |text| !matches!(text, "" | "Schema"))?;
    let first = page.text(start);
    if !(first.starts_with('{') || first.starts_with('[')) {
        return None;
    }
    read_json(page.lines, start)
        .ok()
        .map(|(value, _)| (start, value))
}

/// The responses table from under `Responses`: a row per status, each
/// with its description, media type and example.
fn response_blocks(page: &Page<'_>, from: usize, to: usize) -> Vec<Block> {
    let starts: Vec<(usize, Status)> = (from..to)
        .filter_map(|index| status_cell(&page.lines[index].text).map(|status| (index, status)))
        .collect();
    let mut blocks = Vec::new();
    for (position, &(start, status)) in starts.iter().enumerate() {
        let end = starts.get(position + 1).map_or(to, |next| next.0);
        let mut block = Block::response(start, status);
        block.schema_shown = true;
        block.cycles_shown_as_string = true;
        let media = page.find_line(start + 1, end, |text| text == "Media type");
        let details = [
            media,
            page.find_line(start + 1, end, |text| text == "No links"),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(end);
        block.description = join_paragraphs((start + 1..details).map(|i| page.text(i)));
        if let Some(media) = media {
            block.media = page
                .next_content(media + 1)
                .filter(|&i| i < end && is_media_type(page.text(i)))
                .map(|i| page.text(i).to_string());
            block.example = example(page, media + 1, end);
        }
        blocks.push(block);
    }
    blocks
}

/// A status cell: `200⇥` at the start of a line (the tab ends the cell).
fn status_cell(raw: &str) -> Option<Status> {
    let (code, rest) = raw.split_once('\t')?;
    if !rest.trim().is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    match code.trim() {
        "default" => Some(Status::Default),
        code if code.len() == 3 => code
            .parse::<u16>()
            .ok()
            .filter(|code| (100..600).contains(code))
            .map(Status::Code),
        _ => None,
    }
}

/// The rows of a parameters or form-fields table in `from..to`. A row's
/// cells are split by a line holding only a tab; its name cell is the
/// lines above that since the last blank one.
fn rows(page: &Page<'_>, from: usize, to: usize) -> Vec<Entry> {
    let boundaries: Vec<usize> = (from..to)
        .filter(|&index| {
            let raw = &page.lines[index].text;
            raw.contains('\t') && raw.trim().is_empty()
        })
        .collect();
    let mut cells = Vec::new();
    for &boundary in &boundaries {
        let mut name_start = boundary;
        while name_start > from && !page.text(name_start - 1).is_empty() {
            name_start -= 1;
        }
        cells.push((name_start, boundary));
    }
    let mut out = Vec::new();
    for (position, &(name_start, boundary)) in cells.iter().enumerate() {
        let description_end = cells.get(position + 1).map_or(to, |next| next.0);
        if let Some(entry) = row(page, name_start, boundary, description_end) {
            out.push(entry);
        }
    }
    out
}

/// One row: the name cell in `name..boundary`, the description cell after
/// the boundary up to `end`.
fn row(page: &Page<'_>, name: usize, boundary: usize, end: usize) -> Option<Entry> {
    let cell: Vec<&str> = (name..boundary).map(|i| page.text(i)).collect();
    let (&first, rest) = cell.split_first()?;
    let (field, required) = match first.strip_suffix('*') {
        Some(name) => (name.trim_end_matches(|c: char| c.is_whitespace()), true),
        None => (first, false),
    };
    if field.is_empty() || field.contains(char::is_whitespace) {
        return None;
    }
    let mut entry = Entry {
        line: name,
        name: field.to_string(),
        required: Some(required),
        ..Entry::default()
    };
    for &text in rest {
        if text == "deprecated" {
            entry.deprecated = true;
        } else if let Some(location) = location(text) {
            entry.location = Some(location);
        } else if entry.shown.is_none() {
            entry.shown = shown_type(text);
        }
    }
    entry.shown.as_ref()?;
    let mut description = Vec::new();
    let mut available = None;
    let mut options = Vec::new();
    let mut index = boundary + 1;
    while index < end {
        let text = page.text(index);
        if let Some(value) = text.strip_prefix("Default value :") {
            entry.default = Some(value.trim().to_string());
        } else if let Some(values) = text.strip_prefix("Available values :") {
            available = Some(
                values
                    .split(", ")
                    .map(|v| v.trim().to_string())
                    .collect::<Vec<_>>(),
            );
        } else if text == "--" && available.is_some() {
            // The picker: one option a line, as the document spells them.
            index += 1;
            while index < end && !page.text(index).is_empty() {
                options.push(page.text(index).to_string());
                index += 1;
            }
            continue;
        } else if text.starts_with("Example :") {
        } else {
            description.push(text);
        }
        index += 1;
    }
    entry.description = join_paragraphs(description.into_iter());
    if let Some(available) = available {
        entry.values = Some(if options.is_empty() {
            available
        } else {
            options
        });
    }
    Some(entry)
}

/// Where a parameter goes: `(query)`, `(path)`, `(header)`, `(cookie)`.
fn location(text: &str) -> Option<ParameterLocation> {
    Some(match text {
        "(path)" => ParameterLocation::Path,
        "(query)" => ParameterLocation::Query,
        "(header)" => ParameterLocation::Header,
        "(cookie)" => ParameterLocation::Cookie,
        _ => return None,
    })
}

/// A type as Swagger UI writes it: `integer($int32)`, `string($uuid)`,
/// `array<string>`, `array<undefined>` for a list of unstated items.
fn shown_type(text: &str) -> Option<ShownType> {
    if let Some(item) = text
        .strip_prefix("array<")
        .and_then(|rest| rest.strip_suffix('>'))
    {
        let item = match item {
            "undefined" => ShownType::parse("any")?,
            item => shown_type(item)?,
        };
        let mut list = ShownType::parse("array")?;
        list.kind = ShownKind::Array(Box::new(item));
        return Some(list);
    }
    let word_end = text.find(['(', '[', '<']).unwrap_or(text.len());
    let words = [
        "string", "integer", "number", "boolean", "object", "array", "file",
    ];
    words
        .contains(&&text[..word_end])
        .then(|| ShownType::parse(text))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontend::docs_page::page;
    use crate::model::Method;

    fn read_text(text: &str) -> Vec<OutlineOperation> {
        page::read_text(text, read)
    }

    #[test]
    fn a_parameters_table_and_a_responses_table() {
        let ops = read_text(
            "GET\n/widgets/{id}\nGet a widget\nParameters\nTry it out\nName\tDescription\n\nid\u{a0}*\nstring($uuid)\n(path)\n\t\n\nThe widget.\n\n\n\norder\nstring\n(query)\n\t\n\nSort order.\n\nAvailable values : asc, desc\n\nDefault value : asc\n\n--\nasc\ndesc\nResponses\nCode\tDescription\tLinks\n200\t\n\nOK\n\nMedia type\napplication/json\nControls Accept header.\nExample Value\nSchema\n{\n  \"id\": \"string\"\n}\n\tNo links\n404\t\n\nNot found\n\n\tNo links",
        );
        assert_eq!(ops.len(), 1);
        let op = &ops[0];
        assert_eq!(op.method.map(|m| m.0), Some(Method::Get));
        assert_eq!(op.summary.as_deref(), Some("Get a widget"));
        let names: Vec<_> = op
            .parameters
            .iter()
            .map(|p| (p.name.as_str(), p.required))
            .collect();
        assert_eq!(names, [("id", Some(true)), ("order", Some(false))]);
        assert_eq!(
            op.parameters[1].values,
            Some(vec!["asc".into(), "desc".into()])
        );
        assert_eq!(op.parameters[1].default.as_deref(), Some("asc"));
        assert_eq!(
            op.parameters[0]
                .shown
                .as_ref()
                .and_then(|s| s.format.as_deref()),
            Some("uuid")
        );
        let statuses: Vec<_> = op.responses.iter().map(|r| r.status).collect();
        assert_eq!(statuses, [Some(Status::Code(200)), Some(Status::Code(404))]);
        assert_eq!(op.responses[0].media.as_deref(), Some("application/json"));
        assert!(op.responses[0].example.is_some());
        assert!(op.responses[1].example.is_none());
        assert_eq!(op.responses[1].description.as_deref(), Some("Not found"));
    }

    #[test]
    fn a_form_body_is_a_table_and_a_json_body_an_example() {
        let ops = read_text(
            "POST\n/tokens\nParameters\nTry it out\n\nNo parameters\n\nRequest body\napplication/x-www-form-urlencoded\ntoken\u{a0}*\nstring\n\t\n\nThe token.\n\n\n\nscope\narray<string>\n\t\n\nResponses\nCode\tDescription\tLinks\n200\t\n\nOK\n\n\tNo links\nPUT\n/tokens\nRequest body\napplication/json\nExample Value\nSchema\n{\n  \"token\": \"string\"\n}\nResponses\n",
        );
        assert_eq!(ops.len(), 2);
        let form = ops[0].body.as_ref().map(|b| {
            b.fields
                .iter()
                .map(|f| (f.name.clone(), f.required))
                .collect::<Vec<_>>()
        });
        assert_eq!(
            form,
            Some(vec![
                ("token".into(), Some(true)),
                ("scope".into(), Some(false))
            ])
        );
        assert!(ops[0].parameters.is_empty());
        let json = ops[1].body.as_ref();
        assert_eq!(
            json.and_then(|b| b.media.as_deref()),
            Some("application/json")
        );
        assert!(json
            .is_some_and(|b| b.example.is_some() && b.fields.is_empty() && b.required.is_none()));
    }
}
