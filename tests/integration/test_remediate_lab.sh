#!/bin/bash
# Integration test of `layerwatch-cli remediate` on the lab fleet (tests/lab), the reviewed scripts as built
# into the CLI:
#  - a tampered catalog copy is refused before anything runs (no probe, no call on any host);
#  - more than 3 hosts need --confirm-hosts N; without it nothing runs;
#  - without --yes: the plan (unmount order) is printed, nothing changes (mountinfo identical, no change call);
#  - --dry-run: the host's dry-run output is printed, nothing changes;
#  - --yes on covered, nested, hostile (canary, then a batch): all verified, covers gone, overlays visible,
#    nested unmounted most recent first, no container or docker restart (every container still runs), no
#    injection;
#  - Ctrl-C during a hung run: the remote process group is ended, the audit log says cancelled;
#  - fix-storage-driver-conflict (file rewritten, backup kept) and enable-redirect-dir (reads Y);
#  - migrate-and-reboot only with the host's name typed and no container running (unless allowed);
#  - the audit log holds started/finished/verified for every host that ran.
# Usage: test_remediate_lab.sh PATH/TO/layerwatch-cli   (root; LW_LAB_BASE picks the lab's first address)
set -uo pipefail
cli=${1:?usage: test_remediate_lab.sh layerwatch-cli}
cli=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
here=$(cd "$(dirname "$0")" && pwd)
lab=$here/../lab/lab.sh
catalog=$here/../../resources/remediation
base=${LW_LAB_BASE:-127.0.163.1}
work=$(mktemp -d /tmp/lw-remediate-it.XXXXXX)
pass=0 fail=0
check() { # DESCRIPTION CONDITION-EXIT-STATUS
    if [ "$2" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1" >&2; fi
}
cleanup() {
    [ -n "${clipid:-}" ] && kill "$clipid" 2>/dev/null
    "$lab" stop --dir "$work/lab" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

if [ "$(id -u)" != 0 ]; then
    echo "SKIP: needs root for the lab"
    exit 0
fi
# host i has scenario i
scenarios=covered,nested,hostile,covered,covered,conflict,redirect-off
"$lab" start --dir "$work/lab" --scenarios "$scenarios" --base "$base" >"$work/lab-start.log" 2>&1 || {
    cat "$work/lab-start.log" >&2
    echo "FAIL: lab did not start" >&2
    exit 1
}
L=$work/lab
mapfile -t addr < <(grep -v '^#' "$L/hosts.tsv" | cut -f1)
sshq() { ssh -F "$L/ssh_config" -o ConnectTimeout=5 "$@"; }
inv() { # INDEX... -> inventory file path
    local f i
    f=$work/inv.$(IFS=_; echo "$*")
    : >"$f"
    for i in "$@"; do echo "root@${addr[$i]}" >>"$f"; done
    echo "$f"
}
audit=$work/audit.jsonl
run() { # ARGS... (common options added)
    "$cli" remediate --identity "$L/id_ed25519" --known-hosts "$L/known_hosts" --ssh-config none \
        --connect-timeout 5 --audit-log "$audit" "$@"
}
changes() { # INDEX: the calls of a host that change something
    grep -E '^(docker (restart|rm|stop|start|create) |systemctl (restart|start|stop|reboot))' \
        "$L/hosts/${addr[$1]}/calls.log" 2>/dev/null
}
audit_count() { # EVENT HOST
    python3 - "$audit" "$1" "$2" <<'PY'
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r.get("event") == sys.argv[2] and r.get("host") == sys.argv[3]:
        n += 1
print(n)
PY
}
for i in "${!addr[@]}"; do sshq "${addr[$i]}" cat /proc/self/mountinfo >"$work/mi-before-$i"; done

# 1. A tampered copy of the catalog: refused before anything runs.
cp -r "$catalog" "$work/tampered"
printf 'touch /tmp/lw-tampered-%s\n' "$base" >>"$work/tampered/fix-shadowed-mounts.sh"
for i in "${!addr[@]}"; do cp "$L/hosts/${addr[$i]}/calls.log" "$work/calls-before-$i" 2>/dev/null || : >"$work/calls-before-$i"; done
run --script fix-shadowed-mounts --inventory "$(inv 0 1 2)" --catalog "$work/tampered" --yes \
    >"$work/tampered.out" 2>"$work/tampered.err"
rc=$?
check "tampered catalog: exit 2 (got $rc)" "$([ $rc = 2 ]; echo $?)"
grep -q 'SHA-256' "$work/tampered.err"
check "tampered catalog: the refusal names the hash" $?
same=0
for i in 0 1 2; do cmp -s "$L/hosts/${addr[$i]}/calls.log" "$work/calls-before-$i" || same=1; done
check "tampered catalog: no host was even probed" $same
[ ! -e "/tmp/lw-tampered-$base" ]
check "tampered catalog: its code never ran" $?

# 2. More than 3 hosts to change: --confirm-hosts N is required.
run --script enable-redirect-dir --inventory "$(inv 0 1 2 3)" --yes >"$work/count.out" 2>"$work/count.err"
rc=$?
check "4 hosts without --confirm-hosts: exit 2 (got $rc)" "$([ $rc = 2 ]; echo $?)"
grep -q -- '--confirm-hosts 4' "$work/count.err"
check "4 hosts without --confirm-hosts: says how to confirm" $?
[ ! -e "$audit" ] || ! grep -q '"event":"started"' "$audit"
check "4 hosts without --confirm-hosts: nothing started" $?

# 3. Plan only: nested's covers in unmount order (most recent first); nothing changes.
run --script fix-shadowed-mounts --inventory "$(inv 1 3)" >"$work/plan.out" 2>"$work/plan.err"
rc=$?
check "plan only: exit 0 (got $rc)" "$([ $rc = 0 ]; echo $?)"
outer=$(grep -n 'at /var/lib/docker\.$' "$work/plan.out" | head -n1 | cut -d: -f1)
inner=$(grep -n 'at /var/lib/docker/overlay2\.$' "$work/plan.out" | head -n1 | cut -d: -f1)
[ -n "$outer" ] && [ -n "$inner" ] && [ "$outer" -lt "$inner" ]
check "plan only: nested unmounts /var/lib/docker before /var/lib/docker/overlay2" $?
grep -q 'Nothing was changed' "$work/plan.out"
check "plan only: says nothing was changed" $?

# 4. Dry run without --yes: the host's own dry-run output; nothing changes.
run --script fix-shadowed-mounts --inventory "$(inv 3)" --dry-run >"$work/dry.out" 2>"$work/dry.err"
rc=$?
check "dry run: exit 0 (got $rc)" "$([ $rc = 0 ]; echo $?)"
grep -q "^\[${addr[3]}\]   LW-WOULD-RUN 'umount' '--' '/var/lib/docker/overlay2'" "$work/dry.out"
check "dry run: prints the host's LW-WOULD-RUN umount, prefixed by the host" $?
# Nested covers: the dry run of the lower cover must not fail because the upper one, "unmounted" only in
# the dry run, still covers it ("LW-FAIL state changed: ... does not resolve").
audit=$work/audit-dry.jsonl run --script fix-shadowed-mounts --inventory "$(inv 1)" --dry-run \
    >"$work/dry-nested.out" 2>"$work/dry-nested.err"
rc=$?
check "dry run of nested covers: exit 0 (got $rc)" "$([ $rc = 0 ]; echo $?)"
! grep -q "LW-FAIL" "$work/dry-nested.out"
check "dry run of nested covers: no LW-FAIL" $?
o=$(grep -n "^\[${addr[1]}\]   LW-WOULD-RUN 'umount' '--' '/var/lib/docker'$" "$work/dry-nested.out" | cut -d: -f1)
n=$(grep -n "^\[${addr[1]}\]   LW-WOULD-RUN 'umount' '--' '/var/lib/docker/overlay2'$" "$work/dry-nested.out" | cut -d: -f1)
[ -n "$o" ] && [ -n "$n" ] && [ "$o" -lt "$n" ]
check "dry run of nested covers: both umounts, the most recent first" $?
[ "$fail" = 0 ] || { echo "--- dry-nested.out" >&2; tail -20 "$work/dry-nested.out" >&2; }
for i in 1 3; do
    sshq "${addr[$i]}" cat /proc/self/mountinfo | cmp -s - "$work/mi-before-$i"
    check "plan/dry run: mountinfo of host $i identical" $?
    [ -z "$(changes "$i")" ]
    check "plan/dry run: no changing call on host $i" $?
done

# 5. The repair: canary (covered), then nested + hostile in one batch.
rm -f "/tmp/lw-pwned-${addr[2]}"
run --script fix-shadowed-mounts --inventory "$(inv 0 1 2)" --canary 1 --batch-size 2 --yes --json \
    >"$work/fix.json" 2>"$work/fix.err"
rc=$?
check "fix: exit 0 (got $rc)" "$([ $rc = 0 ]; echo $?)"
python3 - "$work/fix.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
states = [r["state"] for r in d["results"]]
assert states == ["verified"] * 3, states
assert d["results"][0]["canary"] and not d["results"][1]["canary"], d["results"]
PY
check "fix: JSON says verified x3, the first host was the canary" $?
for i in 0 1 2; do
    mi=$(sshq "${addr[$i]}" cat /proc/self/mountinfo)
    ! grep -q ' - tmpfs lw-cover' <<<"$mi"
    check "fix: host $i has no covering mount left" $?
    [ "$(grep -c ' - overlay overlay ' <<<"$mi")" -ge 3 ]
    check "fix: host $i shows its merged overlays" $?
    # the workload keeps running: no container restarted, docker not restarted (it answers and creates one)
    ! grep -E '^(docker (restart|stop|rm) |systemctl restart docker)' "$L/hosts/${addr[$i]}/calls.log" |
        grep -qv '^docker rm -v layerwatch-verify-' # (the test container of the verification is removed)
    check "fix: host $i: no docker restart, no container stopped or restarted" $?
    ! grep -qv $'\trunning$' "$L/hosts/${addr[$i]}/state/containers"
    check "fix: host $i: every container still runs" $?
    grep -q "^\[${addr[$i]}\]   LW-VERIFY ok: no cover" "$work/fix.err"
    check "fix: host $i: the script verified the workload itself" $?
    [ "$(audit_count started "${addr[$i]}")" = 1 ] && [ "$(audit_count finished "${addr[$i]}")" = 1 ] &&
        [ "$(audit_count verified "${addr[$i]}")" = 1 ]
    check "fix: the audit log has started/finished/verified for host $i" $?
done
o=$(grep -n "^\[${addr[1]}\]   LW-RUN 'umount' '--' '/var/lib/docker'$" "$work/fix.err" | cut -d: -f1)
n=$(grep -n "^\[${addr[1]}\]   LW-RUN 'umount' '--' '/var/lib/docker/overlay2'$" "$work/fix.err" | cut -d: -f1)
[ -n "$o" ] && [ -n "$n" ] && [ "$o" -lt "$n" ]
check "fix: nested was unmounted most recent first (LW-RUN lines)" $?
[ ! -e "/tmp/lw-pwned-${addr[2]}" ]
check "fix: the hostile host's canary file never appeared" $?
# (printed escaped as every remote string is: the quote's backslash doubled, #16 item 4)
grep -qF "[${addr[2]}]   LW-RUN 'umount' '--' '/var/lib/docker/-lw data/it'\\\\''s" "$work/fix.err"
check "fix: the hostile path was passed as one quoted argument" $?

# 6. Ctrl-C while a host's docker hangs: the remote process group is ended.
echo 300 >"$L/hosts/${addr[4]}/state/hang"
# (not through run(): SIGINT must reach the CLI itself, not a background subshell, which ignores it)
# (migrate-and-reboot: fix-shadowed-mounts is refused while docker hangs - its containers are unknown - and
# this one asks docker ps before it reboots)
"$cli" remediate --identity "$L/id_ed25519" --known-hosts "$L/known_hosts" --ssh-config none --connect-timeout 5 \
    --audit-log "$audit" --script migrate-and-reboot --param "confirm-host=lab-${addr[4]//./-}" \
    --inventory "$(inv 4)" --yes >"$work/int.out" 2>"$work/int.err" &
clipid=$!
# (the probe's own docker calls hang too, until the bundle's probe timeout; wait for the script's step 1)
for _ in $(seq 1 450); do
    grep -q 'LW-STEP 1' "$work/int.out" 2>/dev/null && grep -q '^sleep 300' <<<"$(sshq "${addr[4]}" ps -eo args 2>/dev/null)" && break
    sleep 0.2
done
grep -q '^sleep 300' <<<"$(sshq "${addr[4]}" ps -eo args)"
check "interrupt: the script hangs in docker on the host" $?
kill -INT "$clipid"
wait "$clipid"
rc=$?
clipid=
rm -f "$L/hosts/${addr[4]}/state/hang"
check "interrupt: exit 1 (got $rc)" "$([ $rc = 1 ]; echo $?)"
grep -q "${addr[4]}  cancelled" "$work/int.out"
check "interrupt: the summary says cancelled" $?
! grep -E '^(sleep 300|sh -s -- run|timeout -k)' <<<"$(sshq "${addr[4]}" ps -eo args)"
check "interrupt: nothing of the run is left on the host" $?
sshq "${addr[4]}" cat /proc/self/mountinfo | cmp -s - "$work/mi-before-4"
check "interrupt: mountinfo unchanged" $?
grep '"event":"finished"' "$audit" | grep "${addr[4]}" | grep -q '"state":"cancelled"'
check "interrupt: the audit log has the cancelled finish" $?

# 7. The configuration repairs.
run --script fix-storage-driver-conflict --inventory "$(inv 5)" --yes >"$work/conflict.out" 2>"$work/conflict.err"
rc=$?
check "conflict: exit 0 (got $rc)" "$([ $rc = 0 ]; echo $?)"
! grep -q 'storage-driver' "$L/hosts/${addr[5]}/etc/sysconfig/docker-storage"
check "conflict: docker-storage no longer sets the storage driver" $?
ls "$L/hosts/${addr[5]}/etc/sysconfig/"docker-storage.layerwatch-* >/dev/null 2>&1 &&
    grep -q -- '--storage-driver' "$L/hosts/${addr[5]}/etc/sysconfig/"docker-storage.layerwatch-*
check "conflict: the backup keeps the old content" $?
run --script enable-redirect-dir --inventory "$(inv 6)" --yes --param persist=yes >"$work/redirect.out" 2>"$work/redirect.err"
rc=$?
check "redirect-off: exit 0 (got $rc)" "$([ $rc = 0 ]; echo $?)"
[ "$(sshq "${addr[6]}" cat /sys/module/overlay/parameters/redirect_dir)" = Y ]
check "redirect-off: redirect_dir reads Y" $?
run --script enable-redirect-dir --inventory "$(inv 6)" --yes --param persist=maybe >/dev/null 2>"$work/badparam.err"
rc=$?
check "a bad parameter value: host refused, exit 1 (got $rc)" "$([ $rc = 1 ] || [ $rc = 2 ]; echo $?)"

# 8. migrate-and-reboot: only with the host's own name typed, not while containers run unless allowed.
reboots() { grep -c 'systemctl reboot' "$L/hosts/${addr[6]}/calls.log" 2>/dev/null; }
host_name=lab-${addr[6]//./-}
run --script migrate-and-reboot --inventory "$(inv 6)" --yes --param confirm-host=not-this-host \
    >"$work/reboot-wrong.out" 2>"$work/reboot-wrong.err"
rc=$?
check "reboot: a wrong host name is refused (got $rc)" "$([ $rc != 0 ]; echo $?)"
run --script migrate-and-reboot --inventory "$(inv 6)" --yes --param "confirm-host=$host_name" \
    >"$work/reboot-running.out" 2>"$work/reboot-running.err"
rc=$?
check "reboot: refused while containers still run (got $rc)" "$([ $rc != 0 ]; echo $?)"
[ "$(reboots)" = 0 ]
check "reboot: no reboot was asked for so far" $?
run --script migrate-and-reboot --inventory "$(inv 6)" --yes --param "confirm-host=$host_name" \
    --param allow-running=yes >"$work/reboot.out" 2>"$work/reboot.err"
rc=$?
check "reboot: confirmed and allowed: exit 0 (got $rc)" "$([ $rc = 0 ]; echo $?)"
[ "$(reboots)" = 1 ]
check "reboot: systemctl reboot was called exactly once" $?

python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$audit"
check "the audit log is whole JSON lines" $?

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
