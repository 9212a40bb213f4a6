//! The library API: a `Generator` reads an input (documentation pages or
//! an OpenAPI document) and writes the client as a crate (the command
//! line) or as one file (`build.rs`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Error, Warning};
use crate::frontend::Layout;
use crate::model::Api;
use crate::{emit, frontend, names};

/// Settings for one generation, with chainable setters.
#[derive(Clone, Debug)]
pub struct Generator {
    spec: PathBuf,
    crate_name: Option<String>,
    title: Option<String>,
    layout: Option<Layout>,
    round_trip: bool,
}

impl Default for Generator {
    fn default() -> Self {
        Generator {
            spec: PathBuf::from("spec"),
            crate_name: None,
            title: None,
            layout: None,
            round_trip: false,
        }
    }
}

/// What a generation produced, for the user to read.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub operations: usize,
    pub schemas: usize,
    pub warnings: Vec<Warning>,
    /// The layout each documentation page was read in.
    pub layouts: Vec<(PathBuf, Layout)>,
}

/// A generated crate in memory: file contents by path relative to its root.
#[derive(Clone, Debug)]
pub struct Generated {
    /// The package name (`ory-hydra-client`).
    pub crate_name: String,
    pub files: BTreeMap<PathBuf, String>,
    pub report: Report,
}

impl Generator {
    pub fn new() -> Generator {
        Generator::default()
    }

    /// The input: a documentation page, a folder of them, or an OpenAPI
    /// document (`.json`, `.yaml`, `.yml`). Default: `spec`.
    pub fn spec(mut self, spec: impl Into<PathBuf>) -> Generator {
        self.spec = spec.into();
        self
    }

    /// The generated crate's package name. By default it is made from the
    /// API's title (`Ory Hydra API` gives `ory-hydra-client`; see
    /// [`names::package_name`]).
    pub fn crate_name(mut self, name: impl Into<String>) -> Generator {
        self.crate_name = Some(name.into());
        self
    }

    /// The API's name, in place of the input's title: documentation pages
    /// do not show one, so without this the crate is named after their
    /// folder.
    pub fn title(mut self, title: impl Into<String>) -> Generator {
        self.title = Some(title.into());
        self
    }

    /// Reads documentation pages in `layout` instead of the layout each
    /// page's words show (for a page detection reads wrongly).
    pub fn layout(mut self, layout: Layout) -> Generator {
        self.layout = Some(layout);
        self
    }

    /// Gives every type both `Serialize` and `Deserialize` (by default each
    /// has only what its operations need; a generated crate's `round-trip`
    /// feature adds the rest, but [`Generator::generate_file`]'s one file has
    /// no features).
    pub fn round_trip(mut self, round_trip: bool) -> Generator {
        self.round_trip = round_trip;
        self
    }

    /// Reads the input into the model.
    pub fn load(&self) -> Result<(Api, Vec<Warning>), Error> {
        let loaded = self.read()?;
        Ok((loaded.api, loaded.warnings))
    }

    fn read(&self) -> Result<frontend::Loaded, Error> {
        let mut loaded = frontend::load(&self.spec, self.layout)?;
        if let Some(title) = &self.title {
            loaded.api.info.title = title.clone();
        }
        Ok(loaded)
    }

    /// The package name of the crate for `api`.
    fn crate_name_for(&self, api: &Api) -> String {
        match &self.crate_name {
            Some(name) => name.clone(),
            None => names::package_name(&api.info.title),
        }
    }

    /// The crate's files, without writing them.
    pub fn generate(&self) -> Result<Generated, Error> {
        let frontend::Loaded {
            api,
            warnings,
            layouts,
        } = self.read()?;
        let crate_name = self.crate_name_for(&api);
        let emitted = emit::emit(&api, emit::Gating::Features, self.round_trip, &crate_name)?;
        let files = emit::crate_files(emitted)?;
        Ok(Generated {
            crate_name,
            files,
            report: report(&api, warnings, layouts),
        })
    }

    /// Writes the crate into `out_dir` (see [`Generated::write`]).
    pub fn write_crate(&self, out_dir: impl AsRef<Path>) -> Result<Report, Error> {
        self.generate()?.write(out_dir)
    }

    /// Compares the crate in `out_dir` with what would be generated (see
    /// [`Generated::check`]).
    pub fn check_crate(&self, out_dir: impl AsRef<Path>) -> Result<Report, Error> {
        self.generate()?.check(out_dir)
    }

