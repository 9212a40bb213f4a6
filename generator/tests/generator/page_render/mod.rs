//! Renderers of model operations into page text in the two copy styles of
//! the seed pages (test code: `indented.rs`, `flat.rs`), checked against
//! the real pages: rendering their operations from `authentik-2025.12.6.yml`
//! reproduces them, and every line that differs is listed here with the
//! reason. Then the round trip: every operation of both shared versions
//! rendered in each style and read back by the docs-page parser, compared
//! with what that style carries of the document (`carried.rs`).

mod carried;
mod flat;
mod indented;
mod lookup;
mod qualifier;

use apidocs2rs::model::{Api, Operation};
use carried::{carried, Style};

use crate::compare::Compare;
use crate::shared;

/// The model of the shared authentik document of `version` (`2025.12.6`),
/// or `None` (the test skipped) without it.
fn document_model(version: &str) -> Option<Api> {
    let spec = shared::document(&format!("specs/authentik-{version}.yml"))?;
    Some(
        apidocs2rs::Generator::new()
            .spec(&spec)
            .load()
            .unwrap_or_else(|e| panic!("{}: {e}", spec.display()))
            .0,
    )
}

/// The page's lines up to the first line starting with `until` (included),
/// or all of them.
fn page_lines(page: &str, until: Option<&str>) -> Vec<String> {
    let text = std::fs::read_to_string(page).unwrap_or_else(|e| panic!("{page}: {e}"));
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let end = until
        .and_then(|until| lines.iter().position(|l| l.starts_with(until)))
        .map_or(lines.len(), |i| i + 1);
    lines[..end].to_vec()
}

/// The lines only one side has, as `-` (page) and `+` (rendered), by a
/// longest-common-subsequence diff.
fn difference(page: &[String], rendered: &[String]) -> Vec<String> {
    let (n, m) = (page.len(), rendered.len());
    let mut table = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if page[i] == rendered[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && page[i] == rendered[j] {
            i += 1;
            j += 1;
        } else if j < m && (i == n || table[i][j + 1] >= table[i + 1][j]) {
            out.push(format!("+{}", rendered[j]));
            j += 1;
        } else {
            out.push(format!("-{}", page[i]));
            i += 1;
        }
    }
    out
}

#[test]
fn the_indented_page_is_reproduced_but_for_the_explained_lines() {
    // The page up to its security block; the code samples and the request
    // explorer after it are not rendered.
    assert_reproduced(
        "providers_proxy_partial_update",
        Style::Indented,
        "../spec/002_f9504824eacc2b16.txt",
        Some("name: authentik"),
        &[
            // The page drops `nullable` on read-only nullable fields (the
            // document marks these four nullable; see the cross-check test).
            "+    assigned_application_slugstringnullablerequired",
            "-    assigned_application_slugstringrequired",
            "+    assigned_application_namestringnullablerequired",
            "-    assigned_application_namestringrequired",
            "+    assigned_backchannel_application_slugstringnullablerequired",
            "-    assigned_backchannel_application_slugstringrequired",
            "+    assigned_backchannel_application_namestringnullablerequired",
            "-    assigned_backchannel_application_namestringrequired",
        ],
    );
}

#[test]
fn the_flat_page_is_reproduced_but_for_the_explained_lines() {
    // The whole page: this copy ends with the last response's example.
    assert_reproduced(
        "outposts_instances_update",
        Style::Flat,
        "../spec/000_d5606ba46899795a.txt",
        None,
        &[
            // The page was rendered from a document whose `Provider` had no
            // `invalidation_flow` yet (its example lacks the key too);
            // 2025.12.6 has it, with this description.
            "+Flow used ending the session from a provider.",
            // The page drops `nullable` on read-only nullable fields
            // (`service_connection_obj`; the same fault as the indented page's).
            "+nullable",
            // `invalidation_flow` again, in the example.
            "+\"invalidation_flow\": \"3fa85f64-5717-4562-b3fc-2c963f66afa6\",",
        ],
    );
}

/// Renders `id` of authentik 2025.12.6 in `style` and checks that it differs
/// from the seed `page` (up to the line starting with `until`) in exactly the
/// `explained` lines (`+` rendered only, `-` page only).
fn assert_reproduced(id: &str, style: Style, page: &str, until: Option<&str>, explained: &[&str]) {
    let Some(api) = document_model("2025.12.6") else {
        return;
    };
    let op = api
        .operations
        .iter()
        .find(|op| op.id == id)
        .unwrap_or_else(|| panic!("no {id} in authentik 2025.12.6"));
    let rendered: Vec<String> = render(&api, op, style)
        .lines()
        .map(str::to_string)
        .collect();
    let difference = difference(&page_lines(page, until), &rendered);
    for line in &difference {
        println!("{line}");
    }
    assert_eq!(difference, explained, "rendered:\n{}", rendered.join("\n"));
}

