//! The hosted documentation platforms (ReadMe, Mintlify, Fern, GitBook,
//! bump.sh), as their copies are known (`doc-pages/LAYOUTS.md`; none of
//! them runs offline, so they are read from their known shapes, not
//! proven on real renders). Their pages share a shape that one reader
//! follows:
//!
//! - a title (the summary), then the method and path somewhere: on lines of
//!   their own (`GET` / `/widgets`), one path segment a line (Mintlify:
//!   `POST` / `/` / `widgets`), on one line (bump.sh: `POST /widgets`), a
//!   method alone (GitBook's `post`), or only in a code sample (`curl
//!   --request POST --url ...`, `POST /v1/widgets HTTP/1.1`); where the
//!   copy lost them all (ReadMe) the page has no operation;
//! - headings for the parts: `Path Params` / `Path Parameters`, `Query
//!   Params`, `Headers`, `Body Params` / `Body` / `Request Body`,
//!   `Response` / `Responses` / `Errors`;
//! - each field as its name, its type and `required` on lines of their own
//!   (ReadMe, Mintlify), glued on one line (Fern, GitBook:
//!   `namestringRequired`), or bulleted (bump.sh: `• name string
//!   Required`), then its enum values (`Allowed:`, `Available options:`,
//!   `enum`, `Possible values:`, `Values are a, b, or c.`), default
//!   (`Defaults to 10`, `Default value is 10.`), limits (`<=100`, `Required
//!   range: 1 <= x <= 100`) and description;
//! - each status with its description (`200` / `OK`, `400` / `Bad Request
//!   Error`), its media type (`201 - application/json`, `• 201
//!   application/json`), and its fields or example where shown.
//!
//! Nested objects are collapsed on all five (`Show child attributes`):
//! what they hide is unstated, and a field's required-ness is stated only
//! where the platform marks both kinds.

use super::super::example::read_json;
use super::super::layout::Layout;
use super::super::locate;
use super::super::outline::{Block, Entry, OutlineOperation};
use super::super::page::{is_media_type, join_paragraphs, status_code, Page};
use super::super::qualifier;
use super::super::shown_type::{constraints, ShownType};
use super::inline_field::{self, InlineField};
use crate::model::{Method, ParameterLocation, Status};

/// Reads every operation of a page in one of the hosted layouts.
pub fn read(page: &Page<'_>, layout: Layout) -> Vec<OutlineOperation> {
    let count = page.lines.len();
    let anchors: Vec<(usize, Option<Located>)> = (0..count)
        .filter_map(|at| anchor(page, layout, at).map(|found| (at, found)))
        .collect();
    let mut operations = Vec::new();
    for (position, &(at, ref found)) in anchors.iter().enumerate() {
        let start = title_line(page, at).unwrap_or(at);
        let end = anchors
            .get(position + 1)
            .map_or(count, |next| title_line(page, next.0).unwrap_or(next.0));
        let located = found
            .clone()
            .or_else(|| sample(page, at, end))
            .or_else(|| sample(page, 0, count).filter(|_| anchors.len() == 1));
        let Some((method, path, path_line)) = located else {
            continue;
        };
        let mut op = operation(page, layout, at, end);
        op.start = start;
        op.method = Some((method, at));
        op.path = Some((templated(&path, &op.parameters), path_line));
        if let Some(title) = title_line(page, at).filter(|&t| t < at) {
            let title = page.text(title);
            if !locate::is_path(title) {
                op.summary = Some(title.to_string());
            }
        }
        operations.push(op);
    }
    // A page whose copy kept no method at all (ReadMe): the sample alone.
    if anchors.is_empty() {
        if let Some((method, path, path_line)) = sample(page, 0, count) {
            let start = page.next_content(0).unwrap_or(0);
            let mut op = operation(page, layout, start, count);
            op.start = start;
            op.method = Some((method, path_line));
            op.path = Some((templated(&path, &op.parameters), path_line));
            let title = page.text(start);
            if heading(title).is_none() && !title.starts_with("curl") {
                op.summary = Some(title.to_string());
            }
            operations.push(op);
        }
    }
    operations
}

