#!/usr/bin/env bash
# The package test: builds the Debian package and the tarball from the existing build (cpack over the
# build's install rules; nothing is compiled), checks them (contents, lintian, desktop-file-validate,
# appstreamcli, the man pages, that the dependencies resolve on a clean Debian 12), unpacks the package into
# a scratch root (dpkg -x: the machine is not changed) and runs what it holds from there: layerwatch-cli
# --version and an offline analyze of the shipped demo captures, and the console offscreen.
# Usage: test_package.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
scratch=$(mktemp -d /tmp/lw-package-test.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
passed=0
failed=0
pass() { echo "ok: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }
check() { # description command...
  local what=$1
  shift
  if "$@" >"$scratch/out" 2>&1; then pass "$what"; else fail "$what"; sed 's/^/    /' "$scratch/out" >&2; fi
}

version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$version" ] || { echo "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake" >&2; exit 1; }
cpack --config "$build/CPackConfig.cmake" -B "$scratch/out-pkg" >"$scratch/cpack.log" 2>&1 ||
  { cat "$scratch/cpack.log" >&2; exit 1; }
deb="$scratch/out-pkg/layerwatch_${version}_amd64.deb"
tgz="$scratch/out-pkg/layerwatch-${version}-linux-amd64.tar.gz"
check "cpack made the .deb" test -s "$deb"
check "cpack made the tarball" test -s "$tgz"

# --- what the package holds ---------------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$scratch/contents"
for f in /usr/bin/layerwatch /usr/bin/layerwatch-cli \
  /usr/share/layerwatch/translations/layerwatch_zh_CN.qm /usr/share/layerwatch/translations/layerwatch_en.qm \
  /usr/share/layerwatch/probes/bundle.sh /usr/share/layerwatch/probes/catalog.json \
  /usr/share/layerwatch/remediation/manifest.json /usr/share/layerwatch/remediation/prelude.sh \
  /usr/share/layerwatch/remediation/fix-shadowed-mounts.sh \
  /usr/share/applications/org.layerwatch.Layerwatch.desktop \
  /usr/share/metainfo/org.layerwatch.Layerwatch.metainfo.xml \
  /usr/share/icons/hicolor/scalable/apps/org.layerwatch.Layerwatch.svg \
  /usr/share/man/man1/layerwatch-cli.1.gz /usr/share/man/man1/layerwatch.1.gz \
  /usr/share/doc/layerwatch/copyright /usr/share/doc/layerwatch/changelog.gz \
  /usr/share/layerwatch/demo/euler-node-07/meta.json; do
  grep -qxF "$f" "$scratch/contents" || fail "the package lacks $f"
done
for size in 16 22 24 32 48 64 128 256; do
  grep -qxF "/usr/share/icons/hicolor/${size}x${size}/apps/org.layerwatch.Layerwatch.png" "$scratch/contents" ||
    fail "the package lacks the ${size}x${size} icon"
done
[ "$failed" = 0 ] && pass "the package holds the programs, translations, probes, scripts, desktop file, metainfo, icons, man pages"
# every script the manifest names ships, and with the manifest's hash
dpkg -x "$deb" "$scratch/root"
share="$scratch/root/usr/share/layerwatch"
check "the shipped scripts match the manifest's SHA-256" python3 - "$share/remediation" <<'PY'
import hashlib, json, os, sys
d = sys.argv[1]
m = json.load(open(os.path.join(d, "manifest.json")))
items = m["scripts"] + ([m["prelude"]] if isinstance(m.get("prelude"), dict) else [])
for s in items:
    got = hashlib.sha256(open(os.path.join(d, s["file"]), "rb").read()).hexdigest()
    if got != s["sha256"]:
        sys.exit("%s: %s, manifest %s" % (s["file"], got, s["sha256"]))
print(len(items), "files")
PY
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libssh-4 libqt6core6 libqt6widgets6 libqt6charts6 qt6-qpa-plugins libqt6sql6-sqlite; do
  case ", $depends," in *", $dep "* | *", $dep,"*) ;; *) fail "Depends lacks $dep: $depends" ;; esac
done
pass "Depends: $depends"

