//! The calls the crate doc's examples make, chosen among the API's own
//! operations so that every example is real code for this crate: a call
//! whose arguments are simple to write, a paged list, a request body made
//! with `new`, and one with an optional nullable field set to `null`. Each
//! is `None` where the API has no operation that fits, and the doc then
//! says what it would show in words.

use crate::model::{
    Api, EnumSchema, Field, Method, ObjectSchema, Operation, ParameterLocation, Primitive,
    SchemaKind, TypeRef,
};
use crate::names::Names;
use crate::shape::{body_kind, field_ident, BodyKind, Wrapper};

/// A call for an example: the method with its arguments, and the lines
/// that come before it (`use` lines, and the values of its arguments).
pub struct Example {
    /// `providers_proxy_partial_update(1, None)`, without `client.`.
    pub call: String,
    pub uses: Vec<String>,
    pub setup: Vec<String>,
}

impl Example {
    /// The example's code: `uses` and the example's own `use` lines, a
    /// blank line, its setup, then `body`.
    pub fn code(&self, uses: &[String], body: Vec<String>) -> Vec<String> {
        let mut all_uses: Vec<String> = uses.iter().chain(&self.uses).cloned().collect();
        // The standard library's first, as rustfmt groups them.
        all_uses.sort_by_key(|line| (!line.starts_with("use std::"), line.clone()));
        all_uses.dedup();
        let mut lines = all_uses;
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(self.setup.iter().cloned());
        lines.extend(body);
        lines
    }
}

/// Finds the operations the examples call.
pub struct Examples<'a> {
    api: &'a Api,
    names: &'a Names,
    /// The crate's name as Rust writes it (`ory_hydra_client`).
    crate_name: &'a str,
}

/// How an example passes an operation's request body.
enum BodyArgument {
    /// `None`, for an optional body the example leaves out.
    Left,
    /// `&body` or `Some(&body)`: a value the example makes, named `body`.
    Made,
}

impl<'a> Examples<'a> {
    pub fn new(api: &'a Api, names: &'a Names, crate_name: &'a str) -> Examples<'a> {
        Examples {
            api,
            names,
            crate_name,
        }
    }

    /// Operations an example may call, GET ones first: not deprecated, and
    /// every query, header or cookie parameter optional.
    fn candidates(&self) -> Vec<&'a Operation> {
        let mut candidates: Vec<&Operation> = self
            .api
            .operations
            .iter()
            .filter(|op| !op.deprecated)
            .filter(|op| {
                op.parameters
                    .iter()
                    .all(|p| p.location == ParameterLocation::Path || !p.required)
            })
            .collect();
        candidates.sort_by_key(|op| (op.method != Method::Get, op.id.as_str()));
        candidates
    }

    /// A call of an operation whose arguments are simple to write (path
    /// parameters of simple types, a parameters struct with `Default`, no
    /// required body); with `paged`, of a paged list.
    pub fn simple_call(&self, paged: bool) -> Option<(&'a Operation, Example)> {
        self.candidates()
            .into_iter()
            .filter(|op| op.body.as_ref().is_none_or(|body| !body.required))
            .filter(|op| !paged || super::pagination::paged_item(self.api, op).is_some())
            .find_map(|op| {
                let example = self.call(op, BodyArgument::Left)?;
                Some((op, example))
            })
    }

    /// A call that sends a JSON body made with its type's `new` (the
    /// required fields, each a simple value), and one optional text field
    /// set after; `POST` operations first.
    pub fn create_call(&self) -> Option<(&'a Operation, Example)> {
        let mut candidates = self.candidates();
        candidates.sort_by_key(|op| op.method != Method::Post);
        candidates.into_iter().find_map(|op| {
            let (name, object) = self.json_body_object(op)?;
            let required: Vec<&Field> = object
                .fields
                .iter()
                .filter(|f| Wrapper::of(f) == Wrapper::Plain)
                .collect();
            if required.is_empty() {
                return None;
            }
            let values = required
                .iter()
                .map(|field| self.value(&field.ty))
                .collect::<Option<Vec<String>>>()?;
            let mut example = self.call(op, BodyArgument::Made)?;
            let optional = text_field(object, Wrapper::Optional);
            let binding = if optional.is_some() { "let mut" } else { "let" };
            let mut setup = vec![format!(
                "{binding} body = {name}::new({});",
                values.join(", ")
            )];
            if let Some(field) = optional {
                setup.push(format!(
                    "body.{} = Some(\"example\".into()); // not sent while `None`",
                    field_ident(field)
                ));
            }
            setup.append(&mut example.setup);
            example.setup = setup;
            example
                .uses
                .push(format!("use {}::models::{name};", self.crate_name));
            Some((op, example))
        })
    }

