//! Scalar, as a copy of an operation's section gives it: the title (the
//! summary, else the path) with `Copy link` under it, the description,
//! `Path Parameters`, `Query Parameters`, `Headers`, `Cookies`, `Body`
//! (`required` where it is, the media type), `Responses` (each status with
//! its description and media type, no schema), then the example panel:
//! `Request Example for` and the method glued to the path (`POST/pets`),
//! the curl sample, and the first status's response example under `Show
//! Schema`.
//!
//! A field is its name with `Copy link to NAME` under it, `Type:` and the
//! type (`string | null`, `array string[]`, `object · Owner`), then in any
//! order `Format:`, limits (`min length:`, `max:`) and `Pattern:` with
//! their value on the next line, `required`, `nullable`, `enum`; then the
//! description, and an enum's values one a line. A union shows `One of` or
//! `Any of` and its first choice instead of a type. Nested objects are
//! collapsed (`Show Child Attributes`), and a long object shows its first
//! fields only (`Show additional properties`): what they hide is unstated.

use serde_json::Value;

use super::super::example::read_json;
use super::super::locate;
use super::super::outline::{Block, Entry, OutlineOperation};
use super::super::page::{is_media_type, join_paragraphs, status_code, Page};
use super::super::shown_type::{constraints, is_format, ShownType};
use crate::model::{ParameterLocation, Status};

/// Reads every operation of a Scalar page: each starts at a title with
/// `Copy link` under it.
pub fn read(page: &Page<'_>) -> Vec<OutlineOperation> {
    let count = page.lines.len();
    let starts: Vec<usize> = (1..count)
        .filter(|&index| page.text(index) == "Copy link" && !page.text(index - 1).is_empty())
        .collect();
    let mut operations = Vec::new();
    for (position, &copy_link) in starts.iter().enumerate() {
        let end = starts
            .get(position + 1)
            .map_or(count, |&next| title_start(page, next));
        let mut op = operation(page, copy_link, end);
        op.start = title_start(page, copy_link);
        if op.method.is_some() {
            operations.push(op);
        }
    }
    operations
}

/// Where an operation's heading starts: its title, or `Deprecated` above it.
fn title_start(page: &Page<'_>, copy_link: usize) -> usize {
    let title = copy_link - 1;
    match title > 0 && page.text(title - 1) == "Deprecated" {
        true => title - 1,
        false => title,
    }
}

/// A title without the zero-width space Scalar ends it with.
fn clean(text: &str) -> &str {
    text.trim_end_matches('\u{200b}').trim()
}

fn operation(page: &Page<'_>, copy_link: usize, end: usize) -> OutlineOperation {
    let title = clean(page.text(copy_link - 1)).to_string();
    let mut op = OutlineOperation {
        deprecated: title_start(page, copy_link) + 1 < copy_link,
        ..OutlineOperation::default()
    };
    // The method and path: glued under `Request Example for`, else in
    // `(post /pets)` under `Test Request`, else in the curl sample.
    let sample = page.find_line(copy_link + 1, end, |text| text == "Request Example for");
    let glued = sample
        .and_then(|at| page.next_content(at + 1))
        .and_then(|at| locate::glued(page.text(at)).map(|(method, path)| (method, path, at)));
    let tested = || {
        (copy_link + 1..end).find_map(|at| {
            let inner = page.text(at).strip_prefix('(')?.strip_suffix(')')?;
            locate::glued(inner).map(|(method, path)| (method, path, at))
        })
    };
    if let Some((method, path, at)) = glued.or_else(tested) {
        op.method = Some((method, at));
        op.path = Some((path, at));
    }
    match locate::is_path(&title) {
        true => {}
        false => op.summary = Some(title),
    }
    let reference_end = sample.unwrap_or(end);
    let headings: Vec<(usize, Heading)> = (copy_link + 1..reference_end)
        .filter_map(|at| heading(page.text(at)).map(|h| (at, h)))
        .collect();
    let description_end = headings.first().map_or(reference_end, |h| h.0);
    op.description = join_paragraphs((copy_link + 1..description_end).map(|at| page.text(at)));
    for (position, &(start, ref heading)) in headings.iter().enumerate() {
        let section_end = headings.get(position + 1).map_or(reference_end, |h| h.0);
        match heading {
            Heading::Parameters(location) => {
                for mut entry in entries(page, start + 1, section_end) {
                    entry.location = Some(*location);
                    op.parameters.push(entry);
                }
            }
            Heading::Body => op.body = Some(body(page, start, section_end)),
            Heading::Responses => op.responses = responses(page, start + 1, section_end),
        }
    }
    if let Some(sample) = sample {
        examples(page, sample, end, &mut op);
    }
    op
}

enum Heading {
    Parameters(ParameterLocation),
    Body,
    Responses,
}

