//! The named schemas a front end collects while it reads, with the rules
//! for the names of inline ones (the shortest free name their place gives)
//! and for two schemas that want the same name: identical ones are one
//! schema, and a different one gets a numbered name and a warning.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Location, Warning};
use crate::ident;
use crate::model::{EnumSchema, EnumValue, EnumWire, Schema, SchemaKind};

/// `wanted` as a type name: without the underscores of escaped names it
/// was made from (`Self_` and `Foo` make `SelfFoo`, not `Self_Foo`, which
/// is not upper camel case), and with `_` appended where the prelude (or
/// `Self`) has it.
fn type_name(wanted: String) -> String {
    let joined: String = wanted.chars().filter(|c| *c != '_').collect();
    match ident::PRELUDE.contains(&joined.as_str()) {
        true => joined + "_",
        false if joined.is_empty() => wanted,
        false => joined,
    }
}

/// Between the segments of an inline schema's place (`Pet.Tags.Item`), as
/// front ends name it before registering it.
const SEGMENT: char = '.';

/// The place of an inline schema one level below `context`: the property
/// `tags` of `Pet` is `Pet.Tags`.
pub fn nested(context: &str, segment: &str) -> String {
    format!("{context}{SEGMENT}{segment}")
}

/// Segments that say where a schema sits but not what it is: a name
/// made of them only (`Item`, `Variant2`) is no name.
fn is_generic(segment: &str) -> bool {
    let word = segment.trim_end_matches(|c: char| c.is_ascii_digit());
    let status =
        |rest: &str| rest == "Default" || rest.chars().all(|c| c.is_ascii_digit() || c == 'x');
    matches!(
        word,
        "" | "Item" | "Variant" | "Value" | "Base" | "Request" | "Parameter"
    ) || segment.strip_prefix("Response").is_some_and(status)
}

