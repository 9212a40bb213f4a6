//! Redoc, as a copy of an operation's section gives it: the title (a
//! summary, or the operation id where there is none), the description,
//! sections headed in capitals (`PATH PARAMETERS`, `QUERY PARAMETERS`,
//! `REQUEST BODY SCHEMA: application/json`), `Responses` with each status
//! and its description, then the method and path on lines of their own,
//! and the request and response samples.
//!
//! A field is its name (a tab after it, or `required` and a tab on the
//! lines after), its type line with its limits (`string or null (Title)
//! non-empty`, `integer <int64> [ 1 .. 1000 ]`), then `Default:`,
//! `Enum:`, `Items Enum:` and `Example:` lines and its description. Redoc
//! shows `required` and `or null` where they hold, so their absence says
//! optional and not null. Nested objects are collapsed to one line
//! (`object (Owner)`): their fields come from the samples, and responses
//! show only their statuses and descriptions, with the first status's
//! sample. A page of several operations (a single-page site) is split at
//! each method and path.

use serde_json::Value;

use super::super::example::read_json;
use super::super::locate;
use super::super::outline::{Block, Entry, OutlineOperation};
use super::super::page::{join_paragraphs, Page};
use super::super::shown_type::{constraints, split_limits, ShownType};
use crate::model::{ParameterLocation, Status};

/// What a heading line of an operation's section starts.
enum Heading {
    Parameters(ParameterLocation),
    /// `REQUEST BODY SCHEMA: <media>` (the media type may follow on the
    /// next lines, with the other types offered).
    Body(Option<String>),
    Responses,
    /// `RESPONSE SCHEMA: <media>`, in a response a reader expanded.
    ResponseSchema(Option<String>),
    /// `AUTHORIZATIONS:`, `Callbacks` and other parts not read.
    Other,
}

fn heading(text: &str) -> Option<Heading> {
    let upper = text.trim().to_ascii_uppercase();
    Some(match upper.as_str() {
        "PATH PARAMETERS" => Heading::Parameters(ParameterLocation::Path),
        "QUERY PARAMETERS" => Heading::Parameters(ParameterLocation::Query),
        "HEADER PARAMETERS" => Heading::Parameters(ParameterLocation::Header),
        "COOKIE PARAMETERS" => Heading::Parameters(ParameterLocation::Cookie),
        "RESPONSES" => Heading::Responses,
        "AUTHORIZATIONS:" | "CALLBACKS" | "RESPONSE HEADERS" => Heading::Other,
        other => {
            if let Some(media) = other.strip_prefix("REQUEST BODY SCHEMA:") {
                Heading::Body(media_of(text, media))
            } else if let Some(media) = other.strip_prefix("RESPONSE SCHEMA:") {
                Heading::ResponseSchema(media_of(text, media))
            } else {
                return None;
            }
        }
    })
}

/// The media type after a heading's colon, as written (not capitalised).
fn media_of(text: &str, upper_rest: &str) -> Option<String> {
    let media = text.trim();
    let media = media[media.len() - upper_rest.len()..].trim();
    (!media.is_empty()).then(|| media.to_string())
}

/// A response status as Redoc lists it: `200`, `default`, `4XX`.
fn status(text: &str) -> Option<Status> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("default") {
        return Some(Status::Default);
    }
    if let Some(class) = text.strip_suffix("XX").or_else(|| text.strip_suffix("xx")) {
        return class
            .parse::<u16>()
            .ok()
            .filter(|c| (1..=5).contains(c))
            .map(|c| {
                if c == 2 {
                    Status::AnySuccess
                } else {
                    Status::Class(c)
                }
            });
    }
    (text.len() == 3)
        .then(|| text.parse::<u16>().ok())
        .flatten()
        .filter(|code| (100..600).contains(code))
        .map(Status::Code)
}

/// The statuses of a samples tab row, glued: `200400403`, `200default`.
fn status_tabs(text: &str) -> Vec<Status> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("default") {
            out.push(Status::Default);
            rest = after;
        } else if rest.len() >= 3 && rest.is_char_boundary(3) {
            match status(&rest[..3]) {
                Some(status) => out.push(status),
                None => return Vec::new(),
            }
            rest = &rest[3..];
        } else {
            return Vec::new();
        }
    }
    out
}

