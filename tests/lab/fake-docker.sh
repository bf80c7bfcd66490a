#!/bin/bash
# The lab's `docker`: bind-mounted over the real path inside a lab host. Answers from the host's recorded
# state (LAB_HOST/state) and appends every call, one shell-quoted line, to LAB_HOST/calls.log.
set -u
# Which lab host am I? PID 1 of this namespace is the host's sshd (-f LABDIR/hosts/ADDR/sshd_config), or
# host-init.sh LABDIR/hosts/ADDR while the host is being set up.
mapfile -d '' pid1 </proc/1/cmdline
if [[ " ${pid1[*]} " =~ \ (/[^ ]*/hosts/[^/ ]+)[/\ ] ]]; then
    LAB_HOST=${BASH_REMATCH[1]}
else
    echo "lab fake ${0##*/}: not inside a lab host" >&2
    exit 127
fi
{
    printf 'docker'
    printf ' %q' "$@"
    printf '\n'
} >>"$LAB_HOST/calls.log"
state=$LAB_HOST/state
IFS= read -r root <"$state/root" || true
# A test can make every later docker call hang: state/hang holds the seconds to sleep first.
if [ -s "$state/hang" ]; then
    IFS= read -r hang <"$state/hang" || true
    sleep "${hang:-0}"
fi

# A test can make every later docker call flood its stderr: state/stderr-flood holds the MiB to write first.
if [ -s "$state/stderr-flood" ]; then
    IFS= read -r flood <"$state/stderr-flood" || true
    head -c $((${flood:-0} * 1048576)) /dev/zero | tr '\0' 'e' >&2
fi

die() {
    printf '%s\n' "$*" >&2
    exit 1
}
[ "$(cat "$state/docker")" = active ] ||
    die "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"

# container_graph: GraphDriver.Data of the container found last (find_container), as docker prints it
container_graph() {
    local j=${root//\\/\\\\} img_id img_upper img_lower
    j=${j//\"/\\\"}
    IFS=$'\t' read -r img_id img_upper img_lower <"$state/images" 2>/dev/null || true
    printf '{"LowerDir":"%s/overlay2/%s-init/diff:%s/overlay2/%s/diff:%s/overlay2/%s/diff","MergedDir":"%s/overlay2/%s/merged","UpperDir":"%s/overlay2/%s/diff","WorkDir":"%s/overlay2/%s/work"}' \
        "$j" "$mid" "$j" "$img_upper" "$j" "$img_lower" "$j" "$mid" "$j" "$mid" "$j" "$mid"
}
# find_container PREFIX|NAME -> sets cid mid status, returns 1 if none or ambiguous
find_container() {
    local n=0 c m nm st
    [ -n "$1" ] || return 1
    while IFS=$'\t' read -r c m nm st; do
        if [[ $c == "$1"* || $nm == "$1" ]]; then
            cid=$c mid=$m status=$st cname=$nm
            n=$((n + 1))
        fi
    done <"$state/containers"
    [ $n = 1 ]
}
set_status() { # CID STATUS ('' removes the container)
    local c m nm st tmp=$state/containers.$$
    while IFS=$'\t' read -r c m nm st; do
        if [ "$c" = "$1" ]; then
            [ -n "$2" ] && printf '%s\t%s\t%s\t%s\n' "$c" "$m" "$nm" "$2"
        else
            printf '%s\t%s\t%s\t%s\n' "$c" "$m" "$nm" "$st"
        fi
    done <"$state/containers" >"$tmp"
    mv "$tmp" "$state/containers"
}

cmd=${1:-}
shift || true
if [ "$cmd" = container ] && [ "${1:-}" = inspect ]; then # `docker container inspect` is `docker inspect`
    cmd=inspect
    shift
fi
case $cmd in
info)
    format=''
    while [ $# -gt 0 ]; do
        case $1 in
        -f | --format) format=${2:-} && shift ;;
        --format=*) format=${1#--format=} ;;
        *) die "unknown flag: $1" ;;
        esac
        shift
    done
    case $format in
    '{{json .}}') cat "$state/info.json" ;;
    '{{.Driver}}') echo overlay2 ;;
    '{{.DockerRootDir}}') printf '%s\n' "$root" ;;
    '')
        backing=$(grep -o '"Backing Filesystem","[a-z]*"' "$state/info.json" | cut -d'"' -f4)
        printf 'Client:\n Context:    default\n Debug Mode: false\n\nServer:\n'
        printf ' Containers: %s\n  Running: %s\n Images: 1\n Server Version: 24.0.7\n' \
            "$(wc -l <"$state/containers")" "$(grep -c $'\trunning$' "$state/containers")"
        printf ' Storage Driver: overlay2\n  Backing Filesystem: %s\n  Supports d_type: true\n' "$backing"
        printf '  Using metacopy: false\n  Native Overlay Diff: true\n  userxattr: false\n'
        printf ' Logging Driver: json-file\n Cgroup Driver: systemd\n Kernel Version: %s\n' "$(uname -r)"
        printf ' Docker Root Dir: %s\n' "$root"
        ;;
    *) die "template: info: unsupported format in the lab: $format" ;;
    esac
    ;;
