//! The second way of use: `build.rs` generates the client into `OUT_DIR` and
//! `src/lib.rs` includes it. It must have the same API as `generated/`.

use quote::ToTokens;

/// The items of a file or inline module, each formatted on its own (so the
/// indentation of an inline module does not change line breaks or trailing
/// commas), without the per-file attributes (`#![cfg_attr(rustfmt, ...)]`,
/// module docs).
fn items(items: &[syn::Item]) -> Vec<String> {
    items.iter().map(|item| format(item.clone())).collect()
}

fn format(item: syn::Item) -> String {
    prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: Vec::new(),
        items: vec![item],
    })
}

fn parse(path: &str) -> syn::File {
    let source = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    syn::parse_file(&source).unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn build_rs_output_has_the_items_of_generated() {
    let built = parse(env!("AUTHENTIK_CLIENT_FILE"));
    let crate_root = parse("generated/src/lib.rs");
    let mut modules = 0;
    for item in &built.items {
        match item {
            syn::Item::Mod(module) => {
                let name = module.ident.to_string();
                let Some((_, inline)) = &module.content else {
                    panic!("`mod {name}` should be inline")
                };
                let file = parse(&format!("generated/src/{name}.rs"));
                let (built, committed) = (items(inline), items(&file.items));
                for (a, b) in built.iter().zip(&committed) {
                    assert_eq!(a, b, "module `{name}` differs");
                }
                assert_eq!(
                    built.len(),
                    committed.len(),
                    "module `{name}` has a different number of items"
                );
                let declared = crate_root.items.iter().any(|item| match item {
                    syn::Item::Mod(m) => {
                        m.ident == module.ident
                            && m.vis.to_token_stream().to_string()
                                == module.vis.to_token_stream().to_string()
                    }
                    _ => false,
                });
                assert!(
                    declared,
                    "generated/src/lib.rs should declare `{}mod {name}`",
                    module.vis.to_token_stream()
                );
                modules += 1;
            }
            other => {
                let other = format(other.clone());
                assert!(
                    items(&crate_root.items).contains(&other),
                    "generated/src/lib.rs lacks `{other}`"
                );
            }
        }
    }
    assert_eq!(modules, 3, "models, operations and runtime");
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
        let _request = client.providers_proxy_partial_update(7, Some(&body));
        let error: Option<&$api::Error> = None;
        (
            client.base_url().to_string(),
            format!("{client:?}"),
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
