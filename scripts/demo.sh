#!/usr/bin/env bash
# Builds Layerwatch and launches the console against the demo fleet: a lab of real sshd hosts on loopback
# addresses (tests/lab: every scenario once - covered mounts, nested covers, a driver conflict, low disk,
# redirect_dir off, hostile names, a hung probe, unreachable, unknown/changed keys, a wrong key).
# The lab is stopped when the console closes. Without a display the console runs under Xvfb and a
# screenshot is written instead (LAYERWATCH_DEMO_SHOT=FILE.png sets where).
#   scripts/demo.sh [--lang zh_CN|en] [--offline]     (--offline: shipped captures only, no lab)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
lang=() offline=0
while [ $# -gt 0 ]; do
    case $1 in
    --lang) lang=(--lang "${2:?--lang needs zh_CN or en}"); shift ;;
    --offline) offline=1 ;;
    *) echo "demo: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

scripts/install-deps.sh
scripts/build.sh layerwatch layerwatch-cli
app=${LAYERWATCH_BUILD_DIR:-$top/build}/src/app/layerwatch

work=${LAYERWATCH_DEMO_DIR:-/tmp/layerwatch-demo}
xvfb_pid=
cleanup() {
    [ "$offline" = 1 ] || tests/lab/lab.sh stop --dir "$work/lab" >/dev/null 2>&1 || true
    [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

if [ "$offline" = 1 ]; then
    args=(--demo)
else
    tests/lab/lab.sh stop --dir "$work/lab" >/dev/null 2>&1 || true
    echo "demo: starting the lab fleet (13 hosts) in $work/lab ..."
    tests/lab/lab.sh start --dir "$work/lab" --scenarios all --base 127.0.77.1
    args=(--inventory "$work/lab/inventory" --identity "$work/lab/id_ed25519"
        --known-hosts "$work/lab/known_hosts" --ssh-config none --data-dir "$work/data" --probe)
fi

if [ -z "${DISPLAY:-}" ]; then
    shot=${LAYERWATCH_DEMO_SHOT:-$work/console.png}
    Xvfb :71 -screen 0 1600x1000x24 >/dev/null 2>&1 &
    xvfb_pid=$!
    export DISPLAY=:71
    sleep 1
    "$app" "${args[@]}" "${lang[@]}" &
    app_pid=$!
    sleep "${LAYERWATCH_DEMO_SECONDS:-25}"
    import -window root "$shot"
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    echo "demo: no display here; ran under Xvfb and saved a screenshot to $shot"
else
    "$app" "${args[@]}" "${lang[@]}"
fi
