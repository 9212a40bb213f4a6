//! What a new version of an API changes for Rust code written against the
//! client of the old one: the two models compared, each change named in
//! Rust terms (the method, struct, field or variant) and classified by what
//! it does to that code, built against the new crate (does it still
//! compile?) and run, unchanged, against the new server (does it still
//! work?).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Api, Operation, TypeRef};
use crate::names::Names;

mod facts;
mod matching;
mod operations;
mod pairs;
mod report;
mod schemas;

use operations::operation_changes;
use pairs::Pairs;
use report::{change, scope_text};
pub use report::{Change, Diff, Facts, Severity};
use schemas::{schema_changes, Direction};

/// Compares `old` with `new`. Where one side describes only part of the
/// API (documentation pages), only what it describes is compared: the
/// operations it has, the types they use, and the facts it states; the
/// report is then where the pages are stale.
pub fn diff(old: &Api, new: &Api) -> Diff {
    let mut changes = Vec::new();
    let (old_names, new_names) = (Names::resolve(old), Names::resolve(new));
    let pairs = Pairs::find(old, new, &old_names);
    let matching = matching::operations(old, new);
    let mut left_out = 0;
    for (op, new_op) in &matching.pairs {
        let names = old_names.operation(op);
        let subject = names.qualified();
        let moved = !matching::same_address(old, op, new, new_op);
        // Another tag (or a tag's prefix gone from its id) is another name
        // in the client: `client.core().users_list` for `client.users_list`.
        let now = new_names.operation(new_op);
        if now.qualified() != subject {
            let feature = match now.module != names.module {
                true => format!(" (cargo feature `{}`)", now.module),
                false => String::new(),
            };
            let mut renamed = change(
                &names.module,
                Severity::BreaksBuild,
                subject.clone(),
                format!(
                    "now `{}`{feature}: calls to `{}` no longer compile",
                    now.qualified(),
                    names.reached()
                ),
            );
            // Pages show no tags, and seldom an operation's id.
            renamed.unshown = old.partial || new.partial;
            changes.push(renamed);
        }
        operation_changes(
            op,
            new_op,
            moved,
            &pairs,
            &names.module,
            &subject,
            &mut changes,
        );
    }
    for op in &matching.old_only {
        if new.partial {
            left_out += 1;
            continue;
        }
        let names = old_names.operation(op);
        changes.push(change(
            &names.module,
            Severity::BreaksBuild,
            names.qualified(),
            format!(
                "removed (`{} {}`); calls to it no longer compile",
                op.method.as_str(),
                op.path
            ),
        ));
    }
    for op in &matching.new_only {
        if old.partial {
            left_out += 1;
            continue;
        }
        let names = new_names.operation(op);
        changes.push(change(
            &names.module,
            Severity::Compatible,
            names.qualified(),
            format!("added (`{} {}`)", op.method.as_str(), op.path),
        ));
    }
    let paired: BTreeSet<&str> = matching
        .pairs
        .iter()
        .flat_map(|(old, new)| [old.id.as_str(), new.id.as_str()])
        .collect();
    let both = |op: &Operation| paired.contains(op.id.as_str());
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
            None if in_scope(&old_scope, name) => {
                let mut removed = change(
                    &tag,
                    Severity::BreaksBuild,
                    name.clone(),
                    "type removed; code that names it no longer compiles".to_string(),
                );
                // A page's type without one of the document in its place:
                // where the pages say something else, the place says so.
                removed.unshown = old.partial || new.partial;
                changes.push(removed);
            }
            None => {}
            Some(new_schema) => {
                if let Some((now, place)) = pairs.renamed(name) {
                    let mut renamed = change(
                        &tag,
                        Severity::BreaksBuild,
                        name.clone(),
                        format!("type removed: `{now}` takes its place ({place}); code that names it must name `{now}`, and its changes below are under the old name"),
                    );
                    // Pages name their types after where they stand.
                    renamed.unshown = old.partial || new.partial;
                    changes.push(renamed);
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
        let mut added = change(&tag, Severity::Compatible, name.clone(), what);
        // A type of the document no page type stands for: not shown.
        added.unshown = old.partial;
        changes.push(added);
    }
    changes.sort();
    let scope = (old.partial || new.partial).then(|| scope_text(old, new, left_out));
    let facts = (old.partial || new.partial).then(|| {
        let (pages, pages_side, document, document_side) = match old.partial {
            true => (old, 0, new, 1),
            false => (new, 1, old, 0),
        };
        let side = |which: usize| {
            matching
                .pairs
                .iter()
                .map(move |pair| if which == 0 { pair.0 } else { pair.1 })
        };
        Facts {
            operations: matching.pairs.len(),
            stated: facts::count(pages, side(pages_side)),
            of: facts::count(document, side(document_side)),
            differing: changes.iter().filter(|c| !c.unshown).count(),
        }
    });
    Diff {
        changes,
        scope,
        facts,
    }
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
