//! What a copy style carries: the document's model reduced to the facts a
//! page of that style shows, in the words the page has for them (`object`
//! for an object whose fields it does not show, a number for a sample `0`).
//! The round trip compares the parser's model with this one; a separate
//! test checks that it states nothing the document does not.

use std::collections::{BTreeMap, BTreeSet};

use super::flat::{self, is_object_like, shown, shown_object, shown_object_name, Place};
use super::lookup::{enum_wires, object_of, resolved};
use apidocs2rs::model::{
    Api, Constraints, EnumSchema, EnumValue, EnumWire, Field, Nullability, ObjectSchema, Operation,
    Parameter, ParameterLocation, Presence, Primitive, RequestBody, Response, ResponseBody, Schema,
    SchemaKind, Status, TypeRef,
};

#[derive(Clone, Copy, Debug)]
pub enum Style {
    Indented,
    Flat,
}

/// The model of what pages of `style` show of `api`'s operations.
pub fn carried(api: &Api, style: Style) -> Api {
    let mut projection = Projection {
        api,
        schemas: BTreeMap::new(),
    };
    let operations = api
        .operations
        .iter()
        .map(|op| match style {
            Style::Indented => projection.indented_operation(op),
            Style::Flat => projection.flat_operation(op),
        })
        .collect();
    Api {
        // Pages do not show what the API is called.
        info: Default::default(),
        base_path: api.base_path.clone(),
        // Pages show paths, not servers.
        server_url: None,
        operations,
        schemas: projection.schemas,
        security_schemes: api.security_schemes.clone(),
        // What pages carry is a part of the API.
        partial: true,
    }
}

struct Projection<'a> {
    api: &'a Api,
    schemas: BTreeMap<String, Schema>,
}

