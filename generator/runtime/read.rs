//! Field values `object!` reads by a faster path than their type's own
//! `Deserialize`, chosen per field by the generator (`#[wire(rfc3339
//! "key")]`): date-times. chrono's `Deserialize` reads every RFC 3339
//! variant through its general format parser, about 1,400 instructions a
//! value more than a `String`; its strict RFC 3339 parser, on the text as
//! the decoder lends it, about 30 more (see the generator's
//! `docs/performance.md`).

use std::fmt;
use std::marker::PhantomData;

use chrono::{DateTime, Utc};
use serde::de::{DeserializeSeed, MapAccess, Unexpected, Visitor};
use serde::Deserializer;

use super::Nullable;

/// Decodes the value of the entry whose key was just read into `slot`: a
/// date-time, or an optional or nullable one.
#[allow(dead_code)] // an API's date-times may all be sent, none received
#[inline]
pub(crate) fn rfc3339<'de, A: MapAccess<'de>, T: DateTimeField>(
    map: &mut A,
    slot: &mut Option<T>,
) -> Result<(), A::Error> {
    *slot = Some(map.next_value_seed(DateTimeSeed(PhantomData))?);
    Ok(())
}

/// The shapes a date-time field has: required, optional (or required and
/// nullable), and optional and nullable.
pub(crate) trait DateTimeField: Sized {
    /// What `null` is, where the shape has it.
    fn null<E: serde::de::Error>() -> Result<Self, E>;
    fn value(time: DateTime<Utc>) -> Self;
}

impl DateTimeField for DateTime<Utc> {
    fn null<E: serde::de::Error>() -> Result<Self, E> {
        Err(E::invalid_type(Unexpected::Unit, &EXPECTING))
    }

    fn value(time: DateTime<Utc>) -> Self {
        time
    }
}

impl DateTimeField for Option<DateTime<Utc>> {
    fn null<E: serde::de::Error>() -> Result<Self, E> {
        Ok(None)
    }

    fn value(time: DateTime<Utc>) -> Self {
        Some(time)
    }
}

impl DateTimeField for Nullable<DateTime<Utc>> {
    fn null<E: serde::de::Error>() -> Result<Self, E> {
        Ok(Nullable::Null)
    }

    fn value(time: DateTime<Utc>) -> Self {
        Nullable::Value(time)
    }
}

const EXPECTING: &str = "an RFC 3339 date and time";

struct DateTimeSeed<T>(PhantomData<T>);

impl<'de, T: DateTimeField> DeserializeSeed<'de> for DateTimeSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: DateTimeField> Visitor<'de> for DateTimeSeed<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(EXPECTING)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<T, E> {
        T::null()
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<T, E> {
        T::null()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_str(self)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        // The strict form first; what only chrono's relaxed reading takes
        // (a space for the `T`, ...) as its `Deserialize` would, with its
        // error.
        let time = match DateTime::parse_from_rfc3339(text) {
            Ok(time) => time.with_timezone(&Utc),
            Err(_) => text.parse::<DateTime<Utc>>().map_err(E::custom)?,
        };
        Ok(T::value(time))
    }
}
