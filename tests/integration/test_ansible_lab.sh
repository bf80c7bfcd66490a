#!/bin/bash
# The exported playbooks (layerwatch-cli playbook probe|repair) run with Debian's ansible against the lab
# fleet (tests/lab):
#  - the probe playbook's saved results, read by `layerwatch-cli analyze`, give every host the same status,
#    findings and check states as `layerwatch-cli probe` over its own SSH sessions;
#  - the repair playbook exported from those results: a dry run changes nothing (calls.log, mountinfo) and
#    ends on each host as remediate --dry-run does;
#    a copy of the script changed by one byte is refused on the canary before anything runs, and the
#    playbook stops there (the other hosts are never contacted);
#  - a real run, canary then batches of one with --max-failures 1: a host whose plan is broken fails and
#    the rollout stops after it (the next host untouched); the rest run from a new export; every cover is
#    gone afterwards (the probe playbook again), no injection on the hostile host, the output of every
#    host is kept on the controller.
# Usage: test_ansible_lab.sh PATH/TO/layerwatch-cli   (root, ansible-playbook; LW_LAB_BASE: the first address)
# Exit 77 (skipped) without root or without ansible-playbook.
set -uo pipefail
cli=${1:?usage: test_ansible_lab.sh layerwatch-cli}
cli=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
here=$(cd "$(dirname "$0")" && pwd)
lab=$here/../lab/lab.sh
base=${LW_LAB_BASE:-127.0.212.1}
if [ "$(id -u)" != 0 ]; then
    echo "SKIP: needs root for the lab"
    exit 77
fi
if ! command -v ansible-playbook >/dev/null; then
    echo "SKIP: ansible-playbook is not installed (LAYERWATCH_ANSIBLE=1 scripts/install-deps.sh)"
    exit 77
