//! What changed in one operation both versions have: its address,
//! parameters, request body, answers, errors and security.

use std::collections::{BTreeMap, BTreeSet};

use super::pairs::Pairs;
use super::report::{change, type_text, Change, Severity};
use crate::model::{Operation, Parameter, ParameterLocation, Security};

/// What changed in `old`, paired with `new`; `moved` says whether its
/// method or path (from the API's root) differ.
pub(super) fn operation_changes(
    old: &Operation,
    new: &Operation,
    moved: bool,
    pairs: &Pairs,
    tag: &str,
    subject: &str,
    out: &mut Vec<Change>,
) {
    if moved {
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
            None => {
                let mut c = change(
                    tag,
                    Severity::BreaksBuild,
                    subject.to_string(),
                    format!("{what} removed; code that sets it no longer compiles"),
                );
                // Pages that lost a parameter do not say it is gone.
                c.unshown = pairs.new.partial;
                out.push(c);
            }
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
        let mut added = match (parameter.required, parameter.location) {
            (_, ParameterLocation::Path) => change(
                tag,
                Severity::BreaksBuild,
                subject.to_string(),
                format!("{what}: the method takes one more argument"),
            ),
            (true, _) => {
                let mut c = change(tag, Severity::BreaksBuild, subject.to_string(), format!("{what}, required: the parameters struct's `new` takes it; the old client does not send it"));
                c.breaks_at_run_time = true;
                c
            }
            (false, _) => change(
                tag,
                Severity::Compatible,
                subject.to_string(),
                format!("{what}, optional"),
            ),
        };
        added.unshown = pairs.old.partial;
        out.push(added);
    }
    // A side that does not say whether its body is required agrees with
    // the other.
    let body = |op: &Operation, other: &Operation| {
        op.body.as_ref().map(|b| {
            let required = match b.required_stated {
                true => b.required,
                false => other
                    .body
                    .as_ref()
                    .filter(|o| o.required_stated)
                    .map_or(b.required, |o| o.required),
            };
            (b.ty.clone(), required)
        })
    };
    match (body(old, new), body(new, old)) {
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
        // Only gaining alternatives (`a` → `a` or `b`), or now accepting
        // no credentials, leaves the old client's credentials good.
        let kept = match (requirements(&old.security), requirements(&new.security)) {
            (Some(was), Some(is)) => {
                is.contains(&BTreeSet::new()) || (!was.is_empty() && was.is_subset(&is))
            }
            _ => false,
        };
        let (severity, advice) = match kept {
            true => (
                Severity::Compatible,
                "the old client's credentials are still accepted",
            ),
            false => (
                Severity::BreaksAtRunTime,
                "check the credentials the client is given",
            ),
        };
        out.push(change(
            tag,
            severity,
            subject.to_string(),
            format!(
                "security requirements are now {} (were {}): {advice}",
                requirements_text(&new.security),
                requirements_text(&old.security)
            ),
        ));
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
