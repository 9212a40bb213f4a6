//! What every model type's item starts from: its Rust name and doc
//! attributes ([`type_head`]), and how it is compiled ([`Gate`]: its
//! `#[cfg]` and the serde impls it gets). The modules that write structs,
//! enums and unions take these; `models.rs` only dispatches to them.

use proc_macro2::TokenStream;
use quote::format_ident;

use super::docs::{doc_attrs, doc_text};
use super::scope::Scope;
use super::source::Piece;
use super::usage::Needs;
use crate::model::Schema;

/// How one type is compiled: its `#[cfg]` and which serde impls it gets.
pub struct Gate {
    /// The type's `#[cfg]` (the features of the tags that use it), if any
    /// (empty when there is none).
    pub cfg_tokens: TokenStream,
    pub needs: Needs,
    /// Whether the crate has tag features (and so a `round-trip` feature).
    pub gated: bool,
}

impl Gate {
    /// The invocation of the runtime's macro `macro_name` around an item
    /// (which carries its own `#[cfg]`), imported into `scope`; with
    /// `impls`, followed by the serde impls the type gets.
    pub fn macro_item(
        &self,
        scope: &mut Scope<'_>,
        macro_name: &'static str,
        item: TokenStream,
        impls: bool,
    ) -> Piece {
        scope.item(&format!("crate::runtime::{macro_name}"));
        let tail = match impls {
            true => super::features::impl_lines(self.needs, self.gated),
            false => Vec::new(),
        };
        Piece::Wrapped {
            name: macro_name,
            item,
            tail,
        }
    }
}

/// A named type's Rust name and doc attributes.
pub fn type_head(schema: &Schema) -> (syn::Ident, TokenStream) {
    let name = format_ident!("{}", schema.name);
    let doc = doc_attrs(&doc_text([schema.description.as_deref()]));
    (name, doc)
}
