//! Malformed pages give an error that names the file, the line and what was
//! expected, never a panic.

use std::path::{Path, PathBuf};

use apidocs2rs::diagnostic::Error;
use apidocs2rs::Generator;

/// The seed pages, and two flat-style pages written by the test renderer
/// (`tests/page_render/flat.rs`) for what the seeds do not show: a list
/// example, and a response without content.
const PAGES: [&str; 4] = [
    "../spec/002_f9504824eacc2b16.txt",
    "../spec/000_d5606ba46899795a.txt",
    "tests/fixtures/pages/flat_admin_file_used_by_list.txt",
    "tests/fixtures/pages/flat_core_groups_destroy.txt",
];

fn read(page: &str) -> String {
    std::fs::read_to_string(page).unwrap_or_else(|error| panic!("{page}: {error}"))
}

/// Writes `content` to a page in a fresh folder and loads it.
fn load(content: &[u8]) -> (tempfile::TempDir, PathBuf, Result<(), Error>) {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("a temporary folder: {error}"));
    let path = dir.path().join("page.txt");
    std::fs::write(&path, content).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let result = Generator::new().spec(&path).load().map(|_| ());
    (dir, path, result)
}

/// The error is an input error at `file:line` whose message contains `expected`.
fn assert_located(result: Result<(), Error>, file: &Path, line: usize, expected: &str) {
    match result {
        Err(Error::Input { location, message }) => {
            assert_eq!(location.file, file);
            assert_eq!(location.line, Some(line), "wrong line for: {message}");
            assert!(
                message.contains(expected),
                "`{message}` should mention `{expected}`"
            );
            let shown = Error::Input { location, message }.to_string();
            assert!(
                shown.starts_with(&format!("{}:{line}: ", file.display())),
                "{shown}"
            );
        }
        other => panic!("expected an input error at line {line}, got {other:?}"),
    }
}

#[test]
fn an_empty_file_is_an_error_at_line_one() {
    let (_dir, path, result) = load(b"");
    assert_located(result, &path, 1, "expected an operation id");
}

#[test]
fn a_page_cut_before_its_responses_says_it_may_be_truncated() {
    let page = read(PAGES[0]);
    let head: Vec<&str> = page.lines().take(60).collect();
    let (_dir, path, result) = load(head.join("\n").as_bytes());
    assert_located(result, &path, 60, "no `Responses` section");
}

#[test]
fn an_unknown_type_label_names_the_line_and_the_known_labels() {
    let page = read(PAGES[0]).replace("\n    namestring\n", "\n    namestrin\n");
    let line = 1 + page
        .lines()
        .position(|l| l == "    namestrin")
        .unwrap_or_default();
    let (_dir, path, result) = load(page.as_bytes());
    assert_located(result, &path, line, "does not end in a known type label");
}

#[test]
fn an_unclosed_array_names_the_line_it_opens_on() {
    let page = read(PAGES[0]);
    let line = 1 + page
        .lines()
        .position(|l| l == "  • Array [")
        .unwrap_or_default();
    let without_close: Vec<&str> = page.lines().filter(|l| *l != "  • ]").collect();
    let (_dir, path, result) = load(without_close.join("\n").as_bytes());
    assert_located(result, &path, line, "is not closed");
}

#[test]
fn invalid_json_in_an_example_names_its_line() {
    let page = read(PAGES[1]);
    let line = 1 + page
        .lines()
        .position(|l| l == "\"pk\": 0,")
        .unwrap_or_default();
    let broken = page.replacen("\"pk\": 0,", "\"pk\": 0,,", 1);
    let (_dir, path, result) = load(broken.as_bytes());
    assert_located(result, &path, line, "invalid JSON example");
}

#[test]
fn bytes_that_are_not_utf8_are_an_io_error_naming_the_file() {
    let (_dir, path, result) = load(b"\xff\xfe not text\n");
    match result {
        Err(error @ Error::Io { .. }) => {
            assert!(
                error.to_string().starts_with(&path.display().to_string()),
                "{error}"
            )
        }
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

#[test]
fn a_missing_spec_is_an_error_naming_it() {
    let result = Generator::new().spec("../spec/no-such-page.txt").load();
    match result {
        Err(error) => assert!(
            error.to_string().contains("../spec/no-such-page.txt"),
            "{error}"
        ),
        Ok(_) => panic!("a missing file should not load"),
    }
}

/// Every truncation, every single-line deletion, every swap of two
/// neighbouring lines and every line garbled (reversed, or its first half
/// doubled) of each page either parses or gives an input error with a
/// line inside the page: no panics, no errors without a location.
#[test]
fn every_truncated_reordered_or_garbled_page_gives_a_located_result() {
    for page in PAGES {
        let text = read(page);
        let (_dir, _path, whole) = load(text.as_bytes());
        assert!(whole.is_ok(), "{page}: {whole:?}");
        let lines: Vec<&str> = text.lines().collect();
        let mut variants: Vec<(String, Vec<String>)> = Vec::new();
        let owned = |lines: &[&str]| lines.iter().map(|l| l.to_string()).collect::<Vec<_>>();
        for n in 0..lines.len() {
            variants.push((format!("first {n} lines"), owned(&lines[..n])));
            let mut deleted = owned(&lines);
            deleted.remove(n);
            variants.push((format!("line {} deleted", n + 1), deleted));
            if n + 1 < lines.len() {
                let mut swapped = owned(&lines);
                swapped.swap(n, n + 1);
                variants.push((format!("lines {} and {} swapped", n + 1, n + 2), swapped));
            }
            let mut reversed = owned(&lines);
            reversed[n] = lines[n].chars().rev().collect();
            variants.push((format!("line {} reversed", n + 1), reversed));
            let mut doubled = owned(&lines);
            let half: String = lines[n]
                .chars()
                .take(lines[n].chars().count() / 2)
                .collect();
            doubled[n] = format!("{half}{}", lines[n]);
            variants.push((format!("line {} garbled", n + 1), doubled));
        }
        for (what, variant) in variants {
            let (_dir, _path, result) = load(variant.join("\n").as_bytes());
            match result {
                Ok(()) => {}
                Err(Error::Input { location, .. }) => {
                    let line = location
                        .line
                        .unwrap_or_else(|| panic!("{page}, {what}: no line"));
                    assert!(
                        (1..=variant.len().max(1)).contains(&line),
                        "{page}, {what}: line {line}"
                    );
                }
                Err(other) => panic!("{page}, {what}: unexpected error {other}"),
            }
        }
    }
}
