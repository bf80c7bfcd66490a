# fix-shadowed-mounts: the seed's repair plan 1 for overlay mounts covered by a later mount, done so that
# every workload keeps running.
# Parameters (lists in order; mount points as mountinfo writes them, escaped, in *-mp; decoded in *-path):
#   docker-root; cover-id, cover-mp, cover-path, cover-ident: the covering mounts, most recent first;
#   leaked-id, leaked-mp, leaked-path, leaked-ident, leaked-layer: overlay mounts of layers no running
#   container used when the plan was made; running: the IDs of the containers that ran then;
#   containers: keep (default) | restart (docker restart the covered ones, the guide's step 4);
#   restart-docker: auto (default: only when docker cannot create a container once the covers are gone) |
#   always (the guide's step 5) | never.
# A cover exactly on <root>/overlay2 is what dockerd's own shutdown would unmount; this script unmounts every
# cover itself and restarts docker only when it must, then starts again each container that ran before.

lw_step "1 check the graph driver and docker's root"
driver=$(docker info --format '{{.Driver}}' 2>&1) || lw_fail "docker info failed: $driver"
case "$driver" in
overlay2|overlayfs) printf '%s\n' "graph driver: $driver" ;;
*) lw_fail "graph driver is '$driver', not overlay2: this repair does not apply" ;;
esac
docker_root=$(lw_param docker-root)
[ -n "$docker_root" ] || lw_fail "no docker-root parameter"
have_root=$(docker info --format '{{.DockerRootDir}}' 2>&1) || lw_fail "docker info failed: $have_root"
[ "$have_root" = "$docker_root" ] || lw_fail "docker's root is now '$have_root', not '$docker_root'"
live_restore=$(docker info --format '{{.LiveRestoreEnabled}}' 2>/dev/null) || live_restore=unknown
printf '%s\n' "live-restore: $live_restore"

lw_step "2 record the workload: the containers running now and their restart policies"
before=$(lw_running_ids) || lw_fail "docker ps failed"
paused=$(docker ps -q --no-trunc --filter status=paused) || lw_fail "docker ps failed"
nbefore=$(printf '%s\n' "$before" | grep -c . || true)
for c in $before; do
    lw_safe_name "$c" || lw_fail "docker ps printed an odd container ID"
    # (`docker inspect` fails while a layer is covered: then docker ps's name alone)
    line=$(docker inspect --format "LW-WORKLOAD $c {{.Name}} restart={{.HostConfig.RestartPolicy.Name}}" "$c" 2>/dev/null) ||
        line="LW-WORKLOAD $c $(docker ps -a --no-trunc --filter "id=$c" --format '{{.Names}}' 2>/dev/null)"
    printf '%s\n' "$line"
done
# Containers the plan saw running and that do not run now: the state changed since the plan.
i=1
n=$(lw_count running)
while [ "$i" -le "$n" ]; do
    c=$(lw_nth running "$i")
    lw_safe_name "$c" || lw_fail "running $i: '$c' is not a container ID"
    case " $(printf '%s ' $before)" in
    *" $c "*) ;;
    *) lw_note "container $c ran when the plan was made and does not run now; it is left as it is" ;;
    esac
    i=$((i + 1))
done

