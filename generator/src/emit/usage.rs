//! Who uses each named type, and how: the facts that decide which module a
//! type lives in, which tag features compile it, and which serde traits it
//! needs.
//!
//! Operations are grouped by tag into modules (one cargo feature each). A type
//! used by the operations of one tag lives in that tag's module; a type used
//! by several lives in the shared module and compiles when any of their
//! features is on. A type that is only sent derives `Serialize`, one that is
//! only received derives `Deserialize`.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Api, SchemaKind, TypeRef};
use crate::names::Names;

/// What serde traits a type needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// The type (or one holding it) is sent in a request body.
    pub serialize: bool,
    /// The type (or one holding it) is received in a response body.
    pub deserialize: bool,
}

/// Where a type is used from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypeUse {
    /// The tag modules whose operations use the type, directly or through
    /// other types.
    pub modules: BTreeSet<String>,
    /// The runtime uses it (an error body type): it is always compiled.
    pub always: bool,
    pub needs: Needs,
}

impl TypeUse {
    /// The tag module the type belongs to alone, if exactly one uses it and
    /// nothing else does.
    pub fn home(&self) -> Option<&str> {
        match (self.always, self.modules.len()) {
            (false, 1) => self.modules.iter().next().map(String::as_str),
            _ => None,
        }
    }

    /// The features that compile the type; `None` when it is always compiled
    /// (used by the runtime, or by no operation at all).
    pub fn features(&self) -> Option<&BTreeSet<String>> {
        (!self.always && !self.modules.is_empty()).then_some(&self.modules)
    }

    /// The serde traits to implement. A type no operation uses gets both:
    /// nothing says which way it travels.
    pub fn needs(&self) -> Needs {
        if self.modules.is_empty() && !self.always {
            Needs {
                serialize: true,
                deserialize: true,
            }
        } else {
            self.needs
        }
    }
}

/// The uses of every named type of an API and the module of every operation.
#[derive(Clone, Debug, Default)]
pub struct Usage {
    /// By schema name; every schema of the API has an entry.
    pub types: BTreeMap<String, TypeUse>,
    /// The tag module of each operation, by operation id.
    pub operation_modules: BTreeMap<String, String>,
}

/// The named types some operation documents as an error body, sorted.
pub fn error_body_types(api: &Api) -> BTreeSet<String> {
    api.operations
        .iter()
        .flat_map(|op| &op.responses)
        .filter(|response| !response.status.is_answer())
        .filter_map(|response| match &response.body.as_ref()?.ty {
            TypeRef::Named(name) => Some(name.clone()),
            _ => None,
        })
        .collect()
}

impl Usage {
    /// The uses of the types of `api`; the error body types are used by the
    /// runtime too (its `ErrorBody`).
    pub fn of(api: &Api, names: &Names) -> Usage {
        let error_types = error_body_types(api);
        let mut usage = Usage {
            types: api
                .schemas
                .keys()
                .map(|name| (name.clone(), TypeUse::default()))
                .collect(),
            operation_modules: BTreeMap::new(),
        };
        for op in &api.operations {
            let module = names.operation(op).module;
            let mut walk = Walk {
                api,
                usage: &mut usage,
                module: Some(&module),
            };
            for parameter in &op.parameters {
                // Objects and unions go into the query as they serialize.
                let needs = match serialized(api, &parameter.ty) {
                    true => SEND,
                    false => Needs::default(),
                };
                walk.mark(&parameter.ty, needs);
            }
            if let Some(body) = &op.body {
                walk.mark(&body.ty, SEND);
            }
            for body in op.responses.iter().filter_map(|r| r.body.as_ref()) {
                walk.mark(&body.ty, RECEIVE);
            }
            usage.operation_modules.insert(op.id.clone(), module);
        }
        for name in &error_types {
            Walk {
                api,
                usage: &mut usage,
                module: None,
            }
            .mark(&TypeRef::Named(name.clone()), RECEIVE);
        }
        // A type no operation uses is always compiled, with both serde
        // traits: so must be the types its fields hold.
        let unused: Vec<String> = usage
            .types
            .iter()
            .filter(|(_, used)| used.modules.is_empty() && !used.always)
            .map(|(name, _)| name.clone())
            .collect();
        for name in unused {
            Walk {
                api,
                usage: &mut usage,
                module: None,
            }
            .mark(&TypeRef::Named(name), SEND_AND_RECEIVE);
        }
        usage
    }

    /// The tag modules, sorted.
    pub fn modules(&self) -> BTreeSet<&str> {
        self.operation_modules
            .values()
            .map(String::as_str)
            .collect()
    }

    /// The tag module of the operation `id`.
    pub fn operation_module(&self, id: &str) -> &str {
        self.operation_modules
            .get(id)
            .map_or("other", String::as_str)
    }

    /// Records the generic struct `name` of a family (see `families.rs`):
    /// it is used wherever one of its `members` is.
    pub fn add_family<'m>(&mut self, name: &str, members: impl Iterator<Item = &'m String>) {
        let mut used = TypeUse::default();
        for member in members {
            let member = self.of_type(member);
            used.modules.extend(member.modules);
            used.always |= member.always;
            used.needs.serialize |= member.needs.serialize;
            used.needs.deserialize |= member.needs.deserialize;
        }
        self.types.insert(name.to_string(), used);
    }

    pub fn of_type(&self, name: &str) -> TypeUse {
        self.types.get(name).cloned().unwrap_or_default()
    }
}

const SEND: Needs = Needs {
    serialize: true,
    deserialize: false,
};

const RECEIVE: Needs = Needs {
    serialize: false,
    deserialize: true,
};

const SEND_AND_RECEIVE: Needs = Needs {
    serialize: true,
    deserialize: true,
};

/// Whether a parameter of type `ty` is written through `Serialize` (an
/// object, a map or a union), not `Display`.
fn serialized(api: &Api, ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Named(name) => match api.schemas.get(name).map(|s| &s.kind) {
            Some(SchemaKind::Enum(_)) | None => false,
            Some(SchemaKind::Alias(target)) => serialized(api, target),
            Some(_) => true,
        },
        TypeRef::Array(item) | TypeRef::Nullable(item) => serialized(api, item),
        TypeRef::Map(_) | TypeRef::Tuple(_) => true,
        TypeRef::Primitive(_) | TypeRef::Any | TypeRef::Unstated => false,
    }
}

/// One walk from an operation (or the runtime, `module: None`) through the
/// types it reaches.
struct Walk<'a> {
    api: &'a Api,
    usage: &'a mut Usage,
    module: Option<&'a str>,
}

impl Walk<'_> {
    fn mark(&mut self, ty: &TypeRef, needs: Needs) {
        match ty {
            TypeRef::Named(name) => self.mark_named(name, needs),
            other => {
                for contained in other.contained() {
                    self.mark(contained, needs);
                }
            }
        }
    }

    fn mark_named(&mut self, name: &str, needs: Needs) {
        let Some(entry) = self.usage.types.get_mut(name) else {
            return;
        };
        let before = entry.clone();
        match self.module {
            Some(module) => {
                entry.modules.insert(module.to_string());
            }
            None => entry.always = true,
        }
        entry.needs.serialize |= needs.serialize;
        entry.needs.deserialize |= needs.deserialize;
        if *entry == before {
            // Already seen from here with these needs: stop (types may be recursive).
            return;
        }
        let api = self.api;
        let Some(schema) = api.schemas.get(name) else {
            return;
        };
        for held in schema.kind.held() {
            self.mark(&held, needs);
        }
    }
}