    /// A call that sends a JSON body whose type has `Default` and an
    /// optional nullable field, set to `null`; `PATCH` operations first.
    pub fn patch_call(&self) -> Option<(&'a Operation, Example, String)> {
        let mut candidates = self.candidates();
        candidates.sort_by_key(|op| op.method != Method::Patch);
        candidates.into_iter().find_map(|op| {
            let (name, object) = self.json_body_object(op)?;
            let all_default = object.fields.iter().all(|f| Wrapper::of(f).has_default());
            let nullable = object
                .fields
                .iter()
                .find(|f| Wrapper::of(f) == Wrapper::Tristate && !f.deprecated)?;
            if !all_default {
                return None;
            }
            let mut example = self.call(op, BodyArgument::Made)?;
            let mut setup = vec![
                format!("let body = {name} {{"),
                format!(
                    "    {}: Nullable::Null, // sent as `null`",
                    field_ident(nullable)
                ),
            ];
            if let Some(field) = text_field(object, Wrapper::Optional) {
                setup.push(format!(
                    "    {}: Some(\"example\".into()), // sent",
                    field_ident(field)
                ));
            }
            setup.push("    ..Default::default() // every other field: not sent".to_string());
            setup.push("};".to_string());
            setup.append(&mut example.setup);
            example.setup = setup;
            example.uses.extend([
                format!("use {}::models::{name};", self.crate_name),
                format!("use {}::Nullable;", self.crate_name),
            ]);
            Some((op, example, nullable.rust_name.clone()))
        })
    }

    /// The JSON request body of `op` when it is a struct: its type's name
    /// and fields.
    fn json_body_object(&self, op: &Operation) -> Option<(&'a str, &'a ObjectSchema)> {
        let body = op.body.as_ref()?;
        if body_kind(body) != BodyKind::Json {
            return None;
        }
        let TypeRef::Named(name) = &body.ty else {
            return None;
        };
        let (name, schema) = self.api.schemas.get_key_value(name)?;
        match &schema.kind {
            SchemaKind::Object(object) if object.fields.iter().all(|f| !f.deprecated) => {
                Some((name.as_str(), object))
            }
            _ => None,
        }
    }

    /// The call of `op` with sample arguments.
    fn call(&self, op: &Operation, body: BodyArgument) -> Option<Example> {
        let mut arguments = Vec::new();
        for parameter in op
            .parameters
            .iter()
            .filter(|p| p.location == ParameterLocation::Path)
        {
            arguments.push(path_sample(&parameter.ty)?);
        }
        let names = self.names.operation(op);
        let mut uses = Vec::new();
        let mut setup = Vec::new();
        if let Some(params) = &names.params {
            arguments.push("&params".to_string());
            uses.push(format!("use {}::models::{params};", self.crate_name));
            setup.push(format!("let params = {params}::default();"));
        }
        if let Some(declared) = &op.body {
            arguments.push(match (body, declared.required) {
                (BodyArgument::Left, _) => "None".to_string(),
                (BodyArgument::Made, true) => "&body".to_string(),
                (BodyArgument::Made, false) => "Some(&body)".to_string(),
            });
        }
        let method = names.reached();
        Some(Example {
            call: format!("{method}({})", arguments.join(", ")),
            uses,
            setup,
        })
    }

    /// A value of `ty` as Rust, for an argument of `new`.
    fn value(&self, ty: &TypeRef) -> Option<String> {
        Some(match ty {
            TypeRef::Primitive(primitive) => match primitive {
                Primitive::String | Primitive::Uri | Primitive::Email => {
                    "\"example\".into()".into()
                }
                Primitive::Uuid => "uuid::Uuid::nil()".into(),
                Primitive::Boolean => "true".into(),
                Primitive::Number | Primitive::Double | Primitive::Float => "1.0".into(),
                integer if integer.is_integer() => "1".into(),
                _ => return None,
            },
            TypeRef::Array(_) => "Vec::new()".into(),
            TypeRef::Map(_) => "Default::default()".into(),
            TypeRef::Any | TypeRef::Unstated => "serde_json::Value::Null".into(),
            TypeRef::Named(name) => match &self.api.schemas.get(name)?.kind {
                SchemaKind::Enum(EnumSchema { values, .. }) => format!(
                    "{}::models::{name}::{}",
                    self.crate_name,
                    values.first()?.variant
                ),
                SchemaKind::Object(object)
                    if object.fields.iter().all(|f| Wrapper::of(f).has_default()) =>
                {
                    "Default::default()".into()
                }
                _ => return None,
            },
            TypeRef::Nullable(_) | TypeRef::Tuple(_) => return None,
        })
    }
}

/// The first field of `object` held as `wrapper` whose type is text.
fn text_field(object: &ObjectSchema, wrapper: Wrapper) -> Option<&Field> {
    object.fields.iter().find(|f| {
        Wrapper::of(f) == wrapper
            && !f.deprecated
            && !f.read_only
            && f.ty == TypeRef::Primitive(Primitive::String)
    })
}

/// A value of a simple path parameter type, as Rust.
fn path_sample(ty: &TypeRef) -> Option<String> {
    match ty {
        TypeRef::Primitive(Primitive::String | Primitive::Uri | Primitive::Email)
        | TypeRef::Unstated => Some("\"example\"".to_string()),
        TypeRef::Primitive(integer) if integer.is_integer() => Some("1".to_string()),
        TypeRef::Primitive(Primitive::Uuid) => Some("uuid::Uuid::nil()".to_string()),
        _ => None,
    }
}
