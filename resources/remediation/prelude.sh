# Layerwatch remediation prelude. Sent before every reviewed script on the same stdin, run as
#   timeout -k 10 <seconds> sh -s -- <dry-run|run> <base64 parameters>
# Parameters are data: base64 of lines "<name> <base64 value>" (a name may repeat: a list, in order).
# Nothing here evaluates a parameter as shell text.
set -u
set -f
LW_MODE=${1:-}
case "$LW_MODE" in
dry-run|run) ;;
*) echo "LW-FAIL unknown mode" >&2; exit 64 ;;
esac
LW_PARAMS=$(printf '%s' "${2:-}" | base64 -d) || { echo "LW-FAIL parameters are not valid base64" >&2; exit 64; }
# The process group, so that a cancel from a second channel can end everything this run started.
LW_PGID=$(ps -o pgid= -p $$ 2>/dev/null | tr -d ' ')
printf '%s\n' "LW-PGID ${LW_PGID:-unknown}"
printf '%s\n' "LW-MODE $LW_MODE"

# lw_b64list NAME: the base64 values of parameter NAME, one a line, in order.
lw_b64list() { printf '%s\n' "$LW_PARAMS" | awk -v n="$1" '$1 == n { print $2 }'; }
# lw_decode B64: the decoded value, byte for byte (trailing newlines kept).
lw_decode() { printf '%s' "$1" | base64 -d; }
# lw_nth NAME I: the I-th (1-based) value of list NAME, decoded.
lw_nth() { lw_b64list "$1" | sed -n "${2}p" | { read -r b || true; lw_decode "${b:-}"; }; }
# lw_param NAME: the first value of NAME, decoded; empty if absent.
lw_param() { lw_nth "$1" 1; }
lw_count() { lw_b64list "$1" | grep -c . || true; }
# lw_quote ARG: ARG as one single-quoted shell word, for display only.
lw_quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
lw_step() { printf '%s\n' "LW-STEP $*"; }
lw_note() { printf '%s\n' "LW-NOTE $*"; }
lw_fail() { printf '%s\n' "LW-FAIL $*" >&2; exit 3; }
# lw_do CMD ARGS...: runs the command, or in a dry run prints exactly what would run.
lw_do() {
    if [ "$LW_MODE" = dry-run ]; then
        printf 'LW-WOULD-RUN'
        for a in "$@"; do printf ' %s' "$(lw_quote "$a")"; done
        printf '\n'
        return 0
    fi
    printf 'LW-RUN'
    for a in "$@"; do printf ' %s' "$(lw_quote "$a")"; done
    printf '\n'
    "$@"
}
# lw_mount_present ID ENCODED_MOUNT_POINT: is mount ID still at that mount point (as /proc/self/mountinfo
# writes it, octal escapes and all)? Values go to awk through the environment, never through its program text.
lw_mount_present() {
    LW_ID=$1 LW_MP=$2 awk '$1 == ENVIRON["LW_ID"] && $5 == ENVIRON["LW_MP"] { found = 1 } END { exit !found }' \
        /proc/self/mountinfo
}
lw_mount_id_present() {
    LW_ID=$1 awk '$1 == ENVIRON["LW_ID"] { found = 1 } END { exit !found }' /proc/self/mountinfo
}
# lw_file_sha256 FILE: the file's SHA-256, or "absent".
lw_file_sha256() { if [ -e "$1" ]; then sha256sum < "$1" | cut -d' ' -f1; else echo absent; fi; }
