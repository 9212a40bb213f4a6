#!/usr/bin/env bash
# The page reader proven on the real renderers: renders the public documents
# of ../shared/specs with Redoc, Stoplight Elements, Scalar, Swagger UI (in
# headless Chromium) and docusaurus-openapi-docs (a Docusaurus site), takes
# each operation's text as a copy gives it, reads it back with apidocs2rs
# and compares it with its document (`apidocs2rs diff PAGES DOCUMENT`).
# Prints a table per renderer and document; exits 1 when a fact differs.
#
#   tests/renderers/run.sh [--sample N] [--html] [--no-compile] [DOCUMENT...]
#
# --sample N: operations per document, spread evenly over it (default 12;
# the same ones on every run). --html also saves each page's HTML. Then
# every renderer's pages of every document are generated into a crate and
# the crates checked with clippy, warnings denied (--no-compile skips it). Needs
# Node, npm and Chromium (`apt-get install chromium`, or CHROMIUM=path);
# the npm packages are installed from package-lock.json into
# target/renderers/site. Pages go to target/renderers/pages.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/target/renderers"
site="$work/site"
out="$work/pages"

sample=12
html=()
compile=1
documents=()
while [ $# -gt 0 ]; do
    case "$1" in
        --sample) sample="$2"; shift 2 ;;
        --html) html=(--html); shift ;;
        --no-compile) compile=0; shift ;;
        *) documents+=("$1"); shift ;;
    esac
done
if [ ${#documents[@]} -eq 0 ]; then
    shared="$root/../shared/specs"
    for document in "$shared"/authentik-*.yml "$shared"/corpus/*.json "$shared"/corpus/*.yaml \
        "$shared"/corpus-v2/*.json "$shared"/corpus-v2/*.yaml; do
        [ -e "$document" ] && documents+=("$document")
    done
    if [ ${#documents[@]} -eq 0 ]; then
        if [ "${APIDOCS2RS_REQUIRE_SHARED:-}" = 1 ]; then
            echo "renderers: no document in $shared (needed: authentik-*.yml, corpus/, corpus-v2/)" >&2
            exit 1
        fi
        echo "renderers: skipped, no document in $shared"
        exit 0
    fi
fi
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    echo "renderers: Chromium is not at $chromium (apt-get install chromium, or set CHROMIUM)" >&2
    exit 1
fi
export CHROMIUM="$chromium"

# The renderers, installed once per package-lock.json.
mkdir -p "$site"
cp "$here"/package.json "$here"/package-lock.json "$here"/*.mjs "$here"/*.js "$site"/
if ! cmp -s "$here/package-lock.json" "$site/node_modules/.installed-lock.json"; then
    (cd "$site" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$here/package-lock.json" "$site/node_modules/.installed-lock.json"
fi

cargo build -q -p apidocs2rs --manifest-path "$root/Cargo.toml"
binary="$root/target/debug/apidocs2rs"

rm -rf "$out"
mkdir -p "$out"
started=$SECONDS
# Two renderers at a time, each over every document in one browser.
render() { node "$site/render.mjs" "$1" "$out" --sample "$sample" "${html[@]}" "${documents[@]}" >/dev/null; }
render redoc & first=$!
render elements
wait "$first"
render scalar & first=$!
render swagger-ui
wait "$first"
if ! node "$site/docusaurus.mjs" "$out" --sample "$sample" "${html[@]}" "${documents[@]}" >/dev/null 2>"$work/docusaurus.log"; then
    cat "$work/docusaurus.log" >&2
    exit 1
fi
echo "renderers: ${#documents[@]} documents rendered five ways in $((SECONDS - started)) s"

status=0
python3 "$here/score.py" "$binary" "$out" "${documents[@]}" || status=1

# The crates the pages make compile with no warning: one workspace of
# them all, so the dependencies build once.
if [ "$compile" = 1 ]; then
    started=$SECONDS
    crates="$work/crates"
    rm -rf "$crates"
    mkdir -p "$crates"
    members=()
    for pages in "$out"/*/*/; do
        renderer="$(basename "$pages")"
        case "$renderer" in html-*) continue ;; esac
        [ -n "$(ls -A "$pages")" ] || continue
        name="pages-$renderer-$(basename "$(dirname "$pages")")"
        name="$(echo "$name" | tr 'A-Z.' 'a-z-')"
        if "$binary" --spec "$pages" --out "$crates/$name" --name "$name" >"$crates/$name.log" 2>&1; then
            members+=("\"$name\"")
        else
            echo "FAIL $name: $(tail -1 "$crates/$name.log")"
            status=1
        fi
    done
    (IFS=,; printf '[workspace]\nmembers = [%s]\nresolver = "2"\n' "${members[*]}") >"$crates/Cargo.toml"
    if (cd "$crates" && CARGO_TARGET_DIR="$work/target" cargo clippy -q --workspace -- -D warnings); then
        echo "renderers: ${#members[@]} crates from the pages pass clippy -D warnings ($((SECONDS - started)) s)"
    else
        echo "FAIL the crates from the pages do not all compile cleanly"
        status=1
    fi
fi
exit $status
