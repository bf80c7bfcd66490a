#!/bin/bash
# The lab fleet: real sshd "hosts" in private mount+PID namespaces, one loopback address each.
#   lab.sh start  --dir DIR [--hosts N] [--scenarios LIST|all] [--base 127.0.1.1] [--timeout SECONDS]
#   lab.sh stop   --dir DIR
#   lab.sh status --dir DIR
#   lab.sh exec   --dir DIR ADDR -- COMMAND...   (runs COMMAND inside that host's namespaces)
# See docs/lab.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# the hosts inherit this environment: keep it plain (no shims, no user paths)
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# Debian's python3 (a pyenv or venv shim in PATH can cost a second per start)
py=/usr/bin/python3
[ -x "$py" ] || py=python3
all_scenarios=(healthy covered nested conflict lowdisk redirect-off hostile hung unreachable blackhole
    unknown-key changed-key wrong-key)
# Real-Docker hosts (a real dockerd in the host; not part of `all`; `docker` = all six)
docker_scenarios=(docker-healthy docker-covered docker-bind docker-rootcover docker-liverestore docker-unordered)

usage() {
    sed -n '3,6p' "$0" | sed 's/^# *//' >&2
    exit 2
}
die() {
    printf 'lab: %s\n' "$*" >&2
    exit 1
}

# --- options -------------------------------------------------------------------------------------------
action=${1:-}
[ -n "$action" ] || usage
shift
dir='' hosts='' scenarios=healthy base=127.0.1.1 timeout='' exec_addr='' exec_cmd=()
while [ $# -gt 0 ]; do
    case $1 in
    --)
        [ "$action" = exec ] || die "unexpected '--'"
        shift
        exec_cmd=("$@")
        break
        ;;
    --dir) dir=${2:-} && shift ;;
    --hosts) hosts=${2:-} && shift ;;
    --scenarios) scenarios=${2:-} && shift ;;
    --base) base=${2:-} && shift ;;
    --timeout) timeout=${2:-} && shift ;;
    -h | --help) usage ;;
    [0-9]*) [ "$action" = exec ] && [ -z "$exec_addr" ] && exec_addr=$1 || die "unexpected argument '$1'" ;;
    *) die "unknown option '$1' (see lab.sh --help)" ;;
    esac
    shift
