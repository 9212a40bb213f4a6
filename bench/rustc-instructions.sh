#!/usr/bin/env bash
# A RUSTC_WRAPPER that runs rustc under valgrind's cachegrind (instruction
# counts only) for the crate named $COUNT_CRATE, and plainly for the
# others; cachegrind's summary goes to $COUNT_LOG. Instruction counts do
# not swing with the machine's load as wall times do, so two crates can be
# compared on a busy machine. Used by bench/compile-profile.sh.
rustc="$1"
shift
if [[ " $* " == *" --crate-name ${COUNT_CRATE:?} "* ]]; then
  exec valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    --log-file="${COUNT_LOG:?}" "$rustc" "$@"
fi
exec "$rustc" "$@"
