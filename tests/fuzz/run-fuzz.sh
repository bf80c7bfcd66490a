#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 (ASan + UBSan) in their own build directory and runs each for
# N seconds (default 20), seeded with the unit tests' fixtures. Usage: tests/fuzz/run-fuzz.sh [seconds]
# Only layerwatch_core and the fuzz targets are built. The build takes the shared build lock (it competes
# for the same two cores); the fuzzing itself does not.
set -euo pipefail
seconds=${1:-20}
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${LAYERWATCH_FUZZ_BUILD_DIR:-$top/build-fuzz}
lock=${LAYERWATCH_BUILD_LOCK:-/tmp/layerwatch-build.lock}
sanitize="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"

(
  flock 9
  if [ ! -f "$build/build.ninja" ]; then
    CC=clang-14 CXX=clang++-14 cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DLAYERWATCH_FUZZ=ON -DLAYERWATCH_BUILD_GUI=OFF -DLAYERWATCH_BUILD_BENCH=OFF \
      -DCMAKE_CXX_FLAGS="$sanitize" >/dev/null
  fi
  if ! ninja -C "$build" fuzz_mountinfo fuzz_df >"$build/ninja.log" 2>&1; then
    tail -40 "$build/ninja.log" >&2
    exit 1
  fi
) 9>"$lock"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
run() {
  local target=$1 seeds=$2
  local corpus="$build/corpus/$target" artifacts="$build/artifacts/$target/"
  mkdir -p "$corpus" "$artifacts"
  echo "run-fuzz: $target for ${seconds}s (seeds: ${seeds#$top/})"
  if ! "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
      -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" "$seeds" 2>"$build/$target.log"; then
    echo "run-fuzz: $target FAILED; crash input in $artifacts, log $build/$target.log" >&2
    tail -40 "$build/$target.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$build/$target.log" | sed "s/^/run-fuzz: $target /"
  fi
}
run fuzz_mountinfo "$top/tests/core/data/mountinfo"
run fuzz_df "$top/tests/core/data/diskusage"
exit $status
