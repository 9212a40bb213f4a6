#!/usr/bin/env python3
"""Reads back the pages the renderers wrote and compares them with their
documents: `apidocs2rs diff PAGES DOCUMENT --format json` per renderer and
document. Prints one table (operations sampled, pages written, operations
read and paired with the document, facts the document states of them,
facts the pages state, facts recovered, facts that differ) and every
differing fact, and exits 1 when a fact differs or a renderer's pages of a
document give no operation.

    score.py APIDOCS2RS OUT_ROOT DOCUMENT...
"""

import json
import os
import re
import subprocess
import sys

RENDERERS = ["redoc", "elements", "scalar", "swagger-ui", "docusaurus"]


def name_of(document):
    """The folder the rendering scripts give a document (see common.mjs)."""
    base = re.sub(r"\.(json|ya?ml)$", "", os.path.basename(document))
    return re.sub(r"[^A-Za-z0-9]+", "-", base)


def main():
    if len(sys.argv) < 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary, out_root, documents = sys.argv[1], sys.argv[2], sys.argv[3:]
    rows, failures, not_compared = [], [], []
    for document in documents:
        name = name_of(document)
        # Each renderer's copied text, then (where --html saved them) its
        # pages as HTML.
        kinds = RENDERERS + [f"html-{r}" for r in RENDERERS if os.path.isdir(os.path.join(out_root, name, f"html-{r}"))]
        for renderer in kinds:
            pages = os.path.join(out_root, name, renderer)
            counts_file = os.path.join(out_root, name, renderer.removeprefix("html-") + ".json")
            if not os.path.exists(counts_file):
                failures.append(f"{renderer} / {name}: the renderer wrote no pages ({counts_file} is missing)")
                continue
            with open(counts_file) as file:
                counts = json.load(file)
            if counts["sampled"] == 0:
                # A document of webhooks only: no operation to render.
                continue
            if counts["pages"] == 0 or not os.listdir(pages):
                failures.append(f"{renderer} / {name}: no page of {counts['sampled']} sampled operations")
                continue
            run = subprocess.run(
                [binary, "diff", pages, document, "--format", "json"],
                capture_output=True,
                text=True,
            )
            try:
                report = json.loads(run.stdout)
            except json.JSONDecodeError:
                first = (run.stderr.strip().splitlines() or ["no output"])[0]
                # The generator does not read Swagger 2.0 yet (issue 25):
                # its pages are rendered, but there is nothing to compare.
                if "Swagger 2.0 document" in first:
                    not_compared.append(f"{renderer} / {name}: the generator does not read Swagger 2.0 documents yet")
                else:
                    failures.append(f"{renderer} / {name}: {first}")
                continue
            facts = report.get("facts") or {}
            differing = [c for c in report.get("changes", []) if not c.get("unshown")]
            row = {
                "renderer": renderer,
                "document": name,
                "sampled": counts["sampled"],
                "total": counts["total"],
                "pages": counts["pages"],
                "operations": facts.get("operations", 0),
                "of": facts.get("of", 0),
                "stated": facts.get("stated", 0),
                "differing": facts.get("differing", len(differing)),
            }
            rows.append(row)
            if row["operations"] == 0 and row["sampled"] > 0:
                failures.append(f"{renderer} / {name}: no operation read from {row['pages']} pages")
            for change in differing:
                failures.append(f"{renderer} / {name}: {change['subject']}: {change['what']}")

    header = ("renderer", "document", "sampled (of)", "pages", "ops read", "facts of doc", "stated", "recovered", "differ")
    table = [header]
    for r in rows:
        table.append((
            r["renderer"], r["document"], f"{r['sampled']} ({r['total']})", str(r["pages"]), str(r["operations"]),
            str(r["of"]), str(r["stated"]), str(r["stated"] - r["differing"]), str(r["differing"]),
        ))
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for index, row in enumerate(table):
        print(" | ".join(cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
        if index == 0:
            print("-+-".join("-" * width for width in widths))
    for renderer in RENDERERS + [f"html-{r}" for r in RENDERERS]:
        mine = [r for r in rows if r["renderer"] == renderer]
        if mine:
            stated = sum(r["stated"] for r in mine)
            of = sum(r["of"] for r in mine)
            print(f"{renderer}: {sum(r['operations'] for r in mine)} operations read of {sum(r['sampled'] for r in mine)} sampled, "
                  f"{stated} facts stated of {of} ({100 * stated / max(of, 1):.0f}%), {sum(r['differing'] for r in mine)} differ")
    for line in not_compared:
        print(f"not compared: {line}")
    for line in failures:
        print(f"FAIL {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
