#!/bin/bash
# Benchmarks `layerwatch-cli probe` on a lab of N healthy hosts (default 100) against the floor
# (`ssh host true` fanned out 32-wide), libssh alone doing the same (bench_ssh_floor: the client CPU that the
# SSH protocol costs a libssh client here) and, when installed, parallel-ssh and ansible running the same bundle.
# Usage: bench/bench_probe.sh [PATH/TO/layerwatch-cli] [HOSTS]     (root; LW_LAB_BASE: first address;
#        LW_BENCH_TOOLS=0 skips parallel-ssh and ansible)
# Targets: cold within 10% of the floor, < 5 ms client CPU per host, warm refresh of 100 hosts < 1 s.
# "machine CPU" is every process on this machine (/proc/stat), i.e. client + the lab's sshd and probes:
# on this shared 2-core lab it is what bounds the wall time.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-$top/build/src/app/layerwatch-cli}
n=${2:-100}
base=${LW_LAB_BASE:-127.0.60.1}
width=32
work=$(mktemp -d /tmp/lw-bench-probe.XXXXXX)
trap '"$top/tests/lab/lab.sh" stop --dir "$work/lab" >/dev/null 2>&1; rm -rf "$work"' EXIT INT TERM

"$top/tests/lab/lab.sh" start --dir "$work/lab" --hosts "$n" --scenarios healthy --base "$base" \
    >"$work/lab.log" 2>&1 || { cat "$work/lab.log" >&2; exit 1; }
L=$work/lab
awk -F'\t' '!/^#/ {print $1}' "$L/hosts.tsv" >"$work/addrs"
marker=0123456789abcdef0123456789abcdef
bundle=$top/resources/probes/bundle.sh
cli_args=(probe --inventory "$L/inventory" --identity "$L/id_ed25519" --known-hosts "$L/known_hosts"
    --ssh-config none --concurrency $width --json)

busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
# wall seconds, user+sys seconds of everything the command ran, machine-wide busy seconds
measure() { # NAME COMMAND...
    local out b0 b1
    TIMEFORMAT='%R %U %S'
    b0=$(busy)
    out=$({ time "${@:2}" >"$work/$1.out" 2>"$work/$1.err"; } 2>&1)
    b1=$(busy)
    echo "$1 $out $(((b1 - b0) * 1000 / $(getconf CLK_TCK)))" >>"$work/results"
}

measure floor sh -c "xargs -P$width -I{} ssh -F '$L/ssh_config' {} true <'$work/addrs'"
# libssh alone, 32 threads, one `true` per host: what the SSH protocol costs a libssh client here
floorbin=$(dirname "$cli")/../../bench/bench_ssh_floor
if [ -x "$floorbin" ]; then
    # shellcheck disable=SC2046
    measure libssh "$floorbin" "$L/known_hosts" "$L/id_ed25519" $width $(cat "$work/addrs")
    # the same with the probe bundle (compacted as Layerwatch sends it) instead of `true`: the SSH side of a
    # probe without Layerwatch's parsing, analysis and report
    sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$bundle" | grep -v -e '^#' -e '^$' >"$work/bundle.compact"
    # shellcheck disable=SC2046
    measure libssh-bun "$floorbin" --bundle "$work/bundle.compact" "$L/known_hosts" "$L/id_ed25519" $width \
        $(cat "$work/addrs")
fi
measure cold "$cli" "${cli_args[@]}"
measure warm "$cli" "${cli_args[@]}" --repeat 2
warm_ms=$(sed -n 's/^sweep 2: \([0-9]*\) ms$/\1/p' "$work/warm.err")
# for reference: the second sweep running every probe again on the kept connections (no refresh)
measure warmfull "$cli" "${cli_args[@]}" --repeat 2 --full
warmfull_ms=$(sed -n 's/^sweep 2: \([0-9]*\) ms$/\1/p' "$work/warmfull.err")
cold_hosts=$(python3 -c 'import json,sys; print(sum(h["status"]=="ok" for h in json.load(open(sys.argv[1]))["hosts"]))' "$work/cold.out")
tools=${LW_BENCH_TOOLS:-1}
if [ "$tools" = 1 ] && command -v parallel-ssh >/dev/null; then
    sed 's/^/root@/' "$work/addrs" >"$work/pssh-hosts"
    measure pssh parallel-ssh -h "$work/pssh-hosts" -p $width -t 60 -x "-F $L/ssh_config" -I \
        "sh -s -- $marker" <"$bundle"
