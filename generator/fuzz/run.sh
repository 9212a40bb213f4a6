#!/usr/bin/env bash
# Runs one fuzz target for a given time, starting from a seed corpus.
#
#   generator/fuzz/run.sh TARGET SECONDS     TARGET: docs_page or openapi
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Safe Rust: no sanitizer, so the fuzzer runs at full speed.
# Seeds: the pages in spec/ and generator/tests/fixtures/pages/ (docs_page), the OpenAPI constructs fixture
# (openapi). The corpus grows in generator/fuzz/corpus/TARGET; a crash is
# saved in generator/fuzz/artifacts/TARGET/ and fails the run. Prints the
# time run, the executions and the result.
set -euo pipefail

target="${1:-}"
seconds="${2:-}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
case "$target" in
  docs_page) seeds=("$root"/spec/*.txt "$root"/generator/tests/fixtures/pages/*.txt) ;;
  openapi) seeds=("$root/generator/tests/fixtures/constructs.yaml") ;;
  *) echo "usage: generator/fuzz/run.sh docs_page|openapi SECONDS" >&2; exit 2 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number" >&2; exit 2; }

corpus="$here/corpus/$target"
mkdir -p "$corpus" "$here/artifacts/$target"
cp "${seeds[@]}" "$corpus/"
log="$here/artifacts/$target.log"
start=$(date +%s)
status=0
(cd "$here" && cargo +nightly fuzz run --sanitizer none "$target" "$corpus" -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1) \
  >"$log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))
runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")"
crashes="$(find "$here/artifacts/$target" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)"
echo "$target: ran ${elapsed} s, ${runs} executions, corpus $(ls "$corpus" | wc -l) inputs, ${crashes} crash/timeout/oom artifacts (log: $log)"
if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
  grep -m1 -A5 "ERROR: libFuzzer\|panicked" "$log" >&2 || tail -20 "$log" >&2
  exit 1
fi
