//! The modules of `models`: one per tag for the types only its operations
//! use (and their parameters structs), and `shared` for the rest and
//! `ErrorBody`, the union of the documented error bodies.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{doc_attrs, doc_text};
use super::features::{cfg_attribute, cfg_tokens};
use super::scope::Scope;
use super::source::{MacroCall, ModuleSource, Piece};
use super::types::rust_type;
use super::usage::{error_body_types, Needs, Usage};
use crate::model::{Api, Schema, SchemaKind};
use crate::names::Names;

/// How one type is compiled: its `#[cfg]` and which serde impls it gets.
pub struct Gate {
    /// The type's `#[cfg]` (the features of the tags that use it), if any,
    /// as written in a macro invocation's attributes.
    pub cfg: Option<String>,
    /// The same `#[cfg]` as syntax (empty when there is none).
    pub cfg_tokens: TokenStream,
    pub needs: Needs,
    /// Whether the crate has tag features (and so a `round-trip` feature).
    pub gated: bool,
}

impl Gate {
    /// The invocation of the runtime's macro `macro_name` for a type (its
    /// `#[cfg]` first), imported into `scope`; with `impls`, it lists the
    /// serde impls the type gets.
    pub fn macro_call(
        &self,
        scope: &mut Scope<'_>,
        macro_name: &'static str,
        head: String,
        entries: Vec<String>,
        impls: bool,
    ) -> Piece {
        scope.item(&format!("crate::runtime::{macro_name}"));
        let tail = match impls {
            true => super::features::impl_lines(self.needs, self.gated),
            false => Vec::new(),
        };
        Piece::Text(
            MacroCall {
                attributes: self.cfg.iter().cloned().collect(),
                name: macro_name,
                head,
                entries,
                tail,
            }
            .render(),
        )
    }
}

/// A named type's Rust name and doc attributes.
pub fn type_head(schema: &Schema) -> (syn::Ident, TokenStream) {
    let name = format_ident!("{}", schema.name);
    let doc = doc_attrs(&doc_text([schema.description.as_deref()]));
    (name, doc)
}

/// The content of one module of `models`: for `home: None`, `shared` (the
/// types several tag modules use, those the runtime uses, those no operation
/// uses, and `ErrorBody`); for a tag, the types only its operations use and
/// the parameters structs of its operations.
pub fn module(
    api: &Api,
    usage: &Usage,
    names: &Names,
    home: Option<&str>,
    (gated, round_trip): (bool, bool),
    scope: &mut Scope<'_>,
) -> ModuleSource {
    let mut source = ModuleSource::default();
    for schema in api.schemas.values() {
        let type_use = usage.of_type(&schema.name);
        if type_use.home() != home {
            continue;
        }
        let features = type_use.features().filter(|_| gated && home.is_none());
        let gate = Gate {
            cfg: features.map(cfg_attribute),
            cfg_tokens: features.map(cfg_tokens).unwrap_or_default(),
            needs: if round_trip {
                Needs {
                    serialize: true,
                    deserialize: true,
                }
            } else {
                type_use.needs()
            },
            gated,
        };
        let cfg = &gate.cfg_tokens;
        match &schema.kind {
            SchemaKind::Object(object) => source.pieces.extend(super::structs::object_struct(
                api, schema, object, &gate, scope,
            )),
            SchemaKind::Enum(values) => source
                .pieces
                .extend(super::enums::string_enum(schema, values, &gate, scope)),
            SchemaKind::Union(union) => source
                .pieces
                .extend(super::unions::tagged_union(schema, union, &gate, scope)),
            SchemaKind::OneOf(one_of) => source
                .pieces
                .extend(super::unions::one_of(api, schema, one_of, &gate, scope)),
            SchemaKind::Alias(ty) => {
                let (name, doc) = type_head(schema);
                let ty = rust_type(ty, scope);
                source.pieces.push(Piece::Syntax(quote! {
                    #doc
                    #cfg
                    pub type #name = #ty;
                }));
            }
        }
    }
    match home {
        Some(module) => {
            for op in &api.operations {
                let names = names.operation(op);
                if names.module == module {
                    source
                        .pieces
                        .extend(super::params::params_struct(api, op, &names, scope));
                }
            }
        }
        None => source.pieces.push(Piece::Syntax(error_body(api, scope))),
    }
    source
}

fn error_body(api: &Api, scope: &mut Scope<'_>) -> TokenStream {
    let types: Vec<syn::Ident> = error_body_types(api)
        .iter()
        .map(|name| format_ident!("{}", name))
        .collect();
    let docs = types.iter().map(|ty| format!(" A [`{ty}`] error body."));
    let value = scope.item("serde_json::Value");
    quote! {
        /// The body of an error response the documentation describes.
        // Made once per failed call; boxing would only add noise to matching.
        #[allow(clippy::large_enum_variant)]
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum ErrorBody {
            #( #[doc = #docs] #types(#types), )*
            /// An error body without a documented schema.
            Other(#value),
        }

        #(
            impl From<#types> for ErrorBody {
                fn from(body: #types) -> Self {
                    ErrorBody::#types(body)
                }
            }
        )*

        impl From<#value> for ErrorBody {
            fn from(body: #value) -> Self {
                ErrorBody::Other(body)
            }
        }
    }
}
