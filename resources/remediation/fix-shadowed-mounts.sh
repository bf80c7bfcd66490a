# fix-shadowed-mounts: the seed's repair plan 1 for overlay mounts covered by a later mount.
# Parameters: docker-root; cover-id, cover-mp (as in mountinfo, escaped), cover-path (decoded): the covering
# mounts in the order to unmount them (most recent first); layer: the layer IDs whose rootfs was covered;
# containers: restart (default) | remove-all | none.
lw_step "1 check the graph driver"
driver=$(docker info --format '{{.Driver}}' 2>&1) || lw_fail "docker info failed: $driver"
case "$driver" in
overlay2|overlayfs) printf '%s\n' "graph driver: $driver" ;;
*) lw_fail "graph driver is '$driver', not overlay2: this repair does not apply" ;;
esac

# Layer IDs are directory names docker made (hex); anything else is refused, not interpreted.
lw_layers() {
    lw_b64list layer | while read -r b; do
        l=$(lw_decode "$b")
        case "$l" in '' | *[!0-9A-Za-z_-]*) printf 'LW-NOTE ignoring malformed layer ID\n' >&2 ;; *) printf '%s\n' "$l" ;; esac
    done
}
docker_root=$(lw_param docker-root)
[ -n "$docker_root" ] || lw_fail "no docker-root parameter"
n=$(lw_count cover-id)
[ "$n" -gt 0 ] || lw_fail "no covering mounts given"
[ "$n" -eq "$(lw_count cover-mp)" ] && [ "$n" -eq "$(lw_count cover-path)" ] || lw_fail "cover lists differ in length"

lw_step "2 unmount $n covering mount(s), most recent first"
i=1
while [ "$i" -le "$n" ]; do
    id=$(lw_nth cover-id "$i")
    mp=$(lw_nth cover-mp "$i")
    path=$(lw_nth cover-path "$i"; printf x)
    path=${path%x}
    case "$id" in '' | *[!0-9]*) lw_fail "cover $i: mount ID '$id' is not a number" ;; esac
    # Re-check right before the change: the same mount ID at the same path as when the plan was made.
    lw_mount_present "$id" "$mp" || lw_fail "state changed: mount $id is no longer at $mp; stopping this host"
    lw_do umount -- "$path" || lw_fail "umount of mount $id failed"
    if [ "$LW_MODE" = run ] && lw_mount_id_present "$id"; then
        lw_fail "mount $id is still mounted after umount"
    fi
    i=$((i + 1))
done

lw_step "3 containers whose rootfs was covered"
mode=$(lw_param containers)
[ -n "$mode" ] || mode=restart
case "$mode" in
none) lw_note "containers left alone (containers=none)" ;;
remove-all)
    ids=$(docker ps -aq --no-trunc) || lw_fail "docker ps failed"
    for c in $ids; do lw_do docker rm -f "$c" || lw_fail "docker rm -f $c failed"; done
    ;;
restart)
    layers=$(lw_layers)
    ids=$(docker ps -q --no-trunc) || lw_fail "docker ps failed"
    for c in $ids; do
        merged=$(docker inspect --format '{{.GraphDriver.Data.MergedDir}}' "$c" 2>/dev/null) || continue
        for l in $layers; do
            if [ "$merged" = "$docker_root/overlay2/$l/merged" ]; then
                lw_do docker restart "$c" || lw_fail "docker restart $c failed"
            fi
        done
    done
    ;;
*) lw_fail "containers must be restart, remove-all or none" ;;
esac

lw_step "4 restart docker"
lw_do systemctl restart docker || lw_fail "systemctl restart docker failed"

lw_step "5 verify"
if [ "$LW_MODE" = run ]; then
    for l in $(lw_layers); do
        LW_MP="$docker_root/overlay2/$l/merged" awk '
            { mp = $5; gsub(/\\040/, " ", mp); gsub(/\\011/, "\t", mp); gsub(/\\134/, "\\", mp) }
            mp == ENVIRON["LW_MP"] && $0 ~ / - overlay / { found = 1 } END { exit !found }' /proc/self/mountinfo \
            && printf '%s\n' "layer $l: merged overlay mounted" || printf '%s\n' "layer $l: merged overlay not in mountinfo"
    done
fi
echo "LW-DONE"
