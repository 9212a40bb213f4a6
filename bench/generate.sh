#!/usr/bin/env bash
# Generation speed: the release generator on the whole authentik API, and
# openapi-generator's Rust client generator (the official crate's generator,
# PyPI package `openapi-generator-cli`, needs Java) on the same document.
#
#   bench/generate.sh [RUNS]      RUNS: timed runs per document (default 5)
#
# Prints, per shared authentik version, the median wall time, the largest
# peak memory and the size of the Rust written by our runs, openapi-generator's time, and the ratio; then,
# for the newest version, the floor any quote -> syn -> prettyplease emitter
# has for that output (lexing, parsing and printing our files, one thread).
# Set SKIP_OPENAPI_GENERATOR=1 to time only ours.
set -euo pipefail

runs="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
specs="$root/../shared/specs"
work="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work"

(cd "$root" && cargo build --release --quiet -p apidocs2rs --bin apidocs2rs --example syntax_floor)
generator="$root/target/release/apidocs2rs"

openapi_generator=""
if [ -z "${SKIP_OPENAPI_GENERATOR:-}" ] && command -v java >/dev/null; then
  venv="${OPENAPI_GENERATOR_VENV:-$root/target/bench-venv}"
  if [ ! -x "$venv/bin/openapi-generator-cli" ]; then
    python3 -m venv "$venv" && "$venv/bin/pip" install --quiet openapi-generator-cli \
      || echo "could not install openapi-generator-cli; timing ours only" >&2
  fi
  [ -x "$venv/bin/openapi-generator-cli" ] && openapi_generator="$venv/bin/openapi-generator-cli"
fi

# "seconds peak_KB" of one run of a command
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" \
    || { cat "$work/stderr.txt" >&2; exit 1; }
  cat "$work/time.txt"
}

for spec in "$specs"/authentik-*.yml; do
  version="$(basename "$spec" .yml)"
  times=()
  peak=0
  "$generator" --spec "$spec" --out "$work/ours" >/dev/null 2>&1   # warm the file cache
  for _ in $(seq "$runs"); do
    read -r seconds kb < <(measure "$generator" --spec "$spec" --out "$work/ours")
    times+=("$seconds")
    [ "$kb" -gt "$peak" ] && peak="$kb"
  done
  median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  bytes="$(find "$work/ours/src" -name '*.rs' -exec cat {} + | wc -c)"
  line="$version: ours $median s (median of $runs: ${times[*]}), peak $((peak / 1024)) MB, output $(python3 -c "print(f'{$bytes / 1e6:.2f}')") MB of Rust"
  if [ -n "$openapi_generator" ]; then
    rm -rf "$work/official"
    if /usr/bin/time -f "%e %M" -o "$work/their-time.txt" "$openapi_generator" generate -g rust \
      -i "$spec" -o "$work/official" --skip-validate-spec \
      --additional-properties=packageName=authentik-client >"$work/their-log.txt" 2>&1; then
      read -r their_seconds their_kb < "$work/their-time.txt"
      ratio="$(python3 -c "print(f'{$median / $their_seconds:.3f}')")"
      line="$line; openapi-generator $their_seconds s, peak $((their_kb / 1024)) MB; ratio ours/theirs $ratio"
    else
      line="$line; openapi-generator failed (log: $work/their-log.txt)"
    fi
  fi
  echo "$line"
done

echo "floor for $version's output: $("$root/target/release/examples/syntax_floor" "$work"/ours/src/*/*.rs)"
