//! The generated crate's own documentation: what it is, how to configure
//! a client, one call, a stream of every item of a list, and how to handle
//! an error, as examples compiled by `cargo test` (`no_run`), written with
//! real operations of the API.

use super::about;
use crate::model::{Api, Operation, ParameterLocation, Primitive, TypeRef};
use crate::names::Names;

/// The crate doc, line by line.
pub fn lines(api: &Api, names: &Names, crate_name: &str) -> Vec<String> {
    let crate_name = crate_name.replace('-', "_");
    let mut doc = about::doc_lines(&api.info);
    doc.extend([
        String::new(),
        "Start with [`Client`]: each operation of the API is one of its methods, in one section"
            .to_string(),
        "per tag. The request and response types are in [`models`]; every error is an [`Error`]."
            .to_string(),
        String::new(),
        "# Configuration".to_string(),
        String::new(),
    ]);
    let base_url = match (&api.server_url, &api.base_path) {
        (Some(_), _) => {
            doc.extend([
                "The API's document names its server: [`DEFAULT_BASE_URL`].".to_string(),
                String::new(),
            ]);
            format!("{crate_name}::DEFAULT_BASE_URL")
        }
        (None, Some(path)) => {
            doc.extend([
                format!("Give the URL of the host: the API's path on it, `{path}`, is added unless the URL ends with it already."),
                String::new(),
            ]);
            "\"https://api.example.com\"".to_string()
        }
        (None, None) => "\"https://api.example.com\"".to_string(),
    };
    doc.extend([
        "```no_run".to_string(),
        "# fn main() -> Result<(), Box<dyn std::error::Error>> {".to_string(),
        format!("let client = {crate_name}::Client::builder({base_url})"),
        "    .bearer_token(\"token\")".to_string(),
        "    .timeout(std::time::Duration::from_secs(30))".to_string(),
        "    .build()?;".to_string(),
        "# Ok(())".to_string(),
        "# }".to_string(),
        "```".to_string(),
    ]);
    if let Some((op, call)) = example_call(api, names, &crate_name, false) {
        doc.extend([
            String::new(),
            "# A call".to_string(),
            String::new(),
            format!(
                "Each method builds its request and returns a future; awaiting it sends the request (`{} {}`):",
                op.method.as_str(),
                op.path
            ),
            String::new(),
            "```no_run".to_string(),
            format!("# async fn example(client: {crate_name}::Client) -> {crate_name}::Result<()> {{"),
        ]);
        doc.extend(call.code(
            &[],
            vec![
                format!("let answer = client.{}.await?;", call.call),
                "println!(\"{answer:?}\");".to_string(),
            ],
        ));
        doc.extend([
            "# Ok(())".to_string(),
            "# }".to_string(),
            "```".to_string(),
            String::new(),
            "# Errors".to_string(),
            String::new(),
            "The status decides the variant: a status the operation documents (each method's doc"
                .to_string(),
            "lists them under *Errors*) is [`Error::Api`] with its typed body, any other"
                .to_string(),
            "[`Error::UnexpectedStatus`].".to_string(),
            String::new(),
            "```no_run".to_string(),
            format!("# async fn example(client: {crate_name}::Client) {{"),
        ]);
        doc.extend(call.code(
            &[format!("use {crate_name}::Error;")],
            vec![
                format!("match client.{}.await {{", call.call),
                "    Ok(answer) => println!(\"{answer:?}\"),".to_string(),
                "    Err(Error::Api { status, body, .. }) => eprintln!(\"documented error {status}: {body:?}\"),".to_string(),
                "    Err(error) => eprintln!(\"{error}\"), // names the operation, the status and a summary".to_string(),
                "}".to_string(),
            ],
        ));
        doc.extend(["# }".to_string(), "```".to_string()]);
    }
    if let Some((_, call)) = example_call(api, names, &crate_name, true) {
        doc.extend([
            String::new(),
            "# Every item of a list".to_string(),
            String::new(),
            "A list that answers page by page has a `_stream` method: every item, each page fetched"
                .to_string(),
            "when the items before it have been taken.".to_string(),
            String::new(),
            "```no_run".to_string(),
            format!("# async fn example(client: {crate_name}::Client) -> {crate_name}::Result<()> {{"),
        ]);
        doc.extend(call.code(
            &["use futures_util::TryStreamExt;".to_string()],
            vec![
                format!("let mut items = std::pin::pin!(client.{});", call.call),
                "while let Some(item) = items.try_next().await? {".to_string(),
                "    println!(\"{item:?}\");".to_string(),
                "}".to_string(),
            ],
        ));
        doc.extend(["# Ok(())".to_string(), "# }".to_string(), "```".to_string()]);
    }
    doc
}

/// A call of an operation whose arguments are simple to write: path
/// parameters of simple types, a parameters struct with `Default`, no
/// required body. GET operations first; `stream` picks a paged list and
/// calls its `_stream` method.
fn example_call<'a>(
    api: &'a Api,
    names: &Names,
    crate_name: &str,
    stream: bool,
) -> Option<(&'a Operation, Example)> {
    let mut candidates: Vec<&Operation> = api
        .operations
        .iter()
        .filter(|op| !op.deprecated && op.body.as_ref().is_none_or(|body| !body.required))
        .filter(|op| {
            op.parameters
                .iter()
                .all(|p| p.location == ParameterLocation::Path || !p.required)
        })
        .filter(|op| !stream || super::pagination::paged_item(api, op).is_some())
        .collect();
    candidates.sort_by_key(|op| (op.method != crate::model::Method::Get, op.id.as_str()));
    candidates.into_iter().find_map(|op| {
        let mut arguments = Vec::new();
        for parameter in op
            .parameters
            .iter()
            .filter(|p| p.location == ParameterLocation::Path)
        {
            arguments.push(sample(&parameter.ty)?);
        }
        let names = names.operation(op);
        if names.params.is_some() {
            arguments.push("&params".to_string());
        }
        if op.body.is_some() {
            arguments.push("None".to_string());
        }
        let method = if stream { &names.stream } else { &names.method };
        let call = format!("{method}({})", arguments.join(", "));
        // The parameters struct, made before the call.
        let (uses, setup) = match &names.params {
            Some(name) => (
                vec![format!("use {crate_name}::models::{name};")],
                vec![format!("let params = {name}::default();")],
            ),
            None => (Vec::new(), Vec::new()),
        };
        Some((op, Example { call, uses, setup }))
    })
}

/// A call for an example: the method with its arguments, and the lines
/// that make them (the parameters struct).
struct Example {
    call: String,
    uses: Vec<String>,
    setup: Vec<String>,
}

impl Example {
    /// The example's code: `uses` and the example's own `use` lines, a
    /// blank line, its setup, then `body`.
    fn code(&self, uses: &[String], body: Vec<String>) -> Vec<String> {
        let mut all_uses: Vec<String> = uses.iter().chain(&self.uses).cloned().collect();
        all_uses.sort();
        let mut lines = all_uses;
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(self.setup.iter().cloned());
        lines.extend(body);
        lines
    }
}

/// A value of a simple path parameter type, as Rust.
fn sample(ty: &TypeRef) -> Option<String> {
    match ty {
        TypeRef::Primitive(Primitive::String | Primitive::Uri | Primitive::Email)
        | TypeRef::Unstated => Some("\"example\"".to_string()),
        TypeRef::Primitive(integer) if integer.is_integer() => Some("1".to_string()),
        TypeRef::Primitive(Primitive::Uuid) => Some("uuid::Uuid::nil()".to_string()),
        _ => None,
    }
}
