//! What a new version of an API changes for Rust code written against the
//! client of the old one: the two models compared, each change named in
//! Rust terms (the method, struct, field or variant) and classified by what
//! it does to that code, built against the new crate (does it still
//! compile?) and run, unchanged, against the new server (does it still
//! work?).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{
    Api, Field, Nullability, Operation, Parameter, ParameterLocation, Presence, Schema, SchemaKind,
    Security, TypeRef,
};
use crate::names::Names;
use crate::shape::Wrapper;

mod pairs;

use pairs::Pairs;

/// How bad a change is for code written against the old version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Code that compiled against the old crate does not compile against
    /// the new one.
    BreaksBuild,
    /// The old client, unchanged, fails against the new server: an answer
    /// it cannot decode, or a request the server rejects.
    BreaksAtRunTime,
    Compatible,
}

impl Severity {
    fn heading(self) -> &'static str {
        match self {
            Severity::BreaksBuild => "breaks the build",
            Severity::BreaksAtRunTime => "breaks at run time",
            Severity::Compatible => "compatible",
        }
    }
}

/// One change, in Rust terms.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Change {
    /// The tag (the module and cargo feature) it belongs to.
    pub tag: String,
    /// The worst of its effects.
    pub severity: Severity,
    /// Whether the old client also fails against the new server (besides
    /// a build break, which `severity` gives).
    pub breaks_at_run_time: bool,
    /// What changed: `Client::core_users_list`, `User::email`, `ProxyMode::Forward`.
    pub subject: String,
    /// How it changed, and what a user does about it.
    pub what: String,
}

/// Every change between two versions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    pub changes: Vec<Change>,
    /// What was compared, where a side describes only part of the API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// Which way values of a type travel.
#[derive(Clone, Copy, Default)]
struct Direction {
    /// Sent by the client (request bodies and parameters).
    written: bool,
    /// Received by the client (responses, errors).
    read: bool,
}

/// Compares `old` with `new`. Where one side describes only part of the
/// API (documentation pages), only what it describes is compared: the
/// operations it has, the types they use, and the facts it states; the
/// report is then where the pages are stale.
pub fn diff(old: &Api, new: &Api) -> Diff {
    let mut changes = Vec::new();
    let (old_names, new_names) = (Names::resolve(old), Names::resolve(new));
    let pairs = Pairs::find(old, new, &old_names);
    let old_ops: BTreeMap<&str, &Operation> = old
        .operations
        .iter()
        .map(|op| (op.id.as_str(), op))
        .collect();
    let new_ops: BTreeMap<&str, &Operation> = new
        .operations
        .iter()
        .map(|op| (op.id.as_str(), op))
        .collect();
    let mut left_out = 0;
    for (id, op) in &old_ops {
        let method = old_names.operation(op).method;
        let tag = old_names.operation(op).module;
        let subject = format!("Client::{method}");
        let Some(new_op) = new_ops.get(id) else {
            if new.partial {
                left_out += 1;
                continue;
            }
            changes.push(change(
                &tag,
                Severity::BreaksBuild,
                subject,
                format!(
                    "removed (`{} {}`); calls to it no longer compile",
                    op.method.as_str(),
                    op.path
                ),
            ));
            continue;
        };
        operation_changes(op, new_op, &pairs, &tag, &subject, &mut changes);
    }
    for (id, op) in &new_ops {
        if !old_ops.contains_key(id) {
            if old.partial {
                left_out += 1;
                continue;
            }
            let names = new_names.operation(op);
            changes.push(change(
                &names.module,
                Severity::Compatible,
                format!("Client::{}", names.method),
                format!("added (`{} {}`)", op.method.as_str(), op.path),
            ));
        }
    }
    let both = |op: &Operation| {
        old_ops.contains_key(op.id.as_str()) && new_ops.contains_key(op.id.as_str())
    };
    let (old_scope, new_scope) = (
        compared_types(old, new, &both),
        compared_types(new, old, &both),
    );
    let in_scope = |scope: &Option<BTreeSet<String>>, name: &str| {
        scope.as_ref().is_none_or(|names| names.contains(name))
    };
    let old_directions = directions(old);
    let new_directions = directions(new);
    let old_tags = type_tags(old, &old_names);
    for (name, schema) in &old.schemas {
        let tag = old_tags
            .get(name.as_str())
            .cloned()
            .unwrap_or_else(|| "types".to_string());
        let direction = old_directions
            .get(name.as_str())
            .copied()
            .unwrap_or_default();
        let new_name = pairs.new_name(name);
        match new.schemas.get(new_name) {
            None if in_scope(&old_scope, name) => changes.push(change(
                &tag,
                Severity::BreaksBuild,
                name.clone(),
                "type removed; code that names it no longer compiles".to_string(),
            )),
            None => {}
            Some(new_schema) => {
                if let Some((now, place)) = pairs.renamed(name) {
                    changes.push(change(
                        &tag,
                        Severity::BreaksBuild,
                        name.clone(),
                        format!("type removed: `{now}` takes its place ({place}); code that names it must name `{now}`, and its changes below are under the old name"),
                    ));
                }
                let direction = Direction {
                    written: direction.written
                        || new_directions.get(new_name).is_some_and(|d| d.written),
                    read: direction.read || new_directions.get(new_name).is_some_and(|d| d.read),
                };
                schema_changes(schema, new_schema, &pairs, direction, &tag, &mut changes);
            }
        }
    }
    let new_tags = type_tags(new, &new_names);
    // A type in the place of an old one is reported with it; against
    // pages, which name no types, only there.
    for name in new.schemas.keys().filter(|name| {
        !old.schemas.contains_key(*name)
            && in_scope(&new_scope, name)
            && !(old.partial && pairs.replaces(name))
    }) {
        let tag = new_tags
            .get(name.as_str())
            .cloned()
            .unwrap_or_else(|| "types".to_string());
        let what = match pairs.replaced(name) {
            Some(old_name) => format!("type added, in the place of `{old_name}`"),
            None => "type added".to_string(),
        };
        changes.push(change(&tag, Severity::Compatible, name.clone(), what));
    }
    changes.sort();
    let scope = (old.partial || new.partial).then(|| scope_text(old, new, left_out));
    Diff { changes, scope }
}

