//! The names one generated module uses, and the `use` lines that bring
//! them in: code says `Uuid`, `Nullable<T>` or `User`, and the module's head
//! says where each comes from. A short name that a model type of the API
//! also has (an API may well name a schema `Error` or `Value`) stays a full
//! path instead, so no import can clash.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::format_ident;

use super::usage::Usage;
use super::uses::Uses;

/// Where a module sits in the generated crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place<'a> {
    /// A module of `models`: `shared` (`None`) or a tag's.
    Models(Option<&'a str>),
    /// A tag's module of `operations`.
    Operations,
}

/// The names a module uses, found while emitting it.
pub struct Scope<'a> {
    usage: &'a Usage,
    /// Every model type name: a short import of anything else with one of
    /// these names would clash.
    reserved: &'a BTreeSet<String>,
    place: Place<'a>,
    /// Full paths by the short name they are imported as.
    imports: BTreeMap<String, String>,
    /// The crates beyond the fixed ones that the module needs.
    pub uses: Uses,
}

impl<'a> Scope<'a> {
    pub fn new(usage: &'a Usage, reserved: &'a BTreeSet<String>, place: Place<'a>) -> Scope<'a> {
        Scope {
            usage,
            reserved,
            place,
            imports: BTreeMap::new(),
            uses: Uses::default(),
        }
    }

    /// An item outside the models (`uuid::Uuid`, `crate::runtime::Request`):
    /// its last segment, imported, unless a model type has that name.
    pub fn item(&mut self, path: &str) -> TokenStream {
        let short = path.rsplit("::").next().unwrap_or(path);
        if self.reserved.contains(short) {
            return path_tokens(path);
        }
        self.imports.insert(short.to_string(), path.to_string());
        path_tokens(short)
    }

    /// A model type, by name: imported from its module unless it is
    /// defined in this one.
    pub fn model(&mut self, name: &str) -> TokenStream {
        let home = self.usage.of_type(name).home().map(str::to_string);
        let local = matches!(self.place, Place::Models(here) if here == home.as_deref());
        if !local {
            let from = match self.place {
                Place::Models(_) => "super",
                Place::Operations => "crate::models",
            };
            self.imports
                .insert(name.to_string(), format!("{from}::{name}"));
        }
        path_tokens(name)
    }

    /// The `use` lines: one per module imported from, in a fixed order
    /// (standard library, other crates, this crate, the parent module), a
    /// blank line between the groups.
    pub fn use_lines(&self) -> Vec<String> {
        let mut by_module: BTreeMap<(u8, &str), BTreeSet<&str>> = BTreeMap::new();
        for path in self.imports.values() {
            let (module, name) = path.rsplit_once("::").unwrap_or(("", path));
            let group = match module.split("::").next() {
                Some("std" | "core") => 0,
                Some("crate") => 2,
                Some("super") => 3,
                _ => 1,
            };
            by_module.entry((group, module)).or_default().insert(name);
        }
        let mut lines = Vec::new();
        let mut last_group = None;
        for ((group, module), names) in by_module {
            if last_group.is_some_and(|last| last != group) {
                lines.push(String::new());
            }
            last_group = Some(group);
            let names: Vec<&str> = names.into_iter().collect();
            lines.push(match names.as_slice() {
                [one] => format!("use {module}::{one};"),
                many => format!("use {module}::{{{}}};", many.join(", ")),
            });
        }
        lines
    }
}

/// `a::b::C` as tokens.
fn path_tokens(path: &str) -> TokenStream {
    let mut tokens = TokenStream::new();
    for (index, segment) in path.split("::").enumerate() {
        if index > 0 {
            tokens.extend(quote::quote! { :: });
        }
        let ident = format_ident!("{}", segment);
        tokens.extend(quote::quote! { #ident });
    }
    tokens
}