# --- the Debian and freedesktop checkers ----------------------------------------------------------------
check "lintian: no error, no warning" lintian --fail-on error,warning "$deb"
check "desktop-file-validate" desktop-file-validate "$scratch/root/usr/share/applications/org.layerwatch.Layerwatch.desktop"
check "appstreamcli validate" appstreamcli validate --no-net "$scratch/root/usr/share/metainfo/org.layerwatch.Layerwatch.metainfo.xml"
check "appstreamcli validate-tree (metainfo, desktop file and icons agree)" appstreamcli validate-tree --no-net "$scratch/root"
for page in layerwatch layerwatch-cli; do
  man --warnings -E UTF-8 -l -Tutf8 -Z "$scratch/root/usr/share/man/man1/$page.1.gz" >/dev/null 2>"$scratch/man.err" || true
  if [ -s "$scratch/man.err" ]; then fail "man page $page: $(cat "$scratch/man.err")"; else pass "man page $page renders without warnings"; fi
done
# A clean Debian 12 (nothing installed: an empty dpkg status) can install it from the archive: apt finds
# every dependency. Simulated (-s): nothing is installed. Needs apt's package lists (apt-get update).
if compgen -G "/var/lib/apt/lists/*_Packages*" >/dev/null; then
  : >"$scratch/empty-status"
  check "apt-get install ./layerwatch.deb resolves on a clean Debian 12 (simulated)" \
    apt-get install -s -o Dir::State::status="$scratch/empty-status" -o Debug::NoLocking=1 "$deb"
  grep -q '^Inst layerwatch ' "$scratch/out" || fail "apt's simulation does not install layerwatch"
else
  echo "skip: no apt package lists (apt-get update) to resolve the dependencies against"
fi

# --- running it from the scratch root ---------------------------------------------------------------------
bin="$scratch/root/usr/bin"
"$bin/layerwatch-cli" --version >"$scratch/version" 2>&1 || fail "layerwatch-cli --version exited $?"
qt=$(dpkg-query -W -f='${Version}' libqt6core6 | sed 's/[+-].*//')
libssh=$(dpkg-query -W -f='${Version}' libssh-4 | sed 's/[+-].*//')
if grep -qx "layerwatch-cli $version" "$scratch/version" && grep -q "^libssh $libssh" "$scratch/version" &&
  grep -q "^Qt $qt" "$scratch/version"; then
  pass "layerwatch-cli --version: $(tr '\n' ' ' <"$scratch/version")"
else
  fail "layerwatch-cli --version (want $version, libssh $libssh, Qt $qt): $(cat "$scratch/version")"
fi
"$bin/layerwatch" --version >"$scratch/version" 2>&1 && grep -qx "layerwatch $version" "$scratch/version" &&
  pass "layerwatch --version" || fail "layerwatch --version: $(cat "$scratch/version")"

status=0
"$bin/layerwatch-cli" analyze "$share/demo" --json >"$scratch/report.json" 2>"$scratch/err" || status=$?
hosts=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["hosts"]))' "$scratch/report.json" 2>/dev/null || echo 0)
if [ "$status" = 1 ] && [ "$hosts" = 4 ]; then
  pass "offline analyze of the shipped demo: 4 hosts, critical findings (exit 1)"
else
  fail "offline analyze: exit $status, $hosts hosts: $(cat "$scratch/err")"
fi
"$bin/layerwatch-cli" analyze "$share/demo" --lang zh_CN >"$scratch/report.txt" 2>&1 || true
grep -q '主机' "$scratch/report.txt" && pass "the shipped zh_CN translation is used" ||
  fail "no Chinese in analyze --lang zh_CN: $(head -3 "$scratch/report.txt")"

# The console, offscreen, on the shipped demo fleet: it must still run after 6 s (timeout's 124).
status=0
HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" QT_QPA_PLATFORM=offscreen \
  timeout 6 "$bin/layerwatch" --demo --data-dir "$scratch/gui-data" >"$scratch/gui.log" 2>&1 || status=$?
if [ "$status" = 124 ]; then pass "the console starts offscreen and runs (demo fleet)"; else
  fail "the console exited with $status: $(cat "$scratch/gui.log")"
fi

# --- the tarball ----------------------------------------------------------------------------------------
mkdir "$scratch/tgz" && tar -xzf "$tgz" -C "$scratch/tgz"
top="$scratch/tgz/layerwatch-${version}-linux-amd64"
"$top/bin/layerwatch-cli" --version 2>&1 | grep -qx "layerwatch-cli $version" &&
  [ -f "$top/share/layerwatch/translations/layerwatch_zh_CN.qm" ] &&
  pass "the tarball runs (bin/layerwatch-cli --version) and holds the translations" ||
  fail "the tarball: $(ls "$scratch/tgz")"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