/// Where one side is partial (pages), the names of the types of `api`
/// that are compared: those of the operations both sides have, and all of
/// a partial side's own. `None`: every type is.
fn compared_types(
    api: &Api,
    other: &Api,
    both: &dyn Fn(&Operation) -> bool,
) -> Option<BTreeSet<String>> {
    if !api.partial && !other.partial {
        return None;
    }
    let mut seen = BTreeSet::new();
    for op in api.operations.iter().filter(|op| api.partial || both(op)) {
        for ty in types_of(op) {
            api.reach(ty, &mut seen);
        }
    }
    Some(seen.into_iter().map(str::to_string).collect())
}

/// What a comparison with pages covers.
fn scope_text(old: &Api, new: &Api, left_out: usize) -> String {
    let (pages, left_from) = match (old.partial, new.partial) {
        (true, true) => ("Both versions are", "either version"),
        (true, false) => ("The old version is", "the new version"),
        _ => ("The new version is", "the old version"),
    };
    format!(
        "{pages} documentation pages, which describe only part of the API: compared are the operations they describe and the types those use, and only the facts the pages state ({left_out} operations of {left_from} are left out, as are a field's required-ness or nullability and a type the pages do not give, or give less precisely, which the generator warns about when it reads them). Each change below is then where the pages are stale or the pages' crate differs from the document's."
    )
}

/// Every type an operation names: parameters, body, answers.
fn types_of(op: &Operation) -> impl Iterator<Item = &TypeRef> {
    op.parameters
        .iter()
        .map(|p| &p.ty)
        .chain(op.body.iter().map(|b| &b.ty))
        .chain(
            op.responses
                .iter()
                .filter_map(|r| r.body.as_ref().map(|b| &b.ty)),
        )
}

fn change(tag: &str, severity: Severity, subject: String, what: String) -> Change {
    Change {
        tag: tag.to_string(),
        severity,
        breaks_at_run_time: severity == Severity::BreaksAtRunTime,
        subject,
        what,
    }
}

