//! Query and header parameters: the `params!` macro, which declares a
//! parameters struct with each field's place and name beside it and writes
//! how the struct goes on a request (its `Params` impl); each operation
//! then only calls `Request::params`.

use std::fmt;

use serde::Serialize;

/// A parameters struct and its `Params`.
///
/// ```text
/// params! {
///     /// The parameters of `users_list`.
///     #[derive(Clone, Debug, Default, PartialEq)]
///     pub struct CoreUsersListParams {
///         #[wire(query "page", optional)]
///         pub page: Option<i64>,
///         #[wire(query "last_login", optional, date_time)]
///         pub last_login: Option<DateTime<Utc>>,
///         #[wire(query "groups_by_pk", optional, each)]
///         pub groups_by_pk: Option<Vec<Uuid>>,
///         #[wire(query "ordering", joined)]
///         pub ordering: Vec<String>,
///         #[wire(header "X-Request-Id", optional)]
///         pub request_id: Option<String>,
///     }
/// }
/// ```
///
/// Each field's `#[wire]` names where it goes (`query`, `header` or
/// `cookie`) and its name there, then whether it is `optional`
/// (`Option<T>`, not sent when `None`; required when not said), and how a
/// value is written: by its `Display` (enums write their wire value),
/// `date_time` as RFC 3339, `each` once per item of an array
/// (`explode: true`), `joined`, `spaced` or `piped` as one value with the
/// items separated by `,`, ` ` or `|`, `fields` as one pair per property of
/// an object, `pairs` as one value `key,value,key,value` (`style: form` or
/// `simple`), `assigned` as one value `key=value,key=value` (`simple`,
/// exploded), `deep` as `name[key]=value` pairs (`style: deepObject`),
/// `json` as JSON text (`content: application/json`), and `serde` as the
/// text of a scalar (a union's member).
macro_rules! params {
    (
        $(#[doc = $doc:literal])*
        #[derive($($derive:ident),*)]
        pub struct $name:ident {
            $(
                $(#[doc = $field_doc:literal])*
                #[wire($location:ident $wire:literal $(, $flag:ident)*)]
                pub $field:ident: $ty:ty,
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive($($derive),*)]
        pub struct $name {
            $(
                $(#[doc = $field_doc])*
                pub $field: $ty,
            )*
        }

        impl $crate::runtime::Params for $name {
            fn apply(&self, request: &mut $crate::runtime::Request) {
                $( $crate::runtime::params!(@apply request, $location, $wire, &self.$field, [$($flag),*]); )*
            }
        }
    };
    (@apply $request:ident, $location:ident, $wire:literal, $value:expr, [optional $(, $encoding:ident)*]) => {
        if let Some(value) = $value {
            $crate::runtime::params!(@required $request, $location, $wire, value $(, $encoding)*);
        }
    };
    (@apply $request:ident, $location:ident, $wire:literal, $value:expr, [$($encoding:ident),*]) => {
        $crate::runtime::params!(@required $request, $location, $wire, $value $(, $encoding)*);
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr) => {
        $request.$location($wire, $value);
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, date_time) => {
        $request.$location($wire, $value.to_rfc3339());
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, each) => {
        for value in $value {
            $request.$location($wire, value);
        }
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, each, date_time) => {
        for value in $value {
            $request.$location($wire, value.to_rfc3339());
        }
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, joined) => {
        $request.$location($wire, $crate::runtime::joined($value, ","));
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, joined, date_time) => {
        $request.$location($wire, $crate::runtime::joined($value.iter().map(|v| v.to_rfc3339()), ","));
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, spaced) => {
        $request.$location($wire, $crate::runtime::joined($value, " "));
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, piped) => {
        $request.$location($wire, $crate::runtime::joined($value, "|"));
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, serde) => {
        $request.$location($wire, $crate::runtime::scalar_text($value));
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, json) => {
        $request.$location($wire, $crate::runtime::json_text($value));
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, pairs) => {
        $request.$location($wire, $crate::runtime::pairs($value, false));
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, assigned) => {
        $request.$location($wire, $crate::runtime::pairs($value, true));
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, fields) => {
        for (key, value) in $crate::runtime::entries($value) {
            $request.$location(key, value);
        }
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, deep) => {
        for (key, value) in $crate::runtime::entries($value) {
            $request.$location(format!("{}[{key}]", $wire), value);
        }
    };
}

pub(crate) use params;

// An API may have no parameter that one of these writes.

/// The values of an array parameter as one value: `a,b,c` (`style: form,
/// explode: false`), `a b c` (`spaceDelimited`), `a|b|c` (`pipeDelimited`).
#[allow(dead_code)]
pub(crate) fn joined<T: fmt::Display>(
    values: impl IntoIterator<Item = T>,
    separator: &str,
) -> String {
    let values: Vec<String> = values.into_iter().map(|value| value.to_string()).collect();
    values.join(separator)
}

/// A value as parameter text: a string as it is, anything else as JSON.
#[allow(dead_code)]
pub(crate) fn scalar_text(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// A value as JSON text.
#[allow(dead_code)]
pub(crate) fn json_text(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The properties of an object as one value: `R,100,G,200`, or
/// `R=100,G=200` when `assigned`.
#[allow(dead_code)]
pub(crate) fn pairs(value: &impl Serialize, assigned: bool) -> String {
    let separator = if assigned { "=" } else { "," };
    let pairs: Vec<String> = entries(value)
        .into_iter()
        .map(|(key, value)| format!("{key}{separator}{value}"))
        .collect();
    pairs.join(",")
}

/// The properties of an object as parameter pairs, in its order; `null`
/// left out.
#[allow(dead_code)]
pub(crate) fn entries(value: &impl Serialize) -> Vec<(String, String)> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::Object(map)) => map
            .into_iter()
            .filter(|(_, value)| !value.is_null())
            .map(|(key, value)| (key, scalar_text(&value)))
            .collect(),
        _ => Vec::new(),
    }
}