fi
work=$(mktemp -d /tmp/lw-ansible-it.XXXXXX)
pass=0 fail=0
check() { # DESCRIPTION CONDITION-EXIT-STATUS
    if [ "$2" = 0 ]; then pass=$((pass + 1)); echo "ok: $1"; else fail=$((fail + 1)); echo "FAIL: $1" >&2; fi
}
cleanup() {
    "$lab" stop --dir "$work/lab" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# host i has scenario i
"$lab" start --dir "$work/lab" --scenarios healthy,covered,hostile,nested,covered,conflict --base "$base" \
    >"$work/lab-start.log" 2>&1 || {
    cat "$work/lab-start.log" >&2
    echo "FAIL: lab did not start" >&2
    exit 1
}
L=$work/lab
mapfile -t addr < <(grep -v '^#' "$L/hosts.tsv" | cut -f1)
rm -f /tmp/lw-pwned-"${addr[2]}"
export ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_RETRY_FILES_ENABLED=False ANSIBLE_NOCOLOR=1 \
    ANSIBLE_HOME="$work/ansible-home" ANSIBLE_LOCAL_TEMP="$work/ansible-home/tmp" \
    ANSIBLE_SSH_CONTROL_PATH_DIR="$work/ansible-home/cp" ANSIBLE_REMOTE_TEMP="$work/ansible-home/remote-tmp" \
    ANSIBLE_FORKS=6
{
    echo "[lab]"
    printf '%s\n' "${addr[@]}"
    echo "[lab:vars]"
    echo "ansible_user=root"
    echo "ansible_python_interpreter=/usr/bin/python3"
    echo "ansible_ssh_common_args='-F $L/ssh_config'"
} >"$work/inventory.ini"
# status, finding IDs and check states of each host, one line each, from analyze/probe's JSON
summary() {
    python3 -c '
import json, sys
for h in json.load(sys.stdin)["hosts"]:
    print(h["host"], h["status"], ",".join(f["id"] for f in h["findings"]),
          ",".join(c["id"] + "=" + c["state"] for c in h["checks"]))'
}
findings_of() { # SUMMARY-FILE ADDRESS
    awk -v a="$2" '$1 == a { print $3 }' "$1"
}
calls() { wc -l <"$L/hosts/$1/calls.log" 2>/dev/null || echo 0; }

# --- the probe playbook round-trips ---------------------------------------------------------------------
"$cli" playbook probe --output "$work/probe" >/dev/null
check "playbook probe writes probe.yml and the bundle" "$([ -f "$work/probe/probe.yml" ] && [ -f "$work/probe/files/bundle.sh" ]; echo $?)"
ansible-playbook -i "$work/inventory.ini" "$work/probe/probe.yml" >"$work/probe.log" 2>&1
check "ansible-playbook probe.yml succeeds on every host" $?
"$cli" analyze "$work/probe/results" --json 2>"$work/analyze.err" | summary >"$work/via-ansible"
"$cli" probe --inventory "$L/inventory" --identity "$L/id_ed25519" --known-hosts "$L/known_hosts" \
    --ssh-config none --json 2>/dev/null | summary >"$work/via-layerwatch"
diff "$work/via-layerwatch" "$work/via-ansible" >"$work/diff"
check "analyze of the playbook's results = layerwatch-cli probe (status, findings, checks of $(wc -l <"$work/via-ansible") hosts)" $?
[ -s "$work/diff" ] && cat "$work/diff" >&2
check "the covered host's finding is seen through ansible" \
    "$([ "$(findings_of "$work/via-ansible" "${addr[1]}")" = shadowed-overlay-mounts ]; echo $?)"

# --- the repair playbook ----------------------------------------------------------------------------------
export_repair() { # OUTPUT-DIR CAPTURES [OPTIONS...]
    local out=$1 captures=$2
    shift 2
    "$cli" playbook repair --script fix-shadowed-mounts --captures "$captures" --output "$out" "$@" \
        >"$out.log" 2>&1
}
export_repair "$work/dry" "$work/probe/results" --dry-run --batch-size 2
grep -q "for 4 of 6 host" "$work/dry.log"
check "playbook repair plans the 4 covered hosts and names the 2 without a plan" $?
for i in 1 2 3 4; do
    cp "$L/hosts/${addr[$i]}/calls.log" "$work/calls.$i" 2>/dev/null || : >"$work/calls.$i"
    ssh -F "$L/ssh_config" "${addr[$i]}" cat /proc/self/mountinfo >"$work/mountinfo.$i"
done
ansible-playbook -i "$work/inventory.ini" "$work/dry/repair.yml" >"$work/dry-run.log" 2>&1
# As `layerwatch-cli remediate --dry-run` (the same script): every planned host's dry run succeeds, the
# nested one too (its second cover resolves to the first, which a dry run leaves mounted; it used to stop
# there with "LW-FAIL state changed"). The rollout's failure limit is checked by the real run below.
ok=0
for i in 1 2 3 4; do grep -q "${addr[$i]} *: .*failed=0" "$work/dry-run.log" || ok=1; done
check "the dry run succeeds on the 4 planned hosts (canary, hostile, nested, covered)" $ok
! grep -q 'LW-FAIL' "$work/dry-run.log"
check "no dry run stops with LW-FAIL" $?
grep -q 'LW-WOULD-RUN' "$work/dry-run.log"
check "the dry run prints what it would run" $?
unchanged=0
for i in 1 2 3 4; do
    ssh -F "$L/ssh_config" "${addr[$i]}" cat /proc/self/mountinfo | cmp -s - "$work/mountinfo.$i" || unchanged=1
    grep -qE '^(docker (rm|restart|start|stop)|systemctl restart)' <(diff "$work/calls.$i" "$L/hosts/${addr[$i]}/calls.log" | sed -n 's/^> //p') && unchanged=1
done
check "the dry run changed nothing (mount tables, no changing docker/systemctl call)" $unchanged

# One byte changed in the exported script: the canary's check refuses it, nothing runs, the rollout stops.
export_repair "$work/tampered" "$work/probe/results" --batch-size 2
printf '\n# changed\n' >>"$work/tampered/files/fix-shadowed-mounts.sh"
for i in 1 2 3 4; do cp "$L/hosts/${addr[$i]}/calls.log" "$work/calls.$i" 2>/dev/null || : >"$work/calls.$i"; done
ansible-playbook -i "$work/inventory.ini" "$work/tampered/repair.yml" >"$work/tampered.log" 2>&1
status=$?
check "a tampered script fails the playbook" "$([ $status != 0 ]; echo $?)"
grep -q 'are not the reviewed scripts: nothing was run' "$work/tampered.log"
check "the canary refuses it after hashing it on the host" $?
grep -q 'PLAY \[Layerwatch fix-shadowed-mounts: rollout\]' "$work/tampered.log"
check "the rollout play never starts after the canary failed" "$([ $? != 0 ]; echo $?)"
same=0
for i in 1 2 3 4; do cmp -s "$work/calls.$i" "$L/hosts/${addr[$i]}/calls.log" || same=1; done
check "no docker or systemctl call on any host" $same

# The real run, batches of one, at most one failure: host 3 (nested) gets a broken plan and fails; host 4
# must then never run.
export_repair "$work/run" "$work/probe/results" --canary 1 --batch-size 1 --max-failures 1
grep -q '^  max_fail_percentage: 50$' "$work/run/repair.yml"
check "serial 1 with --max-failures 1 is max_fail_percentage 50" $?
echo 'lw_parameters: "not base64!"' >"$work/run/host_vars/${addr[3]}.yml"
cp "$L/hosts/${addr[4]}/calls.log" "$work/calls.4" 2>/dev/null || : >"$work/calls.4"
ansible-playbook -i "$work/inventory.ini" "$work/run/repair.yml" >"$work/run.log" 2>&1
check "the run fails (one host failed)" "$([ $? != 0 ]; echo $?)"
grep -q "${addr[1]} *: ok=[0-9]* .*failed=0" "$work/run.log" && grep -q "${addr[2]} *: ok=[0-9]* .*failed=0" "$work/run.log"
check "canary and first batch ran ok (covered, hostile)" $?
grep -q "${addr[3]} *: .*failed=1" "$work/run.log"
check "the host with the broken plan failed" $?
cmp -s "$work/calls.4" "$L/hosts/${addr[4]}/calls.log" && ! grep -q "${addr[4]} *:" "$work/run.log"
check "the rollout stopped: the next host was never contacted" $?
python3 -c '
import json, sys
for a in sys.argv[1:]:
    r = json.load(open(a))
    assert r["rc"] == 0 and "LW-VERIFY ok" in r["stdout"], a
' "$work/run/results/${addr[1]}.json" "$work/run/results/${addr[2]}.json"
check "each host's output is kept on the controller, verified by the script" $?

# The rest from a new probe and export.
rm -rf "$work/probe/results"
ansible-playbook -i "$work/inventory.ini" "$work/probe/probe.yml" >"$work/probe2.log" 2>&1
export_repair "$work/rest" "$work/probe/results" --canary 1 --batch-size 2
grep -q "for 2 of 6 host" "$work/rest.log"
check "the new export plans the 2 hosts still covered" $?
ansible-playbook -i "$work/inventory.ini" "$work/rest/repair.yml" >"$work/rest-run.log" 2>&1
check "the rest runs" $?

rm -rf "$work/probe/results"
ansible-playbook -i "$work/inventory.ini" "$work/probe/probe.yml" >"$work/probe3.log" 2>&1
"$cli" analyze "$work/probe/results" --json 2>/dev/null | summary >"$work/after"
covered=0
for i in 1 2 3 4; do
    case ",$(findings_of "$work/after" "${addr[$i]}")," in *,shadowed-overlay-mounts,* | *,shadowed-mounts,*) covered=1 ;; esac
done
check "no cover left on any repaired host (probe playbook again)" $covered
[ "$(findings_of "$work/after" "${addr[5]}")" = storage-driver-conflict ]
check "the conflict host is untouched" $?
check "no injection on the hostile host" "$([ ! -e /tmp/lw-pwned-"${addr[2]}" ]; echo $?)"

echo "$pass passed, $fail failed"
if [ "$fail" != 0 ]; then
    for f in "$work"/*.log; do echo "== $f"; tail -40 "$f"; done >&2
fi
[ "$fail" = 0 ]