fn operation_changes(
    old: &Operation,
    new: &Operation,
    pairs: &Pairs,
    tag: &str,
    subject: &str,
    out: &mut Vec<Change>,
) {
    if old.method != new.method || old.path.to_string() != new.path.to_string() {
        out.push(change(
            tag,
            Severity::BreaksAtRunTime,
            subject.to_string(),
            format!(
                "moved from `{} {}` to `{} {}`; the method keeps its name, but the old client calls the old address",
                old.method.as_str(), old.path, new.method.as_str(), new.path
            ),
        ));
    }
    let key = |p: &Parameter| (location_name(p.location), p.name.clone());
    let new_parameters: BTreeMap<_, &Parameter> =
        new.parameters.iter().map(|p| (key(p), p)).collect();
    let old_parameters: BTreeMap<_, &Parameter> =
        old.parameters.iter().map(|p| (key(p), p)).collect();
    for (key @ (location, name), parameter) in &old_parameters {
        let what = format!("{location} parameter `{name}`");
        match new_parameters.get(key) {
            None => out.push(change(
                tag,
                Severity::BreaksBuild,
                subject.to_string(),
                format!("{what} removed; code that sets it no longer compiles"),
            )),
            Some(now) => {
                if !pairs.same(&parameter.ty, &now.ty) {
                    out.push(change(
                        tag,
                        Severity::BreaksBuild,
                        subject.to_string(),
                        format!(
                            "{what} is now {} (was {})",
                            type_text(&now.ty),
                            type_text(&parameter.ty)
                        ),
                    ));
                }
                if parameter.required != now.required
                    && parameter.location != ParameterLocation::Path
                {
                    let mut c = change(
                        tag,
                        Severity::BreaksBuild,
                        subject.to_string(),
                        match now.required {
                            true => format!("{what} is now required: a value, not an `Option`; the old client may leave it out, which the new server rejects"),
                            false => format!("{what} is now optional: an `Option`"),
                        },
                    );
                    c.breaks_at_run_time = now.required;
                    out.push(c);
                }
            }
        }
    }
    for (key @ (location, name), parameter) in &new_parameters {
        if old_parameters.contains_key(key) {
            continue;
        }
        let what = format!("{location} parameter `{name}` added");
        out.push(match (parameter.required, parameter.location) {
            (_, ParameterLocation::Path) => change(tag, Severity::BreaksBuild, subject.to_string(), format!("{what}: the method takes one more argument")),
            (true, _) => {
                let mut c = change(tag, Severity::BreaksBuild, subject.to_string(), format!("{what}, required: the parameters struct's `new` takes it; the old client does not send it"));
                c.breaks_at_run_time = true;
                c
            }
            (false, _) => change(tag, Severity::Compatible, subject.to_string(), format!("{what}, optional")),
        });
    }
    let body = |op: &Operation| op.body.as_ref().map(|b| (b.ty.clone(), b.required));
    match (body(old), body(new)) {
        (Some((old_ty, _)), Some((new_ty, _))) if !pairs.same(&old_ty, &new_ty) => {
            out.push(change(
                tag,
                Severity::BreaksBuild,
                subject.to_string(),
                format!(
                    "request body is now {} (was {})",
                    type_text(&new_ty),
                    type_text(&old_ty)
                ),
            ))
        }
        (Some((_, false)), Some((_, true))) => {
            let mut c = change(
                tag,
                Severity::BreaksBuild,
                subject.to_string(),
                "request body is now required: `&T`, not `Option<&T>`".to_string(),
            );
            c.breaks_at_run_time = true;
            out.push(c);
        }
        (Some((_, true)), Some((_, false))) => out.push(change(
            tag,
            Severity::BreaksBuild,
            subject.to_string(),
            "request body is now optional: `Option<&T>`".to_string(),
        )),
        (None, Some(_)) => out.push(change(
            tag,
            Severity::BreaksBuild,
            subject.to_string(),
            "now takes a request body: one more argument".to_string(),
        )),
        (Some(_), None) => out.push(change(
            tag,
            Severity::BreaksBuild,
            subject.to_string(),
            "no longer takes a request body: one argument fewer".to_string(),
        )),
        _ => {}
    }
    let success = |op: &Operation| {
        op.responses
            .iter()
            .find(|r| r.status.is_success())
            .and_then(|r| r.body.as_ref().map(|b| b.ty.clone()))
    };
    if let (Some(old_ty), Some(new_ty)) = (success(old), success(new)) {
        if !pairs.same(&old_ty, &new_ty) {
            let mut c = change(
                tag,
                Severity::BreaksBuild,
                subject.to_string(),
                format!(
                    "answers {} (was {})",
                    type_text(&new_ty),
                    type_text(&old_ty)
                ),
            );
            c.breaks_at_run_time = true;
            out.push(c);
        }
    }
    // A documented error's body is decoded into its type's `ErrorBody`
    // variant: code that matches the old one no longer sees it.
    for response in old.responses.iter().filter(|r| !r.status.is_success()) {
        let now = new.responses.iter().find(|r| r.status == response.status);
        let (Some(was), Some(is)) = (response.body.as_ref(), now.and_then(|r| r.body.as_ref()))
        else {
            continue;
        };
        if !pairs.same(&was.ty, &is.ty) {
            out.push(change(
                tag,
                Severity::BreaksAtRunTime,
                subject.to_string(),
                format!(
                    "answers {} with status {} (was {}): code that matches the old type's `ErrorBody` variant for it no longer sees it",
                    type_text(&is.ty),
                    response.status,
                    type_text(&was.ty)
                ),
            ));
        }
    }
    let unstated = |op: &Operation| op.security == Security::Unstated;
    if requirements(&old.security) != requirements(&new.security)
        && !(pairs.old.partial && unstated(old) || pairs.new.partial && unstated(new))
    {
        out.push(change(
            tag,
            Severity::BreaksAtRunTime,
            subject.to_string(),
            format!(
                "security requirements are now {} (were {}): check the credentials the client is given",
                requirements_text(&new.security),
                requirements_text(&old.security)
            ),
        ));
    }
}

