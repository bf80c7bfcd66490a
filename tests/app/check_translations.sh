#!/bin/sh
# Fails when a .ts file in translations/ is not complete: it runs lupdate over the sources (the same
# options as the update_translations target) on a copy, so strings that are missing from the .ts files
# show up as unfinished too, then looks for unfinished or empty translations.
# Usage: check_translations.sh LUPDATE SOURCE_DIR
set -eu
lupdate=$1
top=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
dirs="$top/src"
[ -d "$top/ui" ] && dirs="$dirs $top/ui"
for ts in "$top"/translations/*.ts; do
  name=$(basename "$ts")
  cp "$ts" "$work/$name"
  # shellcheck disable=SC2086
  if ! "$lupdate" -silent -no-obsolete -locations none $dirs -ts "$work/$name" >"$work/lupdate.log" 2>&1; then
    cat "$work/lupdate.log" >&2
    echo "FAIL: lupdate failed on $name" >&2
    status=1
    continue
  fi
  unfinished=$(grep -c 'type="unfinished"' "$work/$name" || true)
  empty=$(grep -c -E '<translation>\s*</translation>|<numerusform>\s*</numerusform>' "$work/$name" || true)
  total=$(grep -c '<message' "$work/$name" || true)
  if [ "$unfinished" -ne 0 ] || [ "$empty" -ne 0 ]; then
    echo "FAIL: $name: $unfinished unfinished or missing, $empty empty translations (of $total)" >&2
    grep -B3 'type="unfinished"' "$work/$name" | grep '<source>' | head -20 >&2 || true
    status=1
  else
    echo "ok: $name: $total messages, all translated"
  fi
done
exit $status
