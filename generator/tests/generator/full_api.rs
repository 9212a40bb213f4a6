//! The whole authentik API, generated from both shared versions into a
//! temporary folder and compiled: `cargo clippy -D warnings` on each (zero
//! warnings, lints clean), on the newest also with one tag feature, none, and
//! all (`round-trip`); `cargo build` of the newest, and `cargo doc` with
//! warnings denied. The constructs fixture with each of its features alone. Minutes of compiling, so it is `#[ignore]`d in
//! `cargo test --workspace` and run by `.ci/run` with `--ignored`.

use std::path::Path;
use std::process::Command;

use crate::shared;

/// Runs cargo in `dir` and fails the test, with cargo's output, if it fails.
fn cargo(dir: &Path, args: &[&str], rustdocflags: Option<&str>) {
    // A shared target folder so the dependencies compile once for all runs.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("full-api");
    let mut command = Command::new(env!("CARGO"));
    command
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", &target);
    if let Some(flags) = rustdocflags {
        command.env("RUSTDOCFLAGS", flags);
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("running cargo {args:?}: {e}"));
    if !output.status.success() {
        panic!(
            "cargo {args:?} failed in {}:\n{}",
            dir.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("warning:"),
        "cargo {args:?} warned:\n{stderr}"
    );
}

fn generate(spec: &Path, dir: &Path) {
    match apidocs2rs::Generator::new().spec(spec).write_crate(dir) {
        Ok(report) => println!(
            "{}: {} operations, {} types, {} warnings",
            spec.display(),
            report.operations,
            report.schemas,
            report.warnings.len()
        ),
        Err(error) => panic!("{}: {error}", spec.display()),
    }
    // A workspace of its own, so cargo does not look for one above the temporary folder.
    let manifest = dir.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).unwrap_or_default() + "\n[workspace]\n";
    std::fs::write(&manifest, text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
#[ignore = "compiles the whole authentik API (minutes); .ci/run runs it with --ignored"]
fn both_versions_generate_compile_and_pass_clippy() {
    for version in [shared::AUTHENTIK_2025, shared::AUTHENTIK_2026] {
        let Some(spec) = shared::document(version) else {
            return;
        };
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        generate(&spec, dir.path());
        cargo(
            dir.path(),
            &["clippy", "--quiet", "--", "-D", "warnings"],
            None,
        );
        if version == shared::AUTHENTIK_2026 {
            // One tag alone, no tag, and every feature: each cfg is right.
            for features in [
                &["--no-default-features", "--features", "core"][..],
                &["--no-default-features"][..],
                &["--all-features"][..],
            ] {
                let args = [&["clippy", "--quiet"], features, &["--", "-D", "warnings"]].concat();
                cargo(dir.path(), &args, None);
            }
            cargo(dir.path(), &["build", "--quiet"], None);
            cargo(
                dir.path(),
                &["doc", "--quiet", "--no-deps"],
                Some("-D warnings"),
            );
            // The crate doc's examples (a call, errors, a stream) are
            // written with operations of this API: they must compile.
            cargo(dir.path(), &["test", "--quiet", "--doc"], None);
        }
    }
}

/// Every tag feature of the constructs fixture compiles alone, with the
/// types it uses and nothing else (a missing type or a type compiled without
/// its user would fail or warn).
#[test]
#[ignore = "runs cargo on a generated crate; .ci/run runs it with --ignored"]
fn each_tag_feature_compiles_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    generate(Path::new("tests/fixtures/constructs.yaml"), dir.path());
    for features in ["challenge", "things", "round-trip", "things,round-trip"] {
        cargo(
            dir.path(),
            &[
                "clippy",
                "--quiet",
                "--no-default-features",
                "--features",
                features,
                "--",
                "-D",
                "warnings",
            ],
            None,
        );
    }
}
