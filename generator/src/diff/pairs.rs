//! Which type of the new version each type of the old one became.
//!
//! Types keep their names between versions of a document, so most types
//! pair with the type of the same name. A name can change while the type
//! stays in its place: an inline type named after a parent that was
//! renamed, or a type read from documentation pages, which cannot know the
//! document's names (`OutpostsInstancesUpdateResponse` on the page is
//! `Outpost` in the document). Such a type is found where it is used: the
//! same operation's request body, its answer with the same status, the
//! same parameter, and inside two paired types, the same field, list item,
//! map value or union member.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Api, Primitive, Schema, SchemaKind, TypeRef};
use crate::names::Names;

/// The pairs of old and new types.
pub(super) struct Pairs<'a> {
    pub(super) old: &'a Api,
    pub(super) new: &'a Api,
    /// An old name gone from the new version -> the new name found in its
    /// place, and that place.
    renamed: BTreeMap<&'a str, (&'a str, String)>,
    /// The new names that took an old one's place -> that old name.
    replacing: BTreeMap<&'a str, &'a str>,
    /// Types of the same name already looked into.
    visited: BTreeSet<&'a str>,
}

impl<'a> Pairs<'a> {
    /// Pairs the types of `old` with those of `new`, through the
    /// operations both have (by id).
    pub(super) fn find(old: &'a Api, new: &'a Api, names: &Names) -> Pairs<'a> {
        let mut pairs = Pairs {
            old,
            new,
            renamed: BTreeMap::new(),
            replacing: BTreeMap::new(),
            visited: BTreeSet::new(),
        };
        let new_ops: BTreeMap<&str, _> =
            new.operations.iter().map(|o| (o.id.as_str(), o)).collect();
        for op in &old.operations {
            let Some(now) = new_ops.get(op.id.as_str()) else {
                continue;
            };
            let method = format!("`Client::{}`", names.operation(op).method);
            if let (Some(body), Some(now_body)) = (&op.body, &now.body) {
                pairs.unify(
                    &body.ty,
                    &now_body.ty,
                    &format!("the request body of {method}"),
                );
            }
            for response in &op.responses {
                let same = now.responses.iter().find(|r| {
                    r.status == response.status
                        || (r.status.is_success() && response.status.is_success())
                });
                if let Some((body, now_body)) = same
                    .and_then(|r| r.body.as_ref())
                    .and_then(|now_body| response.body.as_ref().map(|body| (body, now_body)))
                {
                    pairs.unify(&body.ty, &now_body.ty, &format!("an answer of {method}"));
                }
            }
            for parameter in &op.parameters {
                if let Some(now_parameter) = now
                    .parameters
                    .iter()
                    .find(|p| p.location == parameter.location && p.name == parameter.name)
                {
                    pairs.unify(
                        &parameter.ty,
                        &now_parameter.ty,
                        &format!("parameter `{}` of {method}", parameter.name),
                    );
                }
            }
        }
        pairs
    }

    /// The new type an old one became, and where it was found, when its
    /// name changed.
    pub(super) fn renamed(&self, old: &str) -> Option<(&'a str, &str)> {
        self.renamed
            .get(old)
            .map(|(new, place)| (*new, place.as_str()))
    }

    /// The name of the new type an old one became: its own, unless it was
    /// renamed.
    pub(super) fn new_name<'n>(&self, old: &'n str) -> &'n str
    where
        'a: 'n,
    {
        self.renamed.get(old).map_or(old, |(new, _)| *new)
    }

    /// Whether a new type took the place of an old one of another name.
    pub(super) fn replaces(&self, new: &str) -> bool {
        self.replacing.contains_key(new)
    }

    /// The old type whose place a new one of another name took.
    pub(super) fn replaced(&self, new: &str) -> Option<&'a str> {
        self.replacing.get(new).copied()
    }

    /// Whether two types are the same but for renamed names. Where a side
    /// describes only part of the API (pages), a type it does not state,
    /// or states less precisely (`string` for a UUID, a number for an
    /// integer), is the same as any it may stand for.
    pub(super) fn same(&self, old: &TypeRef, new: &TypeRef) -> bool {
        match (old, new) {
            (TypeRef::Named(a), TypeRef::Named(b)) => self.new_name(a) == b,
            (TypeRef::Array(a), TypeRef::Array(b))
            | (TypeRef::Map(a), TypeRef::Map(b))
            | (TypeRef::Nullable(a), TypeRef::Nullable(b)) => self.same(a, b),
            (TypeRef::Tuple(a), TypeRef::Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(a, b)| self.same(a, b))
            }
            (TypeRef::Unstated, _) if self.old.partial => true,
            (_, TypeRef::Unstated) if self.new.partial => true,
            (TypeRef::Primitive(a), TypeRef::Primitive(b)) => {
                a == b
                    || (self.old.partial && generalizes(*a, *b))
                    || (self.new.partial && generalizes(*b, *a))
            }
            _ => old == new,
        }
    }

    /// Pairs what two types hold at the same place.
    fn unify(&mut self, old: &'a TypeRef, new: &'a TypeRef, place: &str) {
        match (old, new) {
            (TypeRef::Named(a), TypeRef::Named(b)) => self.unify_names(a, b, place),
            (TypeRef::Array(a), TypeRef::Array(b))
            | (TypeRef::Map(a), TypeRef::Map(b))
            | (TypeRef::Nullable(a), TypeRef::Nullable(b)) => self.unify(a, b, place),
            (TypeRef::Tuple(a), TypeRef::Tuple(b)) => {
                for (a, b) in a.iter().zip(b) {
                    self.unify(a, b, place);
                }
            }
            _ => {}
        }
    }

    fn unify_names(&mut self, old: &'a str, new: &'a str, place: &str) {
        let (Some(old_schema), Some(new_schema)) =
            (self.old.schemas.get(old), self.new.schemas.get(new))
        else {
            return;
        };
        if old == new {
            if !self.visited.insert(old) {
                return;
            }
        } else {
            // Only a name gone from the new version pairs, with one that is
            // new, each once (the first place, in operation order, wins).
            if self.new.schemas.contains_key(old)
                || self.old.schemas.contains_key(new)
                || self.renamed.contains_key(old)
                || self.replacing.contains_key(new)
            {
                return;
            }
            self.renamed.insert(old, (new, place.to_string()));
            self.replacing.insert(new, old);
        }
        self.unify_schemas(old_schema, new_schema);
    }

    fn unify_schemas(&mut self, old: &'a Schema, new: &'a Schema) {
        match (&old.kind, &new.kind) {
            (SchemaKind::Object(a), SchemaKind::Object(b)) => {
                for field in &a.fields {
                    if let Some(now) = b.fields.iter().find(|f| f.wire_name == field.wire_name) {
                        let place = format!("`{}::{}`", old.name, field.rust_name);
                        self.unify(&field.ty, &now.ty, &place);
                    }
                }
                if let (Some(a), Some(b)) = (&a.additional, &b.additional) {
                    self.unify(a, b, &format!("the further entries of `{}`", old.name));
                }
            }
            (SchemaKind::Alias(a), SchemaKind::Alias(b)) => {
                self.unify(a, b, &format!("`{}`", old.name))
            }
            (SchemaKind::Union(a), SchemaKind::Union(b)) => {
                for variant in &a.variants {
                    if let Some(now) = b.variants.iter().find(|v| v.tag == variant.tag) {
                        let place = format!("`{}::{}`", old.name, variant.variant);
                        self.unify_names(&variant.schema, &now.schema, &place);
                    }
                }
            }
            (SchemaKind::OneOf(a), SchemaKind::OneOf(b)) => {
                for variant in &a.variants {
                    if let Some(now) = b.variants.iter().find(|v| v.variant == variant.variant) {
                        let place = format!("`{}::{}`", old.name, variant.variant);
                        self.unify(&variant.ty, &now.ty, &place);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Whether `rough` is a less precise word for `precise`, as a page says
/// it: `string` for any string format, a number for any number.
fn generalizes(rough: Primitive, precise: Primitive) -> bool {
    use Primitive::*;
    match rough {
        String => matches!(
            precise,
            Uuid | Uri | Email | DateTime | Date | Binary | Base64
        ),
        Number => precise.is_integer() || matches!(precise, Float | Double),
        Integer => precise.is_integer(),
        _ => false,
    }
}
