//! Front ends: each reads one input form and produces the model. This file
//! picks the front end for an input and combines several pages into one API.

pub mod docs_page;
pub mod openapi;
mod saved_html;
pub mod schemas;

use std::path::{Path, PathBuf};

use crate::diagnostic::{Error, Location, Warning};
use crate::model::Api;
pub use docs_page::Layout;
use schemas::SchemaRegistry;

/// What reading an input gave: the model, the warnings about what it
/// leaves open, and the layout each page was read in.
pub struct Loaded {
    pub api: Api,
    pub warnings: Vec<Warning>,
    pub layouts: Vec<(PathBuf, Layout)>,
}

/// The model read from `path` (a file or a folder of files); pages in
/// `layout`, or each in the layout its words show.
pub fn load(path: &Path, layout: Option<Layout>) -> Result<Loaded, Error> {
    let files = input_files(path)?;
    let mut inputs = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|error| Error::io(file, error))?;
        inputs.push((file.as_path(), text));
    }
    let inputs: Vec<(&Path, &str)> = inputs
        .iter()
        .map(|(file, text)| (*file, text.as_str()))
        .collect();
    let mut loaded = read(&inputs, layout)?;
    if loaded.api.info.title.is_empty() {
        loaded.api.info.title = name_of(path);
    }
    Ok(loaded)
}

/// The name of the API read from `path`, where its input gives none (pages
/// do not show the API's title): the folder's name, or the file's without
/// its extension.
fn name_of(path: &Path) -> String {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let name = match path.is_dir() {
        true => path.file_name(),
        false => path.file_stem(),
    };
    name.and_then(|name| name.to_str())
        .filter(|name| !name.is_empty())
        .unwrap_or("api")
        .to_string()
}

/// The model of the inputs (file name and text; the extension picks the
/// front end): pages, or one OpenAPI document.
pub fn read(inputs: &[(&Path, &str)], layout: Option<Layout>) -> Result<Loaded, Error> {
    let mut registry = SchemaRegistry::default();
    let mut warnings = Vec::new();
    let mut layouts = Vec::new();
    let mut api = Api::default();
    if let Some((file, json)) = one_embedded_document(inputs, &mut warnings) {
        let mut api = openapi::parse_document(file, &json, &mut warnings)?;
        api.operations.sort_by(|a, b| a.id.cmp(&b.id));
        return Ok(Loaded {
            api,
            warnings,
            layouts,
        });
    }
    for &(file, text) in inputs {
        let form = InputForm::of(file);
        let converted;
        let text = match form {
            InputForm::SavedHtml => {
                converted = saved_page_text(file, text, &mut warnings);
                converted.as_str()
            }
            _ => text,
        };
        match form {
            InputForm::DocsPage | InputForm::SavedHtml => {
                let taken = api.operations.iter().map(|op| op.id.clone()).collect();
                let (read_as, operations) =
                    docs_page::parse_page(file, text, layout, taken, &mut registry, &mut warnings)?;
                if operations.is_empty() {
                    // A page of a folder that shows no operation (an index,
                    // a webhook) is left out; a page given alone is refused.
                    let message = format!(
                        "no operation found in this {} page: expected an HTTP method and a path (where a copy lost them, add a line such as `POST /v1/widgets` under the title; `--layout` names the layout where this one is wrong)",
                        read_as.title()
                    );
                    if inputs.len() == 1 {
                        return Err(Error::input(Location::line(file, 1), message));
                    }
                    warnings.push(Warning {
                        location: Location::line(file, 1),
                        message: format!("{message}; the page is left out"),
                    });
                    continue;
                }
                layouts.push((file.to_path_buf(), read_as));
                for operation in operations {
                    merge_page(&mut api, file, operation, &mut warnings)?;
                }
            }
            InputForm::OpenApi => {
                if inputs.len() > 1 {
                    return Err(Error::input(
                        Location::file(file),
                        "an OpenAPI document must be the only input; pass the file itself, not its folder with other inputs",
                    ));
                }
                let mut api = openapi::parse_document(file, text, &mut warnings)?;
                api.operations.sort_by(|a, b| a.id.cmp(&b.id));
                return Ok(Loaded {
                    api,
                    warnings,
                    layouts,
                });
            }
        }
    }
    if let (Some((first, _)), true) = (inputs.first(), api.operations.is_empty()) {
        return Err(Error::input(
            Location::file(first),
            "none of the pages shows an operation: expected an HTTP method and a path on each",
        ));
    }
    api.schemas = registry.into_schemas();
    // Pages show no tags; the docs sites group operations by their path's
    // first segment (authentik's tags are exactly that): it stands for the
    // tag, and groups the operations as the document's tags would.
    for op in api.operations.iter_mut().filter(|op| op.tags.is_empty()) {
        op.tags.extend(op.path.first_segment().map(str::to_string));
    }
    api.operations.sort_by(|a, b| a.id.cmp(&b.id));
    api.partial = true;
    Ok(Loaded {
        api,
        warnings,
        layouts,
    })
}

