//! One case of `decode.rs`, run a given number of times, for counting the
//! instructions it executes (cachegrind): `count CASE SIDE TIMES`, with the
//! bodies' folder in `DECODE_SAMPLES`. `bench/decode.sh` runs each case
//! twice with different counts, so the difference is the cost of the
//! decodes alone, without the program's start and the file read.

use std::hint::black_box;
use std::process::ExitCode;

use serde::de::DeserializeOwned;
use serde::Serialize;

fn decode<T: DeserializeOwned>(bytes: &[u8], times: usize) -> Result<(), String> {
    for _ in 0..times {
        black_box(serde_json::from_slice::<T>(black_box(bytes)).map_err(|e| e.to_string())?);
    }
    Ok(())
}

fn encode<T: Serialize + DeserializeOwned>(bytes: &[u8], times: usize) -> Result<(), String> {
    let value: T = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    for _ in 0..times {
        black_box(serde_json::to_vec(black_box(&value)).map_err(|e| e.to_string())?);
    }
    Ok(())
}

fn run(case: &str, side: &str, times: usize) -> Result<(), String> {
    use authentik_api::models as ours;
    use authentik_client::models as official;

    let file = match case {
        "users" => "users.json",
        "events" => "events.json",
        "validation_error" => "validation-error.json",
        "validation_error_common" => "validation-error-common.json",
        "patched_user_request" => "patched-user-request.json",
        other => return Err(format!("no case {other}")),
    };
    let folder = std::env::var("DECODE_SAMPLES").unwrap_or_else(|_| "samples".into());
    let path = format!("{folder}/{file}");
    let bytes = std::fs::read(&path).map_err(|error| format!("{path}: {error}"))?;
    match (case, side) {
        ("users", "official") => decode::<official::PaginatedUserList>(&bytes, times),
        ("users", _) => decode::<ours::PaginatedUserList>(&bytes, times),
        ("events", "official") => decode::<official::PaginatedEventList>(&bytes, times),
        ("events", _) => decode::<ours::PaginatedEventList>(&bytes, times),
        ("patched_user_request", "official") => {
            encode::<official::PatchedUserRequest>(&bytes, times)
        }
        ("patched_user_request", _) => encode::<ours::PatchedUserRequest>(&bytes, times),
        (_, "official") => decode::<official::ValidationError>(&bytes, times),
        _ => decode::<ours::ValidationError>(&bytes, times),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [case, side, times] = args.as_slice() else {
        eprintln!("usage: count CASE official|ours TIMES");
        return ExitCode::from(2);
    };
    let Ok(times) = times.parse() else {
        eprintln!("TIMES must be a number, not {times}");
        return ExitCode::from(2);
    };
    match run(case, side, times) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{case}/{side}: {error}");
            ExitCode::FAILURE
        }
    }
}