ps)
    quiet=0 all=0 notrunc=0 filter=
    while [ $# -gt 0 ]; do
        case $1 in
        -q | --quiet) quiet=1 ;;
        -a | --all) all=1 ;;
        -aq | -qa) quiet=1 all=1 ;;
        --no-trunc) notrunc=1 ;;
        --filter) filter=${2:-} && shift ;;
        *) die "unknown flag: $1" ;;
        esac
        shift
    done
    [ $quiet = 1 ] || printf '%-12s   %-10s   %-12s   %s\n' 'CONTAINER ID' IMAGE STATUS NAMES
    while IFS=$'\t' read -r c m nm st; do
        [ $all = 1 ] || [ "$st" = running ] || continue
        [ -z "$filter" ] || [ "$filter" = "status=$st" ] || continue
        [ $notrunc = 1 ] || c=${c:0:12}
        if [ $quiet = 1 ]; then
            echo "$c"
        else
            printf '%-12s   %-10s   %-12s   %s\n' "$c" lab/app "$([ "$st" = running ] && echo Up || echo Exited)" "$nm"
        fi
    done <"$state/containers"
    ;;
restart | start | stop)
    [ $# -gt 0 ] || die "\"docker $cmd\" requires at least 1 argument."
    rc=0
    for a in "$@"; do
        [[ $a == -* ]] && die "unknown flag: $a"
        if find_container "$a"; then
            set_status "$cid" "$([ "$cmd" = stop ] && echo exited || echo running)"
            printf '%s\n' "$a"
        else
            printf 'Error response from daemon: No such container: %s\n' "$a" >&2
            rc=1
        fi
    done
    exit $rc
    ;;
rm)
    force=0
    ids=()
    for a in "$@"; do
        case $a in
        -f | --force) force=1 ;;
        -*) die "unknown flag: $a" ;;
        *) ids+=("$a") ;;
        esac
    done
    [ ${#ids[@]} -gt 0 ] || die '"docker rm" requires at least 1 argument.'
    rc=0
    for a in "${ids[@]}"; do
        if ! find_container "$a"; then
            printf 'Error response from daemon: No such container: %s\n' "$a" >&2
            rc=1
        elif [ "$status" = running ] && [ $force = 0 ]; then
            printf 'Error response from daemon: You cannot remove a running container %s. Stop the container before attempting removal or force remove\n' "$cid" >&2
            rc=1
        elif [ ! -d "$root/overlay2/$mid/merged" ]; then
            # the seed's failure: the layer is hidden under a later mount on overlay2 (or the root)
            printf 'Error response from daemon: driver "overlay2" failed to remove root filesystem for %s: error while removing %s: invalid argument\n' \
                "$cid" "$root/overlay2/$mid" >&2
            rc=1
        else
            if mountpoint -q -- "$root/overlay2/$mid/merged"; then umount -- "$root/overlay2/$mid/merged"; fi
            rm -rf -- "$root/overlay2/$mid" "$root/overlay2/$mid-init" "$root/containers/$cid" \
                "$root/image/overlay2/layerdb/mounts/$cid"
            set_status "$cid" ''
            printf '%s\n' "$a"
        fi
    done
    exit $rc
    ;;
image)
    # the recorded image (state/images: id, upper layer, lower layer)
    IFS=$'\t' read -r img_id img_upper img_lower <"$state/images" || die "lab fake: no state/images"
    j=${root//\\/\\\\}
    j=${j//\"/\\\"}
    graph="{\"LowerDir\":\"$j/overlay2/$img_lower/diff\",\"MergedDir\":\"$j/overlay2/$img_upper/merged\",\"UpperDir\":\"$j/overlay2/$img_upper/diff\",\"WorkDir\":\"$j/overlay2/$img_upper/work\"}"
    case ${1:-} in
    ls)
        case " $* " in
        *" --no-trunc "*) echo "sha256:$img_id" ;;
        *) echo "${img_id:0:12}" ;;
        esac
        ;;
    inspect)
        shift
        format=''
        [ "${1:-}" = --format ] && format=${2:-} && shift 2
        [ $# -gt 0 ] || die '"docker image inspect" requires at least 1 argument.'
        for a in "$@"; do
            [[ sha256:$img_id == "$a"* || $img_id == "$a"* ]] || { printf 'Error: No such image: %s\n' "$a" >&2; exit 1; }
            case $format in
            '{"ImageId":{{json .Id}},'*) printf '{"ImageId":"sha256:%s","Graph":%s}\n' "$img_id" "$graph" ;;
            '{{json .GraphDriver.Data}}') printf '%s\n' "$graph" ;;
            *) die "template: image inspect: unsupported format in the lab: $format" ;;
            esac
        done
        ;;
    *) die "docker image: lab fake knows only ls and inspect" ;;
    esac
    ;;