impl Projection<'_> {
    fn register(&mut self, name: String, kind: SchemaKind) -> TypeRef {
        self.schemas.insert(
            name.clone(),
            Schema {
                name: name.clone(),
                description: None,
                kind,
            },
        );
        TypeRef::Named(name)
    }

    fn enum_copy(&mut self, name: String, values: &[&str]) -> TypeRef {
        let values = values
            .iter()
            .map(|wire| EnumValue {
                wire: wire.to_string(),
                variant: wire.to_string(),
            })
            .collect();
        self.register(
            name,
            SchemaKind::Enum(EnumSchema {
                values,
                wire: EnumWire::Strings,
                open: false,
            }),
        )
    }

    // ----- indented style -----

    fn indented_operation(&mut self, op: &Operation) -> Operation {
        let parameters = op
            .parameters
            .iter()
            .map(|p| Parameter {
                ty: self.indented_type(&format!("{}/{}", op.id, p.name), &p.ty),
                constraints: shown_constraints(self.api, &p.ty, &p.constraints),
                ..p.clone()
            })
            .collect();
        let body = op.body.as_ref().map(|body| RequestBody {
            ty: self.indented_top(&format!("{}/body", op.id), &body.ty),
            ..body.clone()
        });
        // One schema, the first success response's, without its status.
        let responses = op
            .responses
            .iter()
            .find(|r| r.status.is_success() && r.body.is_some())
            .and_then(|r| r.body.as_ref())
            .map(|body| Response {
                status: Status::AnySuccess,
                description: None,
                body: Some(ResponseBody {
                    content_type: body.content_type.clone(),
                    ty: self.indented_top(&format!("{}/response", op.id), &body.ty),
                }),
            })
            .into_iter()
            .collect();
        Operation {
            parameters,
            body,
            responses,
            ..op.clone()
        }
    }

    /// A body's type: its object's fields, or an array's item's.
    fn indented_top(&mut self, at: &str, ty: &TypeRef) -> TypeRef {
        let ty = resolved(self.api, ty);
        match &ty {
            TypeRef::Array(item) if object_of(self.api, item).is_some() => {
                TypeRef::Array(Box::new(self.indented_top(at, item)))
            }
            _ => match object_of(self.api, &ty) {
                Some(object) => self.indented_object(at, object),
                None => TypeRef::Unstated,
            },
        }
    }

    fn indented_object(&mut self, at: &str, object: &ObjectSchema) -> TypeRef {
        let fields = object
            .fields
            .iter()
            .map(|field| {
                let ty = self.indented_type(&format!("{at}.{}", field.wire_name), &field.ty);
                Field {
                    ty,
                    // An array's title is not shown.
                    title: match resolved(self.api, &field.ty) {
                        TypeRef::Array(_) => None,
                        _ => field.title.clone(),
                    },
                    constraints: shown_constraints(self.api, &field.ty, &field.constraints),
                    ..field.clone()
                }
            })
            .collect();
        self.register(
            at.to_string(),
            SchemaKind::Object(ObjectSchema {
                fields,
                additional: object.additional.clone(),
                required_alternatives: Vec::new(),
            }),
        )
    }

    /// A field's or parameter's type as its label and qualifiers give it:
    /// an object or map is `object`, an array of objects shows its items.
    fn indented_type(&mut self, at: &str, ty: &TypeRef) -> TypeRef {
        match resolved(self.api, ty) {
            TypeRef::Array(item) => match object_of(self.api, &item) {
                Some(object) => TypeRef::Array(Box::new(self.indented_object(at, object))),
                None => TypeRef::Array(Box::new(self.indented_type(at, &item))),
            },
            TypeRef::Named(name) => match enum_wires(self.api, &TypeRef::Named(name)) {
                Some(values) => self.enum_copy(at.to_string(), &values),
                None => TypeRef::Map(Box::new(TypeRef::Unstated)),
            },
            TypeRef::Map(_) => TypeRef::Map(Box::new(TypeRef::Unstated)),
            other => other,
        }
    }

    // ----- flat style -----

    fn flat_operation(&mut self, op: &Operation) -> Operation {
        let path_parameters: Vec<&Parameter> = op
            .parameters
            .iter()
            .filter(|p| p.location == ParameterLocation::Path)
            .collect();
        // Names come from the path; a description only when there is one parameter.
        let only = path_parameters.len() == 1;
        let parameters = path_parameters
            .into_iter()
            .map(|p| Parameter {
                ty: TypeRef::Unstated,
                required: true,
                description: if only {
                    lines(p.description.as_deref())
                } else {
                    None
                },
                constraints: Constraints::default(),
                default: None,
                ..p.clone()
            })
            .collect();
        let body = op.body.as_ref().map(|body| RequestBody {
            ty: match object_of(self.api, &resolved(self.api, &body.ty)) {
                Some(object) => self.flat_anchors(&format!("{}/body", op.id), object),
                None => TypeRef::Unstated,
            },
            ..body.clone()
        });
        let responses = op
            .responses
            .iter()
            .map(|response| Response {
                description: None,
                body: response.body.as_ref().map(|body| ResponseBody {
                    content_type: body.content_type.clone(),
                    ty: self.flat_top(&format!("{}/{:?}", op.id, response.status), &body.ty),
                }),
                ..response.clone()
            })
            .collect();
        Operation {
            description: lines(op.description.as_deref()),
            parameters,
            body,
            responses,
            ..op.clone()
        }
    }

    /// A request body has no example: the page names its object fields, but
    /// only the first is surely the body's (a later one may be nested in
    /// it). With none, nothing is known of the body.
    fn flat_anchors(&mut self, at: &str, object: &ObjectSchema) -> TypeRef {
        let Some(field) = object
            .fields
            .iter()
            .find(|f| shown(f, Place::Request) && is_object_like(self.api, &f.ty))
        else {
            return TypeRef::Unstated;
        };
        let field = Field {
            ty: match resolved(self.api, &field.ty) {
                TypeRef::Array(_) => TypeRef::Array(Box::new(unstated_object())),
                _ => unstated_object(),
            },
            ..anchor(field)
        };
        self.register(
            at.to_string(),
            SchemaKind::Object(ObjectSchema {
                fields: vec![field],
                additional: Some(TypeRef::Any),
                required_alternatives: Vec::new(),
            }),
        )
    }

    /// A response body as its example shows it: objects (and arrays of
    /// them) in full, nothing of a body whose example is not JSON structure.
    fn flat_top(&mut self, at: &str, ty: &TypeRef) -> TypeRef {
        let sample = flat::sample(self.api, ty, Place::Response, &mut BTreeSet::new());
        if sample.is_object() || sample.is_array() {
            self.flat_type(at, ty, &mut BTreeSet::new())
        } else {
            TypeRef::Unstated
        }
    }

    /// The type a sample stands for; an object's fields, with flags only for
    /// the object fields the page names.
    fn flat_type(&mut self, at: &str, ty: &TypeRef, stack: &mut BTreeSet<String>) -> TypeRef {
        match resolved(self.api, ty) {
            TypeRef::Primitive(primitive) => TypeRef::Primitive(match primitive {
                Primitive::String
                | Primitive::Uri
                | Primitive::Binary
                | Primitive::Base64
                | Primitive::Ipv4
                | Primitive::Ipv6
                | Primitive::Ip => Primitive::String,
                numeric if numeric.is_numeric() => Primitive::Number,
                other => other,
            }),
            TypeRef::Array(item) => TypeRef::Array(Box::new(self.flat_type(at, &item, stack))),
            // No authentik document has a tuple; a page would show a list.
            TypeRef::Tuple(_) => TypeRef::Array(Box::new(TypeRef::Unstated)),
            // A page shows the value's own type.
            TypeRef::Nullable(inner) => self.flat_type(at, &inner, stack),
            TypeRef::Map(_) => unstated_object(),
            TypeRef::Any | TypeRef::Unstated => TypeRef::Unstated,
            ty @ TypeRef::Named(_) => {
                if let Some(values) = enum_wires(self.api, &ty) {
                    return self.enum_copy(at.to_string(), &values);
                }
                let (Some(name), Some(object)) = (
                    shown_object_name(self.api, &ty),
                    shown_object(self.api, &ty),
                ) else {
                    return TypeRef::Unstated;
                };
                let shown_fields: Vec<&Field> = object
                    .fields
                    .iter()
                    .filter(|f| shown(f, Place::Response))
                    .collect();
                if shown_fields.is_empty() || !stack.insert(name.clone()) {
                    return unstated_object();
                }
                let fields = shown_fields
                    .into_iter()
                    .map(|field| {
                        let ty =
                            self.flat_type(&format!("{at}.{}", field.wire_name), &field.ty, stack);
                        if is_object_like(self.api, &field.ty) {
                            Field {
                                ty,
                                ..anchor(field)
                            }
                        } else {
                            Field {
                                ty,
                                presence: Presence::Unstated,
                                nullability: Nullability::Unstated,
                                ..anchor(field)
                            }
                        }
                    })
                    .collect();
                stack.remove(&name);
                self.register(
                    at.to_string(),
                    SchemaKind::Object(ObjectSchema {
                        fields,
                        additional: None,
                        required_alternatives: Vec::new(),
                    }),
                )
            }
        }
    }
}

