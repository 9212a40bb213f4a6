//! The cargo features of a generated crate as they appear in code: the
//! `#[cfg]` of a type that some tags use, and which serde impls a type gets
//! with and without the `round-trip` feature.

use std::collections::BTreeSet;

use super::usage::Needs;

/// The name of the module of `models` for the types several tags share.
pub const SHARED: &str = "shared";

/// The feature that gives every type both serde traits, for users who store
/// or re-send what they receive.
pub const ROUND_TRIP: &str = "round-trip";

/// `feature = "a"` for each feature, as written in a `cfg`.
fn feature_predicates<'a>(features: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    features
        .into_iter()
        .map(|feature| format!("feature = \"{feature}\""))
        .collect()
}

/// `#[cfg(feature = "a")]` or `#[cfg(any(feature = "a", feature = "b"))]`.
pub fn cfg_attribute<'a>(features: impl IntoIterator<Item = &'a String>) -> String {
    let features = feature_predicates(features);
    match features.as_slice() {
        [one] => format!("#[cfg({one})]"),
        many => format!("#[cfg(any({}))]", many.join(", ")),
    }
}

/// The `impl Serialize;` and `impl Deserialize;` lines of a serde macro
/// invocation: the impls `needs` asks for, and in a gated crate the others
/// behind the `round-trip` feature.
pub fn impl_lines(needs: Needs, gated: bool) -> Vec<String> {
    let mut lines = Vec::new();
    for (needed, name) in [
        (needs.serialize, "Serialize"),
        (needs.deserialize, "Deserialize"),
    ] {
        if needed {
            lines.push(format!("impl {name};"));
        } else if gated {
            lines.push(format!("#[cfg(feature = \"{ROUND_TRIP}\")]"));
            lines.push(format!("impl {name};"));
        }
    }
    lines
}

/// [`cfg_attribute`] as syntax.
pub fn cfg_tokens(features: &BTreeSet<String>) -> proc_macro2::TokenStream {
    let features = features
        .iter()
        .map(|feature| quote::quote! { feature = #feature });
    if features.len() == 1 {
        quote::quote! { #[cfg(#(#features)*)] }
    } else {
        quote::quote! { #[cfg(any(#(#features),*))] }
    }
}

/// The inner attribute (with its reason) of a module whose items carry
/// per-item feature `#[cfg]`s: with some tags off, some of what it imports
/// (or, for the runtime, defines) goes unused, which is expected. Nothing
/// for a crate without tag features.
pub fn partial_tags_allowance(tags: &[String], lints: &str) -> Vec<String> {
    if tags.is_empty() {
        return Vec::new();
    }
    let features = feature_predicates(tags);
    vec![
        "// With a tag's feature off, what only its operations use goes unused.".to_string(),
        format!(
            "#![cfg_attr(not(all({})), allow({lints}))]",
            features.join(", ")
        ),
    ]
}