create)
    # the test container of a repair's verification: fails like a real engine while overlay2 is covered
    [ -d "$root/overlay2/l" ] || {
        printf 'Error response from daemon: symlink ../%s-init/diff %s/overlay2/l/LABFAKESHORTLINK: no such file or directory\n' \
            "$(printf '%064d' 0)" "$root" >&2
        exit 127
    }
    echo "$(printf '%064d' 1)"
    ;;
inspect)
    format=''
    ids=()
    while [ $# -gt 0 ]; do
        case $1 in
        -f | --format) format=${2:-} && shift ;;
        --format=*) format=${1#--format=} ;;
        -*) die "unknown flag: $1" ;;
        *) ids+=("$1") ;;
        esac
        shift
    done
    [ ${#ids[@]} -gt 0 ] || die '"docker inspect" requires at least 1 argument.'
    rc=0
    for a in "${ids[@]}"; do
        if ! find_container "$a"; then
            printf 'Error: No such object: %s\n' "$a" >&2
            rc=1
            continue
        fi
        case $format in
        '{"Id":{{json .Id}},'*)
            # the probe bundle's template (resources/probes/bundle.sh CTMPL)
            printf '{"Id":"%s","Name":"/%s","State":"%s","Running":%s,"Paused":false,"RestartPolicy":"no","AutoRemove":false,"Image":"lab/app","Driver":"overlay2","Graph":%s,"MountSources":[]}\n' \
                "$cid" "$cname" "$status" "$([ "$status" = running ] && echo true || echo false)" "$(container_graph)"
            ;;
        '{{json .GraphDriver.Data}} {{range .Mounts}}{{json .Source}} {{end}}') printf '%s \n' "$(container_graph)" ;;
        '{{.GraphDriver.Data.MergedDir}}') printf '%s\n' "$root/overlay2/$mid/merged" ;;
        '{{.GraphDriver.Data.UpperDir}}') printf '%s\n' "$root/overlay2/$mid/diff" ;;
        '{{.GraphDriver.Name}}') echo overlay2 ;;
        '{{.Id}}') echo "$cid" ;;
        '{{.State.Status}}') echo "$status" ;;
        '{{.State.Running}}') [ "$status" = running ] && echo true || echo false ;;
        *) die "template: inspect: unsupported format in the lab: $format" ;;
        esac
    done
    exit $rc
    ;;
version)
    printf 'Client: Docker Engine - Community\n Version:           24.0.7\n\nServer: Docker Engine - Community\n Engine:\n  Version:          24.0.7\n'
    ;;
*)
    die "docker: '$cmd' is not a docker command (lab fake: info, ps, inspect, container inspect, image ls, create, restart, start, stop, rm, version)."
    ;;
esac
