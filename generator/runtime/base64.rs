//! `Base64`: bytes that travel as base64 text (`format: byte`).

use std::fmt;
use std::ops::Deref;

use base64::alphabet::{STANDARD, URL_SAFE};
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Writes the standard alphabet with padding, as RFC 4648 and OpenAPI's
/// `format: byte` describe.
const WRITE: GeneralPurpose = GeneralPurpose::new(&STANDARD, GeneralPurposeConfig::new());

/// Reads with or without padding: servers differ.
const READ_CONFIG: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
const READ_STANDARD: GeneralPurpose = GeneralPurpose::new(&STANDARD, READ_CONFIG);
const READ_URL_SAFE: GeneralPurpose = GeneralPurpose::new(&URL_SAFE, READ_CONFIG);

/// Bytes sent and received as base64 text (`format: byte`). Written in the
/// standard alphabet with padding; read in the standard or the URL-safe
/// alphabet, padded or not. Dereferences to the bytes.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Base64(pub Vec<u8>);

impl Base64 {
    /// The bytes.
    pub fn into_vec(self) -> Vec<u8> {
        self.0
    }

    /// Decodes base64 text, in either alphabet, padded or not.
    pub fn decode(text: &str) -> Option<Base64> {
        READ_STANDARD
            .decode(text)
            .or_else(|_| READ_URL_SAFE.decode(text))
            .ok()
            .map(Base64)
    }
}

impl Deref for Base64 {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for Base64 {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Base64 {
    fn from(bytes: Vec<u8>) -> Base64 {
        Base64(bytes)
    }
}

impl From<&[u8]> for Base64 {
    fn from(bytes: &[u8]) -> Base64 {
        Base64(bytes.to_vec())
    }
}

impl From<Base64> for Vec<u8> {
    fn from(bytes: Base64) -> Vec<u8> {
        bytes.0
    }
}

/// The base64 text, as it is sent (also in query and header parameters).
impl fmt::Display for Base64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&WRITE.encode(&self.0))
    }
}

impl fmt::Debug for Base64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Base64({self})")
    }
}

impl Serialize for Base64 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Base64 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Base64, D::Error> {
        let text = String::deserialize(deserializer)?;
        Base64::decode(&text).ok_or_else(|| serde::de::Error::custom("expected base64 text"))
    }
}
