//! The runtime a generated crate carries: fixed files, shipped as they are
//! written in `generator/runtime/`, only those the API uses; and its
//! `mod.rs`, which declares them and names what the rest of the crate uses.

use super::uses::Uses;
use crate::model::{Api, EnumWire, ParameterLocation, SchemaKind};

/// One file of the runtime.
pub struct RuntimeFile {
    /// The module name (`client`), and so the file name.
    pub module: &'static str,
    pub source: &'static str,
    /// The public names it gives the crate root (through `runtime`).
    public: &'static [&'static str],
    /// How the rest of the crate reaches its crate-internal items.
    reach: Reach,
}

impl RuntimeFile {
    /// What declares the module: `mod`, or `pub(crate) mod` for a module
    /// the macros name by path.
    pub fn keyword(&self) -> &'static str {
        match self.reach {
            Reach::Path => "pub(crate) mod",
            Reach::Public | Reach::Items => "mod",
        }
    }

    /// The line of `runtime/mod.rs` that declares the module as a file.
    pub fn declaration(&self) -> String {
        format!("{} {};", self.keyword(), self.module)
    }
}

/// How the rest of a crate reaches a runtime file's crate-internal items.
#[derive(PartialEq)]
enum Reach {
    /// It does not: only the file's public names, if any.
    Public,
    /// By name, re-exported from `runtime` (`runtime::object!`).
    Items,
    /// By the module's path (`runtime::read::rfc3339`), which the macros
    /// choose per field.
    Path,
}

const ALWAYS: &[RuntimeFile] = &[
    RuntimeFile {
        module: "call",
        source: include_str!("../../runtime/call.rs"),
        public: &["Call", "Response", "WithMetadata"],
        reach: Reach::Public,
    },
    RuntimeFile {
        module: "hooks",
        source: include_str!("../../runtime/hooks.rs"),
        public: &["Outcome", "RequestInfo", "ResponseInfo"],
        reach: Reach::Public,
    },
    RuntimeFile {
        module: "retry",
        source: include_str!("../../runtime/retry.rs"),
        public: &["Method", "RetryPolicy"],
        reach: Reach::Public,
    },
    RuntimeFile {
        module: "send",
        source: include_str!("../../runtime/send.rs"),
        public: &[],
        reach: Reach::Public,
    },
    RuntimeFile {
        module: "client",
        source: include_str!("../../runtime/client.rs"),
        public: &["Client", "ClientBuilder"],
        reach: Reach::Public,
    },
    RuntimeFile {
        module: "error",
        source: include_str!("../../runtime/error.rs"),
        public: &["Error", "Headers", "Result"],
        reach: Reach::Items,
    },
    RuntimeFile {
        module: "nullable",
        source: include_str!("../../runtime/nullable.rs"),
        public: &["Nullable"],
        reach: Reach::Public,
    },
];

const REQUEST: RuntimeFile = RuntimeFile {
    module: "request",
    source: include_str!("../../runtime/request.rs"),
    public: &[],
    reach: Reach::Items,
};
/// For an API without operations, where only the client refers to requests.
const REQUEST_UNCALLED: RuntimeFile = RuntimeFile {
    reach: Reach::Public,
    ..REQUEST
};
const CREDENTIALS: RuntimeFile = RuntimeFile {
    module: "credentials",
    source: include_str!("../../runtime/credentials.rs"),
    public: &[],
    reach: Reach::Items,
};
/// For an API without security schemes, where only the client refers to credentials.
const CREDENTIALS_UNCALLED: RuntimeFile = RuntimeFile {
    reach: Reach::Public,
    ..CREDENTIALS
};

