//! What the renderers and the projection look up in a model: types, and
//! an operation's path as pages write it.

use apidocs2rs::model::{
    Api, ObjectSchema, Operation, Parameter, ParameterLocation, PathSegment, SchemaKind, TypeRef,
};

/// `/providers/proxy/:id/`: the path with `:name` for each parameter.
pub fn page_path(op: &Operation) -> String {
    op.path
        .segments
        .iter()
        .map(|segment| match segment {
            PathSegment::Literal(text) => text.clone(),
            PathSegment::Parameter(name) => format!(":{name}"),
        })
        .collect()
}

/// The parameter sections a page shows, in page order, each with its
/// heading; sections without parameters are left out.
pub fn parameter_sections(op: &Operation) -> Vec<(&'static str, Vec<&Parameter>)> {
    [
        (ParameterLocation::Path, "Path Parameters"),
        (ParameterLocation::Query, "Query Parameters"),
        (ParameterLocation::Header, "Header Parameters"),
    ]
    .into_iter()
    .map(|(location, heading)| {
        let parameters = op
            .parameters
            .iter()
            .filter(|p| p.location == location)
            .collect();
        (heading, parameters)
    })
    .filter(|(_, parameters): &(_, Vec<_>)| !parameters.is_empty())
    .collect()
}

/// The object schema `ty` names, if it names one.
pub fn object_of<'a>(api: &'a Api, ty: &TypeRef) -> Option<&'a ObjectSchema> {
    match &api.schemas.get(named(ty)?)?.kind {
        SchemaKind::Object(object) => Some(object),
        _ => None,
    }
}

/// The wire values of the enum `ty` names, if it names one.
pub fn enum_wires<'a>(api: &'a Api, ty: &TypeRef) -> Option<Vec<&'a str>> {
    match &api.schemas.get(named(ty)?)?.kind {
        SchemaKind::Enum(values) => Some(values.values.iter().map(|v| v.wire.as_str()).collect()),
        _ => None,
    }
}

/// `ty` with every alias replaced by what it stands for.
pub fn resolved(api: &Api, ty: &TypeRef) -> TypeRef {
    match ty {
        TypeRef::Named(name) => match api.schemas.get(name).map(|s| &s.kind) {
            Some(SchemaKind::Alias(target)) => resolved(api, target),
            _ => ty.clone(),
        },
        TypeRef::Array(item) => TypeRef::Array(Box::new(resolved(api, item))),
        TypeRef::Map(value) => TypeRef::Map(Box::new(resolved(api, value))),
        _ => ty.clone(),
    }
}

fn named(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named(name) => Some(name),
        _ => None,
    }
}
