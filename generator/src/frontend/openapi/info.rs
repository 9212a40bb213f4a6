//! What the document says of the API as a whole: `info` (title, version,
//! description, terms of service, contact, license), `externalDocs` and
//! the tags' descriptions.
//! None of it changes the client, so a value of the wrong kind is left out
//! with a warning rather than refusing the document.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::document::{child, kind, Document};
use crate::diagnostic::Warning;
use crate::model::{Contact, Info, License, Link};

/// The `info` and `externalDocs` of the document's root `root`; `fallback`
/// is the title where the document gives none (the file's name).
pub fn read(
    doc: &Document<'_>,
    root: &Map<String, Value>,
    fallback: &str,
    warnings: &mut Vec<Warning>,
) -> Info {
    let mut reader = Reader { doc, warnings };
    let info = reader.object(root, "info", "");
    let title = info.and_then(|info| reader.text(info, "title", "/info"));
    let title = match title {
        Some(title) if !title.trim().is_empty() => title.trim().to_string(),
        _ => {
            reader.warnings.push(doc.warning(
                "/info",
                format!("the document gives the API no `info.title`; it is called `{fallback}` after its file"),
            ));
            fallback.to_string()
        }
    };
    let tags = tag_descriptions(root);
    let Some(info) = info else {
        return Info {
            title,
            external_docs: reader.link(root, "externalDocs", ""),
            tags,
            ..Info::default()
        };
    };
    let contact = reader
        .object(info, "contact", "/info")
        .map(|contact| Contact {
            name: reader.text(contact, "name", "/info/contact"),
            url: reader.text(contact, "url", "/info/contact"),
            email: reader.text(contact, "email", "/info/contact"),
        });
    let license = reader.object(info, "license", "/info").and_then(|license| {
        Some(License {
            name: reader.text(license, "name", "/info/license")?,
            identifier: reader.text(license, "identifier", "/info/license"),
            url: reader.text(license, "url", "/info/license"),
        })
    });
    Info {
        title,
        // (An empty version is how the export writes one the input does
        // not give.)
        version: reader
            .text(info, "version", "/info")
            .filter(|version| !version.trim().is_empty()),
        description: reader
            .text(info, "description", "/info")
            .filter(|text| !text.trim().is_empty()),
        terms_of_service: reader.text(info, "termsOfService", "/info"),
        contact: contact.filter(|c| c.name.is_some() || c.url.is_some() || c.email.is_some()),
        license,
        external_docs: reader.link(root, "externalDocs", ""),
        tags,
    }
}

/// The descriptions the root's `tags` give, by tag name; a tag without a
/// description, or not written as OpenAPI says, is left out (it only
/// documents).
fn tag_descriptions(root: &Map<String, Value>) -> BTreeMap<String, String> {
    let tags = root.get("tags").and_then(Value::as_array);
    tags.into_iter()
        .flatten()
        .filter_map(|tag| {
            let name = tag.get("name")?.as_str()?;
            let description = tag.get("description")?.as_str()?.trim();
            (!description.is_empty()).then(|| (name.to_string(), description.to_string()))
        })
        .collect()
}

struct Reader<'d, 'a, 'w> {
    doc: &'d Document<'a>,
    warnings: &'w mut Vec<Warning>,
}

impl<'v> Reader<'_, '_, '_> {
    /// The object at `key` of `map` (at `pointer`), if it is one.
    fn object(
        &mut self,
        map: &'v Map<String, Value>,
        key: &str,
        pointer: &str,
    ) -> Option<&'v Map<String, Value>> {
        match map.get(key)? {
            Value::Object(object) => Some(object),
            other => {
                self.left_out(pointer, key, "an object", other);
                None
            }
        }
    }

    /// The text at `key` of `map`; a number (a YAML `version: 1.0`) as it
    /// is written.
    fn text(&mut self, map: &Map<String, Value>, key: &str, pointer: &str) -> Option<String> {
        match map.get(key)? {
            Value::String(text) => Some(text.clone()),
            Value::Number(number) => Some(number.to_string()),
            Value::Null => None,
            other => {
                self.left_out(pointer, key, "a string", other);
                None
            }
        }
    }

    /// An `externalDocs` object: its `url` and `description`.
    fn link(&mut self, map: &Map<String, Value>, key: &str, pointer: &str) -> Option<Link> {
        let link = self.object(map, key, pointer)?;
        let pointer = child(pointer, key);
        Some(Link {
            url: self.text(link, "url", &pointer)?,
            description: self.text(link, "description", &pointer),
        })
    }

    fn left_out(&mut self, pointer: &str, key: &str, expected: &str, found: &Value) {
        self.warnings.push(self.doc.warning(
            &child(pointer, key),
            format!(
                "expected {expected}, found {}; it is left out of the crate's documentation",
                kind(found)
            ),
        ));
    }
}