lw_step "3 unmount the covering mount(s), most recent first"
# under_earlier_cover I PATH: is PATH at or under the path of a cover before the I-th in the list?
under_earlier_cover() {
    j=1
    while [ "$j" -lt "$1" ]; do
        earlier=$(lw_nth cover-path "$j"; printf x)
        earlier=${earlier%x}
        [ -n "$earlier" ] && case "$2" in "$earlier" | "$earlier"/*) return 0 ;; esac
        j=$((j + 1))
    done
    return 1
}
n=$(lw_count cover-id)
[ "$n" -eq "$(lw_count cover-mp)" ] && [ "$n" -eq "$(lw_count cover-path)" ] && [ "$n" -eq "$(lw_count cover-ident)" ] ||
    lw_fail "cover lists differ in length"
i=1
while [ "$i" -le "$n" ]; do
    id=$(lw_nth cover-id "$i")
    mp=$(lw_nth cover-mp "$i")
    ident=$(lw_nth cover-ident "$i")
    path=$(lw_nth cover-path "$i"; printf x)
    path=${path%x}
    case "$id" in '' | *[!0-9]*) lw_fail "cover $i: mount ID '$id' is not a number" ;; esac
    # Re-check right before the change: the very mount of the plan (ID, device, root, mount point, type,
    # source and parent), and on top at its path, as the kernel resolves it.
    lw_mount_present "$id" "$mp" || lw_fail "state changed: mount $id is no longer at $mp; stopping this host"
    lw_same_mount "$id" "$ident" || lw_fail "state changed: mount $id at $mp is not the mount of the plan; stopping this host"
    # On top at its path. In a dry run the covers before it in the list stay mounted, and a path at or under
    # one of them cannot be checked (nested covers failed "state changed" in every dry run); every other
    # path is.
    if [ "$LW_MODE" = run ] || ! under_earlier_cover "$i" "$path"; then
        lw_visible "$path" "$id" || lw_fail "state changed: $mp does not resolve to mount $id (something is mounted on it); stopping this host"
    fi
    lw_do umount -- "$path" || lw_fail "umount of mount $id failed"
    # (by identity: Linux may give its ID to a mount made since)
    if [ "$LW_MODE" = run ] && lw_same_mount "$id" "$ident"; then
        lw_fail "mount $id is still mounted after umount"
    fi
    i=$((i + 1))
done

lw_step "4 unmount the overlay mounts that no running container uses (leaked)"
n=$(lw_count leaked-id)
[ "$n" -eq "$(lw_count leaked-mp)" ] && [ "$n" -eq "$(lw_count leaked-path)" ] && [ "$n" -eq "$(lw_count leaked-layer)" ] &&
    [ "$n" -eq "$(lw_count leaked-ident)" ] || lw_fail "leaked lists differ in length"
[ "$n" -gt 0 ] || printf '%s\n' "none"
# the layers of the running containers, from the layer database (`docker inspect` fails while covered)
layers_in_use=$(for c in $(lw_running_ids); do
    lw_safe_name "$c" && cat "$docker_root/image/overlay2/layerdb/mounts/$c/mount-id" 2>/dev/null && echo
done)
i=1
while [ "$i" -le "$n" ]; do
    id=$(lw_nth leaked-id "$i")
    mp=$(lw_nth leaked-mp "$i")
    ident=$(lw_nth leaked-ident "$i")
    layer=$(lw_nth leaked-layer "$i")
    path=$(lw_nth leaked-path "$i"; printf x)
    path=${path%x}
    i=$((i + 1))
    case "$id" in '' | *[!0-9]*) lw_fail "leaked mount: ID '$id' is not a number" ;; esac
    lw_safe_name "$layer" || lw_fail "leaked mount $id: '$layer' is not a layer ID"
    [ "$path" = "$docker_root/overlay2/$layer/merged" ] || lw_fail "leaked mount $id is not the merged directory of layer $layer"
    if printf '%s\n' "$layers_in_use" | grep -qxF -- "$layer"; then
        lw_note "layer $layer is used by a running container now: left mounted"
        continue
    fi
    if ! lw_same_mount "$id" "$ident"; then
        lw_note "mount $id at $mp is not the mount of the plan any more: left alone"
        continue
    fi
    if [ "$LW_MODE" = run ] && ! lw_visible "$path" "$id"; then
        lw_note "mount $id at $mp is covered by another mount: left alone"
        continue
    fi
    if lw_do umount -- "$path"; then
        :
    else
        lw_note "umount of leaked mount $id failed; its layer stays until it is unmounted"
    fi
done

lw_step "5 containers whose rootfs was covered"
mode=$(lw_param containers)
[ -n "$mode" ] || mode=keep
case "$mode" in
keep) printf '%s\n' "kept running: nothing to do for the containers" ;;
restart)
    i=1
    n=$(lw_count running)
    while [ "$i" -le "$n" ]; do
        c=$(lw_nth running "$i")
        i=$((i + 1))
        lw_safe_name "$c" || continue
        lw_do docker restart "$c" || lw_fail "docker restart $c failed"
    done
    ;;
*) lw_fail "containers must be keep or restart" ;;
esac

# lw_can_create: docker answers and can make a container's layers (what a covered overlay2 breaks: the
# symlink in overlay2/l); the test container is removed at once and never started.
# CREATE_ERR keeps docker's message when it fails.
lw_test_image() { docker image ls -q 2>/dev/null | head -n 1; }
lw_can_create() {
    CREATE_ERR=
    img=$(lw_test_image)
    [ -n "$img" ] || { printf '%s\n' "no image to test with"; return 0; }
    name=layerwatch-verify-$$
    printf '%s\n' "LW-RUN 'docker' 'create' '--name' '$name' '$img' 'true'"
    CREATE_ERR=$(docker create --name "$name" "$img" true 2>&1 >/dev/null) || {
        printf '%s\n' "docker create failed: $CREATE_ERR"
        return 1
    }
    printf '%s\n' "LW-RUN 'docker' 'rm' '-v' '$name'"
    docker rm -v "$name" >/dev/null 2>&1 || true
    printf '%s\n' "docker create works"
}
# lw_covered_symptom MESSAGE: is it the failure a covered overlay2 leaves behind in the daemon (its l/
# symlinks or a layer directory not found under overlay2)? Only that is worth a docker restart.
lw_covered_symptom() {
    case "$1" in
    *overlay2/l/*"no such file or directory"* | *"/overlay2/"*"no such file or directory"*) return 0 ;;
    esac
    return 1
}

lw_step "6 restart docker only if it must"
policy=$(lw_param restart-docker)
[ -n "$policy" ] || policy=auto
restart=no
case "$policy" in
always) restart=yes ;;
never) ;;
auto)
    if [ "$LW_MODE" = run ]; then
        if ! docker info >/dev/null 2>&1; then
            printf '%s\n' "docker does not answer"
            restart=yes
        elif ! lw_can_create; then
            # only the covered overlay2's own failure is cured by a restart; anything else (a full disk, a
            # broken image) is reported, not "fixed" by stopping every workload
            lw_covered_symptom "$CREATE_ERR" || lw_fail "docker cannot create a container, and not because of the cover: $CREATE_ERR; docker was not restarted"
            restart=yes
        fi
    else
        printf '%s\n' "a real run restarts docker only if it does not answer or cannot create a container"
    fi
    ;;
*) lw_fail "restart-docker must be auto, always or never" ;;
esac
if [ "$restart" = yes ]; then
    if [ "$live_restore" != true ]; then
        # a container started with --rm is removed for good when dockerd stops it
        for c in $(lw_running_ids); do
            [ "$(docker inspect --format '{{.HostConfig.AutoRemove}}' "$c" 2>/dev/null)" = true ] &&
                lw_fail "container $c was started with --rm: a docker restart without live-restore would remove it for good; docker was not restarted"
        done
        lw_note "live-restore is off: every running container stops while docker restarts; the script starts them again"
    fi
    lw_do systemctl restart docker || lw_fail "systemctl restart docker failed"
    if [ "$LW_MODE" = run ]; then
        t=0
        until docker info >/dev/null 2>&1; do
            t=$((t + 1))
            [ "$t" -le 60 ] || lw_fail "docker does not answer 60 s after the restart"
            sleep 1
        done
    fi
else
    printf '%s\n' "docker is not restarted"
fi

lw_step "7 start again every container that ran before and does not run now"
if [ "$LW_MODE" = run ]; then
    now=" $(printf '%s ' $(lw_running_ids)) "
    for c in $before; do
        case "$now" in
        *" $c "*) ;;
        *) lw_do docker start "$c" || lw_note "docker start $c failed" ;;
        esac
    done
    # paused before: paused again (a restart stopped it, and docker start resumed it)
    now_paused=" $(printf '%s ' $(docker ps -q --no-trunc --filter status=paused)) "
    for c in $paused; do
        case "$now_paused" in
        *" $c "*) ;;
        *) lw_do docker pause "$c" || lw_note "docker pause $c failed" ;;
        esac
    done
fi

lw_step "8 verify"
if [ "$LW_MODE" = run ]; then
    bad=0
    i=1
    n=$(lw_count cover-id)
    while [ "$i" -le "$n" ]; do
        id=$(lw_nth cover-id "$i")
        ident=$(lw_nth cover-ident "$i")
        i=$((i + 1))
        if lw_same_mount "$id" "$ident"; then
            printf '%s\n' "LW-VERIFY failed: cover $id is still mounted"
            bad=1
        fi
    done
    docker info >/dev/null 2>&1 || { printf '%s\n' "LW-VERIFY failed: docker info does not answer"; bad=1; }
    now=" $(printf '%s ' $(lw_running_ids)) "
    for c in $before; do
        case "$now" in
        *" $c "*) ;;
        *) printf '%s\n' "LW-VERIFY failed: container $c ran before the repair and does not run now"; bad=1 ;;
        esac
    done
    now_paused=" $(printf '%s ' $(docker ps -q --no-trunc --filter status=paused)) "
    for c in $paused; do
        case "$now_paused" in
        *" $c "*) ;;
        *) printf '%s\n' "LW-VERIFY failed: container $c was paused before the repair and is not now"; bad=1 ;;
        esac
    done
    if ! lw_can_create; then
        printf '%s\n' "LW-VERIFY failed: docker create: $CREATE_ERR"
        bad=1
    fi
    [ "$bad" = 0 ] || lw_fail "verification failed: see LW-VERIFY"
    printf '%s\n' "LW-VERIFY ok: no cover, $nbefore container(s) running as before, docker answers and creates containers"
fi
echo "LW-DONE"
