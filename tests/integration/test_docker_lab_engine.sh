#!/bin/bash
# Checks the ENGINE facts of the lab's Real-Docker hosts (tests/lab, scenarios docker-*: a real dockerd
# 20.10 with its own containerd in each host, a systemctl stand-in), from the lab machine through
# `lab.sh exec` and through ssh, the way Layerwatch sees the hosts:
#  - docker-healthy: the real engine and the real containers; the stand-in's show (ExecStart = dockerd's
#    real command line, MainPID, RequiresMountsFor/After); stop/start; restart with live-restore off stops
#    `web-no` for good and brings back `web-always` and `web-unless`;
#  - docker-covered: `docker rm -f gone` behind a tmpfs on overlay2 left its layer dirs and its merged
#    mount; `docker run` fails on the l/ symlink; after `umount /var/lib/docker/overlay2` it works, no
#    restart needed;
#  - docker-liverestore: a restart keeps every container (same PIDs) and the cover;
#  - docker-bind: what `docker rm -f` says when the same filesystem is bound over overlay2;
#  - docker-rootcover: what `docker run` / `docker rm -f` do under a tmpfs on /var/lib/docker;
#  - docker-unordered: a drop-in changes `systemctl show -p RequiresMountsFor` only after daemon-reload
#    (and it lands in the host); dockerd's own shutdown unmounts a tmpfs covering overlay2;
#  - stop leaves no process, no cgroup of the lab's containers, no mount.
# Usage: test_docker_lab_engine.sh [LAB-BASE]   (root; default base 127.0.171.1, 6 addresses)
# Prints "N passed, M failed"; exit 0/1; SKIP (exit 0) when not root or docker.io is missing.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lab=$here/../lab/lab.sh
base=${1:-${LW_LAB_BASE:-127.0.171.1}}
pass=0 fail=0
ok() {
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$1"
}
ko() {
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$1"
    [ -n "${2:-}" ] && printf '      %s\n' "${2:0:900}"
}
note() { printf 'NOTE  %s\n' "$1"; }
now() { echo "${EPOCHREALTIME/./}"; }
secs() {
    local d=$((${2:-$(now)} - $1))
    printf '%d.%d' $((d / 1000000)) $((d % 1000000 / 100000))
}

if [ "$(id -u)" != 0 ]; then
    echo "SKIP: needs root for the lab"
    exit 0
fi
if ! command -v dockerd >/dev/null || [ ! -x /usr/bin/docker ]; then
    echo "SKIP: needs docker.io (dockerd, /usr/bin/docker)"
    exit 0
