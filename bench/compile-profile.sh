#!/usr/bin/env bash
# Where the generated crate's compile time goes, per item kind: `cargo
# check` of our crate for one authentik version as generated, then of
# copies with one kind of item made trivial:
#   - deserialize: every `object!` struct's `Deserialize` a one-line error,
#   - serialize:   every `object!` struct's `Serialize` a one-line error,
#   - operations:  every operation method's body `loop {}`,
#   - clone:       `Clone` left out of the models' derives,
#   - debug:       `Debug` left out of them (kept where the error type needs it),
#   - partial_eq:  `PartialEq` left out of them (kept where `Eq` needs it),
# each the minimum of RUNS checks (dependencies prebuilt, incremental off),
# and the difference to the whole, which is what that kind costs. Then the
# compiler's own passes for the whole crate (`-Z time-passes`, through
# RUSTC_BOOTSTRAP on the stable compiler).
#
#   bench/compile-profile.sh [VERSION] [RUNS]   defaults: 2026.5.6, 5
#   MEASURE=instructions bench/compile-profile.sh [VERSION]
#
# About 8 minutes on 2 cores; wall times swing with the machine's load, so
# run it on a quiet machine. With MEASURE=instructions (needs valgrind),
# each check runs once under cachegrind (bench/rustc-instructions.sh) and
# the figures are the compiler's instructions, which do not swing with the
# load: about 20 minutes. The copies are experiments on generated code, not
# crates the generator writes.
set -euo pipefail

version="${1:-2026.5.6}"
runs="${2:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
spec="$root/../shared/specs/authentik-$version.yml"
[ -f "$spec" ] || { echo "no spec for version $version at $spec" >&2; exit 2; }
work="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work"
echo "authentik $version; working in $work"

(cd "$root" && cargo build --release --quiet -p apidocs2rs)
rm -rf "$work/whole"
"$root/target/release/apidocs2rs" --spec "$spec" --out "$work/whole" --name authentik-api >/dev/null 2>&1
printf '\n[workspace]\n' >> "$work/whole/Cargo.toml"
export CARGO_TARGET_DIR="$work/target" CARGO_INCREMENTAL=0

# A copy of the crate with one kind of item made trivial by a Python edit.
variant() {
  rm -rf "$work/$1"
  cp -r "$work/whole" "$work/$1"
  (cd "$work/$1" && python3 -c "$2")
}

variant deserialize '
import re
p = "src/runtime/object.rs"; s = open(p).read()
start = s.index("    (@Deserialize ")
body = s.index("}) => {", start) + len("}) => {")
end = s.index("    (@unknown $map:ident, $key:ident) =>")
s = s[:body] + """
        $($cfg)* $($attr)*
        impl<'"'"'de> ::serde::Deserialize<'"'"'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'"'"'de>>(_: D) -> ::core::result::Result<Self, D::Error> {
                Err(<D::Error as ::serde::de::Error>::custom("stub"))
            }
        }
    };
""" + s[end:]
s = s.replace("pub(crate) trait", "#[allow(dead_code)] pub(crate) trait").replace("pub(crate) fn", "#[allow(dead_code)] pub(crate) fn").replace("pub(crate) struct", "#[allow(dead_code)] pub(crate) struct").replace("\nstruct ObjectVisitor", "\n#[allow(dead_code)] struct ObjectVisitor")
open(p, "w").write(s)
'
variant serialize '
p = "src/runtime/object.rs"; s = open(p).read()
start = s.index("    (@Serialize ")
body = s.index("}) => {", start) + len("}) => {")
end = s.index("    // `if let Err` rather than")
s = s[:body] + """
        $($cfg)* $($attr)*
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, _: S) -> ::core::result::Result<S::Ok, S::Error> {
                Err(<S::Error as ::serde::ser::Error>::custom("stub"))
            }
        }
    };
""" + s[end:]
open(p, "w").write(s)
'
variant operations '
import glob, re
for p in glob.glob("src/operations/*.rs"):
    s = open(p).read()
    s = re.sub(r"\{\n        let request = .*?\n        self\.client\.\w+\(request\)\n    \}", "{ loop {} }", s, flags=re.S)
    s = "#![allow(unused_imports, unreachable_code)]\n" + s if "loop {}" in s else s
    open(p, "w").write(s)
'
variant clone '
import glob, re
for p in glob.glob("src/models/*.rs"):
    s = open(p).read()
    s = re.sub(r"#\[derive\(Clone, ", "#[derive(", s)
    open(p, "w").write(s)