    /// Writes what the input describes as an OpenAPI 3.0 document to `out`:
    /// YAML for a `.yaml` or `.yml` file, JSON otherwise.
    pub fn export_openapi(&self, out: impl AsRef<Path>) -> Result<Report, Error> {
        let out = out.as_ref();
        let frontend::Loaded {
            api,
            warnings,
            layouts,
        } = self.read()?;
        let document = crate::openapi_export::document(&api);
        let yaml = matches!(
            out.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        let text = if yaml {
            serde_yaml_ng::to_string(&document).map_err(|error| Error::Emit {
                what: "the OpenAPI document".into(),
                message: error.to_string(),
            })?
        } else {
            serde_json::to_string_pretty(&document).map_err(|error| Error::Emit {
                what: "the OpenAPI document".into(),
                message: error.to_string(),
            })? + "\n"
        };
        std::fs::write(out, text).map_err(|error| Error::io(out, error))?;
        Ok(report(&api, warnings, layouts))
    }

    /// The client as the source of one Rust file, without writing it.
    pub fn generate_source(&self) -> Result<(String, Report), Error> {
        let frontend::Loaded {
            api,
            warnings,
            layouts,
        } = self.read()?;
        let crate_name = self.crate_name_for(&api);
        let emitted = emit::emit(&api, emit::Gating::None, self.round_trip, &crate_name)?;
        let content = emit::single_file(emitted)?;
        Ok((content, report(&api, warnings, layouts)))
    }

    /// Writes the client as one Rust file to `include!`, for `build.rs`.
    pub fn generate_file(&self, path: impl AsRef<Path>) -> Result<Report, Error> {
        let (content, report) = self.generate_source()?;
        write_if_changed(path.as_ref(), &content)?;
        Ok(report)
    }
}

impl Generated {
    /// Writes the crate into `out_dir`; files whose content is unchanged
    /// are not touched, so cargo does not rebuild them, and generated files
    /// the crate no longer has (a tag that went away) are removed.
    pub fn write(self, out_dir: impl AsRef<Path>) -> Result<Report, Error> {
        for (relative, content) in &self.files {
            write_if_changed(&out_dir.as_ref().join(relative), content)?;
        }
        for stale in stale_files(out_dir.as_ref(), &self.files)? {
            std::fs::remove_file(&stale).map_err(|error| Error::io(&stale, error))?;
        }
        Ok(self.report)
    }

    /// Compares the crate in `out_dir` with these files; fails with
    /// [`Error::Stale`] naming every file that differs or is missing.
    pub fn check(self, out_dir: impl AsRef<Path>) -> Result<Report, Error> {
        let differing: Vec<PathBuf> = self
            .files
            .iter()
            .map(|(relative, content)| (out_dir.as_ref().join(relative), content))
            .filter(|(path, content)| {
                std::fs::read_to_string(path).ok().as_deref() != Some(content.as_str())
            })
            .map(|(path, _)| path)
            .chain(stale_files(out_dir.as_ref(), &self.files)?)
            .collect();
        if differing.is_empty() {
            Ok(self.report)
        } else {
            Err(Error::Stale { differing })
        }
    }
}

fn report(api: &Api, warnings: Vec<Warning>, layouts: Vec<(PathBuf, Layout)>) -> Report {
    Report {
        operations: api.operations.len(),
        schemas: api.schemas.len(),
        warnings,
        layouts,
    }
}

/// The generated Rust files under `out_dir/src` that are not among `files`.
/// Files without the generated header are the user's and never listed.
fn stale_files(out_dir: &Path, files: &BTreeMap<PathBuf, String>) -> Result<Vec<PathBuf>, Error> {
    let mut stale = Vec::new();
    let mut folders = vec![out_dir.join("src")];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.map_err(|error| Error::io(&folder, error))?.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let known = path
                .strip_prefix(out_dir)
                .is_ok_and(|relative| files.contains_key(relative));
            let generated = path.extension().is_some_and(|e| e == "rs")
                && std::fs::read_to_string(&path).is_ok_and(|source| emit::is_generated(&source));
            if !known && generated {
                stale.push(path);
            }
        }
    }
    stale.sort();
    Ok(stale)
}

fn write_if_changed(path: &Path, content: &str) -> Result<(), Error> {
    if std::fs::read_to_string(path).ok().as_deref() == Some(content) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|error| Error::io(parent, error))?;
    }
    std::fs::write(path, content).map_err(|error| Error::io(path, error))
}
