#!/usr/bin/env bash
# Regenerates the application icon in the hicolor sizes (PNG, committed: the build needs no ImageMagick)
# from one 256x256 drawing: the console's icon (resources/icons/make-icons.sh), stacked layers with a lens.
# layerwatch.svg is the same drawing for the scalable size.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 256x256 xc:none \
  -fill '#1565c0' -draw "roundrectangle 24,144 232,200 20,20" \
  -fill '#42a5f5' -draw "roundrectangle 24,88 232,144 20,20" \
  -fill '#90caf9' -draw "roundrectangle 24,32 232,88 20,20" \
  -fill none -stroke '#c62828' -strokewidth 16 -draw "circle 176,176 176,136" \
  -define png:exclude-chunks=date,time -strip PNG32:layerwatch-256.png
for size in 16 22 24 32 48 64 128; do
  convert layerwatch-256.png -resize "${size}x${size}" -define png:exclude-chunks=date,time -strip \
    PNG32:"layerwatch-$size.png"
done
