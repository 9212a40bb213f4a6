//! What a generated crate says it is, from what the input says of its API
//! ([`Info`]): the one-line description (the manifest, the README, the
//! first line of the crate doc) and the crate doc's account of the API.

use super::docs::escape;
use crate::model::Info;

/// The API as a sentence names it: `the Ory Hydra API`, `the authentik
/// API` (a title that says "API" already is not told so twice).
pub fn api_phrase(title: &str) -> String {
    let title = title.trim();
    let last = title.rsplit(char::is_whitespace).next().unwrap_or(title);
    let article = match title.get(..4) {
        Some(start) if start.eq_ignore_ascii_case("the ") => "",
        _ => "the ",
    };
    match last.eq_ignore_ascii_case("api") || last.eq_ignore_ascii_case("apis") {
        true => format!("{article}{title}"),
        false => format!("{article}{title} API"),
    }
}

/// `A client for the Ory Hydra API (version 2.2.0), generated from its
/// documentation`, without a full stop. (Pages and an OpenAPI document
/// are both the API's documentation: a document written back from pages
/// gives the same crate.)
pub fn description(info: &Info) -> String {
    let version = match &info.version {
        Some(version) if !version.trim().is_empty() => format!(" (version {})", version.trim()),
        _ => String::new(),
    };
    format!(
        "A client for {}{version}, generated from its documentation",
        api_phrase(&info.title)
    )
}

/// The crate doc's first paragraphs: the description, the API's own
/// description, and where to read more of it, as Markdown lines.
pub fn doc_lines(info: &Info) -> Vec<String> {
    let mut lines = vec![format!("{}.", escape(&description(info)))];
    if let Some(text) = &info.description {
        lines.push(String::new());
        lines.extend(escape(text.trim()).lines().map(str::to_string));
    }
    let mut facts = Vec::new();
    if let Some(url) = &info.terms_of_service {
        facts.push(format!("Terms of service: {}", link("the terms", url)));
    }
    if let Some(contact) = &info.contact {
        let name = contact.name.as_deref().map(escape);
        let parts: Vec<String> = [
            match (&name, &contact.url) {
                (Some(name), Some(url)) => Some(link(name, url)),
                (Some(name), None) => Some(name.clone()),
                (None, Some(url)) => Some(link("web", url)),
                (None, None) => None,
            },
            contact
                .email
                .as_deref()
                .map(|email| link(email, &format!("mailto:{email}"))),
        ]
        .into_iter()
        .flatten()
        .collect();
        facts.push(format!("Contact: {}", parts.join(", ")));
    }
    if let Some(license) = &info.license {
        let name = escape(&license.name);
        facts.push(format!(
            "License of the API: {}",
            match &license.url {
                Some(url) => link(&name, url),
                None => name,
            }
        ));
    }
    if let Some(docs) = &info.external_docs {
        let text = docs
            .description
            .as_deref()
            .map_or_else(|| "more documentation".to_string(), escape);
        facts.push(format!("Further: {}", link(&text, &docs.url)));
    }
    if !facts.is_empty() {
        lines.push(String::new());
        lines.extend(facts.into_iter().map(|fact| format!("- {fact}")));
    }
    lines
}

/// `[text](url)` where the URL can stand in a Markdown link, else the text
/// and the URL as code.
fn link(text: &str, url: &str) -> String {
    let plain = !url.is_empty()
        && !url
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '`'));
    match plain {
        true => format!("[{text}]({url})"),
        false => format!("{text} (`{}`)", url.replace('`', "'")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, License};

    #[test]
    fn the_api_is_named_once() {
        assert_eq!(api_phrase("Ory Hydra API"), "the Ory Hydra API");
        assert_eq!(api_phrase("authentik"), "the authentik API");
        assert_eq!(api_phrase("The Foo API"), "The Foo API");
        assert_eq!(api_phrase("Twilio - Accounts"), "the Twilio - Accounts API");
    }

    #[test]
    fn the_doc_names_the_api_its_version_and_its_links() {
        let info = Info {
            title: "Ory Hydra API".into(),
            version: Some("2.3.0".into()),
            description: Some("Documentation for [Hydra](https://ory.sh).".into()),
            contact: Some(Contact {
                name: None,
                url: None,
                email: Some("hi@ory.sh".into()),
            }),
            license: Some(License {
                name: "Apache 2.0".into(),
                identifier: None,
                url: Some("https://www.apache.org/licenses/LICENSE-2.0.html".into()),
            }),
            ..Info::default()
        };
        assert_eq!(
            description(&info),
            "A client for the Ory Hydra API (version 2.3.0), generated from its documentation"
        );
        let doc = doc_lines(&info).join("\n");
        assert!(
            doc.contains("- Contact: [hi@ory.sh](mailto:hi@ory.sh)"),
            "{doc}"
        );
        assert!(doc.contains("- License of the API: [Apache 2.0](https://www.apache.org/licenses/LICENSE-2.0.html)"), "{doc}");
        assert!(!doc.contains("authentik"), "{doc}");
    }
}
