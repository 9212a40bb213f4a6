//! A program that calls every operation of the generated client once, with
//! arguments made from the model: each required path and query parameter
//! set, and a body with every required field set (optional ones left out).
//! Pointed at a validating mock server (Prism), it shows that every request
//! the client builds conforms to the document and that every response
//! decodes. `tests/prism.rs` builds and runs it. It reads the model and
//! the names and Rust shapes the generator settles (`apidocs2rs::names`,
//! `apidocs2rs::shape`), so it writes the same Rust the generated crate
//! expects without deciding anything again.
//!
//! The program takes the base URL as its argument, prints one line per
//! failing operation and then `accepted N/N, decoded D/N, Prism's answer
//! invalid P`, and exits with a failure status unless every request was
//! accepted and every answer decoded or itself invalid. A request is
//! accepted when the server does not answer with `sl-violations` about the
//! request (Prism's list of what does not conform) or a routing error; an
//! answer is invalid when Prism's violations are all about its own answer.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use apidocs2rs::ident::{to_snake, unraw};
use apidocs2rs::model::{
    Api, Bound, Constraints, Operation, ParameterLocation, Primitive, Schema, SchemaKind, TypeRef,
};
use apidocs2rs::names::{Names, OperationNames};
use apidocs2rs::shape::{
    additional_field, body_kind, boxed_field, boxed_member, field_ident, BodyKind, Wrapper,
};

/// What stops the program from being written: a reference to a type the
/// model does not define.
type Error = String;

/// How deep sample objects nest inside arrays (a required array of objects
/// beyond it is sent empty, which also ends recursive types).
const MAX_DEPTH: u32 = 3;

