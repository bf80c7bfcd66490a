#!/bin/bash
# The service manager of a Real-Docker lab host (scenarios docker-*): bind-mounted over systemctl inside
# the host, like the fakes. Only the service manager is a stand-in: dockerd, containerd, runc and docker
# are the real ones. Knows docker.service only.
#   show docker [-p PROP[,PROP]]... [--value] [--no-pager]   ExecStart, ActiveState, SubState, MainPID,
#       RequiresMountsFor, After, DropInPaths, FragmentPath, NeedDaemonReload, Id, LoadState, ...
#   is-active, status, cat, is-enabled, daemon-reload, start, stop, restart, reboot (recorded, not done)
# Appends every call, one shell-quoted line (bash's %q), to LAB_HOST/calls.log, as the fakes do (not the
# calls host-init-docker.sh makes while setting the host up: LAB_INIT=1).
# Like systemd, it reads the unit (LAB_HOST/state/docker.service, shown as FragmentPath
# /lib/systemd/system/docker.service) and its drop-ins (/etc/systemd/system/docker.service.d/*.conf,
# /run/systemd/system/docker.service.d/*.conf) only at daemon-reload: a new drop-in changes `show` and
# what `start` runs only after one. RequiresMountsFor=PATH adds PREFIX.mount to After for every prefix
# of PATH that is a mount point at daemon-reload time (systemd adds those of its mount units that exist).
# `stop` sends SIGTERM to dockerd and waits (30 s) for it to exit; `start` runs the loaded ExecStart
# (words split on blanks, no shell) with a plain environment and waits (30 s) for `docker info`.
set -u
mapfile -d '' pid1 </proc/1/cmdline
if [[ " ${pid1[*]} " =~ \ (/[^ ]*/hosts/[^/ ]+)[/\ ] ]]; then
    LAB_HOST=${BASH_REMATCH[1]}
else
    echo "lab systemctl: not inside a lab host" >&2
    exit 127
fi
if [ "${LAB_INIT:-0}" != 1 ]; then
    {
        printf 'systemctl'
        printf ' %q' "$@"
        printf '\n'
    } >>"$LAB_HOST/calls.log"
fi
state=$LAB_HOST/state
unit_file=$state/docker.service
loaded=$state/unit.loaded
fragment=/lib/systemd/system/docker.service
dropin_dirs=(/etc/systemd/system/docker.service.d /run/systemd/system/docker.service.d)
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
docker_env=(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root)

die() {
    printf '%s\n' "$*" >&2
    exit 1
}

