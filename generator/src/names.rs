//! The Rust names of everything the emitters write beyond the model's
//! types, fields and variants (which the front ends name through [`ident`]
//! as they read, unique within their scope): client methods and streams,
//! the tag modules and their features, the parameters structs and their
//! fields, path arguments and credential methods.
//!
//! They are settled here, once, before anything is emitted, and checked
//! against each other and against the names the generated code itself uses
//! (`Client`'s own methods, the arguments every method takes, the crate's
//! fixed modules and features). The emitters only read the result.

use std::collections::{BTreeMap, BTreeSet};

use crate::ident::{self, claim_unique, to_snake, to_upper_camel, unraw};
use crate::model::{Api, Operation, ParameterLocation};

/// Methods `Client` has besides the operations.
const CLIENT_METHODS: &[&str] = &[
    "attempt",
    "attempts",
    "base_url",
    "build",
    "builder",
    "call_bytes",
    "call_empty",
    "call_json",
    "call_json_if_any",
    "call_text",
    "clone",
    "exchange",
    "fmt",
    "new",
    "observe",
    "send",
    "send_following",
    "start",
    "with_bearer_token",
    "with_credential",
    "with_http_client",
];

/// Methods `ClientBuilder` and `Call` have besides the credential methods
/// (which both get).
const BUILDER_METHODS: &[&str] = &[
    "base_url",
    "bearer_token",
    "build",
    "credential",
    "default_header",
    "exact_base_url",
    "fmt",
    "from_parts",
    "header",
    "http_client",
    "into_parts",
    "items",
    "middleware",
    "new",
    "no_retries",
    "on_request",
    "on_response",
    "poll",
    "poll_answer",
    "request",
    "retry",
    "timeout",
    "user_agent",
    "with_metadata",
];

/// Names every operation method uses for its own arguments and locals: a
/// path argument never takes one (`page` is a stream's closure argument).
const METHOD_ARGUMENTS: &[&str] = &["body", "page", "params", "request"];

/// Module names the generated crate has besides the tags', and cargo
/// features it has besides theirs (`default`, and those a tag's snake-case
/// name could equal).
const FIXED_MODULES: &[&str] = &[
    "default",
    "middleware",
    "mod",
    "runtime",
    "shared",
    "tracing",
];

/// Methods a tag's handle has besides the operations.
const HANDLE_METHODS: &[&str] = &["clone", "clone_from", "fmt"];

/// The handle of a tag's operations: `client.core()` gives a `Core`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handle {
    /// The method of `Client` that gives it (`core`).
    pub accessor: String,
    /// Its type, in the crate's `operations` module (`Core`).
    pub type_name: String,
}

/// The names of one operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperationNames {
    /// The method (`users_list`): on its tag's handle, with the tag's
    /// prefix of the operation id dropped (`core_users_list`); on `Client`
    /// for an operation without a tag.
    pub method: String,
    /// The handle the method is on (`client.core()`), for a tagged
    /// operation.
    pub handle: Option<Handle>,
    /// The tag module, which is also the tag's cargo feature (`core`).
    pub module: String,
    /// The parameters struct (`CoreUsersListParams`), for an operation with
    /// query, header or cookie parameters.
    pub params: Option<String>,
    /// The argument of each path parameter, in the order of
    /// `Operation::parameters`.
    pub path_arguments: Vec<String>,
    /// The parameters struct's field for each query, header and cookie
    /// parameter, in the order of `Operation::parameters`.
    pub fields: Vec<String>,
}

impl OperationNames {
    /// The operation's method as a caller reaches it from a `Client`:
    /// `core().users_list`, or `get_pets` without a handle.
    pub fn reached(&self) -> String {
        match &self.handle {
            Some(handle) => format!("{}().{}", handle.accessor, self.method),
            None => self.method.clone(),
        }
    }

    /// The method as the docs name it: `Core::users_list`, or
    /// `Client::get_pets`.
    pub fn qualified(&self) -> String {
        match &self.handle {
            Some(handle) => format!("{}::{}", handle.type_name, self.method),
            None => format!("Client::{}", self.method),
        }
    }
}

/// Every name of an API the emitters write that the model does not hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    /// By operation id.
    operations: BTreeMap<String, OperationNames>,
    /// The builder method of each security scheme, by scheme name.
    schemes: BTreeMap<String, String>,
}

