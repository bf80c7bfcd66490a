# order-docker-after-mounts: makes docker.service wait for the mount(s) that hold the docker root, so that a
# late mount can no longer cover the containers' overlay mounts (the prevention admins use).
# Parameters: mount-point: the paths for RequiresMountsFor= (the planner sends only [A-Za-z0-9/._@:+-]).
# Writes /etc/systemd/system/docker.service.d/layerwatch-mounts.conf (an earlier copy is kept as .bak) and
# runs systemctl daemon-reload; docker is not restarted (the ordering applies from its next start).

dir=/etc/systemd/system/docker.service.d
file=$dir/layerwatch-mounts.conf

lw_step "1 check systemd and the paths"
[ -d /run/systemd/system ] || lw_fail "this host does not run systemd"
n=$(lw_count mount-point)
[ "$n" -gt 0 ] || lw_fail "no mount-point given"
paths=
i=1
while [ "$i" -le "$n" ]; do
    p=$(lw_nth mount-point "$i")
    i=$((i + 1))
    case "$p" in
    /*) ;;
    *) lw_fail "mount-point '$p' is not an absolute path" ;;
    esac
    case "$p" in *[!A-Za-z0-9/._@:+-]*) lw_fail "mount-point has characters this script does not write into a unit file" ;; esac
    paths="$paths${paths:+ }$p"
done
have=$(systemctl show docker -p RequiresMountsFor --value 2>&1) || lw_fail "systemctl show docker failed: $have"
missing=
for p in $paths; do
    case " $have " in
    *" $p "*) printf '%s\n' "already required: $p" ;;
    *) missing="$missing${missing:+ }$p" ;;
    esac
done
if [ -z "$missing" ]; then
    printf '%s\n' "docker.service already waits for $paths: nothing to do"
    echo "LW-DONE"
    exit 0
fi

lw_step "2 write the drop-in $file"
[ ! -L /etc/systemd/system ] && [ ! -L "$dir" ] && [ ! -L "$file" ] || lw_fail "a symlink is in the way of $file: refused"
content="# Written by Layerwatch (order-docker-after-mounts): docker starts only after these are mounted.
[Unit]
RequiresMountsFor=$paths"
if [ "$LW_MODE" = dry-run ]; then
    printf '%s\n' "LW-WOULD-WRITE $file:" "$content"
else
    mkdir -p -- "$dir" || lw_fail "cannot create $dir"
    [ ! -e "$file" ] || cp -p -- "$file" "$file.bak" || lw_fail "cannot back up $file"
    tmp=$dir/.layerwatch-mounts.conf.$$
    printf '%s\n' "$content" >"$tmp" && mv -f -- "$tmp" "$file" || { rm -f -- "$tmp"; lw_fail "cannot write $file"; }
    printf '%s\n' "LW-RUN wrote $file"
fi

lw_step "3 reload systemd"
lw_do systemctl daemon-reload || lw_fail "systemctl daemon-reload failed"

lw_step "4 verify"
if [ "$LW_MODE" = run ]; then
    have=$(systemctl show docker -p RequiresMountsFor --value 2>&1) || lw_fail "systemctl show docker failed: $have"
    for p in $paths; do
        case " $have " in
        *" $p "*) ;;
        *) lw_fail "LW-VERIFY failed: RequiresMountsFor does not list $p after the reload ($have)" ;;
        esac
    done
    printf '%s\n' "LW-VERIFY ok: RequiresMountsFor=$have"
fi
echo "LW-DONE"
