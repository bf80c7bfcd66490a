#!/bin/sh
# Runs tst_keychain against a real Secret Service: gnome-keyring-daemon in a private D-Bus session, with a
# throwaway HOME so that no real keyring is read or written; then again with no D-Bus session at all.
# Exit 77 (a ctest skip) only when the daemon cannot be started.
set -u
bin=$1
shift
tmp=$(mktemp -d /tmp/lw-keychain.XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -m 700 "$tmp/run"
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config"
export XDG_RUNTIME_DIR="$tmp/run" QT_QPA_PLATFORM=offscreen
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

missing=""
for tool in dbus-run-session dbus-send gnome-keyring-daemon secret-tool; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done

rc=0
if [ -n "$missing" ]; then
  LW_KEYCHAIN_TEST_MODE=nodaemon LW_KEYCHAIN_SKIP_REASON="not installed:$missing (scripts/install-deps.sh)" \
    "$bin" "$@"
  rc=77
else
  # The daemon forks and exits; it stays on the session bus until dbus-run-session ends. (dbus-daemon may
  # warn that it cannot raise its fd limit: harmless.)
  dbus-run-session -- sh -c '
    if ! printf pw | gnome-keyring-daemon --unlock --components=secrets >"$HOME/daemon.log" 2>&1; then
      LW_KEYCHAIN_TEST_MODE=nodaemon LW_KEYCHAIN_SKIP_REASON="$(tail -n 3 "$HOME/daemon.log")" "$@"
      exit 77
    fi
    LW_KEYCHAIN_TEST_MODE=daemon exec "$@"' sh "$bin" "$@"
  rc=$?
fi

# No session bus at all: an address where nothing listens.
if ! DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/no-bus" LW_KEYCHAIN_TEST_MODE=nobus "$bin" "$@"; then
  rc=1 # a failure here is never hidden by the skip above
fi
exit $rc
