//! The named schemas a front end collects while it reads, with the rule for
//! two schemas that want the same name: identical ones are one schema, and a
//! different one gets a numbered name and a warning.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Location, Warning};
use crate::ident;
use crate::model::{EnumSchema, EnumValue, Schema, SchemaKind};

/// The names generated code uses without a path: the prelude's types,
/// variants and traits. A schema that wants one gets `_` appended, as
/// `Self` does (`Option_`, `Self_`).
const PRELUDE: [&str; 23] = [
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "Default",
    "Clone",
    "Copy",
    "Debug",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Hash",
    "From",
    "Into",
    "Send",
    "Sync",
    "Self",
];

/// `wanted` as a type name: without the underscores of escaped names it
/// was made from (`Self_` and `Foo` make `SelfFoo`, not `Self_Foo`, which
/// is not upper camel case), and with `_` appended where the prelude (or
/// `Self`) has it.
fn type_name(wanted: String) -> String {
    let joined: String = wanted.chars().filter(|c| *c != '_').collect();
    match PRELUDE.contains(&joined.as_str()) {
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

/// An enum schema for `values`, with variant names made unique; the name
/// `Unknown` stays free for the catch-all variant the emitter adds.
pub fn enum_schema(name: String, description: Option<String>, values: &[String]) -> Schema {
    enum_of(name, description, values, false)
}

/// An enum of the integers `values` (as text), written as numbers.
pub fn integer_enum_schema(name: String, description: Option<String>, values: &[String]) -> Schema {
    enum_of(name, description, values, true)
}

fn enum_of(name: String, description: Option<String>, values: &[String], integers: bool) -> Schema {
    let mut taken = BTreeSet::from(["Unknown".to_string()]);
    let values = values
        .iter()
        .map(|wire| {
            // An integer's variant says its sign: `V512`, `Minus1`.
            let base = match (integers, wire.strip_prefix('-')) {
                (true, Some(magnitude)) => format!("Minus{magnitude}"),
                (true, None) => format!("V{wire}"),
                (false, _) => wire.clone(),
            };
            EnumValue {
                wire: wire.clone(),
                variant: ident::claim_unique(ident::to_upper_camel(&base), &mut taken),
            }
        })
        .collect();
    Schema {
        name,
        description,
        kind: SchemaKind::Enum(EnumSchema { values, integers }),
    }
}
