#!/usr/bin/env bash
# Where the generated crate's compile time goes, per item kind: `cargo
# check` of our crate for one authentik version as generated, then of
# copies with one kind of item made trivial:
#   - deserialize: every `object!` struct's `Deserialize` a one-line error,
#   - serialize:   every `object!` struct's `Serialize` a one-line error,
#   - operations:  every operation method's body `loop {}`,
#   - clone:       `Clone` left out of the models' derives,
# each the minimum of RUNS checks (dependencies prebuilt, incremental off),
# and the difference to the whole, which is what that kind costs. Then the
# compiler's own passes for the whole crate (`-Z time-passes`, through
# RUSTC_BOOTSTRAP on the stable compiler).
#
#   bench/compile-profile.sh [VERSION] [RUNS]   defaults: 2026.5.6, 5
#
# About 8 minutes on 2 cores; the figures swing with the machine's load,
# so run it on a quiet machine. The copies are experiments on generated code,
# not crates the generator writes.
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
end = s.index("    (@other_key) =>")
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

# The minimum `cargo check` time of the crate in folder $1 over RUNS runs.
check() {
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

whole="$(check whole)"
echo
echo "cargo check, minimum of $runs runs (incremental off), this machine"
printf '%-46s %8.2f s\n' "whole crate" "$whole"
for kind in deserialize serialize operations clone; do
  t="$(check "$kind")"
  if [ "$t" = n/a ]; then
    printf '%-46s does not compile\n' "without $kind"
    continue
  fi
  python3 -c 'import sys; w,t=map(float,sys.argv[2:]); print(f"{sys.argv[1]:<46} {t:8.2f} s   costs {w-t:5.2f} s ({(w-t)/w*100:4.1f} %)")' \
    "without $kind" "$whole" "$t"
done

echo
echo "the whole crate's compiler passes (-Z time-passes), the largest:"
(cd "$work/whole" && cargo clean --quiet -p authentik-api \
  && RUSTC_BOOTSTRAP=1 cargo rustc --quiet --profile check --lib -- -Z time-passes 2>&1) \
  | grep -E '^time:' | sort -k2 -n -r | head -8