const OBJECT: RuntimeFile = RuntimeFile {
    module: "object",
    source: include_str!("../../runtime/object.rs"),
    public: &[],
    reach: Reach::Items,
};
const STRING_ENUM: RuntimeFile = RuntimeFile {
    module: "string_enum",
    source: include_str!("../../runtime/string_enum.rs"),
    public: &[],
    reach: Reach::Items,
};
const VALUE_ENUM: RuntimeFile = RuntimeFile {
    module: "value_enum",
    source: include_str!("../../runtime/value_enum.rs"),
    public: &[],
    reach: Reach::Items,
};
const PATH_STYLE: RuntimeFile = RuntimeFile {
    module: "path_style",
    source: include_str!("../../runtime/path_style.rs"),
    public: &[],
    reach: Reach::Items,
};
const TAGGED_UNION: RuntimeFile = RuntimeFile {
    module: "tagged_union",
    source: include_str!("../../runtime/tagged_union.rs"),
    public: &[],
    reach: Reach::Items,
};
const ONE_OF: RuntimeFile = RuntimeFile {
    module: "one_of",
    source: include_str!("../../runtime/one_of.rs"),
    public: &[],
    reach: Reach::Items,
};
const PAGINATION: RuntimeFile = RuntimeFile {
    module: "pagination",
    source: include_str!("../../runtime/pagination.rs"),
    public: &["Page"],
    reach: Reach::Items,
};
const PARAMS: RuntimeFile = RuntimeFile {
    module: "params",
    source: include_str!("../../runtime/params.rs"),
    public: &[],
    reach: Reach::Items,
};
const BASE64: RuntimeFile = RuntimeFile {
    module: "base64",
    source: include_str!("../../runtime/base64.rs"),
    public: &["Base64"],
    reach: Reach::Public,
};
const READ: RuntimeFile = RuntimeFile {
    module: "read",
    source: include_str!("../../runtime/read.rs"),
    public: &[],
    reach: Reach::Path,
};
const FORM: RuntimeFile = RuntimeFile {
    module: "form",
    source: include_str!("../../runtime/form.rs"),
    public: &[],
    reach: Reach::Items,
};

/// The runtime files `api` uses, by module name; `uses` is what the emitted
/// code was found to need.
pub fn files(api: &Api, uses: Uses) -> Vec<&'static RuntimeFile> {
    let kinds = |wanted: fn(&SchemaKind) -> bool| api.schemas.values().any(|s| wanted(&s.kind));
    let mut files: Vec<&'static RuntimeFile> = ALWAYS.iter().collect();
    files.push(if api.operations.is_empty() {
        &REQUEST_UNCALLED
    } else {
        &REQUEST
    });
    files.push(if api.security_schemes.is_empty() {
        &CREDENTIALS_UNCALLED
    } else {
        &CREDENTIALS
    });
    if kinds(|kind| matches!(kind, SchemaKind::Object(_))) {
        files.push(&OBJECT);
        // Date-time fields are read by `read::rfc3339`.
        if uses.chrono {
            files.push(&READ);
        }
    }
    if kinds(|kind| matches!(kind, SchemaKind::Enum(e) if e.wire == EnumWire::Strings)) {
        files.push(&STRING_ENUM);
    }
    if kinds(|kind| matches!(kind, SchemaKind::Enum(e) if e.wire != EnumWire::Strings)) {
        files.push(&VALUE_ENUM);
    }
    if kinds(|kind| matches!(kind, SchemaKind::Union(_))) {
        files.push(&TAGGED_UNION);
    }
    if kinds(|kind| matches!(kind, SchemaKind::OneOf(_))) {
        files.push(&ONE_OF);
    }
    if api
        .operations
        .iter()
        .any(|op| super::pagination::paged_item(api, op).is_some())
    {
        files.push(&PAGINATION);
    }
    // Styled path values write objects and other values with the
    // parameters' helpers.
    if uses.path_styles
        || api.operations.iter().any(|op| {
            op.parameters
                .iter()
                .any(|p| p.location != ParameterLocation::Path)
        })
    {
        files.push(&PARAMS);
    }
    if uses.path_styles {
        files.push(&PATH_STYLE);
    }
    if api.operations.iter().any(|op| {
        op.body
            .as_ref()
            .is_some_and(|body| body.content_type == "multipart/form-data")
    }) {
        files.push(&FORM);
    }
    if uses.base64 {
        files.push(&BASE64);
    }
    files.sort_by_key(|file| file.module);
    files
}

