//! How facts of the model take shape in Rust, decided once: how a field is
//! held, which values are boxed, how a request body travels, and which
//! field keeps an object's further entries. The emitter writes the
//! generated crate with these; code written against a generated crate (the
//! Prism exercise program in `tests/`) reads them here instead of deciding
//! again.

use std::collections::BTreeSet;

use crate::model::{
    is_json, Api, Field, Nullability, ObjectSchema, Presence, Primitive, RequestBody, SchemaKind,
    TypeRef,
};

/// How a field is held, by whether it must be present and may be null.
/// An unstated fact is read in the direction that decodes every answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrapper {
    /// Required, never null: `T`.
    Plain,
    /// Required, may be null: `Option<T>`, `None` sent as `null`.
    NullableRequired,
    /// Optional, never null: `Option<T>`, `None` not sent.
    Optional,
    /// Optional, may be null: `Nullable<T>`, absent / null / value.
    Tristate,
}

impl Wrapper {
    pub fn of(field: &Field) -> Wrapper {
        match (field.presence, field.nullability) {
            (Presence::Required, Nullability::NonNull) => Wrapper::Plain,
            (Presence::Required, Nullability::Nullable | Nullability::Unstated) => {
                Wrapper::NullableRequired
            }
            (
                Presence::Optional | Presence::Unstated,
                Nullability::NonNull | Nullability::Unstated,
            ) => Wrapper::Optional,
            (Presence::Optional | Presence::Unstated, Nullability::Nullable) => Wrapper::Tristate,
        }
    }

    /// Whether `Default` gives a sensible empty value for the field.
    pub fn has_default(self) -> bool {
        !matches!(self, Wrapper::Plain)
    }
}

/// The Rust identifier of a struct field (raw when it is a keyword).
pub fn field_ident(field: &Field) -> syn::Ident {
    syn::parse_str(&field.rust_name)
        .unwrap_or_else(|_| quote::format_ident!("r#{}", field.rust_name))
}

/// Whether a field of type `ty` in the struct `owner` holds `owner` again
/// without a heap indirection between (a `Vec`, a map or a union's box):
/// then it is boxed, or the struct would have no size.
pub fn boxed_field(api: &Api, owner: &str, ty: &TypeRef) -> bool {
    let mut seen = BTreeSet::new();
    held_inline(ty)
        .into_iter()
        .any(|name| reaches(api, name, owner, &mut seen))
}

/// Whether a union member of type `ty` is boxed: structs and unions are,
/// since their sizes differ by hundreds of bytes.
pub fn boxed_member(api: &Api, ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::Named(target) if matches!(
        api.schemas.get(target).map(|s| &s.kind),
        Some(SchemaKind::Object(_) | SchemaKind::Union(_) | SchemaKind::OneOf(_))
    ))
}

/// The named types a value of `ty` holds inline: itself, a tuple's, or an
/// `Option`'s.
fn held_inline(ty: &TypeRef) -> Vec<&str> {
    match ty {
        TypeRef::Named(name) => vec![name],
        TypeRef::Tuple(items) => items.iter().flat_map(held_inline).collect(),
        TypeRef::Nullable(inner) => held_inline(inner),
        _ => Vec::new(),
    }
}

/// Whether the type `from` holds `target` inline, through the fields of
/// structs and aliases.
fn reaches<'a>(api: &'a Api, from: &'a str, target: &str, seen: &mut BTreeSet<&'a str>) -> bool {
    if from == target {
        return true;
    }
    if !seen.insert(from) {
        return false;
    }
    let inner: Vec<&TypeRef> = match api.schemas.get(from).map(|s| &s.kind) {
        Some(SchemaKind::Object(object)) => object.fields.iter().map(|f| &f.ty).collect(),
        Some(SchemaKind::Alias(ty)) => vec![ty],
        // Its structs and unions are boxed already; an alias is not.
        Some(SchemaKind::OneOf(one_of)) => one_of
            .variants
            .iter()
            .map(|v| &v.ty)
            .filter(|ty| !boxed_member(api, ty))
            .collect(),
        _ => Vec::new(),
    };
    inner
        .into_iter()
        .flat_map(held_inline)
        .any(|name| reaches(api, name, target, seen))
}

/// The field that keeps an object's additional properties, if it has them:
/// `additional_properties`, with `_` appended while a named field has it.
pub fn additional_field(object: &ObjectSchema) -> Option<String> {
    object.additional.as_ref()?;
    let taken: BTreeSet<&str> = object.fields.iter().map(|f| f.rust_name.as_str()).collect();
    let mut field_name = "additional_properties".to_string();
    while taken.contains(field_name.as_str()) {
        field_name.push('_');
    }
    Some(field_name)
}

/// Whether a media type is text: it comes back as `String`, others as bytes.
pub fn is_text(media: &str) -> bool {
    let essence = media.split(';').next().unwrap_or(media).trim();
    essence.starts_with("text/")
        || essence.ends_with("xml")
        || essence.ends_with("yaml")
        || essence == "application/vnd.oai.openapi"
}

/// How a request body is encoded, by its media type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    /// The model type as JSON.
    Json,
    /// The model struct's fields as parts.
    Multipart,
    /// The model struct's fields as `application/x-www-form-urlencoded`.
    Form,
    /// A `&str` (a `text/*` type, XML, YAML).
    Text,
    /// A `&[u8]` (a binary type, `*/*`).
    Bytes,
}

pub fn body_kind(body: &RequestBody) -> BodyKind {
    let media = body.content_type.as_str();
    let essence = media.split(';').next().unwrap_or(media).trim();
    if is_json(media) {
        BodyKind::Json
    } else if essence == "multipart/form-data" {
        BodyKind::Multipart
    } else if essence == "application/x-www-form-urlencoded" {
        BodyKind::Form
    } else if is_text(media) && body.ty != TypeRef::Primitive(Primitive::Binary) {
        BodyKind::Text
    } else {
        BodyKind::Bytes
    }
}
