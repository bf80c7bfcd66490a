#!/bin/bash
# Quick check of the lab fleet (tests/lab/lab.sh): starts every scenario, checks each host from the outside
# the way Layerwatch will see it, runs a second lab beside it, checks stop (twice, and after a crashed start).
#   selftest.sh [--scale N]    with --scale, also times the start and stop of an N-host lab
# Prints "N passed, M failed"; exit 0 only if nothing failed. Needs root. Uses 127.0.201.x-127.0.203.x.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lab=$here/lab.sh
scale=0
[ "${1:-}" = --scale ] && scale=${2:-100}
work=$(mktemp -d /tmp/lw-labtest.XXXXXX)
A=$work/a B=$work/b C=$work/c
pass=0 fail=0
now() { echo "${EPOCHREALTIME/./}"; } # microseconds
secs() { # START_US [END_US] -> seconds with one decimal
    local d=$((${2:-$(now)} - $1))
    printf '%d.%d' $((d / 1000000)) $((d % 1000000 / 100000))
}
ok() {
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$1"
}
ko() {
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$1"
    [ -n "${2:-}" ] && printf '      %s\n' "${2:0:600}"
}
check() { # NAME COMMAND...: passes when the command succeeds
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then ok "$name"; else ko "$name" "$out"; fi
}
cleanup() {
    for d in "$A" "$B" "$C" "$work/s"; do "$lab" stop --dir "$d" >/dev/null 2>&1; done
    rm -rf "$work"
}
trap cleanup EXIT

mounts_before=$(wc -l </proc/self/mountinfo)
addr_of() { awk -F'\t' -v s="$2" '$2 == s { print $1; exit }' "$1/hosts.tsv"; }
S() { # DIR ADDR COMMAND: ssh as Layerwatch will (strict host keys, the lab's key, no agent, no prompts)
    ssh -F "$1/ssh_config" -o ConnectTimeout=5 "$2" "$3"
}

# --- bad input -----------------------------------------------------------------------------------------
out=$("$lab" start --dir "$work/bad" --scenarios healthy,nonsense 2>&1) && ko "unknown scenario refused" "$out" ||
    { [[ $out == *"unknown scenario 'nonsense'"* ]] && ok "unknown scenario refused" || ko "unknown scenario refused" "$out"; }
out=$("$lab" start 2>&1) && ko "missing --dir refused" "$out" || ok "missing --dir refused"

# --- all scenarios --------------------------------------------------------------------------------------
t0=$(now)
if out=$("$lab" start --dir "$A" --scenarios all --base 127.0.201.1 2>&1); then
    ok "start --scenarios all ($(secs "$t0") s)"
else
    ko "start --scenarios all" "$out"
    printf '%d passed, %d failed\n' "$pass" "$fail"
    exit 1
fi
n=$(grep -vc '^#' "$A/hosts.tsv")
[ "$n" = 13 ] && ok "hosts.tsv has 13 hosts" || ko "hosts.tsv has 13 hosts" "$n"
[ "$(grep -c '^root@127\.0\.201\.[0-9]*  # [a-z-]*$' "$A/inventory")" = 13 ] && ok "inventory format" ||
    ko "inventory format" "$(head -3 "$A/inventory")"
[ "$(grep -c '^127\.0\.201\.[0-9]* ssh-ed25519 AAAA[A-Za-z0-9+/=]*$' "$A/known_hosts")" = 10 ] &&
    ok "known_hosts: 10 entries, OpenSSH format" || ko "known_hosts format" "$(cat "$A/known_hosts")"
check "status: all running" "$lab" status --dir "$A"

h=$(addr_of "$A" healthy)
out=$(ssh -i "$A/id_ed25519" -o UserKnownHostsFile="$A/known_hosts" -o StrictHostKeyChecking=yes -o BatchMode=yes \
    root@"$h" 'cat /proc/self/mountinfo; docker info --format "{{json .}}"' 2>&1)
[ "$(grep -c ' /var/lib/docker/overlay2/[0-9a-f]\{64\}/merged .* - overlay overlay .*lowerdir=/var/lib/docker/overlay2/l/[A-Z0-9]\{26\}:.*,upperdir=.*,workdir=' <<<"$out")" -ge 3 ] &&
    ok "healthy: 3+ real overlay mounts like docker's in its mountinfo" || ko "healthy: overlay mounts" "$out"
grep -q '"Driver":"overlay2","DriverStatus":\[\["Backing Filesystem","extfs"\],\["Supports d_type","true"\]' <<<"$out" &&
    grep -q '"DockerRootDir":"/var/lib/docker"' <<<"$out" && ok "healthy: docker info JSON" ||
    ko "healthy: docker info JSON" "$out"
