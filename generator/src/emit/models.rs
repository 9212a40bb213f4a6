//! The modules of `models`: one per tag for the types only its operations
//! use (and their parameters structs), and `shared` for the rest and
//! `ErrorBody`, the union of the documented error bodies.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::families::Family;
use super::features::cfg_tokens;
use super::model_item::{type_head, Gate};
use super::scope::Scope;
use super::source::{ModuleSource, Piece};
use super::types::rust_type;
use super::usage::{error_body_types, Needs, Usage};
use crate::model::{Api, Schema, SchemaKind};
use crate::names::Names;

/// The content of one module of `models`: for `home: None`, `shared` (the
/// types several tag modules use, those the runtime uses, those no operation
/// uses, and `ErrorBody`); for a tag, the types only its operations use and
/// the parameters structs of its operations. The generic structs of
/// families (see `families.rs`) live by the same rule, among the types by
/// name.
pub fn module(
    api: &Api,
    usage: &Usage,
    names: &Names,
    families: &[Family],
    home: Option<&str>,
    (gated, round_trip): (bool, bool),
    scope: &mut Scope<'_>,
) -> ModuleSource {
    let mut source = ModuleSource::default();
    // Each family of a member, and the type it stands for in it.
    let mut member_of: BTreeMap<&str, (&Family, &str)> = BTreeMap::new();
    let mut types: BTreeMap<&str, Type<'_>> = BTreeMap::new();
    for family in families {
        types.insert(&family.name, Type::Generic(family));
        for (member, argument) in &family.members {
            member_of.insert(member, (family, argument));
        }
    }
    types.extend(
        api.schemas
            .values()
            .map(|s| (s.name.as_str(), Type::Schema(s))),
    );
    for (name, item) in types {
        let type_use = usage.of_type(name);
        if type_use.home() != home {
            continue;
        }
        let features = type_use.features().filter(|_| gated && home.is_none());
        let gate = Gate {
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
        let schema = match item {
            Type::Generic(family) => {
                let pieces = super::structs::generic_struct(api, family, &gate, scope);
                source.pieces.extend(pieces);
                continue;
            }
            Type::Schema(schema) => schema,
        };
        if let Some((family, argument)) = member_of.get(name) {
            let alias = super::structs::member_alias(schema, family, argument, &gate, scope);
            source.pieces.push(alias);
            continue;
        }
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

/// A model type to write: a schema, or a family's generic struct.
enum Type<'a> {
    Schema(&'a Schema),
    Generic(&'a Family),
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