/// A sample's URL with each path parameter in braces where the sample
/// writes its name in its place (ReadMe: `/accounts/account_id/widgets`).
fn templated(path: &str, parameters: &[Entry]) -> String {
    let names: Vec<&str> = parameters
        .iter()
        .filter(|p| p.location == Some(ParameterLocation::Path))
        .map(|p| p.name.as_str())
        .collect();
    let (prefix, rest) = match path.split_once("://") {
        Some((scheme, rest)) => {
            let at = rest.find('/').unwrap_or(rest.len());
            (format!("{scheme}://{}", &rest[..at]), &rest[at..])
        }
        None => (String::new(), path),
    };
    let segments: Vec<String> = rest
        .split('/')
        .map(|segment| match names.contains(&segment) {
            true => format!("{{{segment}}}"),
            false => segment.to_string(),
        })
        .collect();
    format!("{prefix}{}", segments.join("/"))
}

/// An operation's method and path, and the line of the path.
type Located = (Method, String, usize);

/// The method and path of an operation code sample in `from..to`, with
/// its line.
fn sample(page: &Page<'_>, from: usize, to: usize) -> Option<Located> {
    locate::from_sample(page.lines, from, to)
}

/// Whether an operation's method is at `at`, and its path where it is
/// shown with it: `GET` and the path (or its segments) under it, `POST
/// /widgets`, or a lowercase method alone (GitBook), whose path is in the
/// sample.
fn anchor(page: &Page<'_>, layout: Layout, at: usize) -> Option<Option<Located>> {
    let text = page.text(at);
    if text.ends_with("HTTP/1.1") || text.ends_with("HTTP/2") {
        return None;
    }
    if let Some((method, path)) = locate::glued(text) {
        return Some(Some((method, path, at)));
    }
    let method = locate::method(text)?;
    let next = page.next_content(at + 1)?;
    if next <= at + 2 && locate::is_path(page.text(next)) && page.text(next) != "/" {
        return Some(Some((method, page.text(next).to_string(), next)));
    }
    if let Some((path, _)) = locate::segmented(page.lines, next) {
        return Some(Some((method, path, next)));
    }
    // A method alone, written as GitBook does, before the operation's
    // description: the path is in the sample.
    (layout == Layout::GitBook
        && text.chars().all(|c| c.is_ascii_lowercase())
        && heading(page.text(next)).is_none())
    .then_some(None)
}

