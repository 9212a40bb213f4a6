//! Where a page shows an operation's method and path, in the forms the
//! layouts use: a method on a line of its own and the path on the next
//! (`POST` / `/widgets`), glued (`POST/widgets`, `post/widgets/{id}`,
//! `GET /widgets`), a full URL (`https://api.example.com/v1/widgets`),
//! one path segment per line (`/` / `widgets` / `/` / `{id}`), or only in a
//! code sample (`curl --request POST --url ...`, `POST /v1/widgets
//! HTTP/1.1`).

use super::page::Line;
use crate::model::{Method, PathSegment, PathTemplate};

/// `GET`, `post`, `Patch`: a method on its own.
pub fn method(text: &str) -> Option<Method> {
    let text = text.trim();
    (text.len() <= 7 && text.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| Method::from_name(text))
        .flatten()
}

/// Whether `text` is a path or a URL as pages show them: `/widgets/{id}`,
/// `/widgets/:id`, `https://api.example.com/v1/widgets`.
pub fn is_path(text: &str) -> bool {
    let text = text.trim();
    // A scheme, plain or a server variable (`{scheme}://`), then the host.
    let rest = text
        .split_once("://")
        .filter(|(scheme, _)| !scheme.contains(['/', ' ']))
        .map(|(_, rest)| rest.find('/').map_or("/", |at| &rest[at..]))
        .unwrap_or(text);
    rest.starts_with('/') && !rest.contains(char::is_whitespace)
}

/// A method glued to its path: `POST/widgets`, `post/widgets/{id}`, `GET
/// /widgets`, `DELETE https://api.example.com/widgets/{id}`.
pub fn glued(text: &str) -> Option<(Method, String)> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_alphabetic())?;
    let (word, rest) = text.split_at(split);
    let method = method(word)?;
    let rest = rest.trim_start();
    is_path(rest).then(|| (method, rest.to_string()))
}

/// The method and path of a code sample in `lines[from..to]`: `curl
/// --request POST --url https://...`, `curl -X POST 'https://...'`, or an
/// HTTP request line (`POST /v1/widgets HTTP/1.1`). The line index is that
/// of the URL or request line.
pub fn from_sample(lines: &[Line], from: usize, to: usize) -> Option<(Method, String, usize)> {
    for index in from..to.min(lines.len()) {
        let text = lines[index].text.trim();
        if let Some(request) = text
            .strip_suffix("HTTP/1.1")
            .or_else(|| text.strip_suffix("HTTP/2"))
        {
            if let Some((method, path)) = glued(request) {
                return Some((method, path, index));
            }
        }
        if !text.starts_with("curl") {
            continue;
        }
        // The command may run over several lines (`\` at their ends).
        let mut command = String::new();
        let mut end = index;
        while end < to.min(lines.len()) {
            let part = lines[end].text.trim();
            command.push_str(part.trim_end_matches('\\'));
            command.push(' ');
            end += 1;
            if !part.ends_with('\\') {
                break;
            }
        }
        let words: Vec<&str> = command.split_whitespace().collect();
        let mut method_word = None;
        let mut url = None;
        for (position, word) in words.iter().enumerate() {
            let next = words.get(position + 1).copied();
            match *word {
                "-X" | "--request" => method_word = next,
                "--url" => url = next,
                other => {
                    let bare = other.trim_matches(|c| c == '\'' || c == '"');
                    if url.is_none()
                        && (bare.starts_with("http://") || bare.starts_with("https://"))
                    {
                        url = Some(bare);
                    }
                }
            }
        }
        let url = url.map(|u| u.trim_matches(|c| c == '\'' || c == '"'))?;
        let method = method_word.and_then(method).unwrap_or(Method::Get);
        return Some((method, url.to_string(), index));
    }
    None
}

/// A path shown one segment per line from `lines[from]`: `/`, `widgets`,
/// `/`, `{id}`. Returns the path and the index after it.
pub fn segmented(lines: &[Line], from: usize) -> Option<(String, usize)> {
    let mut path = String::new();
    let mut index = from;
    while let Some(line) = lines.get(index) {
        let text = line.text.trim();
        let is_segment = text == "/"
            || (!text.is_empty()
                && path.ends_with('/')
                && !text.contains(char::is_whitespace)
                && !text.contains('/'));
        if !is_segment {
            break;
        }
        path.push_str(text);
        index += 1;
    }
    (path.starts_with('/') && path.len() > 1).then_some((path, index))
}

/// `/widgets/{id}` or `/widgets/:id` as a template; `None` for what is
/// not a path.
pub fn template(path: &str) -> Option<PathTemplate> {
    if !path.starts_with('/') || path.contains(char::is_whitespace) {
        return None;
    }
    let mut segments = Vec::new();
    let mut literal = String::new();
    for (position, part) in path.split('/').enumerate() {
        if position > 0 {
            literal.push('/');
        }
        let parameter = part
            .strip_prefix(':')
            .or_else(|| part.strip_prefix('{').and_then(|p| p.strip_suffix('}')));
        match parameter {
            Some(name) if !name.is_empty() => {
                segments.push(PathSegment::Literal(std::mem::take(&mut literal)));
                segments.push(PathSegment::Parameter(name.to_string()));
            }
            Some(_) => return None,
            None => literal.push_str(part),
        }
    }
    if !literal.is_empty() {
        segments.push(PathSegment::Literal(literal));
    }
    segments.retain(|segment| !matches!(segment, PathSegment::Literal(text) if text.is_empty()));
    Some(PathTemplate { segments })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(index, text)| Line {
                number: index + 1,
                text: text.to_string(),
            })
            .collect()
    }

    #[test]
    fn methods_and_paths_in_every_form() {
        assert_eq!(method("POST"), Some(Method::Post));
        assert_eq!(method("get"), Some(Method::Get));
        assert_eq!(method("GETTING"), None);
        assert!(is_path("/widgets/{id}"));
        assert!(is_path("https://api.example.com/v1/widgets"));
        assert!(!is_path("/ widgets"));
        assert_eq!(
            glued("POST/widgets"),
            Some((Method::Post, "/widgets".into()))
        );
        assert_eq!(
            glued("post/widgets/{id}"),
            Some((Method::Post, "/widgets/{id}".into()))
        );
        assert_eq!(
            glued("GET /widgets"),
            Some((Method::Get, "/widgets".into()))
        );
        assert_eq!(glued("Get a widget"), None);
    }

    #[test]
    fn templates() {
        assert_eq!(
            template("/widgets/:id/parts/{part}").map(|t| t.to_string()),
            Some("/widgets/{id}/parts/{part}".into())
        );
        assert_eq!(template("widgets"), None);
    }

    #[test]
    fn samples_and_segments() {
        let page = lines("curl --request POST \\\n  --url https://api.example.com/v1/widgets \\\n  --header 'Accept: application/json'");
        assert_eq!(
            from_sample(&page, 0, page.len()),
            Some((Method::Post, "https://api.example.com/v1/widgets".into(), 0))
        );
        let page = lines("POST /v1/widgets HTTP/1.1\nHost: api.example.com");
        assert_eq!(
            from_sample(&page, 0, 2),
            Some((Method::Post, "/v1/widgets".into(), 0))
        );
        let page = lines("curl https://api.example.com/widgets/1");
        assert_eq!(from_sample(&page, 0, 1).map(|s| s.0), Some(Method::Get));
        let page = lines("/\nwidgets\n/\n{id}\nGet a widget");
        assert_eq!(segmented(&page, 0), Some(("/widgets/{id}".into(), 4)));
    }
}
