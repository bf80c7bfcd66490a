#!/bin/sh
# The console reads --data-dir before its option parser (the language saved there translates --help):
# both `--data-dir DIR` and `--data-dir=DIR` must find DIR's settings.
# Usage: check_gui_options.sh PATH/TO/layerwatch
set -u
gui=$1
work=$(mktemp -d /tmp/lw-gui-options.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data" "$work/home"
printf '[General]\nlanguage=zh_CN\n' >"$work/data/layerwatch.ini"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" QT_QPA_PLATFORM=offscreen
fail=0
for form in "--data-dir=$work/data" "--data-dir $work/data"; do
    # shellcheck disable=SC2086 # the second form is two words on purpose
    out=$("$gui" $form --help 2>/dev/null)
    case $out in
    *用法*) ;;
    *) echo "FAIL: $form: --help is not in the saved language" >&2; fail=1 ;;
    esac
done
out=$("$gui" --help 2>/dev/null)
case $out in
*Usage*) ;;
*) echo "FAIL: without --data-dir: --help is not in English" >&2; fail=1 ;;
esac
# --help and --version need no display (#19): no DISPLAY, no WAYLAND_DISPLAY, the default platform plugin.
for opt in --help --version; do
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$gui" $opt 2>&1)
    rc=$?
    case "$opt:$rc:$out" in
    --help:0:*--demo*) ;;
    --version:0:layerwatch*) ;;
    *) echo "FAIL: $opt without a display: exit $rc: $out" >&2; fail=1 ;;
    esac
done
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$gui" --lang zh_CN --help 2>&1)
case $out in
*用法*) ;;
*) echo "FAIL: --lang zh_CN --help without a display: $out" >&2; fail=1 ;;
esac
exit $fail
