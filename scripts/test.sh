#!/usr/bin/env bash
# Builds everything and runs the whole test suite (unit, GUI offscreen, SSH and lab integration, short fuzz).
# Works on a fresh Debian 12 machine as root: dependencies come from scripts/install-deps.sh.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
LAYERWATCH_ANSIBLE=${LAYERWATCH_ANSIBLE:-1} scripts/install-deps.sh
export LAYERWATCH_BUILD_DIR=${LAYERWATCH_BUILD_DIR:-$top/build}
start=$(date +%s)
scripts/build.sh
echo "test.sh: build took $(( $(date +%s) - start )) s"
# Lab tests use fixed loopback addresses and port 22: CTest serializes them through RESOURCE_LOCK.
ctest --test-dir "$LAYERWATCH_BUILD_DIR" --output-on-failure -j2 "$@"