/// Reads every operation of a Redoc page.
pub fn read(page: &Page<'_>) -> Vec<OutlineOperation> {
    let count = page.lines.len();
    // Each method and path pair closes an operation's description.
    let mut pairs = Vec::new();
    let mut index = 0;
    while index < count {
        let text = page.text(index);
        if let Some(method) = locate::method(text) {
            if let Some(next) = page.next_content(index + 1) {
                if locate::is_path(page.text(next)) {
                    pairs.push((index, method, page.text(next).to_string(), next));
                    index = next + 1;
                    continue;
                }
            }
        } else if let Some((method, path)) = locate::glued(text) {
            pairs.push((index, method, path, index));
        }
        index += 1;
    }
    let mut operations = Vec::new();
    let mut start = 0;
    for (position, &(method_line, method, ref path, path_line)) in pairs.iter().enumerate() {
        let next_pair = pairs.get(position + 1).map_or(count, |p| p.0);
        let (samples_end, body_example, response_example) = samples(page, path_line + 1, next_pair);
        let mut op = operation(page, start, method_line);
        op.method = Some((method, method_line));
        op.path = Some((path.clone(), path_line));
        if let (Some(body), Some(example)) = (op.body.as_mut(), body_example) {
            body.example = Some(example);
        }
        if let Some((status, example)) = response_example {
            if let Some(block) = op.responses.iter_mut().find(|b| b.status == Some(status)) {
                block.example = Some(example);
                block
                    .media
                    .get_or_insert_with(|| "application/json".to_string());
            }
        }
        operations.push(op);
        start = samples_end;
    }
    operations
}

/// The request and response samples after the path, up to `to`: where
/// they end, the request body's example, and the first response tab's
/// status with its example. They end at the first line that is none of
/// theirs: the next operation's title on a page of several.
#[allow(clippy::type_complexity)]
fn samples(
    page: &Page<'_>,
    from: usize,
    to: usize,
) -> (
    usize,
    Option<(usize, Value)>,
    Option<(Status, (usize, Value))>,
) {
    let mut end = from;
    let mut body = None;
    let mut response = None;
    let mut tabs: Vec<Status> = Vec::new();
    let mut in_response = false;
    let mut after_copy = false;
    while let Some(index) = page.next_content(end).filter(|&i| i < to) {
        let text = page.text(index);
        let marker = matches!(
            text,
            "Payload" | "Content type" | "Copy" | "Expand allCollapse all"
        ) || super::super::page::is_media_type(text);
        if text == "Request samples" || text == "Response samples" {
            in_response = text == "Response samples";
            tabs.clear();
        } else if in_response && tabs.is_empty() && !status_tabs(text).is_empty() {
            tabs = status_tabs(text);
        } else if text.starts_with('{') || text.starts_with('[') {
            let Ok((value, after)) = read_json(page.lines, index) else {
                break;
            };
            match (in_response, tabs.first()) {
                (false, _) => body = body.or(Some((index, value))),
                (true, Some(status)) => response = response.or(Some((*status, (index, value)))),
                (true, None) => {}
            }
            end = after;
            after_copy = false;
            continue;
        } else if !marker && !after_copy {
            break;
        }
        after_copy = text == "Copy";
        end = index + 1;
    }
    (end.min(to), body, response)
}

