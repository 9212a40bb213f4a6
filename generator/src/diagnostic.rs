//! Where a problem in the input is, and what was wrong there: the errors that
//! stop generation and the warnings that report what the input left unsaid.

use std::fmt;
use std::path::{Path, PathBuf};

/// A place in an input: a file and, where known, a line (pages) or a JSON
/// pointer (OpenAPI documents).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub pointer: Option<String>,
}

impl Location {
    pub fn file(file: &Path) -> Location {
        Location {
            file: file.to_path_buf(),
            line: None,
            pointer: None,
        }
    }

    pub fn line(file: &Path, line: usize) -> Location {
        Location {
            file: file.to_path_buf(),
            line: Some(line),
            pointer: None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(pointer) = &self.pointer {
            write!(f, "#{pointer}")?;
        }
        Ok(())
    }
}

/// Something the input does not support or leaves open, reported instead of
/// guessed or dropped.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    pub location: Location,
    pub message: String,
}

impl Warning {
    /// What kind of warning this is: its message with the names in
    /// backticks left out, so that warnings about different places group.
    pub fn kind(&self) -> String {
        let mut kind = String::new();
        for (index, part) in self.message.split('`').enumerate() {
            kind.push_str(if index % 2 == 0 { part } else { "…" });
        }
        kind
    }
}

/// Warnings grouped by [`Warning::kind`], with their counts, the most
/// frequent first (ties in the order the kinds first appear).
pub fn warning_kinds(warnings: &[Warning]) -> Vec<(String, usize)> {
    let mut kinds: Vec<(String, usize)> = Vec::new();
    for warning in warnings {
        let kind = warning.kind();
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, count)) => *count += 1,
            None => kinds.push((kind, 1)),
        }
    }
    kinds.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    kinds
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "warning: {}: {}", self.location, self.message)
    }
}

/// Why generation stopped.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is malformed: the location says where, the message what was expected.
    #[error("{location}: {message}")]
    Input { location: Location, message: String },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `--check` found output on disk that differs from what would be generated.
    #[error("generated output is stale: {}", differing.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "))]
    Stale { differing: Vec<PathBuf> },
    /// The model could not be turned into Rust (a bug in the generator, not the input).
    #[error("internal error while emitting {what}: {message}")]
    Emit { what: String, message: String },
}

impl Error {
    pub fn input(location: Location, message: impl Into<String>) -> Error {
        Error::Input {
            location,
            message: message.into(),
        }
    }

    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
