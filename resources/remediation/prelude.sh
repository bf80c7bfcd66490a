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
# lw_mount_ident ID: the mount's identity as mountinfo writes it (escaped): "MAJ:MIN ROOT MOUNTPOINT
# MOUNT-OPTIONS FSTYPE SOURCE SUPER-OPTIONS", then " | " and the same of its parent, its parent's parent and
# so on up to the top of the table; fails if ID is not mounted. Linux reuses mount IDs, and a new tmpfs can
# even get the old one's device number: a plan names a mount by all of this, not by its ID alone.
lw_mount_ident() {
    LW_ID=$1 awk '
        { sep = 0; for (i = 7; i <= NF; i++) if ($i == "-") { sep = i; break }
          if (!sep) next
          ident[$1] = $3 " " $4 " " $5 " " $6 " " $(sep + 1) " " $(sep + 2) " " $(sep + 3); parent[$1] = $2 }
        END { id = ENVIRON["LW_ID"]; if (!(id in ident)) exit 1
              out = ident[id]; seen[id] = 1
              for (p = parent[id]; (p in ident) && !(p in seen); p = parent[p]) { out = out " | " ident[p]; seen[p] = 1 }
              printf "%s\n", out }' /proc/self/mountinfo
}
# lw_same_mount ID IDENT: is mount ID still the mount of the plan (same identity)?
lw_same_mount() { [ "$(lw_mount_ident "$1")" = "$2" ]; }
# lw_resolved_mount PATH: the ID of the mount that PATH resolves to, as the kernel answers it (the mnt_id of
# an open descriptor of it); nothing if PATH is not a directory or cannot be opened.
lw_resolved_mount() {
    [ -d "$1" ] && [ ! -L "$1" ] || return 1
    ( exec 7<"$1" || exit 1
      while read -r k v; do [ "$k" = mnt_id: ] && { printf '%s\n' "$v"; exit 0; }; done </proc/self/fdinfo/7
      exit 1 ) 2>/dev/null
}
# lw_visible PATH ID: does PATH resolve to mount ID (it is not covered by anything mounted later)?
lw_visible() { [ "$(lw_resolved_mount "$1")" = "$2" ]; }
# lw_safe_name NAME: a name docker gives (container and layer IDs, BuildKit's names): [0-9A-Za-z_.-], not . or ..
lw_safe_name() { case "$1" in '' | . | .. | *[!0-9A-Za-z_.-]*) return 1 ;; esac; }
# lw_overlay_names ROOT: the overlay2 directory names in the paths on stdin (the daemon's GraphDriver data and
# mount sources, any separators), one a line.
lw_overlay_names() {
    tr '":,[]{} ' '\n\n\n\n\n\n\n\n' | while IFS= read -r p; do
        case "$p" in
        "$1"/overlay2/?*) n=${p#"$1"/overlay2/}; n=${n%%/*}; lw_safe_name "$n" && printf '%s\n' "$n" ;;
        esac
    done
}
# lw_running_ids: the full IDs of the running containers, one a line.
lw_running_ids() { docker ps -q --no-trunc; }
lw_mount_id_present() {
    LW_ID=$1 awk '$1 == ENVIRON["LW_ID"] { found = 1 } END { exit !found }' /proc/self/mountinfo
}
# lw_file_sha256 FILE: the file's SHA-256, or "absent".
lw_file_sha256() { if [ -e "$1" ]; then sha256sum < "$1" | cut -d' ' -f1; else echo absent; fi; }