/// The program's source, for a crate that depends on the generated crate
/// under the name `crate_name` (as written in Rust, `authentik_api`).
pub fn program(api: &Api, crate_name: &str) -> Result<String, Error> {
    let krate = format_ident!("{}", crate_name);
    let names = Names::resolve(api);
    let mut samples = Samples::new(api);
    let mut calls = Vec::new();
    let mut entries = Vec::new();
    for (index, op) in api.operations.iter().enumerate() {
        let op_names = names.operation(op);
        // Methods of two handles may share a name: numbered.
        let call = format_ident!("call_{index}_{}", unraw(&op_names.method));
        let body = call_body(op, &op_names, &mut samples)?;
        calls.push(quote! {
            fn #call(client: &Client) -> Call<'_> {
                Box::pin(async move { #body })
            }
        });
        let id = &op.id;
        entries.push(quote! { (#id, #call as fn(&Client) -> Call<'_>) });
    }
    let sample_fns = samples.functions()?;
    // A credential for every scheme, so that every operation has one.
    let credentials = api.security_schemes.iter().map(|(name, scheme)| {
        let method = format_ident!("{}", names.scheme_method(name));
        match scheme {
            apidocs2rs::model::SecurityScheme::Basic => quote! { .#method("exercise", "secret") },
            _ => quote! { .#method("exercise-token") },
        }
    });
    let tokens = quote! {
        //! Calls every operation once (written by the generator's `tests/exercise`).
        #![allow(deprecated, clippy::all)]

        use #krate::{models, Client, Error, Nullable};

        type Call<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), Error>> + 'a>>;

        const OPERATIONS: &[(&str, fn(&Client) -> Call<'_>)] = &[#(#entries),*];

        #[tokio::main(flavor = "current_thread")]
        async fn main() -> std::process::ExitCode {
            let Some(base_url) = std::env::args().nth(1) else {
                eprintln!("usage: exercise BASE_URL");
                return std::process::ExitCode::FAILURE;
            };
            // Prism serves the operations at its root, whatever the server path.
            let client = match Client::builder(&base_url).exact_base_url(&base_url) #(#credentials)* .build() {
                Ok(client) => client,
                Err(error) => {
                    eprintln!("{error}");
                    return std::process::ExitCode::FAILURE;
                }
            };
            let (mut accepted, mut decoded, mut prism_invalid) = (0, 0, 0);
            for (id, call) in OPERATIONS {
                match call(&client).await {
                    Ok(()) => {
                        accepted += 1;
                        decoded += 1;
                    }
                    Err(error) => {
                        let violations = error
                            .headers()
                            .and_then(|headers| headers.get("sl-violations"))
                            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
                        let answered = error.headers().is_some();
                        let routing = matches!(error.status(), Some(404 | 405 | 406 | 415 | 422));
                        // Prism lists what breaks the document in its own
                        // answer too: that is not the client's request.
                        let of_request = violations.as_deref().is_some_and(|v| v.contains(r#"["request"#));
                        match violations {
                            Some(violations) if !of_request => {
                                accepted += 1;
                                prism_invalid += 1;
                                println!("{id}: Prism's own answer breaks the document: {violations}");
                            }
                            Some(violations) => println!("{id}: rejected: {violations}"),
                            None if !answered || routing => println!("{id}: rejected: {error}"),
                            None => {
                                accepted += 1;
                                println!("{id}: not decoded: {error}");
                            }
                        }
                    }
                }
            }
            let total = OPERATIONS.len();
            println!("accepted {accepted}/{total}, decoded {decoded}/{total}, Prism's answer invalid {prism_invalid}");
            if accepted == total && decoded + prism_invalid == total {
                std::process::ExitCode::SUCCESS
            } else {
                std::process::ExitCode::FAILURE
            }
        }

        /// A string that `pattern` matches (the same on every run), or
        /// `fallback` for a pattern the generator of samples cannot read.
        #[allow(dead_code)]
        fn matching(pattern: &str, fallback: &str) -> String {
            use rand::{RngExt as _, SeedableRng as _};
            // The samples stand alone: anchors add nothing, and the
            // generator of samples does not take them.
            let pattern = pattern.strip_prefix('^').unwrap_or(pattern);
            let pattern = match pattern.strip_suffix('$') {
                Some(rest) if !rest.ends_with('\\') => rest,
                _ => pattern,
            };
            match rand_regex::Regex::compile(pattern, 8) {
                Ok(regex) => rand::rngs::StdRng::seed_from_u64(7).sample::<String, _>(&regex),
                Err(_) => fallback.to_string(),
            }
        }

        #(#calls)*
        #(#sample_fns)*
    };
    let file = syn::parse2::<syn::File>(tokens)
        .map_err(|error| format!("the exercise program does not parse: {error}"))?;
    Ok(prettyplease::unparse(&file))
}

/// The statements of one call: the arguments, then the call, its answer
/// dropped.
fn call_body(
    op: &Operation,
    names: &OperationNames,
    samples: &mut Samples<'_>,
) -> Result<TokenStream, Error> {
    // `core().users_list`, or a method of `Client`.
    let method: TokenStream = names
        .reached()
        .parse()
        .map_err(|e| format!("the call of `{}`: {e}", op.id))?;
    let top = quote! { 0 };
    let mut arguments = Vec::new();
    for parameter in op
        .parameters
        .iter()
        .filter(|p| p.location == ParameterLocation::Path)
    {
        let value = samples.value(&parameter.ty, &parameter.constraints, &top)?;
        arguments.push(match &parameter.ty {
            TypeRef::Primitive(Primitive::String | Primitive::Uri | Primitive::Email)
            | TypeRef::Unstated => quote! { &#value },
            TypeRef::Named(_) => quote! { &#value },
            _ => value,
        });
    }
    if let Some(name) = &names.params {
        let ident = format_ident!("{}", name);
        let fields = op
            .parameters
            .iter()
            .filter(|p| p.location != ParameterLocation::Path)
            .zip(&names.fields)
            .map(|(parameter, field)| {
                let field = format_ident!("{}", field);
                let value = if parameter.required {
                    samples.value(&parameter.ty, &parameter.constraints, &top)?
                } else {
                    quote! { None }
                };
                Ok(quote! { #field: #value })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        arguments.push(quote! { &models::#ident { #(#fields),* } });
    }
    if let Some(body) = &op.body {
        if !body.required && samples.ambiguous_union(&body.ty) {
            // No object can match exactly one member of such a `oneOf`, as
            // JSON Schema (and so Prism) reads it, without the discriminator.
            arguments.push(quote! { None });
        } else {
            let value = match body_kind(body) {
                BodyKind::Text => quote! { String::from("sample") },
                BodyKind::Bytes => quote! { b"sample".to_vec() },
                _ => samples.value(&body.ty, &Constraints::default(), &top)?,
            };
            arguments.push(if body.required {
                quote! { &#value }
            } else {
                quote! { Some(&#value) }
            });
        }
    }
    Ok(quote! {
        client.#method(#(#arguments),*).await.map(drop)
    })
}

/// Sample values, and the functions that build sample objects (one per
/// object type used, taking the nesting depth).
struct Samples<'a> {
    api: &'a Api,
    /// Object types whose sample function is needed.
    objects: BTreeSet<&'a str>,
}

impl<'a> Samples<'a> {
    fn new(api: &'a Api) -> Samples<'a> {
        Samples {
            api,
            objects: BTreeSet::new(),
        }
    }

    fn schema(&self, name: &str) -> Result<&'a Schema, Error> {
        self.api
            .schemas
            .get(name)
            .ok_or_else(|| format!("type `{name}` is referenced but not defined"))
    }

    /// Whether `ty` is a union some of whose members do not pin the tag
    /// property to their own value (an enum of one value): then an object
    /// that matches one member matches the others too.
    fn ambiguous_union(&self, ty: &TypeRef) -> bool {
        let TypeRef::Named(name) = ty else {
            return false;
        };
        let Some(SchemaKind::Union(union)) = self.api.schemas.get(name).map(|s| &s.kind) else {
            return false;
        };
        let pinned = |member: &str| {
            let Some(SchemaKind::Object(object)) = self.api.schemas.get(member).map(|s| &s.kind)
            else {
                return false;
            };
            object.fields.iter().any(|field| {
                field.wire_name == union.tag
                    && matches!(&field.ty, TypeRef::Named(tag) if matches!(
                        self.api.schemas.get(tag).map(|s| &s.kind),
                        Some(SchemaKind::Enum(values)) if values.values.len() == 1
                    ))
            })
        };
        !union.variants.iter().all(|variant| pinned(&variant.schema))
    }

    /// An expression of type `ty` that satisfies `constraints`; `depth` is
    /// the expression of the nesting of the objects it holds.
    fn value(
        &mut self,
        ty: &TypeRef,
        constraints: &Constraints,
        depth: &TokenStream,
    ) -> Result<TokenStream, Error> {
        Ok(match ty {
            TypeRef::Primitive(primitive) => primitive_value(*primitive, constraints),
            TypeRef::Named(name) => {
                let schema = self.schema(name)?;
                let ident = format_ident!("{}", schema.name);
                match &schema.kind {
                    SchemaKind::Object(_) => {
                        self.objects.insert(&schema.name);
                        let function = sample_function(&schema.name);
                        quote! { #function(#depth) }
                    }
                    SchemaKind::Enum(values) => match values.values.first() {
                        Some(first) => {
                            let variant = format_ident!("{}", first.variant);
                            quote! { models::#ident::#variant }
                        }
                        None => quote! { models::#ident::Unknown(String::from("sample")) },
                    },
                    SchemaKind::Union(union) => match union.variants.first() {
                        Some(first) => {
                            let variant = format_ident!("{}", first.variant);
                            let member = self.value(
                                &TypeRef::Named(first.schema.clone()),
                                &Constraints::default(),
                                depth,
                            )?;
                            quote! { models::#ident::#variant(Box::new(#member)) }
                        }
                        None => quote! { models::#ident::Unknown(serde_json::Value::Null) },
                    },
                    SchemaKind::OneOf(one_of) => match one_of.variants.first() {
                        Some(first) => {
                            let variant = format_ident!("{}", first.variant);
                            let member = self.value(&first.ty, &Constraints::default(), depth)?;
                            match boxed_member(self.api, &first.ty) {
                                true => quote! { models::#ident::#variant(Box::new(#member)) },
                                false => quote! { models::#ident::#variant(#member) },
                            }
                        }
                        None => quote! { models::#ident::Other(serde_json::Value::Null) },
                    },
                    SchemaKind::Alias(target) => self.value(target, constraints, depth)?,
                }
            }
            TypeRef::Nullable(inner) => {
                let inner = self.value(inner, constraints, depth)?;
                quote! { Some(#inner) }
            }
            TypeRef::Tuple(items) => {
                let mut members = Vec::new();
                for item in items {
                    members.push(self.value(item, &Constraints::default(), depth)?);
                }
                quote! { (#(#members,)*) }
            }
            TypeRef::Array(item) => {
                let nested_object = matches!(item.as_ref(), TypeRef::Named(name)
                    if matches!(self.schema(name)?.kind, SchemaKind::Object(_) | SchemaKind::Union(_)));
                let item = self.value(item, &Constraints::default(), depth)?;
                if nested_object {
                    quote! { if #depth < #MAX_DEPTH { vec![#item] } else { Vec::new() } }
                } else {
                    quote! { vec![#item] }
                }
            }
            // Whatever map type the models use.
            TypeRef::Map(_) => quote! { Default::default() },
            TypeRef::Any | TypeRef::Unstated => {
                quote! { serde_json::Value::Object(serde_json::Map::new()) }
            }
        })
    }

    /// `fn sample_<type>(depth: u32) -> models::<type>` for every object
    /// type a value used, and every object type those use.
    fn functions(&mut self) -> Result<Vec<TokenStream>, Error> {
        let mut done = BTreeSet::new();
        let mut functions = Vec::new();
        while let Some(name) = self.objects.iter().find(|n| !done.contains(*n)).copied() {
            done.insert(name);
            functions.push(self.function(name)?);
        }
        Ok(functions)
    }

    fn function(&mut self, name: &'a str) -> Result<TokenStream, Error> {
        let function = sample_function(name);
        let ident = format_ident!("{}", name);
        let object = match self.api.schemas.get(name).map(|s| &s.kind) {
            Some(SchemaKind::Object(object)) => object,
            _ => return Ok(TokenStream::new()),
        };
        let inner = quote! { depth + 1 };
        // The first set of fields the document requires one of, and files,
        // which are what a multipart body is for (one without parts is no
        // body at all).
        let mut set: Vec<&str> = object
            .required_alternatives
            .first()
            .map(|names| names.iter().map(String::as_str).collect())
            .unwrap_or_default();
        set.extend(
            object
                .fields
                .iter()
                .filter(|f| f.ty == TypeRef::Primitive(Primitive::Binary))
                .map(|f| f.wire_name.as_str()),
        );
        let mut fields = Vec::new();
        for field in &object.fields {
            let field_name = field_ident(field);
            let boxed = boxed_field(self.api, name, &field.ty);
            let sample = |samples: &mut Self| -> Result<TokenStream, Error> {
                let value = samples.value(&field.ty, &field.constraints, &inner)?;
                Ok(if boxed {
                    quote! { Box::new(#value) }
                } else {
                    value
                })
            };
            let value = match Wrapper::of(field) {
                Wrapper::Plain => sample(self)?,
                Wrapper::NullableRequired => {
                    // `null` past the depth limit, which ends recursive types.
                    let value = sample(self)?;
                    quote! { if depth < #MAX_DEPTH { Some(#value) } else { None } }
                }
                Wrapper::Optional if set.contains(&field.wire_name.as_str()) => {
                    let value = sample(self)?;
                    quote! { Some(#value) }
                }
                Wrapper::Tristate if set.contains(&field.wire_name.as_str()) => {
                    let value = sample(self)?;
                    quote! { Nullable::Value(#value) }
                }
                Wrapper::Optional => quote! { None },
                Wrapper::Tristate => quote! { Nullable::Absent },
            };
            fields.push(quote! { #field_name: #value });
        }
        if let Some(additional) = additional_field(object) {
            let additional = format_ident!("{}", additional);
            fields.push(quote! { #additional: Default::default() });
        }
        Ok(quote! {
            #[allow(unused_variables)]
            fn #function(depth: u32) -> models::#ident {
                models::#ident { #(#fields),* }
            }
        })
    }
}

fn sample_function(name: &str) -> syn::Ident {
    format_ident!("sample_{}", unraw(&to_snake(name)))
}

fn primitive_value(primitive: Primitive, constraints: &Constraints) -> TokenStream {
    match primitive {
        Primitive::String => {
            let text = sample_text("sample", constraints);
            match &constraints.pattern {
                // A string the pattern matches, made when the program runs.
                Some(pattern) => quote! { matching(#pattern, #text) },
                None => quote! { String::from(#text) },
            }
        }
        Primitive::Uri => quote! { String::from("https://example.com/sample") },
        Primitive::Email => quote! { String::from("user@example.com") },
        Primitive::Uuid => {
            quote! { uuid::Uuid::from_u128(0x3fa8_5f64_5717_4562_b3fc_2c96_3f66_afa6) }
        }
        Primitive::DateTime => {
            quote! { chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default() }
        }
        Primitive::Date => {
            quote! { chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap_or_default() }
        }
        Primitive::Binary => quote! { b"sample".to_vec() },
        Primitive::Ipv4 => quote! { std::net::Ipv4Addr::new(192, 0, 2, 1) },
        Primitive::Ipv6 => quote! { std::net::Ipv6Addr::LOCALHOST },
        Primitive::Ip => quote! { std::net::IpAddr::from([192, 0, 2, 1]) },
        Primitive::Base64 => quote! { b"sample".to_vec().into() },
        Primitive::Boolean => quote! { true },
        Primitive::Integer | Primitive::Int64 => {
            let value = integer_in(constraints);
            quote! { #value }
        }
        Primitive::Int32 => {
            let value = i32::try_from(integer_in(constraints)).unwrap_or(1);
            quote! { #value }
        }
        // The sample of a narrower integer, unsuffixed: its type comes from
        // where it goes.
        Primitive::Int8
        | Primitive::Int16
        | Primitive::UInt8
        | Primitive::UInt16
        | Primitive::UInt32
        | Primitive::UInt64 => {
            let value = proc_macro2::Literal::i64_unsuffixed(integer_in(constraints).clamp(0, 100));
            quote! { #value }
        }
        Primitive::Number | Primitive::Double => {
            let value = integer_in(constraints) as f64;
            quote! { #value }
        }
        Primitive::Float => {
            let value = integer_in(constraints) as f32;
            quote! { #value }
        }
    }
}

/// `base`, padded or cut to the length limits.
fn sample_text(base: &str, constraints: &Constraints) -> String {
    let mut text = base.to_string();
    let min = constraints.min_length.unwrap_or(0) as usize;
    while text.len() < min {
        text.push('x');
    }
    if let Some(max) = constraints.max_length {
        text.truncate(max as usize);
    }
    text
}

/// 1, moved into the limits when they exclude it.
fn integer_in(constraints: &Constraints) -> i64 {
    let bound = |bound: &Option<Bound>, step: i64| {
        bound.as_ref().and_then(|b| {
            let value = b.value.parse::<f64>().ok()?;
            let value = if step > 0 {
                value.ceil()
            } else {
                value.floor()
            } as i64;
            Some(if b.exclusive { value + step } else { value })
        })
    };
    let mut value = 1;
    if let Some(min) = bound(&constraints.minimum, 1) {
        value = value.max(min);
    }
    if let Some(max) = bound(&constraints.maximum, -1) {
        value = value.min(max);
    }
    value
}