fn heading(text: &str) -> Option<Heading> {
    Some(match text {
        "Path Parameters" => Heading::Parameters(ParameterLocation::Path),
        "Query Parameters" => Heading::Parameters(ParameterLocation::Query),
        "Headers" | "Header Parameters" => Heading::Parameters(ParameterLocation::Header),
        "Cookies" | "Cookie Parameters" => Heading::Parameters(ParameterLocation::Cookie),
        "Body" => Heading::Body,
        "Responses" => Heading::Responses,
        _ => return None,
    })
}

/// The media type at `index` (after `Selected Content Type:` where the
/// body has several), and the index after it.
fn media_at(page: &Page<'_>, mut index: usize, end: usize) -> (Option<String>, usize) {
    if page.text(index) == "Selected Content Type:" {
        index += 1;
    }
    match index < end && is_media_type(page.text(index)) {
        true => (Some(page.text(index).to_string()), index + 1),
        false => (None, index),
    }
}

fn body(page: &Page<'_>, heading: usize, end: usize) -> Block {
    let mut index = heading + 1;
    let required = page.text(index) == "required";
    if required {
        index += 1;
    }
    let (media, after) = media_at(page, index, end);
    let fields = entries(page, after, end);
    let first = fields.first().map_or(end, |f| f.line);
    Block {
        line: heading,
        media,
        required: Some(required),
        description: join_paragraphs((after..first).map(|at| page.text(at))),
        fields,
        schema_shown: true,
        ..Block::default()
    }
}

/// The statuses, each with its description and media type; Scalar shows
/// no response schema here (the example of the first is in the panel).
fn responses(page: &Page<'_>, from: usize, to: usize) -> Vec<Block> {
    let starts: Vec<(usize, Status)> = (from..to)
        .filter_map(|at| status_code(page.text(at)).map(|s| (at, s)))
        .filter(|&(at, _)| at == from || !page.text(at - 1).ends_with(':'))
        .collect();
    let mut blocks = Vec::new();
    for (position, &(start, status)) in starts.iter().enumerate() {
        let end = starts.get(position + 1).map_or(to, |next| next.0);
        let mut block = Block::response(start, status);
        let mut lines = Vec::new();
        let mut index = start + 1;
        while index < end {
            let text = page.text(index);
            if text.starts_with("Copy link to") {
            } else if text == "Selected Content Type:" || is_media_type(text) {
                let (media, after) = media_at(page, index, end);
                block.media = block.media.take().or(media);
                index = after.max(index + 1);
                continue;
            } else {
                lines.push(text);
            }
            index += 1;
        }
        block.description = join_paragraphs(lines.into_iter());
        blocks.push(block);
    }
    blocks
}

/// The examples of the panel from `Request Example for`: the request body
/// in the curl sample's `--data '...'`, and the first status's response
/// under `Show Schema` (`No Body` where it has none).
fn examples(page: &Page<'_>, from: usize, to: usize, op: &mut OutlineOperation) {
    let data = page.find_line(from, to, |text| {
        text.starts_with("--data '") || text.starts_with("--data-raw '")
    });
    if let (Some(at), Some(body)) = (data, op.body.as_mut()) {
        if let Some(value) = quoted_json(page, at, to) {
            body.example = Some((at, value));
        }
    }
    let tabs = page.find_line(from, to, |text| text == "STATUS:");
    let shown = tabs
        .and_then(|at| page.find_line(at, to, |text| text == "Show Schema" || text == "No Body"));
    let Some(shown) = shown else {
        return;
    };
    let Some(first) = op.responses.first_mut() else {
        return;
    };
    if page.text(shown) == "No Body" {
        first.schema_shown = true;
        return;
    }
    if let Some(start) = page.next_content(shown + 1).filter(|&at| at < to) {
        let text = page.text(start);
        if text.starts_with('{') || text.starts_with('[') {
            if let Ok((value, _)) = read_json(page.lines, start) {
                first.example = Some((start, value));
                first.schema_shown = true;
            }
        }
    }
}

/// The JSON in `--data '{ ... }'`, which runs to the line ending `}'`.
fn quoted_json(page: &Page<'_>, at: usize, to: usize) -> Option<Value> {
    let first = page.text(at);
    let start = first.find('\'')? + 1;
    let mut text = first[start..].to_string();
    let mut index = at;
    loop {
        if let Some(json) = text.trim_end().strip_suffix('\'') {
            return serde_json::from_str(json).ok();
        }
        index += 1;
        if index >= to {
            return None;
        }
        text.push('\n');
        text.push_str(&page.lines[index].text);
    }
}

/// The fields in `from..to`: each starts at a name with `Copy link to
/// NAME` under it.
fn entries(page: &Page<'_>, from: usize, to: usize) -> Vec<Entry> {
    let starts: Vec<usize> = (from..to.saturating_sub(1))
        .filter(|&at| {
            let name = page.text(at);
            !name.is_empty() && page.text(at + 1).strip_prefix("Copy link to ") == Some(name)
        })
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(position, &start)| {
            entry(page, start, starts.get(position + 1).copied().unwrap_or(to))
        })
        .collect()
}