# --- unit loading (daemon-reload) -------------------------------------------------------------------------
dropins() { # the drop-in files systemd would read, sorted by file name (an earlier dir masks a later one)
    local d f seen=' ' out=()
    for d in "${dropin_dirs[@]}"; do
        for f in "$d"/*.conf; do
            [ -f "$f" ] || continue
            [[ $seen == *" ${f##*/} "* ]] && continue
            seen+="${f##*/} "
            out+=("${f##*/}"$'\t'"$f")
        done
    done
    [ ${#out[@]} -gt 0 ] && printf '%s\n' "${out[@]}" | sort | cut -f2
    return 0
}
fingerprint() { # of the unit and its drop-ins as they are on disk now
    { dropins; cat "$unit_file" $(dropins) 2>/dev/null; } | md5sum | cut -d' ' -f1
}
escape_path() { # systemd-escape --path
    local p=$1 out='' c i
    p=${p#/}
    p=${p%/}
    [ -z "$p" ] && {
        printf -- '-'
        return
    }
    for ((i = 0; i < ${#p}; i++)); do
        c=${p:i:1}
        if [ "$c" = / ]; then
            out+=-
        elif [[ $c == [A-Za-z0-9:_] || ($c == . && $i -gt 0) ]]; then
            out+=$c
        else
            printf -v c '\\x%02x' "'$c"
            out+=$c
        fi
    done
    printf '%s' "$out"
}
is_mountpoint() { # PATH: a mount point in this host's mountinfo
    awk -v p="$1" '{ gsub(/\\040/, " ", $5) } $5 == p { f = 1 } END { exit !f }' /proc/self/mountinfo
}
daemon_reload() {
    local f line key val section mounts=() after=() execstart='' paths=() p prefix w
    local -a words
    for f in "$unit_file" $(dropins); do
        section=''
        while IFS= read -r line || [ -n "$line" ]; do
            line=${line%$'\r'}
            [[ $line =~ ^[[:space:]]*([#\;]|$) ]] && continue
            if [[ $line =~ ^\[(.*)\]$ ]]; then
                section=${BASH_REMATCH[1]}
                continue
            fi
            [[ $line == *=* ]] || continue
            key=${line%%=*} val=${line#*=}
            key=${key%"${key##*[![:space:]]}"}
            val=${val#"${val%%[![:space:]]*}"}
            case $section/$key in
            Unit/RequiresMountsFor)
                if [ -z "$val" ]; then mounts=(); else
                    read -ra words <<<"$val"
                    mounts+=("${words[@]}")
                fi
                ;;
            Unit/After)
                if [ -z "$val" ]; then after=(); else
                    read -ra words <<<"$val"
                    after+=("${words[@]}")
                fi
                ;;
            Service/ExecStart) execstart=$val ;; # an empty one resets, a later one replaces (Type=notify)
            esac
        done <"$f"
    done
    # RequiresMountsFor: After= (and Requires=) on the mount units of PATH and its prefixes
    for p in "${mounts[@]}"; do
        prefix=''
        IFS=/ read -ra words <<<"${p#/}"
        paths=(/)
        for w in "${words[@]}"; do
            [ -n "$w" ] || continue
            prefix+=/$w
            paths+=("$prefix")
        done
        for prefix in "${paths[@]}"; do
            is_mountpoint "$prefix" && after+=("$(escape_path "$prefix").mount")
        done
    done
    # systemd's implicit dependencies of a service in system.slice
    after+=(basic.target system.slice sysinit.target systemd-journald.socket)
    local uniq=() seen=' '
    for w in "${after[@]}"; do
        [[ $seen == *" $w "* ]] && continue
        seen+="$w "
        uniq+=("$w")
    done
    local tmp=$loaded.$$
    {
        printf 'RequiresMountsFor=%s\n' "${mounts[*]}"
        printf 'After=%s\n' "${uniq[*]}"
        printf 'ExecStart=%s\n' "$execstart"
        printf 'DropInPaths=%s\n' "$(dropins | tr '\n' ' ' | sed 's/ $//')"
        printf 'Fingerprint=%s\n' "$(fingerprint)"
    } >"$tmp" && mv -f "$tmp" "$loaded"
}
loaded_value() { # KEY
    [ -f "$loaded" ] || daemon_reload
    sed -n "s/^$1=//p" "$loaded"
}

# --- dockerd ----------------------------------------------------------------------------------------------
dockerd_pid() { # prints the pid of the running dockerd (this host's PID namespace), or fails
    local pid st
    pid=$(cat "$state/dockerd.pid" 2>/dev/null) || return 1
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    st=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    st=${st##*) }
    [ "${st%% *}" != Z ] || return 1
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ] || return 1
    echo "$pid"
}
active_state() {
    local s
    s=$(cat "$state/docker" 2>/dev/null || echo inactive)
    if [ "$s" = active ] && ! dockerd_pid >/dev/null; then
        s=failed # it died on its own
        echo failed >"$state/docker"
    fi
    echo "$s"
}
stop_dockerd() {
    local pid i
    if pid=$(dockerd_pid); then
        kill -TERM "$pid" 2>/dev/null
        for ((i = 0; i < 300; i++)); do
            dockerd_pid >/dev/null || break
            sleep 0.1
        done
        if dockerd_pid >/dev/null; then
            kill -KILL "$pid" 2>/dev/null # systemd's TimeoutStopSec, KillMode=process
            sleep 0.2
        fi
    fi
    echo inactive >"$state/docker"
}
start_failed() {
    echo failed >"$state/docker"
    printf 'Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n' >&2
    exit 1
}
start_dockerd() {
    local -a argv
    local i pid=''
    read -ra argv <<<"$(loaded_value ExecStart)"
    [ ${#argv[@]} -gt 0 ] && argv[0]=${argv[0]#[-@+!]} # ExecStart prefixes
    [ ${#argv[@]} -gt 0 ] && [[ ${argv[0]} == /* ]] && [ -x "${argv[0]}" ] || start_failed
    rm -f "$state/dockerd.pid"
    echo activating >"$state/docker"
    printf '%s lab systemctl: starting %s\n' "$(date -u +%FT%TZ)" "${argv[*]}" >>"$LAB_HOST/dockerd.log"
    setsid -f "${docker_env[@]}" bash -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' \
        "$state/dockerd.pid" "${argv[@]}" </dev/null >>"$LAB_HOST/dockerd.log" 2>&1 9>&-
    for ((i = 0; i < 300; i++)); do
        if [ -z "$pid" ]; then
            pid=$(cat "$state/dockerd.pid" 2>/dev/null) || pid=''
        elif ! dockerd_pid >/dev/null; then
            start_failed
        elif "${docker_env[@]}" /usr/bin/docker info --format '{{.ID}}' >/dev/null 2>&1; then
            echo active >"$state/docker"
            return 0
        fi
        sleep 0.1
    done
    kill -TERM "$pid" 2>/dev/null
    start_failed
}
locked() { # run the rest under the host's service-manager lock
    exec 9>"$state/systemctl.lock"
    flock 9
}

# --- command line -----------------------------------------------------------------------------------------
verb=''
props=()
units=()
quiet=0 value=0
while [ $# -gt 0 ]; do
    case $1 in
    -p | --property)
        IFS=, read -ra more <<<"${2:-}"
        props+=("${more[@]}")
        shift
        ;;
    --property=*)
        IFS=, read -ra more <<<"${1#--property=}"
        props+=("${more[@]}")
        ;;
    -P)
        IFS=, read -ra more <<<"${2:-}"
        props+=("${more[@]}")
        value=1
        shift
        ;;
    -q | --quiet) quiet=1 ;;
    --value) value=1 ;;
    --no-pager | --no-ask-password | --no-legend | --full | -l | --system) ;;
    -*) die "systemctl: unrecognized option '$1'" ;;
    *) if [ -z "$verb" ]; then verb=$1; else units+=("$1"); fi ;;
    esac
    shift
done
case $verb in
reboot)
    echo "lab: reboot recorded, not performed" >&2
    exit 0
    ;;
daemon-reload)
    locked
    daemon_reload
    exit 0
    ;;
'') die "systemctl: lab stand-in: give a verb (show, is-active, status, cat, start, stop, restart, daemon-reload, reboot)" ;;
show | is-active | status | cat | is-enabled | start | stop | restart) ;;
*) die "Unknown command verb $verb." ;;
esac
for u in "${units[@]}"; do
    if [ "$u" != docker ] && [ "$u" != docker.service ]; then
        [ "$verb" = show ] && { # systemd shows a not-found unit's properties; enough for the lab: fail
            printf 'Unit %s.service could not be found.\n' "${u%.service}" >&2
            exit 1
        }
        printf 'Unit %s.service could not be found.\n' "${u%.service}" >&2
        [ "$verb" = is-active ] && exit 3
        [ "$verb" = status ] && exit 4
        exit 5
    fi
