//! The shared documents: public API documents (authentik's two versions,
//! the OpenAPI 3.x corpus, the Swagger 2.0 corpus) that tests read but the
//! repository does not hold. They are in `../shared/` beside the checkout,
//! or where `APIDOCS2RS_SHARED` points (`docs/development.md` lists which
//! test needs which document, and `shared/specs/corpus/INDEX.md` where each
//! comes from).
//!
//! A test that needs one asks [`document`]. Where the file is missing, the
//! test is skipped: it says so in one line naming the file (written to the
//! terminal, past the test harness's capture), and when the test binary
//! ends it prints how many it skipped. With `APIDOCS2RS_REQUIRE_SHARED=1`
//! (CI sets it), a missing file fails the test instead, so CI runs
//! everything.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Once;

/// The older of authentik's two versions, the one the seed pages were
/// rendered from.
pub const AUTHENTIK_2025: &str = "specs/authentik-2025.12.6.yml";
/// The newer of authentik's two versions.
pub const AUTHENTIK_2026: &str = "specs/authentik-2026.5.6.yml";

/// The folder of the shared documents.
pub fn folder() -> PathBuf {
    match std::env::var_os("APIDOCS2RS_SHARED") {
        Some(folder) if !folder.is_empty() => PathBuf::from(folder),
        // The package is `generator/` of the checkout; `shared/` is beside
        // the checkout.
        _ => {
            let package = Path::new(env!("CARGO_MANIFEST_DIR"));
            let beside = package.parent().and_then(Path::parent).unwrap_or(package);
            beside.join("shared")
        }
    }
}

/// `relative` (`specs/authentik-2025.12.6.yml`) under the shared folder,
/// or `None` when it is missing and the calling test is to be skipped.
/// Panics when it is missing and `APIDOCS2RS_REQUIRE_SHARED` is set.
pub fn document(relative: &str) -> Option<PathBuf> {
    let path = folder().join(relative);
    if path.exists() {
        return Some(path);
    }
    let required =
        std::env::var("APIDOCS2RS_REQUIRE_SHARED").is_ok_and(|v| !v.is_empty() && v != "0");
    if required {
        panic!(
            "{} is missing, and APIDOCS2RS_REQUIRE_SHARED is set: put the shared documents beside the checkout (or point APIDOCS2RS_SHARED at them)",
            path.display()
        );
    }
    skipped(&format!(
        "needs shared/{relative}, which is not at {}",
        path.display()
    ));
    None
}

/// Every file of `relative` (a folder under the shared folder) whose name
/// ends in one of `extensions`, sorted; `None` (the test skipped) when the
/// folder is missing.
pub fn documents_in(relative: &str, extensions: &[&str]) -> Option<Vec<PathBuf>> {
    let folder = document(relative)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .collect();
    files.sort();
    Some(files)
}

static SKIPPED: AtomicUsize = AtomicUsize::new(0);
static SUMMARY: Once = Once::new();

/// Says that the running test is skipped, and why, where the user sees it.
fn skipped(why: &str) {
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    SKIPPED.fetch_add(1, Ordering::SeqCst);
    // The harness captures `eprintln!`, not writes to the handle itself.
    let _ = writeln!(std::io::stderr(), "skipped {test}: {why}");
    SUMMARY.call_once(|| {
        // SAFETY: `atexit` takes a function without arguments that is run
        // once when the process exits; `summary` touches only a static.
        unsafe { atexit(summary) };
    });
}

extern "C" {
    fn atexit(callback: extern "C" fn()) -> std::ffi::c_int;
}

/// Run when the test binary exits, after the harness's own summary.
extern "C" fn summary() {
    let count = SKIPPED.load(Ordering::SeqCst);
    let _ = writeln!(
        std::io::stderr(),
        "{count} test{} skipped (and counted as passed above): the shared documents are not beside this checkout; docs/development.md says which test needs which, and where they come from",
        if count == 1 { " was" } else { "s were" }
    );
}
