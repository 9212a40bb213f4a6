#!/usr/bin/env bash
# Decoding speed: the official `authentik-client` crate (openapi-generator's
# output, from crates.io) and ours, generated from the same authentik
# document, decode the same JSON bytes in one criterion benchmark:
#   - a 1,000-item PaginatedUserList (groups, attributes, dates),
#   - a 1,000-item PaginatedEventList (enums, dates, free-form context),
#   - a ValidationError body with per-field messages (which ours keeps in
#     its additional properties and the official crate drops), and one
#     without them,
# and both encode a PatchedUserRequest. Prints ns per operation for each
# and the ratio ours/official (below 1.0: ours is faster), and whether each
# decodes an enum value the document does not list. Where valgrind is
# installed it then prints the instructions each operation executes
# (cachegrind, bench/decode/count.rs), which do not swing with the
# machine's load as times do.
#
#   bench/decode.sh [VERSION]     VERSION: 2026.5.6 (default) or 2025.12.6
#
# Builds both crates in release mode (about 5 minutes on 2 cores the first
# time). The bodies come from bench/decode/samples.py (PyYAML, installed in
# a virtualenv under target/).
set -euo pipefail

version="${1:-2026.5.6}"
root="$(cd "$(dirname "$0")/.." && pwd)"
spec="$root/../shared/specs/authentik-$version.yml"
[ -f "$spec" ] || { echo "no spec for version $version at $spec" >&2; exit 2; }
work="${BENCH_DIR:-$root/target/bench-decode}"
mkdir -p "$work/samples"

venv="$root/target/bench-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import yaml' 2>/dev/null || "$venv/bin/pip" install --quiet pyyaml
"$venv/bin/python" "$root/bench/decode/samples.py" "$spec" "$work/samples"

(cd "$root" && cargo build --release --quiet -p apidocs2rs)
"$root/target/release/apidocs2rs" --spec "$spec" --out "$work/ours" --name authentik-api >/dev/null 2>&1

cat > "$work/Cargo.toml" <<TOML
[package]
name = "decode-bench"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
authentik-client = { version = "=$version", default-features = false, features = ["rustls"] }
authentik-api = { path = "ours", default-features = false, features = ["core", "events", "round-trip"] }
criterion = { version = "0.5", default-features = false, features = ["cargo_bench_support"] }
serde = "1"
serde_json = "1"

[[bench]]
name = "decode"
path = "$root/bench/decode/decode.rs"
harness = false

[[example]]
name = "count"
path = "$root/bench/decode/count.rs"

[workspace]
TOML
mkdir -p "$work/src" && touch "$work/src/lib.rs"

cd "$work"
rm -rf target/criterion
if ! DECODE_SAMPLES="$work/samples" cargo bench --quiet --bench decode -- --noplot \
  >"$work/bench.log" 2>&1; then
  cat "$work/bench.log" >&2
  exit 1
fi
grep -E '^unknown enum value' "$work/bench.log"
python3 - "$work/target/criterion" <<'PY'
import glob, json, os, sys
means = {}
for path in glob.glob(f"{sys.argv[1]}/**/new/benchmark.json", recursive=True):
    with open(path) as f:
        full_id = json.load(f)["full_id"]
    with open(os.path.join(os.path.dirname(path), "estimates.json")) as f:
        means[full_id] = json.load(f)["mean"]["point_estimate"]
def ns(case, side):
    return means[f"{case}/{side}"]
cases = [
    ("users", "decode a 1,000-item PaginatedUserList"),
    ("events", "decode a 1,000-item PaginatedEventList"),
    ("validation_error", "decode a ValidationError, field messages"),
    ("validation_error_common", "decode a ValidationError, no field msgs"),
    ("patched_user_request", "encode a PatchedUserRequest"),
]
print(f"{'case':<40} {'official ns':>14} {'ours ns':>14} {'ratio':>7}")
for case, label in cases:
    official, ours = ns(case, "official"), ns(case, "ours")
    print(f"{label:<40} {official:>14.0f} {ours:>14.0f} {ours / official:>7.2f}")
PY

command -v valgrind >/dev/null || { echo "(valgrind not installed: no instruction counts)"; exit 0; }
cargo build --release --quiet --example count
# Instructions of running a case TIMES times.
instructions() {
  DECODE_SAMPLES="$work/samples" valgrind --tool=cachegrind --cache-sim=no \
    --cachegrind-out-file=/dev/null --log-file="$work/count.log" \
    target/release/examples/count "$1" "$2" "$3" >/dev/null \
    || { cat "$work/count.log" >&2; exit 1; }
  python3 -c 'import re,sys; print(re.search(r"I\s+refs:\s+([\d,]+)", open(sys.argv[1]).read()).group(1).replace(",", ""))' "$work/count.log"
}
echo
echo "instructions per operation (cachegrind; the same on every run)"
printf '%-40s %14s %14s %7s\n' case official ours ratio
for case in users events validation_error validation_error_common patched_user_request; do
  # Few repetitions of the page cases, which take millions each.
  case "$case" in users|events) few=2 many=4 ;; *) few=100 many=200 ;; esac
  per=()
  for side in official ours; do
    a="$(instructions "$case" "$side" "$few")"
    b="$(instructions "$case" "$side" "$many")"
    per+=("$(( (b - a) / (many - few) ))")
  done
  printf '%-40s %14s %14s %7s\n' "$case" "${per[0]}" "${per[1]}" \
    "$(python3 -c "print(f'{${per[1]} / ${per[0]}:.3f}')")"
done
