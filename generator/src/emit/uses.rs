//! Which crates beyond the fixed dependencies the generated code needs
//! (`uuid`, `chrono`, `base64`), and which optional runtime files, found
//! while emitting: the manifest lists the crates and the runtime ships the
//! files that go with them.

/// What the generated code needs from outside the fixed dependencies,
/// found while emitting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Uses {
    pub uuid: bool,
    pub chrono: bool,
    /// `format: byte` values, and so the `base64` crate.
    pub base64: bool,
    /// Path parameters written in a style (lists, objects, `label`,
    /// `matrix`), and so the runtime's `path_style.rs`.
    pub path_styles: bool,
}

impl Uses {
    pub fn add(&mut self, other: Uses) {
        self.uuid |= other.uuid;
        self.chrono |= other.chrono;
        self.base64 |= other.base64;
        self.path_styles |= other.path_styles;
    }
}
