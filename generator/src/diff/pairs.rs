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
    /// operations both have (`matching.rs` pairs them).
    pub(super) fn find(old: &'a Api, new: &'a Api, names: &Names) -> Pairs<'a> {
        let mut pairs = Pairs {
            old,
            new,
            renamed: BTreeMap::new(),
            replacing: BTreeMap::new(),
            visited: BTreeSet::new(),
        };
        for (op, now) in super::matching::operations(old, new).pairs {
            let method = format!("`{}`", names.operation(op).qualified());
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
        // Against pages, a document's alias stands for its target.
        if self.old.partial {
            if let Some(target) = alias_target(self.new, new) {
                return self.same(old, target);
            }
        }
        if self.new.partial {
            if let Some(target) = alias_target(self.old, old) {
                return self.same(target, new);
            }
        }
        if self.old.partial && rough(self.old, old, self.new, new) {
            return true;
        }
        if self.new.partial && rough(self.new, new, self.old, old) {
            return true;
        }
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
        if self.old.partial {
            if let Some(target) = alias_target(self.new, new) {
                return self.unify(old, target, place);
            }
        }
        if self.new.partial {
            if let Some(target) = alias_target(self.old, old) {
                return self.unify(target, new, place);
            }
        }
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
            // Pages name their types after where they stand, so several of
            // theirs may stand for one of the document's.
            let taken = self.replacing.contains_key(new) && !self.old.partial;
            if self.new.schemas.contains_key(old)
                || self.old.schemas.contains_key(new)
                || self.renamed.contains_key(old)
                || taken
            {
                return;
            }
            self.renamed.insert(old, (new, place.to_string()));
            self.replacing.entry(new).or_insert(old);
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

/// The type a document's alias `ty` stands for.
fn alias_target<'a>(api: &'a Api, ty: &TypeRef) -> Option<&'a TypeRef> {
    match ty {
        TypeRef::Named(name) => match &api.schemas.get(name)?.kind {
            SchemaKind::Alias(target) => Some(target),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a page's type `page` (of `pages`) says less than, and nothing
/// against, the document's `document` (of `api`): "an object" for any
/// object, union or map; a string for an enum; an object read from an
/// example (its fields' required-ness and nullability unstated) for a
/// union one member of which it shows, or a map whose keys it samples.
fn rough(pages: &Api, page: &TypeRef, api: &Api, document: &TypeRef) -> bool {
    let kind = |api: &'_ Api, ty: &TypeRef| match ty {
        TypeRef::Named(name) => api.schemas.get(name).map(|s| &s.kind).cloned(),
        _ => None,
    };
    let object_like = |ty: &TypeRef| {
        matches!(ty, TypeRef::Map(_) | TypeRef::Any)
            || matches!(
                kind(api, ty),
                Some(SchemaKind::Object(_) | SchemaKind::Union(_) | SchemaKind::OneOf(_))
            )
    };
    if *document == TypeRef::Any {
        // The document admits any value: whatever the pages say is one.
        return true;
    }
    match page {
        TypeRef::Map(inner) if **inner == TypeRef::Unstated => object_like(document),
        // A string for an enum; a scalar for a union, one member of which
        // it is.
        TypeRef::Primitive(Primitive::String) => matches!(
            kind(api, document),
            Some(SchemaKind::Enum(_) | SchemaKind::OneOf(_) | SchemaKind::Union(_))
        ),
        TypeRef::Primitive(_) => matches!(kind(api, document), Some(SchemaKind::OneOf(_))),
        TypeRef::Named(_) => {
            let from_example = matches!(kind(pages, page), Some(SchemaKind::Object(object))
                if object.fields.iter().all(|f| f.presence == crate::model::Presence::Unstated
                    && f.nullability == crate::model::Nullability::Unstated));
            from_example
                && (matches!(document, TypeRef::Map(_) | TypeRef::Any)
                    || matches!(
                        kind(api, document),
                        Some(SchemaKind::Union(_) | SchemaKind::OneOf(_))
                    ))
        }
        _ => false,
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
