#!/usr/bin/env bash
# Configures (once) and builds the given targets (default: all) with Ninja and ccache.
# Builds in one tree are serialized with a lock, so parallel work never runs two builds at once.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${LAYERWATCH_BUILD_DIR:-$top/build}
lock=${LAYERWATCH_BUILD_LOCK:-/tmp/layerwatch-build.lock}
exec 9>"$lock"
flock 9
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$top" -B "$build" -G Ninja ${LAYERWATCH_CMAKE_ARGS:-} >/dev/null
fi
ninja -C "$build" "$@"
