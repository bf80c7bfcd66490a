#!/bin/bash
# The lab's `systemctl`: bind-mounted over the real path inside a lab host; knows only docker.service.
# Appends every call, one shell-quoted line, to LAB_HOST/calls.log.
set -u
# Which lab host am I? PID 1 of this namespace is the host's sshd (-f LABDIR/hosts/ADDR/sshd_config), or
# host-init.sh LABDIR/hosts/ADDR while the host is being set up.
mapfile -d '' pid1 </proc/1/cmdline
if [[ " ${pid1[*]} " =~ \ (/[^ ]*/hosts/[^/ ]+)[/\ ] ]]; then
    LAB_HOST=${BASH_REMATCH[1]}
    LAB_DIR=${LAB_HOST%/hosts/*}
else
    echo "lab fake ${0##*/}: not inside a lab host" >&2
    exit 127
fi
{
    printf 'systemctl'
    printf ' %q' "$@"
    printf '\n'
} >>"$LAB_HOST/calls.log"
state=$LAB_HOST/state
sysconfig=/etc/sysconfig/docker-storage

die() {
    printf '%s\n' "$*" >&2
    exit 1
}
exec_start='/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock $DOCKER_STORAGE_OPTIONS'

dockerd_pid() { pgrep -x dockerd | head -n1; }

# The flags dockerd gets from DOCKER_STORAGE_OPTIONS, read as data (never sourced).
storage_opts() {
    local line
    line=$(grep -m1 '^DOCKER_STORAGE_OPTIONS=' "$sysconfig" 2>/dev/null) || true
    line=${line#DOCKER_STORAGE_OPTIONS=}
    line=${line#\"}
    line=${line%\"}
    printf '%s' "$line"
}

# dockerd refuses to start when a directive is both a flag and in daemon.json (see the seed).
config_conflict() {
    local json=/etc/docker/daemon.json
    [[ " $(storage_opts) " == *" --storage-driver"* ]] || return 1
    [ -f "$json" ] || return 1 # a FIFO (hung scenario) is never read here
    grep -q '"storage-driver"' "$json"
}

stop_dockerd() {
    local pid
    pid=$(dockerd_pid) || true
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    echo inactive >"$state/docker"
}

start_dockerd() {
    if [ -p /etc/docker/daemon.json ] || config_conflict; then
        echo failed >"$state/docker"
        printf 'Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n' >&2
        exit 1
    fi
    local -a opts
    read -ra opts <<<"$(storage_opts)" # split on blanks like systemd does $VAR, never globbed
    local -a flags=(-H fd:// --containerd=/run/containerd/containerd.sock "${opts[@]}")
    setsid -f bash -c 'exec -a /usr/bin/dockerd "$0" "$@"' "$LAB_DIR/bin/dockerd" "${flags[@]}" \
        </dev/null >/dev/null 2>&1
    echo active >"$state/docker"
}

verb=${1:-}
shift || true
props=()
units=()
quiet=0 value=0
while [ $# -gt 0 ]; do
    case $1 in
    -p | --property) props+=("${2:-}") && shift ;;
    --property=*) props+=("${1#--property=}") ;;
    -q | --quiet) quiet=1 ;;
    --value) value=1 ;;
    --no-pager | --no-ask-password) ;;
    -*) die "systemctl: unrecognized option '$1'" ;;
    *) units+=("$1") ;;
    esac
    shift
done
if [ "$verb" = reboot ]; then
    # the lab does not reboot: the call is in calls.log, and the host carries on
    echo "lab: reboot recorded, not performed" >&2
    exit 0
fi
for u in "${units[@]}"; do
    [ "$u" = docker ] || [ "$u" = docker.service ] || die "Unit ${u%.service}.service could not be found."
done
[ ${#units[@]} -gt 0 ] || [ "$verb" = "" ] || die "Too few arguments."

active=$(cat "$state/docker")
case $verb in
show)
    [ ${#props[@]} -gt 0 ] || props=(Id ActiveState MainPID ExecStart)
    for p in "${props[@]}"; do
        case $p in
        Id) v=docker.service ;;
        ActiveState) v=$active ;;
        MainPID) v=$([ "$active" = active ] && dockerd_pid || echo 0) ;;
        ExecStart)
            v="{ path=/usr/bin/dockerd ; argv[]=$exec_start ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }"
            ;;
        EnvironmentFiles) v="$sysconfig (ignore_errors=yes)" ;;
        RequiresMountsFor) v=/var/lib/docker ;;
        After) v="network-online.target docker.socket firewalld.service containerd.service time-set.target var-lib-docker.mount" ;;
        *) v='' ;;
        esac
        if [ $value = 1 ]; then printf '%s\n' "$v"; else printf '%s=%s\n' "$p" "$v"; fi
    done
    ;;
is-active)
    [ $quiet = 1 ] || echo "$active"
    [ "$active" = active ] || exit 3
    ;;
status)
    printf '* docker.service - Docker Application Container Engine\n     Loaded: loaded (/lib/systemd/system/docker.service; enabled)\n     Active: %s\n' "$active"
    [ "$active" = active ] || exit 3
    ;;
restart)
    stop_dockerd
    start_dockerd
    ;;
start)
    [ "$active" = active ] || start_dockerd
    ;;
stop) stop_dockerd ;;
'') die "systemctl: lab fake: give a verb (show, is-active, status, start, stop, restart, reboot)" ;;
*) die "Unknown command verb $verb." ;;
esac
