//! `multipart/form-data` bodies, built part by part from a model struct,
//! and kept as parts so that a retried request sends them again.

use serde::Serialize;

use super::request::Part;

/// The parts of a `multipart/form-data` body.
pub(crate) struct Form {
    parts: Vec<Part>,
    /// The first part that could not be encoded.
    error: Option<serde_json::Error>,
}

// Not every multipart body has file parts, optional files and text parts.
#[allow(dead_code)]
impl Form {
    pub(crate) fn new() -> Form {
        Form {
            parts: Vec::new(),
            error: None,
        }
    }

    /// A file part from bytes in memory, as `application/octet-stream`.
    pub(crate) fn file(mut self, name: &'static str, bytes: &[u8]) -> Form {
        self.parts.push(Part::File {
            name,
            bytes: bytes.to_vec(),
        });
        self
    }

    /// A file part when there is one.
    pub(crate) fn file_if_any(self, name: &'static str, bytes: Option<&Vec<u8>>) -> Form {
        match bytes {
            Some(bytes) => self.file(name, bytes),
            None => self,
        }
    }

    /// One file part per file, all under `name`.
    pub(crate) fn files(self, name: &'static str, files: &[Vec<u8>]) -> Form {
        files
            .iter()
            .fold(self, |form, bytes| form.file(name, bytes))
    }

    /// One file part per file, when there are files.
    pub(crate) fn files_if_any(self, name: &'static str, files: Option<&Vec<Vec<u8>>>) -> Form {
        match files {
            Some(files) => self.files(name, files),
            None => self,
        }
    }

    /// The form as `add` leaves it: for a part that depends on the value.
    pub(crate) fn with(self, add: impl FnOnce(Form) -> Form) -> Form {
        add(self)
    }

    /// Text parts: strings as they are, numbers and booleans as JSON
    /// writes them, objects as JSON parts (`application/json`); an array
    /// one part per item, all under `name`; `null` sends nothing.
    pub(crate) fn field<T: Serialize>(mut self, name: &'static str, value: &T) -> Form {
        match serde_json::to_value(value) {
            Ok(serde_json::Value::Array(items)) => {
                for item in items {
                    self = self.text(name, item);
                }
                self
            }
            Ok(value) => self.text(name, value),
            Err(source) => {
                self.error = self.error.or(Some(source));
                self
            }
        }
    }

    fn text(mut self, name: &'static str, value: serde_json::Value) -> Form {
        let part = match value {
            serde_json::Value::Null => return self,
            serde_json::Value::String(text) => Part::Text { name, text },
            object @ serde_json::Value::Object(_) => Part::Json {
                name,
                text: object.to_string(),
            },
            other => Part::Text {
                name,
                text: other.to_string(),
            },
        };
        self.parts.push(part);
        self
    }

    /// The body, or the first part that could not be encoded.
    pub(crate) fn finish(self) -> Result<Vec<Part>, serde_json::Error> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(self.parts),
        }
    }
}