/// The input forms, told apart by file extension.
enum InputForm {
    DocsPage,
    SavedHtml,
    OpenApi,
}

impl InputForm {
    fn of(file: &Path) -> InputForm {
        match file.extension().and_then(|e| e.to_str()) {
            Some("json" | "yaml" | "yml") => InputForm::OpenApi,
            Some("html" | "htm") => InputForm::SavedHtml,
            _ => InputForm::DocsPage,
        }
    }
}

/// The OpenAPI document the inputs embed, when they are all saved pages
/// holding the same one (a site puts its whole document into each page):
/// the first file and the document's JSON.
fn one_embedded_document<'a>(
    inputs: &[(&'a Path, &str)],
    warnings: &mut Vec<Warning>,
) -> Option<(&'a Path, String)> {
    let (first, _) = inputs.first()?;
    let mut found: Option<(String, &'static str)> = None;
    for (file, text) in inputs {
        if !matches!(InputForm::of(file), InputForm::SavedHtml) {
            return None;
        }
        let (json, place) = saved_html::embedded_document(text)?;
        match &found {
            Some((known, _)) if *known != json => return None,
            Some(_) => {}
            None => found = Some((json, place)),
        }
    }
    let (json, place) = found?;
    let pages = match inputs.len() {
        1 => "the page holds".to_string(),
        count => format!("the {count} pages hold"),
    };
    warnings.push(Warning {
        location: Location::file(first),
        message: format!(
            "{pages} the API's OpenAPI document (in {place}): it is read instead of the pages' text, and states every fact"
        ),
    });
    Some((first, json))
}

/// A saved page's text, as a copy of it gives it, for the page reader; a
/// warning names the document it links, which states what it leaves out.
fn saved_page_text(file: &Path, html: &str, warnings: &mut Vec<Warning>) -> String {
    if saved_html::embedded_document(html).is_some() {
        warnings.push(Warning {
            location: Location::file(file),
            message: "the page holds an OpenAPI document, but other inputs beside it differ: its text is read".to_string(),
        });
    }
    let (mut text, linked) = saved_html::page_text(html, false);
    // Scalar's and docusaurus-openapi-docs' style sheets lay out side by
    // side what a copy has on lines of their own.
    if matches!(
        docs_page::detect(&text),
        Layout::Scalar | Layout::Docusaurus
    ) {
        text = saved_html::page_text(html, true).0;
    }
    if let Some(url) = linked {
        warnings.push(Warning {
            location: Location::file(file),
            message: format!("the page loads its OpenAPI document from `{url}`: generating from that document states every fact the page leaves out; line numbers here count the page's text as laid out"),
        });
    }
    text
}

/// `path` itself, or the input files in the folder `path`, sorted by name so
/// the order never depends on the file system.
fn input_files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let metadata = std::fs::metadata(path).map_err(|error| Error::io(path, error))?;
    if !metadata.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|error| Error::io(path, error))? {
        let entry = entry.map_err(|error| Error::io(path, error))?;
        let file = entry.path();
        let is_input = matches!(
            file.extension().and_then(|e| e.to_str()),
            Some("txt" | "html" | "htm" | "json" | "yaml" | "yml")
        );
        if file.is_file() && is_input {
            files.push(file);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::input(
            Location::file(path),
            "the folder holds no input files; expected documentation pages (.txt, or saved as .html) or an OpenAPI document (.json, .yaml, .yml)",
        ));
    }
    Ok(files)
}

fn merge_page(
    api: &mut Api,
    file: &Path,
    page: docs_page::PageOperation,
    warnings: &mut Vec<Warning>,
) -> Result<(), Error> {
    if let Some(existing) = api.operations.iter().find(|op| op.id == page.operation.id) {
        return Err(Error::input(
            Location::file(file),
            format!(
                "operation `{}` is described twice (also at {} {})",
                existing.id,
                existing.method.as_str(),
                existing.path
            ),
        ));
    }
    if api.server_url.is_none() {
        api.server_url = page.server_url;
    }
    match (&api.base_path, page.base_path) {
        (None, Some(base)) => api.base_path = Some(base),
        (Some(known), Some(base)) if *known != base => warnings.push(Warning {
            location: Location::file(file),
            message: format!("base path `{base}` differs from `{known}` given by an earlier page; `{known}` is kept"),
        }),
        _ => {}
    }
    for (name, scheme) in page.security_schemes {
        api.security_schemes.entry(name).or_insert(scheme);
    }
    api.operations.push(page.operation);
    Ok(())
}
