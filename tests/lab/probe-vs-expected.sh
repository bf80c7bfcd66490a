#!/bin/bash
# Probes a running lab with layerwatch-cli and compares every host's status and finding IDs with what
# hosts.tsv expects (exactly: no missing and no extra finding).
#   probe-vs-expected.sh --dir DIR [--cli PATH/layerwatch-cli]
# Prints one line per host and "N passed, M failed"; exit 0 only if every host matches.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir='' cli=$here/../../build/src/app/layerwatch-cli
while [ $# -gt 0 ]; do
    case $1 in
    --dir) dir=${2:-} && shift ;;
    --cli) cli=${2:-} && shift ;;
    *) echo "usage: $0 --dir DIR [--cli PATH]" >&2 && exit 2 ;;
    esac
    shift
done
[ -f "$dir/hosts.tsv" ] || { echo "no lab in '$dir'" >&2; exit 2; }
[ -x "$cli" ] || { echo "no layerwatch-cli at '$cli' (build it, or give --cli)" >&2; exit 2; }
report=$(mktemp)
trap 'rm -f "$report"' EXIT
# exit status 1/2 just means findings or unprobed hosts: the comparison below decides
"$cli" probe --inventory "$dir/inventory" --identity "$dir/id_ed25519" --known-hosts "$dir/known_hosts" \
    --ssh-config none --connect-timeout 5 --command-timeout 15 --json >"$report" 2>/dev/null || true
/usr/bin/python3 - "$dir/hosts.tsv" "$report" <<'PY'
import json, sys
expected = {}
for line in open(sys.argv[1]):
    if line.startswith("#") or not line.strip():
        continue
    addr, scenario, status, findings = line.rstrip("\n").split("\t")
    expected[addr] = (scenario, status, sorted(f for f in findings.split(",") if f))
try:
    hosts = {h["host"]: h for h in json.load(open(sys.argv[2]))["hosts"]}
except (ValueError, KeyError) as e:
    print(f"layerwatch-cli gave no usable JSON report: {e}")
    sys.exit(1)
passed = failed = 0
for addr, (scenario, status, findings) in expected.items():
    h = hosts.get(addr)
    got_status = h.get("status") if h else "(missing)"
    got = sorted({f["id"] for f in h.get("findings", [])}) if h else []
    good = got_status == status and got == findings
    passed += good
    failed += not good
    print(f"{'PASS' if good else 'FAIL'}  {addr:15} {scenario:13} status {got_status} (expected {status}), "
          f"findings {','.join(got) or '-'} (expected {','.join(findings) or '-'})")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