impl Names {
    /// Settles the names of `api`. Deterministic: operations are taken in
    /// the model's order (sorted by id), those already in snake case first,
    /// schemes by name.
    pub fn resolve(api: &Api) -> Names {
        let mut types: BTreeSet<String> = api.schemas.keys().cloned().collect();
        // Types the generated crate defines besides the API's.
        types.extend(["Client", "ClientBuilder", "ErrorBody"].map(str::to_string));
        // The methods of each receiver: `Client` (`None`) and each tag's
        // handle, by the tag's module.
        let mut methods: BTreeMap<Option<String>, BTreeSet<String>> = BTreeMap::new();
        let client_methods = methods.entry(None).or_default();
        client_methods.extend(CLIENT_METHODS.iter().map(|m| m.to_string()));
        let handles = handles(api, client_methods);
        let mut operations = BTreeMap::new();
        // An id that is its own snake-case name (`get_user`) keeps it; one
        // that only becomes it (`getUser`) gives way.
        let mut order: Vec<&Operation> = api.operations.iter().collect();
        order.sort_by_key(|op| to_snake(&op.id) != op.id);
        for op in order {
            let module = module_name(op);
            let handle = has_handle(op)
                .then(|| handles.get(&module))
                .flatten()
                .cloned();
            let full = to_snake(&op.id);
            let (wanted, reserved) = match &handle {
                // `core_users_list` on `client.core()`: `users_list`.
                Some(_) => (without_prefix(&full, &module), HANDLE_METHODS),
                None => (full.clone(), CLIENT_METHODS),
            };
            let method = match reserved.contains(&wanted.as_str()) {
                true => format!("{}_operation", unraw(&wanted)),
                false => wanted,
            };
            let receiver = handle.as_ref().map(|_| module.clone());
            let taken = methods
                .entry(receiver)
                .or_insert_with(|| HANDLE_METHODS.iter().map(|m| m.to_string()).collect());
            let method = claim_unique(method, taken);
            let fields = field_names(op);
            // Named after the whole id, so that types of two tags differ.
            let params = (!fields.is_empty()).then(|| {
                let wanted = format!("{}Params", to_upper_camel(unraw(&full)));
                claim_unique(wanted, &mut types)
            });
            operations.insert(
                op.id.clone(),
                OperationNames {
                    method,
                    handle,
                    module,
                    params,
                    path_arguments: path_argument_names(op),
                    fields,
                },
            );
        }
        let mut taken: BTreeSet<String> = BUILDER_METHODS.iter().map(|m| m.to_string()).collect();
        let schemes = api
            .security_schemes
            .keys()
            .map(|scheme| {
                let name = to_snake(scheme);
                let name = match taken.contains(&name) {
                    true => format!("{}_credential", unraw(&name)),
                    false => name,
                };
                (scheme.clone(), claim_unique(name, &mut taken))
            })
            .collect();
        Names {
            operations,
            schemes,
        }
    }

    /// The names of the operation `id`. Every operation of the API the
    /// names were resolved for has them; another id gets names made from
    /// it alone.
    pub fn operation(&self, op: &Operation) -> OperationNames {
        self.operations
            .get(&op.id)
            .cloned()
            .unwrap_or_else(|| OperationNames {
                method: to_snake(&op.id),
                handle: None,
                module: module_name(op),
                params: None,
                path_arguments: path_argument_names(op),
                fields: field_names(op),
            })
    }

    /// The names of every operation, by operation id.
    pub fn operations(&self) -> &BTreeMap<String, OperationNames> {
        &self.operations
    }

    /// The builder method for the security scheme `scheme`.
    pub fn scheme_method(&self, scheme: &str) -> String {
        self.schemes
            .get(scheme)
            .cloned()
            .unwrap_or_else(|| to_snake(scheme))
    }

    /// The tag modules, sorted; each is also a cargo feature.
    pub fn modules(&self) -> BTreeSet<&str> {
        self.operations
            .values()
            .map(|n| n.module.as_str())
            .collect()
    }
}

