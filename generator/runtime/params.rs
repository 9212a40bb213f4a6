//! Query and header parameters: the `params!` macro, invoked once per
//! parameters struct with a compact list of its fields, writes how the
//! struct goes on a request (its `Params` impl); each operation then only
//! calls `Request::params`.

use std::fmt;

/// `Params` for a parameters struct.
///
/// ```text
/// params! {
///     CoreUsersListParams {
///         page: query "page" optional,
///         last_login: query "last_login" optional date_time,
///         groups_by_pk: query "groups_by_pk" optional each,
///         ordering: query "ordering" required joined,
///         request_id: header "X-Request-Id" optional,
///     }
/// }
/// ```
///
/// Each field is its Rust name, where it goes (`query` or `header`), its
/// wire name, whether it is `required` (`T`) or `optional` (`Option<T>`, not
/// sent when `None`), and how a value is written: by its `Display` (enums
/// write their wire value), `date_time` as RFC 3339, `each` once per item
/// of an array (`explode: true`), `joined` as one comma-separated value
/// (`explode: false`).
macro_rules! params {
    ($name:ident { $( $field:ident: $location:ident $wire:literal $presence:ident $($encoding:ident)*, )* }) => {
        impl $crate::runtime::Params for $name {
            fn apply(&self, request: &mut $crate::runtime::Request) {
                $( $crate::runtime::params!(@$presence request, $location, $wire, &self.$field $(, $encoding)*); )*
            }
        }
    };
    (@optional $request:ident, $location:ident, $wire:literal, $value:expr $(, $encoding:ident)*) => {
        if let Some(value) = $value {
            $crate::runtime::params!(@required $request, $location, $wire, value $(, $encoding)*);
        }
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
        $request.$location($wire, $crate::runtime::joined($value));
    };
    (@required $request:ident, $location:ident, $wire:literal, $value:expr, joined, date_time) => {
        $request.$location($wire, $crate::runtime::joined($value.iter().map(|v| v.to_rfc3339())));
    };
}

pub(crate) use params;

/// The values of an array parameter in `style: form, explode: false`:
/// `a,b,c`.
#[allow(dead_code)] // an API may have no such parameter
pub(crate) fn joined<T: fmt::Display>(values: impl IntoIterator<Item = T>) -> String {
    let values: Vec<String> = values.into_iter().map(|value| value.to_string()).collect();
    values.join(",")
}
