//! The report of a comparison: each change in Rust terms with its
//! severity, the summary line, the semver bump, and the Markdown a person
//! reads.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::{Api, TypeRef};

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
    /// What changed: `Core::users_list`, `User::email`, `ProxyMode::Forward`.
    pub subject: String,
    /// How it changed, and what a user does about it.
    pub what: String,
    /// Against pages: a difference only because the pages do not show
    /// something (a type's name, a field, a type they have no place for),
    /// not a fact they state that differs.
    #[serde(skip_serializing_if = "is_false")]
    pub unshown: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// Against pages: how many facts they state, how many of those differ
/// from the document's, and how many facts the document states of the
/// same operations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Facts {
    /// Operations compared: those of the pages the document has too.
    pub operations: usize,
    /// Facts the pages state of the operations compared.
    pub stated: usize,
    /// Facts the document states of the same operations.
    pub of: usize,
    /// Changes that are a fact the pages state differently.
    pub differing: usize,
}

/// Every change between two versions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    pub changes: Vec<Change>,
    /// What was compared, where a side describes only part of the API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Where a side is pages, the facts compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facts: Option<Facts>,
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
        if let Some(facts) = &self.facts {
            let unshown = self.changes.iter().filter(|c| c.unshown).count();
            out.push_str(&format!(
                "\nThe pages state {} facts of the {} operations compared (the document {}); {} of them differ. {unshown} changes below are only what the pages do not show (a type's name, a field), not a fact they state.\n",
                facts.stated, facts.operations, facts.of, facts.differing
            ));
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

pub(super) fn change(tag: &str, severity: Severity, subject: String, what: String) -> Change {
    Change {
        tag: tag.to_string(),
        severity,
        breaks_at_run_time: severity == Severity::BreaksAtRunTime,
        subject,
        what,
        unshown: false,
    }
}

/// What a comparison with pages covers.
pub(super) fn scope_text(old: &Api, new: &Api, left_out: usize) -> String {
    let (pages, left_from) = match (old.partial, new.partial) {
        (true, true) => ("Both versions are", "either version"),
        (true, false) => ("The old version is", "the new version"),
        _ => ("The new version is", "the old version"),
    };
    format!(
        "{pages} documentation pages, which describe only part of the API: compared are the operations they describe and the types those use, and only the facts the pages state ({left_out} operations of {left_from} are left out, as are a field's required-ness or nullability and a type the pages do not give, or give less precisely, which the generator warns about when it reads them). Each change below is then where the pages are stale or the pages' crate differs from the document's."
    )
}

pub(super) fn type_text(ty: &TypeRef) -> String {
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
