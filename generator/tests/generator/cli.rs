//! The command line as a user runs it: `cargo run -p apidocs2rs [options]`
//! in the repository, and the installed `apidocs2rs` anywhere else.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::shared;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The generator as `cargo run -p apidocs2rs` runs it: in the repository,
/// with cargo's `CARGO_MANIFEST_DIR` (inherited from the test).
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_apidocs2rs"))
        .args(args)
        .current_dir(workspace())
        .output()
        .unwrap_or_else(|error| panic!("running the generator: {error}"))
}

/// The generator as an installed command: in `dir`, without cargo.
fn run_installed(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_apidocs2rs"))
        .args(args)
        .current_dir(dir)
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap_or_else(|error| panic!("running the generator: {error}"))
}

/// Every file under `dir` whose text mentions `word` (any case).
fn files_mentioning(dir: &Path, word: &str) -> Vec<PathBuf> {
    crate::files::under(dir)
        .into_iter()
        .filter(|path| {
            std::fs::read_to_string(path)
                .unwrap_or_default()
                .to_lowercase()
                .contains(word)
        })
        .collect()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|error| panic!("a temporary folder: {error}"))
}

fn path_arg(path: &Path) -> &str {
    path.to_str()
        .unwrap_or_else(|| panic!("{} is not UTF-8", path.display()))
}

#[test]
fn without_arguments_the_defaults_are_spec_and_generated() {
    // `--check` with no other option compares the workspace's generated/
    // with spec/, with or without the `generate` command's name.
    for args in [&["--check"][..], &["generate", "--check"][..]] {
        let output = run(args);
        assert!(output.status.success(), "{}", text(&output.stderr));
        let stdout = text(&output.stdout);
        assert!(stdout.contains("2 operations"), "{stdout}");
        assert!(stdout.contains("is up to date"), "{stdout}");
    }
}