done
[ -n "$dir" ] || die "--dir DIR is required"
[[ $dir == *[[:space:]\"\'\\]* ]] && die "--dir must not contain whitespace, quotes or backslashes (it goes into sshd_config)"
[ "$(id -u)" = 0 ] || die "must run as root (it makes mounts and namespaces)"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# Our processes are found by their command lines (host-init.sh DIR/hosts/ADDR, blackhole.py DIR/hosts/ADDR,
# sshd -D -e -f DIR/hosts/ADDR/sshd_config), so that stop also stops a crashed start.
is_ours() { # CMDLINE
    [[ $1 == *"host-init.sh $dir/hosts/"* || $1 == *"host-init-docker.sh $dir/hosts/"* ||
        $1 == *"blackhole.py $dir/hosts/"* ||
        $1 == *"sshd -D -e -f $dir/hosts/"* ]]
}
lab_pids() {
    local p
    local -a argv
    for p in /proc/[0-9]*; do
        argv=()
        mapfile -d '' argv 2>/dev/null <"$p/cmdline" || continue
        is_ours "${argv[*]}" && echo "${p#/proc/}"
    done
    return 0
}

# Real-Docker hosts: the cgroups their containers got (/sys/fs/cgroup/CONTROLLER/docker/ID with cgroup v1,
# /sys/fs/cgroup/docker/ID with v2) outlive the killed namespace. Prints the cgroup dirs of this lab's
# containers: the ids the hosts' docker dirs and state files know, and those of live containers whose
# processes descend from one of the PIDS (the hosts' unshare processes). Never another docker's: ids are
# 64 random hex digits, and rmdir only removes an empty cgroup.
lab_docker_cgroups() { # PIDS...
    local roots=" $* " ids=' ' f id p q n procs
    grep -q $'\tdocker-' "$dir/hosts.tsv" 2>/dev/null || return 0
    for f in "$dir"/hosts/*/var/lib/docker/containers/*/; do
        id=${f%/}
        id=${id##*/}
        [[ $id =~ ^[0-9a-f]{64}$ ]] && [[ $ids != *" $id "* ]] && ids+="$id "
    done
    for f in "$dir"/hosts/*/state/containers.tsv; do
        [ -f "$f" ] || continue
        while IFS=$'\t' read -r id _; do
            [[ $id =~ ^[0-9a-f]{64}$ ]] && [[ $ids != *" $id "* ]] && ids+="$id "
        done <"$f"
    done
    for f in /sys/fs/cgroup/*/docker/*/cgroup.procs /sys/fs/cgroup/docker/*/cgroup.procs; do
        id=${f%/cgroup.procs}
        id=${id##*/}
        [[ $id =~ ^[0-9a-f]{64}$ ]] && [[ $ids != *" $id "* ]] || continue
        procs=$(cat "$f" 2>/dev/null) || continue
        for p in $procs; do
            q=$p
            for ((n = 0; n < 40 && q > 1; n++)); do
                [[ $roots == *" $q "* ]] && {
                    ids+="$id "
                    break 2
                }
                q=$(awk '/^PPid:/ { print $2 }' "/proc/$q/status" 2>/dev/null) || break
                [ -n "$q" ] || break
            done
        done
    done
    for id in $ids; do
        for f in /sys/fs/cgroup/*/docker/"$id" /sys/fs/cgroup/docker/"$id"; do if [ -d "$f" ]; then echo "$f"; fi; done
    done
    return 0
}

do_stop() {
    local p i left cgroups
    cgroups=$(lab_docker_cgroups $(cat "$dir"/pids/* 2>/dev/null))
    # a paused container is frozen: its processes cannot die until thawed (cgroup v1 freezer, v2 cgroup.freeze)
    for p in $cgroups; do
        [ -w "$p/freezer.state" ] && echo THAWED >"$p/freezer.state" 2>/dev/null
        [ -w "$p/cgroup.freeze" ] && echo 0 >"$p/cgroup.freeze" 2>/dev/null
    done
    # unshare --kill-child: killing unshare kills the namespace's PID 1, and with it the whole namespace
    # (its processes and its mounts). Pid files first, then whatever else of ours is still alive.
    for p in $(cat "$dir"/pids/* 2>/dev/null); do
        [ -r "/proc/$p/cmdline" ] || continue
        local -a argv=()
        mapfile -d '' argv 2>/dev/null <"/proc/$p/cmdline" || continue
        is_ours "${argv[*]}" && kill -KILL "$p" 2>/dev/null # pids are reused: only if still ours
    done
    for i in $(seq 50); do
        left=$(lab_pids)
        [ -z "$left" ] && break
        kill -KILL $left 2>/dev/null || true
        sleep 0.1
    done
    rm -rf "$dir/pids"
    [ -z "$left" ] || die "processes still alive after stop: $(echo $left)"
    # the containers' cgroups (their processes died with the namespace; a dying task can hold one briefly)
    for i in $(seq 30); do
        [ -n "$cgroups" ] || break
        for p in $cgroups; do rmdir "$p" 2>/dev/null || true; done
        cgroups=$(for p in $cgroups; do if [ -d "$p" ]; then echo "$p"; fi; done)
        [ -n "$cgroups" ] && sleep 0.1
    done
    [ -z "$cgroups" ] || echo "lab: cgroups left (not empty): $(echo $cgroups)" >&2
    echo "lab: stopped $dir"
}

# ADDR + N, carrying across octets
addr_plus() {
    local a b c d n=$2
    IFS=. read -r a b c d <<<"$1"
    local v=$(((a << 24) + (b << 16) + (c << 8) + d + n))
    echo "$((v >> 24 & 255)).$((v >> 16 & 255)).$((v >> 8 & 255)).$((v & 255))"
}

expected() { # SCENARIO -> sets $expected to "status<TAB>findings" (no subshell: called per host)
    case $1 in
    healthy) expected=$'ok\t' ;;
    covered | hostile) expected=$'ok\tshadowed-overlay-mounts' ;;
    nested) expected=$'ok\tshadowed-overlay-mounts,shadowed-mounts' ;; # the 2nd cover hides the 1st
    conflict) expected=$'ok\tstorage-driver-conflict' ;;
    lowdisk) expected=$'ok\tlow-space-copy-up' ;;
    redirect-off) expected=$'ok\tredirect-dir-disabled' ;;
    hung | blackhole) expected=$'timeout\t' ;; # hung: its daemon.json probe times out
    unreachable) expected=$'unreachable\t' ;;
    unknown-key) expected=$'host-key-unknown\t' ;;
    changed-key) expected=$'host-key-changed\t' ;;
    wrong-key) expected=$'auth-failed\t' ;;
    # Real-Docker hosts (best guesses of the finding IDs; `gone` left its merged mount behind the cover)
    docker-healthy) expected=$'ok\t' ;;
    docker-covered | docker-liverestore) expected=$'ok\tshadowed-overlay-mounts,leaked-overlay-mounts' ;;
    docker-bind) expected=$'ok\tshadowed-overlay-mounts' ;;
    docker-rootcover) expected=$'ok\tshadowed-overlay-mounts,shadowed-mounts' ;;
    docker-unordered) expected=$'ok\tdocker-mount-not-ordered' ;;
    esac
}

# bind targets for the fake tools: every existing copy on the usual PATH, or an empty file to bind over
bind_targets() {
    local name=$1 d seen='' r out=''
    for d in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do
        [ -e "$d/$name" ] || continue
        r=$(realpath "$d/$name")
        [[ " $seen " == *" $r "* ]] && continue
        seen+=" $r"
        out+="$r"$'\n'
    done
    if [ -z "$out" ]; then
        : >"/usr/local/bin/$name" # not executable: invisible to `command -v` outside the lab
        out="/usr/local/bin/$name"$'\n'
    fi
    printf '%s' "$out"
}

do_start() {
    local list=() n i s addr
    if [ "$scenarios" = all ]; then
        list=("${all_scenarios[@]}")
    else
        local given=()
        IFS=, read -ra given <<<"$scenarios"
        for s in "${given[@]}"; do
            if [ "$s" = docker ]; then list+=("${docker_scenarios[@]}"); else list+=("$s"); fi
        done
    fi
    [ ${#list[@]} -gt 0 ] || die "--scenarios: empty list"
    local real_docker=0
    for s in "${list[@]}"; do
        [[ $s == docker-* ]] && real_docker=1
        [[ " ${all_scenarios[*]} ${docker_scenarios[*]} " == *" $s "* ]] ||
            die "unknown scenario '$s' (known: ${all_scenarios[*]} all ${docker_scenarios[*]} docker)"
    done
    # a Real-Docker host needs seconds (dockerd, containerd, the containers): a longer default
    if [ -z "$timeout" ]; then
        timeout=60
        [ $real_docker = 1 ] && timeout=180
    fi
    if [ -z "$hosts" ]; then
        hosts=${#list[@]}
    fi
    [[ $hosts =~ ^[0-9]+$ ]] && [ "$hosts" -ge 1 ] && [ "$hosts" -le 1000 ] || die "--hosts must be 1..1000"
    if [ "$scenarios" = all ] && [ "$hosts" -lt ${#list[@]} ]; then
        echo "lab: --scenarios all has ${#list[@]} scenarios: starting ${#list[@]} hosts, not $hosts" >&2
        hosts=${#list[@]}
    fi
    [[ $base =~ ^127\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]] && [ "${BASH_REMATCH[1]}" -le 255 ] &&
        [ "${BASH_REMATCH[2]}" -le 255 ] && [ "${BASH_REMATCH[3]}" -le 255 ] || die "--base must be a 127.x.y.z address"
    [[ $timeout =~ ^[0-9]+$ ]] || die "--timeout must be a number of seconds"
    [ -z "$(lab_pids)" ] || die "a lab is already running in $dir (lab.sh stop --dir $dir)"

    # assignments
    local addrs=() scens=()
    for ((i = 0; i < hosts; i++)); do
        addrs+=("$(addr_plus "$base" "$i")")
        if [ "$scenarios" = all ]; then
            s=${list[i]:-healthy}
        else
            s=${list[i % ${#list[@]}]}
        fi
        scens+=("$s")
    done
    [ "$(addr_plus "$base" $((hosts - 1)) | cut -d. -f1)" = 127 ] || die "--base + --hosts leaves 127.0.0.0/8"
    "$py" "$here/ready.py" free "${addrs[@]}" || die "addresses in use; pick another --base"

    # lab-wide files
    # an old lab's host dirs are thousands of small files: delete them in the background
    if [ -e "$dir/hosts" ]; then
        mv "$dir/hosts" "$dir/hosts.old.$$"
        setsid -f rm -rf -- "$dir/hosts.old.$$" </dev/null >/dev/null 2>&1
    fi
    rm -rf "$dir/pids"
    mkdir -p "$dir/hosts" "$dir/pids" "$dir/bin" /run/sshd /var/lib/docker /etc/docker /etc/sysconfig \
        /etc/modprobe.d /boot /etc/systemd/system
    rm -f "$dir/id_ed25519" "$dir/id_ed25519.pub" "$dir/known_hosts"
    ssh-keygen -q -t ed25519 -N '' -C "layerwatch-lab" -f "$dir/id_ed25519" >/dev/null
    cp "$dir/id_ed25519.pub" "$dir/authorized_keys"
    cc -O -o "$dir/bin/dockerd" "$here/fake-dockerd.c" || die "cannot build the fake dockerd (needs cc)"
    cc -O -o "$dir/bin/labhelper" "$here/labhelper.c" || die "cannot build labhelper (needs cc)"
    # docker and systemctl: one C program (the probe bundle's calls), which hands every other call to the
    # bash fake beside it (NAME.sh)
    cc -O -o "$dir/bin/docker" "$here/fake-fast.c" || die "cannot build the fast docker/systemctl fake (needs cc)"
    ln -f "$dir/bin/docker" "$dir/bin/systemctl"
    if [ $real_docker = 1 ]; then
        command -v dockerd >/dev/null && [ -x /usr/bin/docker ] ||
            die "docker scenarios need Debian's docker.io (dockerd, /usr/bin/docker; scripts/install-deps.sh)"
        # lw/busybox:1, imported by every Real-Docker host: a statically linked busybox (busybox-static)
        [[ $(ldd /bin/busybox 2>&1 || true) == *"not a dynamic executable"* ]] ||
            die "docker scenarios need a static /bin/busybox (busybox-static; scripts/install-deps.sh)"
        local img=$dir/bin/busybox.img
        rm -rf "$img"
        mkdir -p "$img/bin" "$img/tmp" "$img/etc"
        cp /bin/busybox "$img/bin/busybox"
        ln -s busybox "$img/bin/sh"
        ln -s busybox "$img/bin/sleep"
        ln -s busybox "$img/bin/true"
        tar -C "$img" -cf "$dir/bin/busybox.tar" . && rm -rf "$img"
        install -m 755 "$here/docker-systemctl.sh" "$dir/bin/docker-systemctl.sh"
    fi
    install -m 755 "$here/fake-docker.sh" "$dir/bin/docker.sh"
    install -m 755 "$here/fake-systemctl.sh" "$dir/bin/systemctl.sh"
    LAB_BIND_DOCKER=$(bind_targets docker)
    LAB_BIND_SYSTEMCTL=$(bind_targets systemctl)
    LAB_KERNEL=$(uname -r)
    # every host's kernel config: /boot/config-RELEASE, and /proc/config.gz bound over the real one
    LAB_KERNEL_CONFIG=$(printf '%s\n' '#' '# Automatically generated file; DO NOT EDIT.' \
        "# Linux/x86 $LAB_KERNEL Kernel Configuration" '#' \
        'CONFIG_CC_VERSION_TEXT="gcc (Debian 12.2.0-14) 12.2.0"' CONFIG_64BIT=y CONFIG_X86_64=y \
        CONFIG_FILE_LOCKING=y CONFIG_EXT4_FS=y CONFIG_EXT4_FS_POSIX_ACL=y CONFIG_XFS_FS=m CONFIG_FUSE_FS=m \
        CONFIG_OVERLAY_FS=m CONFIG_OVERLAY_FS_REDIRECT_DIR=y \
        '# CONFIG_OVERLAY_FS_REDIRECT_ALWAYS_FOLLOW is not set' CONFIG_OVERLAY_FS_INDEX=y \
        '# CONFIG_OVERLAY_FS_XINO_AUTO is not set' '# CONFIG_OVERLAY_FS_METACOPY is not set' \
        CONFIG_TMPFS=y CONFIG_TMPFS_XATTR=y)$'\n'
    printf '%s' "$LAB_KERNEL_CONFIG" | gzip -9n >"$dir/bin/config.gz"
    export LAB_BIND_DOCKER LAB_BIND_SYSTEMCTL LAB_KERNEL LAB_KERNEL_CONFIG

    # launch; a failure (or a signal) from here on stops what was started
    trap 'do_stop >/dev/null 2>&1 || true' EXIT
    trap 'exit 130' INT TERM
    local checks=() pid hostdirs=() expected
    for addr in "${addrs[@]}"; do
        hostdirs+=("$dir/hosts/$addr"/{etc/docker,etc/sysconfig,etc/modprobe.d,etc/systemd/system,var/lib/docker,boot,state,sys,root})
    done
    mkdir -p "${hostdirs[@]}"
    : >"$dir/inventory"
    printf '#address\tscenario\tstatus\tfindings\n' >"$dir/hosts.tsv"
    for ((i = 0; i < hosts; i++)); do
        addr=${addrs[i]} s=${scens[i]}
        expected "$s"
        printf 'root@%s  # %s\n' "$addr" "$s" >>"$dir/inventory"
        printf '%s\t%s\t%s\n' "$addr" "$s" "$expected" >>"$dir/hosts.tsv"
        case $s in
        unreachable)
            echo "nothing listens on $addr:22 (connection refused)" >"$dir/hosts/$addr/README"
            continue
            ;;
        blackhole)
            unshare --pid --fork --kill-child --mount-proc --mount --propagation private \
                "$py" "$here/blackhole.py" "$dir/hosts/$addr" "$addr" 22 \
                </dev/null >"$dir/hosts/$addr/blackhole.log" 2>&1 &
            pid=$!
            checks+=("$addr:tcp:$pid:-")
            ;;
        *)
            local init=host-init.sh
            [[ $s == docker-* ]] && init=host-init-docker.sh
            unshare --pid --fork --kill-child --mount --uts --propagation private \
                "$here/$init" "$dir/hosts/$addr" "$s" "$i" \
                </dev/null >"$dir/hosts/$addr/sshd.log" 2>&1 &
            pid=$!
            checks+=("$addr:ssh:$pid:$dir/hosts/$addr/sshd.pid")
            ;;
        esac
        echo "$pid" >"$dir/pids/$addr"
        disown "$pid" # stop kills it; no "Killed" job notice from this shell
    done

    if [ ${#checks[@]} -gt 0 ] && ! "$py" "$here/ready.py" wait "$timeout" "${checks[@]}"; then
        trap - EXIT
        do_stop >/dev/null 2>&1 || true
        die "start failed; stopped everything (logs kept in $dir/hosts/)"
    fi

    # known_hosts: what a client should already trust
    local kh='' pub type key
    for ((i = 0; i < hosts; i++)); do
        addr=${addrs[i]} s=${scens[i]}
        case $s in
        unreachable | blackhole | unknown-key) continue ;;
        changed-key)
            # a key the host never had, as if it had been reinstalled since we last saw it
            ssh-keygen -q -t ed25519 -N '' -C "previous key" -f "$dir/hosts/$addr/previous_host_key" <<<y >/dev/null
            pub=$dir/hosts/$addr/previous_host_key.pub
            ;;
        *) pub=$dir/hosts/$addr/ssh_host_ed25519_key.pub ;;
        esac
        read -r type key _ <"$pub"
        kh+="$addr $type $key"$'\n'
    done
    printf '%s' "$kh" >"$dir/known_hosts"
    cat >"$dir/ssh_config" <<EOF2
Host *
    User root
    IdentityFile $dir/id_ed25519
    IdentitiesOnly yes
    UserKnownHostsFile $dir/known_hosts
    GlobalKnownHostsFile /dev/null
    StrictHostKeyChecking yes
    BatchMode yes
    ConnectTimeout 5
    LogLevel ERROR
EOF2
    trap - EXIT INT TERM
    echo "lab: started $hosts hosts in $dir ($(cut -f2 "$dir/hosts.tsv" | tail -n +2 | sort | uniq -c | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}'))"
}

do_status() {
    local addr s st pid state rc=0
    [ -f "$dir/hosts.tsv" ] || die "no lab in $dir"
    while IFS=$'\t' read -r addr s st _; do
        [[ $addr == \#* ]] && continue
        pid=$(cat "$dir/pids/$addr" 2>/dev/null || true)
        if [ "$s" = unreachable ]; then
            state='(no listener, by design)'
        elif [ -n "$pid" ] && [ -e "/proc/$pid" ]; then
            state="running (pid $pid)"
        else
            state=down
            rc=1
        fi
        printf '%-16s %-13s %-17s %s\n' "$addr" "$s" "$st" "$state"
    done <"$dir/hosts.tsv"
    return $rc
}

# COMMAND inside host ADDR: its mount, UTS and PID namespaces (those of the host's PID 1), a plain environment
do_exec() {
    [ -n "$exec_addr" ] || die "exec: give the host's ADDR (lab.sh exec --dir DIR ADDR -- COMMAND...)"
    [ ${#exec_cmd[@]} -gt 0 ] || die "exec: give a command after -- (lab.sh exec --dir DIR ADDR -- COMMAND...)"
    local pid init argv=()
    pid=$(cat "$dir/pids/$exec_addr" 2>/dev/null) || die "exec: no host $exec_addr in $dir"
    mapfile -d '' argv 2>/dev/null <"/proc/$pid/cmdline" && is_ours "${argv[*]}" ||
        die "exec: host $exec_addr of $dir is not running"
    init=$(cat "/proc/$pid/task/$pid/children" 2>/dev/null) || init=''
    init=${init%% *}
    [ -n "$init" ] || die "exec: host $exec_addr has no init process"
    exec nsenter -t "$init" -m -u -p --wd=/ -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
        TERM="${TERM:-dumb}" "${exec_cmd[@]}"
}

case $action in
exec) do_exec ;;
start) do_start ;;
stop) do_stop ;;
status) do_status ;;
*) usage ;;
esac
