//! Every public OpenAPI document in `shared/specs/corpus/` and Swagger 2.0
//! document in `shared/specs/corpus-v2/` (and the folder
//! of made-up hosted platforms' pages) generates a crate that passes
//! `cargo clippy -D warnings`, with its default features
//! and with all of them, whose documentation's examples (written with
//! the API's own operations) compile, and whose docs `cargo doc` builds
//! without a warning. Prints per
//! document its operations, types and warnings by kind. Minutes of
//! compiling, so it is `#[ignore]`d in `cargo test --workspace` and run by
//! `.ci/run` with `--ignored`.

use std::path::Path;
use std::process::Command;

/// A package name for a document: `oai-3.1-webhook-example.yaml` →
/// `corpus-oai-3-1-webhook-example`.
fn package_name(document: &Path) -> String {
    let stem = document
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document");
    let name: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("corpus-{name}")
}

#[test]
#[ignore = "compiles every corpus document's crate (minutes); .ci/run runs it with --ignored"]
fn every_corpus_document_generates_a_crate_that_passes_clippy() {
    let Some(mut documents) = crate::shared::documents_in("specs/corpus", &["json", "yaml", "yml"])
    else {
        return;
    };
    // And the Swagger 2.0 documents.
    let Some(swagger) = crate::shared::documents_in("specs/corpus-v2", &["json", "yaml", "yml"])
    else {
        return;
    };
    documents.extend(swagger);
    assert!(!documents.is_empty(), "no documents in shared/specs/corpus");
    let workspace = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut members = Vec::new();
    let mut failures = Vec::new();
    // With them, a folder of pages of the five hosted platforms' layouts.
    let hosted = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hosted");
    let inputs = documents.iter().cloned().chain([hosted]);
    for document in &inputs.collect::<Vec<_>>() {
        let name = package_name(document);
        let dir = workspace.path().join(&name);
        let generated = apidocs2rs::Generator::new()
            .spec(document)
            .crate_name(&name)
            .write_crate(&dir);
        match generated {
            Ok(report) => {
                println!(
                    "{}: {} operations, {} types, {} warnings",
                    document.display(),
                    report.operations,
                    report.schemas,
                    report.warnings.len()
                );
                for (kind, count) in apidocs2rs::warning_kinds(&report.warnings) {
                    println!("    {count:>4} × {kind}");
                }
                members.push(name);
            }
            Err(error) => failures.push(format!("{}: {error}", document.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "generation failed:\n{}",
        failures.join("\n")
    );
    // One workspace, so the dependencies compile once and the crates in parallel.
    let manifest = format!(
        "[workspace]\nmembers = [{}]\nresolver = \"2\"\n",
        members
            .iter()
            .map(|m| format!("\"{m}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    std::fs::write(workspace.path().join("Cargo.toml"), manifest).unwrap_or_else(|e| panic!("{e}"));
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus");
    // The default features (every tag, a type with the serde traits its
    // operations need) and all of them (both traits on every type).
    for features in [&[][..], &["--all-features"][..]] {
        let args = [
            &["clippy", "--quiet", "--workspace"][..],
            features,
            &["--", "-D", "warnings"],
        ]
        .concat();
        let output = Command::new(env!("CARGO"))
            .args(&args)
            .current_dir(workspace.path())
            .env("CARGO_TARGET_DIR", &target)
            .output()
            .unwrap_or_else(|e| panic!("running cargo clippy: {e}"));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "cargo {args:?} failed:\n{stderr}");
        assert!(
            !stderr.contains("warning:"),
            "cargo {args:?} warned:\n{stderr}"
        );
        println!(
            "clippy -D warnings {features:?}: clean on all {} crates",
            members.len()
        );
    }
    let output = Command::new(env!("CARGO"))
        .args(["test", "--quiet", "--doc", "--workspace", "--no-fail-fast"])
        .current_dir(workspace.path())
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap_or_else(|e| panic!("running cargo test --doc: {e}"));
    assert!(
        output.status.success(),
        "the crates' doc examples failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    println!(
        "cargo test --doc: every example compiles, on all {} crates",
        members.len()
    );
    // The docs keep the descriptions' Markdown: rustdoc must find nothing
    // to warn about (a broken link, a stray HTML tag, a bare URL).
    let output = Command::new(env!("CARGO"))
        .args([
            "doc",
            "--quiet",
            "--no-deps",
            "--workspace",
            "--all-features",
        ])
        .current_dir(workspace.path())
        .env("CARGO_TARGET_DIR", &target)
        .env("RUSTDOCFLAGS", "-D warnings")
        .output()
        .unwrap_or_else(|e| panic!("running cargo doc: {e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && !stderr.contains("warning:"),
        "cargo doc -D warnings failed:\n{stderr}"
    );
    println!(
        "cargo doc -D warnings: clean on all {} crates",
        members.len()
    );
}
