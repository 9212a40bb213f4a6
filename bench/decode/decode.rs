//! Decoding and encoding the same JSON bytes with the official
//! `authentik-client` crate and with ours, generated from the same document.
//! Built and run by `bench/decode.sh`, which writes the bodies (see
//! `samples.py`) and passes their folder in `DECODE_SAMPLES`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use serde::de::DeserializeOwned;
use serde::Serialize;

fn sample(name: &str) -> Vec<u8> {
    let folder = std::env::var("DECODE_SAMPLES").unwrap_or_else(|_| "samples".into());
    let path = format!("{folder}/{name}");
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// Benchmarks decoding `bytes` as `T`, after checking that it decodes.
fn decode<T: DeserializeOwned>(c: &mut Criterion, name: &str, bytes: &[u8]) {
    if let Err(error) = serde_json::from_slice::<T>(bytes) {
        panic!("{name}: the sample does not decode: {error}");
    }
    c.bench_function(name, |b| {
        // criterion keeps the result from being optimized away.
        b.iter(|| serde_json::from_slice::<T>(black_box(bytes)))
    });
}

/// Benchmarks encoding `value`.
fn encode<T: Serialize>(c: &mut Criterion, name: &str, value: &T) {
    c.bench_function(name, |b| b.iter(|| serde_json::to_vec(black_box(value))));
}

fn benches(c: &mut Criterion) {
    use authentik_api::models as ours;
    use authentik_client::models as official;

    let users = sample("users.json");
    decode::<official::PaginatedUserList>(c, "users/official", &users);
    decode::<ours::PaginatedUserList>(c, "users/ours", &users);

    let events = sample("events.json");
    decode::<official::PaginatedEventList>(c, "events/official", &events);
    decode::<ours::PaginatedEventList>(c, "events/ours", &events);

    let error = sample("validation-error.json");
    decode::<official::ValidationError>(c, "validation_error/official", &error);
    decode::<ours::ValidationError>(c, "validation_error/ours", &error);

    let error = sample("validation-error-common.json");
    decode::<official::ValidationError>(c, "validation_error_common/official", &error);
    decode::<ours::ValidationError>(c, "validation_error_common/ours", &error);

    let patch = sample("patched-user-request.json");
    let official_patch: official::PatchedUserRequest =
        serde_json::from_slice(&patch).unwrap_or_else(|error| panic!("official patch: {error}"));
    let our_patch: ours::PatchedUserRequest =
        serde_json::from_slice(&patch).unwrap_or_else(|error| panic!("our patch: {error}"));
    encode(c, "patched_user_request/official", &official_patch);
    encode(c, "patched_user_request/ours", &our_patch);

    // An event whose `action` this version does not list, as a newer server sends.
    let unknown = sample("events-unknown-action.json");
    let official_result = serde_json::from_slice::<official::PaginatedEventList>(&unknown);
    let our_result = serde_json::from_slice::<ours::PaginatedEventList>(&unknown);
    println!(
        "unknown enum value: official {}, ours {}",
        official_result.map_or_else(|error| format!("fails ({error})"), |_| "decodes".into()),
        our_result.map_or_else(|error| format!("fails ({error})"), |_| "decodes".into()),
    );
}

criterion_group!(decoding, benches);
criterion_main!(decoding);
