#!/usr/bin/env bash
# Regenerates the PNG icons (no SVG image plugin on the target: plain PNGs, 32x32, drawn with ImageMagick).
set -euo pipefail
cd "$(dirname "$0")"
font=DejaVu-Sans-Bold
circle() { # name colour glyph
  convert -size 32x32 xc:none -fill "$2" -draw "circle 16,16 16,2" \
    -fill white -font "$font" -pointsize 20 -gravity center -annotate +0+1 "$3" "$1.png"
}
circle critical '#c62828' '!'
circle info '#1565c0' 'i'
circle ok '#2e7d32' '✓'
circle unknown '#9e9e9e' '?'
convert -size 32x32 xc:none -fill '#f9a825' -stroke '#b26a00' -strokewidth 1.5 -draw "polygon 16,3 30,28 2,28" \
  -stroke none -fill black -font "$font" -pointsize 17 -gravity center -annotate +0+4 '!' warning.png
# Repair (a wrench: an action, not a state like a check mark would read): a handle and an open ring.
convert -size 32x32 xc:none -fill none -stroke '#455a64' -strokewidth 6 -draw "line 5,27 15,17" \
  -strokewidth 4.5 -draw "circle 20,12 27,12" \
  \( -size 32x32 xc:none -fill black -draw "polygon 20,12 22,0 32,0 32,10" \) -compose DstOut -composite repair.png
# Application icon: stacked layers with an eye-like lens.
convert -size 64x64 xc:none \
  -fill '#1565c0' -draw "roundrectangle 6,36 58,50 5,5" \
  -fill '#42a5f5' -draw "roundrectangle 6,22 58,36 5,5" \
  -fill '#90caf9' -draw "roundrectangle 6,8 58,22 5,5" \
  -fill none -stroke '#c62828' -strokewidth 4 -draw "circle 44,44 44,34" layerwatch.png
