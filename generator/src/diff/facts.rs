//! How many facts a side states of the operations compared, for a
//! comparison with pages: each operation's method and path, each
//! parameter (its name, whether it is required, its type), the request
//! body's media type and type, each response's status and type; each
//! field of a type (its name, and its required-ness, nullability and type
//! where stated), each enum value and union member. A shared type counts
//! in each operation that uses it, as each page shows it again.

use std::collections::BTreeSet;

use crate::model::{Api, Nullability, Operation, Presence, SchemaKind, TypeRef};

/// The facts `api` states of `operations`.
pub(super) fn count<'a>(api: &Api, operations: impl Iterator<Item = &'a Operation>) -> usize {
    operations
        .map(|op| {
            let mut seen = BTreeSet::new();
            let mut facts = 2;
            for parameter in &op.parameters {
                facts += 2 + of_type(api, &parameter.ty, &mut seen);
            }
            if let Some(body) = &op.body {
                facts += 1 + of_type(api, &body.ty, &mut seen);
            }
            for response in &op.responses {
                facts += 1;
                if let Some(body) = &response.body {
                    facts += of_type(api, &body.ty, &mut seen);
                }
            }
            facts
        })
        .sum()
}

fn of_type<'a>(api: &'a Api, ty: &TypeRef, seen: &mut BTreeSet<&'a str>) -> usize {
    match ty {
        TypeRef::Unstated => 0,
        TypeRef::Primitive(_) | TypeRef::Any => 1,
        TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
            1 + of_type(api, inner, seen)
        }
        TypeRef::Tuple(items) => {
            1 + items
                .iter()
                .map(|item| of_type(api, item, seen))
                .sum::<usize>()
        }
        TypeRef::Named(name) => {
            let Some((name, schema)) = api.schemas.get_key_value(name) else {
                return 0;
            };
            if !seen.insert(name.as_str()) {
                return 0;
            }
            match &schema.kind {
                SchemaKind::Object(object) => object
                    .fields
                    .iter()
                    .map(|field| {
                        1 + usize::from(field.presence != Presence::Unstated)
                            + usize::from(field.nullability != Nullability::Unstated)
                            + of_type(api, &field.ty, seen)
                    })
                    .sum(),
                SchemaKind::Enum(values) => 1 + values.values.len(),
                SchemaKind::Union(union) => {
                    1 + union
                        .variants
                        .iter()
                        .map(|v| of_type(api, &TypeRef::Named(v.schema.clone()), seen))
                        .sum::<usize>()
                }
                SchemaKind::OneOf(union) => {
                    1 + union
                        .variants
                        .iter()
                        .map(|v| of_type(api, &v.ty, seen))
                        .sum::<usize>()
                }
                SchemaKind::Alias(target) => of_type(api, target, seen),
            }
        }
    }
}
