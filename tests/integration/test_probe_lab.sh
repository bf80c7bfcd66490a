#!/bin/bash
# Integration test of `layerwatch-cli probe` on the lab fleet (tests/lab, every scenario):
#  - each host's status and finding IDs are those of hosts.tsv (JSON report);
#  - the hung host's daemon-json probe is "timeout", its other probes ran (ok/absent);
#  - the hostile host's canary file never appears;
#  - --save + analyze give the same findings as probe;
#  - the report streams: the first host's report is out while a later (hung) host is still probed, and a
#    reader that goes away early does not stop the sweep;
#  - the probe is read-only: each reachable host's files (its lab directory and, seen over SSH, /etc,
#    /var/lib/docker, /boot, /root) and its mount table are identical before and after;
#  - the fakes were only asked read-only questions (calls.log).
# Usage: test_probe_lab.sh PATH/TO/layerwatch-cli   (root; LW_LAB_BASE picks the lab's first address)
set -uo pipefail
cli=${1:?usage: test_probe_lab.sh layerwatch-cli}
cli=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
here=$(cd "$(dirname "$0")" && pwd)
lab=$here/../lab/lab.sh
base=${LW_LAB_BASE:-127.0.42.1}
work=$(mktemp -d /tmp/lw-probe-it.XXXXXX)
pass=0 fail=0
check() { # DESCRIPTION CONDITION-EXIT-STATUS
    if [ "$2" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1" >&2; fi
}
cleanup() {
    "$lab" stop --dir "$work/lab" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

if [ "$(id -u)" != 0 ]; then
    echo "SKIP: needs root for the lab"
    exit 0
fi
"$lab" start --dir "$work/lab" --scenarios all --base "$base" >"$work/lab-start.log" 2>&1 || {
    cat "$work/lab-start.log" >&2
    echo "FAIL: lab did not start" >&2
    exit 1
}
L=$work/lab
sshq() { ssh -n -F "$L/ssh_config" -o ConnectTimeout=5 "$@"; }

# The state of a host that must not change: its lab files (minus the logs the lab itself writes, and
# lowdisk's disk.img: the kernel flushes atime updates of the loop-mounted ext4 into it at any time; its
# files are compared as the host sees them), its files as the host sees them, and its mount table.
host_state() { # ADDR OUT
    {
        (cd "$L/hosts/$1" && find . -path ./calls.log -prune -o -path ./sshd.log -prune -o -path ./disk.img -prune -o \
            -printf '%p %s %T@ %m %y\n' | sort)
        echo ---
        sshq "$1" 'find /etc/docker /etc/sysconfig /var/lib/docker /boot /root -printf "%p %s %T@ %m %y\n" 2>/dev/null | sort; echo ---; cat /proc/self/mountinfo | cut -d" " -f1-10'
    } >"$2" 2>&1
}
readonly_hosts=()
while IFS=$'\t' read -r addr scenario status findings; do
    case $addr in '#'* | '') continue ;; esac
    [ "$status" = ok ] || [ "$scenario" = hung ] || continue
    readonly_hosts+=("$addr")
    host_state "$addr" "$work/before-$addr"
done <"$L/hosts.tsv"

"$cli" probe --inventory "$L/inventory" --identity "$L/id_ed25519" --known-hosts "$L/known_hosts" \
    --ssh-config none --connect-timeout 5 --command-timeout 60 --json --save "$work/save" \
    >"$work/probe.json" 2>"$work/probe.err"
rc=$?
check "probe exits 2 when some hosts cannot be probed (got $rc)" $([ "$rc" = 2 ]; echo $?)
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/probe.json"
check "probe --json prints valid JSON" $?

# Per host: status and finding IDs from hosts.tsv.
python3 - "$L/hosts.tsv" "$work/probe.json" <<'PY'
import json, sys
expected = {}
for line in open(sys.argv[1]):
    if line.startswith('#') or not line.strip():
        continue
    addr, scenario, status, findings = (line.rstrip('\n').split('\t') + [''])[:4]
    expected[addr] = (scenario, status, sorted(f for f in findings.split(',') if f))
got = {h['host']: (h['status'], sorted(f['id'] for f in h.get('findings', []))) for h in json.load(open(sys.argv[2]))['hosts']}
bad = 0
for addr, (scenario, status, findings) in expected.items():
    g = got.get(addr)
    if g != (status, findings):
        print(f'FAIL: {addr} ({scenario}): expected {status} {findings}, got {g}', file=sys.stderr)
        bad += 1
if set(got) != set(expected):
    print(f'FAIL: hosts differ: {sorted(set(got) ^ set(expected))}', file=sys.stderr)
    bad += 1
print(f'{len(expected) - bad} of {len(expected)} hosts as expected')
sys.exit(1 if bad else 0)
PY
check "every host's status and findings match hosts.tsv" $?

hung=$(awk -F'\t' '$2 == "hung" {print $1}' "$L/hosts.tsv")
python3 - "$work/save/$hung/meta.json" <<'PY'
import json, sys
probes = json.load(open(sys.argv[1]))['probes']
ok = probes['daemon-json']['status'] == 'timeout'
others = {k: v['status'] for k, v in probes.items() if k != 'daemon-json'}
ok = ok and len(others) == 12 and all(s in ('ok', 'absent') for s in others.values())
if not ok:
    print('FAIL: hung host probes:', {k: v['status'] for k, v in probes.items()}, file=sys.stderr)
sys.exit(0 if ok else 1)
PY
check "hung host: daemon-json timed out, the other 12 probes ran" $?

hostile=$(awk -F'\t' '$2 == "hostile" {print $1}' "$L/hosts.tsv")
check "hostile host's canary /tmp/lw-pwned-$hostile does not exist" $([ ! -e "/tmp/lw-pwned-$hostile" ]; echo $?)

# The report streams: a host's report is on stdout as soon as every host before it is in, while a later
# one (the hung host, ~5 s) is still being probed.
healthy=$(awk -F'\t' '$2 == "healthy" {print $1; exit}' "$L/hosts.tsv")
printf 'root@%s\nroot@%s\n' "$healthy" "$hung" >"$work/stream-inventory"
"$cli" probe --inventory "$work/stream-inventory" --identity "$L/id_ed25519" --known-hosts "$L/known_hosts" \
    --ssh-config none --connect-timeout 5 --command-timeout 60 --json >"$work/stream.json" 2>/dev/null &
stream_pid=$!
streamed=1
for _ in $(seq 600); do
    kill -0 "$stream_pid" 2>/dev/null || break
    # the first host out and the second not yet: a report printed at the end has both at once
    if grep -q "\"host\": \"$healthy\"" "$work/stream.json"; then
        grep -q "\"host\": \"$hung\"" "$work/stream.json" || streamed=0
        break
    fi
    sleep 0.05
done
wait "$stream_pid"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if [h["host"] for h in d["hosts"]] == sys.argv[2:] else 1)' \
    "$work/stream.json" "$healthy" "$hung"