/// `op`'s page in `style`.
fn render(api: &Api, op: &Operation, style: Style) -> String {
    match style {
        Style::Indented => indented::page(api, op),
        Style::Flat => flat::page(api, op),
    }
}

/// The round trip, for both styles on both shared authentik versions:
/// every operation rendered as a page and read back by the docs-page
/// parser, its model compared with what the style carries of the document's
/// (`carried.rs`). Every page must parse, no fact may be wrong, and every
/// fact the style carries must be recovered.
#[test]
fn every_rendered_page_reads_back_with_every_carried_fact_and_no_wrong_one() {
    for version in ["2025.12.6", "2026.5.6"] {
        let Some(api) = document_model(version) else {
            return;
        };
        for style in [Style::Indented, Style::Flat] {
            round_trip(version, &api, style);
        }
    }
}

/// What a style carries is true of the document: the projection only
/// leaves facts out or says them less precisely.
#[test]
fn what_each_style_carries_is_true_of_the_document() {
    for version in ["2025.12.6", "2026.5.6"] {
        let Some(api) = document_model(version) else {
            return;
        };
        for style in [Style::Indented, Style::Flat] {
            let carried = carried(&api, style);
            let mut compare = Compare {
                lenient: true,
                ..Compare::new(&carried, &api)
            };
            for op in &api.operations {
                compare.operation(&op.id);
            }
            let mut all = Compare::new(&api, &api);
            for op in &api.operations {
                all.operation(&op.id);
            }
            println!(
                "{version}, {style:?} style carries {} of the document's {} facts of the compared kinds",
                compare.stated, all.stated
            );
            for line in compare.differences.iter().take(20) {
                println!("  {line}");
            }
            assert!(
                compare.differences.is_empty(),
                "{version}, {style:?}: the projection states {} facts the document does not",
                compare.differences.len()
            );
        }
    }
}

fn round_trip(version: &str, api: &Api, style: Style) {
    let carried = carried(api, style);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut everything = Compare::new(&carried, &carried);
    let (mut parsed, mut equal, mut recovered, mut wrong) = (0, 0, 0, Vec::new());
    let (mut failures, mut missing) = (Vec::new(), Vec::new());
    for op in &api.operations {
        let before = everything.stated;
        everything.operation(&op.id);
        let carried_here = everything.stated - before;
        let file = dir.path().join(format!("{}.txt", op.id));
        std::fs::write(&file, render(api, op, style)).unwrap_or_else(|e| panic!("{e}"));
        let page = match apidocs2rs::Generator::new().spec(&file).load() {
            Ok((page, _)) => page,
            Err(error) => {
                failures.push(error.to_string());
                continue;
            }
        };
        parsed += 1;
        let mut compare = Compare::new(&page, &carried);
        compare.operation(&op.id);
        // `DEBUG_OP=<operation id>` prints that page and what was read from it.
        if std::env::var("DEBUG_OP").as_deref() == Ok(op.id.as_str()) {
            println!(
                "=== page\n{}=== end",
                std::fs::read_to_string(&file).unwrap_or_default()
            );
            println!("{:#?}", page.operations[0].responses);
            println!("{:#?}", page.schemas);
        }
        let right = compare.stated - compare.differences.len();
        recovered += right;
        if compare.differences.is_empty() && right == carried_here {
            equal += 1;
        } else if right != carried_here {
            missing.push(format!(
                "{}: {right} of {carried_here} carried facts recovered",
                op.id
            ));
        }
        wrong.extend(compare.differences);
    }
    let total = api.operations.len();
    println!(
        "{version}, {style:?} style: parsed {parsed}/{total}, operations equal {equal}/{total}, facts recovered {recovered}/{} ({:.1} %), facts wrong {}",
        everything.stated,
        100.0 * recovered as f64 / everything.stated.max(1) as f64,
        wrong.len()
    );
    for line in failures.iter().chain(&wrong).chain(&missing).take(30) {
        println!("  {line}");
    }
    assert!(
        failures.is_empty(),
        "{version}, {style:?}: {} pages do not parse",
        failures.len()
    );
    assert!(
        wrong.is_empty(),
        "{version}, {style:?}: {} facts are wrong",
        wrong.len()
    );
    assert_eq!(
        recovered, everything.stated,
        "{version}, {style:?}: not every carried fact is recovered"
    );
}