/// The module of an operation: its first tag, or where the input gives no
/// tags (documentation pages), the first segment of its path, which is what
/// authentik tags by. A module name is also a cargo feature and a file
/// name: no `r#`, and never a name the crate has already.
/// The package name of a generated crate, made from its API's title:
/// `Ory Hydra API` is `ory-hydra-client`, `Twilio - Accounts`
/// `twilio-accounts-client`. Words that only say it is an API (`API`,
/// `REST`, `OpenAPI`, `specification`, ...) are dropped from the end; the
/// result is a valid package name of at most 64 characters.
pub fn package_name(title: &str) -> String {
    const GENERIC: [&str; 9] = [
        "api",
        "apis",
        "rest",
        "openapi",
        "spec",
        "specification",
        "reference",
        "docs",
        "documentation",
    ];
    let ascii = deunicode::deunicode(title).to_ascii_lowercase();
    let mut words: Vec<&str> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    while words.last().is_some_and(|word| GENERIC.contains(word)) {
        words.pop();
    }
    if words.last() != Some(&"client") {
        words.push("client");
    }
    if words
        .first()
        .is_some_and(|word| word.starts_with(|c: char| c.is_ascii_digit()))
    {
        words.insert(0, "api");
    }
    let mut name = words.join("-");
    if name.len() > 64 {
        // Keep the `-client` end; cut the title's words.
        let head = &name[..64 - "-client".len()];
        name = format!("{}-client", head.trim_end_matches('-'));
    }
    name
}

/// The crate's own types beside the models: no handle or generic struct
/// takes their names.
pub const CRATE_TYPES: [&str; 4] = ["Client", "ClientBuilder", "ErrorBody", "Call"];

/// The handle of each tag that has operations, by its module: the
/// accessor a method of `Client` (claimed in `client_methods`), the type a
/// name of its own (`Core`; `CoreOperations` where a model type is
/// `Core`).
fn handles(api: &Api, client_methods: &mut BTreeSet<String>) -> BTreeMap<String, Handle> {
    let modules: BTreeSet<String> = api
        .operations
        .iter()
        .filter(|op| has_handle(op))
        .map(module_name)
        .collect();
    let mut types: BTreeSet<String> = api.schemas.keys().cloned().collect();
    types.extend(CRATE_TYPES.map(str::to_string));
    modules
        .into_iter()
        .map(|module| {
            // `default_` (a module named so beside the `default` feature)
            // is `client.default()`; a keyword stays escaped (`mod_`).
            let bare = module.trim_end_matches('_');
            let accessor = match to_snake(bare) {
                name if name.starts_with("r#") || bare.is_empty() => module.clone(),
                name => name,
            };
            let accessor = match CLIENT_METHODS.contains(&accessor.as_str()) {
                true => format!("{module}_operations"),
                false => accessor,
            };
            let accessor = claim_unique(accessor, client_methods);
            let camel = to_upper_camel(module.trim_end_matches('_'));
            let type_name = match types.contains(&camel) || ident::PRELUDE.contains(&camel.as_str())
            {
                true => format!("{camel}Operations"),
                false => camel,
            };
            let type_name = claim_unique(type_name, &mut types);
            (
                module,
                Handle {
                    accessor,
                    type_name,
                },
            )
        })
        .collect()
}

/// Whether `op` is a method of its tag's handle: it has a tag. An
/// operation without one is `Client`'s.
fn has_handle(op: &Operation) -> bool {
    !op.tags.is_empty()
}

/// `name` without the tag's prefix: `core_users_list` of `core` is
/// `users_list`; a name that is the prefix alone, or would start with a
/// digit, stays whole.
fn without_prefix(name: &str, module: &str) -> String {
    let prefix = format!("{}_", module.trim_end_matches('_'));
    match unraw(name).strip_prefix(&prefix) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_alphabetic()) => to_snake(rest),
        _ => name.to_string(),
    }
}

fn module_name(op: &Operation) -> String {
    let name = op
        .tags
        .first()
        .cloned()
        .or_else(|| op.path.first_segment().map(str::to_string));
    let Some(name) = name else {
        return "other".to_string();
    };
    let snake = to_snake(&name);
    let snake = match snake.strip_prefix("r#") {
        Some(keyword) => format!("{keyword}_"),
        None => snake,
    };
    match FIXED_MODULES.contains(&snake.as_str()) {
        true => format!("{snake}_"),
        false => snake,
    }
}

/// The parameters struct's fields of `op`: snake case, unique.
fn field_names(op: &Operation) -> Vec<String> {
    let mut names = ident::FieldNames::default();
    op.parameters
        .iter()
        .filter(|p| p.location != ParameterLocation::Path)
        .map(|p| names.claim(&p.name))
        .collect()
}

