//! What changed in one type between the versions (a struct's fields, an
//! enum's values, a union's members), and what each change does to code
//! that sends or receives the type: the Rust shape of a field before and
//! after decides.

use std::collections::BTreeSet;

use super::pairs::Pairs;
use super::report::{change, type_text, Change, Severity};
use crate::model::{Field, Nullability, Presence, Schema, SchemaKind};
use crate::shape::Wrapper;

/// Which way values of a type travel.
#[derive(Clone, Copy, Default)]
pub(super) struct Direction {
    /// Sent by the client (request bodies and parameters).
    pub written: bool,
    /// Received by the client (responses, errors).
    pub read: bool,
}

pub(super) fn schema_changes(
    old: &Schema,
    new: &Schema,
    pairs: &Pairs,
    direction: Direction,
    tag: &str,
    out: &mut Vec<Change>,
) {
    let name = &old.name;
    match (&old.kind, &new.kind) {
        (SchemaKind::Object(old_object), SchemaKind::Object(new_object)) => {
            for field in &old_object.fields {
                let subject = format!("{name}::{}", field.rust_name);
                match new_object
                    .fields
                    .iter()
                    .find(|f| f.wire_name == field.wire_name)
                {
                    None => {
                        let mut removed = change(
                            tag,
                            Severity::BreaksBuild,
                            subject,
                            "field removed; code that reads or sets it no longer compiles"
                                .to_string(),
                        );
                        // New pages lacking a field of the old document.
                        removed.unshown = pairs.new.partial;
                        out.push(removed);
                    }
                    Some(now) => field_changes(field, now, pairs, direction, tag, subject, out),
                }
            }
            for field in &new_object.fields {
                if old_object
                    .fields
                    .iter()
                    .any(|f| f.wire_name == field.wire_name)
                {
                    continue;
                }
                let subject = format!("{name}::{}", field.rust_name);
                let required = Wrapper::of(field) == Wrapper::Plain
                    || Wrapper::of(field) == Wrapper::NullableRequired;
                // Against pages, a field they lack is one the document has
                // and they do not show.
                let source = match pairs.old.partial {
                    true => " (the document has it; the pages do not show it)",
                    false => "",
                };
                let new_name = pairs.new_name(name);
                let mut added = if required && direction.written {
                    let mut c = change(tag, Severity::BreaksBuild, subject, format!("required field added{source}: `{new_name}::new` takes it; the old client does not send it"));
                    c.breaks_at_run_time = true;
                    c
                } else {
                    change(tag, Severity::Compatible, subject, match direction.written {
                        true => format!("optional field added{source} (a struct literal without `..` must name it)"),
                        false => format!("field added{source}; the old client skips it"),
                    })
                };
                added.unshown = pairs.old.partial;
                out.push(added);
            }
        }
        (SchemaKind::Enum(old_enum), SchemaKind::Enum(new_enum)) => {
            for value in &old_enum.values {
                if !new_enum.values.iter().any(|v| v.wire == value.wire) {
                    let mut c = change(
                        tag,
                        Severity::BreaksBuild,
                        format!("{name}::{}", value.variant),
                        format!(
                            "value `{}` removed; code that names the variant no longer compiles",
                            value.wire
                        ),
                    );
                    c.breaks_at_run_time = direction.written;
                    out.push(c);
                }
            }
            for value in &new_enum.values {
                if !old_enum.values.iter().any(|v| v.wire == value.wire) {
                    out.push(change(
                        tag,
                        Severity::Compatible,
                        format!("{name}::{}", value.variant),
                        format!(
                            "value `{}` added; the old client keeps it as `{name}::Unknown`",
                            value.wire
                        ),
                    ));
                }
            }
        }
        (SchemaKind::Union(old_union), SchemaKind::Union(new_union)) => {
            let old_members: BTreeSet<(&str, &str)> = old_union
                .variants
                .iter()
                .map(|v| (v.tag.as_str(), v.variant.as_str()))
                .collect();
            let new_members: BTreeSet<(&str, &str)> = new_union
                .variants
                .iter()
                .map(|v| (v.tag.as_str(), v.variant.as_str()))
                .collect();
            for (tag_value, variant) in old_members.difference(&new_members) {
                out.push(change(
                    tag,
                    Severity::BreaksBuild,
                    format!("{name}::{variant}"),
                    format!("member tagged `{tag_value}` removed"),
                ));
            }
            for (tag_value, variant) in new_members.difference(&old_members) {
                out.push(change(tag, Severity::Compatible, format!("{name}::{variant}"), format!("member tagged `{tag_value}` added; the old client keeps it as `{name}::Unknown`")));
            }
        }
        (SchemaKind::OneOf(old_union), SchemaKind::OneOf(new_union)) => {
            let old_members: BTreeSet<&str> = old_union
                .variants
                .iter()
                .map(|v| v.variant.as_str())
                .collect();
            let new_members: BTreeSet<&str> = new_union
                .variants
                .iter()
                .map(|v| v.variant.as_str())
                .collect();
            for variant in old_members.difference(&new_members) {
                out.push(change(
                    tag,
                    Severity::BreaksBuild,
                    format!("{name}::{variant}"),
                    "member removed".to_string(),
                ));
            }
            for variant in new_members.difference(&old_members) {
                out.push(change(
                    tag,
                    Severity::Compatible,
                    format!("{name}::{variant}"),
                    format!("member added; the old client keeps such a value as `{name}::Other`"),
                ));
            }
        }
        (SchemaKind::Alias(old_ty), SchemaKind::Alias(new_ty)) if !pairs.same(old_ty, new_ty) => {
            out.push(change(
                tag,
                Severity::BreaksBuild,
                name.clone(),
                format!("is now {} (was {})", type_text(new_ty), type_text(old_ty)),
            ));
        }
        // Pages show a union by one of its members, and a map by the
        // keys of its example.
        (
            SchemaKind::Object(_),
            SchemaKind::Union(_) | SchemaKind::OneOf(_) | SchemaKind::Alias(_),
        ) if pairs.old.partial => {}
        (
            SchemaKind::Union(_) | SchemaKind::OneOf(_) | SchemaKind::Alias(_),
            SchemaKind::Object(_),
        ) if pairs.new.partial => {}
        (old_kind, new_kind)
            if std::mem::discriminant(old_kind) != std::mem::discriminant(new_kind) =>
        {
            out.push(change(
                tag,
                Severity::BreaksBuild,
                name.clone(),
                format!(
                    "is now {} (was {})",
                    kind_text(new_kind),
                    kind_text(old_kind)
                ),
            ));
        }
        _ => {}
    }
}

