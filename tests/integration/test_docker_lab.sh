#!/bin/bash
# Layerwatch against the lab's Real-Docker hosts (tests/lab, scenarios docker-*: a real dockerd 20.10 in each
# host, only systemctl a stand-in), end to end with the built CLI:
#  - probe: every host's findings are exactly hosts.tsv's; shadowed-overlay-mounts names the containers
#    (name, state, restart policy) and tells the removed container's leaked mount apart; the leaked layer is
#    leaked-overlay-mounts; `probe --save` then `analyze` gives the same findings;
#  - fix-shadowed-mounts --yes on covered (docker restarted on purpose: restart-docker=always), liverestore,
#    bind and rootcover: verified; every container that ran before runs (web-no, without a restart policy,
#    too), the stopped one stays stopped, a new container starts, no critical finding remains, and the leaked
#    layer is still on disk and reported as orphaned-overlay-layers;
#  - remove-orphaned-layers --yes: its directories are gone, every image and container still works;
#  - order-docker-after-mounts --yes on unordered: the drop-in is in the host, the finding is gone.
# Usage: test_docker_lab.sh PATH/TO/layerwatch-cli   (root; LW_DOCKER_LAB_BASE picks the first address)
set -uo pipefail
cli=${1:?usage: test_docker_lab.sh layerwatch-cli}
cli=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
here=$(cd "$(dirname "$0")" && pwd)
lab=$here/../lab/lab.sh
base=${LW_DOCKER_LAB_BASE:-127.0.172.1}
pass=0 fail=0
check() { # DESCRIPTION CONDITION-EXIT-STATUS
    if [ "$2" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1" >&2; fi
}
if [ "$(id -u)" != 0 ]; then
    echo "SKIP: needs root for the lab"
    exit 0
fi
if ! command -v dockerd >/dev/null || [ ! -x /usr/bin/docker ]; then
    # CI installs docker.io (scripts/install-deps.sh): there a missing engine is a failure, not a skip
    [ "${CI:-}" = true ] && { echo "FAIL: docker.io is not installed" >&2; exit 1; }
    echo "SKIP: needs docker.io (dockerd, /usr/bin/docker)"
    exit 0
fi
work=$(mktemp -d /tmp/lw-docker-it.XXXXXX)
L=$work/lab
cleanup() {
    "$lab" stop --dir "$L" >/dev/null 2>&1
    [ -n "${LW_KEEP_WORK:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start=$(date +%s)
"$lab" start --dir "$L" --scenarios docker --base "$base" >"$work/lab-start.log" 2>&1 || {
    cat "$work/lab-start.log" >&2
    echo "FAIL: lab did not start" >&2
    exit 1
}
echo "lab: 6 real-docker hosts up in $(($(date +%s) - start)) s"
declare -A host
while IFS=$'\t' read -r a s _; do [[ $a == \#* ]] || host[$s]=$a; done <"$L/hosts.tsv"
X() { # SCENARIO COMMAND...: inside the host, stdout+stderr
    local s=$1
    shift
    "$lab" exec --dir "$L" "${host[$s]}" -- "$@" 2>&1
}
cid() { awk -F'\t' -v n="$2" '$2 == n { print $1 }' "$L/hosts/${host[$1]}/state/containers.tsv"; } # SCENARIO NAME
mid() { awk -F'\t' -v n="$2" '$2 == n { print $5 }' "$L/hosts/${host[$1]}/state/containers.tsv"; }
inv() { # SCENARIO... -> inventory file
    local f=$work/inv.$(IFS=_; echo "$*") s
    : >"$f"
    for s in "$@"; do echo "root@${host[$s]}" >>"$f"; done
    echo "$f"
}
ssh_opts=(--identity "$L/id_ed25519" --known-hosts "$L/known_hosts" --ssh-config none --connect-timeout 10)
probe_json() { "$cli" probe --inventory "$1" "${ssh_opts[@]}" --json 2>/dev/null; }
remediate() { "$cli" remediate "${ssh_opts[@]}" --audit-log "$work/audit.jsonl" "$@"; }
running() { X "$1" docker inspect --format '{{.State.Running}}' "$2" 2>/dev/null; } # SCENARIO NAME

# 1. The probe: findings as hosts.tsv says, containers named.
bash "$here/../lab/probe-vs-expected.sh" --dir "$L" --cli "$cli" >"$work/expected.out" 2>&1
check "probe: every real-docker host's findings are hosts.tsv's ($(tail -n1 "$work/expected.out"))" $?
"$cli" probe --inventory "$L/inventory" "${ssh_opts[@]}" --json --save "$work/save" >"$work/probe.json" 2>/dev/null
python3 - "$work/probe.json" "${host[docker-covered]}" "$(mid docker-covered gone)" "$(mid docker-covered web-no)" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
h = next(h for h in doc["hosts"] if h["host"] == sys.argv[2])
f = {x["id"]: x for x in h["findings"]}
shadow = f["shadowed-overlay-mounts"]["containers"]
named = sorted((c["name"], c["state"], c["restartPolicy"]) for c in shadow if not c["removed"])
assert named == [("web-always", "running", "always"), ("web-no", "running", "no"),
                 ("web-unless", "running", "unless-stopped")], named
removed = [c["layer"] for c in shadow if c["removed"]]
assert removed == [sys.argv[3]], (removed, sys.argv[3])
assert next(c for c in shadow if c["name"] == "web-no")["layer"] == sys.argv[4]
leaked = f["leaked-overlay-mounts"]["containers"]
assert [c["layer"] for c in leaked] == [sys.argv[3]] and leaked[0]["removed"], leaked
PY
check "probe: shadowed-overlay-mounts names web-no/web-always/web-unless, the removed one's mount is leaked" $?
grep -q 'symlink ../<id>-init/diff' "$work/probe.json"
check "probe: the symptom is this engine's (docker run fails on the l/ symlink)" $?
"$cli" analyze "$work/save" --json >"$work/analyze.json" 2>/dev/null
python3 - "$work/probe.json" "$work/analyze.json" <<'PY'
import json, sys
def findings(path):
    return {h["host"]: [(f["id"], f.get("containers"), f["evidence"]) for f in h["findings"]]
            for h in json.load(open(path))["hosts"]}
a, b = findings(sys.argv[1]), findings(sys.argv[2])
assert a == b, (a, b)
PY
check "probe --save then analyze: the same findings, containers and evidence" $?

# 2. fix-shadowed-mounts on each covered host.
fix() { # SCENARIO [--param ...]: runs the repair, checks verified and the workload
    local s=$1
    shift
    remediate --script fix-shadowed-mounts --inventory "$(inv "$s")" --yes "$@" >"$work/fix-$s.out" 2>"$work/fix-$s.err"
    local rc=$?
    check "fix $s: exit 0 (got $rc)" "$([ $rc = 0 ]; echo $?)"
    grep -q "${host[$s]}  verified" "$work/fix-$s.out"
    check "fix $s: verified" $?
    local n
    for n in web-no web-always web-unless; do
        [ "$(running "$s" "$n")" = true ]
        check "fix $s: $n runs after the repair" $?
    done
    [ "$(running "$s" stopped)" = false ]
    check "fix $s: the stopped container stays stopped" $?
    X "$s" docker run --rm lw/busybox:1 /bin/busybox true >/dev/null
    check "fix $s: a new container starts" $?
    ! X "$s" grep -q ' - tmpfs lw-cover' /proc/self/mountinfo
    check "fix $s: no cover left" $?
}
fix docker-covered --param restart-docker=always
grep -q "LW-RUN 'systemctl' 'restart' 'docker'" "$work/fix-docker-covered.out"
check "fix docker-covered: docker was restarted (restart-docker=always)" $?
grep -q "LW-RUN 'docker' 'start' '$(cid docker-covered web-no)'" "$work/fix-docker-covered.out"
check "fix docker-covered: web-no (restart no) was started again by the script" $?
fix docker-liverestore
fix docker-bind
fix docker-rootcover
for s in docker-liverestore docker-bind docker-rootcover; do
    ! grep -q "'systemctl' 'restart'" "$work/fix-$s.out"
    check "fix $s: docker was not restarted" $?
done

# 3. After the repair: no critical finding; the removed container's layer kept and reported.
probe_json "$(inv docker-covered docker-liverestore docker-bind docker-rootcover)" >"$work/after.json"
python3 - "$work/after.json" "${host[docker-covered]}:$(mid docker-covered gone)" \
    "${host[docker-liverestore]}:$(mid docker-liverestore gone)" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
want = dict(a.split(":") for a in sys.argv[2:])
for h in doc["hosts"]:
    crit = [f["id"] for f in h["findings"] if f["severity"] == "critical"]
    assert not crit, (h["host"], crit)
    if h["host"] in want:
        o = next(f for f in h["findings"] if f["id"] == "orphaned-overlay-layers")
        assert sorted(o["layers"]) == [want[h["host"]], want[h["host"]] + "-init"], o["layers"]
PY
check "after the repair: no critical finding; the leaked layers are reported orphaned (data kept)" $?
[ -d "$L/hosts/${host[docker-covered]}/var/lib/docker/overlay2/$(mid docker-covered gone)/diff" ]
check "after the repair: the removed container's layer is still on disk" $?

# 4. remove-orphaned-layers on covered.
remediate --script remove-orphaned-layers --inventory "$(inv docker-covered)" --yes >"$work/rm.out" 2>"$work/rm.err"
rc=$?
check "remove-orphaned-layers: exit 0, verified (got $rc)" "$([ $rc = 0 ] && grep -q 'verified' "$work/rm.out"; echo $?)"
gone=$(mid docker-covered gone)
[ ! -e "$L/hosts/${host[docker-covered]}/var/lib/docker/overlay2/$gone" ] &&
    [ ! -e "$L/hosts/${host[docker-covered]}/var/lib/docker/overlay2/$gone-init" ]
check "remove-orphaned-layers: the two directories are gone" $?
X docker-covered docker run --rm lw/busybox:1 /bin/busybox true >/dev/null && X docker-covered docker start stopped >/dev/null &&
    [ "$(running docker-covered stopped)" = true ] && [ "$(running docker-covered web-no)" = true ]
check "remove-orphaned-layers: images and containers still work" $?
probe_json "$(inv docker-covered)" | python3 -c '
import json, sys
h = json.load(sys.stdin)["hosts"][0]
assert not [f for f in h["findings"] if f["id"] == "orphaned-overlay-layers"], h["findings"]
assert {c["id"]: c["state"] for c in h["checks"]}["orphaned-overlay-layers"] == "passed"'
check "remove-orphaned-layers: the finding is gone (its rule passes)" $?

# 5. order-docker-after-mounts on unordered.
remediate --script order-docker-after-mounts --inventory "$(inv docker-unordered)" --yes >"$work/order.out" 2>"$work/order.err"
rc=$?
check "order-docker-after-mounts: exit 0, verified (got $rc)" "$([ $rc = 0 ] && grep -q 'verified' "$work/order.out"; echo $?)"
grep -q '^RequiresMountsFor=/var/lib/docker$' "$L/hosts/${host[docker-unordered]}/etc/systemd/system/docker.service.d/layerwatch-mounts.conf"
check "order-docker-after-mounts: the drop-in is in the host" $?

# 6. What a hostile review found (each broke the first version of these repairs).
# a) a paused container stays paused through a docker restart (restart-docker=always)
X docker-healthy docker pause web-unless >/dev/null
X docker-healthy mount -t tmpfs lw-cover /var/lib/docker/overlay2
remediate --script fix-shadowed-mounts --inventory "$(inv docker-healthy)" --yes --param restart-docker=always \
    >"$work/paused.out" 2>&1
check "paused: fix verified (got: $(grep -o 'verified\|not-fixed\|failed' "$work/paused.out" | tail -n1))" \
    "$(grep -q "${host[docker-healthy]}  verified" "$work/paused.out"; echo $?)"
[ "$(X docker-healthy docker inspect --format '{{.State.Paused}}' web-unless)" = true ]
check "paused: web-unless is paused again after the restart" $?
X docker-healthy docker unpause web-unless >/dev/null
# b) a container started with --rm: docker is not restarted (it would be removed for good)
X docker-healthy docker run -d --rm --name ephemeral lw/busybox:1 /bin/busybox sleep 100000 >/dev/null
X docker-healthy mount -t tmpfs lw-cover /var/lib/docker/overlay2
pid_before=$(cat "$L/hosts/${host[docker-healthy]}/state/dockerd.pid")
remediate --script fix-shadowed-mounts --inventory "$(inv docker-healthy)" --yes --param restart-docker=always \
    >"$work/rm.out" 2>&1
check "--rm: the run fails and says why" "$(grep -q 'started with --rm' "$work/rm.out"; echo $?)"
[ "$(running docker-healthy ephemeral)" = true ] && [ "$(cat "$L/hosts/${host[docker-healthy]}/state/dockerd.pid")" = "$pid_before" ]
check "--rm: the container still runs, dockerd was not restarted" $?
X docker-healthy docker rm -f ephemeral >/dev/null
# c) a cover above the docker root (it holds more than docker's data): refused unless parent-covers=unmount
X docker-bind mount -t tmpfs lw-varlib /var/lib
remediate --script fix-shadowed-mounts --inventory "$(inv docker-bind)" --yes >"$work/parent.out" 2>&1
grep -q 'parent-covers=unmount' "$work/parent.out" && X docker-bind grep -q ' lw-varlib ' /proc/self/mountinfo
check "parent cover: refused, nothing unmounted" $?
remediate --script fix-shadowed-mounts --inventory "$(inv docker-bind)" --yes --param parent-covers=unmount >"$work/parent2.out" 2>&1
check "parent cover: with parent-covers=unmount, verified" "$(grep -q "${host[docker-bind]}  verified" "$work/parent2.out"; echo $?)"
# d) a layer-named directory bound into a running container is never an orphan
fake=$(printf 'b%.0s' $(seq 64))
X docker-covered mkdir -p "/var/lib/docker/overlay2/$fake/diff"
X docker-covered sh -c "echo precious >/var/lib/docker/overlay2/$fake/diff/db.dump"
X docker-covered docker run -d --name rescuer -v "/var/lib/docker/overlay2/$fake/diff:/restore" lw/busybox:1 /bin/busybox sleep 100000 >/dev/null
remediate --script remove-orphaned-layers --inventory "$(inv docker-covered)" --yes >"$work/bound.out" 2>&1
[ "$(X docker-covered docker exec rescuer /bin/busybox cat /restore/db.dump)" = precious ]
check "bound layer dir: kept, still readable in the container" $?
# e) the layer database covered (no mount hidden): orphans unknown, nothing removed
X docker-unordered mount -t tmpfs lw-imgcover /var/lib/docker/image
image_layer=$(X docker-unordered sh -c 'ls /var/lib/docker/overlay2 | grep -v -e -init -e "^l$" | head -n1')
remediate --script remove-orphaned-layers --inventory "$(inv docker-unordered)" --yes >"$work/imgcover.out" 2>&1
X docker-unordered umount /var/lib/docker/image
run_out=$(X docker-unordered docker run --rm lw/busybox:1 /bin/busybox true)
[ -n "$image_layer" ] && [ -d "$L/hosts/${host[docker-unordered]}/var/lib/docker/overlay2/$image_layer" ] && [ -z "$run_out" ]
check "layer database covered: no plan, nothing removed, images still work ($image_layer: $run_out)" $?
grep -q 'no plan: Whether layer directories are orphaned is unknown' "$work/imgcover.out"
check "layer database covered: remove-orphaned-layers has no plan (orphans unknown)" $?

# 7. The audit log names every remote change.
python3 - "$work/audit.jsonl" <<'PY'
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
started = {(e["host"], e.get("script", "")) for e in events if e.get("event") == "started"}
verified = [e for e in events if e.get("event") == "verified"]
assert len([e for e in events if e.get("event") == "started"]) >= 6, started
assert all(e["result"] == "gone" for e in verified), verified
# what each run did on its host is in the audit trail
finished = [e for e in events if e.get("event") == "finished"]
assert any("LW-RUN 'umount'" in a for e in finished for a in e.get("actions", [])), finished[0]
PY
check "audit log: every run started and finished with its actions, every verification 'gone'" $?

echo "$pass passed, $fail failed ($(($(date +%s) - start)) s)"
[ "$fail" = 0 ]
