//! Families of model structs: structs of one shape that differ in one type
//! only, each named for that type. authentik's 156 `Paginated…List`
//! structs are all `{pagination, results: Vec<X>, autocomplete}` for 156
//! types `X`. A family is written once, as a generic struct named by what
//! its members' names share (`PaginatedList<T>`), and each member becomes
//! an alias of it (`pub type PaginatedUserList = PaginatedList<User>;`):
//! the crate declares one struct and compiles its impls once, instead of
//! once per member, and its docs show the shape on one page.
//!
//! Only what the input states decides a family: two structs join one when
//! their fields (keys, Rust names, presence, docs, constraints) and
//! descriptions are the same once their own type is replaced by `T`, and
//! their names are the same once that type's name is taken out. That type
//! is a struct, enum or union of the API, not an alias (two aliases of
//! `String` would make two members one Rust type). A member keeps its
//! name, its `new` and its `Page` impl through the alias.

use std::collections::{BTreeMap, BTreeSet};

use crate::ident::PRELUDE;
use crate::model::{Api, ObjectSchema, SchemaKind, TypeRef};
use crate::shape::{boxed_field, Wrapper};

/// The type parameter of a generic struct, as its fields name it.
pub const PARAMETER: &str = "T";

/// A generic struct and the structs written as aliases of it.
#[derive(Debug)]
pub struct Family {
    /// The generic struct's name: a member's name without its type's name.
    pub name: String,
    pub description: Option<String>,
    /// The members' shared object, with [`PARAMETER`] (as a named type)
    /// where each has its own type.
    pub object: ObjectSchema,
    /// Each member's name and the type [`PARAMETER`] stands for in it.
    pub members: BTreeMap<String, String>,
}

/// The families of `api`'s structs, sorted by name. `taken` holds the
/// names a generic struct may not have (the model types, the parameters
/// structs and the crate's own types).
pub fn find(api: &Api, taken: &BTreeSet<String>) -> Vec<Family> {
    if api.schemas.contains_key(PARAMETER) {
        return Vec::new();
    }
    // Each struct as it would be a member, once for each type it may be
    // named for, grouped by the generic struct's name.
    let mut by_name: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
    for schema in api.schemas.values() {
        let SchemaKind::Object(object) = &schema.kind else {
            continue;
        };
        if !fits(api, &schema.name, object) {
            continue;
        }
        for argument in named_types(&schema.kind) {
            // An alias names another type (`String`): two members of it
            // would be one Rust type.
            let nominal = api
                .schemas
                .get(&argument)
                .is_some_and(|s| !matches!(s.kind, SchemaKind::Alias(_)));
            if !nominal {
                continue;
            }
            let Some(name) = name_without(&schema.name, &argument) else {
                continue;
            };
            if taken.contains(&name) || PRELUDE.contains(&name.as_str()) || name == PARAMETER {
                continue;
            }
            by_name.entry(name).or_default().push(Candidate {
                member: schema.name.clone(),
                argument: argument.clone(),
                description: schema.description.clone(),
                object: substituted(object, &argument),
            });
        }
    }
    // Under one name, the candidates of one shape and description.
    let mut classes: Vec<Family> = Vec::new();
    for (name, candidates) in by_name {
        let mut shapes: Vec<Family> = Vec::new();
        for candidate in candidates {
            let same = shapes.iter_mut().find(|family| {
                family.object == candidate.object && family.description == candidate.description
            });
            match same {
                Some(family) => {
                    family.members.insert(candidate.member, candidate.argument);
                }
                None => shapes.push(Family {
                    name: name.clone(),
                    description: candidate.description,
                    object: candidate.object,
                    members: BTreeMap::from([(candidate.member, candidate.argument)]),
                }),
            }
        }
        // One generic struct per name: the largest shape takes it.
        shapes.sort_by_key(|family| std::cmp::Reverse(family.members.len()));
        classes.extend(shapes.into_iter().take(1));
    }
    // A struct named for two of its types may fit two families: the
    // larger one keeps it. A family of fewer than two is none.
    classes.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    let mut placed: BTreeSet<String> = BTreeSet::new();
    let mut families = Vec::new();
    for mut family in classes {
        family.members.retain(|member, _| !placed.contains(member));
        if family.members.len() >= 2 {
            placed.extend(family.members.keys().cloned());
            families.push(family);
        }
    }
    families.sort_by(|a, b| a.name.cmp(&b.name));
    families
}

/// One struct as a possible member of a family.
struct Candidate {
    member: String,
    argument: String,
    description: Option<String>,
    object: ObjectSchema,
}

/// Whether a struct can be written as an alias of a generic one: it holds
/// no struct of its own kind through its fields (so none is boxed), and it
/// has a required field, so it does not derive `Default` (a generic
/// struct's derive would ask `T` for it).
fn fits(api: &Api, name: &str, object: &ObjectSchema) -> bool {
    object
        .fields
        .iter()
        .any(|field| !Wrapper::of(field).has_default())
        && object
            .fields
            .iter()
            .all(|field| !boxed_field(api, name, &field.ty))
}

