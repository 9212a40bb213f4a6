#!/usr/bin/env bash
# The generator's inner loop: a one-line change in generator/src/frontend/,
# then the generator's own tests, then the whole workspace's, each timed
# (wall seconds, including the build). Prints figures only.
#
#   bench/inner_loop.sh [RUNS]      (default 2; PKG names the generator package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-2}"
pkg="${PKG:-$(cargo metadata --no-deps --format-version 1 |
    python3 -c 'import json,sys; print(next(p["name"] for p in json.load(sys.stdin)["packages"] if p["manifest_path"].endswith("generator/Cargo.toml")))')}"
file=generator/src/frontend/mod.rs
line='"the folder holds no input files; expected'
grep -q "$line" "$file" || { echo "bench/inner_loop.sh: $file no longer has the line it edits ($line)" >&2; exit 1; }
backup="$(mktemp)"
cp "$file" "$backup"
trap 'cp "$backup" "$file"; rm -f "$backup"' EXIT

# Warm: everything built once, so each run measures only what the edit costs.
cargo test -q -p "$pkg" --no-run >/dev/null 2>&1
cargo test -q --workspace --no-run >/dev/null 2>&1

edit() { sed -i "s/the folder holds no input files[^;]*;/the folder holds no input files (edit $1);/" "$file"; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); python3 -c "print(f'{$end - $start:.1f}')"; }

echo "one-line change in $file, then (wall seconds, build included; $runs runs):"
own=() all=()
for i in $(seq "$runs"); do
    edit "p$i"; own+=("$(seconds cargo test -p "$pkg")")
    edit "w$i"; all+=("$(seconds cargo test --workspace)")
done
echo "  cargo test -p $pkg:     ${own[*]}"
echo "  cargo test --workspace: ${all[*]}"
echo "  tests run by cargo test -p $pkg: $(cargo test -p "$pkg" 2>&1 | awk '/^test result/ {n += $4} END {print n}')"