/// The path arguments of `op`: snake case, unique, and never a name the
/// method itself uses (`body` becomes `body_path`).
fn path_argument_names(op: &Operation) -> Vec<String> {
    let mut taken: BTreeSet<String> = METHOD_ARGUMENTS.iter().map(|m| m.to_string()).collect();
    op.parameters
        .iter()
        .filter(|p| p.location == ParameterLocation::Path)
        .map(|parameter| {
            let wanted = to_snake(&parameter.name);
            let wanted = match taken.contains(&wanted) {
                // `self_` (a keyword's escape) becomes `self_path`.
                true => format!("{}_path", unraw(&wanted).trim_end_matches('_')),
                false => wanted,
            };
            claim_unique(wanted, &mut taken)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// The methods the runtime gives `type_name` (inherent, in trait impls,
    /// and those of derived traits), read with `syn` from every file of
    /// `runtime/`, as the generated crate carries them.
    fn runtime_methods(type_name: &str) -> BTreeSet<String> {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/runtime");
        let mut methods = BTreeSet::new();
        let entries = std::fs::read_dir(folder).unwrap_or_else(|e| panic!("{folder}: {e}"));
        for entry in entries {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
            let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for item in &file.items {
                match item {
                    syn::Item::Impl(block) => {
                        let syn::Type::Path(self_type) = &*block.self_ty else {
                            continue;
                        };
                        let named = self_type
                            .path
                            .segments
                            .last()
                            .is_some_and(|segment| segment.ident == type_name);
                        if !named {
                            continue;
                        }
                        for inner in &block.items {
                            if let syn::ImplItem::Fn(method) = inner {
                                methods.insert(method.sig.ident.to_string());
                            }
                        }
                    }
                    syn::Item::Struct(declared) if declared.ident == type_name => {
                        for attribute in declared
                            .attrs
                            .iter()
                            .filter(|a| a.path().is_ident("derive"))
                        {
                            let derived = attribute
                                .meta
                                .require_list()
                                .map(|list| list.tokens.to_string());
                            let derived = derived.unwrap_or_default();
                            if derived.contains("Clone") {
                                methods.insert("clone".to_string());
                            }
                            if derived.contains("Debug") {
                                methods.insert("fmt".to_string());
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        assert!(!methods.is_empty(), "no methods of {type_name} in {folder}");
        methods
    }

    /// Every name of `runtime` is in the list `reserved` (named `list`),
    /// and every name of the list is one of `runtime` or of `emitted`.
    fn agree(list: &str, reserved: &[&str], runtime: &BTreeSet<String>, emitted: &[&str]) {
        let reserved: BTreeSet<String> = reserved.iter().map(|m| m.to_string()).collect();
        let unreserved: Vec<&String> = runtime.difference(&reserved).collect();
        assert!(
            unreserved.is_empty(),
            "runtime methods not in {list}: {unreserved:?}"
        );
        let stale: Vec<&String> = reserved
            .difference(runtime)
            .filter(|m| !emitted.contains(&m.as_str()))
            .collect();
        assert!(
            stale.is_empty(),
            "{list} names the runtime no longer has: {stale:?}"
        );
    }

    /// Every method the runtime gives `Client`, `ClientBuilder` and `Call`
    /// is reserved, so no operation or credential method takes its name;
    /// and every reserved name is one of theirs, or one the emitter writes
    /// itself, so the lists do not keep names the runtime dropped.
    #[test]
    fn the_reserved_method_names_are_the_runtime_s_own() {
        let client = runtime_methods("Client");
        // `with_bearer_token` is written by the emitter (operations/mod.rs).
        agree(
            "CLIENT_METHODS",
            CLIENT_METHODS,
            &client,
            &["with_bearer_token"],
        );
        let mut builder_and_call = runtime_methods("ClientBuilder");
        builder_and_call.extend(runtime_methods("Call"));
        // `bearer_token` is a credential method the emitter writes for an
        // API with one bearer scheme; `base_url` is `Client`'s, reached
        // from a builder's user through its client.
        agree(
            "BUILDER_METHODS",
            BUILDER_METHODS,
            &builder_and_call,
            &["bearer_token", "base_url"],
        );
    }

    #[test]
    fn a_package_name_is_made_from_the_title() {
        assert_eq!(package_name("Ory Hydra API"), "ory-hydra-client");
        assert_eq!(package_name("Twilio - Accounts"), "twilio-accounts-client");
        assert_eq!(package_name("OpenAI API"), "openai-client");
        assert_eq!(package_name("USPTO Data Set API"), "uspto-data-set-client");
        assert_eq!(package_name("authentik"), "authentik-client");
        assert_eq!(package_name("Petstore REST API"), "petstore-client");
        assert_eq!(package_name("Acme Client"), "acme-client");
        assert_eq!(package_name("Größe API"), "grosse-client");
        assert_eq!(package_name("3D Printer"), "api-3d-printer-client");
        assert_eq!(package_name("API"), "client");
        assert_eq!(package_name(""), "client");
        let long = package_name(&"word ".repeat(40));
        assert!(long.len() <= 64 && long.ends_with("-client"), "{long}");
    }

    use super::*;
    use crate::model::{Method, Parameter, PathSegment, PathTemplate, Security, TypeRef};

    fn parameter(location: ParameterLocation, name: &str) -> Parameter {
        Parameter {
            location,
            name: name.to_string(),
            ty: TypeRef::Primitive(crate::model::Primitive::String),
            required: true,
            description: None,
            constraints: Default::default(),
            default: None,
            explode: true,
            style: Default::default(),
        }
    }

    fn operation(id: &str, tag: &str, parameters: Vec<Parameter>) -> Operation {
        Operation {
            id: id.to_string(),
            id_stated: true,
            method: Method::Get,
            path: PathTemplate {
                segments: vec![PathSegment::Literal("/things".into())],
            },
            description: None,
            tags: vec![tag.to_string()],
            parameters,
            body: None,
            responses: Vec::new(),
            security: Security::Unstated,
            deprecated: false,
        }
    }

    #[test]
    fn path_arguments_keep_off_the_methods_own_names() {
        use ParameterLocation::*;
        let op = operation(
            "things_create",
            "things",
            vec![
                parameter(Path, "body"),
                parameter(Path, "params"),
                parameter(Path, "body_path"),
                parameter(Path, "self"),
                parameter(Path, "Self"),
                parameter(Query, "params"),
                parameter(Query, "Params"),
            ],
        );
        let api = Api {
            operations: vec![op.clone()],
            ..Api::default()
        };
        let names = Names::resolve(&api).operation(&op);
        assert_eq!(
            names.path_arguments,
            [
                "body_path",
                "params_path",
                "body_path_path",
                "self_",
                "self_path"
            ]
        );
        assert_eq!(names.fields, ["params", "params2"]);
        assert_eq!(names.params.as_deref(), Some("ThingsCreateParams"));
    }

    #[test]
    fn methods_streams_modules_and_types_do_not_collide() {
        let untagged = |id: &str| Operation {
            tags: Vec::new(),
            ..operation(id, "", Vec::new())
        };
        let mut api = Api {
            operations: vec![
                // On `Client`: its own `new` taken.
                untagged("new"),
                untagged("list"),
                untagged("list_stream"),
                // On handles: the tag's prefix dropped, names apart per tag.
                operation("new", "default", Vec::new()),
                operation("self_list", "self", Vec::new()),
                operation("shared_list", "Shared", Vec::new()),
                operation(
                    "things",
                    "Things",
                    vec![parameter(ParameterLocation::Query, "q")],
                ),
            ],
            ..Api::default()
        };
        api.operations[3].id = "default_new".into();
        for name in ["ThingsParams", "Shared"] {
            api.schemas.insert(
                name.into(),
                crate::model::Schema {
                    name: name.into(),
                    description: None,
                    kind: crate::model::SchemaKind::Alias(TypeRef::Any),
                },
            );
        }
        let names = Names::resolve(&api);
        let of = |id: &str| names.operations()[id].clone();
        assert_eq!(of("new").method, "new_operation");
        assert_eq!(of("new").handle, None);
        assert_eq!(of("list_stream").method, "list_stream");
        // `default_new` of tag `default`: `client.default().new()`.
        let default_new = of("default_new");
        assert_eq!(default_new.method, "new");
        assert_eq!(default_new.module, "default_");
        assert_eq!(default_new.reached(), "default().new");
        assert_eq!(default_new.qualified(), "DefaultOperations::new");
        assert_eq!(of("self_list").module, "self_");
        assert_eq!(of("self_list").method, "list");
        assert_eq!(of("shared_list").module, "shared_");
        assert_eq!(of("shared_list").reached(), "shared().list");
        // A handle's type gives way to a model type of its name.
        assert_eq!(of("shared_list").qualified(), "SharedOperations::list");
        assert_eq!(
            of("things").handle.map(|h| (h.accessor, h.type_name)),
            Some(("things".to_string(), "Things".to_string()))
        );
        assert_eq!(of("things").params.as_deref(), Some("ThingsParams2"));
    }
}