/// The title, description and sections of an operation in `from..to`.
fn operation(page: &Page<'_>, from: usize, to: usize) -> OutlineOperation {
    let mut op = OutlineOperation {
        start: from,
        ..OutlineOperation::default()
    };
    let Some(title) = page.next_content(from).filter(|&i| i < to) else {
        return op;
    };
    let title_text = page.text(title).to_string();
    // A title without spaces in snake case is the operation id (Redoc
    // shows it when there is no summary).
    if is_identifier(&title_text) {
        op.id = Some(title_text);
    } else {
        op.summary = Some(title_text);
    }
    let headings: Vec<usize> = (title + 1..to)
        .filter(|&i| heading(page.text(i)).is_some())
        .collect();
    let description_end = headings.first().copied().unwrap_or(to);
    op.description = join_paragraphs((title + 1..description_end).map(|i| page.text(i)));
    if op
        .description
        .as_deref()
        .is_some_and(|d| d.trim().eq_ignore_ascii_case("deprecated"))
    {
        op.deprecated = true;
        op.description = None;
    }
    for (position, &start) in headings.iter().enumerate() {
        let end = headings.get(position + 1).copied().unwrap_or(to);
        match heading(page.text(start)) {
            Some(Heading::Parameters(location)) => {
                for mut entry in entries(page, start + 1, end) {
                    entry.location = Some(location);
                    op.parameters.push(entry);
                }
            }
            Some(Heading::Body(media)) => {
                let (media, after) = media_after(page, media, start + 1, end);
                let mut block = Block {
                    line: start,
                    media,
                    required: Some(false),
                    schema_shown: true,
                    ..Block::default()
                };
                let mut cursor = after;
                if let Some(next) = page.next_content(cursor).filter(|&i| i < end) {
                    if page.text(next).eq_ignore_ascii_case("required") {
                        block.required = Some(true);
                        cursor = next + 1;
                    }
                }
                let fields = entries(page, cursor, end);
                let first_field = fields.first().map_or(end, |f| f.line);
                block.description = join_paragraphs((cursor..first_field).map(|i| page.text(i)));
                block.fields = fields;
                op.body = Some(block);
            }
            Some(Heading::Responses) => op.responses.extend(responses(page, start + 1, end)),
            Some(Heading::ResponseSchema(media)) => {
                // An expanded response: its schema belongs to the last status.
                let (media, after) = media_after(page, media, start + 1, end);
                if let Some(block) = op.responses.last_mut() {
                    block.media = media.or(block.media.take());
                    block.fields = entries(page, after, end);
                    block.schema_shown = true;
                }
            }
            Some(Heading::Other) | None => {}
        }
    }
    op
}

/// A media type given after its heading: on the heading, or (when several
/// are offered) as the last of the run of media-type lines after it.
fn media_after(
    page: &Page<'_>,
    media: Option<String>,
    from: usize,
    to: usize,
) -> (Option<String>, usize) {
    if media.is_some() {
        return (media, from);
    }
    let mut chosen = None;
    let mut index = from;
    while index < to && super::super::page::is_media_type(page.text(index)) {
        chosen = Some(page.text(index).to_string());
        index += 1;
    }
    (chosen, index)
}

/// The statuses of `Responses`, each with its description.
fn responses(page: &Page<'_>, from: usize, to: usize) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut description: Vec<usize> = Vec::new();
    let close = |blocks: &mut Vec<Block>, description: &mut Vec<usize>| {
        if let Some(block) = blocks.last_mut() {
            block.description = join_paragraphs(description.iter().map(|&i| page.text(i)));
        }
        description.clear();
    };
    for index in from..to {
        match status(page.text(index)) {
            Some(status) => {
                close(&mut blocks, &mut description);
                blocks.push(Block::response(index, status));
            }
            None => description.push(index),
        }
    }
    close(&mut blocks, &mut description);
    blocks
}