/// The title above line `at`: the nearest line with text that is no
/// heading.
fn title_line(page: &Page<'_>, at: usize) -> Option<usize> {
    (0..at)
        .rev()
        .find(|&line| !page.text(line).is_empty())
        .filter(|&line| heading(page.text(line)).is_none())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Heading {
    Parameters(ParameterLocation),
    Body,
    Responses,
    /// A part not read (`Authorizations`).
    Other,
    /// The sample panel, `Try It!` and the like.
    End,
}

fn heading(text: &str) -> Option<Heading> {
    let text = text
        .trim_end_matches(':')
        .trim_end_matches('\u{200b}')
        .trim()
        .to_ascii_lowercase();
    Some(match text.as_str() {
        "path params" | "path parameters" => Heading::Parameters(ParameterLocation::Path),
        "query params" | "query parameters" => Heading::Parameters(ParameterLocation::Query),
        "headers" | "header params" | "header parameters" => {
            Heading::Parameters(ParameterLocation::Header)
        }
        "cookies" | "cookie params" | "cookie parameters" => {
            Heading::Parameters(ParameterLocation::Cookie)
        }
        "body params" | "body" | "request body" | "body required" | "request" => Heading::Body,
        "response" | "responses" | "errors" | "response body" => Heading::Responses,
        "try it!" | "test it" | "request example" | "response example" | "examples"
        | "code samples" => Heading::End,
        "authorizations" | "authorization" | "security" => Heading::Other,
        _ if text.starts_with("body ") && is_media_type(text[5..].trim_start_matches("· ")) => {
            Heading::Body
        }
        _ => return None,
    })
}

fn operation(page: &Page<'_>, layout: Layout, from: usize, end: usize) -> OutlineOperation {
    let mut op = OutlineOperation::default();
    let headings: Vec<(usize, Heading)> = (from + 1..end)
        .filter_map(|at| heading(page.text(at)).map(|h| (at, h)))
        .collect();
    let reference_end = headings
        .iter()
        .find(|(_, h)| *h == Heading::End)
        .map_or(end, |h| h.0);
    let description_start = (from + 1..reference_end)
        .find(|&at| {
            let text = page.text(at);
            !text.is_empty() && locate::method(text).is_none() && !is_path_part(text)
        })
        .unwrap_or(reference_end);
    let description_end = headings.first().map_or(reference_end, |h| h.0);
    op.description = join_paragraphs(
        (description_start..description_end)
            .map(|at| page.text(at))
            .take_while(|text| !text.starts_with("curl")),
    );
    for (position, &(start, heading)) in headings.iter().enumerate() {
        if start >= reference_end {
            break;
        }
        let section_end = headings
            .get(position + 1)
            .map_or(reference_end, |h| h.0)
            .min(reference_end);
        match heading {
            Heading::Parameters(location) => {
                for mut entry in entries(page, layout, start + 1, section_end) {
                    entry.location = Some(location);
                    op.parameters.push(entry);
                }
            }
            Heading::Body => op.body = Some(body(page, layout, start, section_end)),
            Heading::Responses => {
                let found = responses(page, layout, start + 1, section_end);
                // Fern shows the success response's fields without its
                // status: they cannot be placed.
                let first_status = found.first().map_or(section_end, |b| b.line);
                if !entries(page, layout, start + 1, first_status).is_empty() {
                    op.lacking.push((
                        start,
                        "the response's status is not shown; its fields are left out".to_string(),
                    ));
                }
                op.responses.extend(found);
            }
            Heading::Other | Heading::End => {}
        }
    }
    op
}

/// A path or one of its segments, as the lines by the method show it.
fn is_path_part(text: &str) -> bool {
    text == "/" || locate::is_path(text) || (text.starts_with('{') && text.ends_with('}'))
}

fn body(page: &Page<'_>, layout: Layout, heading: usize, end: usize) -> Block {
    let title = page.text(heading).to_ascii_lowercase();
    let mut block = Block {
        line: heading,
        required: Some(title.contains("required")),
        schema_shown: true,
        ..Block::default()
    };
    let mut index = heading + 1;
    if let Some(media) = title
        .split_whitespace()
        .last()
        .filter(|word| is_media_type(word))
    {
        block.media = Some(media.to_string());
    }
    while index < end {
        let text = page.text(index);
        if text.eq_ignore_ascii_case("required") {
            block.required = Some(true);
        } else if is_media_type(text) {
            block.media = Some(text.to_string());
        } else if !text.is_empty() {
            break;
        }
        index += 1;
    }
    block.fields = entries(page, layout, index, end);
    let first = block.fields.first().map_or(end, |f| f.line);
    block.description = join_paragraphs((index..first).map(|at| page.text(at)));
    block
}

/// A status line: `200`, `201 - application/json`, `• 201
/// application/json`, `default`; with its media type where it shows one.
fn status_line(text: &str) -> Option<(Status, Option<String>)> {
    let text = text.trim_start_matches(['•', '·', '-', '*']).trim();
    let (code, rest) = text.split_once(' ').unwrap_or((text, ""));
    let status = status_code(code)?;
    let rest = rest.trim_start_matches(['-', '·']).trim();
    match rest {
        "" => Some((status, None)),
        media if is_media_type(media) => Some((status, Some(media.to_string()))),
        _ => None,
    }
}

/// The statuses in `from..to`, each with what follows it: its
/// description, media type, fields or example.
fn responses(page: &Page<'_>, layout: Layout, from: usize, to: usize) -> Vec<Block> {
    let starts: Vec<(usize, Status, Option<String>)> = (from..to)
        .filter_map(|at| status_line(page.text(at)).map(|(s, m)| (at, s, m)))
        .collect();
    let mut blocks = Vec::new();
    for (position, &(start, status, ref media)) in starts.iter().enumerate() {
        let end = starts.get(position + 1).map_or(to, |next| next.0);
        let mut block = Block::response(start, status);
        block.media = media.clone();
        let mut index = start + 1;
        let mut description = Vec::new();
        while index < end {
            let text = page.text(index);
            if is_media_type(text) {
                block.media = Some(text.to_string());
            } else if text == "{" || text == "[" || text.starts_with("{\"") {
                if let Ok((value, _)) = read_json(page.lines, index) {
                    block.example = Some((index, value));
                }
                break;
            } else if starts_field(page, layout, index) {
                break;
            } else {
                description.push(text);
            }
            index += 1;
        }
        block.description = join_paragraphs(description.into_iter());
        if index < end && block.example.is_none() {
            block.fields = entries(page, layout, index, end);
        }
        // What a status shows of its body: fields, an example, or a media
        // type with neither; a status with its description alone shows
        // nothing of its body, which is unstated.
        block.schema_shown =
            !block.fields.is_empty() || block.example.is_some() || block.media.is_some();
        blocks.push(block);
    }
    blocks
}

/// How a field starts at `at`, if one does: a bulleted or glued line, or
/// a name with its type on the next line.
fn field_at(page: &Page<'_>, layout: Layout, at: usize) -> Option<(InlineField, usize)> {
    let text = page.text(at);
    let inline = match layout {
        Layout::BumpSh => inline_field::bulleted(text),
        Layout::Fern | Layout::GitBook => inline_field::glued(text),
        _ => None,
    };
    if let Some(field) = inline {
        return Some((field, at + 1));
    }
    if !inline_field::is_name(text) || heading(text).is_some() || status_line(text).is_some() {
        return None;
    }
    let next = page.text(at + 1);
    let shown = ShownType::parse(next)?;
    let mut field = InlineField {
        name: text.to_string(),
        shown: Some(shown),
        ..InlineField::default()
    };
    let mut index = at + 2;
    match page.text(index) {
        "required" | "Required" => {
            field.required = Some(true);
            index += 1;
        }
        // Mintlify and ReadMe mark required fields only.
        _ => field.required = Some(false),
    }
    Some((field, index))
}

fn starts_field(page: &Page<'_>, layout: Layout, at: usize) -> bool {
    field_at(page, layout, at).is_some()
}

/// The fields in `from..to`.
fn entries(page: &Page<'_>, layout: Layout, from: usize, to: usize) -> Vec<Entry> {
    let mut starts = Vec::new();
    let mut at = from;
    while at < to {
        match field_at(page, layout, at) {
            Some((field, after)) => {
                starts.push((at, field, after));
                at = after;
            }
            None => at += 1,
        }
    }
    let ends: Vec<usize> = starts
        .iter()
        .skip(1)
        .map(|(at, _, _)| *at)
        .chain(std::iter::once(to))
        .collect();
    // bump.sh says how many fields an object holds (`Hide 2 attributes`):
    // the next that many are nested in it, the copy having lost the
    // indentation.
    let mut open: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for ((line, field, after), end) in starts.into_iter().zip(ends) {
        let mut entry = entry(page, layout, line, field, after, end);
        entry.depth = open.len();
        if let Some(last) = open.last_mut() {
            *last -= 1;
        }
        while open.last() == Some(&0) {
            open.pop();
        }
        if let Some(count) = (after..end).find_map(|at| held(page.text(at))) {
            open.push(count);
        }
        out.push(entry);
    }
    out
}

/// The count in `Hide 2 attributes Show 2 attributes`.
fn held(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("Hide ")?;
    let (count, rest) = rest.split_once(' ')?;
    (rest.starts_with("attribute"))
        .then(|| count.parse().ok())
        .flatten()
        .filter(|&n| n > 0)
}

fn entry(
    page: &Page<'_>,
    layout: Layout,
    line: usize,
    field: InlineField,
    from: usize,
    end: usize,
) -> Entry {
    let mut entry = Entry {
        line,
        name: field.name,
        required: field.required,
        constraints: field.constraints,
        ..Entry::default()
    };
    if let Some(shown) = field.shown {
        // `string | null`, `enum<string> | null`, `string or null`: Fern
        // and Mintlify show it wherever it holds.
        if shown.nullable || matches!(layout, Layout::Fern | Layout::Mintlify) {
            entry.nullable = Some(shown.nullable);
        }
        entry.shown = Some(shown);
    }
    let mut prose = Vec::new();
    let mut index = from;
    while index < end {
        let text = page.text(index);
        let lower = text.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "allowed:" | "available options:" | "enum" | "possible values:" | "allowed values:"
        ) {
            // The values, a line each (`a,` / `b`), to a blank line.
            let mut values = Vec::new();
            index += 1;
            if page.text(index) == "Allowed:" {
                index += 1;
            }
            while index < end && !page.text(index).is_empty() && !starts_field(page, layout, index)
            {
                values.extend(
                    page.text(index)
                        .split(',')
                        .map(|v| v.trim().trim_matches('`').to_string())
                        .filter(|v| !v.is_empty()),
                );
                index += 1;
            }
            if !values.is_empty() {
                entry.values = Some(values);
            }
            continue;
        }
        if let Some(rest) = text.strip_prefix(qualifier::PREFIX) {
            if let Ok(found) = qualifier::parse(rest) {
                entry.values = found.enum_values.or(entry.values.take());
            }
        } else if let Some((values, default)) = values_sentence(text) {
            entry.values = Some(values);
            entry.default = default.or(entry.default.take());
        } else if let Some(rest) = text
            .strip_prefix("Defaults to ")
            .or_else(|| text.strip_prefix("Default: "))
            .or_else(|| text.strip_prefix("Default value is "))
        {
            entry.default = Some(rest.trim_end_matches('.').trim().to_string());
        } else if let Some(range) = text.strip_prefix("Required range: ") {
            // `1 <= x <= 100`.
            let parts: Vec<&str> = range.split(" <= ").collect();
            if let [low, _, high] = parts.as_slice() {
                constraints(&format!(">= {low}"), &mut entry.constraints);
                constraints(&format!("<= {high}"), &mut entry.constraints);
            }
        } else if text.starts_with(['<', '>']) && constraints(text, &mut entry.constraints) {
            // A limit (`<=100`).
        } else if !text.starts_with("Hide ") && !text.starts_with("Show ") {
            // Not `Show child attributes` and the like: the description.
            prose.push(text);
        }
        index += 1;
    }
    entry.description = join_paragraphs(prose.into_iter());
    entry
}

/// bump.sh's `Values are a, b, or c.`, with `Default value is a.` after
/// it where there is one.
fn values_sentence(text: &str) -> Option<(Vec<String>, Option<String>)> {
    let rest = text
        .strip_prefix("Values are ")
        .or_else(|| text.strip_prefix("Value is "))?;
    let (list, after) = rest.split_once(". ").unwrap_or((rest, ""));
    let values = list
        .trim_end_matches('.')
        .split(',')
        .map(|v| v.trim().trim_start_matches("or ").trim().trim_matches('`'))
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect();
    let default = after
        .strip_prefix("Default value is ")
        .map(|d| d.trim_end_matches('.').trim().to_string());
    Some((values, default))
}
