//! Comparing a model read from pages with the model of the OpenAPI document
//! they were rendered from, on every fact the pages state (shared by
//! `cross_check.rs` and `page_render/`). Type names may differ: a page
//! cannot know them.

use apidocs2rs::model::{
    Api, Bound, Constraints, Nullability, ParameterLocation, Presence, Schema, SchemaKind, Status,
    TypeRef,
};
use serde_json::Value;

/// Compares what the page says with what the document says, collecting
/// each difference as `operation: where: what`.
pub struct Compare<'a> {
    pub page: &'a Api,
    pub spec: &'a Api,
    /// Each fact that differs, as `operation: where: what`.
    pub differences: Vec<String>,
    /// How many facts the page states (each compared once).
    pub stated: usize,
    /// Whether a page fact may be a less precise word for the document's:
    /// `string` for any string format, a number for any numeric type, an
    /// object for a union's first variant, a text with its blank lines
    /// gone. Used to check that a style's projection states nothing false.
    pub lenient: bool,
}

impl<'a> Compare<'a> {
    /// A strict comparison of `page` with `spec`.
    pub fn new(page: &'a Api, spec: &'a Api) -> Compare<'a> {
        Compare {
            page,
            spec,
            differences: Vec::new(),
            stated: 0,
            lenient: false,
        }
    }

    /// Whether two texts agree (in lenient mode, line by line with blank
    /// lines and surrounding spaces ignored).
    fn same_text(&self, page: &Option<String>, spec: &Option<String>) -> bool {
        if !self.lenient {
            return page == spec;
        }
        let lines = |text: &Option<String>| -> Vec<String> {
            text.iter()
                .flat_map(|t| t.lines())
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        };
        lines(page) == lines(spec)
    }

    /// In lenient mode, whether the page's primitive is a less precise word
    /// for the document's.
    fn generalizes(&self, page: &TypeRef, spec: &TypeRef) -> bool {
        use apidocs2rs::model::Primitive::*;
        let (TypeRef::Primitive(page), TypeRef::Primitive(spec)) = (page, spec) else {
            return false;
        };
        self.lenient
            && match page {
                String => matches!(spec, Uri | Binary),
                Number => matches!(spec, Integer | Int32 | Int64 | Float | Double),
                _ => false,
            }
    }
    fn differ(&mut self, at: &str, what: String) {
        self.differences.push(format!("{at}: {what}"));
    }

    /// Counts one fact the page states.
    fn fact(&mut self) {
        self.stated += 1;
    }

    fn schema<'s>(api: &'s Api, ty: &TypeRef) -> Option<&'s Schema> {
        match ty {
            TypeRef::Named(name) => api.schemas.get(name),
            _ => None,
        }
    }

    /// Types agree when both are the same primitive, arrays or maps of
    /// agreeing types, enums with the same values, or objects whose page
    /// fields all agree; an unstated page type agrees with anything.
    fn ty(&mut self, at: &str, page: &TypeRef, spec: &TypeRef) {
        // A document alias stands for its target.
        if let Some(SchemaKind::Alias(target)) = Self::schema(self.spec, spec).map(|s| &s.kind) {
            let target = target.clone();
            return self.ty(at, page, &target);
        }
        match (page, spec) {
            (TypeRef::Unstated, _) => {}
            // That it is an array (or a map) is a fact; then its items.
            (TypeRef::Array(page), TypeRef::Array(spec)) => {
                self.fact();
                self.ty(&format!("{at}[]"), page, spec)
            }
            (TypeRef::Map(page), TypeRef::Map(spec)) => {
                self.fact();
                self.ty(&format!("{at}{{}}"), page, spec)
            }
            // The page says only "an object" (no entries shown): a named
            // object type or union of objects of the document is one.
            (TypeRef::Map(page), TypeRef::Named(_))
                if **page == TypeRef::Unstated
                    && matches!(
                        Self::schema(self.spec, spec).map(|s| &s.kind),
                        Some(SchemaKind::Object(_) | SchemaKind::Union(_))
                    ) =>
            {
                self.fact()
            }
            (page, spec) if self.generalizes(page, spec) => self.fact(),
            (TypeRef::Named(_), TypeRef::Named(_)) => {
                // A page shows a union by its first variant.
                if let (true, Some(SchemaKind::Union(union))) =
                    (self.lenient, Self::schema(self.spec, spec).map(|s| &s.kind))
                {
                    if let Some(first) = union.variants.first() {
                        let first = TypeRef::Named(first.schema.clone());
                        return self.ty(at, page, &first);
                    }
                }
                match (
                    Self::schema(self.page, page).map(|s| &s.kind),
                    Self::schema(self.spec, spec).map(|s| &s.kind),
                ) {
                    (Some(SchemaKind::Enum(page)), Some(SchemaKind::Enum(spec))) => {
                        self.fact();
                        let page: Vec<&str> = page.values.iter().map(|v| v.wire.as_str()).collect();
                        let spec: Vec<&str> = spec.values.iter().map(|v| v.wire.as_str()).collect();
                        if page != spec {
                            self.differ(
                                at,
                                format!("enum values: page {page:?}, document {spec:?}"),
                            );
                        }
                    }
                    (Some(SchemaKind::Object(page)), Some(SchemaKind::Object(spec))) => {
                        let (page, spec) = (page.clone(), spec.clone());
                        for field in &page.fields {
                            let field_at = format!("{at}.{}", field.wire_name);
                            self.fact();
                            let Some(other) =
                                spec.fields.iter().find(|f| f.wire_name == field.wire_name)
                            else {
                                self.differ(&field_at, "the document has no such field".into());
                                continue;
                            };
                            self.ty(&field_at, &field.ty, &other.ty);
                            if field.presence != Presence::Unstated {
                                self.fact();
                            }
                            if field.nullability != Nullability::Unstated {
                                self.fact();
                            }
                            if field.description.is_some() {
                                self.fact();
                            }
                            if field.title.is_some() {
                                self.fact();
                            }
                            if field.presence != Presence::Unstated
                                && field.presence != other.presence
                            {
                                self.differ(
                                    &field_at,
                                    format!(
                                        "presence: page {:?}, document {:?}",
                                        field.presence, other.presence
                                    ),
                                );
                            }
                            if field.nullability != Nullability::Unstated
                                && field.nullability != other.nullability
                            {
                                self.differ(
                                    &field_at,
                                    format!(
                                        "nullability: page {:?}, document {:?}",
                                        field.nullability, other.nullability
                                    ),
                                );
                            }
                            if field.description.is_some()
                                && !self.same_text(&field.description, &other.description)
                            {
                                self.differ(
                                    &field_at,
                                    format!(
                                        "description: page {:?}, document {:?}",
                                        field.description, other.description
                                    ),
                                );
                            }
                            if field.title.is_some() && field.title != other.title {
                                self.differ(
                                    &field_at,
                                    format!(
                                        "title: page {:?}, document {:?}",
                                        field.title, other.title
                                    ),
                                );
                            }
                            self.constraints(&field_at, &field.constraints, &other.constraints);
                            self.default(&field_at, &field.default, &other.default);
                        }
                    }
                    (page, spec) => {
                        self.fact();
                        self.differ(at, format!("kind: page {page:?}, document {spec:?}"))
                    }
                }
            }
            (page, spec) if page == spec => self.fact(),
            (page, spec) => {
                self.fact();
                self.differ(at, format!("type: page {page:?}, document {spec:?}"))
            }
        }
    }

    /// Each limit or pattern the page states is a fact, and must be the document's.
    fn constraints(&mut self, at: &str, page: &Constraints, spec: &Constraints) {
        let parts = |c: &Constraints| {
            let count = |n: Option<u64>| n.map(|n| n.to_string());
            let bound = |b: &Option<Bound>| b.as_ref().map(|b| format!("{b:?}"));
            [
                ("minimum length", count(c.min_length)),
                ("maximum length", count(c.max_length)),
                ("minimum", bound(&c.minimum)),
                ("maximum", bound(&c.maximum)),
                ("pattern", c.pattern.clone()),
                ("minimum item count", count(c.min_items)),
                ("maximum item count", count(c.max_items)),
            ]
        };
        for ((what, page), (_, spec)) in parts(page).into_iter().zip(parts(spec)) {
            if page.is_none() {
                continue;
            }
            self.fact();
            if page != spec {
                self.differ(at, format!("{what}: page {page:?}, document {spec:?}"));
            }
        }
    }

    /// A default the page states is a fact, and must be the document's.
    fn default(&mut self, at: &str, page: &Option<Value>, spec: &Option<Value>) {
        if page.is_some() {
            self.fact();
            if page != spec {
                self.differ(at, format!("default: page {page:?}, document {spec:?}"));
            }
        }
    }

    pub fn operation(&mut self, id: &str) {
        let (Some(page), Some(spec)) = (
            self.page.operations.iter().find(|op| op.id == id),
            self.spec.operations.iter().find(|op| op.id == id),
        ) else {
            panic!("`{id}` should be in both");
        };
        let (page, spec) = (page.clone(), spec.clone());
        self.fact();
        self.fact();
        if (page.method, page.path.to_string()) != (spec.method, spec.path.to_string()) {
            self.differ(
                id,
                format!(
                    "request: page {} {}, document {} {}",
                    page.method.as_str(),
                    page.path,
                    spec.method.as_str(),
                    spec.path
                ),
            );
        }
        if !self.same_text(&page.description, &spec.description) {
            self.differ(
                id,
                format!(
                    "description: page {:?}, document {:?}",
                    page.description, spec.description
                ),
            );
        }
        for parameter in &page.parameters {
            let at = format!("{id}: parameter `{}`", parameter.name);
            self.fact();
            self.fact();
            if parameter.description.is_some() {
                self.fact();
            }
            let Some(other) = spec
                .parameters
                .iter()
                .find(|p| p.name == parameter.name && p.location == parameter.location)
            else {
                self.differ(&at, "not in the document".into());
                continue;
            };
            self.ty(&at, &parameter.ty, &other.ty);
            self.constraints(&at, &parameter.constraints, &other.constraints);
            self.default(&at, &parameter.default, &other.default);
            if parameter.required != other.required {
                self.differ(
                    &at,
                    format!(
                        "required: page {}, document {}",
                        parameter.required, other.required
                    ),
                );
            }
            if parameter.description.is_some()
                && !self.same_text(&parameter.description, &other.description)
            {
                self.differ(
                    &at,
                    format!(
                        "description: page {:?}, document {:?}",
                        parameter.description, other.description
                    ),
                );
            }
        }
        let path_parameters = |op: &apidocs2rs::model::Operation| {
            op.parameters
                .iter()
                .filter(|p| p.location == ParameterLocation::Path)
                .count()
        };
        if path_parameters(&page) != path_parameters(&spec) {
            self.differ(id, "a different number of path parameters".into());
        }
        match (&page.body, &spec.body) {
            (Some(body), Some(other)) => {
                self.ty(&format!("{id}: body"), &body.ty, &other.ty);
                if body.required != other.required {
                    self.differ(
                        id,
                        format!(
                            "body required: page {}, document {}",
                            body.required, other.required
                        ),
                    );
                }
            }
            (None, None) => {}
            (page, spec) => self.differ(
                id,
                format!("body: page {}, document {}", page.is_some(), spec.is_some()),
            ),
        }
        for response in &page.responses {
            let other = spec.responses.iter().find(|r| match response.status {
                Status::AnySuccess => r.status.is_success(),
                status => r.status == status,
            });
            let at = format!("{id}: response {:?}", response.status);
            match (response.body.as_ref(), other.and_then(|r| r.body.as_ref())) {
                (Some(body), Some(other)) => self.ty(&at, &body.ty, &other.ty),
                (None, None) => {}
                (page, spec) => self.differ(
                    &at,
                    format!("body: page {}, document {}", page.is_some(), spec.is_some()),
                ),
            }
        }
    }
}