/// The named types a value of `kind` holds directly or inside lists, maps
/// and tuples, each once, sorted.
fn named_types(kind: &SchemaKind) -> BTreeSet<String> {
    fn collect(ty: &TypeRef, names: &mut BTreeSet<String>) {
        match ty {
            TypeRef::Named(name) => {
                names.insert(name.clone());
            }
            other => other.contained().iter().for_each(|ty| collect(ty, names)),
        }
    }
    let mut names = BTreeSet::new();
    for ty in kind.held() {
        collect(&ty, &mut names);
    }
    names
}

/// `name` without `argument`'s name, when that occurs in it once as whole
/// words (`PaginatedUserList` without `User` is `PaginatedList`; without
/// `Use`, nothing).
fn name_without(name: &str, argument: &str) -> Option<String> {
    if argument == name || name.matches(argument).count() != 1 {
        return None;
    }
    let start = name.find(argument)?;
    let rest = &name[start + argument.len()..];
    if rest.chars().next().is_some_and(|c| !c.is_ascii_uppercase()) {
        return None;
    }
    let without = format!("{}{rest}", &name[..start]);
    without
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase())
        .then_some(without)
}

/// `object` with [`PARAMETER`] for every use of `argument`.
fn substituted(object: &ObjectSchema, argument: &str) -> ObjectSchema {
    fn substitute(ty: &TypeRef, argument: &str) -> TypeRef {
        match ty {
            TypeRef::Named(name) if name == argument => TypeRef::Named(PARAMETER.to_string()),
            TypeRef::Array(item) => TypeRef::Array(Box::new(substitute(item, argument))),
            TypeRef::Nullable(item) => TypeRef::Nullable(Box::new(substitute(item, argument))),
            TypeRef::Map(value) => TypeRef::Map(Box::new(substitute(value, argument))),
            TypeRef::Tuple(items) => {
                TypeRef::Tuple(items.iter().map(|ty| substitute(ty, argument)).collect())
            }
            other => other.clone(),
        }
    }
    let mut object = object.clone();
    for field in &mut object.fields {
        field.ty = substitute(&field.ty, argument);
    }
    object.additional = object
        .additional
        .as_ref()
        .map(|ty| substitute(ty, argument));
    object
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The families of a document whose schemas are `schemas` (YAML).
    fn families(schemas: &str) -> Vec<(String, Vec<(String, String)>)> {
        let text = format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}"
        );
        let api = crate::fuzzing::openapi(&text).unwrap_or_else(|e| panic!("{e}"));
        let taken = BTreeSet::from(["TakenList".to_string()]);
        find(&api, &taken)
            .into_iter()
            .map(|f| (f.name, f.members.into_iter().collect()))
            .collect()
    }

    const ITEMS: &str = "
    Cat: {type: object, properties: {name: {type: string}}}
    Dog: {type: object, properties: {name: {type: string}}}
    Text: {type: string}
    Word: {type: string}
";

    fn list(name: &str, item: &str, required: &str) -> String {
        format!(
            "    {name}:\n      type: object\n      properties:\n        next: {{type: integer}}\n        results: {{type: array, items: {{$ref: '#/components/schemas/{item}'}}}}\n      required: [{required}]\n"
        )
    }

    #[test]
    fn lists_of_one_shape_are_one_family_named_by_what_their_names_share() {
        let schemas = [
            ITEMS,
            &list("CatList", "Cat", "results"),
            &list("DogList", "Dog", "results"),
        ]
        .concat();
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            families(&schemas),
            [(
                "List".to_string(),
                vec![pair("CatList", "Cat"), pair("DogList", "Dog")]
            )]
        );
    }

    #[test]
    fn what_would_not_compile_or_read_the_same_stays_apart() {
        // Another shape: one requires `next` too.
        let shapes = [
            ITEMS,
            &list("CatList", "Cat", "results"),
            &list("DogList", "Dog", "results, next"),
        ];
        // Aliases of `String`: both members would be `List<String>`.
        let aliases = [
            ITEMS,
            &list("TextList", "Text", "results"),
            &list("WordList", "Word", "results"),
        ];
        // No required field: the struct derives `Default`.
        let defaults = [
            ITEMS,
            &list("CatList", "Cat", ""),
            &list("DogList", "Dog", ""),
        ];
        // The shared name is taken.
        let taken = [
            ITEMS,
            &list("CatTakenList", "Cat", "results"),
            &list("DogTakenList", "Dog", "results"),
        ];
        for schemas in [shapes, aliases, defaults, taken] {
            assert_eq!(families(&schemas.concat()), [], "{}", schemas.concat());
        }
    }

    #[test]
    fn a_name_loses_its_type_as_whole_words_only() {
        let without = |name, argument| name_without(name, argument);
        assert_eq!(
            without("PaginatedUserList", "User").as_deref(),
            Some("PaginatedList")
        );
        assert_eq!(without("UserList", "User").as_deref(), Some("List"));
        assert_eq!(without("PaginatedUserList", "Use"), None);
        assert_eq!(without("ListUser", "User").as_deref(), Some("List"));
        assert_eq!(without("User", "User"), None);
        // Twice in the name: which one would `T` stand for?
        assert_eq!(without("UserToUser", "User"), None);
        // What is left must start as a type name.
        assert_eq!(without("Xuser", "X"), None);
    }
}