/// The fields or parameters listed in `from..to`.
fn entries(page: &Page<'_>, from: usize, to: usize) -> Vec<Entry> {
    let mut starts: Vec<(usize, bool, usize)> = Vec::new();
    let mut index = from;
    while index < to {
        match entry_start(page, index, to) {
            Some(start) => {
                starts.push(start);
                index = start.2;
            }
            None => index += 1,
        }
    }
    let mut out = Vec::new();
    for (position, &(name_line, required, type_from)) in starts.iter().enumerate() {
        let end = starts.get(position + 1).map_or(to, |s| s.0);
        let mut entry = Entry {
            line: name_line,
            name: page.text(name_line).to_string(),
            required: Some(required),
            nullable: Some(false),
            ..Entry::default()
        };
        let mut description = Vec::new();
        let mut typed = false;
        for index in type_from..end {
            let text = page.text(index);
            if text.is_empty() {
                description.push(index);
                continue;
            }
            if !typed {
                typed = true;
                let (head, limits) = split_limits(text);
                if let Some(shown) = ShownType::parse(head) {
                    entry.nullable = Some(shown.nullable);
                    entry.shown = Some(shown);
                    for limit in limits {
                        constraints(limit, &mut entry.constraints);
                    }
                    continue;
                }
                // A type Redoc writes in words this reader does not know
                // (`string or Array of strings`, `(string or null) or
                // (Array of strings or null)`): the type is unstated, and
                // `null` is allowed where a choice allows it.
                if !text.contains(". ")
                    && (text.split_whitespace().count() <= 8 || text.starts_with('('))
                {
                    entry.nullable = text.contains(" or null").then_some(true);
                    continue;
                }
            }
            if let Some(values) = text
                .strip_prefix("Enum: ")
                .or_else(|| text.strip_prefix("Items Enum: "))
            {
                entry.values = Some(quoted(values));
            } else if let Some(value) = text.strip_prefix("Default: ") {
                entry.default = Some(value.to_string());
            } else if text.starts_with("Example: ") || text.starts_with("Examples: ") {
                // An example value says nothing the model holds.
            } else if let Some(value) = text.strip_prefix("Value: ") {
                entry.values = Some(quoted(value));
            } else if text.eq_ignore_ascii_case("deprecated") {
                entry.deprecated = true;
            } else if text.eq_ignore_ascii_case("read-only") {
                entry.read_only = true;
            } else if text.eq_ignore_ascii_case("write-only") {
                entry.write_only = true;
            } else {
                description.push(index);
            }
        }
        entry.description = join_paragraphs(description.iter().map(|&i| page.text(i)));
        out.push(entry);
    }
    out
}

/// Whether line `index` starts a field: its name with a tab after it, or
/// the name, `required` (and `deprecated`) lines, then a tab line. Returns
/// the name's line, whether it is required, and where its type line may
/// start.
fn entry_start(page: &Page<'_>, index: usize, to: usize) -> Option<(usize, bool, usize)> {
    let raw = page.lines[index].text.as_str();
    let name = raw.trim();
    if name.is_empty() || name.contains(char::is_whitespace) {
        return None;
    }
    if raw.ends_with('\t') {
        return Some((index, false, index + 1));
    }
    let mut cursor = index + 1;
    let mut required = false;
    while cursor < to {
        let raw = page.lines[cursor].text.as_str();
        match raw.trim() {
            "required" => required = true,
            "deprecated" => {}
            "" if raw.contains('\t') => return Some((index, required, cursor + 1)),
            _ => return None,
        }
        cursor += 1;
    }
    None
}

/// `"a" "b" "c"` → `a`, `b`, `c`; unquoted words as they are.
fn quoted(text: &str) -> Vec<String> {
    let text = text.trim();
    if !text.starts_with('"') {
        return text.split_whitespace().map(str::to_string).collect();
    }
    let mut values = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('"') else {
            break;
        };
        values.push(after[..end].to_string());
        rest = &after[end + 1..];
    }
    values
}

/// `stages_authenticator_validate_create`, `listPets`: one word of
/// letters, digits and underscores, with an underscore or an inner capital.
fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && text.starts_with(|c: char| c.is_ascii_alphabetic())
        && (text.contains('_') || text.chars().skip(1).any(|c| c.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_values() {
        assert_eq!(
            status_tabs("200400403"),
            vec![Status::Code(200), Status::Code(400), Status::Code(403)]
        );
        assert_eq!(
            status_tabs("200default"),
            vec![Status::Code(200), Status::Default]
        );
        assert_eq!(status_tabs("Payload"), Vec::new());
        assert_eq!(
            quoted(r#""skip" "deny" "configure""#),
            ["skip", "deny", "configure"]
        );
        assert!(is_identifier("core_groups_add_user_create"));
        assert!(!is_identifier("Pets"));
    }
}