out=$(S "$A" "$h" 'tr "\0" " " </proc/$(pgrep -x dockerd)/cmdline; echo; hostname; cat /sys/module/overlay/parameters/redirect_dir; grep OVERLAY_FS= /boot/config-$(uname -r); docker ps -q | wc -l; grep -c " overlay " /proc/self/mountinfo; systemctl show docker -p ExecStart; systemctl is-active docker; docker frobnicate; echo rc=$?' 2>&1)
[[ $out == "/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock "$'\n'"lab-${h//./-}"$'\n'Y$'\n'CONFIG_OVERLAY_FS=m$'\n'* ]] &&
    ok "healthy: dockerd argv, hostname, redirect_dir Y, kernel config" || ko "healthy: dockerd/redirect/config" "$out"
c=$(sed -n 5p <<<"$out") m=$(sed -n 6p <<<"$out")
[ "$c" = "$m" ] && [ "$c" -ge 3 ] && ok "healthy: docker ps -q lists one container per overlay ($c)" || ko "healthy: ps vs overlays" "$out"
[[ $out == *'ExecStart={ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd -H fd://'*active*rc=1* && $out == *"is not a docker command"* ]] &&
    ok "healthy: systemctl show/is-active; unknown docker subcommand exits 1" || ko "healthy: systemctl/unknown" "$out"
grep -qx 'docker info --format \\{\\{json\\ .\\}\\}' "$A/hosts/$h/calls.log" && grep -qx 'docker frobnicate' "$A/hosts/$h/calls.log" &&
    grep -qx 'systemctl show docker -p ExecStart' "$A/hosts/$h/calls.log" && ok "healthy: calls.log records every call, quoted" ||
    ko "healthy: calls.log" "$(cat "$A/hosts/$h/calls.log")"

out=$(S "$A" "$h" 'awk "{ mp[\$1] = \$5; parent[\$1] = \$2 } END { for (m in mp) if (mp[parent[m]] == mp[m]) print mp[m] }" /proc/self/mountinfo; echo stacked-end; zcat /proc/config.gz 2>/dev/null | cmp - /boot/config-$(uname -r) && echo same-config; cat /sys/module/overlay/parameters/index; ls -d /run/systemd/system /run/sshd; pgrep -c .; id=$(docker ps -q | head -n1); docker inspect --format "{{.GraphDriver.Data.MergedDir}}" $id | grep -c "^/var/lib/docker/overlay2/[0-9a-f]*/merged$"; systemctl reboot; echo rc=$?' 2>&1)
[[ $out == stacked-end$'\n'* ]] && ok "healthy: no mount stacked on another (lab machine's stacks and /proc flattened)" ||
    ko "healthy: stacked mounts" "$out"
[[ $out == *$'\nY\n/run/sshd\n/run/systemd/system\n'* ]] && { [[ $out == *same-config* ]] || [ ! -e /proc/config.gz ]; } &&
    ok "healthy: index Y, /run of a systemd host, /proc/config.gz = /boot/config" || ko "healthy: index, /run, config.gz" "$out"
n=$(sed -n '/run.systemd.system/{n;p}' <<<"$out")
[[ $n =~ ^[0-9]+$ ]] && [ "$n" -le 6 ] && ok "healthy: its own PID namespace ($n processes seen)" || ko "healthy: PID namespace" "$out"
[[ $out == *$'\n1\n'*rc=0* && $out == *"reboot recorded, not performed"* ]] && grep -qx 'systemctl reboot' "$A/hosts/$h/calls.log" &&
    ok "healthy: docker inspect MergedDir; systemctl reboot recorded, not done" || ko "healthy: inspect/reboot" "$out"

h=$(addr_of "$A" covered)
out=$(S "$A" "$h" 'cat /proc/self/mountinfo' 2>&1)
cover=$(awk '$5 == "/var/lib/docker/overlay2" { print $1 }' <<<"$out")
shadowed=$(awk -v c="$cover" '$5 ~ "^/var/lib/docker/overlay2/.*/merged$" && $8 == "overlay" && $1 < c' <<<"$out" | wc -l)
[ -n "$cover" ] && [ "$shadowed" -ge 3 ] && ok "covered: a later mount on overlay2 itself shadows all $shadowed overlays" ||
    ko "covered: cover after overlays" "$out"
id=$(S "$A" "$h" 'docker ps -q | head -n1')
out=$(S "$A" "$h" "docker rm -f $id" 2>&1) && ko "covered: docker rm fails like the seed" "$out" ||
    { [[ $out == *'driver "overlay2" failed to remove root filesystem for '$id*': error while removing /var/lib/docker/overlay2/'*': invalid argument' ]] &&
        ok "covered: docker rm fails like the seed" || ko "covered: docker rm fails like the seed" "$out"; }