fn schema_changes(
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
                    None => out.push(change(
                        tag,
                        Severity::BreaksBuild,
                        subject,
                        "field removed; code that reads or sets it no longer compiles".to_string(),
                    )),
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
                out.push(if required && direction.written {
                    let mut c = change(tag, Severity::BreaksBuild, subject, format!("required field added{source}: `{new_name}::new` takes it; the old client does not send it"));
                    c.breaks_at_run_time = true;
                    c
                } else {
                    change(tag, Severity::Compatible, subject, match direction.written {
                        true => format!("optional field added{source} (a struct literal without `..` must name it)"),
                        false => format!("field added{source}; the old client skips it"),
                    })
                });
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

fn type_text(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Primitive(primitive) => format!("`{primitive:?}`"),
        TypeRef::Named(name) => format!("`{name}`"),
        TypeRef::Array(item) => format!("a list of {}", type_text(item)),
        TypeRef::Tuple(items) => format!(
            "a tuple of {}",
            items.iter().map(type_text).collect::<Vec<_>>().join(", ")
        ),
        TypeRef::Map(value) => format!("a map of {}", type_text(value)),
        TypeRef::Nullable(inner) => format!("{} or null", type_text(inner)),
        TypeRef::Any | TypeRef::Unstated => "any JSON value".to_string(),
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

fn location_name(location: ParameterLocation) -> &'static str {
    match location {
        ParameterLocation::Path => "path",
        ParameterLocation::Query => "query",
        ParameterLocation::Header => "header",
        ParameterLocation::Cookie => "cookie",
    }
}

fn requirements(security: &Security) -> Option<BTreeSet<BTreeSet<String>>> {
    match security {
        Security::Unstated => None,
        Security::Requirements(list) => {
            Some(list.iter().map(|r| r.iter().cloned().collect()).collect())
        }
    }
}

fn requirements_text(security: &Security) -> String {
    match requirements(security) {
        None => "unstated".to_string(),
        Some(sets) if sets.is_empty() => "none".to_string(),
        Some(sets) => sets
            .iter()
            .map(|set| match set.is_empty() {
                true => "no credentials".to_string(),
                false => set
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(" and "),
            })
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

/// Which way each named type travels, through the operations that use it.
fn directions(api: &Api) -> BTreeMap<&str, Direction> {
    let mut out: BTreeMap<&str, Direction> = BTreeMap::new();
    for op in &api.operations {
        let mut written = Vec::new();
        written.extend(op.parameters.iter().map(|p| &p.ty));
        written.extend(op.body.iter().map(|b| &b.ty));
        let read: Vec<&TypeRef> = op
            .responses
            .iter()
            .filter_map(|r| r.body.as_ref().map(|b| &b.ty))
            .collect();
        for (types, is_written) in [(written, true), (read, false)] {
            let mut seen = BTreeSet::new();
            for ty in types {
                api.reach(ty, &mut seen);
            }
            for name in seen {
                let entry = out.entry(name).or_default();
                entry.written |= is_written;
                entry.read |= !is_written;
            }
        }
    }
    out
}

/// The tag each named type belongs to: that of the first operation (by id)
/// that uses it.
fn type_tags<'a>(api: &'a Api, names: &Names) -> BTreeMap<&'a str, String> {
    let mut out = BTreeMap::new();
    for op in &api.operations {
        let mut seen = BTreeSet::new();
        for ty in types_of(op) {
            api.reach(ty, &mut seen);
        }
        let module = names.operation(op).module;
        for name in seen {
            out.entry(name).or_insert_with(|| module.clone());
        }
    }
    out
}

impl Diff {
    /// Whether anything breaks code written against the old version.
    pub fn breaks(&self) -> bool {
        self.changes
            .iter()
            .any(|c| c.severity != Severity::Compatible)
    }

    /// The semver bump the generated crate needs: major when code no
    /// longer compiles, minor when something was added, patch otherwise.
    pub fn semver(&self) -> &'static str {
        if self
            .changes
            .iter()
            .any(|c| c.severity == Severity::BreaksBuild)
        {
            "major"
        } else if !self.changes.is_empty() {
            "minor"
        } else {
            "patch"
        }
    }

    /// `N changes: B break the build (A of them also the old client at run
    /// time), R break only at run time, C compatible; ... major`.
    pub fn summary(&self) -> String {
        let count = |severity| {
            self.changes
                .iter()
                .filter(|c| c.severity == severity)
                .count()
        };
        let also = self
            .changes
            .iter()
            .filter(|c| c.severity == Severity::BreaksBuild && c.breaks_at_run_time)
            .count();
        format!(
            "{} changes: {} break the build ({also} of them also the old client at run time), {} break only at run time, {} compatible; suggested semver bump of the generated crate: {}",
            self.changes.len(),
            count(Severity::BreaksBuild),
            count(Severity::BreaksAtRunTime),
            count(Severity::Compatible),
            self.semver()
        )
    }

    /// The report for a person: the summary, then by tag, by severity.
    pub fn markdown(&self) -> String {
        let mut out = format!("# API changes\n\n{}\n", self.summary());
        if let Some(scope) = &self.scope {
            out.push_str(&format!("\n{scope}\n"));
        }
        let tags: BTreeSet<&str> = self.changes.iter().map(|c| c.tag.as_str()).collect();
        for tag in tags {
            out.push_str(&format!("\n## `{tag}`\n"));
            for severity in [
                Severity::BreaksBuild,
                Severity::BreaksAtRunTime,
                Severity::Compatible,
            ] {
                let changes: Vec<&Change> = self
                    .changes
                    .iter()
                    .filter(|c| c.tag == tag && c.severity == severity)
                    .collect();
                if changes.is_empty() {
                    continue;
                }
                out.push_str(&format!("\n### {}\n\n", severity.heading()));
                for c in changes {
                    let also = match (c.severity, c.breaks_at_run_time) {
                        (Severity::BreaksBuild, true) => " (and breaks the old client at run time)",
                        _ => "",
                    };
                    out.push_str(&format!("- `{}`: {}{also}\n", c.subject, c.what));
                }
            }
        }
        out
    }
}
