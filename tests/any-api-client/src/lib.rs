//! The client of `generator/tests/fixtures/any_api.yaml`, generated at build time.

include!(concat!(env!("OUT_DIR"), "/any_api_client.rs"));