#[test]
fn out_and_name_write_a_crate_that_check_accepts_until_a_file_changes() {
    let dir = temp();
    let out = path_arg(dir.path());
    let output = run(&["--out", out, "--name", "my-authentik"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let manifest = std::fs::read_to_string(dir.path().join("Cargo.toml")).unwrap_or_default();
    assert!(manifest.contains("name = \"my-authentik\""), "{manifest}");

    let check = run(&["--out", out, "--name", "my-authentik", "--check"]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    // The same crate under another name is stale: the manifest differs.
    let renamed = run(&["--out", out, "--check"]);
    assert!(!renamed.status.success());
    assert!(
        text(&renamed.stderr).contains("Cargo.toml"),
        "{}",
        text(&renamed.stderr)
    );

    let operations = dir.path().join("src/operations/providers.rs");
    let edited = std::fs::read_to_string(&operations).unwrap_or_default() + "\n// a hand edit\n";
    std::fs::write(&operations, edited).unwrap_or_else(|error| panic!("{error}"));
    let stale = run(&["--out", out, "--name", "my-authentik", "--check"]);
    assert_eq!(stale.status.code(), Some(1));
    let stderr = text(&stale.stderr);
    assert!(stderr.contains("stale"), "{stderr}");
    assert!(stderr.contains("src/operations/providers.rs"), "{stderr}");
    assert!(
        !stderr.contains("models"),
        "only the edited file differs: {stderr}"
    );
}

#[test]
fn spec_takes_a_single_page() {
    let dir = temp();
    let output = run(&[
        "--spec",
        "spec/002_f9504824eacc2b16.txt",
        "--out",
        path_arg(dir.path()),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("1 operations"),
        "{}",
        text(&output.stdout)
    );
    let operations =
        std::fs::read_to_string(dir.path().join("src/operations/providers.rs")).unwrap_or_default();
    assert!(operations.contains("pub fn proxy_partial_update("));
    assert!(!dir.path().join("src/operations/outposts.rs").exists());
}

#[test]
fn warnings_name_the_page_and_line() {
    let dir = temp();
    let output = run(&[
        "--spec",
        "spec/000_d5606ba46899795a.txt",
        "--out",
        path_arg(dir.path()),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("warning: spec/000_d5606ba46899795a.txt:")),
        "{stderr}"
    );
}

#[test]
fn a_bad_page_fails_with_its_location_and_writes_nothing() {
    let dir = temp();
    let page = dir.path().join("empty.txt");
    std::fs::write(&page, "").unwrap_or_else(|error| panic!("{error}"));
    let out = dir.path().join("out");
    let output = run(&["--spec", path_arg(&page), "--out", path_arg(&out)]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(&format!("{}:1:", page.display())),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn unknown_arguments_and_missing_values_are_explained() {
    for (args, said) in [
        (&["--frobnicate"][..], "Usage: apidocs2rs"),
        (&["--spec"][..], "a value is required for '--spec <PATH>'"),
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains(said), "{args:?}: {stderr}");
    }
    let help = run(&["--help"]);
    assert!(help.status.success());
    let help = text(&help.stdout);
    for shown in ["--check", "export-openapi", "generate"] {
        assert!(help.contains(shown), "{shown}: {help}");
    }
    // `--layout` names every layout the reader knows.
    for layout in apidocs2rs::Layout::ALL {
        assert!(help.contains(layout.name()), "{}: {help}", layout.name());
    }
    // Each command has its own help.
    for (command, flag) in [("generate", "--name"), ("export-openapi", "--out")] {
        let help = run(&[command, "--help"]);
        assert!(help.status.success(), "{command}");
        assert!(text(&help.stdout).contains(flag), "{command}");
    }
}

#[test]
fn export_openapi_writes_a_document_of_the_pages() {
    let dir = temp();
    let file = dir.path().join("authentik.yaml");
    let output = run(&["export-openapi", "--out", path_arg(&file)]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let document = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(document.starts_with("openapi: 3.0.3"), "{document}");
    assert!(document.contains("operationId: providers_proxy_partial_update"));
    assert!(document.contains("operationId: outposts_instances_update"));
    // Without --out, or with crate options, it explains itself.
    for args in [
        &["export-openapi"][..],
        &["export-openapi", "--out", "x.yaml", "--check"][..],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(text(&output.stderr).contains("export-openapi"), "{args:?}");
    }
}

#[test]
fn diff_reports_in_markdown_or_json_and_fails_on_breaking_changes() {
    let dir = temp();
    let write = |name: &str, operation: &str| {
        let path = dir.path().join(name);
        let document = format!(
            r#"{{"openapi": "3.0.3", "info": {{"title": "t", "version": "1"}}, "paths": {{
                "/a": {{"get": {{"operationId": "{operation}", "responses": {{"204": {{"description": "none"}}}}}}}}}}}}"#
        );
        std::fs::write(&path, document).unwrap_or_else(|e| panic!("{e}"));
        path
    };
    let (old, new) = (
        write("old.json", "things_list"),
        write("new.json", "things_all"),
    );
    let (old, new) = (path_arg(&old), path_arg(&new));
    let markdown = run(&["diff", old, new]);
    assert!(markdown.status.success(), "{}", text(&markdown.stderr));
    let report = text(&markdown.stdout);
    assert!(report.contains("2 changes: 1 break the build"), "{report}");
    assert!(
        report.contains("`Client::things_list`: removed"),
        "{report}"
    );
    let json = run(&["diff", old, new, "--format", "json"]);
    let value: serde_json::Value =
        serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["semver"], "major");
    assert_eq!(value["changes"][0]["severity"], "breaks_build");
    let failing = run(&["diff", old, new, "--fail-on", "breaking"]);
    assert_eq!(failing.status.code(), Some(1));
    let same = run(&["diff", old, old, "--fail-on", "breaking"]);
    assert!(same.status.success());
    assert!(text(&same.stdout).contains("0 changes"));
    // Bad input: the same located error as generation.
    let page = dir.path().join("bad.txt");
    std::fs::write(&page, "not a page\n").unwrap_or_else(|e| panic!("{e}"));
    let bad = run(&["diff", old, path_arg(&page)]);
    assert_eq!(bad.status.code(), Some(1));
    let generate = run(&["--spec", path_arg(&page), "--check"]);
    assert_eq!(text(&bad.stderr), text(&generate.stderr));
    assert!(text(&bad.stderr).contains(&format!("{}:1:", page.display())));
}

/// A document of another API: the crate is named after its title, written
/// to `./<name>` by default, describes that API, and says nothing of
/// authentik (the API the project started from).
#[test]
fn a_document_gives_a_crate_named_and_described_for_its_api() {
    let dir = temp();
    let document = dir.path().join("petstore.json");
    std::fs::write(
        &document,
        r#"{"openapi": "3.0.3",
            "info": {"title": "Swagger Petstore", "version": "1.0.7",
                     "description": "A sample API that uses a petstore as an example.",
                     "license": {"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0.html"}},
            "externalDocs": {"url": "https://swagger.io/about", "description": "More about Swagger"},
            "servers": [{"url": "https://petstore.example.com/v1"}],
            "paths": {"/pets/{id}": {"get": {"operationId": "getPet", "tags": ["pets"],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
                "responses": {"200": {"description": "a pet", "content": {"application/json": {"schema": {
                    "type": "object", "properties": {"name": {"type": "string"}}}}}}}}}}}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let output = run_installed(dir.path(), &["--spec", "petstore.json"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout)
            .contains("crate `swagger-petstore-client` written to swagger-petstore-client"),
        "{}",
        text(&output.stdout)
    );
    let crate_dir = dir.path().join("swagger-petstore-client");
    let read = |file: &str| std::fs::read_to_string(crate_dir.join(file)).unwrap_or_default();
    let manifest = read("Cargo.toml");
    assert!(
        manifest.contains("name = \"swagger-petstore-client\""),
        "{manifest}"
    );
    assert!(
        manifest.contains("description = \"A client for the Swagger Petstore API (version 1.0.7), generated from its documentation\""),
        "{manifest}"
    );
    let lib = read("src/lib.rs");
    for said in [
        "//! A client for the Swagger Petstore API (version 1.0.7), generated from its documentation.",
        "//! A sample API that uses a petstore as an example.",
        "//! - License of the API: [Apache 2.0](https://www.apache.org/licenses/LICENSE-2.0.html)",
        "//! - Further: [More about Swagger](https://swagger.io/about)",
        "swagger_petstore_client::Client::builder(swagger_petstore_client::DEFAULT_BASE_URL)",
    ] {
        assert!(lib.contains(said), "{said}:\n{lib}");
    }
    assert!(read("README.md").starts_with("<!-- @generated by apidocs2rs"));
    assert_eq!(
        files_mentioning(&crate_dir, "authentik"),
        Vec::<PathBuf>::new()
    );

    // The export keeps what the document says of the API.
    let exported = dir.path().join("exported.yaml");
    let output = run_installed(
        dir.path(),
        &[
            "export-openapi",
            "--spec",
            "petstore.json",
            "--out",
            "exported.yaml",
        ],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let exported = std::fs::read_to_string(exported).unwrap_or_default();
    for said in [
        "title: Swagger Petstore",
        "version: 1.0.7",
        "name: Apache 2.0",
        "url: https://swagger.io/about",
    ] {
        assert!(exported.contains(said), "{said}:\n{exported}");
    }
    assert!(!exported.to_lowercase().contains("authentik"), "{exported}");
}

/// Pages show no title: the crate is named after their folder, or after
/// `--title`.
#[test]
fn pages_take_their_name_from_the_folder_or_from_title() {
    let dir = temp();
    let pages = dir.path().join("acme-pages");
    std::fs::create_dir(&pages).unwrap_or_else(|e| panic!("{e}"));
    let page = workspace().join("spec/002_f9504824eacc2b16.txt");
    std::fs::copy(&page, pages.join("page.txt")).unwrap_or_else(|e| panic!("{e}"));
    let output = run_installed(dir.path(), &["--spec", "acme-pages", "--out", "by-folder"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let manifest =
        std::fs::read_to_string(dir.path().join("by-folder/Cargo.toml")).unwrap_or_default();
    assert!(
        manifest.contains("name = \"acme-pages-client\""),
        "{manifest}"
    );
    assert!(
        manifest.contains("A client for the acme-pages API"),
        "{manifest}"
    );
    let output = run_installed(
        dir.path(),
        &["--spec", "acme-pages", "--title", "Acme Cloud"],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let manifest = std::fs::read_to_string(dir.path().join("acme-cloud-client/Cargo.toml"))
        .unwrap_or_default();
    assert!(
        manifest.contains("A client for the Acme Cloud API"),
        "{manifest}"
    );
}

/// Outside the repository there is no default input: the command says
/// what it needs.
#[test]
fn an_installed_command_without_spec_asks_for_input() {
    let dir = temp();
    let output = run_installed(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("no input: give one with --spec PATH"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(
        std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(0),
        0
    );
}

/// Ory Hydra's public document: the crate is Hydra's, through and through.
#[test]
fn the_hydra_crate_is_named_for_hydra_and_never_mentions_authentik() {
    let Some(document) = shared::document("specs/corpus/ory-hydra.json") else {
        return;
    };
    let dir = temp();
    let output = run_installed(dir.path(), &["--spec", path_arg(&document)]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let crate_dir = dir.path().join("ory-hydra-client");
    let manifest = std::fs::read_to_string(crate_dir.join("Cargo.toml")).unwrap_or_default();
    assert!(
        manifest.contains("name = \"ory-hydra-client\""),
        "{manifest}"
    );
    assert!(
        manifest.contains("A client for the Ory Hydra API"),
        "{manifest}"
    );
    assert_eq!(
        files_mentioning(&crate_dir, "authentik"),
        Vec::<PathBuf>::new()
    );
}

/// The README's quick start, as a stranger runs it from the clone.
#[test]
fn the_readme_quick_start_writes_the_petstore_crate() {
    let dir = temp();
    let spec = workspace().join("generator/tests/fixtures/petstore.yaml");
    let output = run_installed(dir.path(), &["--spec", path_arg(&spec)]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let manifest =
        std::fs::read_to_string(dir.path().join("petstore-client/Cargo.toml")).unwrap_or_default();
    assert!(
        manifest.contains("name = \"petstore-client\""),
        "{manifest}"
    );
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap_or_default();
    assert!(
        readme.contains("apidocs2rs --spec generator/tests/fixtures/petstore.yaml"),
        "the README's quick start runs this command"
    );
}
