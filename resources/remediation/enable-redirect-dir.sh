# enable-redirect-dir: set /sys/module/overlay/parameters/redirect_dir to Y at run time.
# Parameters: persist (yes to also write /etc/modprobe.d/layerwatch-overlay.conf for the next boot).
param=/sys/module/overlay/parameters/redirect_dir
lw_step "1 read the current value"
[ -e "$param" ] || lw_fail "$param does not exist (overlay module not loaded, or kernel older than 4.10)"
old=$(cat "$param") || lw_fail "cannot read $param"
printf '%s\n' "redirect_dir is $old"
case "$old" in
Y | y | 1 | on) echo "already enabled"; echo "LW-DONE"; exit 0 ;;
esac

lw_step "2 enable it"
if [ "$LW_MODE" = dry-run ]; then
    printf '%s\n' "LW-WOULD-WRITE $param: Y"
else
    printf 'Y\n' > "$param" || lw_fail "writing $param failed"
    now=$(cat "$param")
    case "$now" in Y | y | 1 | on) printf '%s\n' "redirect_dir is now $now" ;; *) lw_fail "redirect_dir still reads $now" ;; esac
fi
lw_note "only mounts made from now on use redirect_dir; existing container mounts keep their options until remounted"

lw_step "3 persistence"
if [ "$(lw_param persist)" = yes ]; then
    conf=/etc/modprobe.d/layerwatch-overlay.conf
    if [ "$LW_MODE" = dry-run ]; then
        printf '%s\n' "LW-WOULD-WRITE $conf: options overlay redirect_dir=on"
    else
        printf 'options overlay redirect_dir=on\n' > "$conf" || lw_fail "writing $conf failed"
        printf '%s\n' "wrote $conf"
    fi
else
    lw_note "not persistent: after a reboot or module reload it is off again (persist=yes writes /etc/modprobe.d/layerwatch-overlay.conf)"
fi
echo "LW-DONE"
