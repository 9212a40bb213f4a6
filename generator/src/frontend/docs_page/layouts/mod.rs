//! One reader per layout of another renderer than authentik's: each turns
//! the lines of a page into outlines of the operations it shows.

pub mod docusaurus;
pub mod elements;
pub mod hosted;
mod inline_field;
pub mod redoc;
pub mod scalar;
pub mod swagger_ui;