fi
work=$(mktemp -d /tmp/lw-dockerlab-it.XXXXXX)
D=$work/lab
cleanup() {
    "$lab" stop --dir "$D" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

X() { # ADDR COMMAND...: inside the host (lab.sh exec), stdout+stderr
    local a=$1
    shift
    "$lab" exec --dir "$D" "$a" -- "$@" 2>&1
}
S() { # ADDR 'SHELL COMMAND': over ssh, as Layerwatch connects; stderr joined to stdout in the host (in order)
    ssh -F "$D/ssh_config" -o ConnectTimeout=5 "$1" "exec 2>&1; $2" 2>&1
}
addr_of() { awk -F'\t' -v s="$1" '$2 == s { print $1; exit }' "$D/hosts.tsv"; }
cid() { awk -F'\t' -v n="$2" '$2 == n { print $1 }' "$D/hosts/$1/state/containers.tsv"; } # ADDR NAME
mid() { awk -F'\t' -v n="$2" '$2 == n { print $5 }' "$D/hosts/$1/state/containers.tsv"; }
states() { # ADDR: "name state" lines, sorted
    S "$1" 'docker ps -a --format "{{.Names}} {{.State}}" | sort'
}

# --- start ----------------------------------------------------------------------------------------------
t0=$(now)
if out=$("$lab" start --dir "$D" --scenarios docker --base "$base" 2>&1); then
    ok "start the 6 Real-Docker hosts ($(secs "$t0") s, load $(cut -d' ' -f1 /proc/loadavg))"
else
    ko "start the 6 Real-Docker hosts" "$out $(tail -n 5 "$D"/hosts/*/sshd.log 2>/dev/null)"
    printf '%d passed, %d failed\n' "$pass" "$fail"
    exit 1
fi
[ "$(grep -c $'\tdocker-[a-z]*\tok\t' "$D/hosts.tsv")" = 6 ] && ok "hosts.tsv: 6 docker-* hosts" ||
    ko "hosts.tsv" "$(cat "$D/hosts.tsv")"
roots=$(cat "$D"/pids/* | tr '\n' ' ')

# --- docker-healthy: the real engine, the stand-in ---------------------------------------------------------
h=$(addr_of docker-healthy)
out=$(states "$h")
[ "$out" = $'stopped exited\nweb-always running\nweb-no running\nweb-unless running' ] &&
    ok "healthy: web-no/web-always/web-unless running, stopped exited (over ssh)" || ko "healthy: containers" "$out"
out=$(S "$h" 'docker version --format "{{.Client.Version}} {{.Server.Version}}"; command -v docker; hostname')
[[ $out == "20.10."*" 20.10."*$'\n'*docker$'\n'"lab-${h//./-}" ]] && ok "healthy: Debian's docker 20.10 client and server" ||
    ko "healthy: docker version" "$out"
out=$(S "$h" 'p=$(systemctl show docker -p MainPID --value); echo "pid=$p $(cat /proc/$p/comm)"; tr "\0" " " </proc/$p/cmdline; echo; systemctl show docker -p ExecStart --no-pager; systemctl show docker -p ActiveState,RequiresMountsFor -p After; systemctl is-active docker')
[[ $out == "pid="[0-9]*" dockerd"$'\n'"/usr/sbin/dockerd --iptables=false --ip6tables=false --bridge=none "$'\n'"ExecStart={ path=/usr/sbin/dockerd ; argv[]=/usr/sbin/dockerd --iptables=false --ip6tables=false --bridge=none ; "*$'\nActiveState=active\nRequiresMountsFor=/var/lib/docker\nAfter='*var-lib-docker.mount*$'\nactive' ]] &&
    ok "healthy: systemctl show: MainPID is the real dockerd, ExecStart its command line, RequiresMountsFor, After" ||
    ko "healthy: systemctl show" "$out"
grep -qx 'systemctl show docker -p MainPID --value' "$D/hosts/$h/calls.log" && ok "healthy: calls.log records systemctl calls" ||
    ko "healthy: calls.log" "$(cat "$D/hosts/$h/calls.log")"
out=$(X "$h" cat /proc/self/mountinfo)
n=0
for c in web-no web-always web-unless; do
    grep -q " /var/lib/docker/overlay2/$(mid "$h" $c)/merged .* - overlay overlay " <<<"$out" && n=$((n + 1))
done
[ $n = 3 ] && ok "healthy: each running container's layer is a real overlay at overlay2/<mount-id>/merged" ||
    ko "healthy: overlay mounts ($n of 3)" "$out"
grep -qE '^[0-9]+ [0-9]+ [^ ]+ [^ ]+ /var/lib/docker [^ ]+ shared:[0-9]+ ' <<<"$out" &&
    ok "healthy: dockerd made /var/lib/docker a shared mount (the lab binds it private)" ||
    ko "healthy: /var/lib/docker propagation" "$(grep ' /var/lib/docker ' <<<"$out")"
out=$(S "$h" 'systemctl stop docker; echo rc=$?; systemctl is-active docker; pgrep -x dockerd; docker ps; echo ps=$?; systemctl start docker; echo rc=$?; systemctl is-active docker')
[[ $out == rc=0$'\n'inactive$'\n'*"Cannot connect to the Docker daemon"*ps=1$'\n'rc=0$'\n'active ]] &&
    ok "healthy: systemctl stop ends dockerd, start brings it back" || ko "healthy: stop/start" "$out"
# (after that stop, dockerd's shutdown stopped the containers; start brought back always/unless-stopped)
out=$(S "$h" 'docker start web-no >/dev/null; p=$(systemctl show docker -p MainPID --value); t=$(date +%s%N); systemctl restart docker; echo rc=$? ms=$((($(date +%s%N) - t) / 1000000)); [ "$(systemctl show docker -p MainPID --value)" != "$p" ] && echo new-pid; docker ps -a --format "{{.Names}} {{.State}}" | sort')
ms=$(sed -n 's/^rc=0 ms=\([0-9]*\)$/\1/p' <<<"$out")
[[ $out == rc=0*new-pid$'\n'$'stopped exited\nweb-always running\nweb-no exited\nweb-unless running' ]] &&
    ok "healthy: systemctl restart (live-restore off, $ms ms): web-no stays exited, web-always and web-unless run again" ||
    ko "healthy: restart, live-restore off" "$out"
grep -qx 'systemctl restart docker' "$D/hosts/$h/calls.log" && ok "healthy: the restart is in calls.log" ||
    ko "healthy: restart in calls.log" "$(cat "$D/hosts/$h/calls.log")"

# --- docker-covered: docker rm behind a cover, docker run fails, umount repairs ---------------------------
h=$(addr_of docker-covered)
g=$(cid "$h" gone) gm=$(mid "$h" gone)
out=$(S "$h" 'docker ps -a --no-trunc --format "{{.ID}} {{.Names}}"')
[ -n "$g" ] && [[ $out != *"$g"* && $out != *" gone"* && $out == *" web-no"* ]] &&
    ok "covered: gone is not in docker ps -a (docker rm -f said: $(tr '\n' ' ' <"$D/hosts/$h/state/rm-gone.out"))" ||
    ko "covered: gone removed" "$out"
[ -d "$D/hosts/$h/var/lib/docker/overlay2/$gm/diff" ] && [ -d "$D/hosts/$h/var/lib/docker/overlay2/$gm-init/diff" ] &&
    ok "covered: gone's layer dirs <mount-id> and <mount-id>-init still exist under the cover (lab machine's view)" ||
    ko "covered: layer dirs" "$(ls "$D/hosts/$h/var/lib/docker/overlay2/")"
out=$(X "$h" cat /proc/self/mountinfo)
# (mountinfo lists a namespace's mounts in the order they were made; mount IDs are reused, not ordered)
leak=$(awk -v p="/var/lib/docker/overlay2/$gm/merged" '$5 == p { print NR }' <<<"$out")
cover=$(awk '$5 == "/var/lib/docker/overlay2" && $9 == "tmpfs" { print NR }' <<<"$out")
[ -n "$leak" ] && [ -n "$cover" ] && [ "$leak" -lt "$cover" ] 2>/dev/null &&
    ok "covered: gone's merged overlay is still mounted, under the later cover (host's mountinfo)" ||
    ko "covered: leaked merged mount" "$out"
out=$(S "$h" 'docker inspect -f "{{.GraphDriver.Data.MergedDir}}" web-no; echo rc=$?')
[[ $out == *"Error response from daemon: stat /var/lib/docker/overlay2/$(mid "$h" web-no): no such file or directory"$'\n'rc=1 ]] &&
    ok "covered: docker inspect of a running container fails (its layer dir is hidden)" || ko "covered: docker inspect" "$out"
note "covered: docker inspect web-no said: $(grep -v '^rc=' <<<"$out" | tr '\n' ' ')"
out=$(S "$h" 'docker run --rm lw/busybox:1 /bin/busybox true; echo rc=$?')
[[ $out == *"docker: Error response from daemon: symlink ../"*"-init/diff /var/lib/docker/overlay2/l/"*": no such file or directory"*rc=127 ]] &&
    ok "covered: docker run fails on the l/ symlink (exit 127)" || ko "covered: docker run fails" "$out"
out=$(X "$h" sh -c 'umount /var/lib/docker/overlay2 && docker run --rm lw/busybox:1 /bin/busybox true; echo rc=$?; grep -c " /var/lib/docker/overlay2/'"$gm"'/merged " /proc/self/mountinfo')
[ "$out" = $'rc=0\n1' ] &&
    ok "covered: after umount of the cover docker run works, without restarting docker (gone's merged mount stays, now visible)" ||
    ko "covered: umount repairs" "$out"

# --- docker-liverestore: a restart keeps every container and the cover -------------------------------------
h=$(addr_of docker-liverestore)
# (docker inspect fails while the cover hides the layer dirs: the PIDs come from ps)
out=$(S "$h" 'docker info --format "{{.LiveRestoreEnabled}}"; a=$(ps -eo pid=,args= | awk "\$2 == \"/bin/busybox\" && \$3 == \"sleep\" { print \$1 }" | sort | tr "\n" " "); systemctl restart docker; echo rc=$?; b=$(ps -eo pid=,args= | awk "\$2 == \"/bin/busybox\" && \$3 == \"sleep\" { print \$1 }" | sort | tr "\n" " "); [ -n "$a" ] && [ "$a" = "$b" ] && echo same-pids; docker ps -a --format "{{.Names}} {{.State}}" | sort; grep -c " /var/lib/docker/overlay2 .* - tmpfs lw-cover " /proc/self/mountinfo')
[ "$out" = $'true\nrc=0\nsame-pids\nstopped exited\nweb-always running\nweb-no running\nweb-unless running\n1' ] &&
    ok "liverestore: systemctl restart keeps all containers running (same processes) and the cover" ||
    ko "liverestore: restart" "$out"

# --- docker-bind: the same filesystem bound over overlay2 ---------------------------------------------------
h=$(addr_of docker-bind)
m=$(mid "$h" web-no)
out=$(S "$h" 'docker rm -f web-no; echo rc=$?; docker ps -a --format "{{.Names}} {{.Status}}" | grep web-no; docker run --rm lw/busybox:1 /bin/busybox true; echo run-rc=$?')
if [[ $out == *"Error response from daemon: container $(cid "$h" web-no): driver \"overlay2\" failed to remove root filesystem: unlinkat /var/lib/docker/overlay2/$m/merged: device or resource busy"*rc=1*run-rc=0 ]]; then
    ok "bind: docker rm -f fails: device or resource busy on the hidden merged dir; docker run works"
else
    ko "bind: docker rm -f" "$out"
fi
note "bind: docker rm -f web-no said: $(head -n 2 <<<"$out" | tr '\n' ' ')"

# --- docker-rootcover: a tmpfs on /var/lib/docker itself ----------------------------------------------------
h=$(addr_of docker-rootcover)
out=$(S "$h" 'docker run --rm --pull never lw/busybox:1 /bin/busybox true; echo rc=$?; docker rm -f web-no; echo rm-rc=$?; docker ps -a --format "{{.Names}}" | sort | tr "\n" " "')
[[ $out == "docker: Error response from daemon: No such image: lw/busybox:1."*rc=125$'\n'web-no$'\n'rm-rc=0$'\n'"stopped web-always web-unless " ]] &&
    ok "rootcover: docker run finds no image (exit 125); docker rm -f succeeds" || ko "rootcover" "$out"
note "rootcover: $(tr '\n' ' ' <<<"$out")"
out=$(X "$h" grep -c " /var/lib/docker/overlay2/$(mid "$h" web-no)/merged " /proc/self/mountinfo)
note "rootcover: web-no's merged mount after docker rm -f: $out in the host's mountinfo"

# --- docker-unordered: drop-in + daemon-reload; dockerd's shutdown and a cover ------------------------------
h=$(addr_of docker-unordered)
had=0
[ -e /etc/systemd/system/docker.service.d/50-lw-lab-test.conf ] && had=1
out=$(S "$h" 'systemctl show docker -p RequiresMountsFor; mkdir -p /etc/systemd/system/docker.service.d && printf "[Unit]\nRequiresMountsFor=/var/lib/docker\n" >/etc/systemd/system/docker.service.d/50-lw-lab-test.conf; systemctl show docker -p RequiresMountsFor -p NeedDaemonReload; systemctl daemon-reload; systemctl show docker -p RequiresMountsFor,NeedDaemonReload,DropInPaths; systemctl show docker -p After --value')
[[ $out == $'RequiresMountsFor=\nRequiresMountsFor=\nNeedDaemonReload=yes\nRequiresMountsFor=/var/lib/docker\nNeedDaemonReload=no\nDropInPaths=/etc/systemd/system/docker.service.d/50-lw-lab-test.conf\n'*var-lib-docker.mount* ]] &&
    ok "unordered: the drop-in changes RequiresMountsFor (and After) only after daemon-reload" || ko "unordered: drop-in" "$out"
[ -f "$D/hosts/$h/etc/systemd/system/docker.service.d/50-lw-lab-test.conf" ] && [ $had = 0 ] &&
    [ ! -e /etc/systemd/system/docker.service.d/50-lw-lab-test.conf ] &&
    ok "unordered: the drop-in landed in the host's dir, not on the lab machine" || ko "unordered: drop-in location"
out=$(X "$h" sh -c 'mount -t tmpfs lw-cover /var/lib/docker/overlay2 && systemctl restart docker; echo rc=$?; grep -c " /var/lib/docker/overlay2 .* - tmpfs lw-cover " /proc/self/mountinfo; docker ps --format "{{.Names}}" | sort | tr "\n" " "')
[[ $out == $'rc=0\n0\nweb-always web-unless ' ]] &&
    ok "unordered: dockerd's shutdown (live-restore off) unmounted a tmpfs covering overlay2" ||
    ko "unordered: cover after restart" "$out"

# --- stop ---------------------------------------------------------------------------------------------
procs=$(ps -eo pid=,ppid= | awk -v r=" $roots " 'BEGIN { n = split(r, a, " "); for (i = 1; i <= n; i++) k[a[i]] = 1 }
    { pp[$1] = $2 } END { do { c = 0; for (p in pp) if (!(p in k) && (pp[p] in k)) { k[p] = 1; c = 1 } } while (c); for (p in k) print p }')
ids=$(cat "$D"/hosts/*/state/containers.tsv | cut -f1 | grep -E '^[0-9a-f]{64}$'; ls "$D"/hosts/*/var/lib/docker/containers/ 2>/dev/null | grep -E '^[0-9a-f]{64}$')
t0=$(now)
out=$("$lab" stop --dir "$D" 2>&1) && ok "stop ($(secs "$t0") s)" || ko "stop" "$out"
left=$(ps -o pid=,stat=,args= -p "$(tr '\n' ',' <<<"$procs" | sed 's/,$//')" 2>/dev/null | awk '$2 !~ /^Z/')
[ -n "$procs" ] && [ "$(wc -w <<<"$procs")" -gt 30 ] && [ -z "$left" ] &&
    ok "stop: none of the $(wc -w <<<"$procs") processes of the hosts (dockerd, containerd, shims, containers) is left" ||
    ko "stop: processes left" "$left"
cg=''
for id in $ids; do cg+=$(ls -d /sys/fs/cgroup/*/docker/"$id" 2>/dev/null); done
[ -z "$cg" ] && ok "stop: no cgroup of the lab's containers is left" || ko "stop: cgroups left" "$cg"
grep -qE "lw-cover|$work" /proc/self/mountinfo && ko "stop: no mount of the lab on the lab machine" "$(grep -E "lw-|$work" /proc/self/mountinfo)" ||
    ok "stop: no mount of the lab on the lab machine"

printf '%d passed, %d failed\n' "$pass" "$fail"
[ "$fail" = 0 ]