fi
if [ "$tools" = 1 ] && command -v ansible >/dev/null; then
    { echo '[lab]'; cat "$work/addrs"; } >"$work/ansible-inv"
    export ANSIBLE_HOST_KEY_CHECKING=False ANSIBLE_SSH_ARGS="-F $L/ssh_config" ANSIBLE_STDOUT_CALLBACK=oneline
    # raw has no stdin: the bundle travels base64-encoded in the command (it contains {{ }} and quotes)
    measure ansible ansible -i "$work/ansible-inv" lab -f $width -u root -m raw \
        -a "echo $(base64 -w0 "$bundle") | base64 -d | sh -s -- $marker"
fi

# hosts whose bundle ran to its end, per tool
[ -f "$work/libssh-bun.out" ] && echo "libssh-bun $(awk '{print $2}' "$work/libssh-bun.out")" >>"$work/completed"
[ -f "$work/pssh.out" ] && echo "pssh $(grep -c '\[SUCCESS\]' "$work/pssh.out")" >>"$work/completed"
[ -f "$work/ansible.out" ] && echo "ansible $(grep -c "$marker DONE" "$work/ansible.out")" >>"$work/completed"
touch "$work/completed"
python3 - "$work/results" "$n" "$cold_hosts" "${warm_ms:-0}" "$work/completed" "${warmfull_ms:-0}" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    name, wall, user, sys_, machine = line.split()
    rows[name] = (float(wall), float(user) + float(sys_), int(machine) / 1000)
n, ok, warm_ms, warmfull_ms = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[6])
floor = rows['floor'][0]
print(f'{n} lab hosts, 32 wide; layerwatch-cli probed {ok}/{n} ok')
done = dict(l.split() for l in open(sys.argv[5]))
print(f'{"run":<10} {"wall s":>8} {"/floor":>7} {"client CPU s":>13} {"CPU ms/host":>12} {"machine CPU s":>14} {"bundles done":>13}')
for name, (wall, cpu, machine) in rows.items():
    print(f'{name:<10} {wall:8.2f} {wall / floor:7.2f} {cpu:13.2f} {1000 * cpu / n:12.1f} {machine:14.1f} {done.get(name, "-"):>13}')
print('(warm = a cold sweep + a refresh in one process; warmfull = a cold sweep + a full sweep; libssh =')
print(' bench_ssh_floor: libssh alone connecting, checking the key, authenticating and running `true`;')
print(' libssh-bun = the same running the probe bundle as parallel-ssh does, both streams read to the end)')
print(f'warm refresh (2nd sweep, refresh on the kept probe shells): {warm_ms} ms; '
      f'2nd sweep running every probe again: {warmfull_ms} ms')
cold = rows['cold']
if 'libssh-bun' in rows:
    bun = rows['libssh-bun'][1]
    print('client CPU of the cold sweep against libssh alone running the same bundle: %.1f vs %.1f ms/host (%.2f x)' % (
        1000 * cold[1] / n, 1000 * bun / n, cold[1] / bun if bun > 0 else 0))
print('targets: cold <= 1.10 x floor: %s (%.2f); client CPU < 5 ms/host: %s (%.1f); warm < 1 s: %s (%d ms)' % (
    'met' if cold[0] <= 1.10 * floor else 'MISSED', cold[0] / floor,
    'met' if 1000 * cold[1] / n < 5 else 'MISSED', 1000 * cold[1] / n,
    'met' if warm_ms < 1000 else 'MISSED', warm_ms))
PY
