//! `Serialize` and `Deserialize` for the model structs, written out instead
//! of derived: JSON only ever needs the map form, so each impl is a short
//! loop over the fields (decoding through the runtime's `Object`), without
//! the field enum and sequence form that `serde_derive` adds for every
//! struct. That halves the code the compiler checks for the models (see the
//! README's compile-time figures).
//!
//! Wire behaviour, by field wrapper (see [`Wrapper`]):
//! - `T` (required): must be present; a missing one is a `missing field` error.
//! - `Option<T>` (nullable or optional): missing or `null` is `None`;
//!   a required nullable one is always written (`null` for `None`), an
//!   optional one only when `Some`.
//! - `Nullable<T>`: missing is `Absent` (not written), `null` is `Null`.
//!
//! Unknown keys are skipped, or kept in the additional-properties map when
//! the object has one. When a key repeats, the last value wins.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::types::Wrapper;
use super::usage::Needs;

/// One struct field as the impls see it.
pub struct SerdeField {
    pub ident: syn::Ident,
    pub wire: String,
    pub wrapper: Wrapper,
}

/// The struct the impls are for.
pub struct SerdeStruct<'a> {
    pub name: &'a syn::Ident,
    pub fields: &'a [SerdeField],
    /// The field that keeps the entries beyond the named fields.
    pub additional: Option<&'a syn::Ident>,
    /// `#[cfg]`s of the type (its features).
    pub cfg: &'a TokenStream,
    /// The path of the runtime module, with a trailing `::`.
    pub runtime: &'a TokenStream,
}

/// The impls `needs` asks for; in a gated crate, the others behind the
/// `round-trip` feature.
pub fn impls(target: &SerdeStruct<'_>, needs: Needs, gated: bool) -> TokenStream {
    let round_trip = super::models::ROUND_TRIP;
    let gate = |needed: bool| match (needed, gated) {
        (true, _) => Some(TokenStream::new()),
        (false, true) => Some(quote! { #[cfg(feature = #round_trip)] }),
        (false, false) => None,
    };
    let cfg = target.cfg;
    let serialize = gate(needs.serialize).map(|extra| {
        let body = serialize(target);
        quote! { #cfg #extra #body }
    });
    let deserialize =
        gate(needs.deserialize).map(|extra| deserialize(target, &quote! { #cfg #extra }));
    quote! { #serialize #deserialize }
}

fn serialize(target: &SerdeStruct<'_>) -> TokenStream {
    let name = target.name;
    let entries = target.fields.iter().map(|field| {
        let (ident, wire) = (&field.ident, &field.wire);
        match field.wrapper {
            Wrapper::Plain | Wrapper::NullableRequired => {
                quote! { map.serialize_entry(#wire, &self.#ident)?; }
            }
            Wrapper::Optional => quote! {
                if let Some(value) = &self.#ident {
                    map.serialize_entry(#wire, value)?;
                }
            },
            Wrapper::Tristate => quote! {
                if !self.#ident.is_absent() {
                    map.serialize_entry(#wire, &self.#ident)?;
                }
            },
        }
    });
    let additional = target.additional.map(|ident| {
        quote! {
            for (key, value) in &self.#ident {
                map.serialize_entry(key, value)?;
            }
        }
    });
    quote! {
        #[allow(deprecated)]
        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(None)?;
                #(#entries)*
                #additional
                map.end()
            }
        }
    }
}

/// `Deserialize` and the runtime's `Object`, each with the `#[cfg]`s in `attrs`.
fn deserialize(target: &SerdeStruct<'_>, attrs: &TokenStream) -> TokenStream {
    let (name, runtime) = (target.name, target.runtime);
    let locals: Vec<syn::Ident> = (0..target.fields.len())
        .map(|index| format_ident!("field_{}", index))
        .collect();
    // Each local's type is inferred from the runtime function that finishes it.
    let declarations = locals.iter().map(|local| quote! { let mut #local = None; });
    let arms = target.fields.iter().zip(&locals).map(|(field, local)| {
        let wire = &field.wire;
        // A block, so the formatter never has to add one (which would make
        // the code differ by indentation between the crate and one file).
        quote! { #wire => { #local = Some(map.next_value()?); } }
    });
    let values = target.fields.iter().zip(&locals).map(|(field, local)| {
        let (ident, wire) = (&field.ident, &field.wire);
        let value = match field.wrapper {
            Wrapper::Plain => quote! { #runtime required(#local, #wire)? },
            Wrapper::NullableRequired | Wrapper::Optional => quote! { #runtime optional(#local) },
            Wrapper::Tristate => quote! { #runtime nullable(#local) },
        };
        quote! { #ident: #value, }
    });
    let (additional_declaration, unknown, additional_value) = match target.additional {
        Some(ident) => (
            quote! { let mut #ident = std::collections::BTreeMap::new(); },
            quote! { { #ident.insert(key.into_string(), map.next_value()?); } },
            quote! { #ident, },
        ),
        None => (
            TokenStream::new(),
            quote! { { map.next_value::<serde::de::IgnoredAny>()?; } },
            TokenStream::new(),
        ),
    };
    let expecting = format!("an object ({name})");
    quote! {
        #attrs
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                #runtime deserialize_object(deserializer)
            }
        }
        #attrs
        #[allow(deprecated)]
        impl #runtime Object for #name {
            const EXPECTING: &'static str = #expecting;
            fn from_map<'de, A: serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
                #(#declarations)*
                #additional_declaration
                while let Some(key) = map.next_key::<#runtime Key<'de>>()? {
                    match key.as_str() {
                        #(#arms)*
                        _ => #unknown
                    }
                }
                Ok(#name {
                    #(#values)*
                    #additional_value
                })
            }
        }
    }
}
