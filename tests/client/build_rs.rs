//! The second way of use: `build.rs` generates the client into `OUT_DIR` and
//! `src/lib.rs` includes it. It must have the same API as `generated/`.

use std::path::Path;

use quote::ToTokens;

/// Every item of a crate as `(module path, formatted item)`, modules
/// flattened: inline modules (the `build.rs` file) and module files
/// (`generated/`) give the same list. The tag-feature `#[cfg]`s, which only
/// the crate layout has, are left out.
fn flatten(
    module: &str,
    items: &[syn::Item],
    folder: Option<&Path>,
    out: &mut Vec<(String, String)>,
) {
    for item in items {
        let mut item = item.clone();
        if strip_feature_cfgs(&mut item) {
            // Only with a feature the one file has not.
            continue;
        }
        match &item {
            syn::Item::Mod(declared) => {
                let name = declared.ident.to_string();
                let path = format!("{module}::{name}");
                let visibility = declared.vis.to_token_stream().to_string();
                let declaration = format!("{visibility} mod {name}");
                out.push((module.to_string(), declaration.trim().to_string()));
                match (&declared.content, folder) {
                    (Some((_, inline)), _) => flatten(&path, inline, None, out),
                    (None, Some(folder)) => {
                        let (file, sub) = if folder.join(&name).is_dir() {
                            (folder.join(&name).join("mod.rs"), folder.join(&name))
                        } else {
                            (folder.join(format!("{name}.rs")), folder.join(&name))
                        };
                        flatten(&path, &parse(&file).items, Some(&sub), out);
                    }
                    (None, None) => panic!("`mod {path}` should be inline"),
                }
            }
            other => out.push((module.to_string(), format(other.clone()))),
        }
    }
}

/// Removes `#[cfg(...)]` and `#[cfg_attr(...)]` on features; true when the
/// item is only compiled with the `round-trip` or `test-util` feature.
fn strip_feature_cfgs(item: &mut syn::Item) -> bool {
    let attrs = match item {
        syn::Item::Mod(m) => &mut m.attrs,
        syn::Item::Use(u) => &mut u.attrs,
        syn::Item::Struct(s) => &mut s.attrs,
        syn::Item::Enum(e) => &mut e.attrs,
        syn::Item::Impl(i) => &mut i.attrs,
        syn::Item::Type(t) => &mut t.attrs,
        syn::Item::Const(c) => &mut c.attrs,
        syn::Item::Macro(m) => {
            // The serde macros list their impls; those behind `round-trip`
            // go with it.
            m.mac.tokens = without_round_trip_impls(m.mac.tokens.clone());
            &mut m.attrs
        }
        _ => return false,
    };
    let on_feature = |attr: &syn::Attribute, feature: &str| {
        (attr.path().is_ident("cfg") || attr.path().is_ident("cfg_attr"))
            && attr.to_token_stream().to_string().contains(feature)
    };
    // Only with `round-trip` or `test-util`, which the one file has not.
    let round_trip_only = attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && (on_feature(attr, "\"round-trip\"") || on_feature(attr, "\"test-util\""))
    });
    attrs.retain(|attr| !on_feature(attr, "feature"));
    round_trip_only
}

/// `tokens` without `#[cfg(feature = "round-trip")] impl Name;`.
fn without_round_trip_impls(tokens: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    use proc_macro2::TokenTree;
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut kept = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let round_trip = matches!(&tokens[index], TokenTree::Punct(p) if p.as_char() == '#')
            && matches!(tokens.get(index + 1), Some(TokenTree::Group(g)) if g.to_string().contains("round-trip"));
        if round_trip {
            // `#`, `[...]`, `impl`, `Name`, `;`
            index += 5;
        } else {
            kept.push(tokens[index].clone());
            index += 1;
        }
    }
    kept.into_iter().collect()
}

fn format(item: syn::Item) -> String {
    prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: Vec::new(),
        items: vec![item],
    })
}

fn parse(path: &Path) -> syn::File {
    let source =
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    syn::parse_file(&source).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn build_rs_output_has_the_items_of_generated() {
    let mut built = Vec::new();
    let file = parse(Path::new(env!("AUTHENTIK_CLIENT_FILE")));
    flatten("crate", &file.items, None, &mut built);
    let mut committed = Vec::new();
    let root = parse(Path::new("generated/src/lib.rs"));
    flatten(
        "crate",
        &root.items,
        Some(Path::new("generated/src")),
        &mut committed,
    );
    // The single file has none of the crate's optional features: their
    // `feature = ".."` tests are `any()` there (never true).
    for (_, item) in committed.iter_mut() {
        for feature in ["tracing", "middleware"] {
            *item = item.replace(&format!("feature = \"{feature}\""), "any()");
        }
    }
    for (a, b) in built.iter().zip(&committed) {
        assert_eq!(a, b, "the build.rs file and generated/ differ");
    }
    assert_eq!(built.len(), committed.len(), "a different number of items");
    let modules: Vec<&str> = built
        .iter()
        .filter(|(_, item)| item.contains("mod "))
        .map(|(_, item)| item.as_str())
        .collect();
    assert_eq!(
        modules,
        [
            "pub mod models",
            "pub mod shared",
            "pub mod outposts",
            "pub mod providers",
            "pub mod operations",
            "mod outposts",
            "mod providers",
            "mod runtime",
            "mod call",
            "mod client",
            "mod credentials",
            "mod error",
            "mod hooks",
            "mod nullable",
            "mod object",
            "mod request",
            "mod retry",
            "mod send",
            "mod string_enum",
        ],
        "models and operations by tag, and the runtime files this API uses"
    );
}

/// The same code written against either crate compiles and behaves alike.
macro_rules! exercise {
    ($api:ident) => {{
        use $api::models::{ProvidersProxyPartialUpdateRequest, ProxyMode};
        let client = $api::Client::new("http://127.0.0.1:9/api/v3/").with_bearer_token("secret");
        let body = ProvidersProxyPartialUpdateRequest {
            authentication_flow: $api::Nullable::Null,
            mode: Some(ProxyMode::ForwardSingle),
            ..Default::default()
        };
        // Naming the future checks the method's signature without sending it.
        let _request = client.providers().proxy_partial_update(7, Some(&body));
        let error: Option<&$api::Error> = None;
        (
            client.base_url().to_string(),
            // The whole `Debug` differs by the default user agent (the crate's name).
            format!("{client:?}").contains(r#"token: Some("<redacted>")"#),
            serde_json::to_string(&body).ok(),
            error.is_none(),
        )
    }};
}

#[test]
fn the_same_code_works_against_both() {
    use authentik_api as generated;
    use authentik_build_example as built;
    let from_generated = exercise!(generated);
    let from_built = exercise!(built);
    assert_eq!(from_generated, from_built);
    assert_eq!(
        from_generated.2.as_deref(),
        Some(r#"{"authentication_flow":null,"mode":"forward_single"}"#)
    );
}
