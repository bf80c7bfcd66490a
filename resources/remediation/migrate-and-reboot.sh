# migrate-and-reboot: the seed's repair plan 2. Reboots the host after the operator confirmed that the
# workloads were moved away. Parameters: confirm-host (must equal this host's name as the operator typed
# it); allow-running (yes to reboot even though containers still run).
lw_step "1 confirm the host"
want=$(lw_param confirm-host)
have=$(hostname 2>/dev/null || uname -n)
[ -n "$want" ] || lw_fail "no confirmation given"
[ "$want" = "$have" ] || lw_fail "confirmation '$want' does not match this host ('$have')"

lw_step "2 check that the workloads were moved away"
running=$(docker ps -q 2>/dev/null | grep -c . || true)
if [ "${running:-0}" -gt 0 ]; then
    if [ "$(lw_param allow-running)" = yes ]; then
        lw_note "$running container(s) still running; rebooting anyway (allow-running=yes)"
    else
        lw_fail "$running container(s) still running: move the workloads away first"
    fi
fi

lw_step "3 reboot"
lw_do systemctl reboot || lw_fail "systemctl reboot failed"
echo "LW-DONE"
