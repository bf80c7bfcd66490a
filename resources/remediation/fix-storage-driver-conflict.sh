# fix-storage-driver-conflict: keep one source of the storage-driver setting. Layerwatch renders the new
# content of the one file that changes; this script checks the file is still the one the plan was made from
# (its SHA-256), keeps a backup, replaces it atomically, restarts docker and rolls back if docker does not
# come up. Parameters: file (path), expected-sha256 (of the current content), content (the new content).
lw_step "1 check the file is unchanged since the plan"
file=$(lw_param file)
want=$(lw_param expected-sha256)
case "$file" in
/etc/docker/daemon.json | /etc/sysconfig/docker-storage) ;;
*) lw_fail "refusing to edit '$file'" ;;
esac
have=$(lw_file_sha256 "$file")
[ "$have" = "$want" ] || lw_fail "state changed: $file has SHA-256 $have, the plan was made from $want"

backup="$file.layerwatch-$(date -u +%Y%m%dT%H%M%SZ)"
tmp="$file.layerwatch-new.$$"
lw_step "2 back up $file to $backup and write the new content"
if [ "$LW_MODE" = dry-run ]; then
    printf '%s\n' "LW-WOULD-RUN cp -p -- $(lw_quote "$file") $(lw_quote "$backup")"
    printf '%s\n' "LW-WOULD-WRITE $(lw_quote "$file"):"
    lw_param content | sed 's/^/  | /'
    echo
else
    cp -p -- "$file" "$backup" || lw_fail "backup failed"
    lw_param content > "$tmp" || { rm -f -- "$tmp"; lw_fail "writing the new content failed"; }
    chmod --reference="$file" -- "$tmp" 2>/dev/null || true
    mv -f -- "$tmp" "$file" || { rm -f -- "$tmp"; lw_fail "replacing $file failed"; }
    printf '%s\n' "backup: $backup"
fi

lw_step "3 restart docker"
if lw_do systemctl restart docker && { [ "$LW_MODE" = dry-run ] || systemctl is-active --quiet docker; }; then
    echo "LW-DONE"
    exit 0
fi
lw_step "4 roll back: docker did not come up"
lw_do cp -p -- "$backup" "$file"
lw_do systemctl restart docker
lw_fail "docker did not start with the new configuration; $file restored from $backup"