/// A field's type, required-ness and nullability compared. The Rust type
/// of the field is its wrapper around its type: a different wrapper or
/// type breaks the build. What the old client does with the new server
/// follows from the direction and from how the client decodes and encodes
/// each wrapper: reading, only a `T` field (required, not nullable) fails
/// on a missing key or a `null` (every `Option` and `Nullable` takes
/// both); writing, an optional field may be left out and a nullable one
/// sent as `null`, which the new server rejects where it now requires the
/// field or refuses `null`.
fn field_changes(
    old: &Field,
    new: &Field,
    pairs: &Pairs,
    direction: Direction,
    tag: &str,
    subject: String,
    out: &mut Vec<Change>,
) {
    if !pairs.same(&old.ty, &new.ty) {
        let mut c = change(
            tag,
            Severity::BreaksBuild,
            subject.clone(),
            format!("is now {} (was {})", type_text(&new.ty), type_text(&old.ty)),
        );
        c.breaks_at_run_time = true;
        out.push(c);
    }
    let (was, is) = (
        Wrapper::of(&stated(old, new, pairs.old.partial)),
        Wrapper::of(&stated(new, old, pairs.new.partial)),
    );
    if was == is {
        return;
    }
    let requires = |w: Wrapper| matches!(w, Wrapper::Plain | Wrapper::NullableRequired);
    let nullable = |w: Wrapper| matches!(w, Wrapper::NullableRequired | Wrapper::Tristate);
    let mut effects = Vec::new();
    if direction.read && was == Wrapper::Plain {
        if !requires(is) {
            effects.push("an answer without it fails to decode in the old client");
        }
        if nullable(is) {
            effects.push("an answer with `null` fails to decode in the old client");
        }
    }
    if direction.written {
        if !requires(was) && requires(is) {
            effects.push("the new server rejects the old client's request without it");
        }
        if nullable(was) && !nullable(is) {
            effects.push("the new server rejects the old client's `null`");
        }
    }
    let mut c = change(
        tag,
        Severity::BreaksBuild,
        subject,
        format!(
            "now {} (was {}): {}{}",
            wrapper_text(is),
            wrapper_text(was),
            rust_shape(is),
            match effects.is_empty() {
                true => String::new(),
                false => format!("; {}", effects.join("; ")),
            }
        ),
    );
    c.breaks_at_run_time = !effects.is_empty();
    out.push(c);
}

/// `field` with the required-ness and nullability it leaves unstated taken
/// from `other`, where its side describes only part of the API: a fact
/// the pages do not state is not compared.
fn stated(field: &Field, other: &Field, partial: bool) -> Field {
    let mut field = field.clone();
    if partial {
        if field.presence == Presence::Unstated {
            field.presence = other.presence;
        }
        if field.nullability == Nullability::Unstated {
            field.nullability = other.nullability;
        }
    }
    field
}

fn wrapper_text(wrapper: Wrapper) -> &'static str {
    match wrapper {
        Wrapper::Plain => "required, not nullable",
        Wrapper::NullableRequired => "required, nullable",
        Wrapper::Optional => "optional, not nullable",
        Wrapper::Tristate => "optional, nullable",
    }
}

fn rust_shape(wrapper: Wrapper) -> &'static str {
    match wrapper {
        Wrapper::Plain => "the field is `T`",
        Wrapper::NullableRequired | Wrapper::Optional => "the field is `Option<T>`",
        Wrapper::Tristate => "the field is `Nullable<T>`",
    }
}

fn kind_text(kind: &SchemaKind) -> &'static str {
    match kind {
        SchemaKind::Object(_) => "a struct",
        SchemaKind::Enum(_) => "an enum",
        SchemaKind::Union(_) | SchemaKind::OneOf(_) => "a union",
        SchemaKind::Alias(_) => "a type alias",
    }
}