fn entry(page: &Page<'_>, start: usize, end: usize) -> Entry {
    let mut entry = Entry {
        line: start,
        name: page.text(start).to_string(),
        required: Some(false),
        nullable: Some(false),
        ..Entry::default()
    };
    let mut index = start + 2;
    let mut is_enum = false;
    // The type and the attributes, up to the first blank or other line.
    while index < end {
        // `Type:` and its value on the next line, or on the same (a page
        // saved as HTML).
        let (text, value, step) = match page.text(index).split_once(": ") {
            Some((label, value)) if matches!(label, "Type" | "Format" | "Pattern") => {
                (&page.text(index)[..label.len() + 1], value, 1)
            }
            _ => (page.text(index), page.text(index + 1), 2),
        };
        match text {
            "Type:" => {
                if let Some(shown) = ShownType::parse(value) {
                    entry.nullable = Some(shown.nullable);
                    entry.shown = Some(shown);
                }
                index += step;
                continue;
            }
            "One of" | "Any of" | "All of" => {
                // A union: its first choice and that choice's fields
                // follow; the field's own type is unstated.
                entry.union = true;
                entry.shown = None;
                entry.nullable = match entry.nullable {
                    Some(true) => Some(true),
                    _ => None,
                };
                break;
            }
            "Format:" => {
                if let Some(shown) = entry.shown.as_mut().filter(|_| is_format(value)) {
                    shown.format = Some(value.to_string());
                }
                index += step;
                continue;
            }
            "Pattern:" => {
                entry.constraints.pattern = Some(value.to_string());
                index += step;
                continue;
            }
            "required" => entry.required = Some(true),
            "nullable" => entry.nullable = Some(true),
            "enum" => is_enum = true,
            "deprecated" => entry.deprecated = true,
            "read-only" => entry.read_only = true,
            "write-only" => entry.write_only = true,
            "Default" | "Example" => {}
            label if label.ends_with(':') => {
                // A limit: `min length:` and its value on the next line.
                constraints(&format!("{label} {value}"), &mut entry.constraints);
                index += 2;
                continue;
            }
            _ => break,
        }
        index += 1;
    }
    if entry.union {
        return entry;
    }
    // The description, then an enum's values: the lines at the end that
    // read like values, not prose. A list's items follow (`Type:` again),
    // and collapsed parts end the field's own lines.
    let own_end = (index..end)
        .find(|&at| {
            let text = page.text(at);
            text.starts_with("Type: ")
                || matches!(
                    text,
                    "Type:"
                        | "Show Child Attributes"
                        | "Show additional properties"
                        | "Show all values"
                )
        })
        .unwrap_or(end);
    let mut rest: Vec<&str> = (index..own_end).map(|at| page.text(at)).collect();
    while rest.last().is_some_and(|text| text.is_empty()) {
        rest.pop();
    }
    if is_enum {
        let values = rest.len() - rest.iter().rev().take_while(|text| is_value(text)).count();
        // `Show all values`: the values shown are the first few only.
        if page.text(own_end) != "Show all values" {
            entry.values = Some(rest[values..].iter().map(|v| v.to_string()).collect());
        }
        rest.truncate(values);
    }
    entry.description = join_paragraphs(rest.into_iter());
    entry
}

/// A line that reads like an enum value rather than a description's.
fn is_value(text: &str) -> bool {
    !text.is_empty() && text.len() <= 100 && !text.ends_with(['.', ':']) && !text.contains(": ")
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
    fn an_operation_its_fields_and_its_examples() {
        let ops = read_text(
            "Create a widget\u{200b}\nCopy link\n\nMakes one.\n\nBody\nrequired\napplication/json\nname\nCopy link to name\nType:\nstring\nmin length:  \n1\nrequired\nkind\nCopy link to kind\nType:\nstring | null\nenum\n\nThe kind.\n\nsmall\nlarge\nResponses\n201\nCreated\napplication/json\nRequest Example for\nPOST/widgets\nShell Curl\ncurl https://api.example.com/widgets \\\n  --request POST \\\n  --data '{\n  \"name\": \"\"\n}'\n\nTest Request\n(post /widgets)\nSTATUS:\n201\nShow Schema\n{\n  \"id\": 1\n}\n",
        );
        assert_eq!(ops.len(), 1);
        let op = &ops[0];
        assert_eq!(op.method.as_ref().map(|m| m.0), Some(Method::Post));
        assert_eq!(op.path.as_ref().map(|p| p.0.as_str()), Some("/widgets"));
        assert_eq!(op.summary.as_deref(), Some("Create a widget"));
        let body = op.body.as_ref().expect("a body");
        assert_eq!(body.required, Some(true));
        assert_eq!(body.fields[0].required, Some(true));
        assert_eq!(body.fields[0].constraints.min_length, Some(1));
        assert_eq!(body.fields[1].nullable, Some(true));
        assert_eq!(
            body.fields[1].values,
            Some(vec!["small".into(), "large".into()])
        );
        assert_eq!(body.fields[1].description.as_deref(), Some("The kind."));
        assert!(body.example.is_some());
        assert!(op.responses[0].example.is_some());
    }
}
