//! The client of `generator/tests/fixtures/petstore.yaml` (the README's
//! quick start), generated at build time.

include!(concat!(env!("OUT_DIR"), "/petstore_client.rs"));
