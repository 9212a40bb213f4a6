//! The named schemas a front end collects while it reads, with the rule for
//! two schemas that want the same name: identical ones are one schema, and a
//! different one gets a numbered name and a warning.

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

#[derive(Debug, Default)]
pub struct SchemaRegistry {
    schemas: BTreeMap<String, Schema>,
    /// Names promised to schemas defined later (an OpenAPI document's
    /// components, which may be referenced before they are read).
    reserved: BTreeSet<String>,
    /// Every name of `schemas` and `reserved`.
    taken: BTreeSet<String>,
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

    /// Adds `schema` and returns the name it is known by from now on.
    pub fn register(
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
        kind: SchemaKind::Enum(EnumSchema { values, wire }),
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