'
variant debug '
import glob, re
files = glob.glob("src/models/*.rs")
# The runtime error holds an `ErrorBody`, which needs `Debug` on its members.
keep = {"ErrorBody"}
for p in files:
    m = re.search(r"pub enum ErrorBody \{(.*?)\n\}", open(p).read(), re.S)
    if m:
        keep |= set(re.findall(r"\w+\((\w+)\)", m.group(1)))
for p in files:
    lines = open(p).read().split("\n")
    for i, line in enumerate(lines):
        if "#[derive(" not in line:
            continue
        ahead = re.search(r"pub (?:struct|enum) (\w+)", "\n".join(lines[i + 1:i + 4]))
        if ahead and ahead.group(1) in keep:
            continue
        lines[i] = line.replace("Debug, ", "").replace(", Debug", "")
    open(p, "w").write("\n".join(lines))
'
variant partial_eq '
import glob, re
for p in glob.glob("src/models/*.rs"):
    s = open(p).read()
    lines = []
    for line in s.split("\n"):
        if "#[derive(" in line and " Eq" not in line:
            line = line.replace("PartialEq, ", "").replace(", PartialEq", "")
        lines.append(line)
    open(p, "w").write("\n".join(lines))
'

# The minimum `cargo check` time of the crate in folder $1 over RUNS runs,
# or with MEASURE=instructions the compiler's instructions (in billions)
# of one check.
check() {
  if [ "${MEASURE:-}" = instructions ]; then
    if ! (cd "$work/$1" && cargo check --quiet 2>/dev/null); then
      echo "n/a"
      return
    fi
    (cd "$work/$1" && cargo clean --quiet -p authentik-api \
      && RUSTC_WRAPPER="$root/bench/rustc-instructions.sh" COUNT_CRATE=authentik_api \
        COUNT_LOG="$work/$1.cachegrind" cargo check --quiet 2>/dev/null)
    python3 -c 'import re,sys; print(int(re.search(r"I\s+refs:\s+([\d,]+)", open(sys.argv[1]).read()).group(1).replace(",", "")) / 1e9)' "$work/$1.cachegrind"
    return
  fi
  if ! (cd "$work/$1" && cargo check --quiet 2>/dev/null); then
    echo "n/a"
    return
  fi
  local best=""
  for _ in $(seq "$runs"); do
    (cd "$work/$1" && cargo clean --quiet -p authentik-api \
      && /usr/bin/time -f "%e" -o "$work/time.txt" cargo check --quiet 2>/dev/null)
    best="$(python3 -c 'import sys; a=[float(x) for x in sys.argv[1:] if x]; print(min(a))' "$(cat "$work/time.txt")" $best)"
  done
  echo "$best"
}

unit=s
what="cargo check, minimum of $runs runs (incremental off), this machine"
if [ "${MEASURE:-}" = instructions ]; then
  command -v valgrind >/dev/null || { echo "MEASURE=instructions needs valgrind" >&2; exit 2; }
  unit=G
  what="cargo check, the compiler's instructions in billions (cachegrind, one run each)"
  # Dependencies built by the plain compiler first: the wrapper changes
  # cargo's fingerprints, and only our crate is counted.
  export CARGO_TARGET_DIR="$work/target-instructions"
fi
whole="$(check whole)"
echo
echo "$what"
printf '%-46s %8.2f %s\n' "whole crate" "$whole" "$unit"
for kind in deserialize serialize operations clone debug partial_eq; do
  t="$(check "$kind")"
  if [ "$t" = n/a ]; then
    printf '%-46s does not compile\n' "without $kind"
    continue
  fi
  python3 -c 'import sys; w,t=map(float,sys.argv[2:4]); u=sys.argv[4]; print(f"{sys.argv[1]:<46} {t:8.2f} {u}   costs {w-t:5.2f} {u} ({(w-t)/w*100:4.1f} %)")' \
    "without $kind" "$whole" "$t" "$unit"
done
[ "${MEASURE:-}" = instructions ] && exit 0

echo
echo "the whole crate's compiler passes (-Z time-passes), the largest:"
(cd "$work/whole" && cargo clean --quiet -p authentik-api \
  && RUSTC_BOOTSTRAP=1 cargo rustc --quiet --profile check --lib -- -Z time-passes 2>&1) \
  | grep -E '^time:' | sort -k2 -n -r | head -8
