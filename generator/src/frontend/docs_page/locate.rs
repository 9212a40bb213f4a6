//! Where a page shows an operation's method and path, in the forms the
//! layouts use: a method on a line of its own and the path on the next
//! (`POST` / `/widgets`), glued (`POST/widgets`, `post/widgets/{id}`,
//! `GET /widgets`), a full URL (`https://api.example.com/v1/widgets`),
//! one path segment per line (`/` / `widgets` / `/` / `{id}`), or only in a
//! code sample (`curl --request POST --url ...`, `POST /v1/widgets
//! HTTP/1.1`).

use crate::model::Method;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