done
[ ${#units[@]} -gt 0 ] || die "Too few arguments."

reload_warning() {
    [ "$(loaded_value Fingerprint)" = "$(fingerprint)" ] && return 0
    printf "Warning: The unit file, source configuration file or drop-ins of docker.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n" >&2
}

case $verb in
show)
    [ ${#props[@]} -gt 0 ] || props=(Id Names LoadState ActiveState SubState MainPID ExecStart RequiresMountsFor After
        FragmentPath DropInPaths NeedDaemonReload)
    active=$(active_state)
    for p in "${props[@]}"; do
        case $p in
        Id) v=docker.service ;;
        Names) v=docker.service ;;
        LoadState) v=loaded ;;
        UnitFileState) v=enabled ;;
        ActiveState) v=$active ;;
        SubState) case $active in active) v=running ;; failed) v=failed ;; activating) v=start ;; *) v=dead ;; esac ;;
        MainPID) v=$(dockerd_pid || echo 0) ;;
        ExecStart)
            v=$(loaded_value ExecStart)
            read -ra w <<<"$v"
            v="{ path=${w[0]:-} ; argv[]=$v ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=$(dockerd_pid || echo 0) ; code=(null) ; status=0/0 }"
            ;;
        RequiresMountsFor | After | DropInPaths) v=$(loaded_value "$p") ;;
        FragmentPath) v=$fragment ;;
        NeedDaemonReload) [ "$(loaded_value Fingerprint)" = "$(fingerprint)" ] && v=no || v=yes ;;
        Type) v=notify ;;
        KillMode) v=process ;;
        *) v='' ;;
        esac
        if [ $value = 1 ]; then printf '%s\n' "$v"; else printf '%s=%s\n' "$p" "$v"; fi
    done
    ;;
is-active)
    active=$(active_state)
    [ $quiet = 1 ] || echo "$active"
    [ "$active" = active ]
    ;;
is-enabled)
    [ $quiet = 1 ] || echo enabled
    ;;
status)
    active=$(active_state)
    reload_warning
    case $active in
    active) line="active (running)" ;;
    failed) line="failed (Result: exit-code)" ;;
    *) line="inactive (dead)" ;;
    esac
    printf '* docker.service - Docker Application Container Engine\n     Loaded: loaded (%s; enabled; vendor preset: enabled)\n' "$fragment"
    d=$(loaded_value DropInPaths)
    [ -n "$d" ] && printf '    Drop-In: %s\n' "$d"
    printf '     Active: %s\n' "$line"
    pid=$(dockerd_pid) && printf '   Main PID: %s (dockerd)\n' "$pid"
    [ "$active" = active ] || exit 3
    ;;
cat)
    printf '# %s\n' "$fragment"
    cat "$unit_file"
    for f in $(dropins); do
        printf '\n# %s\n' "$f"
        cat "$f"
    done
    ;;
start)
    locked
    reload_warning
    [ "$(active_state)" = active ] || start_dockerd
    ;;
stop)
    locked
    reload_warning
    stop_dockerd
    ;;
restart)
    locked
    reload_warning
    stop_dockerd
    start_dockerd
    ;;
esac