/// An object field as the flat style names it: name and flags only.
fn anchor(field: &Field) -> Field {
    Field {
        title: None,
        description: None,
        constraints: Constraints::default(),
        default: None,
        ..field.clone()
    }
}

/// "An object" whose entries the page does not show.
fn unstated_object() -> TypeRef {
    TypeRef::Map(Box::new(TypeRef::Unstated))
}

/// The constraints a `Possible values:` line shows: an array's item counts
/// (its items' constraints are not in the model), otherwise the length and
/// value limits and the pattern; a zero count is not shown.
fn shown_constraints(api: &Api, ty: &TypeRef, constraints: &Constraints) -> Constraints {
    let count = |n: Option<u64>| n.filter(|&n| n > 0);
    match resolved(api, ty) {
        TypeRef::Array(_) => Constraints {
            min_items: count(constraints.min_items),
            max_items: count(constraints.max_items),
            ..Constraints::default()
        },
        _ => Constraints {
            min_length: count(constraints.min_length),
            max_length: count(constraints.max_length),
            min_items: None,
            max_items: None,
            ..constraints.clone()
        },
    }
}

/// A text as the flat style keeps it: its non-blank lines, trimmed.
fn lines(text: Option<&str>) -> Option<String> {
    let kept: Vec<&str> = text?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    (!kept.is_empty()).then(|| kept.join("\n"))
}
