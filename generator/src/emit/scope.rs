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
    /// Model types that only the docs' links name, imported for rustdoc.
    doc_links: BTreeSet<String>,
    /// The type parameter of the generic struct being written, which its
    /// fields name as a model type (see `families.rs`).
    parameter: Option<&'static str>,
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
            doc_links: BTreeSet::new(),
            parameter: None,
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
        if self.parameter == Some(name) {
            return path_tokens(name);
        }
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

    /// Writes `parameter` as itself, not as a model type, until set again.
    pub fn set_parameter(&mut self, parameter: Option<&'static str>) {
        self.parameter = parameter;
    }

    /// A model type a doc links to, by name: `[`User`]` then resolves in
    /// this module, where an import for the docs alone (`#[cfg(doc)]`)
    /// brings it in when the code does not use it.
    pub fn doc_link(&mut self, name: &str) -> String {
        self.doc_links.insert(name.to_string());
        format!("[`{name}`]")
    }

    /// The model types only the docs use, with the module they come from.
    fn doc_only_imports(&self) -> Vec<String> {
        self.doc_links
            .iter()
            .filter(|name| !self.imports.contains_key(*name))
            .filter_map(|name| {
                let home = self.usage.of_type(name).home().map(str::to_string);
                match self.place {
                    Place::Models(here) if here == home.as_deref() => None,
                    Place::Models(_) => Some(format!("super::{name}")),
                    Place::Operations => Some(format!("crate::models::{name}")),
                }
            })
            .collect()
    }

    /// The `use` lines: one per module imported from, in a fixed order
    /// (standard library, other crates, this crate, the parent module), a
    /// blank line between the groups; last, those for the docs alone.
    pub fn use_lines(&self) -> Vec<String> {
        let mut lines = grouped_uses(self.imports.values().map(String::as_str));
        let doc_only = self.doc_only_imports();
        if !doc_only.is_empty() {
            if !lines.is_empty() {
                lines.push(String::new());
            }
            lines.push("// What the docs' links name and the code does not use.".to_string());
            for line in grouped_uses(doc_only.iter().map(String::as_str)) {
                if !line.is_empty() {
                    lines.push("#[cfg(doc)]".to_string());
                }
                lines.push(line);
            }
        }
        lines
    }
}

/// The `use` lines of `paths`, one per module, grouped as
/// [`Scope::use_lines`] says.
fn grouped_uses<'p>(paths: impl Iterator<Item = &'p str>) -> Vec<String> {
    let mut by_module: BTreeMap<(u8, &str), BTreeSet<&str>> = BTreeMap::new();
    for path in paths {
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
