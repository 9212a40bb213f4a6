//! Path parameters in the styles OpenAPI defines beside a plain value
//! (`style: simple`): lists and objects, and the `label` (`.blue`) and
//! `matrix` (`;color=blue`) prefixes, each value percent-encoded and the
//! delimiters kept.

use std::fmt;

use serde::Serialize;

use super::{entries, segment, PathValue};

/// How a path parameter is written (`style`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(dead_code)] // an API may use some styles only
pub(crate) enum PathStyle {
    /// `blue`, `blue,black`, `R,100,G,200` (`R=100,G=200` exploded).
    Simple,
    /// `.blue`, `.blue.black`, `.R.100.G.200` (`.R=100.G=200` exploded).
    Label,
    /// `;color=blue`, `;color=blue,black` (`;color=blue;color=black`
    /// exploded), `;color=R,100,G,200` (`;R=100;G=200` exploded).
    Matrix,
}

/// A path parameter's value as its style writes it, already encoded.
pub(crate) struct Styled(String);

impl PathValue for Styled {
    fn write(&self, path: &mut String) {
        path.push_str(&self.0);
    }
}

#[allow(dead_code)] // an API may have no lists, objects or styled values
impl Styled {
    /// One value: `blue`, `.blue`, `;color=blue`.
    pub(crate) fn value(style: PathStyle, name: &str, value: impl fmt::Display) -> Styled {
        Styled::of(style, name, false, vec![(None, segment(value))])
    }

    /// A list: `blue,black`, `.blue.black`, `;color=blue,black`.
    pub(crate) fn list<T: fmt::Display>(
        style: PathStyle,
        name: &str,
        explode: bool,
        values: impl IntoIterator<Item = T>,
    ) -> Styled {
        let items = values.into_iter().map(|value| (None, segment(value)));
        Styled::of(style, name, explode, items.collect())
    }

    /// An object's properties, `null` left out: `R,100,G,200`,
    /// `R=100,G=200` exploded.
    pub(crate) fn object(
        style: PathStyle,
        name: &str,
        explode: bool,
        value: &impl Serialize,
    ) -> Styled {
        let items = entries(value)
            .into_iter()
            .map(|(key, value)| (Some(segment(key)), segment(value)));
        Styled::of(style, name, explode, items.collect())
    }

    fn of(
        style: PathStyle,
        name: &str,
        explode: bool,
        items: Vec<(Option<String>, String)>,
    ) -> Styled {
        let name = segment(name);
        // An object's property as `key=value` when exploded, else `key` and
        // `value` as two items.
        let pairs = |separator: &str| -> Vec<String> {
            items
                .iter()
                .map(|(key, value)| match key {
                    Some(key) if explode => format!("{key}={value}"),
                    Some(key) => format!("{key}{separator}{value}"),
                    None => value.clone(),
                })
                .collect()
        };
        let is_object = items.iter().any(|(key, _)| key.is_some());
        Styled(match style {
            PathStyle::Simple => pairs(",").join(","),
            PathStyle::Label => format!(".{}", pairs(".").join(".")),
            PathStyle::Matrix if explode && is_object => format!(";{}", pairs(",").join(";")),
            PathStyle::Matrix if explode => {
                let values: Vec<String> = pairs(",")
                    .into_iter()
                    .map(|value| format!(";{name}={value}"))
                    .collect();
                values.concat()
            }
            PathStyle::Matrix => format!(";{name}={}", pairs(",").join(",")),
        })
    }
}