/// The lines of `runtime/mod.rs` after its doc: the lint levels, the
/// modules, and the names they give the crate.
///
/// `tags` are the tag features of a gated crate: with some of them off, the
/// helpers only their operations use go unused, which is expected.
pub fn module_lines(files: &[&RuntimeFile], tags: &[String], server_path: &str) -> Vec<String> {
    let mut lines =
        super::features::partial_tags_allowance(tags, "dead_code, unused_imports, unused_macros");
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.extend(files.iter().map(|file| file.declaration()));
    lines.push(String::new());
    for file in files.iter().filter(|file| !file.public.is_empty()) {
        lines.push(match file.public {
            [one] => format!("pub use {}::{one};", file.module),
            many => format!("pub use {}::{{{}}};", file.module, many.join(", ")),
        });
    }
    lines.extend([
        String::new(),
        "/// The path of the API root on its server, which `Client::new` appends to".to_string(),
        "/// a base URL that does not end with it (empty: the base URL is the root).".to_string(),
        format!(
            "const SERVER_PATH: &str = {};",
            super::source::string_literal(server_path)
        ),
        String::new(),
    ]);
    // What the generated modules and the macros' expansions call.
    lines.extend(
        files
            .iter()
            .filter(|file| file.reach == Reach::Items)
            .map(|file| format!("pub(crate) use {}::*;", file.module)),
    );
    lines
}

/// The names the crate root re-exports from the runtime `files`.
pub fn public_names<'a>(files: &'a [&RuntimeFile]) -> impl Iterator<Item = &'static str> + 'a {
    files.iter().flat_map(|file| file.public.iter().copied())
}

/// The test helpers of a crate (not of a single file), behind the cargo
/// feature [`TEST_UTIL_FEATURE`].
pub const TEST_UTIL: RuntimeFile = RuntimeFile {
    module: "test_util",
    source: include_str!("../../runtime/test_util.rs"),
    public: &["MockServer"],
    reach: Reach::Public,
};
pub const TEST_UTIL_FEATURE: &str = "test-util";

/// The lines of a crate's `runtime/mod.rs` and of its root that declare
/// the test helpers, behind their feature.
pub fn test_util_lines() -> (Vec<String>, Vec<String>) {
    let cfg = format!("#[cfg(feature = \"{TEST_UTIL_FEATURE}\")]");
    let doc_cfg = format!("#[cfg_attr(docsrs, doc(cfg(feature = \"{TEST_UTIL_FEATURE}\")))]");
    let names = TEST_UTIL.public.join(", ");
    (
        vec![
            cfg.clone(),
            format!("mod {};", TEST_UTIL.module),
            cfg.clone(),
            format!("pub use {}::{names};", TEST_UTIL.module),
        ],
        vec![cfg, doc_cfg, format!("pub use runtime::{names};")],
    )
}

/// The cargo features of a generated crate that runtime files test with
/// `#[cfg(feature = ...)]`, besides the tags and `round-trip`.
pub const OPTIONAL_FEATURES: &[&str] = &["tracing", "middleware"];

/// `source` for a single file, which is compiled in a crate that declares
/// none of [`OPTIONAL_FEATURES`]: each `feature = "..."` test of one is
/// `any()`, which never holds, so the file needs nothing it cannot have.
pub fn without_optional_features(source: &str) -> String {
    OPTIONAL_FEATURES
        .iter()
        .fold(source.to_string(), |source, feature| {
            source.replace(&format!("feature = \"{feature}\""), "any()")
        })
}
