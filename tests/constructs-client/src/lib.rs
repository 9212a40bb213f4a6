//! The client of `generator/tests/fixtures/constructs.yaml`, generated at build time.

include!(concat!(env!("OUT_DIR"), "/constructs_client.rs"));
