//! Every operation of authentik 2025.12.6 against Prism, a mock server that
//! validates each request against the OpenAPI document (`sl-violations`)
//! and answers with the documented responses.
//!
//! The test generates the client, builds the program of
//! `generator::emit::exercise` (one call per operation, arguments made from
//! the model) and runs it against two Prism servers: static (answers built
//! from the document's examples and schemas) and dynamic (random values that
//! match the schemas, nulls included, from a fixed seed). Each run must
//! print `accepted N/N, decoded N/N`.
//!
//! The same build compiles the README's examples (`tests/readme/examples.rs`)
//! against that client.
//!
//! It needs the servers: `tests/prism.sh start` starts both and prints the
//! variables to export (`PRISM_STATIC_URL`, `PRISM_DYNAMIC_URL`,
//! `PRISM_LOG_DIR`, where the test also checks that Prism logged no request
//! violation, not even a warning); `.ci/run`
//! does that and runs this test with `--ignored`.

use std::path::{Path, PathBuf};
use std::process::Command;

const SPEC: &str = "../shared/specs/authentik-2025.12.6.yml";

fn work_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("prism")
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    }
    // Unchanged files keep their time, so cargo does not rebuild them.
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

/// Generates the client and the exercise program; builds the program and
/// returns its path.
fn build_exercise() -> PathBuf {
    let work = work_dir();
    let client = work.join("authentik-api");
    let generator = generator::Generator::new().spec(SPEC);
    let report = generator
        .write_crate(&client)
        .unwrap_or_else(|e| panic!("{SPEC}: {e}"));
    println!(
        "{SPEC}: {} operations, {} types",
        report.operations, report.schemas
    );
    let manifest = client.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).unwrap_or_default();
    if !text.contains("[workspace]") {
        write(&manifest, &format!("{text}\n[workspace]\n"));
    }
    let program = generator
        .exercise_program("authentik_api")
        .unwrap_or_else(|e| panic!("{SPEC}: {e}"));
    let exercise = work.join("exercise");
    write(&exercise.join("src/main.rs"), &program);
    write(
        &exercise.join("Cargo.toml"),
        r#"[package]
name = "exercise"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
authentik-api = { path = "../authentik-api" }
chrono = { version = "0.4", default-features = false, features = ["std"] }
serde_json = "1"
futures-util = { version = "0.3", default-features = false }
reqwest = { version = "0.12", default-features = false }
tokio = { version = "1", features = ["macros", "rt"] }
uuid = "1"

[workspace]
"#,
    );
    // The README's examples, compiled against the same client.
    let examples = include_str!("readme/examples.rs");
    write(&exercise.join("examples/readme.rs"), examples);
    // The whole-API test's target folder: the dependencies are built once.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("full-api");
    let output = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--bins", "--examples"])
        .current_dir(&exercise)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap_or_else(|e| panic!("running cargo build: {e}"));
    assert!(
        output.status.success(),
        "building the exercise program failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    target.join("debug/exercise")
}

fn url(variable: &str) -> String {
    std::env::var(variable).unwrap_or_else(|_| {
        panic!("{variable} is not set: start Prism with `tests/prism.sh start` and export what it prints")
    })
}

#[test]
#[ignore = "needs two Prism servers (tests/prism.sh start); .ci/run runs it with --ignored"]
fn every_operation_is_accepted_and_decoded_by_prism() {
    let urls = [
        ("static", url("PRISM_STATIC_URL")),
        ("dynamic", url("PRISM_DYNAMIC_URL")),
    ];
    let program = build_exercise();
    let mut failures = Vec::new();
    for (mode, url) in urls {
        let output = Command::new(&program)
            .arg(&url)
            .output()
            .unwrap_or_else(|e| panic!("running {}: {e}", program.display()));
        let stdout = String::from_utf8_lossy(&output.stdout);
        let summary = stdout.lines().last().unwrap_or_default().to_string();
        println!("Prism {mode} ({url}):\n{stdout}");
        let complete = summary
            .strip_prefix("accepted ")
            .and_then(|rest| rest.split_once(", decoded "))
            .is_some_and(|(accepted, decoded)| {
                let whole = |figure: &str| figure.split_once('/').is_some_and(|(n, of)| n == of);
                whole(accepted) && whole(decoded)
            });
        if !output.status.success() || !complete {
            failures.push(format!("{mode}: {summary}"));
        }
    }
    // Prism also logs what it accepted with a warning (`Violation: request…`
    // at warning level does not fail the request): there must be none.
    let logs = std::path::PathBuf::from(url("PRISM_LOG_DIR"));
    for mode in ["static", "dynamic"] {
        let log = logs.join(format!("{mode}.log"));
        let text =
            std::fs::read_to_string(&log).unwrap_or_else(|e| panic!("{}: {e}", log.display()));
        let request_violations: Vec<&str> = text
            .lines()
            .filter(|line| line.contains("Violation: request"))
            .collect();
        println!(
            "Prism {mode} log: {} request violations",
            request_violations.len()
        );
        if !request_violations.is_empty() {
            failures.push(format!("{mode} log: {}", request_violations.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "not every operation passed: {failures:?}"
    );
}