check "streamed report is whole and in inventory order" $?
check "the first host's report is out while the hung host is still probed" "$streamed"
# A reader that goes away early does not stop the sweep: both hosts still saved, the write error reported.
"$cli" probe --inventory "$work/stream-inventory" --identity "$L/id_ed25519" --known-hosts "$L/known_hosts" \
    --ssh-config none --connect-timeout 5 --command-timeout 60 --json --save "$work/save-pipe" \
    2>"$work/pipe.err" | head -c 10 >/dev/null
pipe_rc=${PIPESTATUS[0]}
check "closed stdout: exit 2, not killed by SIGPIPE (got $pipe_rc)" $([ "$pipe_rc" = 2 ]; echo $?)
check "closed stdout: both captures saved" $([ -f "$work/save-pipe/$healthy/meta.json" ] &&
    [ -f "$work/save-pipe/$hung/meta.json" ]; echo $?)
check "closed stdout: the write error is reported" $(grep -q "Cannot write the report" "$work/pipe.err"; echo $?)

# Unknown key: the fingerprint and how to approve it are printed, nothing is approved.
unknown=$(awk -F'\t' '$2 == "unknown-key" {print $1}' "$L/hosts.tsv")
grep -q "$unknown: Unknown host key ssh-ed25519 SHA256:" "$work/probe.err"
check "unknown host key: fingerprint printed" $?
check "unknown host key: not added to known_hosts" $(! grep -q "^$unknown " "$L/known_hosts"; echo $?)

# --save + analyze: the same findings per host.
"$cli" analyze "$work/save" --json >"$work/analyze.json" 2>"$work/analyze.err"
python3 - "$work/probe.json" "$work/analyze.json" <<'PY'
import json, sys
def findings(path, only_ok):
    return {h['host']: sorted((f['id'], f.get('severity')) for f in h.get('findings', []))
            for h in json.load(open(path))['hosts'] if not only_ok or h['status'] == 'ok'}
p, a = findings(sys.argv[1], False), findings(sys.argv[2], False)
p = {h: f for h, f in p.items() if h in a}
if p != a:
    print('FAIL: probe vs analyze:', p, a, file=sys.stderr)
sys.exit(0 if p == a and len(p) == 8 else 1)
PY
check "--save then analyze gives the same findings for the 8 hosts whose bundle ran" $?

# Read-only: everything as before.
for addr in "${readonly_hosts[@]}"; do
    host_state "$addr" "$work/after-$addr"
    if ! cmp -s "$work/before-$addr" "$work/after-$addr"; then
        diff "$work/before-$addr" "$work/after-$addr" | head -5 >&2
        check "host $addr unchanged by the probe" 1
    else
        check "host $addr unchanged by the probe" 0
    fi
done
# The fakes log every call: the probe only asked read-only questions.
calls=$(cat "$L"/hosts/*/calls.log 2>/dev/null | sed 's/ *$//' | sort -u)
bad_calls=$(printf '%s\n' "$calls" | grep -v -e '^docker info --format' -e '^systemctl show docker -p ExecStart' \
    -e '^docker ps -aq --no-trunc$' -e '^docker container inspect --format ' -e '^docker image ls -aq --no-trunc$' \
    -e '^docker image inspect --format ' -e '^$' || true)
check "only read-only calls to docker/systemctl (${bad_calls:-none other})" $([ -z "$bad_calls" ]; echo $?)

echo "read-only checked on ${#readonly_hosts[@]} hosts"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