/// The names an inline schema at `place` may take, shortest first: its
/// last segment, then with its parents' before it, as far as needed
/// (`Static`, `ChunkingStrategyStatic`, ...), the segments between that only
/// say where it sits left out; the whole place last.
fn candidates(place: &str) -> Vec<String> {
    let segments: Vec<&str> = place.split(SEGMENT).collect();
    let mut names: Vec<String> = Vec::new();
    // A parameter's schema is the parameter: `Ratio` before `RatioParameter`.
    if let [.., name, "Parameter"] = segments.as_slice() {
        names.push(name.to_string());
    }
    for start in (0..segments.len()).rev() {
        let taken = &segments[start..];
        if is_generic(taken[0]) && start > 0 {
            continue;
        }
        let last = taken.len() - 1;
        let name: String = taken
            .iter()
            .enumerate()
            .filter(|(index, segment)| *index == 0 || *index == last || !is_generic(segment))
            .map(|(_, segment)| *segment)
            .collect();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let whole: String = segments.concat();
    if !names.contains(&whole) {
        names.push(whole);
    }
    names
}

#[derive(Debug, Default)]
pub struct SchemaRegistry {
    schemas: BTreeMap<String, Schema>,
    /// Names promised to schemas defined later (an OpenAPI document's
    /// components, which may be referenced before they are read).
    reserved: BTreeSet<String>,
    /// Every name of `schemas` and `reserved`.
    taken: BTreeSet<String>,
    /// The inline schemas' names by what they are (their kind as JSON):
    /// the same shape in two places is one type.
    shapes: BTreeMap<String, String>,
}

impl SchemaRegistry {
    /// Keeps `name` free for [`SchemaRegistry::define`]; returns the name
    /// actually reserved (numbered when `wanted` is taken already).
    pub fn reserve(&mut self, wanted: String) -> String {
        let name = ident::claim_unique(type_name(wanted), &mut self.taken);
        self.reserved.insert(name.clone());
        name
    }

    /// Adds `schema` under its reserved name.
    pub fn define(&mut self, schema: Schema) {
        self.taken.insert(schema.name.clone());
        self.schemas.insert(schema.name.clone(), schema);
    }

    /// Adds `schema` and returns the name it is known by from now on. An
    /// inline schema (named by its place, [`nested`]) takes the first of its
    /// [`candidates`] that is free, or the type of the same shape
    /// registered before.
    pub fn register(
        &mut self,
        mut schema: Schema,
        location: &Location,
        warnings: &mut Vec<Warning>,
    ) -> String {
        if schema.name.contains(SEGMENT) {
            // A shape that cannot be written as JSON is shared with none.
            let shape = serde_json::to_string(&schema.kind).ok();
            if let Some(name) = shape.as_ref().and_then(|shape| self.shapes.get(shape)) {
                return name.clone();
            }
            let candidates = candidates(&schema.name);
            // A prelude name would need a `_`; a longer one reads better.
            let free = candidates
                .iter()
                .filter(|name| !ident::PRELUDE.contains(&name.as_str()))
                .map(|name| type_name(name.clone()))
                .find(|name| {
                    !self.taken.contains(name)
                        || self
                            .schemas
                            .get(name)
                            .is_some_and(|s| s.kind == schema.kind)
                });
            schema.name = free.unwrap_or_else(|| candidates.last().cloned().unwrap_or_default());
            let name = self.register_named(schema, location, warnings);
            if let Some(shape) = shape {
                self.shapes.insert(shape, name.clone());
            }
            return name;
        }
        self.register_named(schema, location, warnings)
    }

    fn register_named(
        &mut self,
        mut schema: Schema,
        location: &Location,
        warnings: &mut Vec<Warning>,
    ) -> String {
        schema.name = type_name(schema.name);
        match self.schemas.get_mut(&schema.name) {
            None if !self.reserved.contains(&schema.name) => {
                self.taken.insert(schema.name.clone());
            }
            None => schema.name = ident::claim_unique(schema.name, &mut self.taken),
            Some(existing) if existing.kind == schema.kind => {
                if existing.description.is_none() {
                    existing.description = schema.description;
                }
                return existing.name.clone();
            }
            Some(_) => {
                let wanted = schema.name.clone();
                schema.name = ident::claim_unique(wanted.clone(), &mut self.taken);
                warnings.push(Warning {
                    location: location.clone(),
                    message: format!(
                        "a different type named `{wanted}` exists already; this one is named `{}`",
                        schema.name
                    ),
                });
            }
        }
        let name = schema.name.clone();
        self.schemas.insert(name.clone(), schema);
        name
    }

    pub fn into_schemas(self) -> BTreeMap<String, Schema> {
        self.schemas
    }
}

/// An enum schema of the `values` (as the document writes them), with
/// variant names made unique; the name `Unknown` stays free for the
/// catch-all variant the emitter adds.
pub fn enum_schema(
    name: String,
    description: Option<String>,
    values: &[String],
    wire: EnumWire,
) -> Schema {
    let mut taken = BTreeSet::from(["Unknown".to_string()]);
    // A value written twice (`1` and `1.0` among numbers) is one variant.
    let mut seen = Vec::new();
    let values = values
        .iter()
        .filter(|value| {
            let key = match wire {
                EnumWire::Numbers => value
                    .parse::<f64>()
                    .map_or(value.to_string(), |n| n.to_string()),
                _ => value.to_string(),
            };
            let new = !seen.contains(&key);
            seen.push(key);
            new
        })
        .map(|value| EnumValue {
            wire: value.clone(),
            variant: ident::claim_unique(variant_base(value, wire), &mut taken),
        })
        .collect();
    Schema {
        name,
        description,
        kind: SchemaKind::Enum(EnumSchema {
            values,
            wire,
            open: false,
        }),
    }
}

/// A variant's name before it is made unique: a number's says its sign and
/// keeps its digits (`V512`, `Minus1`, `V0_5`), a boolean's is `True` or
/// `False`, a string's is the string in upper camel case.
fn variant_base(value: &str, wire: EnumWire) -> String {
    match wire {
        EnumWire::Strings | EnumWire::Booleans => ident::to_upper_camel(value),
        EnumWire::Integers | EnumWire::Numbers => {
            let (sign, magnitude) = match value.strip_prefix('-') {
                Some(magnitude) => ("Minus", magnitude),
                None => ("V", value),
            };
            // `0.5` → `0_5`, `1e-7` → `1EMinus7`: an underscore only
            // between digits, which camel case allows.
            let digits: String = magnitude
                .chars()
                .map(|c| match c {
                    '.' => "_".to_string(),
                    'e' | 'E' => "E".to_string(),
                    '-' => "Minus".to_string(),
                    '+' => String::new(),
                    c => c.to_string(),
                })
                .collect();
            format!("{sign}{digits}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::candidates;

    #[test]
    fn an_inline_name_is_its_own_segment_then_its_parents_as_far_as_needed() {
        assert_eq!(
            candidates("CreateAssistantRequest.ToolResources.Variant1.FileSearch.VectorStores.Item.ChunkingStrategy.Variant2.Static"),
            [
                "Static",
                "ChunkingStrategyStatic",
                "VectorStoresChunkingStrategyStatic",
                "FileSearchVectorStoresChunkingStrategyStatic",
                "ToolResourcesFileSearchVectorStoresChunkingStrategyStatic",
                "CreateAssistantRequestToolResourcesFileSearchVectorStoresChunkingStrategyStatic",
                "CreateAssistantRequestToolResourcesVariant1FileSearchVectorStoresItemChunkingStrategyVariant2Static",
            ]
        );
    }

    #[test]
    fn segments_that_only_say_where_never_start_a_name() {
        assert_eq!(candidates("Pet.Tags.Item"), ["TagsItem", "PetTagsItem"]);
        assert_eq!(candidates("GetKey.Response"), ["GetKeyResponse"]);
        assert_eq!(
            candidates("GetKey.Response404.Ratio"),
            ["Ratio", "GetKeyRatio", "GetKeyResponse404Ratio"]
        );
        assert_eq!(candidates("Ratio.Parameter"), ["Ratio", "RatioParameter"]);
        // A property named like a status word is a name of its own.
        assert_eq!(
            candidates("Order.Responses"),
            ["Responses", "OrderResponses"]
        );
    }
}