out=$(S "$A" "$h" "umount /var/lib/docker/overlay2 && ls /var/lib/docker/overlay2/*/merged/etc/os-release | wc -l && docker rm -f $id && docker ps -q | grep -c $id" 2>&1)
[[ $out == *$'\n'"$id"$'\n'0 ]] && ok "covered: after unmounting the cover the rootfs is back and docker rm works" ||
    ko "covered: repair" "$out"

h=$(addr_of "$A" nested)
out=$(S "$A" "$h" 'grep -E " /var/lib/docker(/overlay2)? " /proc/self/mountinfo | cut -d" " -f5,8,9' 2>&1)
[[ $out == *"/var/lib/docker ext4"*"/var/lib/docker/overlay2 tmpfs lw-cover"*"/var/lib/docker tmpfs lw-cover2"* ]] &&
    ok "nested: covers on overlay2 and on /var/lib/docker, in that order" || ko "nested" "$out"
grep -q $'\tnested\tok\tshadowed-overlay-mounts,shadowed-mounts$' "$A/hosts.tsv" && ok "nested: hosts.tsv expects both shadow findings" ||
    ko "nested: hosts.tsv" "$(cat "$A/hosts.tsv")"

h=$(addr_of "$A" conflict)
out=$(S "$A" "$h" 'cat /etc/docker/daemon.json /etc/sysconfig/docker-storage; tr "\0" " " </proc/$(pgrep -x dockerd)/cmdline; echo; systemctl restart docker; echo rc=$?; systemctl is-active docker; docker ps -q; echo rc=$?' 2>&1)
# (stdout and stderr come back on separate channels: only the order within each is fixed)
[[ $out == *'"storage-driver": "overlay2"'*'DOCKER_STORAGE_OPTIONS="--storage-driver overlay2"'*'/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock --storage-driver overlay2'*rc=1*failed*rc=1* &&
    $out == *'Job for docker.service failed'*'Cannot connect to the Docker daemon'* ]] &&
    ok "conflict: both places set, dockerd has the flag, restart fails, daemon down" || ko "conflict" "$out"

h=$(addr_of "$A" lowdisk)
out=$(S "$A" "$h" 'df --output=fstype,pcent /var/lib/docker | tail -n1; docker info --format "{{json .}}" | grep -o "Backing Filesystem\",\"[a-z]*"' 2>&1)
use=$(head -n1 <<<"$out" | awk '{ print $2 }' | tr -dc 0-9)
[ "${use:-0}" -gt 95 ] 2>/dev/null && [[ $out == *ext4*'Backing Filesystem","extfs'* ]] &&
    ok "lowdisk: /var/lib/docker is a small ext4, ${use}% full" || ko "lowdisk" "$out"

h=$(addr_of "$A" redirect-off)
out=$(S "$A" "$h" 'cat /sys/module/overlay/parameters/redirect_dir' 2>&1)
[ "$out" = N ] && ok "redirect-off: redirect_dir reads N" || ko "redirect-off" "$out"

h=$(addr_of "$A" hostile)
root=$(S "$A" "$h" 'docker info --format "{{.DockerRootDir}}"' 2>&1)
[[ $root == *" "* && $root == *"'"* && $root == *'$(touch /tmp/lw-pwned-'* && $root == *'`'* && $root == */-* ]] &&
    ok "hostile: docker root has space, quote, \$(), backtick, leading '-'" || ko "hostile: root" "$root"
