//! Every operation of authentik 2025.12.6 against Prism, a mock server that
//! validates each request against the OpenAPI document (`sl-violations`)
//! and answers with the documented responses.
//!
//! The test generates the client, builds the program of
//! `exercise/` (one call per operation, arguments made from
//! the model) and runs it against two Prism servers: static (answers built
//! from the document's examples and schemas) and dynamic (random values that
//! match the schemas, nulls included, from a fixed seed). Each run must
//! print `accepted N/N, decoded N/N`.
//!
//! It needs the servers: `generator/tests/prism.sh start` starts both and prints the
//! variables to export (`PRISM_STATIC_URL`, `PRISM_DYNAMIC_URL`,
//! `PRISM_LOG_DIR`, where the test also checks that Prism logged no request
//! violation, not even a warning); `.ci/run`
//! does that and runs this test with `--ignored`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::shared;

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

/// Generates the client of `spec` as package `package` and its exercise
/// program; builds the program and returns its path.
fn build_exercise(spec: &Path, package: &str) -> PathBuf {
    let work = work_dir().join(package);
    let client = work.join(package);
    let generator = apidocs2rs::Generator::new().spec(spec).crate_name(package);
    let spec = spec.display();
    let report = generator
        .write_crate(&client)
        .unwrap_or_else(|e| panic!("{spec}: {e}"));
    println!(
        "{spec}: {} operations, {} types",
        report.operations, report.schemas
    );
    let manifest = client.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).unwrap_or_default();
    if !text.contains("[workspace]") {
        write(&manifest, &format!("{text}\n[workspace]\n"));
    }
    let (api, _) = generator.load().unwrap_or_else(|e| panic!("{spec}: {e}"));
    let program = crate::exercise::program(&api, &package.replace('-', "_"))
        .unwrap_or_else(|e| panic!("{spec}: {e}"));
    let exercise = work.join("exercise");
    write(&exercise.join("src/main.rs"), &program);
    write(
        &exercise.join("Cargo.toml"),
        &(format!(
            r#"[package]
name = "exercise-{package}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
{package} = {{ path = "../{package}" }}"#
        ) + r#"
chrono = { version = "0.4", default-features = false, features = ["std"] }
serde_json = "1"
futures-util = { version = "0.3", default-features = false }
reqwest = { version = "0.13", default-features = false }
tokio = { version = "1", features = ["macros", "rt"] }
uuid = "1"
rand = { version = "0.10", default-features = false, features = ["std", "std_rng"] }
rand_regex = "0.19"

[workspace]
"#),
    );
    // The whole-API test's target folder: the dependencies are built once.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("full-api");
    let output = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--bins"])
        .current_dir(&exercise)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap_or_else(|e| panic!("running cargo build: {e}"));
    assert!(
        output.status.success(),
        "building the exercise program failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    target.join(format!("debug/exercise-{package}"))
}

/// Runs the exercise program against `url`: its output, and whether every
/// operation was accepted and decoded.
fn run_exercise(program: &Path, url: &str) -> (String, bool) {
    let output = Command::new(program)
        .arg(url)
        .output()
        .unwrap_or_else(|e| panic!("running {}: {e}", program.display()));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    (stdout, output.status.success())
}

fn url(variable: &str) -> String {
    std::env::var(variable).unwrap_or_else(|_| {
        panic!("{variable} is not set: start Prism with `generator/tests/prism.sh start` and export what it prints")
    })
}

#[test]
#[ignore = "needs two Prism servers (generator/tests/prism.sh start); .ci/run runs it with --ignored"]
fn every_operation_is_accepted_and_decoded_by_prism() {
    let Some(spec) = shared::document(shared::AUTHENTIK_2025) else {
        return;
    };
    let urls = [
        ("static", url("PRISM_STATIC_URL")),
        ("dynamic", url("PRISM_DYNAMIC_URL")),
    ];
    let program = build_exercise(&spec, "authentik-api");
    let mut failures = Vec::new();
    for (mode, url) in urls {
        let (stdout, complete) = run_exercise(&program, &url);
        println!("Prism {mode} ({url}):\n{stdout}");
        // authentik's document and Prism agree: every answer decodes.
        if !complete || !stdout.contains("Prism's answer invalid 0") {
            let summary = stdout.lines().last().unwrap_or_default();
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

/// Operations of the corpus documents that Prism itself cannot serve, with
/// the reason; every other operation must be accepted, and answered with a
/// response that decodes or that Prism itself makes invalid (the program
/// prints those with Prism's violations).
const PRISM_CANNOT: &[(&str, &str, &str)] = &[
    (
        "sonarr-v3.json",
        "get",
        "the document declares a path parameter `path` for `/`, which has none; Prism requires it in the path",
    ),
    (
        "twilio-accounts-v1.json",
        "CreateBulkConsents",
        "a form body's array of untyped items (`items: {}`): Prism reads no form encoding of it as an array (`Items=a&Items=b`, `Items[]=a&Items[]=b`, `Items=a,b` and `Items[0]=a` were all refused as not an array)",
    ),
    (
        "twilio-accounts-v1.json",
        "CreateBulkContacts",
        "a form body's array of untyped items (`items: {}`): Prism reads no form encoding of it as an array (`Items=a&Items=b`, `Items[]=a&Items[]=b`, `Items=a,b` and `Items[0]=a` were all refused as not an array)",
    ),
    (
        "twilio-accounts-v1.json",
        "UpdateMessagingGeopermissions",
        "a form body's array of untyped items (`items: {}`): Prism reads no form encoding of it as an array (`Items=a&Items=b`, `Items[]=a&Items[]=b`, `Items=a,b` and `Items[0]=a` were all refused as not an array)",
    ),
    (
        "oai-3.1-non-oauth-scopes.yaml",
        "get_users",
        "the operation documents no response (allowed in OpenAPI 3.1); Prism answers 500 `No response defined for the selected operation`",
    ),
    (
        "gitea.json",
        "repoGetRawFile",
        "a Swagger 2.0 `type: file` answer in `application/octet-stream`: Prism answers 500 `Cannot find serializer for application/octet-stream`",
    ),
    (
        "gitea.json",
        "repoGetRawFileOrLFS",
        "a Swagger 2.0 `type: file` answer in `application/octet-stream`: Prism answers 500 `Cannot find serializer for application/octet-stream`",
    ),
];

/// Operations of the corpus documents that do not pass yet through a fault
/// of ours (the generator or its exercise program), with the reason. The
/// docs (`docs/other-apis.md`) list them as known limitations; each that starts passing must
/// be taken off this list (the test fails when one passes).
const NOT_YET: &[(&str, &str, &str)] = &[];

#[test]
#[ignore = "needs the Prism servers of the corpus documents (generator/tests/prism.sh start); .ci/run runs it with --ignored"]
fn every_corpus_operation_is_accepted_and_decoded_by_prism() {
    let corpus = url("PRISM_CORPUS");
    let mut failures = Vec::new();
    for entry in corpus.split_whitespace() {
        let Some((document, url)) = entry.split_once('=') else {
            panic!("PRISM_CORPUS: expected `document=url`, found `{entry}`");
        };
        let Some(spec) = shared::document(&format!("specs/{document}")) else {
            return;
        };
        // `corpus/ory-hydra.json`: the lists below name `ory-hydra.json`.
        let document = document.rsplit('/').next().unwrap_or(document);
        let stem = document.split('.').next().unwrap_or(document);
        let program = build_exercise(&spec, &format!("corpus-{stem}"));
        let (stdout, _) = run_exercise(&program, url);
        println!("Prism static mock of {document} ({url}):\n{stdout}");
        for line in stdout.lines() {
            let Some((operation, _)) = line
                .split_once(": rejected:")
                .or_else(|| line.split_once(": not decoded:"))
            else {
                continue;
            };
            let listed = |list: &[(&str, &str, &'static str)]| {
                list.iter()
                    .find(|(d, o, _)| *d == document && *o == operation)
                    .map(|(_, _, reason)| *reason)
            };
            match (listed(PRISM_CANNOT), listed(NOT_YET)) {
                (Some(reason), _) => println!("  {operation}: Prism cannot serve it: {reason}"),
                (None, Some(reason)) => println!("  {operation}: not yet (ours): {reason}"),
                (None, None) => failures.push(line.to_string()),
            }
        }
        for (_, operation, _) in NOT_YET.iter().filter(|(d, _, _)| *d == document) {
            let failed = |marker: &str| stdout.contains(&format!("{operation}: {marker}"));
            if !failed("rejected:") && !failed("not decoded:") {
                failures.push(format!(
                    "{document}: {operation} passes now: take it off NOT_YET"
                ));
            }
        }
        if !stdout.contains("accepted ") {
            failures.push(format!("{document}: the program did not finish"));
        }
    }
    assert!(
        failures.is_empty(),
        "not every operation passed: {failures:?}"
    );
}
