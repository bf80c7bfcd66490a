# remove-orphaned-layers: deletes layer directories under <docker root>/overlay2 that no image, no container
# and no BuildKit snapshot names (typically the layers of containers removed while overlay2 was covered).
# Parameters: docker-root; holder-id, holder-ident: the mount that <root>/overlay2 resolved to when the plan
# was made; layer: the directory names to remove (each re-checked here, right before it goes).
# Refuses while anything covers docker's mounts, while a pull, commit or build is in flight, or while
# BuildKit's databases cannot be read; never follows a symlink and never crosses into another filesystem.

lw_step "1 check docker and its root"
root=$(lw_param docker-root)
[ -n "$root" ] || lw_fail "no docker-root parameter"
have_root=$(docker info --format '{{.DockerRootDir}}' 2>&1) || lw_fail "docker info failed: $have_root"
[ "$have_root" = "$root" ] || lw_fail "docker's root is now '$have_root', not '$root'"
o=$root/overlay2
[ -d "$o" ] && [ ! -L "$o" ] || lw_fail "$o is not a directory"

lw_step "2 refuse while anything covers docker's mounts"
holder=$(lw_param holder-id)
holder_ident=$(lw_param holder-ident)
lw_same_mount "$holder" "$holder_ident" || lw_fail "the mount that held $o when the plan was made is gone or changed"
lw_visible "$o" "$holder" || lw_fail "$o does not resolve to the mount of the plan: something covers it"
# Every overlay mount under the root must be visible at its mount point (not covered).
covered=$(LW_ROOT="$root/" awk '
    { sep = 0; for (i = 7; i <= NF; i++) if ($i == "-") { sep = i; break } }
    sep && $(sep + 1) == "overlay" { print $1 " " $5 }' /proc/self/mountinfo | while read -r id mp; do
    p=$(printf '%b' "$(printf '%s' "$mp" | sed 's/\\\([0-7][0-7][0-7]\)/\\0\1/g')"; printf x)
    p=${p%x}
    case "$p" in "$root"/*) lw_visible "$p" "$id" || printf '%s\n' "$id" ;; esac
done)
[ -z "$covered" ] || lw_fail "overlay mount(s) $(printf '%s ' $covered)under $root are covered: run fix-shadowed-mounts first"

lw_step "3 refuse while a pull, commit or build is in flight"
db=$root/image/overlay2/layerdb
set +f # the globs below; the prelude turns pathname expansion off
for f in "$db"/tmp/* "$root"/buildkit/executor/*; do
    [ -d "$f" ] && [ ! -L "$f" ] && lw_fail "in flight: $f exists (a pull, commit or build runs); try again later"
done

lw_step "4 collect every name that references a layer directory"
refs=
[ ! -d "$db/sha256" ] || [ -r "$db/sha256" ] || lw_fail "cannot read $db/sha256"
# every image layer record must name its layer: one without cache-id may stand for a layer in use
for c in "$db"/sha256/*; do
    [ ! -d "$c" ] || [ -e "$c/cache-id" ] || lw_fail "$c has no cache-id: the layer database is incomplete"
done
for f in "$db"/sha256/*/cache-id "$db"/mounts/*/mount-id "$db"/mounts/*/init-id; do
    [ -e "$f" ] || continue
    v=
    { IFS= read -r v || [ -n "$v" ]; } <"$f" || lw_fail "cannot read $f"
    refs="$refs
$v"
done
for m in "$db"/mounts/*; do
    [ ! -d "$m" ] || [ -e "$m/mount-id" ] || lw_fail "$m has no mount-id"
done
set -f
# the daemon's own view: every image's and container's layer directories and the host paths bound into
# containers (a layer directory may be bound into one as a volume)
images=$(docker image ls -aq --no-trunc) || lw_fail "docker image ls failed"
if [ -n "$images" ]; then
    graph=$(docker image inspect --format '{{json .GraphDriver.Data}}' $images) || lw_fail "docker image inspect failed"
    refs="$refs
$(printf '%s\n' "$graph" | lw_overlay_names "$root")"
fi
containers=$(docker ps -aq --no-trunc) || lw_fail "docker ps failed"
if [ -n "$containers" ]; then
    graph=$(docker container inspect --format '{{json .GraphDriver.Data}} {{range .Mounts}}{{json .Source}} {{end}}' $containers) ||
        lw_fail "docker container inspect failed"
    refs="$refs
$(printf '%s\n' "$graph" | lw_overlay_names "$root")"
    for c in $containers; do
        m=$(cat "$db/mounts/$c/mount-id" 2>/dev/null) && refs="$refs
$m
$m-init"
    done
fi

lw_step "5 remove each directory that is still unreferenced"
removed=0
kept=0
n=$(lw_count layer)
dev_o=$(stat -c %d "$o")
i=1
while [ "$i" -le "$n" ]; do
    l=$(lw_nth layer "$i")
    i=$((i + 1))
    lw_safe_name "$l" && [ "$l" != l ] || { lw_note "'$l' is not a layer directory name: skipped"; kept=$((kept + 1)); continue; }
    d=$o/$l
    if [ ! -e "$d" ]; then
        printf '%s\n' "$l: already gone"
        continue
    fi
    if [ -L "$d" ] || [ ! -d "$d" ]; then
        lw_note "$l is not a plain directory: skipped"
        kept=$((kept + 1))
        continue
    fi
    if printf '%s\n' "$refs" | grep -qxF -- "$l"; then
        lw_note "$l is referenced now: kept"
        kept=$((kept + 1))
        continue
    fi
    if [ -d "$root/buildkit" ]; then
        set +f
        grep -qaF -- "$l" "$root"/buildkit/*.db 2>/dev/null
        rc=$?
        set -f
        case $rc in
        0) lw_note "$l is named by BuildKit: kept"; kept=$((kept + 1)); continue ;;
        1) ;;
        *) lw_fail "BuildKit's databases cannot be read" ;;
        esac
    fi
    if LW_D="$d" awk '{ mp = $5; gsub(/\\040/, " ", mp); gsub(/\\011/, "\t", mp); gsub(/\\012/, "\n", mp); gsub(/\\134/, "\\", mp) }
        mp == ENVIRON["LW_D"] || index(mp, ENVIRON["LW_D"] "/") == 1 { found = 1 } END { exit !found }' /proc/self/mountinfo; then
        lw_note "$l still has a mount inside: kept (run fix-shadowed-mounts first)"
        kept=$((kept + 1))
        continue
    fi
    # an init layer is a lower layer of its container's overlay: in use while that one is mounted
    case "$l" in
    *-init)
        if LW_D="$o/${l%-init}/merged" awk '{ mp = $5; gsub(/\\040/, " ", mp); gsub(/\\011/, "\t", mp); gsub(/\\012/, "\n", mp); gsub(/\\134/, "\\", mp) }
            mp == ENVIRON["LW_D"] { found = 1 } END { exit !found }' /proc/self/mountinfo; then
            lw_note "$l is a lower layer of ${l%-init}, which is still mounted: kept"
            kept=$((kept + 1))
            continue
        fi
        ;;
    esac
    [ "$(stat -c %d "$d")" = "$dev_o" ] || { lw_note "$l is on another filesystem: kept"; kept=$((kept + 1)); continue; }
    size=$(du -skx -- "$d" 2>/dev/null | cut -f1)
    # its short link in l/, if it points at this very layer
    short=
    [ -f "$d/link" ] && [ ! -L "$d/link" ] && read -r short <"$d/link"
    lw_do rm -rf --one-file-system -- "$d" || lw_fail "rm of $d failed"
    if lw_safe_name "$short" && [ -L "$o/l/$short" ] && [ "$(readlink "$o/l/$short")" = "../$l/diff" ]; then
        lw_do rm -f -- "$o/l/$short" || lw_note "rm of $o/l/$short failed"
    fi
    if [ "$LW_MODE" = run ]; then
        printf '%s\n' "LW-REMOVED $l ${size:-?} KiB"
    else
        printf '%s\n' "LW-WOULD-REMOVE $l ${size:-?} KiB"
    fi
    removed=$((removed + 1))
done

lw_step "6 verify"
if [ "$LW_MODE" = run ]; then
    docker info >/dev/null 2>&1 || lw_fail "LW-VERIFY failed: docker info does not answer"
    img=$(docker image ls -q 2>/dev/null | head -n 1)
    if [ -n "$img" ]; then
        name=layerwatch-verify-$$
        printf '%s\n' "LW-RUN 'docker' 'create' '--name' '$name' '$img' 'true'"
        out=$(docker create --name "$name" "$img" true 2>&1) || lw_fail "LW-VERIFY failed: docker create: $out"
        printf '%s\n' "LW-RUN 'docker' 'rm' '-v' '$name'"
        docker rm -v "$name" >/dev/null 2>&1 || true
    fi
    for c in $(docker ps -aq --no-trunc); do
        d=$(docker inspect --format '{{.GraphDriver.Data.UpperDir}}' "$c" 2>/dev/null)
        [ -z "$d" ] || [ -d "$d" ] || lw_fail "LW-VERIFY failed: container $c lost its layer $d"
    done
    printf '%s\n' "LW-VERIFY ok: $removed removed, $kept kept; docker answers and creates containers"
fi
echo "LW-DONE"