out=$(S "$A" "$h" 'cat /proc/self/mountinfo' 2>&1)
esc=${root// /\\040}
[ "$(grep -cF " $esc/overlay2/" <<<"$out")" -ge 3 ] && grep -qF " $esc/overlay2 " <<<"$out" &&
    ok "hostile: overlays and their cover under the hostile root" || ko "hostile: mounts" "$out"
q=$(printf '%q' "$root/overlay2")
out=$(S "$A" "$h" "umount -- $q && ls -d -- $q/*/merged | wc -l" 2>&1)
[[ $out =~ ^[0-9]+$ ]] && [ "$out" -ge 3 ] && ok "hostile: the hostile-named cover unmounts when quoted" || ko "hostile: unmount" "$out"

h=$(addr_of "$A" hung)
S "$A" "$h" true >/dev/null 2>&1 && ok "hung: sshd answers" || ko "hung: sshd answers"
timeout 4 ssh -F "$A/ssh_config" "$h" 'cat /etc/docker/daemon.json' >/dev/null 2>&1
[ $? = 124 ] && ok "hung: reading daemon.json hangs" || ko "hung: reading daemon.json hangs"

h=$(addr_of "$A" unreachable)
out=$(S "$A" "$h" true 2>&1)
[[ $out == *"Connection refused"* ]] && ok "unreachable: connection refused" || ko "unreachable" "$out"

h=$(addr_of "$A" blackhole)
t0=$(now)
out=$(ssh -F "$A/ssh_config" -o ConnectTimeout=2 "$h" true 2>&1)
t=$(($(now) - t0))
[[ $out == *"banner exchange"* ]] && [ "$t" -ge 1500000 ] &&
    ok "blackhole: TCP accepted, no banner, client times out ($(secs 0 "$t") s)" || ko "blackhole" "$out ($t us)"

h=$(addr_of "$A" unknown-key)
out=$(S "$A" "$h" true 2>&1)
[[ $out == *"No ED25519 host key is known for $h"* ]] && ok "unknown-key: host key not known" || ko "unknown-key" "$out"
out=$(ssh -F "$A/ssh_config" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "$h" hostname 2>&1)
[[ $out == *"lab-${h//./-}"* ]] && ok "unknown-key: a real sshd once the key is accepted" || ko "unknown-key: real sshd" "$out"

h=$(addr_of "$A" changed-key)
out=$(S "$A" "$h" true 2>&1)
[[ $out == *"REMOTE HOST IDENTIFICATION HAS CHANGED"* ]] && ok "changed-key: known_hosts holds another key" ||
    ko "changed-key" "$out"

h=$(addr_of "$A" wrong-key)
out=$(S "$A" "$h" true 2>&1)
[[ $out == *"Permission denied (publickey)"* ]] && ok "wrong-key: authentication fails" || ko "wrong-key" "$out"

ls /tmp/lw-pwned-* >/dev/null 2>&1 && ko "no canary file /tmp/lw-pwned-*" "$(ls /tmp/lw-pwned-*)" ||
    ok "no canary file /tmp/lw-pwned-*"

# --- a second lab beside the first, then stop both ------------------------------------------------------
check "second lab (other --dir, --base) starts beside the first" "$lab" start --dir "$B" --hosts 3 --scenarios covered,healthy --base 127.0.202.1
out=$(S "$B" 127.0.202.1 'hostname; grep -c " overlay " /proc/self/mountinfo' 2>&1)
[[ $out == lab-127-0-202-1$'\n'[345] ]] && ok "second lab's host answers" || ko "second lab's host answers" "$out"
check "first lab still answers" S "$A" "$(addr_of "$A" healthy)" true
out=$("$lab" start --dir "$C" --hosts 2 --base 127.0.201.1 2>&1) && ko "a third lab on a used --base is refused" "$out" ||
    { [[ $out == *"already in use"* ]] && ok "a third lab on a used --base is refused" || ko "used --base refused" "$out"; }
check "stop (first lab)" "$lab" stop --dir "$A"
check "stop again is harmless" "$lab" stop --dir "$A"
check "stop (second lab)" "$lab" stop --dir "$B"
left=$(pgrep -f "$work/" | tr '\n' ' ')
[ -z "$left" ] && ok "no process survives stop" || ko "no process survives stop" "$(ps -o pid,args -p ${left// /,})"
[ "$(wc -l </proc/self/mountinfo)" = "$mounts_before" ] && ! grep -qE 'lw-|/var/lib/docker|overlay' /proc/self/mountinfo &&
    ok "no mount outside the hosts' namespaces" || ko "no mount leaked" "$(tail -5 /proc/self/mountinfo)"
S "$A" "$(addr_of "$A" healthy)" true >/dev/null 2>&1 && ko "stopped host no longer answers" || ok "stopped host no longer answers"

# --- a crashed start ------------------------------------------------------------------------------------
"$lab" start --dir "$C" --hosts 12 --base 127.0.203.1 >/dev/null 2>&1 &
starter=$!
for _ in $(seq 300); do [ -s "$C/pids/127.0.203.3" ] && break; sleep 0.05; done
kill -KILL "$starter" 2>/dev/null
wait "$starter" 2>/dev/null
[ -n "$(pgrep -f "$C/hosts/")" ] && ok "crashed start left hosts behind (set-up for the next check)" ||
    ko "crashed start left hosts behind"
check "stop after a crashed start" "$lab" stop --dir "$C"
[ -z "$(pgrep -f "$C/hosts/")" ] && ok "nothing left after stopping a crashed start" || ko "crashed start: leftovers"

# --- scale ---------------------------------------------------------------------------------------------
if [ "$scale" -gt 0 ]; then
    t0=$(now)
    if out=$("$lab" start --dir "$work/s" --hosts "$scale" --scenarios all --base 127.0.204.1 2>&1); then
        t1=$(now)
        "$lab" stop --dir "$work/s" >/dev/null
        ok "$scale hosts: start $(secs "$t0" "$t1") s, stop $(secs "$t1") s (load $(cut -d' ' -f1 /proc/loadavg))"
    else
        ko "$scale hosts start" "$out"
    fi
fi

printf '%d passed, %d failed\n' "$pass" "$fail"
[ "$fail" = 0 ]
