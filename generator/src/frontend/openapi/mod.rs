//! The OpenAPI front end: an OpenAPI 3.0 or 3.1 document (JSON or YAML)
//! into the model. Operations come from `paths`, types from
//! `components/schemas` (see `schema.rs`); `$ref`s to parameters, request
//! bodies and responses are followed. Whatever the model cannot hold is an
//! error or a warning naming its JSON pointer.

mod document;
mod info;
mod links;
mod operations;
mod schema;
mod security;
mod servers;
mod swagger2;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::diagnostic::{Error, Warning};
use crate::ident;
use crate::model::{Api, Operation, Presence, SchemaKind, Security};
use document::{child, object, string, Document};
use operations::OperationReader;
use schema::Schemas;
use security::{security, security_schemes};

/// Reads the OpenAPI document in `text` (from `file`).
pub fn parse_document(file: &Path, text: &str, warnings: &mut Vec<Warning>) -> Result<Api, Error> {
    let mut doc = Document::parse(file, text)?;
    // Swagger 2.0: read as the OpenAPI 3.0 document it stands for.
    match doc.root.get("swagger").and_then(serde_json::Value::as_str) {
        Some("2.0") => {
            doc.root = swagger2::upgrade(&doc.root);
            warnings.push(doc.warning(
                "/swagger",
                "a Swagger 2.0 document: read as the OpenAPI 3.0 document it stands for; places in messages are that document's (`/components/schemas/Pet` for `/definitions/Pet`)",
            ));
        }
        Some(version) => {
            return Err(doc.error(
                "/swagger",
                format!(
                    "Swagger {version} is not supported; expected 2.0, or OpenAPI 3.0.x or 3.1.x"
                ),
            ))
        }
        None => {}
    }
    let root = object(&doc, &doc.root, "", "an OpenAPI document")?;
    match string(&doc, root, "openapi", "")? {
        Some(version) if version.starts_with("3.0") || version.starts_with("3.1") => {}
        Some(version) => {
            return Err(doc.error(
                "/openapi",
                format!("OpenAPI {version} is not supported; expected 3.0.x or 3.1.x"),
            ))
        }
        None => {
            return Err(doc.error(
                "",
                "expected an `openapi` version field (3.0.x or 3.1.x), or `swagger: \"2.0\"`",
            ))
        }
    }
    let mut schemas = Schemas::read_components(&doc)?;
    let (security_schemes, unsupported) = security_schemes(&doc, warnings)?;
    let default_security = match root.get("security") {
        Some(value) => Some(security(&doc, value, "/security")?),
        None => None,
    };
    let mut reader = OperationReader {
        doc: &doc,
        schemas: &mut schemas,
        default_security,
        warnings: Vec::new(),
        unnamed: Vec::new(),
    };
    let mut operations = Vec::new();
    if let Some(paths) = root.get("paths") {
        for (path, item) in object(&doc, paths, "/paths", "the paths")? {
            reader.path_item(path, item, &mut operations)?;
        }
    }
    unique_operation_ids(&doc, &mut operations, warnings);
    if root
        .get("webhooks")
        .and_then(Value::as_object)
        .is_some_and(|w| !w.is_empty())
    {
        warnings.push(doc.warning("/webhooks", "webhooks are requests the server makes, not the client: they are not generated (the component schemas they use are)"));
    }
    if let Some(first) = reader.unnamed.first() {
        let count = reader.unnamed.len();
        let (verb, example) = match count {
            1 => ("has", format!("it is named `{first}`")),
            _ => (
                "have",
                format!("each is named after its method and path (`{first}`, …)"),
            ),
        };
        let operations = if count == 1 {
            "operation"
        } else {
            "operations"
        };
        warnings.push(doc.warning(
            "/paths",
            format!("{count} {operations} {verb} no `operationId`; {example}"),
        ));
    }
    let mut undeclared: BTreeMap<&str, &str> = BTreeMap::new();
    for op in &operations {
        if let Security::Requirements(requirements) = &op.security {
            for name in requirements
                .iter()
                .flatten()
                .filter(|n| !security_schemes.contains_key(*n) && !unsupported.contains(*n))
            {
                undeclared.entry(name).or_insert(&op.id);
            }
        }
    }
    for (name, first) in undeclared {
        warnings.push(doc.warning("/components/securitySchemes", format!("security scheme `{name}` is used (first by `{first}`) but not defined; the client has no credential for it")));
    }
    let server = servers::first(&doc, root, warnings)?;
    warnings.append(&mut reader.warnings);
    let (model_schemas, schema_warnings) = schemas.finish();
    // A schema read from several places reports its problems once.
    let mut seen = std::collections::BTreeSet::new();
    warnings.extend(
        schema_warnings
            .into_iter()
            .filter(|warning| seen.insert(warning.clone())),
    );
    let fallback = file
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or("the API");
    let mut api = Api {
        info: info::read(&doc, root, fallback, warnings),
        base_path: server.base_path,
        server_url: server.url,
        operations,
        schemas: model_schemas,
        security_schemes,
        partial: false,
    };
    write_only_fields_are_not_read(&mut api);
    links::resolve(&mut api);
    free_in_background(doc.root);
    Ok(api)
}

/// Makes the operation ids unique (a document may give two operations the
/// same one), reporting each renamed operation. Their Rust names are
/// settled later, in [`crate::names`].
fn unique_operation_ids(
    doc: &Document<'_>,
    operations: &mut [Operation],
    warnings: &mut Vec<Warning>,
) {
    let mut taken = std::collections::BTreeSet::new();
    for op in operations.iter_mut() {
        let id = ident::claim_unique(op.id.clone(), &mut taken);
        if id != op.id {
            warnings.push(doc.warning(
                &child(
                    &child("/paths", &op.path.to_string()),
                    &op.method.as_str().to_ascii_lowercase(),
                ),
                format!(
                    "operation id `{}` is used by another operation; this one is `{id}`",
                    op.id
                ),
            ));
            op.id = id;
        }
    }
}

/// OpenAPI: `required` on a write-only property holds for requests only;
/// the server never returns it. So in every type an answer reaches, such a
/// field is optional, or no answer would decode. (A type only sent keeps
/// it required: authentik's `*Request` types.)
fn write_only_fields_are_not_read(api: &mut Api) {
    let mut reached = BTreeSet::new();
    for body in api
        .operations
        .iter()
        .flat_map(|op| &op.responses)
        .filter_map(|response| response.body.as_ref())
    {
        api.reach(&body.ty, &mut reached);
    }
    let read: Vec<String> = reached.into_iter().map(str::to_string).collect();
    for name in read {
        if let Some(SchemaKind::Object(object)) = api.schemas.get_mut(&name).map(|s| &mut s.kind) {
            for field in &mut object.fields {
                if field.write_only && field.presence == Presence::Required {
                    field.presence = Presence::Optional;
                }
            }
        }
    }
}

/// Frees the document's tree on another thread: for a large document that
/// takes a tenth of reading it, and the model is complete without it.
fn free_in_background(tree: Value) {
    // Where no thread can be started, `spawn` drops the closure, and the
    // tree with it, here.
    let _ = std::thread::Builder::new().spawn(move || drop(tree));
}
