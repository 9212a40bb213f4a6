//! The authentik client, generated from `spec/` at build time by `build.rs`:
//! the same API as the committed `generated/` crate, without committing it.

include!(concat!(env!("OUT_DIR"), "/authentik_client.rs"));
