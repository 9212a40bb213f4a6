//! Relative links in a document's descriptions (`[guide](/docs/guide)`),
//! made absolute against the document's `externalDocs` URL, where its
//! documentation lives. Without one they stay relative, and the emitter
//! reduces them to their text: the server URL is the API's host, which
//! seldom serves the pages (OpenAI's API is at `api.openai.com`, its
//! guides at `platform.openai.com`).

use crate::model::{Api, SchemaKind};

/// Makes the relative links of every description in `api` absolute.
pub fn resolve(api: &mut Api) {
    let Some(base) = api.info.external_docs.as_ref().map(|docs| docs.url.clone()) else {
        return;
    };
    let Some(origin) = origin(&base) else {
        return;
    };
    let fix = |text: &mut Option<String>| {
        if let Some(text) = text {
            *text = absolute_links(text, origin, &base);
        }
    };
    fix(&mut api.info.description);
    for text in api.info.tags.values_mut() {
        *text = absolute_links(text, origin, &base);
    }
    for op in &mut api.operations {
        fix(&mut op.description);
        for parameter in &mut op.parameters {
            fix(&mut parameter.description);
        }
        if let Some(body) = &mut op.body {
            fix(&mut body.description);
        }
        for response in &mut op.responses {
            fix(&mut response.description);
        }
    }
    for schema in api.schemas.values_mut() {
        fix(&mut schema.description);
        if let SchemaKind::Object(object) = &mut schema.kind {
            for field in &mut object.fields {
                fix(&mut field.title);
                fix(&mut field.description);
            }
        }
    }
}

/// `https://example.com` of `https://example.com/docs/`.
fn origin(url: &str) -> Option<&str> {
    let scheme_end = url.find("://")? + 3;
    let end = url[scheme_end..]
        .find('/')
        .map_or(url.len(), |slash| scheme_end + slash);
    Some(&url[..end])
}

/// `text` with each Markdown link target `](/x)` or `](x)` that has no
/// scheme made absolute: `/x` against `origin`, `x` against the folder of
/// `base`. Anchors (`#x`) and targets with a scheme stay.
fn absolute_links(text: &str, origin: &str, base: &str) -> String {
    let folder = match base.rfind('/') {
        Some(slash) if slash > origin.len() => &base[..=slash],
        _ => "",
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        let (before, after) = rest.split_at(at + 2);
        out.push_str(before);
        rest = after;
        let target_end = rest.find([')', ' ']).unwrap_or(rest.len());
        let target = &rest[..target_end];
        if target.starts_with("//") {
            // Scheme-relative: the same host, another origin.
        } else if target.starts_with('/') {
            out.push_str(origin);
        } else if !target.is_empty() && !target.starts_with('#') && !target.contains(':') {
            match folder {
                "" => {
                    out.push_str(origin);
                    out.push('/');
                }
                folder => out.push_str(folder),
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{absolute_links, origin};

    #[test]
    fn relative_link_targets_are_made_absolute_against_the_external_docs() {
        let base = "https://docs.example.com/api/";
        let origin = origin(base).unwrap_or_default();
        assert_eq!(origin, "https://docs.example.com");
        assert_eq!(
            absolute_links("See [the guide](/guides/auth) and [models](models#list).", origin, base),
            "See [the guide](https://docs.example.com/guides/auth) and [models](https://docs.example.com/api/models#list)."
        );
        // Absolute targets, anchors and other schemes stay as written.
        let kept = "[a](https://x.org/a) [b](#b) [c](mailto:c@x.org) [d](//cdn.x.org/d)";
        assert_eq!(absolute_links(kept, origin, base), kept);
        // A base without a path: relative to the origin.
        assert_eq!(
            absolute_links("[g](guide)", "https://x.org", "https://x.org"),
            "[g](https://x.org/guide)"
        );
    }
}
