//! The generator's own tests, in one test binary (one link per change of
//! the generator): front ends, the model, the emitted code, the command
//! line, `diff`, `export-openapi`, and the checks on whole APIs that CI
//! runs with `--ignored` (every operation of authentik and of the corpus
//! generated, compiled and, under Prism, called).
//!
//! `cargo test -p apidocs2rs` runs them. Those that read the shared
//! documents find them through [`shared`], which skips them, saying so,
//! where the documents are not beside the checkout.

mod bad_input;
mod cli;
mod compare;
mod corpus;
mod cross_check;
mod diff;
mod emitted_code;
mod exercise;
mod files;
mod full_api;
mod fuzz_regressions;
mod hosted_pages;
mod model_snapshots;
mod openapi;
mod openapi_export;
mod page_facts;
mod page_render;
mod prism;
mod saved_html;
mod seeds;
mod shared;
mod source_tree;
